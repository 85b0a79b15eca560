"""Scenarios: what a Russian downturn does to remittances in Tajikistan, Kyrgyzstan and
Uzbekistan, estimated from the World Bank's record, with its uncertainty and its track record."""

from __future__ import annotations

import re
from collections.abc import Callable

import streamlit as st

from dashboard.analytics import scenarios as sc
from dashboard.brief import collect
from dashboard.cache import shared
from dashboard.charts import scenarios as charts
from dashboard.formatting import markdown_text, money, signed
from dashboard.models.scenarios import (
    Drivers,
    Outcome,
    ScenariosModel,
    apply_scenario,
    for_csv,
    horizon_label,
    outcomes_frame,
    result_frame,
    second_round,
)
from dashboard.session.binding import bound_slider, bound_widget, current_view, update_view
from dashboard.session.pages.scenarios import MAX_SAVED, SAVED_NAME, ScenariosState
from dashboard.session.state import slider_range
from dashboard.views import components
from dashboard.views.redraw import redrawn_alone

LEVEL = f"{sc.LEVEL:.0%}"
CAVEAT = (
    "An association in past data, not a law: the estimate says how remittances moved with Russia's growth and "
    "the ruble in the years on record, and 2022, when they rose while Russia shrank, is part of that record."
)


def horizon_words(model: ScenariosModel, years_ahead: int) -> str:
    """The assumption a year further ahead rests on, in plain words."""
    first, chosen = horizon_label(model, 1), horizon_label(model, years_ahead)
    record = "The record links each year's change in remittances to the same year's Russian growth and ruble."
    if years_ahead == 1:
        return f"{record} The drivers are {chosen}'s changes on the year before."
    return (
        f"{record} For {chosen}, the drivers are taken as the same change in every year from {first} to {chosen}, "
        "and their effects add up year on year. The interval widens with each year: it allows for each year's own "
        "surprise and for the uncertainty of the estimate, which repeats every year."
    )


DRIVER_COLUMNS = [3, 2]  # the controls beside the presets, in the drivers' heading and in the section below it


def drivers_heading(model: ScenariosModel, view: ScenariosState) -> None:
    """The year the scenario is for, and what it assumes: choosing another reruns the whole page."""
    ahead = view.sc_ahead
    st.subheader("Drivers: the year ahead" if ahead == 1 else f"Drivers: each year to {horizon_label(model, ahead)}")
    left, _ = st.columns(DRIVER_COLUMNS, gap="medium")  # as wide as the sliders below
    with left:
        bound_widget(
            st.segmented_control,
            "sc_ahead",
            view.sc_ahead,
            "Year",
            options=slider_range("sc_ahead").steps(),
            format_func=lambda years: horizon_label(model, years),
            to_view=lambda chosen: chosen or view.sc_ahead,
            help="How far ahead the scenario reaches: the next year, or up to three years ahead.",
        )
        st.caption(horizon_words(model, view.sc_ahead))


def drivers(model: ScenariosModel, view: ScenariosState) -> None:
    """The sliders, and the presets beside them (a preset or Reset sets the sliders, then the
    section reruns with them)."""
    left, right = st.columns(DRIVER_COLUMNS, gap="medium")
    with left:
        bound_slider(
            "sc_growth",
            float(view.sc_growth),
            "Russia's real GDP growth, %",
            format="%+.1f%%",
            help="WDI NY.GDP.MKTP.KD.ZG for Russia, in each year to the chosen one.",
        )
        bound_slider(
            "sc_ruble",
            float(view.sc_ruble),
            "Ruble against the US$, %",
            format="%+.1f%%",
            help="Change in US$ per ruble (from WDI PA.NUS.FCRF) in each year to the chosen one: negative = a "
            "weaker ruble.",
        )
        bound_slider(
            "sc_migrants",
            float(view.sc_migrants),
            "Migrant workers, change in number, %",
            format="%+.0f%%",
            help="Applied as an assumption, not estimated: each worker sends as much as before; the change is "
            "taken in each year to the chosen one.",
        )
    with right:
        st.caption("What happened (WDI values for that year against the one before):")
        for year, (growth, ruble) in model.presets.items():
            st.button(
                f"As in {year}: Russia {signed(growth, '%')}, ruble {signed(ruble, '%')}",
                key=f"sc_preset_{year}",
                width="stretch",
                help=f"Russia's GDP growth {year} (NY.GDP.MKTP.KD.ZG) and the ruble's change {year - 1}→{year} "
                "(PA.NUS.FCRF), from the World Bank's record.",
                on_click=update_view,
                kwargs={
                    **ScenariosState.clamped(sc_growth=growth, sc_ruble=ruble),
                    **ScenariosState.defaults("sc_migrants"),
                },
            )
        st.button(
            "Reset the drivers", key="sc_reset", width="stretch", on_click=update_view, kwargs=ScenariosState.defaults()
        )


