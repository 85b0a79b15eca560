"""The Scenarios page's estimation: against a small dataset worked by hand, against statsmodels'
own output on the shipped data, and the leave-one-out backtest on a series whose answer is known."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from dashboard import datasets
from dashboard.analytics import scenarios as sc
from dashboard.models.scenarios import Base, shocked


def test_ols_with_newey_west_errors_on_a_four_point_series_worked_by_hand():
    # x = 0, 1, 2, 3 and y = 1, 3, 2, 5: x̄ = 1.5, ȳ = 2.75, Sxy = 5.5, Sxx = 5, so slope = 1.1 and
    # intercept = 2.75 − 1.1 × 1.5 = 1.1. Residuals −0.1, 0.8, −1.3, 0.6: SSR = 2.7, SST = 8.75,
    # R² = 1 − 2.7 / 8.75 = 0.691429, s² = 2.7 / (4 − 2) = 1.35.
    # HAC slope variance: u = (x − x̄) e = 0.15, −0.4, −0.65, 0.9; Σu² = 1.415; lag-1 products sum to
    # −0.385 with Bartlett weight 1 − 1/2 = 0.5, so S = 1.415 + 2 × 0.5 × (−0.385) = 1.03;
    # var = S / Sxx² = 0.0412, times the small-sample factor n / (n − k) = 2: 0.0824, se = 0.287054.
    x = np.column_stack([np.ones(4), [0.0, 1.0, 2.0, 3.0]])
    fit = sc.fit_ols_hac(np.array([1.0, 3.0, 2.0, 5.0]), x, ("const", "x"), (1, 2, 3, 4), maxlags=1)
    assert fit.params == pytest.approx([1.1, 1.1])
    assert fit.r2 == pytest.approx(0.691429, abs=1e-6)
    assert fit.scale == pytest.approx(1.35)
    assert fit.cov[1, 1] == pytest.approx(0.0824)
    assert (fit.n, fit.df_resid) == (4, 2)
    assert fit.t_crit == pytest.approx(2.919986, abs=1e-6)  # Student's t, 2 df, 95th percentile (tables: 2.920)
    slope = fit.table().iloc[1]
    assert slope["se"] == pytest.approx(0.287054, abs=1e-6)
    assert (slope["low"], slope["high"]) == pytest.approx(
        (1.1 - 2.919986 * 0.287054, 1.1 + 2.919986 * 0.287054), abs=1e-5
    )


def hand_fit() -> sc.Fit:
    """b = (1, 2, 3), V = diag(0.01, 0.04, 0.09), s² = 0.86 and t = 2: numbers easy to carry by hand."""
    return sc.Fit(
        terms=sc.TERMS,
        params=np.array([1.0, 2.0, 3.0]),
        cov=np.diag([0.01, 0.04, 0.09]),
        scale=0.86,
        n=10,
        df_resid=7,
        r2=0.5,
        maxlags=1,
        t_crit=2.0,
        years=(),
    )


def test_a_prediction_adds_the_fits_uncertainty_and_the_years_own():
    # x = (1, 1, 1): mean 1 + 2 + 3 = 6; x V xᵀ = 0.01 + 0.04 + 0.09 = 0.14; + s² 0.86 = 1; ± 2 × 1
    assert sc.predict(hand_fit(), (1.0, 1.0)) == sc.Prediction(6.0, 4.0, 8.0)


def test_migrant_workers_scale_the_predicted_growth():
    # −10% per worker's remittances and −10% workers: 0.9 × 0.9 − 1 = −19%
    scaled = sc.with_migrants(sc.Prediction(-10.0, -20.0, 0.0), -10.0)
    assert (scaled.mean, scaled.low, scaled.high) == pytest.approx((-19.0, -28.0, -10.0))


def constant_fit(mean: float, spread: float, scale: float) -> sc.Fit:
    """A fit whose prediction is `mean` ± an estimate error of variance `spread` and a yearly
    surprise of variance `scale` (constant term only), t = 2."""
    return sc.Fit(
        terms=("const",),
        params=np.array([mean]),
        cov=np.array([[spread]]),
        scale=scale,
        n=10,
        df_resid=9,
        r2=0.0,
        maxlags=0,
        t_crit=2.0,
        years=(),
    )


def test_one_year_ahead_compounds_nothing_and_is_the_usual_prediction():
    assert sc.compound(hand_fit(), (1.0, 1.0), 1) == sc.predict(hand_fit(), (1.0, 1.0)) == sc.Prediction(6, 4, 8)


def test_two_years_ahead_worked_by_hand():
    # Each year's growth g = 10% + d + e, d ~ N(0, 10²) the estimate's error (the same both years), e ~ N(0, 20²)
    # each year's own. In fractions: a = 1.1, v = 0.01, σ² = 0.04; P = (a + d + e₁)(a + d + e₂).
    # Mean: E[(a + d)²] = a² + v = 1.21 + 0.01 = 1.22, so +22%.
    # Var: E[Var(P | d)] = E[((a + d)² + σ²)² − (a + d)⁴] = 2σ²(a² + v) + σ⁴ = 0.0976 + 0.0016 = 0.0992;
    #      Var(E[P | d]) = Var((a + d)²) = 4a²v + 2v² = 0.0484 + 0.0002 = 0.0486; total 0.1478.
    # In percent: sd = 100 √0.1478 = 38.4448, and ± 2 sd: 22 − 76.8895 = −54.8895 to 98.8895.
    guess = sc.compound(constant_fit(10.0, 100.0, 400.0), (), 2)
    assert guess.mean == pytest.approx(22.0)
    assert (guess.low, guess.high) == pytest.approx((22 - 2 * 38.444766, 22 + 2 * 38.444766), abs=1e-5)


def test_with_no_uncertainty_the_years_simply_compound():
    # 10% a year for three years is 1.1³ − 1 = 33.1%, and nothing to widen the interval
    assert sc.compound(constant_fit(10.0, 0.0, 0.0), (), 3) == pytest.approx(sc.Prediction(33.1, 33.1, 33.1))


def test_the_compounded_mean_and_spread_are_those_of_many_simulated_years():
    # The same model drawn a million times: the estimate's error once per path, a surprise every year
    rng = np.random.default_rng(29)
    mean, spread, scale, years = -8.0, 36.0, 300.0, 3
    d = rng.normal(0.0, math.sqrt(spread), size=(1_000_000, 1))
    e = rng.normal(0.0, math.sqrt(scale), size=(1_000_000, years))
    paths = (np.prod(1 + (mean + d + e) / 100, axis=1) - 1) * 100
    guess = sc.compound(constant_fit(mean, spread, scale), (), years)
    assert guess.mean == pytest.approx(paths.mean(), abs=0.1)
    assert (guess.high - guess.mean) / 2 == pytest.approx(paths.std(), rel=0.01)


def test_the_interval_widens_with_each_year_ahead():
    widths = [(guess.high - guess.low) for guess in (sc.compound(hand_fit(), (1.0, 1.0), n) for n in (1, 2, 3))]
    assert widths[0] == 4.0 and widths[0] < widths[1] < widths[2]


def test_a_sum_over_years_counts_the_constant_and_the_surprise_once_a_year():
    # Second round over two years: x = (2, total change 3); mean 2 × 1 + 3 × 2 = 8 (b = (1, 2));
    # x V xᵀ = 4 × 0.01 + 9 × 0.04 = 0.4; two years' surprises 2 × 0.3 = 0.6; ± 2 × √1 = ± 2
    fit = sc.Fit(("const", "x"), np.array([1.0, 2.0]), np.diag([0.01, 0.04]), 0.3, 10, 8, 0.5, 1, 2.0, ())
    assert sc.predict(fit, (3.0,), years=2) == sc.Prediction(8.0, 6.0, 10.0)


def test_migrant_workers_change_in_each_year_ahead():
    # 10% fewer workers in each of two years: 0.9² = 0.81 of what they would send: 1.21 × 0.81 = 0.9801 (−1.99%),
    # 1.10 × 0.81 = 0.891 (−10.9%), 1.32 × 0.81 = 1.0692 (+6.92%)
    scaled = sc.with_migrants(sc.Prediction(21.0, 10.0, 32.0), -10.0, years=2)
    assert (scaled.mean, scaled.low, scaled.high) == pytest.approx((-1.99, -10.9, 6.92))


def test_a_change_is_never_taken_across_a_missing_year():
    values = pd.Series([100.0, 110.0, 121.0], index=[2000, 2001, 2003])
    assert sc.change_pct(values).to_dict() == pytest.approx({2001: 10.0})


def test_the_ruble_change_is_dollars_per_ruble_so_a_devaluation_is_negative():
    # 2009: 24.85288 → 31.74036 rubles per US$: 24.85288 / 31.74036 − 1 = −21.70%
    rates = pd.Series([24.85288, 31.74036], index=[2008, 2009])
    assert sc.ruble_change(rates)[2009] == pytest.approx(-21.6994, abs=1e-4)


def test_the_newey_west_window_follows_the_rule_of_thumb():
    # floor(4 × (21/100)^(2/9)) = floor(4 × 0.7070) = 2; n = 100 gives 4
    assert (sc.newey_west_lags(21), sc.newey_west_lags(100)) == (2, 4)


def known_series(outlier_year: int, jump: float) -> pd.DataFrame:
    """y = 5 + 2 g + 0.5 r exactly, except one year off by `jump`."""
    years = list(range(2001, 2013))
    growth = [4.0, 6.0, 7.0, 7.0, 6.0, 8.0, 8.5, 5.0, -7.8, 4.5, 4.3, 3.7]
    ruble = [-5.0, -3.0, 7.0, 5.0, 2.0, 4.0, 8.0, -15.0, -21.7, 4.0, 3.0, -6.0]
    growth_y = [
        5 + 2 * g + 0.5 * r + (jump if year == outlier_year else 0)
        for year, g, r in zip(years, growth, ruble, strict=True)
    ]
    return pd.DataFrame({"russia_growth": growth, "ruble_change": ruble, "remittance_growth": growth_y}, index=years)


def test_the_backtest_predicts_a_left_out_year_from_the_others_only():
    # Without 2009 the other eleven years fit exactly: 5 + 2 × (−7.8) + 0.5 × (−21.7) = −21.45, with no
    # uncertainty left; 2009 itself was pushed 10 points above, so it is missed by exactly 10.
    result = sc.backtest(known_series(2009, 10.0), years=(2009, 2030)).set_index("year")
    assert list(result.index) == [2009]  # 2030 is not in the record: nothing to compare
    row = result.loc[2009]
    assert row["predicted"] == pytest.approx(-21.45, abs=1e-6)
    assert row["actual"] == pytest.approx(-11.45, abs=1e-6)
    assert row["high"] == pytest.approx(-21.45, abs=1e-6) and not row["inside"]
    assert row["n"] == 11


def test_the_shock_of_the_remittances_page_applies_the_predicted_change():
    # 1,000 m falling 20% is 800 m; against a GDP of 4,000 m: 25% before, 20% after
    result = shocked(Base(2024, 1000.0, 4000.0, 25.0), -20.0)
    assert (result.new_total_usd_m, result.base_pct_gdp, result.new_pct_gdp) == pytest.approx((800.0, 25.0, 20.0))


# --- The shipped data, against statsmodels' own output ---------------------------------------------

MACRO = datasets.load("wdi_macro")


def wdi(indicator: str, iso3: str) -> pd.Series:
    rows = MACRO[(MACRO["indicator"] == indicator) & (MACRO["iso3"] == iso3)]
    return rows.set_index("year")["value"]


def statsmodels_fit(iso3: str):
    """The regression set up independently of the page's code: straight from the WDI cells."""
    rate = wdi("PA.NUS.FCRF", "RUS")
    remit = wdi("BX.TRF.PWKR.CD.DT", iso3)
    previous_remit = remit.reindex([year - 1 for year in remit.index]).to_numpy()
    previous_rate = rate.reindex([year - 1 for year in rate.index]).to_numpy()
    frame = pd.DataFrame({"y": (remit.to_numpy() / previous_remit - 1) * 100}, index=remit.index)
    frame["g"] = wdi("NY.GDP.MKTP.KD.ZG", "RUS")
    frame["r"] = pd.Series((previous_rate / rate.to_numpy() - 1) * 100, index=rate.index)
    frame = frame.dropna()
    frame = frame[frame.index >= 2000]
    lags = math.floor(4 * (len(frame) / 100) ** (2 / 9))
    model = sm.OLS(frame["y"], sm.add_constant(frame[["g", "r"]]))
    return frame, model.fit(cov_type="HAC", cov_kwds={"maxlags": lags, "use_correction": True}, use_t=True)


