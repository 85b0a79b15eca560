"""Remittances: how much Tajikistan lives on money sent home, how much of it from Russia, and what if."""

from __future__ import annotations

import re

import streamlit as st

from dashboard.analytics import remittances as rem
from dashboard.analytics.basis import SHOWN, reason_in
from dashboard.analytics.events import titled_in
from dashboard.cache import shared, specs
from dashboard.charts import remittances as charts
from dashboard.datasets import with_translations
from dashboard.formatting import localized, markdown_text
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.remittances import RemittancesModel, RemittancesView, Scenario, share_percent
from dashboard.session.binding import bound_slider, bound_widget, current_view, update_view
from dashboard.session.pages.remittances import REM_RUSSIA, REM_SHARE, RemittancesState
from dashboard.views import components, redraw

# "Claim in Russia Briefing (2022-06-29): " / "Утверждение Russia Briefing (2022-06-29): " in events.csv
CLAIM_PREFIX = re.compile(r"^[^:]*Russia Briefing \([^)]*\):\s*")

DEFINITIONS = N_(
    "**World Bank** 'personal remittances, received': all origins, balance of payments, revised in later "
    "editions. **National Bank of Tajikistan**: transfers to Tajik banks, mostly via money-transfer systems "
    "(not published from mid-2013). **Central Bank of Russia**: transfers sent from Russia to Tajikistan "
    "through money-transfer systems; cash carried home is in none of them."
)


def pct(value: float, lang: Language) -> str:
    """'47.9%' / '47,9 %': a share of GDP, unsigned, one decimal."""
    return localized.percent(value, lang, signed=False)


def dependency_panel(shown: RemittancesView, view: RemittancesState, lang: Language) -> None:
    _ = lang.gettext
    dep = shown.dependency
    if dep is None:
        components.no_data(_("No World Bank remittance figures in the selected years."))
        return
    change = (
        None
        if dep.change_pts is None
        else _("{change} vs {year}").format(change=localized.points(dep.change_pts, lang), year=dep.year - 1)
    )
    latest = shown.shown.iloc[-1]
    label = shown.wb_label
    low, high = localized.number(dep.low, lang, 1), pct(dep.high, lang)
    columns = st.columns(4)
    components.metric(
        columns[0],
        _("Remittances, % of GDP, {year}").format(year=dep.year),
        pct(dep.pct_gdp, lang),
        delta=change,
        border=True,
        basis=_("{edition}, personal remittances received from all countries; change on its own year before").format(
            edition=label
        ),
        help=_("{edition}: personal remittances received, all origins.").format(edition=label),
        lang=lang,
        **components.change_style(dep.change_pts),
    )
    components.metric(
        columns[1],
        _("Remittances, {year}").format(year=dep.year),
        localized.money(latest["remittances_usd_m"], lang, view.units),
        border=True,
        basis=_("{edition}, all origins").format(edition=label),
        help=label,
        lang=lang,
    )
    components.metric(
        columns[2],
        lang.ngettext("Range, {count} year shown", "Range, {count} years shown", dep.years).format(count=dep.years),
        f"{low}–{high}",
        delta=_("low {low_year}, high {high_year}").format(low_year=dep.low_year, high_year=dep.high_year),
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=_("{edition}, one series").format(edition=label),
        lang=lang,
    )
    components.metric(
        columns[3],
        _("Median of the years shown"),
        pct(dep.median, lang),
        delta=f"{dep.year}: {localized.points(dep.pct_gdp - dep.median, lang)}",
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=_("{edition}, one series").format(edition=label),
        lang=lang,
    )


