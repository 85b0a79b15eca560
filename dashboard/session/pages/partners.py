"""The Partners page's part of a link: the flow, how many partners, the comparison year, neighbours, mirror."""

from __future__ import annotations

from dashboard.session.pages.filters import Filters
from dashboard.session.params import Range, choice, slider, subset, year

PARTNER_FLOWS = ("total", "exports", "imports")
NEIGHBOUR_CODES = ("tjk", "kaz", "kgz", "uzb", "tkm")
MIRROR_PARTNERS = ("rus", "chn")
PARTNER_TOP = Range(3, 10, 1)


class PartnersState(Filters, page="partners"):
    """The comparison year is read against Tajikistan's rows in the partner data, not the trade data's years."""

    pt_flow: str = choice(
        PARTNER_FLOWS, default="total", example="imports", says="Tajikistan's exports plus imports, or one flow"
    )
    pt_top: int = slider(
        PARTNER_TOP,
        default=5,
        reads="whole",
        example=8,
        says="How many of Tajikistan's largest partners are drawn (the rest grouped)",
    )
    pt_since: int = year(
        within="the partner data",
        default=2000,
        example=2010,
        says="The year each partner's share is compared with (a year of Tajikistan's partner data, 1992–2020 as "
        "shipped)",
    )
    pt_countries: tuple[str, ...] = subset(
        NEIGHBOUR_CODES, noun="country", example=("tjk", "kgz"), says="The Central Asian countries compared"
    )
    pt_mirror: str = choice(
        MIRROR_PARTNERS,
        default="rus",
        example="chn",
        says="Whose report of its trade with Tajikistan is set against Tajikistan's",
    )
