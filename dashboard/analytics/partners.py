"""Tajikistan among its partners and its neighbours: shares of a reporter's trade with the world.

Every share is a partner's cell over the same reporter's `World` cell for the same year and
flow, as the reporter told the IMF. The IMF's aggregates are never added to countries; a year
with no cell stays a gap (unknown, not zero); a share resting on an IMF estimate says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics.basis import (
    CHANGE,
    ESTIMATE,
    ONE_FLOW,
    REPORT_TO_IMF,
    REPORTED,
    SHARE,
    Comparison,
    Figure,
    basis_of,
    compare,
    compare_frames,
    standings,
)
from dashboard.analytics.trade import GAP_COLUMNS, gap_by_year
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.countries import country
from dashboard.formatting.language import Language

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
REST = N_("Rest of world")  # a msgid: the data writes it in English, the page in the viewer's language
# How a share stands (basis.standing's words): as reported; resting on an IMF estimate; or a total
# with one flow missing (no share is computed from it: a part of a total is not the total).
ESTIMATE_ONE_FLOW = f"{ESTIMATE}; {ONE_FLOW}"
BASIS_ORDER = (REPORTED, ESTIMATE, ONE_FLOW, ESTIMATE_ONE_FLOW)
# basis.standing's words, marked for the catalogue where this page writes them in a sentence
BASIS_WORDS = (N_("reported"), N_("IMF estimate"), N_("one flow only"))


def basis_in(basis: str, lang: Language) -> str:
    """How a share stands ('IMF estimate; one flow only'), in the viewer's language."""
    return "; ".join(lang.gettext(word) for word in basis.split("; "))


def name_in(iso3: str, english: str, lang: Language) -> str:
    """A country's name in the viewer's language: the name the data gives in English (as every
    English page has shown it), CLDR's in any other language ('RUS' -> 'Россия')."""
    return english if lang.is_source else country(iso3, lang, english)


def names_in(frame: pd.DataFrame, names: str, codes: str, lang: Language) -> dict[str, str]:
    """English name -> the name in `lang`, for the countries a frame names (`names`, by `codes`);
    the rest of the world by the catalogue."""
    pairs = frame[[names, codes]].dropna().drop_duplicates(names)
    mapping = {name: name_in(str(code), str(name), lang) for name, code in zip(pairs[names], pairs[codes], strict=True)}
    return {**mapping, REST: lang.gettext(REST)}


def reported_by(reporter: str) -> str:
    """Whose figure a partner cell is, in plain words."""
    return REPORT_TO_IMF.format(country=NAMES.get(reporter, reporter))


def reported_by_in(iso3: str, lang: Language) -> str:
    """`reported_by` in the viewer's language: "Tajikistan's report to the IMF" / "Таджикистан: данные,
    представленные в МВФ"."""
    english = NAMES.get(iso3, iso3)
    if lang.is_source:
        return reported_by(english)
    return lang.gettext(REPORT_TO_IMF).format(country=name_in(iso3, english, lang))


