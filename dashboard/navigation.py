"""The pages, written once: the app's navigation is built from PAGES, and the Overview's links,
the tests, the benchmarks and the hosting checks read them from here.

Plain data (no Streamlit), so the benchmarks and hosting tools can import it without the app.
Titles are English msgids: `make i18n` extracts PageEntry's second argument (the keyword
`PageEntry:2` in pyproject.toml), so this module imports nothing of the catalogues and stays as
light as the hosting tools need; `title_in(lang)` is a page's title in the viewer's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dashboard.formatting.language import Language


@dataclass(frozen=True)
class PageEntry:
    """One page: `name` is the page the URL contract's parameters belong to (state.Param.page)."""

    name: str
    title: str
    icon: str
    default: bool = False

    def title_in(self, lang: Language) -> str:
        """The page's title in `lang` ("Border & security" / "Граница и безопасность")."""
        return lang.gettext(self.title)

    @property
    def script(self) -> str:
        """The page's script, relative to dashboard/ (where app.py runs it from)."""
        return f"views/{self.name}.py"

    @property
    def url_path(self) -> str:
        """The page's own path; the default page is also served at the root."""
        return self.name

    @property
    def path(self) -> str:
        """Where a viewer lands: the root for the default page, else its path ("" or "trade")."""
        return "" if self.default else self.name


PAGES: tuple[PageEntry, ...] = (
    PageEntry("overview", "Overview", ":material/dashboard:", default=True),
    PageEntry("trade", "Trade", ":material/swap_horiz:"),
    PageEntry("products", "Products", ":material/inventory_2:"),
    PageEntry("border", "Border & security", ":material/shield:"),
    PageEntry("remittances", "Remittances", ":material/payments:"),
    PageEntry("scenarios", "Scenarios", ":material/science:"),
    PageEntry("partners", "Partners & region", ":material/public:"),
    PageEntry("sources", "Sources & data", ":material/menu_book:"),
)
PAGE_BY_NAME = {page.name: page for page in PAGES}
