"""The shock arithmetic on hand-checked cases, the dependency panel, the presets, and what is never
multiplied or subtracted across two sources (basis.compare)."""

import pandas as pd
import pytest

from dashboard.analytics import remittances as rem
from dashboard.analytics.basis import Basis, Figure
from dashboard.formatting.language import ENGLISH
from dashboard.models.remittances import matching_preset


def shock(**overrides):
    args = dict(
        base_usd_m=1000.0,
        gdp_usd_m=4000.0,
        russia_share_pct=80.0,
        russia_change_pct=0.0,
        ruble_change_pct=0.0,
        pass_through_pct=100.0,
        multiplier=1.0,
    )
    return rem.remittance_shock(**{**args, **overrides})


def test_no_shock_leaves_everything_unchanged():
    result = shock()
    assert result.new_total_usd_m == 1000.0 and result.change_usd_m == 0.0
    assert result.new_pct_gdp == result.base_pct_gdp == 25.0
    assert result.gdp_effect_usd_m == 0.0


def test_losing_everything_from_russia_removes_exactly_russias_share():
    result = shock(russia_change_pct=-100)
    assert result.new_total_usd_m == pytest.approx(200.0)  # only the 20% from elsewhere is left
    assert result.change_usd_m == pytest.approx(-800.0)


def test_a_third_less_from_russia():
    # 1000 × 80% = 800 from Russia; a third less is 533.3; total 733.3; 18.3% of a 4,000 GDP
    result = shock(russia_change_pct=-100 / 3)
    assert result.new_total_usd_m == pytest.approx(733.33, abs=0.01)
    assert result.new_pct_gdp == pytest.approx(18.33, abs=0.01)


def test_the_ruble_passes_through_in_proportion():
    # a 20% weaker ruble with half pass-through cuts the Russian part by 10%: 800 → 720
    assert shock(ruble_change_pct=-20, pass_through_pct=50).new_from_russia_usd_m == pytest.approx(720.0)
    assert shock(ruble_change_pct=-20, pass_through_pct=0).new_total_usd_m == pytest.approx(1000.0)


def test_the_multiplier_scales_the_gdp_effect():
    result = shock(russia_change_pct=-50, multiplier=0.5)  # −400 of remittances
    assert result.gdp_effect_usd_m == pytest.approx(-200.0)
    assert result.gdp_effect_pct == pytest.approx(-5.0)


def test_shocks_compound_and_never_go_below_zero():
    assert shock(russia_change_pct=-100, ruble_change_pct=-60).new_from_russia_usd_m == 0.0
    assert shock(russia_change_pct=50, ruble_change_pct=10).new_from_russia_usd_m == pytest.approx(800 * 1.5 * 1.1)


BACKBONE = pd.DataFrame(
    {
        "year": [2019, 2020, 2021, 2023],
        "remittances_usd_m": [2.7e3, 2.5e3, 2.9e3, 5.7e3],
        "pct_gdp": [33.0, 30.0, 32.7, 48.0],
        "gdp_usd_m": [8e3, 8.1e3, 8.9e3, 12e3],
    }
)


def test_dependency_panel():
    dep = rem.dependency(BACKBONE)
    assert (dep.year, dep.pct_gdp, dep.low_year, dep.high_year) == (2023, 48.0, 2020, 2023)
    assert dep.change_pts is None  # 2022 is missing: no change is computed across the gap
    assert dep.median == pytest.approx(32.85)
    assert rem.dependency(BACKBONE.iloc[0:0]) is None


def test_claim_check_measures_each_year_and_the_whole_span():
    check = rem.claim_check(BACKBONE.assign(source_id="wb"), 2022)
    years = check.years.set_index("year")
    assert years.loc[2020, "change_pct"] == pytest.approx((2.5 / 2.7 - 1) * 100)
    assert years.loc[2021, "change_pct"] == pytest.approx((2.9 / 2.5 - 1) * 100)
    assert check.overall_pct == pytest.approx((2.9 / 2.7 - 1) * 100)
    assert not check.holds
    assert rem.claim_check(BACKBONE.assign(source_id="wb"), 2024) is None  # 2022 missing: no verdict


