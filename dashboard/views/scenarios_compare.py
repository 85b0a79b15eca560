"""The Scenarios page's named scenarios: saved in the link, compared side by side."""

from __future__ import annotations

import re

import streamlit as st

from dashboard.brief import collect
from dashboard.formatting import localized, markdown_text
from dashboard.formatting.language import Language
from dashboard.models.scenarios import (
    Drivers,
    Outcome,
    ScenariosModel,
    apply_scenario,
    economy_in,
    for_csv,
    horizon_label,
    outcomes_frame,
    rows_in,
)
from dashboard.models.scenarios_words import change, interval_text, percent
from dashboard.session.binding import update_view
from dashboard.session.pages.scenarios import MAX_SAVED, SAVED_NAME, ScenariosState
from dashboard.views import components


def compare_section(model: ScenariosModel, view: ScenariosState, lang: Language) -> list[Outcome]:
    _ = lang.gettext
    st.subheader(_("Compare named scenarios"))
    saved = list(view.sc_saved)
    current = (view.sc_growth, view.sc_ruble, view.sc_migrants, view.sc_ahead)
    name_col, save_col = st.columns([3, 2], vertical_alignment="bottom")
    name = name_col.text_input(
        _("Name for the current drivers"),
        # a name is part of the link, in its Latin letters and digits (SAVED_NAME): "S3" in a language
        # other than English, whose word for a scenario is not written in them
        value=f"Scenario {len(saved) + 1}" if lang.is_source else f"S{len(saved) + 1}",
        max_chars=24,
        key="sc_name_draft",
        help=_("Letters, digits, spaces, . _ -; the saved scenarios are part of the link."),
    ).strip()
    if save_col.button(_("Save for comparison"), key="sc_save", width="stretch", disabled=len(saved) >= MAX_SAVED):
        if not re.fullmatch(SAVED_NAME, name):
            st.warning(_("A name starts with a letter or digit and uses letters, digits, spaces, . _ - (up to 24)."))
        else:
            kept = [item for item in saved if item[0] != name]
            update_view(sc_saved=(*kept, (name, *current))[:MAX_SAVED])
            st.rerun()
    if len(saved) >= MAX_SAVED:
        st.caption(
            lang.ngettext(
                "Up to {count} scenarios: remove one to save another.",
                "Up to {count} scenarios: remove one to save another.",
                MAX_SAVED,
            ).format(count=MAX_SAVED)
        )
    if not saved:
        st.caption(_("No scenario saved yet: set the drivers, name them and save, then set others."))
        return []
    outcomes = [
        outcome
        for label, growth, ruble, migrants, ahead in saved
        for outcome in apply_scenario(model, Drivers(growth, ruble, migrants, ahead), label)
    ]
    compared = outcomes_frame(outcomes)
    columns = st.columns(len(saved))
    for column, (label, growth, ruble, migrants, ahead) in zip(columns, saved, strict=True):
        with column:
            st.markdown(
                markdown_text(
                    _("**{name}**: Russia {growth}, ruble {ruble}, migrants {migrants}, for {year}").format(
                        name=label,
                        growth=change(growth, lang),
                        ruble=change(ruble, lang),
                        migrants=change(migrants, lang) or "0%",
                        year=horizon_label(model, ahead, lang),
                    )
                )
            )
            if st.button(_("Remove"), key=f"sc_remove_{label}", width="stretch"):
                update_view(sc_saved=tuple(item for item in saved if item[0] != label))
                st.rerun()
    table = compared.assign(economy=compared["economy"].map(lambda name: economy_in(name, lang)))
    table = table.pivot_table(index="economy", columns="scenario", values="usd_m", sort=False)
    table = table.map(lambda v: localized.money(v, lang, "musd"))
    st.dataframe(table.rename_axis(index=_("economy"), columns=_("scenario")), width="stretch")
    components.sources_and_download(
        rows_in(for_csv(compared, model.sources, "scenario"), lang), model.sources, "scenario_compare.csv", lang=lang
    )
    for row in outcomes:
        held = (
            ""
            if row.years_ahead == 1
            else _(", each year from {first} to {last}").format(first=row.base_year + 1, last=row.year)
        )
        collect.paragraph(
            _(
                "Scenario {name} (Russia {growth}, ruble {ruble}, migrants {migrants}{held}): {economy} {year} "
                "{interval}, {share} of GDP."
            ).format(
                name=row.scenario,
                growth=change(row.russia_growth, lang),
                ruble=change(row.ruble_change, lang),
                migrants=change(row.migrants, lang) or "0%",
                held=held,
                economy=economy_in(row.economy, lang),
                year=row.year,
                interval=interval_text(
                    row.usd_m, row.usd_low, row.usd_high, lambda v: localized.money(v, lang, "musd"), lang
                ),
                share=percent(row.pct_gdp, lang),
            )
        )
    return outcomes
