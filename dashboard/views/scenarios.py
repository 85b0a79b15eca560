"""Scenarios: what a Russian downturn does to remittances in Tajikistan, Kyrgyzstan and
Uzbekistan, estimated from the World Bank's record, with its uncertainty and its track record."""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from dashboard.analytics import scenarios as sc
from dashboard.brief import collect
from dashboard.cache import shared, specs
from dashboard.charts import scenarios as charts
from dashboard.formatting import localized, markdown_text
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.scenarios import (
    Drivers,
    Outcome,
    ScenariosModel,
    apply_scenario,
    economy_in,
    for_csv,
    horizon_label,
    outcomes_frame,
    result_frame,
    rows_in,
    second_round,
)
from dashboard.session.binding import bound_slider, bound_widget, current_view, update_view
from dashboard.session.pages.scenarios import MAX_SAVED, SAVED_NAME, ScenariosState
from dashboard.session.state import slider_range
from dashboard.views import components
from dashboard.views.redraw import redrawn_alone

CAVEAT = N_(
    "An association in past data, not a law: the estimate says how remittances moved with Russia's growth and "
    "the ruble in the years on record, and 2022, when they rose while Russia shrank, is part of that record."
)


def change(value: float, lang: Language) -> str:
    """A signed change in %: '+5.0%' / '+5,0 %'."""
    return localized.signed(value, lang, "%") if lang.is_source else localized.percent(value, lang)


def percent(value: float, lang: Language) -> str:
    """A share of GDP: '47.9%' / '47,9 %'."""
    return f"{value:.1f}%" if lang.is_source else localized.percent(value, lang, signed=False)


def horizon_words(model: ScenariosModel, years_ahead: int, lang: Language) -> str:
    """The assumption a year further ahead rests on, in plain words."""
    _ = lang.gettext
    first, chosen = horizon_label(model, 1, lang), horizon_label(model, years_ahead, lang)
    record = _("The record links each year's change in remittances to the same year's Russian growth and ruble.")
    if years_ahead == 1:
        return record + " " + _("The drivers are {year}'s changes on the year before.").format(year=chosen)
    return (
        record
        + " "
        + _(
            "For {year}, the drivers are taken as the same change in every year from {first} to {year}, "
            "and their effects add up year on year. The interval widens with each year: it allows for each year's "
            "own surprise and for the uncertainty of the estimate, which repeats every year."
        ).format(year=chosen, first=first)
    )


DRIVER_COLUMNS = [3, 2]  # the controls beside the presets, in the drivers' heading and in the section below it


def drivers_heading(model: ScenariosModel, view: ScenariosState, lang: Language) -> None:
    """The year the scenario is for, and what it assumes: choosing another reruns the whole page."""
    _ = lang.gettext
    ahead = view.sc_ahead
    st.subheader(
        _("Drivers: the year ahead")
        if ahead == 1
        else _("Drivers: each year to {year}").format(year=horizon_label(model, ahead, lang))
    )
    left = st.columns(DRIVER_COLUMNS, gap="medium")[0]  # as wide as the sliders below
    with left:
        bound_widget(
            st.segmented_control,
            "sc_ahead",
            view.sc_ahead,
            _("Year"),
            options=slider_range("sc_ahead").steps(),
            format_func=lambda years: horizon_label(model, years, lang),
            to_view=lambda chosen: chosen or view.sc_ahead,
            help=_("How far ahead the scenario reaches: the next year, or up to three years ahead."),
        )
        st.caption(horizon_words(model, view.sc_ahead, lang))


