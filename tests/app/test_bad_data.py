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


NOT_A_CSV = "this is not the file you are looking for\n"


@pytest.mark.parametrize(
    ("file", "page"),
    [
        ("wdi_remittances_world.csv", "partners"),  # optional: the page says how to get it when it is missing
        ("trade_comtrade.csv", "trade"),  # a refresh file
        ("baci_products.csv", "products"),  # CEPII BACI, added by a refresh
    ],
)
def test_a_corrupt_optional_file_is_left_out_like_a_missing_one_and_named(open_app, data_copy, file, page):
    (data_copy / file).write_text(NOT_A_CSV)
    at = open_app(page)
    assert not at.exception and not at.error  # the page is drawn
    assert at.metric or at.get("vega_lite_chart")
    warnings = [w.value for w in at.warning]
    assert any(f"data/{file} could not be read" in w and "left out as if it were missing" in w for w in warnings)


def test_a_fault_in_our_code_is_logged_and_not_called_a_data_error(open_app, data_copy, monkeypatch, caplog):
    from dashboard.cache import shared

    def broken(*tables):
        raise KeyError("a column our code misspelt")

    monkeypatch.setattr(shared, "build_partners_model", broken)
    at = open_app("partners")
    assert not at.exception
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "went wrong on our side" in errors[0]
    assert "failed its checks" not in errors[0] and "data/" not in errors[0]
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is KeyError]
    assert logged, "the traceback is logged"
    overview = open_app("overview")
    assert not overview.exception
    warnings = " ".join(w.value for w in overview.warning)
    assert "Partners & region: Something went wrong on our side" in warnings
    assert "failed its checks" not in warnings
    labels = [m.label for m in overview.metric]
    assert len(labels) == 6 and not any(label.startswith("Russia among") for label in labels)  # the rest is drawn


def test_after_a_fresh_servers_preload_the_broken_file_still_names_itself(open_app, broken_data):
    """hosting/preload.py builds the Overview's first models before any viewer: a file that fails
    its checks is not kept, so the page that reads it names it, and Sources & data flags it."""
    from hosting import preload

    preload.warm_first_page()  # reads the broken copy (RT_DATA_DIR), as a server started on it would
    at = open_app("overview")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "data/trade_dots.csv" in warnings
    at = open_app("sources")
    assert not at.exception
    assert [e.value for e in at.error] and "trade_dots.csv" in at.error[0].value
