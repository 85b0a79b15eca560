"""Every page's brief: what the viewer sees, on at most two pages, with its sources and the way back."""

import io

import pandas as pd
import pytest
from pypdf import PdfReader

from dashboard.datasets import NOT_REDISTRIBUTABLE
from tests.app.conftest import PAGES, pdf_text


def brief_of(downloads: dict[str, bytes], page: str) -> bytes:
    return downloads[f"brief-{page}.pdf"]


@pytest.mark.parametrize("page", list(PAGES))
def test_every_page_has_a_brief_of_at_most_two_pages_with_its_numbers(open_app, downloads, page):
    at = open_app(page, years="2005..2020")
    assert not at.exception
    pdf = brief_of(downloads, page)
    assert len(PdfReader(io.BytesIO(pdf)).pages) <= 2
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    assert "years=2005..2020" in flat.replace(" ", "")  # the link back to exactly this view
    assert "Years 2005–2020" in text
    for metric in at.metric:  # every headline number on the page is in its brief
        assert " ".join(metric.value.split()) in flat, metric.label
    if page != "sources":
        assert "Sources (" in text


def test_the_overview_brief_holds_the_cards_narrative_and_charts(open_app, downloads):
    at = open_app("overview")
    text = " ".join(pdf_text(brief_of(downloads, "overview")).split())
    narrative = at.markdown[0].value.replace("\\$", "$")
    assert narrative.split(". ")[0] in text
    for heading in ("Annual Russia–Tajikistan trade as each side reports it", "Remittances as a share of"):
        assert heading in text
    assert "CIA World Factbook" in text  # the border card's reference is cited
    assert "Data as of" in text


def test_the_remittances_brief_has_the_scenario_and_its_formula(open_app, downloads):
    open_app("remittances", rem_russia="-33")
    text = " ".join(pdf_text(brief_of(downloads, "remittances")).split())
    assert "rem_russia -33" in text  # the scenario named in the view line
    assert "US$5.50bn" in text and "−9.2%" in text


def test_a_source_that_may_not_be_passed_on_is_cited_but_its_figures_left_out(open_app, downloads, data_copy):
    sources = pd.read_csv(data_copy / "sources.csv", dtype=str, keep_default_na=False)
    sources.loc[sources["source_id"] == "imf-dots", "licence"] = f"{NOT_REDISTRIBUTABLE}: test terms"
    sources.to_csv(data_copy / "sources.csv", index=False)
    at = open_app("trade")
    assert not at.exception
    text = " ".join(pdf_text(brief_of(downloads, "trade")).split())
    assert "Left out of this brief" in text and "IMF figures" in text
    assert "IMF: Direction of Trade Statistics" in text  # still cited
    assert "Annual trade by reporter" not in text  # the IMF chart is not drawn


def test_the_brief_says_whose_figure_each_headline_number_is(open_app, downloads):
    open_app("overview")
    text = " ".join(pdf_text(brief_of(downloads, "overview")).split())
    assert "Whose figure: 2024 per Russian officials; 2023 per Tajik statistics agency" in text
    assert "+1.5 pts" not in text  # no change between the two reporters' shares
    assert text.count("Whose figure:") == 7  # one per card