def test_presets_are_computed_from_the_figures_they_name():
    figures = pd.DataFrame(
        {
            "figure_id": ["A", "B", "C", "S"],
            "value": [3831.0, 1278.0, -7.0, 90.0],
            "source_id": ["a", "b", "c", "s"],
            "note": ["", "", "", "Upper bound: up to 90 percent"],
        }
    )
    presets = pd.DataFrame(
        {
            "preset_id": ["2015", "2020"],
            "label": ["x", "y"],
            "change_figure_id": ["B", "C"],
            "base_figure_id": ["A", None],
            "applies_to": ["russia", "all"],
            "share_figure_id": ["S", None],
            "basis": ["p", "q"],
        }
    )
    p2015, p2020 = rem.shock_presets(presets, figures)
    assert p2015.russia_change_pct == pytest.approx(-66.6)
    assert p2015.source_ids == ("b", "a", "s")
    assert p2015.share_note.startswith("Upper bound")
    # an all-origins change is applied to everything: the total falls by exactly that change
    assert (p2020.russia_change_pct, p2020.russia_share_pct) == (-7.0, 100.0)
    assert p2020.source_ids == ("c",)


def series(*values: float) -> pd.DataFrame:
    """2019, 2020, 2021 remittances in US$ m, as the World Bank backbone holds them."""
    return pd.DataFrame({"year": [2019, 2020, 2021], "remittances_usd_m": values, "source_id": "wb"})


@pytest.mark.parametrize(
    ("values", "verdict"),
    [
        (
            (100.0, 90.0, 80.0),
            "The claim holds: remittances fell in every one of those years (−20.0% in 2021 against 2019).",
        ),
        (
            (100.0, 90.0, 120.0),
            "The claim holds only in part: remittances fell in 2020 but not in 2021 (+20.0% in 2021 against 2019).",
        ),
        (
            (100.0, 110.0, 99.0),
            "The claim holds only in part: remittances fell in 2021 but not in 2020 (−1.0% in 2021 against 2019).",
        ),
        (
            (100.0, 110.0, 121.0),
            "The claim does not hold: remittances did not fall in any of those years (+21.0% in 2021 against 2019).",
        ),
    ],
)
def test_the_verdict_on_the_claim_follows_the_yearly_changes(values, verdict):
    check = rem.claim_check(series(*values), 2022)
    assert rem.claim_verdict(check, ENGLISH) == verdict
    assert check.holds is verdict.startswith("The claim holds:")


def test_a_change_of_dependency_is_only_worked_out_within_one_edition():
    # 2020 from one World Bank edition, 2021 from another (a refresh would never mix them, but if it did)
    two = BACKBONE.assign(source_id=["wdi-2024", "wdi-2024", "wdi-2025", "wdi-2025"])
    assert rem.dependency(two.iloc[:3]).change_pts is None  # 32.7 (2025 edition) − 30.0 (2024 edition): none
    one = BACKBONE.assign(source_id="wdi-2025")
    assert rem.dependency(one.iloc[:3]).change_pts == pytest.approx(2.7)  # 32.7 − 30.0, one edition


def test_a_share_from_russia_is_applied_only_to_a_whole_of_its_own_reporter_and_year():
    share = Figure(58.0, Basis("Asia-Plus", "asia-plus-2022", 2021))
    world_bank = Figure(47.9, Basis("World Bank", "wdi-2025", 2024))
    result = rem.from_russia(share, world_bank)
    assert result.value is None and result.reason == "different reporters (Asia-Plus; World Bank)"
    own = rem.from_russia(Figure(58.0, Basis("World Bank", "wdi-2025", 2024)), world_bank)
    assert own.value == pytest.approx(27.782)  # 58% of 47.9% of GDP
    earlier = rem.from_russia(Figure(58.0, Basis("World Bank", "wdi-2025", 2021)), world_bank)
    assert earlier.reason == "different years (2021; 2024)"


def test_a_preset_is_recognised_to_within_half_a_slider_step():
    preset = rem.Preset("2015", "2015", -66.6, 90.0, "", "", ())
    steps = (0.1, 0.1)
    assert matching_preset([preset], -66.6, 90.0, steps) is preset
    assert matching_preset([preset], -66.60000000000001, 89.99999999, steps) is preset  # a float read back
    assert matching_preset([preset], -66.7, 90.0, steps) is None  # one step away: the viewer's own value
    assert matching_preset([preset], -66.6, None, steps) is None  # the share left at the published one
