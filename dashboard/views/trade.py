"""Trade: annual series per reporter, the mirror comparison, part years and a projection."""

from __future__ import annotations

from collections.abc import Hashable

import pandas as pd
import streamlit as st

from dashboard.analytics import trade
from dashboard.analytics.basis import SHOWN
from dashboard.analytics.events import events_between
from dashboard.analytics.trade_projection import article_trade_sentence
from dashboard.cache import shared, specs, tables
from dashboard.charts import trade as charts
from dashboard.datasets import DataError, with_translations
from dashboard.formatting import FLOW_LABELS, SIDE_LABELS, localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.trade import (
    SIDES_WITH_STATISTICS,
    TradeModel,
    period_words,
    share_chart_frame,
)
from dashboard.session.binding import bound_widget, current_view
from dashboard.session.pages.filters import Filters
from dashboard.session.pages.trade import MIRROR_FLOWS, TradeState
from dashboard.views import components, redraw, trade_projection

MIRROR_NOTE = N_(
    "Why the two sides differ: exports are valued FOB (at the border) and imports CIF "
    "(including freight and insurance), so the importer's figure is normally higher; goods "
    "shipped in December may be counted in different years; and goods routed through third "
    "countries (re-exports, e.g. via Kazakhstan) may be assigned to another partner by one side."
)
# Phrases naming a side whole, because Russian declines the country's name in each of them
STATISTICS_OF = {"russia": N_("Russia's statistics"), "tajikistan": N_("Tajikistan's statistics")}
ON_STATISTICS_OF = {"russia": N_("on Russia's statistics"), "tajikistan": N_("on Tajikistan's statistics")}
AS_REPORTED_BY = {"russia": N_("As reported by Russia"), "tajikistan": N_("As reported by Tajikistan")}
ANNUAL_DESCRIPTION = {
    "russia": N_("Annual trade as reported by Russia: total, both flows and the balance"),
    "tajikistan": N_("Annual trade as reported by Tajikistan: total, both flows and the balance"),
}
# The latest mirror year in words, per flow (the importer and the exporter take different cases)
MIRROR_SENTENCE = {
    "ru_to_tj": N_(
        "In {year} Tajikistan recorded {imports} of imports from Russia; Russia recorded {exports} of exports, "
        "a gap of {gap}."
    ),
    "tj_to_ru": N_(
        "In {year} Russia recorded {imports} of imports from Tajikistan; Tajikistan recorded {exports} of exports, "
        "a gap of {gap}."
    ),
}
MIRROR_DESCRIPTION = {
    "ru_to_tj": N_("Russia → Tajikistan as reported by each side, and the gap between them"),
    "tj_to_ru": N_("Tajikistan → Russia as reported by each side, and the gap between them"),
}
CHANGE_BASIS = {"published": N_("as published with it"), "computed": N_("computed from the two IMF years")}


def in_view(
    view: TradeState, field: str, key: Hashable = None, *, by_side: bool = False, lang: Language | None = None
) -> pd.DataFrame:
    """Rows inside the chosen years (and, where asked, from the chosen reporters' sides) of the
    trade model's frame `field` (`key` in it), or of the page's chart frame in `lang`."""
    sides = tuple(view.reporters) if by_side else None
    return shared.trade_rows(field, key, tuple(view.years), sides, lang)


def statistics_sides(view: TradeState) -> list[str]:
    return [side for side in SIDES_WITH_STATISTICS if side in view.reporters]


def kpi_row(model: TradeModel, view: TradeState, lang: Language) -> None:
    _ = lang.gettext
    sides = statistics_sides(view)
    if not sides:
        return
    columns = st.columns(2 * len(sides))
    for i, side in enumerate(sides):
        name = _(SIDE_LABELS[side])
        kpis = trade.trade_kpis(in_view(view, "headline", side))
        if kpis is None:
            components.metric(
                columns[2 * i],
                _("{side}: latest total").format(side=name),
                "–",
                border=True,
                basis=_(STATISTICS_OF[side]),
                help=_("No annual figure in these years."),
                lang=lang,
            )
            continue
        change = (
            None
            if kpis.change_pct is None
            else _("{change} vs {year}").format(
                change=localized.percent(kpis.change_pct, lang, kpis.change_qualifier), year=kpis.year - 1
            )
        )
        how = CHANGE_BASIS.get(kpis.change_basis or "")
        change_basis = _("change {how}").format(how=_(how)) if how else _("change not published")
        components.metric(
            columns[2 * i],
            _("{side}: total trade {year}").format(side=name, year=kpis.year),
            localized.money(kpis.value_usd_m, lang, view.units, kpis.qualifier),
            delta=change,
            basis=f"{components.reporter_name(kpis.figure_label, lang)}; {change_basis}",
            help=_(
                "Figure from: {figure}; {change}. One figure per year {on_statistics}: IMF DOTS up to {last}, "
                "then the best-ranked published statement ({rule})."
            ).format(
                figure=components.reporter_name(kpis.figure_label, lang),
                change=change_basis,
                on_statistics=_(ON_STATISTICS_OF[side]),
                last=model.dots_years[1],
                rule=_(trade.RANKING_RULE),
            ),
            border=True,
            lang=lang,
            **components.change_style(kpis.change_pct),
        )
        components.metric(
            columns[2 * i + 1],
            _("{side}: record year").format(side=name),
            str(kpis.record_year),
            delta=localized.money(kpis.record_value_usd_m, lang, view.units, kpis.record_qualifier),
            delta_color="off",
            delta_arrow="off",
            help=_(
                "Highest total in the selected years among the figures of {reporter}, the reporter "
                "of the latest total; other reporters' figures are not ranked against them."
            ).format(reporter=components.reporter_name(kpis.record_label, lang)),
            border=True,
            basis=_("{reporter}; the highest of its own figures in the years shown").format(
                reporter=components.reporter_name(kpis.record_label, lang)
            ),
            lang=lang,
        )


