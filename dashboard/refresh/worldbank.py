"""World Bank indicators API (v2): four indicators for Tajikistan (rows of the wdi schema), and
remittances as % of GDP for every economy (rows of the wdi_remittances_world schema).

The API pages its answers: `[{"page", "pages", "per_page", "total", "lastupdated"}, [rows]]`,
or `[{"message": [...]}]` for an error. Years without a value come back as null and stay out:
a gap stays a gap. The all-economies query is `/v2/country/all/indicator/{id}`; which codes are
aggregates comes from `/v2/country`, whose entries carry the region "Aggregates" (id "NA") for
the World, regions and income groups (documented at datahelpdesk.worldbank.org, "API Country
Queries").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from dashboard.refresh.http import FetchError, HttpClient

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
    client: HttpClient, base: str = BASE_URL, indicators: tuple[str, ...] = INDICATORS, today: date | None = None
) -> Pull:
    """Every year of each indicator, page by page; raises FetchError/ResponseError on any failure."""
    records: list[dict[str, Any]] = []
    updated: set[str] = set()
    for indicator in indicators:
        for meta, rows in paged(client, indicator_url(base, indicator), indicator):
            updated.add(str(meta.get("lastupdated", "")))
            records += observations(rows, indicator, COUNTRY)
    frame = pd.DataFrame(records, columns=["indicator", "year", "value"])
    if frame.empty:
        raise ResponseError("the World Bank returned no values for Tajikistan")
    source = source_row(
        SOURCE_ID,
        f"World Development Indicators via api.worldbank.org v2, Tajikistan, {', '.join(indicators)}",
        f"{indicator_url(base, ';'.join(indicators))}?format=json&source=2",
        updated,
        today,
    )
    return Pull(frame.assign(source_id=SOURCE_ID).sort_values(["indicator", "year"], ignore_index=True), source)


def source_row(source_id: str, title: str, url: str, updated: set[str], today: date | None) -> dict[str, str]:
    """The sources.csv row of a pull: dated by the database's own last update (the pages'
    `lastupdated`), with the access date beside it."""
    dates = sorted(u for u in updated if re.fullmatch(r"\d{4}-\d{2}-\d{2}", u))
    return {
        "source_id": source_id,
        "publisher": "World Bank (WDI API)",
        "title": title,
        "url": url,
        "published_date": dates[-1] if dates else "",
        "licence": "CC BY 4.0 (World Bank open data): cite The World Bank, World Development Indicators",
        "edition": f"WDI database updated {dates[-1]}" if dates else "WDI, last update not stated",
        "accessed_date": (today or date.today()).isoformat(),
    }


def paged(
    client: HttpClient, url: str, what: str, per_page: int = PER_PAGE
) -> Iterator[tuple[dict[str, Any], list[Any]]]:
    """Each page of one paged query as (metadata, rows), following the page count the API gives."""
    page, pages = 1, 1
    while page <= pages:
        client.log(f"  World Bank {what}, page {page}")
        answer = client.get(url, {"format": "json", "per_page": str(per_page), "page": str(page)})
        meta, rows = parse_page(answer, what)
        pages = int(meta["pages"])
        if pages > MAX_PAGES:
            raise ResponseError(
                f"the World Bank offers {pages} pages for {what}; more than {MAX_PAGES} is not plausible"
            )
        yield meta, rows
        page += 1


def parse_page(answer: Any, what: str) -> tuple[dict[str, Any], list[Any]]:
    """The page's metadata and its rows as sent, or a ResponseError saying what is off."""
    if isinstance(answer, list) and answer and isinstance(answer[0], dict) and "message" in answer[0]:
        messages = "; ".join(str(m.get("value", m)) for m in answer[0]["message"] if isinstance(m, dict))
        raise ResponseError(f"the World Bank refused {what}: {messages or answer[0]['message']}")
    if not (isinstance(answer, list) and len(answer) == 2 and isinstance(answer[0], dict)):
        raise ResponseError(f"unexpected World Bank reply for {what}: not the [metadata, rows] envelope")
    meta, rows = answer
    if not str(meta.get("pages", "")).isdigit():
        raise ResponseError(f"unexpected World Bank reply for {what}: no page count")
    if rows is None:
        return meta, []
    if not isinstance(rows, list):
        raise ResponseError(f"unexpected World Bank reply for {what}: rows are not a list")
    return meta, rows


