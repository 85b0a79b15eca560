"""What the Partners & region page shows that no control changes, built once per data folder.

The shares of every reporter's trade with the world are computed here for each flow; the page's
controls (how many partners, which countries, the Years filter) only pick rows from them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import partners as pt
from dashboard.analytics.trade import line_segments
from dashboard.refresh.imf import SOURCE_ID as IMF_API_SOURCE

NEIGHBOUR_PARTNERS = ("RUS", "CHN")


@dataclass(frozen=True)
class PartnersModel:
    """Shared read-only: callers must not mutate the frames."""

    sources: pd.DataFrame
    partners: pd.DataFrame  # the newest edition as loaded: trade_partners_api.csv if refreshed, else trade_partners.csv
    tajik_shares: dict[str, pd.DataFrame]  # flow -> every country's share of Tajikistan's trade
    neighbours: pd.DataFrame  # each Central Asian reporter's share of its trade with Russia and China
    mirrors: dict[str, pd.DataFrame]  # partner iso3 -> the pair's flows as each side reported them
    world_remittances: pd.DataFrame | None  # every economy's remittances as % of GDP (None: no file)
    years: tuple[int, int]  # first and last year with a trade cell
    edition: str  # which IMF edition the trade figures are, for the page to say


def build_partners_model(
    partners: pd.DataFrame, world_remittances: pd.DataFrame | None, sources: pd.DataFrame
) -> PartnersModel:
    tajik = {flow: pt.shares_of_world(pt.reporter_flow(partners, "TJK", flow)) for flow in pt.FLOWS}
    neighbours = pt.neighbour_shares(partners, pt.NEIGHBOURS, NEIGHBOUR_PARTNERS)
    neighbours = neighbours.assign(segment=line_segments(neighbours, ["reporter", "partner"]).astype(str))
    mirrors = {}
    for iso3 in NEIGHBOUR_PARTNERS:
        pairs = pt.mirror(partners, "TJK", iso3)
        mirrors[iso3] = pairs.assign(segment=line_segments(pairs, ["direction", "reported_by"]).astype(str))
    return PartnersModel(
        sources=sources,
        partners=partners,
        tajik_shares=tajik,
        neighbours=neighbours,
        mirrors=mirrors,
        world_remittances=world_remittances,
        years=(int(partners["year"].min()), int(partners["year"].max())),
        edition=edition(partners, sources),
    )


def edition(partners: pd.DataFrame, sources: pd.DataFrame) -> str:
    """The IMF edition the rows come from, named as a reader knows it; a refresh says when it was read.

    The page shows one edition whole, so the rows cite one source.
    """
    cited = set(partners["source_id"])
    if cited == {IMF_API_SOURCE}:
        accessed = sources.set_index("source_id").at[IMF_API_SOURCE, "published_date"]
        return f"IMF International Trade in Goods by partner country (IMTS), as read from the IMF's API on {accessed}"
    return "IMF Direction of Trade Statistics (DOTS)"


def shares_frame(shares: pd.DataFrame, chosen: list[str], years: tuple[int, int]) -> pd.DataFrame:
    """The chosen partners and the rest of the world in the years shown, ready to draw (gaps break lines)."""
    frame = pt.with_rest(shares, chosen)
    frame = frame[frame["year"].between(*years)].rename(columns={"partner": "series"})
    return frame.assign(segment=line_segments(frame, ["series"]).astype(str)).reset_index(drop=True)
