"""The floor: a bare app drawing N charts from precomputed specs, the least any page could cost.

`?charts=N` sets N. A page's warm rerun divided by this app's, for the same number of charts,
is the overhead our own code adds on top of Streamlit's.
"""

import streamlit as st

from dashboard.cache.arrow_specs import with_arrow_datasets


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


for _ in range(int(st.query_params.get("charts", "1"))):
    st.vega_lite_chart(precomputed_spec(), width="stretch")
