"""The Products page in Russian (issue 28): no English left on it, its tables, cards and charts in
Russian, its numbers in Russian formats. HS descriptions and product names stay as published."""

from __future__ import annotations

import json

from tests.app.conftest import chart_frames
from tests.app.i18n_walk import english_left
from tests.app.test_products_page import with_breakdown  # noqa: F401 (a fixture)

NB = "\u00a0"


def test_the_products_page_in_russian_shows_no_english(open_app, downloads):
    at = open_app("products", lang="ru")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_the_products_page_in_russian_reads_russian(open_app):
    at = open_app("products", lang="ru")
    assert at.title[0].value == "Товары"
    assert [s.value for s in at.subheader][:2] == ["Россия → Таджикистан", "Таджикистан → Россия"]
    named = at.dataframe[0].value
    assert list(named.columns) == ["Товар (как опубликовано)", "Код ГС", "Официальное описание ГС"]
    # the products' names and the WCO's descriptions are data: as published
    assert named["Официальное описание ГС"].str.contains("Petroleum oils").any()
    assert at.info[0].value.startswith("Полной таблицы — все 6-значные товары ГС")
    focus = next(w for w in at.button_group if w.label == "Направления")
    assert list(focus.options) == ["Оба направления", "Россия → Таджикистан", "Таджикистан → Россия"]


def test_a_full_breakdown_in_russian_writes_its_shares_and_index_as_russian_statistics_do(open_app, with_breakdown):  # noqa: F811
    at = open_app("products", prod_year="2023", prod_top="4", lang="ru")
    assert not at.exception
    bars = chart_frames(at)[0]
    assert bars["share_text"].tolist()[:2] == [f"50,0{NB}%", f"20,0{NB}%"]  # English: 50.0%, 20.0%
    metrics = {m.label: m.value for m in at.metric}
    # English: "Top 3 headings' share" 80.0%, "Concentration (HHI)" 3,150
    assert metrics["Доля трёх крупнейших позиций"] == f"80,0{NB}%"
    assert metrics["Концентрация (индекс Херфиндаля — Хиршмана)"] == f"3{NB}150"
    spec = json.loads(at.main.get("vega_lite_chart")[0].proto.spec)
    assert "млн долл. США".replace(" ", NB) in json.dumps(spec, ensure_ascii=False)  # the value axis' unit