def drivers(model: ScenariosModel, view: ScenariosState, lang: Language) -> None:
    """The sliders, and the presets beside them (a preset or Reset sets the sliders, then the
    section reruns with them)."""
    _ = lang.gettext
    left, right = st.columns(DRIVER_COLUMNS, gap="medium")
    with left:
        bound_slider(
            "sc_growth",
            float(view.sc_growth),
            _("Russia's real GDP growth, %"),
            shown=localized.SIGNED_PERCENT,
            help=_("WDI NY.GDP.MKTP.KD.ZG for Russia, in each year to the chosen one."),
        )
        bound_slider(
            "sc_ruble",
            float(view.sc_ruble),
            _("Ruble against the US$, %"),
            shown=localized.SIGNED_PERCENT,
            help=_(
                "Change in US$ per ruble (from WDI PA.NUS.FCRF) in each year to the chosen one: negative = a "
                "weaker ruble."
            ),
        )
        bound_slider(
            "sc_migrants",
            float(view.sc_migrants),
            _("Migrant workers, change in number, %"),
            shown=localized.SIGNED_PERCENT,
            help=_(
                "Applied as an assumption, not estimated: each worker sends as much as before; the change is "
                "taken in each year to the chosen one."
            ),
        )
    with right:
        st.caption(_("What happened (WDI values for that year against the one before):"))
        for year, (growth, ruble) in model.presets.items():
            st.button(
                _("As in {year}: Russia {growth}, ruble {ruble}").format(
                    year=year, growth=change(growth, lang), ruble=change(ruble, lang)
                ),
                key=f"sc_preset_{year}",
                width="stretch",
                help=_(
                    "Russia's GDP growth {year} (NY.GDP.MKTP.KD.ZG) and the ruble's change {previous}→{year} "
                    "(PA.NUS.FCRF), from the World Bank's record."
                ).format(year=year, previous=year - 1),
                on_click=update_view,
                kwargs={
                    **ScenariosState.clamped(sc_growth=growth, sc_ruble=ruble),
                    **ScenariosState.defaults("sc_migrants"),
                },
            )
        st.button(
            _("Reset the drivers"),
            key="sc_reset",
            width="stretch",
            on_click=update_view,
            kwargs=ScenariosState.defaults(),
        )


def interval_text(mean: float, low: float, high: float, fmt: Callable[[float], str], lang: Language) -> str:
    """'US$4,579m (90%: US$1,215m to US$7,944m)': a value and its interval, one way everywhere."""
    return lang.gettext("{value} ({level}: {low} to {high})").format(
        value=fmt(mean), level=localized.share(sc.LEVEL, lang), low=fmt(low), high=fmt(high)
    )


def result_section(model: ScenariosModel, result: list[Outcome], view: ScenariosState, lang: Language) -> None:
    _ = lang.gettext
    level = localized.share(sc.LEVEL, lang)
    year = max(row.year for row in result)
    heading = (
        _("Remittances the year ahead ({year}), with a {level} prediction interval")
        if view.sc_ahead == 1
        else lang.ngettext(
            "Remittances {count} years ahead ({year}), with a {level} prediction interval",
            "Remittances {count} years ahead ({year}), with a {level} prediction interval",
            view.sc_ahead,
        )
    )
    st.subheader(heading.format(count=view.sc_ahead, year=year, level=level))
    columns = st.columns(len(result))
    for column, row in zip(columns, result, strict=True):
        economy = economy_in(row.economy, lang)
        components.metric(
            column,
            f"{economy}, {row.year}",
            localized.money(row.usd_m, lang, view.units),
            delta=_("{change} on {year}").format(change=change(row.growth_pct, lang), year=row.base_year),
            help=_(
                "{level} interval: {low} to {high} ({change_low} to {change_high}); {share} of {year} GDP "
                "({share_low}–{share_high}). Base: WDI BX.TRF.PWKR.CD.DT and NY.GDP.MKTP.CD, {economy}, {year}."
            ).format(
                level=level,
                low=localized.money(row.usd_low, lang, view.units),
                high=localized.money(row.usd_high, lang, view.units),
                change_low=change(row.growth_low, lang),
                change_high=change(row.growth_high, lang),
                share=percent(row.pct_gdp, lang),
                year=row.base_year,
                share_low=f"{row.pct_low:.1f}" if lang.is_source else localized.number(row.pct_low, lang, 1),
                share_high=percent(row.pct_high, lang),
                economy=economy,
            ),
            source_ids=(row.source_id,),
            lang=lang,
            **components.change_style(row.growth_pct),
        )
    summary = " ".join(
        _("**{economy}**: {interval}, {share} of {year} GDP (was {was} in {year}).").format(
            economy=economy_in(row.economy, lang),
            interval=interval_text(
                row.usd_m, row.usd_low, row.usd_high, lambda v: localized.money(v, lang, "musd"), lang
            ),
            share=percent(row.pct_gdp, lang),
            year=row.base_year,
            was=percent(row.base_pct_gdp, lang),
        )
        for row in result
    )
    components.say(summary)
    if any(row.floored for row in result):
        st.caption(_("Where an interval reaches a fall of more than 100%, its lower end is cut at zero remittances."))
    if view.sc_ahead > 1:
        st.caption(
            _(
                "More than a year ahead, the central value is the average of the outcomes the record allows: where "
                "the record is noisy, the chance of large gains pulls that average up, even when each year's central "
                "growth is a fall."
            )
        )
    left, right = st.columns(2)
    for where, measure, title, fmt, name in (
        (left, "usd", _("Remittances, US$ m"), ",.0f", "scenario_usd.csv"),
        (right, "pct", _("Remittances, % of GDP (GDP held at its latest year)"), ".1f", "scenario_pct_gdp.csv"),
    ):
        with where:
            frame = rows_in(for_csv(result_frame(result, measure), model.sources, "scenario"), lang)
            # The description stays the same as the sliders move (the numbers are in the sentence
            # above and the table below), so the browser only swaps the chart's rows instead of
            # drawing it anew: the spec Streamlit compares is unchanged but for its data.
            components.show_chart(
                specs.chart_spec_for_rows(charts.result_chart, frame, title, fmt, lang),
                _(
                    "{title}: each economy's latest actual year and the scenario's year ahead with its {level} "
                    "interval (numbers in the text above)"
                ).format(title=title, level=level),
                lang=lang,
            )
            components.sources_and_download(frame, model.sources, name, lang=lang)
            components.numbers_as_table(frame, name, lang=lang)
    russia_share(model, lang)


