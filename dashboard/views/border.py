"""Border & security: the Tajik–Afghan border, Russia's forces near it, and the record on troops."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.analytics.basis import reason_in
from dashboard.analytics.events import category_words, titled_in
from dashboard.analytics.security import border_reference_text, membership_summary
from dashboard.cache import readonly, shared, specs
from dashboard.charts import border as charts
from dashboard.datasets import in_language
from dashboard.formatting import localized
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language
from dashboard.models.border import KIND_LABELS, POSITION_WORDS, BorderModel, BorderTables
from dashboard.models.border_words import BorderWords, claim_lines
from dashboard.session.binding import bound_slider, bound_widget, current_view
from dashboard.session.pages.border import MAP_LAYERS, BorderState
from dashboard.session.readers import in_order
from dashboard.views import components, redraw

LAYER_LABELS = {
    "russian": N_("Russian sites"),
    "crossings": N_("Crossings"),
    "cities": N_("Cities"),
    "rivers": N_("Rivers"),
    "coverage": N_("Reach"),
}


# The Border tables' headers (models.border.build_border_tables writes them in English, once for
# every language): the page shows them, and the site kinds and positions, in the viewer's language.
TABLE_HEADERS = (
    N_("Site"),
    N_("To the border, km"),
    N_("Kind"),
    N_("Status"),
    N_("Position"),
    N_("Source"),
    N_("Length"),
    N_("Parts"),
    N_("Line (measured here)"),
)
PUBLISHED_HEADER = "Published: "  # the lengths table's last column: "Published: <the reference>"


DISTANCE = "To the border, km"
# A site's status (security_sites.csv's code) in words, for a page in another language; the
# English page shows the code, as it always has.
STATUS_WORDS = {"active": N_("in use"), "former": N_("no longer in use"), "planned": N_("planned")}


def shown_table(table: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """A table as the page shows it: headers, site kinds, statuses, positions and distances in the
    viewer's language (names and published figures as the data gives them)."""
    if lang.is_source:
        return table
    _ = lang.gettext
    words = {english: _(english) for english in (*KIND_LABELS.values(), *POSITION_WORDS.values())}
    words |= {code: _(status) for code, status in STATUS_WORDS.items()}
    shown = table.assign(
        **{c: table[c].map(lambda v: words.get(v, v)) for c in ("Kind", "Position", "Status") if c in table}
    )
    if DISTANCE in shown:  # a measured distance, to 0.1 km, as the language writes it
        shown[DISTANCE] = shown[DISTANCE].map(lambda km: localized.number(km, lang, 1))
    return shown.rename(
        columns=lambda column: (
            _("Published: {source}").format(source=column.removeprefix(PUBLISHED_HEADER))
            if column.startswith(PUBLISHED_HEADER)
            else _(column)
        )
    )


