"""Strings the interface shows today whose call sites are not wrapped in gettext yet.

Listed here, each exactly as its file writes it (a test finds every one there), so that the
catalogue already holds their Russian and the string pass only has to wrap the call site:
`st.caption(_("No reporter was selected, so all are shown."))`. An f-string's fields become named
placeholders (`f"CSV: {file_name}"` -> `_("CSV: {file_name}").format(file_name=...)`), and Markdown
around a whole string stays in the code (`"**{}**".format(_("Link to this view"))`: pybabel does
not read an f-string's fields). Delete a line when its call site is wrapped; the module goes when
the pass is done (docs/i18n.md).

The glossary's terms (../shared/i18n/GLOSSARY-ru.md) are in the catalogue too, so the pass and
the translator use the same Russian for the same English.
"""

from __future__ import annotations

from dashboard.formatting.catalogue import N_

# file (under dashboard/) -> its strings; the test reads each file for each string, the fields
# of an f-string written {like_this}
IN_CODE: dict[str, tuple[str, ...]] = {
    "formatting/__init__.py": (
        N_("Total trade"),
        N_("Russia → Tajikistan"),
        N_("Tajikistan → Russia"),
        N_("Balance (Russia's surplus)"),
        N_("Russia"),
        N_("Tajikistan"),
        N_("Media & unattributed"),
        N_("Events: "),
    ),
}

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
