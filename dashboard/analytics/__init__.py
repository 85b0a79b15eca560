"""Pure functions of DataFrames and numbers: no Streamlit here."""
