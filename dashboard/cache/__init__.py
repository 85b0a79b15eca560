"""Caching, one way: edition.per_edition (keyed by the data edition, every result frozen); what it
keeps is in shared.py. See docs/architecture.md, "Caching, one way"."""
