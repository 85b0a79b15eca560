"""Remittances: how much Tajikistan lives on money sent home, how much of it from Russia, and what if."""

from __future__ import annotations

import re

import streamlit as st

from dashboard.analytics import remittances as rem
from dashboard.analytics.basis import SHOWN
from dashboard.cache import shared
from dashboard.charts import remittances as charts
from dashboard.formatting import event_key, markdown_text, money, percent, signed
from dashboard.models.remittances import RemittancesModel, RemittancesView, Scenario
from dashboard.session.binding import bound_slider, bound_widget, current_view, update_view
from dashboard.session.pages.remittances import REM_RUSSIA, REM_SHARE, RemittancesState
from dashboard.views import components

CLAIM_PREFIX = re.compile(r"^Claim in [^:]+:\s*")  # "Claim in Russia Briefing (2022-06-29): " in events.csv

DEFINITIONS = (
    "**World Bank** 'personal remittances, received': all origins, balance of payments, revised in later "
    "editions. **National Bank of Tajikistan**: transfers to Tajik banks, mostly via money-transfer systems "
    "(not published from mid-2013). **Central Bank of Russia**: transfers sent from Russia to Tajikistan "
    "through money-transfer systems; cash carried home is in none of them."
)


def dependency_panel(model: RemittancesModel, shown: RemittancesView, view: RemittancesState) -> None:
    dep = shown.dependency
    if dep is None:
        components.no_data("No World Bank remittance figures in the selected years.")
        return
    change = None if dep.change_pts is None else f"{signed(dep.change_pts, ' pts')} vs {dep.year - 1}"
    latest = shown.shown.iloc[-1]
    columns = st.columns(4)
    components.metric(
        columns[0],
        f"Remittances, % of GDP, {dep.year}",
        f"{dep.pct_gdp:.1f}%",
        delta=change,
        border=True,
        basis=f"{shown.wb_label}, personal remittances received from all countries; change on its own year before",
        help=f"{shown.wb_label}: personal remittances received, all origins.",
        **components.change_style(dep.change_pts),
    )
    components.metric(
        columns[1],
        f"Remittances, {dep.year}",
        money(latest["remittances_usd_m"], view.units),
        border=True,
        basis=f"{shown.wb_label}, all origins",
        help=shown.wb_label,
    )
    components.metric(
        columns[2],
        f"Range, {dep.years} years shown",
        f"{dep.low:.1f}–{dep.high:.1f}%",
        delta=f"low {dep.low_year}, high {dep.high_year}",
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=f"{shown.wb_label}, one series",
    )
    components.metric(
        columns[3],
        "Median of the years shown",
        f"{dep.median:.1f}%",
        delta=f"{dep.year}: {signed(dep.pct_gdp - dep.median, ' pts')}",
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=f"{shown.wb_label}, one series",
    )


def series_section(model: RemittancesModel, shown: RemittancesView, view: RemittancesState) -> None:
    st.subheader("Remittances over time")
    if shown.shown.empty:
        components.no_data("No remittance figures in the selected years.")
        return
    bound_widget(
        st.segmented_control,
        "rem_others",
        view.rem_others,
        "Other sources and vintages",
        options=["show", "hide"],
        format_func={"show": "Show beside the World Bank", "hide": "World Bank only"}.get,
        to_view=lambda chosen: chosen or view.rem_others,
    )
    left, right = st.columns(2)
    with left:
        # in the axis's unit, so the tooltip and the axis read alike
        frame, other, rows = shown.usd
        chart = shared.chart_spec(
            charts.remittances_chart, frame, other, shown.events, view.years, "remittances_usd", "US$ m"
        )
        components.chart_with_sources(
            chart,
            rows,
            model.sources,
            "remittances_usd.csv",
            description="Remittances received in US$ million by year, by source",
            note="Line: World Bank; hollow marks: other sources and earlier vintages.",
        )
    with right:
        frame, other, rows = shown.pct
        chart = shared.chart_spec(
            charts.remittances_chart, frame, other, shown.events, view.years, "pct_gdp", "% of GDP"
        )
        components.chart_with_sources(
            chart,
            rows,
            model.sources,
            "remittances_pct_gdp.csv",
            description="Remittances as a share of GDP by year, by source",
            note=event_key(shown.events),
        )
    st.caption(DEFINITIONS)