def russia_share(model: ScenariosModel, lang: Language) -> None:
    share = model.share_from_russia
    if share is None:
        return
    value = f"{share['value']:.0f}%" if lang.is_source else localized.percent(share["value"], lang, signed=False)
    st.caption(
        markdown_text(
            lang.gettext(
                "The estimate covers remittances from all origins (WDI). Of {country}'s, {share} came from Russia "
                "in {year} ({publisher}), the latest published share."
            ).format(
                country=economy_in("Tajikistan", lang),
                share=value,
                year=int(share["year"]),
                publisher=share["publisher"],
            )
        )
    )


def second_round_section(model: ScenariosModel, result: list[Outcome], lang: Language) -> None:
    _ = lang.gettext
    level = localized.share(sc.LEVEL, lang)
    st.subheader(_("Second round: imports and household consumption"))
    rounds = second_round(model, result)
    rows = rounds.to_dict("records")  # a few rows, read on every slider move: plain dicts, not pandas rows

    def measure(row: dict) -> str:
        in_language = lang.gettext  # the measure's name is marked where it is written (analytics.scenarios)
        return in_language(row["measure"]).lower()

    def slope(value: float) -> str:
        return f"{value:.2f}" if lang.is_source else localized.number(value, lang, 2)

    lines = [
        "- "
        + _(
            "**{economy}, {measure}**: {change} of GDP ({level}: {low} to {high}); {slope} pts per point of "
            "remittances, N = {n}"
        ).format(
            economy=economy_in(row["economy"], lang),
            measure=measure(row),
            change=localized.points(row["change_pts"], lang),
            level=level,
            low=localized.points(row["low_pts"], lang),
            high=localized.points(row["high_pts"], lang),
            slope=slope(row["slope"]),
            n=row["n"],
        )
        for row in rows
        if row["supported"]
    ]
    hidden = [row for row in rows if not row["supported"]]
    if hidden:
        lines.append(
            "- "
            + _("Not shown, as the record shows no link (the slope's interval includes zero): {list}").format(
                list="; ".join(
                    _("{economy} {measure} ({low} to {high})").format(
                        economy=economy_in(row["economy"], lang),
                        measure=measure(row),
                        low=slope(row["slope_low"]),
                        high=slope(row["slope_high"]),
                    )
                    for row in hidden
                )
            )
        )
    st.markdown("\n".join(lines))
    st.caption(
        _(
            "Each line: the yearly change in the share of GDP (WDI NE.IMP.GNFS.ZS, NE.CON.PRVT.ZS) regressed on the "
            "change in remittances' share (BX.TRF.PWKR.DT.GD.ZS), HAC errors; the interval is that fit's {level} "
            "prediction interval at the scenario's central change in remittances, so it leaves out the first step's "
            "own uncertainty. More than a year ahead, the yearly changes add up to the change shown."
        ).format(level=level)
    )
    components.sources_and_download(
        for_csv(rounds, model.sources, "second_round"), model.sources, "scenario_second_round.csv", lang=lang
    )


