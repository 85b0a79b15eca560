"""A reader's CSV of figures carries the curators' note in the reader's language (issue 28): when a
frame holds `note` and `note_ru`, `datasets.words_in_language` gives a Russian CSV the Russian note
under `note`, an English one the English, and neither a `note_ru` column."""

import pandas as pd

from dashboard.datasets import words_in_language
from dashboard.formatting.language import ENGLISH, RUSSIAN

NB = "\u00a0"


def figures() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "figure_id": ["SHR-001", "CTX-002", "REM-001"],
            "value": [90.0, 3900.0, 550.0],
            "note": ["Upper bound: 'up to 90 percent'", "Rounded", None],
            "note_ru": [f"Верхняя граница: «до 90{NB}%»", "Округлено", None],
            "source_id": ["imf", "eiu", "iom"],
        }
    )


def test_a_russian_csv_has_the_russian_note_under_note_and_no_note_ru():
    russian = words_in_language(figures(), RUSSIAN)
    assert list(russian.columns) == ["figure_id", "value", "note", "source_id"]
    assert russian["note"].tolist()[:2] == [f"Верхняя граница: «до 90{NB}%»", "Округлено"]
    assert pd.isna(russian["note"].iloc[2])  # no note, in any language
    assert russian["value"].tolist() == [90.0, 3900.0, 550.0]  # the figures as published


def test_an_english_csv_keeps_its_columns_and_words_as_before_note_ru():
    english = words_in_language(figures(), ENGLISH)
    assert list(english.columns) == ["figure_id", "value", "note", "source_id"]
    assert english["note"].tolist()[:2] == ["Upper bound: 'up to 90 percent'", "Rounded"]


def test_a_frame_without_note_ru_keeps_its_english_note_on_a_russian_page():
    """Until a view carries `note_ru` into its frame, its CSV says the note as the data has it."""
    frame = figures().drop(columns="note_ru")
    assert words_in_language(frame, RUSSIAN) is frame
