"""Troop numbers, memberships and the seed article's security claims against the record."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

BASE_STRENGTH_UNIT = "personnel"  # reported strength, as opposed to plans, drills or redeployments


def base_strength(troops: pd.DataFrame) -> pd.DataFrame:
    """The 201st base's reported strength, one row per published figure that gives a number."""
    rows = troops[(troops["force"] == "russia_201st") & (troops["unit"] == BASE_STRENGTH_UNIT)]
    return rows.dropna(subset=["estimate"]).sort_values(["year", "estimate_id"], ignore_index=True)


def strength_range_by_year(strength: pd.DataFrame) -> pd.DataFrame:
    """Per year: the lowest and highest figure any source gave (own ranges included), and how many."""
    low = strength[["low", "estimate"]].min(axis=1)
    high = strength[["high", "estimate"]].max(axis=1)
    frame = pd.DataFrame({"year": strength["year"], "low": low, "high": high})
    out = frame.groupby("year", as_index=False).agg(low=("low", "min"), high=("high", "max"), sources=("low", "size"))
    return out


@dataclass(frozen=True)
class StrengthSummary:
    latest_year: int
    latest_low: float
    latest_high: float
    latest_sources: int
    earliest_year: int


def strength_summary(strength: pd.DataFrame) -> StrengthSummary | None:
    if strength.empty:
        return None
    ranges = strength_range_by_year(strength)
    latest = ranges.iloc[-1]
    return StrengthSummary(
        latest_year=int(latest["year"]),
        latest_low=float(latest["low"]),
        latest_high=float(latest["high"]),
        latest_sources=int(latest["sources"]),
        earliest_year=int(ranges["year"].iloc[0]),
    )


def years_text(spans: list[tuple[float, float]]) -> str:
    """'1992–1999, 2006–2012' or 'since 1992' from (since, until) pairs (NaN = open)."""
    parts = []
    for since, until in spans:
        start = "" if pd.isna(since) else str(int(since))
        if pd.isna(until):
            parts.append(f"since {start}" if start else "")
        else:
            parts.append(f"{start}–{int(until)}")
    return ", ".join(p for p in parts if p)


STATUS_ORDER = {"member": 0, "suspended": 1, "observer": 2, "former": 3}


def membership_matrix(memberships: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation and country: its status now, and every period of membership.

    A country with several periods (Uzbekistan left the CSTO twice) takes the status of its
    latest period.
    """
    ordered = memberships.sort_values(["organization", "country_iso3", "since_year"], na_position="first")
    rows = []
    for (organization, iso3), group in ordered.groupby(["organization", "country_iso3"], sort=False):
        latest = group.iloc[-1]
        rows.append(
            {
                "organization": organization,
                "country_iso3": iso3,
                "country_name": latest["country_name"],
                "status": latest["status"],
                "years": years_text(list(zip(group["since_year"], group["until_year"], strict=True))),
                "note": " ".join(n for n in group["note"].dropna()),
                "source_id": latest["source_id"],
            }
        )
    return pd.DataFrame(rows)


@dataclass(frozen=True)
class ClaimCheck:
    """A claim and what the data says about the same subject."""

    claim_id: str
    subject: str
    claimed: float
    claimed_qualifier: str
    unit: str
    date: str
    source_id: str
    record: str  # the record, in words built from numbers in the data
    holds: bool | None  # None when the data cannot decide


def check_claims(
    claims: pd.DataFrame,
    strength: pd.DataFrame,
    sites: pd.DataFrame,
    drawn_border_km: float,
) -> list[ClaimCheck]:
    """Set each of the seed article's security claims against the record."""
    checks = []
    for claim in claims.itertuples():
        record, holds = _record_for(claim, strength, sites, drawn_border_km)
        checks.append(
            ClaimCheck(
                claim.claim_id,
                claim.subject,
                float(claim.value),
                claim.qualifier,
                claim.unit,
                claim.date,
                claim.source_id,
                record,
                holds,
            )
        )
    return checks


def _record_for(
    claim: Any, strength: pd.DataFrame, sites: pd.DataFrame, drawn_border_km: float
) -> tuple[str, bool | None]:
    year = int(claim.date[:4])
    if claim.unit == "personnel":
        around = strength_range_by_year(strength[strength["year"].between(year - 1, year)])
        if around.empty:
            return "No strength figure was published around that date.", None
        low, high = around["low"].min(), around["high"].max()
        same = strength[strength["estimate"] == claim.value]["year"]
        repeated = f" The same {claim.value:,.0f} has been published since {int(same.min())}." if len(same) else ""
        return (
            f"Figures published in {year - 1}–{year} range from {low:,.0f} to {high:,.0f}.{repeated}",
            bool(low <= claim.value <= high),
        )
    if claim.unit == "facilities":
        garrisons = sites[sites["kind"] == "russian_base"]
        active = garrisons[garrisons["status"] == "active"]
        former = garrisons[garrisons["status"] == "former"]
        names = "; ".join(active["short_name"].fillna(active["name"]))
        gone = "; ".join(former["short_name"].fillna(former["name"]))
        return (
            f"{len(active)} active garrisons ({names}); {len(former)} former ({gone}).",
            len(active) == claim.value,
        )
    if claim.unit == "km":
        # No map in the data is detailed enough to confirm or refute a surveyed river border.
        return (
            f"The figure officially quoted; it cannot be measured from the data: the most detailed line "
            f"measures {drawn_border_km:,.0f} km ({drawn_border_km / claim.value:.0%}), because maps smooth "
            "the river's meanders.",
            None,
        )
    return "", None


def official_border_km(claims: pd.DataFrame) -> float | None:
    """The border length officially quoted, as the data records it (the seed article's 1,357 km)."""
    rows = claims[claims["unit"] == "km"]
    return float(rows["value"].iloc[0]) if len(rows) else None


def membership_summary(matrix: pd.DataFrame, iso3: str) -> str:
    """'Tajikistan is a member of the CIS, CSTO and SCO; not in the EAEU.' from the matrix."""
    rows = matrix[matrix["country_iso3"] == iso3]
    if rows.empty:
        return ""
    name = rows["country_name"].iloc[0]
    members = sorted(rows.loc[rows["status"] == "member", "organization"])
    others = sorted(set(matrix["organization"]) - set(rows["organization"]))
    text = (
        f"{name} is a member of the {', '.join(members[:-1])} and {members[-1]}"
        if len(members) > 1
        else (f"{name} is a member of the {members[0]}" if members else f"{name} is a member of none of these")
    )
    return text + (f"; not in the {', '.join(others)}." if others else ".")
