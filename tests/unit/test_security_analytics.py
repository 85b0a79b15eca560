import pandas as pd
import pytest

from dashboard.analytics import security
from dashboard.formatting.language import ENGLISH, RUSSIAN


def troops(rows):
    columns = ["estimate_id", "year", "force", "estimate", "low", "high", "unit", "source_id", "note"]
    return pd.DataFrame(rows, columns=columns)


TROOPS = troops(
    [
        ("tr-001", 2012, "russia_201st", 7000, None, None, "personnel", "a", ""),
        ("tr-002", 2015, "russia_201st", 9000, None, None, "personnel_planned", "b", ""),
        ("tr-003", 2021, "russia_201st", 6000, 6000, None, "personnel", "c", ""),
        ("tr-004", 2022, "russia_201st", 7000, None, 7000, "personnel", "d", ""),
        ("tr-005", 2022, "russia_201st", 7500, None, None, "personnel", "e", ""),
        ("tr-006", 2022, "russia_201st", None, None, None, "personnel", "f", ""),
        ("tr-007", 2021, "csto", 4000, 4000, 5000, "exercise_participants", "g", ""),
    ]
)


def test_base_strength_keeps_only_reported_numbers_for_the_base():
    strength = security.base_strength(TROOPS)
    assert strength["estimate_id"].tolist() == ["tr-001", "tr-003", "tr-004", "tr-005"]


def test_range_by_year_spans_all_sources():
    ranges = security.strength_range_by_year(security.base_strength(TROOPS)).set_index("year")
    assert ranges.loc[2022, ["low", "high", "sources"]].tolist() == [7000, 7500, 2]
    assert ranges.loc[2012, ["low", "high"]].tolist() == [7000, 7000]


def test_summary_is_the_latest_year():
    summary = security.strength_summary(security.base_strength(TROOPS))
    assert (summary.latest_year, summary.latest_low, summary.latest_high) == (2022, 7000, 7500)
    assert security.strength_summary(TROOPS.iloc[0:0]) is None


def test_membership_matrix_takes_the_latest_period():
    memberships = pd.DataFrame(
        {
            "organization": ["CSTO", "CSTO", "CSTO"],
            "country_iso3": ["UZB", "UZB", "TJK"],
            "country_name": ["Uzbekistan", "Uzbekistan", "Tajikistan"],
            "status": ["former", "former", "member"],
            "since_year": [1992, 2006, 1992],
            "until_year": [1999, 2012, None],
            "source_id": ["s", "s", "s"],
            "note": ["left", "left again", None],
        }
    )
    matrix = security.membership_matrix(memberships, ENGLISH).set_index("country_iso3")
    assert matrix.loc["UZB", "years"] == "1992–1999, 2006–2012"
    assert matrix.loc["TJK", "years"] == "since 1992"
    assert matrix.loc["UZB", "status"] == "former"


@pytest.mark.parametrize(
    ("unit", "value", "holds"),
    [("personnel", 7000, True), ("personnel", 9000, False), ("facilities", 3, False), ("facilities", 2, True)],
)
def test_claims_are_checked_against_the_record(unit, value, holds):
    claims = pd.DataFrame(
        [
            {
                "claim_id": "c",
                "subject": "s",
                "value": value,
                "qualifier": "exact",
                "unit": unit,
                "date": "2022-06-29",
                "source_id": "article",
            }
        ]
    )
    sites = pd.DataFrame(
        {
            "kind": ["russian_base"] * 3,
            "status": ["active", "active", "former"],
            "short_name": ["Dushanbe", "Bokhtar", "Kulob"],
            "name": ["a", "b", "c"],
        }
    )
    check = security.check_claims(claims, security.base_strength(TROOPS), sites, REFERENCES, 1246.0, ENGLISH)[0]
    assert check.holds is holds
    assert check.record


REFERENCES = pd.DataFrame(
    {
        "reference_id": ["factbook", "ministry"],
        "cited_as": ["the CIA World Factbook", "Tajikistan's foreign ministry"],
        "length_km": [1357.0, 1344.15],
        "parts": ["", "1,135.3 km along rivers"],
        "source_id": ["cia", "mfa"],
    }
)


def test_a_quoted_length_is_checked_against_the_references_not_itself():
    record, holds = security.length_record(1357.0, REFERENCES, 1246.0, ENGLISH)
    assert holds is True
    assert record.startswith("The CIA World Factbook gives 1,357 km: the same figure; ")
    assert "Tajikistan's foreign ministry gives 1,344.15 km (1,135.3 km along rivers): 13 km less" in record
    assert "measures 1,246 km (92%)" in record


