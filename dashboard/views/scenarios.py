"""Scenarios: what a Russian downturn does to remittances in Tajikistan, Kyrgyzstan and
Uzbekistan, estimated from the World Bank's record, with its uncertainty and its track record."""

from __future__ import annotations

import streamlit as st

from dashboard.cache import shared
from dashboard.session.binding import current_view
from dashboard.session.pages.scenarios import ScenariosState
from dashboard.views import components
from dashboard.views.scenarios_compare import compare_section
from dashboard.views.scenarios_record import relationship_section, track_record_section
from dashboard.views.scenarios_result import drivers_heading, scenario_section


def render() -> None:
    view = current_view(ScenariosState)
    lang = view.language
    _ = lang.gettext
    st.title(_("Scenarios"))
    st.caption(
        _(
            "If Russia's economy shrinks and the ruble falls, what happens to remittances in Tajikistan, Kyrgyzstan "
            "and Uzbekistan? Estimated from the World Bank's record, with its uncertainty and its track record."
        )
    )
    model = components.model_or_error(shared.scenarios_model, lang=lang)
    if model is None:
        return
    drivers_heading(model, view, lang)
    scenario_section(model)
    compare_section(model, view, lang)
    relationship_section(model, lang)
    track_record_section(model, lang)
    st.caption(
        _(
            "Every number comes from the World Bank's World Development Indicators (October 2025 edition, "
            "data/wdi_macro.csv), or is computed from it here. A change in remittances is applied with the "
            "Remittances page's own shock arithmetic, the whole inflow exposed and GDP held at its latest year."
        )
    )


render()
