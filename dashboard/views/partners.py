"""Partners & region: Russia among all of Tajikistan's partners, and Tajikistan among its neighbours."""

from __future__ import annotations

import streamlit as st

from dashboard.analytics import partners as pt
from dashboard.cache import shared
from dashboard.charts import partners as charts
from dashboard.models.partners import PartnersModel, page_years
from dashboard.session.binding import bound_slider, bound_widget, current_view
from dashboard.session.pages.partners import MIRROR_PARTNERS, NEIGHBOUR_CODES, PARTNER_FLOWS, PartnersState
from dashboard.session.readers import in_order
from dashboard.views import components

FLOW_NAMES = {"total": "Exports + imports", "exports": "Tajikistan's exports", "imports": "Tajikistan's imports"}
FLOW_WORDS = {"total": "trade", "exports": "exports", "imports": "imports"}
ESTIMATE_NOTE = (
    "Filled marks: the reporter's own figures; hollow circles: the share rests on an IMF estimate (the IMF's "
    "'e' marker, often made from partner data). Where only one of exports and imports has a figure there is no "
    "share of the total (half a total over a whole one would understate it). A break in a line is a year with "
    "no share, never a zero."
)
NEIGHBOUR_COLORS = {name: charts.COUNTRY_COLORS[name] for name in charts.COUNTRY_COLORS}
RANKED = 15
YEARS_REACH = (
    "The sidebar's Years filter narrows every chart over time on this page; at its full range each chart shows "
    "all of its own years (the partner figures from {first}). The four headline figures and the world ranking "
    "are for the latest year with data and do not follow it."
)


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def change_words(russia: pt.Standing) -> str | None:
    """The share's change since the compared year, or why there is none: never a number across bases."""
    if russia.change is None:
        return None
    if russia.change.comparable:
        return f"{russia.change.value:+.1f} pts since {russia.since_year}"
    return f"not compared with {russia.since_year}: {russia.change.reason}"


def headline(model: PartnersModel, view: PartnersState) -> None:
    shown = shared.partners_headline(view.pt_since)
    russia, rival, rank = shown.russia, shown.rival, shown.remittances
    columns = st.columns(4)
    if russia is not None:
        basis = pt.share_whose(russia.reporter, russia.basis, model.edition)
        unranked = f"; {russia.unranked} more had one flow only and are not ranked" if russia.unranked else ""
        components.metric(
            columns[0],
            f"Russia among Tajikistan's partners, {russia.year}",
            f"{ordinal(russia.rank)} of {russia.of}",
            delta=f"{russia.share_pct:.1f}% of Tajikistan's trade",
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis=basis,
            help=f"Among the {russia.of} partners with both exports and imports reported in {russia.year}"
            f"{unranked}. Share of Tajikistan's exports plus imports with the world.",
        )
        components.metric(
            columns[1],
            f"Russia's share, {russia.year}",
            f"{russia.share_pct:.1f}%",
            delta=change_words(russia),
            delta_arrow="off",
            delta_color="off",
            border=True,
            basis=basis,
            help=f"Compared with {view.pt_since} (the 'Compare with' control), only where both years' shares "
            "stand alike; no figure that year shows no change.",
        )
    if russia is not None and rival is not None:
        components.metric(
            columns[2],
            f"Next largest partner, {russia.year}",
            str(rival["partner"]),
            delta=f"{rival['share_pct']:.1f}% of Tajikistan's trade",
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis=pt.share_whose(str(rival["reporter"]), str(rival["basis"]), model.edition),
        )
    if rank is not None:
        aside = (
            f"; {ordinal(rank.rank_without_flagged)} without {', '.join(rank.flagged_above)}'s suspect value"
            if rank.flagged_above
            else ""
        )
        components.metric(
            columns[3],
            f"Remittances, % of GDP: Tajikistan's rank, {rank.year}",
            f"{ordinal(rank.rank)} of {rank.of}",
            delta=f"{rank.value:.1f}% of GDP{aside}",
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis="World Bank, each economy's personal remittances received, % of its GDP",
            help="Among every economy with a World Bank figure that year (aggregates excluded).",
        )


