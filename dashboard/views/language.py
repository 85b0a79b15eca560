"""The viewer's language on the page itself: the document's `lang` attribute and chart locales.

Streamlit serves one HTML page whose <html lang="en"> never changes, so a screen reader would read
a Russian page with English pronunciation. `page_language` sets the attribute from the rerun's
Language with a JavaScript-only component (st.components.v2: it runs in the app's page, where an
st.components.v1 iframe could not reach <html>). Its script is a constant; the only thing that
reaches it is the language's code, passed as data and set as an attribute, never as HTML, and a
code can only be one of the catalogues' (language.BY_CODE).

Not wired yet: app.py calls it once the view state carries `lang` (docs/i18n.md, "Wiring").
"""

from __future__ import annotations

import streamlit as st

from dashboard.formatting.language import BY_CODE, Language

SET_LANG_JS = """
export default function (component) {
    const code = component.data && component.data.lang;
    if (typeof code === "string" && /^[a-z]{2,3}$/.test(code)) {
        document.documentElement.lang = code;
    }
}
"""

# Static CSS (no data reaches it): the component draws nothing, so its row takes no space either.
HIDE_CSS = (
    "<style>[data-testid='stLayoutWrapper']:has(> .st-key-page-language),"
    ".st-key-page-language{display:none;}</style>"
)

_set_lang = st.components.v2.component("page_language", js=SET_LANG_JS)


def page_language(lang: Language) -> None:
    """Sets <html lang> to the rerun's language (for screen readers and the browser's hyphenation)."""
    if lang.code not in BY_CODE:
        raise ValueError(f"not an interface language: {lang.code!r}")
    st.html(HIDE_CSS)
    with st.container(key="page-language"):
        _set_lang(data={"lang": lang.code}, key="page-language-script")

