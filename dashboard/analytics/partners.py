"""Tajikistan among its partners and its neighbours: shares of a reporter's trade with the world.

Every share is a partner's cell over the same reporter's `World` cell for the same year and
flow, as the reporter told the IMF. The IMF's aggregates are never added to countries; a year
with no cell stays a gap (unknown, not zero); a share resting on an IMF estimate says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.formatting import signed

NEIGHBOURS = ("TJK", "KAZ", "KGZ", "UZB", "TKM")
NAMES = {
    "TJK": "Tajikistan",
    "KAZ": "Kazakhstan",
    "KGZ": "Kyrgyzstan",
    "UZB": "Uzbekistan",
    "TKM": "Turkmenistan",
    "RUS": "Russia",
    "CHN": "China",
}
FLOWS = ("total", "exports", "imports")
REST = "Rest of world"
# How a share stands: as reported; resting on an IMF estimate; or a total with one flow missing.
REPORTED, ESTIMATE, ONE_FLOW = "reported", "IMF estimate", "one flow only"


def reporter_flow(partners: pd.DataFrame, reporter: str, flow: str) -> pd.DataFrame:
    """One reporter's trade with each partner and year, for exports, imports or both added.

    A total needs both flows to be whole: where a partner has a cell for one flow only, the
    total is that flow and is marked 'one flow only', never passed off as the whole.
    """
    rows = partners[partners["reporter_iso3"] == reporter]
    if flow != "total":
        rows = rows[rows["flow"] == flow]
    keys = ["partner_label", "partner", "partner_kind", "partner_iso3", "year", "source_id"]
    out = (
        rows.assign(estimate=rows["imf_estimate"].eq("true"), flows=1)
        .groupby(keys, as_index=False, dropna=False)
        .agg(value_usd_m=("value_usd_m", "sum"), estimate=("estimate", "any"), flows=("flows", "sum"))
    )
    out["whole"] = out["flows"].eq(2) if flow == "total" else True
    return out.drop(columns="flows")


def shares_of_world(flows: pd.DataFrame) -> pd.DataFrame:
    """Each partner's share of the reporter's World total, year by year, with how it stands."""
    world = flows[flows["partner_label"] == "World"][["year", "value_usd_m", "estimate", "whole"]]
    world = world.rename(columns={"value_usd_m": "world_usd_m", "estimate": "world_estimate", "whole": "world_whole"})
    countries = flows[flows["partner_kind"] == "country"].merge(world, on="year", how="inner")
    countries["share_pct"] = countries["value_usd_m"] / countries["world_usd_m"] * 100
    countries["basis"] = basis(countries["estimate"] | countries["world_estimate"], countries["whole"])
    return countries.sort_values(["partner", "year"], ignore_index=True)


def basis(estimate: pd.Series, whole: pd.Series) -> pd.Series:
    """'IMF estimate' over 'one flow only' over 'reported', row by row."""
    return estimate.map({True: ESTIMATE, False: REPORTED}).where(whole | estimate, ONE_FLOW)


def latest_year(shares: pd.DataFrame) -> int | None:
    return int(shares["year"].max()) if len(shares) else None


def ranking(shares: pd.DataFrame, year: int) -> pd.DataFrame:
    """The countries by share in one year, largest first, with their rank (1 = largest)."""
    rows = shares[shares["year"] == year].sort_values("share_pct", ascending=False, ignore_index=True)
    return rows.assign(rank=range(1, len(rows) + 1))


def top_partners(shares: pd.DataFrame, n: int, year: int) -> list[str]:
    """The n largest partners in `year` (the latest year with data, as the page uses it)."""
    return ranking(shares, year)["partner"].head(n).tolist()


def with_rest(shares: pd.DataFrame, partners: list[str]) -> pd.DataFrame:
    """The chosen partners' shares, and the rest of the world grouped as World minus them.

    The rest is left empty in a year where a chosen partner has no cell: its share would be
    unknown, and counting the missing cell as zero would inflate the rest.
    """
    chosen = shares[shares["partner"].isin(partners)]
    by_year = chosen.groupby("year").agg(
        known=("partner", "nunique"),
        value_usd_m=("value_usd_m", "sum"),
        estimate=("estimate", "any"),
        whole=("whole", "all"),
    )
    world = shares.drop_duplicates("year").set_index("year")[
        ["world_usd_m", "world_estimate", "world_whole", "source_id"]
    ]
    rest = world.join(by_year, how="left")
    rest = rest[rest["known"].eq(len(partners))]
    estimate = rest["estimate"].astype(bool) | rest["world_estimate"]
    whole = rest["whole"].astype(bool) & rest["world_whole"]
    rest_rows = pd.DataFrame(
        {
            "year": rest.index,
            "partner": REST,
            "value_usd_m": rest["world_usd_m"] - rest["value_usd_m"],
            "world_usd_m": rest["world_usd_m"],
            "estimate": estimate,
            "share_pct": (rest["world_usd_m"] - rest["value_usd_m"]) / rest["world_usd_m"] * 100,
            "basis": basis(estimate, whole),
            "source_id": rest["source_id"],
        }
    ).reset_index(drop=True)
    columns = ["year", "partner", "value_usd_m", "world_usd_m", "share_pct", "basis", "source_id"]
    out = pd.concat([chosen[columns], rest_rows[columns]], ignore_index=True)
    order = {name: i for i, name in enumerate([*partners, REST])}
    return out.sort_values(["partner", "year"], key=lambda s: s.map(order) if s.name == "partner" else s).reset_index(
        drop=True
    )


@dataclass(frozen=True)
class Standing:
    """A partner's place among a reporter's partners in one year, and its share then and before."""

    partner: str
    year: int
    rank: int
    of: int  # how many countries had a cell that year
    share_pct: float
    basis: str
    since_year: int | None
    since_share_pct: float | None


def standing(shares: pd.DataFrame, partner: str, since: int | None = None) -> Standing | None:
    """Where `partner` stands in the latest year with data, and its share in `since` (if it had one)."""
    year = latest_year(shares)
    if year is None:
        return None
    ranked = ranking(shares, year)
    row = ranked[ranked["partner"] == partner]
    if row.empty:
        return None
    before = shares[(shares["partner"] == partner) & (shares["year"] == since)]
    return Standing(
        partner,
        year,
        int(row["rank"].iloc[0]),
        len(ranked),
        float(row["share_pct"].iloc[0]),
        str(row["basis"].iloc[0]),
        since if len(before) else None,
        float(before["share_pct"].iloc[0]) if len(before) else None,
    )


def changes_since(shares: pd.DataFrame, partners: list[str], since: int, year: int) -> pd.DataFrame:
    """Each chosen partner's share in `since` and in `year`, and the change in points (gaps stay gaps)."""
    pick = shares[shares["partner"].isin(partners)]
    then = pick[pick["year"] == since].set_index("partner")["share_pct"]
    now = pick[pick["year"] == year].set_index("partner")["share_pct"]
    out = pd.DataFrame({"partner": partners})
    out["then_pct"] = out["partner"].map(then)
    out["now_pct"] = out["partner"].map(now)
    out["change_pts"] = out["now_pct"] - out["then_pct"]
    return out