def reporter_flow(partners: pd.DataFrame, reporter: str, flow: str) -> pd.DataFrame:
    """One reporter's trade with each partner and year, for exports, imports or both added.

    A total needs both flows to be whole: where a partner has a cell for one flow only, the
    total is that flow and is marked 'one flow only', never passed off as the whole. Each row
    carries how it stands (reporter, edition = the source it cites, estimate, partial).
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
    return out.drop(columns="flows").assign(
        reporter=reported_by(reporter), edition=out["source_id"], partial=partial_words(out["whole"])
    )


def partial_words(whole: pd.Series) -> pd.Series:
    return whole.map({True: "", False: ONE_FLOW})


def shares_of_world(flows: pd.DataFrame) -> pd.DataFrame:
    """Each partner's share of the reporter's World total, year by year, with how it stands.

    The share is `basis.compare(SHARE, partner, World)`: where the partner's total or the
    World's has one flow only, there is no share (a gap, with its reason), not a share of half.
    """
    world = flows[flows["partner_label"] == "World"]
    world = world[["year", "value_usd_m", "estimate", "whole", "reporter", "edition", "partial"]].rename(
        columns={"value_usd_m": "world_usd_m", "estimate": "world_estimate", "whole": "world_whole"}
    )
    countries = flows[flows["partner_kind"] == "country"].merge(world, on="year", how="inner", suffixes=("", "_world"))
    part = countries[["value_usd_m", "reporter", "edition", "year", "estimate", "partial"]]
    whole = countries[["world_usd_m", "reporter_world", "edition_world", "year", "world_estimate", "partial_world"]]
    whole.columns = ["value_usd_m", "reporter", "edition", "year", "estimate", "partial"]
    result = compare_frames(
        SHARE, part.rename(columns={"value_usd_m": "value"}), whole.rename(columns={"value_usd_m": "value"})
    )
    countries["share_pct"] = result["value"]
    countries["no_share_reason"] = result["reason"]
    countries["basis"] = basis(
        countries["estimate"] | countries["world_estimate"], countries["whole"] & countries["world_whole"]
    )
    countries = countries.drop(columns=["reporter_world", "edition_world", "partial_world"])
    return countries.sort_values(["partner", "year"], ignore_index=True)


def basis(estimate: pd.Series, whole: pd.Series) -> pd.Series:
    """Row by row: 'reported', 'IMF estimate', 'one flow only' or both of the last two (basis.standings)."""
    return standings(estimate.astype(bool), partial_words(whole.astype(bool)))


def latest_year(shares: pd.DataFrame) -> int | None:
    """The latest year with at least one share (a year of one-flow totals only has none)."""
    known = shares["year"][shares["share_pct"].notna()]
    return int(known.max()) if len(known) else None


def ranking(shares: pd.DataFrame, year: int) -> pd.DataFrame:
    """The countries with a share in one year, largest first, with their rank (1 = largest).

    A partner without a share that year (one flow only) is not ranked: its place is unknown.
    """
    rows = shares[(shares["year"] == year) & shares["share_pct"].notna()]
    rows = rows.sort_values(["share_pct", "partner"], ascending=[False, True], ignore_index=True)
    return rows.assign(rank=range(1, len(rows) + 1))


def rival(shares: pd.DataFrame, year: int, partner: str = "Russia") -> pd.Series | None:
    """The largest partner other than `partner` in `year` (its ranking row), if any other has a share."""
    others = ranking(shares, year)
    others = others[others["partner"] != partner]
    return others.iloc[0] if len(others) else None


def share_whose(reporter: str, basis: str, edition: str) -> str:
    """Whose a share is, in the words a card's 'Whose figure' line gives: "Tajikistan's report to the
    IMF; IMF Direction of Trade Statistics (DOTS)", with the share's basis where it is not a plain report."""
    how = "" if basis == REPORTED else f"; {basis}"
    return "; ".join(part for part in (f"{reporter}{how}", edition) if part)


def share_whose_in(reporter: str, basis: str, edition: str, lang: Language) -> str:
    """`share_whose` in the viewer's language (English: exactly `share_whose`); `edition` is
    already in that language (the model's `edition_in`)."""
    if lang.is_source:
        return share_whose(reporter, basis, edition)
    iso3 = next((code for code, name in NAMES.items() if reporter in (name, reported_by(name))), reporter)
    whose = reported_by_in(iso3, lang)
    how = "" if basis == REPORTED else f"; {basis_in(basis, lang)}"
    return "; ".join(part for part in (f"{whose}{how}", edition) if part)


def top_partners(shares: pd.DataFrame, n: int, year: int) -> list[str]:
    """The n largest partners in `year` (the latest year with data, as the page uses it)."""
    return ranking(shares, year)["partner"].head(n).tolist()


def with_rest(shares: pd.DataFrame, partners: list[str]) -> pd.DataFrame:
    """The chosen partners' shares, and the rest of the world grouped as World minus them.

    The rest is left empty in a year where a chosen partner has no cell: its share would be
    unknown, and counting the missing cell as zero would inflate the rest.
    """
    chosen = shares[shares["partner"].isin(partners) & shares["share_pct"].notna()]
    by_year = chosen.groupby("year").agg(
        known=("partner", "nunique"),
        value_usd_m=("value_usd_m", "sum"),
        estimate=("estimate", "any"),
        whole=("whole", "all"),
    )
    world = shares.drop_duplicates("year").set_index("year")[
        ["world_usd_m", "world_estimate", "world_whole", "source_id", "reporter"]
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
            "reporter": rest["reporter"],
            "source_id": rest["source_id"],
        }
    ).reset_index(drop=True)
    columns = ["year", "partner", "value_usd_m", "world_usd_m", "share_pct", "basis", "reporter", "source_id"]
    out = pd.concat([chosen[columns], rest_rows[columns]], ignore_index=True)
    order = {name: i for i, name in enumerate([*partners, REST])}
    return out.sort_values(["partner", "year"], key=lambda s: s.map(order) if s.name == "partner" else s).reset_index(
        drop=True
    )


