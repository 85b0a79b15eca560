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
