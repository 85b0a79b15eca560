"""IMTS replies in the form the IMF's SDMX 3.0 server really sends, for the loopback stand-in.

No reply to an IMTS query was recorded from the live server, so each one is built from the
reply recorded from the same server for its CPI dataflow (recorded/real/imf_sdmx3_CPI_USA_data.json,
and imf_sdmx3_CPI_empty.json for "nothing matches"): a deep copy of that message with its
dimensions swapped for IMTS's (COUNTRY.INDICATOR.COUNTERPART_COUNTRY.FREQUENCY, as the third-party
IMTS excerpt recorded/real/imf_imts_sdmx_csv_thirdparty_excerpt.csv shows them) and the test's
values put in. Everything else stays as the server sent it: dimension values with an `id` and no
`name`, TIME_PERIOD values as `{"value": "2024"}`, observation values as strings, the observation
attributes PRECISION, DERIVATION_TYPE (coded), REFERENCE_PERIOD (uncoded, its text inline) and
STATUS, the series attribute SCALE (IMTS gives 6), links and annotations. STATUS is coded (its
values listed, the observation holding a position) or uncoded (the text inline), as asked.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

REAL = Path(__file__).parent / "recorded" / "real"
CPI = json.loads((REAL / "imf_sdmx3_CPI_USA_data.json").read_text())
CPI_EMPTY = json.loads((REAL / "imf_sdmx3_CPI_empty.json").read_text())
DIMENSIONS = ("COUNTRY", "INDICATOR", "COUNTERPART_COUNTRY", "FREQUENCY")
IMTS_URN = "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=IMF.STA:IMTS(1.0.0)"

# (reporter, indicator, counterpart) -> {year: (value in US$ as the server writes it, STATUS or None)}
Cells = dict[tuple[str, str, str], dict[str, tuple[str | None, str | None]]]


def _dimension(template: dict[str, Any], name: str, position: int, codes: list[str]) -> dict[str, Any]:
    dimension = copy.deepcopy(template)
    dimension.update(id=name, keyPosition=position, values=[{"id": code} for code in codes])
    dimension["roles"] = ["FREQ"] if name == "FREQUENCY" else []
    return dimension


def _swap_structure(message: dict[str, Any], codes: list[list[str]], years: list[str]) -> dict[str, Any]:
    structure = message["data"]["structures"][0]
    template = structure["dimensions"]["series"][0]
    structure["dimensions"]["series"] = [
        _dimension(template, name, i, codes[i]) for i, name in enumerate(DIMENSIONS)
    ]
    time = structure["dimensions"]["observation"][0]
    time["keyPosition"] = len(DIMENSIONS)
    time["values"] = [{"value": year} for year in years]
    structure["links"][0]["urn"] = IMTS_URN
    for attribute in structure["attributes"]["series"]:
        attribute["relationship"] = {"dimensions": list(DIMENSIONS)}
    return structure


def reply(cells: Cells, status_coded: bool = True) -> dict[str, Any]:
    """The server's message holding these cells; with no cells, its "nothing matches" reply."""
    if not cells:
        return empty()
    message = copy.deepcopy(CPI)
    codes = [sorted({key[i] for key in cells}) for i in range(3)] + [["A"]]
    years = sorted({year for values in cells.values() for year in values})
    structure = _swap_structure(message, codes, years)
    attributes = structure["attributes"]
    scale = next(a for a in attributes["series"] if a["id"] == "SCALE")
    scale["values"] = [{"id": "6"}]
    observed = [a["id"] for a in attributes["observation"]]
    status = attributes["observation"][observed.index("STATUS")]
    status_codes = sorted({s for values in cells.values() for _, s in values.values() if s})
    status["values"] = [{"id": code} for code in status_codes] if status_coded else []
    series_attributes = [0 if a["id"] == "SCALE" else None for a in attributes["series"]]
    series = {}
    for (reporter, indicator, partner), values in sorted(cells.items()):
        position = ":".join(str(codes[i].index(code)) for i, code in enumerate((reporter, indicator, partner, "A")))
        observations = {}
        for year, (value, mark) in sorted(values.items()):
            cell: list[Any] = [value, None, 0, f"{year}A", None]
            if mark is not None:
                cell[1 + observed.index("STATUS")] = status_codes.index(mark) if status_coded else mark
            observations[str(years.index(year))] = cell
        series[position] = {"attributes": list(series_attributes), "observations": observations}
    message["data"]["dataSets"][0]["series"] = series
    return message


def empty() -> dict[str, Any]:
    """What the server answers when no series matches: a data set with no `series`."""
    message = copy.deepcopy(CPI_EMPTY)
    _swap_structure(message, [[], [], [], []], [])
    return message


def matching(cells: Cells, key: str) -> Cells:
    """The cells a REST key asks for: `+` joins codes, `*` or an empty position means every code."""
    parts = key.split(".")
    if len(parts) != len(DIMENSIONS):
        raise ValueError(key)
    wanted = [None if part in ("", "*") else set(part.split("+")) for part in parts]
    found = {}
    for cell_key, values in cells.items():
        full = (*cell_key, "A")
        if all(w is None or code in w for w, code in zip(wanted, full, strict=True)):
            found[cell_key] = values
    return found


def well_formed(key: str) -> bool:
    return bool(re.fullmatch(r"[A-Z0-9+*]*\.[A-Z_+*]*\.[A-Z0-9+*]*\.[A+*]*", key))
