"""Partners & region: Russia among all of Tajikistan's partners, and Tajikistan among its neighbours."""

from __future__ import annotations

import streamlit as st

from dashboard.analytics import partners as pt
from dashboard.analytics.basis import reason_in
from dashboard.cache import shared, specs
from dashboard.charts import partners as charts
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.partners import PartnersModel, ordinal, page_points, page_years, place
from dashboard.session.binding import bound_slider, bound_widget, current_view
from dashboard.session.pages.filters import Filters
from dashboard.session.pages.partners import MIRROR_PARTNERS, NEIGHBOUR_CODES, PARTNER_FLOWS, PartnersState
from dashboard.session.readers import in_order
from dashboard.views import components, redraw

FLOW_NAMES = {
    "total": N_("Exports + imports"),
    "exports": N_("Tajikistan's exports"),
    "imports": N_("Tajikistan's imports"),
}
ESTIMATE_NOTE = N_(
    "Filled marks: the reporter's own figures; hollow circles: the share rests on an IMF estimate (the IMF's "
    "'e' marker, often made from partner data). Where only one of exports and imports has a figure there is no "
    "share of the total (half a total over a whole one would understate it). A break in a line is a year with "
    "no share, never a zero."
)
RANKED = 15
YEARS_REACH = N_(
    "The sidebar's Years filter narrows every chart over time on this page; at its full range each chart shows "
    "all of its own years (the partner figures from {first}). The four headline figures and the world ranking "
    "are for the latest year with data and do not follow it."
)


def pct(value: float, lang: Language) -> str:
    """'47.9%' / '47,9 %': a share, unsigned, one decimal."""
    return localized.percent(value, lang, signed=False)


def change_words(russia: pt.Standing, lang: Language) -> str | None:
    """The share's change since the compared year, or why there is none: never a number across bases."""
    if russia.change is None:
        return None
    if russia.change.comparable:
        return lang.gettext("{change} since {year}").format(
            change=page_points(russia.change.value, lang), year=russia.since_year
        )
    return lang.gettext("not compared with {year}: {reason}").format(
        year=russia.since_year, reason=reason_in(russia.change.reason, lang, specs.reporter_names(lang))
    )


def card_basis(model: PartnersModel, reporter: str, basis: str, lang: Language) -> str:
    """Whose a card's share is (`pt.share_whose`: Tajikistan's report, how it stands, the edition),
    in the viewer's language; the cards' shares are all of Tajikistan's report."""
    return pt.share_whose_in(reporter, basis, model.edition_in(lang), lang)


def headline(model: PartnersModel, view: PartnersState, lang: Language) -> None:
    _ = lang.gettext
    shown = shared.partners_headline(view.pt_since)
    russia, rival, rank = shown.russia, shown.rival, shown.remittances
    columns = st.columns(4)
    if russia is not None:
        basis = card_basis(model, russia.reporter, russia.basis, lang)
        unranked = (
            lang.ngettext(
                "; {count} more had one flow only and are not ranked",
                "; {count} more had one flow only and are not ranked",
                russia.unranked,
            ).format(count=russia.unranked)
            if russia.unranked
            else ""
        )
        components.metric(
            columns[0],
            _("Russia among Tajikistan's partners, {year}").format(year=russia.year),
            place(russia.rank, russia.of, lang),
            delta=_("{share} of Tajikistan's trade").format(share=pct(russia.share_pct, lang)),
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis=basis,
            help=_(
                "Among the {count} partners with both exports and imports reported in {year}{unranked}. "
                "Share of Tajikistan's exports plus imports with the world."
            ).format(count=russia.of, year=russia.year, unranked=unranked),
            lang=lang,
        )
        components.metric(
            columns[1],
            _("Russia's share, {year}").format(year=russia.year),
            pct(russia.share_pct, lang),
            delta=change_words(russia, lang),
            delta_arrow="off",
            delta_color="off",
            border=True,
            basis=basis,
            help=_(
                "Compared with {year} (the 'Compare with' control), only where both years' shares "
                "stand alike; no figure that year shows no change."
            ).format(year=view.pt_since),
            lang=lang,
        )
    if russia is not None and rival is not None:
        components.metric(
            columns[2],
            _("Next largest partner, {year}").format(year=russia.year),
            pt.name_in(str(rival.get("partner_iso3", "")), str(rival["partner"]), lang),
            delta=_("{share} of Tajikistan's trade").format(share=pct(rival["share_pct"], lang)),
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis=card_basis(model, str(rival["reporter"]), str(rival["basis"]), lang),
            lang=lang,
        )
    if rank is not None:
        aside = (
            _("; {place} without {economies}'s suspect value").format(
                place=ordinal(rank.rank_without_flagged, lang),
                economies=", ".join(economy(model, name, lang) for name in rank.flagged_above),
            )
            if rank.flagged_above
            else ""
        )
        components.metric(
            columns[3],
            _("Remittances, % of GDP: Tajikistan's rank, {year}").format(year=rank.year),
            place(rank.rank, rank.of, lang),
            delta=_("{share} of GDP{aside}").format(share=pct(rank.value, lang), aside=aside),
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis=_("World Bank, each economy's personal remittances received, % of its GDP"),
            help=_("Among every economy with a World Bank figure that year (aggregates excluded)."),
            lang=lang,
        )


