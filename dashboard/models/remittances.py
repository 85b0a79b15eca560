"""Everything the Remittances page shows that does not depend on the viewer, built once; and what
one view of it draws (Years, other sources), built once per view."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import remittances as rem
from dashboard.analytics.events import events_between, events_on_axis
from dashboard.analytics.trade import line_segments
from dashboard.formatting import money


@dataclass(frozen=True)
class RemittancesModel:
    sources: pd.DataFrame
    backbone: pd.DataFrame  # World Bank: year, remittances_usd_m, pct_gdp, gdp_usd_m
    figures: pd.DataFrame  # every other published figure, with its publisher
    series: dict[str, pd.DataFrame]  # indicator -> its figures, each source a series (see other_series)
    events: pd.DataFrame
    latest_share: pd.Series | None
    presets: list[rem.Preset]
    claim: pd.Series | None  # the Russia Briefing article's claim that remittances fell (an events.csv row)
    claim_check: rem.ClaimCheck | None  # that claim against the World Bank record
    set_aside: tuple[str, ...] = ()  # optional files that could not be read, left out as if missing


def build_remittances_model(
    wdi: pd.DataFrame, figures: pd.DataFrame, presets: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> RemittancesModel:
    backbone = rem.wdi_backbone(wdi)
    backbone["segment"] = line_segments(backbone.assign(k=0), ["k"]).astype(str)
    named = figures.merge(sources[["source_id", "publisher"]], on="source_id", how="left")
    # the article's claims are events in the remittances pack; this one says remittances fell
    claimed = events["title"].str.startswith("Claim in Russia Briefing")
    claim = events[claimed & events["title"].str.contains("reduced|dropped|fell")]
    return RemittancesModel(
        sources=sources,
        backbone=backbone,
        figures=named,
        series={indicator: rem.other_series(named, indicator) for indicator in named["indicator"].unique()},
        events=events_on_axis(events, "remittance_shocks"),
        latest_share=rem.latest_share_from_russia(named),
        presets=rem.shock_presets(presets, named),
        claim=claim.iloc[0] if len(claim) else None,
        claim_check=rem.claim_check(backbone, int(claim.iloc[0]["date"][:4])) if len(claim) else None,
    )


EMPTY_SERIES = pd.DataFrame(columns=["year", "value", "series", "note", "figure_id", "source_id"])


@dataclass(frozen=True)
class RemittancesView:
    """What the Remittances page draws for one Years filter and one choice of other sources.

    Worked out once per such view and shared (callers must not mutate): a scenario slider
    reruns the page, and none of these frames depend on it.
    """

    wb_label: str
    shown: pd.DataFrame  # the World Bank backbone in the years shown
    dependency: rem.Dependency | None
    events: pd.DataFrame
    usd: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]  # (World Bank, others, CSV rows), US$ m
    pct: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]  # the same, % of GDP
    russia: pd.DataFrame  # sent from Russia against all remittances
    russia_shares: pd.DataFrame
    migrants: pd.DataFrame


def wb_label(model: RemittancesModel) -> str:
    """The World Bank edition the backbone comes from: the curated one, or a refresh's access month."""
    cited = model.sources[model.sources["source_id"] == model.backbone["source_id"].iloc[0]]
    published = cited["published_date"].dropna()
    return f"World Bank WDI ({pd.Timestamp(published.iloc[0]):%b %Y})" if len(published) else "World Bank WDI"


def build_remittances_view(model: RemittancesModel, years: tuple[int, int], show_others: bool) -> RemittancesView:
    def in_years(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["year"].between(*years)]

    def labelled(frame: pd.DataFrame, value: str, fmt: Callable[[float], str]) -> pd.DataFrame:
        return frame.assign(value=frame[value], value_text=frame[value].map(fmt))

    label = wb_label(model)
    shown = in_years(model.backbone)
    others = {}
    for indicator in ("remittances_received_usd_million", "remittances_pct_gdp"):
        rows = in_years(model.series.get(indicator, EMPTY_SERIES))
        others[indicator] = rows if show_others else rows.iloc[0:0]
    drawn = shown.assign(series=label)

    def pair(column: str, indicator: str, fmt: Callable[[float], str]) -> tuple[pd.DataFrame, ...]:
        other = others[indicator]
        return (
            labelled(drawn, column, fmt),
            labelled(other, "value", fmt),
            pd.concat([drawn, other], ignore_index=True),
        )

    sent = in_years(model.series.get("transfers_from_russia_usd_million", EMPTY_SERIES))
    russia = pd.concat(
        [
            sent.assign(what="Sent from Russia (as published)", value=sent["value"]),
            shown.assign(what="World Bank: all remittances", value=shown["remittances_usd_m"], series=label),
        ],
        ignore_index=True,
    )
    return RemittancesView(
        wb_label=label,
        shown=shown,
        dependency=rem.dependency(shown),
        events=events_between(model.events, years),
        usd=pair("remittances_usd_m", "remittances_received_usd_million", lambda v: money(v, "musd")),
        pct=pair("pct_gdp", "remittances_pct_gdp", lambda v: f"{v:.1f}%"),
        russia=russia,
        russia_shares=in_years(model.series.get("share_from_russia_pct", EMPTY_SERIES)),
        migrants=in_years(model.series.get("migrants_in_russia_count", EMPTY_SERIES)),
    )
