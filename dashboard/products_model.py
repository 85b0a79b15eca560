"""What the Products page shows that does not depend on the viewer, built once; and the tables
one search of it lists, built once per direction and search."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import products as prod
from dashboard.formatting import FLOW_LABELS, money, period_labels


@dataclass(frozen=True)
class ProductsModel:
    sources: pd.DataFrame
    products: pd.DataFrame  # every named product and published figure, with its official HS description
    breakdown: pd.DataFrame  # values by HS heading, when a source gives them (empty until a refresh)
    coverage: pd.DataFrame  # year × direction: what product data exists, with the direction's label
    cited: pd.DataFrame  # the source_id of every product row and breakdown row
    trends: pd.DataFrame  # product families valued in more than one period
    years: tuple[int, ...]  # years with any product data, latest last
    default_year: int | None  # the latest year with a breakdown, else the latest year with any data
    reporter_labels: dict[str, str]


def build_products_model(
    products: pd.DataFrame, breakdown: pd.DataFrame, reporters: pd.DataFrame, sources: pd.DataFrame
) -> ProductsModel:
    described = products.assign(
        hs_description=products["hs_codes"].map(prod.describe_codes),
        year=products["period_start"].str[:4].astype("Int64"),
        publisher=products["source_id"].map(sources.set_index("source_id")["publisher"]),
    )
    coverage = prod.coverage(products, breakdown)
    years = tuple(sorted(set(coverage["year"].astype(int))))
    with_breakdown = sorted(set(breakdown["year"].astype(int)))
    return ProductsModel(
        sources=sources,
        products=described,
        breakdown=breakdown,
        coverage=coverage.assign(direction_label=coverage["direction"].map(FLOW_LABELS)),
        cited=pd.concat([products[["source_id"]], breakdown[["source_id"]]], ignore_index=True),
        trends=prod.trends(described),
        years=years,
        default_year=with_breakdown[-1] if with_breakdown else (years[-1] if years else None),
        reporter_labels=dict(zip(reporters["reporter"], reporters["label"], strict=True)),
    )


# The CSV of a direction: every named product and published figure, with its source.
CSV_COLUMNS = [
    "product_id",
    "direction",
    "hs_codes",
    "product_name",
    "hs_description",
    "period_type",
    "period_start",
    "period_end",
    "value_usd_m",
    "value_qualifier",
    "share_pct",
    "share_of",
    "source_id",
    "note",
]


@dataclass(frozen=True)
class DirectionTables:
    """One direction's tables for one search (shared read-only: a slider move redraws them as they are)."""

    named: pd.DataFrame  # the main products the sources name, as listed
    named_by: str  # who names them
    figures: pd.DataFrame  # every published value or share, latest first, as listed
    rows: pd.DataFrame  # the direction's CSV


def build_direction_tables(model: ProductsModel, direction: str, query: str) -> DirectionTables:
    products = model.products
    in_direction = products[products["direction"] == direction]
    matching = in_direction[prod.matches(in_direction, query)]
    named = matching[matching["mention"] == "main_flow"]
    figures = matching[matching["mention"] == "figure"].sort_values("period_end", ascending=False)
    return DirectionTables(
        named=pd.DataFrame(
            {
                "Product (as published)": named["product_name"],
                "HS": named["hs_codes"],
                "Official HS description": named["hs_description"],
            }
        ),
        named_by=", ".join(sorted(set(named["publisher"].dropna()))),
        figures=pd.DataFrame(
            {
                "Period": period_labels(figures),
                "Product": figures["product_name"],
                "Value": [
                    money(v, "auto", q) if pd.notna(v) else "–"
                    for v, q in zip(figures["value_usd_m"], figures["value_qualifier"], strict=True)
                ],
                "Share": [f"{s:g}%" if pd.notna(s) else "–" for s in figures["share_pct"]],
                "Share of": figures["share_of"].fillna("–"),
                "HS": figures["hs_codes"].fillna("–"),
                "Source": figures["publisher"],
            }
        ),
        rows=in_direction[CSV_COLUMNS],
    )


def build_trend_frame(model: ProductsModel, query: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The product families valued more than once that match a search: (chart frame, CSV rows)."""
    trends = model.trends[prod.matches(model.trends, query)]
    frame = trends.assign(
        family=trends["direction"].map(FLOW_LABELS)
        + ", "
        + trends.groupby(["direction", "hs_codes"])["product_name"].transform("first")
        + " (HS "
        + trends["hs_codes"]
        + ")",
        period=period_labels(trends),
    )
    return frame[["period_end", "value_usd_m", "family", "product_name", "period", "publisher", "note"]], trends
