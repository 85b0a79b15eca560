"""The Trade page's part of a link: the mirrored flow and the full-year projection."""

from __future__ import annotations

from dashboard.session.pages.filters import Filters
from dashboard.session.params import Range, choice, figure_id, slider, year

MIRROR_FLOWS = ("ru_to_tj", "tj_to_ru")
GROWTH = Range(-100.0, 200.0, 0.1)


class TradeState(Filters, page="trade"):
    """Year parameters read against the trade data's years."""

    flow: str = choice(
        MIRROR_FLOWS, default="ru_to_tj", example="tj_to_ru", says="The flow compared between the two reporters"
    )
    proj_year: int | None = year(
        within="the data",
        from_data="latest year with a part-year growth figure",
        example=2022,
        says="The year to project to a full year",
    )
    proj_base: str | None = figure_id(
        from_data="best-ranked figure for the previous year",
        example="RUTJ-030",
        says="The previous full year's figure the projection starts from (a figure_id of "
        "data/trade_published.csv, or imf_dots_rus / imf_dots_tjk)",
    )
    proj_growth: float | None = slider(
        GROWTH,
        from_data="latest published part-year growth for that year",
        example=70,
        says="Growth applied to the previous full year",
    )
