"""The Partners & region page's sentences built from parts, in Russian: expected text worked out by hand."""

import pandas as pd
import pytest

from dashboard.analytics import partners as pt
from dashboard.formatting.language import ENGLISH, RUSSIAN
from dashboard.models.partners import SharesView, changes_table, imf_edition, ordinal, place
from tests.unit.test_partners_analytics import neighbour_frame

NBSP = "\u00a0"
CODES = {"Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Turkmenistan": "TKM"}


def test_the_reliance_sentence_in_russian_names_countries_by_cldr():
    frame = neighbour_frame(
        [
            ("Kyrgyzstan", "Russia", 2000, 30.0, pt.REPORTED),
            ("Kyrgyzstan", "Russia", 2020, 27.6, pt.REPORTED),
            ("Turkmenistan", "China", 2005, 10.0, pt.REPORTED),
            ("Turkmenistan", "China", 2020, 49.8, pt.ESTIMATE),
        ]
    )
    frame = frame.assign(reporter_iso3=frame["reporter"].map(CODES))
    # 27.6 − 30.0 = −2.4 points; 49.8 − 10.0 = +39.8 points
    assert pt.reliance_sentence(frame, RUSSIAN) == (
        "Крупнейшая доля партнёра в товарообороте показанных стран в 2020\u202fг.: "
        f"Россия — Киргизия (27,6{NBSP}% товарооборота страны, −2,4{NBSP}п.{NBSP}п. с 2000\u202fг.) и "
        f"Китай — Туркменистан (49,8{NBSP}% товарооборота страны, на основе оценки МВФ, "
        f"+39,8{NBSP}п.{NBSP}п. с 2005\u202fг.)."
    )


def test_the_changes_table_in_russian():
    changes = pd.DataFrame(
        {
            "partner": ["Россия", "Китай"],
            "then_pct": [30.0, None],
            "now_pct": [40.0, 15.0],
            "change_pts": [10.0, None],
            "no_change_reason": ["", ""],
        }
    )
    table = changes_table(SharesView(2020, [], [], pd.DataFrame(), pd.DataFrame(), changes), 2019, RUSSIAN)
    assert table.columns.tolist() == ["Партнёр", "Доля, 2019\u202fг.", "Доля, 2020\u202fг.", "Изменение"]
    assert table["Доля, 2019\u202fг."].tolist() == [f"30,0{NBSP}%", "нет данных"]
    assert table["Изменение"].tolist() == [f"+10,0{NBSP}п.{NBSP}п.", "–"]


@pytest.mark.parametrize(("rank", "english", "russian"), [(1, "1st", "1-е"), (2, "2nd", "2-е"), (11, "11th", "11-е")])
def test_places_in_a_ranking(rank, english, russian):
    assert ordinal(rank, ENGLISH) == english
    assert place(rank, 168, RUSSIAN) == f"{russian} из 168"


@pytest.mark.parametrize(("count", "partners"), [(1, "партнёра"), (2, "партнёров"), (5, "партнёров"), (21, "партнёра")])
def test_unranked_partners_are_counted_in_russian(count, partners):
    text = RUSSIAN.ngettext(
        "; {count} more had one flow only and are not ranked",
        "; {count} more had one flow only and are not ranked",
        count,
    ).format(count=count)
    assert text.startswith(f"; ещё у {count} {partners} данные только по одному потоку")


def test_the_imf_edition_in_russian():
    assert imf_edition(None, ENGLISH) == "IMF Direction of Trade Statistics (DOTS)"
    assert imf_edition(None, RUSSIAN) == "МВФ, статистика направлений торговли (DOTS)"
