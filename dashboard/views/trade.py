"""Trade: annual series per reporter, the mirror comparison, part years and a projection."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard.analytics import trade
from dashboard.analytics.basis import SHOWN
from dashboard.analytics.events import events_between
from dashboard.cache import shared
from dashboard.charts import trade as charts
from dashboard.datasets import DataError
from dashboard.formatting import FLOW_LABELS, SIDE_LABELS, event_key, money, percent, unit_label
from dashboard.models.trade import (
    SIDES_WITH_STATISTICS,
    Projection,
    ProjectionChoice,
    TradeModel,
    choose_projection,
    projection_frame,
)
from dashboard.session.binding import bound_slider, bound_widget, current_view, report_repair, update_view
from dashboard.session.pages.trade import MIRROR_FLOWS, TradeState
from dashboard.session.params import Repair
from dashboard.views import components

MIRROR_NOTE = (
    "Why the two sides differ: exports are valued FOB (at the border) and imports CIF "
    "(including freight and insurance), so the importer's figure is normally higher; goods "
    "shipped in December may be counted in different years; and goods routed through third "
    "countries (re-exports, e.g. via Kazakhstan) may be assigned to another partner by one side."
)


def in_view(frame: pd.DataFrame, view: TradeState, by_side: bool = False) -> pd.DataFrame:
    """Rows of a model frame inside the chosen years (and, where asked, from the chosen reporters' sides)."""
    keep = frame["year"].between(*view.years)
    if by_side:
        keep &= frame["side"].isin(view.reporters)
    return frame[keep]


def statistics_sides(view: TradeState) -> list[str]:
    return [side for side in SIDES_WITH_STATISTICS if side in view.reporters]


def kpi_row(model: TradeModel, view: TradeState) -> None:
    sides = statistics_sides(view)
    if not sides:
        return
    columns = st.columns(2 * len(sides))
    for i, side in enumerate(sides):
        name = SIDE_LABELS[side]
        kpis = trade.trade_kpis(in_view(model.headline[side], view))
        if kpis is None:
            components.metric(
                columns[2 * i],
                f"{name}: latest total",
                "–",
                border=True,
                basis=f"{name}'s statistics",
                help="No annual figure in these years.",
            )
            continue
        change = (
            None if kpis.change_pct is None else f"{percent(kpis.change_pct, kpis.change_qualifier)} vs {kpis.year - 1}"
        )
        basis = {"published": "as published with it", "computed": "computed from the two IMF years"}
        components.metric(
            columns[2 * i],
            f"{name}: total trade {kpis.year}",
            money(kpis.value_usd_m, view.units, kpis.qualifier),
            delta=change,
            basis=f"{kpis.figure_label}; change {basis.get(kpis.change_basis or '', 'not published')}",
            help=(
                f"Figure from: {kpis.figure_label}; change {basis.get(kpis.change_basis or '', 'not published')}. "
                f"One figure per year on {name}'s statistics: IMF DOTS up to {model.dots_years[1]}, then the "
                f"best-ranked published statement ({trade.RANKING_RULE})."
            ),
            border=True,
            **components.change_style(kpis.change_pct),
        )
        components.metric(
            columns[2 * i + 1],
            f"{name}: record year",
            str(kpis.record_year),
            delta=money(kpis.record_value_usd_m, view.units, kpis.record_qualifier),
            delta_color="off",
            delta_arrow="off",
            help=f"Highest total in the selected years among the figures of {kpis.record_label}, the reporter "
            "of the latest total; other reporters' figures are not ranked against them.",
            border=True,
            basis=f"{kpis.record_label}; the highest of its own figures in the years shown",
        )


def annual_section(model: TradeModel, view: TradeState) -> None:
    st.subheader("Annual trade by reporter")
    first, last = model.dots_years
    st.caption(
        f"Lines: IMF Direction of Trade Statistics as each country reported it ({first}–{last}); a break "
        f"in a line is a year with no figure. Hollow marks: full-year figures published after {last} "
        "on that side's statistics — several per year where statements disagree; triangles are lower "
        "bounds ('over …'), diamonds approximations. Numbered markers are events; hover for details."
    )
    sides = statistics_sides(view)
    if not sides:
        components.no_data("Select Russia or Tajikistan under Reporters to see the annual series.")
        return
    events = events_between(model.events, view.years)
    for side in sides:
        st.markdown(f"**As reported by {SIDE_LABELS[side]}**")
        frame = in_view(shared.trade_frames().annual_frames[(side, view.units)], view)
        if frame.empty:
            components.no_data("No annual figures in the selected years.")
            continue
        chart = shared.chart_spec(charts.annual_measures_chart, frame, model.events, view.years, unit_label(view.units))
        data = in_view(model.annual[side], view)[
            ["measure", "value_usd_m", "qualifier", "figure_id", "status", *SHOWN, "source_id"]
        ]
        components.chart_with_sources(
            chart,
            data,
            model.sources,
            f"annual_trade_{side}.csv",
            description=f"Annual trade as reported by {SIDE_LABELS[side]}: total, both flows and the balance",
            note=event_key(events),
        )


def mirror_section(model: TradeModel, view: TradeState) -> None:
    st.subheader("Mirror statistics: one flow, two reporters")
    flow = (
        bound_widget(
            st.segmented_control,
            "flow",
            view.flow,
            "Flow",
            options=list(MIRROR_FLOWS),
            format_func=FLOW_LABELS.get,
            to_view=lambda chosen: chosen or view.flow,
        )
        or view.flow
    )
    exporter, importer = (SIDE_LABELS[side] for side in trade.MIRROR_ROLES[flow])
    gap = in_view(model.mirror[flow], view)
    if gap.empty:
        first, last = model.dots_years
        components.no_data(f"IMF DOTS covers {first}–{last}; the selected years hold no mirror figures.")
        return
    compared = gap.dropna(subset=["gap_pct"])
    if len(compared):
        latest = compared.iloc[-1]
        st.caption(
            f"In {int(latest['year'])} {importer} recorded {money(latest['importer_reported'])} of imports from "
            f"{exporter}; {exporter} recorded {money(latest['exporter_reported'])} of exports, a gap of "
            f"{percent(latest['gap_pct'])}. {MIRROR_NOTE}"
        )
    frame = in_view(shared.trade_frames().mirror_frames[(flow, view.units)], view)
    components.chart_with_sources(
        shared.chart_spec(charts.mirror_chart, frame, unit_label(view.units)),
        in_view(model.mirror_rows[flow], view),
        model.sources,
        f"mirror_{flow}.csv",
        description=f"{FLOW_LABELS[flow]} as reported by each side, and the gap between them",
        note="Bars: importer's figure minus exporter's, as % of the exporter's; no bar where an IMF estimate "
        "stands behind a side or a side has no figure (the CSV says why).",
    )


def article_caption(model: TradeModel, view: TradeState) -> str:
    """What the article said about trade, set against the later record, in numbers from the data."""
    claims = model.article_claims
    if claims is None:
        return ""
    return trade.article_trade_sentence(claims, lambda value: money(value, view.units))


def published_section(model: TradeModel, view: TradeState) -> None:
    st.subheader(f"Full-year totals published since {model.dots_years[1] + 1}")
    frame = in_view(shared.trade_frames().published_frames[view.units], view, by_side=True)
    if frame.empty:
        components.no_data("No published full-year totals for the selected years and reporters.")
        return
    st.caption(f"Every published figure for the year's total, one mark per statement. {article_caption(model, view)}")
    if model.reporting_note:
        st.caption(model.reporting_note)
    data = in_view(model.published_totals, view, by_side=True)[
        ["value_usd_m", "qualifier", "status", "figure_id", *SHOWN, "source_id", "note"]
    ]
    components.chart_with_sources(
        shared.chart_spec(charts.published_years_chart, frame, unit_label(view.units)),
        data,
        model.sources,
        "published_full_years.csv",
        description="Every published full-year total, by year and reporter",
    )


def part_year_section(model: TradeModel, view: TradeState) -> None:
    st.subheader("Part-year figures and their published growth")
    rows = in_view(model.part_years, view, by_side=True)
    if rows.empty:
        components.no_data("No part-year figures for the selected years and reporters.")
        return
    growth = in_view(model.part_year_growth, view, by_side=True)
    if not growth.empty:
        chart = shared.chart_spec(charts.part_year_growth_chart, growth)
        components.show_chart(chart, "Published part-year growth on a year earlier, by end of period")
    table = pd.DataFrame(
        {
            "Period": rows["period"],
            "Flow": rows["flow"].map(FLOW_LABELS),
            "Value": [
                money(v, view.units, q) for v, q in zip(rows["value_usd_m"], rows["value_qualifier"], strict=True)
            ],
            "Growth on a year earlier (published)": [
                percent(g, q) for g, q in zip(rows["yoy_growth_pct"], rows["growth_qualifier"], strict=True)
            ],
            "Reporter": rows["label"],
            "Figure": rows["figure_id"],
        }
    ).iloc[::-1]
    st.dataframe(table, hide_index=True, width="stretch", height=280)
    columns = ["figure_id", "period", "flow", "value_usd_m", "value_qualifier", "yoy_growth_pct", "growth_qualifier"]
    components.sources_and_download(
        rows[[*columns, *SHOWN, "source_id", "note"]], model.sources, "part_year_figures.csv"
    )


def projection_section(model: TradeModel, view: TradeState) -> None:
    st.subheader("Full-year projection")
    st.caption(
        "If the whole year grew as a part of it did: projected full year = previous full year × "
        "(1 + growth). The Russia Briefing article of 29 June 2022 did this for 2022; *Load the Russia "
        "Briefing projection* repeats it."
    )
    every_year = shared.trade_frames().projections
    projections = {year: p for year, p in every_year.items() if view.years[0] <= year <= view.years[1]}
    if not projections:
        components.no_data("No year in the selected range has a part-year growth figure to project from.")
        return
    choice = choose_projection(projections, view.proj_year, view.proj_base, view.proj_growth)
    for fallback in choice.fallbacks:
        report_repair(Repair(fallback.param, fallback.given, fallback.used, fallback.reason))
    repaired = {fallback.param for fallback in choice.fallbacks}
    if "proj_year" in repaired:
        repaired |= {"proj_base", "proj_growth"}  # they belonged to the year that was replaced
    if repaired:
        update_view(**dict.fromkeys(repaired))
        view = current_view(TradeState)

    left, right = st.columns([2, 3])
    with left:
        projection_controls(model, projections, view, choice)
    outcomes = projections[choice.year].outcomes
    outcomes = outcomes[outcomes["side"].isin(view.reporters)]
    with right:
        if choice.projected_usd_m is None:
            not_projected(choice, view)
        else:
            projected(choice, view)
        bars = projection_frame(choice, outcomes, view.units)
        components.chart_with_sources(
            shared.chart_spec(charts.projection_chart, bars, unit_label(view.units)),
            bars.drop(columns=["value", "value_text"]),
            model.sources,
            f"projection_{choice.year}.csv",
            description=f"Projected {choice.year} total against the base year and the reported outcomes",
        )
        if outcomes.empty:
            st.caption(f"No full-year figure for {choice.year} from the selected reporters has been published.")


def projected(choice: ProjectionChoice, view: TradeState) -> None:
    """The projection's card and its arithmetic."""
    base = choice.base
    components.metric(
        st,
        f"Projected {choice.year} total",
        money(choice.projected_usd_m, view.units, choice.qualifier),
        delta=f"{percent(choice.growth)} on {money(float(base['value_usd_m']), view.units)}",
        border=True,
        basis=f"a projection worked out here: {base['label']}'s {choice.year - 1} total × (1 + growth; "
        f"{growth_origin(choice)})",
        **components.change_style(choice.growth),
    )
    components.say(
        f"Formula: {money(float(base['value_usd_m']), 'musd')} × (1 {'+' if choice.growth >= 0 else '−'} "
        f"{abs(choice.growth):.1f}%) = **{money(choice.projected_usd_m, 'musd')}**"
    )


def not_projected(choice: ProjectionChoice, view: TradeState) -> None:
    """A base and a growth of two reporters: both figures side by side with the reason, never their product."""
    base, growth = choice.base, choice.published_growth
    components.metric(
        st,
        f"Projected {choice.year} total",
        "not projected",
        border=True,
        basis=f"{base['label']}'s {choice.year - 1} total and {growth['label']}'s {growth['period']} growth: "
        f"{choice.projection.reason}",
    )
    components.say(
        f"Not projected: {choice.projection.reason}. Side by side: {base['label']}'s {choice.year - 1} total, "
        f"{money(float(base['value_usd_m']), view.units, str(base['qualifier']))}; {growth['label']}'s growth in "
        f"{growth['period']}, {percent(choice.growth, str(growth['growth_qualifier']))}. Choose a previous year "
        "of the same reporter, or set the growth on the slider."
    )


def projection_controls(
    model: TradeModel, projections: Mapping[int, Projection], view: TradeState, choice: ProjectionChoice
) -> None:
    inputs = projections[choice.year]
    bound_widget(
        st.selectbox,
        "proj_year",
        choice.year,
        "Year to project",
        options=list(projections),
        index=None,
        resets=("proj_base", "proj_growth"),
    )
    base_labels = {
        row.figure_id: f"{money(row.value_usd_m, view.units, row.qualifier)}, {row.label}"
        + (f" ({row.status})" if row.status != "final" else "")
        for row in inputs.bases.itertuples()
    }
    bound_widget(
        st.selectbox,
        "proj_base",
        str(choice.base["figure_id"]),
        f"Previous full year ({choice.year - 1})",
        options=list(base_labels),
        format_func=base_labels.get,
        labels_from=view.units,
        help="Every published total for that year, best-ranked first: " + trade.RANKING_RULE + ".",
    )
    bound_slider(
        "proj_growth",
        float(choice.growth),
        "Growth for the whole year, %",
        format="%+.1f%%",
        help="Starts at the latest published part-year growth on the same side as the chosen figure.",
    )
    published = "; ".join(
        f"{r.period}: {percent(r.yoy_growth_pct, r.growth_qualifier)} ({r.label})"
        for r in inputs.growths.head(6).itertuples()
    )
    st.caption(f"Published part-year growth for {choice.year}, latest first: {published}.")
    if model.article_case is None:
        return
    case_year, case_base, case_growth = model.article_case
    case_value = shared.trade_frames().projections[case_year].bases.set_index("figure_id").loc[case_base, "value_usd_m"]
    if st.button(
        "Load the Russia Briefing projection",
        icon=":material/history_edu:",
        help=f"The article of 29 June 2022 projected {case_year} from {money(case_value)} in {case_year - 1} "
        f"at {percent(case_growth)}",
    ):
        years = (min(view.years[0], case_year), max(view.years[1], case_year))  # widen only if needed
        update_view(proj_year=case_year, proj_base=case_base, proj_growth=case_growth, years=years)
        st.rerun()


def share_section(view: TradeState) -> None:
    """Russia's weight in Tajikistan's trade: where the Overview's share card leads."""
    st.subheader("Russia's share of Tajikistan's trade")
    try:
        shares = shared.russia_shares()
        sources = shared.dataset("sources")
    except DataError as error:
        components.data_error(error)
        return
    shown = shares[shares["year"].between(*view.years)]
    if shown.empty:
        components.no_data("No full-year share is published for the selected years.")
        return
    components.chart_with_sources(
        shared.chart_spec(charts.russia_share_chart, shown),
        shown,
        sources,
        "russia_share_of_tajik_trade.csv",
        description="Russia's share of Tajikistan's total trade, imports and exports, by year",
        note="Full-year figures as published, one point per report; part-year shares are left out.",
    )


def render() -> None:
    st.title("Russia–Tajikistan trade")
    st.caption("Goods trade between the two countries in US$, as each side and its officials report it.")
    model = components.model_or_error(shared.trade_model)
    if model is None:
        return
    view = current_view(TradeState, model.year_range)
    kpi_row(model, view)
    annual_section(model, view)
    share_section(view)
    mirror_section(model, view)
    published_section(model, view)
    part_year_section(model, view)
    projection_section(model, view)


def growth_origin(choice: ProjectionChoice) -> str:
    """Whose part-year growth the projection applies, or that the viewer set it."""
    published = choice.published_growth
    if choice.growth_is_published:
        return f"{published['label']}'s {published['period']} growth"
    return "growth set on the slider"


render()
