"""The Scenarios page as an analyst uses it: drivers, presets, named scenarios, the link, the CSV and brief."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest

from dashboard.formatting import money
from tests.app.conftest import pdf_text, url
from tests.unit.test_scenarios_analytics import MACRO, statsmodels_fit


def metrics(at) -> dict[str, str]:
    return {metric.label: metric.value for metric in at.metric}


def expected_2025(iso3: str, growth: float, ruble: float) -> pd.Series:
    """statsmodels' own prediction for a new year, applied to the 2024 WDI cell."""
    _, fit = statsmodels_fit(iso3)
    own = fit.get_prediction([[1.0, growth, ruble]]).summary_frame(alpha=0.10).iloc[0]
    cell = MACRO[(MACRO["indicator"] == "BX.TRF.PWKR.CD.DT") & (MACRO["iso3"] == iso3) & (MACRO["year"] == 2024)]
    base = float(cell["value"].iloc[0]) / 1e6
    return base * (1 + own[["mean", "obs_ci_lower", "obs_ci_upper"]] / 100)


def expected_2026(iso3: str, growth: float, ruble: float) -> tuple[float, float, float]:
    """Two years ahead, worked from statsmodels' own fit: the same drivers in 2025 and 2026, each
    year's growth 1 + g with g = (μ + d + e)/100, d the estimate's error (variance se_mean², the same
    both years), e each year's own (variance: the residuals' mean square). For P = Π (1 + g):
    E[P] = a² + v and Var P = 4a²v + 2v² + 2σ²(a² + v) + σ⁴ (a = 1 + μ/100, v = se_mean²/100²,
    σ² = mse_resid/100²); the interval is E[P] ± t sd, on the 2024 WDI cell."""
    _, fit = statsmodels_fit(iso3)
    own = fit.get_prediction([[1.0, growth, ruble]]).summary_frame(alpha=0.10).iloc[0]
    a, v, s2 = 1 + own["mean"] / 100, own["mean_se"] ** 2 / 1e4, fit.mse_resid / 1e4
    mean = a**2 + v
    sd = math.sqrt(4 * a**2 * v + 2 * v**2 + 2 * s2 * (a**2 + v) + s2**2)
    t = stats_t(fit.df_resid)
    cell = MACRO[(MACRO["indicator"] == "BX.TRF.PWKR.CD.DT") & (MACRO["iso3"] == iso3) & (MACRO["year"] == 2024)]
    base = float(cell["value"].iloc[0]) / 1e6
    return base * mean, base * (mean - t * sd), base * (mean + t * sd)


def stats_t(df: float) -> float:
    from scipy import stats

    return float(stats.t.ppf(0.95, df))


def test_two_years_ahead_compounds_the_drivers_and_says_so(open_app, downloads):
    at = open_app("scenarios", sc_growth="-3", sc_ruble="-25", sc_ahead="2")
    assert not at.exception and not at.warning
    assert at.segmented_control(key="w_sc_ahead").value == 2
    shown = metrics(at)
    said = " ".join(md.value for md in at.markdown)
    for economy, iso3 in (("Tajikistan", "TJK"), ("Kyrgyzstan", "KGZ"), ("Uzbekistan", "UZB")):
        mean, low, high = expected_2026(iso3, -3.0, -25.0)
        assert shown[f"{economy}, 2026"] == money(mean, "busd")
        interval = f"(90%: {money(max(low, 0.0), 'musd')} to {money(high, 'musd')})"
        assert f"**{economy}**: {money(mean, 'musd')} {interval}" in said
    captions = " ".join(caption.value for caption in at.caption)
    assert "the same change in every year from 2025 to 2026" in captions and "add up year on year" in captions
    assert "Remittances 2 years ahead (2026)" in [header.value for header in at.subheader][1]
    assert url(at) == {"sc_growth": "-3", "sc_ruble": "-25", "sc_ahead": "2"}


def test_the_year_ahead_moves_the_result_and_the_link(open_app):
    at = open_app("scenarios", sc_growth="-3", sc_ruble="-25")
    assert "Tajikistan, 2025" in metrics(at)
    at.segmented_control(key="w_sc_ahead").set_value(3).run()
    assert "Tajikistan, 2027" in metrics(at) and url(at)["sc_ahead"] == "3"
    at.segmented_control(key="w_sc_ahead").set_value(1).run()
    assert "Tajikistan, 2025" in metrics(at) and "sc_ahead" not in url(at)


