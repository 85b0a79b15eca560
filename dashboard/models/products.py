"""What the Products page shows that does not depend on the viewer, built once; and the tables
one search of it lists, built once per direction and search.

Every frame a chart or CSV takes says how its figures stand (`analytics.basis.SHOWN`): a
published figure is its publisher's (part of a year said so), BACI's values CEPII's, and the
shares and concentration worked out from them this dashboard's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from babel import numbers

from dashboard.analytics import products as prod
from dashboard.analytics.basis import (
    REPORTED,
    SHOWN,
    THIS_DASHBOARD,
    described,
    part_year,
    standings,
    worked_out,
)
from dashboard.analytics.citations import edition_words, publishers
from dashboard.datasets import with_translations
from dashboard.formatting import FLOW_LABELS, localized, period_labels
from dashboard.formatting.catalogue import N_
from dashboard.formatting.language import ENGLISH, Language
from dashboard.models.trade import period_words


@dataclass(frozen=True)
class ProductsModel:
    sources: pd.DataFrame
    products: pd.DataFrame  # every named product and published figure, with its official HS description
    breakdown: pd.DataFrame  # values by HS heading, when a source gives them (empty until a refresh)
    baci: pd.DataFrame  # CEPII BACI's HS6 rows in the breakdown's terms (empty until `refresh baci`)
    named: dict[str, list[str]]  # per direction, the headings the sources name as main flows
    baci_names: dict[str, str]  # BACI's description of each of its HS6 codes (its revision's wording)
    coverage: pd.DataFrame  # year × direction: what product data exists, with the direction's label
    cited: pd.DataFrame  # the source_id of every product row and breakdown row
    trends: pd.DataFrame  # product families valued in more than one period
    years: tuple[int, ...]  # years with any product data, latest last
    default_year: int | None  # the latest year with a breakdown, else the latest year with any data
    reporter_labels: dict[str, str]
    set_aside: tuple[str, ...] = ()  # optional files that could not be read, left out as if missing


def build_products_model(
    products: pd.DataFrame,
    breakdown: pd.DataFrame,
    reporters: pd.DataFrame,
    sources: pd.DataFrame,
    baci: pd.DataFrame | None = None,
    baci_codes: pd.DataFrame | None = None,
) -> ProductsModel:
    baci_rows = prod.baci_breakdown(baci if baci is not None else pd.DataFrame(columns=BACI_COLUMNS))
    named = products.assign(
        hs_description=hs_descriptions(products, ENGLISH),
        year=products["period_start"].str[:4].astype("Int64"),
        publisher=products["source_id"].map(sources.set_index("source_id")["publisher"]),
    )
    named = as_reported(named, sources)
    coverage = prod.coverage(products, pd.concat([breakdown, baci_rows], ignore_index=True))
    years = tuple(sorted(set(coverage["year"].astype(int))))
    with_breakdown = sorted(set(breakdown["year"].astype(int)) | set(baci_rows["year"].astype(int)))
    return ProductsModel(
        sources=sources,
        products=named,
        breakdown=breakdown,
        baci=baci_rows,
        named=prod.named_codes(products),
        baci_names={} if baci_codes is None else dict(zip(baci_codes["hs6"], baci_codes["description"], strict=True)),
        coverage=coverage.assign(direction_label=coverage["direction"].map(FLOW_LABELS)),
        # one row per source: a BACI table has tens of thousands of rows citing one release
        cited=pd.concat([products[["source_id"]], breakdown[["source_id"]], baci_rows[["source_id"]]])
        .drop_duplicates()
        .reset_index(drop=True),
        trends=prod.trends(named),
        years=years,
        default_year=with_breakdown[-1] if with_breakdown else (years[-1] if years else None),
        reporter_labels=dict(zip(reporters["reporter"], reporters["label"], strict=True))
        | {prod.BACI_REPORTER: prod.BACI_LABEL},
    )


# What the page says with and without BACI's table.
GET_BACI = N_(
    "The full table — every HS6 product both ways, every year since 1995, from CEPII's BACI — is not in this copy "
    "of the data: run `make refresh SOURCE=baci` on a machine with internet (see docs/refresh.md)."
)
BACI_NOTE = N_(
    "Product values are CEPII BACI's: CEPII reconciles Russia's and Tajikistan's declarations of each flow (imports "
    "brought to FOB), so they are neither side's own figures and differ from the Trade page's. The published "
    "statements are kept beside them as their own series. BACI: Licence Ouverte / Etalab 2.0 — the CSVs may be "
    "passed on, citing CEPII BACI, Gaulier & Zignago (2010)."
)


BACI_COLUMNS = ["direction", "year", "hs6", "value_usd_k", "quantity_t", "source_id"]


def as_reported(products: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Published product rows, each its publisher's; a figure for part of a year says which part."""
    dated = products["period_type"].isin(["half", "quarter", "ytd", "month"]) & products["period_start"].notna()
    partial = pd.Series("", index=products.index, dtype=object)
    if dated.any():
        partial[dated] = [part_year(period) for period in period_labels(products[dated])]
    basis = standings(pd.Series(False, index=products.index), partial)
    return described(products, publishers(products, sources), basis, edition_words(products["source_id"], sources))


