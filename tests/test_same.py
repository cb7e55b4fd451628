"""`same`: equality that tells apart values which print differently."""

from __future__ import annotations

from dataclasses import dataclass

from badgesite.same import same


@dataclass(frozen=True)
class Metric:
    label: str
    after: object


def test_values_that_print_differently_are_not_the_same() -> None:
    assert 65 == 65.0 and not same(65, 65.0)
    assert not same(True, 1) and not same(0.0, -0.0)
    assert not same({"after": 65}, {"after": 65.0})
    assert not same([1, 2], (1, 2))
    assert Metric("cost", 65) == Metric("cost", 65.0) and not same(Metric("cost", 65), Metric("cost", 65.0))
    assert not same({"metrics": [{"after": 1}]}, {"metrics": [{"after": True}]})


def test_values_written_the_same_way_are_the_same() -> None:
    assert same({"a": [1, 2.5, "x", None]}, {"a": [1, 2.5, "x", None]})
    assert same(Metric("cost", 65.0), Metric("cost", 65.0))
    assert same(float("nan"), float("nan")), "NaN prints as nan both times"