@pytest.mark.parametrize(
    ("iso3", "years", "n"), [("TJK", (2003, 2023), 21), ("KGZ", (2000, 2023), 24), ("UZB", (2006, 2023), 18)]
)
def test_the_estimate_on_the_shipped_data_is_statsmodels_own(iso3, years, n):
    # TJK's remittances start in 2002, UZB's in 2005; the ruble has no 2024 rate: hence these years
    frame, expected = statsmodels_fit(iso3)
    fit = sc.fit_transmission(sc.estimation_frame(MACRO, iso3))
    assert (fit.n, fit.years[0], fit.years[-1]) == (n, *years)
    assert fit.years == tuple(frame.index)
    assert fit.params == pytest.approx(expected.params.to_numpy(), rel=1e-9)
    assert np.sqrt(np.diag(fit.cov)) == pytest.approx(expected.bse.to_numpy(), rel=1e-9)
    interval = expected.conf_int(alpha=1 - sc.LEVEL).to_numpy()
    table = fit.table()
    assert table["low"].to_numpy() == pytest.approx(interval[:, 0], rel=1e-9)
    assert table["high"].to_numpy() == pytest.approx(interval[:, 1], rel=1e-9)
    assert fit.r2 == pytest.approx(expected.rsquared, rel=1e-12)
    # a new year, Russia −3% and the ruble −25%: statsmodels' observation interval
    own = expected.get_prediction(np.array([[1.0, -3.0, -25.0]])).summary_frame(alpha=1 - sc.LEVEL).iloc[0]
    guess = sc.predict(fit, (-3.0, -25.0))
    assert (guess.mean, guess.low, guess.high) == pytest.approx(
        (own["mean"], own["obs_ci_lower"], own["obs_ci_upper"]), rel=1e-9
    )