def test_a_saved_scenario_keeps_its_year_in_the_link_the_csv_and_the_brief(open_app, downloads):
    at = open_app("scenarios", sc_growth="-3", sc_ruble="-25", sc_ahead="2")
    at.text_input(key="sc_name_draft").set_value("Later").run()
    at.button(key="sc_save").click().run()
    assert url(at)["sc_saved"] == "Later:-3,-25,0,2"
    at.segmented_control(key="w_sc_ahead").set_value(1).run()  # the saved one keeps its own year
    compared = pd.read_csv(io.BytesIO(downloads["scenario_compare.csv"]))
    tajik = compared[compared["iso3"] == "TJK"].iloc[0]
    assert (tajik["year"], tajik["years_ahead"], tajik["base_year"]) == (2026, 2, 2024)
    assert tajik["usd_m"] == pytest.approx(expected_2026("TJK", -3.0, -25.0)[0], rel=1e-9)
    said = " ".join(md.value for md in at.markdown)
    assert "**Later**: Russia −3.0%, ruble −25.0%, migrants 0.0%, for 2026" in said
    brief = " ".join(pdf_text(downloads["brief-scenarios.pdf"]).split())
    held = "Scenario Later (Russia −3.0%, ruble −25.0%, migrants 0.0%, each year from 2025 to 2026): Tajikistan 2026"
    assert held in brief


def test_russia_minus_3_and_the_ruble_minus_25_give_each_economys_next_year(open_app):
    at = open_app("scenarios", sc_growth="-3", sc_ruble="-25")
    assert not at.exception and not at.warning
    shown = metrics(at)
    for economy, iso3 in (("Tajikistan", "TJK"), ("Kyrgyzstan", "KGZ"), ("Uzbekistan", "UZB")):
        mean, low, high = expected_2025(iso3, -3.0, -25.0)
        assert shown[f"{economy}, 2025"] == money(mean, "busd")
        said = " ".join(md.value for md in at.markdown)
        assert (
            f"**{economy}**: {money(mean, 'musd')} (90%: {money(max(low, 0.0), 'musd')} to {money(high, 'musd')})"
            in said
        )
    assert url(at) == {"sc_growth": "-3", "sc_ruble": "-25"}


def test_a_preset_loads_the_years_wdi_drivers(open_app):
    at = open_app("scenarios")
    at.button(key="sc_preset_2015").click().run()
    # Russia 2015: −1.97272% → −2.0; ruble 38.37821 → 60.93765 per US$: 38.37821 / 60.93765 − 1 = −37.0%
    assert at.slider(key="w_sc_growth").value == -2.0 and at.slider(key="w_sc_ruble").value == -37.0
    assert url(at) == {"sc_growth": "-2", "sc_ruble": "-37"}
    at.button(key="sc_reset").click().run()
    assert url(at) == {}


def test_moving_a_slider_changes_the_result_and_the_link(open_app):
    at = open_app("scenarios")
    before = metrics(at)["Tajikistan, 2025"]
    at.slider(key="w_sc_ruble").set_value(-30.0).run()
    assert metrics(at)["Tajikistan, 2025"] != before
    assert url(at)["sc_ruble"] == "-30"


def test_migrant_workers_scale_the_result(open_app):
    at = open_app("scenarios", sc_growth="-3", sc_ruble="-25", sc_migrants="-10")
    mean, _, _ = expected_2025("TJK", -3.0, -25.0)
    # each worker sends as much as before: 10% fewer workers send 10% less
    assert metrics(at)["Tajikistan, 2025"] == money(mean * 0.9, "busd")


