"""Everything the Border & security page shows that does not depend on the viewer, built once.

Geometry is simplified here for drawing only (about 0.5 km for Tajikistan and Afghanistan,
2 km for their neighbours): every length and distance is measured on the full-resolution data.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dashboard.analytics import border, security
from dashboard.charts import border as border_charts
from dashboard.datasets import DataError
from dashboard.formatting import km

DRAWN_BORDER = "dcw_full"  # the line that coincides with the polygons drawn
MAP_BOX = (63.6, 35.2, 76.0, 41.4)  # lon/lat window of the map
FOCUS = ("TJK", "AFG")
SIMPLIFY_DEG = {"focus": 0.005, "other": 0.02}
COVERAGE_RADII_KM = tuple(range(0, 601, 10))


@dataclass(frozen=True)
class BorderModel:
    """Shared, read-only frames (they live in a resource cache: callers must not mutate them)."""

    sources: pd.DataFrame
    countries: gpd.GeoDataFrame  # clipped and simplified for the map
    rivers: gpd.GeoDataFrame
    border_line: shapely.LineString  # full resolution
    border_drawn: gpd.GeoDataFrame  # the border for the map, Khatlon and GBAO stretches
    border_lengths: pd.DataFrame
    reference_km: float  # the length a reference source gives (border_references.csv, first row)
    references: pd.DataFrame  # every reference length, with its publisher
    drawn_km: float  # length of the line the map draws (DRAWN_BORDER), full resolution
    sites: pd.DataFrame  # every site, with distance to the border where it has a coordinate
    covering: gpd.GeoDataFrame  # active Russian facilities, the points coverage is measured from
    farthest: border.FarthestPoint | None
    strength: pd.DataFrame
    strength_ranges: pd.DataFrame
    troops: pd.DataFrame
    memberships: pd.DataFrame
    troops_redeployed: pd.DataFrame  # reported moves out of the base (e.g. to Ukraine, 2022)
    claims: list[security.ClaimCheck]
    events: pd.DataFrame
    map_data: dict  # the map's unchanging geometry, serialised once (see charts.border.map_datasets)


def build_border_model(
    countries: gpd.GeoDataFrame,
    border_lines: gpd.GeoDataFrame,
    rivers: gpd.GeoDataFrame,
    sites: pd.DataFrame,
    troops: pd.DataFrame,
    memberships: pd.DataFrame,
    claims: pd.DataFrame,
    references: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
) -> BorderModel:
    lines = border_lines.set_index("id", drop=False)
    line = lines.geometry[DRAWN_BORDER]
    points = border.sites_to_points(sites)
    points["distance_to_border_km"] = border.distance_to_border_km(points, line)
    all_sites = sites.merge(points[["site_id", "distance_to_border_km"]], on="site_id", how="left")
    covering = points[points["kind"].isin(border.COVERING_KINDS) & (points["status"] == "active")]
    reference = security.reference_border(references)
    if reference is None:
        raise DataError("border_references.csv", "no row gives a reference length of the border")
    lengths = border.border_lengths(border_lines, float(reference["length_km"]))
    strength = security.base_strength(troops)
    dcw_parts = lines[lines["id"].str.startswith("dcw_") & (lines["segment"] != "full")]
    drawn = gpd.GeoDataFrame(
        dcw_parts[["id", "tj_region", "source_id"]].reset_index(drop=True),
        geometry=dcw_parts.geometry.simplify(0.002).to_numpy(),
        crs=border_lines.crs,
    )
    drawn_countries, drawn_rivers = map_countries(countries), map_rivers(rivers)
    drawn_km = float(lengths.set_index("id").loc[DRAWN_BORDER, "length_km"])
    return BorderModel(
        sources=sources,
        countries=drawn_countries,
        rivers=drawn_rivers,
        border_line=line,
        border_drawn=drawn,
        border_lengths=lengths,
        reference_km=float(reference["length_km"]),
        references=references,
        drawn_km=drawn_km,
        sites=all_sites,
        covering=covering,
        farthest=border.farthest_border_point(line, covering),
        strength=strength,
        strength_ranges=security.strength_range_by_year(strength),
        troops=troops,
        memberships=security.membership_matrix(memberships),
        troops_redeployed=troops[(troops["force"] == "russia_201st") & (troops["unit"] == "troops_redeployed")],
        claims=security.check_claims(claims, strength, sites, references, drawn_km),
        events=events[events["themes"].str.split(";").map(lambda themes: "security" in themes)],
        map_data=border_charts.map_datasets(drawn_countries, drawn_rivers, drawn),
    )


def map_countries(countries: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Countries clipped to the map window and simplified for drawing; label points inside each."""
    clipped = countries.clip_by_rect(*MAP_BOX)
    frame = countries.drop(columns="geometry").assign(geometry=clipped.to_numpy())
    frame = gpd.GeoDataFrame(frame, geometry="geometry", crs=countries.crs)
    frame = frame[~frame.geometry.is_empty].copy()
    focus = frame["iso_a3"].isin(FOCUS)
    tolerance = np.where(focus, SIMPLIFY_DEG["focus"], SIMPLIFY_DEG["other"])
    frame["geometry"] = [g.simplify(t, preserve_topology=True) for g, t in zip(frame.geometry, tolerance, strict=True)]
    frame["focus"] = focus
    label_points = frame.geometry.representative_point()
    frame["label_lon"], frame["label_lat"] = label_points.x, label_points.y
    return frame.reset_index(drop=True)


