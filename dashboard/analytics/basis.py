"""How a figure stands, and the one place that decides whether two figures may be compared.

A number on this dashboard is somebody's number: a reporter (Tajik statistics, Russian
officials, Tajikistan's report to the IMF), possibly an estimate, possibly partial (one flow of
two, part of a year), from one edition of one series, for one year. Two figures that differ in
any of these do not measure the same thing, so a change, gap or share between them would
describe the difference of method as if it were a difference in the world. Every comparison on
screen goes through `compare` (or `compare_frames`, its row-by-row form), which returns either
the number or, in plain words, why there is none.

The rules, per kind of comparison:
- change (the same thing, two years): same reporter, edition and estimate status; both whole.
- gap (one flow as two reporters saw it, e.g. the mirror gap): same edition and year; both
  whole; neither an estimate (an IMF estimate is often made from the other side's figure).
- share (a part over its whole): same reporter, edition and year; both whole. An estimate may
  stand behind the part or the whole: the share is then marked as resting on one.
- part (a share applied to a whole, e.g. the part of remittances that came from Russia): the
  share's rule, for the same reason: a share of one reporter's whole, or of another year's, is
  not a share of this whole.
- projection (a growth rate carried onto a level: base × (1 + growth)): the change's rule, the
  growth's reporter, edition and estimate status those of the base. The growth may be of part of
  the year: that is what a projection assumes, and the page says so.
- A length measured here on a map's line against a published length of the border is a gap in
  kind (one thing, two reporters), and a map and a reference book are never one edition: no
  ratio; both lengths are shown, each with whose it is (docs/data.md).

Every CSV and every chart tooltip says how its figures stand in the same plain-words columns,
SHOWN (reported by, basis, edition, year), set by `described` and worded by `standing`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_, from_templates
from dashboard.formatting.language import ENGLISH, Language

CHANGE, GAP, SHARE, PART, PROJECTION = "change", "gap", "share", "part", "projection"


class Mismatch(ValueError):
    """Tables that each passed their own checks but do not fit together: two figures where one was
    expected, a reporter without rows. A data problem (the page names the files), not a fault in code."""


KINDS = (CHANGE, GAP, SHARE, PART, PROJECTION)
BASIS_COLUMNS = ("reporter", "edition", "year", "estimate", "partial")


@dataclass(frozen=True)
class Basis:
    """Whose figure, from which edition, for which year, and whether it is an estimate or partial."""

    reporter: str  # in plain words: "Tajik statistics agency", "Tajikistan's report to the IMF"
    edition: str = ""  # the series or release it comes from; "" for a one-off statement
    year: int | None = None
    estimate: bool = False
    partial: str = ""  # "" for a whole figure; else what it is: "one flow only", "January–May"


@dataclass(frozen=True)
class Figure:
    """A value with its basis: what every comparison takes."""

    value: float
    basis: Basis


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two figures: a number, or why there is none."""

    value: float | None
    reason: str = ""  # why the figures are not comparable; "" when `value` is given
    estimate: bool = False  # a share that rests on an estimate says so

    @property
    def comparable(self) -> bool:
        return self.value is not None


# Every reason `why_not` and `compare` give, as msgids: a reason is worked out (and cached, and
# written to CSVs) in English, and shown in the viewer's language by `reason_in`.
PARTIAL_REASON = N_("{reporter}'s {year} figure is partial ({partial})")
PARTIAL_REASON_UNDATED = N_("{reporter}'s figure is partial ({partial})")
REPORTERS_REASON = N_("different reporters ({first}; {second})")
EDITIONS_REASON = N_("different editions ({first}; {second})")
YEARS_REASON = N_("different years ({first}; {second})")
ESTIMATE_REASON = N_("one figure rests on an IMF estimate and the other does not")
GAP_ESTIMATE_REASON = N_("an IMF estimate stands behind one side (often made from the other side's figure)")
ZERO_REASON = N_("the figure it is measured against is zero")
NO_FIGURE = N_("no figure")
A_STATEMENT = N_("a statement")  # a published statement has no edition
REASONS = (
    PARTIAL_REASON,
    PARTIAL_REASON_UNDATED,
    REPORTERS_REASON,
    EDITIONS_REASON,
    YEARS_REASON,
    ESTIMATE_REASON,
    GAP_ESTIMATE_REASON,
    ZERO_REASON,
    NO_FIGURE,
)


PART_YEAR = N_("part-year, {period}")
WORKED_OUT_HOW = N_("worked out here: {how}")  # how a figure worked out here was: 'worked out here: ...'
REPORT_TO_IMF = N_("{country}'s report to the IMF")  # whose a partner figure is (analytics.partners)


def reason_in(reason: str, lang: Language, names: Mapping[str, str] | None = None) -> str:
    """A reason `why_not` or `compare` gave, in the viewer's language (English: unchanged). Its
    fields (reporters, editions, years, parts of a year) are the figures' own words: a part-year's
    words and its months, a reporter's name the data gives in the language (`names`), and a plain
    word of this module among them ("this dashboard", "a statement") are translated too."""
    if lang.is_source or not reason:
        return reason
    return from_templates(reason, (*REASONS, PART_YEAR, WORKED_OUT_HOW, REPORT_TO_IMF), _field_in(lang, names or {}))


