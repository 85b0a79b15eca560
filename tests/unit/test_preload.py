"""A fresh server's start-up (hosting/preload.py): what it loads before its first viewer, and
what it leaves alone. No timings here (docs/performance.md has them): these hold the structure
the cold start's gain rests on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hosting import preload

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("pandas", "numpy", "pyarrow", "altair", "geopandas")


def in_fresh_process(code: str) -> dict:
    """Run `code` in a new interpreter (nothing imported, no cache filled) and read the JSON it prints last."""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_modules_are_read_from_the_scripts_themselves():
    from_app = set(preload.modules_to_preload(ROOT / "dashboard" / "app.py"))
    # app.py: `from dashboard.cache import edition, shared`, `from dashboard.session.binding import open_view, ...`
    assert {"dashboard.cache.edition", "dashboard.cache.shared", "dashboard.session.binding", "streamlit"} <= from_app
    assert "dashboard.cache.shared.year_bounds" not in from_app  # a name, not a module
    from_overview = set(preload.modules_to_preload(ROOT / "dashboard" / "views" / "overview.py"))
    assert {"pandas", "dashboard.charts.overview", "dashboard.models.overview"} <= from_overview


def test_views_are_never_preloaded_so_their_components_register_in_a_run():
    # views/language.py declares a component: declared outside a script run, Streamlit never registers it
    assert "from dashboard.views import components, language" in (ROOT / "dashboard" / "app.py").read_text()
    from_app = set(preload.modules_to_preload(ROOT / "dashboard" / "app.py"))
    assert not {"dashboard.views", "dashboard.views.language", "dashboard.views.components"} & from_app


def test_the_server_starts_without_the_data_libraries():
    """hosting/app.py, as `streamlit run` imports it before the server answers: pandas and the
    rest are the preload's to load, after the server is up (the guard once pulled pandas in)."""
    loaded = in_fresh_process(
        f"import json, sys; import hosting.app; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    )
    assert loaded == []


def test_the_preload_builds_the_first_charts_models_and_nothing_a_page_draws():
    """After the preload, the first run finds the trade and remittances models built (their
    builders are not called again), the partners' and the border's are left to the run, and
    no view module was imported."""
    result = in_fresh_process(
        """
import json, sys
from dashboard.cache import shared
from hosting import preload
calls = []
def spy(name, build):
    def built(*args, **kwargs):
        calls.append(name)
        return build(*args, **kwargs)
    return built
for name in ("build_trade_model", "build_remittances_model", "build_partners_model", "build_border_model"):
    setattr(shared, name, spy(name, getattr(shared, name)))
preload.warm_first_page()
built_by_preload = sorted(calls)
calls.clear()
bounds = shared.year_bounds()
shared.remittances_model()
views = sorted(m for m in sys.modules if m.startswith("dashboard.views"))
print(json.dumps({"preload": built_by_preload, "after": calls, "years": list(bounds.years), "views": views}))
"""
    )
    assert result["preload"] == ["build_remittances_model", "build_trade_model"]
    assert result["after"] == []  # read from the cache
    assert result["years"] == [1993, 2025]  # trade_dots.csv starts in 1993, trade_published.csv reaches 2025
    assert result["views"] == []
