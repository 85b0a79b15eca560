"""The Overview's headline numbers and narrative, read from the other pages' analytics.

Nothing is recomputed here that a page already computes: each number comes from the same
function the page uses, so the Overview and the page can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import partners, remittances, security, trade
from dashboard.analytics.basis import CHANGE, Basis, Figure, compare
from dashboard.formatting import km, money, percent, signed


@dataclass(frozen=True)
class Headline:
    """One KPI card: what, how much, for when, the change, where it comes from, and its page."""

    key: str
    label: str
    value: str
    year: int | None
    change: str | None
    change_number: float | None  # sign of the change, for the arrow; None for context that is not a change
    page: str
    source_ids: tuple[str, ...]
    number: float  # the figure behind `value`, for the narrative and the tests
    cited_as: str = ""  # whose figure `value` is, where the narrative must say so
    basis: str = ""  # whose figure and on what basis, in plain words: shown on the card and in the brief


def trade_sides(headline: dict[str, pd.DataFrame]) -> dict[str, trade.TradeKpis]:
    """Each reporter's latest annual total, as the Trade page's KPIs give it."""
    kpis = {side: trade.trade_kpis(frame) for side, frame in headline.items()}
    return {side: k for side, k in kpis.items() if k is not None}


def trade_headline(headline: dict[str, pd.DataFrame]) -> Headline | None:
    """The latest year either side reports; both sides' totals where both report it."""
    sides = trade_sides(headline)
    if not sides:
        return None
    year = max(k.year for k in sides.values())
    latest = {side: k for side, k in sides.items() if k.year == year}
    low, high = min(k.value_usd_m for k in latest.values()), max(k.value_usd_m for k in latest.values())
    value = money(low) if low == high else f"{money(low)}–{money(high).removeprefix('US$')}"
    changes = [(side, k) for side, k in latest.items() if k.change_pct is not None]
    change = "; ".join(f"{percent(k.change_pct, k.change_qualifier)} ({side.title()})" for side, k in changes)
    sources = tuple(str(headline[side].loc[headline[side]["year"] == year, "source_id"].iloc[-1]) for side in latest)
    whose = "; ".join(f"{side.title()}'s count: {k.figure_label}" for side, k in latest.items())
    return Headline(
        "trade",
        f"Bilateral trade, {year}",
        value,
        year,
        change or None,
        changes[0][1].change_pct if changes else None,
        "trade",
        sources,
        high,
        basis=f"{whose}; each side's change is on its own figures",
    )


def russia_share_headline(shares: pd.DataFrame) -> Headline | None:
    """Russia's share of Tajikistan's total trade in the latest year anyone published one, and whose it is.

    `shares` is `trade.russia_shares`. The change is on the same reporter's figure of the year
    before (`basis.compare`); where only another reporter published the year before, both
    figures stand side by side and no change is drawn between them.
    """
    rows = shares[shares["measure"] == trade.TOTAL_SHARE].sort_values(["year", "figure_id"])
    if rows.empty:
        return None
    row = rows.iloc[-1]
    year, reporter = int(row["year"]), str(row["reported_by"])
    before = rows[rows["year"] == year - 1]
    same = before[before["reported_by"] == reporter]
    change, text, whose = None, None, f"per {reporter}"
    if len(same):
        compared = compare(
            CHANGE,
            Figure(float(row["share_pct"]), Basis(reporter)),
            Figure(float(same["share_pct"].iloc[-1]), Basis(reporter)),
        )
        change, text = compared.value, f"{signed(compared.value, ' pts')} vs {year - 1}, same reporter"
    elif len(before):
        other = before.iloc[-1]
        text = f"{year - 1}: {other['share_pct']:g}% (another reporter)"
        whose = f"{year} per {reporter}; {year - 1} per {other['reported_by']}: two reporters, so no change is drawn"
    sources = [str(row["source_id"])] + ([] if len(same) or before.empty else [str(before["source_id"].iloc[-1])])
    return Headline(
        "russia_share",
        f"Russia's share of Tajik trade, {year}",
        f"{row['share_pct']:g}%",
        year,
        text,
        change,
        "trade",
        tuple(dict.fromkeys(sources)),
        float(row["share_pct"]),
        reporter,
        basis=whose,
    )


