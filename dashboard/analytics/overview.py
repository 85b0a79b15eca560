"""The Overview's headline numbers and narrative, read from the other pages' analytics.

Nothing is recomputed here that a page already computes: each number comes from the same
function the page uses, so the Overview and the page can never disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from babel import numbers

from dashboard.analytics import partners, remittances, security, trade
from dashboard.analytics.basis import CHANGE, Basis, Figure, compare, reason_in
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

# Each reporter side's words, whole, so a language can decline the country's name ("by Russia's
# count": "по данным России"); a side without its own words takes the general form.
SIDE_COUNTS = {"russia": N_("{amount} by Russia's count"), "tajikistan": N_("{amount} by Tajikistan's count")}
SIDE_WHOSE = {"russia": N_("Russia's count: {label}"), "tajikistan": N_("Tajikistan's count: {label}")}


def side_name(side: str, lang: Language) -> str:
    """'Russia' from 'russia', in the viewer's language."""
    return lang.gettext(side.title())


def side_count(side: str, amount: str, lang: Language) -> str:
    """'US$1.50bn by Russia's count' / '1,50 млрд долл. США по данным России'."""
    if side in SIDE_COUNTS:
        return lang.gettext(SIDE_COUNTS[side]).format(amount=amount)
    return lang.gettext("{amount} by {side}'s count").format(amount=amount, side=side_name(side, lang))


def side_whose(side: str, label: str, lang: Language) -> str:
    """ "Russia's count: Russian officials" / "по данным России: Russian officials" (the label as published)."""
    if side in SIDE_WHOSE:
        return lang.gettext(SIDE_WHOSE[side]).format(label=label)
    return lang.gettext("{side}'s count: {label}").format(side=side_name(side, lang), label=label)


def both(first: str, second: str, lang: Language) -> str:
    """'A and B' / 'A и B'."""
    return lang.gettext("{first} and {second}").format(first=first, second=second)


def share_text(value: float, lang: Language) -> str:
    """A published share as precise as published: '22.1%' / '22,1 %' ('25%' / '25 %')."""
    if lang.is_source:
        return f"{value:g}%"
    return f"{numbers.format_decimal(value, locale=lang.locale)}{localized.NBSP}%"


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


def trade_headline(headline: dict[str, pd.DataFrame], lang: Language) -> Headline | None:
    """The latest year either side reports; both sides' totals where both report it."""
    _ = lang.gettext
    sides = trade_sides(headline)
    if not sides:
        return None
    year = max(k.year for k in sides.values())
    latest = {side: k for side, k in sides.items() if k.year == year}
    low, high = min(k.value_usd_m for k in latest.values()), max(k.value_usd_m for k in latest.values())
    value = money_range(low, high, lang)
    changes = [(side, k) for side, k in latest.items() if k.change_pct is not None]
    change = "; ".join(
        f"{localized.percent(k.change_pct, lang, k.change_qualifier)} ({side_name(side, lang)})" for side, k in changes
    )
    sources = tuple(str(headline[side].loc[headline[side]["year"] == year, "source_id"].iloc[-1]) for side in latest)
    whose = "; ".join(side_whose(side, k.figure_label, lang) for side, k in latest.items())
    return Headline(
        "trade",
        _("Bilateral trade, {year}").format(year=year),
        value,
        year,
        change or None,
        changes[0][1].change_pct if changes else None,
        "trade",
        sources,
        high,
        basis=_("{whose}; each side's change is on its own figures").format(whose=whose),
    )


def money_range(low: float, high: float, lang: Language) -> str:
    """'US$1.50bn–1.90bn' / '1,50–1,90 млрд долл. США': the unit once where both ends share it."""
    if low == high:
        return localized.money(low, lang)
    if lang.is_source:
        return f"{localized.money(low, lang)}–{localized.money(high, lang).removeprefix('US$')}"
    if min(abs(low), abs(high)) >= 1000:  # both in billions, two decimals: the number alone for the low end
        return f"{localized.number(low / 1000, lang, 2)}–{localized.money(high, lang)}"
    return f"{localized.money(low, lang)} – {localized.money(high, lang)}"


