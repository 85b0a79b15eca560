from dashboard.views.sidebar import page_link


def test_link_names_the_page_shown_and_replaces_the_query():
    link = page_link("http://host:8501/nonexistent?old=1", "", "sources", {"units": "musd"})
    assert link == "http://host:8501/sources?units=musd"


def test_default_page_is_the_root():
    assert page_link("http://host:8501", "", "", {}) == "http://host:8501/"
    assert page_link("http://host:8501/", "", "", {"years": "2000..2010"}) == "http://host:8501/?years=2000..2010"


def test_base_url_path_is_kept():
    link = page_link("https://corp.example/intel/tj/trade", "/intel/tj/", "trade", {"units": "musd"})
    assert link == "https://corp.example/intel/tj/trade?units=musd"


def test_without_a_browser_url_the_link_is_a_path():
    assert page_link("", "", "", {"units": "musd"}) == "/?units=musd"