def partner_rank_headline(
    standing: partners.Standing | None, source_ids: tuple[str, ...], edition: str = ""
) -> Headline | None:
    """Russia's place among Tajikistan's partners in the latest IMF year, with its share then.

    The change since the compared year is the standing's own `basis.compare`: a number only
    where the two shares stand alike, else the reason, in place of a number.
    """
    if standing is None:
        return None
    since, change = "", None
    if standing.change is not None and standing.change.comparable:
        change = standing.change.value
        since = f" ({signed(change, ' pts')} since {standing.since_year})"
    elif standing.change is not None:
        since = f" (not compared with {standing.since_year}: {standing.change.reason})"
    return Headline(
        "partners",
        f"Russia among Tajikistan's partners, {standing.year}",
        f"No. {standing.rank} of {standing.of}",
        standing.year,
        f"{standing.share_pct:.1f}% of its trade{since}",
        change,
        "partners",
        source_ids,
        float(standing.rank),
        basis=partners.share_whose(standing.reporter, standing.basis, edition),
    )


def remittances_headline(backbone: pd.DataFrame) -> Headline | None:
    """The Remittances page's dependency figure: World Bank remittances as % of GDP."""
    dep = remittances.dependency(backbone)
    if dep is None:
        return None
    source = backbone.loc[backbone["year"] == dep.year, "source_id"]
    return Headline(
        "remittances",
        f"Remittances, % of GDP, {dep.year}",
        f"{dep.pct_gdp:.1f}%",
        dep.year,
        None if dep.change_pts is None else f"{signed(dep.change_pts, ' pts')} vs {dep.year - 1}",
        dep.change_pts,
        "remittances",
        tuple(str(s) for s in source.unique()),
        dep.pct_gdp,
        basis="World Bank: personal remittances received from all countries, % of GDP; change on its year before",
    )


def troops_headline(strength: pd.DataFrame) -> Headline | None:
    """The latest year's reported strength of the 201st base, as a range where reports differ."""
    summary = security.strength_summary(strength)
    if summary is None:
        return None
    low, high = summary.latest_low, summary.latest_high
    value = f"{low:,.0f}" if low == high else f"{low:,.0f}–{high:,.0f}"
    sources = strength.loc[strength["year"] == summary.latest_year, "source_id"]
    reports = "report" if summary.latest_sources == 1 else "reports"
    return Headline(
        "troops",
        f"Russian troops in Tajikistan, {summary.latest_year}",
        value,
        summary.latest_year,
        f"{summary.latest_sources} {reports}",
        None,
        "border",
        tuple(str(s) for s in sources.unique()),
        high,
        basis="the lowest and highest of the year's published reports; reports are not averaged",
    )


def border_headline(references: pd.DataFrame, drawn_km: float) -> Headline:
    """A reference source's length (never the article's own figure) beside what the map's line measures."""
    lead = references.iloc[0]
    return Headline(
        "border",
        "Tajik–Afghan border",
        km(float(lead["length_km"])),
        None,
        f"per {lead['cited_as'].removeprefix('the ')}; {drawn_km:,.0f} km as drawn",
        None,
        "border",
        tuple(str(s) for s in references["source_id"]),
        float(lead["length_km"]),
        str(lead["cited_as"]),
        basis=f"per {lead['cited_as'].removeprefix('the ')}; the map's line is measured separately",
    )


def migrants_headline(migrants: pd.DataFrame) -> Headline | None:
    """The latest year's counts of Tajik workers in Russia; counts differ in kind, so a range."""
    if migrants.empty:
        return None
    year = int(migrants["year"].max())
    latest = migrants[migrants["year"] == year]
    low, high = float(latest["value"].min()), float(latest["value"].max())
    value = f"{low / 1e6:.1f}m" if low == high else f"{low / 1e6:.1f}–{high / 1e6:.1f}m"
    counts = "estimate" if len(latest) == 1 else "estimates"
    return Headline(
        "migrants",
        f"Tajik migrant workers in Russia, {year}",
        value,
        year,
        f"{len(latest)} {counts}",
        None,
        "remittances",
        tuple(str(s) for s in latest["source_id"].unique()),
        high,
        basis="the lowest and highest of the year's estimates, which count in different ways",
    )


