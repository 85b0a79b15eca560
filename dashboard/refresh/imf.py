"""IMF International Trade in Goods by partner country (IMTS), as rows of the trade_partners schema.

IMTS is the IMF's current edition of the partner series (the successor of the Direction of Trade
Statistics the shipped trade_partners.csv comes from). What this module relies on, and where it
was found:

- SDMX 3.0 REST API at https://api.imf.org/external/sdmx/3.0, data queries as
  `data/dataflow/{agency}/{flow}/{version}/{key}` with `+` for the latest version; dataflow
  `IMF.STA`, `IMTS`; an optional subscription key goes in the `Ocp-Apim-Subscription-Key`
  header (the readimf R package's request code, R/request.R, and CRAN manual).
- Key dimensions in order `COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY`, `+` joining codes
  and an empty position meaning every code; indicators `XG_FOB_USD` (goods exports, FOB, US
  dollars) and `MG_CIF_USD` (goods imports, CIF, US dollars); counterpart `G001` is the world
  (readimf's imf_dots(), R/databases.R; several IMTS clients agree on the same key).
- OBS_VALUE is in US dollars, not millions (the SCALE attribute only says how the IMF displays
  a figure): divided by 1e6 here for the schema's US$ million.
- The reply is an SDMX-JSON data message (sdmx-twg/sdmx-json, data-message/docs and
  samples/exr/exr-time-series.json): `data.structures[0].dimensions.series` lists the series
  dimensions with their codelist values `{id, name}`; `data.dataSets[0].series` is keyed by the
  series dimensions' value positions joined with ":" (e.g. "0:1:3:0"); each series'
  `observations` are keyed by the position in `dimensions.observation` (TIME_PERIOD) and hold
  `[value, attribute positions...]` in the order of `attributes.observation`, null meaning
  "not given". A dimension with a single value may instead sit in `dimensions.dataSet` and out
  of the keys (as FREQ does in that sample). SDMX-JSON 1.0's single `data.structure` is read the
  same way.
- Countries and aggregates: the counterpart codelist codes economies with ISO 3166 alpha-3 codes
  and groups with other codes (G001 the world, GX170, TX898 ...: not all begin with G, so a
  prefix test would be wrong); a code that is not three letters is an aggregate, and among those
  the IMF's "not specified" / "not included elsewhere" entries are unallocated trade, as in the
  shipped file.
- Estimates: the SDMX cross-domain observation attribute OBS_STATUS, code "E" (estimated value).
  IMF's documentation found does not confirm that IMTS replies carry it; where a reply declares
  no OBS_STATUS, every cell is "false" and docs/refresh.md says so.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from dashboard.analytics.partners import NAMES, NEIGHBOURS
from dashboard.datasets import IMF_API_SOURCE
from dashboard.refresh.http import JsonClient
from dashboard.refresh.worldbank import ResponseError

BASE_URL = "https://api.imf.org/external/sdmx/3.0"
KEY_VARIABLE = "IMF_API_KEY"
AGENCY, FLOW, VERSION = "IMF.STA", "IMTS", "+"
DIMENSIONS = ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY")
INDICATORS = {"XG_FOB_USD": "exports", "MG_CIF_USD": "imports"}
WORLD = "G001"
ESTIMATE_ATTRIBUTE, ESTIMATE_CODE = "OBS_STATUS", "E"
UNALLOCATED = re.compile(r"not specified|not included elsewhere|special categories", re.IGNORECASE)
ACCEPT = "application/vnd.sdmx.data+json;version=2.0.0"
SOURCE_ID = IMF_API_SOURCE
LICENCE = (
    "IMF Copyright and Usage terms: download, copy, derive and redistribute with attribution "
    "'Source: IMF, International Trade in Goods (by partner country)'"
)
# The five Central Asian reporters with every partner; Russia and China with those five and the world.
QUERIES = (
    (NEIGHBOURS, ()),
    (("RUS", "CHN"), (*NEIGHBOURS, WORLD)),
)


@dataclass(frozen=True)
class Pull:
    rows: pd.DataFrame  # rows of the trade_partners schema
    source: dict[str, str]
    notes: list[str]


def api_key(secrets: dict[str, Any] | None = None) -> str | None:
    """An IMF API subscription key from the environment or Streamlit's secrets, if there is one."""
    key = os.environ.get(KEY_VARIABLE) or (secrets or {}).get(KEY_VARIABLE)
    return str(key) if key else None