def map_rivers(rivers: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    clipped = rivers.clip_by_rect(*MAP_BOX)
    frame = gpd.GeoDataFrame(rivers.drop(columns="geometry"), geometry=clipped.to_numpy(), crs=rivers.crs)
    frame = frame[~frame.geometry.is_empty].copy()
    frame["geometry"] = frame.geometry.simplify(0.005)
    return frame.reset_index(drop=True)


# The Overview's thumbnail is about 250 px tall: 0.02° is under a pixel of it.
THUMBNAIL_SIMPLIFY_DEG = 0.02
THUMBNAIL_DECIMALS = 2


def thumbnail_geometry(model: BorderModel) -> dict:
    """The map's geometry coarsened for the Overview's small copy: a fifth of the full map's JSON."""

    def coarse(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
        return frame.assign(geometry=frame.geometry.simplify(THUMBNAIL_SIMPLIFY_DEG, preserve_topology=True))

    return border_charts.map_datasets(
        coarse(model.countries), model.rivers, coarse(model.border_drawn), decimals=THUMBNAIL_DECIMALS
    )


def clip_to_map(geometry: shapely.Geometry) -> shapely.Geometry:
    """Cut a shape to the map window, so a large reach does not make the map zoom out."""
    return shapely.clip_by_rect(geometry, *MAP_BOX)


def build_coverage_curve(model: BorderModel) -> pd.DataFrame:
    """Share of the border covered at every radius the slider offers.

    Apart from the model because only the Border page needs it and it is the model's slowest
    part (one buffer and intersection per radius): the Overview opens without waiting for it.
    """
    reaches = [border.border_coverage(model.border_line, model.covering, r) for r in COVERAGE_RADII_KM]
    return pd.DataFrame(
        {
            "radius_km": COVERAGE_RADII_KM,
            "covered_km": [reach.covered_km for reach in reaches],
            "share": [reach.share for reach in reaches],
        }
    )


@dataclass(frozen=True)
class BorderTables:
    """The Border page's tables and texts that no filter changes, laid out for display once.

    Built from the model rather than on every rerun: a radius move redraws the whole page, and
    these frames and sentences would otherwise be rebuilt each time, identical.
    """

    strength: security.StrengthSummary | None
    former_bases: str  # names of the 201st's former garrisons, for the map key
    map_rows: pd.DataFrame  # geometry sources and placed sites: the map's CSV
    distance_table: pd.DataFrame
    distance_rows: pd.DataFrame
    curve_sources: pd.DataFrame  # what the coverage curve is computed from
    strength_figures: pd.DataFrame  # every published figure, all years (chart.strength_frame)
    personnel_claims: tuple[tuple[float, str], ...]  # (troops claimed, "publisher, year: about N")
    claim_publishers: tuple[str, ...]  # who made each of model.claims
    claims_checked: pd.DataFrame
    references_table: pd.DataFrame  # the border's reference lengths, as the page lists them
    event_years: pd.Series  # the year of each of model.events
    unplaced: pd.DataFrame
    lengths_table: pd.DataFrame
    lengths_rows: pd.DataFrame


UNPLACED_KINDS = {
    "russian_range": "Russian training range",
    "chinese_post": "Chinese post",
    "border_crossing": "Border crossing",
}


def build_border_tables(model: BorderModel) -> BorderTables:
    sites = model.sites
    former = sites[(sites["kind"] == "russian_base") & (sites["status"] == "former")]
    placed = sites.dropna(subset=["lat"])
    geometry_ids = pd.concat(
        [model.countries["source_id"], model.rivers["source_id"], model.border_drawn["source_id"]]
    ).unique()
    map_rows = pd.concat(
        [
            pd.DataFrame({"source_id": geometry_ids}),
            placed[
                ["site_id", "name", "kind", "status", "lat", "lon", "coord_basis", "distance_to_border_km", "source_id"]
            ],
        ],
        ignore_index=True,
    )
    measured = sites.dropna(subset=["distance_to_border_km"])
    near = measured[measured["kind"].isin(["russian_base", "russian_facility", "border_crossing"])]
    distance_table = pd.DataFrame(
        {
            "Site": near["short_name"].fillna(near["name"]),
            "To the border, km": near["distance_to_border_km"].round(1),
            "Kind": near["kind"].map(lambda k: border_charts.SITE_STYLE[k][0]),
            "Status": near["status"],
            "Position": near["coord_basis"].str.replace("_", " "),
        }
    ).sort_values("To the border, km")
    by_id = model.sources.set_index("source_id")
    publishers, dated = by_id["publisher"], by_id["published_date"]

    def claim_source(source_id: str) -> str:
        return source_name(publishers[source_id], dated[source_id])

    personnel_claims = tuple(
        (claim.claimed, f"{claim_source(claim.source_id)}: about {claim.claimed:,.0f}")
        for claim in model.claims
        if claim.unit == "personnel"
    )
    unplaced = sites[sites["lat"].isna()]
    lengths = model.border_lengths[model.border_lengths["segment"] == "full"].sort_values("length_km")
    return BorderTables(
        strength=security.strength_summary(model.strength),
        former_bases=", ".join(former["short_name"].fillna(former["name"])),
        map_rows=map_rows,
        distance_table=distance_table,
        distance_rows=near[["site_id", "name", "kind", "status", "distance_to_border_km", "coord_basis", "source_id"]],
        curve_sources=pd.concat([model.border_drawn[["source_id"]], model.covering[["source_id"]]], ignore_index=True),
        strength_figures=border_charts.strength_frame(model.strength, model.troops_redeployed, model.sources),
        personnel_claims=personnel_claims,
        claim_publishers=tuple(publishers[claim.source_id] for claim in model.claims),
        claims_checked=pd.DataFrame([vars(claim) for claim in model.claims]),
        references_table=pd.DataFrame(
            {
                "Source": model.references["cited_as"].str.removeprefix("the "),
                "Length": model.references["length_km"].map(km),
                "Parts": model.references["parts"].fillna(""),
            }
        ),
        event_years=model.events["date"].str[:4].astype(int),
        unplaced=pd.DataFrame(
            {
                "Site": unplaced["name"],
                "Kind": unplaced["kind"].map(lambda k: UNPLACED_KINDS.get(k, k)),
                "Status": unplaced["status"],
            }
        ),
        lengths_table=pd.DataFrame(
            {
                "Line": lengths["source"] + ", " + lengths["resolution"],
                "Length": lengths["length_km"].map(lambda km: f"{km:,.1f} km"),
                f"Share of {model.reference_km:,.0f} km": lengths["share_of_reference"].map(lambda s: f"{s:.1%}"),
            }
        ),
        lengths_rows=lengths[["id", "source", "resolution", "length_km", "share_of_reference", "source_id"]],
    )


def source_name(publisher: str, published: object) -> str:
    """'Russia Briefing (Dezan Shira & Associates), 2022': a publisher and its year, when dated."""
    return f"{publisher}, {published[:4]}" if isinstance(published, str) else publisher
