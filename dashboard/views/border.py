"""Border & security: the Tajik–Afghan border, Russia's forces near it, and the record on troops."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analytics.security import border_reference_text, membership_summary
from dashboard.cache import shared
from dashboard.charts import border as charts
from dashboard.formatting import km
from dashboard.models.border import BorderModel, BorderTables, claim_lines, coverage_at
from dashboard.session.binding import bound_slider, bound_widget, current_view
from dashboard.session.pages.border import MAP_LAYERS, BorderState
from dashboard.session.readers import in_order
from dashboard.views import components

LAYER_LABELS = {
    "russian": "Russian sites",
    "crossings": "Crossings",
    "cities": "Cities",
    "rivers": "Rivers",
    "coverage": "Reach",
}


def why_shorter(model: BorderModel) -> str:
    return (
        f"Why the map's line is shorter than {model.reference_km:,.0f} km: the border follows the Panj and "
        "Amu Darya, and a map at any scale smooths the river's bends — the more detailed the map, the "
        "longer the line."
    )


def reach_at(radius: int) -> pd.Series:
    """The border's coverage at this radius (covered_km, share), from the curve built once."""
    return coverage_at(shared.coverage_curve(), radius)


def kpi_row(model: BorderModel, tables: BorderTables, view: BorderState) -> None:
    strength = tables.strength
    reach = reach_at(view.radius)
    columns = st.columns(4)
    cited = border_reference_text(model.references)
    components.metric(
        columns[0],
        "Tajik–Afghan border",
        km(model.reference_km),
        delta=f"per {model.references['cited_as'].iloc[0].removeprefix('the ')}",
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=f"per {model.references['cited_as'].iloc[0].removeprefix('the ')}, as published",
        help=f"{cited[0].upper()}{cited[1:]}. No map in the data can measure it.",
    )
    line_km(columns[1], model)
    if strength:
        spread = (
            f"{strength.latest_low:,.0f}"
            if strength.latest_low == strength.latest_high
            else (f"{strength.latest_low:,.0f}–{strength.latest_high:,.0f}")
        )
        components.metric(
            columns[2],
            f"Russian troops, {strength.latest_year} reports",
            spread,
            delta=f"{strength.latest_sources} sources",
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis="the lowest and highest of the year's published reports; reports are not averaged",
            help="Reported strength of the 201st base, lowest to highest figure published that year; "
            "the chart below shows each source.",
        )
    components.metric(
        columns[3],
        f"Border within {view.radius} km",
        f"{reach['covered_km']:,.0f} km",
        delta=f"{reach['share']:.0%} of the line",
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis="measured by this dashboard on the map's line and the sites' published positions",
        help="Length of border within this distance of Russia's active garrisons and facilities on the map, "
        "and its share of the border line as drawn. Distance only: not a measure of military reach.",
    )


def line_km(where: st.delta_generator.DeltaGenerator, model: BorderModel) -> None:
    """The map's line beside the published length: a share of it only where basis.compare allows one."""
    drawn, reference = model.drawn_km, model.references.iloc[0]
    against = model.drawn_against_reference
    published = f"{km(model.reference_km)} per {reference['reported_by']}"
    components.metric(
        where,
        "Border line on this map",
        f"{drawn:,.0f} km",
        delta=f"{against.value:.0f}% of {published}" if against.comparable else f"beside {published}",
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis="measured by this dashboard on the map's line (geodesic, WGS84); "
        + (
            "set against the published length"
            if against.comparable
            else f"not a share of the published length: {against.reason}"
        ),
        help=why_shorter(model),
    )


def map_section(model: BorderModel, tables: BorderTables, view: BorderState) -> None:
    st.subheader("The border and Russia's forces")
    controls, notes = st.columns([3, 2])
    with controls:
        bound_slider(
            "radius",
            int(view.radius),
            "Distance from Russia's active sites, km",
            help="Which stretch of the border lies within this distance of a Russian garrison or facility "
            "(straight-line distance, not operational reach).",
        )
        bound_widget(
            st.pills,
            "layers",
            list(view.layers),
            "Show on the map",
            options=list(MAP_LAYERS),
            selection_mode="multi",
            format_func=LAYER_LABELS.get,
            to_view=lambda chosen: in_order(MAP_LAYERS, chosen),
        )
    with notes:
        # the key lists only what the chosen layers draw
        key = ["**━** Tajik–Afghan border"]
        if "coverage" in view.layers:
            reach = reach_at(view.radius)
            key += [
                f":red[**━**] border within {view.radius} km of a Russian site: {reach['covered_km']:,.0f} km, "
                f"{reach['share']:.0%} of the line",
                ":red[**◌**] the area within that distance",
            ]
        if "russian" in view.layers:
            key.append(
                "**■** 201st base garrisons (the headquarters drawn larger: the base's troop figure is given "
                "for the whole base); faded: " + tables.former_bases
            )
        st.markdown("  \n".join(key))
        st.caption("Garrisons marked 'city centroid' are placed at their city, not the compound. " + why_shorter(model))
    spec = shared.border_map_spec(int(view.radius), tuple(view.layers))
    components.show_map(
        spec,
        "Map of the Tajik–Afghan border region with Russian sites, crossings, cities and rivers",
        key="border",
    )
    components.sources_and_download(
        tables.map_rows,
        model.sources,
        "border_sites.csv",
        note="Drawn without map tiles; on a narrow screen the site names are in each marker's tooltip "
        "and the table below.",
    )


