"""Overview: where Russia and Tajikistan stand, in numbers an executive can read in a minute.

Every figure is read from the analytics the other pages use; each card links to its page and
names its source, so a number is two clicks from where it was published.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from dashboard.analytics.events import CATEGORY_NAMES
from dashboard.analytics.overview import Headline
from dashboard.brief import collect
from dashboard.cache import shared, specs, tables
from dashboard.charts import overview as charts
from dashboard.datasets import DataError
from dashboard.formatting import localized, markdown_text
from dashboard.formatting.language import Language
from dashboard.models.overview import events_note
from dashboard.navigation import PAGE_BY_NAME
from dashboard.session.binding import bound_widget, current_view
from dashboard.session.pages.overview import EVENT_CATEGORIES, OverviewState
from dashboard.session.readers import in_order
from dashboard.views import components

T = TypeVar("T")
THUMB_HEIGHT = 190


def part(load: Callable[[], T], missing: list[str], what: str, lang: Language) -> T | None:
    """One page's model, or None with the failure noted: the rest of the Overview still shows.

    A data file's failure is named; a fault in our code is logged and said to be ours; optional
    files left out of a model that did load are named too. `what` is in the viewer's language.
    """
    _ = lang.gettext
    try:
        model = load()
    except DataError as error:
        missing.append(
            _("{what}: data/{file} failed its checks ({error})").format(what=what, file=error.file, error=error)
        )
        return None
    except components.CODE_FAULTS:
        components.LOG.exception("building the Overview's %s part failed", what)
        missing.append(f"{what}: {components.our_side(_('these figures'), lang)}")
        return None
    missing.extend(f"{what}: {note}" for note in components.set_aside(model))
    return model


def card(column: DeltaGenerator, headline: Headline, sources: pd.DataFrame | None, lang: Language) -> None:
    with column.container(border=True):
        components.metric(
            st,
            headline.label,
            headline.value,
            delta=headline.change,
            source_ids=headline.source_ids,
            help=None if sources is None else components.citing(headline.source_ids, sources, lang=lang).caption,
            basis=headline.basis,
            lang=lang,
            **components.change_style(headline.change_number),
        )
        st.page_link(PAGE_BY_NAME[headline.page].script, label=lang.gettext("Details"), icon=":material/arrow_forward:")


def trade_trend(sources: pd.DataFrame | None, unit: str, lang: Language) -> None:
    """Each side's totals in the viewer's unit (drawn only once the trade model has loaded)."""
    _ = lang.gettext
    totals = shared.overview_trade_trend(unit, lang)
    unit_label = localized.unit_label(unit, lang)
    components.show_chart(
        specs.chart_spec(charts.trade_trend, totals, unit_label, lang),
        _("Annual Russia–Tajikistan trade as each side reports it, {unit}").format(unit=unit_label),
        totals[["year", "side", "value"]],
        lang=lang,
    )
    components.sources_line(totals, sources, _("Each side's own statistics."), lang=lang)


def remittances_trend(sources: pd.DataFrame | None, lang: Language) -> None:
    """The World Bank's remittances as % of GDP (drawn only once the remittances model has loaded)."""
    _ = lang.gettext
    shown = shared.overview_remittances_trend()
    if shown.empty:
        return
    components.show_chart(
        specs.chart_spec(charts.remittances_trend, shown, lang),
        _("Remittances as a share of Tajikistan's GDP, World Bank, %"),
        shown[["year", "pct_gdp"]],
        lang=lang,
    )
    components.sources_line(shown, sources, _("Personal remittances received, all origins."), lang=lang)


def map_thumbnail(lang: Language) -> None:
    """The Border page's map with Russia's facilities only, small: where the base sits on the border."""
    _ = lang.gettext
    spec = shared.border_thumbnail_spec(THUMB_HEIGHT, lang)  # the Border page's map, in the viewer's language
    components.show_chart(
        spec, _("Map of Tajikistan's border with Afghanistan and Russia's military facilities"), lang=lang
    )
    st.caption(_("Russia's garrisons and facilities; the full map, with its sources, is on Border & security."))
    collect.chart_done()


