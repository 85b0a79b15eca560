"""Trade's full-year projection: the year, base and growth to project from, the projected total
(or why two reporters' figures are not multiplied), and its bars beside the reported outcomes.

Drawn by views/trade.py, in a section of the page redrawn alone.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import streamlit as st

from dashboard.analytics import trade
from dashboard.analytics.basis import reason_in
from dashboard.cache import projection, specs
from dashboard.charts import trade as charts
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.trade import (
    Projection,
    ProjectionChoice,
    TradeModel,
)
from dashboard.session.binding import bound_slider, bound_widget, current_view, report_repair, update_view
from dashboard.session.pages.trade import TradeState
from dashboard.session.params import Repair
from dashboard.views import components

LOAD_ARTICLE = N_("Load the Russia Briefing projection")


def projection_section(model: TradeModel, view: TradeState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Full-year projection"))
    st.caption(
        _(
            "If the whole year grew as a part of it did: projected full year = previous full year × "
            "(1 + growth). The Russia Briefing article of 29 June 2022 did this for 2022; *{button}* repeats it."
        ).format(button=_(LOAD_ARTICLE))
    )
    projections = projection.in_years(view.years, lang)
    if not projections:
        components.no_data(_("No year in the selected range has a part-year growth figure to project from."))
        return
    asked = (view.years, view.proj_year, view.proj_base, view.proj_growth)
    choice = projection.choice(*asked, lang)
    for fallback in choice.fallbacks:
        report_repair(Repair(fallback.param, fallback.given, fallback.used, fallback.reason), lang)
    repaired = {fallback.param for fallback in choice.fallbacks}
    if "proj_year" in repaired:
        repaired |= {"proj_base", "proj_growth"}  # they belonged to the year that was replaced
    if repaired:
        update_view(**dict.fromkeys(repaired))
        view = current_view(TradeState)

    left, right = st.columns([2, 3])
    with left:
        projection_controls(model, projections, view, choice, lang)
    bars, rows, no_outcomes = projection.bars(*asked, view.reporters, view.units, lang)
    with right:
        if choice.projected_usd_m is None:
            not_projected(choice, view, lang)
        else:
            projected(choice, view, lang)
        components.chart_with_sources(
            specs.chart_spec(charts.projection_chart, bars, localized.unit_label(view.units, lang), lang),
            rows,
            model.sources,
            f"projection_{choice.year}.csv",
            description=_("Projected {year} total against the base year and the reported outcomes").format(
                year=choice.year
            ),
            lang=lang,
        )
        if no_outcomes:
            st.caption(
                _("No full-year figure for {year} from the selected reporters has been published.").format(
                    year=choice.year
                )
            )


def projected(choice: ProjectionChoice, view: TradeState, lang: Language) -> None:
    """The projection's card and its arithmetic."""
    _ = lang.gettext
    base = choice.base
    base_value = float(base["value_usd_m"])
    components.metric(
        st,
        _("Projected {year} total").format(year=choice.year),
        localized.money(choice.projected_usd_m, lang, view.units, choice.qualifier),
        delta=_("{growth} on {base}").format(
            growth=localized.percent(choice.growth, lang), base=localized.money(base_value, lang, view.units)
        ),
        border=True,
        basis=_("a projection worked out here: {reporter}'s {year} total × (1 + growth; {origin})").format(
            reporter=components.reporter_name(base["label"], lang),
            year=choice.year - 1,
            origin=growth_origin(choice, lang),
        ),
        lang=lang,
        moves=True,
        **components.change_style(choice.growth),
    )
    components.say(
        _("Formula: {base} × (1 {sign} {growth}) = **{projected}**").format(
            base=localized.money(base_value, lang, "musd"),
            sign="+" if choice.growth >= 0 else "−",
            growth=localized.percent(abs(choice.growth), lang, signed=False),
            projected=localized.money(choice.projected_usd_m, lang, "musd"),
        )
    )


