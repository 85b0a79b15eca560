"""The Border & security page: the radius moves the coverage, toggles change the map, links hold."""

import io

import pandas as pd

from dashboard.datasets import DATA_DIR as DATA
from tests.app.conftest import PAGES, chart_frames, url


def metric(at, label_start):
    return next(m for m in at.metric if m.label.startswith(label_start))


def map_frame(at):
    """The sites drawn on the map (the other rows of its data are geometry)."""
    return chart_frames(at)[0].dropna(subset=["kind"])


def test_headline_numbers(open_app):
    at = open_app("border")
    assert not at.exception and not at.warning
    border = metric(at, "Tajik–Afghan border")
    assert (border.value, border.delta) == ("1,357 km", "per CIA World Factbook")
    assert metric(at, "Border line on this map").value == "1,246 km"
    assert metric(at, "Russian troops, 2022").value == "7,000–7,500"


def test_radius_slider_moves_the_coverage(open_app):
    at = open_app("border")
    before = metric(at, "Border within 100 km").value
    at.slider(key="w_radius").set_value(300).run()
    after = metric(at, "Border within 300 km")
    assert after.value != before
    assert after.delta == "71% of the line"  # the model's curve at 300 km, from the real geometry
    assert url(at) == {"radius": "300"}
    at.slider(key="w_radius").set_value(0).run()
    assert metric(at, "Border within 0 km").value == "0 km"


def test_layer_toggles_change_what_the_map_draws(open_app):
    at = open_app("border")
    kinds = set(map_frame(at).get("kind", []))
    assert {"russian_base", "border_crossing", "tajik_city"} <= kinds
    at.get("button_group")[0].set_value(["russian"]).run()
    assert set(map_frame(at)["kind"]) == {"russian_base", "russian_facility"}
    assert url(at)["layers"] == "russian"


RIVERS_LAYER = '"field": "properties.river_class"'  # the rivers layer's tooltip


def map_spec(at) -> str:
    return next(e for e in at.main if getattr(e, "type", None) == "vega_lite_chart").proto.spec


def test_rivers_and_reach_toggle_their_layers(open_app):
    at = open_app("border")
    assert RIVERS_LAYER in map_spec(at) and "strokeDash" in map_spec(at)
    at.get("button_group")[0].set_value(["russian", "crossings", "cities"]).run()
    assert RIVERS_LAYER not in map_spec(at)
    assert "strokeDash" not in map_spec(at)  # the dashed reach is gone
    assert not at.exception


def test_a_link_restores_the_map_view(open_app):
    at = open_app("border", radius="250", layers="crossings,coverage")
    assert at.slider(key="w_radius").value == 250
    assert at.get("button_group")[0].value == ["crossings", "coverage"]
    assert set(map_frame(at)["kind"]) == {"border_crossing"}
    assert not at.warning


def test_bad_map_parameters_warn_and_fall_back(open_app):
    at = open_app("trade", radius="-40", layers="tanks")  # the link's first page shows the warnings
    warnings = " ".join(w.value for w in at.warning)
    assert "`radius`" in warnings and "`layers`" in warnings
    at.switch_page(PAGES["border"]).run()
    assert at.slider(key="w_radius").value == 0
    assert at.get("button_group")[0].value == ["russian", "crossings", "cities", "rivers", "coverage"]
    assert not at.exception


def test_claims_are_set_against_the_record(open_app):
    at = open_app("border")
    text = " ".join(m.value for m in at.markdown)
    assert "7,000 personnel" in text and "3 facilities" in text
    assert "2 active garrisons" in text
    # the article's 1,357 km is checked against a reference that is not the article
    assert "says 1,357 km — :green[holds]. The CIA World Factbook gives 1,357 km: the same figure" in text


def test_the_map_key_lists_only_the_layers_drawn(open_app):
    def key(at) -> str:
        return next(m.value for m in at.markdown if "Tajik–Afghan border" in m.value)

    full = key(open_app("border", radius="150"))
    assert "within 150 km" in full and "201st base garrisons" in full
    bare = key(open_app("border", radius="150", layers="rivers"))
    assert "within 150 km" not in bare and "the area within" not in bare and "201st base" not in bare


def test_the_tables_list_the_sites_and_events_the_files_hold(open_app):
    sites = pd.read_csv(DATA / "security_sites.csv")
    at = open_app("border", years="2015..2020")
    tables = {tuple(t.value.columns): t.value for t in at.dataframe}
    distances = tables[("Site", "To the border, km", "Kind", "Status", "Position")]
    events, unplaced = tables[("Date", "Event", "Category")], tables[("Site", "Kind", "Status")]
    near = sites[sites["kind"].isin(["russian_base", "russian_facility", "border_crossing"]) & sites["lat"].notna()]
    assert sorted(distances["Site"]) == sorted(near["short_name"].fillna(near["name"]))
    assert distances["To the border, km"].is_monotonic_increasing
    assert sorted(unplaced["Site"]) == sorted(sites.loc[sites["lat"].isna(), "name"])
    assert len(events) and events["Date"].str[:4].astype(int).between(2015, 2020).all()  # the Years filter
    assert not at.warning and url(at) == {"years": "2015..2020"}


def test_the_articles_troop_figure_is_drawn_with_its_publisher_and_year(open_app):
    claims = pd.read_csv(DATA / "claims.csv")
    sources = pd.read_csv(DATA / "sources.csv").set_index("source_id")
    claim = claims[claims["unit"] == "personnel"].iloc[0]
    publisher, published = sources.loc[claim["source_id"], ["publisher", "published_date"]]
    troops = chart_frames(open_app("border"))[2]  # after the map and the coverage curve
    assert f"{publisher}, {published[:4]}: about {claim['value']:,.0f}" in set(troops["label"].dropna())


def test_the_reference_lengths_are_listed_with_their_own_sources(open_app):
    at = open_app("border")
    references = next(t.value for t in at.dataframe if list(t.value.columns) == ["Source", "Length", "Parts"])
    assert references["Source"].tolist() == ["CIA World Factbook", "Tajikistan's foreign ministry"]
    assert references["Length"].tolist() == ["1,357 km", "1,344.15 km"]
    captions = " ".join(c.value for c in at.caption)
    factbook = "https://www.cia.gov/the-world-factbook/countries/tajikistan/"
    assert f"Central Intelligence Agency (CIA) ([link]({factbook}))" in captions
    assert "CSV: border_references.csv" in [b.label for b in at.get("download_button")]


def test_the_maps_line_is_set_beside_the_published_length_not_as_a_share_of_it(open_app, downloads):
    """1,246 km measured on Digital Chart of the World's line, 1,357 km per the CIA World Factbook: two
    sources' figures, so no '92%' (the old card's 1,246 / 1,357) but both, and why."""
    at = open_app("border")
    line = metric(at, "Border line on this map")
    assert (line.value, line.delta) == ("1,246 km", "beside 1,357 km per CIA World Factbook")
    whose = [c.value for c in at.caption if c.value.startswith("Whose figure: measured by this dashboard on the map")]
    assert "not a share of the published length: different editions (Digital Chart of the World" in whose[0]
    assert "%" not in line.delta
    lengths = pd.read_csv(io.BytesIO(downloads["border_lengths.csv"])).set_index("id")
    assert lengths["pct_of_published"].isna().all()  # no line's length as a share of the Factbook's
    assert lengths.loc["dcw_full", "published_km"] == 1357.0
    assert lengths.loc["dcw_full", "no_ratio_reason"].startswith("different editions")
    assert (lengths["reported_by"] == "this dashboard").all() and (lengths["basis"] == "measured here").all()
