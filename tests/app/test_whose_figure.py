"""Every headline number on every page says whose figure it is and on what basis (issue 26)."""

import pytest

PAGES_WITH_CARDS = ["overview", "trade", "border", "remittances", "partners"]


@pytest.mark.parametrize("page", PAGES_WITH_CARDS)
def test_every_card_has_a_whose_figure_line(open_app, page):
    at = open_app(page)
    assert not at.exception and at.metric
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: ")]
    assert len(whose) == len(at.metric), [m.label for m in at.metric]
    assert all(len(line) > len("Whose figure: .") for line in whose)


def test_the_trade_projection_says_whose_base_and_whose_growth(open_app):
    at = open_app("trade", proj_year="2022")
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: a projection worked out here")]
    assert whose and "2021 total" in whose[0] and "growth" in whose[0]


def test_the_scenario_cards_name_both_years_and_sources(open_app):
    at = open_app("remittances")
    whose = [c.value for c in at.caption if "a scenario worked out here" in c.value]
    assert len(whose) == 3
    assert "2024" in whose[0] and "(2021, Asia-Plus" in whose[0]
