"""The floor: a bare app drawing N charts from precomputed specs, the least any page could cost.

`?charts=N` sets N. A page's warm rerun divided by this app's, for the same number of charts,
is the overhead our own code adds on top of Streamlit's.

`?slider=1` draws instead one slider and one Altair chart whose rows follow it, the value kept
in the address as the pages keep theirs: the least a slider move can cost in the browser
(benchmarks/sliders.py measures a page's slider beside it).
"""

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.cache.arrow_specs import with_arrow_datasets

FLOOR_SLIDER = "Floor value"


@st.cache_resource
def precomputed_spec() -> dict:
    values = [{"year": 1993 + i, "value": (i * 37) % 100 / 10} for i in range(33)]
    return with_arrow_datasets(
        {  # shipped the way the pages ship theirs
            "data": {"name": "points"},
            "datasets": {"points": values},
            "mark": {"type": "line", "point": True},
            "encoding": {
                "x": {"field": "year", "type": "quantitative"},
                "y": {"field": "value", "type": "quantitative"},
            },
            "height": 220,
        }
    )


@st.cache_resource
def slider_spec(shift: int) -> dict:
    """One Altair line chart whose values move with the slider, built once per value."""
    rows = pd.DataFrame({"year": range(1993, 2026), "value": [(i * 37) % 100 / 10 + shift / 10 for i in range(33)]})
    chart = alt.Chart(rows).mark_line(point=True).encode(x="year:Q", y="value:Q").properties(height=220)
    return with_arrow_datasets(chart.to_dict(validate=False))


def slider_floor() -> None:
    def store() -> None:
        st.query_params["v"] = str(st.session_state["floor_v"])

    if "floor_v" not in st.session_state:
        st.session_state["floor_v"] = int(st.query_params.get("v", "50"))
    shift = st.slider(FLOOR_SLIDER, 0, 100, key="floor_v", on_change=store)
    st.vega_lite_chart(slider_spec(shift), width="stretch")


if __name__ == "__main__":  # as Streamlit runs it; benchmarks/sliders.py only imports the label
    if st.query_params.get("slider"):
        slider_floor()
    else:
        for _ in range(int(st.query_params.get("charts", "1"))):
            st.vega_lite_chart(precomputed_spec(), width="stretch")