def observations(rows: list[Any], indicator: str, country: str | None) -> list[dict[str, Any]]:
    """The non-null observations of one page, checked field by field (country None: any economy).

    Null values stay out: a gap stays a gap.
    """
    out = []
    for row in rows:
        try:
            code, year, value = row["indicator"]["id"], row["date"], row["value"]
            iso3, name = row["countryiso3code"], row["country"]["value"]
        except (KeyError, TypeError) as error:
            raise ResponseError(f"unexpected World Bank row for {indicator}: missing {error}") from error
        if code != indicator or (country is not None and iso3 != country) or not re.fullmatch(r"\d{4}", str(year)):
            raise ResponseError(f"unexpected World Bank row for {indicator}: {code} {iso3} {year}")
        if value is None:
            continue
        if not isinstance(value, int | float):
            raise ResponseError(f"unexpected World Bank value for {indicator} {year}: {value!r}")
        out.append({"indicator": indicator, "iso3": iso3, "country": name, "year": int(year), "value": float(value)})
    return out


# Remittances as % of GDP for every economy: the Partners page's world ranking.
WORLD_INDICATOR = "BX.TRF.PWKR.DT.GD.ZS"
WORLD_SOURCE_ID = "wb-wdi-api-world"
WORLD_PER_PAGE = 5000  # about 17,000 economy-years in all: a few pages, well under MAX_PAGES
COUNTRY_LIST_PER_PAGE = 400  # the list has about 300 entries, economies and aggregates
AGGREGATES = "Aggregates"  # the region the country list gives regions, income groups and the world


def world_url(base: str, indicator: str = WORLD_INDICATOR) -> str:
    return f"{base.rstrip('/')}/country/all/indicator/{indicator}"


def aggregate_codes(client: HttpClient, base: str) -> tuple[set[str], set[str]]:
    """The country list's codes: (economies, aggregates), told apart by the API's own region field.

    Each entry of `/v2/country` carries `region: {id, value}`; aggregates (World, regions,
    income groups) have region value "Aggregates" (id "NA"). No hand list to keep up to date.
    """
    economies, aggregates = set(), set()
    for _, rows in paged(client, f"{base.rstrip('/')}/country", "the country list", COUNTRY_LIST_PER_PAGE):
        found = split_regions(rows)
        economies |= found[0]
        aggregates |= found[1]
    if not economies:
        raise ResponseError("the World Bank's country list names no economies")
    return economies, aggregates


def split_regions(rows: list[Any]) -> tuple[set[str], set[str]]:
    """One page of the country list as (economies, aggregates), by each entry's region (whose
    name the API sometimes ends with a space)."""
    economies, aggregates = set(), set()
    for row in rows:
        try:
            code, region = row["id"], row["region"]["value"]
        except (KeyError, TypeError) as error:
            raise ResponseError(f"unexpected World Bank country list entry: missing {error}") from error
        (aggregates if str(region).strip() == AGGREGATES else economies).add(str(code))
    return economies, aggregates


@dataclass(frozen=True)
class WorldPull:
    rows: pd.DataFrame  # iso3, country, year, value, flag, source_id: rows of the wdi_remittances_world schema
    source: dict[str, str]
    notes: list[str]


def fetch_world(client: HttpClient, base: str = BASE_URL, today: date | None = None) -> WorldPull:
    """Remittances as % of GDP for every economy (aggregates left out), in one paged query.

    `flag` stays empty: the shipped vintage's judgement of a value (Nepal's suspect jump) was
    made on that vintage and is not carried over to a new one.
    """
    economies, aggregates = aggregate_codes(client, base)
    records: list[dict[str, Any]] = []
    updated: set[str] = set()
    for meta, rows in paged(client, world_url(base), f"{WORLD_INDICATOR}, every economy", WORLD_PER_PAGE):
        updated.add(str(meta.get("lastupdated", "")))
        records += observations(rows, WORLD_INDICATOR, None)
    frame = pd.DataFrame(records, columns=["iso3", "country", "year", "value"])
    unknown = frame[~frame["iso3"].isin(economies | aggregates)]
    frame = frame[frame["iso3"].isin(economies)]
    if frame.empty:
        raise ResponseError(f"the World Bank returned no {WORLD_INDICATOR} values for any economy")
    notes = []
    if len(unknown):
        codes = ", ".join(sorted(set(unknown["iso3"].replace("", "(blank)")))[:5])
        notes.append(f"{len(unknown)} rows for codes not in the World Bank's country list left out ({codes})")
    source = source_row(
        WORLD_SOURCE_ID,
        f"World Development Indicators via api.worldbank.org v2, {WORLD_INDICATOR} for every economy "
        "(aggregates left out by the country list's region field)",
        f"{world_url(base)}?format=json&source=2",
        updated,
        today,
    )
    rows_out = frame.assign(flag="", source_id=WORLD_SOURCE_ID).sort_values(["iso3", "year"], ignore_index=True)
    return WorldPull(rows_out, source, notes)
