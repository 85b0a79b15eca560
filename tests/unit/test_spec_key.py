"""The chart-spec cache's key for a frame: equal frames share a spec, different ones never do."""

import numpy as np
import pandas as pd

from dashboard.cache.specs import frame_key

BASE = pd.DataFrame({"year": [2023, 2024], "value": [1.5, np.nan], "side": ["Russia", "Tajikistan"]})


def test_equal_frames_built_apart_share_a_key():
    rebuilt = pd.DataFrame({"year": [2023, 2024], "value": [1.5, np.nan], "side": ["Russia", "Tajikistan"]})
    assert frame_key(rebuilt) == frame_key(BASE)
    filtered = BASE[BASE["year"] > 2000]  # what a page does on every rerun: the same path, the same key
    assert frame_key(filtered) == frame_key(BASE[BASE["year"] > 1990])


def test_any_difference_a_chart_could_show_changes_the_key():
    variants = [
        BASE.assign(value=[1.5, 2.0]),  # a gap filled
        BASE.assign(year=["2023", "2024"]),  # text that reads like the numbers
        BASE.assign(side=["Russia", ""]),  # empty text
        BASE.rename(columns={"side": "reporter"}),
        BASE.set_axis([5, 6]),
        BASE.iloc[::-1],
        BASE.iloc[:1],
    ]
    keys = {frame_key(frame) for frame in variants} | {frame_key(BASE)}
    assert len(keys) == len(variants) + 1