def russia_share_headline(shares: pd.DataFrame, lang: Language) -> Headline | None:
    """Russia's share of Tajikistan's total trade in the latest year anyone published one, and whose it is.

    `shares` is `trade.russia_shares`. The change is on the same reporter's figure of the year
    before (`basis.compare`); where only another reporter published the year before, both
    figures stand side by side and no change is drawn between them.
    """
    _ = lang.gettext
    rows = shares[shares["measure"] == trade.TOTAL_SHARE].sort_values(["year", "figure_id"])
    if rows.empty:
        return None
    row = rows.iloc[-1]
    year, reporter = int(row["year"]), str(row["reported_by"])
    before = rows[rows["year"] == year - 1]
    same = before[before["reported_by"] == reporter]
    change, text, whose = None, None, _("per {reporter}").format(reporter=reporter)
    if len(same):
        compared = compare(
            CHANGE,
            Figure(float(row["share_pct"]), Basis(reporter)),
            Figure(float(same["share_pct"].iloc[-1]), Basis(reporter)),
        )
        change = compared.value
        text = _("{change} vs {year}, same reporter").format(change=localized.points(change, lang), year=year - 1)
    elif len(before):
        other = before.iloc[-1]
        text = _("{year}: {share} (another reporter)").format(
            year=year - 1, share=share_text(float(other["share_pct"]), lang)
        )
        whose = _("{year} per {reporter}; {before} per {other}: two reporters, so no change is drawn").format(
            year=year, reporter=reporter, before=year - 1, other=other["reported_by"]
        )
    sources = [str(row["source_id"])] + ([] if len(same) or before.empty else [str(before["source_id"].iloc[-1])])
    return Headline(
        "russia_share",
        _("Russia's share of Tajik trade, {year}").format(year=year),
        share_text(float(row["share_pct"]), lang),
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
    standing: partners.Standing | None, source_ids: tuple[str, ...], edition: str, lang: Language
) -> Headline | None:
    """Russia's place among Tajikistan's partners in the latest IMF year, with its share then.

    The change since the compared year is the standing's own `basis.compare`: a number only
    where the two shares stand alike, else the reason, in place of a number.
    """
    if standing is None:
        return None
    _ = lang.gettext
    since, change = "", None
    if standing.change is not None and standing.change.comparable:
        change = standing.change.value
        since = " " + _("({change} since {year})").format(
            change=localized.points(change, lang), year=standing.since_year
        )
    elif standing.change is not None:
        since = " " + _("(not compared with {year}: {reason})").format(
            year=standing.since_year, reason=reason_in(standing.change.reason, lang)
        )
    share = localized.percent(standing.share_pct, lang, signed=False)
    return Headline(
        "partners",
        _("Russia among Tajikistan's partners, {year}").format(year=standing.year),
        _("No. {rank} of {count}").format(rank=standing.rank, count=standing.of),
        standing.year,
        _("{share} of its trade{since}").format(share=share, since=since),
        change,
        "partners",
        source_ids,
        float(standing.rank),
        basis=partners.share_whose_in(standing.reporter, standing.basis, edition, lang),
    )


def remittances_headline(backbone: pd.DataFrame, lang: Language) -> Headline | None:
    """The Remittances page's dependency figure: World Bank remittances as % of GDP."""
    _ = lang.gettext
    dep = remittances.dependency(backbone)
    if dep is None:
        return None
    source = backbone.loc[backbone["year"] == dep.year, "source_id"]
    change = None
    if dep.change_pts is not None:
        change = _("{change} vs {year}").format(change=localized.points(dep.change_pts, lang), year=dep.year - 1)
    return Headline(
        "remittances",
        _("Remittances, % of GDP, {year}").format(year=dep.year),
        localized.percent(dep.pct_gdp, lang, signed=False),
        dep.year,
        change,
        dep.change_pts,
        "remittances",
        tuple(str(s) for s in source.unique()),
        dep.pct_gdp,
        basis=_("World Bank: personal remittances received from all countries, % of GDP; change on its year before"),
    )


def troops_headline(strength: pd.DataFrame, lang: Language) -> Headline | None:
    """The latest year's reported strength of the 201st base, as a range where reports differ."""
    _ = lang.gettext
    summary = security.strength_summary(strength)
    if summary is None:
        return None
    low, high = summary.latest_low, summary.latest_high
    value = (
        localized.number(low, lang) if low == high else f"{localized.number(low, lang)}–{localized.number(high, lang)}"
    )
    sources = strength.loc[strength["year"] == summary.latest_year, "source_id"]
    count = summary.latest_sources
    return Headline(
        "troops",
        _("Russian troops in Tajikistan, {year}").format(year=summary.latest_year),
        value,
        summary.latest_year,
        lang.ngettext("{count} report", "{count} reports", count).format(count=count),
        None,
        "border",
        tuple(str(s) for s in sources.unique()),
        high,
        basis=_("the lowest and highest of the year's published reports; reports are not averaged"),
    )


