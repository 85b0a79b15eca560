"""Everything the Trade page shows that does not depend on the viewer's choices, built once, and the
frames its charts draw (display units, labels, line segments): charts draw, this module prepares.

A rerun then only filters these frames by the view (years, reporters, unit) and picks the
projection inputs for one year: the heavy pandas work happens when the data is loaded. Every
frame says how each of its figures stands in the columns `analytics.basis.SHOWN` (whose figure,
basis, edition, year), which the CSVs and the chart tooltips carry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

from dashboard.analytics import trade, trade_projection
from dashboard.analytics.basis import (
    NOT_COMPARABLE,
    REPORTED,
    THIS_DASHBOARD,
    WORKED_OUT,
    Comparison,
    described,
    part_year,
    standings,
)
from dashboard.analytics.citations import edition_words
from dashboard.analytics.events import events_on_axis, titled_in
from dashboard.formatting import FLOW_LABELS, SIDE_LABELS, UNITS, in_unit, localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

SIDES_WITH_STATISTICS = ("russia", "tajikistan")
MIRROR_FLOWS = tuple(trade.MIRROR_ROLES)


@dataclass(frozen=True)
class Projection:
    """The inputs a projection for one year can use."""

    bases: pd.DataFrame  # full-year totals of the previous year, best first
    growths: pd.DataFrame  # published part-year growth of the year, latest period first
    outcomes: pd.DataFrame  # what each reporter later said the full year was


@dataclass(frozen=True)
class TradeModel:
    """Shared, read-only frames (they live in a resource cache: callers must not mutate them)."""

    sources: pd.DataFrame
    events: pd.DataFrame
    dots_years: tuple[int, int]
    year_range: tuple[int, int]
    annual: dict[str, pd.DataFrame]  # side -> DOTS lines plus later statements (US$ m)
    headline: dict[str, pd.DataFrame]  # side -> one total per year, for the KPIs
    mirror: dict[str, pd.DataFrame]  # flow -> both reporters and the gap, one row a year (US$ m)
    mirror_rows: dict[str, pd.DataFrame]  # flow -> each reporter's figure and the gap, a row each (the CSV)
    published_totals: pd.DataFrame  # full-year totals after DOTS, projections included
    part_years: pd.DataFrame  # quarters, halves, January-to-month figures
    dots_long: pd.DataFrame  # DOTS as one row per reporter, measure and year: a projection's bases and outcomes
    full_years: pd.DataFrame  # published full-year figures, projections left out
    article_case: tuple[int, str, float] | None  # the article's year, base figure and growth
    article_claims: trade_projection.ArticleTradeClaims | None
    set_aside: tuple[str, ...] = ()  # optional files that could not be read, left out as if missing


def build_trade_model(
    reporters: pd.DataFrame,
    dots: pd.DataFrame,
    published: pd.DataFrame,
    events: pd.DataFrame,
    sources: pd.DataFrame,
) -> TradeModel:
    dots_long = with_standing(trade.dots_measures(dots, reporters), sources)
    full_years = with_standing(trade.published_full_years(published, reporters, sources), sources)
    full_years_all = with_standing(
        trade.published_full_years(published, reporters, sources, include_projections=True), sources
    )
    part_years = with_standing(trade.part_year_figures(published, reporters, sources), sources)
    dots_years = (int(dots["year"].min()), int(dots["year"].max()))
    annual = {side: trade.annual_for_side(dots_long, full_years, side) for side in SIDES_WITH_STATISTICS}
    mirror = {flow: trade.mirror_gap(dots, flow) for flow in MIRROR_FLOWS}
    dots_labels = reporters.set_index("reporter")["label"]
    mirror_rows = {flow: mirror_long(gap, flow, dots_labels, sources) for flow, gap in mirror.items()}
    after_dots = (full_years_all["measure"] == "total") & (full_years_all["year"] > dots_years[1])
    published_totals = full_years_all[after_dots]
    years = pd.concat([dots["year"], full_years["year"], part_years["year"]])
    article_case = trade_projection.article_projection_case(full_years, part_years)
    return TradeModel(
        sources=sources,
        events=events_on_axis(events, "trade"),
        dots_years=dots_years,
        year_range=(int(years.min()), int(years.max())),
        annual=annual,
        headline={side: trade.headline_totals(frame) for side, frame in annual.items()},
        mirror=mirror,
        mirror_rows=mirror_rows,
        published_totals=published_totals,
        part_years=part_years,
        dots_long=dots_long,
        full_years=full_years,
        article_case=article_case,
        article_claims=trade_projection.article_claims(full_years_all, article_case) if article_case else None,
    )


@dataclass(frozen=True)
class TradeFrames:
    """What only the Trade page draws, in one language, built on its first use (the cache's own
    entry, shared.trade_frames): the Overview, which shares the model and opens first, does not
    wait for them. The frames carry their labels and amounts as text in that language (legends,
    tooltips), so a cached frame is never shown in the other one."""

    annual_frames: dict[tuple[str, str], pd.DataFrame]  # (side, unit) -> chart frame
    mirror_frames: dict[tuple[str, str], pd.DataFrame]  # (flow, unit) -> chart frame
    published_frames: dict[str, pd.DataFrame]  # unit -> chart frame of the published totals
    part_year_growth: pd.DataFrame  # chart frame of the published part-year growth
    projections: dict[int, Projection]  # year -> inputs; only years that can be projected
    events: pd.DataFrame  # the numbered events, titled in the language (analytics.events.titled_in)
    reporting_note: str = ""  # a reporter whose statistics stopped before the other's, said in words


def build_trade_frames(model: TradeModel, lang: Language) -> TradeFrames:
    full_years, part_years = model.full_years, model.part_years
    return TradeFrames(
        annual_frames={
            (side, unit): annual_frame(annual, unit, lang) for side, annual in model.annual.items() for unit in UNITS
        },
        mirror_frames={
            (flow, unit): mirror_frame(rows, unit, lang) for flow, rows in model.mirror_rows.items() for unit in UNITS
        },
        published_frames={unit: published_frame(model.published_totals, unit, lang) for unit in UNITS},
        part_year_growth=part_year_frame(part_years, lang),
        events=titled_in(model.events, lang),
        reporting_note=trade.reporting_stopped(full_years, lang),
        projections={
            year: Projection(
                bases=trade_projection.projection_bases(model.dots_long, full_years, year),
                growths=trade_projection.projection_growths(part_years, year),
                outcomes=trade_projection.full_year_outcomes(model.dots_long, full_years, year),
            )
            for year in trade_projection.projection_years(model.dots_long, full_years, part_years)
        },
    )


@dataclass(frozen=True)
class Fallback:
    """A value the view asked for that the data cannot use, and the one used instead: the page
    tells the viewer their link was corrected (the model says what and why, the page how)."""

    param: str
    given: str
    used: str
    reason: str


@dataclass(frozen=True)
class ProjectionChoice:
    """The projection the view asks for, made valid against the data."""

    year: int
    base: pd.Series
    growth: float
    published_growth: pd.Series  # the published part-year figure the growth starts from
    projection: Comparison  # base × (1 + growth), or why the two do not go together (basis.compare)
    qualifier: str
    fallbacks: list[Fallback] = field(default_factory=list)

    @property
    def growth_is_published(self) -> bool:
        """The growth is the published figure's (not one the viewer set on the slider)."""
        return self.growth == float(self.published_growth["yoy_growth_pct"])

    @property
    def projected_usd_m(self) -> float | None:
        return self.projection.value