def interval_text(mean: float, low: float, high: float, fmt: Callable[[float], str]) -> str:
    """'US$4,579m (90%: US$1,215m to US$7,944m)': a value and its interval, one way everywhere."""
    return f"{fmt(mean)} ({LEVEL}: {fmt(low)} to {fmt(high)})"


def result_section(model: ScenariosModel, result: list[Outcome], view: ScenariosState) -> None:
    year = max(row.year for row in result)
    ahead = "the year ahead" if view.sc_ahead == 1 else f"{view.sc_ahead} years ahead"
    st.subheader(f"Remittances {ahead} ({year}), with a {LEVEL} prediction interval")
    columns = st.columns(len(result))
    for column, row in zip(columns, result, strict=True):
        components.metric(
            column,
            f"{row.economy}, {row.year}",
            money(row.usd_m, view.units),
            delta=f"{signed(row.growth_pct, '%')} on {row.base_year}",
            help=f"{LEVEL} interval: {money(row.usd_low, view.units)} to {money(row.usd_high, view.units)} "
            f"({signed(row.growth_low, '%')} to {signed(row.growth_high, '%')}); {row.pct_gdp:.1f}% of "
            f"{row.base_year} GDP ({row.pct_low:.1f}–{row.pct_high:.1f}%). Base: WDI BX.TRF.PWKR.CD.DT and "
            f"NY.GDP.MKTP.CD, {row.economy}, {row.base_year}.",
            source_ids=(row.source_id,),
            **components.change_style(row.growth_pct),
        )
    summary = " ".join(
        f"**{row.economy}**: {interval_text(row.usd_m, row.usd_low, row.usd_high, lambda v: money(v, 'musd'))}, "
        f"{row.pct_gdp:.1f}% of {row.base_year} GDP (was {row.base_pct_gdp:.1f}% in {row.base_year})."
        for row in result
    )
    components.say(summary)
    if any(row.floored for row in result):
        st.caption("Where an interval reaches a fall of more than 100%, its lower end is cut at zero remittances.")
    if view.sc_ahead > 1:
        st.caption(
            "More than a year ahead, the central value is the average of the outcomes the record allows: where the "
            "record is noisy, the chance of large gains pulls that average up, even when each year's central growth "
            "is a fall."
        )
    left, right = st.columns(2)
    for where, measure, title, fmt, name in (
        (left, "usd", "Remittances, US$ m", ",.0f", "scenario_usd.csv"),
        (right, "pct", "Remittances, % of GDP (GDP held at its latest year)", ".1f", "scenario_pct_gdp.csv"),
    ):
        with where:
            frame = for_csv(result_frame(result, measure), model.sources, "scenario")
            # The description stays the same as the sliders move (the numbers are in the sentence
            # above and the table below), so the browser only swaps the chart's rows instead of
            # drawing it anew: the spec Streamlit compares is unchanged but for its data.
            components.show_chart(
                shared.chart_spec_for_rows(charts.result_chart, frame, title, fmt),
                f"{title}: each economy's latest actual year and the scenario's year ahead with its {LEVEL} "
                "interval (numbers in the text above)",
            )
            components.sources_and_download(frame, model.sources, name)
            components.numbers_as_table(frame, name)
    russia_share(model)


def russia_share(model: ScenariosModel) -> None:
    share = model.share_from_russia
    if share is None:
        return
    st.caption(
        markdown_text(
            f"The estimate covers remittances from all origins (WDI). Of Tajikistan's, {share['value']:.0f}% came "
            f"from Russia in {int(share['year'])} ({share['publisher']}), the latest published share."
        )
    )


def second_round_section(model: ScenariosModel, result: list[Outcome]) -> None:
    st.subheader("Second round: imports and household consumption")
    rounds = second_round(model, result)
    rows = rounds.to_dict("records")  # a few rows, read on every slider move: plain dicts, not pandas rows
    lines = [
        f"- **{row['economy']}, {row['measure'].lower()}**: {signed(row['change_pts'], ' pts')} of GDP "
        f"({LEVEL}: {signed(row['low_pts'], ' pts')} to {signed(row['high_pts'], ' pts')}); "
        f"{row['slope']:.2f} pts per point of remittances, N = {row['n']}"
        for row in rows
        if row["supported"]
    ]
    hidden = [row for row in rows if not row["supported"]]
    if hidden:
        lines.append(
            "- Not shown, as the record shows no link (the slope's interval includes zero): "
            + "; ".join(
                f"{row['economy']} {row['measure'].lower()} ({row['slope_low']:.2f} to {row['slope_high']:.2f})"
                for row in hidden
            )
        )
    st.markdown("\n".join(lines))
    st.caption(
        f"Each line: the yearly change in the share of GDP (WDI NE.IMP.GNFS.ZS, NE.CON.PRVT.ZS) regressed on the "
        f"change in remittances' share (BX.TRF.PWKR.DT.GD.ZS), HAC errors; the interval is that fit's {LEVEL} "
        "prediction interval at the scenario's central change in remittances, so it leaves out the first step's "
        "own uncertainty. More than a year ahead, the yearly changes add up to the change shown."
    )
    components.sources_and_download(
        for_csv(rounds, model.sources, "second_round"), model.sources, "scenario_second_round.csv"
    )


