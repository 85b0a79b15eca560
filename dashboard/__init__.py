"""Russia–Tajikistan relations dashboard."""
