"""What the Partners & region page shows that no control changes, built once per data folder.

The shares of every reporter's trade with the world are computed here for each flow; the page's
controls (how many partners, which countries, the Years filter) only pick rows from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import partners as pt
from dashboard.analytics.basis import REPORTED, SHOWN, Mismatch, described
from dashboard.analytics.citations import edition_words
from dashboard.analytics.trade import line_segments
from dashboard.datasets import IMF_API_SOURCE
from dashboard.formatting import signed

NEIGHBOUR_PARTNERS = ("RUS", "CHN")
SHARES_UNUSED = ["partner_label", "partner_kind"]  # columns of the shares no view reads


@dataclass(frozen=True)
class PartnersModel:
    """Shared read-only: callers must not mutate the frames."""

    sources: pd.DataFrame
    tajik_shares: dict[str, pd.DataFrame]  # flow -> every country's share of Tajikistan's trade
    neighbours: pd.DataFrame  # each Central Asian reporter's share of its trade with Russia and China
    mirrors: dict[str, pd.DataFrame]  # partner iso3 -> the pair's flows as each side reported them
    world_remittances: pd.DataFrame | None  # every economy's remittances as % of GDP (None: no file)
    years: tuple[int, int]  # first and last year of Tajikistan's own rows (China's reach back to 1961)
    edition: str  # which IMF edition the trade figures are, for the page to say
    set_aside: tuple[str, ...] = ()  # optional files that could not be read, left out as if missing


def build_partners_model(
    partners: pd.DataFrame, world_remittances: pd.DataFrame | None, sources: pd.DataFrame
) -> PartnersModel:
    # the loaded table is not kept: the page needs only these (the whole table is 10 MB a server)
    tajik = {
        flow: pt.shares_of_world(pt.reporter_flow(partners, "TJK", flow)).drop(columns=SHARES_UNUSED)
        for flow in pt.FLOWS
    }
    neighbours = pt.neighbour_shares(partners, pt.NEIGHBOURS, NEIGHBOUR_PARTNERS)
    neighbours = neighbours.assign(segment=line_segments(neighbours, ["reporter", "partner"]).astype(str))
    words = edition(partners, sources)
    neighbours = described(neighbours, neighbours["reporter_iso3"].map(pt.reported_by), "basis", words)
    mirrors = {}
    for iso3 in NEIGHBOUR_PARTNERS:
        pairs = pt.mirror(partners, "TJK", iso3)
        pairs = pairs.assign(segment=line_segments(pairs, ["direction", "side"]).astype(str))
        mirrors[iso3] = described(pairs, "reported_by", "basis", words)
    if world_remittances is not None:
        world_remittances = described(
            world_remittances, "World Bank", REPORTED, edition_words(world_remittances["source_id"], sources)
        )
    return PartnersModel(
        sources=sources,
        tajik_shares=tajik,
        neighbours=neighbours,
        mirrors=mirrors,
        world_remittances=world_remittances,
        years=own_years(partners, "TJK"),
        edition=words,
    )


def own_years(partners: pd.DataFrame, reporter: str) -> tuple[int, int]:
    """The first and last year of one reporter's rows: the page's span, not the whole table's."""
    years = partners.loc[partners["reporter_iso3"] == reporter, "year"]
    if years.empty:
        raise Mismatch(f"the partner table has no rows reported by {reporter}")
    return int(years.min()), int(years.max())


def page_years(model_years: tuple[int, int], chosen: tuple[int, int], full: tuple[int, int]) -> tuple[int, int]:
    """The years the page draws: all of its own while the Years filter is at its full range, else the filter's.

    The filter spans the trade data (from 1993), so at its full range it means "every year";
    taken literally it would hide the partner data's 1992.
    """
    return model_years if tuple(chosen) == tuple(full) else chosen


def edition(partners: pd.DataFrame, sources: pd.DataFrame) -> str:
    """The IMF edition the rows come from, named as a reader knows it; a refresh says when it was read.

    The page shows one edition whole, so the rows cite one source.
    """
    cited = set(partners["source_id"])
    if cited == {IMF_API_SOURCE}:
        accessed = sources.set_index("source_id").at[IMF_API_SOURCE, "published_date"]
        return f"IMF International Trade in Goods by partner country (IMTS), as read from the IMF's API on {accessed}"
    return "IMF Direction of Trade Statistics (DOTS)"


def shares_frame(shares: pd.DataFrame, chosen: list[str], years: tuple[int, int], edition: str) -> pd.DataFrame:
    """The chosen partners and the rest of the world in the years shown, ready to draw (gaps break lines),
    each share with how it stands (whose report, its basis, the edition)."""
    frame = pt.with_rest(shares, chosen)
    frame = frame[frame["year"].between(*years)].rename(columns={"partner": "series"})
    frame = described(frame, "reporter", "basis", edition).drop(columns="reporter")
    return frame.assign(segment=line_segments(frame, ["series"]).astype(str)).reset_index(drop=True)


@dataclass(frozen=True)
class SharesView:
    """Tajikistan's largest partners for one flow, top N and years: what the first chart draws."""

    year: int
    chosen: list[str]
    order: list[str]
    frame: pd.DataFrame  # to draw (with line segments)
    rows: pd.DataFrame  # the same rows for the sources line, table and CSV
    changes: pd.DataFrame  # share then, now and the change, for the chosen partners


def build_shares_view(
    model: PartnersModel, flow: str, top: int, since: int, years: tuple[int, int]
) -> SharesView | None:
    shares = model.tajik_shares[flow]
    year = pt.latest_year(shares)
    if year is None:
        return None
    chosen = pt.top_partners(shares, top, year)
    frame = shares_frame(shares, chosen, years, model.edition)
    return SharesView(
        year,
        chosen,
        [*chosen, pt.REST],
        frame,
        frame.drop(columns="segment"),
        pt.changes_since(shares, chosen, since, year),
    )