def share_text(shares: pd.Series, lang: Language) -> pd.Series:
    """'12.5%' / '12,5 %' beside a bar, or nothing where a partial breakdown has no share."""
    return shares.map(lambda s: localized.percent(s, lang, signed=False) if pd.notna(s) else "")


def as_published_percent(value: float, lang: Language, signed: bool = False) -> str:
    """A published percentage with the digits it was published with ('40%', '+12.5%' / '40 %',
    '+12,5 %'): no rounding to one decimal, which would add a precision the source did not give."""
    text = f"{value:{'+' if signed else ''}g}"
    if lang.is_source:
        return f"{text}%"
    sign = localized.PLUS if value > 0 and signed else localized.MINUS if value < 0 else ""
    digits = numbers.format_decimal(Decimal(text.lstrip("+-")), locale=lang.locale, decimal_quantization=False)
    return f"{sign}{digits}{localized.NBSP}%"


def qualified(text: str, qualifier: str, lang: Language) -> str:
    """'about 40%' / 'около 40 %': a published figure with its qualifier's word."""
    pattern = localized.QUALIFIED.get(qualifier)
    return lang.gettext(pattern).format(amount=text) if pattern else text


def flow_words(directions: pd.Series, lang: Language) -> pd.Series:
    """'Russia → Tajikistan' for each direction code, in the language."""
    return directions.map(lambda d: lang.gettext(FLOW_LABELS[d]) if d in FLOW_LABELS else d)


def baci_edition(model: ProductsModel) -> str:
    """The BACI release the figures come from, in words (empty without BACI)."""
    source = baci_source(model)
    return str(edition_words(pd.Series([source]), model.sources).iloc[0]) if source else ""


def baci_source(model: ProductsModel) -> str:
    """The source row BACI's figures cite (one release at a time)."""
    return str(model.baci["source_id"].iloc[0]) if len(model.baci) else ""


def breakdown_rows(model: ProductsModel, direction: str, year: int | None) -> pd.DataFrame:
    """The breakdown a direction's panel draws for a year: BACI's when it has the year (complete,
    reconciled, redistributable), else a reporter's from a UN Comtrade refresh, else none."""
    if year is None:
        return model.breakdown.iloc[0:0]
    baci = model.baci[(model.baci["direction"] == direction) & (model.baci["year"] == year)]
    return baci if len(baci) else prod.breakdowns(model.breakdown, direction, year)


@dataclass(frozen=True)
class BreakdownView:
    """What one direction's breakdown panel draws for a year, level and top N (shared read-only)."""

    shown: pd.DataFrame  # the top products at the level, labelled, with their source
    note: str  # who reported it, and whether shares could be computed
    concentration: prod.Concentration | None
    sections: pd.DataFrame
    rows: pd.DataFrame  # what the sources line cites: every HS6 row from BACI, else the breakdown's rows
    from_baci: bool
    level: int  # the HS level shown: the one asked for, or the breakdown's finest where that is coarser