def series_section(model: RemittancesModel, shown: RemittancesView, view: RemittancesState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Remittances over time"))
    if shown.shown.empty:
        components.no_data(_("No remittance figures in the selected years."))
        return
    choices = {"show": _("Show beside the World Bank"), "hide": _("World Bank only")}
    bound_widget(
        st.segmented_control,
        "rem_others",
        view.rem_others,
        _("Other sources and vintages"),
        options=["show", "hide"],
        format_func=choices.get,
        to_view=lambda chosen: chosen or view.rem_others,
    )
    left, right = st.columns(2)
    with left:
        # in the axis's unit, so the tooltip and the axis read alike
        frame, other, rows = shown.usd
        chart = specs.chart_spec(
            charts.remittances_chart, frame, other, shown.events, view.years, "remittances_usd", _(charts.US_M), lang
        )
        components.chart_with_sources(
            chart,
            rows,
            model.sources,
            "remittances_usd.csv",
            description=_("Remittances received in US$ million by year, by source"),
            note=_("Line: World Bank; hollow marks: other sources and earlier vintages."),
            lang=lang,
        )
    with right:
        frame, other, rows = shown.pct
        chart = specs.chart_spec(
            charts.remittances_chart, frame, other, shown.events, view.years, "pct_gdp", _("% of GDP"), lang
        )
        components.chart_with_sources(
            chart,
            rows,
            model.sources,
            "remittances_pct_gdp.csv",
            description=_("Remittances as a share of GDP by year, by source"),
            note=localized.event_key(shown.events, lang),
            lang=lang,
        )
    st.caption(_(DEFINITIONS))


def claim_section(model: RemittancesModel, lang: Language) -> None:
    _ = lang.gettext
    check = model.claim_check
    if model.claim is None or check is None:
        return
    st.subheader(_("The Russia Briefing article's claim against the record"))
    yearly = "; ".join(f"{int(r.year)}: {localized.percent(r.change_pct, lang)}" for r in check.years.itertuples())
    claim = CLAIM_PREFIX.sub("", titled_in(model.claim.to_frame().T, lang)["title"].iloc[0])
    st.markdown(
        markdown_text(
            _(
                "The Russia Briefing article of {date} says: “{claim}”. World Bank figures, change on "
                "the year before: {yearly}. {verdict}"
            ).format(
                date=localized.day(model.claim["date"], lang),
                claim=claim,
                yearly=yearly,
                verdict=rem.claim_verdict(check, lang),
            )
        )
    )
    components.chart_with_sources(
        specs.chart_spec(charts.claim_chart, check.years, lang),
        check.years,
        model.sources,
        "claim_check.csv",
        description=_("Change in remittances in each of the two years before the Russia Briefing article's claim"),
        lang=lang,
    )


def russia_section(model: RemittancesModel, shown: RemittancesView, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Russia's part"))
    left, right = st.columns(2)
    frame = shown.russia
    if frame.empty:
        components.no_data(_("No figures on Russia's part in the selected years."))
        return
    with left:
        components.chart_with_sources(
            specs.chart_spec(charts.russia_chart, with_translations(frame, ["value", "what", "note", *SHOWN]), lang),
            frame,
            model.sources,
            "transfers_from_russia.csv",
            description=_("Transfers sent from Russia against all remittances received, US$ million"),
            note=_("Red: Central Bank of Russia money-transfer figures and Russian officials' statements."),
            lang=lang,
        )
        shares = shown.russia_shares
        if len(shares):
            listed = "; ".join(
                f"{int(r.year)}: {share_percent(round(r.value), lang)} ({r.series})" for r in shares.itertuples()
            )
            st.caption(_("Published share of remittances from Russia — {listed}.").format(listed=listed))
        from_russia_sentence(model, lang)
    with right:
        migrants = shown.migrants
        if migrants.empty:
            components.no_data(_("No migrant counts in the selected years."))
        else:
            components.chart_with_sources(
                specs.chart_spec(charts.migrants_chart, with_translations(migrants, ["value", "note", *SHOWN]), lang),
                migrants,
                model.sources,
                "migrants_in_russia.csv",
                description=_("Tajik migrants in Russia by year, as each source counted them"),
                note=_("Counts of different things: stocks, annual departures, arrivals for work — hover for each."),
                lang=lang,
            )


def from_russia_sentence(model: RemittancesModel, lang: Language) -> None:
    """How much of GDP came from Russia: a number only where the share and the total stand alike,
    else both figures side by side and why they are not multiplied (rem.from_russia)."""
    _ = lang.gettext
    part = model.from_russia
    if part is None:
        return
    share, base = part.share, part.base
    if part.result.comparable:
        components.say(
            _(
                "About **{part} of GDP** came from Russia in {year}: "
                "{share} of remittances worth {whole} of GDP ({publisher})."
            ).format(
                part=pct(part.result.value, lang),
                year=int(base["year"]),
                share=share_percent(share["value"], lang),
                whole=pct(base["pct_gdp"], lang),
                publisher=share["publisher"],
            )
        )
        return
    components.say(
        _(
            "How much of GDP came from Russia is not worked out here: {reason}. Side by side: "
            "remittances were {whole} of GDP in {year} ({edition}); "
            "{share} of remittances came from Russia in {share_year} ({publisher})."
        ).format(
            reason=reason_in(part.result.reason, lang, specs.reporter_names(lang)),
            whole=pct(base["pct_gdp"], lang),
            year=int(base["year"]),
            edition=model.wb_label_in(lang),
            share=share_percent(share["value"], lang),
            share_year=int(share["year"]),
            publisher=share["publisher"],
        )
    )


def scenario_section(model: RemittancesModel, view: RemittancesState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("What if remittances from Russia changed?"))
    st.page_link("views/scenarios.py", label=_("Estimated from Russia's growth and the ruble: Scenarios"))
    values = (view.rem_russia, view.rem_ruble, view.rem_pass, view.rem_share, view.rem_mult)
    scenario = shared.remittance_scenario(*values, steps=(REM_RUSSIA.step, REM_SHARE.step), lang=lang)
    share_default = float(model.latest_share["value"]) if model.latest_share is not None else 100.0
    controls, result = st.columns([2, 3], gap="medium")
    with controls:
        bound_slider(
            "rem_russia",
            float(view.rem_russia),
            _("Change in remittances from Russia, %"),
            shown=localized.SIGNED_PERCENT,
            help=_("Change in the US$ value of remittances sent from Russia."),
        )
        bound_slider(
            "rem_ruble",
            float(view.rem_ruble),
            _("Ruble against the US$, %"),
            shown=localized.SIGNED_PERCENT,
            help=_("Negative: the ruble weakens, so wages paid in rubles buy fewer dollars."),
        )
        bound_slider(
            "rem_pass",
            float(view.rem_pass),
            _("Pass-through of the ruble, %"),
            shown=localized.PERCENT,
            help=_("Share of Russian-earned remittances whose dollar value follows the ruble."),
        )
        share_source = model.latest_share
        bound_slider(
            "rem_share",
            float(scenario.share),
            _("Russia's share of remittances, %"),
            shown=localized.PERCENT,
            help=_("Starts at the latest published share: {share} in {year} ({publisher}).").format(
                share=share_percent(round(share_default), lang),
                year=int(share_source["year"]),
                publisher=share_source["publisher"],
            )
            if share_source is not None
            else None,
        )
        bound_slider(
            "rem_mult",
            float(view.rem_mult),
            _("GDP multiplier"),
            help=_("Change in GDP per dollar of remittances lost or gained (1 = one for one)."),
        )
        presets = {p.preset_id: p for p in model.presets}
        # one per row: a preset's name is a sentence, and half-width buttons cut it short
        for preset in presets.values():
            if st.button(
                preset.word("label", lang),  # says which shock it loads, not just its year
                help=_("{label}. Change {change}: {basis}; share {share}: {share_note}").format(
                    label=preset.word("label", lang),
                    change=localized.percent(preset.russia_change_pct, lang),
                    basis=preset.word("basis", lang),
                    share=share_percent(preset.russia_share_pct, lang),
                    # the data's note in the language (its note_ru); the one this dashboard writes, translated
                    share_note=_(rem.ALL_ORIGINS)
                    if preset.share_note == rem.ALL_ORIGINS
                    else preset.word("share_note", lang),
                ),
                key=f"preset_{preset.preset_id}",
                width="stretch",
            ):
                update_view(
                    **RemittancesState.defaults("rem_ruble"),
                    rem_russia=preset.russia_change_pct,
                    rem_share=preset.russia_share_pct,
                )
                st.rerun()
        if st.button(_("Reset the scenario"), key="preset_reset", width="stretch"):
            update_view(**RemittancesState.defaults())
            st.rerun()
        st.caption(_("Presets load each shock's published size; hover for its source."))
    shock, year = scenario.shock, scenario.year
    money = lambda value: localized.money(value, lang, view.units)  # noqa: E731
    with result:
        a, b, c = st.columns([4, 3, 4])  # room for a money change's badge in Russian ("−1,30 млрд долл. США")
        components.metric(
            a,
            _("Remittances, {year} + shock").format(year=year),
            money(shock.new_total_usd_m),
            delta=money(shock.change_usd_m),
            border=True,
            basis=scenario.basis,
            moves=True,
            lang=lang,
            **components.change_style(shock.change_usd_m),
        )
        components.metric(
            b,
            _("Share of GDP"),
            pct(shock.new_pct_gdp, lang),
            delta=localized.points(shock.new_pct_gdp - shock.base_pct_gdp, lang),
            border=True,
            basis=scenario.basis,
            moves=True,
            lang=lang,
            **components.change_style(shock.new_pct_gdp - shock.base_pct_gdp),
        )
        components.metric(
            c,
            _("GDP effect"),
            localized.percent(shock.gdp_effect_pct, lang),
            delta=money(shock.gdp_effect_usd_m),
            border=True,
            basis=scenario.basis,
            moves=True,
            help=_("First-order: the multiplier times the change in remittances, against GDP held at its base."),
            lang=lang,
            **components.change_style(shock.gdp_effect_usd_m),
        )
        components.show_chart(
            specs.chart_spec(charts.shock_chart, scenario.bars, lang),
            _("Remittances before and after the shock"),
            lang=lang,
        )
        components.say(formula_text(scenario, view, model.wb_label_in(lang), lang))
        components.sources_and_download(scenario.rows, model.sources, "remittance_shock.csv", lang=lang)


def plus_or_minus(value: float, lang: Language) -> str:
    """'+ 12.0' or '− 33.0' / '− 33,0': a term added to or taken from 1 in the written formula."""
    return f"{'−' if value < 0 else '+'} {localized.number(abs(value), lang, 1)}"


def formula_text(scenario: Scenario, view: RemittancesState, edition: str, lang: Language) -> str:
    """The scenario's arithmetic written out with this view's numbers and each input's year and source.

    So nobody has to trust a black box, nor take a share of one year for a share of the base's.
    The operators and numbers are the formula's; only its words are translated.
    """
    _ = lang.gettext
    m = lambda value: localized.money(value, lang, "musd")  # noqa: E731
    p = lambda value: share_percent(value, lang)  # noqa: E731
    shock, share, year, share_from = scenario.shock, scenario.share, scenario.year, scenario.share_from
    assumed = (
        ""
        if scenario.assumed.comparable
        else _(", assumed for {year}, not measured: {reason}").format(
            year=year, reason=reason_in(scenario.assumed.reason, lang, specs.reporter_names(lang))
        )
    )
    ruble = localized.percent(view.rem_ruble, lang)
    return "  \n".join(
        [
            _(
                "**Formula** ({edition}, {year}: remittances {base}, GDP {gdp}; "
                "Russia's share {share} ({share_from}){assumed})"
            ).format(
                edition=edition,
                year=year,
                base=m(shock.base_usd_m),
                gdp=m(scenario.gdp_usd_m),
                share=p(share),
                share_from=share_from,
                assumed=assumed,
            ),
            _("from Russia = {base} ({year}) × {share} ({share_from}) = {part}").format(
                base=m(shock.base_usd_m),
                year=year,
                share=p(share),
                share_from=share_from,
                part=m(shock.from_russia_usd_m),
            ),
            _("after = {part} × (1 {change}%) × (1 + {pass_through} × {ruble}) = {after}").format(
                part=m(shock.from_russia_usd_m),
                change=plus_or_minus(view.rem_russia, lang),
                pass_through=p(view.rem_pass),
                ruble=ruble,
                after=m(shock.new_from_russia_usd_m),
            ),
            _("remittances = {elsewhere} from elsewhere + {after} = {total} ({pct} of GDP, was {was})").format(
                elsewhere=m(shock.from_elsewhere_usd_m),
                after=m(shock.new_from_russia_usd_m),
                total=m(shock.new_total_usd_m),
                pct=pct(shock.new_pct_gdp, lang),
                was=pct(shock.base_pct_gdp, lang),
            ),
            _("GDP effect = {multiplier} × {change} = {effect} ({effect_pct} of GDP), GDP otherwise unchanged").format(
                multiplier=localized.number(view.rem_mult, lang, 1),
                change=m(shock.change_usd_m),
                effect=m(shock.gdp_effect_usd_m),
                effect_pct=localized.percent(shock.gdp_effect_pct, lang),
            ),
        ]
    )


def render() -> None:
    view = current_view(RemittancesState)
    lang = view.language
    _ = lang.gettext
    st.title(_("Remittances"))
    st.caption(
        _(
            "Money sent home by Tajik migrant workers, most of them in Russia: how large it is against the economy, "
            "how much comes from Russia, and what a shock to it would do."
        )
    )
    model = components.model_or_error(shared.remittances_model, lang=lang)
    if model is None:
        return
    shown = shared.remittances_view(view.years, view.rem_others == "show", lang)
    dependency_panel(shown, view, lang)
    series_section(model, shown, view, lang)
    claim_section(model, lang)
    russia_section(model, shown, lang)
    scenario_part(model, lang)


@redraw.redrawn_alone("rm-scenario")
def scenario_part(model: RemittancesModel, lang: Language) -> None:
    """The shock's sliders and presets redraw the scenario alone (views/redraw.py): nothing above
    depends on them."""
    scenario_section(model, current_view(RemittancesState), lang)


render()
