"""Caching: one boundary (shared.py), see its docstring."""
