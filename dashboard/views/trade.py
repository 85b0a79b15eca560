"""Trade: annual series per reporter, the mirror comparison, part years and a projection."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.analytics import trade
from dashboard.charts import trade as charts
from dashboard.datasets import DataError
from dashboard.formatting import FLOW_LABELS, SIDE_LABELS, money, percent, unit_label
from dashboard.state import GROWTH_MAX, GROWTH_MIN, MIRROR_FLOWS, Repair, ViewState
from dashboard.view_session import bound_widget, current_view, report_repair, update_view

MIRROR_NOTE = (
    "Why the two sides differ: exports are valued FOB (at the border) and imports CIF "
    "(including freight and insurance), so the importer's figure is normally higher; goods "
    "shipped in December may be counted in different years; and goods routed through third "
    "countries (re-exports, e.g. via Kazakhstan) may be assigned to another partner by one side."
)


def in_years(frame: pd.DataFrame, view: ViewState) -> pd.DataFrame:
    return frame[frame["year"].between(*view.years)]


def kpi_row(model: cached.TradeModel, view: ViewState) -> None:
    sides = [s for s in ("russia", "tajikistan") if s in view.reporters]
    if not sides:
        return
    columns = st.columns(2 * len(sides))
    for i, side in enumerate(sides):
        annual = in_years(trade.annual_for_side(model.dots_long, model.full_years, side), view)
        kpis = trade.trade_kpis(trade.headline_totals(annual))
        if kpis is None:
            columns[2 * i].metric(f"{SIDE_LABELS[side]}: latest total", "–", border=True)
            continue
        basis = {"published": "as published", "computed": "computed"}.get(kpis.change_basis or "", "")
        columns[2 * i].metric(
            f"{SIDE_LABELS[side]}: total trade {kpis.year}",
            money(kpis.value_usd_m, view.units, kpis.qualifier),
            delta=f"{percent(kpis.change_pct, kpis.change_qualifier)} vs {kpis.year - 1}"
            if kpis.change_pct is not None
            else None,
            delta_arrow="auto",
            help=(
                f"Figure from: {kpis.figure_label}; change {basis}. One figure per year: IMF DOTS "
                "up to 2020, then the best-ranked published statement (statistics before "
                "officials, exact before approximate before lower bounds)."
            ),
            border=True,
        )
        columns[2 * i + 1].metric(
            f"{SIDE_LABELS[side]}: record year",
            str(kpis.record_year),
            delta=money(kpis.record_value_usd_m, view.units, kpis.record_qualifier),
            delta_color="off",
            delta_arrow="off",
            border=True,
        )


def annual_section(model: cached.TradeModel, view: ViewState) -> None:
    st.subheader("Annual trade by reporter")
    st.caption(
        "Lines: IMF Direction of Trade Statistics as each country reported it (1993–2020); a break "
        "in a line is a year with no figure. Hollow marks: full-year figures published after 2020 "
        "by that side's statistics offices and officials — several per year where they disagree; "
        "triangles are lower bounds ('over US$1.5bn')."
    )
    sides = [s for s in ("russia", "tajikistan") if s in view.reporters]
    if not sides:
        components.no_data("Select Russia or Tajikistan under Reporters to see the annual series.")
        return
    for side in sides:
        with st.container():
            st.markdown(f"**As reported by {SIDE_LABELS[side]}**")
            annual = in_years(trade.annual_for_side(model.dots_long, model.full_years, side), view)
            if annual.empty:
                components.no_data("No annual figures in the selected years.")
                continue
            frame = charts.annual_frame(annual, view.units)
            chart = charts.annual_measures_chart(frame, model.events, view.years, unit_label(view.units))
            data = annual[["year", "measure", "value_usd_m", "qualifier", "label", "figure_id", "status", "source_id"]]
            components.chart_with_sources(chart, data, model.sources, f"annual_trade_{side}.csv")


def mirror_section(model: cached.TradeModel, view: ViewState) -> None:
    st.subheader("Mirror statistics: one flow, two reporters")
    flow = (
        bound_widget(
            st.segmented_control,
            "flow",
            view.flow,
            "Flow",
            options=list(MIRROR_FLOWS),
            format_func=FLOW_LABELS.get,
            to_view=lambda v: v or view.flow,
        )
        or view.flow
    )
    exporter, importer = ("Russia", "Tajikistan") if flow == "ru_to_tj" else ("Tajikistan", "Russia")
    gap = in_years(trade.mirror_gap(model.dots, flow), view)
    if gap.empty:
        components.no_data("IMF DOTS covers 1993–2020; the selected years hold no mirror figures.")
        return
    chart = charts.mirror_chart(charts.mirror_frame(gap, view.units), unit_label(view.units), exporter, importer)
    data = gap.assign(flow=flow, source_id="imf-dots")
    latest = gap.dropna(subset=["gap_pct"]).iloc[-1] if gap["gap_pct"].notna().any() else None
    summary = (
        f"In {int(latest['year'])} {importer} recorded {money(latest['importer_reported'])} of imports from {exporter}; "
        f"{exporter} recorded {money(latest['exporter_reported'])} of exports, a gap of {percent(latest['gap_pct'])}."
        if latest is not None
        else ""
    )
    st.caption(f"{summary} {MIRROR_NOTE}")
    components.chart_with_sources(
        chart,
        data,
        model.sources,
        f"mirror_{flow}.csv",
        note="Bars: importer's figure minus exporter's, as % of the exporter's.",
    )


def published_section(model: cached.TradeModel, view: ViewState) -> None:
    st.subheader("Full-year totals published since 2021")
    last_dots = int(model.dots["year"].max())
    figures = model.full_years_all
    figures = in_years(
        figures[(figures["measure"] == "total") & (figures["year"] > last_dots) & figures["side"].isin(view.reporters)],
        view,
    )
    if figures.empty:
        components.no_data("No published full-year totals for the selected years and reporters.")
        return
    st.caption(
        "Every published figure for the year's total, one mark per statement. The seed article's "
        "US$1.13bn for 2021 was an early estimate made before the year closed; later statements "
        "put 2021 at US$1.2–1.4bn. Its 'close to US$2bn' for 2022 (shown as a projection) was not "
        "reached on any basis."
    )
    frame = charts.published_frame(figures, view.units)
    data = figures[["year", "value_usd_m", "qualifier", "status", "label", "figure_id", "source_id", "note"]]
    components.chart_with_sources(
        charts.published_years_chart(frame, unit_label(view.units)), data, model.sources, "published_full_years.csv"
    )


def part_year_section(model: cached.TradeModel, view: ViewState) -> None:
    st.subheader("Part-year figures and their published growth")
    rows = in_years(model.part_years[model.part_years["side"].isin(view.reporters)], view)
    if rows.empty:
        components.no_data("No part-year figures for the selected years and reporters.")
        return
    growth = charts.part_year_frame(rows)
    if not growth.empty:
        st.altair_chart(charts.part_year_growth_chart(growth), theme=None, width="stretch")
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
    cited = components.cite(data["source_id"], model.sources)
    st.caption(components.sources_caption(cited))
    st.download_button(
        "Download CSV",
        components.with_citation(data, model.sources).to_csv(index=False).encode("utf-8"),
        "part_year_figures.csv",
        "text/csv",
        key="dl_part_years",
        icon=":material/download:",
    )


def projection_section(model: cached.TradeModel, view: ViewState) -> None:
    st.subheader("Full-year projection")
    st.caption(
        "If the whole year grew as a part of it did: projected full year = previous full year × "
        "(1 + growth). The seed article did this for 2022 — US$1.13bn for 2021 and +70% in Q1 "
        "2022 gave 'close to US$2bn'."
    )
    years = trade.projection_years(model.dots_long, model.full_years, model.part_years)
    if not years:
        components.no_data("No year has both a part-year growth figure and a previous full year.")
        return
    year = view.proj_year if view.proj_year in years else years[-1]
    if view.proj_year is not None and view.proj_year not in years:
        report_repair(
            Repair("proj_year", str(view.proj_year), str(year), "has no part-year growth figure to project from")
        )
        view = update_view(proj_year=None, proj_base=None, proj_growth=None)
    bases = trade.projection_bases(model.dots_long, model.full_years, year)
    growths = trade.projection_growths(model.part_years, year)
    base_ids = list(bases["figure_id"])
    base_id = view.proj_base if view.proj_base in base_ids else base_ids[0]
    if view.proj_base is not None and view.proj_base not in base_ids:
        report_repair(Repair("proj_base", view.proj_base, base_id, f"is not a full-year total for {year - 1}"))
        view = update_view(proj_base=None)
    default_growth = float(growths["yoy_growth_pct"].iloc[0]) if len(growths) else 0.0
    growth = view.proj_growth if view.proj_growth is not None else default_growth

    left, right = st.columns([2, 3])
    with left:
        bound_widget(
            st.selectbox,
            "proj_year",
            year,
            "Year to project",
            options=years,
            index=None,
            resets=("proj_base", "proj_growth"),
        )
        base_labels = {
            row.figure_id: f"{row.year}: {money(row.value_usd_m, view.units, row.qualifier)} — {row.label}"
            + (f" ({row.status})" if row.status != "final" else "")
            for row in bases.itertuples()
        }
        bound_widget(
            st.selectbox,
            "proj_base",
            base_id,
            f"Previous full year ({year - 1})",
            options=base_ids,
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
        if len(growths):
            published = "; ".join(
                f"{r.period}: {percent(r.yoy_growth_pct, r.growth_qualifier)} ({r.label})"
                for r in growths.head(6).itertuples()
            )
            st.caption(f"Published part-year growth for {year}, latest first: {published}.")
        seed = seed_case(model)
        if seed and st.button(
            "Load the seed article's case", icon=":material/history_edu:", help="2022, from US$1.13bn in 2021 at +70%"
        ):
            update_view(proj_year=seed[0], proj_base=seed[1], proj_growth=seed[2])
            st.rerun()
    base = bases.set_index("figure_id").loc[base_id]
    projected = trade.project_full_year(float(base["value_usd_m"]), growth)
    outcomes = trade.full_year_outcomes(model.dots_long, model.full_years, year)
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
        bars = projection_bars(base, year, projected, outcomes, view.units)
        chart = charts.projection_chart(bars, unit_label(view.units))
        components.chart_with_sources(chart, bars.drop(columns=["value_text"]), model.sources, f"projection_{year}.csv")
        if outcomes.empty:
            st.caption(f"No full-year figure for {year} has been published yet.")


def projection_bars(base: pd.Series, year: int, projected: float, outcomes: pd.DataFrame, unit: str) -> pd.DataFrame:
    rows = [
        {
            "what": f"{year - 1} — {base['label']}",
            "kind": "Base year",
            "value_usd_m": float(base["value_usd_m"]),
            "qualifier": base["qualifier"],
            "source_id": base["source_id"],
        },
        {
            "what": f"{year} — projection",
            "kind": "Projection",
            "value_usd_m": projected,
            "qualifier": "exact",
            "source_id": None,
        },
    ]
    for row in outcomes.itertuples():
        status = f", {row.status}" if row.status != "final" else ""
        rows.append(
            {
                "what": f"{year} — {row.label}{status}",
                "kind": "Outcome",
                "value_usd_m": row.value_usd_m,
                "qualifier": row.qualifier,
                "source_id": row.source_id,
            }
        )
    bars = pd.DataFrame(rows)
    bars["value"] = bars["value_usd_m"] / (1000.0 if unit == "busd" else 1.0)
    bars["value_text"] = [money(v, unit, q) for v, q in zip(bars["value_usd_m"], bars["qualifier"], strict=True)]
    return bars


def seed_case(model: cached.TradeModel) -> tuple[int, str, float] | None:
    """The article's own projection inputs, read from its rows in the data."""
    seed_years = model.full_years[
        (model.full_years["reporter"] == "seed_article") & (model.full_years["measure"] == "total")
    ]
    seed_growth = model.part_years[
        (model.part_years["reporter"] == "seed_article") & model.part_years["yoy_growth_pct"].notna()
    ]
    if seed_years.empty or seed_growth.empty:
        return None
    growth = seed_growth.iloc[0]
    return (
        int(growth["year"]),
        str(seed_years[seed_years["year"] == growth["year"] - 1]["figure_id"].iloc[0]),
        float(growth["yoy_growth_pct"]),
    )


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