def build_breakdown_view(
    model: ProductsModel, direction: str, year: int | None, level: int, top: int, lang: Language
) -> BreakdownView | None:
    rows = breakdown_rows(model, direction, year)
    if rows.empty:
        return None
    shown_at = prod.shown_level(rows, level)
    ranked = prod.at_level(rows, shown_at, model.baci_names, lang)
    reporter = rows["reporter"].iloc[0]
    reported_by = model.reporter_labels.get(reporter, reporter)
    shown = ranked.head(top).assign(
        label=lambda f: f["hs"] + " " + f["description"],
        share_text=lambda f: share_text(f["share_pct"], lang),
        hs_level=f"HS{shown_at}",
        source_id=rows["source_id"].iloc[0],
    )
    edition = edition_words(shown["source_id"], model.sources)
    shown = described(shown, reported_by, REPORTED, edition, int(year))
    _ = lang.gettext
    notes = [_("Reported by {reporter}.").format(reporter=reported_by)]
    if not (rows["complete"] == "true").all():
        notes.append(_("A partial breakdown: values only, no shares of a total."))
    if shown_at < level:
        notes.append(
            _("This breakdown goes down to {digits}-digit HS headings only: shown as headings, not HS{level}.").format(
                digits=shown_at, level=level
            )
        )
    note = " ".join(notes)
    from_baci = reporter == prod.BACI_REPORTER
    return BreakdownView(
        shown=shown,
        note=note,
        concentration=prod.concentration(ranked),
        sections=described(
            prod.section_rollup(rows, lang).assign(
                section_label=lambda f: f["section"] + " " + f["section_name"],
                share_text=lambda f: share_text(f["share_pct"], lang),
            ),
            reported_by,
            worked_out(N_("HS6 rows added up by section")),
            edition.iloc[0] if len(edition) else "",
            int(year),
        ),
        rows=baci_table(model, direction, year, lang) if from_baci else rows,
        from_baci=from_baci,
        level=shown_at,
    )


def hs_descriptions(products: pd.DataFrame, lang: Language) -> pd.Series:
    """Each product's official HS description (`analytics.products.describe_codes`), the words
    this code adds to the published ones in `lang`."""
    return products["hs_codes"].map(lambda codes: prod.describe_codes(codes, lang))


def described_in(products: pd.DataFrame, lang: Language) -> pd.DataFrame:
    """The model's products (their descriptions written in English, once) with their
    descriptions in `lang`, for a table or a CSV in it."""
    return products if lang.is_source else products.assign(hs_description=hs_descriptions(products, lang))


def baci_table(model: ProductsModel, direction: str, year: int, lang: Language) -> pd.DataFrame:
    """Every HS6 product of a direction and year as BACI publishes it, for the download."""
    rows = model.baci[(model.baci["direction"] == direction) & (model.baci["year"] == year)]
    rows = rows.sort_values("value_usd_m", ascending=False)
    table = pd.DataFrame(
        {
            "year": rows["year"],
            "direction": rows["direction"],
            "hs6": rows["hs6"],
            "hs_description": rows["hs6"].map(lambda c: prod.description(c, model.baci_names, lang)),
            "value_usd_thousand": rows["value_usd_m"] * 1000,
            "quantity_tonnes": rows["quantity_t"],
            "source_id": rows["source_id"],
        }
    )
    return described(table, prod.BACI_LABEL, REPORTED, baci_edition(model))


def build_concentration_frame(model: ProductsModel, level: int, lang: Language) -> pd.DataFrame:
    """Top-3 share and HHI by year and direction from BACI (empty without it)."""
    frame = prod.concentration_by_year(model.baci, level)
    frame = frame.assign(direction_label=flow_words(frame["direction"], lang), source_id=baci_source(model))
    return described(frame, THIS_DASHBOARD, N_("worked out here from CEPII BACI's values"), baci_edition(model))


