"""What a Russian downturn does to remittances, estimated from the record.

For each receiving economy, a year's growth in remittances received (US$) is regressed on
Russia's real GDP growth and the ruble's change against the US$ in the same year, over the years
both are in the World Bank's record (2000 on: the README of the data pack warns the 1990s
values jump). Ordinary least squares with heteroskedasticity- and autocorrelation-robust
(Newey–West, HAC) errors — statsmodels' estimator, written out in numpy and held to statsmodels'
own output by the tests — and t-based intervals: with about twenty yearly observations the
normal approximation would overstate how sure we are.

The estimate is an association in past data, not a law: 2022 (Russia shrank, the ruble rose,
remittances to Central Asia jumped) sits in the sample, and the leave-one-out backtest shows how
badly a year like it is missed. The server never imports statsmodels or scipy (about 100 MB of
memory per replica); Student's t quantile is computed in closed form.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.analytics.basis import Mismatch
from dashboard.formatting.catalogue import N_

RUSSIA = "RUS"
ECONOMIES = {"TJK": "Tajikistan", "KGZ": "Kyrgyzstan", "UZB": "Uzbekistan"}
GDP_GROWTH = "NY.GDP.MKTP.KD.ZG"
RATE = "PA.NUS.FCRF"
REMITTANCES_USD = "BX.TRF.PWKR.CD.DT"
REMITTANCES_PCT_GDP = "BX.TRF.PWKR.DT.GD.ZS"
GDP_USD = "NY.GDP.MKTP.CD"
IMPORTS = "NE.IMP.GNFS.ZS"
CONSUMPTION = "NE.CON.PRVT.ZS"
SECOND_ROUND = {IMPORTS: N_("Imports of goods and services"), CONSUMPTION: N_("Household consumption")}
SAMPLE_FROM = 2000  # the first year a change may be dated: the 1990s values jump (data pack README)
EPISODES = (2009, 2015, 2020, 2022)
MIN_YEARS = 8  # fewer yearly observations than this leave too few degrees of freedom to say anything
LEVEL = 0.90  # intervals: 90%, the width central banks' fan charts use for their outer band
DRIVERS = ("russia_growth", "ruble_change")
TERMS = ("const", *DRIVERS)


def series(macro: pd.DataFrame, indicator: str, iso3: str) -> pd.Series:
    """One economy's values of one indicator, by year (a missing year is simply absent)."""
    rows = macro[(macro["indicator"] == indicator) & (macro["iso3"] == iso3)]
    return pd.Series(rows["value"].to_numpy(dtype=float), index=rows["year"].astype(int).to_numpy()).sort_index()


def change_pct(values: pd.Series) -> pd.Series:
    """Change on the year before, %: only where that year is in the record (no change across a gap)."""
    previous = values.reindex(values.index - 1).to_numpy()
    return pd.Series((values.to_numpy() / previous - 1) * 100, index=values.index).dropna()


def ruble_change(rub_per_usd: pd.Series) -> pd.Series:
    """The ruble against the US$, %: the change in US$ per ruble, so a weaker ruble is negative
    (24.85 → 31.74 rubles per US$ in 2009 is 24.85 / 31.74 − 1 = −21.7%)."""
    return change_pct(1 / rub_per_usd)


def drivers(macro: pd.DataFrame) -> pd.DataFrame:
    """Russia's real growth and the ruble's change by year, with the cells they come from."""
    rate = series(macro, RATE, RUSSIA)
    frame = pd.DataFrame({"russia_growth": series(macro, GDP_GROWTH, RUSSIA), "ruble_change": ruble_change(rate)})
    frame["rub_per_usd"] = rate
    frame["rub_per_usd_before"] = rate.reindex(frame.index - 1).to_numpy()
    return frame.rename_axis("year")


def estimation_frame(macro: pd.DataFrame, iso3: str) -> pd.DataFrame:
    """The years an economy's remittance growth and both drivers are known, from SAMPLE_FROM on."""
    frame = drivers(macro)
    frame["remittance_growth"] = change_pct(series(macro, REMITTANCES_USD, iso3))
    frame = frame.dropna(subset=["remittance_growth", *DRIVERS])
    return frame[frame.index >= SAMPLE_FROM]


def newey_west_lags(n: int) -> int:
    """Newey and West's (1994) rule of thumb for the HAC window: floor(4 (n/100)^(2/9))."""
    return math.floor(4 * (n / 100) ** (2 / 9))


