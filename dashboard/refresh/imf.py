"""IMF International Trade in Goods by partner country (IMTS), as rows of the trade_partners schema.

IMTS is the IMF's current edition of the partner series (the successor of the Direction of Trade
Statistics the shipped trade_partners.csv comes from). What this module relies on, and where it
was found:

- SDMX 3.0 REST API at https://api.imf.org/external/sdmx/3.0, data queries as
  `data/dataflow/{agency}/{flow}/{version}/{key}` with `+` for the latest version; dataflow
  `IMF.STA`, `IMTS`; an optional subscription key goes in the `Ocp-Apim-Subscription-Key`
  header (the readimf R package's request code, R/request.R, and CRAN manual).
- Key dimensions in order `COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY` (an IMTS adapter's
  test data: tests/refresh/recorded/real/), `+` joining codes, `*` for every code; indicators
  `XG_FOB_USD` (goods exports, FOB, US dollars) and `MG_CIF_USD` (goods imports, CIF, US
  dollars); counterpart `G001` is the world.
- The reply, as the live server sends it (the CPI reply recorded from the same server,
  tests/refresh/recorded/real/imf_sdmx3_CPI_USA_data.json): an SDMX-JSON 2.0 data message whose
  dimension values carry an `id` and usually no `name`, whose TIME_PERIOD values are `{"value":
  "2024"}` with no `id` (the schema allows either: both are read), whose observations are
  `[value as a string, attribute…]` in the order of `attributes.observation`, where a coded
  attribute holds the position of its value and an uncoded one (no `values` listed) holds its
  text inline. A dimension with a single value may sit in `dimensions.dataSet` instead.
- OBS_VALUE is in US dollars (SCALE, a series attribute, only says how the IMF displays it):
  divided by 1e6 here for the schema's US$ million.
- Estimates: the IMF's observation attribute is STATUS (value `E`); the SDMX cross-domain
  OBS_STATUS is read too where a reply has it. A reply that declares neither marks no estimate,
  and the summary says so ("not known", not "reported").
- Partners by code, never by name: a current ISO 3166-1 alpha-3 code (pycountry's table) is an
  economy, named from the Unicode CLDR (Babel); `G001` is the world; every other code — the
  IMF's groups (regions, unallocated trade), a withdrawn code (SUN, YUG), a user-assigned one
  (Kosovo) — is left out and counted, since the Partners page draws none of them.
- Keys hold single codes and `*` only, one reporter and flow a query: that means the same in
  SDMX REST 1.x and 2.0, which join several codes of one dimension differently.
- The empty reply (nothing matches) is a data set with no `series`: no rows, not an error; a
  pull with no rows at all is.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import pandas as pd

from dashboard.datasets import IMF_API_SOURCE
from dashboard.formatting.countries import country_name
from dashboard.refresh.http import HttpClient
from dashboard.refresh.worldbank import ResponseError

BASE_URL = "https://api.imf.org/external/sdmx/3.0"
KEY_VARIABLE = "IMF_API_KEY"
AGENCY, FLOW, VERSION = "IMF.STA", "IMTS", "+"
DIMENSIONS = ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY")
INDICATORS = {"XG_FOB_USD": "exports", "MG_CIF_USD": "imports"}
WORLD = "G001"
ANY = "*"  # the REST wildcard: every code of a dimension
ESTIMATE_ATTRIBUTES, ESTIMATE_CODE = ("STATUS", "OBS_STATUS"), "E"
ACCEPT = "application/vnd.sdmx.data+json;version=2.0.0"
TIMEOUT_S = 120.0  # one reporter with every partner and year is a large reply, slowly built
SOURCE_ID = IMF_API_SOURCE
LICENCE = (
    "IMF Copyright and Usage terms: download, copy, derive and redistribute with attribution "
    "'Source: IMF, International Trade in Goods (by partner country)'"
)
NEIGHBOURS = ("TJK", "KAZ", "KGZ", "UZB", "TKM")  # the Partners page's Central Asian reporters
# Which partners are kept for each reporter: the five with every partner; Russia and China with those
# five and the world (the page draws nothing else of theirs).
ALONGSIDE = frozenset({*NEIGHBOURS, WORLD})
KEPT: dict[str, frozenset[str] | None] = {**dict.fromkeys(NEIGHBOURS), "RUS": ALONGSIDE, "CHN": ALONGSIDE}
# One query per reporter and flow, every partner: a key of single codes and `*` alone means the
# same in SDMX REST 1.x and 2.0 (the two differ on how several codes of one dimension are joined).
QUERIES = tuple((reporter, indicator) for reporter in KEPT for indicator in INDICATORS)


@dataclass(frozen=True)
class Pull:
    rows: pd.DataFrame  # rows of the trade_partners schema
    source: dict[str, str]
    notes: list[str]


@dataclass(frozen=True)
class Parsed:
    """One reply: its rows, whether it declared an estimate attribute, and the group codes left out."""

    rows: list[dict[str, Any]]
    declares_status: bool
    groups: frozenset[str]


def api_key(secrets: dict[str, Any] | None = None) -> str | None:
    """An IMF API subscription key from the environment or Streamlit's secrets, if there is one."""
    key = os.environ.get(KEY_VARIABLE) or (secrets or {}).get(KEY_VARIABLE)
    return str(key) if key else None


