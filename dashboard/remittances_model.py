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
    events: pd.DataFrame
    latest_share: pd.Series | None
    presets: list[rem.Preset]
    claim_year: int | None  # the seed article's year, for its claim about remittances


def build_remittances_model(
    wdi: pd.DataFrame, figures: pd.DataFrame, presets: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> RemittancesModel:
    backbone = rem.wdi_backbone(wdi)
    backbone["segment"] = line_segments(backbone.assign(k=0), ["k"]).astype(str)
    named = figures.merge(sources[["source_id", "publisher"]], on="source_id", how="left")
    seed = events[events["title"].str.startswith("Seed article claim") & events["title"].str.contains("COVID")]
    return RemittancesModel(
        sources=sources,
        backbone=backbone,
        figures=named,
        events=events_on_axis(events, "remittance_shocks"),
        latest_share=rem.latest_share_from_russia(named),
        presets=rem.shock_presets(presets, named),
        claim_year=int(seed["date"].iloc[0][:4]) if len(seed) else None,
    )
