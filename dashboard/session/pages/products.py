"""The Products page's part of a link: the year, the HS level, the directions, the search, the top N."""

from __future__ import annotations

from dashboard.session.pages.filters import Filters
from dashboard.session.params import Range, choice, slider, text, year

PRODUCT_TOP = Range(3, 25, 1)


class ProductsState(Filters, page="products"):
    """The year is read against the product data's own years."""

    prod_year: int | None = year(
        within="the product data",
        from_data="latest year with a breakdown, else with any product data",
        example=2023,
        says="The year of the product breakdown",
    )
    prod_top: int = slider(PRODUCT_TOP, default=10, reads="whole", example=5, says="How many products the bars show")
    prod_level: str = choice(
        ("2", "4", "6"), default="4", example="2", says="HS chapters (2), headings (4) or products (6)"
    )
    prod_focus: str = choice(
        ("both", "ru_to_tj", "tj_to_ru"),
        default="both",
        example="ru_to_tj",
        says="Both directions side by side, or one",
    )
    prod_q: str = text(limit=40, example="cotton", says="Search product names, HS codes and official descriptions")
