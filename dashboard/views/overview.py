"""Overview: where Russia and Tajikistan stand, in numbers an executive can read in a minute.

Every figure is read from the analytics the other pages use; each card links to its page and
names its source, so a number is two clicks from where it was published.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd
import streamlit as st

from dashboard import cached, components
from dashboard.analytics import overview, security
from dashboard.analytics.overview import Headline
from dashboard.analytics.trade import line_segments
from dashboard.charts import overview as charts
from dashboard.datasets import DataError
from dashboard.formatting import markdown_text, money
from dashboard.state import EVENT_CATEGORIES
from dashboard.view_session import bound_widget, current_view

T = TypeVar("T")
PAGE_FILES = {
    "trade": "views/trade.py",
    "border": "views/border.py",
    "remittances": "views/remittances.py",
}
THUMB_HEIGHT = 190
CARD_ORDER = ("trade", "russia_share", "remittances", "migrants", "troops", "border")


def part(load: Callable[[], T], missing: list[str], what: str) -> T | None:
    """One page's model, or None with the failure noted: the rest of the Overview still shows."""
    try:
        return load()
    except DataError as error:
        missing.append(f"{what}: data/{error.file} failed its checks ({error})")
        return None


def headlines(missing: list[str]) -> tuple[dict[str, Headline], dict, str, pd.DataFrame | None]:
    cards: dict[str, Headline | None] = {}
    sides: dict = {}
    memberships = ""
    trade_model = part(cached.trade_model, missing, "Trade")
    if trade_model is not None:
        sides = overview.trade_sides(trade_model.headline)
        cards["trade"] = overview.trade_headline(trade_model.headline)
    context = part(lambda: cached.load("trade_context"), missing, "Russia's share of trade")
    if context is not None:
        cards["russia_share"] = overview.russia_share_headline(context)
    rem_model = part(cached.remittances_model, missing, "Remittances")
    if rem_model is not None:
        cards["remittances"] = overview.remittances_headline(rem_model.backbone)
        figures = rem_model.figures
        cards["migrants"] = overview.migrants_headline(
            figures[(figures["indicator"] == "migrants_in_russia_count") & (figures["unit"] == "persons")]
        )
    border_model = part(cached.border_model, missing, "Border & security")
    if border_model is not None:
        cards["troops"] = overview.troops_headline(border_model.strength)
        claim = next(c for c in border_model.claims if c.unit == "km")
        drawn = border_model.border_lengths.set_index("id").loc["dcw_full", "length_km"]
        cards["border"] = overview.border_headline(border_model.official_km, claim.source_id, float(drawn))
        memberships = security.membership_summary(border_model.memberships, "TJK")
    present = {key: cards[key] for key in CARD_ORDER if cards.get(key) is not None}
    return present, sides, memberships, rem_model.backbone if rem_model is not None else None


def card(column, headline: Headline, sources: pd.DataFrame) -> None:
    with column.container(border=True):
        st.metric(
            headline.label,
            headline.value,
            delta=headline.change,
            help=components.sources_caption(components.cite(headline.source_ids, sources)),
            **components.change_style(headline.change_number),
        )
        st.page_link(PAGE_FILES[headline.page], label="Details", icon=":material/arrow_forward:")


def map_thumbnail(border_ok: bool) -> None:
    """The Border page's map with Russia's facilities only, small: where the base sits on the border."""
    if not border_ok:
        return
    spec = cached.border_thumbnail_spec(THUMB_HEIGHT)
    components.show_chart(spec, "Map of Tajikistan's border with Afghanistan and Russia's military facilities")


def trend_charts(trade_model_headline: dict[str, pd.DataFrame] | None, backbone, border_ok: bool) -> None:
    left, middle, right = st.columns(3)
    if trade_model_headline:
        totals = pd.concat(
            [frame.assign(side=side.title()) for side, frame in trade_model_headline.items()], ignore_index=True
        )
        totals = totals.assign(value_bn=totals["value_usd_m"] / 1000, value_text=totals["value_usd_m"].map(money))
        with left:
            components.show_chart(
                components.spec(charts.trade_trend, totals[["year", "side", "value_bn", "value_text"]]),
                "Annual Russia–Tajikistan trade as each side reports it",
            )
    if backbone is not None and len(backbone):
        shown = backbone.dropna(subset=["pct_gdp"])
        shown = shown.assign(segment=line_segments(shown.assign(k=0), ["k"]).astype(str))
        with middle:
            components.show_chart(
                components.spec(charts.remittances_trend, shown[["year", "pct_gdp", "segment"]]),
                "Remittances as a share of Tajikistan's GDP, World Bank",
            )
    with right:
        map_thumbnail(border_ok)


def events_section(view) -> None:
    st.subheader("Key events")
    events = part(lambda: cached.load("events"), [], "Events")
    if events is None:
        components.no_data("The events file failed its checks; see Sources & data.")
        return
    bound_widget(
        st.pills,
        "ov_cats",
        list(view.ov_cats),
        "Kinds of event",
        options=list(EVENT_CATEGORIES),
        selection_mode="multi",
        format_func=str.title,
        to_view=lambda chosen: tuple(c for c in EVENT_CATEGORIES if c in (chosen or [])),
    )
    listed = overview.timeline(events, current_view(cached.year_bounds()).ov_cats)
    if listed.empty:
        components.no_data("No events of the chosen kinds. Pick a kind above.")
        return
    sources = cached.load("sources")
    shown = components.with_citation(listed[["date", "category", "title", "source_id"]], sources)[
        ["date", "category", "title", "source_publisher", "source_url"]
    ]
    st.dataframe(
        shown,
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
    components.sources_and_download(listed, sources, "events.csv", f"{len(listed)} events.")


view = current_view(cached.year_bounds())
st.title("Russia–Tajikistan at a glance")
st.caption("Latest figures from every page; the year filter applies on the pages themselves.")
missing: list[str] = []
cards, sides, memberships, backbone = headlines(missing)
for problem in missing:
    st.warning(f"{problem}. The rest of the overview is shown.", icon=":material/error:")
sentences = overview.narrative(cards, sides, memberships)
if sentences:
    st.markdown(markdown_text(" ".join(sentences)))
sources = cached.load("sources")
shown_cards = list(cards.values())
for row in range(0, len(shown_cards), 3):  # a row at a time, so a phone stacks them in reading order
    for column, headline in zip(st.columns(3), shown_cards[row : row + 3], strict=False):
        card(column, headline, sources)
trade_headline = None
if not any(m.startswith("Trade") for m in missing):
    trade_headline = cached.trade_model().headline
trend_charts(trade_headline, backbone, not any(m.startswith("Border") for m in missing))
events_section(view)
