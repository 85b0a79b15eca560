"""The Trade page's sentences built from parts, in Russian (issue 28): every expected text below is
written out by hand, the way a Russian analyst would write it."""

from __future__ import annotations

import pandas as pd

from dashboard.analytics import trade, trade_projection
from dashboard.formatting import localized
from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.models.trade import QUALIFIER_LABELS, in_words

NB = "\u00a0"


def claims(**overrides) -> trade_projection.ArticleTradeClaims:
    values = dict(
        base_year=2021,
        base_usd_m=1130.0,
        base_status="preliminary",
        later_min_usd_m=1200.0,
        later_max_usd_m=1400.0,
        projected_year=2022,
        projected_usd_m=2000.0,
        outcome_min_usd_m=1400.0,
        outcome_max_usd_m=1700.0,
    )
    return trade_projection.ArticleTradeClaims(**{**values, **overrides})


def rub(value: float) -> str:
    return localized.money(value, RUSSIAN)


def test_the_articles_figure_is_judged_in_russian():
    sentence = trade_projection.article_trade_sentence(claims(), rub, RUSSIAN)
    assert sentence == (
        f"Показатель статьи Russia Briefing за 2021\u202fг. (1,13{NB}млрд{NB}долл.{NB}США) был предварительной оценкой "
        f"и оказался ниже всех более поздних данных (от 1,20{NB}млрд{NB}долл.{NB}США до 1,40{NB}млрд{NB}долл.{NB}США). "
        f"Прогноз статьи — около 2,00{NB}млрд{NB}долл.{NB}США за 2022\u202fг. (показан как прогноз) — не оправдался: "
        f"позднее стороны сообщили от 1,40{NB}млрд{NB}долл.{NB}США до 1,70{NB}млрд{NB}долл.{NB}США."
    )


def test_a_single_later_figure_is_one_amount_and_a_final_figure_is_no_estimate():
    sentence = trade_projection.article_trade_sentence(
        claims(
            base_status="final", base_usd_m=1300.0, later_max_usd_m=1300.0, later_min_usd_m=1300.0, projected_usd_m=None
        ),
        rub,
        RUSSIAN,
    )
    assert sentence == (
        f"Показатель статьи Russia Briefing за 2021\u202fг. (1,30{NB}млрд{NB}долл.{NB}США) оказался в пределах более "
        f"поздних данных (1,30{NB}млрд{NB}долл.{NB}США)."
    )


def test_no_later_statement_is_said_so_in_russian():
    sentence = trade_projection.article_trade_sentence(
        claims(later_min_usd_m=None, later_max_usd_m=None, projected_usd_m=None), rub, RUSSIAN
    )
    assert sentence == (
        f"Показатель статьи Russia Briefing за 2021\u202fг. (1,13{NB}млрд{NB}долл.{NB}США): более поздних данных "
        "об итоге этого года нет."
    )


def test_a_reporter_that_stopped_is_named_in_russian():
    rows = [("un_comtrade_rus", "Russia (UN Comtrade)", y) for y in (2019, 2020, 2021)]
    rows += [("un_comtrade_tjk", "Tajikistan (UN Comtrade)", y) for y in (2019, 2020, 2021, 2022, 2023, 2024)]
    full_years = pd.DataFrame(rows, columns=["reporter", "label", "year"])
    assert trade.reporting_stopped(full_years, RUSSIAN) == (
        "Ряд «Russia (UN Comtrade)» заканчивается 2021\u202fг., а ряд «Tajikistan (UN Comtrade)» продолжается до "
        "2024\u202fг.: более поздние годы не представлены, поэтому за 2022–2024\u202fгг. показана только одна сторона "
        "(это пробел в данных, а не спад)."
    )


def test_qualifiers_are_words_in_each_language():
    codes = pd.Series(["exact", "lower_bound", "approximate", "something new"])
    assert in_words(codes, QUALIFIER_LABELS, ENGLISH).tolist() == [
        "exact",
        "lower bound",
        "approximate",
        "something new",
    ]
    assert in_words(codes, QUALIFIER_LABELS, RUSSIAN).tolist() == [
        "точное",
        "нижняя граница",
        "приблизительное",
        "something new",
    ]