@dataclass(frozen=True)
class Fit:
    """An estimated relationship, with what a prediction needs so applying it costs no refit."""

    terms: tuple[str, ...]
    params: np.ndarray
    cov: np.ndarray  # HAC covariance of the coefficients
    scale: float  # residual variance, SSR / (n − k): the new year's own noise
    n: int
    df_resid: int
    r2: float
    maxlags: int
    t_crit: float  # two-sided LEVEL quantile of Student's t with df_resid degrees of freedom
    years: tuple[int, ...]

    def interval(self, term: int) -> tuple[float, float, float]:
        """One term's estimate and LEVEL interval: (coefficient, low, high)."""
        half = self.t_crit * math.sqrt(float(self.cov[term, term]))
        coef = float(self.params[term])
        return coef, coef - half, coef + half

    def table(self) -> pd.DataFrame:
        """Coefficient, HAC standard error and LEVEL interval per term."""
        se = np.sqrt(np.diag(self.cov))
        return pd.DataFrame(
            {
                "term": self.terms,
                "coef": self.params,
                "se": se,
                "low": self.params - self.t_crit * se,
                "high": self.params + self.t_crit * se,
            }
        )


def central_t(t: float, df: int) -> float:
    """P(|T| < t) for Student's t with a whole number of degrees of freedom, in closed form
    (Abramowitz & Stegun 26.7.3–4): with θ = arctan(t/√df), a finite series in cos θ."""
    theta = math.atan(t / math.sqrt(df))
    c2, term, total = math.cos(theta) ** 2, 1.0, 1.0
    if df % 2 == 0:
        for j in range(2, df, 2):  # 1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + …
            term *= c2 * (j - 1) / j
            total += term
        return math.sin(theta) * total
    if df == 1:
        return 2 / math.pi * theta
    for j in range(3, df, 2):  # cos θ (1 + (2/3)cos²θ + (2·4)/(3·5)cos⁴θ + …)
        term *= c2 * (j - 1) / j
        total += term
    return 2 / math.pi * (theta + math.sin(theta) * math.cos(theta) * total)


def t_quantile(level: float, df: int) -> float:
    """The t with P(|T| < t) = level: the half-width multiplier of a two-sided interval (bisection
    on central_t, to 1e-12; the tests hold it to scipy's)."""
    low, high = 0.0, 1e3
    while high - low > 1e-12:
        middle = (low + high) / 2
        low, high = (middle, high) if central_t(middle, df) < level else (low, middle)
    return (low + high) / 2


def fit_ols_hac(y: np.ndarray, x: np.ndarray, terms: tuple[str, ...], years: tuple[int, ...], maxlags: int) -> Fit:
    """OLS of y on x (x's first column the constant) with Newey–West errors, small-sample corrected.

    The estimator statsmodels computes as OLS(...).fit(cov_type="HAC", cov_kwds={"maxlags": L,
    "use_correction": True}, use_t=True), written out: b = (X'X)⁻¹X'y; S = Σ uₜ²xₜxₜ' + Σₗ (1 − l/(L+1))
    Σₜ uₜuₜ₋ₗ(xₜxₜ₋ₗ' + xₜ₋ₗxₜ'); V = n/(n−k) (X'X)⁻¹ S (X'X)⁻¹. The tests hold it to statsmodels' own
    output on the shipped data; the server does without statsmodels and scipy (about 100 MB a replica).
    """
    n, k = x.shape
    bread = np.linalg.inv(x.T @ x)
    params = bread @ x.T @ y
    resid = y - x @ params
    scores = x * resid[:, None]
    meat = scores.T @ scores
    for lag in range(1, maxlags + 1):
        weight = 1 - lag / (maxlags + 1)
        cross = scores[lag:].T @ scores[:-lag]
        meat += weight * (cross + cross.T)
    cov = bread @ meat @ bread * n / (n - k)
    ssr = float(resid @ resid)
    centred = y - y.mean()
    return Fit(
        terms=terms,
        params=params,
        cov=cov,
        scale=ssr / (n - k),
        n=n,
        df_resid=n - k,
        r2=1 - ssr / float(centred @ centred),
        maxlags=maxlags,
        t_crit=t_quantile(LEVEL, n - k),
        years=years,
    )


