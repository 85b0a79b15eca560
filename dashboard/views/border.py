"""Border & security: the Tajik–Afghan border, Russia's forces near it, and the record on troops."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.analytics.security import membership_summary, strength_summary
from dashboard.border_model import DRAWN_BORDER, BorderModel
from dashboard.charts import border as charts
from dashboard.state import MAP_LAYERS, RADIUS_MAX_KM, RADIUS_STEP_KM, ViewState, in_order
from dashboard.view_session import bound_widget, current_view

LAYER_LABELS = {
    "russian": "Russian sites",
    "crossings": "Crossings",
    "cities": "Cities",
    "rivers": "Rivers",
    "coverage": "Reach",
}


def why_shorter(model: BorderModel) -> str:
    return (
        f"Why the map's line is shorter than {model.official_km:,.0f} km: the border follows the Panj and "
        "Amu Darya, and a map at any scale smooths the river's bends — the more detailed the map, the "
        "longer the line."
    )


def source_name(model: BorderModel, source_id: str) -> str:
    """'Russia Briefing (Dezan Shira & Associates), 2022' for a source id."""
    row = model.sources.set_index("source_id").loc[source_id]
    year = f", {row['published_date'][:4]}" if isinstance(row["published_date"], str) else ""
    return f"{row['publisher']}{year}"


def kpi_row(model: BorderModel, view: ViewState) -> None:
    drawn = model.border_lengths.set_index("id").loc[DRAWN_BORDER, "length_km"]
    reach = cached.coverage_curve().set_index("radius_km").loc[view.radius]
    strength = strength_summary(model.strength)
    columns = st.columns(4)
    columns[0].metric(
        "Tajik–Afghan border, official",
        f"{model.official_km:,.0f} km",
        border=True,
        help="The length officially quoted (and repeated by the seed article); no map in the data can measure it.",
    )
    columns[1].metric(
        "Border line on this map",
        f"{drawn:,.0f} km",
        delta=f"{drawn / model.official_km:.0%} of official",
        delta_color="off",
        delta_arrow="off",
        border=True,
        help=why_shorter(model),
    )
    if strength:
        spread = (
            f"{strength.latest_low:,.0f}"
            if strength.latest_low == strength.latest_high
            else (f"{strength.latest_low:,.0f}–{strength.latest_high:,.0f}")
        )
        columns[2].metric(
            f"Russian troops, {strength.latest_year} reports",
            spread,
            delta=f"{strength.latest_sources} sources",
            delta_color="off",
            delta_arrow="off",
            border=True,
            help="Reported strength of the 201st base, lowest to highest figure published that year; "
            "the chart below shows each source.",
        )
    columns[3].metric(
        f"Border within {view.radius} km",
        f"{reach['covered_km']:,.0f} km",
        delta=f"{reach['share']:.0%} of the line",
        delta_color="off",
        delta_arrow="off",
        border=True,
        help="Length of border within this distance of Russia's active garrisons and facilities on the map, "
        "and its share of the border line as drawn. Distance only: not a measure of military reach.",
    )


def map_section(model: BorderModel, view: ViewState) -> None:
    st.subheader("The border and Russia's forces")
    controls, notes = st.columns([3, 2])
    with controls:
        bound_widget(
            st.slider,
            "radius",
            int(view.radius),
            "Distance from Russia's active sites, km",
            min_value=0,
            max_value=RADIUS_MAX_KM,
            step=RADIUS_STEP_KM,
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
    former = model.sites[(model.sites["kind"] == "russian_base") & (model.sites["status"] == "former")]
    with notes:
        # the key lists only what the chosen layers draw
        key = ["**━** Tajik–Afghan border"]
        if "coverage" in view.layers:
            key += [
                f":red[**━**] border within {view.radius} km of a Russian site",
                ":red[**◌**] the area within that distance",
            ]
        if "russian" in view.layers:
            key.append(
                "**■** 201st base garrisons (the headquarters drawn larger: the base's troop figure is given "
                "for the whole base); faded: " + ", ".join(former["short_name"].fillna(former["name"]))
            )
        st.markdown("  \n".join(key))
        st.caption("Garrisons marked 'city centroid' are placed at their city, not the compound. " + why_shorter(model))
    spec = cached.border_map_spec(int(view.radius), tuple(view.layers))
    placed = model.sites.dropna(subset=["lat"])
    data = placed[
        ["site_id", "name", "kind", "status", "lat", "lon", "coord_basis", "distance_to_border_km", "source_id"]
    ]
    geometry_sources = pd.DataFrame(
        {
            "source_id": pd.concat(
                [model.countries["source_id"], model.rivers["source_id"], model.border_drawn["source_id"]]
            ).unique()
        }
    )
    components.show_map(
        spec,
        "Map of the Tajik–Afghan border region with Russian sites, crossings, cities and rivers",
        key="border",
    )
    components.sources_and_download(
        pd.concat([geometry_sources, data], ignore_index=True),
        model.sources,
        "border_sites.csv",
        note="Drawn without map tiles; on a narrow screen the site names are in each marker's tooltip "
        "and the table below.",
    )


def distances_section(model: BorderModel, view: ViewState) -> None:
    st.subheader("How far from the border")
    placed = model.sites.dropna(subset=["distance_to_border_km"])
    shown = placed[placed["kind"].isin(["russian_base", "russian_facility", "border_crossing"])]
    table = pd.DataFrame(
        {
            "Site": shown["short_name"].fillna(shown["name"]),
            "To the border, km": shown["distance_to_border_km"].round(1),
            "Kind": shown["kind"].map(lambda k: charts.SITE_STYLE[k][0]),
            "Status": shown["status"],
            "Position": shown["coord_basis"].str.replace("_", " "),
        }
    ).sort_values("To the border, km")
    st.dataframe(table, hide_index=True, width="stretch")
    components.sources_and_download(
        shown[["site_id", "name", "kind", "status", "distance_to_border_km", "coord_basis", "source_id"]],
        model.sources,
        "distances_to_border.csv",
        note="Shortest distance to the border line, measured in an equal-area projection of the region.",
    )
    st.markdown("**Share of the border within each distance of Russia's active sites**")
    curve = components.spec(charts.coverage_curve_chart, cached.coverage_curve(), view.radius)
    components.show_chart(curve, "Share of the border line within each distance of Russia's active sites")
    components.sources_line(
        pd.concat([model.border_drawn[["source_id"]], model.covering[["source_id"]]]),
        model.sources,
        "Computed from the border line and the active sites on the map.",
    )
    far = model.farthest
    if far is not None:
        st.caption(
            f"Every point of the border line is within {far.distance_km:,.0f} km of an active Russian garrison "
            f"or facility; the farthest point is at {far.lon:.1f}°E, {far.lat:.1f}°N."
        )


def troops_section(model: BorderModel, view: ViewState) -> None:
    st.subheader("Russian troops: claims against the record")
    figures = charts.strength_frame(model.strength, model.troops_redeployed, model.sources)
    figures = figures[figures["year"].between(*view.years)]
    ranges = model.strength_ranges[model.strength_ranges["year"].between(*view.years)]
    personnel = [c for c in model.claims if c.unit == "personnel"]
    if figures.empty:
        components.no_data("No troop figures in the selected years.")
    else:
        claims = pd.DataFrame(
            [
                {
                    "value": c.claimed,
                    "year": int(figures["year"].max()),
                    "label": f"{source_name(model, c.source_id)}: about {c.claimed:,.0f}",
                }
                for c in personnel
            ]
        )
        chart = components.spec(charts.troop_chart, figures, ranges, claims)
        components.chart_with_sources(
            chart,
            figures,
            model.sources,
            "troop_estimates_201st.csv",
            description="Reported strength of Russia's 201st base by year, with the spread between sources",
            note="Each mark is one published figure; triangles are bounds ('more than', 'up to'); the grey bar "
            "spans the figures of a year where they differ; crosses are troops reported sent away. "
            "The dashed line is the seed article's figure.",
        )
    verdicts = {True: ":green[holds]", False: ":red[no longer holds]", None: ":gray[cannot be checked]"}
    for claim in model.claims:
        st.markdown(
            f"- **{claim.subject}**: {model.sources.set_index('source_id').loc[claim.source_id, 'publisher']} "
            f"({claim.date}) says "
            f"{claim.claimed:,.0f} {claim.unit} — {verdicts[claim.holds]}. {claim.record}"
        )
    checked = pd.DataFrame([vars(claim) for claim in model.claims])
    components.sources_and_download(checked, model.sources, "claims_checked.csv")


def memberships_section(model: BorderModel) -> None:
    st.subheader("Who belongs to what")
    st.caption(membership_summary(model.memberships, "TJK"))
    chart = components.spec(charts.membership_chart, model.memberships)
    components.chart_with_sources(
        chart,
        model.memberships,
        model.sources,
        "memberships.csv",
        description="Membership of CSTO, CIS, EAEU and SCO by country",
    )


def events_section(model: BorderModel, view: ViewState) -> None:
    st.subheader("Security and political events")
    years = model.events["date"].str[:4].astype(int)
    events = model.events[years.between(*view.years)].sort_values("date", ascending=False)
    table = pd.DataFrame({"Date": events["date"], "Event": events["title"], "Category": events["category"]})
    st.dataframe(table, hide_index=True, width="stretch", height=320)
    components.sources_and_download(events, model.sources, "security_events.csv")


KIND_NAMES = {
    "russian_range": "Russian training range",
    "chinese_post": "Chinese post",
    "border_crossing": "Border crossing",
}


def unplaced_section(model: BorderModel) -> None:
    unplaced = model.sites[model.sites["lat"].isna()]
    if unplaced.empty:
        return
    with st.expander(f"Not on the map: {len(unplaced)} sites with no published coordinate"):
        st.dataframe(
            pd.DataFrame(
                {
                    "Site": unplaced["name"],
                    "Kind": unplaced["kind"].map(lambda k: KIND_NAMES.get(k, k)),
                    "Status": unplaced["status"],
                }
            ),
            hide_index=True,
            width="stretch",
        )


def lengths_section(model: BorderModel) -> None:
    with st.expander("The border's length at each map scale"):
        lengths = model.border_lengths[model.border_lengths["segment"] == "full"].sort_values("length_km")
        st.dataframe(
            pd.DataFrame(
                {
                    "Line": lengths["source"] + ", " + lengths["resolution"],
                    "Length": lengths["length_km"].map(lambda km: f"{km:,.1f} km"),
                    f"Share of {model.official_km:,.0f} km": lengths["share_of_official"].map(lambda s: f"{s:.1%}"),
                }
            ),
            hide_index=True,
            width="stretch",
        )
        components.sources_and_download(
            lengths[["id", "source", "resolution", "length_km", "share_of_official", "source_id"]],
            model.sources,
            "border_lengths.csv",
            note="Geodesic lengths (WGS84) of each line in the data, computed by the app.",
        )


def render() -> None:
    st.title("Border & security")
    st.caption(
        "The border between Tajikistan and Taliban-run Afghanistan, Russia's 201st base, and the alliances "
        "around them. The sidebar's Years filter applies to the troop chart and the events; Reporters and "
        "Units belong to the trade pages."
    )
    view = current_view(cached.year_bounds())
    model = components.model_or_error(cached.border_model)
    if model is None:
        return
    kpi_row(model, view)
    map_section(model, view)
    distances_section(model, view)
    troops_section(model, view)
    memberships_section(model)
    events_section(model, view)
    unplaced_section(model)
    lengths_section(model)


render()
