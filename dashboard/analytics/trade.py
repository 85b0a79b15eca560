"""Trade arithmetic: annual series per reporter, mirror gaps, headline KPIs, part-year figures
(the full-year projection built on them: `analytics.trade_projection`).

All values are US$ million. Nothing here fills a gap: a year that a reporter did not publish
is absent from every result, and changes are only computed between consecutive years.

"Side" is whose statistics a figure is on: Russia's, Tajikistan's, or "other" (media that do
not say, and the Russia Briefing article). It follows the figure's `basis`, not who spoke: the Russian
trade mission quoting Tajik statistics counts as Tajikistan's figure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.analytics.basis import (
    GAP,
    Basis,
    Mismatch,
    change_between,
    compare_frames,
    part_year,
)
from dashboard.formatting import period_labels
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

MEASURES = ("total", "ru_to_tj", "tj_to_ru", "balance")

# Who exports and who imports in each flow, and which DOTS series is each side's.
MIRROR_ROLES = {"ru_to_tj": ("russia", "tajikistan"), "tj_to_ru": ("tajikistan", "russia")}
DOTS_REPORTER = {"russia": "imf_dots_rus", "tajikistan": "imf_dots_tjk"}

# When one number per year is needed (KPIs, the projection's starting point), candidates are
# ranked: a final figure before an early one, statistics before officials' statements before
# media, exact before approximate before a bound, then the most recently published, then the
# figure id so the choice is stable. Anything unknown ranks last.
STATUS_RANK = {"final": 0, "preliminary": 1, "unverified": 2, "projection": 3}
KIND_RANK = {"statistics": 0, "statement": 1, "media": 2}
QUALIFIER_RANK = {"exact": 0, "approximate": 1, "lower_bound": 2, "upper_bound": 3}
RANKING_RULE = N_(
    "final before preliminary; statistics before officials before media; exact before approximate "
    "before a bound; then the most recently published"
)

# how each figure stands (basis.SHOWN but the year), where the model has said so (models.trade.with_standing)
STANDING = ["reported_by", "basis", "edition"]
FIGURE_COLUMNS = [
    "figure_id",
    "year",
    "value_usd_m",
    "qualifier",
    "label",
    "side",
    "kind",
    "status",
    "source_id",
    *STANDING,
]


def with_reporter_info(
    figures: pd.DataFrame, reporters: pd.DataFrame, sources: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Attach the reporter's label and kind, the figure's side, and its source's publication date."""
    info = reporters[["reporter", "label", "kind", "side"]].rename(columns={"side": "reporter_side"})
    out = figures.merge(info, on="reporter", how="left", validate="many_to_one")
    if "basis" in out.columns:
        out["side"] = out["basis"].where(out["basis"] != "unknown", "other")
    else:
        out["side"] = out["reporter_side"]
    if sources is not None:
        dates = sources[["source_id", "published_date"]]
        out = out.merge(dates, on="source_id", how="left", validate="many_to_one")
    return out


def dots_measures(dots: pd.DataFrame, reporters: pd.DataFrame) -> pd.DataFrame:
    """Both flows, their total and the balance, per DOTS reporter and year, with their source.

    Total and balance exist only for years where the reporter gives both flows (Russia's 1993
    has imports but no exports, so it has neither).
    """
    wide = dots.pivot_table(index=["reporter", "year"], columns="flow", values="value_usd_m", aggfunc="first")
    wide = wide.reindex(columns=["ru_to_tj", "tj_to_ru"])
    wide["total"] = wide["ru_to_tj"] + wide["tj_to_ru"]
    wide["balance"] = wide["ru_to_tj"] - wide["tj_to_ru"]
    long = wide.reset_index().melt(
        id_vars=["reporter", "year"], value_vars=list(MEASURES), var_name="measure", value_name="value_usd_m"
    )
    long = long.dropna(subset=["value_usd_m"])
    cited = dots.groupby(["reporter", "year"], as_index=False)["source_id"].first()
    long = long.merge(cited, on=["reporter", "year"], how="left")
    long["year"] = long["year"].astype(int)
    long = long.assign(qualifier="exact", status="final", figure_id=long["reporter"])
    return with_reporter_info(long, reporters).sort_values(["reporter", "measure", "year"], ignore_index=True)