def economy(model: PartnersModel, name: str, lang: Language) -> str:
    """An economy the World Bank file names, in the viewer's language (CLDR by its code)."""
    world = model.world_remittances
    codes = world.loc[world["country"] == name, "iso3"] if world is not None else ()
    return pt.name_in(str(codes.iloc[0]), name, lang) if len(codes) else name


def full_range() -> tuple[int, int]:
    bounds = shared.year_bounds()
    return bounds.year_min, bounds.year_max


def trade_years(model: PartnersModel, view: PartnersState) -> tuple[int, int]:
    """The partner charts' years: all of Tajikistan's at the Years filter's full range, else the filter's."""
    return page_years(model.years, view.years, full_range())


def controls(model: PartnersModel, view: PartnersState, lang: Language) -> None:
    _ = lang.gettext
    # the flow's three options in one row at laptop width in both languages (Russian's are 490 px)
    flow, top, since = st.columns([5, 2, 2])
    with flow:
        bound_widget(
            st.segmented_control,
            "pt_flow",
            view.pt_flow,
            _("Flow"),
            options=list(PARTNER_FLOWS),
            format_func=lambda chosen: _(FLOW_NAMES[chosen]),
            to_view=lambda v: v or view.pt_flow,
        )
    with top:
        bound_slider(
            "pt_top",
            view.pt_top,
            _("Largest partners drawn"),
            help=_("Ranked by share in the latest year with data; the rest of the world is grouped."),
        )
    with since:
        years = list(range(model.years[0], model.years[1] + 1))
        chosen = view.pt_since if view.pt_since in years else years[0]
        bound_widget(
            st.selectbox,
            "pt_since",
            chosen,
            _("Compare with"),
            options=years,
            index=None,
            then=redraw.whole_page,  # the cards above compare with it too
        )


# Each flow's heading, caption, axis and description, whole: Russian words them differently.
FLOW_TEXTS = {
    "total": (
        N_("Tajikistan's partners: share of its trade"),
        N_(
            "The {count} largest partners in {year} and the rest of the world, as shares of Tajikistan's trade "
            "with the world, as Tajikistan reported them to the IMF. The series end in {year}. {note}"
        ),
        N_("% of Tajikistan's trade"),
        N_("Shares of Tajikistan's trade by partner over time, {partners}"),
    ),
    "exports": (
        N_("Tajikistan's partners: share of its exports"),
        N_(
            "The {count} largest partners in {year} and the rest of the world, as shares of Tajikistan's exports "
            "with the world, as Tajikistan reported them to the IMF. The series end in {year}. {note}"
        ),
        N_("% of Tajikistan's exports"),
        N_("Shares of Tajikistan's exports by partner over time, {partners}"),
    ),
    "imports": (
        N_("Tajikistan's partners: share of its imports"),
        N_(
            "The {count} largest partners in {year} and the rest of the world, as shares of Tajikistan's imports "
            "with the world, as Tajikistan reported them to the IMF. The series end in {year}. {note}"
        ),
        N_("% of Tajikistan's imports"),
        N_("Shares of Tajikistan's imports by partner over time, {partners}"),
    ),
}


@redraw.redrawn_alone("pt-partners")
def partners_part(model: PartnersModel, lang: Language) -> None:
    """The partners' controls and the chart and table they change: a flow or the number of
    partners moved redraws this part alone (views/redraw.py)."""
    controls(model, current_view(PartnersState), lang)
    partners_section(model, current_view(PartnersState), lang)