def choose_projection(
    projections: Mapping[int, Projection], year: int | None, base_id: str | None, growth: float | None, lang: Language
) -> ProjectionChoice:
    """Apply the view's choices, falling back to the data's defaults (and saying so) where invalid.

    Defaults: the latest year that can be projected; its best-ranked previous full year whose
    reporter published a growth for the year (else the best-ranked); and the latest growth that
    reporter published (else the latest on its side). A published growth of another reporter
    gives no projection (`trade_projection.projected`: the page shows both figures and why). The projection
    carries the base's qualifier, and the published growth's too while the growth is left at it.
    """
    fallbacks = []
    chosen_year = year if year in projections else max(projections)
    if year is not None and year != chosen_year:
        fallbacks.append(
            Fallback(
                "proj_year",
                str(year),
                str(chosen_year),
                lang.gettext("has no part-year growth figure to project from"),
            )
        )
        base_id, growth = None, None
    inputs = projections[chosen_year]
    bases = inputs.bases.set_index("figure_id", drop=False)
    default = str(trade_projection.default_base(inputs.bases, inputs.growths)["figure_id"])
    chosen_base = base_id if base_id in bases.index else default
    if base_id is not None and base_id != chosen_base:
        reason = lang.gettext("is not a full-year total for {year}").format(year=chosen_year - 1)
        fallbacks.append(Fallback("proj_base", base_id, chosen_base, reason))
    base = bases.loc[chosen_base]
    published = trade_projection.default_growth(inputs.growths, base)
    chosen_growth = float(published["yoy_growth_pct"]) if growth is None else growth
    is_published = chosen_growth == float(published["yoy_growth_pct"])
    qualifiers = [str(base["qualifier"])]
    if is_published:
        qualifiers.append(str(published["growth_qualifier"]))
    return ProjectionChoice(
        year=chosen_year,
        base=base,
        growth=chosen_growth,
        published_growth=published,
        projection=trade_projection.projected(base, chosen_growth, published if is_published else None),
        qualifier=trade_projection.combined_qualifier(*qualifiers),
        fallbacks=fallbacks,
    )