def published_full_years(
    published: pd.DataFrame,
    reporters: pd.DataFrame,
    sources: pd.DataFrame | None = None,
    include_projections: bool = False,
) -> pd.DataFrame:
    """Published full-year values, one row per statement, with side and year."""
    rows = published[(published["period_type"] == "year") & published["value_usd_m"].notna()]
    if not include_projections:
        rows = rows[rows["status"] != "projection"]
    rows = rows.assign(year=pd.to_datetime(rows["period_start"]).dt.year.astype(int))
    rows = rows.rename(columns={"flow": "measure", "value_qualifier": "qualifier"})
    return with_reporter_info(rows, reporters, sources).reset_index(drop=True)


COMTRADE_REPORTERS = ("un_comtrade_rus", "un_comtrade_tjk")


def reporting_stopped(full_years: pd.DataFrame, lang: Language, reporters: tuple[str, ...] = COMTRADE_REPORTERS) -> str:
    """When one reporter's statistics end years before the other's (Russia has reported nothing to
    UN Comtrade since about 2021), say so: the later years have one side only, a gap, not a fall."""
    rows = full_years[full_years["reporter"].isin(reporters)]
    if rows.empty:
        return ""
    last = rows.groupby("label")["year"].max().sort_values()
    if len(last) < 2 or last.iloc[0] == last.iloc[-1]:
        return ""
    behind, ahead = last.index[0], last.index[-1]
    # Translators: {behind} and {ahead} are reporters' names as published ("Russia (UN Comtrade)");
    # {years} is a span of years ("2022–2024")
    return lang.gettext(
        "{behind} ends in {last} while {ahead} runs to {latest}: no later year was reported, "
        "so {years} show one side only (a gap, not a fall)."
    ).format(
        behind=behind,
        ahead=ahead,
        last=last.iloc[0],
        latest=last.iloc[-1],
        years=f"{last.iloc[0] + 1}–{last.iloc[-1]}",
    )


ANNUAL_COLUMNS = [
    *FIGURE_COLUMNS,
    "measure",
    "source_kind",
    "yoy_growth_pct",
    "growth_qualifier",
    "published_date",
]


def annual_for_side(dots_long: pd.DataFrame, full_years: pd.DataFrame, side: str) -> pd.DataFrame:
    """The annual picture for one side: its DOTS lines plus its published figures after DOTS ends.

    Published statements are kept one per row (a year may have several, and they disagree); they
    are only added for years after the side's DOTS series, which is the continuous record.
    """
    lines = dots_long[dots_long["side"] == side].assign(source_kind="dots")
    last_dots_year = lines["year"].max() if len(lines) else -1
    points = full_years[(full_years["side"] == side) & (full_years["year"] > last_dots_year)]
    points = points.assign(source_kind="published")
    parts = [part.reindex(columns=ANNUAL_COLUMNS) for part in (lines, points) if len(part)]
    if not parts:
        return pd.DataFrame(columns=ANNUAL_COLUMNS)
    return pd.concat(parts, ignore_index=True)


def mirror_gap(dots: pd.DataFrame, flow: str) -> pd.DataFrame:
    """One flow of the bilateral IMF series as each side reported it, and the mirror gap (see gap_by_year).

    For Russia → Tajikistan the exporter is Russia (FOB) and the importer Tajikistan (CIF), and
    the reverse for Tajikistan → Russia.
    """
    exporter, importer = (DOTS_REPORTER[side] for side in MIRROR_ROLES[flow])
    return gap_by_year(dots[dots["flow"] == flow], "reporter", importer, exporter)


GAP_COLUMNS = ["year", "exporter_reported", "importer_reported", "gap_usd_m", "gap_pct", "no_gap_reason", "source_id"]