def _field_in(lang: Language, names: Mapping[str, str]) -> Callable[[str], str]:
    """How a field of a template is read in `lang`: a name the data gives in it, a period by
    CLDR ('Jan–Sep 2024' -> 'янв. – сент. 2024 г.'), else the catalogue (a word that is no msgid,
    an edition's title, passes unchanged)."""

    def field(text: str) -> str:
        return names.get(text) or localized.period_in(text, lang) or lang.gettext(text)

    return field


def why_not(kind: str, first: Basis, second: Basis) -> str:
    """'' when the two figures may be compared as `kind`; else the reason, in plain words.

    `first` is the newer figure of a change, the importer's of a gap, the part of a share, the
    share of a part, the growth of a projection; `second` the other.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown comparison {kind!r}; one of {KINDS}")
    # a projection applies a part-year growth to a full year by design: only the base must be whole
    for figure in (second,) if kind == PROJECTION else (first, second):
        if figure.partial:
            template = PARTIAL_REASON if figure.year else PARTIAL_REASON_UNDATED
            return template.format(reporter=figure.reporter, year=figure.year, partial=figure.partial)
    if kind in (CHANGE, SHARE, PART, PROJECTION) and first.reporter != second.reporter:
        return REPORTERS_REASON.format(first=first.reporter, second=second.reporter)
    if first.edition != second.edition:
        return EDITIONS_REASON.format(first=first.edition or A_STATEMENT, second=second.edition or A_STATEMENT)
    if kind in (GAP, SHARE, PART) and first.year != second.year:
        return YEARS_REASON.format(first=first.year, second=second.year)
    if kind in (CHANGE, PROJECTION) and first.estimate != second.estimate:
        return ESTIMATE_REASON
    if kind == GAP and (first.estimate or second.estimate):
        return GAP_ESTIMATE_REASON
    return ""


def compare(kind: str, first: Figure, second: Figure, percent: bool = False) -> Comparison:
    """A change (points, or % with `percent`), a gap (% of the exporter's), a share (%), a part or a
    projection (in the second figure's unit), like with like only.

    change: first − second (or first / second − 1, in %); gap: (importer − exporter) / exporter;
    share: part / whole; part: share % × whole; projection: base × (1 + growth %). A zero
    denominator gives no number, with that reason.
    """
    reason = why_not(kind, first.basis, second.basis)
    if reason:
        return Comparison(None, reason)
    a, b = float(first.value), float(second.value)
    if kind == PART:
        return Comparison(a / 100 * b, estimate=first.basis.estimate or second.basis.estimate)
    if kind == PROJECTION:
        return Comparison(b * (1 + a / 100))
    if kind == CHANGE and not percent:
        return Comparison(a - b)
    if b == 0:
        return Comparison(None, ZERO_REASON)
    if kind == CHANGE:
        return Comparison((a / b - 1) * 100)
    if kind == GAP:
        return Comparison((a - b) / b * 100)
    return Comparison(a / b * 100, estimate=first.basis.estimate or second.basis.estimate)


def change_between(
    now: Mapping[str, Any], then: Mapping[str, Any], column: str, stands: Callable[[Any], Basis], percent: bool = False
) -> Comparison:
    """`compare(CHANGE, ...)` of one column between two rows (a year and the one before), each row
    standing as `stands` says: in points, or in % with `percent`."""
    return compare(CHANGE, Figure(float(now[column]), stands(now)), Figure(float(then[column]), stands(then)), percent)


def basis_of(row: dict) -> Basis:
    """A Basis from a row (a dict) carrying the BASIS_COLUMNS; a missing one means 'not said'."""
    year = row.get("year")
    return Basis(
        str(row.get("reporter", "")),
        str(row.get("edition", "") or ""),
        None if year is None or pd.isna(year) else int(year),
        bool(row.get("estimate", False)),
        str(row.get("partial", "") or ""),
    )


def compare_frames(kind: str, first: pd.DataFrame, second: pd.DataFrame, percent: bool = False) -> pd.DataFrame:
    """`compare` row by row over two aligned frames (same index) with `value` and the BASIS_COLUMNS.

    Returns `value` (empty where not comparable or missing) and `reason`; a row where either
    figure is missing has the reason 'no figure'. One rule, whether for a card or a column.
    """
    values, reasons, estimates = [], [], []
    for a, b in zip(first.to_dict("records"), second.to_dict("records"), strict=True):
        if pd.isna(a.get("value")) or pd.isna(b.get("value")):
            values.append(None)
            reasons.append(NO_FIGURE)
            estimates.append(False)
            continue
        result = compare(kind, Figure(a["value"], basis_of(a)), Figure(b["value"], basis_of(b)), percent)
        values.append(result.value)
        reasons.append(result.reason)
        estimates.append(result.estimate)
    return pd.DataFrame(
        {"value": pd.array(values, dtype="Float64").astype(float), "reason": reasons, "estimate": estimates},
        index=first.index,
    )


# ---- how a figure stands, in plain words: the columns every CSV and chart tooltip carries ----

# reported by: whose figure (a reporter or publisher, or "this dashboard" for what is worked out
# here); basis: how it stands (below); edition: the series or release it comes from; year: the
# year it is for (empty where it has none, e.g. a site's position or the border's length).
SHOWN = ("reported_by", "basis", "edition", "year")
# The column titles and plain words are English constants (frames compare against them); each
# is marked for the catalogue and read in the viewer's language where it is shown (`in_words`).
SHOWN_TITLES = {"reported_by": N_("Reported by"), "basis": N_("Basis"), "edition": N_("Edition"), "year": N_("Year")}
THIS_DASHBOARD = N_("this dashboard")
REPORTED, ESTIMATE, ONE_FLOW = N_("reported"), N_("IMF estimate"), N_("one flow only")
WORKED_OUT, MEASURED, SCENARIO = N_("worked out here"), N_("measured here"), N_("scenario worked out here")
NOT_COMPARABLE = N_("not comparable")  # where a gap or ratio would be, with the reason beside it


def part_year(period: str, *, lang: Language = ENGLISH) -> str:
    """A part-year figure's `partial`: 'part-year, Jan–May 2022'."""
    return lang.gettext(PART_YEAR).format(period=period)


def standing(estimate: bool, partial: str, whole: str = REPORTED, *, lang: Language = ENGLISH) -> str:
    """How a figure stands in plain words: 'reported', 'IMF estimate', 'one flow only', 'IMF
    estimate; one flow only', 'part-year, Jan–May 2022'. `whole` is the word for a figure that is
    neither an estimate nor partial: 'reported' for a published one, 'measured here' and so on."""
    first = ESTIMATE if estimate else ("" if partial else whole)
    return "; ".join(lang.gettext(part) if part == first else part for part in (first, partial) if part)


def in_words(constant: str, lang: Language) -> str:
    """One of this module's plain words (REPORTED, THIS_DASHBOARD, ...) in the viewer's language."""
    return lang.gettext(constant)


def worked_out(how: str) -> str:
    """'worked out here: change on the year before' (`how` a msgid, so it reads in every language)."""
    return WORKED_OUT_HOW.format(how=how)


# The SHOWN columns that hold words (the year is a number, an edition the source's own title) and
# the columns that hold a reason there is no number: written in English (frames compare against
# them, caches key on them), read in the viewer's language where a chart or a CSV shows them.
WORDED = ("reported_by", "basis")


def shown_in(frame: pd.DataFrame, lang: Language, names: Mapping[str, str] | None = None) -> pd.DataFrame:
    """The frame with the words the code wrote in its SHOWN and reason columns in `lang`: each
    "; "-separated part read back by `reason_in` (templates, plain words, periods by CLDR, the data's
    names in the language by `names`: a reporter's label). English: the frame itself. Only a basis
    is split at "; " (`standing` joins its parts so); a reason holds "; " inside its brackets."""
    columns = [c for c in frame.columns if c in WORDED or str(c).endswith("reason")]
    if lang.is_source or not columns:
        return frame
    out = frame.copy()
    for column in columns:
        said = {text: _shown_words(text, column, lang, names) for text in out[column].dropna().unique()}
        out[column] = out[column].map(lambda value, said=said: said.get(value, value))
    return out


def _shown_words(text: Any, column: str, lang: Language, names: Mapping[str, str] | None) -> Any:
    if not isinstance(text, str):
        return text
    parts = text.split("; ") if column == "basis" else [text]
    return "; ".join(reason_in(part, lang, names) for part in parts)


def standings(estimate: pd.Series, partial: pd.Series, whole: str = REPORTED) -> pd.Series:
    """`standing` row by row."""
    return pd.Series(
        [standing(bool(e), str(p or ""), whole) for e, p in zip(estimate, partial.fillna(""), strict=True)],
        index=estimate.index,
        dtype=object,
    )


Words = str | int | pd.Series | None


def described(
    rows: pd.DataFrame, reported_by: Words, basis: Words, edition: Words, year: Words = "year"
) -> pd.DataFrame:
    """`rows` with the SHOWN columns, the one way every CSV and chart frame says how its figures stand.

    Each is a column of `rows` (its name), a Series aligned with `rows`, one value for every row,
    or, for the year only, None: figures that are for no year. The columns come last, in order.
    """

    def column(given: Words) -> pd.Series:
        if isinstance(given, str) and given in rows.columns:
            return rows[given]
        return given if isinstance(given, pd.Series) else pd.Series(given, index=rows.index, dtype=object)

    if year is None or (year == "year" and "year" not in rows.columns):
        years = pd.Series(pd.NA, index=rows.index, dtype="Int64")
    else:
        years = pd.to_numeric(column(year), errors="coerce")
        # whole years stay plain integers; a year that is missing somewhere makes the column nullable
        years = years.astype("Int64") if years.isna().any() else years.astype("int64")
    return rows.drop(columns=[c for c in SHOWN if c in rows.columns]).assign(
        reported_by=column(reported_by), basis=column(basis), edition=column(edition), year=years
    )