def mirror(partners: pd.DataFrame, reporter: str, partner_iso3: str) -> pd.DataFrame:
    """One pair's flows as each side reported them: the reporter's imports against the partner's
    exports to it, and the reporter's exports against the partner's imports from it."""
    own = partners[(partners["reporter_iso3"] == reporter) & (partners["partner_iso3"] == partner_iso3)]
    other = partners[(partners["reporter_iso3"] == partner_iso3) & (partners["partner_iso3"] == reporter)]
    rows = []
    for direction, own_flow, other_flow in (
        (f"{NAMES[partner_iso3]} → {NAMES[reporter]}", "imports", "exports"),
        (f"{NAMES[reporter]} → {NAMES[partner_iso3]}", "exports", "imports"),
    ):
        for side, frame, flow in ((NAMES[reporter], own, own_flow), (NAMES[partner_iso3], other, other_flow)):
            picked = frame[frame["flow"] == flow]
            rows.append(
                pd.DataFrame(
                    {
                        "direction": direction,
                        "reported_by": side,
                        "year": picked["year"],
                        "value_usd_m": picked["value_usd_m"],
                        "basis": picked["imf_estimate"].map({"true": ESTIMATE, "false": REPORTED}),
                        "source_id": picked["source_id"],
                    }
                )
            )
    return pd.concat(rows, ignore_index=True).sort_values(["direction", "reported_by", "year"], ignore_index=True)


