"""The Scenarios page's drivers and what they give: the year ahead, the sliders and presets, the
result with its interval, and the second round; a driver moved reruns this section alone."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analytics import scenarios as sc
from dashboard.cache import edition, shared, specs
from dashboard.charts import scenarios as charts
from dashboard.formatting import localized, markdown_text
from dashboard.formatting.language import Language
from dashboard.models.scenarios import (
    Drivers,
    Outcome,
    ScenariosModel,
    apply_scenario,
    economy_in,
    for_csv,
    horizon_label,
    rows_in,
    second_round,
)
from dashboard.models.scenarios_rows import (
    SECOND_ROUND_NUMBERS,
    ResultShape,
    SecondRoundShape,
    result_frame_around,
    result_numbers,
    result_shape,
    second_round_around,
    second_round_shape,
)
from dashboard.models.scenarios_words import change, horizon_words, interval_text, percent
from dashboard.session.binding import bound_slider, bound_widget, current_view, update_view
from dashboard.session.pages.scenarios import ScenariosState
from dashboard.session.state import slider_range
from dashboard.views import components
from dashboard.views.redraw import redrawn_alone

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
            moves=True,
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
            frame = result_rows(result, measure, lang)
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


def result_rows(result: list[Outcome], measure: str, lang: Language) -> pd.DataFrame:
    """A result chart's rows as its CSV and its table give them: what a driver does not change
    worked out once per year ahead and language (`result_rows_around`), the numbers put in on
    each move (about 2 ms of the server's time per chart and move, when it was all built anew)."""
    return result_rows_around(result_shape(result), lang).assign(**result_numbers(result, measure))


@edition.per_edition(max_entries=32)
def result_rows_around(shape: ResultShape, lang: Language) -> pd.DataFrame:
    """`result_frame_around(shape)` with the columns every CSV carries, in the viewer's language."""
    return rows_in(for_csv(result_frame_around(shape), shared.scenarios_model().sources, "scenario"), lang)


def second_round_rows(rounds: pd.DataFrame, rows: list[dict], lang: Language) -> pd.DataFrame:
    """The second round's CSV rows (`rounds`, and the same as `rows`, its records), as
    `result_rows` builds the result's: what a driver does not change worked out once
    (`second_round_rows_around`), the numbers it moves put in on each move."""
    around = second_round_rows_around(second_round_shape(list(rounds.columns), rows), lang)
    return around.assign(**{column: rounds[column] for column in SECOND_ROUND_NUMBERS})


@edition.per_edition(max_entries=32)
def second_round_rows_around(shape: SecondRoundShape, lang: Language) -> pd.DataFrame:
    return rows_in(for_csv(second_round_around(shape), shared.scenarios_model().sources, "second_round"), lang)


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
        second_round_rows(rounds, rows, lang),
        model.sources,
        "scenario_second_round.csv",
        lang=lang,
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
