"""Trade arithmetic: annual series per reporter, mirror gaps, growth, headline KPIs, projection.

All values are US$ million. Nothing here fills a gap: a year that a reporter did not publish
is absent from every result, and growth is only computed between consecutive years.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.formatting import period_label

MEASURES = ("total", "ru_to_tj", "tj_to_ru", "balance")

# Ranking used when one number per year is needed (KPIs, projection base): statistics beat
# statements, exact beats approximate beats a lower bound, a final figure beats an early one.
KIND_RANK = {"statistics": 0, "statement": 1, "media": 2}
QUALIFIER_RANK = {"exact": 0, "approximate": 1, "lower_bound": 2, "upper_bound": 3}
STATUS_RANK = {"final": 0, "preliminary": 1, "unverified": 2, "projection": 3}


def with_reporter_info(figures: pd.DataFrame, reporters: pd.DataFrame) -> pd.DataFrame:
    """Attach each reporter's side, kind and label to its figures."""
    info = reporters[["reporter", "label", "side", "kind"]]
    return figures.merge(info, on="reporter", how="left", validate="many_to_one")


def dots_measures(dots: pd.DataFrame, reporters: pd.DataFrame) -> pd.DataFrame:
    """Both flows, their total and the balance, per DOTS reporter and year.

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
    long["year"] = long["year"].astype(int)
    long["qualifier"] = "exact"
    long["figure"] = "IMF DOTS"
    return with_reporter_info(long, reporters).sort_values(["reporter", "measure", "year"], ignore_index=True)


def published_full_years(
    published: pd.DataFrame, reporters: pd.DataFrame, include_projections: bool = False
) -> pd.DataFrame:
    """Published full-year values, one row per statement, with reporter side and year."""
    rows = published[(published["period_type"] == "year") & published["value_usd_m"].notna()].copy()
    if not include_projections:
        rows = rows[rows["status"] != "projection"]
    rows["year"] = pd.to_datetime(rows["period_start"]).dt.year.astype(int)
    rows = rows.rename(columns={"flow": "measure", "value_qualifier": "qualifier"})
    return with_reporter_info(rows, reporters).reset_index(drop=True)


ANNUAL_COLUMNS = [
    "year",
    "measure",
    "value_usd_m",
    "qualifier",
    "label",
    "side",
    "kind",
    "source_kind",
    "figure_id",
    "status",
    "yoy_growth_pct",
    "growth_qualifier",
    "source_id",
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


def growth_pct(values: pd.Series) -> pd.Series:
    """Year-on-year growth of a series indexed by year; NaN where the previous year is missing."""
    values = values.sort_index()
    previous = values.reindex(values.index - 1).to_numpy()
    return pd.Series((values.to_numpy() / previous - 1) * 100, index=values.index)


def mirror_gap(dots: pd.DataFrame, flow: str) -> pd.DataFrame:
    """One flow as each side reported it, and the importer's figure minus the exporter's.

    For Russia → Tajikistan the exporter is Russia (FOB) and the importer Tajikistan (CIF), and
    the reverse for Tajikistan → Russia. Years where only one side reported keep that side's
    value and no gap.
    """
    exporter, importer = ("imf_dots_rus", "imf_dots_tjk") if flow == "ru_to_tj" else ("imf_dots_tjk", "imf_dots_rus")
    rows = dots[dots["flow"] == flow]
    wide = rows.pivot_table(index="year", columns="reporter", values="value_usd_m", aggfunc="first")
    wide = wide.reindex(columns=[exporter, importer])
    out = pd.DataFrame(
        {
            "year": wide.index.astype(int),
            "exporter_reported": wide[exporter].to_numpy(),
            "importer_reported": wide[importer].to_numpy(),
        }
    )
    out["gap_usd_m"] = out["importer_reported"] - out["exporter_reported"]
    out["gap_pct"] = out["gap_usd_m"] / out["exporter_reported"] * 100
    return out


def rank_figures(rows: pd.DataFrame) -> pd.DataFrame:
    """Order candidate figures best first within each year (see the rank tables above)."""
    keys = pd.DataFrame(
        {
            "status": rows["status"].map(STATUS_RANK).fillna(0),
            "kind": rows["kind"].map(KIND_RANK).fillna(0),
            "qualifier": rows["qualifier"].map(QUALIFIER_RANK).fillna(0),
        },
        index=rows.index,
    )
    order = pd.concat([rows[["year"]], keys, rows[["figure_id"]].fillna("")], axis=1)
    order.columns = ["year", "k1", "k2", "k3", "k4"]
    return rows.loc[order.sort_values(["year", "k1", "k2", "k3", "k4"]).index]


def headline_totals(annual: pd.DataFrame) -> pd.DataFrame:
    """One total per year for a side: DOTS where it exists, else the best-ranked statement."""
    totals = annual[annual["measure"] == "total"]
    dots = totals[totals["source_kind"] == "dots"]
    published = totals[(totals["source_kind"] == "published") & ~totals["year"].isin(dots["year"])]
    best = rank_figures(published).groupby("year", as_index=False).first() if len(published) else published
    parts = [p for p in (dots, best) if len(p)]
    if not parts:
        return totals.iloc[0:0]
    return pd.concat(parts, ignore_index=True).sort_values("year", ignore_index=True)


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
            change, basis = (latest["value_usd_m"] / previous["value_usd_m"].iloc[0] - 1) * 100, "computed"
    record = headline.loc[headline["value_usd_m"].idxmax()]
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
    )


def part_year_figures(published: pd.DataFrame, reporters: pd.DataFrame) -> pd.DataFrame:
    """Quarters, halves and January-to-month figures, with a readable period label."""
    rows = published[published["period_type"] != "year"].copy()
    rows["period"] = [
        period_label(t, s, e)
        for t, s, e in zip(rows["period_type"], rows["period_start"], rows["period_end"], strict=True)
    ]
    rows["year"] = pd.to_datetime(rows["period_start"]).dt.year.astype(int)
    rows["period_end_date"] = pd.to_datetime(rows["period_end"])
    rows = with_reporter_info(rows, reporters)
    return rows.sort_values(["period_end_date", "figure_id"], ignore_index=True)


def project_full_year(previous_full_year_usd_m: float, growth_pct: float) -> float:
    """Full year if the whole year grows as the part year did: previous × (1 + growth)."""
    return previous_full_year_usd_m * (1 + growth_pct / 100)


def projection_bases(dots_long: pd.DataFrame, full_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every full-year total for `year` − 1 that a projection can start from, best first."""
    base_year = year - 1
    dots = dots_long[(dots_long["measure"] == "total") & (dots_long["year"] == base_year)]
    dots = dots.assign(figure_id=dots["reporter"], status="final")
    published = full_years[(full_years["measure"] == "total") & (full_years["year"] == base_year)]
    cols = ["figure_id", "year", "value_usd_m", "qualifier", "label", "side", "kind", "status", "source_id"]
    parts = [p.reindex(columns=cols) for p in (dots, published) if len(p)]
    if not parts:
        return pd.DataFrame(columns=cols)
    return rank_figures(pd.concat(parts, ignore_index=True)).reset_index(drop=True)