# --- how each figure stands, and the frames the charts draw ---

PUBLISHED_PROJECTION, PROJECTED = N_("published projection"), N_("projection worked out here")
ONE_SIDE = N_("no gap: one side has no figure")


def with_standing(rows: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Trade figures with the columns that say how each stands: its reporter, 'reported' (a part
    year says which part; a projection someone published says so), its edition and year."""
    partial = rows["period"].map(part_year) if "period" in rows else pd.Series("", index=rows.index)
    basis = standings(pd.Series(False, index=rows.index), partial)
    if "status" in rows:
        basis = basis.where(rows["status"] != "projection", PUBLISHED_PROJECTION)
    return described(rows, "label", basis, edition_words(rows["source_id"], sources))


def mirror_long(gap: pd.DataFrame, flow: str, labels: pd.Series, sources: pd.DataFrame) -> pd.DataFrame:
    """One flow's mirror comparison a row per figure: each reporter's figure for each year, and
    the gap worked out from them (`trade.gap_by_year`) or, where there is none, why (US$ m)."""
    rows = []
    for role, side in zip(("exporter", "importer"), trade.MIRROR_ROLES[flow], strict=True):
        rows.append(
            pd.DataFrame(
                {
                    "year": gap["year"],
                    "role": role,
                    "side": SIDE_LABELS[side],
                    "value_usd_m": gap[f"{role}_reported"],
                    "reported_by": labels.get(trade.DOTS_REPORTER[side], SIDE_LABELS[side]),
                    "basis": REPORTED,
                    "source_id": gap["source_id"],
                }
            ).dropna(subset=["value_usd_m"])
        )
    basis = gap["no_gap_reason"].map(lambda reason: NOT_COMPARABLE if reason else WORKED_OUT)
    basis = basis.where(gap["no_gap_reason"] != "no figure", ONE_SIDE)
    rows.append(
        pd.DataFrame(
            {
                "year": gap["year"],
                "role": "gap",
                "side": "",
                "value_usd_m": gap["gap_usd_m"],
                "gap_pct": gap["gap_pct"],
                "no_gap_reason": gap["no_gap_reason"],
                "reported_by": THIS_DASHBOARD,
                "basis": basis,
                "source_id": gap["source_id"],
            }
        )
    )
    long = pd.concat(rows, ignore_index=True)
    long = long.assign(flow=flow).sort_values(["year", "role"], key=_role_order, ignore_index=True)
    columns = ["flow", "year", "role", "side", "value_usd_m", "gap_pct", "no_gap_reason", "source_id"]
    return described(
        long[[*columns, "reported_by", "basis"]], "reported_by", "basis", edition_words(long["source_id"], sources)
    )


def _role_order(column: pd.Series) -> pd.Series:
    return column.map({"exporter": 0, "importer": 1, "gap": 2}) if column.name == "role" else column


QUALIFIER_LABELS = {
    "exact": N_("exact"),
    "approximate": N_("approximate"),
    "lower_bound": N_("lower bound"),
    "upper_bound": N_("upper bound"),
}
# a figure's status as the data gives it, in words
STATUS_LABELS = {
    "final": N_("final"),
    "preliminary": N_("preliminary"),
    "unverified": N_("unverified"),
    "projection": N_("projection"),
}


def in_words(codes: pd.Series, labels: Mapping[str, str], lang: Language) -> pd.Series:
    """A column of codes in the language's words (a code without words, or none, stays as it is)."""
    return codes.map(lambda code: lang.gettext(labels[code]) if code in labels else code)


def status_words(status: str, lang: Language) -> str:
    """A figure's status ("preliminary") in the language's words."""
    return lang.gettext(STATUS_LABELS[status]) if status in STATUS_LABELS else status


SHOWN = ["reported_by", "basis", "edition"]  # with year, which every frame below has anyway


def _labels(frame: pd.DataFrame, unit: str, lang: Language) -> pd.DataFrame:
    out = frame.copy()
    out["value"] = out["value_usd_m"].map(lambda v: in_unit(v, unit))
    out["value_text"] = [
        localized.money(v, lang, unit, q) for v, q in zip(out["value_usd_m"], out["qualifier"], strict=True)
    ]
    out["qualifier_label"] = in_words(out["qualifier"], QUALIFIER_LABELS, lang)
    if "side" in out:
        out["side_label"] = in_words(out["side"], SIDE_LABELS, lang)
    return out


# Only the columns a chart encodes travel to the browser (and through Altair's serialiser).
ANNUAL_FIELDS = [
    "year",
    "value",
    "value_text",
    "measure",
    "measure_label",
    "qualifier_label",
    "label",
    "figure_id",
    "source_kind",
    "segment",
    *SHOWN,
]
PUBLISHED_FIELDS = [
    "year",
    "side",
    "value",
    "value_text",
    "side_label",
    "qualifier_label",
    "label",
    "status",
    "figure_id",
    *SHOWN,
]
PART_YEAR_FIELDS = [
    "year",
    "side",
    "period",
    "period_end_date",
    "yoy_growth_pct",
    "growth_text",
    "side_label",
    "qualifier_label",
    "label",
    "figure_id",
    *SHOWN,
]


def annual_frame(annual: pd.DataFrame, unit: str, lang: Language) -> pd.DataFrame:
    out = _labels(annual, unit, lang)
    out["measure_label"] = in_words(out["measure"], FLOW_LABELS, lang)
    out["segment"] = trade.line_segments(out, ["source_kind", "measure"]).astype(str)
    return out[ANNUAL_FIELDS]


def mirror_frame(rows: pd.DataFrame, unit: str, lang: Language) -> pd.DataFrame:
    """`mirror_long`'s rows in display units and the language's words for each side, each
    reporter's line broken where it has no figure."""
    out = rows.assign(
        value=rows["value_usd_m"].map(lambda v: in_unit(v, unit)),
        side=rows["side"].map(lambda side: lang.gettext(side) if side else side),
    )
    out["segment"] = out["role"] + "-" + trade.line_segments(out, ["role"]).astype(str)
    return out[["year", "side", "role", "value", "gap_pct", "segment", *SHOWN]].reset_index(drop=True)


def projection_frame(
    choice: ProjectionChoice,
    outcomes: pd.DataFrame,
    unit: str,
    lang: Language,
    names: Mapping[str, str] = MappingProxyType({}),
) -> pd.DataFrame:
    """Bars for the projection: the base year, the projected year (where the base and the growth
    go together) and each reported outcome, each with how it stands; a reporter named as `names`
    gives it in the language (English: as the data has it).

    Every bar is labelled with its figure id as well as its reporter: one reporter often made
    several statements about the same year, and bars sharing a label would be stacked.
    """
    base, year = choice.base, choice.year
    _ = lang.gettext

    def bar(what: str, kind: str, figure: Mapping, value: float, qualifier: str, **standing: object) -> dict:
        stands = {key: figure.get(key) for key in ("reported_by", "basis", "edition", "year")}
        return {
            "what": what,
            "kind": kind,
            "figure_id": figure.get("figure_id"),
            "value_usd_m": value,
            "qualifier": qualifier,
            "source_id": figure.get("source_id"),
            **stands,
            **standing,
        }

    rows = [
        bar(
            f"{year - 1}: {names.get(base['label'], base['label'])} ({base['figure_id']})",
            _("Base year"),
            base,
            float(base["value_usd_m"]),
            str(base["qualifier"]),
        )
    ]
    if choice.projected_usd_m is not None:
        editions = [base["edition"]] + ([choice.published_growth["edition"]] if choice.growth_is_published else [])
        rows.append(
            bar(
                _("{year}: projection").format(year=year),
                _("Projection"),
                {},
                choice.projected_usd_m,
                choice.qualifier,
                reported_by=THIS_DASHBOARD,
                basis=PROJECTED,
                edition="; ".join(dict.fromkeys(editions)),
                year=year,
            )
        )
    for row in outcomes.to_dict("records"):
        status = f", {status_words(row['status'], lang)}" if row["status"] != "final" else ""
        rows.append(
            bar(
                f"{year}: {names.get(row['label'], row['label'])} ({row['figure_id']}{status})",
                _("Outcome"),
                row,
                row["value_usd_m"],
                row["qualifier"],
            )
        )
    bars = pd.DataFrame(rows)
    bars["growth_pct"] = bars["kind"].map({_("Projection"): choice.growth})
    bars["value"] = bars["value_usd_m"].map(lambda v: in_unit(v, unit))
    bars["value_text"] = [
        localized.money(v, lang, unit, q) for v, q in zip(bars["value_usd_m"], bars["qualifier"], strict=True)
    ]
    return described(bars, "reported_by", "basis", "edition")


def published_frame(figures: pd.DataFrame, unit: str, lang: Language) -> pd.DataFrame:
    out = _labels(figures, unit, lang)
    return out.assign(status=in_words(out["status"], STATUS_LABELS, lang))[PUBLISHED_FIELDS]


def part_year_frame(rows: pd.DataFrame, lang: Language) -> pd.DataFrame:
    out = rows.dropna(subset=["yoy_growth_pct"]).copy()
    out["qualifier"] = out["growth_qualifier"]
    out["qualifier_label"] = in_words(out["qualifier"], QUALIFIER_LABELS, lang)
    out["side_label"] = in_words(out["side"], SIDE_LABELS, lang)
    out["period"] = period_words(out, lang)
    out["growth_text"] = [
        localized.percent(g, lang, q) for g, q in zip(out["yoy_growth_pct"], out["growth_qualifier"], strict=True)
    ]
    return out[PART_YEAR_FIELDS]


def period_words(rows: pd.DataFrame, lang: Language) -> list[str]:
    """Each row's published period ('Q1 2022' / '1-й кв. 2022 г.') in the language."""
    columns = (rows["period_type"], rows["period_start"], rows["period_end"])
    return [localized.period_label(*period, lang) for period in zip(*columns, strict=True)]


def share_chart_frame(shares: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """Russia's shares (`share_rows`) with the measure in the language's words, for the chart."""
    return shares.assign(measure_label=in_words(shares["measure"], trade.SHARE_MEASURES, lang))


def share_rows(shares: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Russia's published shares of Tajikistan's trade (`trade.russia_shares`) with how each stands."""
    return described(shares, "reported_by", REPORTED, edition_words(shares["source_id"], sources))