def annual_section(model: TradeModel, view: TradeState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Annual trade by reporter"))
    first, last = model.dots_years
    st.caption(
        _(
            "Lines: IMF Direction of Trade Statistics as each country reported it ({first}–{last}); a break "
            "in a line is a year with no figure. Hollow marks: full-year figures published after {last} "
            "on that side's statistics — several per year where statements disagree; triangles are lower "
            "bounds ('over …'), diamonds approximations. Numbered markers are events; hover for details."
        ).format(first=first, last=last)
    )
    sides = statistics_sides(view)
    if not sides:
        components.no_data(_("Select Russia or Tajikistan under Reporters to see the annual series."))
        return
    titled = shared.trade_frames(lang).events
    events = events_between(titled, view.years)
    units = localized.unit_label(view.units, lang)
    for side in sides:
        st.markdown(f"**{_(AS_REPORTED_BY[side])}**")
        frame = in_view(view, "annual_frames", (side, view.units), lang=lang)
        if frame.empty:
            components.no_data(_("No annual figures in the selected years."))
            continue
        chart = specs.chart_spec(charts.annual_measures_chart, frame, titled, view.years, units, lang)
        data = in_view(view, "annual", side)[
            ["measure", "value_usd_m", "qualifier", "figure_id", "status", *SHOWN, "source_id"]
        ]
        components.chart_with_sources(
            chart,
            data,
            model.sources,
            f"annual_trade_{side}.csv",
            description=_(ANNUAL_DESCRIPTION[side]),
            note=localized.event_key(events, lang),
            lang=lang,
        )


def mirror_section(model: TradeModel, view: TradeState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Mirror statistics: one flow, two reporters"))
    flow = (
        bound_widget(
            st.segmented_control,
            "flow",
            view.flow,
            _("Flow"),
            options=list(MIRROR_FLOWS),
            format_func=lambda chosen: _(FLOW_LABELS[chosen]),
            to_view=lambda chosen: chosen or view.flow,
        )
        or view.flow
    )
    gap = in_view(view, "mirror", flow)
    if gap.empty:
        first, last = model.dots_years
        components.no_data(
            _("IMF DOTS covers {first}–{last}; the selected years hold no mirror figures.").format(
                first=first, last=last
            )
        )
        return
    compared = gap.dropna(subset=["gap_pct"])
    if len(compared):
        latest = compared.iloc[-1]
        latest_year = _(MIRROR_SENTENCE[flow]).format(
            year=int(latest["year"]),
            imports=localized.money(latest["importer_reported"], lang),
            exports=localized.money(latest["exporter_reported"], lang),
            gap=localized.percent(latest["gap_pct"], lang),
        )
        st.caption(f"{latest_year} {_(MIRROR_NOTE)}")
    frame = in_view(view, "mirror_frames", (flow, view.units), lang=lang)
    components.chart_with_sources(
        specs.chart_spec(charts.mirror_chart, frame, localized.unit_label(view.units, lang), lang),
        in_view(view, "mirror_rows", flow),
        model.sources,
        f"mirror_{flow}.csv",
        description=_(MIRROR_DESCRIPTION[flow]),
        note=_(
            "Bars: importer's figure minus exporter's, as % of the exporter's; no bar where an IMF estimate "
            "stands behind a side or a side has no figure (the CSV says why)."
        ),
        lang=lang,
    )


def article_caption(model: TradeModel, view: TradeState, lang: Language) -> str:
    """What the article said about trade, set against the later record, in numbers from the data."""
    claims = model.article_claims
    if claims is None:
        return ""
    return article_trade_sentence(claims, lambda value: localized.money(value, lang, view.units), lang)


def published_section(model: TradeModel, view: TradeState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Full-year totals published since {year}").format(year=model.dots_years[1] + 1))
    frames = shared.trade_frames(lang)
    frame = in_view(view, "published_frames", view.units, by_side=True, lang=lang)
    if frame.empty:
        components.no_data(_("No published full-year totals for the selected years and reporters."))
        return
    every = _("Every published figure for the year's total, one mark per statement.")
    st.caption(f"{every} {article_caption(model, view, lang)}")
    if frames.reporting_note:
        st.caption(frames.reporting_note)
    data = with_translations(
        in_view(view, "published_totals", by_side=True),
        ["value_usd_m", "qualifier", "status", "figure_id", *SHOWN, "source_id", "note"],
    )
    components.chart_with_sources(
        specs.chart_spec(charts.published_years_chart, frame, localized.unit_label(view.units, lang), lang),
        data,
        model.sources,
        "published_full_years.csv",
        description=_("Every published full-year total, by year and reporter"),
        lang=lang,
    )


def part_year_section(model: TradeModel, view: TradeState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Part-year figures and their published growth"))
    rows = in_view(view, "part_years", by_side=True)
    if rows.empty:
        components.no_data(_("No part-year figures for the selected years and reporters."))
        return
    growth = in_view(view, "part_year_growth", by_side=True, lang=lang)
    if not growth.empty:
        chart = specs.chart_spec(charts.part_year_growth_chart, growth, lang)
        components.show_chart(chart, _("Published part-year growth on a year earlier, by end of period"), lang=lang)
    money = [
        localized.money(v, lang, view.units, q)
        for v, q in zip(rows["value_usd_m"], rows["value_qualifier"], strict=True)
    ]
    growths = [
        localized.percent(g, lang, q) for g, q in zip(rows["yoy_growth_pct"], rows["growth_qualifier"], strict=True)
    ]
    table = pd.DataFrame(
        {
            _("Period"): period_words(rows, lang),
            _("Flow"): rows["flow"].map(lambda flow: _(FLOW_LABELS[flow]) if flow in FLOW_LABELS else flow),
            _("Value"): money,
            _("Growth on a year earlier (published)"): growths,
            _("Reporter"): rows["label"].map(lambda label: components.reporter_name(label, lang)),
            lang.pgettext("figure id", "Figure"): rows["figure_id"],
        }
    ).iloc[::-1]
    st.dataframe(table, hide_index=True, width="stretch", height=280)
    columns = ["figure_id", "period", "flow", "value_usd_m", "value_qualifier", "yoy_growth_pct", "growth_qualifier"]
    # the period's label is this code's words ('Jan–Sep 2024'): the CSV writes it as the table does
    dated = rows.assign(period=period_words(rows, lang))
    shared_rows = with_translations(dated, [*columns, *SHOWN, "source_id", "note"])
    components.sources_and_download(shared_rows, model.sources, "part_year_figures.csv", lang=lang)


def share_section(view: TradeState, lang: Language) -> None:
    """Russia's weight in Tajikistan's trade: where the Overview's share card leads."""
    _ = lang.gettext
    st.subheader(_("Russia's share of Tajikistan's trade"))
    try:
        shares = shared.russia_shares()
        sources = tables.dataset("sources")
    except DataError as error:
        components.data_error(error, lang=lang)
        return
    shown = shares[shares["year"].between(*view.years)]
    if shown.empty:
        components.no_data(_("No full-year share is published for the selected years."))
        return
    in_words = share_chart_frame(shown, lang)  # the measure in the viewer's language, chart and CSV alike
    components.chart_with_sources(
        specs.chart_spec(charts.russia_share_chart, in_words, lang),
        in_words,
        sources,
        "russia_share_of_tajik_trade.csv",
        description=_("Russia's share of Tajikistan's total trade, imports and exports, by year"),
        note=_("Full-year figures as published, one point per report; part-year shares are left out."),
        lang=lang,
    )


def render() -> None:
    # the title comes before the page's own view can be read (it needs the data's years): the
    # language is the shared filters', which app.py has read already
    lang = current_view(Filters).language
    _ = lang.gettext
    st.title(_("Russia–Tajikistan trade"))
    st.caption(_("Goods trade between the two countries in US$, as each side and its officials report it."))
    model = components.model_or_error(shared.trade_model, lang=lang)
    if model is None:
        return
    view = current_view(TradeState, model.year_range)
    kpi_row(model, view, lang)
    annual_section(model, view, lang)
    share_section(view, lang)
    mirror_part(model, lang)
    published_section(model, view, lang)
    part_year_section(model, view, lang)
    projection_part(model, lang)


@redraw.redrawn_alone("tr-mirror")
def mirror_part(model: TradeModel, lang: Language) -> None:
    """The flow chosen for the mirror comparison redraws its chart alone (views/redraw.py)."""
    mirror_section(model, current_view(TradeState), lang)


@redraw.redrawn_alone("tr-projection")
def projection_part(model: TradeModel, lang: Language) -> None:
    """The projection's year, base and growth redraw the projection alone; loading the article's
    case widens the Years filter, and reruns the whole page."""
    trade_projection.projection_section(model, current_view(TradeState), lang)


render()
