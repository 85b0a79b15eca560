"""Partners & region: Russia among all of Tajikistan's partners, and Tajikistan among its neighbours."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.analytics import partners as pt
from dashboard.analytics.trade import line_segments
from dashboard.charts import partners as charts
from dashboard.partners_model import PartnersModel, shares_frame
from dashboard.state import (
    MIRROR_PARTNERS,
    NEIGHBOUR_CODES,
    PARTNER_FLOWS,
    PARTNER_TOP_MAX,
    PARTNER_TOP_MIN,
    ViewState,
    in_order,
)
from dashboard.view_session import bound_widget, current_view

FLOW_NAMES = {"total": "Exports + imports", "exports": "Tajikistan's exports", "imports": "Tajikistan's imports"}
FLOW_WORDS = {"total": "trade", "exports": "exports", "imports": "imports"}
ESTIMATE_NOTE = (
    "Filled marks: the reporter's own figures; hollow circles: the share rests on an IMF estimate (the IMF's "
    "'e' marker, often made from partner data); hollow triangles: exports plus imports where only one flow has a "
    "figure. A break in a line is a year with no figure, never a zero."
)
NEIGHBOUR_COLORS = {name: charts.COUNTRY_COLORS[name] for name in charts.COUNTRY_COLORS}
RANKED = 15


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def headline(model: PartnersModel, view: ViewState) -> None:
    shares = model.tajik_shares["total"]
    russia = pt.standing(shares, "Russia", view.pt_since)
    columns = st.columns(4)
    if russia is not None:
        components.metric(
            columns[0],
            f"Russia among Tajikistan's partners, {russia.year}",
            f"{ordinal(russia.rank)} of {russia.of}",
            delta=f"{russia.share_pct:.1f}% of Tajikistan's trade",
            delta_color="off",
            delta_arrow="off",
            border=True,
            help="Share of Tajikistan's exports plus imports with the world, as Tajikistan reported them to the IMF.",
        )
        change = None if russia.since_share_pct is None else russia.share_pct - russia.since_share_pct
        components.metric(
            columns[1],
            f"Russia's share, {russia.year}",
            f"{russia.share_pct:.1f}%",
            delta=None if change is None else f"{change:+.1f} pts since {russia.since_year}",
            delta_arrow="off",
            delta_color="off",
            border=True,
            help=f"Compared with {view.pt_since} (the 'Compare with' control); no figure that year shows no change.",
        )
        ranked = pt.ranking(shares, russia.year)
        rival = ranked[ranked["partner"] != "Russia"].iloc[0]
        components.metric(
            columns[2],
            f"Next largest partner, {russia.year}",
            str(rival["partner"]),
            delta=f"{rival['share_pct']:.1f}% of Tajikistan's trade",
            delta_color="off",
            delta_arrow="off",
            border=True,
        )
    rank = pt.remittance_rank(model.world_remittances, "TJK") if model.world_remittances is not None else None
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
            help="Among every economy with a World Bank figure that year (aggregates excluded).",
        )


def controls(model: PartnersModel, view: ViewState) -> None:
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
        bound_widget(
            st.slider,
            "pt_top",
            view.pt_top,
            "Largest partners drawn",
            min_value=PARTNER_TOP_MIN,
            max_value=PARTNER_TOP_MAX,
            step=1,
            help="Ranked by share in the latest year with data; the rest of the world is grouped.",
        )
    with since:
        years = list(range(model.years[0], model.years[1] + 1))
        chosen = view.pt_since if view.pt_since in years else years[0]
        bound_widget(st.selectbox, "pt_since", chosen, "Compare with", options=years, index=None)


def partners_section(model: PartnersModel, view: ViewState) -> None:
    words = FLOW_WORDS[view.pt_flow]
    st.subheader(f"Tajikistan's partners: share of its {words}")
    shares = model.tajik_shares[view.pt_flow]
    year = pt.latest_year(shares)
    if year is None:
        components.no_data("No partner figures in the data.")
        return
    chosen = pt.top_partners(shares, view.pt_top, year)
    frame = shares_frame(shares, chosen, view.years)
    if frame.empty:
        components.no_data(f"No partner figures in the selected years (the IMF series run {model.years[0]}–{year}).")
        return
    order = [*chosen, pt.REST]
    st.caption(
        f"The {len(chosen)} largest partners in {year} and the rest of the world, as shares of Tajikistan's {words} "
        f"with the world, as Tajikistan reported them to the IMF. The series end in {year}. {ESTIMATE_NOTE}"
    )
    components.chart_with_sources(
        components.spec(charts.share_lines, frame, order, f"% of Tajikistan's {words}"),
        frame.drop(columns="segment"),
        model.sources,
        f"tajikistan_partners_{view.pt_flow}.csv",
        description=f"Shares of Tajikistan's {words} by partner over time, {', '.join(order)}",
    )
    changes = pt.changes_since(shares, chosen, view.pt_since, year)
    table = pd.DataFrame(
        {
            "Partner": changes["partner"],
            f"Share {view.pt_since}": changes["then_pct"].map(lambda v: "no figure" if pd.isna(v) else f"{v:.1f}%"),
            f"Share {year}": changes["now_pct"].map(lambda v: "no figure" if pd.isna(v) else f"{v:.1f}%"),
            "Change": changes["change_pts"].map(lambda v: "–" if pd.isna(v) else f"{v:+.1f} pts"),
        }
    )
    st.dataframe(table, hide_index=True, width="stretch")


def mirror_section(model: PartnersModel, view: ViewState) -> None:
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
    code = view.pt_mirror.upper()
    pairs = model.mirrors[code]
    pairs = pairs[pairs["year"].between(*view.years)]
    if pairs.empty:
        components.no_data("No figures for this pair in the selected years.")
        return
    name = pt.NAMES[code]
    st.caption(
        f"Each flow as Tajikistan and {name} reported it to the IMF: exports are valued FOB at the border they "
        "leave, imports CIF (with freight and insurance) where they arrive, and each side may count transit and "
        "timing differently, so the two seldom agree. Hollow marks are IMF estimates."
    )
    order = ["Tajikistan", name]
    for column, direction in zip(st.columns(2), pairs["direction"].unique(), strict=False):
        rows = pairs[pairs["direction"] == direction]
        with column:
            st.markdown(f"**{direction}**")
            components.chart_with_sources(
                components.spec(charts.mirror_chart, rows, order),
                rows.drop(columns="segment"),
                model.sources,
                f"mirror_{code.lower()}_{'in' if direction.endswith('Tajikistan') else 'out'}.csv",
                description=f"{direction}: goods trade as Tajikistan and as {name} reported it, US$ m",
                note=gap_note(rows),
            )


def gap_note(rows: pd.DataFrame) -> str:
    """The latest year both sides reported, and how far apart they were."""
    wide = rows.pivot_table(index="year", columns="reported_by", values="value_usd_m").dropna()
    if wide.empty or wide.shape[1] < 2:
        return "No year has both sides' figures."
    year = int(wide.index.max())
    low, high = wide.loc[year].min(), wide.loc[year].max()
    return f"{year}: the two reports differ by US${high - low:,.0f}m ({(high - low) / low:.0%} of the lower)."


def neighbours_section(model: PartnersModel, view: ViewState) -> None:
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
    codes = [code.upper() for code in current_view(cached.year_bounds()).pt_countries]
    shares = model.neighbours[
        model.neighbours["reporter_iso3"].isin(codes) & model.neighbours["year"].between(*view.years)
    ]
    if shares.empty:
        components.no_data("Pick a country above, or widen the years: no figures to compare.")
        return
    components.say(pt.reliance_sentence(shares))
    st.caption(
        f"Each country's own report of its exports plus imports, as a share of its trade with the world. "
        f"{ESTIMATE_NOTE}"
    )
    for column, partner in zip(st.columns(2), ("Russia", "China"), strict=True):
        rows = shares[shares["partner"] == partner]
        frame = rows.rename(columns={"reporter": "series"})[
            ["year", "series", "share_pct", "value_usd_m", "basis", "segment", "source_id"]
        ]
        order = [pt.NAMES[code] for code in pt.NEIGHBOURS if code in codes]
        with column:
            components.chart_with_sources(
                components.spec(charts.share_lines, frame, order, f"% of trade with {partner}", "Country", "countries"),
                frame.drop(columns="segment"),
                model.sources,
                f"neighbours_{partner.lower()}.csv",
                description=f"Share of each Central Asian country's trade with {partner}, by year",
            )


def remittances_section(model: PartnersModel, view: ViewState) -> None:
    st.subheader("Remittance dependency in the world")
    world = model.world_remittances
    if world is None:
        components.no_data(
            "The World Bank's series for every economy is not in data/. Get it with "
            "`python -m dashboard.refresh worldbank` on a machine with internet."
        )
        return
    rank = pt.remittance_rank(world, "TJK")
    if rank is None:
        components.no_data("Tajikistan has no remittances figure in the World Bank file.")
        return
    ranked = pt.remittance_ranking(world, rank.year)
    flagged = ranked[ranked["flag"].fillna("").ne("") & (ranked["rank"] < rank.rank)]
    aside = "".join(f" {row.country}'s figure is flagged: {row.flag}." for row in flagged.itertuples())
    if len(flagged):
        aside += f" Set aside, Tajikistan is {ordinal(rank.rank_without_flagged)}."
    components.say(
        f"In {rank.year} Tajikistan received remittances worth {rank.value:.1f}% of its GDP, "
        f"{ordinal(rank.rank)} of the {rank.of} economies with a World Bank figure that year.{aside}"
    )
    highlight = {pt.NAMES[code]: NEIGHBOUR_COLORS[pt.NAMES[code]] for code in pt.NEIGHBOURS}
    world_names = {"Kyrgyz Republic": "Kyrgyzstan"}
    top = ranked.head(RANKED).assign(country=lambda f: f["country"].replace(world_names))
    left, right = st.columns(2)
    with left:
        components.chart_with_sources(
            components.spec(charts.ranking_bars, top, highlight),
            top,
            model.sources,
            f"remittances_top{RANKED}_{rank.year}.csv",
            description=f"The {RANKED} economies with the highest remittances as % of GDP in {rank.year}",
            note="Faded bars are figures flagged as suspect (the reason is in the tooltip and the CSV).",
        )
    with right:
        series = world[world["iso3"].isin(pt.NEIGHBOURS) & world["year"].between(*view.years)]
        series = series.assign(country=series["iso3"].map(pt.NAMES))
        series = series.assign(segment=line_segments(series, ["country"]).astype(str))
        components.chart_with_sources(
            components.spec(charts.country_lines, series, "% of GDP"),
            series.drop(columns="segment"),
            model.sources,
            "remittances_central_asia.csv",
            description="Remittances as % of GDP for the five Central Asian countries over time",
            note="The five Central Asian countries over time.",
        )


def render() -> None:
    view = current_view(cached.year_bounds())
    st.title("Partners & region")
    st.caption(
        "How large Russia is among Tajikistan's trading partners, and how Tajikistan compares with its "
        "Central Asian neighbours. The sidebar's Years filter applies to every chart."
    )
    model = components.model_or_error(cached.partners_model)
    if model is None:
        return
    st.caption(
        f"Trade: {model.edition}, each country's own report, {model.years[0]}–{model.years[1]} (the IMF's "
        "aggregates such as World or European Union are never counted as partners)."
    )
    headline(model, view)
    controls(model, view)
    view = current_view(cached.year_bounds())
    partners_section(model, view)
    mirror_section(model, view)
    neighbours_section(model, view)
    remittances_section(model, view)


render()
