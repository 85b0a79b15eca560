from dashboard.sidebar import page_link


def test_link_replaces_the_query_and_keeps_the_page():
    assert page_link("http://host:8501/trade?old=1", {"units": "musd"}) == "http://host:8501/trade?units=musd"


def test_root_page_gets_a_slash_and_no_query_when_default():
    assert page_link("http://host:8501", {}) == "http://host:8501/"
    assert page_link("http://host:8501", {"years": "2000..2010"}) == "http://host:8501/?years=2000..2010"


def test_without_a_browser_url_the_link_is_relative():
    assert page_link("", {"units": "musd"}) == "?units=musd"
