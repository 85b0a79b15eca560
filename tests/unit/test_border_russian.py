"""The Border & security page's sentences built from parts, in Russian: expected text worked out by hand."""

import pandas as pd

from dashboard.analytics import security
from dashboard.formatting.language import RUSSIAN
from tests.unit.test_security_analytics import REFERENCES

NBSP = "\u00a0"


def test_a_quoted_length_in_russian():
    # 1,357 against 1,357: the same; 1,344.15 − 1,357 = −12.85, "13 km less"; 1,246 / 1,357 = 91.8% -> 92 %
    record, holds = security.length_record(1357.0, REFERENCES, 1246.0, RUSSIAN)
    assert holds is True
    assert record == (
        f"The CIA World Factbook: 1{NBSP}357 км — та же цифра; "
        f"Tajikistan's foreign ministry: 1{NBSP}344,15 км (1,135.3 km along rivers) — на 13 км меньше. "
        "Ни одна карта в данных не позволяет это решить: самая подробная линия имеет длину "
        f"1{NBSP}246 км (92{NBSP}%), поскольку карты сглаживают излучины реки."
    )


def test_memberships_in_russian_name_the_country_by_cldr_and_the_bodies_by_the_glossary():
    matrix = pd.DataFrame(
        {
            "organization": ["CIS", "CSTO", "SCO", "EAEU"],
            "country_iso3": ["TJK", "TJK", "TJK", "KAZ"],
            "country_name": ["Tajikistan", "Tajikistan", "Tajikistan", "Kazakhstan"],
            "status": ["member", "member", "member", "member"],
        }
    )
    assert (
        security.membership_summary(matrix, "TJK", RUSSIAN) == "Таджикистан входит в СНГ, ОДКБ и ШОС; не входит в ЕАЭС."
    )


def test_active_garrisons_are_counted_in_russian():
    forms = {
        count: RUSSIAN.ngettext(
            "{active} active garrisons ({names}); {former} former ({gone}).",
            "{active} active garrisons ({names}); {former} former ({gone}).",
            count,
        ).format(active=count, names="…", former=0, gone="")
        for count in (1, 2, 5, 21)
    }
    assert forms[1].startswith("1 действующий гарнизон (")
    assert forms[2].startswith("2 действующих гарнизона (")
    assert forms[5].startswith("5 действующих гарнизонов (")
    assert forms[21].startswith("21 действующий гарнизон (")


def test_the_troop_figures_directions_are_in_russian():
    """strength_frame's words (chart_inputs.TROOPS): 7,000 in 2012 and 7,500 in 2022 are plain
    figures, "more than 6,000" a floor, "up to 7,000" a ceiling, 1,500 sent to Ukraine a move."""
    from dashboard.formatting.language import ENGLISH
    from dashboard.models.border_words import strength_frame
    from tests.unit.chart_inputs import REDEPLOYED, SOURCES, STRENGTH

    russian = strength_frame(STRENGTH, REDEPLOYED, SOURCES, RUSSIAN)
    assert russian["estimate"].tolist() == [7000, 6000, 7000, 7500, 1500]
    assert russian["figure"].tolist() == ["около", "не менее", "до", "около", "выведено"]
    english = strength_frame(STRENGTH, REDEPLOYED, SOURCES, ENGLISH)["figure"].tolist()
    assert english == ["about", "at least", "up to", "about", "sent away"]


def test_a_claimed_figures_label_is_in_russian():
    """The chart's dashed line: who said it, when, and "about 7,000" as Russian writes it."""
    from dashboard.formatting.language import ENGLISH
    from dashboard.models.border_words import claim_marks
    from tests.unit.chart_inputs import SOURCES

    checked = pd.DataFrame(
        {"unit": ["personnel", "km"], "claimed": [7000.0, 1344.0], "source_id": ["rb", "rb"]}
    ).assign(reported_by="Russia Briefing", basis="as published", edition="e", year=2022)
    assert claim_marks(checked, SOURCES, RUSSIAN)["label"].tolist() == [f"Russia Briefing, 2022: около 7{NBSP}000"]
    assert claim_marks(checked, SOURCES, ENGLISH)["label"].tolist() == ["Russia Briefing, 2022: about 7,000"]