def not_projected(choice: ProjectionChoice, view: TradeState, lang: Language) -> None:
    """A base and a growth of two reporters: both figures side by side with the reason, never their product."""
    _ = lang.gettext
    base, growth = choice.base, choice.published_growth
    period = localized_period(growth, lang)
    components.metric(
        st,
        _("Projected {year} total").format(year=choice.year),
        _("not projected"),
        border=True,
        basis=_("{base_reporter}'s {year} total and {growth_reporter}'s {period} growth: {reason}").format(
            base_reporter=components.reporter_name(base["label"], lang),
            year=choice.year - 1,
            growth_reporter=components.reporter_name(growth["label"], lang),
            period=period,
            reason=reason_in(choice.projection.reason, lang, specs.reporter_names(lang)),
        ),
        lang=lang,
    )
    components.say(
        _(
            "Not projected: {reason}. Side by side: {base_reporter}'s {year} total, {base}; {growth_reporter}'s "
            "growth in {period}, {growth}. Choose a previous year of the same reporter, or set the growth on the "
            "slider."
        ).format(
            reason=reason_in(choice.projection.reason, lang, specs.reporter_names(lang)),
            base_reporter=components.reporter_name(base["label"], lang),
            year=choice.year - 1,
            base=localized.money(float(base["value_usd_m"]), lang, view.units, str(base["qualifier"])),
            growth_reporter=components.reporter_name(growth["label"], lang),
            period=period,
            growth=localized.percent(choice.growth, lang, str(growth["growth_qualifier"])),
        )
    )


def projection_controls(
    model: TradeModel,
    projections: Mapping[int, Projection],
    view: TradeState,
    choice: ProjectionChoice,
    lang: Language,
) -> None:
    _ = lang.gettext
    bound_widget(
        st.selectbox,
        "proj_year",
        choice.year,
        _("Year to project"),
        options=list(projections),
        index=None,
        resets=("proj_base", "proj_growth"),
    )
    base_labels = projection.base_labels(choice.year, view.units, lang)
    bound_widget(
        st.selectbox,
        "proj_base",
        str(choice.base["figure_id"]),
        _("Previous full year ({year})").format(year=choice.year - 1),
        options=list(base_labels),
        format_func=base_labels.get,
        # the labels name amounts in the unit: a new label set, a new widget (bound_widget adds the language)
        labels_from=view.units,
        help=_("Every published total for that year, best-ranked first: {rule}.").format(rule=_(trade.RANKING_RULE)),
    )
    bound_slider(
        "proj_growth",
        float(choice.growth),
        _("Growth for the whole year, %"),
        shown=localized.SIGNED_PERCENT,
        help=_("Starts at the latest published part-year growth on the same side as the chosen figure."),
    )
    published = projection.published_growths(choice.year, lang)
    st.caption(
        _("Published part-year growth for {year}, latest first: {figures}.").format(year=choice.year, figures=published)
    )
    if model.article_case is None:
        return
    case_year, case_base, case_growth = model.article_case
    case_value = projection.base_value(case_year, case_base, lang)
    if st.button(
        _(LOAD_ARTICLE),
        icon=":material/history_edu:",
        help=_("The article of 29 June 2022 projected {year} from {base} in {base_year} at {growth}").format(
            year=case_year,
            base=localized.money(case_value, lang),
            base_year=case_year - 1,
            growth=localized.percent(case_growth, lang),
        ),
    ):
        years = (min(view.years[0], case_year), max(view.years[1], case_year))  # widen only if needed
        update_view(proj_year=case_year, proj_base=case_base, proj_growth=case_growth, years=years)
        st.rerun()


def localized_period(row: pd.Series, lang: Language) -> str:
    """One published figure's period in the language."""
    return localized.period_label(str(row["period_type"]), str(row["period_start"]), str(row["period_end"]), lang)


def growth_origin(choice: ProjectionChoice, lang: Language) -> str:
    """Whose part-year growth the projection applies, or that the viewer set it."""
    published = choice.published_growth
    if choice.growth_is_published:
        return lang.gettext("{reporter}'s {period} growth").format(
            reporter=components.reporter_name(published["label"], lang), period=localized_period(published, lang)
        )
    return lang.gettext("growth set on the slider")
