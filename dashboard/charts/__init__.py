"""Pure chart builders: DataFrame in, alt.Chart out. No Streamlit here."""
