"""The Border page's part of a link: the reach around Russia's sites and what the map draws."""

from __future__ import annotations

from dashboard.session.pages.filters import Filters
from dashboard.session.params import Range, slider, subset

MAP_LAYERS = ("russian", "crossings", "cities", "rivers", "coverage")
RADIUS_KM = Range(0, 600, 10)


class BorderState(Filters, page="border"):
    radius: int = slider(
        RADIUS_KM,
        default=100,
        reads="steps",
        unit="km",
        example=150,
        says="Reach around Russia's active facilities for the coverage of the border",
    )
    layers: tuple[str, ...] = subset(
        MAP_LAYERS,
        noun="layer",
        example=("russian", "coverage"),
        says="What the map draws besides countries and the border",
    )
