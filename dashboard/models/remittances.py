"""Everything the Remittances page shows that does not depend on the viewer, built once; what one
view of it draws (Years, other sources), built once per view; and the scenario the sliders set.

Every frame says how its figures stand (`analytics.basis.SHOWN`): the World Bank's series, each
other publisher's figure, and what is worked out here (a change, a scenario) as this dashboard's.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from babel import dates

from dashboard.analytics import remittances as rem
from dashboard.analytics.basis import (
    REPORTED,
    SCENARIO,
    THIS_DASHBOARD,
    Comparison,
    Figure,
    described,
    worked_out,
)
from dashboard.analytics.citations import edition_words
from dashboard.analytics.events import events_between, events_on_axis, titled_in
from dashboard.analytics.trade import line_segments
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import ENGLISH, Language


@dataclass(frozen=True)
class FromRussia:
    """Remittances from Russia as % of GDP: the latest published share of remittances from Russia
    applied to the World Bank's latest share of GDP, where the two stand alike (`rem.from_russia`);
    else both figures, side by side, and why they are not multiplied."""

    share: pd.Series  # the published share: year, value (%), publisher
    base: pd.Series  # the World Bank year: year, pct_gdp
    result: Comparison


@dataclass(frozen=True)
class RemittancesModel:
    sources: pd.DataFrame
    wb_label: str  # the World Bank edition the backbone comes from, in words (English: citations and bases)
    backbone: pd.DataFrame  # World Bank: year, remittances_usd_m, pct_gdp, gdp_usd_m
    figures: pd.DataFrame  # every other published figure, with its publisher
    series: dict[str, pd.DataFrame]  # indicator -> its figures, each source a series (see other_series)
    events: pd.DataFrame
    latest_share: pd.Series | None
    from_russia: FromRussia | None
    presets: list[rem.Preset]
    claim: pd.Series | None  # the Russia Briefing article's claim that remittances fell (an events.csv row)
    claim_check: rem.ClaimCheck | None  # that claim against the World Bank record
    set_aside: tuple[str, ...] = ()  # optional files that could not be read, left out as if missing
    wb_published: str | None = None  # the World Bank edition's publication date, if the sources give one

    def wb_label_in(self, lang: Language) -> str:
        """The World Bank edition in the viewer's language: its month in the language's words."""
        return edition_label(self.wb_published, lang)


def build_remittances_model(
    wdi: pd.DataFrame, figures: pd.DataFrame, presets: pd.DataFrame, events: pd.DataFrame, sources: pd.DataFrame
) -> RemittancesModel:
    backbone = rem.wdi_backbone(wdi)
    backbone["segment"] = line_segments(backbone.assign(k=0), ["k"]).astype(str)
    published = wb_published(sources, backbone)
    label = edition_label(published, ENGLISH)
    backbone = described(backbone, rem.WORLD_BANK, REPORTED, label)
    named = figures.merge(sources[["source_id", "publisher"]], on="source_id", how="left")
    named = described(named, "publisher", REPORTED, edition_words(named["source_id"], sources))
    # the article's claims are events in the remittances pack; this one says remittances fell
    claimed = events["title"].str.startswith("Claim in Russia Briefing")
    claim = events[claimed & events["title"].str.contains("reduced|dropped|fell")]
    check = rem.claim_check(backbone, int(claim.iloc[0]["date"][:4])) if len(claim) else None
    if check is not None:
        years = described(check.years, THIS_DASHBOARD, worked_out(N_("change on the year before")), label)
        check = rem.ClaimCheck(years, check.first_year, check.last_year, check.overall_pct, check.holds)
    latest_share = rem.latest_share_from_russia(named)
    return RemittancesModel(
        sources=sources,
        wb_label=label,
        backbone=backbone,
        figures=named,
        series={indicator: rem.other_series(named, indicator) for indicator in named["indicator"].unique()},
        events=events_on_axis(events, "remittance_shocks"),
        latest_share=latest_share,
        from_russia=from_russia(latest_share, backbone, label),
        presets=rem.shock_presets(presets, named),
        claim=claim.iloc[0] if len(claim) else None,
        claim_check=check,
        wb_published=published,
    )


def wb_published(sources: pd.DataFrame, backbone: pd.DataFrame) -> str | None:
    """When the World Bank edition the backbone comes from was published: the curated one, or a
    refresh's access month."""
    cited = sources[sources["source_id"] == backbone["source_id"].iloc[0]]
    published = cited["published_date"].dropna()
    return str(published.iloc[0]) if len(published) else None


