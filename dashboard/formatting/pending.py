"""Strings the interface shows today whose call sites are not wrapped in gettext yet.

Listed here, each exactly as its file writes it (a test finds every one there), so that the
catalogue already holds their Russian and the string pass only has to wrap the call site:
`st.caption(_("No reporter was selected, so all are shown."))`. An f-string's fields become named
placeholders (`f"CSV: {file_name}"` -> `_("CSV: {file_name}").format(file_name=...)`), and Markdown
around a whole string stays in the code (`f"**{_('Link to this view')}**"`). Delete a line when
its call site is wrapped; the module goes when the pass is done (docs/i18n.md).

The glossary's terms (../shared/i18n/GLOSSARY-ru.md) are in the catalogue too, so the pass and
the translator use the same Russian for the same English.
"""

from __future__ import annotations

from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import Language

# file (under dashboard/) -> its strings; the test reads each file for each string, the fields
# of an f-string written {like_this}
IN_CODE: dict[str, tuple[str, ...]] = {
    "app.py": (
        N_("Russia–Tajikistan dashboard"),
        N_("Russia–Tajikistan: {title}"),
    ),
    "views/sidebar.py": (
        N_("Filters for every page"),
        N_("Years"),
        N_("Reporters"),
        N_("Whose figures to show. Russian and Tajik statistics disagree, so each side is kept apart."),
        N_("No reporter was selected, so all are shown."),
        N_("Units"),
        N_("Link to this view"),
        N_("Copy it with the button at the top right of the box; it reopens this page with these settings."),
    ),
    "views/components.py": (
        N_("Numbers as a table"),
        N_("The numbers behind the chart above, as rows"),
        N_("CSV: {file_name}"),
        N_("Whose figure: {basis}."),
        N_("Download brief (PDF)"),
        N_("This view on at most two A4 pages: its headline numbers, main charts, sources and a link back."),
        # Translators: {what} is a phrase such as "this page's figures", in the genitive in Russian
        N_("Something went wrong on our side while preparing {what}; it has been logged for us to fix"),
        N_("this page's figures"),
        N_(". Other pages still work."),
        N_("{note}. The rest of the page is shown."),
        N_("This page cannot be shown: **data/{file}** failed its checks. {error}"),
        N_(
            "Other pages that do not use this file still work; the Sources & data page lists every dataset's status."
        ),
    ),
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

def withheld_note(count: int, links: str, lang: Language) -> str:
    """The note under a CSV some of whose figures may not be passed on (views/components.py
    today says "{n} figures" even for one): the pass calls this from there."""
    # Translators: Russian needs all three forms (1 показатель, 2 показателя, 5 показателей).
    return lang.ngettext(
        "{count} figure is left out of the CSV: its publisher's terms forbid passing it on. "
        "Get it from the publisher: {links}.",
        "{count} figures are left out of the CSV: their publisher's terms forbid passing them on. "
        "Get them from the publisher: {links}.",
        count,
    ).format(count=count, links=links)


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
