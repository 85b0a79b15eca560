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
from dashboard.datasets import IMF_API_SOURCE, in_language
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import ENGLISH, Language

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
    accessed: str | None = None  # when a refresh read the IMF's API (None: the shipped DOTS edition)

    def edition_in(self, lang: Language) -> str:
        """The IMF edition in the viewer's language (`edition` stays English: it is the figures' basis)."""
        return imf_edition(self.accessed, lang)


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
        accessed=accessed(partners, sources),
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


DOTS = N_("IMF Direction of Trade Statistics (DOTS)")
IMTS = N_("IMF International Trade in Goods by partner country (IMTS), as read from the IMF's API on {date}")


def accessed(partners: pd.DataFrame, sources: pd.DataFrame) -> str | None:
    """When a refresh read the rows from the IMF's API; None for the shipped DOTS edition.

    The page shows one edition whole, so the rows cite one source.
    """
    if set(partners["source_id"]) == {IMF_API_SOURCE}:
        return str(sources.set_index("source_id").at[IMF_API_SOURCE, "published_date"])
    return None


def imf_edition(when: str | None, lang: Language) -> str:
    """The IMF edition named as a reader knows it; a refresh says when it was read."""
    return lang.gettext(DOTS) if when is None else lang.gettext(IMTS).format(date=when)


def edition(partners: pd.DataFrame, sources: pd.DataFrame) -> str:
    """The IMF edition the rows come from, in English: the figures' basis, as every page cites it."""
    return imf_edition(accessed(partners, sources), ENGLISH)


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
    model: PartnersModel, flow: str, top: int, since: int, years: tuple[int, int], lang: Language
) -> SharesView | None:
    """The view with every partner named in the viewer's language (the chart's series, its order,
    the changes table); the figures are the same in every language."""
    shares = model.tajik_shares[flow]
    year = pt.latest_year(shares)
    if year is None:
        return None
    chosen = pt.top_partners(shares, top, year)
    frame = shares_frame(shares, chosen, years, model.edition)
    names = pt.names_in(shares, "partner", "partner_iso3", lang)
    frame = frame.assign(series=frame["series"].map(lambda name: names.get(name, name)))
    changes = pt.changes_since(shares, chosen, since, year)
    return SharesView(
        year,
        [names.get(name, name) for name in chosen],
        [names.get(name, name) for name in [*chosen, pt.REST]],
        frame,
        frame.drop(columns="segment"),
        changes.assign(partner=changes["partner"].map(lambda name: names.get(name, name))),
    )