@redrawn_alone("sc-scenario")
def scenario_section(model: ScenariosModel) -> None:
    """The drivers and what they give: a slider, a preset or Reset reruns this section alone (the
    sections below do not depend on the drivers; saving a scenario reruns the whole page)."""
    view = current_view(ScenariosState)
    lang = view.language
    drivers(model, view, lang)
    result = apply_scenario(model, Drivers(view.sc_growth, view.sc_ruble, view.sc_migrants, view.sc_ahead))
    result_section(model, result, view, lang)
    second_round_section(model, result, lang)


def compare_section(model: ScenariosModel, view: ScenariosState, lang: Language) -> list[Outcome]:
    _ = lang.gettext
    st.subheader(_("Compare named scenarios"))
    saved = list(view.sc_saved)
    current = (view.sc_growth, view.sc_ruble, view.sc_migrants, view.sc_ahead)
    name_col, save_col = st.columns([3, 2], vertical_alignment="bottom")
    name = name_col.text_input(
        _("Name for the current drivers"),
        # a name is part of the link, in its Latin letters and digits (SAVED_NAME): "S3" in a language
        # other than English, whose word for a scenario is not written in them
        value=f"Scenario {len(saved) + 1}" if lang.is_source else f"S{len(saved) + 1}",
        max_chars=24,
        key="sc_name_draft",
        help=_("Letters, digits, spaces, . _ -; the saved scenarios are part of the link."),
    ).strip()
    if save_col.button(_("Save for comparison"), key="sc_save", width="stretch", disabled=len(saved) >= MAX_SAVED):
        if not re.fullmatch(SAVED_NAME, name):
            st.warning(_("A name starts with a letter or digit and uses letters, digits, spaces, . _ - (up to 24)."))
        else:
            kept = [item for item in saved if item[0] != name]
            update_view(sc_saved=(*kept, (name, *current))[:MAX_SAVED])
            st.rerun()
    if len(saved) >= MAX_SAVED:
        st.caption(
            lang.ngettext(
                "Up to {count} scenarios: remove one to save another.",
                "Up to {count} scenarios: remove one to save another.",
                MAX_SAVED,
            ).format(count=MAX_SAVED)
        )
    if not saved:
        st.caption(_("No scenario saved yet: set the drivers, name them and save, then set others."))
        return []
    outcomes = [
        outcome
        for label, growth, ruble, migrants, ahead in saved
        for outcome in apply_scenario(model, Drivers(growth, ruble, migrants, ahead), label)
    ]
    compared = outcomes_frame(outcomes)
    columns = st.columns(len(saved))
    for column, (label, growth, ruble, migrants, ahead) in zip(columns, saved, strict=True):
        with column:
            st.markdown(
                markdown_text(
                    _("**{name}**: Russia {growth}, ruble {ruble}, migrants {migrants}, for {year}").format(
                        name=label,
                        growth=change(growth, lang),
                        ruble=change(ruble, lang),
                        migrants=change(migrants, lang) or "0%",
                        year=horizon_label(model, ahead, lang),
                    )
                )
            )
            if st.button(_("Remove"), key=f"sc_remove_{label}", width="stretch"):
                update_view(sc_saved=tuple(item for item in saved if item[0] != label))
                st.rerun()
    table = compared.assign(economy=compared["economy"].map(lambda name: economy_in(name, lang)))
    table = table.pivot_table(index="economy", columns="scenario", values="usd_m", sort=False)
    table = table.map(lambda v: localized.money(v, lang, "musd"))
    st.dataframe(table.rename_axis(index=_("economy"), columns=_("scenario")), width="stretch")
    components.sources_and_download(
        for_csv(compared, model.sources, "scenario"), model.sources, "scenario_compare.csv", lang=lang
    )
    for row in outcomes:
        held = (
            ""
            if row.years_ahead == 1
            else _(", each year from {first} to {last}").format(first=row.base_year + 1, last=row.year)
        )
        collect.paragraph(
            _(
                "Scenario {name} (Russia {growth}, ruble {ruble}, migrants {migrants}{held}): {economy} {year} "
                "{interval}, {share} of GDP."
            ).format(
                name=row.scenario,
                growth=change(row.russia_growth, lang),
                ruble=change(row.ruble_change, lang),
                migrants=change(row.migrants, lang) or "0%",
                held=held,
                economy=economy_in(row.economy, lang),
                year=row.year,
                interval=interval_text(
                    row.usd_m, row.usd_low, row.usd_high, lambda v: localized.money(v, lang, "musd"), lang
                ),
                share=percent(row.pct_gdp, lang),
            )
        )
    return outcomes


