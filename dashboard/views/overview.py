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

from dashboard.analytics.overview import Headline
from dashboard.brief import collect
from dashboard.cache import shared
from dashboard.charts import overview as charts
from dashboard.datasets import DataError
from dashboard.formatting import markdown_text, unit_label
from dashboard.navigation import PAGE_BY_NAME
from dashboard.session.binding import bound_widget, current_view
from dashboard.session.pages.overview import EVENT_CATEGORIES, OverviewState
from dashboard.session.readers import in_order
from dashboard.views import components

T = TypeVar("T")
THUMB_HEIGHT = 190


def part(load: Callable[[], T], missing: list[str], what: str) -> T | None:
    """One page's model, or None with the failure noted: the rest of the Overview still shows.

    A data file's failure is named; a fault in our code is logged and said to be ours; optional
    files left out of a model that did load are named too.
    """
    try:
        model = load()
    except DataError as error:
        missing.append(f"{what}: data/{error.file} failed its checks ({error})")
        return None
    except components.CODE_FAULTS:
        components.LOG.exception("building the Overview's %s part failed", what)
        missing.append(f"{what}: {components.our_side('these figures')}")
        return None
    missing.extend(f"{what}: {note}" for note in components.set_aside(model))
    return model


def card(column: DeltaGenerator, headline: Headline, sources: pd.DataFrame | None) -> None:
    with column.container(border=True):
        components.metric(
            st,
            headline.label,
            headline.value,
            delta=headline.change,
            source_ids=headline.source_ids,
            help=None if sources is None else components.citing(headline.source_ids, sources).caption,
            basis=headline.basis,
            **components.change_style(headline.change_number),
        )
        st.page_link(PAGE_BY_NAME[headline.page].script, label="Details", icon=":material/arrow_forward:")


def trade_trend(sources: pd.DataFrame | None, unit: str) -> None:
    """Each side's totals in the viewer's unit (drawn only once the trade model has loaded)."""
    totals = shared.overview_trade_trend(unit)
    components.show_chart(
        shared.chart_spec(charts.trade_trend, totals, unit_label(unit)),
        f"Annual Russia–Tajikistan trade as each side reports it, {unit_label(unit)}",
        totals[["year", "side", "value"]],
    )
    components.sources_line(totals, sources, "Each side's own statistics.")


def remittances_trend(sources: pd.DataFrame | None) -> None:
    """The World Bank's remittances as % of GDP (drawn only once the remittances model has loaded)."""
    shown = shared.overview_remittances_trend()
    if shown.empty:
        return
    components.show_chart(
        shared.chart_spec(charts.remittances_trend, shown),
        "Remittances as a share of Tajikistan's GDP, World Bank, %",
        shown[["year", "pct_gdp"]],
    )
    components.sources_line(shown, sources, "Personal remittances received, all origins.")


def map_thumbnail() -> None:
    """The Border page's map with Russia's facilities only, small: where the base sits on the border."""
    spec = shared.border_thumbnail_spec(THUMB_HEIGHT)
    components.show_chart(spec, "Map of Tajikistan's border with Afghanistan and Russia's military facilities")
    st.caption("Russia's garrisons and facilities; the full map, with its sources, is on Border & security.")
    collect.chart_done()


def events_section(view: OverviewState, events: pd.DataFrame | None, sources: pd.DataFrame | None) -> None:
    st.subheader("Key events")
    if events is None or sources is None:
        components.no_data("The events cannot be listed: see the warning above and the Sources & data page.")
        return
    bound_widget(
        st.pills,
        "ov_cats",
        list(view.ov_cats),
        "Kinds of event",
        options=list(EVENT_CATEGORIES),
        selection_mode="multi",
        format_func=str.title,
        to_view=lambda chosen: in_order(EVENT_CATEGORIES, chosen),
    )
    kinds = current_view(OverviewState).ov_cats
    listed = shared.overview_timeline(kinds)
    if listed.empty:
        components.no_data("No events of the chosen kinds. Pick a kind above.")
        return
    st.dataframe(
        shared.overview_events_table(kinds),
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            "date": st.column_config.TextColumn("Date", width="small"),
            "category": st.column_config.TextColumn("Kind", width="small"),
            "title": st.column_config.TextColumn("Event", width="large"),
            "source_publisher": st.column_config.TextColumn("Source"),
            "source_url": st.column_config.LinkColumn("Link", display_text="open"),
        },
    )
    reported = shared.overview_event_rows(kinds)
    components.sources_and_download(
        reported,
        sources,
        "events.csv",
        f"{len(listed)} events; the CSV has every report of them ({len(reported)} rows) with its source.",
    )


def render() -> None:
    """Slots for the narrative and cards first, then each trend as soon as its model is ready.

    The cards need every page's model; the trade trend needs one. Drawing into slots keeps the
    reading order while the first chart appears before the slowest model (the border's) is built.
    """
    view = current_view(OverviewState)
    st.title("Russia–Tajikistan at a glance")
    st.caption("Latest figures from every page; the year filter applies on the pages themselves.")
    warnings, narrative, cards = st.container(), st.empty(), st.container()
    left, middle, right = st.columns(3)
    missing: list[str] = []
    sources = part(lambda: shared.dataset("sources"), missing, "Sources")
    trade = part(shared.trade_model, missing, "Trade")
    if trade is not None:
        with left:
            trade_trend(sources, view.units)
    remittances = part(shared.remittances_model, missing, "Remittances")
    if remittances is not None:
        with middle:
            remittances_trend(sources)
    border = part(shared.border_model, missing, "Border & security")
    if border is not None:
        with right:
            map_thumbnail()
    context = part(shared.russia_shares, missing, "Russia's share of trade")
    events = part(lambda: shared.dataset("events"), missing, "Key events")
    partners = part(shared.partners_model, missing, "Partners & region")
    summary = shared.overview_model(trade, context, remittances, border, partners)
    with warnings:
        for problem in missing:
            st.warning(f"{problem}. The rest of the overview is shown.", icon=":material/error:")
    if summary.sentences:
        narrative.markdown(markdown_text(" ".join(summary.sentences)))
        collect.paragraph(" ".join(summary.sentences))
    shown_cards = list(summary.cards.values())
    with cards:
        for row in range(0, len(shown_cards), 3):  # a row at a time, so a phone stacks them in reading order
            for column, headline in zip(st.columns(3), shown_cards[row : row + 3], strict=False):
                card(column, headline, sources)
    events_section(view, events, sources)


render()
