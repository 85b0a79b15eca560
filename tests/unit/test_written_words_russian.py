"""The words the code writes into chart data and CSV cells (whose figure, its basis, a reason) read
in Russian where they are shown (analytics.basis.shown_in), and stay English in English. Expected
Russian worked out by hand from the catalogue and CLDR "ru" (months "янв.", "сент.", "2024 г."
with U+202F)."""

import pandas as pd

from dashboard.analytics import basis
from dashboard.formatting import localized
from dashboard.formatting.language import ENGLISH, RUSSIAN

NNB = "\u202f"
NAMES = {"Russian officials": "Официальные лица России", "Tajikistan": "Таджикистан"}


def test_a_part_year_period_reads_with_cldrs_russian_months():
    assert localized.period_in("Jan–Sep 2024", RUSSIAN) == f"янв. – сент. 2024{NNB}г."
    assert localized.period_in("Q1 2022", RUSSIAN) == f"1-й кв. 2022{NNB}г."
    assert localized.period_in("H2 2023", RUSSIAN) == f"2-е полугодие 2023{NNB}г."
    assert localized.period_in("Jul 2022", RUSSIAN) == f"июль 2022{NNB}г."
    assert localized.period_in("Jan–Sep 2024", ENGLISH) == "Jan–Sep 2024"  # English: as written
    assert localized.period_in("Dushanbe 2024", RUSSIAN) is None and localized.period_in("2024", RUSSIAN) is None


def test_a_reason_names_its_months_and_reporters_in_russian():
    partial = basis.why_not(
        basis.CHANGE,
        basis.Basis("Russian officials", "", 2024, False, basis.part_year("Jan–Sep 2024")),
        basis.Basis("Russian officials", "", 2023),
    )
    assert partial == "Russian officials's 2024 figure is partial (part-year, Jan–Sep 2024)"
    said = basis.reason_in(partial, RUSSIAN, NAMES)
    assert "Официальные лица России" in said and f"неполный год, янв. – сент. 2024{NNB}г." in said
    assert "Jan" not in said and "Russian" not in said


def test_a_frames_written_words_read_in_russian_and_the_rest_stays():
    frame = pd.DataFrame(
        {
            "value": [1.0, 2.0, 3.0],
            "reported_by": [
                basis.THIS_DASHBOARD,
                "Russian officials",
                basis.REPORT_TO_IMF.format(country="Tajikistan"),
            ],
            "basis": [
                basis.worked_out("change on the year before"),
                "IMF estimate; one flow only",
                "lowest and highest of the year's reports",
            ],
            "edition": ["IMF DOTS (2021-06)", "", ""],
            "no_gap_reason": [basis.NO_FIGURE, "", None],
        }
    )
    russian = basis.shown_in(frame, RUSSIAN, NAMES)
    assert russian["reported_by"].tolist() == [
        "этот дашборд",
        "Официальные лица России",
        "Таджикистан — данные, переданные в МВФ",
    ]
    assert russian["basis"].tolist() == [
        "расчёт дашборда: изменение к предыдущему году",
        "оценка МВФ; только один поток",
        "минимум и максимум опубликованных за год данных",
    ]
    assert russian["no_gap_reason"].tolist()[:2] == ["нет данных", ""] and pd.isna(russian["no_gap_reason"].iloc[2])
    assert russian["edition"].tolist() == frame["edition"].tolist()  # an edition is its source's own title
    assert russian["value"].tolist() == [1.0, 2.0, 3.0]
    assert basis.shown_in(frame, ENGLISH, NAMES) is frame  # English: exactly the frame


def test_a_reason_with_brackets_is_read_whole_not_split_at_its_semicolon():
    frame = pd.DataFrame({"no_ratio_reason": ["different editions (DOTS; a statement)"]})
    assert basis.shown_in(frame, RUSSIAN)["no_ratio_reason"].iloc[0] == "разные выпуски (DOTS; заявление)"