def test_2022_is_in_the_record_and_the_backtest_misses_tajikistans_jump():
    # TJK 2022: 2,921,713,106.977 → 5,345,546,873.546 US$ is +83.0% (data pack README), while Russia shrank
    frame = sc.estimation_frame(MACRO, "TJK")
    assert 2022 in frame.index and frame.at[2022, "remittance_growth"] == pytest.approx(82.96, abs=0.01)
    row = sc.backtest(frame).set_index("year").loc[2022]
    assert row["actual"] > row["high"] and not row["inside"] and row["n"] == 20


def test_the_presets_are_the_years_wdi_values():
    # 2015: Russia −1.97272%; the ruble 38.37821 → 60.93765: 38.37821 / 60.93765 − 1 = −37.02%
    growth, ruble = sc.preset(MACRO, 2015)
    assert growth == -1.97272 and ruble == pytest.approx(-37.0205, abs=1e-4)
    assert sc.preset(MACRO, 2024) is None  # no 2024 ruble rate in this edition


@pytest.mark.parametrize("df", [1, 2, 3, 4, 5, 15, 16, 18, 21, 22, 30])
@pytest.mark.parametrize("level", [0.5, 0.9, 0.95])
def test_the_t_quantile_is_scipys(df, level):
    from scipy import stats

    assert sc.t_quantile(level, df) == pytest.approx(stats.t.ppf(0.5 + level / 2, df), rel=1e-9)
