"""Every chart builder's spec is valid Vega-Lite, draws the marks it should, and encodes only fields its data has.

The pages skip schema validation when they build a spec (dashboard/cache/specs.py chart_spec):
this module is where it happens, once per builder, on inputs made the way the pages make them
(tests/unit/chart_inputs.py). A new builder without a case fails the first test.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import typing
from collections.abc import Iterator

import altair as alt
import pandas as pd
import pytest

import dashboard.charts
from dashboard.charts import border as border_charts
from tests.unit import chart_inputs as inputs
from tests.unit.chart_inputs import CASES, Case


def chart_modules() -> list:
    return [
        importlib.import_module(f"dashboard.charts.{m.name}") for m in pkgutil.iter_modules(dashboard.charts.__path__)
    ]


def public_functions() -> Iterator:
    for module in chart_modules():
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ == module.__name__ and not name.startswith("_"):
                yield function


def returns_a_chart(function) -> bool:
    returned = typing.get_type_hints(function).get("return")
    return inspect.isclass(returned) and issubclass(returned, alt.TopLevelMixin)


def test_every_public_chart_function_says_what_it_returns():
    unannotated = [f.__qualname__ for f in public_functions() if "return" not in typing.get_type_hints(f)]
    assert unannotated == [], "a builder without a return annotation would escape the check below"


def test_every_chart_builder_has_a_case():
    builders = {f"{f.__module__}.{f.__qualname__}" for f in public_functions() if returns_a_chart(f)}
    cased = {f"{case.builder.__module__}.{case.builder.__qualname__}" for case in CASES}
    assert builders - cased == set(), "add a case to tests/unit/chart_inputs.py for each new builder"
    assert cased - builders == set()


def test_validation_is_on_and_catches_an_invalid_spec():
    broken = alt.Chart(pd.DataFrame({"a": [1]})).mark_point().encode(x="a:Q")
    broken.height = "tall"  # what chart_spec's validate=False would let through
    assert broken.to_dict(validate=False)["height"] == "tall"
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        broken.to_dict(validate=True)


def build(case: Case) -> dict:
    spec = case.builder(*case.args).to_dict(validate=True)
    return border_charts.with_map_data(spec, case.datasets) if case.datasets else spec


def units(spec: dict, data: dict | None = None) -> Iterator[tuple[dict, dict | None]]:
    """Each single-mark view of a spec, with the data it draws (its own, or its parent's)."""
    data = spec.get("data", data)
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in spec.get(key, []):
            yield from units(child, data)
    if "mark" in spec:
        yield spec, data


def mark_type(unit: dict) -> str:
    mark = unit["mark"]
    return mark if isinstance(mark, str) else mark["type"]


def encoded_fields(node) -> Iterator[str]:
    """Field names an encoding reads: channels, tooltips, conditions (their tests included)."""
    if isinstance(node, dict):
        if isinstance(node.get("field"), str):
            yield node["field"]
        if isinstance(node.get("test"), str):
            yield from datum_fields(node["test"])
        for value in node.values():
            yield from encoded_fields(value)
    elif isinstance(node, list):
        for value in node:
            yield from encoded_fields(value)


def datum_fields(expression: str) -> list[str]:
    """`datum.a` reads a; `datum.properties.a` reads a GeoJSON feature's property a."""
    return re.findall(r"datum\.((?:properties\.)?\w+)", expression)


def filtered_fields(unit: dict) -> Iterator[str]:
    for transform in unit.get("transform", []):
        if isinstance(transform.get("filter"), str):
            yield from datum_fields(transform["filter"])


def calculated_fields(unit: dict) -> set[str]:
    """Fields a layer works out itself (a calculate transform) or looks up in another table (a
    lookup transform: the map's radius), from its data's own."""
    transforms = unit.get("transform", [])
    looked_up = {name for t in transforms if "lookup" in t for name in t["from"].get("fields", [])}
    return {transform["as"] for transform in transforms if "calculate" in transform} | looked_up


def columns(rows: list[dict]) -> set[str]:
    if rows and rows[0].get("type") == "Feature":  # GeoJSON: a geoshape reads properties.<name>
        return {f"properties.{key}" for row in rows for key in (row.get("properties") or {})}
    return {key for row in rows for key in row}


def rows_of(spec: dict, data: dict | None) -> list[dict]:
    assert data is not None, "a layer without data"
    if "values" in data:
        return data["values"]
    return spec["datasets"][data["name"]]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_spec_is_valid_and_draws_its_marks(case):
    spec = build(case)  # raises if the spec breaks the Vega-Lite schema
    assert [mark_type(unit) for unit, _ in units(spec)] == case.marks


@pytest.mark.parametrize("case", [case for case in CASES if not case.edge], ids=lambda case: case.id)
def test_every_encoded_field_is_in_the_data_drawn(case):
    spec = build(case)
    for unit, data in units(spec):
        rows = rows_of(spec, data)
        assert rows, f"{mark_type(unit)} layer draws no rows: give the case some"
        wanted = set(encoded_fields(unit.get("encoding", {}))) | set(filtered_fields(unit))
        missing = wanted - columns(rows) - calculated_fields(unit)
        assert not missing, f"{mark_type(unit)} layer encodes {sorted(missing)}, not in its data"


# --- what particular charts promise, on the same inputs ---------------------------------------


def spec_of(case_id: str) -> dict:
    (case,) = [case for case in CASES if case.id == case_id]
    return build(case)


def test_overview_trade_trend_tells_the_sides_apart_by_colour_and_dash():
    encoding = spec_of("overview.trade_trend")["encoding"]
    assert encoding["color"]["scale"]["domain"] == ["Russia", "Tajikistan"]
    assert encoding["strokeDash"]["scale"]["domain"] == ["Russia", "Tajikistan"]
    assert encoding["y"]["field"] == "value" and encoding["y"]["title"] == "US$ bn"  # the viewer's unit


def test_overview_remittances_trend_breaks_at_the_missing_year():
    spec = spec_of("overview.remittances_trend")
    drawn = spec["datasets"][spec["data"]["name"]]
    assert spec["encoding"]["detail"]["field"] == "segment"
    # 2019 has no % of GDP: 2018 alone, then 2020-2023
    assert [(row["year"], row["segment"]) for row in drawn][:2] == [(2018, "1"), (2020, "2")]


def test_remittances_axis_follows_the_measure():
    usd = spec_of("remittances.remittances_chart[usd]")["layer"][0]["encoding"]["y"]["axis"]
    pct = spec_of("remittances.remittances_chart[pct, World Bank only]")["layer"][0]["encoding"]["y"]["axis"]
    assert usd == {"format": ",.0f"}
    assert pct["labelExpr"] == "datum.label + '%'"


def test_remittances_shock_stacks_russia_and_the_rest_before_and_after():
    encoding = spec_of("remittances.shock_chart")["encoding"]
    assert encoding["x"]["stack"] == "zero"
    assert encoding["y"]["sort"] == ["Before", "After the shock"]


def test_remittances_claim_colours_falls_apart_from_rises():
    spec = spec_of("remittances.claim_chart")
    bars = spec["layer"][0]
    assert bars["encoding"]["color"]["condition"]["test"] == "datum.change_pct < 0"
    changes = [round(row["change_pct"], 2) for row in spec["datasets"][bars["data"]["name"]]]
    assert changes == [round((2.2 / 2.3 - 1) * 100, 2), round((2.9 / 2.2 - 1) * 100, 2)]  # 2020 fell, 2021 rose


def test_products_coverage_keeps_a_year_without_data_on_the_axis():
    x = spec_of("products.coverage_chart")["encoding"]["x"]
    assert sorted(set(inputs.PRODUCTS_MODEL.coverage["year"])) == [2019, 2021, 2022, 2023]
    assert x["scale"]["domain"] == [2019, 2020, 2021, 2022, 2023]  # 2020 is a blank column, not left out


def test_products_bars_leave_room_for_their_labels():
    layers = spec_of("products.top_products_chart[complete]")["layer"]
    assert layers[0]["encoding"]["x"]["scale"]["domain"] == [0.0, 500 * 1.35]  # largest heading: 500


def test_products_published_bounds_are_hollow_and_shares_stop_at_100():
    layers = spec_of("products.published_chart[share over 50%]")["layer"]
    assert layers[0]["transform"] == [{"filter": "!(datum.qualifier != 'exact')"}]
    assert layers[1]["mark"]["fillOpacity"] == 0.15
    assert layers[0]["encoding"]["x"]["axis"]["values"] == [0, 20, 40, 60, 80, 100]


def test_products_trend_points_are_never_joined():
    spec = spec_of("products.trend_chart")
    assert spec["mark"]["type"] == "point"
    assert [row["period"] for row in spec["datasets"][spec["data"]["name"]]] == ["2022", "H1 2023"]


def test_border_map_needs_nothing_from_the_network():
    spec = spec_of("border.border_map[every layer]")
    assert spec["projection"]["type"] == "conicConformal"
    assert set(spec["datasets"]) >= {"countries", "rivers", "border", "reach", "covered", "reach_radius"}
    assert "url" not in str(spec)