def ordinal(n: int, lang: Language) -> str:
    """'1st', '22nd' / '1-е', '22-е': a place in a ranking."""
    if not lang.is_source:
        return lang.gettext("{n}th").format(n=n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def place(rank: int, of: int, lang: Language) -> str:
    """'3rd of 150' / '3-е из 150': a place among so many."""
    return lang.gettext("{place} of {count}").format(place=ordinal(rank, lang), count=localized.number(of, lang))


def page_points(value: float, lang: Language) -> str:
    """'+1.5 pts', with the hyphen-minus this page has always written in English; '+1,5 п. п.'."""
    return f"{value:+.1f} pts" if lang.is_source else localized.points(value, lang)


def changes_table(shown: SharesView, since: int, lang: Language) -> pd.DataFrame:
    """The chosen partners' shares then and now and the change, as the page lists them; the column
    saying why a change is missing appears only where one is (basis.compare gave a reason)."""
    _ = lang.gettext
    changes = shown.changes
    no_figure = _("no figure")

    def share(value: float) -> str:
        return no_figure if pd.isna(value) else localized.percent(value, lang, signed=False)

    why = _("Why no change")
    table = pd.DataFrame(
        {
            _("Partner"): changes["partner"],
            _("Share {year}").format(year=since): changes["then_pct"].map(share),
            _("Share {year}").format(year=shown.year): changes["now_pct"].map(share),
            _("Change"): changes["change_pts"].map(lambda v: "–" if pd.isna(v) else page_points(v, lang)),
            why: changes["no_change_reason"],
        }
    )
    return table if table[why].ne("").any() else table.drop(columns=why)


@dataclass(frozen=True)
class MirrorView:
    """One partner's pair of flows in the years shown: per direction its rows and the latest gap."""

    directions: list[tuple[str, pd.DataFrame, pd.DataFrame, str]]  # (direction, to draw, rows, gap note)


def build_mirror_view(model: PartnersModel, iso3: str, years: tuple[int, int], lang: Language) -> MirrorView:
    """One partner's flows, each direction and side named in the viewer's language (the gap is
    worked out on the data's own names first: only the words change)."""
    pairs = model.mirrors[iso3]
    pairs = pairs[pairs["year"].between(*years)]
    names = {pt.NAMES[code]: pt.name_in(code, pt.NAMES[code], lang) for code in ("TJK", iso3)}
    whose = {pt.reported_by(pt.NAMES[code]): pt.reported_by_in(code, lang) for code in ("TJK", iso3)}

    def direction_in(direction: str) -> str:
        return " → ".join(names.get(side, side) for side in direction.split(" → "))

    directions = []
    for direction in pairs["direction"].unique():
        rows = pairs[pairs["direction"] == direction]
        note = gap_note(rows, names, lang)
        rows = rows.assign(
            direction=direction_in(direction),
            side=rows["side"].map(lambda s: names.get(s, s)),
            reported_by=rows["reported_by"].map(lambda w: whose.get(w, w)),
        )
        directions.append((direction_in(direction), rows, rows.drop(columns="segment"), note))
    return MirrorView(directions)


def gap_note(rows: pd.DataFrame, names: dict[str, str], lang: Language) -> str:
    """The latest year with a mirror gap (as `trade.gap_by_year` defines it for every page), in words."""
    _ = lang.gettext
    gaps = pt.mirror_gaps(rows).dropna(subset=["gap_pct"])
    if gaps.empty:
        return _("No year has both sides' own figures (an IMF estimate is not set against a report).")
    latest = gaps.iloc[-1]
    exporter, importer = (names.get(side, side) for side in str(latest["direction"]).split(" → "))
    if lang.is_source:
        usd = localized.signed(latest["gap_usd_m"], lang, "m", digits=0).replace("+", "+US$").replace("−", "−US$")
    else:
        gap = float(latest["gap_usd_m"])
        usd = ("+" if gap > 0 else "−" if gap < 0 else "") + localized.money(abs(gap), lang, "musd")
    percent = localized.signed(latest["gap_pct"], lang, "%" if lang.is_source else f"{localized.NBSP}%", digits=0)
    return _(
        "{year}: {importer}'s figure (the importer's) minus {exporter}'s is {usd}, {percent} of {exporter}'s."
    ).format(year=int(latest["year"]), importer=importer, exporter=exporter, usd=usd, percent=percent)


@dataclass(frozen=True)
class NeighboursView:
    """The chosen Central Asian countries in the years shown: the sentence and a frame per partner."""

    sentence: str
    order: list[str]
    charts: list[tuple[str, pd.DataFrame, pd.DataFrame]]  # (partner, to draw, rows)


def build_neighbours_view(
    model: PartnersModel, codes: tuple[str, ...], years: tuple[int, int], lang: Language
) -> NeighboursView | None:
    """The chosen neighbours' shares with Russia and China, the countries named in the viewer's language."""
    shares = model.neighbours[model.neighbours["reporter_iso3"].isin(codes) & model.neighbours["year"].between(*years)]
    if shares.empty:
        return None
    names = {pt.NAMES[code]: pt.name_in(code, pt.NAMES[code], lang) for code in pt.NAMES}
    charts = []
    for partner in ("Russia", "China"):
        frame = shares[shares["partner"] == partner].rename(columns={"reporter": "series"})[
            ["series", "share_pct", "value_usd_m", "segment", "source_id", *SHOWN]
        ]
        frame = frame.assign(series=frame["series"].map(lambda name: names.get(name, name)))
        charts.append((names[partner], frame, frame.drop(columns="segment")))
    order = [names[pt.NAMES[code]] for code in pt.NEIGHBOURS if code in codes]
    return NeighboursView(pt.reliance_sentence(shares, lang), order, charts)


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
SUSPECT = N_(" (suspect value)")


@dataclass(frozen=True)
class WorldView:
    """Tajikistan's place among all economies by remittances, the top of the list and the region's series."""

    rank: pt.RemittanceRank
    flagged: pd.DataFrame  # economies ranked above Tajikistan on a value flagged as suspect
    top: pd.DataFrame
    series: pd.DataFrame  # to draw (with line segments)
    series_rows: pd.DataFrame


def build_world_view(model: PartnersModel, years: tuple[int, int], top_n: int, lang: Language) -> WorldView | None:
    """Tajikistan's place by remittances; every economy named in the viewer's language (CLDR by its
    code; in English the World Bank's name, as the page has always shown it)."""
    world = model.world_remittances
    rank = pt.remittance_rank(world, "TJK") if world is not None else None
    if rank is None:
        return None
    # a flag's reason is the project's own words: the viewer's language, in the sentence, tooltip and CSVs
    world = world.assign(flag=in_language(world, "flag", lang)).drop(columns="flag_ru", errors="ignore")
    ranked = pt.remittance_ranking(world, rank.year)
    flagged = ranked[ranked["flag"].fillna("").ne("") & (ranked["rank"] < rank.rank)]
    top = ranked.head(top_n).assign(
        country=lambda f: [
            pt.name_in(code, WORLD_NAMES.get(name, name), lang)
            for code, name in zip(f["iso3"], f["country"], strict=True)
        ],
        flagged=lambda f: f["flag"].fillna("").ne(""),
        label=lambda f: f["country"] + f["flagged"].map({True: lang.gettext(SUSPECT), False: ""}),
    )
    series = world[world["iso3"].isin(pt.NEIGHBOURS) & world["year"].between(*years)]
    series = series.assign(country=series["iso3"].map(lambda code: pt.name_in(code, pt.NAMES[code], lang)))
    series = series.assign(segment=line_segments(series, ["country"]).astype(str))
    return WorldView(rank, flagged, top, series, series.drop(columns="segment"))