@redrawn_alone("sc-scenario")
def scenario_section(model: ScenariosModel) -> None:
    """The drivers and what they give: a slider, a preset or Reset reruns this section alone (the
    sections below do not depend on the drivers; saving a scenario reruns the whole page)."""
    view = current_view(ScenariosState)
    drivers(model, view)
    result = apply_scenario(model, Drivers(view.sc_growth, view.sc_ruble, view.sc_migrants, view.sc_ahead))
    result_section(model, result, view)
    second_round_section(model, result)


def compare_section(model: ScenariosModel, view: ScenariosState) -> list[Outcome]:
    st.subheader("Compare named scenarios")
    saved = list(view.sc_saved)
    current = (view.sc_growth, view.sc_ruble, view.sc_migrants, view.sc_ahead)
    name_col, save_col = st.columns([3, 2], vertical_alignment="bottom")
    name = name_col.text_input(
        "Name for the current drivers",
        value=f"Scenario {len(saved) + 1}",
        max_chars=24,
        key="sc_name_draft",
        help="Letters, digits, spaces, . _ -; the saved scenarios are part of the link.",
    ).strip()
    if save_col.button("Save for comparison", key="sc_save", width="stretch", disabled=len(saved) >= MAX_SAVED):
        if not re.fullmatch(SAVED_NAME, name):
            st.warning("A name starts with a letter or digit and uses letters, digits, spaces, . _ - (up to 24).")
        else:
            kept = [item for item in saved if item[0] != name]
            update_view(sc_saved=(*kept, (name, *current))[:MAX_SAVED])
            st.rerun()
    if len(saved) >= MAX_SAVED:
        st.caption(f"Up to {MAX_SAVED} scenarios: remove one to save another.")
    if not saved:
        st.caption("No scenario saved yet: set the drivers, name them and save, then set others.")
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
                    f"**{label}**: Russia {signed(growth, '%')}, ruble {signed(ruble, '%')}, migrants "
                    f"{signed(migrants, '%') or '0%'}, for {horizon_label(model, ahead)}"
                )
            )
            if st.button("Remove", key=f"sc_remove_{label}", width="stretch"):
                update_view(sc_saved=tuple(item for item in saved if item[0] != label))
                st.rerun()
    table = compared.pivot_table(index="economy", columns="scenario", values="usd_m", sort=False)
    st.dataframe(table.map(lambda v: money(v, "musd")), width="stretch")
    components.sources_and_download(for_csv(compared, model.sources, "scenario"), model.sources, "scenario_compare.csv")
    for row in outcomes:
        held = "" if row.years_ahead == 1 else f", each year from {row.base_year + 1} to {row.year}"
        collect.paragraph(
            f"Scenario {row.scenario} (Russia {signed(row.russia_growth, '%')}, ruble {signed(row.ruble_change, '%')}, "
            f"migrants {signed(row.migrants, '%') or '0%'}{held}): {row.economy} {row.year} "
            f"{interval_text(row.usd_m, row.usd_low, row.usd_high, lambda v: money(v, 'musd'))}, "
            f"{row.pct_gdp:.1f}% of GDP."
        )
    return outcomes


def estimates_in_words(model: ScenariosModel) -> str:
    """The estimates in one sentence per economy, for the brief (the page shows them as a table)."""
    parts = []
    for economy in model.economies.values():
        fit = economy.fit
        growth, ruble = fit.interval(1), fit.interval(2)
        parts.append(
            f"{economy.name}: {ruble[0]:+.2f} points of remittance growth per 1% of ruble ({ruble[1]:+.2f} to "
            f"{ruble[2]:+.2f}), {growth[0]:+.2f} per point of Russia's growth ({growth[1]:+.2f} to {growth[2]:+.2f}); "
            f"N {fit.n}, {fit.years[0]}–{fit.years[-1]}, R² {fit.r2:.2f}."
        )
    return f"Estimated from the record ({LEVEL} intervals; an association, not a law). " + " ".join(parts)


