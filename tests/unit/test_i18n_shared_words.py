"""The shared words issue 28's last pass put into the viewer's language: basis.compare's reasons,
the events' key and their dates, an interval's level. Russian worked out by hand; English unchanged."""

import pandas as pd
import pytest

from dashboard.analytics import basis
from dashboard.analytics.basis import CHANGE, GAP, Basis, Figure, reason_in
from dashboard.formatting import event_key, localized
from dashboard.formatting.language import ENGLISH, RUSSIAN

NB = "\u00a0"
NNBSP = "\u202f"  # CLDR's narrow no-break space in "2022 г."


def reason(kind: str, first: Basis, second: Basis) -> str:
    return basis.compare(kind, Figure(1.0, first), Figure(2.0, second)).reason


@pytest.mark.parametrize(
    ("kind", "first", "second", "english", "russian"),
    [
        (
            CHANGE,
            Basis("Russian officials", "", 2024, False, ""),
            Basis("Tajik officials", "", 2023, False, ""),
            "different reporters (Russian officials; Tajik officials)",
            "разные отчитывающиеся стороны (Russian officials; Tajik officials)",
        ),
        (
            CHANGE,
            Basis("IMF", "DOTS 2021", 2020, False, ""),
            Basis("IMF", "", 2019, False, ""),
            "different editions (DOTS 2021; a statement)",
            "разные выпуски (DOTS 2021; заявление)",
        ),
        (
            GAP,
            Basis("IMF", "DOTS", 2020, False, ""),
            Basis("IMF", "DOTS", 2019, False, ""),
            "different years (2020; 2019)",
            "разные годы (2020; 2019)",
        ),
        (
            CHANGE,
            Basis("TASS", "", 2025, False, "part-year, Jan–May 2025"),
            Basis("TASS", "", 2024, False, ""),
            "TASS's 2025 figure is partial (part-year, Jan–May 2025)",
            "TASS: данные за 2025\u202fг. неполные (неполный год, янв. – май 2025\u202fг.)",
        ),
        (
            CHANGE,
            Basis("IMF", "DOTS", 2020, True, ""),
            Basis("IMF", "DOTS", 2019, False, ""),
            "one figure rests on an IMF estimate and the other does not",
            "одна цифра основана на оценке МВФ, другая нет",
        ),
    ],
)
def test_a_reason_reads_in_russian_and_stays_as_it_was_in_english(kind, first, second, english, russian):
    said = reason(kind, first, second)
    assert said == english  # worked out, cached and written to CSVs in English, as before
    assert reason_in(said, ENGLISH) == english
    # the figures' own words (reporters, editions) pass as they are; the dashboard's are translated
    assert reason_in(said, RUSSIAN) == russian


def test_a_reason_not_among_the_templates_passes_through_the_catalogue():
    assert reason_in("no figure", RUSSIAN) != "no figure"
    assert reason_in("", RUSSIAN) == ""


def test_the_events_key_in_russian_writes_its_dates_as_russian_does_and_keeps_the_titles_it_is_given():
    """The titles come as the caller gives them (analytics.events.titled_in chooses the language);
    a date as precise as its source: a year, a month, a day (CLDR "ru", narrow space before "г.")."""
    events = pd.DataFrame(
        {
            "n": [1, 2, 3],
            "title": ["Ruble crisis", "Taliban take Kabul", "COVID year"],
            "date": ["2014-12-16", "2021-08", "2020"],
        }
    )
    english = "Events: 1 Ruble crisis (2014-12-16); 2 Taliban take Kabul (2021-08); 3 COVID year (2020)."
    assert event_key(events) == localized.event_key(events, ENGLISH) == english
    russian = events.assign(title=["Рублёвый кризис", "«Талибан» занимает Кабул", "Год COVID"])
    assert localized.event_key(russian, RUSSIAN) == (
        f"События: 1 Рублёвый кризис (16 дек. 2014{NNBSP}г.); 2 «Талибан» занимает Кабул (авг. 2021{NNBSP}г.); "
        f"3 Год COVID (2020{NNBSP}г.)."
    )
    assert localized.event_key(events.iloc[0:0], RUSSIAN) == ""


@pytest.mark.parametrize(
    ("given", "russian"),
    [
        ("2008", f"2008{NNBSP}г."),
        ("2008-12", f"дек. 2008{NNBSP}г."),
        ("2022-06-28", f"28 июн. 2022{NNBSP}г."),
        ("2022-02-30", "2022-02-30"),  # no such day: as given
        ("undated", "undated"),
        ("2022-06-28-1", "2022-06-28-1"),
    ],
)
def test_a_partial_date_in_russian_and_as_given_in_english(given, russian):
    assert localized.partial_date(given, RUSSIAN) == russian
    assert localized.partial_date(given, ENGLISH) == given


def test_an_intervals_level():
    assert localized.share(0.9, ENGLISH) == "90%"
    assert localized.share(0.9, RUSSIAN) == f"90{NB}%"  # CLDR "ru": #,##0 % with a no-break space