def enough_years(frame: pd.DataFrame) -> None:
    """A ValueError when a record is too short to estimate from (a data file cut short): the page
    then says which file, instead of showing an estimate with no degrees of freedom left."""
    if len(frame) < MIN_YEARS:
        raise Mismatch(f"{len(frame)} years to estimate from; an estimate needs at least {MIN_YEARS}")


def fit_transmission(frame: pd.DataFrame) -> Fit:
    """Remittance growth on Russia's growth and the ruble's change, over the frame's years."""
    enough_years(frame)
    x = np.column_stack([np.ones(len(frame)), frame["russia_growth"], frame["ruble_change"]])
    years = tuple(int(year) for year in frame.index)
    return fit_ols_hac(frame["remittance_growth"].to_numpy(float), x, TERMS, years, newey_west_lags(len(frame)))


@dataclass(frozen=True)
class Prediction:
    """A predicted value with its LEVEL prediction interval (a new year: the fit's and the year's own uncertainty)."""

    mean: float
    low: float
    high: float


def predict(fit: Fit, regressors: tuple[float, ...], years: int = 1) -> Prediction:
    """mean = x·b; interval = mean ± t × √(x V xᵀ + s²), V the HAC covariance, s² the residual variance.

    Over several years, the sum of the yearly values, `regressors` being the sums of the yearly
    regressors: x = (years, Σ regressors), and each year adds its own s² (one error per year,
    independent of the others), while the estimate's error is the same every year:
    √(x V xᵀ + years × s²)."""
    x = np.array([float(years), *regressors])
    mean = float(x @ fit.params)
    half = fit.t_crit * math.sqrt(float(x @ fit.cov @ x) + years * fit.scale)
    return Prediction(mean, mean - half, mean + half)


def _normal_moments(variance: float, count: int) -> list[float]:
    """E[dⁿ] for n = 0..count, d ~ N(0, variance): 0 for odd n, varianceⁿᐟ² (n − 1)!! for even n."""
    moments = [1.0]
    for n in range(1, count + 1):
        moments.append(0.0 if n % 2 else moments[n - 2] * (n - 1) * variance)
    return moments


def compound(fit: Fit, regressors: tuple[float, ...], years: int = 1) -> Prediction:
    """The growth, %, from the latest year to `years` years later, with the drivers held at
    `regressors` in every one of those years and the yearly growths compounding, with its LEVEL
    interval. For one year this is `predict` exactly.

    The model says one year at a time: growth gⱼ = μ + d + eⱼ (%), μ = x·b; d ~ N(0, x V xᵀ) the
    estimate's error, the same in every year (same coefficients, same drivers); eⱼ ~ N(0, s²) each
    year's own surprise, independent from year to year (the residuals' lag-1 correlation is small:
    0.18, 0.15 and −0.28 on the shipped data). The level after h years is P = Πⱼ (1 + gⱼ/100);
    its mean and variance follow exactly from those of a normal variable:
      E[P] = E[(1 + g)ʰ], g = (μ + d)/100 (each eⱼ averages out);
      Var P = Var((1 + g)ʰ) + E[((1 + g)² + σ²)ʰ − (1 + g)²ʰ], σ = s/100,
    the first part the estimate's uncertainty compounding, the second the years' own surprises.
    The interval is E[P] ± t √Var P, as for one year (for one year P is normal and this is the
    usual prediction interval; over more, a product of normal growths is not normal, and the
    interval is the one with its exact mean and spread). Worked in percent so that one year
    repeats `predict`'s arithmetic step for step."""
    x = np.array([1.0, *regressors])
    mu, spread, noise_var = float(x @ fit.params), float(x @ fit.cov @ x), fit.scale
    central = _normal_moments(spread, 2 * years)  # E[dⁿ]
    raw = [sum(math.comb(k, j) * mu ** (k - j) * central[j] for j in range(k + 1)) for k in range(2 * years + 1)]
    # 100 (1 + g)ʰ = Σₖ cₖ (μ + d)ᵏ with cₖ = C(h, k) / 100ᵏ⁻¹; its mean less 100 is the mean growth
    mean = sum(math.comb(years, k) * raw[k] / 100 ** (k - 1) for k in range(1, years + 1))
    # the same sum as a polynomial in d, Σⱼ wⱼ dʲ: its variance is Σᵢⱼ wᵢ wⱼ (E[dⁱ⁺ʲ] − E[dⁱ] E[dʲ])
    weights = [
        sum(math.comb(years, k) / 100 ** (k - 1) * math.comb(k, j) * mu ** (k - j) for k in range(j, years + 1))
        for j in range(years + 1)
    ]
    estimate = sum(
        weights[i] * weights[j] * (central[i + j] - central[i] * central[j])
        for i in range(1, years + 1)
        for j in range(1, years + 1)
    )
    # 100² E[((1 + g)² + σ²)ʰ − (1 + g)²ʰ] = Σᵢ₌₀ʰ⁻¹ C(h, i) s²⁽ʰ⁻ⁱ⁾ / 100²⁽ʰ⁻ⁱ⁻¹⁾ E[(1 + g)²ⁱ]
    surprises = sum(
        math.comb(years, i)
        * noise_var ** (years - i)
        / 100 ** (2 * (years - i - 1))
        * sum(math.comb(2 * i, k) * raw[k] / 100**k for k in range(2 * i + 1))
        for i in range(years)
    )
    half = fit.t_crit * math.sqrt(estimate + surprises)
    return Prediction(mean, mean - half, mean + half)


