"""The glossary's terms (../shared/i18n/GLOSSARY-ru.md), marked for the catalogue.

Some terms are no string the code writes on its own (a page writes "share of trade" inside a
longer sentence): listing them here keeps their Russian in the catalogue, so a translator and a
test (tests/unit/test_i18n_catalogue.py) use one Russian for one English on every page.

Every string the interface shows is wrapped at its call site (`lang.gettext`, `N_`): the
English-only strings that used to wait here for the string pass (pending.py) are all wrapped,
and tests/unit/test_i18n_catalogue.py fails if a view writes an unwrapped one again.
"""

from __future__ import annotations

from dashboard.formatting.catalogue import N_

# The glossary's terms (pages and controls, trade and economy, security and geography,
# institutions): one Russian for each English, whatever page it appears on.
GLOSSARY: tuple[str, ...] = (
    N_("Download CSV"),
    N_("Copy link"),
    N_("Reset"),
    N_("Reporter"),
    N_("bilateral trade"),
    N_("trade turnover"),
    N_("exports"),
    N_("imports"),
    N_("mirror statistics"),
    N_("mirror gap"),
    N_("share of trade"),
    N_("percentage points"),
    N_("estimate"),
    N_("reported figure"),
    N_("part-year"),
    N_("full-year"),
    N_("projection"),
    N_("concentration (HHI)"),
    N_("personal remittances"),
    N_("remittances as % of GDP"),
    N_("labour migrants"),
    N_("GDP growth"),
    N_("exchange rate (RUB per US$)"),
    N_("prediction interval"),
    N_("association, not causation"),
    N_("Tajik–Afghan border"),
    N_("201st Military Base"),
    N_("garrison"),
    N_("border crossing"),
    N_("CSTO"),
    N_("EAEU"),
    N_("CIS"),
    N_("SCO"),
    N_("Dushanbe"),
    N_("Bokhtar"),
    N_("Kulob"),
    N_("Khorog"),
    N_("Panj"),
    N_("Amu Darya"),
    N_("Wakhan corridor"),
    N_("Gorno-Badakhshan (GBAO)"),
    N_("Khatlon region"),
    N_("Central Bank of Russia"),
    N_("National Bank of Tajikistan"),
    N_("Russia Briefing, 29 June 2022"),
)
