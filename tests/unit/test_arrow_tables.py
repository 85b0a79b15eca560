"""A shared table goes to st.dataframe as the Arrow table Streamlit itself would make, made once."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
from streamlit import dataframe_util

from dashboard.cache import arrow_tables, readonly


def frame() -> pd.DataFrame:
    return pd.DataFrame({"Site": ["Dushanbe", "Kulob"], "Distance, km": ["190.4", "45.0"], "n": [1, 2]})


def test_a_shared_frame_goes_as_the_arrow_table_streamlit_would_ship_and_the_same_one_every_time():
    shared = readonly.frozen(frame())
    table = arrow_tables.for_dataframe(shared)
    assert isinstance(table, pa.Table)
    # the bytes the browser gets are the ones st.dataframe makes from the frame itself
    assert dataframe_util.convert_arrow_table_to_arrow_bytes(table) == dataframe_util.convert_pandas_df_to_arrow_bytes(
        frame()
    )
    assert table.to_pandas().equals(frame())
    assert arrow_tables.for_dataframe(shared) is table  # converted once


def test_a_frame_of_this_run_alone_is_handed_on_as_it_is():
    own = frame()
    assert arrow_tables.for_dataframe(own) is own
