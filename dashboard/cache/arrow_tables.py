"""A shared table in the form `st.dataframe` ships it, converted once.

On every rerun `st.dataframe` turns a pandas frame into an Arrow table (then into IPC bytes):
about 0.7 ms for a ten-row table, on every visit and, for the Border page's distances, on
every radius move, for frames that have not changed since they were cached. Given an Arrow
table, Streamlit only writes its bytes. A frozen frame (readonly.frozen: shared, never changed)
is converted once, by the function Streamlit itself would call on it, so the bytes it ships are
the ones it would have made; the table goes with its frame. Any other frame is passed on as it is.
The conversion is Streamlit's `dataframe_util` (not public API): see docs/architecture.md's
upgrade checklist.
"""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit import dataframe_util

from dashboard.cache import readonly


def for_dataframe(frame: pd.DataFrame) -> pd.DataFrame | pa.Table:
    """What to hand `st.dataframe` for `frame`: a shared frame's Arrow table, worked out once."""
    if not readonly.is_frozen(frame):
        return frame
    return readonly.derived(frame, "arrow table", dataframe_util.convert_pandas_df_to_arrow_table)
