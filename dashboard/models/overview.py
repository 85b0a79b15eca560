"""The Overview's cards and narrative, built once from the other pages' models.

They show the latest figures whatever the view, so nothing here depends on the viewer: the
page only lays them out. A model that failed to load is None and its cards drop out.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import overview, security
from dashboard.analytics import partners as pt
from dashboard.analytics.basis import SHOWN
from dashboard.analytics.citations import as_published, with_citation
from dashboard.analytics.events import category_words, titled_in
from dashboard.analytics.overview import Headline
from dashboard.analytics.trade import line_segments
from dashboard.formatting import in_unit, localized
from dashboard.formatting.language import Language
from dashboard.models.border import BorderModel
from dashboard.models.partners import PartnersModel
from dashboard.models.remittances import RemittancesModel
from dashboard.models.trade import TradeModel

CARD_ORDER = ("trade", "russia_share", "partners", "remittances", "migrants", "troops", "border")
SHARE_SINCE = 2000  # the partner card's share is compared with this year, as the Partners page's default


@dataclass(frozen=True)
class OverviewModel:
    cards: dict[str, Headline]  # in reading order, only those with data
    sentences: list[str]


def build_overview_model(
    trade: TradeModel | None,
    context: pd.DataFrame | None,
    remittances: RemittancesModel | None,
    border: BorderModel | None,
    partners: PartnersModel | None,
    lang: Language,
) -> OverviewModel:
    """`context` is Russia's shares of Tajik trade as `analytics.trade.russia_shares` labels them."""
    cards = headlines(trade, context, remittances, border, partners, lang)
    sides = overview.trade_sides(trade.headline) if trade is not None else {}
    memberships = security.membership_summary(border.memberships, "TJK", lang) if border is not None else ""
    return OverviewModel(cards, overview.narrative(cards, sides, memberships, lang))


def headlines(
    trade: TradeModel | None,
    context: pd.DataFrame | None,
    remittances: RemittancesModel | None,
    border: BorderModel | None,
    partners: PartnersModel | None,
    lang: Language,
) -> dict[str, Headline]:
    """The cards that have data, in reading order."""
    cards: dict[str, Headline | None] = {}
    if partners is not None:
        shares = partners.tajik_shares["total"]
        cards["partners"] = overview.partner_rank_headline(
            pt.standing(shares, "Russia", SHARE_SINCE),
            tuple(dict.fromkeys(shares["source_id"])),
            partners.edition_in(lang),
            lang,
        )
    if trade is not None:
        cards["trade"] = overview.trade_headline(trade.headline, lang)
    if context is not None:
        cards["russia_share"] = overview.russia_share_headline(context, lang)  # trade.russia_shares
    if remittances is not None:
        cards["remittances"] = overview.remittances_headline(remittances.backbone, lang)
        figures = remittances.figures
        cards["migrants"] = overview.migrants_headline(
            figures[(figures["indicator"] == "migrants_in_russia_count") & (figures["unit"] == "persons")], lang
        )
    if border is not None:
        cards["troops"] = overview.troops_headline(border.strength, lang)
        cards["border"] = overview.border_headline(border.references, border.drawn_km, lang)
    return {key: cards[key] for key in CARD_ORDER if cards.get(key) is not None}


def events_table(listed: pd.DataFrame, sources: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """Listed events with the publisher and link of each one's source, and how many more reported it.
    Publishers stay as published; the title and the kind of event are in the viewer's language."""
    shown = with_citation(titled_in(listed, lang)[["date", "category", "title", "source_id"]], sources)
    more_text = lang.gettext(" (+{count} more)")
    more = listed["other_source_ids"].map(lambda ids: more_text.format(count=ids.count(";") + 1) if ids else "")
    shown = shown.assign(source_publisher=shown["source_publisher"] + more.to_numpy())  # merge keeps the order
    shown = shown.assign(category=category_words(shown["category"], lang))
    return shown[["date", "category", "title", "source_publisher", "source_url"]]


def trade_trend_frame(trade: TradeModel, unit: str, lang: Language) -> pd.DataFrame:
    """Each side's one total a year (the Trade page's headline series) in the viewer's unit, with
    whose figure each is: the Overview's small trade chart (side names in the viewer's language)."""
    totals = pd.concat(
        [frame.assign(side=lang.gettext(side.title())) for side, frame in trade.headline.items()], ignore_index=True
    )
    totals = totals.assign(
        value=totals["value_usd_m"].map(lambda v: in_unit(v, unit)),
        value_text=[
            localized.money(v, lang, unit, q) for v, q in zip(totals["value_usd_m"], totals["qualifier"], strict=True)
        ],
        unit=localized.unit_label(unit, lang),
    )
    return totals[["side", "value", "value_text", "unit", "source_id", *SHOWN]]


def remittances_trend_frame(backbone: pd.DataFrame) -> pd.DataFrame:
    """The World Bank's remittances as % of GDP, broken where a year is missing: the Overview's small chart."""
    shown = backbone.dropna(subset=["pct_gdp"])
    shown = shown.assign(segment=line_segments(shown.assign(k=0), ["k"]).astype(str))
    return shown[["pct_gdp", "segment", "source_id", *SHOWN]]


def events_rows(events: pd.DataFrame, kinds: tuple[str, ...], sources: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """Every report of the events of these kinds, each its publisher's, titled in the viewer's
    language (the Overview's events CSV)."""
    reported = titled_in(events[events["category"].isin(kinds)], lang)
    return as_published(reported.assign(year=reported["date"].str[:4].astype(int)), sources)


def events_note(listed: int, reported: int, lang: Language) -> str:
    """'88 events; the CSV has every report of them (95 rows) with its source.' in the viewer's language."""
    events = lang.ngettext("{count} event", "{count} events", listed).format(count=localized.number(listed, lang))
    rows = lang.ngettext("{count} row", "{count} rows", reported).format(count=localized.number(reported, lang))
    return lang.gettext("{events}; the CSV has every report of them ({rows}) with its source.").format(
        events=events, rows=rows
    )
