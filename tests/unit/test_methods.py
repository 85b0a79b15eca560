"""The Methods table says what the code does: each entry's function, run on a tiny hand-made input,
gives the number its formula describes (worked out by hand in the comments)."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from dashboard.models.methods import METHODS, Method
from tests.unit.test_scenarios_analytics import hand_fit, known_series


def named(method: Method) -> Callable:
    """The function a Methods entry names ("module.function" in dashboard.analytics)."""
    module, function = method.function.split(".")
    return getattr(importlib.import_module(f"dashboard.analytics.{module}"), function)


REPORTERS = pd.DataFrame(
    {
        "reporter": ["imf_dots_rus", "imf_dots_tjk"],
        "label": ["Russia (IMF DOTS)", "Tajikistan (IMF DOTS)"],
        "side": ["russia", "tajikistan"],
        "kind": ["statistics", "statistics"],
    }
)


def dots(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["year", "reporter", "flow", "value_usd_m"]).assign(source_id="imf-dots")


def total_and_balance(dots_measures: Callable) -> None:
    # total = 30 + 10 = 40, balance = 30 − 10 = 20; 2021 has one flow only: neither
    long = dots_measures(
        dots(
            (2020, "imf_dots_rus", "ru_to_tj", 30.0),
            (2020, "imf_dots_rus", "tj_to_ru", 10.0),
            (2021, "imf_dots_rus", "tj_to_ru", 5.0),
        ),
        REPORTERS,
    )
    values = long.set_index(["measure", "year"])["value_usd_m"].to_dict()
    assert values == {("ru_to_tj", 2020): 30.0, ("tj_to_ru", 2020): 10.0, ("tj_to_ru", 2021): 5.0} | {
        ("total", 2020): 40.0,
        ("balance", 2020): 20.0,
    }


def headline(headline_totals: Callable) -> None:
    columns = ["year", "figure_id", "source_kind", "status", "kind", "qualifier", "published_date", "value_usd_m"]
    annual = pd.DataFrame(
        [
            (2020, "dots", "dots", "final", "statistics", "exact", None, 900.0),
            (2020, "stat-2020", "published", "final", "statistics", "exact", "2021-02-01", 950.0),  # DOTS exists
            (2021, "early-stats", "published", "preliminary", "statistics", "exact", "2022-01-10", 1000.0),
            (2021, "final-word", "published", "final", "statement", "exact", "2022-03-01", 1100.0),
            (2022, "minister", "published", "final", "statement", "exact", "2023-01-10", 1200.0),
            (2022, "customs", "published", "final", "statistics", "exact", "2023-01-10", 1250.0),
            (2023, "about", "published", "final", "statement", "approximate", "2024-01-10", 1300.0),
            (2023, "bound", "published", "final", "statement", "lower_bound", "2024-01-10", 1350.0),
            (2023, "exact", "published", "final", "statement", "exact", "2024-01-10", 1320.0),
            (2024, "older", "published", "final", "statement", "exact", "2025-01-10", 1400.0),
            (2024, "newer", "published", "final", "statement", "exact", "2025-06-01", 1450.0),
        ],
        columns=columns,
    ).assign(measure="total")
    chosen = headline_totals(annual).set_index("year")["figure_id"].to_dict()
    # DOTS first; final before preliminary; statistics before officials; exact before approximate
    # before a bound; the most recently published
    assert chosen == {2020: "dots", 2021: "final-word", 2022: "customs", 2023: "exact", 2024: "newer"}


def headline_rows(rows: list[tuple]) -> pd.DataFrame:
    columns = ["year", "value_usd_m", "source_kind", "yoy_growth_pct", "growth_qualifier"]
    return pd.DataFrame(rows, columns=columns).assign(qualifier="exact", label="x")


def change_on_the_year_before(trade_kpis: Callable) -> None:
    published = trade_kpis(
        headline_rows([(2020, 800.0, "dots", None, None), (2021, 900.0, "published", 12.0, "exact")])
    )
    assert (published.change_pct, published.change_basis) == (12.0, "published")
    computed = trade_kpis(headline_rows([(2019, 800.0, "dots", None, None), (2020, 1000.0, "dots", None, None)]))
    assert (computed.change_pct, computed.change_basis) == (25.0, "computed")  # 1000 / 800 − 1
    mixed = trade_kpis(headline_rows([(2020, 800.0, "dots", None, None), (2021, 1000.0, "published", None, None)]))
    assert mixed.change_pct is None  # never across different sources
    gap = trade_kpis(headline_rows([(2018, 800.0, "dots", None, None), (2020, 1000.0, "dots", None, None)]))
    assert gap.change_pct is None  # nor across a missing year
    editions = headline_rows([(2019, 800.0, "dots", None, None), (2020, 1000.0, "dots", None, None)])
    editions = trade_kpis(editions.assign(source_id=["imf-dots", "imf-imts-2025"]))
    assert editions.change_pct is None  # nor between two editions of the IMF's series


def projection(projected: Callable) -> None:
    base = {"label": "Russian officials", "figure_id": "B", "year": 2021, "value_usd_m": 1000.0}
    own = {"label": "Russian officials", "figure_id": "G", "year": 2022, "period_type": "ytd", "period": "H1 2022"}
    assert projected(base, 20.0, own).value == pytest.approx(1200.0)  # 1000 × (1 + 20%), one reporter's
    assert projected(base, -25.0, None).value == pytest.approx(750.0)  # the viewer's growth applies to any base
    other = {**own, "label": "Tajik statistics agency"}
    result = projected(base, 20.0, other)  # another reporter's growth: no projection, and why
    assert result.value is None and result.reason == "different reporters (Tajik statistics agency; Russian officials)"


def border_against_published(against_published: Callable) -> None:
    from dashboard.analytics.basis import Basis, Figure

    # 1,246 km measured here on a map's line, 1,357 km published: two editions, so no 92%
    line = Figure(1246.0, Basis("this dashboard", "Digital Chart of the World"))
    factbook = Figure(1357.0, Basis("CIA World Factbook", "The World Factbook"))
    result = against_published(line, factbook)
    assert (
        result.value is None and result.reason == "different editions (Digital Chart of the World; The World Factbook)"
    )


def from_russia(from_russia_of: Callable) -> None:
    from dashboard.analytics.basis import Basis, Figure

    # 58% of remittances (Asia-Plus, 2021) and 47.9% of GDP (World Bank, 2024): not multiplied
    whole = Figure(47.9, Basis("World Bank", "WDI", 2024))
    apart = from_russia_of(Figure(58.0, Basis("Asia-Plus", "Asia-Plus", 2021)), whole)
    assert apart.value is None and "different reporters" in apart.reason
    together = from_russia_of(Figure(58.0, Basis("World Bank", "WDI", 2024)), whole)
    assert together.value == pytest.approx(27.782)  # 58% × 47.9%


def breakdown(values: list[float], complete: str) -> pd.DataFrame:
    return pd.DataFrame(
        {"hs4": ["2710", "1512", "7214", "1001"][: len(values)], "value_usd_m": values, "complete": complete}
    )


def concentration(concentration_of: Callable) -> None:
    from dashboard.analytics.products import at_level
    from dashboard.formatting.language import ENGLISH

    ranked = at_level(breakdown([500.0, 250.0, 150.0, 100.0], "true"), 4, None, ENGLISH)
    assert ranked["share_pct"].tolist() == [50.0, 25.0, 15.0, 10.0]  # value / 1,000 × 100
    result = concentration_of(ranked)
    assert result.top3_share_pct == 90.0  # 50 + 25 + 15
    assert result.hhi == 3450.0  # 50² + 25² + 15² + 10² = 2,500 + 625 + 225 + 100
    partial = at_level(breakdown([500.0, 250.0], "false"), 4, None, ENGLISH)
    assert concentration_of(partial) is None  # a partial breakdown


def points(*lon_lat: tuple[float, float]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(geometry=[shapely.Point(p) for p in lon_lat], crs="EPSG:4326")


# Along the 37th parallel, 68°E to 70°E: one degree of longitude there is 88.94 km on WGS84.
LINE = shapely.LineString([(68.0, 37.0), (69.0, 37.0), (70.0, 37.0)])


def border_length(geodesic_length_km: Callable) -> None:
    assert geodesic_length_km(LINE) == pytest.approx(2 * 88.94, rel=0.002)
    # one degree of latitude along a meridian at 37.5°N is 110.99 km; an extra vertex on it adds nothing
    meridian = shapely.LineString([(69.0, 37.0), (69.0, 37.5), (69.0, 38.0)])
    assert geodesic_length_km(meridian) == pytest.approx(110.99, abs=0.05)


def distance_to_border(distance_to_border_km: Callable) -> None:
    # half a degree of latitude north of the line is 55.5 km; a point on it is 0 km away
    distances = distance_to_border_km(points((69.0, 37.5), (69.0, 37.0)), LINE)
    assert distances.tolist() == [pytest.approx(55.5, rel=0.01), pytest.approx(0.0, abs=0.01)]


def border_within_r(border_coverage: Callable) -> None:
    reach = border_coverage(LINE, points((69.0, 37.0)), 20)  # a 20 km circle on the line covers 40 km of it
    assert reach.covered_km == pytest.approx(40.0, rel=0.01)
    assert reach.share == pytest.approx(40.0 / (2 * 88.94), rel=0.01)
    both = border_coverage(LINE, points((69.0, 37.0), (69.1, 37.0)), 20)  # the union: 40 km + 0.1° apart, once
    assert both.covered_km == pytest.approx(40.0 + 8.894, rel=0.02)


def dependency(dependency_of: Callable) -> None:
    backbone = pd.DataFrame({"year": [2020, 2021, 2022], "pct_gdp": [30.0, 20.0, 40.0]})
    dep = dependency_of(backbone)
    assert (dep.year, dep.pct_gdp, dep.change_pts) == (2022, 40.0, 20.0)  # 40 − 20 points
    assert (dep.low, dep.low_year, dep.high, dep.high_year, dep.median) == (20.0, 2021, 40.0, 2022, 30.0)
    assert dependency_of(backbone[backbone["year"] != 2021]).change_pts is None  # none across a gap


def remittance_shock(shock: Callable) -> None:
    # base 1,000, 50% from Russia: 500. After: 500 × (1 − 20%) × (1 + 50% × −10%) = 500 × 0.8 × 0.95 = 380.
    # Total 500 + 380 = 880; GDP effect 2 × (880 − 1,000) = −240, −6% of a 4,000 GDP.
    result = shock(1000.0, 4000.0, 50.0, -20.0, -10.0, 50.0, 2.0)
    assert result.from_russia_usd_m == 500.0 and result.from_elsewhere_usd_m == 500.0
    assert result.new_from_russia_usd_m == pytest.approx(380.0)
    assert result.new_total_usd_m == pytest.approx(880.0)
    assert result.gdp_effect_usd_m == pytest.approx(-240.0) and result.gdp_effect_pct == pytest.approx(-6.0)


def shock_presets(presets_from: Callable) -> None:
    figures = pd.DataFrame(
        {
            "figure_id": ["EARLY", "LATE", "ALL", "SHARE"],
            "value": [200.0, 150.0, -7.0, 80.0],
            "source_id": ["a", "b", "c", "d"],
            "note": ["", "", "", "a published share"],
        }
    )
    presets = pd.DataFrame(
        {
            "preset_id": ["levels", "published"],
            "label": ["two levels", "a published change"],
            "change_figure_id": ["LATE", "ALL"],
            "base_figure_id": ["EARLY", None],
            "applies_to": ["russia", "all"],
            "share_figure_id": ["SHARE", None],
            "basis": ["", ""],
        }
    )
    levels, published = presets_from(presets, figures)
    assert (levels.russia_change_pct, levels.russia_share_pct) == (-25.0, 80.0)  # 150 / 200 − 1
    assert (published.russia_change_pct, published.russia_share_pct) == (-7.0, 100.0)  # all origins: share 100%


def claims_against_the_record(claim_check: Callable) -> None:
    backbone = pd.DataFrame({"year": [2019, 2020, 2021], "remittances_usd_m": [100.0, 80.0, 60.0], "source_id": "wb"})
    check = claim_check(backbone, 2022)  # a claim of 2022 about the two years before it
    assert check.years["change_pct"].tolist() == pytest.approx([-20.0, -25.0])  # 80 / 100 − 1, 60 / 80 − 1
    assert check.overall_pct == pytest.approx(-40.0) and check.holds  # 60 / 100 − 1


def scenario_estimate(fit_transmission: Callable) -> None:
    # y = 5 + 2 g + 0.5 r exactly in every year: the estimate is a = 5, b = 2, c = 0.5, R² = 1
    fit = fit_transmission(known_series(outlier_year=0, jump=0.0))
    assert fit.params == pytest.approx([5.0, 2.0, 0.5]) and fit.r2 == pytest.approx(1.0)
    assert fit.n == 12 and fit.maxlags == 2  # floor(4 × 0.12^(2/9)) = floor(2.50)


def scenario_prediction(predict: Callable) -> None:
    # b = (1, 2, 3), x = (1, 1, 1): 6; √(0.14 + 0.86) = 1, ± t = 2: 4 to 8 (worked in test_scenarios_analytics)
    guess = predict(hand_fit(), (1.0, 1.0))
    assert (guess.mean, guess.low, guess.high) == (6.0, 4.0, 8.0)


def scenario_track_record(backtest: Callable) -> None:
    # without 2009 the rest fit exactly: 5 + 2 × (−7.8) + 0.5 × (−21.7) = −21.45; 2009 sits 10 above: a miss
    row = backtest(known_series(2009, 10.0), (2009,)).iloc[0]
    assert row["predicted"] == pytest.approx(-21.45) and row["actual"] == pytest.approx(-11.45) and not row["inside"]


def like_with_like(compare: Callable) -> None:
    from dashboard.analytics.basis import CHANGE, PART, Basis, Figure

    # 22.1% by Russian officials in 2024 against 20.6% by Tajik statistics in 2023: no +1.5 pts
    across = compare(CHANGE, Figure(22.1, Basis("Russian officials")), Figure(20.6, Basis("Tajik statistics")))
    assert across.value is None and "different reporters" in across.reason
    same = compare(CHANGE, Figure(22.1, Basis("Tajik statistics")), Figure(20.6, Basis("Tajik statistics")))
    assert same.value == pytest.approx(1.5)  # 22.1 − 20.6
    share = compare(PART, Figure(50.0, Basis("WB", "WDI", 2024)), Figure(40.0, Basis("WB", "WDI", 2023)))
    assert share.value is None and share.reason == "different years (2024; 2023)"  # a share of another year


def gap_by_year(gap: Callable) -> None:
    # Tajikistan (importer) 125, Russia (exporter) 100: 25 and 25%; 2021: Russia's is an IMF estimate: no gap
    rows = pd.DataFrame(
        {
            "year": [2020, 2020, 2021, 2021],
            "reporter": ["tjk", "rus", "tjk", "rus"],
            "value_usd_m": [125.0, 100.0, 130.0, 90.0],
            "estimate": [False, False, False, True],
            "source_id": "dots",
        }
    )
    frame = gap(rows, "reporter", "tjk", "rus").set_index("year")
    assert (frame.loc[2020, "gap_usd_m"], frame.loc[2020, "gap_pct"]) == (25.0, 25.0)
    assert pd.isna(frame.loc[2021, "gap_pct"]) and "estimate" in frame.loc[2021, "no_gap_reason"]


def partner_cells(*rows: tuple) -> pd.DataFrame:
    """(partner, flow, year, value) cells Tajikistan reported; World is an aggregate, the rest countries."""
    frame = pd.DataFrame(rows, columns=["partner", "flow", "year", "value_usd_m"])
    return frame.assign(
        reporter_iso3="TJK",
        partner_label=frame["partner"],
        partner_kind=frame["partner"].map(lambda p: "aggregate" if p == "World" else "country"),
        partner_iso3="",
        imf_estimate="false",
        source_id="imf",
    )


def partner_shares() -> pd.DataFrame:
    from dashboard.analytics import partners

    cells = partner_cells(
        ("World", "exports", 2020, 40.0),
        ("World", "imports", 2020, 60.0),
        ("Russia", "exports", 2020, 10.0),
        ("Russia", "imports", 2020, 20.0),
        ("China", "imports", 2020, 25.0),  # one flow only
        ("Spain", "exports", 2020, 5.0),
        ("Spain", "imports", 2020, 10.0),
        ("World", "exports", 2019, 50.0),
        ("World", "imports", 2019, 50.0),
        ("Russia", "exports", 2019, 5.0),
        ("Russia", "imports", 2019, 15.0),
    )
    return partners.shares_of_world(partners.reporter_flow(cells, "TJK", "total"))


def share_of_trade(shares_of_world: Callable) -> None:
    from dashboard.analytics import partners

    cells = partner_cells(
        ("World", "exports", 2020, 40.0), ("World", "imports", 2020, 60.0),
        ("Russia", "exports", 2020, 10.0), ("Russia", "imports", 2020, 20.0),
        ("China", "imports", 2020, 25.0),
    )  # fmt: skip
    shares = shares_of_world(partners.reporter_flow(cells, "TJK", "total")).set_index("partner")["share_pct"]
    assert shares["Russia"] == pytest.approx(30.0)  # (10 + 20) / (40 + 60)
    assert pd.isna(shares["China"])  # 25 is one flow: not a share of the total


def rank_among_partners(ranking: Callable) -> None:
    ranked = ranking(partner_shares(), 2020)
    assert ranked[["partner", "rank"]].values.tolist() == [["Russia", 1], ["Spain", 2]]  # 30% and 15%; China unranked


def rest_of_world(with_rest: Callable) -> None:
    frame = with_rest(partner_shares(), ["Russia"]).set_index(["partner", "year"])["share_pct"]
    assert frame[("Rest of world", 2020)] == pytest.approx(70.0)  # (100 − 30) / 100
    assert frame[("Rest of world", 2019)] == pytest.approx(80.0)  # (100 − 20) / 100


def change_in_share(changes_since: Callable) -> None:
    changes = changes_since(partner_shares(), ["Russia", "China"], 2019, 2020).set_index("partner")
    assert changes.loc["Russia", "change_pts"] == pytest.approx(10.0)  # 30% − 20%
    assert pd.isna(changes.loc["China", "change_pts"])  # no share in either year


CHECKS: dict[str, Callable[[Callable], None]] = {
    "Total trade and balance (IMF DOTS)": total_and_balance,
    "Like with like (every change, gap and share)": like_with_like,
    "Mirror gap": gap_by_year,
    "Share of Tajikistan's trade (partners)": share_of_trade,
    "Rank among partners": rank_among_partners,
    "Largest partners and the rest of the world": rest_of_world,
    "Change in a partner's share": change_in_share,
    "One figure per year (headline)": headline,
    "Change on the year before (trade)": change_on_the_year_before,
    "Full-year projection": projection,
    "Share of a direction's total and concentration (products)": concentration,
    "Border length": border_length,
    "Distance to the border": distance_to_border,
    "Border within R km": border_within_r,
    "Border line against a published length": border_against_published,
    "Remittances from Russia, % of GDP": from_russia,
    "Dependency on remittances": dependency,
    "Remittance shock": remittance_shock,
    "Historical shock presets": shock_presets,
    "Claims against the record": claims_against_the_record,
    "Scenario: remittances' response to Russia (estimate)": scenario_estimate,
    "Scenario: the year ahead and its interval": scenario_prediction,
    "Scenario track record": scenario_track_record,
}


def test_every_method_has_a_check():
    assert set(CHECKS) == {method.figure for method in METHODS}


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.figure)
def test_the_named_function_computes_what_the_method_says(method):
    CHECKS[method.figure](named(method))