def events_section(
    view: OverviewState, events: pd.DataFrame | None, sources: pd.DataFrame | None, lang: Language
) -> None:
    _ = lang.gettext
    st.subheader(_("Key events"))
    if events is None or sources is None:
        components.no_data(_("The events cannot be listed: see the warning above and the Sources & data page."))
        return
    bound_widget(
        st.pills,
        "ov_cats",
        list(view.ov_cats),
        _("Kinds of event"),
        options=list(EVENT_CATEGORIES),
        selection_mode="multi",
        format_func=lambda kind: _(CATEGORY_NAMES[kind]),
        to_view=lambda chosen: in_order(EVENT_CATEGORIES, chosen),
    )
    kinds = current_view(OverviewState).ov_cats
    listed = shared.overview_timeline(kinds)
    if listed.empty:
        components.no_data(_("No events of the chosen kinds. Pick a kind above."))
        return
    components.table(
        shared.overview_events_table(kinds, lang),
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            "date": st.column_config.TextColumn(_("Date"), width="small"),
            "category": st.column_config.TextColumn(_("Kind"), width="small"),
            "title": st.column_config.TextColumn(_("Event"), width="large"),
            "source_publisher": st.column_config.TextColumn(_("Source")),
            "source_url": st.column_config.LinkColumn(_("Link"), display_text=_("open")),
        },
    )
    reported = shared.overview_event_rows(kinds, lang)
    components.sources_and_download(
        reported, sources, "events.csv", events_note(len(listed), len(reported), lang), lang=lang
    )


def render() -> None:
    """Slots for the narrative and cards first, then each trend as soon as its model is ready.

    The cards need every page's model; the trade trend needs one. Drawing into slots keeps the
    reading order while the first chart appears before the slowest model (the border's) is built.
    """
    view = current_view(OverviewState)
    lang = view.language
    _ = lang.gettext
    st.title(_("Russia–Tajikistan at a glance"))
    st.caption(_("Latest figures from every page; the year filter applies on the pages themselves."))
    warnings, narrative, cards = st.container(), st.empty(), st.container()
    left, middle, right = st.columns(3)
    missing: list[str] = []
    sources = part(lambda: tables.dataset("sources"), missing, _("Sources"), lang)
    trade = part(shared.trade_model, missing, _("Trade"), lang)
    if trade is not None:
        with left:
            trade_trend(sources, view.units, lang)
    remittances = part(shared.remittances_model, missing, _("Remittances"), lang)
    if remittances is not None:
        with middle:
            remittances_trend(sources, lang)
    border = part(shared.border_model, missing, _("Border & security"), lang)
    if border is not None:
        with right:
            map_thumbnail(lang)
    context = part(shared.russia_shares, missing, _("Russia's share of trade"), lang)
    events = part(lambda: tables.dataset("events"), missing, _("Key events"), lang)
    partners = part(shared.partners_model, missing, _("Partners & region"), lang)
    summary = shared.overview_model(trade, context, remittances, border, partners, lang)
    with warnings:
        for problem in missing:
            st.warning(
                _("{problem}. The rest of the overview is shown.").format(problem=problem), icon=":material/error:"
            )
    if summary.sentences:
        narrative.markdown(markdown_text(" ".join(summary.sentences)))
        collect.paragraph(" ".join(summary.sentences))
    shown_cards = list(summary.cards.values())
    with cards:
        for row in range(0, len(shown_cards), 3):  # a row at a time, so a phone stacks them in reading order
            for column, headline in zip(st.columns(3), shown_cards[row : row + 3], strict=False):
                card(column, headline, sources, lang)
    events_section(view, events, sources, lang)


render()
