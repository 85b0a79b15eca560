"""Everything the Border & security page shows that does not depend on the viewer, built once, and
the frames and named geometry its charts draw: charts draw, this module prepares.

Geometry is simplified here for drawing only (about 0.5 km for Tajikistan and Afghanistan,
2 km for their neighbours): every length and distance is measured on the full-resolution data.
Every frame a chart or a CSV takes says how its figures stand (`analytics.basis.SHOWN`): a
published figure is its publisher's; a length or distance measured here is this dashboard's.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from dashboard.analytics import border, security
from dashboard.analytics.basis import (
    MEASURED,
    REPORTED,
    THIS_DASHBOARD,
    Basis,
    Comparison,
    Figure,
    described,
)
from dashboard.analytics.citations import as_published, edition_words, publishers
from dashboard.datasets import DataError, in_language, with_translations
from dashboard.formatting import km, localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import ENGLISH, Language

DRAWN_BORDER = "dcw_full"  # the line that coincides with the polygons drawn
MAP_BOX = (63.6, 35.2, 76.0, 41.4)  # lon/lat window of the map
FOCUS = ("TJK", "AFG")
SIMPLIFY_DEG = {"focus": 0.005, "other": 0.02}


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
    references: pd.DataFrame  # every reference length, with its publisher and how it stands
    drawn_km: float  # length of the line the map draws (DRAWN_BORDER), full resolution
    drawn_against_reference: Comparison  # the line as % of the reference length, or why there is none
    sites: pd.DataFrame  # every site, with distance to the border where it has a coordinate
    covering: gpd.GeoDataFrame  # active Russian facilities, the points coverage is measured from
    farthest: border.FarthestPoint | None
    strength: pd.DataFrame
    strength_ranges: pd.DataFrame
    troops: pd.DataFrame
    memberships: pd.DataFrame  # the membership matrix, its years in English (border_words has them in a language)
    membership_periods: pd.DataFrame  # memberships.csv: every period of membership, as published
    troops_redeployed: pd.DataFrame  # reported moves out of the base (e.g. to Ukraine, 2022)
    claim_rows: pd.DataFrame  # the article's security claims (claims.csv); border_words checks them
    events: pd.DataFrame
    map_data: dict  # the map's unchanging geometry as named datasets, serialised once (map_datasets)


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
    references = reference_rows(references, sources)
    lengths = border.border_lengths(border_lines)
    strength = security.base_strength(troops)
    dcw_parts = lines[lines["id"].str.startswith("dcw_") & (lines["segment"] != "full")]
    drawn = gpd.GeoDataFrame(
        dcw_parts[["id", "tj_region", "source_id"]].reset_index(drop=True),
        geometry=dcw_parts.geometry.simplify(0.002).to_numpy(),
        crs=border_lines.crs,
    )
    drawn_countries, drawn_rivers = map_countries(countries), map_rivers(rivers)
    drawn_km = float(lengths.set_index("id").loc[DRAWN_BORDER, "length_km"])
    line_source = str(lines.at[DRAWN_BORDER, "source_id"])
    lengths = measured_rows(lengths, sources)
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
        drawn_against_reference=border.against_published(
            Figure(drawn_km, line_basis(line_source, sources)),
            Figure(float(reference["length_km"]), reference_basis(references.iloc[0])),
        ),
        sites=all_sites,
        covering=covering,
        farthest=border.farthest_border_point(line, covering),
        strength=strength,
        strength_ranges=range_rows(strength, sources),
        troops=troops,
        memberships=membership_rows(memberships, sources, ENGLISH),
        membership_periods=memberships,
        troops_redeployed=troops[(troops["force"] == "russia_201st") & (troops["unit"] == "troops_redeployed")],
        claim_rows=claims,
        events=event_rows(events[events["themes"].str.split(";").map(lambda themes: "security" in themes)], sources),
        map_data=map_datasets(drawn_countries, drawn_rivers, drawn),
    )


def membership_rows(memberships: pd.DataFrame, sources: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The membership matrix, each cell its source's (a membership is for no one year)."""
    return as_published(security.membership_matrix(memberships, lang), sources, year=None)