def full_range() -> tuple[int, int]:
    bounds = shared.year_bounds()
    return bounds.year_min, bounds.year_max


def trade_years(model: PartnersModel, view: PartnersState) -> tuple[int, int]:
    """The partner charts' years: all of Tajikistan's at the Years filter's full range, else the filter's."""
    return page_years(model.years, view.years, full_range())


def controls(model: PartnersModel, view: PartnersState) -> None:
    flow, top, since = st.columns([3, 2, 2])
    with flow:
        bound_widget(
            st.segmented_control,
            "pt_flow",
            view.pt_flow,
            "Flow",
            options=list(PARTNER_FLOWS),
            format_func=FLOW_NAMES.get,
            to_view=lambda v: v or view.pt_flow,
        )
    with top:
        bound_slider(
            "pt_top",
            view.pt_top,
            "Largest partners drawn",
            help="Ranked by share in the latest year with data; the rest of the world is grouped.",
        )
    with since:
        years = list(range(model.years[0], model.years[1] + 1))
        chosen = view.pt_since if view.pt_since in years else years[0]
        bound_widget(st.selectbox, "pt_since", chosen, "Compare with", options=years, index=None)


def partners_section(model: PartnersModel, view: PartnersState) -> None:
    words = FLOW_WORDS[view.pt_flow]
    st.subheader(f"Tajikistan's partners: share of its {words}")
    years = trade_years(model, view)
    shown = shared.partners_shares(view.pt_flow, view.pt_top, view.pt_since, years)
    if shown is None:
        components.no_data("No partner figures in the data.")
        return
    if shown.frame.empty:
        components.no_data(f"No partner figures in the selected years (the IMF series run to {shown.year}).")
        return
    st.caption(
        f"The {len(shown.chosen)} largest partners in {shown.year} and the rest of the world, as shares of "
        f"Tajikistan's {words} with the world, as Tajikistan reported them to the IMF. The series end in "
        f"{shown.year}. {ESTIMATE_NOTE}"
    )
    components.chart_with_sources(
        shared.chart_spec(charts.share_lines, shown.frame, shown.order, f"% of Tajikistan's {words}"),
        shown.rows,
        model.sources,
        f"tajikistan_partners_{view.pt_flow}.csv",
        description=f"Shares of Tajikistan's {words} by partner over time, {', '.join(shown.order)}",
    )
    st.dataframe(
        shared.partners_changes(view.pt_flow, view.pt_top, view.pt_since, years), hide_index=True, width="stretch"
    )


def mirror_section(model: PartnersModel, view: PartnersState) -> None:
    st.subheader("The same flows as each partner reported them")
    bound_widget(
        st.segmented_control,
        "pt_mirror",
        view.pt_mirror,
        "Partner",
        options=list(MIRROR_PARTNERS),
        format_func=lambda code: pt.NAMES[code.upper()],
        to_view=lambda v: v or view.pt_mirror,
    )
    code = current_view(PartnersState).pt_mirror.upper()
    years = trade_years(model, view)
    shown = shared.partners_mirror(code, years)
    if not shown.directions:
        components.no_data("No figures for this pair in the selected years.")
        return
    name = pt.NAMES[code]
    st.caption(
        f"Each flow as Tajikistan and {name} reported it to the IMF: exports are valued FOB at the border they "
        "leave, imports CIF (with freight and insurance) where they arrive, and each side may count transit and "
        "timing differently, so the two seldom agree. Hollow marks are IMF estimates."
    )
    order = ["Tajikistan", name]
    for column, (direction, frame, rows, note) in zip(st.columns(2), shown.directions, strict=False):
        with column:
            st.markdown(f"**{direction}**")
            components.chart_with_sources(
                shared.chart_spec(charts.mirror_chart, frame, order),
                rows,
                model.sources,
                f"mirror_{code.lower()}_{'in' if direction.endswith('Tajikistan') else 'out'}.csv",
                description=f"{direction}: goods trade as Tajikistan and as {name} reported it, US$ m",
                note=note,
            )