def mirror_gaps(pairs: pd.DataFrame, importer_side: dict[str, str]) -> pd.DataFrame:
    """Per direction and year with both reports: the importer's figure minus the exporter's, % of the exporter's."""
    wide = pairs.pivot_table(index=["direction", "year"], columns="reported_by", values="value_usd_m").reset_index()
    rows = []
    for direction, importer in importer_side.items():
        exporter = next(c for c in wide.columns if c not in ("direction", "year", importer))
        part = wide[(wide["direction"] == direction)].dropna(subset=[importer, exporter])
        rows.append(
            pd.DataFrame(
                {
                    "direction": direction,
                    "year": part["year"],
                    "gap_pct": (part[importer] - part[exporter]) / part[exporter] * 100,
                }
            )
        )
    return pd.concat(rows, ignore_index=True)


def neighbour_shares(partners: pd.DataFrame, reporters: tuple[str, ...], toward: tuple[str, ...]) -> pd.DataFrame:
    """Each reporter's share of its total trade with each partner in `toward` (Russia, China), by year."""
    frames = []
    for reporter in reporters:
        shares = shares_of_world(reporter_flow(partners, reporter, "total"))
        picked = shares[shares["partner_iso3"].isin(toward)]
        frames.append(picked.assign(reporter=NAMES[reporter], reporter_iso3=reporter))
    if not frames:
        return pd.DataFrame(columns=["reporter", "reporter_iso3", "partner", "partner_iso3", "year", "share_pct"])
    return pd.concat(frames, ignore_index=True)


def reliance_sentence(shares: pd.DataFrame) -> str:
    """Who relies most on Russia and who on China in the latest year, and how that changed.

    Written from the numbers: the leaders, their shares and the change since each one's first
    year with a figure, so the sentence follows the data (and says when there is none).
    """
    if shares.empty:
        return "No neighbour's trade with Russia or China is in the data for the years chosen."
    year = int(shares["year"].max())
    parts = []
    for partner in ("Russia", "China"):
        now = shares[(shares["partner"] == partner) & (shares["year"] == year)]
        if now.empty:
            continue
        lead = now.sort_values("share_pct", ascending=False).iloc[0]
        series = shares[(shares["partner"] == partner) & (shares["reporter"] == lead["reporter"])]
        first = series.sort_values("year").iloc[0]
        notes = [f"{lead['share_pct']:.1f}% of its trade"]
        if lead["basis"] != REPORTED:
            notes.append(f"resting on an {ESTIMATE}" if lead["basis"] == ESTIMATE else ONE_FLOW)
        if int(first["year"]) != year:
            notes.append(f"{signed(lead['share_pct'] - first['share_pct'], ' pts')} since {int(first['year'])}")
        verb = "relied most" if not parts else "most"
        parts.append(f"{lead['reporter']} {verb} on {partner} ({', '.join(notes)})")
    if not parts:
        return f"No country shown reported trade with Russia or China in {year}."
    return f"In {year}, of the countries shown, {' and '.join(parts)}."


@dataclass(frozen=True)
class RemittanceRank:
    """An economy's place by remittances as % of GDP in one year."""

    year: int
    rank: int
    of: int
    value: float
    rank_without_flagged: int
    flagged_above: tuple[str, ...]  # economies ranked above it on a flagged (suspect) value


def remittance_ranking(world: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every economy with a value in `year`, largest share of GDP first, ranked (aggregates are not in the file)."""
    rows = world[world["year"] == year].sort_values("value", ascending=False, ignore_index=True)
    return rows.assign(rank=range(1, len(rows) + 1))


def remittance_rank(world: pd.DataFrame, iso3: str, year: int | None = None) -> RemittanceRank | None:
    """Where `iso3` ranks in `year` (default: the latest year it has a value), with and without flagged values."""
    own = world[world["iso3"] == iso3]
    if own.empty:
        return None
    year = int(own["year"].max()) if year is None else year
    ranked = remittance_ranking(world, year)
    row = ranked[ranked["iso3"] == iso3]
    if row.empty:
        return None
    rank = int(row["rank"].iloc[0])
    above = ranked[ranked["rank"] < rank]
    flagged = above[above["flag"].fillna("").ne("")]
    return RemittanceRank(
        year, rank, len(ranked), float(row["value"].iloc[0]), rank - len(flagged), tuple(flagged["country"])
    )