def test_a_length_the_reference_does_not_give_does_not_hold():
    record, holds = security.length_record(1400.0, REFERENCES, 1246.0, ENGLISH)
    assert holds is False
    assert "The CIA World Factbook gives 1,357 km: 43 km less" in record


def test_without_a_reference_the_length_cannot_be_checked():
    record, holds = security.length_record(1357.0, REFERENCES.iloc[0:0], 1246.0, ENGLISH)
    assert holds is None and "No reference length" in record


def test_the_reference_text_names_every_source_with_its_figure():
    assert security.border_reference_text(REFERENCES, ENGLISH) == (
        "the CIA World Factbook gives 1,357 km; Tajikistan's foreign ministry gives 1,344.15 km"
    )


NBSP, NNBSP = "\u00a0", "\u202f"  # CLDR "ru": the group separator; the space in "1991 г."
OPEN = float("nan")


def test_membership_years_are_written_in_the_viewers_language():
    """The years are this code's words (issue 28): English as it always was, Russian as CLDR and
    the catalogue write a year ("1991 г.") and a span ("1992–1999 гг.")."""
    twice = [(1992, 1999), (2006, 2012)]
    assert security.years_text(twice, ENGLISH) == "1992–1999, 2006–2012"
    assert security.years_text(twice, RUSSIAN) == f"1992–1999{NNBSP}гг., 2006–2012{NNBSP}гг."
    assert security.years_text([(1991, OPEN)], ENGLISH) == "since 1991"
    assert security.years_text([(1991, OPEN)], RUSSIAN) == f"с 1991{NNBSP}г."
    assert security.years_text([(OPEN, 1999)], ENGLISH) == "–1999"
    assert security.years_text([(OPEN, 1999)], RUSSIAN) == f"по 1999{NNBSP}г."
    assert security.years_text([(OPEN, OPEN)], RUSSIAN) == ""


def test_the_membership_matrix_writes_its_years_in_the_language():
    memberships = pd.DataFrame(
        {
            "organization": ["CIS", "CIS"],
            "country_iso3": ["TJK", "UKR"],
            "country_name": ["Tajikistan", "Ukraine"],
            "status": ["member", "former"],
            "since_year": [1991, 1991],
            "until_year": [None, 2018],
            "source_id": ["s", "s"],
            "note": [None, "left"],
        }
    )
    russian = security.membership_matrix(memberships, RUSSIAN).set_index("country_iso3")
    assert russian.loc["TJK", "years"] == f"с 1991{NNBSP}г."
    assert russian.loc["UKR", "years"] == f"1991–2018{NNBSP}гг."
    assert russian.loc["UKR", "note"] == "left"  # the data's words stay as published
    english = security.membership_matrix(memberships, ENGLISH).set_index("country_iso3")
    assert english["years"].tolist() == ["since 1991", "1991–2018"]


def test_a_claims_subject_and_record_are_written_in_the_viewers_language():
    """7,000 troops claimed in June 2022: 2021–22 reports run from 6,000 to 7,500, and 7,000 was
    first published in 2012 (TROOPS)."""
    claims = pd.DataFrame(
        [{"claim_id": "c", "subject": "Russian troops", "value": 7000, "qualifier": "approximate", "unit": "personnel"}]
    ).assign(subject_ru="Российские военнослужащие", date="2022-06-29", source_id="article")
    strength = security.base_strength(TROOPS)
    (russian,) = security.check_claims(claims, strength, pd.DataFrame(), REFERENCES, 1246.0, RUSSIAN)
    assert russian.record == (
        f"Цифры, опубликованные в 2021–2022\u202fгг., — от 6{NBSP}000 до 7{NBSP}500. "
        f"Та же цифра, 7{NBSP}000, публикуется с 2012\u202fг."
    )
    (english,) = security.check_claims(claims, strength, pd.DataFrame(), REFERENCES, 1246.0, ENGLISH)
    assert english.record == (
        "Figures published in 2021–2022 range from 6,000 to 7,500. The same 7,000 has been published since 2012."
    )
    assert russian.holds is english.holds is True
    assert (russian.subject, english.subject) == ("Российские военнослужащие", "Russian troops")  # claims.csv's own