def estimates_in_words(model: ScenariosModel, lang: Language) -> str:
    """The estimates in one sentence per economy, for the brief (the page shows them as a table)."""
    _ = lang.gettext

    def sgn(value: float) -> str:
        return f"{value:+.2f}" if lang.is_source else localized.signed(value, lang, digits=2)

    parts = []
    for economy in model.economies.values():
        fit = economy.fit
        growth, ruble = fit.interval(1), fit.interval(2)
        parts.append(
            _(
                "{economy}: {ruble} points of remittance growth per 1% of ruble ({ruble_low} to {ruble_high}), "
                "{growth} per point of Russia's growth ({growth_low} to {growth_high}); N {n}, {first}–{last}, "
                "R² {r2}."
            ).format(
                economy=economy_in(economy.name, lang),
                ruble=sgn(ruble[0]),
                ruble_low=sgn(ruble[1]),
                ruble_high=sgn(ruble[2]),
                growth=sgn(growth[0]),
                growth_low=sgn(growth[1]),
                growth_high=sgn(growth[2]),
                n=fit.n,
                first=fit.years[0],
                last=fit.years[-1],
                r2=f"{fit.r2:.2f}" if lang.is_source else localized.number(fit.r2, lang, 2),
            )
        )
    lead = _("Estimated from the record ({level} intervals; an association, not a law).").format(
        level=localized.share(sc.LEVEL, lang)
    )
    return lead + " " + " ".join(parts)


def relationship_section(model: ScenariosModel, lang: Language) -> None:
    """The estimates, and the record behind them (whose axis control redraws the scatters alone)."""
    _ = lang.gettext
    st.subheader(_("The relationship it rests on"))
    st.markdown(markdown_text(_(CAVEAT)))
    coefficients = model.coefficients
    st.dataframe(
        shared.scenario_coefficients(lang),
        hide_index=True,
        width="stretch",
    )
    st.caption(
        _(
            "Each economy: yearly growth of remittances received in US$ (WDI BX.TRF.PWKR.CD.DT) on Russia's real GDP "
            "growth (NY.GDP.MKTP.KD.ZG) and the ruble's change against the US$ (from PA.NUS.FCRF), same year, from "
            "{start} (earlier values jump). Ordinary least squares; Newey–West (HAC) standard errors, {lags} lags, "
            "small-sample corrected; t-based {level} intervals (statsmodels' estimator, checked against statsmodels)."
        ).format(
            start=sc.SAMPLE_FROM, lags=int(coefficients["hac_lags"].iloc[0]), level=localized.share(sc.LEVEL, lang)
        )
    )
    collect.paragraph(estimates_in_words(model, lang))
    components.sources_and_download(
        for_csv(coefficients, model.sources, "coefficients"), model.sources, "scenario_coefficients.csv", lang=lang
    )
    scatter_section(model)


DRIVER_NAMES = {"ruble": N_("The ruble"), "growth": N_("Russia's growth")}