def shown(table: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """`shown_table` of a shared table, worked out once per table and language (readonly.derived):
    the same rows on every visit, and the distances on every radius move."""
    return readonly.derived(table, ("shown", lang), lambda rows: shown_table(rows, lang))


def shown_distances(model: BorderModel, distances: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The distances table as shown: each site by its label in the language."""
    return shown_with_sites(distances, site_names(model, lang), "shown distances", lang)


def shown_unplaced(model: BorderModel, unplaced: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The sites with no coordinate as shown: each by its full name in the language (`name_ru`)."""
    names = readonly.derived(
        model.sites,
        ("full names", lang),
        lambda sites: dict(zip(sites["name"], in_language(sites, "name", lang), strict=True)),
    )
    return shown_with_sites(unplaced, names, "shown unplaced", lang)


def shown_with_sites(table: pd.DataFrame, names: dict[str, str], what: str, lang: Language) -> pd.DataFrame:
    """`shown_table` with each row's `Site` named as `names` gives it, once per table and language."""
    return readonly.derived(
        table,
        (what, lang),
        lambda rows: shown_table(rows.assign(Site=rows["Site"].map(lambda site: names.get(site, site))), lang),
    )


def site_names(model: BorderModel, lang: Language) -> dict[str, str]:
    """A site's label as the English page shows it -> as the viewer's language does (its
    `short_name_ru`, by `datasets.in_language`; a site without a label, its `name_ru`). Worked out
    once per model and language (readonly.derived): a radius move asks twice."""
    return readonly.derived(model.sites, ("site names", lang), lambda sites: _site_names(sites, lang))


def _site_names(sites: pd.DataFrame, lang: Language) -> dict[str, str]:
    english = sites["short_name"].fillna(sites["name"])
    named = in_language(sites, "short_name", lang).fillna(in_language(sites, "name", lang))
    return dict(zip(english, named, strict=True))


def length(value: float, lang: Language) -> str:
    """'1,234 km' / '1 234 км': a length this dashboard measured, to the kilometre."""
    return localized.km(round(value), lang)


def whole_percent(value: float, lang: Language) -> str:
    """'47%' / '47 %': a share in percent, to the unit."""
    return f"{value:.0f}%" if lang.is_source else f"{localized.number(round(value), lang)}{localized.NBSP}%"


def why_shorter(model: BorderModel, lang: Language) -> str:
    return lang.gettext(
        "Why the map's line is shorter than {length}: the border follows the Panj and "
        "Amu Darya, and a map at any scale smooths the river's bends — the more detailed the map, the "
        "longer the line."
    ).format(length=length(model.reference_km, lang))


def reach_at(radius: int) -> pd.Series:
    """The border's coverage at this radius (covered_km, share), from the curve built once."""
    return shared.reach_at(radius)


@redraw.redrawn_alone("bd-reach")
def reach_part(model: BorderModel, tables: BorderTables, lang: Language) -> None:
    """The cards, the map and the distances: a radius or the map's layers moved redraw these alone
    (views/redraw.py); the troops, events and lengths below do not depend on them."""
    view = current_view(BorderState)
    kpi_row(model, tables, view, lang)
    map_section(model, tables, view, lang)
    distances_section(model, tables, view, lang)


def kpi_row(model: BorderModel, tables: BorderTables, view: BorderState, lang: Language) -> None:
    _ = lang.gettext
    strength = tables.strength
    reach = reach_at(view.radius)
    columns = st.columns(4)
    references = shared.border_words(lang).references  # each source named in the viewer's language
    cited = readonly.derived(  # the same words on every radius move
        references, ("reference text", lang), lambda shown: border_reference_text(shown, lang)
    )
    per = references["cited_as"].iloc[0].removeprefix("the ")  # a source's name
    components.metric(
        columns[0],
        lang.pgettext("heading", "Tajik–Afghan border"),
        localized.km(model.reference_km, lang),
        delta=_("per {source}").format(source=per),
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=_("per {source}, as published").format(source=per),
        help=_("{references}. No map in the data can measure it.").format(references=f"{cited[0].upper()}{cited[1:]}"),
        lang=lang,
    )
    line_km(columns[1], model, lang)
    if strength:
        low, high = localized.number(strength.latest_low, lang), localized.number(strength.latest_high, lang)
        components.metric(
            columns[2],
            _("Russian troops, {year} reports").format(year=strength.latest_year),
            low if strength.latest_low == strength.latest_high else f"{low}–{high}",
            delta=lang.ngettext("{count} source", "{count} sources", strength.latest_sources).format(
                count=strength.latest_sources
            ),
            delta_color="off",
            delta_arrow="off",
            border=True,
            basis=_("the lowest and highest of the year's published reports; reports are not averaged"),
            help=_(
                "Reported strength of the 201st base, lowest to highest figure published that year; "
                "the chart below shows each source."
            ),
            lang=lang,
        )
    components.metric(
        columns[3],
        _("Border within {distance}").format(distance=localized.km(view.radius, lang)),
        length(reach["covered_km"], lang),
        delta=_("{share} of the line").format(share=whole_percent(reach["share"] * 100, lang)),
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=_("measured by this dashboard on the map's line and the sites' published positions"),
        help=_(
            "Length of border within this distance of Russia's active garrisons and facilities on the map, "
            "and its share of the border line as drawn. Distance only: not a measure of military reach."
        ),
        lang=lang,
    )


def line_km(where: st.delta_generator.DeltaGenerator, model: BorderModel, lang: Language) -> None:
    """The map's line beside the published length: a share of it only where basis.compare allows one."""
    _ = lang.gettext
    drawn, reference = model.drawn_km, shared.border_words(lang).references.iloc[0]
    against = model.drawn_against_reference
    published = _("{length} per {source}").format(
        length=localized.km(model.reference_km, lang), source=reference["reported_by"]
    )
    components.metric(
        where,
        _("Border line on this map"),
        length(drawn, lang),
        delta=_("{share} of {published}").format(share=whole_percent(against.value, lang), published=published)
        if against.comparable
        else _("beside {published}").format(published=published),
        delta_color="off",
        delta_arrow="off",
        border=True,
        basis=_("measured by this dashboard on the map's line (geodesic, WGS84); {against}").format(
            against=_("set against the published length")
            if against.comparable
            else _("not a share of the published length: {reason}").format(reason=reason_in(against.reason, lang))
        ),
        help=why_shorter(model, lang),
        lang=lang,
    )


def map_section(model: BorderModel, tables: BorderTables, view: BorderState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("The border and Russia's forces"))
    controls, notes = st.columns([3, 2])
    with controls:
        bound_slider(
            "radius",
            int(view.radius),
            _("Distance from Russia's active sites, km"),
            help=_(
                "Which stretch of the border lies within this distance of a Russian garrison or facility "
                "(straight-line distance, not operational reach)."
            ),
        )
        bound_widget(
            st.pills,
            "layers",
            list(view.layers),
            _("Show on the map"),
            options=list(MAP_LAYERS),
            selection_mode="multi",
            format_func=lambda layer: _(LAYER_LABELS[layer]),
            to_view=lambda chosen: in_order(MAP_LAYERS, chosen),
        )
    with notes:
        # the key lists only what the chosen layers draw
        border_name = lang.pgettext("heading", "Tajik–Afghan border")
        key = [f"**━** {border_name}"]
        if "coverage" in view.layers:
            reach = reach_at(view.radius)
            key += [
                ":red[**━**] "
                + _("border within {distance} of a Russian site: {length}, {share} of the line").format(
                    distance=localized.km(view.radius, lang),
                    length=length(reach["covered_km"], lang),
                    share=whole_percent(reach["share"] * 100, lang),
                ),
                ":red[**◌**] " + _("the area within that distance"),
            ]
        if "russian" in view.layers:
            key.append(
                "**■** "
                + _(
                    "201st base garrisons (the headquarters drawn larger: the base's troop figure is given "
                    "for the whole base); faded: {former}"
                ).format(former=", ".join(site_names(model, lang).get(n, n) for n in tables.former_bases))
            )
        st.markdown("  \n".join(key))
        st.caption(
            _("Garrisons marked 'city centroid' are placed at their city, not the compound.")
            + " "
            + why_shorter(model, lang)
        )
    spec = shared.border_map_spec(int(view.radius), tuple(view.layers), lang)
    components.show_map(
        spec,
        _("Map of the Tajik–Afghan border region with Russian sites, crossings, cities and rivers"),
        key="border",
        lang=lang,
    )
    components.sources_and_download(
        tables.map_rows,
        model.sources,
        "border_sites.csv",
        note=_(
            "Drawn without map tiles; on a narrow screen the site names are in each marker's tooltip "
            "and the table below."
        ),
        lang=lang,
    )


def distances_section(model: BorderModel, tables: BorderTables, view: BorderState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("How far from the border"))
    components.table(shown_distances(model, tables.distance_table, lang), hide_index=True, width="stretch")
    components.sources_and_download(
        tables.distance_rows,
        model.sources,
        "distances_to_border.csv",
        note=_("Shortest distance to the border line, measured in an equal-area projection of the region."),
        lang=lang,
    )
    st.markdown("**" + _("Share of the border within each distance of Russia's active sites") + "**")
    curve = specs.chart_spec(charts.coverage_curve_chart, shared.coverage_curve(), view.radius, lang)
    components.show_chart(curve, _("Share of the border line within each distance of Russia's active sites"), lang=lang)
    components.sources_line(
        tables.curve_sources,
        model.sources,
        _("Computed from the border line and the active sites on the map."),
        lang=lang,
    )
    far = model.farthest
    if far is not None:
        st.caption(
            _(
                "Every point of the border line is within {distance} of an active Russian garrison "
                "or facility; the farthest point is at {lon}°E, {lat}°N."
            ).format(
                distance=length(far.distance_km, lang),
                lon=localized.number(far.lon, lang, 1),
                lat=localized.number(far.lat, lang, 1),
            )
        )


def troops_section(
    model: BorderModel, tables: BorderTables, words: BorderWords, view: BorderState, lang: Language
) -> None:
    _ = lang.gettext
    st.subheader(_("Russian troops: claims against the record"))
    figures = words.strength_figures[words.strength_figures["year"].between(*view.years)]
    ranges = model.strength_ranges[model.strength_ranges["year"].between(*view.years)]
    if figures.empty:
        components.no_data(_("No troop figures in the selected years."))
    else:
        claims = claim_lines(words.claim_marks, int(figures["year"].max()))
        chart = specs.chart_spec(charts.troop_chart, figures, ranges, claims, lang)
        components.chart_with_sources(
            chart,
            figures,
            model.sources,
            "troop_estimates_201st.csv",
            description=_("Reported strength of Russia's 201st base by year, with the spread between sources"),
            note=_(
                "Each mark is one published figure; triangles are bounds ('more than', 'up to'); the grey bar "
                "spans the figures of a year where they differ; crosses are troops reported sent away. "
                "The dashed line is the figure in the Russia Briefing article of 29 June 2022."
            ),
            lang=lang,
        )
    holds, gone, unknown = _("holds"), _("no longer holds"), _("cannot be checked")
    verdicts = {True: f":green[{holds}]", False: f":red[{gone}]", None: f":gray[{unknown}]"}
    for claim, publisher in zip(words.claims, tables.claim_publishers, strict=True):
        st.markdown(
            "- "
            + _("**{subject}**: {publisher} ({date}) says {claimed} — {verdict}. {record}").format(
                subject=claim.subject,
                publisher=publisher,
                date=localized.day(claim.date, lang),
                claimed=claimed_amount(claim.claimed, claim.unit, lang),
                verdict=verdicts[claim.holds],
                record=claim.record,
            )
        )
    components.sources_and_download(words.claims_checked, model.sources, "claims_checked.csv", lang=lang)
    st.markdown(
        _("**The border's length as reference sources give it**, which the article's figure is checked against:")
    )
    components.table(shown(words.references_table, lang), hide_index=True, width="stretch")
    references = shared.border_words(lang).references
    components.sources_and_download(references, model.sources, "border_references.csv", lang=lang)


def claimed_amount(value: float, unit: str, lang: Language) -> str:
    """A claimed figure with its unit (claims.csv allows three), in the viewer's language and plural:
    '7,000 personnel', '3 facilities', '1,357 km' / '7 000 военнослужащих', '3 объекта', '1 357 км'."""
    if unit == "km":
        return localized.km(value, lang)
    count = round(value)
    if unit == "facilities":
        words = lang.ngettext("{count} facility", "{count} facilities", count)
    else:
        words = lang.ngettext("{count} personnel", "{count} personnel", count)
    return words.format(count=localized.number(value, lang))


def memberships_section(model: BorderModel, words: BorderWords, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Who belongs to what"))
    st.caption(membership_summary(words.memberships, "TJK", lang))
    chart = specs.chart_spec(charts.membership_chart, words.memberships, lang)
    components.chart_with_sources(
        chart,
        words.memberships,
        model.sources,
        "memberships.csv",
        description=_("Membership of CSTO, CIS, EAEU and SCO by country"),
        lang=lang,
    )


def events_section(model: BorderModel, tables: BorderTables, view: BorderState, lang: Language) -> None:
    _ = lang.gettext
    st.subheader(_("Security and political events"))
    events = titled_in(model.events[tables.event_years.between(*view.years)], lang).sort_values("date", ascending=False)
    kinds = category_words(events["category"], lang)
    table = pd.DataFrame({_("Date"): events["date"], _("Event"): events["title"], _("Category"): kinds})
    st.dataframe(table, hide_index=True, width="stretch", height=320)
    components.sources_and_download(events, model.sources, "security_events.csv", lang=lang)


def unplaced_section(model: BorderModel, tables: BorderTables, lang: Language) -> None:
    if tables.unplaced.empty:
        return
    count = len(tables.unplaced)
    title = lang.ngettext(
        "Not on the map: {count} site with no published coordinate",
        "Not on the map: {count} sites with no published coordinate",
        count,
    )
    with st.expander(title.format(count=count)):
        components.table(shown_unplaced(model, tables.unplaced, lang), hide_index=True, width="stretch")


def lengths_section(model: BorderModel, tables: BorderTables, lang: Language) -> None:
    _ = lang.gettext
    with st.expander(_("The border's length at each map scale")):
        components.table(shown(tables.lengths_table, lang), hide_index=True, width="stretch")
        components.sources_and_download(
            tables.lengths_rows,
            model.sources,
            "border_lengths.csv",
            note=_(
                "Geodesic lengths (WGS84) of each line in the data, measured by this dashboard; each is set beside "
                "the published length, not as a share of it ({reason}): a line drawn at any scale "
                "smooths the rivers' bends."
            ).format(reason=reason_in(tables.lengths_reason, lang)),
            lang=lang,
        )


def render() -> None:
    view = current_view(BorderState)
    lang = view.language
    _ = lang.gettext
    st.title(_("Border & security"))
    st.caption(
        _(
            "The border between Tajikistan and Taliban-run Afghanistan, Russia's 201st base, and the alliances "
            "around them. The sidebar's Years filter applies to the troop chart and the events; Reporters and "
            "Units belong to the trade pages."
        )
    )
    model = components.model_or_error(shared.border_model, lang=lang)
    if model is None:
        return
    tables = components.model_or_error(shared.border_tables, lang=lang)
    if tables is None:
        return
    words = components.model_or_error(lambda: shared.border_words(lang), lang=lang)
    if words is None:
        return
    reach_part(model, tables, lang)
    troops_section(model, tables, words, view, lang)
    memberships_section(model, words, lang)
    events_section(model, tables, view, lang)
    unplaced_section(model, tables, lang)
    lengths_section(model, tables, lang)


render()
