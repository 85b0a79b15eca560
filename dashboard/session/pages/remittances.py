"""The Remittances page's part of a link: the shock's sliders and whether other sources are drawn."""

from __future__ import annotations

from dashboard.session.pages.filters import Filters
from dashboard.session.params import Range, choice, slider

REM_RUSSIA = Range(-100.0, 50.0, 0.1)
REM_RUBLE = Range(-60.0, 60.0, 0.1)
REM_PASS = Range(0.0, 100.0, 1.0)
REM_SHARE = Range(0.0, 100.0, 0.1)
REM_MULT = Range(0.0, 3.0, 0.1)


class RemittancesState(Filters, page="remittances"):
    """The five sliders are the scenario its Reset undoes."""

    rem_russia: float = slider(
        REM_RUSSIA, default=0.0, reset=True, example=-33, says="Change in remittances from Russia"
    )
    rem_ruble: float = slider(
        REM_RUBLE,
        default=0.0,
        reset=True,
        example=-20,
        says="Change of the ruble against the US$ (negative = weaker ruble)",
    )
    rem_pass: float = slider(
        REM_PASS,
        default=100.0,
        reset=True,
        example=50,
        says="Share of Russian-earned remittances whose dollar value follows the ruble",
    )
    rem_share: float | None = slider(
        REM_SHARE,
        from_data="latest published share",
        reset=True,
        example=78,
        says="Russia's share of remittances",
    )
    rem_mult: float = slider(
        REM_MULT,
        default=1.0,
        unit="",
        reset=True,
        example=0.8,
        says="GDP change per dollar of remittances lost or gained",
    )
    rem_others: str = choice(
        ("show", "hide"),
        default="show",
        example="hide",
        says="Whether other sources' figures are drawn beside the World Bank series",
    )