def event_rows(events: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    return as_published(events.assign(year=events["date"].str[:4].astype(int)), sources)


def reference_rows(references: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """The border's published lengths, each its source's (a length is for no year)."""
    whose = references["cited_as"].str.removeprefix("the ")
    return described(references, whose, REPORTED, edition_words(references["source_id"], sources), None)


def references_table(references: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The border's published lengths as the page lists them: whose, how long, in which parts
    (`references` already in the reader's language: border_words.references_in)."""
    return pd.DataFrame(
        {
            "Source": references["reported_by"],
            "Length": references["length_km"].map(lambda length: localized.km(length, lang)),
            "Parts": references["parts"].fillna(""),
        }
    )


def reference_basis(reference: pd.Series) -> Basis:
    return Basis(str(reference["reported_by"]), str(reference["edition"]))


def line_basis(source_id: str, sources: pd.DataFrame) -> Basis:
    """A length measured here on one map's line: this dashboard's figure, of that map's edition."""
    return Basis(THIS_DASHBOARD, str(edition_words(pd.Series([source_id]), sources).iloc[0]))


def measured_rows(lengths: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Lengths measured here on each line in the data: this dashboard's, each of its map's edition."""
    return described(lengths, THIS_DASHBOARD, MEASURED, edition_words(lengths["source_id"], sources), None)


def range_rows(strength: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Per year, the lowest and highest of the reports (never averaged), with whose reports they are."""
    ranges = security.strength_range_by_year(strength)
    editions = strength.assign(edition=edition_words(strength["source_id"], sources)).groupby("year")["edition"]
    whose = editions.agg(lambda e: "; ".join(dict.fromkeys(e)))
    return described(ranges, THIS_DASHBOARD, N_("lowest and highest of the year's reports"), ranges["year"].map(whose))


# The page's own CSV column names the shared ones (views.components.CSV_COLUMNS) do not hold:
# marked for the catalogue, so each CSV's header row is in the viewer's language.
CSV_COLUMNS = (N_("years"), N_("source"))

# Each site kind in words (the map's legend and the tables).
KIND_LABELS = {
    "russian_base": N_("Russian base garrison"),
    "russian_facility": N_("Russian facility"),
    "border_crossing": N_("Border crossing"),
    "tajik_city": N_("City (Tajikistan)"),
    "afghan_city": N_("City (Afghanistan)"),
    "russian_range": N_("Russian training range"),
    "chinese_post": N_("Chinese post"),
}
# How a site's position stands, from its coord_basis.
POSITION_WORDS = {
    "published": N_("position as published"),
    "city_centroid": N_("placed at its city's centre"),
    "approximate": N_("approximate position"),
    "none": N_("no published position"),
}


def sites_in(placed: pd.DataFrame, sites: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """`sites_frame`'s words for the map (the legend's kinds, the tooltips' troops and distances)
    in the viewer's language, from the model's `sites`; the frame is English, as its CSV is."""
    if lang.is_source:
        return placed
    _ = lang.gettext
    by_id = sites.set_index("site_id").loc[placed["site_id"]]
    troops = zip(by_id["troops_estimate"], by_id["troops_year"], strict=True)
    return placed.assign(
        kind_label=placed["kind"].map(lambda kind: _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind),
        troops_text=[
            _("about {troops} for the whole base ({year})").format(troops=localized.number(t, lang), year=int(y))
            if pd.notna(t)
            else _("no published figure for this site")
            for t, y in troops
        ],
        distance_text=[localized.km(round(d, 1), lang) if pd.notna(d) else "" for d in by_id["distance_to_border_km"]],
        label=in_language(by_id, "short_name", lang).fillna("").to_numpy(),
    )


def map_datasets(
    countries: gpd.GeoDataFrame,
    rivers: gpd.GeoDataFrame,
    border_drawn: gpd.GeoDataFrame,
    decimals: int = border.DRAWN_DECIMALS,
) -> dict:
    """The map's unchanging geometry as named datasets, serialised once rather than on every build."""
    return {
        "countries": border.geo_features(countries[["name", "iso_a3", "geometry"]], decimals),
        "rivers": border.geo_features(rivers[["level", "river_class", "name_inferred", "geometry"]], decimals),
        "border": border.geo_features(border_drawn[["tj_region", "geometry"]], decimals),
    }


def sites_frame(sites: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Placed sites with what the markers and tooltips show, and how each position stands.

    A city at the same point as a garrison (Dushanbe, Bokhtar, Kulob) is left out: the garrison's
    marker and label stand for both. The one troop figure in the data is for the whole base and
    sits on the Dushanbe headquarters, which is drawn larger; other Russian sites get a neutral size.
    """
    placed = sites.dropna(subset=["lat", "lon"])
    russian = placed["kind"].str.startswith("russian")
    spot = placed["lat"].round(2).astype(str) + "," + placed["lon"].round(2).astype(str)
    placed = placed[russian | ~spot.isin(set(spot[russian]))].copy()
    placed["kind_label"] = placed["kind"].map(lambda kind: KIND_LABELS.get(kind, kind))
    placed["troops_text"] = [
        f"about {t:,.0f} for the whole base ({int(y)})" if pd.notna(t) else "no published figure for this site"
        for t, y in zip(placed["troops_estimate"], placed["troops_year"], strict=True)
    ]
    placed["distance_text"] = placed["distance_to_border_km"].map(lambda d: f"{d:,.1f} km" if pd.notna(d) else "")
    placed["marker_size"] = [
        (60 + t / 35 if pd.notna(t) else 110) if kind.startswith("russian") else 60
        for kind, t in zip(placed["kind"], placed["troops_estimate"], strict=True)
    ]
    placed["label"] = placed["short_name"].fillna("")
    placed["label_side"] = placed["label_side"].fillna("right")
    columns = [
        "site_id",
        "name",
        "label",
        "label_side",
        "kind",
        "kind_label",
        "status",
        "lat",
        "lon",
        "troops_text",
        "distance_text",
        "marker_size",
        "source_id",
    ]
    placed = placed.reset_index(drop=True)
    return described(
        with_translations(placed, columns),  # the name's name_ru: the tooltip's in Russian (specs.words_in)
        publishers(placed, sources),
        placed["coord_basis"].map(POSITION_WORDS),
        edition_words(placed["source_id"], sources),
        None,
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

    return map_datasets(coarse(model.countries), model.rivers, coarse(model.border_drawn), decimals=THUMBNAIL_DECIMALS)


@dataclass(frozen=True)
class BorderTables:
    """The Border page's tables and texts that no filter changes, laid out for display once.

    Built from the model rather than on every rerun: a radius move redraws the whole page, and
    these frames and sentences would otherwise be rebuilt each time, identical.
    """

    strength: security.StrengthSummary | None
    former_bases: tuple[str, ...]  # labels of the 201st's former garrisons, for the map key
    map_rows: pd.DataFrame  # geometry sources and placed sites: the map's CSV
    distance_table: pd.DataFrame
    distance_rows: pd.DataFrame
    curve_sources: pd.DataFrame  # what the coverage curve is computed from
    claim_publishers: tuple[str, ...]  # who made each of model.claim_rows
    event_years: pd.Series  # the year of each of model.events
    unplaced: pd.DataFrame
    lengths_table: pd.DataFrame
    lengths_rows: pd.DataFrame
    lengths_reason: str  # why no line's length is given as a share of the published one


def build_border_tables(model: BorderModel) -> BorderTables:
    sites = model.sites
    sources = model.sources
    former = sites[(sites["kind"] == "russian_base") & (sites["status"] == "former")]
    geometry_ids = pd.concat(
        [model.countries["source_id"], model.rivers["source_id"], model.border_drawn["source_id"]]
    ).unique()
    geometry = pd.DataFrame({"source_id": geometry_ids})
    placed = sites_frame(sites, sources).merge(
        sites[["site_id", "coord_basis", "distance_to_border_km"]], on="site_id", how="left"
    )
    map_rows = pd.concat(
        [
            described(
                geometry,
                publishers(geometry, sources),
                N_("map geometry"),
                edition_words(geometry["source_id"], sources),
                None,
            ),
            with_translations(
                placed,
                [
                    "site_id",
                    "name",
                    "kind",
                    "status",
                    "lat",
                    "lon",
                    "coord_basis",
                    "distance_to_border_km",
                    "reported_by",
                    "basis",
                    "edition",
                    "year",
                    "source_id",
                ],
            ),
        ],
        ignore_index=True,
    )
    measured = sites.dropna(subset=["distance_to_border_km"])
    near = measured[measured["kind"].isin(["russian_base", "russian_facility", "border_crossing"])]
    distance_table = pd.DataFrame(
        {
            "Site": near["short_name"].fillna(near["name"]),
            "To the border, km": near["distance_to_border_km"].round(1),
            "Kind": near["kind"].map(KIND_LABELS),
            "Status": near["status"],
            "Position": near["coord_basis"].map(POSITION_WORDS),
        }
    ).sort_values("To the border, km")
    line_edition = model.border_lengths.set_index("id").at[DRAWN_BORDER, "edition"]
    distance_rows = with_translations(
        near, ["site_id", "name", "kind", "status", "distance_to_border_km", "coord_basis", "source_id"]
    )
    distance_rows = described(
        distance_rows,
        THIS_DASHBOARD,
        MEASURED,
        f"{line_edition}; " + edition_words(distance_rows["source_id"], sources),
        None,
    )
    by_id = sources.set_index("source_id")
    published_by = by_id["publisher"]
    lengths = model.border_lengths[model.border_lengths["segment"] == "full"].sort_values("length_km")
    reference = model.references.iloc[0]
    against = [
        border.against_published(
            Figure(length, Basis(THIS_DASHBOARD, edition)), Figure(reference["length_km"], reference_basis(reference))
        )
        for length, edition in zip(lengths["length_km"], lengths["edition"], strict=True)
    ]
    unplaced = sites[sites["lat"].isna()]
    return BorderTables(
        strength=security.strength_summary(model.strength),
        former_bases=tuple(former["short_name"].fillna(former["name"])),
        map_rows=map_rows,
        distance_table=distance_table,
        distance_rows=distance_rows,
        curve_sources=pd.concat([model.border_drawn[["source_id"]], model.covering[["source_id"]]], ignore_index=True),
        claim_publishers=tuple(published_by[source_id] for source_id in model.claim_rows["source_id"]),
        event_years=model.events["year"],
        unplaced=pd.DataFrame(
            {
                "Site": unplaced["name"],
                "Kind": unplaced["kind"].map(lambda k: KIND_LABELS.get(k, k)),
                "Status": unplaced["status"],
            }
        ),
        lengths_table=pd.DataFrame(
            {
                "Line (measured here)": lengths["source"] + ", " + lengths["resolution"],
                "Length": lengths["length_km"].map(lambda length: f"{length:,.1f} km"),
                f"Published: {reference['reported_by']}": km(float(reference["length_km"])),
            }
        ),
        lengths_rows=lengths[["id", "source", "resolution", "length_km"]]
        .assign(
            published_km=float(reference["length_km"]),
            published_by=str(reference["reported_by"]),
            pct_of_published=[a.value for a in against],
            no_ratio_reason=[a.reason for a in against],
        )
        .join(lengths[["reported_by", "basis", "edition", "year", "source_id"]]),
        lengths_reason=against[0].reason if against else "",
    )
