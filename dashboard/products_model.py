"""What the Products page shows that does not depend on the viewer, built once."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import products as prod


@dataclass(frozen=True)
class ProductsModel:
    sources: pd.DataFrame
    products: pd.DataFrame  # every named product and published figure, with its official HS description
    breakdown: pd.DataFrame  # values by HS heading, when a source gives them (empty until a refresh)
    coverage: pd.DataFrame  # year × direction: what product data exists
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
        coverage=coverage,
        trends=prod.trends(described),
        years=years,
        default_year=with_breakdown[-1] if with_breakdown else (years[-1] if years else None),
        reporter_labels=dict(zip(reporters["reporter"], reporters["label"], strict=True)),
    )
