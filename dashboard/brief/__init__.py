"""The executive brief: a one- or two-page PDF of exactly the view on screen (see document.py)."""
