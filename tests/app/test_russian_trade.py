"""The Trade page in Russian (issue 28): no English left on it, its numbers in Russian formats,
and its charts' titles and legends in Russian."""

from __future__ import annotations

import json

from tests.app.i18n_walk import english_left


def test_the_trade_page_in_russian_shows_no_english(open_app, downloads):
    at = open_app("trade", lang="ru")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_the_trade_page_in_russian_reads_russian(open_app):
    at = open_app("trade", lang="ru")
    assert at.title[0].value == "Торговля России и Таджикистана"
    assert [s.value for s in at.subheader][:2] == [
        "Годовой товарооборот по данным каждой стороны",
        "Доля России в товарообороте Таджикистана",
    ]
    labels = [m.label for m in at.metric]
    assert labels[:2] == ["Россия: товарооборот за 2024\u202fг.", "Россия: рекордный год"]
    # Russian officials' US$1.50bn for 2024, +7.1% on 2023, as Russian statistics write them:
    # decimal comma, no-break spaces, "млрд долл. США", a space before %
    assert at.metric[0].value == "1,50\u00a0млрд\u00a0долл.\u00a0США"
    assert at.metric[0].proto.delta == "+7,1\u00a0% к 2023\u202fг."  # CLDR's narrow space in "2023 г."
    flows = next(w for w in at.button_group if w.label == "Поток")
    assert list(flows.options) == ["Россия → Таджикистан", "Таджикистан → Россия"]


def test_the_trade_charts_in_russian_title_their_axes_and_legends_in_russian(open_app):
    at = open_app("trade", lang="ru")
    spec = json.loads(at.main.get("vega_lite_chart")[0].proto.spec)
    text = json.dumps(spec, ensure_ascii=False)
    assert '"title": "Год"' in text and '"title": "Показатель"' in text
    # the legend's entries are the frame's labels in Russian, and so is the colour scale's domain
    assert '"Товарооборот"' in text and '"Сальдо (в пользу России)"' in text
    assert "Total trade" not in text


def test_a_repaired_link_is_said_in_russian(open_app):
    # years beyond the data, a figure id the projection does not have: both warnings in Russian
    at = open_app("trade", lang="ru", years="1900..2100", proj_base="NO-SUCH-ID")
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 2 and all(w.startswith("Значение `") for w in warnings)
    assert english_left(at) == []


def test_the_share_csv_names_each_measure_in_the_viewers_language(open_app, downloads):
    """The measure's words are the code's, not the data's: in Russian in the Russian CSV, as the chart has them."""
    open_app("trade", lang="ru")
    russian = downloads["russia_share_of_tajik_trade.csv"].decode("utf-8")
    assert "Of Tajikistan's exports" not in russian and "Of Tajikistan's total trade" not in russian
    downloads.clear()
    open_app("trade")
    assert "Of Tajikistan's exports" in downloads["russia_share_of_tajik_trade.csv"].decode("utf-8")
