"""What a fresh server loads before its first viewer asks: the first page's modules and models.

A new server answers its health check within a second of its start; its first viewer's browser
then spends most of a second loading Streamlit's own page before it asks for the app.
The server would sit idle meanwhile, and then import the app's libraries and load, check and
build the Overview's data in that viewer's first run (about two seconds of a cold start,
docs/performance.md). Started from hosting/app.py's lifespan, when the server is up, a thread
does that work in the idle time instead, in the order the first run needs it:

- the modules dashboard/app.py and the default page import, read from their own source, so the
  list cannot fall behind the scripts (the page scripts are not run: they draw), except the
  views' own (dashboard.views): a view may declare a component, which Streamlit registers only
  when it is declared inside a script run (views/language.py's would never reach the browser);
- the libraries Streamlit and the app import on the first run only (LAZY: found as the modules
  an Overview's first run added to `sys.modules` after the above);
- the path of every loaded module, as `inspect.getmodule` reads them: Streamlit's
  `declare_component` (views/language.py) finds its caller's module that way, which the first
  time resolves the path of all 1,500 modules (0.1–0.3 s of the first run); later calls read
  only the modules loaded since;
- the models the Overview's first charts read, through the same per-edition caches the page
  reads (cache/shared.py): the run finds them built, or waits for the one being built (Streamlit
  locks each entry, so nothing is built twice). The page's other models (the border's, the
  partners') are left to the run, which builds them after its first charts: built here as well
  they would only compete with that run for the interpreter (one lock for both threads).

Nothing is written anywhere: it is the warm cache a first viewer would have filled. A data file
that fails its checks is not cached (cache/edition.py), so the page that reads it still names it;
anything the warm-up meets is logged and left to the page. hosting/serve.py still opens every
page of each replica before nginx sends it viewers; this covers the first page of any fresh
process, whoever starts it.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import inspect
import logging
import sys
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from dashboard import navigation

LOG = logging.getLogger(__name__)
THREAD = "preload-first-page"
SWITCH_INTERVAL_S = 0.001
# Streamlit warns whenever a thread with no script run reads its caches; this one never has one
CONTEXT_LOGGER = "streamlit.runtime.scriptrunner_utils.script_run_context"
DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard"
DEFAULT_PAGE = next(page for page in navigation.PAGES if page.default)
SCRIPTS = (DASHBOARD / "app.py", DASHBOARD / DEFAULT_PAGE.script)
VIEWS = "dashboard.views"


def preloaded(module: str) -> bool:
    return module != VIEWS and not module.startswith(VIEWS + ".")


def modules_to_preload(script: Path) -> Iterator[str]:
    """The modules a script imports at its top level, submodules named in `from X import Y`
    included, the views' own left out (found without importing dashboard.views itself)."""
    for node in ast.parse(script.read_text(), str(script)).body:
        if isinstance(node, ast.Import):
            yield from filter(preloaded, (alias.name for alias in node.names))
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level and preloaded(node.module):
            yield node.module
            for alias in node.names:
                candidate = f"{node.module}.{alias.name}"
                try:
                    if importlib.util.find_spec(candidate) is not None:
                        yield candidate
                except (ImportError, ValueError):  # Y is a name in X, not a module
                    continue


# set_page_config's icon (PIL), widget labels' icons and emoji, Altair's data conversion
LAZY = (
    "PIL.Image",
    "PIL.PngImagePlugin",
    "streamlit.emojis",
    "streamlit.material_icon_names",
    "narwhals.stable.v1",
)


def first_charts_models() -> tuple[Callable[[], Any], ...]:
    """What the Overview's first run reads up to its first row of charts, in its order: the years
    every page is read against (the trade model), the sources, the remittances (views/overview.py)."""
    from dashboard.cache import shared, tables

    return (shared.year_bounds, lambda: tables.dataset("sources"), shared.remittances_model)


def warm_first_page() -> None:
    """Import the first page's modules, then build its first charts' models; a failure is left to the page.

    Meanwhile the server's event loop is sending the first browser Streamlit's own page (about
    130 files): it waits for the interpreter lock at each step, up to the switch interval (5 ms
    by default) each time (that page's websocket opened 0.2–0.4 s later beside the preload, on
    a loaded machine). A shorter interval while this runs lets the loop in sooner; the usual one
    is restored when it is done.
    """
    interval = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    try:
        load_first_page()
    finally:
        sys.setswitchinterval(interval)


def load_first_page() -> None:
    modules = [module for script in SCRIPTS for module in modules_to_preload(script)]
    for module in [*modules, *LAZY]:
        try:
            importlib.import_module(module)
        except Exception:  # the page's own run reports it
            LOG.info("preload: importing %s failed; the page will say so", module, exc_info=True)
    inspect.getmodule(inspect.currentframe())  # a frame has no __module__: every module's path is read
    for build in first_charts_models():
        try:
            build()
        except Exception:  # a data file that fails its checks is not cached: the page names it
            LOG.info("preload: %s failed; the page will say so", getattr(build, "__name__", build), exc_info=True)


def not_from_preload(record: logging.LogRecord) -> bool:
    return record.threadName != THREAD


def start() -> threading.Thread:
    logging.getLogger(CONTEXT_LOGGER).addFilter(not_from_preload)
    thread = threading.Thread(target=warm_first_page, name=THREAD, daemon=True)
    thread.start()
    return thread


@asynccontextmanager
async def lifespan(app: object) -> AsyncIterator[None]:
    """st.App's lifespan: the warm-up starts once Streamlit's runtime has, as the server begins to listen."""
    start()
    yield
