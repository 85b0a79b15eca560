"""Troop numbers, memberships and the Russia Briefing article's security claims against the record."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.datasets import in_language
from dashboard.formatting import localized
from dashboard.formatting.countries import country
from dashboard.formatting.language import Language

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
    )


def years_text(spans: list[tuple[float, float]], lang: Language) -> str:
    """'1992–1999, 2006–2012' or 'since 1992' from (since, until) pairs (NaN = open), in `lang`
    ('1992–1999 гг.', 'с 1992 г.'): words this code writes into the memberships' chart and CSV."""
    parts = []
    for since, until in spans:
        if pd.isna(since) and pd.isna(until):
            continue  # a membership no source dates
        if pd.isna(until):
            # Translators: a membership still running, e.g. "since 1992"
            parts.append(lang.gettext("since {year}").format(year=int(since)))
        elif pd.isna(since):
            # Translators: a membership whose start no source gives, ended in {year}: "–1999"
            parts.append(lang.pgettext("membership until", "–{year}").format(year=int(until)))
        else:
            parts.append(localized.year_range(int(since), int(until), lang))
    return ", ".join(parts)


def membership_matrix(memberships: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """One row per organisation and country: its status now, and every period of membership
    (its years in `lang`; the rest as published).

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
                "years": years_text(list(zip(group["since_year"], group["until_year"], strict=True)), lang),
                "note": " ".join(n for n in in_language(group, "note", lang).dropna()),  # its note_ru
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
    references: pd.DataFrame,
    drawn_border_km: float,
    lang: Language,
) -> list[ClaimCheck]:
    """Set each of the article's security claims against the record, its subject and record in
    `lang` (the page and the claims' CSV say them in the viewer's language)."""
    checks = []
    subjects = in_language(claims, "subject", lang)  # our wording of each claim (subject_ru)
    for claim, subject in zip(claims.itertuples(), subjects, strict=True):
        record, holds = claim_record(
            claim.unit, float(claim.value), claim.date, strength, sites, references, drawn_border_km, lang
        )
        checks.append(
            ClaimCheck(
                claim.claim_id,
                subject,
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


def claim_record(
    unit: str,
    value: float,
    date: str,
    strength: pd.DataFrame,
    sites: pd.DataFrame,
    references: pd.DataFrame,
    drawn_border_km: float,
    lang: Language,
) -> tuple[str, bool | None]:
    """A claim of `value` `unit` made on `date` against the record, in words built from the data's numbers."""
    _ = lang.gettext
    number = lambda v: localized.number(v, lang)  # noqa: E731
    year = int(date[:4])
    if unit == "personnel":
        around = strength_range_by_year(strength[strength["year"].between(year - 1, year)])
        if around.empty:
            return _("No strength figure was published around that date."), None
        low, high = around["low"].min(), around["high"].max()
        same = strength[strength["estimate"] == value]["year"]
        repeated = (
            " "
            + _("The same {value} has been published since {year}.").format(value=number(value), year=int(same.min()))
            if len(same)
            else ""
        )
        return (
            _("Figures published in {first}–{last} range from {low} to {high}.").format(
                first=year - 1, last=year, low=number(low), high=number(high)
            )
            + repeated,
            bool(low <= value <= high),
        )
    if unit == "facilities":
        garrisons = sites[sites["kind"] == "russian_base"]
        active = garrisons[garrisons["status"] == "active"]
        former = garrisons[garrisons["status"] == "former"]
        names = "; ".join(in_language(active, "short_name", lang).fillna(active["name"]))
        gone = "; ".join(in_language(former, "short_name", lang).fillna(former["name"]))
        # Translators: English keeps "garrisons" for one too, as the page always has
        return (
            lang.ngettext(
                "{active} active garrisons ({names}); {former} former ({gone}).",
                "{active} active garrisons ({names}); {former} former ({gone}).",
                len(active),
            ).format(active=len(active), names=names, former=len(former), gone=gone),
            len(active) == value,
        )
    if unit == "km":
        return length_record(value, references, drawn_border_km, lang)
    return "", None


# Two published lengths within this many km are the same figure rounded differently.
SAME_LENGTH_KM = 0.5


def length_record(
    claimed_km: float, references: pd.DataFrame, drawn_border_km: float, lang: Language
) -> tuple[str, bool | None]:
    """A quoted border length against the reference lengths (never against itself).

    It holds when the first reference (the one the pages quote) gives the same figure; the map
    cannot decide, because a drawn river line is always shorter than the surveyed one.
    """
    _ = lang.gettext
    if references.empty:
        return _("No reference length of the border is in the data to check it against."), None
    parts = []
    for ref in references.itertuples():
        gap = ref.length_km - claimed_km
        same = abs(gap) <= SAME_LENGTH_KM
        difference = localized.km(round(abs(gap)), lang)
        comparison = (
            _("the same figure")
            if same
            else (_("{difference} more") if gap > 0 else _("{difference} less")).format(difference=difference)
        )
        detail = f" ({ref.parts})" if isinstance(ref.parts, str) and ref.parts else ""  # as published
        parts.append(
            _("{source} gives {length}{detail}: {comparison}").format(
                source=ref.cited_as, length=localized.km(ref.length_km, lang), detail=detail, comparison=comparison
            )
        )
    lead = references.iloc[0]
    holds = bool(abs(lead["length_km"] - claimed_km) <= SAME_LENGTH_KM)
    text = "; ".join(parts)
    share = drawn_border_km / claimed_km
    share_text = f"{share:.0%}" if lang.is_source else f"{localized.number(round(share * 100), lang)}{localized.NBSP}%"
    return (
        _(
            "{references}. No map in the data can settle it: the most detailed line measures "
            "{length} ({share}), because maps smooth the river's meanders."
        ).format(
            references=f"{text[0].upper()}{text[1:]}",
            length=localized.km(round(drawn_border_km), lang),
            share=share_text,
        ),
        holds,
    )


def border_reference_text(references: pd.DataFrame, lang: Language) -> str:
    """'the CIA World Factbook gives 1,357 km; Tajikistan's foreign ministry gives 1,344.15 km'
    (each reference's name as published)."""
    return "; ".join(
        lang.gettext("{source} gives {length}").format(source=ref.cited_as, length=localized.km(ref.length_km, lang))
        for ref in references.itertuples()
    )


def reference_border(references: pd.DataFrame) -> pd.Series | None:
    """The border length the pages quote: the first reference (a source that is not the article)."""
    return references.iloc[0] if len(references) else None


def membership_summary(matrix: pd.DataFrame, iso3: str, lang: Language) -> str:
    """'Tajikistan is a member of the CIS, CSTO and SCO; not in the EAEU.' from the matrix; the
    country named by CLDR and the organisations by the catalogue in another language."""
    _ = lang.gettext
    rows = matrix[matrix["country_iso3"] == iso3]
    if rows.empty:
        return ""
    name = rows["country_name"].iloc[0] if lang.is_source else country(iso3, lang, rows["country_name"].iloc[0])
    members = [_(org) for org in sorted(rows.loc[rows["status"] == "member", "organization"])]
    others = [_(org) for org in sorted(set(matrix["organization"]) - set(rows["organization"]))]
    if len(members) > 1:
        text = _("{country} is a member of the {organisations} and {last}").format(
            country=name, organisations=", ".join(members[:-1]), last=members[-1]
        )
    elif members:
        text = _("{country} is a member of the {organisation}").format(country=name, organisation=members[0])
    else:
        text = _("{country} is a member of none of these").format(country=name)
    return text + (_("; not in the {organisations}.").format(organisations=", ".join(others)) if others else ".")