def changes_table(shown: SharesView, since: int) -> pd.DataFrame:
    """The chosen partners' shares then and now and the change, as the page lists them; the column
    saying why a change is missing appears only where one is (basis.compare gave a reason)."""
    changes = shown.changes
    table = pd.DataFrame(
        {
            "Partner": changes["partner"],
            f"Share {since}": changes["then_pct"].map(lambda v: "no figure" if pd.isna(v) else f"{v:.1f}%"),
            f"Share {shown.year}": changes["now_pct"].map(lambda v: "no figure" if pd.isna(v) else f"{v:.1f}%"),
            "Change": changes["change_pts"].map(lambda v: "–" if pd.isna(v) else f"{v:+.1f} pts"),
            "Why no change": changes["no_change_reason"],
        }
    )
    return table if table["Why no change"].ne("").any() else table.drop(columns="Why no change")


@dataclass(frozen=True)
class MirrorView:
    """One partner's pair of flows in the years shown: per direction its rows and the latest gap."""

    directions: list[tuple[str, pd.DataFrame, pd.DataFrame, str]]  # (direction, to draw, rows, gap note)


def build_mirror_view(model: PartnersModel, iso3: str, years: tuple[int, int]) -> MirrorView:
    pairs = model.mirrors[iso3]
    pairs = pairs[pairs["year"].between(*years)]
    directions = []
    for direction in pairs["direction"].unique():
        rows = pairs[pairs["direction"] == direction]
        directions.append((direction, rows, rows.drop(columns="segment"), gap_note(rows)))
    return MirrorView(directions)


def gap_note(rows: pd.DataFrame) -> str:
    """The latest year with a mirror gap (as `trade.gap_by_year` defines it for every page), in words."""
    gaps = pt.mirror_gaps(rows).dropna(subset=["gap_pct"])
    if gaps.empty:
        return "No year has both sides' own figures (an IMF estimate is not set against a report)."
    latest = gaps.iloc[-1]
    exporter, importer = str(latest["direction"]).split(" → ")
    usd = signed(latest["gap_usd_m"], "m", digits=0).replace("+", "+US$").replace("−", "−US$")
    return (
        f"{int(latest['year'])}: {importer}'s figure (the importer's) minus {exporter}'s is {usd}, "
        f"{signed(latest['gap_pct'], '%', digits=0)} of {exporter}'s."
    )


@dataclass(frozen=True)
class NeighboursView:
    """The chosen Central Asian countries in the years shown: the sentence and a frame per partner."""

    sentence: str
    order: list[str]
    charts: list[tuple[str, pd.DataFrame, pd.DataFrame]]  # (partner, to draw, rows)


def build_neighbours_view(
    model: PartnersModel, codes: tuple[str, ...], years: tuple[int, int]
) -> NeighboursView | None:
    shares = model.neighbours[model.neighbours["reporter_iso3"].isin(codes) & model.neighbours["year"].between(*years)]
    if shares.empty:
        return None
    charts = []
    for partner in ("Russia", "China"):
        frame = shares[shares["partner"] == partner].rename(columns={"reporter": "series"})[
            ["series", "share_pct", "value_usd_m", "segment", "source_id", *SHOWN]
        ]
        charts.append((partner, frame, frame.drop(columns="segment")))
    order = [pt.NAMES[code] for code in pt.NEIGHBOURS if code in codes]
    return NeighboursView(pt.reliance_sentence(shares), order, charts)


@dataclass(frozen=True)
class Headlines:
    """The page's headline figures (each None where the data has none): Russia's standing since a
    year, the next largest partner that year, and Tajikistan's place by remittances."""

    russia: pt.Standing | None
    rival: pd.Series | None
    remittances: pt.RemittanceRank | None


def build_headlines(model: PartnersModel, since: int) -> Headlines:
    shares = model.tajik_shares["total"]
    russia = pt.standing(shares, "Russia", since)
    world = model.world_remittances
    return Headlines(
        russia,
        pt.rival(shares, russia.year) if russia is not None else None,
        pt.remittance_rank(world, "TJK") if world is not None else None,
    )


WORLD_NAMES = {"Kyrgyz Republic": "Kyrgyzstan"}  # the World Bank's names where the page uses its own


@dataclass(frozen=True)
class WorldView:
    """Tajikistan's place among all economies by remittances, the top of the list and the region's series."""

    rank: pt.RemittanceRank
    flagged: pd.DataFrame  # economies ranked above Tajikistan on a value flagged as suspect
    top: pd.DataFrame
    series: pd.DataFrame  # to draw (with line segments)
    series_rows: pd.DataFrame


def build_world_view(model: PartnersModel, years: tuple[int, int], top_n: int) -> WorldView | None:
    world = model.world_remittances
    rank = pt.remittance_rank(world, "TJK") if world is not None else None
    if rank is None:
        return None
    ranked = pt.remittance_ranking(world, rank.year)
    flagged = ranked[ranked["flag"].fillna("").ne("") & (ranked["rank"] < rank.rank)]
    top = ranked.head(top_n).assign(
        country=lambda f: f["country"].replace(WORLD_NAMES),
        flagged=lambda f: f["flag"].fillna("").ne(""),
        label=lambda f: f["country"] + f["flagged"].map({True: " (suspect value)", False: ""}),
    )
    series = world[world["iso3"].isin(pt.NEIGHBOURS) & world["year"].between(*years)]
    series = series.assign(country=series["iso3"].map(pt.NAMES))
    series = series.assign(segment=line_segments(series, ["country"]).astype(str))
    return WorldView(rank, flagged, top, series, series.drop(columns="segment"))