def border_headline(references: pd.DataFrame, drawn_km: float, lang: Language) -> Headline:
    """A reference source's length (never the article's own figure) beside what the map's line measures."""
    _ = lang.gettext
    lead = references.iloc[0]
    source = lead["cited_as"].removeprefix("the ")
    drawn = f"{drawn_km:,.0f} km" if lang.is_source else localized.km(round(drawn_km), lang)
    return Headline(
        "border",
        lang.pgettext("card", "Tajik–Afghan border"),
        localized.km(float(lead["length_km"]), lang),
        None,
        _("per {source}; {length} as drawn").format(source=source, length=drawn),
        None,
        "border",
        tuple(str(s) for s in references["source_id"]),
        float(lead["length_km"]),
        str(lead["cited_as"]),
        basis=_("per {source}; the map's line is measured separately").format(source=source),
    )


def migrants_headline(migrants: pd.DataFrame, lang: Language) -> Headline | None:
    """The latest year's counts of Tajik workers in Russia; counts differ in kind, so a range."""
    _ = lang.gettext
    if migrants.empty:
        return None
    year = int(migrants["year"].max())
    latest = migrants[migrants["year"] == year]
    low, high = float(latest["value"].min()), float(latest["value"].max())
    millions = [f"{v / 1e6:.1f}" if lang.is_source else localized.number(v / 1e6, lang, 1) for v in (low, high)]
    # Translators: millions of people ("1,2 млн")
    value = _("{value}m").format(value=millions[0] if low == high else "–".join(millions))
    return Headline(
        "migrants",
        _("Tajik migrant workers in Russia, {year}").format(year=year),
        value,
        year,
        lang.ngettext("{count} estimate", "{count} estimates", len(latest)).format(count=len(latest)),
        None,
        "remittances",
        tuple(str(s) for s in latest["source_id"].unique()),
        high,
        basis=_("the lowest and highest of the year's estimates, which count in different ways"),
    )


def narrative(
    cards: dict[str, Headline], sides: dict[str, trade.TradeKpis], memberships: str, lang: Language
) -> list[str]:
    """Three to five sentences built from the headline numbers: they change when the data does.
    Each sentence is one message, whole, so a language can order it its own way."""
    _ = lang.gettext
    sentences = []
    if "trade" in cards:
        year = cards["trade"].year
        latest = {side: k for side, k in sides.items() if k.year == year}
        counts = [
            side_count(side, localized.money(k.value_usd_m, lang, qualifier=k.qualifier), lang)
            for side, k in latest.items()
        ]
        told = counts[0]
        for more in counts[1:]:
            told = both(told, more, lang)
        sentence = _("Goods trade between Russia and Tajikistan was {told} in {year}").format(told=told, year=year)
        if "russia_share" in cards:
            share = cards["russia_share"]
            sentence += _("; Russia took {share} of Tajikistan's trade in {year}").format(
                share=share.value, year=share.year
            )
            sentence += " " + _("according to {reporter}").format(reporter=share.cited_as) if share.cited_as else ""
        sentences.append(sentence + ".")
    if "remittances" in cards:
        rem = cards["remittances"]
        said = _("Money sent home by migrant workers came to {share} of Tajikistan's GDP in {year}").format(
            share=rem.value, year=rem.year
        )
        sentences.append(said + (f" ({rem.change})." if rem.change else "."))
    if "migrants" in cards:
        mig = cards["migrants"]
        sentences.append(
            _("Estimates put Tajik migrant workers in Russia at {count} in {year}.").format(
                count=mig.value, year=mig.year
            )
        )
    if "troops" in cards and "border" in cards:
        sentences.append(
            _(
                "Russia's 201st base was reported at {troops} troops in {year}, "
                "guarding a border with Afghanistan that {source} puts at {length}."
            ).format(
                troops=cards["troops"].value,
                year=cards["troops"].year,
                source=cards["border"].cited_as if lang.is_source else cards["border"].cited_as.removeprefix("the "),
                length=cards["border"].value,
            )
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