def key(reporters: tuple[str, ...], partners: tuple[str, ...]) -> str:
    """COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY; an empty counterpart means every partner."""
    return ".".join(["+".join(reporters), "+".join(INDICATORS), "+".join(partners), "A"])


def data_url(base: str, series_key: str) -> str:
    return f"{base.rstrip('/')}/data/dataflow/{AGENCY}/{FLOW}/{VERSION}/{series_key}"


def fetch(client: JsonClient, key_value: str | None = None, base: str = BASE_URL, today: date | None = None) -> Pull:
    """Both flows for every reporter, annual, all years; raises FetchError/ResponseError on any failure."""
    headers = {"Accept": ACCEPT, **({"Ocp-Apim-Subscription-Key": key_value} if key_value else {})}
    records: list[dict[str, Any]] = []
    declared_status = False
    for reporters, partners in QUERIES:
        client.log(f"  IMF IMTS {'+'.join(reporters)} with {'+'.join(partners) or 'every partner'}")
        answer = client.get(data_url(base, key(reporters, partners)), None, headers)
        rows, has_status = parse(answer, set(reporters))
        records += rows
        declared_status = declared_status or has_status
    frame = pd.DataFrame(records)
    if frame.empty:
        raise ResponseError("the IMF returned no partner trade for the reporters asked")
    notes = [] if declared_status else [f"the IMF's reply declares no {ESTIMATE_ATTRIBUTE}: no cell marked an estimate"]
    accessed = (today or date.today()).isoformat()
    source = {
        "source_id": SOURCE_ID,
        "publisher": "IMF (SDMX API)",
        "title": (
            "International Trade in Goods by partner country (IMTS), exports FOB and imports CIF in US$, annual: "
            f"Tajikistan, Kazakhstan, Kyrgyzstan, Uzbekistan and Turkmenistan with every partner, Russia and China "
            f"with those five and the world; accessed {accessed}"
        ),
        "url": data_url(base, key(*QUERIES[0])),
        "published_date": accessed,
        "licence": LICENCE,
    }
    frame = frame.assign(source_id=SOURCE_ID).sort_values(
        ["reporter_iso3", "flow", "partner_label", "year"], ignore_index=True
    )
    return Pull(frame, source, notes)


def _structure(answer: Any) -> dict[str, Any]:
    if not isinstance(answer, dict) or not isinstance(answer.get("data"), dict):
        raise ResponseError("unexpected IMF reply: not an SDMX-JSON data message (no 'data')")
    data = answer["data"]
    structures = data.get("structures") or ([data["structure"]] if isinstance(data.get("structure"), dict) else [])
    if not structures or not isinstance(structures[0], dict):
        raise ResponseError("unexpected IMF reply: no structure describing its dimensions")
    return structures[0]


def parse(answer: Any, reporters: set[str]) -> tuple[list[dict[str, Any]], bool]:
    """The observations of one SDMX-JSON reply as trade_partners rows, and whether it declared OBS_STATUS.

    Null values are left out (a gap stays a gap); anything not shaped as documented raises.
    """
    structure = _structure(answer)
    try:
        series_dims = structure["dimensions"]["series"]
        time_values = [v["id"] for v in structure["dimensions"]["observation"][0]["values"]]
        dim_ids = [d["id"] for d in series_dims]
        # a dimension with one value may be given once for the whole data set instead of in each key
        fixed = {d["id"]: d["values"][0] for d in structure["dimensions"].get("dataSet") or []}
        obs_attributes = (structure.get("attributes") or {}).get("observation") or []
        datasets = answer["data"]["dataSets"]
    except (KeyError, TypeError, IndexError) as error:
        raise ResponseError(f"unexpected IMF reply: its structure lacks {error}") from error
    if sorted(set(dim_ids) | set(fixed)) != sorted(DIMENSIONS):
        raise ResponseError(f"unexpected IMF reply: dimensions {[*dim_ids, *fixed]}, not {list(DIMENSIONS)}")
    status_at = next((i for i, a in enumerate(obs_attributes) if a.get("id") == ESTIMATE_ATTRIBUTE), None)
    status_codes = [v.get("id") for v in obs_attributes[status_at]["values"]] if status_at is not None else []
    if not isinstance(datasets, list):
        raise ResponseError("unexpected IMF reply: 'dataSets' is not a list")
    try:
        rows = _rows(datasets, dim_ids, series_dims, fixed, reporters, time_values, status_at, status_codes)
    except (AttributeError, KeyError, TypeError) as error:  # a list where an object belongs, and the like
        raise ResponseError(f"unexpected IMF reply: a series or observation is malformed ({error})") from error
    return rows, status_at is not None