def projection_growths(part_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """Published part-year growth of total trade in `year`, latest period first."""
    rows = part_years[
        (part_years["flow"] == "total") & (part_years["year"] == year) & part_years["yoy_growth_pct"].notna()
    ]
    return rows.sort_values(["period_end_date", "figure_id"], ascending=[False, True], ignore_index=True)


def projection_years(dots_long: pd.DataFrame, full_years: pd.DataFrame, part_years: pd.DataFrame) -> list[int]:
    """Years with at least one part-year growth figure and a previous full year to apply it to."""
    with_growth = part_years.loc[(part_years["flow"] == "total") & part_years["yoy_growth_pct"].notna(), "year"]
    return sorted(int(y) for y in set(with_growth) if len(projection_bases(dots_long, full_years, int(y))))


def full_year_outcomes(dots_long: pd.DataFrame, full_years: pd.DataFrame, year: int) -> pd.DataFrame:
    """What each reporter later said the full year's total was (DOTS included), one row each."""
    dots = dots_long[(dots_long["measure"] == "total") & (dots_long["year"] == year)]
    dots = dots.assign(figure_id=dots["reporter"], status="final")
    published = full_years[(full_years["measure"] == "total") & (full_years["year"] == year)]
    cols = ["figure_id", "year", "value_usd_m", "qualifier", "label", "side", "kind", "status", "source_id"]
    parts = [p.reindex(columns=cols) for p in (dots, published) if len(p)]
    if not parts:
        return pd.DataFrame(columns=cols)
    return pd.concat(parts, ignore_index=True).sort_values(["side", "value_usd_m"], ignore_index=True)


def line_segments(frame: pd.DataFrame, by: list[str]) -> pd.Series:
    """A segment id per row that changes wherever a year is skipped, so lines break at gaps."""
    ordered = frame.sort_values([*by, "year"])
    new_run = ordered.groupby(by, sort=False)["year"].diff().ne(1)
    return new_run.cumsum().reindex(frame.index)


def seed_projection_case(full_years: pd.DataFrame, part_years: pd.DataFrame) -> tuple[int, str, float] | None:
    """The seed article's own projection inputs, read from its rows: (year, base figure id, growth)."""
    seed_growth = part_years[(part_years["reporter"] == "seed_article") & part_years["yoy_growth_pct"].notna()]
    if seed_growth.empty:
        return None
    growth = seed_growth.iloc[0]
    year = int(growth["year"])
    base = full_years[
        (full_years["reporter"] == "seed_article")
        & (full_years["measure"] == "total")
        & (full_years["year"] == year - 1)
    ]
    if base.empty:
        return None
    return year, str(base["figure_id"].iloc[0]), float(growth["yoy_growth_pct"])