def with_migrants(growth: Prediction, migrants_pct: float, years: int = 1) -> Prediction:
    """Scale a predicted growth by a change in the number of migrant workers, each sending as much
    as before: (1 + g)(1 + m)ʰ − 1, the change held in each of `years` years like the other
    drivers. An assumption stated on the page, not estimated (WDI has no migrant counts)."""
    factor = (1 + migrants_pct / 100) ** years

    def scaled(value: float) -> float:
        return ((1 + value / 100) * factor - 1) * 100

    return Prediction(scaled(growth.mean), scaled(growth.low), scaled(growth.high))


def backtest(frame: pd.DataFrame, years: tuple[int, ...] = EPISODES) -> pd.DataFrame:
    """For each year, the model fitted without it predicts it: where the record's relationship
    holds and where it breaks. Years not in the frame are left out (nothing to compare)."""
    rows = []
    for year in years:
        if year not in frame.index:
            continue
        fit = fit_transmission(frame.drop(index=year))
        drivers_then = tuple(float(frame.at[year, name]) for name in DRIVERS)
        guess = predict(fit, drivers_then)
        actual = float(frame.at[year, "remittance_growth"])
        rows.append(
            {
                "year": year,
                "russia_growth": drivers_then[0],
                "ruble_change": drivers_then[1],
                "actual": actual,
                "predicted": guess.mean,
                "low": guess.low,
                "high": guess.high,
                "inside": guess.low <= actual <= guess.high,
                "n": fit.n,
            }
        )
    return pd.DataFrame(rows, columns=BACKTEST_COLUMNS)


BACKTEST_COLUMNS = ["year", "russia_growth", "ruble_change", "actual", "predicted", "low", "high", "inside", "n"]


def second_round_frame(macro: pd.DataFrame, iso3: str, indicator: str) -> pd.DataFrame:
    """Yearly changes, in points, of remittances and of a demand share (imports or household
    consumption), both % of GDP, where both years of each change are in the record."""

    def change_pts(values: pd.Series) -> pd.Series:
        return (values - values.reindex(values.index - 1).to_numpy()).dropna()

    frame = pd.DataFrame(
        {
            "remittances_pts": change_pts(series(macro, REMITTANCES_PCT_GDP, iso3)),
            "share_pts": change_pts(series(macro, indicator, iso3)),
        }
    ).dropna()
    return frame[frame.index >= SAMPLE_FROM].rename_axis("year")


def fit_second_round(frame: pd.DataFrame) -> Fit:
    """A demand share's change on remittances' change, both in points of GDP."""
    enough_years(frame)
    x = np.column_stack([np.ones(len(frame)), frame["remittances_pts"]])
    years = tuple(int(year) for year in frame.index)
    terms = ("const", "remittances_pts")
    return fit_ols_hac(frame["share_pts"].to_numpy(float), x, terms, years, newey_west_lags(len(frame)))


def supported(fit: Fit) -> bool:
    """Does the record show the link at all: the slope's LEVEL interval leaves out zero?"""
    _, low, high = fit.interval(len(fit.terms) - 1)
    return low > 0 or high < 0


def preset(macro: pd.DataFrame, year: int) -> tuple[float, float] | None:
    """What happened in a year: Russia's growth and the ruble's change, from the WDI cells."""
    frame = drivers(macro).dropna(subset=list(DRIVERS))
    if year not in frame.index:
        return None
    return float(frame.at[year, "russia_growth"]), float(frame.at[year, "ruble_change"])