def neighbours_section(model: PartnersModel, view: PartnersState) -> None:
    st.subheader("Neighbours compared: trade with Russia and with China")
    bound_widget(
        st.pills,
        "pt_countries",
        list(view.pt_countries),
        "Countries",
        options=list(NEIGHBOUR_CODES),
        selection_mode="multi",
        format_func=lambda code: pt.NAMES[code.upper()],
        to_view=lambda chosen: in_order(NEIGHBOUR_CODES, chosen),
    )
    codes = tuple(code.upper() for code in current_view(PartnersState).pt_countries)
    shown = shared.partners_neighbours(codes, trade_years(model, view))
    if shown is None:
        components.no_data("Pick a country above, or widen the years: no figures to compare.")
        return
    components.say(shown.sentence)
    st.caption(
        f"Each country's own report of its exports plus imports, as a share of its trade with the world. "
        f"{ESTIMATE_NOTE}"
    )
    for column, (partner, frame, rows) in zip(st.columns(2), shown.charts, strict=True):
        with column:
            components.chart_with_sources(
                shared.chart_spec(
                    charts.share_lines, frame, shown.order, f"% of trade with {partner}", "Country", "countries"
                ),
                rows,
                model.sources,
                f"neighbours_{partner.lower()}.csv",
                description=f"Share of each Central Asian country's trade with {partner}, by year",
            )


def remittances_section(model: PartnersModel, view: PartnersState) -> None:
    st.subheader("Remittance dependency in the world")
    if model.world_remittances is None:
        components.no_data(
            "The World Bank's series for every economy is not in data/. Get it with "
            "`python -m dashboard.refresh worldbank` on a machine with internet."
        )
        return
    world = model.world_remittances
    years = page_years((int(world["year"].min()), int(world["year"].max())), view.years, full_range())
    shown = shared.partners_world(years, RANKED)
    if shown is None:
        components.no_data("Tajikistan has no remittances figure in the World Bank file.")
        return
    rank = shown.rank
    aside = "".join(f" {row.country}'s figure is flagged: {row.flag}." for row in shown.flagged.itertuples())
    if len(shown.flagged):
        aside += f" Set aside, Tajikistan is {ordinal(rank.rank_without_flagged)}."
    components.say(
        f"In {rank.year} Tajikistan received remittances worth {rank.value:.1f}% of its GDP, "
        f"{ordinal(rank.rank)} of the {rank.of} economies with a World Bank figure that year.{aside}"
    )
    highlight = {pt.NAMES[code]: NEIGHBOUR_COLORS[pt.NAMES[code]] for code in pt.NEIGHBOURS}
    left, right = st.columns(2)
    with left:
        components.chart_with_sources(
            shared.chart_spec(charts.ranking_bars, shown.top, highlight),
            shown.top,
            model.sources,
            f"remittances_top{RANKED}_{rank.year}.csv",
            description=f"The {RANKED} economies with the highest remittances as % of GDP in {rank.year}",
            note="Faded bars are figures flagged as suspect (the reason is in the tooltip and the CSV).",
        )
    with right:
        components.chart_with_sources(
            shared.chart_spec(charts.country_lines, shown.series, "% of GDP"),
            shown.series_rows,
            model.sources,
            "remittances_central_asia.csv",
            description="Remittances as % of GDP for the five Central Asian countries over time",
            note="The five Central Asian countries over time.",
        )


def render() -> None:
    st.title("Partners & region")
    st.caption(
        "How large Russia is among Tajikistan's trading partners, and how Tajikistan compares with its "
        "Central Asian neighbours."
    )
    model = components.model_or_error(shared.partners_model)
    if model is None:
        return
    view = current_view(PartnersState, model.years)
    st.caption(
        f"Trade: {model.edition}, each country's own report, {model.years[0]}–{model.years[1]} (the IMF's "
        "aggregates such as World or European Union are never counted as partners)."
    )
    st.caption(YEARS_REACH.format(first=model.years[0]))
    headline(model, view)
    controls(model, view)
    view = current_view(PartnersState)
    partners_section(model, view)
    mirror_section(model, view)
    neighbours_section(model, view)
    remittances_section(model, view)


render()