@redrawn_alone("sc-scatter")
def scatter_section(model: ScenariosModel) -> None:
    """Each economy's record against the driver chosen for the horizontal axis, with the fit."""
    view = current_view(ScenariosState)
    lang = view.language
    _ = lang.gettext
    axis = bound_widget(
        st.segmented_control,
        "sc_axis",
        view.sc_axis,
        _("Driver on the horizontal axis"),
        options=["ruble", "growth"],
        format_func=lambda driver: _(DRIVER_NAMES[driver]),
        to_view=lambda chosen: chosen or view.sc_axis,
    )
    driver = "ruble_change" if (axis or view.sc_axis) == "ruble" else "russia_growth"
    columns = st.columns(len(model.economies))
    for column, (iso3, economy) in zip(columns, model.economies.items(), strict=True):
        with column:
            points = model.points_by_economy[iso3]
            name = economy_in(economy.name, lang)
            components.show_chart(
                specs.chart_spec(charts.scatter_chart, points, model.lines[(iso3, driver)], driver, name, lang),
                _("{economy}: remittance growth against {driver}, each year labelled, with the fitted line").format(
                    economy=name, driver=_(charts.AXIS_TITLES[driver])
                ),
                points,  # the model's own frame: its text alternative is worked out once
                lang=lang,
            )
    components.sources_and_download(
        model.points,
        model.sources,
        "scenario_record.csv",
        note=_("Dashed line: the fit, the other driver held at its average. Red: 2009, 2015, 2020, 2022."),
        lang=lang,
    )


def track_record_section(model: ScenariosModel, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Track record: each episode predicted without it"))
    missed = model.backtests[~model.backtests["inside"]]
    verdict = (
        _("Every episode falls inside its interval.")
        if missed.empty
        else _("Outside the interval: {list}.").format(
            list=", ".join(f"{economy_in(row.economy, lang)} {row.year}" for row in missed.itertuples())
        )
    )
    components.say(
        _(
            "For 2009, 2015, 2020 and 2022 in turn, the estimate is fitted without that year and asked to predict "
            "it from that year's Russian growth and ruble. {verdict}"
        ).format(verdict=verdict)
    )
    columns = st.columns(len(model.economies))
    for column, (iso3, economy) in zip(columns, model.economies.items(), strict=True):
        with column:
            frame = rows_in(model.backtest_frames[iso3], lang)
            name = economy_in(economy.name, lang)
            components.show_chart(
                specs.chart_spec(charts.backtest_chart, frame, name, lang),
                _("{economy}: remittance growth in each episode against the prediction made without it").format(
                    economy=name
                ),
                frame,
                lang=lang,
            )
    components.sources_and_download(
        for_csv(model.backtests, model.sources, "track_record"),
        model.sources,
        "scenario_track_record.csv",
        lang=lang,
    )
    if len(model.broke_2022):
        # the sources' words are quoted as they published them, in their language
        st.markdown("**{}**".format(_("What broke in 2022, in the sources' words")))
        st.markdown("\n".join(markdown_text(f"- {row.when}: “{row.words}”") for row in model.broke_2022.itertuples()))
        components.sources_line(model.broke_2022, model.sources, lang=lang)


def render() -> None:
    view = current_view(ScenariosState)
    lang = view.language
    _ = lang.gettext
    st.title(_("Scenarios"))
    st.caption(
        _(
            "If Russia's economy shrinks and the ruble falls, what happens to remittances in Tajikistan, Kyrgyzstan "
            "and Uzbekistan? Estimated from the World Bank's record, with its uncertainty and its track record."
        )
    )
    model = components.model_or_error(shared.scenarios_model, lang=lang)
    if model is None:
        return
    drivers_heading(model, view, lang)
    scenario_section(model)
    compare_section(model, view, lang)
    relationship_section(model, lang)
    track_record_section(model, lang)
    st.caption(
        _(
            "Every number comes from the World Bank's World Development Indicators (October 2025 edition, "
            "data/wdi_macro.csv), or is computed from it here. A change in remittances is applied with the "
            "Remittances page's own shock arithmetic, the whole inflow exposed and GDP held at its latest year."
        )
    )


render()