def test_named_scenarios_are_saved_compared_in_the_csv_and_brief_and_removed(open_app, downloads):
    at = open_app("scenarios", sc_growth="-3", sc_ruble="-25")
    at.text_input(key="sc_name_draft").set_value("Deep cut").run()
    at.button(key="sc_save").click().run()
    at.slider(key="w_sc_growth").set_value(-1.0).run()
    at.slider(key="w_sc_ruble").set_value(-5.0).run()
    at.text_input(key="sc_name_draft").set_value("Mild").run()
    at.button(key="sc_save").click().run()
    assert url(at)["sc_saved"] == "Deep cut:-3,-25,0;Mild:-1,-5,0"
    compared = pd.read_csv(io.BytesIO(downloads["scenario_compare.csv"]))
    assert sorted(set(compared["scenario"])) == ["Deep cut", "Mild"] and len(compared) == 6
    deep = compared[(compared["scenario"] == "Deep cut") & (compared["iso3"] == "TJK")].iloc[0]
    assert deep["usd_m"] == pytest.approx(expected_2025("TJK", -3.0, -25.0)["mean"], rel=1e-9)
    brief = " ".join(pdf_text(downloads["brief-scenarios.pdf"]).split())
    assert "Scenario Deep cut" in brief and "Scenario Mild" in brief
    _, tajik = statsmodels_fit("TJK")  # the estimate the brief states, as statsmodels gives it
    assert f"Tajikistan: {tajik.params['r']:+.2f} points of remittance growth per 1% of ruble" in brief
    at.button(key="sc_remove_Mild").click().run()
    assert url(at)["sc_saved"] == "Deep cut:-3,-25,0"


def test_a_shared_link_with_named_scenarios_reopens_them(open_app):
    at = open_app("scenarios", sc_saved="Deep cut:-3,-25,0;Mild:-1,-5,0", sc_axis="growth")
    assert not at.warning
    assert url(at) == {"sc_saved": "Deep cut:-3,-25,0;Mild:-1,-5,0", "sc_axis": "growth"}
    assert any(list(frame.value.columns) == ["Deep cut", "Mild"] for frame in at.dataframe)


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ({"sc_growth": "abc"}, "sc_growth"),
        ({"sc_ruble": "-90"}, "sc_ruble"),
        ({"sc_saved": "Deep cut:-3,-25"}, "sc_saved"),
        ({"sc_axis": "inflation"}, "sc_axis"),
    ],
)
def test_bad_parameters_are_repaired_and_said_and_the_page_still_works(open_app, query, param):
    at = open_app("scenarios", **query)
    assert not at.exception
    assert any(f"`{param}`" in warning.value for warning in at.warning)
    assert "Tajikistan, 2025" in metrics(at)


def test_the_track_record_names_the_year_it_misses_and_quotes_the_sources_on_2022(open_app):
    at = open_app("scenarios")
    said = " ".join(md.value for md in at.markdown)
    assert "Outside the interval: Tajikistan 2022." in said
    assert "2022 surge: remittances jump despite the war" in said


def test_the_remittances_page_links_here(open_app):
    at = open_app("remittances")
    assert not at.exception
    assert any("Scenarios" in str(element.proto) for element in at.main if getattr(element, "type", "") == "page_link")


def test_a_broken_macro_file_stops_only_this_page_and_names_the_line(open_app, data_copy):
    path = data_copy / "wdi_macro.csv"
    lines = path.read_text().splitlines()
    lines[3] = lines[3].replace(",wdi-2025", ",wdi-2025,extra")  # RUS growth 1992: a surplus cell
    lines[5] = "NY.GDP.MKTP.KD.ZG,GDP growth (annual %),RUS,1994,minus twelve,wdi-2025"
    path.write_text("\n".join(lines) + "\n")
    at = open_app("scenarios")
    assert not at.exception and not at.metric
    assert len(at.error) == 1 and "data/wdi_macro.csv" in at.error[0].value
    assert "Traceback" not in at.error[0].value
    other = open_app("remittances")
    assert not other.exception and not other.error and other.metric


def test_a_record_too_short_to_estimate_is_said_not_crashed(open_app, data_copy):
    # keep Russia's series but only three years of Kyrgyzstan's remittances: too few for three terms
    path = data_copy / "wdi_macro.csv"
    lines = path.read_text().splitlines()
    kept = (
        [lines[0]]
        + [line for line in lines[1:] if not (line.startswith("BX.TRF.PWKR.CD.DT,") and ",KGZ," in line)]
        + [line for line in lines if line.startswith("BX.TRF.PWKR.CD.DT,") and ",KGZ,201" in line][:3]
    )
    path.write_text("\n".join(kept) + "\n")
    at = open_app("scenarios")
    assert not at.exception
    assert len(at.error) == 1 and "wdi_macro.csv" in at.error[0].value
    assert "Kyrgyzstan: 2 years to estimate from" in at.error[0].value  # 2010–2012: two changes