def _rows(
    datasets: list[Any],
    dim_ids: list[str],
    series_dims: list[dict[str, Any]],
    fixed: dict[str, dict[str, Any]],
    reporters: set[str],
    time_values: list[str],
    status_at: int | None,
    status_codes: list[str],
) -> list[dict[str, Any]]:
    out = []
    for dataset in datasets:
        for series_key, series in (dataset.get("series") or {}).items():
            codes = fixed | dict(zip(dim_ids, _codes(series_dims, series_key), strict=True))
            reporter, indicator = codes["COUNTRY"], codes["INDICATOR"]
            partner, frequency = codes["COUNTERPART_COUNTRY"], codes["FREQUENCY"]
            if reporter["id"] not in reporters or indicator["id"] not in INDICATORS or frequency["id"] != "A":
                raise ResponseError(
                    f"unexpected IMF series {reporter['id']}.{indicator['id']}.{partner['id']}.{frequency['id']}"
                )
            for time_key, observation in (series.get("observations") or {}).items():
                year, value, estimate = _observation(time_values, time_key, observation, status_at, status_codes)
                if value is None:
                    continue
                out.append(
                    {
                        "reporter_iso3": reporter["id"],
                        "flow": INDICATORS[indicator["id"]],
                        **partner_fields(partner["id"], partner.get("name") or partner["id"]),
                        "year": year,
                        "value_usd_m": round(value / 1e6, 6),  # US$ to US$ million, to the dollar
                        "imf_estimate": "true" if estimate else "false",
                    }
                )
    return out


def _codes(series_dims: list[dict[str, Any]], series_key: str) -> list[dict[str, Any]]:
    try:
        positions = [int(p) for p in str(series_key).split(":")]
        if len(positions) != len(series_dims):
            raise ValueError(series_key)
        return [series_dims[i]["values"][p] for i, p in enumerate(positions)]
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise ResponseError(f"unexpected IMF series key {series_key!r}") from error


def _observation(
    time_values: list[str], time_key: str, observation: Any, status_at: int | None, status_codes: list[str]
) -> tuple[int, float | None, bool]:
    try:
        period = time_values[int(time_key)]
    except (ValueError, IndexError) as error:
        raise ResponseError(f"unexpected IMF observation key {time_key!r}") from error
    if not re.fullmatch(r"\d{4}", str(period)):
        raise ResponseError(f"unexpected IMF period {period!r}: annual data asked for")
    if not isinstance(observation, list) or not observation:
        raise ResponseError(f"unexpected IMF observation for {period}: {observation!r}")
    raw = observation[0]
    if raw is None or raw == "" or raw == "NaN":
        return int(period), None, False
    try:
        value = float(raw)
    except (TypeError, ValueError) as error:
        raise ResponseError(f"unexpected IMF value for {period}: {raw!r}") from error
    if not value >= 0 or value == float("inf"):
        raise ResponseError(f"unexpected IMF value for {period}: {raw!r}")
    estimate = False
    if status_at is not None and len(observation) > status_at + 1 and observation[status_at + 1] is not None:
        try:
            estimate = status_codes[int(observation[status_at + 1])] == ESTIMATE_CODE
        except (ValueError, IndexError, TypeError) as error:
            raise ResponseError(f"unexpected IMF observation status for {period}") from error
    return int(period), value, estimate


def partner_fields(code: str, name: str) -> dict[str, str]:
    """partner, partner_label, partner_kind and partner_iso3 from the counterpart codelist entry.

    The world keeps the label "World" the page's shares divide by, as in the shipped file.
    """
    if code == WORLD:
        return {"partner": "World", "partner_label": "World", "partner_kind": "aggregate", "partner_iso3": ""}
    if re.fullmatch(r"[A-Z]{3}", code):
        return {
            "partner": NAMES.get(code, name),
            "partner_label": name,
            "partner_kind": "country",
            "partner_iso3": code,
        }
    kind = "unallocated" if UNALLOCATED.search(name) else "aggregate"
    return {"partner": name, "partner_label": name, "partner_kind": kind, "partner_iso3": ""}
