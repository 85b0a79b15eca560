"""How every derived figure is computed: the Methods section of the Sources & data page.

Each entry names the function that computes it, and tests/unit/test_methods.py runs each on a
small input and checks the number the entry's formula describes, so the page cannot describe
arithmetic the code no longer does.
"""

from __future__ import annotations

from dataclasses import dataclass

from dashboard.formatting.catalogue import N_


@dataclass(frozen=True)
class Method:
    """One derived figure: its name and formula in English, marked for the catalogue and shown in
    the viewer's language (`lang.gettext(method.formula)`), and the function that computes it."""

    figure: str
    formula: str
    function: str  # module.function in dashboard.analytics


METHODS: tuple[Method, ...] = (
    Method(
        N_("Total trade and balance (IMF DOTS)"),
        N_(
            "total = Russia→Tajikistan + Tajikistan→Russia; balance = Russia→Tajikistan − Tajikistan→Russia, "
            "for one reporter and year, only where that reporter gives both flows"
        ),
        "trade.dots_measures",
    ),
    Method(
        N_("Like with like (every change, gap and share)"),
        N_(
            "a change needs one reporter, one edition and the same estimate status; a gap one year and one edition, "
            "neither side an IMF estimate; a share, or a share applied to a whole, one reporter, year and edition; a "
            "projection a growth of the base's own reporter and edition; none of them a partial figure (one flow of "
            "two, part of a year), but for the part-year growth a projection applies by design. Otherwise no "
            "number: both figures are shown side by side with the reason"
        ),
        "basis.compare",
    ),
    Method(
        N_("Mirror gap"),
        N_(
            "importer's figure − exporter's figure, and that as % of the exporter's, per year and flow; no gap where "
            "one side is missing or an IMF estimate stands behind it; two figures of one side for a year are an "
            "error, never averaged. The Trade and Partners pages both use this one definition"
        ),
        "trade.gap_by_year",
    ),
    Method(
        N_("One figure per year (headline)"),
        N_(
            "IMF DOTS where it exists; otherwise the best-ranked published statement: final before preliminary, "
            "statistics before officials before media, exact before approximate before a bound, most recent first"
        ),
        "trade.headline_totals",
    ),
    Method(
        N_("Change on the year before (trade)"),
        N_(
            "the growth published with the figure; or, between two consecutive IMF years, value / previous − 1; "
            "never across different sources"
        ),
        "trade.trade_kpis",
    ),
    Method(
        N_("Full-year projection"),
        N_(
            "previous full year × (1 + growth), where a published growth is the base's own reporter's (like with "
            "like; a growth set on the slider always applies); it carries the base's qualifier, and the published "
            "growth's while the growth is left at it"
        ),
        "trade_projection.projected",
    ),
    Method(
        N_("Share of a direction's total and concentration (products)"),
        N_(
            "value / sum of a complete breakdown × 100; top-3 share = sum of the three largest shares; "
            "HHI = Σ share² (shares in %, 0–10,000); none of these from a partial breakdown"
        ),
        "products.concentration",
    ),
    Method(
        N_("Share of Tajikistan's trade (partners)"),
        N_(
            "a partner's exports + imports / the World's exports + imports × 100, as the same reporter told the IMF, "
            "for one year; none where the partner's or the World's total has one flow only; the IMF's aggregates "
            "are never partners"
        ),
        "partners.shares_of_world",
    ),
    Method(
        N_("Rank among partners"),
        N_(
            "the partners with a share that year, largest share first (1 = largest); partners with one flow only "
            "are not ranked and are counted apart"
        ),
        "partners.ranking",
    ),
    Method(
        N_("Largest partners and the rest of the world"),
        N_(
            "the N largest shares in the latest year; rest = World − the N partners' sum, only in years where every "
            "one of the N has a share"
        ),
        "partners.with_rest",
    ),
    Method(
        N_("Change in a partner's share"),
        N_(
            "share in the latest year − share in the year compared with, in points, only where both shares stand "
            "alike (like with like); else the reason"
        ),
        "partners.changes_since",
    ),
    Method(
        N_("Border length"),
        N_("geodesic length on the WGS84 ellipsoid, vertex to vertex, of the line drawn"),
        "border.geodesic_length_km",
    ),
    Method(
        N_("Distance to the border"),
        N_(
            "shortest distance from a site to the border line in a Lambert equal-area projection "
            "centred on 70°E, 37.5°N"
        ),
        "border.distance_to_border_km",
    ),
    Method(
        N_("Border within R km"),
        N_(
            "geodesic length of the border inside the union of R-km circles around Russia's active garrisons and "
            "facilities, and its share of the line's length"
        ),
        "border.border_coverage",
    ),
    Method(
        N_("Border line against a published length"),
        N_(
            "a length measured here on a map's line as % of a published length of the border, only where both are "
            "one edition: a map and a reference book never are (a line drawn at any scale smooths the rivers' "
            "bends), so both lengths are shown side by side, each with whose it is"
        ),
        "border.against_published",
    ),
    Method(
        N_("Remittances from Russia, % of GDP"),
        N_(
            "the share of remittances from Russia × remittances as % of GDP, only where the share and the total are "
            "one reporter's, edition's and year's; else both figures side by side with the reason (the published "
            "share is of another source and year than the World Bank's total)"
        ),
        "remittances.from_russia",
    ),
    Method(
        N_("Dependency on remittances"),
        N_(
            "the World Bank's % of GDP in the latest year, its change in points on the year before (none across a "
            "gap), and the lowest, highest and median of the years shown"
        ),
        "remittances.dependency",
    ),
    Method(
        N_("Remittance shock"),
        N_(
            "from Russia = base × share; after = from Russia × (1 + change) × (1 + pass-through × ruble change); "
            "total = from elsewhere + after; GDP effect = multiplier × (total − base), GDP held at its base"
        ),
        "remittances.remittance_shock",
    ),
    Method(
        N_("Historical shock presets"),
        N_(
            "the change a preset loads = later figure / earlier figure − 1, or the published change; an all-origins "
            "change is applied to all remittances (share 100%)"
        ),
        "remittances.shock_presets",
    ),
    Method(
        N_("Claims against the record"),
        N_(
            "each year's change of the World Bank series over the span the claim names, and the change over the "
            "whole span; troop claims against the lowest and highest figure published around the claim's date"
        ),
        "remittances.claim_check",
    ),
    Method(
        N_("Scenario: remittances' response to Russia (estimate)"),
        N_(
            "for each economy, remittance growth (US$, % on the year before) = a + b × Russia's real GDP growth + "
            "c × the ruble's change against the US$ (change in US$ per ruble), same year, every year from 2000 with "
            "all three; ordinary least squares, Newey–West (HAC) errors with floor(4 (N/100)^(2/9)) lags, "
            "small-sample corrected, t-based 90% intervals (statsmodels' estimator, held to its output by the tests)"
        ),
        "scenarios.fit_transmission",
    ),
    Method(
        N_("Scenario: the year ahead and its interval"),
        N_(
            "growth = a + b × growth + c × ruble; interval = growth ± t × √(x V xᵀ + s²) (V the HAC covariance, s² "
            "the residual variance); two or three years ahead, the drivers held in every year and the growths "
            "compounded, the interval from the compounded growth's exact mean and variance (the estimate's error "
            "the same every year, each year's own surprise independent); scaled by (1 + change in migrant workers) "
            "a year; applied to the latest year through the remittance shock with the whole inflow exposed"
        ),
        "scenarios.compound",
    ),
    Method(
        N_("Scenario track record"),
        N_(
            "for 2009, 2015, 2020 and 2022 in turn: the estimate fitted without that year predicts it from that "
            "year's drivers; inside or outside its 90% interval"
        ),
        "scenarios.backtest",
    ),
)