def claim_section(model: RemittancesModel) -> None:
    check = model.claim_check
    if model.claim is None or check is None:
        return
    st.subheader("The Russia Briefing article's claim against the record")
    yearly = "; ".join(f"{int(r.year)}: {percent(r.change_pct)}" for r in check.years.itertuples())
    claim = CLAIM_PREFIX.sub("", model.claim["title"])
    st.markdown(
        markdown_text(
            f"The Russia Briefing article of {model.claim['date']} says: “{claim}”. World Bank figures, change on "
            f"the year before: {yearly}. {rem.claim_verdict(check)}"
        )
    )
    components.chart_with_sources(
        shared.chart_spec(charts.claim_chart, check.years),
        check.years,
        model.sources,
        "claim_check.csv",
        description="Change in remittances in each of the two years before the Russia Briefing article's claim",
    )


def russia_section(model: RemittancesModel, shown: RemittancesView) -> None:
    st.subheader("Russia's part")
    left, right = st.columns(2)
    frame = shown.russia
    if frame.empty:
        components.no_data("No figures on Russia's part in the selected years.")
        return
    with left:
        components.chart_with_sources(
            shared.chart_spec(charts.russia_chart, frame[["value", "what", "note", *SHOWN]]),
            frame,
            model.sources,
            "transfers_from_russia.csv",
            description="Transfers sent from Russia against all remittances received, US$ million",
            note="Red: Central Bank of Russia money-transfer figures and Russian officials' statements.",
        )
        shares = shown.russia_shares
        if len(shares):
            listed = "; ".join(f"{int(r.year)}: {r.value:.0f}% ({r.series})" for r in shares.itertuples())
            st.caption(f"Published share of remittances from Russia — {listed}.")
        from_russia_sentence(model)
    with right:
        migrants = shown.migrants
        if migrants.empty:
            components.no_data("No migrant counts in the selected years.")
        else:
            components.chart_with_sources(
                shared.chart_spec(charts.migrants_chart, migrants[["value", "note", *SHOWN]]),
                migrants,
                model.sources,
                "migrants_in_russia.csv",
                description="Tajik migrants in Russia by year, as each source counted them",
                note="Counts of different things: stocks, annual departures, arrivals for work — hover for each.",
            )


def from_russia_sentence(model: RemittancesModel) -> None:
    """How much of GDP came from Russia: a number only where the share and the total stand alike,
    else both figures side by side and why they are not multiplied (rem.from_russia)."""
    part = model.from_russia
    if part is None:
        return
    share, base = part.share, part.base
    if part.result.comparable:
        components.say(
            f"About **{part.result.value:.1f}% of GDP** came from Russia in {int(base['year'])}: "
            f"{share['value']:g}% of remittances worth {base['pct_gdp']:.1f}% of GDP ({share['publisher']})."
        )
        return
    components.say(
        f"How much of GDP came from Russia is not worked out here: {part.result.reason}. Side by side: "
        f"remittances were {base['pct_gdp']:.1f}% of GDP in {int(base['year'])} ({model.wb_label}); "
        f"{share['value']:g}% of remittances came from Russia in {int(share['year'])} ({share['publisher']})."
    )


