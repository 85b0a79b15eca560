"""The Partners & region page in Russian: no English UI string, countries named by CLDR, the same numbers."""

from tests.app.conftest import chart_frames
from tests.app.i18n_walk import english_left, visible_texts


def test_the_partners_page_in_russian_shows_no_english(open_app, downloads):
    at = open_app("partners", lang="ru")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_every_flow_and_mirror_partner_in_russian_shows_no_english(open_app, downloads):
    at = open_app("partners", lang="ru", pt_flow="imports", pt_mirror="chn", pt_countries="tjk,kgz,uzb")
    assert not at.exception
    assert downloads  # the walk reads the CSVs' headers too
    assert english_left(at, downloads) == []


def test_countries_are_named_in_russian_and_the_figures_stay(open_app):
    english = open_app("partners")
    russian = open_app("partners", lang="ru")
    card = next(m for m in russian.metric if m.label.startswith("Место России среди партнёров Таджикистана"))
    # English: "1st of 63" and "24.6% of Tajikistan's trade" (IMF DOTS 2020, Tajikistan's own report)
    assert next(m.value for m in english.metric if m.label.startswith("Russia among")) == "1st of 63"
    assert card.value == "1-е из 63"
    assert card.delta == "24,6\u00a0% товарооборота Таджикистана"
    # the mirror control's options and the neighbours' pills: CLDR's Russian names
    texts = visible_texts(russian.main)
    assert {"Россия", "Китай", "Киргизия", "Таджикистан"} <= set(texts)


def test_every_partner_economy_is_named_in_russian_not_only_the_seven(open_app):
    """Turkey, Iran and Germany have no place among the seven compared economies, yet are among
    Tajikistan's largest partners: their ISO codes in the data let CLDR name them."""
    at = open_app("partners", lang="ru", pt_top="10")
    series = set(chart_frames(at)[0]["series"])
    assert {"Россия", "Казахстан", "Китай", "Турция", "Узбекистан", "Иран", "Германия", "Алжир"} <= series
    assert not series & {"Turkey", "Iran", "Germany", "Algeria", "Kazakhstan"}
    english = set(chart_frames(open_app("partners", pt_top="10"))[0]["series"])
    assert {"Turkey", "Iran", "Germany", "Algeria"} <= english  # English keeps the data's own names
    assert len(english) == len(series)


def test_a_flag_s_reason_is_written_in_the_viewer_s_language(open_app, downloads):
    """Nepal's 2022–2024 remittance values are flagged by the project (data/README.md): the reason is
    our own words, so a Russian page gives it in Russian, in the sentence and the top-15 CSV alike."""
    reason = "скачок с 22\u00a0% (2021\u202fг.), какого нет ни у одной другой экономики"
    at = open_app("partners", lang="ru")
    said = " ".join(visible_texts(at.main))
    assert f"Значение (Непал) помечено как сомнительное: {reason}" in said
    assert "Suspect" not in said
    top = downloads["remittances_top15_2024.csv"].decode("utf-8")
    assert reason in top and "Suspect" not in top and "flag_ru" not in top
    english = open_app("partners")
    assert "Nepal's figure is flagged: Suspect: a jump from 22% (2021)" in " ".join(visible_texts(english.main))
