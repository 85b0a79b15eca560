"""What the cache shares between sessions stays as it was, whatever a viewer does on any page.

Every session gets the same model objects (dashboard/cache/shared.py): one page that wrote into
them would change what every other viewer sees. These tests open every page, move its controls,
and then find every shared object as it was before; and they check that a shared frame refuses
an in-place write.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping

import pandas as pd

from dashboard.cache import shared
from dashboard.cache.readonly import _backing_array
from dashboard.navigation import PAGES
from dashboard.session.state import PARAMS

SHARED = {
    "trade model": shared.trade_model,
    "border model": shared.border_model,
    "border tables": shared.border_tables,
    "coverage curve": shared.coverage_curve,
    "remittances model": shared.remittances_model,
    "partners model": shared.partners_model,
    "products model": shared.products_model,
    "catalogue": shared.catalogue,
    "Russia's shares": shared.russia_shares,
    "sources": lambda: shared.dataset("sources"),
    "events": lambda: shared.dataset("events"),
}


def fingerprint(value: object) -> str:
    """A digest of everything `value` holds: frames by their labels, types and values (not their
    pickle, which changes when pandas merely regroups a frame's columns in memory), models field
    by field, mappings built on use entry by entry (every entry built first)."""
    digest = hashlib.sha256()
    _feed(value, digest)
    return digest.hexdigest()


def _feed(value: object, digest) -> None:
    if isinstance(value, (pd.DataFrame, pd.Series)):
        frame = value.to_frame() if isinstance(value, pd.Series) else value
        digest.update(repr((list(frame.columns), [str(t) for t in frame.dtypes], list(frame.index))).encode())
        digest.update(frame.to_csv(index=False).encode())
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            digest.update(name.encode())
            _feed(getattr(value, name), digest)
    elif isinstance(value, Mapping):
        for key in value:  # a mapping built on use builds every entry here
            digest.update(repr(key).encode())
            _feed(value[key], digest)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _feed(item, digest)
    else:
        digest.update(pickle.dumps(value))


def fingerprints() -> dict[str, str]:
    return {name: fingerprint(get()) for name, get in SHARED.items()}


def move_every_control(at) -> None:
    """Every slider to its far end and back a step, every preset button clicked."""
    for param in PARAMS:
        if param.range is None:
            continue
        sliders = [s for s in at.slider if s.key == f"w_{param.name}"]
        for slider in sliders:
            slider.set_value(param.range.high).run()
            slider.set_value(param.range.low).run()
    for button in at.button:
        if button.key and button.key.startswith("preset_"):
            button.click().run()


def test_no_page_changes_what_another_session_sees(data_copy, open_app):
    """A data folder of its own, so the shared objects are built here, before any page has run."""
    before = fingerprints()
    for page in PAGES:
        at = open_app(page.name, years="2005..2015", units="musd")
        move_every_control(at)
        assert not at.exception, page.name
    assert fingerprints() == before


def frames_in(value: object):
    """Every frame a shared object holds (mappings built on use: the entries built so far)."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        yield value
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            yield from frames_in(getattr(value, name))
    elif isinstance(value, Mapping):
        for item in getattr(value, "_built", value).values():
            yield from frames_in(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from frames_in(item)


def writable_blocks(frame: pd.DataFrame | pd.Series) -> int:
    """How many of a frame's numpy-backed blocks would take an in-place write (a page's write,
    copied by pandas into the shared frame, would leave one)."""
    arrays = [_backing_array(block.values) for block in frame._mgr.blocks]
    return sum(array is not None and array.flags.writeable for array in arrays)


def test_every_shared_frame_is_read_only_and_stays_so_after_every_page(open_app):
    for page in PAGES:
        at = open_app(page.name, years="2005..2015", units="musd")
        move_every_control(at)
    frames = [frame for get in SHARED.values() for frame in frames_in(get())]
    assert len(frames) > 50  # every model's frames, not an empty walk
    assert sum(writable_blocks(frame) for frame in frames) == 0