@dataclass(frozen=True)
class Standing:
    """A partner's place among a reporter's partners in one year, its share then, and its change since."""

    partner: str
    year: int
    rank: int
    of: int  # how many countries had a share that year
    unranked: int  # countries with a figure that year but no share (one flow only): their place is unknown
    share_pct: float
    basis: str  # 'reported', 'IMF estimate', ...
    reporter: str  # whose figures the share is made of, in plain words
    since_year: int | None  # the year compared with, where the partner had a share then
    since_share_pct: float | None
    change: Comparison | None  # None: nothing to compare with; else the change in points, or why there is none


def standing(shares: pd.DataFrame, partner: str, since: int | None = None) -> Standing | None:
    """Where `partner` stands in the latest year with data, and its share in `since` (if it had one)."""
    year = latest_year(shares)
    if year is None:
        return None
    ranked = ranking(shares, year)
    row = ranked[ranked["partner"] == partner]
    if row.empty:
        return None
    changes = changes_since(shares, [partner], since, year) if since is not None else None
    known = changes is not None and pd.notna(changes["then_pct"].iloc[0])
    change = None
    if known:
        value = changes["change_pts"].iloc[0]
        change = Comparison(None if pd.isna(value) else float(value), str(changes["no_change_reason"].iloc[0]))
    return Standing(
        partner,
        year,
        int(row["rank"].iloc[0]),
        len(ranked),
        int(((shares["year"] == year) & shares["share_pct"].isna()).sum()),
        float(row["share_pct"].iloc[0]),
        str(row["basis"].iloc[0]),
        str(row["reporter"].iloc[0]),
        since if known else None,
        float(changes["then_pct"].iloc[0]) if known else None,
        change,
    )


SHARE_FIGURE = ["share_pct", "reporter", "edition", "year", "estimate", "partial"]


def changes_since(shares: pd.DataFrame, partners: list[str], since: int, year: int) -> pd.DataFrame:
    """Each chosen partner's share in `since` and in `year`, and the change in points, like with like only.

    The change is `basis.compare(CHANGE, now, then)`: where the two shares stand differently (one
    rests on an IMF estimate, another edition) there is no change, and `no_change_reason` says why.
    """
    pick = shares[shares["partner"].isin(partners) & shares["share_pct"].notna()]
    # a share rests on an IMF estimate when the partner's figure or the World total does
    pick = pick.assign(estimate=pick["estimate"].astype(bool) | pick["world_estimate"].astype(bool))
    frame = pd.DataFrame({"partner": partners})
    then = frame.merge(pick[pick["year"] == since][["partner", *SHARE_FIGURE]], on="partner", how="left")
    now = frame.merge(pick[pick["year"] == year][["partner", *SHARE_FIGURE]], on="partner", how="left")
    result = compare_frames(
        CHANGE, now.rename(columns={"share_pct": "value"}), then.rename(columns={"share_pct": "value"})
    )
    return frame.assign(
        then_pct=then["share_pct"].to_numpy(),
        now_pct=now["share_pct"].to_numpy(),
        change_pts=result["value"].to_numpy(),
        no_change_reason=result["reason"].where(result["reason"] != "no figure", "").to_numpy(),
    )


def mirror(partners: pd.DataFrame, reporter: str, partner_iso3: str) -> pd.DataFrame:
    """One pair's flows as each side reported them: the reporter's imports against the partner's
    exports to it, and the reporter's exports against the partner's imports from it. `side` names
    the country, `reported_by` whose figure it is in words."""
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
                        "side": side,
                        "reported_by": reported_by(side),
                        "year": picked["year"],
                        "value_usd_m": picked["value_usd_m"],
                        "basis": picked["imf_estimate"].map({"true": ESTIMATE, "false": REPORTED}),
                        "source_id": picked["source_id"],
                    }
                )
            )
    return pd.concat(rows, ignore_index=True).sort_values(["direction", "side", "year"], ignore_index=True)