def partners_section(model: PartnersModel, view: PartnersState, lang: Language) -> None:
    _ = lang.gettext
    heading, caption, axis, description = (_(text) for text in FLOW_TEXTS[view.pt_flow])
    st.subheader(heading)
    years = trade_years(model, view)
    shown = shared.partners_shares(view.pt_flow, view.pt_top, view.pt_since, years, lang)
    if shown is None:
        components.no_data(_("No partner figures in the data."))
        return
    if shown.frame.empty:
        components.no_data(
            _("No partner figures in the selected years (the IMF series run to {year}).").format(year=shown.year)
        )
        return
    st.caption(caption.format(count=len(shown.chosen), year=shown.year, note=_(ESTIMATE_NOTE)))
    components.chart_with_sources(
        specs.chart_spec(charts.share_lines, shown.frame, shown.order, axis, _("Partner"), "partners", lang),
        shown.rows,
        model.sources,
        f"tajikistan_partners_{view.pt_flow}.csv",
        description=description.format(partners=", ".join(shown.order)),
        lang=lang,
    )
    # a plain table, not a data grid: its rows change with every move of the slider, and the grid
    # redraws its canvas and its screen-reader table for about 300 ms after (docs/performance.md)
    st.table(shared.partners_changes(view.pt_flow, view.pt_top, view.pt_since, years, lang), hide_index=True)


@redraw.redrawn_alone("pt-mirror")
def mirror_part(model: PartnersModel, lang: Language) -> None:
    """The partner chosen for the mirror comparison redraws its charts alone."""
    mirror_section(model, current_view(PartnersState), lang)


@redraw.redrawn_alone("pt-neighbours")
def neighbours_part(model: PartnersModel, lang: Language) -> None:
    """The economies chosen for the comparison redraw its charts alone."""
    neighbours_section(model, current_view(PartnersState), lang)


def mirror_section(model: PartnersModel, view: PartnersState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("The same flows as each partner reported them"))
    bound_widget(
        st.segmented_control,
        "pt_mirror",
        view.pt_mirror,
        _("Partner"),
        options=list(MIRROR_PARTNERS),
        format_func=lambda code: pt.name_in(code.upper(), pt.NAMES[code.upper()], lang),
        to_view=lambda v: v or view.pt_mirror,
    )
    code = current_view(PartnersState).pt_mirror.upper()
    years = trade_years(model, view)
    shown = shared.partners_mirror(code, years, lang)
    if not shown.directions:
        components.no_data(_("No figures for this pair in the selected years."))
        return
    name = pt.name_in(code, pt.NAMES[code], lang)
    st.caption(
        _(
            "Each flow as Tajikistan and {partner} reported it to the IMF: exports are valued FOB at the border "
            "they leave, imports CIF (with freight and insurance) where they arrive, and each side may count "
            "transit and timing differently, so the two seldom agree. Hollow marks are IMF estimates."
        ).format(partner=name)
    )
    tajikistan = pt.name_in("TJK", pt.NAMES["TJK"], lang)
    order = [tajikistan, name]
    for column, (direction, frame, rows, note) in zip(st.columns(2), shown.directions, strict=False):
        with column:
            st.markdown(f"**{direction}**")
            components.chart_with_sources(
                specs.chart_spec(charts.mirror_chart, frame, order, lang),
                rows,
                model.sources,
                f"mirror_{code.lower()}_{'in' if direction.endswith(tajikistan) else 'out'}.csv",
                description=_("{direction}: goods trade as Tajikistan and as {partner} reported it, US$ m").format(
                    direction=direction, partner=name
                ),
                note=note,
                lang=lang,
            )


