"""Remittance dependence: the World Bank backbone, other sources as their own series, the shock.

The World Bank's WDI series ("personal remittances, received": all origins, balance of payments)
is the backbone. Every other figure stays a separate series by source and vintage: the National
Bank of Tajikistan counts transfers to Tajik banks, the Central Bank of Russia transfers sent from
Russia through money-transfer systems. Nothing is averaged or spliced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from dashboard.analytics.basis import CHANGE, PART, Basis, Comparison, Figure, change_between, compare, compare_frames
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

REMITTANCES_USD = "BX.TRF.PWKR.CD.DT"
REMITTANCES_PCT_GDP = "BX.TRF.PWKR.DT.GD.ZS"
GDP_USD = "NY.GDP.MKTP.CD"


def wdi_backbone(wdi: pd.DataFrame) -> pd.DataFrame:
    """One row per year the World Bank reports remittances: US$ m, % of GDP and GDP (US$ m)."""
    wide = wdi.pivot_table(index="year", columns="indicator", values="value", aggfunc="first")
    out = pd.DataFrame(
        {
            "year": wide.index.astype(int),
            "remittances_usd_m": wide.get(REMITTANCES_USD) / 1e6,
            "pct_gdp": wide.get(REMITTANCES_PCT_GDP),
            "gdp_usd_m": wide.get(GDP_USD) / 1e6,
        }
    ).dropna(subset=["remittances_usd_m"])
    out["source_id"] = wdi["source_id"].iloc[0]
    return out.reset_index(drop=True)


WORLD_BANK = "World Bank"


def backbone_basis(row: pd.Series) -> Basis:
    """How a backbone year stands: the World Bank's, of the edition its source names, for its year."""
    return Basis(WORLD_BANK, str(row.get("source_id", "")), int(row["year"]))


@dataclass(frozen=True)
class Dependency:
    """How dependent on remittances the latest year is, against the years shown."""

    year: int
    pct_gdp: float
    change_pts: float | None  # percentage points on the year before; None if that year is missing
    low: float
    low_year: int
    high: float
    high_year: int
    median: float
    years: int


def dependency(backbone: pd.DataFrame) -> Dependency | None:
    """The latest year's share of GDP, its change in points on the year before (`basis.compare`: one
    series, one edition; none across a missing year), and the spread of the years given."""
    shown = backbone.dropna(subset=["pct_gdp"])
    if shown.empty:
        return None
    latest = shown.iloc[-1]
    previous = shown[shown["year"] == latest["year"] - 1]
    low, high = shown.loc[shown["pct_gdp"].idxmin()], shown.loc[shown["pct_gdp"].idxmax()]
    change = change_between(latest, previous.iloc[0], "pct_gdp", backbone_basis).value if len(previous) else None
    return Dependency(
        year=int(latest["year"]),
        pct_gdp=float(latest["pct_gdp"]),
        change_pts=change,
        low=float(low["pct_gdp"]),
        low_year=int(low["year"]),
        high=float(high["pct_gdp"]),
        high_year=int(high["year"]),
        median=float(shown["pct_gdp"].median()),
        years=len(shown),
    )