def scenario_section(model: RemittancesModel, shown: RemittancesView, view: RemittancesState) -> None:
    st.subheader("What if remittances from Russia changed?")
    st.page_link("views/scenarios.py", label="Estimated from Russia's growth and the ruble: Scenarios")
    values = (view.rem_russia, view.rem_ruble, view.rem_pass, view.rem_share, view.rem_mult)
    scenario = shared.remittance_scenario(*values, steps=(REM_RUSSIA.step, REM_SHARE.step))
    share_default = float(model.latest_share["value"]) if model.latest_share is not None else 100.0
    controls, result = st.columns([2, 3], gap="medium")
    with controls:
        bound_slider(
            "rem_russia",
            float(view.rem_russia),
            "Change in remittances from Russia, %",
            format="%+.1f%%",
            help="Change in the US$ value of remittances sent from Russia.",
        )
        bound_slider(
            "rem_ruble",
            float(view.rem_ruble),
            "Ruble against the US$, %",
            format="%+.1f%%",
            help="Negative: the ruble weakens, so wages paid in rubles buy fewer dollars.",
        )
        bound_slider(
            "rem_pass",
            float(view.rem_pass),
            "Pass-through of the ruble, %",
            format="%.0f%%",
            help="Share of Russian-earned remittances whose dollar value follows the ruble.",
        )
        share_source = model.latest_share
        bound_slider(
            "rem_share",
            float(scenario.share),
            "Russia's share of remittances, %",
            format="%.1f%%",
            help=f"Starts at the latest published share: {share_default:.0f}% in "
            f"{int(share_source['year'])} ({share_source['publisher']})."
            if share_source is not None
            else None,
        )
        bound_slider(
            "rem_mult",
            float(view.rem_mult),
            "GDP multiplier",
            format="%.1f",
            help="Change in GDP per dollar of remittances lost or gained (1 = one for one).",
        )
        presets = {p.preset_id: p for p in model.presets}
        # one per row: a preset's name is a sentence, and half-width buttons cut it short
        for preset in presets.values():
            if st.button(
                preset.label,  # says which shock it loads, not just its year
                help=f"{preset.label}. Change {signed(preset.russia_change_pct, '%')}: {preset.basis}. "
                f"Share {preset.russia_share_pct:g}%: {preset.share_note}",
                key=f"preset_{preset.preset_id}",
                width="stretch",
            ):
                update_view(
                    **RemittancesState.defaults("rem_ruble"),
                    rem_russia=preset.russia_change_pct,
                    rem_share=preset.russia_share_pct,
                )
                st.rerun()
        if st.button("Reset the scenario", key="preset_reset", width="stretch"):
            update_view(**RemittancesState.defaults())
            st.rerun()
        st.caption("Presets load each shock's published size; hover for its source.")
    shock, year = scenario.shock, scenario.year
    with result:
        a, b, c = st.columns([3, 2, 2])
        components.metric(
            a,
            f"Remittances, {year} + shock",
            money(shock.new_total_usd_m, view.units),
            delta=money(shock.change_usd_m, view.units),
            border=True,
            basis=scenario.basis,
            **components.change_style(shock.change_usd_m),
        )
        components.metric(
            b,
            "Share of GDP",
            f"{shock.new_pct_gdp:.1f}%",
            delta=signed(shock.new_pct_gdp - shock.base_pct_gdp, " pts"),
            border=True,
            basis=scenario.basis,
            **components.change_style(shock.new_pct_gdp - shock.base_pct_gdp),
        )
        components.metric(
            c,
            "GDP effect",
            signed(shock.gdp_effect_pct, "%"),
            delta=money(shock.gdp_effect_usd_m, view.units),
            border=True,
            basis=scenario.basis,
            help="First-order: the multiplier times the change in remittances, against GDP held at its base.",
            **components.change_style(shock.gdp_effect_usd_m),
        )
        components.show_chart(
            shared.chart_spec(charts.shock_chart, scenario.bars), "Remittances before and after the shock"
        )
        components.say(formula_text(scenario, view, model.wb_label))
        components.sources_and_download(scenario.rows, model.sources, "remittance_shock.csv")


def plus_or_minus(value: float) -> str:
    """'+ 12.0' or '− 33.0': a term added to or taken from 1 in the written formula."""
    return f"{'−' if value < 0 else '+'} {abs(value):.1f}"


def formula_text(scenario: Scenario, view: RemittancesState, edition: str) -> str:
    """The scenario's arithmetic written out with this view's numbers and each input's year and source.

    So nobody has to trust a black box, nor take a share of one year for a share of the base's.
    """
    m = lambda value: money(value, "musd")  # noqa: E731
    shock, share, year, share_from = scenario.shock, scenario.share, scenario.year, scenario.share_from
    assumed = "" if scenario.assumed.comparable else f", assumed for {year}, not measured: {scenario.assumed.reason}"
    return "  \n".join(
        [
            f"**Formula** ({edition}, {year}: remittances {m(shock.base_usd_m)}, GDP {m(scenario.gdp_usd_m)}; "
            f"Russia's share {share:g}% ({share_from}){assumed})",
            f"from Russia = {m(shock.base_usd_m)} ({year}) × {share:g}% ({share_from}) = {m(shock.from_russia_usd_m)}",
            f"after = {m(shock.from_russia_usd_m)} × (1 {plus_or_minus(view.rem_russia)}%) × "
            f"(1 + {view.rem_pass:g}% × {signed(view.rem_ruble, '%', 1) or '0%'}) = {m(shock.new_from_russia_usd_m)}",
            f"remittances = {m(shock.from_elsewhere_usd_m)} from elsewhere + {m(shock.new_from_russia_usd_m)} = "
            f"{m(shock.new_total_usd_m)} ({shock.new_pct_gdp:.1f}% of GDP, was {shock.base_pct_gdp:.1f}%)",
            f"GDP effect = {view.rem_mult:.1f} × {m(shock.change_usd_m)} = {m(shock.gdp_effect_usd_m)} "
            f"({signed(shock.gdp_effect_pct, '%')} of GDP), GDP otherwise unchanged",
        ]
    )


def render() -> None:
    st.title("Remittances")
    st.caption(
        "Money sent home by Tajik migrant workers, most of them in Russia: how large it is against the economy, "
        "how much comes from Russia, and what a shock to it would do."
    )
    view = current_view(RemittancesState)
    model = components.model_or_error(shared.remittances_model)
    if model is None:
        return
    shown = shared.remittances_view(view.years, view.rem_others == "show")
    dependency_panel(model, shown, view)
    series_section(model, shown, view)
    claim_section(model)
    russia_section(model, shown)
    scenario_section(model, shown, view)


render()