def key(reporter: str, indicator: str) -> str:
    """COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY: one reporter and flow, every partner, annual."""
    return ".".join([reporter, indicator, ANY, "A"])


def data_url(base: str, series_key: str) -> str:
    return f"{base.rstrip('/')}/data/dataflow/{AGENCY}/{FLOW}/{VERSION}/{series_key}"


def fetch(
    client: HttpClient,
    key_value: str | None = None,
    base: str = BASE_URL,
    today: date | None = None,
    timeout_s: float = TIMEOUT_S,
) -> Pull:
    """Both flows for every reporter, annual, all years; raises FetchError/ResponseError on any failure."""
    headers = {"Accept": ACCEPT, **({"Ocp-Apim-Subscription-Key": key_value} if key_value else {})}
    records: list[dict[str, Any]] = []
    declared, groups, prepared = False, set(), set()
    for reporter, indicator in QUERIES:
        client.log(f"  IMF IMTS {reporter} {INDICATORS[indicator]}, every partner")
        answer = client.get(data_url(base, key(reporter, indicator)), None, headers, timeout_s=timeout_s)
        parsed = parse(answer, {reporter})
        records += parsed.rows
        declared, groups = declared or parsed.declares_status, groups | parsed.groups
        prepared.add(str(((answer.get("meta") or {}) if isinstance(answer, dict) else {}).get("prepared") or "")[:10])
    frame = pd.DataFrame(records)
    if frame.empty:
        raise ResponseError("the IMF returned no partner trade for the reporters asked")
    notes = [] if declared else ["the IMF's replies declare no STATUS: no cell marked an estimate (not known)"]
    if groups:
        notes.append(
            f"{len(groups)} counterpart codes that are not economies today left out ({', '.join(sorted(groups)[:6])}): "
            "IMF groups, unallocated trade or withdrawn codes, which no page draws"
        )
    accessed = (today or date.today()).isoformat()
    served = sorted(p for p in prepared if p)
    source = {
        "source_id": SOURCE_ID,
        "publisher": "IMF (SDMX API)",
        "title": (
            "International Trade in Goods by partner country (IMTS), exports FOB and imports CIF in US$, annual: "
            "Tajikistan, Kazakhstan, Kyrgyzstan, Uzbekistan and Turkmenistan with every partner, Russia and China "
            "with those five and the world"
        ),
        "url": data_url(base, key(*QUERIES[0])),
        "published_date": accessed,  # no release date in the reply: the figures as the IMF served them that day
        "licence": LICENCE,
        "edition": f"IMTS as prepared by the IMF on {served[-1]}" if served else "IMTS as served on the access date",
        "accessed_date": accessed,
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


def code_of(value: Any) -> str:
    """A dimension or attribute value's code: `{id, name}` or `{value}`, both allowed by SDMX-JSON 2.0."""
    if isinstance(value, dict):
        code = value.get("id", value.get("value"))
        if code is not None:
            return str(code)
    raise ResponseError(f"unexpected IMF reply: a value without an id or a value ({value!r})")


@dataclass(frozen=True)
class Attribute:
    """An observation attribute: coded (its values listed, the observation holds a position) or
    uncoded (no values listed, the observation holds the text)."""

    id: str
    codes: tuple[str, ...] | None

    def read(self, raw: Any) -> str | None:
        if raw is None:
            return None
        if self.codes is None:
            return str(raw)
        try:
            return self.codes[int(raw)]
        except (ValueError, IndexError, TypeError) as error:
            raise ResponseError(f"unexpected IMF {self.id} position {raw!r}") from error


def _attributes(declared: list[Any]) -> list[Attribute]:
    out = []
    for attribute in declared:
        values = attribute.get("values") if isinstance(attribute, dict) else None
        codes = tuple(code_of(v) for v in values) if values else None
        out.append(Attribute(str(attribute.get("id")), codes))
    return out


def parse(answer: Any, reporters: set[str]) -> Parsed:
    """The observations of one SDMX-JSON reply as trade_partners rows.

    Null values are left out (a gap stays a gap); anything not shaped as documented raises.
    """
    structure = _structure(answer)
    try:
        series_dims = structure["dimensions"]["series"]
        time_values = [code_of(v) for v in structure["dimensions"]["observation"][0]["values"]]
        dim_ids = [d["id"] for d in series_dims]
        # a dimension with one value may be given once for the whole data set instead of in each key
        fixed = {d["id"]: code_of(d["values"][0]) for d in structure["dimensions"].get("dataSet") or []}
        attributes = _attributes((structure.get("attributes") or {}).get("observation") or [])
        datasets = answer["data"]["dataSets"]
    except (KeyError, TypeError, IndexError, AttributeError) as error:
        raise ResponseError(f"unexpected IMF reply: its structure lacks {error}") from error
    if sorted(set(dim_ids) | set(fixed)) != sorted(DIMENSIONS):
        raise ResponseError(f"unexpected IMF reply: dimensions {[*dim_ids, *fixed]}, not {list(DIMENSIONS)}")
    if not isinstance(datasets, list):
        raise ResponseError("unexpected IMF reply: 'dataSets' is not a list")
    status = [i for i, a in enumerate(attributes) if a.id in ESTIMATE_ATTRIBUTES]
    rows: list[dict[str, Any]] = []
    groups: set[str] = set()
    try:
        for dataset in datasets:
            for series_key, series in (dataset.get("series") or {}).items():
                codes = fixed | dict(zip(dim_ids, _codes(series_dims, series_key), strict=True))
                partner = partner_fields(codes["COUNTERPART_COUNTRY"])
                _check_series(codes, reporters)
                kept = KEPT.get(codes["COUNTRY"])
                if kept is not None and codes["COUNTERPART_COUNTRY"] not in kept:
                    continue  # Russia's or China's trade with a partner no page draws
                if partner is None:
                    groups.add(codes["COUNTERPART_COUNTRY"])
                    continue
                for time_key, observation in (series.get("observations") or {}).items():
                    year, value, estimate = _observation(time_values, time_key, observation, attributes, status)
                    if value is not None:
                        rows.append(_row(codes, partner, year, value, estimate))
    except (AttributeError, KeyError, TypeError) as error:  # a list where an object belongs, and the like
        raise ResponseError(f"unexpected IMF reply: a series or observation is malformed ({error})") from error
    return Parsed(rows, bool(status), frozenset(groups))


def _check_series(codes: dict[str, str], reporters: set[str]) -> None:
    reporter, indicator, frequency = codes["COUNTRY"], codes["INDICATOR"], codes["FREQUENCY"]
    if reporter not in reporters or indicator not in INDICATORS or frequency != "A":
        raise ResponseError(
            f"unexpected IMF series {reporter}.{indicator}.{codes['COUNTERPART_COUNTRY']}.{frequency}"
        )


def _row(codes: dict[str, str], partner: dict[str, str], year: int, value: float, estimate: bool) -> dict[str, Any]:
    return {
        "reporter_iso3": codes["COUNTRY"],
        "flow": INDICATORS[codes["INDICATOR"]],
        **partner,
        "year": year,
        "value_usd_m": round(value / 1e6, 6),  # US$ to US$ million, to the dollar
        "imf_estimate": "true" if estimate else "false",
    }


def _codes(series_dims: list[dict[str, Any]], series_key: str) -> list[str]:
    try:
        positions = [int(p) for p in str(series_key).split(":")]
        if len(positions) != len(series_dims):
            raise ValueError(series_key)
        return [code_of(series_dims[i]["values"][p]) for i, p in enumerate(positions)]
    except (ValueError, IndexError, KeyError, TypeError) as error:
        raise ResponseError(f"unexpected IMF series key {series_key!r}") from error


def _observation(
    time_values: list[str], time_key: str, observation: Any, attributes: list[Attribute], status: list[int]
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
    marks = [attributes[i].read(observation[i + 1]) for i in status if len(observation) > i + 1]
    return int(period), value, ESTIMATE_CODE in marks


def partner_fields(code: str) -> dict[str, str] | None:
    """partner, partner_label, partner_kind and partner_iso3 for a counterpart code; None for an IMF group.

    The world keeps the label "World" the page's shares divide by, as in the shipped file; an
    economy is named from the Unicode CLDR by its ISO 3166 alpha-3 code.
    """
    if code == WORLD:
        return {"partner": "World", "partner_label": "World", "partner_kind": "aggregate", "partner_iso3": ""}
    name = country_name(code)
    if name is None:
        return None
    return {"partner": name, "partner_label": name, "partner_kind": "country", "partner_iso3": code}
