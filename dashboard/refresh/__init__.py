"""Refresh from the primary sources' APIs: World Bank indicators and UN Comtrade.

Refreshed series go to files of their own (wdi_api.csv, trade_comtrade.csv,
comtrade_products.csv) in the same schemas as the curated tables, under reporters and
sources of their own: a refresh never overwrites a curated figure, and the views gain series.
Run `python -m dashboard.refresh --help`.
"""