def build_yearly_frame(model: ProductsModel, level: int, wanted: dict[str, list[str]], lang: Language) -> pd.DataFrame:
    """Values by year for the chosen codes, labelled for the legend, from BACI."""
    frame = prod.yearly_values(model.baci, level, wanted, model.baci_names, lang)
    frame = frame.assign(
        product=flow_words(frame["direction"], lang) + ": " + frame["hs"] + " " + frame["description"].str[:60],
        source_id=baci_source(model),
    )
    return described(frame, prod.BACI_LABEL, REPORTED, baci_edition(model))


def build_baci_trends(model: ProductsModel, level: int, query: str, year: int | None, lang: Language) -> pd.DataFrame:
    """The products the trend chart follows: a search's matches, else the year's largest."""
    wanted = prod.trend_codes(model.baci, level, query, year, names=model.baci_names)
    return build_yearly_frame(model, level, wanted, lang)


def build_named_flows(model: ProductsModel, lang: Language) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The headings the Russia Briefing article names, found in BACI: (by year, the latest year's table)."""
    _ = lang.gettext
    by_year = build_yearly_frame(model, 4, model.named, lang)
    if by_year.empty:
        return by_year, by_year
    latest = int(model.baci["year"].max())
    ranked = prod.ranks(model.baci, 4, latest).set_index(["direction", "hs"])["rank"]
    names = model.products[model.products["mention"] == "main_flow"].set_index(["direction", "hs_codes"])
    rows = []
    for direction, codes in model.named.items():
        for code in codes:
            value = by_year[(by_year["direction"] == direction) & (by_year["hs"] == code) & (by_year["year"] == latest)]
            rows.append(
                {
                    _("Direction"): _(FLOW_LABELS[direction]),
                    _("Named as"): names.loc[(direction, code), "product_name"],
                    _("HS"): code,
                    _("Value {year}").format(year=latest): localized.money(value["value_usd_m"].iloc[0], lang)
                    if len(value)
                    else _("not traded"),
                    _("Share of the direction"): localized.percent(value["share_pct"].iloc[0], lang, signed=False)
                    if len(value)
                    else "–",
                    _("Rank among headings"): localized.number(ranked[(direction, code)], lang)
                    if (direction, code) in ranked
                    else "–",
                }
            )
    return by_year, pd.DataFrame(rows)


PUBLISHED_UNITS = {"share_pct": "%", "yoy_growth_pct": "%", "value_usd_m": ""}


def build_published_frame(
    model: ProductsModel, direction: str, measure: str, query: str, lang: Language
) -> pd.DataFrame:
    """The direction's published shares, growth rates or values, ready to draw as labelled bars."""
    rows = model.products[model.products["direction"] == direction]
    figures = prod.published(rows[prod.matches(rows, query)], measure)
    periods = period_words(figures, lang)
    pairs = zip(figures["measure"], figures["qualifier"], strict=True)
    if measure == "value_usd_m":
        text = [localized.money(v, lang, "auto", q) for v, q in pairs]
    else:
        signed = measure == "yoy_growth_pct"
        text = [qualified(as_published_percent(v, lang, signed), q, lang) for v, q in pairs]
    base = {
        "share_pct": figures["share_of"].fillna("–"),
        "yoy_growth_pct": lang.gettext("the same period a year before"),
        "value_usd_m": "–",
    }[measure]
    shown = figures.assign(
        period=periods,
        text=text,
        base=base,
        label=[
            f"{name} · {period} · {publisher}"
            for name, period, publisher in zip(figures["product_name"], periods, figures["publisher"], strict=True)
        ],
    )
    return with_translations(
        shown,
        [
            "label",
            "measure",
            "qualifier",
            "text",
            "product_name",
            "period",
            "base",
            "publisher",
            "source_id",
            "hs_codes",
            "note",
            *SHOWN,
        ],
    )


# The CSV of a direction: every named product and published figure, with its source.
CSV_COLUMNS = [
    "product_id",
    "direction",
    "hs_codes",
    "product_name",
    "hs_description",
    "period_type",
    "period_start",
    "period_end",
    "value_usd_m",
    "value_qualifier",
    "share_pct",
    "share_of",
    "source_id",
    "note",
    *SHOWN,
]


@dataclass(frozen=True)
class DirectionTables:
    """One direction's tables for one search (shared read-only: a slider move redraws them as they are)."""

    named: pd.DataFrame  # the main products the sources name, as listed
    named_by: str  # who names them
    figures: pd.DataFrame  # every published value or share, latest first, as listed
    rows: pd.DataFrame  # the direction's CSV


def build_direction_tables(model: ProductsModel, direction: str, query: str, lang: Language) -> DirectionTables:
    _ = lang.gettext
    products = model.products
    in_direction = described_in(products[products["direction"] == direction], lang)
    matching = in_direction[prod.matches(in_direction, query)]
    named = matching[matching["mention"] == "main_flow"]
    figures = matching[matching["mention"] == "figure"].sort_values("period_end", ascending=False)
    return DirectionTables(
        named=pd.DataFrame(
            {
                _("Product (as published)"): named["product_name"],
                _("HS"): named["hs_codes"],
                _("Official HS description"): named["hs_description"],
            }
        ),
        named_by=", ".join(sorted(set(named["publisher"].dropna()))),
        figures=pd.DataFrame(
            {
                _("Period"): period_words(figures, lang),
                _("Product"): figures["product_name"],
                _("Value"): [
                    localized.money(v, lang, "auto", q) if pd.notna(v) else "–"
                    for v, q in zip(figures["value_usd_m"], figures["value_qualifier"], strict=True)
                ],
                _("Share"): [as_published_percent(s, lang) if pd.notna(s) else "–" for s in figures["share_pct"]],
                _("Share of"): figures["share_of"].fillna("–"),
                _("HS"): figures["hs_codes"].fillna("–"),
                # Translators: the column of who published a figure (a publisher's name)
                _("Source"): figures["publisher"],
            }
        ),
        rows=with_translations(in_direction, CSV_COLUMNS),
    )


def build_trend_frame(model: ProductsModel, query: str, lang: Language) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The product families valued more than once that match a search: (chart frame, CSV rows)."""
    trends = described_in(model.trends[prod.matches(model.trends, query)], lang)
    frame = trends.assign(
        family=flow_words(trends["direction"], lang)
        + ", "
        + trends.groupby(["direction", "hs_codes"])["product_name"].transform("first")
        + " (HS "
        + trends["hs_codes"]
        + ")",
        period=period_words(trends, lang),
    )
    shown = with_translations(frame, ["period_end", "value_usd_m", "family", "product_name", "period", "note", *SHOWN])
    return shown, trends


# How much product data a year has, in words (analytics.products.coverage's statuses)
COVERAGE_STATUS = {
    "full breakdown": N_("full breakdown"),
    "partial breakdown": N_("partial breakdown"),
    "some values": N_("some values"),
    "growth or mention only": N_("growth or mention only"),
}


def build_coverage_frame(model: ProductsModel, lang: Language) -> pd.DataFrame:
    """The coverage strip's rows in the language: the direction, the status and its detail."""
    coverage = model.coverage
    detail = [
        # English says "headings" and "rows" for one as well (as it always has); Russian needs its three forms
        lang.ngettext(
            "{count} headings reported by {reporter}", "{count} headings reported by {reporter}", rows
        ).format(count=count_text(rows, lang), reporter=reporter)
        if reporter
        else lang.ngettext(
            "{valued} of {count} rows with a value or share", "{valued} of {count} rows with a value or share", rows
        ).format(valued=count_text(valued, lang), count=count_text(rows, lang))
        for valued, rows, reporter in zip(coverage["valued"], coverage["rows"], coverage["reporter"], strict=True)
    ]
    return coverage.assign(
        direction_label=flow_words(coverage["direction"], lang),
        status=coverage["status"].map(lambda status: lang.gettext(COVERAGE_STATUS.get(status, status))),
        detail=detail,
    )


def count_text(count: int, lang: Language) -> str:
    """A count in a sentence: ungrouped in English, as the page has always written it ('1200'),
    grouped as the language writes numbers otherwise ('1 200')."""
    return str(count) if lang.is_source else localized.number(count, lang)
