"""The Methods table names functions that exist: it cannot describe arithmetic the code dropped."""

import importlib

import pytest

from dashboard.models.methods import METHODS


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.figure)
def test_every_method_points_at_a_real_function(method):
    module, function = method.function.split(".")
    assert callable(getattr(importlib.import_module(f"dashboard.analytics.{module}"), function))
