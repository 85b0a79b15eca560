"""UN Comtrade annual goods trade between Russia and Tajikistan, from both reporters.

Totals become full-year figures in the trade_published schema (reporters un_comtrade_rus and
un_comtrade_tjk), so the Trade view gains a statistics series for the years after the IMF
series ends. HS4 headings become a product breakdown (the Products view sums them to HS2).

Without a subscription key the public preview endpoint serves at most 500 rows a query: enough
for totals, not for one year's HS4 breakdown, which then needs COMTRADE_API_KEY. The preview
refuses a list of periods (HTTP 400, public probes of July 2026), so it is asked one year at a
time; the keyed endpoint takes up to 12. Russia stopped reporting to Comtrade after about 2021:
the summary says which years each reporter returned, and the Trade page says so too.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from dashboard.datasets import COMTRADE_LICENCE
from dashboard.refresh.http import HttpClient
from dashboard.refresh.worldbank import ResponseError

BASE_URL = "https://comtradeapi.un.org"
KEY_VARIABLE = "COMTRADE_API_KEY"
PREVIEW_MAX_ROWS = 500
PERIODS_PER_QUERY = 12  # the keyed API's limit on periods in one query
PREVIEW_PERIODS_PER_QUERY = 1  # the keyless preview answers HTTP 400 to a list of periods
REPORTERS = {643: ("RUS", "un_comtrade_rus", "russia"), 762: ("TJK", "un_comtrade_tjk", "tajikistan")}
PARTNER = {643: 762, 762: 643}
# (reporter code, flow code) -> direction of the goods
DIRECTION = {(643, "X"): "ru_to_tj", (643, "M"): "tj_to_ru", (762, "X"): "tj_to_ru", (762, "M"): "ru_to_tj"}
VALUATION = {"X": "exports, FOB", "M": "imports, CIF"}
SOURCE_ID = "un-comtrade-api"
RESTRICTED_LICENCE = COMTRADE_LICENCE  # the terms the datasets declare for its files


@dataclass(frozen=True)
class Pull:
    totals: pd.DataFrame  # rows of the trade_published schema
    products: pd.DataFrame  # rows of the product_breakdown schema
    source: dict[str, str]
    notes: list[str]  # what the summary must say (preview limits, products skipped)


def api_key(secrets: dict[str, Any] | None = None) -> str | None:
    """The subscription key from the environment, else Streamlit's secrets file; never from the repo."""
    key = os.environ.get(KEY_VARIABLE) or (secrets or {}).get(KEY_VARIABLE)
    return str(key) if key else None


def endpoint(base: str, key: str | None) -> str:
    path = "/data/v1/get/C/A/HS" if key else "/public/v1/preview/C/A/HS"
    return base.rstrip("/") + path


def fetch(client: HttpClient, years: range, key: str | None, base: str = BASE_URL, today: date | None = None) -> Pull:
    """Totals (and with a key, HS4 headings) for both reporters; raises FetchError/ResponseError."""
    url = endpoint(base, key)
    headers = {"Ocp-Apim-Subscription-Key": key} if key else {}
    notes = [] if key else [f"no {KEY_VARIABLE}: used the public preview (at most {PREVIEW_MAX_ROWS} rows a query)"]
    totals: list[dict[str, Any]] = []
    headings: list[dict[str, Any]] = []
    for reporter in REPORTERS:
        for chunk in _chunks(list(years), PERIODS_PER_QUERY if key else PREVIEW_PERIODS_PER_QUERY):
            totals += _query(client, url, headers, reporter, chunk, "TOTAL")
            if key:
                headings += _query(client, url, headers, reporter, chunk, "AG4")
    if not key:
        notes.append(f"HS4 products skipped: one year's breakdown exceeds the preview's {PREVIEW_MAX_ROWS} rows")
    if not totals:
        raise ResponseError("UN Comtrade returned no Russia–Tajikistan trade for the years asked")
    notes.append(years_returned(totals, years))
    accessed = (today or date.today()).isoformat()
    source = {
        "source_id": SOURCE_ID,
        "publisher": "UN Comtrade (API)",
        "title": (
            f"UN Comtrade annual HS goods trade, reporters Russia (643) and Tajikistan (762) with each other, "
            f"{years.start}–{years.stop - 1}, {'totals and HS4' if key else 'totals (public preview)'}"
        ),
        "url": f"{url}?reporterCode=643,762&partnerCode=762,643&flowCode=X,M&cmdCode=TOTAL",
        "published_date": "",  # the API gives no release date: each reporter's figures as they stood
        "licence": RESTRICTED_LICENCE,
        "edition": "UN Comtrade as served on the access date",
        "accessed_date": accessed,
    }
    total_rows = published_rows(pd.DataFrame(totals))
    return Pull(total_rows, breakdown_rows(pd.DataFrame(headings), pd.DataFrame(totals)), source, notes)


def years_returned(records: list[dict[str, Any]], years: range) -> str:
    """Which of the years asked each reporter returned: a reporter that stopped is said, not left a silent gap."""
    parts = []
    for code, (iso, _, _) in REPORTERS.items():
        got = sorted({r["year"] for r in records if r["reporter"] == code})
        span = _spans(got) if got else "no year"
        missing = len(years) - len(got)
        gap = f" ({missing} of {len(years)} years asked had none)" if missing else ""
        parts.append(f"{iso} returned {span}{gap}")
    return "; ".join(parts)


