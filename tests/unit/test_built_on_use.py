"""The Trade model's frames are built when first asked for, once, and only for the keys it has."""

import pytest

from dashboard.models.trade import BuiltOnUse


def test_each_value_is_built_once_on_first_use():
    built = []
    frames = BuiltOnUse([("russia", "busd"), ("russia", "musd")], lambda key: built.append(key) or len(built))
    assert built == []  # nothing built up front
    assert frames[("russia", "musd")] == 1 and frames[("russia", "musd")] == 1
    assert built == [("russia", "musd")]
    assert list(frames) == [("russia", "busd"), ("russia", "musd")] and len(frames) == 2


def test_a_key_it_does_not_have_is_a_key_error_and_builds_nothing():
    frames = BuiltOnUse(["busd"], lambda key: pytest.fail("built"))
    with pytest.raises(KeyError):
        frames["eur"]
