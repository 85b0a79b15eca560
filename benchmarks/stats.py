"""The two numbers every timing in the report is given as: the median and the 95th percentile."""

from __future__ import annotations

import statistics


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def summary(values: list[float]) -> dict[str, float]:
    """Median and p95 in ms, rounded; NaN for a measure that produced no timings."""
    if not values:
        return {"median_ms": float("nan"), "p95_ms": float("nan")}
    return {"median_ms": round(statistics.median(values), 1), "p95_ms": round(p95(values), 1)}