def gap_by_year(rows: pd.DataFrame, by: str, importer: str, exporter: str) -> pd.DataFrame:
    """The mirror gap, defined once for every page: per year, the importer's figure minus the exporter's,
    in US$ m and as % of the exporter's, where `basis.compare(GAP, ...)` allows it.

    `rows` hold one flow, one row per year and reporter (`by` names whose row it is): a second row
    for one reporter and year is an error, never averaged. A year one side did not report keeps
    the other's value and has no gap; so does a year where an IMF estimate stands behind a side
    (`imf_estimate` or `estimate`, where the rows have one), with the reason in `no_gap_reason`.
    """
    twice = rows.duplicated(["year", by])
    if twice.any():
        first = rows[twice].iloc[0]
        raise Mismatch(f"{first[by]} has more than one figure for {int(first['year'])}: a gap needs one each")
    years = sorted({int(y) for y in rows["year"]})
    sides = {name: figures_by_year(rows[rows[by] == name], name, years) for name in (importer, exporter)}
    compared = compare_frames(GAP, sides[importer], sides[exporter])
    out = pd.DataFrame(
        {
            "year": years,
            "exporter_reported": sides[exporter]["value"].to_numpy(),
            "importer_reported": sides[importer]["value"].to_numpy(),
        }
    )
    comparable = compared["value"].notna().to_numpy()
    out["gap_usd_m"] = (out["importer_reported"] - out["exporter_reported"]).where(comparable)
    out["gap_pct"] = compared["value"].to_numpy()
    out["no_gap_reason"] = compared["reason"].to_numpy()
    source = rows.groupby("year")["source_id"].first()
    out["source_id"] = out["year"].map(source)
    return out[GAP_COLUMNS]


def figures_by_year(rows: pd.DataFrame, reporter: str, years: list[int]) -> pd.DataFrame:
    """One reporter's rows as figures for `basis.compare_frames`: value and how it stands, one per year."""
    if "estimate" in rows:
        estimate = rows["estimate"].astype(bool)
    elif "imf_estimate" in rows:
        estimate = rows["imf_estimate"].astype(str).eq("true")
    else:
        estimate = pd.Series(False, index=rows.index)
    own = pd.DataFrame(
        {
            "value": rows["value_usd_m"].to_numpy(),
            "edition": rows["source_id"].to_numpy(),
            "estimate": estimate.to_numpy(),
        },
        index=rows["year"].astype(int).to_numpy(),
    ).reindex(years)
    return own.assign(reporter=reporter, year=years, partial="", estimate=own["estimate"].fillna(False)).reset_index(
        drop=True
    )


def rank_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """Candidate figures ordered best first within each year (see RANKING_RULE)."""
    worst = 99
    published = pd.to_datetime(rows.get("published_date", pd.Series(index=rows.index, dtype=object)), errors="coerce")
    keys = pd.DataFrame(
        {
            "year": rows["year"],
            "status": rows["status"].map(STATUS_RANK).fillna(worst),
            "kind": rows["kind"].map(KIND_RANK).fillna(worst),
            "qualifier": rows["qualifier"].map(QUALIFIER_RANK).fillna(worst),
            "recency": -published.map(lambda d: d.toordinal() if pd.notna(d) else 0),
            "figure_id": rows["figure_id"].fillna(""),
        },
        index=rows.index,
    )
    return rows.loc[keys.sort_values(list(keys.columns), kind="stable").index]


def headline_totals(annual: pd.DataFrame) -> pd.DataFrame:
    """One total per year for a side: DOTS where it exists, else the best-ranked statement (whole row)."""
    totals = annual[annual["measure"] == "total"]
    dots = totals[totals["source_kind"] == "dots"]
    published = totals[(totals["source_kind"] == "published") & ~totals["year"].isin(dots["year"])]
    best = rank_figures(published).drop_duplicates("year") if len(published) else published
    parts = [p for p in (dots, best) if len(p)]
    if not parts:
        return totals.iloc[0:0]
    return pd.concat(parts, ignore_index=True).sort_values("year", ignore_index=True)


# The reporter id of the Russia Briefing article of 29 June 2022 (reporters.csv).
ARTICLE_REPORTER = "russia_briefing"


@dataclass(frozen=True)
class TradeKpis:
    """Headline numbers for one side; None where the data cannot say."""

    year: int
    value_usd_m: float
    qualifier: str
    figure_label: str
    change_pct: float | None
    change_qualifier: str
    change_basis: str | None  # "published" growth of the figure, or "computed" from two DOTS years
    record_year: int
    record_value_usd_m: float
    record_qualifier: str
    record_label: str


