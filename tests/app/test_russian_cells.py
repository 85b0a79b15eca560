"""Words the code writes into the cells of tables, chart data and CSVs, in the viewer's language
(issue 28): a membership's years, a troop figure's direction, a claim's record, a period's label,
a range of HS chapters. The data's own values (names, codes, notes, titles) stay as published;
English keeps every cell it had."""

import csv
import io

import pyarrow as pa
import pytest

from dashboard import datasets
from dashboard.analytics.products import hs_info
from dashboard.formatting.csv_columns import header as csv_header
from dashboard.formatting.language import RUSSIAN
from tests.app.i18n_walk import cells_left, labels_left

NBSP, NNBSP = "\u00a0", "\u202f"


def rows(downloads, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(downloads[name].decode("utf-8"))))


def column(downloads, name: str, header: str) -> list[str]:
    """A CSV's column by its English name, under its header in Russian where the catalogue has one."""
    return [row[csv_header(header, RUSSIAN)] for row in rows(downloads, name)]


def hs_descriptions() -> tuple[str, ...]:
    """The WCO's description of every HS code the products data names: published, in English."""
    codes = {
        code
        for listed in datasets.load("products")["hs_codes"].dropna()
        for code in listed.split(";")
        if "-" not in code
    }
    return tuple(info.description for info in map(hs_info, sorted(codes)) if info)


@pytest.mark.parametrize("page", ["border", "trade", "products", "overview", "remittances", "partners"])
def test_no_cell_the_code_writes_is_left_in_english(open_app, downloads, page):
    """Every table cell, chart datum and CSV cell of the page (the Scenarios page has its own)."""
    at = open_app(page, lang="ru")
    assert not at.exception
    assert downloads
    allowed = hs_descriptions() if page == "products" else ()
    assert cells_left(at, downloads, allowed) == []


def test_the_border_csvs_write_their_words_in_russian(open_app, downloads):
    open_app("border", lang="ru")
    cells = (column(downloads, "memberships.csv", name) for name in ("organization", "country_iso3", "years"))
    years = {f"{body} {iso3}": text for body, iso3, text in zip(*cells, strict=True)}
    assert years["CIS TJK"] == f"с 1991{NNBSP}г."
    assert years["CIS UKR"] == f"1991–2018{NNBSP}гг."
    assert years["CSTO UZB"] == f"1992–1999{NNBSP}гг., 2006–2012{NNBSP}гг."
    figures = set(column(downloads, "troop_estimates_201st.csv", "figure"))
    assert figures == {"около", "не менее", "до", "выведено"}
    records = column(downloads, "claims_checked.csv", "record")
    assert records[0].startswith("Цифры, опубликованные в 2021–2022\u202fгг., — от ")
    assert "map geometry" not in downloads["border_sites.csv"].decode("utf-8")
    assert "картографическая основа" in downloads["border_sites.csv"].decode("utf-8")


def test_the_english_border_csvs_keep_their_words(open_app, downloads):
    open_app("border")
    years = {f"{row['organization']} {row['country_iso3']}": row["years"] for row in rows(downloads, "memberships.csv")}
    assert years["CIS TJK"] == "since 1991" and years["CSTO UZB"] == "1992–1999, 2006–2012"
    figures = {row["figure"] for row in rows(downloads, "troop_estimates_201st.csv")}
    assert figures == {"about", "at least", "up to", "sent away"}
    assert rows(downloads, "claims_checked.csv")[0]["record"].startswith("Figures published in 2021–2022 range from ")
    assert "map geometry" in downloads["border_sites.csv"].decode("utf-8")


def test_the_troop_charts_claim_reads_in_russian(open_app):
    """The dashed line's label: "Russia Briefing (…), 2022: около 7 000" (the article's 7,000)."""
    at = open_app("border", lang="ru")
    labels = set()
    for chart in at.get("vega_lite_chart"):
        for dataset in chart.proto.datasets:
            table = pa.ipc.open_stream(dataset.data.data).read_all()
            if {"label", "value"} <= set(table.column_names):
                labels |= set(table.column("label").to_pylist())
    assert any(label.endswith(f", 2022: около 7{NBSP}000") for label in labels), labels


def test_the_part_year_csv_names_its_periods_in_russian(open_app, downloads):
    open_app("trade", lang="ru")
    periods = set(column(downloads, "part_year_figures.csv", "period"))
    assert f"янв. – сент. 2024{NNBSP}г." in periods and "Jan–Sep 2024" not in periods
    open_app("trade")
    assert "Jan–Sep 2024" in {row["period"] for row in rows(downloads, "part_year_figures.csv")}


def test_the_border_claims_are_named_in_russian(open_app, downloads):
    """claims.csv's `subject_ru` in the claims' list and claims_checked.csv (the record around it
    is the code's, checked above)."""
    at = open_app("border", lang="ru")
    assert labels_left(at, downloads, files=("claims.csv",)) == []
    subjects = column(downloads, "claims_checked.csv", "subject")
    assert "Российские военнослужащие на 201-й базе" in subjects