def edition_label(published: str | None, lang: Language) -> str:
    """'World Bank WDI (Jun 2025)' / 'World Bank WDI (июнь 2025 г.)': the edition by its month."""
    if published is None:
        return "World Bank WDI"
    month = pd.Timestamp(published)
    if lang.is_source:
        return f"World Bank WDI ({month:%b %Y})"
    return f"World Bank WDI ({dates.format_skeleton('yMMMM', month.date(), locale=lang.locale)})"


def from_russia(share: pd.Series | None, backbone: pd.DataFrame, label: str) -> FromRussia | None:
    known = backbone.dropna(subset=["pct_gdp"])
    if share is None or known.empty:
        return None
    base = known.iloc[-1]
    result = rem.from_russia(
        Figure(float(share["value"]), rem.figure_basis(share)),
        Figure(float(base["pct_gdp"]), rem.backbone_basis(base)),
    )
    return FromRussia(share, base, result)


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


# the Russia chart's two series (charts.remittances.russia_chart colours by them)
SENT_FROM_RUSSIA = N_("Sent from Russia (as published)")
ALL_REMITTANCES = N_("World Bank: all remittances")


def build_remittances_view(
    model: RemittancesModel, years: tuple[int, int], show_others: bool, lang: Language
) -> RemittancesView:
    def in_years(frame: pd.DataFrame) -> pd.DataFrame:
        return frame[frame["year"].between(*years)]

    def labelled(frame: pd.DataFrame, value: str, fmt: Callable[[float], str]) -> pd.DataFrame:
        return frame.assign(value=frame[value], value_text=frame[value].map(fmt))

    label = model.wb_label_in(lang)
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
            sent.assign(what=lang.gettext(SENT_FROM_RUSSIA), value=sent["value"]),
            shown.assign(what=lang.gettext(ALL_REMITTANCES), value=shown["remittances_usd_m"], series=label),
        ],
        ignore_index=True,
    )
    return RemittancesView(
        wb_label=label,
        shown=shown,
        dependency=rem.dependency(shown),
        events=titled_in(events_between(model.events, years), lang),
        usd=pair("remittances_usd_m", "remittances_received_usd_million", lambda v: localized.money(v, lang, "musd")),
        pct=pair("pct_gdp", "remittances_pct_gdp", lambda v: localized.percent(v, lang, signed=False)),
        russia=russia,
        russia_shares=in_years(model.series.get("share_from_russia_pct", EMPTY_SERIES)),
        migrants=in_years(model.series.get("migrants_in_russia_count", EMPTY_SERIES)),
    )


@dataclass(frozen=True)
class Scenario:
    """The remittance shock the sliders set, with each input's year and source."""

    year: int  # the World Bank base year (the latest with GDP)
    gdp_usd_m: float
    share: float  # Russia's share of remittances used, %
    share_from: str  # where that share comes from, in words: a publisher and year, a preset, the slider
    preset: rem.Preset | None  # the preset the values match, if any
    assumed: Comparison  # the share applied to the base year (rem.from_russia): a figure, or why it is assumed
    shock: rem.ShockResult
    basis: str  # whose figure the scenario's cards are, in words
    bars: pd.DataFrame  # before and after, from Russia and from elsewhere (the chart)
    rows: pd.DataFrame  # the inputs and results, one row per source cited (the CSV)


