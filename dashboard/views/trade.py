"""Trade: annual series per reporter, the mirror comparison, part years and a projection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.analytics import trade
from dashboard.charts import trade as charts
from dashboard.datasets import DataError
from dashboard.formatting import FLOW_LABELS, SIDE_LABELS, event_key, money, percent, unit_label
from dashboard.state import GROWTH_MAX, GROWTH_MIN, MIRROR_FLOWS, Repair, ViewState
from dashboard.trade_model import SIDES_WITH_STATISTICS, TradeModel
from dashboard.view_session import bound_widget, current_view, report_repair, update_view

MIRROR_NOTE = (
    "Why the two sides differ: exports are valued FOB (at the border) and imports CIF "
    "(including freight and insurance), so the importer's figure is normally higher; goods "
    "shipped in December may be counted in different years; and goods routed through third "
    "countries (re-exports, e.g. via Kazakhstan) may be assigned to another partner by one side."
)


def in_view(frame: pd.DataFrame, view: ViewState, by_side: bool = False) -> pd.DataFrame:
    """Rows inside the chosen years (and, where asked, from the chosen reporters' sides)."""
    keep = frame["year"].between(*view.years)
    if by_side:
        keep &= frame["side"].isin(view.reporters)
    return frame[keep]


def statistics_sides(view: ViewState) -> list[str]:
    return [side for side in SIDES_WITH_STATISTICS if side in view.reporters]


def kpi_row(model: TradeModel, view: ViewState) -> None:
    sides = statistics_sides(view)
    if not sides:
        return
    columns = st.columns(2 * len(sides))
    for i, side in enumerate(sides):
        name = SIDE_LABELS[side]
        kpis = trade.trade_kpis(in_view(model.headline[side], view))
        if kpis is None:
            columns[2 * i].metric(f"{name}: latest total", "–", border=True)
            continue
        basis = {"published": "as published", "computed": "computed"}.get(kpis.change_basis or "", "")
        columns[2 * i].metric(
            f"{name}: total trade {kpis.year}",
            money(kpis.value_usd_m, view.units, kpis.qualifier),
            delta=None
            if kpis.change_pct is None
            else f"{percent(kpis.change_pct, kpis.change_qualifier)} vs {kpis.year - 1}",
            help=(
                f"Figure from: {kpis.figure_label}; change {basis or 'not available'}. One figure per year: IMF "
                "DOTS up to 2020, then the best-ranked published statement (statistics before officials, "
                "exact before approximate before lower bounds)."
            ),
            border=True,
        )
        columns[2 * i + 1].metric(
            f"{name}: record year",
            str(kpis.record_year),
            delta=money(kpis.record_value_usd_m, view.units, kpis.record_qualifier),
            delta_color="off",
            delta_arrow="off",
            border=True,
        )


def annual_section(model: TradeModel, view: ViewState) -> None:
    st.subheader("Annual trade by reporter")
    st.caption(
        "Lines: IMF Direction of Trade Statistics as each country reported it (1993–2020); a break "
        "in a line is a year with no figure. Hollow marks: full-year figures published after 2020 "
        "by that side's statistics offices and officials — several per year where they disagree; "
        "triangles are lower bounds ('over US$1.5bn'). Numbered markers are events; hover for details."
    )
    sides = statistics_sides(view)
    if not sides:
        components.no_data("Select Russia or Tajikistan under Reporters to see the annual series.")
        return
    for side in sides:
        st.markdown(f"**As reported by {SIDE_LABELS[side]}**")
        frame = in_view(model.annual_frames[(side, view.units)], view)
        if frame.empty:
            components.no_data("No annual figures in the selected years.")
            continue
        chart = components.spec(charts.annual_measures_chart, frame, model.events, view.years, unit_label(view.units))
        data = in_view(model.annual[side], view)[
            ["year", "measure", "value_usd_m", "qualifier", "label", "figure_id", "status", "source_id"]
        ]
        events = model.events[model.events["x"].between(view.years[0], view.years[1] + 1)]
        components.chart_with_sources(
            chart,
            data,
            model.sources,
            f"annual_trade_{side}.csv",
            note=event_key(events),
            description=f"Annual trade as reported by {SIDE_LABELS[side]}: total, both flows and the balance",
        )


def mirror_section(model: TradeModel, view: ViewState) -> None:
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
    exporter, importer = ("Russia", "Tajikistan") if flow == "ru_to_tj" else ("Tajikistan", "Russia")
    gap = in_view(model.mirror[flow], view)
    if gap.empty:
        components.no_data(f"IMF DOTS covers 1993–{model.last_dots_year}; the selected years hold no mirror figures.")
        return
    compared = gap.dropna(subset=["gap_pct"])
    if len(compared):
        latest = compared.iloc[-1]
        st.caption(
            f"In {int(latest['year'])} {importer} recorded {money(latest['importer_reported'])} of imports from "
            f"{exporter}; {exporter} recorded {money(latest['exporter_reported'])} of exports, a gap of "
            f"{percent(latest['gap_pct'])}. {MIRROR_NOTE}"
        )
    frame = in_view(model.mirror_frames[(flow, view.units)], view)
    chart = components.spec(charts.mirror_chart, frame, unit_label(view.units), exporter, importer)
    components.chart_with_sources(
        chart,
        gap.assign(flow=flow, source_id="imf-dots"),
        model.sources,
        f"mirror_{flow}.csv",
        note="Bars: importer's figure minus exporter's, as % of the exporter's.",
        description=f"{FLOW_LABELS[flow]} as reported by each side, and the gap between them",
    )


def published_section(model: TradeModel, view: ViewState) -> None:
    st.subheader(f"Full-year totals published since {model.last_dots_year + 1}")
    frame = in_view(model.published_frames[view.units], view, by_side=True)
    if frame.empty:
        components.no_data("No published full-year totals for the selected years and reporters.")
        return
    st.caption(
        "Every published figure for the year's total, one mark per statement. The seed article's "
        "US$1.13bn for 2021 was an early estimate made before the year closed; later statements "
        "put 2021 at US$1.2–1.4bn. Its 'close to US$2bn' for 2022 (shown as a projection) was not "
        "reached on any basis."
    )
    data = in_view(model.published_totals, view, by_side=True)[
        ["year", "value_usd_m", "qualifier", "status", "label", "figure_id", "source_id", "note"]
    ]
    components.chart_with_sources(
        components.spec(charts.published_years_chart, frame, unit_label(view.units)),
        data,
        model.sources,
        "published_full_years.csv",
        description="Every published full-year total, by year and reporter",
    )


def part_year_section(model: TradeModel, view: ViewState) -> None:
    st.subheader("Part-year figures and their published growth")
    rows = in_view(model.part_years, view, by_side=True)
    if rows.empty:
        components.no_data("No part-year figures for the selected years and reporters.")
        return
    growth = in_view(model.part_year_growth, view, by_side=True)
    if not growth.empty:
        chart = components.spec(charts.part_year_growth_chart, growth)
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
    data = rows[
        [
            "figure_id",
            "period",
            "flow",
            "value_usd_m",
            "value_qualifier",
            "yoy_growth_pct",
            "growth_qualifier",
            "label",
            "source_id",
            "note",
        ]
    ]
    components.sources_and_download(data, model.sources, "part_year_figures.csv")


def projection_section(model: TradeModel, view: ViewState) -> None:
    st.subheader("Full-year projection")
    st.caption(
        "If the whole year grew as a part of it did: projected full year = previous full year × "
        "(1 + growth). The seed article did this for 2022 — US$1.13bn for 2021 and +70% in Q1 "
        "2022 gave 'close to US$2bn'."
    )
    years = list(model.projections)
    if not years:
        components.no_data("No year has both a part-year growth figure and a previous full year.")
        return
    year = view.proj_year if view.proj_year in model.projections else years[-1]
    if view.proj_year is not None and view.proj_year not in model.projections:
        report_repair(
            Repair("proj_year", str(view.proj_year), str(year), "has no part-year growth figure to project from")
        )
        view = update_view(proj_year=None, proj_base=None, proj_growth=None)
    inputs = model.projections[year]
    base_ids = list(inputs.bases["figure_id"])
    base_id = view.proj_base if view.proj_base in base_ids else base_ids[0]
    if view.proj_base is not None and view.proj_base not in base_ids:
        report_repair(Repair("proj_base", view.proj_base, base_id, f"is not a full-year total for {year - 1}"))
        view = update_view(proj_base=None)
    default_growth = float(inputs.growths["yoy_growth_pct"].iloc[0])
    growth = view.proj_growth if view.proj_growth is not None else default_growth

    left, right = st.columns([2, 3])
    with left:
        projection_controls(model, view, year, base_id, growth)
    base = inputs.bases.set_index("figure_id").loc[base_id]
    projected = trade.project_full_year(float(base["value_usd_m"]), growth)
    with right:
        st.metric(
            f"Projected {year} total",
            money(projected, view.units, str(base["qualifier"])),
            delta=f"{percent(growth)} on {money(float(base['value_usd_m']), view.units)}",
            border=True,
        )
        st.markdown(
            f"Formula: {money(float(base['value_usd_m']), 'musd')} × (1 {'+' if growth >= 0 else '−'} "
            f"{abs(growth):.1f}%) = **{money(projected, 'musd')}**"
        )
        bars = charts.projection_frame(base, year, projected, inputs.outcomes, view.units)
        components.chart_with_sources(
            components.spec(charts.projection_chart, bars, unit_label(view.units)),
            bars.drop(columns=["value", "value_text"]),
            model.sources,
            f"projection_{year}.csv",
            description=f"Projected {year} total against the base year and the reported outcomes",
        )
        if inputs.outcomes.empty:
            st.caption(f"No full-year figure for {year} has been published yet.")


def projection_controls(model: TradeModel, view: ViewState, year: int, base_id: str, growth: float) -> None:
    inputs = model.projections[year]
    bound_widget(
        st.selectbox,
        "proj_year",
        year,
        "Year to project",
        options=list(model.projections),
        index=None,
        resets=("proj_base", "proj_growth"),
    )
    base_labels = {
        row.figure_id: f"{row.year}: {money(row.value_usd_m, view.units, row.qualifier)} — {row.label}"
        + (f" ({row.status})" if row.status != "final" else "")
        for row in inputs.bases.itertuples()
    }
    bound_widget(
        st.selectbox,
        "proj_base",
        base_id,
        f"Previous full year ({year - 1})",
        options=list(base_labels),
        format_func=base_labels.get,
    )
    bound_widget(
        st.slider,
        "proj_growth",
        float(min(max(growth, GROWTH_MIN), GROWTH_MAX)),
        "Growth for the whole year, %",
        min_value=GROWTH_MIN,
        max_value=GROWTH_MAX,
        step=0.1,
        format="%+.1f%%",
        help="Starts at the latest published part-year growth for the chosen year.",
    )
    published = "; ".join(
        f"{r.period}: {percent(r.yoy_growth_pct, r.growth_qualifier)} ({r.label})"
        for r in inputs.growths.head(6).itertuples()
    )
    st.caption(f"Published part-year growth for {year}, latest first: {published}.")
    if model.seed_case and st.button(
        "Load the seed article's case", icon=":material/history_edu:", help="2022, from US$1.13bn in 2021 at +70%"
    ):
        seed_year, seed_base, seed_growth = model.seed_case
        update_view(proj_year=seed_year, proj_base=seed_base, proj_growth=seed_growth)
        st.rerun()


def render() -> None:
    st.title("Russia–Tajikistan trade")
    st.caption("Goods trade between the two countries in US$, as each side and its officials report it.")
    view = current_view(cached.year_bounds())
    try:
        model = cached.trade_model()
    except DataError as error:
        components.data_error(error)
        return
    kpi_row(model, view)
    annual_section(model, view)
    mirror_section(model, view)
    published_section(model, view)
    part_year_section(model, view)
    projection_section(model, view)


render()