def mirror_gaps(pairs: pd.DataFrame) -> pd.DataFrame:
    """Per direction and year: the mirror gap as `trade.gap_by_year` defines it for every page.

    The importer is the country a direction ends in ("Russia → Tajikistan": Tajikistan).
    """
    frames = []
    for direction in pairs["direction"].unique():
        exporter, importer = direction.split(" → ")
        rows = pairs[pairs["direction"] == direction].assign(estimate=lambda f: f["basis"].eq(ESTIMATE))
        frames.append(gap_by_year(rows, "side", importer, exporter).assign(direction=direction))
    if not frames:
        return pd.DataFrame(columns=["direction", *GAP_COLUMNS])
    return pd.concat(frames, ignore_index=True)[["direction", *GAP_COLUMNS]]


def neighbour_shares(partners: pd.DataFrame, reporters: tuple[str, ...], toward: tuple[str, ...]) -> pd.DataFrame:
    """Each reporter's share of its total trade with each partner in `toward` (Russia, China), by year.

    Years without a share (one flow only) are left out: a gap, as on every chart.
    """
    frames = []
    for reporter in reporters:
        shares = shares_of_world(reporter_flow(partners, reporter, "total"))
        picked = shares[shares["partner_iso3"].isin(toward) & shares["share_pct"].notna()]
        frames.append(picked.assign(reporter=NAMES[reporter], reporter_iso3=reporter))
    if not frames:
        return pd.DataFrame(columns=["reporter", "reporter_iso3", "partner", "partner_iso3", "year", "share_pct"])
    return pd.concat(frames, ignore_index=True)


def reliance_sentence(shares: pd.DataFrame, lang: Language) -> str:
    """Who relies most on Russia and who on China in the latest year, and how that changed.

    Written from the numbers: the leaders, their shares and the change since each one's first
    year with a share that stands as the latest one does (`basis.compare`), so the sentence
    follows the data, says when there is none, and never sets an estimate against a report.
    """
    _ = lang.gettext
    shares = shares[shares["share_pct"].notna()]
    if shares.empty:
        return _("No neighbour's trade with Russia or China is in the data for the years chosen.")
    year = int(shares["year"].max())
    parts: list[str] = []
    for partner, code in (("Russia", "RUS"), ("China", "CHN")):
        now = shares[(shares["partner"] == partner) & (shares["year"] == year)]
        if now.empty:
            continue
        lead = now.sort_values("share_pct", ascending=False).iloc[0]
        notes = [
            _("{share} of its trade").format(share=localized.percent(float(lead["share_pct"]), lang, signed=False))
        ]
        if lead["basis"] != REPORTED:
            notes.append(
                _("resting on an IMF estimate")  # ESTIMATE, in a phrase of its own
                if lead["basis"] == ESTIMATE
                else basis_in(str(lead["basis"]), lang)
            )
        series = shares[(shares["partner"] == partner) & (shares["reporter"] == lead["reporter"])]
        since = first_comparable(series.sort_values("year"), lead)
        if since is not None:
            notes.append(_("{change} since {year}").format(change=localized.points(since[1], lang), year=since[0]))
        # Translators: the first of two clauses ("Kyrgyzstan relied most on Russia (…)")
        verb = (
            _("{country} relied most on {partner} ({notes})")
            if not parts
            else _("{country} most on {partner} ({notes})")
        )
        parts.append(
            verb.format(
                country=name_in(str(lead.get("reporter_iso3", "")), str(lead["reporter"]), lang),
                partner=name_in(code, partner, lang),
                notes=", ".join(notes),
            )
        )
    if not parts:
        return _("No country shown reported trade with Russia or China in {year}.").format(year=year)
    joined = parts[0] if len(parts) == 1 else _("{first} and {second}").format(first=parts[0], second=parts[1])
    return _("In {year}, of the countries shown, {parts}.").format(year=year, parts=joined)


def first_comparable(series: pd.DataFrame, latest: pd.Series) -> tuple[int, float] | None:
    """The earliest year whose share compares with `latest`'s, and the change since, in points."""
    now = Figure(float(latest["share_pct"]), basis_of(latest.to_dict()))
    for row in series[series["year"] < latest["year"]].to_dict("records"):
        change = compare(CHANGE, now, Figure(float(row["share_pct"]), basis_of(row)))
        if change.comparable:
            return int(row["year"]), float(change.value)
    return None


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
