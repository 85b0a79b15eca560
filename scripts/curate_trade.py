"""Curate the trade tables in data/ from the shared data pack.

Run once by a maintainer when the data pack changes; the app never reads the pack. Every value
is copied as published. The only judgement added here is how each published figure is qualified
(exact, approximate, lower bound) and its status (final, preliminary, projection, unverified),
read from the pack's notes and recorded in QUALIFIERS below so a reviewer can check each call.
"""

from __future__ import annotations

import csv
import hashlib
import re
from decimal import Decimal
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


def curate_events(registry: SourceRegistry) -> list[dict[str, str]]:
    out = []
    for file, date in TRADE_EVENTS:
        with open(PACK / file, newline="") as fh:
            row = next(r for r in csv.DictReader(fh) if r["date"] == date)
        source_id = registry.add(
            row["source_name"],
            row["source_url"],
            "",
            f"{row['source_name']} report on: {EVENT_TITLES[date]}",
            NEWS_LICENCE,
        )
        out.append(
            {
                "event_id": f"ev-{date}",
                "date": date,
                "title": EVENT_TITLES[date],
                "category": row["category"],
                "themes": "trade",
                "source_id": source_id,
            }
        )
    return out


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with open(path, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    registry = SourceRegistry()
    write_csv(DATA / "trade_dots.csv", curate_dots(registry))
    write_csv(DATA / "trade_published.csv", curate_published(registry))
    write_csv(DATA / "events.csv", curate_events(registry))
    write_csv(DATA / "sources.csv", sorted(registry.rows.values(), key=lambda r: r["source_id"]))


if __name__ == "__main__":
    main()
