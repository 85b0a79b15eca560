"""The Remittances page's sentences built from parts, in Russian: expected text worked out by hand."""

import pytest

from dashboard.analytics import remittances as rem
from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.models.remittances import edition_label, share_percent
from tests.unit.test_remittances_analytics import series

NBSP = "\u00a0"


def test_the_verdict_on_the_claim_in_russian():
    # 100 -> 90 -> 120: fell in 2020, rose in 2021; 120 against 100 is +20.0%
    check = rem.claim_check(series(100.0, 90.0, 120.0), 2022)
    assert rem.claim_verdict(check, RUSSIAN) == (
        "Утверждение подтверждается лишь отчасти: переводы сократились в 2020\u202fг., но не в 2021\u202fг. "
        f"(+20,0{NBSP}% в 2021\u202fг. к 2019\u202fг.)."
    )


def test_the_shock_chart_bars_are_named_in_the_viewers_language():
    shock = rem.remittance_shock(1000.0, 10000.0, 50.0, -10.0, 0.0, 100.0, 1.0)
    english, russian = rem.shock_parts(shock, ENGLISH), rem.shock_parts(shock, RUSSIAN)
    assert list(english["case"]) == ["Before", "Before", "After the shock", "After the shock"]
    assert list(russian["case"]) == ["До шока", "До шока", "После шока", "После шока"]
    assert list(russian["part"]) == ["Из России", "Из других стран"] * 2
    assert list(russian["value"]) == list(english["value"])  # only the words change


@pytest.mark.parametrize(("count", "words"), [(1, "1 год"), (2, "2 года"), (5, "5 лет"), (21, "21 год")])
def test_the_range_card_counts_years_in_russian(count, words):
    label = RUSSIAN.ngettext("Range, {count} year shown", "Range, {count} years shown", count)
    assert label.format(count=count) == f"Диапазон за {words}"


def test_the_world_bank_edition_is_named_by_its_month():
    assert edition_label("2025-10-12", ENGLISH) == "World Bank WDI (Oct 2025)"
    assert edition_label("2025-10-12", RUSSIAN) == "World Bank WDI (октябрь 2025\u202fг.)"
    assert edition_label(None, RUSSIAN) == "World Bank WDI"


def test_a_share_keeps_its_digits_in_russian():
    assert share_percent(58.0, ENGLISH) == "58%"
    assert share_percent(57.5, ENGLISH) == "57.5%"
    assert share_percent(57.5, RUSSIAN) == f"57,5{NBSP}%"
    assert share_percent(100.0, RUSSIAN) == f"100{NBSP}%"
