"""The shared words in Russian, worked out by hand: the sources line under every chart, how a
figure stands, the charts' text alternatives, tooltip titles and CSV headers."""

import pandas as pd

from dashboard.analytics.basis import standing
from dashboard.analytics.citations import citing
from dashboard.charts.describe import text_alternative
from dashboard.charts.theme import basis_tooltips
from dashboard.formatting.language import RUSSIAN
from dashboard.views.components import csv_headers, withheld_note
from tests.unit.test_citations import sources_table

NNBSP = "\u202f"


def test_the_sources_line_in_russian_keeps_publishers_as_published():
    table = sources_table().assign(edition=[None, None, "WDI database updated 2025-10-15"])
    table = table.assign(accessed_date=[None, None, "2026-12-07"])
    line = citing(("c", "a"), table, (("c", 2024), ("a", 2020)), lang=RUSSIAN)
    assert line.caption == (
        "Источники: World Bank ([ссылка](https://worldbank.org)): WDI database updated 2025-10-15, "
        f"дата обращения 7 декабря 2026{NNBSP}г., по 2024{NNBSP}г.; IMF ([ссылка](https://imf.org)): по 2020{NNBSP}г. "
        f"Данные на 1 октября 2025{NNBSP}г."
    )
    assert citing((), sources_table(), lang=RUSSIAN).caption == "Источники: нет."


def test_how_a_figure_stands_in_russian():
    assert standing(True, "", lang=RUSSIAN) == "оценка МВФ"
    assert standing(False, "", lang=RUSSIAN) == "отчётные данные"
    assert standing(True, "part", lang=RUSSIAN) == "оценка МВФ; part"  # the partial text comes worded already


def test_a_text_alternative_in_russian_has_russian_numbers():
    data = pd.DataFrame(
        {"year": [2019, 2020, 2020], "side": ["Россия", "Россия", "Таджикистан"], "value": [1.5, 1234.56, -2.25]}
    )
    text = text_alternative("Товарооборот", data, lang=RUSSIAN)
    # 1 234,56 rounds to 1 234,6; −2,25 to −2,2 (half to even, as English's 2.2); U+00A0 groups
    assert text == f"Товарооборот. 2019–2020{NNBSP}гг. В 2020{NNBSP}г.: Россия 1\u00a0234,6; Таджикистан −2,2."


def test_tooltip_titles_and_csv_headers_in_russian():
    assert [t.to_dict()["title"] for t in basis_tooltips(lang=RUSSIAN)] == [
        "По данным",
        "Статус показателя",
        "Выпуск",
        "Год",
    ]
    frame = pd.DataFrame(columns=["year", "source_publisher", "not_a_known_column"])
    assert list(csv_headers(frame, RUSSIAN).columns) == ["год", "издатель", "not_a_known_column"]


def test_the_withheld_note_takes_russian_plural_forms():
    assert withheld_note(21, "[UN Comtrade](https://comtrade.un.org)", RUSSIAN).startswith("21 показатель не вошёл")
