"""The Remittances page: dependency, sources side by side, and the shock scenario."""

from tests.app.conftest import PAGES, url


def metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start))


def test_dependency_panel_reads_the_world_bank_series(open_app):
    at = open_app("remittances")
    assert not at.exception and not at.warning
    assert metric(at, "Remittances, % of GDP, 2024").value == "47.9%"
    assert metric(at, "Range, 23 years shown").value == "6.4–49.9%"


def test_a_third_less_from_russia_has_a_number_and_a_formula(open_app):
    at = open_app("remittances")
    before = metric(at, "Remittances, 2024 + shock").value
    at.slider(key="w_rem_russia").set_value(-33.0).run()
    after = metric(at, "Remittances, 2024 + shock")
    assert after.value != before
    assert after.delta.startswith("−US$")
    formula = next(m.value for m in at.markdown if m.value.startswith("**Formula**"))
    assert "(1 − 33.0%)" in formula and "× 58%" in formula  # the latest published share from Russia
    assert url(at)["rem_russia"] == "-33"


def test_minus_100_percent_removes_exactly_russias_share(open_app):
    at = open_app("remittances", rem_russia="-100", rem_share="58", units="musd")
    # World Bank 2024: US$6,802m; 42% of it came from elsewhere: 6,802.4 × 0.42 = 2,857m
    assert metric(at, "Remittances, 2024 + shock").value == "US$2,857m"
    formula = next(m.value for m in at.markdown if m.value.startswith("**Formula**"))
    assert "US$2,857m from elsewhere + US$0.0m = US$2,857m" in formula


def test_presets_load_the_published_sizes(open_app):
    at = open_app("remittances")
    at.button(key="preset_2015").click().run()
    assert at.slider(key="w_rem_russia").value == -66.6  # CBR transfers 2015 vs 2014: 1,278 / 3,831 − 1
    assert at.slider(key="w_rem_share").value == 90.0
    assert url(at)["rem_russia"] == "-66.6"
    sources = " ".join(c.value for c in at.caption if c.value.startswith("Sources:"))
    assert "IMF Working Paper" in sources  # the 90% share's source is cited with the preset
    at.slider(key="w_rem_mult").set_value(2.0).run()
    at.button(key="preset_reset").click().run()
    assert at.slider(key="w_rem_russia").value == 0.0 and at.slider(key="w_rem_mult").value == 1.0
    assert not {"rem_russia", "rem_share", "rem_mult"} & set(url(at))


def test_the_2020_preset_applies_to_all_remittances(open_app):
    at = open_app("remittances", units="musd")
    assert at.button(key="preset_2020").label == "2020: Covid border closures"  # named, not just a year
    at.button(key="preset_2020").click().run()
    assert at.slider(key="w_rem_russia").value == -7.0 and at.slider(key="w_rem_share").value == 100.0
    # the whole of 2024's US$6,802m falls by the published 7%
    assert metric(at, "Remittances, 2024 + shock").value == "US$6,326m"


def test_a_link_restores_the_scenario(open_app):
    at = open_app(
        "remittances",
        rem_russia="-20",
        rem_ruble="-30",
        rem_pass="50",
        rem_share="70",
        rem_mult="0.8",
        rem_others="hide",
    )
    assert not at.warning
    values = {
        k: at.slider(key=f"w_{k}").value for k in ("rem_russia", "rem_ruble", "rem_pass", "rem_share", "rem_mult")
    }
    assert values == {"rem_russia": -20.0, "rem_ruble": -30.0, "rem_pass": 50.0, "rem_share": 70.0, "rem_mult": 0.8}
    assert at.get("button_group")[0].value == "hide"


def test_extreme_and_garbled_values_are_clamped_or_dropped(open_app):
    at = open_app("trade", rem_russia="-500", rem_mult="lots")
    warnings = " ".join(w.value for w in at.warning)
    assert "`rem_russia`" in warnings and "`rem_mult`" in warnings
    at.switch_page(PAGES["remittances"]).run()
    assert at.slider(key="w_rem_russia").value == -100.0
    assert at.slider(key="w_rem_mult").value == 1.0
    assert not at.exception


def test_the_articles_claim_is_checked(open_app):
    at = open_app("remittances")
    text = " ".join(m.value for m in at.markdown)
    assert "2020: −5.8%" in text and "2021: +33.6%" in text
    # 2021 against 2019: 2,921.7 / 2,322.0 − 1 = +25.8%
    assert (
        "The claim holds only in part: remittances fell in 2020 but not in 2021 (+25.8% in 2021 against 2019)" in text
    )


def test_the_formula_gives_each_inputs_year_the_base_and_the_share_are_not_one_year(open_app, downloads):
    """World Bank 2024 remittances times the share published for 2021: the formula says both years."""
    at = open_app("remittances")
    formula = next(m.value for m in at.markdown if m.value.startswith("**Formula**"))
    assert "(2024) × 58% (2021, Asia-Plus" in formula
    shock_csv = downloads["remittance_shock.csv"].decode()
    assert "base_year" in shock_csv and ",2024," in shock_csv and "2021, Asia-Plus" in shock_csv
    at = open_app("remittances", rem_share="40")
    formula = next(m.value for m in at.markdown if m.value.startswith("**Formula**"))
    assert "× 40% (set on the slider)" in formula


def test_the_share_of_gdp_from_russia_is_not_multiplied_across_reporters_and_years(open_app):
    """World Bank 2024: 47.9% of GDP; 58% of remittances from Russia in 2021 (Asia-Plus, citing the World
    Bank's brief): another source and year, so no '27.8% of GDP from Russia' (58% × 47.9%) but both."""
    at = open_app("remittances")
    sentence = next(m.value for m in at.markdown if m.value.startswith("How much of GDP came from Russia"))
    assert "is not worked out here: different reporters (Asia-Plus" in sentence
    assert "47.9% of GDP in 2024 (World Bank WDI" in sentence
    assert "58% of remittances came from Russia in 2021 (Asia-Plus" in sentence
    assert "27.8" not in sentence


def test_the_scenario_says_its_share_is_assumed_for_the_base_year(open_app):
    at = open_app("remittances")
    whose = [c.value for c in at.caption if "a scenario worked out here" in c.value]
    assert all(line.endswith("assumed to hold in 2024.") for line in whose) and len(whose) == 3
    formula = next(m.value for m in at.markdown if m.value.startswith("**Formula**"))
    assert "58% (2021, Asia-Plus" in formula and "assumed for 2024, not measured: different reporters" in formula
    at = open_app("remittances", rem_share="40")  # the viewer's own share: assumed, and said so
    whose = [c.value for c in at.caption if "a scenario worked out here" in c.value]
    assert "Russia's share 40% (set on the slider), assumed to hold in 2024" in whose[0]


def test_a_link_holding_a_presets_values_names_the_preset(open_app):
    """The 2015 preset loads −66.6% (CBR transfers 2015 against 2014) and 90% (an IMF paper's upper bound):
    a link carrying those values names the preset and cites its sources."""
    at = open_app("remittances", rem_russia="-66.6", rem_share="90")
    whose = [c.value for c in at.caption if "a scenario worked out here" in c.value]
    assert "(the preset 2015: ruble collapse and new Russian migration rules)" in whose[0]