def _spans(years: list[int]) -> str:
    """2015, 2016, 2017, 2019 -> '2015–2017, 2019'."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}–{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _query(
    client: HttpClient, url: str, headers: dict[str, str], reporter: int, years: list[int], commodity: str
) -> list[dict[str, Any]]:
    client.log(f"  UN Comtrade {REPORTERS[reporter][0]} {commodity} {years[0]}–{years[-1]}")
    params = {
        "reporterCode": str(reporter),
        "partnerCode": str(PARTNER[reporter]),
        "partner2Code": "0",
        "customsCode": "C00",
        "motCode": "0",
        "flowCode": "X,M",
        "cmdCode": commodity,
        "period": ",".join(str(y) for y in years),
    }
    return parse(client.get(url, params, headers), reporter)


def parse(answer: Any, reporter: int, partners: frozenset[int] | None = None) -> list[dict[str, Any]]:
    """The records of one reply, checked field by field; a ResponseError names what is off.

    `partners` are the partner codes asked for (by default the other country of the pair).
    """
    partners = partners if partners is not None else frozenset({PARTNER[reporter]})
    if not isinstance(answer, dict) or "data" not in answer:
        raise ResponseError("unexpected UN Comtrade reply: no 'data' list")
    if answer.get("error"):
        raise ResponseError(f"UN Comtrade refused the query: {answer['error']}")
    if not isinstance(answer["data"], list):
        raise ResponseError("unexpected UN Comtrade reply: 'data' is not a list")
    out = []
    for row in answer["data"]:
        try:
            record = {
                "year": int(row["refYear"]),
                "reporter": int(row["reporterCode"]),
                "partner": int(row["partnerCode"]),
                "flow": str(row["flowCode"]),
                "cmd": str(row["cmdCode"]),
                "value": row["primaryValue"],
            }
        except (KeyError, TypeError, ValueError) as error:
            raise ResponseError(f"unexpected UN Comtrade record: missing or malformed {error}") from error
        if record["reporter"] != reporter or record["partner"] not in partners:
            raise ResponseError(f"unexpected UN Comtrade record for reporter {record['reporter']}")
        if record["flow"] not in VALUATION:
            continue  # re-exports and re-imports are not part of the two flows shown
        if not isinstance(record["value"], int | float) or record["value"] < 0:
            raise ResponseError(f"unexpected UN Comtrade value: {record['value']!r}")
        out.append(record)
    return out


def published_rows(records: pd.DataFrame) -> pd.DataFrame:
    """Both flows per reporter and year as published, plus their sum as that reporter's total."""
    if records.empty:
        return pd.DataFrame()
    flows = records.assign(
        direction=[DIRECTION[(r, f)] for r, f in zip(records["reporter"], records["flow"], strict=True)],
        value_usd_m=records["value"] / 1e6,
    )
    rows = []
    for (reporter, year), group in flows.groupby(["reporter", "year"]):
        iso, code, side = REPORTERS[reporter]
        for _, flow in group.iterrows():
            rows.append(
                _figure(code, side, year, flow["direction"], flow["value_usd_m"], f"{iso} {VALUATION[flow['flow']]}")
            )
        if set(group["flow"]) == {"X", "M"}:
            total = float(group["value_usd_m"].sum())
            rows.append(_figure(code, side, year, "total", total, f"sum of {iso}'s exports (FOB) and imports (CIF)"))
    return pd.DataFrame(rows)


def _figure(reporter: str, side: str, year: int, flow: str, value: float, note: str) -> dict[str, Any]:
    return {
        "figure_id": f"CT-{reporter.removeprefix('un_comtrade_').upper()}-{year}-{flow.replace('_', '')}",
        "reporter": reporter,
        "flow": flow,
        "period_type": "year",
        "period_start": f"{year}-01-01",
        "period_end": f"{year}-12-31",
        "value_usd_m": round(value, 3),
        "value_qualifier": "exact",
        "yoy_growth_pct": None,
        "growth_qualifier": None,
        "status": "final",
        "basis": side,
        "source_id": SOURCE_ID,
        "note": f"UN Comtrade, {note}",
    }


COMPLETE_TOLERANCE = 0.01  # headings summing to within 1% of the reported total cover the flow


def breakdown_rows(headings: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """HS4 values per direction, year and reporter; 'complete' when they add up to the total."""
    if headings.empty:
        return pd.DataFrame()
    frame = headings[headings["cmd"].str.fullmatch(r"\d{4}")]
    total = totals.set_index(["reporter", "year", "flow"])["value"]
    rows = []
    for (reporter, year, flow), group in frame.groupby(["reporter", "year", "flow"]):
        whole = total.get((reporter, year, flow))
        complete = whole is not None and whole > 0 and abs(group["value"].sum() - whole) <= COMPLETE_TOLERANCE * whole
        for _, heading in group.iterrows():
            rows.append(
                {
                    "direction": DIRECTION[(reporter, flow)],
                    "year": int(year),
                    "reporter": REPORTERS[reporter][1],
                    "hs4": heading["cmd"],
                    "value_usd_m": round(heading["value"] / 1e6, 6),
                    "complete": "true" if complete else "false",
                    "source_id": SOURCE_ID,
                }
            )
    return pd.DataFrame(rows)