def matching_preset(
    presets: list[rem.Preset], change_pct: float, share_pct: float | None, steps: tuple[float, float]
) -> rem.Preset | None:
    """The preset whose change and share the view holds, if any, to within half a slider step each
    (`steps`: the change's and the share's): a link or a slider carries a value on the slider's grid,
    and a float read back from it need not equal the preset's to the last bit."""
    if share_pct is None:
        return None
    for preset in presets:
        if math.isclose(change_pct, preset.russia_change_pct, abs_tol=steps[0] / 2) and math.isclose(
            share_pct, preset.russia_share_pct, abs_tol=steps[1] / 2
        ):
            return preset
    return None


def build_scenario(
    model: RemittancesModel,
    russia_change_pct: float,
    ruble_change_pct: float,
    pass_through_pct: float,
    share_pct: float | None,
    multiplier: float,
    steps: tuple[float, float],
    lang: Language,
) -> Scenario:
    """The shock to the latest World Bank year with GDP, Russia's share the viewer's, a preset's, or
    (None) the latest published one. The share is usually of an earlier year and another source: it
    is then an assumption about the base year, and the scenario says so (`rem.from_russia`)."""
    base = model.backbone.dropna(subset=["gdp_usd_m"]).iloc[-1]
    latest = model.latest_share
    share = share_pct if share_pct is not None else (float(latest["value"]) if latest is not None else 100.0)
    preset = matching_preset(model.presets, russia_change_pct, share_pct, steps)
    _ = lang.gettext
    if share_pct is None and latest is not None:
        share_from = f"{int(latest['year'])}, {latest['publisher']}"
        whole = Figure(float(base["remittances_usd_m"]), rem.backbone_basis(base))
        assumed = rem.from_russia(Figure(share, rem.figure_basis(latest)), whole)
    else:
        named = None if preset is None else preset.word("label", lang)
        share_from = _("set on the slider") if named is None else _("the preset {label}").format(label=named)
        assumed = Comparison(None, _("the share is {share_from}").format(share_from=share_from))
    shock = rem.remittance_shock(
        float(base["remittances_usd_m"]),
        float(base["gdp_usd_m"]),
        share,
        russia_change_pct,
        ruble_change_pct,
        pass_through_pct,
        multiplier,
    )
    year = int(base["year"])
    basis = _("a scenario worked out here: {edition} {year} × Russia's share {share} ({share_from})").format(
        edition=model.wb_label_in(lang), year=year, share=share_percent(share, lang), share_from=share_from
    )
    if not assumed.comparable:
        # why it is no measured share: in the formula, once
        basis += _(", assumed to hold in {year}").format(year=year)
    cited = [str(base["source_id"])]
    if share_pct is None and latest is not None:
        cited.append(str(latest["source_id"]))
    if preset is not None:
        cited.extend(preset.source_ids)
    cited = list(dict.fromkeys(cited))
    inputs = {
        "base_year": year,
        "share_from": share_from,
        "russia_change_pct": russia_change_pct,
        "ruble_change_pct": ruble_change_pct,
        "pass_through_pct": pass_through_pct,
        "russia_share_pct": share,
        "multiplier": multiplier,
    }
    editions = "; ".join(dict.fromkeys(edition_words(pd.Series(cited), model.sources)))
    rows = pd.DataFrame({"source_id": cited}).assign(**inputs, **vars(shock))
    return Scenario(
        year=year,
        gdp_usd_m=float(base["gdp_usd_m"]),
        share=share,
        share_from=share_from,
        preset=preset,
        assumed=assumed,
        shock=shock,
        basis=basis,
        bars=described(rem.shock_parts(shock, lang), THIS_DASHBOARD, SCENARIO, editions, year),
        rows=described(rows, THIS_DASHBOARD, SCENARIO, editions, year),
    )


def share_percent(share: float, lang: Language) -> str:
    """'58%' / '58 %', '57.5%' / '57,5 %': a share as given, no trailing zeros (a slider's value)."""
    text = f"{share:g}"
    return f"{text}%" if lang.is_source else f"{text.replace('.', ',')}{localized.NBSP}%"