def distances_section(model: BorderModel, tables: BorderTables, view: BorderState) -> None:
    st.subheader("How far from the border")
    st.dataframe(tables.distance_table, hide_index=True, width="stretch")
    components.sources_and_download(
        tables.distance_rows,
        model.sources,
        "distances_to_border.csv",
        note="Shortest distance to the border line, measured in an equal-area projection of the region.",
    )
    st.markdown("**Share of the border within each distance of Russia's active sites**")
    curve = shared.chart_spec(charts.coverage_curve_chart, shared.coverage_curve(), view.radius)
    components.show_chart(curve, "Share of the border line within each distance of Russia's active sites")
    components.sources_line(
        tables.curve_sources,
        model.sources,
        "Computed from the border line and the active sites on the map.",
    )
    far = model.farthest
    if far is not None:
        st.caption(
            f"Every point of the border line is within {far.distance_km:,.0f} km of an active Russian garrison "
            f"or facility; the farthest point is at {far.lon:.1f}°E, {far.lat:.1f}°N."
        )


def troops_section(model: BorderModel, tables: BorderTables, view: BorderState) -> None:
    st.subheader("Russian troops: claims against the record")
    figures = tables.strength_figures[tables.strength_figures["year"].between(*view.years)]
    ranges = model.strength_ranges[model.strength_ranges["year"].between(*view.years)]
    if figures.empty:
        components.no_data("No troop figures in the selected years.")
    else:
        claims = claim_lines(tables.claim_marks, int(figures["year"].max()))
        chart = shared.chart_spec(charts.troop_chart, figures, ranges, claims)
        components.chart_with_sources(
            chart,
            figures,
            model.sources,
            "troop_estimates_201st.csv",
            description="Reported strength of Russia's 201st base by year, with the spread between sources",
            note="Each mark is one published figure; triangles are bounds ('more than', 'up to'); the grey bar "
            "spans the figures of a year where they differ; crosses are troops reported sent away. "
            "The dashed line is the figure in the Russia Briefing article of 29 June 2022.",
        )
    verdicts = {True: ":green[holds]", False: ":red[no longer holds]", None: ":gray[cannot be checked]"}
    for claim, publisher in zip(model.claims, tables.claim_publishers, strict=True):
        st.markdown(
            f"- **{claim.subject}**: {publisher} ({claim.date}) says "
            f"{claim.claimed:,.0f} {claim.unit} — {verdicts[claim.holds]}. {claim.record}"
        )
    components.sources_and_download(tables.claims_checked, model.sources, "claims_checked.csv")
    st.markdown("**The border's length as reference sources give it**, which the article's figure is checked against:")
    st.dataframe(tables.references_table, hide_index=True, width="stretch")
    components.sources_and_download(model.references, model.sources, "border_references.csv")


def memberships_section(model: BorderModel) -> None:
    st.subheader("Who belongs to what")
    st.caption(membership_summary(model.memberships, "TJK"))
    chart = shared.chart_spec(charts.membership_chart, model.memberships)
    components.chart_with_sources(
        chart,
        model.memberships,
        model.sources,
        "memberships.csv",
        description="Membership of CSTO, CIS, EAEU and SCO by country",
    )


def events_section(model: BorderModel, tables: BorderTables, view: BorderState) -> None:
    st.subheader("Security and political events")
    events = model.events[tables.event_years.between(*view.years)].sort_values("date", ascending=False)
    table = pd.DataFrame({"Date": events["date"], "Event": events["title"], "Category": events["category"]})
    st.dataframe(table, hide_index=True, width="stretch", height=320)
    components.sources_and_download(events, model.sources, "security_events.csv")


def unplaced_section(tables: BorderTables) -> None:
    if tables.unplaced.empty:
        return
    with st.expander(f"Not on the map: {len(tables.unplaced)} sites with no published coordinate"):
        st.dataframe(tables.unplaced, hide_index=True, width="stretch")


def lengths_section(model: BorderModel, tables: BorderTables) -> None:
    with st.expander("The border's length at each map scale"):
        st.dataframe(tables.lengths_table, hide_index=True, width="stretch")
        components.sources_and_download(
            tables.lengths_rows,
            model.sources,
            "border_lengths.csv",
            note="Geodesic lengths (WGS84) of each line in the data, measured by this dashboard; each is set beside "
            f"the published length, not as a share of it ({tables.lengths_reason}): a line drawn at any scale "
            "smooths the rivers' bends.",
        )


def render() -> None:
    st.title("Border & security")
    st.caption(
        "The border between Tajikistan and Taliban-run Afghanistan, Russia's 201st base, and the alliances "
        "around them. The sidebar's Years filter applies to the troop chart and the events; Reporters and "
        "Units belong to the trade pages."
    )
    view = current_view(BorderState)
    model = components.model_or_error(shared.border_model)
    if model is None:
        return
    tables = components.model_or_error(shared.border_tables)
    if tables is None:
        return
    kpi_row(model, tables, view)
    map_section(model, tables, view)
    distances_section(model, tables, view)
    troops_section(model, tables, view)
    memberships_section(model)
    events_section(model, tables, view)
    unplaced_section(tables)
    lengths_section(model, tables)


render()
