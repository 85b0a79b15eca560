"""Border & security: the Tajik–Afghan border, Russia's forces near it, and the record on troops."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.analytics import border
from dashboard.analytics.security import strength_summary
from dashboard.border_model import DRAWN_BORDER, BorderModel
from dashboard.charts import border as charts
from dashboard.datasets import DataError
from dashboard.state import MAP_LAYERS, RADIUS_MAX_KM, RADIUS_STEP_KM, ViewState
from dashboard.view_session import bound_widget, current_view

LAYER_LABELS = {
    "russian": "Russian sites",
    "crossings": "Crossings",
    "cities": "Cities",
    "rivers": "Rivers",
    "coverage": "Reach",
}
WHY_SHORTER = (
    "Why the map's line is shorter than 1,357 km: the border follows the Panj and Amu Darya, and a "
    "map at any scale smooths the river's bends — the more detailed the map, the longer the line."
)


def kpi_row(model: BorderModel, view: ViewState) -> None:
    drawn = model.border_lengths.set_index("id").loc[DRAWN_BORDER, "length_km"]
    reach = border.border_coverage(model.border_line, model.covering, view.radius)
    strength = strength_summary(model.strength)
    columns = st.columns(4)
    columns[0].metric(
        "Tajik–Afghan border, official",
        f"{border.OFFICIAL_LENGTH_KM:,.0f} km",
        border=True,
        help="The length governments quote (and the seed article repeats).",
    )
    columns[1].metric(
        "Border line on this map",
        f"{drawn:,.0f} km",
        delta=f"{drawn / border.OFFICIAL_LENGTH_KM:.0%} of official",
        delta_color="off",
        delta_arrow="off",
        border=True,
        help=WHY_SHORTER,
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
            help="Reported strength of the 201st base; no official figure is published.",
        )
    columns[3].metric(
        f"Border within {view.radius} km",
        f"{reach.covered_km:,.0f} km",
        delta=f"{reach.share:.0%} of the line",
        delta_color="off",
        delta_arrow="off",
        border=True,
        help="Length of border within this distance of Russia's active garrisons and facilities on the map; "
        "share of the border line as drawn.",
    )


def map_section(model: BorderModel, view: ViewState) -> None:
    st.subheader("The border and Russia's forces")
    controls, legend = st.columns([3, 2])
    with controls:
        bound_widget(
            st.slider,
            "radius",
            int(view.radius),
            "Reach around Russia's active facilities, km",
            min_value=0,
            max_value=RADIUS_MAX_KM,
            step=RADIUS_STEP_KM,
            help="Which stretch of the border lies within this distance of a Russian base or facility.",
        )
        bound_widget(
            st.pills,
            "layers",
            list(view.layers),
            "Show on the map",
            options=list(MAP_LAYERS),
            selection_mode="multi",
            format_func=LAYER_LABELS.get,
            to_view=lambda chosen: tuple(layer for layer in MAP_LAYERS if layer in (chosen or [])),
        )
    with legend:
        st.caption(
            "**Black line:** the Tajik–Afghan border (Digital Chart of the World, 1:1,000,000). "
            "**Red:** the stretch within reach, and the reach itself (dashed). Square markers are the "
            "201st base's garrisons, sized by troops where a figure exists; the faded square is the "
            "Kulob garrison, vacated in 2015. Positions marked 'city_centroid' are the city, not the "
            f"compound. {WHY_SHORTER}"
        )
    spec = cached.border_map_spec(str(cached.data_dir()), int(view.radius), tuple(view.layers))
    placed = model.sites.dropna(subset=["lat"])
    data = placed[
        ["site_id", "name", "kind", "status", "lat", "lon", "coord_basis", "distance_to_border_km", "source_id"]
    ]
    geometry = pd.DataFrame({"source_id": ["dcw-gmt", "gshhg"]})
    components.chart_with_sources(
        spec,
        pd.concat([data, geometry], ignore_index=True),
        model.sources,
        "border_sites.csv",
        description="Map of the Tajik–Afghan border region with Russian bases, crossings, cities and rivers",
        note="Map: DCW-GMT country outlines and border, GSHHG rivers; no map tiles are used.",
    )


def distances_section(model: BorderModel, view: ViewState) -> None:
    st.subheader("How far from the border")
    placed = model.sites.dropna(subset=["distance_to_border_km"])
    shown = placed[placed["kind"].isin(["russian_base", "russian_facility", "border_crossing"])]
    table = pd.DataFrame(
        {
            "Site": shown["short_name"].fillna(shown["name"]),
            "Kind": shown["kind"].map(lambda k: charts.SITE_STYLE[k][0]),
            "Status": shown["status"],
            "To the border, km": shown["distance_to_border_km"].round(1),
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
    st.markdown("**Share of the border within reach, by radius**")
    curve = components.spec(charts.coverage_curve_chart, model.coverage_curve, view.radius)
    components.show_chart(curve, "Share of the border line within each radius of Russia's active facilities")
    far = model.farthest
    st.caption(
        f"Every point of the border line is within {far.distance_km:,.0f} km of an active Russian base or "
        f"facility; the farthest point is at {far.lon:.1f}°E, {far.lat:.1f}°N."
    )


def troops_section(model: BorderModel) -> None:
    st.subheader("Russian troops: claims against the record")
    claims = pd.DataFrame(
        [
            {"value": c.claimed, "label": f"Seed article, {c.date[:4]}: about {c.claimed:,.0f}"}
            for c in model.claims
            if c.unit == "personnel"
        ]
    )
    chart = components.spec(
        charts.troop_chart, charts.strength_frame(model.strength, model.sources), model.strength_ranges, claims
    )
    components.chart_with_sources(
        chart,
        model.strength,
        model.sources,
        "troop_estimates_201st.csv",
        description="Reported strength of Russia's 201st base by year, with the spread between sources",
        note="Grey bars: the lowest to highest figure published that year. Dashed line: the seed article's figure.",
    )
    verdicts = {True: ":green[holds]", False: ":red[no longer holds]", None: ":gray[cannot tell]"}
    for claim in model.claims:
        st.markdown(
            f"- **{claim.subject}**: the seed article ({claim.date}) says {claim.claimed:,.0f} {claim.unit} — "
            f"{verdicts[claim.holds]}. {claim.record}"
        )
    checked = pd.DataFrame([vars(claim) for claim in model.claims])
    components.sources_and_download(checked, model.sources, "claims_checked.csv")


def memberships_section(model: BorderModel) -> None:
    st.subheader("Who belongs to what")
    st.caption("Tajikistan is in the CSTO, the CIS and the SCO, but not in the Eurasian Economic Union.")
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


def unplaced_section(model: BorderModel) -> None:
    unplaced = model.sites[model.sites["lat"].isna()]
    if unplaced.empty:
        return
    with st.expander(f"Not on the map: {len(unplaced)} sites with no published coordinate"):
        st.dataframe(
            pd.DataFrame({"Site": unplaced["name"], "Kind": unplaced["kind"], "Status": unplaced["status"]}),
            hide_index=True,
            width="stretch",
        )


def lengths_section(model: BorderModel) -> None:
    with st.expander("The border's length at each map scale"):
        lengths = model.border_lengths[model.border_lengths["segment"] == "full"]
        st.dataframe(
            pd.DataFrame(
                {
                    "Line": lengths["source"] + ", " + lengths["resolution"],
                    "Length, km": lengths["length_km"].round(1),
                    "Share of 1,357 km": (lengths["share_of_official"] * 100).round(1),
                }
            ),
            hide_index=True,
            width="stretch",
        )
        st.caption("Geodesic lengths (WGS84) of each line in the data, computed by the app. " + WHY_SHORTER)


def render() -> None:
    st.title("Border & security")
    st.caption(
        "The 1,357 km border between Tajikistan and Taliban-run Afghanistan, Russia's 201st base, "
        "and the alliances around them."
    )
    view = current_view(cached.year_bounds())
    try:
        model = cached.border_model()
    except DataError as error:
        components.data_error(error)
        return
    kpi_row(model, view)
    map_section(model, view)
    distances_section(model, view)
    troops_section(model)
    memberships_section(model)
    events_section(model, view)
    unplaced_section(model)
    lengths_section(model)


render()
