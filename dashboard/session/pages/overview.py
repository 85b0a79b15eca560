"""The Overview's part of a link: which kinds of events its timeline lists."""

from __future__ import annotations

from dashboard.session.pages.filters import Filters
from dashboard.session.params import subset

EVENT_CATEGORIES = ("diplomacy", "economy", "migration", "politics", "security")


class OverviewState(Filters, page="overview"):
    ov_cats: tuple[str, ...] = subset(
        EVENT_CATEGORIES,
        noun="category",
        example=("diplomacy", "security"),
        says="Which kinds of events the timeline lists",
    )