def relationship_section(model: ScenariosModel) -> None:
    """The estimates, and the record behind them (whose axis control redraws the scatters alone)."""
    st.subheader("The relationship it rests on")
    st.markdown(markdown_text(CAVEAT))
    coefficients = model.coefficients
    st.dataframe(
        shared.scenario_coefficients(),
        hide_index=True,
        width="stretch",
    )
    st.caption(
        "Each economy: yearly growth of remittances received in US$ (WDI BX.TRF.PWKR.CD.DT) on Russia's real GDP "
        "growth (NY.GDP.MKTP.KD.ZG) and the ruble's change against the US$ (from PA.NUS.FCRF), same year, from "
        f"{sc.SAMPLE_FROM} (earlier values jump). Ordinary least squares; Newey–West (HAC) standard errors, "
        f"{int(coefficients['hac_lags'].iloc[0])} lags, small-sample corrected; t-based {LEVEL} intervals "
        "(statsmodels' estimator, checked against statsmodels)."
    )
    collect.paragraph(estimates_in_words(model))
    components.sources_and_download(
        for_csv(coefficients, model.sources, "coefficients"), model.sources, "scenario_coefficients.csv"
    )
    scatter_section(model)


@redrawn_alone("sc-scatter")
def scatter_section(model: ScenariosModel) -> None:
    """Each economy's record against the driver chosen for the horizontal axis, with the fit."""
    view = current_view(ScenariosState)
    axis = bound_widget(
        st.segmented_control,
        "sc_axis",
        view.sc_axis,
        "Driver on the horizontal axis",
        options=["ruble", "growth"],
        format_func={"ruble": "The ruble", "growth": "Russia's growth"}.get,
        to_view=lambda chosen: chosen or view.sc_axis,
    )
    driver = "ruble_change" if (axis or view.sc_axis) == "ruble" else "russia_growth"
    columns = st.columns(len(model.economies))
    for column, (iso3, economy) in zip(columns, model.economies.items(), strict=True):
        with column:
            points = model.points_by_economy[iso3]
            components.show_chart(
                shared.chart_spec(charts.scatter_chart, points, model.lines[(iso3, driver)], driver, economy.name),
                f"{economy.name}: remittance growth against {charts.AXIS_TITLES[driver]}, each year labelled, "
                "with the fitted line",
                points,  # the model's own frame: its text alternative is worked out once
            )
    components.sources_and_download(
        model.points,
        model.sources,
        "scenario_record.csv",
        note="Dashed line: the fit, the other driver held at its average. Red: 2009, 2015, 2020, 2022.",
    )


def track_record_section(model: ScenariosModel) -> None:
    st.subheader("Track record: each episode predicted without it")
    missed = model.backtests[~model.backtests["inside"]]
    verdict = (
        "Every episode falls inside its interval."
        if missed.empty
        else "Outside the interval: " + ", ".join(f"{row.economy} {row.year}" for row in missed.itertuples()) + "."
    )
    components.say(
        f"For 2009, 2015, 2020 and 2022 in turn, the estimate is fitted without that year and asked to predict it "
        f"from that year's Russian growth and ruble. {verdict}"
    )
    columns = st.columns(len(model.economies))
    for column, (iso3, economy) in zip(columns, model.economies.items(), strict=True):
        with column:
            frame = model.backtest_frames[iso3]
            components.show_chart(
                shared.chart_spec(charts.backtest_chart, frame, economy.name),
                f"{economy.name}: remittance growth in each episode against the prediction made without it",
                frame,
            )
    components.sources_and_download(
        for_csv(model.backtests, model.sources, "track_record"), model.sources, "scenario_track_record.csv"
    )
    if len(model.broke_2022):
        st.markdown("**What broke in 2022, in the sources' words**")
        st.markdown("\n".join(markdown_text(f"- {row.when}: “{row.words}”") for row in model.broke_2022.itertuples()))
        components.sources_line(model.broke_2022, model.sources)


def render() -> None:
    st.title("Scenarios")
    st.caption(
        "If Russia's economy shrinks and the ruble falls, what happens to remittances in Tajikistan, Kyrgyzstan and "
        "Uzbekistan? Estimated from the World Bank's record, with its uncertainty and its track record."
    )
    view = current_view(ScenariosState)
    model = components.model_or_error(shared.scenarios_model)
    if model is None:
        return
    drivers_heading(model, view)
    scenario_section(model)
    compare_section(model, view)
    relationship_section(model)
    track_record_section(model)
    st.caption(
        "Every number comes from the World Bank's World Development Indicators (October 2025 edition, "
        "data/wdi_macro.csv), or is computed from it here. A change in remittances is applied with the Remittances "
        "page's own shock arithmetic, the whole inflow exposed and GDP held at its latest year."
    )


render()
