"""World Bank indicators API (v2) for Tajikistan, as rows of the wdi schema.

The API pages its answers: `[{"page", "pages", "per_page", "total", "lastupdated"}, [rows]]`,
or `[{"message": [...]}]` for an error. Years without a value come back as null and stay out:
a gap stays a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from dashboard.refresh.http import FetchError, JsonClient

BASE_URL = "https://api.worldbank.org/v2"
COUNTRY = "TJK"
INDICATORS = ("BX.TRF.PWKR.CD.DT", "BX.TRF.PWKR.DT.GD.ZS", "NY.GDP.MKTP.CD", "SP.POP.TOTL")
SOURCE_ID = "wb-wdi-api"
PER_PAGE = 1000
MAX_PAGES = 20


class ResponseError(FetchError):
    """An answer that arrived but is not shaped as documented: the API changed or failed."""


@dataclass(frozen=True)
class Pull:
    rows: pd.DataFrame  # indicator, year, value, source_id
    source: dict[str, str]  # the sources.csv row citing this pull


def indicator_url(base: str, indicator: str) -> str:
    return f"{base.rstrip('/')}/country/{COUNTRY}/indicator/{indicator}"


def fetch(
    client: JsonClient, base: str = BASE_URL, indicators: tuple[str, ...] = INDICATORS, today: date | None = None
) -> Pull:
    """Every year of each indicator, page by page; raises FetchError/ResponseError on any failure."""
    records: list[dict[str, Any]] = []
    updated: set[str] = set()
    for indicator in indicators:
        page, pages = 1, 1
        while page <= pages:
            client.log(f"  World Bank {indicator}, page {page}")
            answer = client.get(
                indicator_url(base, indicator), {"format": "json", "per_page": str(PER_PAGE), "page": str(page)}
            )
            meta, rows = parse_page(answer, indicator)
            pages = int(meta["pages"])
            if pages > MAX_PAGES:
                raise ResponseError(
                    f"the World Bank offers {pages} pages for {indicator}; more than {MAX_PAGES} is not plausible"
                )
            updated.add(str(meta.get("lastupdated", "")))
            records += rows
            page += 1
    frame = pd.DataFrame(records, columns=["indicator", "year", "value"])
    if frame.empty:
        raise ResponseError("the World Bank returned no values for Tajikistan")
    accessed = (today or date.today()).isoformat()
    source = {
        "source_id": SOURCE_ID,
        "publisher": "World Bank (WDI API)",
        "title": (
            f"World Development Indicators via api.worldbank.org v2, Tajikistan, {', '.join(indicators)}; "
            f"accessed {accessed}; database last updated {', '.join(sorted(u for u in updated if u)) or 'not stated'}"
        ),
        "url": f"{indicator_url(base, ';'.join(indicators))}?format=json&source=2",
        "published_date": accessed,
        "licence": "CC BY 4.0 (World Bank open data): cite The World Bank, World Development Indicators",
    }
    return Pull(frame.assign(source_id=SOURCE_ID).sort_values(["indicator", "year"], ignore_index=True), source)


def parse_page(answer: Any, indicator: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The page's metadata and its non-null observations, or a ResponseError saying what is off."""
    if isinstance(answer, list) and answer and isinstance(answer[0], dict) and "message" in answer[0]:
        messages = "; ".join(str(m.get("value", m)) for m in answer[0]["message"] if isinstance(m, dict))
        raise ResponseError(f"the World Bank refused {indicator}: {messages or answer[0]['message']}")
    if not (isinstance(answer, list) and len(answer) == 2 and isinstance(answer[0], dict)):
        raise ResponseError(f"unexpected World Bank reply for {indicator}: not the [metadata, rows] envelope")
    meta, rows = answer
    if not str(meta.get("pages", "")).isdigit():
        raise ResponseError(f"unexpected World Bank reply for {indicator}: no page count")
    if rows is None:
        return meta, []
    if not isinstance(rows, list):
        raise ResponseError(f"unexpected World Bank reply for {indicator}: rows are not a list")
    out = []
    for row in rows:
        try:
            code, year, value = row["indicator"]["id"], row["date"], row["value"]
            country = row["countryiso3code"]
        except (KeyError, TypeError) as error:
            raise ResponseError(f"unexpected World Bank row for {indicator}: missing {error}") from error
        if code != indicator or country != COUNTRY or not re.fullmatch(r"\d{4}", str(year)):
            raise ResponseError(f"unexpected World Bank row for {indicator}: {code} {country} {year}")
        if value is None:
            continue
        if not isinstance(value, int | float):
            raise ResponseError(f"unexpected World Bank value for {indicator} {year}: {value!r}")
        out.append({"indicator": indicator, "year": int(year), "value": float(value)})
    return meta, out
