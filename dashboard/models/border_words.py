"""The Border page's frames that carry words this code writes, in the viewer's language: a
membership's years, a troop figure's direction, the claims' record and the troop chart's claim
label (docs/i18n.md, "Other words the code writes into cells"). Built once per language from the
Border model (cache.shared.border_words)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.analytics import security
from dashboard.analytics.basis import REPORTED, described
from dashboard.analytics.citations import as_published
from dashboard.datasets import with_translations, words_in_language
from dashboard.formatting import localized
from dashboard.formatting.language import Language
from dashboard.models.border import BorderModel, membership_rows, references_table


@dataclass(frozen=True)
class BorderWords:
    """The Border page's frames that carry words this code writes (a membership's years, a troop
    figure's direction, a claim's record and label), in one language: what the charts, the tables
    and the CSVs show. Built once per language; English is what the page always showed."""

    memberships: pd.DataFrame  # the membership matrix (membership_rows)
    strength_figures: pd.DataFrame  # every published figure, all years (strength_frame)
    claims: list[security.ClaimCheck]  # the article's claims against the record
    claims_checked: pd.DataFrame  # the claims' CSV (claims_frame)
    claim_marks: pd.DataFrame  # troops claimed: value, "publisher, year: about N", and whose claim
    references: pd.DataFrame  # the border's published lengths, each source named in the language
    references_table: pd.DataFrame  # the same as the page lists them (whose, how long, in which parts)


def build_border_words(model: BorderModel, lang: Language) -> BorderWords:
    sources = model.sources
    references = references_in(model.references, lang)
    claims = security.check_claims(model.claim_rows, model.strength, model.sites, references, model.drawn_km, lang)
    checked = claims_frame(claims, sources)
    return BorderWords(
        # English: the model's own matrix (built once for the Overview), not a second one
        memberships=model.memberships if lang.is_source else membership_rows(model.membership_periods, sources, lang),
        strength_figures=strength_frame(model.strength, model.troops_redeployed, sources, lang),
        claims=claims,
        claims_checked=checked,
        claim_marks=claim_marks(checked, sources, lang),
        references=references,
        references_table=references_table(references, lang),
    )


def references_in(references: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The published lengths as a reader in `lang` gets them: how the page names each source, its
    parts and note are the project's words (`cited_as_ru`, `parts_ru`, `note_ru`), and so is whose
    figure each is ("МИД Таджикистана"). The lengths themselves are the same numbers."""
    if lang.is_source:
        return references
    shown = words_in_language(references, lang)
    return shown.assign(reported_by=shown["cited_as"].str.removeprefix("the "))


def claim_marks(checked: pd.DataFrame, sources: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The troop claims the chart draws across it: each claimed figure, labelled with who said it
    when ("Russia Briefing (…), 2022: about 7,000", the words and the number in `lang`)."""
    by_id = sources.set_index("source_id")
    troops = checked[checked["unit"] == "personnel"]
    labels = [
        lang.gettext("{source}: about {figure}").format(
            source=source_name(by_id.at[i, "publisher"], by_id.at[i, "published_date"]),
            figure=localized.number(v, lang),
        )
        for i, v in zip(troops["source_id"], troops["claimed"], strict=True)
    ]
    return troops.assign(value=troops["claimed"], label=labels)[
        ["value", "label", "reported_by", "basis", "edition", "year", "source_id"]
    ]


def claims_frame(claims: list[security.ClaimCheck], sources: pd.DataFrame) -> pd.DataFrame:
    """The article's claims as checked, each its publisher's (dated by the claim)."""
    frame = pd.DataFrame([vars(claim) for claim in claims])
    if frame.empty:
        return described(frame.assign(source_id=pd.Series(dtype=object)), "", REPORTED, "", None)
    return as_published(frame.assign(year=frame["date"].str[:4].astype(int)), sources)


def claim_lines(marks: pd.DataFrame, at_year: int) -> pd.DataFrame:
    """The claimed troop figures as lines across the troop chart, labelled at `at_year` (its right end)."""
    return marks.assign(at_year=at_year)


def source_name(publisher: str, published: object) -> str:
    """'Russia Briefing (Dezan Shira & Associates), 2022': a publisher and its year, when dated."""
    return f"{publisher}, {published[:4]}" if isinstance(published, str) else publisher


def strength_frame(
    strength: pd.DataFrame, redeployed: pd.DataFrame, sources: pd.DataFrame, lang: Language
) -> pd.DataFrame:
    """Strength figures with their direction ('at least', 'up to', 'about'), and reported
    redeployments; the directions are this code's words, so they are in `lang` (the chart's
    marks, its table and its CSV)."""
    _ = lang.gettext
    bounds = pd.Series(_("about"), index=strength.index)
    bounds[strength["low"].eq(strength["estimate"]) & strength["high"].isna()] = _("at least")
    bounds[strength["high"].eq(strength["estimate"]) & strength["low"].isna()] = _("up to")
    moved = redeployed.dropna(subset=["estimate"]).assign(figure=_("sent away"))
    frame = pd.concat([strength.assign(figure=bounds), moved], ignore_index=True)
    return as_published(with_translations(frame, ["year", "estimate", "figure", "note", "source_id"]), sources)