def trade_kpis(headline: pd.DataFrame) -> TradeKpis | None:
    if headline.empty:
        return None
    latest = headline.iloc[-1]
    change, change_q, basis = None, "exact", None
    if pd.notna(latest["yoy_growth_pct"]):
        change, change_q, basis = float(latest["yoy_growth_pct"]), str(latest["growth_qualifier"]), "published"
    elif latest["source_kind"] == "dots":
        previous = headline[(headline["year"] == latest["year"] - 1) & (headline["source_kind"] == "dots")]
        if len(previous):
            computed = change_between(latest, previous.iloc[0], "value_usd_m", figure_basis, percent=True)
            if computed.comparable:
                change, basis = computed.value, "computed"
    # the record is the highest of the latest figure's own reporter: a reporter's total is not set
    # against another's (IMF DOTS to 2020, officials after), as basis.compare requires of a change
    own = headline[headline["label"] == latest["label"]]
    record = own.loc[own["value_usd_m"].idxmax()]
    return TradeKpis(
        year=int(latest["year"]),
        value_usd_m=float(latest["value_usd_m"]),
        qualifier=str(latest["qualifier"]),
        figure_label=str(latest["label"]),
        change_pct=change,
        change_qualifier=change_q,
        change_basis=basis,
        record_year=int(record["year"]),
        record_value_usd_m=float(record["value_usd_m"]),
        record_qualifier=str(record["qualifier"]),
        record_label=str(record["label"]),
    )


def part_year_figures(
    published: pd.DataFrame, reporters: pd.DataFrame, sources: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Quarters, halves and January-to-month figures, with a readable period label."""
    rows = published[published["period_type"] != "year"]
    rows = rows.assign(
        period=period_labels(rows),
        year=pd.to_datetime(rows["period_start"]).dt.year.astype(int),
        period_end_date=pd.to_datetime(rows["period_end"]),
    )
    rows = with_reporter_info(rows, reporters, sources)
    return rows.sort_values(["period_end_date", "figure_id"], ignore_index=True)


def figure_basis(row: Mapping[str, Any]) -> Basis:
    """How a trade figure stands, for `basis.compare`: its reporter (in words), its edition (the
    IMF series for a DOTS figure; none for a published statement, a one-off), its year; a figure
    for part of a year is partial."""
    # a DOTS row says so (source_kind), or its id is its reporter's
    ids = {row.get("reporter"), row.get("figure_id")}
    dots = row.get("source_kind") == "dots" or bool(ids & set(DOTS_REPORTER.values()))
    period = row.get("period")
    partial = part_year(str(period)) if row.get("period_type", "year") != "year" and isinstance(period, str) else ""
    edition = str(row.get("edition") or row.get("source_id", "")) if dots else ""
    return Basis(str(row["label"]), edition, int(row["year"]), False, partial)


def line_segments(frame: pd.DataFrame, by: list[str]) -> pd.Series:
    """A segment id per row that changes wherever a year is skipped, so lines break at gaps."""
    ordered = frame.sort_values([*by, "year"])
    new_run = ordered.groupby(by, sort=False)["year"].diff().ne(1)
    return new_run.cumsum().reindex(frame.index)


def money_range(low: float, high: float, money: Callable[[float], str], lang: Language) -> str:
    """'$1,200m to $1,400m' / 'от … до …'; one amount when both ends are the same."""
    if low == high:
        return money(low)
    return lang.gettext("{low} to {high}").format(low=money(low), high=money(high))


TOTAL_SHARE = "ru_share_of_tj_total_trade"
SHARE_MEASURES = {
    TOTAL_SHARE: N_("Of Tajikistan's total trade"),
    "ru_share_of_tj_imports": N_("Of Tajikistan's imports"),
    "ru_share_of_tj_exports": N_("Of Tajikistan's exports"),
}


def russia_shares(context: pd.DataFrame, reporters: pd.DataFrame) -> pd.DataFrame:
    """Russia's share of Tajikistan's trade, imports and exports: every full-year figure as published.

    Part-year shares are left out (a quarter's share is not a year's); figures stay points,
    one per reporter, never joined across the years nobody published. Each carries whose
    figure it is (`reported_by`), and no change between two of them is computed here.
    """
    rows = context[context["measure"].isin(list(SHARE_MEASURES)) & (context["period_type"] == "year")]
    labels = reporters.set_index("reporter")["label"]
    return pd.DataFrame(
        {
            "year": rows["period_start"].astype(str).str[:4].astype(int),
            "measure": rows["measure"],
            "measure_label": rows["measure"].map(SHARE_MEASURES),
            "share_pct": rows["value"].astype(float),
            "reported_by": rows["reporter"].map(labels).fillna(rows["reporter"]),
            "figure_id": rows["figure_id"],
            "source_id": rows["source_id"],
        }
    ).sort_values(["measure_label", "year"], ignore_index=True)
