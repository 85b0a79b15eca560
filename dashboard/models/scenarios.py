"""The Scenarios page: the relationships estimated once per data edition, and a scenario applied
to them (cheap arithmetic, run on every slider move).

A scenario's predicted change in remittances is applied through the Remittances page's own shock
function (analytics.remittances.remittance_shock), so the two pages share one definition of what
a change in remittances does to their US$ value and share of GDP.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

from dashboard.analytics import remittances as rem
from dashboard.analytics import scenarios as sc
from dashboard.analytics.basis import REPORTED, SCENARIO, THIS_DASHBOARD, Mismatch, described, worked_out
from dashboard.analytics.citations import edition_words
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.countries import country
from dashboard.formatting.language import Language


@dataclass(frozen=True)
class Base:
    """The latest actual year a scenario starts from: its cells, as WDI stores them."""

    year: int
    remittances_usd_m: float
    gdp_usd_m: float
    pct_gdp: float


@dataclass(frozen=True)
class Economy:
    iso3: str
    name: str
    frame: pd.DataFrame  # the years the estimate rests on: remittance growth and both drivers
    fit: sc.Fit
    backtest: pd.DataFrame
    base: Base
    second: dict[str, sc.Fit]  # demand share (imports, consumption) -> its fit on remittances' change


@dataclass(frozen=True)
class ScenariosModel:
    sources: pd.DataFrame
    source_id: str
    economies: dict[str, Economy]
    presets: dict[int, tuple[float, float]]  # year -> (Russia's growth, ruble's change), from WDI
    coefficients: pd.DataFrame  # every economy's estimate, one row per term
    points: pd.DataFrame  # every year the estimates rest on, for the scatter
    lines: dict[tuple[str, str], pd.DataFrame]  # (iso3, driver on the x axis) -> the fitted line's ends
    backtests: pd.DataFrame
    backtest_frames: dict[str, pd.DataFrame]  # iso3 -> the track-record chart's rows (backtest_frame)
    points_by_economy: dict[str, pd.DataFrame]  # iso3 -> its scatter's rows
    broke_2022: pd.DataFrame  # what the sources said of 2022: date, words, source_id
    share_from_russia: pd.Series | None  # the latest published share of Tajikistan's remittances from Russia


@dataclass(frozen=True)
class Drivers:
    """A scenario: the drivers' yearly changes, held in each year from the latest actual one to
    `years_ahead` years after it (1: the next year)."""

    russia_growth: float
    ruble_change: float
    migrants: float = 0.0
    years_ahead: int = 1


def latest_base(macro: pd.DataFrame, iso3: str) -> Base:
    """The last year with remittances and GDP both in US$ (the share of GDP is computed from them,
    as the shock does, and WDI's stored share is checked against it in tests/data)."""
    usd = sc.series(macro, sc.REMITTANCES_USD, iso3)
    gdp = sc.series(macro, sc.GDP_USD, iso3)
    year = int(max(set(usd.index) & set(gdp.index)))
    return Base(year, usd[year] / 1e6, gdp[year] / 1e6, usd[year] / gdp[year] * 100)


def build_economy(macro: pd.DataFrame, iso3: str) -> Economy:
    """One economy's estimates; a record too short to estimate from is a data problem (Mismatch) naming it."""
    try:
        return _build_economy(macro, iso3)
    except Mismatch as problem:
        raise Mismatch(f"{sc.ECONOMIES[iso3]}: {problem}") from None


def _build_economy(macro: pd.DataFrame, iso3: str) -> Economy:
    frame = sc.estimation_frame(macro, iso3)
    second = {
        indicator: sc.fit_second_round(sc.second_round_frame(macro, iso3, indicator)) for indicator in sc.SECOND_ROUND
    }
    return Economy(
        iso3=iso3,
        name=sc.ECONOMIES[iso3],
        frame=frame,
        fit=sc.fit_transmission(frame),
        backtest=sc.backtest(frame),
        base=latest_base(macro, iso3),
        second=second,
    )


TERM_LABELS = {
    "const": N_("Constant (Russia 0%, ruble flat)"),
    "russia_growth": N_("Russia's real GDP growth, per point"),
    "ruble_change": N_("Ruble against the US$, per %"),
}


def coefficients_table(economies: dict[str, Economy], source_id: str) -> pd.DataFrame:
    """One row per economy and term: the estimate, its HAC error and interval, N, years and fit."""
    rows = []
    for economy in economies.values():
        fit = economy.fit
        table = fit.table().assign(
            economy=economy.name,
            term_label=lambda t: t["term"].map(TERM_LABELS),
            n=fit.n,
            years=f"{fit.years[0]}–{fit.years[-1]}",
            r2=fit.r2,
            hac_lags=fit.maxlags,
            source_id=source_id,
        )
        rows.append(table)
    return pd.concat(rows, ignore_index=True)


def scatter_points(economies: dict[str, Economy], source_id: str) -> pd.DataFrame:
    """Each year behind each estimate: remittance growth and the drivers, with their WDI cells."""
    frames = [
        economy.frame.reset_index().assign(economy=economy.name, iso3=economy.iso3) for economy in economies.values()
    ]
    points = pd.concat(frames, ignore_index=True)
    points["episode"] = points["year"].isin(sc.EPISODES)
    points["year_label"] = points["year"].astype(str)
    points["source_id"] = source_id
    return points


def fitted_line(points: pd.DataFrame, params: tuple[float, float, float], axis: str) -> pd.DataFrame:
    """The fitted relationship along one driver, the other held at its average over the years
    fitted: two end points spanning the record's range of that driver."""
    other = "russia_growth" if axis == "ruble_change" else "ruble_change"
    held = float(points[other].mean())
    const, b_growth, b_ruble = params
    ends = [float(points[axis].min()), float(points[axis].max())]
    growth, ruble = (ends, [held] * 2) if axis == "russia_growth" else ([held] * 2, ends)
    fitted = [const + b_growth * g + b_ruble * r for g, r in zip(growth, ruble, strict=True)]
    return pd.DataFrame({"russia_growth": growth, "ruble_change": ruble, "remittance_growth": fitted})


# What the shipped files quote of 2022, the year the estimate misses: events.csv ids and
# remittances.csv figure ids, shown in their sources' words (a missing id is simply not shown).
BROKE_2022_EVENTS = (
    "rem-2022-05-world-bank-brief-warns-r",
    "rem-2022-06-22-ruble-strengthens-to-52",
    "rem-2022-2022-surge-remittances-j",
    "rem-2022-09-29-adb-warns-russia-s-parti",
)
BROKE_2022_FIGURES = ("OTH-032", "REM-018", "OTH-083")


def broke_2022(events: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The sources' own words on 2022: the events' titles (with the project's Russian of each,
    `words_ru`, as events.csv gives it) and the figures' notes (with their `note_ru`)."""
    said = events[events["event_id"].isin(BROKE_2022_EVENTS)]
    noted = figures[figures["figure_id"].isin(BROKE_2022_FIGURES)]
    return pd.concat(
        [
            pd.DataFrame(
                {
                    "when": said["date"].astype(str),
                    "words": said["title"],
                    "words_ru": said["title_ru"],
                    "source_id": said["source_id"],
                }
            ),
            pd.DataFrame(
                {
                    "when": noted["year"].astype(str),
                    "words": noted["note"],
                    "words_ru": noted["note_ru"] if "note_ru" in noted else noted["note"],
                    "source_id": noted["source_id"],
                }
            ),
        ],
        ignore_index=True,
    ).sort_values("when", kind="stable", ignore_index=True)


def build_scenarios_model(
    macro: pd.DataFrame, events: pd.DataFrame, figures: pd.DataFrame, sources: pd.DataFrame
) -> ScenariosModel:
    economies = {iso3: build_economy(macro, iso3) for iso3 in sc.ECONOMIES}
    presets = {year: found for year in sc.EPISODES if (found := sc.preset(macro, year)) is not None}
    backtests = pd.concat(
        [economy.backtest.assign(economy=economy.name) for economy in economies.values()], ignore_index=True
    ).assign(source_id=str(macro["source_id"].iloc[0]))
    points = for_csv(scatter_points(economies, str(macro["source_id"].iloc[0])), sources, "record")
    lines = {
        (iso3, axis): fitted_line(economy.frame, tuple(economy.fit.params), axis)
        for iso3, economy in economies.items()
        for axis in sc.DRIVERS
    }
    named = figures.merge(sources[["source_id", "publisher"]], on="source_id", how="left")
    return ScenariosModel(
        sources=sources,
        source_id=str(macro["source_id"].iloc[0]),
        economies=economies,
        presets=presets,
        coefficients=coefficients_table(economies, str(macro["source_id"].iloc[0])),
        points=points,
        lines=lines,
        backtests=backtests,
        backtest_frames={
            iso3: for_csv(backtest_frame(economy.backtest.assign(economy=economy.name)), sources, "track_record")
            for iso3, economy in economies.items()
        },
        points_by_economy={iso3: points[points["iso3"] == iso3] for iso3 in economies},
        broke_2022=broke_2022(events, figures),
        share_from_russia=rem.latest_share_from_russia(named),
    )


def horizon_label(model: ScenariosModel, years_ahead: int, lang: Language) -> str:
    """The chosen year as the control names it: '2026' when every economy's latest actual year is
    the same, else '2 years ahead' (in the viewer's language)."""
    latest = {economy.base.year for economy in model.economies.values()}
    if len(latest) == 1:
        return str(latest.pop() + years_ahead)
    if years_ahead == 1:
        return lang.gettext("the next year")
    return lang.ngettext("{count} years ahead", "{count} years ahead", years_ahead).format(count=years_ahead)


def economy_in(name: str, lang: Language) -> str:
    """One of the page's economies in the viewer's language: the name the page has always shown
    in English, CLDR's in any other ('Tajikistan' -> 'Таджикистан')."""
    codes = {english: iso3 for iso3, english in sc.ECONOMIES.items()}
    return name if lang.is_source or name not in codes else country(codes[name], lang, name)


def rows_in(frame: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """A chart's rows and a CSV's with the words the code wrote into them in the viewer's language:
    the economies, what each row is ('Latest actual', 'Scenario') and the label built from them,
    the second round's measure, an estimate's term and the scenario the drivers set now (a saved
    scenario keeps the name its viewer gave it). Worked out after `for_csv`, which reads the
    English `what`."""
    if lang.is_source:
        return frame
    _ = lang.gettext
    words: dict[str, Callable[[str], str]] = {
        "economy": lambda name: economy_in(name, lang),
        "what": _,
        "measure": _,
        "term_label": _,
        "scenario": lambda name: _(name) if name == CURRENT else name,
    }
    out = frame.assign(**{column: frame[column].map(word) for column, word in words.items() if column in frame})
    if "label" in out.columns and "when" in out.columns:
        labels = [f"{economy}, {when}" for economy, when in zip(out["economy"], out["when"], strict=True)]
        out = out.assign(label=labels)
    return out


def shocked(base: Base, change_pct: float) -> rem.ShockResult:
    """The base year after a change in all remittances: the Remittances page's shock with the
    whole inflow exposed (share 100%), the change given directly (no separate ruble term: the
    estimate already carries it) and GDP held at its base, as that page does."""
    return rem.remittance_shock(base.remittances_usd_m, base.gdp_usd_m, 100.0, change_pct, 0.0, 0.0, 1.0)


class Outcome(NamedTuple):
    """One economy under one scenario: its latest actual year, the chosen year ahead, and the LEVEL
    interval, in US$ m and % of GDP (GDP held at the latest year)."""

    scenario: str
    economy: str
    iso3: str
    base_year: int
    year: int
    russia_growth: float
    ruble_change: float
    migrants: float
    base_usd_m: float
    base_pct_gdp: float
    growth_pct: float
    growth_low: float
    growth_high: float
    usd_m: float
    usd_low: float
    usd_high: float
    pct_gdp: float
    pct_low: float
    pct_high: float
    floored: bool
    source_id: str
    years_ahead: int = 1  # `year` is this many years after `base_year`


RESULT_COLUMNS = list(Outcome._fields)
CURRENT = N_("Current")  # the scenario the drivers set now, beside the ones a viewer names and saves


def apply_scenario(model: ScenariosModel, drivers: Drivers, name: str = CURRENT) -> list[Outcome]:
    """Every economy's remittances the chosen number of years after its latest actual year, the
    drivers held in each of those years and the growth compounding (analytics.scenarios.compound),
    with the LEVEL prediction interval. A level cannot fall below zero: an interval reaching
    further is cut at zero and marked `floored`. Plain records, not a frame: this runs on every
    slider move (outcomes_frame makes the CSV's table)."""
    outcomes = []
    ahead = drivers.years_ahead
    for economy in model.economies.values():
        growth = sc.with_migrants(
            sc.compound(economy.fit, (drivers.russia_growth, drivers.ruble_change), ahead), drivers.migrants, ahead
        )
        mean, low, high = (shocked(economy.base, value) for value in (growth.mean, growth.low, growth.high))
        outcomes.append(
            Outcome(
                scenario=name,
                economy=economy.name,
                iso3=economy.iso3,
                base_year=economy.base.year,
                year=economy.base.year + ahead,
                years_ahead=ahead,
                russia_growth=drivers.russia_growth,
                ruble_change=drivers.ruble_change,
                migrants=drivers.migrants,
                base_usd_m=economy.base.remittances_usd_m,
                base_pct_gdp=mean.base_pct_gdp,
                growth_pct=growth.mean,
                growth_low=growth.low,
                growth_high=growth.high,
                usd_m=mean.new_total_usd_m,
                usd_low=low.new_total_usd_m,
                usd_high=high.new_total_usd_m,
                pct_gdp=mean.new_pct_gdp,
                pct_low=low.new_pct_gdp,
                pct_high=high.new_pct_gdp,
                floored=growth.low <= -100,
                source_id=model.source_id,
            )
        )
    return outcomes


def outcomes_frame(outcomes: list[Outcome]) -> pd.DataFrame:
    """Outcomes as a table (a CSV's rows)."""
    return pd.DataFrame(outcomes, columns=RESULT_COLUMNS)


def second_round(model: ScenariosModel, result: list[Outcome]) -> pd.DataFrame:
    """The change in imports and household consumption (points of GDP) that the record links to
    the scenario's change in remittances' share of GDP, only where the record shows a link
    (the slope's interval leaves out zero); the interval is the second fit's alone, taken at the
    first stage's central value. Over several years ahead, the sum of the yearly changes (the
    fit's constant once a year, its slope on the whole change in remittances' share)."""
    rows = []
    for row in result:
        economy = model.economies[row.iso3]
        for indicator, label in sc.SECOND_ROUND.items():
            fit = economy.second[indicator]
            slope, slope_low, slope_high = fit.interval(len(fit.terms) - 1)
            shown = sc.supported(fit)
            change = row.pct_gdp - row.base_pct_gdp
            guess = sc.predict(fit, (change,), row.years_ahead)
            rows.append(
                {
                    "scenario": row.scenario,
                    "economy": row.economy,
                    "measure": label,
                    "indicator": indicator,
                    "remittances_pts": change,
                    "slope": slope,
                    "slope_low": slope_low,
                    "slope_high": slope_high,
                    "n": fit.n,
                    "supported": shown,
                    "change_pts": guess.mean if shown else None,
                    "low_pts": guess.low if shown else None,
                    "high_pts": guess.high if shown else None,
                    "source_id": model.source_id,
                }
            )
    return pd.DataFrame(rows)


def backtest_frame(backtest: pd.DataFrame) -> pd.DataFrame:
    """Long form: per left-out year, what happened and what the model fitted without it predicted."""
    happened = backtest.assign(
        what="What happened", value=backtest["actual"], low=backtest["actual"], high=backtest["actual"]
    )
    predicted = backtest.assign(what="Predicted without that year", value=backtest["predicted"])
    frame = pd.concat([happened, predicted], ignore_index=True)
    frame["year_label"] = frame["year"].astype(str)
    shown = ["economy", "year", "year_label", "what", "value", "low", "high", "inside"]
    return frame[shown + [c for c in ("source_id",) if c in frame.columns]]


COEFFICIENT_COLUMNS = {
    "economy": N_("economy"),
    "term": N_("term"),
    "estimate": N_("estimate"),
    "interval": N_("{level} interval"),
    "n": N_("N"),
    "years": N_("years (change on year before)"),
    "fit": N_("fit"),
}


def coefficients_shown(coefficients: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The estimates as the page's table shows them: signed, with their interval, N, years and fit,
    in the viewer's language (English: the columns' names as the page has always shown them)."""
    _ = lang.gettext
    signed = (lambda v: f"{v:+.2f}") if lang.is_source else (lambda v: localized.signed(v, lang, digits=2))
    between = _("{low} to {high}")
    shown = coefficients.assign(
        economy=coefficients["economy"].map(lambda name: economy_in(name, lang)),
        term_label=coefficients["term_label"].map(_),
        estimate=coefficients["coef"].map(signed),
        interval=[
            between.format(low=signed(low), high=signed(high))
            for low, high in zip(coefficients["low"], coefficients["high"], strict=True)
        ],
        fit=coefficients["r2"].map(lambda v: f"R² {v:.2f}" if lang.is_source else f"R² {localized.number(v, lang, 2)}"),
    )[["economy", "term_label", "estimate", "interval", "n", "years", "fit"]]
    level = localized.share(sc.LEVEL, lang)
    shown = shown.rename(columns={"term_label": "term"})
    return shown.rename(columns={key: _(name).format(level=level) for key, name in COEFFICIENT_COLUMNS.items()})


# What each of the page's CSVs is, in the words every CSV's four columns use (analytics.basis):
# the World Bank's own figures as published, or this dashboard's estimate and scenarios built on them.
WDI_REPORTER = "World Bank (WDI)"
ESTIMATED = worked_out(N_("estimated from the record"))
CSV_STANDING = {  # kind -> (reported by, basis, year column or None for figures of no one year)
    "record": (WDI_REPORTER, REPORTED, "year"),
    "coefficients": (THIS_DASHBOARD, ESTIMATED, None),
    "scenario": (THIS_DASHBOARD, SCENARIO, "year"),
    "second_round": (THIS_DASHBOARD, SCENARIO, None),
    "track_record": (
        THIS_DASHBOARD,
        worked_out(N_("prediction without that year, beside the World Bank's actual")),
        "year",
    ),
}


def for_csv(frame: pd.DataFrame, sources: pd.DataFrame, kind: str) -> pd.DataFrame:
    """A page frame with the four columns every CSV carries; the result chart's rows say which are
    the World Bank's latest actual year and which the scenario's (its `what`)."""
    reported_by, basis, year = CSV_STANDING[kind]
    if kind in ("scenario", "track_record") and "what" in frame.columns:  # a chart's rows: actual beside ours
        actual = frame["what"].isin(("Latest actual", "What happened"))
        reported_by = actual.map({True: WDI_REPORTER, False: THIS_DASHBOARD})
        basis = actual.map({True: REPORTED, False: SCENARIO})
        year = "when" if kind == "scenario" else "year"
    editions = edition_words(frame["source_id"], sources) if "source_id" in frame.columns else ""
    return described(frame, reported_by, basis, editions, year)
