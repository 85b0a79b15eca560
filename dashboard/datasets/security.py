"""The border and security: sites and their coordinates, troop figures, memberships, the article's claims
and the border's reference lengths.
"""

from __future__ import annotations

import pandas as pd

from dashboard.datasets.schema import QUALIFIERS, Column, Dataset, Problem, Translated, first_problem
from dashboard.formatting.catalogue import N_


def _located_sites_have_both_coordinates(df: pd.DataFrame) -> Problem | None:
    problem = first_problem(df["lat"].isna() != df["lon"].isna(), "lon", "a site has both coordinates or neither")
    if problem:
        return problem
    no_place = df["coord_basis"] == "none"
    return first_problem(df["lat"].isna() != no_place, "coord_basis", "is 'none' exactly when there is no coordinate")


def _range_brackets_estimate(df: pd.DataFrame) -> Problem | None:
    low_above = df["low"].notna() & df["estimate"].notna() & (df["low"] > df["estimate"])
    high_below = df["high"].notna() & df["estimate"].notna() & (df["high"] < df["estimate"])
    return first_problem(low_above | high_below, "estimate", "lies outside its own low–high range")


def _membership_years_ordered(df: pd.DataFrame) -> Problem | None:
    backwards = df["until_year"].notna() & df["since_year"].notna() & (df["until_year"] < df["since_year"])
    problem = first_problem(backwards, "until_year", "ends before it starts")
    if problem:
        return problem
    left_without_year = (df["status"] == "former") & df["until_year"].isna()
    return first_problem(left_without_year, "until_year", "a former member needs the year it left")


SITE_KINDS = frozenset(
    {
        "russian_base",
        "russian_facility",
        "russian_range",
        "chinese_post",
        "border_crossing",
        "tajik_city",
        "afghan_city",
    }
)
TROOP_UNITS = frozenset(
    {
        "personnel",
        "personnel_planned",
        "troops_redeployed",
        "exercise_participants",
        "deployed_troops",
        "standing_force_total",
        "reservists_mobilized",
        "personnel_crossed_border",
    }
)

SITES = Dataset(
    name="security_sites",
    file="security_sites.csv",
    title=N_("Security sites"),
    caveat=N_("Coordinates differ in precision; the coord_basis column says how each was obtained."),
    description=(
        N_(
            "Russian base garrisons and facilities, training ranges, Chinese posts, Tajik–Afghan "
            "crossings and reference cities, with coordinates and how each was obtained."
        )
    ),
    columns={
        "site_id": Column(pattern=r"^[a-z0-9_]+$"),
        "name": Column(),
        "name_ru": Column(),  # the project's Russian name of the site (scripts/ru, curate.py)
        "short_name": Column(required=False),
        "short_name_ru": Column(required=False),
        "label_side": Column(required=False, allowed=frozenset({"left", "right", "above", "below"})),
        "kind": Column(allowed=SITE_KINDS),
        "status": Column(allowed=frozenset({"active", "former", "planned"})),
        "country_iso3": Column(pattern=r"^[A-Z]{3}$"),
        "lat": Column("number", required=False, minimum=29.0, maximum=45.0),
        "lon": Column("number", required=False, minimum=52.0, maximum=80.0),
        "coord_basis": Column(allowed=frozenset({"published", "city_centroid", "approximate", "none"})),
        "troops_estimate": Column("number", required=False, minimum=0.0),
        "troops_year": Column("integer", required=False, minimum=1990, maximum=2100),
        "description": Column(),
        "description_ru": Column(),  # the curators' description in Russian (scripts/ru, curate.py)
        "source_id": Column(),
    },
    key=("site_id",),
    checks=(_located_sites_have_both_coordinates, Translated("short_name")),
)

TROOPS = Dataset(
    name="troop_estimates",
    file="troop_estimates.csv",
    title=N_("Troop estimates"),
    caveat=N_("Sources give different figures for the same year; each is kept and the pages show the range."),
    description=(
        N_(
            "Dated figures for Russia's 201st base, CSTO forces and others: the estimate where a "
            "number was given, its range where sources give one, and what was counted (unit)."
        )
    ),
    columns={
        "estimate_id": Column(pattern=r"^tr-\d{3}$"),
        "year": Column("integer", minimum=1990, maximum=2100),
        "force": Column(allowed=frozenset({"russia_201st", "csto", "china", "other"})),
        "estimate": Column("number", required=False, minimum=0.0),
        "low": Column("number", required=False, minimum=0.0),
        "high": Column("number", required=False, minimum=0.0),
        "unit": Column(allowed=TROOP_UNITS),
        "source_id": Column(),
        "note": Column(),
        "note_ru": Column(),  # the curators' note in Russian (scripts/ru, curate.py)
    },
    key=("estimate_id",),
    checks=(_range_brackets_estimate,),
)

MEMBERSHIPS = Dataset(
    name="memberships",
    file="memberships.csv",
    title=N_("Memberships"),
    description=N_("Who belongs to the CSTO, CIS, EAEU and SCO: member, observer, suspended or former, with years."),
    columns={
        "organization": Column(allowed=frozenset({"CSTO", "CIS", "EAEU", "SCO"})),
        "country_iso3": Column(pattern=r"^[A-Z]{3}$"),
        "country_name": Column(),
        "status": Column(allowed=frozenset({"member", "observer", "suspended", "former"})),
        "since_year": Column("integer", required=False, minimum=1990, maximum=2100),
        "until_year": Column("integer", required=False, minimum=1990, maximum=2100),
        "source_id": Column(),
        "note": Column(required=False),
        "note_ru": Column(required=False),  # the curators' note in Russian (scripts/ru, curate.py)
    },
    key=("organization", "country_iso3", "since_year"),
    checks=(_membership_years_ordered, Translated("note")),
)

CLAIMS = Dataset(
    name="claims",
    file="claims.csv",
    title=N_("Claims to check"),
    description=(
        N_(
            "Figures the Russia Briefing article of 29 June 2022 states, with their date and source, for the pages to "
            "set against the record."
        )
    ),
    columns={
        "claim_id": Column(pattern=r"^[a-z0-9-]+$"),
        "subject": Column(),
        "subject_ru": Column(),  # our wording of the article's claim (curate.py), in Russian
        "value": Column("number"),
        "qualifier": Column(allowed=QUALIFIERS),
        "unit": Column(allowed=frozenset({"personnel", "facilities", "km"})),
        "date": Column("date"),
        "source_id": Column(),
    },
    key=("claim_id",),
)

BORDER_REFERENCES = Dataset(
    name="border_references",
    file="border_references.csv",
    title=N_("Reference lengths of the Tajik–Afghan border"),
    description=(
        N_(
            "The border's length as reference sources publish it (the CIA World Factbook, Tajikistan's foreign "
            "ministry), with its parts where given; the article's figure is checked against the first row."
        )
    ),
    caveat=N_("Published lengths differ with how a river border is measured; no map in the data can settle them."),
    columns={
        "reference_id": Column(pattern=r"^[a-z0-9-]+$"),
        "cited_as": Column(),
        "cited_as_ru": Column(),
        "length_km": Column("number", minimum=1.0),
        "parts": Column(required=False),
        "parts_ru": Column(required=False),
        "source_id": Column(),
        "note": Column(required=False),
        "note_ru": Column(required=False),
    },
    key=("reference_id",),
    checks=(Translated("parts"), Translated("note")),
)
