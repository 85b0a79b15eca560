"""The viewer's language on the page itself: the document's `lang` attribute.

Streamlit serves one HTML page whose <html lang="en"> never changes, so a screen reader would read
a Russian page with English pronunciation. `page_language` sets the attribute from the rerun's
Language, on every rerun and for every language (English too, so switching back resets it).

How, and why this way: a v1 component declared from a local directory (dashboard/static/
page_language/). Streamlit serves its index.html and set-lang.js from the app's own origin into a
sandboxed iframe that keeps allow-same-origin, so the script reaches the page around it
(window.parent.document). Its script is a same-origin file, which the hosted Content-Security-
Policy allows as it is (script-src 'self'; hosting/hardening.py). A v2 component's inline script
would not do: Streamlit loads it from a blob: URL, which that policy refuses. The script is a
constant; the only thing that reaches it is the language's code, passed as an argument and set as
an attribute, never as HTML, and a code can only be one of the catalogues' (language.BY_CODE).
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from dashboard.formatting.language import BY_CODE, Language

FRONTEND = Path(__file__).resolve().parents[1] / "static" / "page_language"

# Static CSS (no data reaches it): the component draws nothing, so its row takes no space either.
HIDE_CSS = (
    "<style>[data-testid='stLayoutWrapper']:has(> .st-key-page-language),.st-key-page-language{display:none;}</style>"
)

_set_lang = components.declare_component("page_language", path=str(FRONTEND))


def page_language(lang: Language) -> None:
    """Sets <html lang> to the rerun's language (for screen readers and the browser's hyphenation)."""
    if lang.code not in BY_CODE:
        raise ValueError(f"not an interface language: {lang.code!r}")
    st.html(HIDE_CSS)
    with st.container(key="page-language"):
        _set_lang(lang=lang.code, key="page-language-script", default=None)
