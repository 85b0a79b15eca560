"""Everything the Remittances page shows that does not depend on the viewer, built once."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import remittances as rem
from dashboard.analytics.events import events_on_axis
from dashboard.analytics.trade import line_segments


@dataclass(frozen=True)
class RemittancesModel:
    sources: pd.DataFrame
    backbone: pd.DataFrame  # World Bank: year, remittances_usd_m, pct_gdp, gdp_usd_m
    figures: pd.DataFrame  # every other published figure, with its publisher
    series: dict[str, pd.DataFrame]  # indicator -> its figures, each source a series (see other_series)
    events: pd.DataFrame
    latest_share: pd.Series | None
    presets: list[rem.Preset]
    claim: pd.Series | None  # the seed article's claim that remittances fell (an events.csv row)


def build_remittances_model(
    wdi: pd.DataFrame, figures: pd.DataFrame, presets: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> RemittancesModel:
    backbone = rem.wdi_backbone(wdi)
    backbone["segment"] = line_segments(backbone.assign(k=0), ["k"]).astype(str)
    named = figures.merge(sources[["source_id", "publisher"]], on="source_id", how="left")
    # the seed article's claims are events in the remittances pack; this one says remittances fell
    seed = events[events["source_id"].eq("seed-article") & events["title"].str.contains("reduced|dropped|fell")]
    return RemittancesModel(
        sources=sources,
        backbone=backbone,
        figures=named,
        series={indicator: rem.other_series(named, indicator) for indicator in named["indicator"].unique()},
        events=events_on_axis(events, "remittance_shocks"),
        latest_share=rem.latest_share_from_russia(named),
        presets=rem.shock_presets(presets, named),
        claim=seed.iloc[0] if len(seed) else None,
    )