def neighbours_section(model: PartnersModel, view: PartnersState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Neighbours compared: trade with Russia and with China"))
    bound_widget(
        st.pills,
        "pt_countries",
        list(view.pt_countries),
        _("Countries"),
        options=list(NEIGHBOUR_CODES),
        selection_mode="multi",
        format_func=lambda code: pt.name_in(code.upper(), pt.NAMES[code.upper()], lang),
        to_view=lambda chosen: in_order(NEIGHBOUR_CODES, chosen),
    )
    codes = tuple(code.upper() for code in current_view(PartnersState).pt_countries)
    shown = shared.partners_neighbours(codes, trade_years(model, view), lang)
    if shown is None:
        components.no_data(_("Pick a country above, or widen the years: no figures to compare."))
        return
    components.say(shown.sentence)
    st.caption(
        _(
            "Each country's own report of its exports plus imports, as a share of its trade with the world. {note}"
        ).format(note=_(ESTIMATE_NOTE))
    )
    for column, (code, (partner, frame, rows)) in zip(
        st.columns(2), zip(("RUS", "CHN"), shown.charts, strict=True), strict=True
    ):
        with column:
            components.chart_with_sources(
                specs.chart_spec(
                    charts.share_lines,
                    frame,
                    shown.order,
                    _("% of trade with {partner}").format(partner=partner),
                    _("Country"),
                    "countries",
                    lang,
                ),
                rows,
                model.sources,
                f"neighbours_{pt.NAMES[code].lower()}.csv",
                description=_("Share of each Central Asian country's trade with {partner}, by year").format(
                    partner=partner
                ),
                lang=lang,
            )


def remittances_section(model: PartnersModel, view: PartnersState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Remittance dependency in the world"))
    if model.world_remittances is None:
        components.no_data(
            _(
                "The World Bank's series for every economy is not in data/. Get it with "
                "`python -m dashboard.refresh worldbank` on a machine with internet."
            )
        )
        return
    world = model.world_remittances
    years = page_years((int(world["year"].min()), int(world["year"].max())), view.years, full_range())
    shown = shared.partners_world(years, RANKED, lang)
    if shown is None:
        components.no_data(_("Tajikistan has no remittances figure in the World Bank file."))
        return
    rank = shown.rank
    aside = "".join(
        " "
        + _("{economy}'s figure is flagged: {flag}.").format(
            economy=pt.name_in(row.iso3, row.country, lang), flag=row.flag
        )
        for row in shown.flagged.itertuples()
    )
    if len(shown.flagged):
        aside += " " + _("Set aside, Tajikistan is {place}.").format(place=ordinal(rank.rank_without_flagged, lang))
    components.say(
        _(
            "In {year} Tajikistan received remittances worth {share} of its GDP, "
            "{place} of the {count} economies with a World Bank figure that year."
        ).format(
            year=rank.year,
            share=pct(rank.value, lang),
            place=ordinal(rank.rank, lang),
            count=localized.number(rank.of, lang),
        )
        + aside
    )
    colors = charts.palette_in(charts.COUNTRY_COLORS, lang)
    highlight = {name: colors[name] for name in (pt.name_in(code, pt.NAMES[code], lang) for code in pt.NEIGHBOURS)}
    left, right = st.columns(2)
    with left:
        components.chart_with_sources(
            specs.chart_spec(charts.ranking_bars, shown.top, highlight, lang),
            shown.top,
            model.sources,
            f"remittances_top{RANKED}_{rank.year}.csv",
            description=_("The {count} economies with the highest remittances as % of GDP in {year}").format(
                count=RANKED, year=rank.year
            ),
            note=_("Faded bars are figures flagged as suspect (the reason is in the tooltip and the CSV)."),
            lang=lang,
        )
    with right:
        components.chart_with_sources(
            specs.chart_spec(charts.country_lines, shown.series, _(charts.PCT_GDP), lang),
            shown.series_rows,
            model.sources,
            "remittances_central_asia.csv",
            description=_("Remittances as % of GDP for the five Central Asian countries over time"),
            note=_("The five Central Asian countries over time."),
            lang=lang,
        )


def render() -> None:
    lang = current_view(Filters).language  # the global filters: the page's own are read against its years below
    _ = lang.gettext
    st.title(_("Partners & region"))
    st.caption(
        _(
            "How large Russia is among Tajikistan's trading partners, and how Tajikistan compares with its "
            "Central Asian neighbours."
        )
    )
    model = components.model_or_error(shared.partners_model, lang=lang)
    if model is None:
        return
    view = current_view(PartnersState, model.years)
    st.caption(
        _(
            "Trade: {edition}, each country's own report, {years} (the IMF's "
            "aggregates such as World or European Union are never counted as partners)."
        ).format(edition=model.edition_in(lang), years=localized.year_range(*model.years, lang))
    )
    st.caption(_(YEARS_REACH).format(first=model.years[0]))
    headline(model, view, lang)
    partners_part(model, lang)
    mirror_part(model, lang)
    neighbours_part(model, lang)
    view = current_view(PartnersState)
    remittances_section(model, view, lang)


render()