def narrative(cards: dict[str, Headline], sides: dict[str, trade.TradeKpis], memberships: str) -> list[str]:
    """Three to five sentences built from the headline numbers: they change when the data does."""
    sentences = []
    if "trade" in cards:
        year = cards["trade"].year
        latest = {side: k for side, k in sides.items() if k.year == year}
        told = " and ".join(
            f"{money(k.value_usd_m, qualifier=k.qualifier)} by {side.title()}'s count" for side, k in latest.items()
        )
        sentence = f"Goods trade between Russia and Tajikistan was {told} in {year}"
        if "russia_share" in cards:
            share = cards["russia_share"]
            sentence += f"; Russia took {share.value} of Tajikistan's trade in {share.year}"
            sentence += f" according to {share.cited_as}" if share.cited_as else ""
        sentences.append(sentence + ".")
    if "remittances" in cards:
        rem = cards["remittances"]
        sentences.append(
            f"Money sent home by migrant workers came to {rem.value} of Tajikistan's GDP in {rem.year}"
            + (f" ({rem.change})." if rem.change else ".")
        )
    if "migrants" in cards:
        mig = cards["migrants"]
        sentences.append(f"Estimates put Tajik migrant workers in Russia at {mig.value} in {mig.year}.")
    if "troops" in cards and "border" in cards:
        sentences.append(
            f"Russia's 201st base was reported at {cards['troops'].value} troops in {cards['troops'].year}, "
            f"guarding a border with Afghanistan that {cards['border'].cited_as} puts at {cards['border'].value}."
        )
    if memberships:
        sentences.append(memberships)
    return sentences[:5]


SAME_EVENT_OVERLAP = 0.6  # share of the shorter title's words the longer one must contain


def title_words(title: str) -> set[str]:
    """The words that carry a title's meaning: numbers and words longer than three letters."""
    return {w for w in re.findall(r"[a-z0-9]+", title.lower()) if len(w) > 3 or w.isdigit()}


def same_event(title: str, other: str) -> bool:
    """Whether two titles of one date describe one event, as each page's sources word it.

    "Putin visits Dushanbe" and "Putin visits Dushanbe on his first foreign trip since the
    invasion of Ukraine" are one visit; "Putin state visit" and "Belousov inspects 201st base"
    on the same day are two events.
    """
    words, others = title_words(title), title_words(other)
    shorter = min(len(words), len(others))
    return shorter > 0 and len(words & others) / shorter >= SAME_EVENT_OVERLAP


def timeline(events: pd.DataFrame, categories: tuple[str, ...]) -> pd.DataFrame:
    """Key events of the chosen kinds, newest first, each event once however many pages cite it.

    Events of one full date whose titles describe the same thing collapse into the most detailed
    title; `other_source_ids` keeps the sources of the rows folded into it.
    """
    chosen = events[events["category"].isin(categories)]
    # only a full date pins one event: distinct events of one year or month easily share words
    shared_date = chosen["date"].duplicated(keep=False) & (chosen["date"].str.len() == len("2022-06-28"))
    kept = [chosen[~shared_date].assign(other_source_ids="")]  # a date with one event has nothing to fold
    for _, day in chosen[shared_date].groupby("date", sort=False):
        firsts: list[dict] = []
        most_detailed = day.assign(_len=day["title"].str.len()).sort_values(
            ["_len", "event_id"], ascending=[False, True]
        )
        for event in most_detailed.drop(columns="_len").to_dict("records"):
            match = next((k for k in firsts if same_event(k["title"], event["title"])), None)
            if match is None:
                firsts.append({**event, "other_source_ids": []})
            elif event["source_id"] not in [match["source_id"], *match["other_source_ids"]]:
                match["other_source_ids"].append(event["source_id"])
        kept.append(pd.DataFrame([{**f, "other_source_ids": ";".join(f["other_source_ids"])} for f in firsts]))
    listed = pd.concat(kept, ignore_index=True)
    return listed.sort_values(["date", "event_id"], ascending=[False, True]).reset_index(drop=True)
