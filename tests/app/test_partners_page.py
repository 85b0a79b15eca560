"""Partners & region: the page shows the shares, its controls change the charts and live in the URL."""

from dashboard import datasets
from tests.app.conftest import chart_frames, url


def metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start))


def whole_partners(year: int) -> int:
    """Countries Tajikistan reported both exports and imports with in `year`, counted from the file itself."""
    rows = datasets.load("trade_partners")
    rows = rows[(rows["reporter_iso3"] == "TJK") & (rows["partner_kind"] == "country") & (rows["year"] == year)]
    flows = rows.groupby("partner")["flow"].nunique()
    return int((flows == 2).sum())


def test_headline_numbers(open_app):
    at = open_app("partners")
    assert not at.exception and not at.warning
    # ranked among the partners with a whole total (63 in 2020); one-flow partners have no share to rank
    assert metric(at, "Russia among Tajikistan's partners, 2020").value == f"1st of {whole_partners(2020)}"
    assert metric(at, "Russia's share, 2020").delta == "-2.8 pts since 2000"
    assert metric(at, "Next largest partner, 2020").value == "Kazakhstan"
    assert metric(at, "Remittances, % of GDP: Tajikistan's rank, 2024").value == "2nd of 168"


def test_the_caption_names_the_shipped_edition_and_its_years_from_the_data(open_app):
    at = open_app("partners")
    captions = " ".join(c.value for c in at.caption)
    rows = datasets.load("trade_partners")
    years = rows.loc[rows["reporter_iso3"] == "TJK", "year"]  # Tajikistan's own rows, not China's from 1961
    assert years.min() == 1992
    assert (
        f"Trade: IMF Direction of Trade Statistics (DOTS), each country's own report, {years.min()}–{years.max()}"
        in (captions)
    )


def test_top_n_draws_that_many_partners_and_the_rest(open_app):
    at = open_app("partners")
    shares = chart_frames(at)[0]
    assert set(shares["series"]) == {"Russia", "Kazakhstan", "China", "Turkey", "Uzbekistan", "Rest of world"}
    at.slider(key="w_pt_top").set_value(8).run()
    assert url(at)["pt_top"] == "8"
    assert chart_frames(at)[0]["series"].nunique() == 9
    assert not at.exception


def test_flow_and_since_change_the_view_and_the_link(open_app):
    at = open_app("partners", pt_flow="exports", pt_since="2010")
    assert "share of its exports" in next(s.value for s in at.subheader)
    table = next(t.value for t in at.table if "Partner" in t.value.columns)
    assert list(table.columns) == ["Partner", "Share 2010", "Share 2020", "Change"]
    assert url(at) == {"pt_flow": "exports", "pt_since": "2010"}


def test_estimates_are_marked_in_the_chart_data(open_app):
    at = open_app("partners", pt_countries="tkm,uzb")
    neighbours = chart_frames(at)[3]
    assert set(neighbours["series"]) == {"Uzbekistan", "Turkmenistan"}
    assert "IMF estimate" in set(neighbours["basis"])  # their reports lean on the IMF's estimates
    assert neighbours["share_pct"].notna().all()


def test_the_years_filter_applies(open_app):
    at = open_app("partners", years="2010..2015")
    for frame in chart_frames(at)[:5]:
        assert frame["year"].between(2010, 2015).all()


def test_bad_parameters_are_repaired_and_reported(open_app):
    at = open_app("partners", pt_top="99", pt_countries="tjk,xyz", pt_flow="sideways")
    warnings = " ".join(w.value for w in at.warning)
    assert "`pt_top`" in warnings and "`pt_countries`" in warnings and "`pt_flow`" in warnings
    assert at.slider(key="w_pt_top").value == 10
    assert not at.exception


def test_without_the_world_file_the_page_says_how_to_get_it(open_app, data_copy):
    (data_copy / "wdi_remittances_world.csv").unlink()
    at = open_app("partners")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown) + " ".join(i.value for i in at.info)
    assert "python -m dashboard.refresh worldbank" in text


def test_the_overview_card_leads_here(open_app):
    at = open_app("overview")
    card = metric(at, "Russia among Tajikistan's partners")
    expected = f"No. 1 of {whole_partners(2020)}"
    assert (card.value, card.delta) == (expected, "24.6% of its trade (−2.8 pts since 2000)")


def test_every_headline_says_whose_figure_it_is(open_app):
    at = open_app("partners")
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: ")]
    assert len(whose) == len(at.metric) == 4
    assert whose[0] == "Whose figure: Tajikistan's report to the IMF; IMF Direction of Trade Statistics (DOTS)."


def test_a_link_comparing_with_1992_reopens_on_1992(open_app):
    """Tajikistan's partner rows start in 1992, a year before the trade data: the link is not repaired."""
    at = open_app("partners", pt_since="1992")
    assert not at.warning
    assert at.selectbox(key="w_pt_since").value == 1992
    table = next(t.value for t in at.table if "Partner" in t.value.columns)
    assert "Share 1992" in table.columns
    assert url(at) == {"pt_since": "1992"}
    outside = open_app("partners", pt_since="1961")  # China's rows go back to 1961; Tajikistan's do not
    assert any("`pt_since`" in w.value and "1992–2020" in w.value for w in outside.warning)


def test_at_the_full_range_the_shares_start_in_1992_and_the_caption_says_what_the_filter_reaches(open_app):
    at = open_app("partners")
    assert chart_frames(at)[0]["year"].min() == 1992
    captions = " ".join(c.value for c in at.caption)
    assert "do not follow it" in captions and "every chart over time" in captions
