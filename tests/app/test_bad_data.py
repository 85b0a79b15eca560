"""A corrupt data file stops only the pages that need it, with a message naming the file."""

import pytest


@pytest.fixture
def broken_data(data_copy):
    folder = data_copy
    lines = (folder / "trade_dots.csv").read_text().splitlines()
    lines[4] = lines[4].replace("imf-dots", "imf-dots,surplus-column")
    lines[6] = "1999,imf_dots_rus,ru_to_tj,FOB,not-a-number,imf-dots"
    (folder / "trade_dots.csv").write_text("\n".join(lines) + "\n")
    return folder


def test_trade_page_shows_an_error_naming_the_file_and_no_traceback(open_app, broken_data):
    at = open_app()
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1
    assert "data/trade_dots.csv" in errors[0]
    assert "Traceback" not in errors[0]
    assert not at.metric  # nothing half-drawn from bad data


def test_sources_page_still_works_and_flags_the_file(open_app, broken_data):
    at = open_app("sources")
    assert not at.exception
    assert [e.value for e in at.error] and "trade_dots.csv" in at.error[0].value
    labels = [b.label for b in at.get("download_button")]
    assert "Download trade_published.csv" in labels and "Download trade_dots.csv" not in labels


def test_missing_file(open_app, data_copy):
    (data_copy / "trade_published.csv").unlink()
    at = open_app()
    assert not at.exception
    assert "data/trade_published.csv" in at.error[0].value and "missing" in at.error[0].value


@pytest.mark.parametrize(
    ("file", "page", "other"),
    [
        ("security_sites.csv", "border", "remittances"),
        ("wdi.csv", "remittances", "border"),
        ("products.csv", "products", "trade"),
        ("geo/border_tj_af.geojson", "border", "products"),
    ],
)
def test_each_page_names_its_broken_file_and_the_others_still_work(open_app, data_copy, file, page, other):
    (data_copy / file).write_text("this is not the file you are looking for\n")
    at = open_app(page)
    assert not at.exception
    assert [e.value for e in at.error] and f"data/{file}" in at.error[0].value
    at = open_app(other)
    assert not at.exception and not at.error