def other_series(figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Published figures of one indicator, each source (and vintage) a series of its own."""
    rows = figures[figures["indicator"] == indicator]
    return rows.assign(series=rows["publisher"]).sort_values(["year", "figure_id"], ignore_index=True)


def latest_share_from_russia(figures: pd.DataFrame) -> pd.Series | None:
    """The most recent published share of remittances that came from Russia."""
    shares = figures[figures["indicator"] == "share_from_russia_pct"].sort_values(["year", "figure_id"])
    return shares.iloc[-1] if len(shares) else None


def figure_basis(row: pd.Series) -> Basis:
    """How a published remittance figure stands: its publisher's, of its source, for its year."""
    return Basis(str(row["publisher"]), str(row["source_id"]), int(row["year"]))


def from_russia(share: Figure, whole: Figure) -> Comparison:
    """The part of a whole that came from Russia: share % × whole, where `basis.compare(PART, ...)`
    allows it (the share and the whole the same reporter's, edition's and year's). A published share
    of one source's remittances applied to the World Bank's total of another year is no figure:
    the reason says why, and the page shows the two side by side."""
    return compare(PART, share, whole)


@dataclass(frozen=True)
class ShockResult:
    """First-order effect of a shock to remittances from Russia, all in US$ million."""

    base_usd_m: float
    from_russia_usd_m: float
    from_elsewhere_usd_m: float
    new_from_russia_usd_m: float
    new_total_usd_m: float
    change_usd_m: float
    base_pct_gdp: float
    new_pct_gdp: float
    gdp_effect_usd_m: float
    gdp_effect_pct: float


# the shock chart's bars and legend, in this order (charts.remittances.shock_chart sorts and colours by them)
CASES = (N_("Before"), N_("After the shock"))
PARTS = (N_("From Russia"), N_("From elsewhere"))


def shock_parts(shock: ShockResult, lang: Language) -> pd.DataFrame:
    """Remittances before and after the shock, split into what comes from Russia and from
    elsewhere: the bars the Remittances page draws (elsewhere is the same in both)."""
    before, after = (lang.gettext(case) for case in CASES)
    return pd.DataFrame(
        {
            "case": [before, before, after, after],
            "part": [lang.gettext(part) for part in PARTS] * 2,
            "value": [
                shock.from_russia_usd_m,
                shock.from_elsewhere_usd_m,
                shock.new_from_russia_usd_m,
                shock.from_elsewhere_usd_m,
            ],
        }
    )


def remittance_shock(
    base_usd_m: float,
    gdp_usd_m: float,
    russia_share_pct: float,
    russia_change_pct: float,
    ruble_change_pct: float,
    pass_through_pct: float,
    multiplier: float,
) -> ShockResult:
    """Remittances after a shock to the part that comes from Russia.

    from Russia     = base × share
    new from Russia = from Russia × (1 + change) × (1 + pass-through × ruble change)
    new total       = base − from Russia + new from Russia
    GDP effect      = multiplier × (new total − base), GDP held at its base value

    The ruble term is the share of Russian-earned remittances whose dollar value moves with the
    ruble (a wage paid in rubles buys fewer dollars after a devaluation).
    """
    from_russia = base_usd_m * russia_share_pct / 100
    new_from_russia = (
        from_russia * (1 + russia_change_pct / 100) * (1 + pass_through_pct / 100 * ruble_change_pct / 100)
    )
    new_from_russia = max(new_from_russia, 0.0)
    new_total = base_usd_m - from_russia + new_from_russia
    change = new_total - base_usd_m
    gdp_effect = multiplier * change
    return ShockResult(
        base_usd_m=base_usd_m,
        from_russia_usd_m=from_russia,
        from_elsewhere_usd_m=base_usd_m - from_russia,
        new_from_russia_usd_m=new_from_russia,
        new_total_usd_m=new_total,
        change_usd_m=change,
        base_pct_gdp=base_usd_m / gdp_usd_m * 100,
        new_pct_gdp=new_total / gdp_usd_m * 100,
        gdp_effect_usd_m=gdp_effect,
        gdp_effect_pct=gdp_effect / gdp_usd_m * 100,
    )


@dataclass(frozen=True)
class Preset:
    """A historical shock's published size, ready for the scenario controls."""

    preset_id: str
    label: str
    russia_change_pct: float
    russia_share_pct: float
    share_note: str  # what the share figure is (e.g. an upper bound), or how it was set
    basis: str
    source_ids: tuple[str, ...]
    # the project's words in other languages, from the file's `label_ru`, `basis_ru` columns
    translations: tuple[tuple[str, str], ...] = ()

    def word(self, name: str, lang: Language) -> str:
        """`label`, `basis` or `share_note` in the viewer's language: the project's words, not a source's."""
        return dict(self.translations).get(f"{name}_{lang.code}") or str(getattr(self, name))


# the share note of a preset whose change covers every origin (translated where it is shown)
ALL_ORIGINS = N_("set to 100%: the change covers remittances from all origins")


def shock_presets(presets: pd.DataFrame, figures: pd.DataFrame) -> list[Preset]:
    """Each preset's sizes, computed from the figures it names (a change, or two levels).

    A change that covers all origins is applied to all remittances: Russia's share is set to 100%
    so that the total falls by exactly the published change.
    """
    by_id = figures.set_index("figure_id")
    translated = [column for column in presets.columns if re.fullmatch(r"(label|basis)_[a-z]{2}", column)]
    out = []
    for row in presets.itertuples():
        change = by_id.loc[row.change_figure_id]
        cited = [change["source_id"]]
        if isinstance(row.base_figure_id, str) and row.base_figure_id:
            base = by_id.loc[row.base_figure_id]
            change_pct = (change["value"] / base["value"] - 1) * 100
            cited.append(base["source_id"])
        else:
            change_pct = float(change["value"])
        notes: tuple[tuple[str, str], ...] = ()
        if row.applies_to == "all":
            share, share_note = 100.0, ALL_ORIGINS
        else:
            figure = by_id.loc[row.share_figure_id]
            share, share_note = float(figure["value"]), str(figure["note"])
            cited.append(figure["source_id"])
            notes = tuple(  # the figure's note in other languages (remittances.csv's `note_ru`)
                (f"share_note_{column.removeprefix('note_')}", figure[column])
                for column in figure.index
                if re.fullmatch(r"note_[a-z]{2}", column) and isinstance(figure[column], str)
            )
        words = notes + tuple(
            (column, getattr(row, column)) for column in translated if isinstance(getattr(row, column), str)
        )
        out.append(
            Preset(
                row.preset_id, row.label, round(float(change_pct), 1), share, share_note, row.basis, tuple(cited), words
            )
        )
    return out


@dataclass(frozen=True)
class ClaimCheck:
    """A claim that remittances fell over a period, against the World Bank series."""

    years: pd.DataFrame  # year, remittances_usd_m, change_pct (on the year before)
    first_year: int
    last_year: int
    overall_pct: float | None  # last year against the year before the window (None: not comparable)
    holds: bool  # every year fell


def claim_check(backbone: pd.DataFrame, claim_year: int, span: int = 2) -> ClaimCheck | None:
    """Did remittances fall over the `span` years before the claim? Year by year and overall."""
    window = backbone[backbone["year"].between(claim_year - span - 1, claim_year - 1)].sort_values("year")
    if len(window) != span + 1 or (window["year"].diff().dropna() != 1).any():
        return None  # a missing year: no change can be computed across it
    figures = window.assign(value=window["remittances_usd_m"], reporter=WORLD_BANK, edition=window["source_id"])
    now, then = figures.iloc[1:].reset_index(drop=True), figures.iloc[:-1].reset_index(drop=True)
    change = pd.concat(
        [pd.Series([float("nan")]), compare_frames(CHANGE, now, then, percent=True)["value"]], ignore_index=True
    ).set_axis(window.index)
    years = window.assign(change_pct=change)[["year", "remittances_usd_m", "change_pct", "source_id"]].iloc[1:]
    first, last = window.iloc[0], window.iloc[-1]
    return ClaimCheck(
        years=years.reset_index(drop=True),
        first_year=int(years["year"].iloc[0]),
        last_year=int(last["year"]),
        overall_pct=change_between(last, first, "remittances_usd_m", backbone_basis, percent=True).value,
        holds=bool((years["change_pct"] < 0).all()),
    )


def claim_verdict(check: ClaimCheck, lang: Language) -> str:
    """'The claim holds', 'holds for 2020 only' or 'does not hold', as the yearly changes decide."""
    _ = lang.gettext
    fell = check.years[check.years["change_pct"] < 0]["year"].astype(int).tolist()
    rose = check.years[check.years["change_pct"] >= 0]["year"].astype(int).tolist()
    since = check.first_year - 1
    overall = (
        _("{change} in {year} against {since}").format(
            change=localized.percent(check.overall_pct, lang),
            year=check.last_year,
            since=since,
        )
        if check.overall_pct is not None
        else _("{year} not set against {since}: two editions").format(year=check.last_year, since=since)
    )
    if not rose:
        return _("The claim holds: remittances fell in every one of those years ({overall}).").format(overall=overall)
    if not fell:
        return _("The claim does not hold: remittances did not fall in any of those years ({overall}).").format(
            overall=overall
        )
    return _("The claim holds only in part: remittances fell in {fell} but not in {rose} ({overall}).").format(
        fell=_years(fell, lang), rose=_years(rose, lang), overall=overall
    )


def _years(years: list[int], lang: Language) -> str:
    """'2019 and 2020' / '2019 и 2020': the years named one after another."""
    text = str(years[0])
    for year in years[1:]:
        text = lang.gettext("{first} and {second}").format(first=text, second=year)
    return text
