"""CEPII BACI: every HS6 product traded between Russia and Tajikistan, both ways, every year.

BACI is distributed as one zip per HS revision (e.g. `BACI_HS92_V202501.zip`, about 2 GB for
HS92) holding one CSV per year (`BACI_HS92_Y1995_V202501.csv` …, columns t, i, j, k, v, q: year,
exporter, importer, HS6 product, value in thousands of current US$, quantity in metric tons,
NA where missing), a country table (`country_codes_V202501.csv`: country_code, country_name,
country_iso2, country_iso3) and a product table (`product_codes_HS92_V202501.csv`).

The zip is streamed to a partial file in a download folder beside data/ (never inside it), resumed
with an HTTP Range request after a broken connection, and deleted once the pair's rows are out.
Each yearly CSV is read line by line out of the zip, so memory stays small whatever its size;
only rows with exporter and importer Russia and Tajikistan (found by ISO3 in BACI's own
country table) are kept. Values and quantities are copied as published.

Licence Ouverte / Etalab 2.0: the rows may be passed on with the attribution CEPII asks for.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import requests
from urllib3.exceptions import MaxRetryError, ProtocolError

from dashboard.refresh.http import FetchError, HttpClient, Refused
from dashboard.refresh.store import locked

# Where the files are, and the page that lists the current release: CEPII publishes a new release
# about once a year (V202501, V202601 …) and has removed superseded zips, so the release is looked
# up there on every run unless one is pinned (--baci-release).
BASE_URL = "https://www.cepii.fr/DATA_DOWNLOAD/baci/data"
RELEASES_PAGE = "https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37"
REVISIONS = ("HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22")
DEFAULT_REVISION = "HS92"  # the longest series: from 1995
SOURCE_ID = "cepii-baci"
LICENCE = "Licence Ouverte / Etalab 2.0: cite CEPII BACI, Gaulier & Zignago (2010)"
PAIR = {"RUS": "ru_to_tj", "TJK": "tj_to_ru"}  # exporter's ISO3 -> direction of the goods
COLUMNS = ["t", "i", "j", "k", "v", "q"]
CHUNK = 1 << 20  # bytes read per step of the download
MISSING = {"", "NA"}


class ArchiveError(FetchError):
    """The archive arrived but is not BACI as documented (truncated, other layout, bad values)."""


@dataclass(frozen=True)
class Pull:
    rows: pd.DataFrame  # rows of the baci_products schema
    products: pd.DataFrame  # rows of the baci_product_codes schema: BACI's description of each code kept
    source: dict[str, str]  # the sources.csv row citing this release
    notes: list[str]  # for the summary: years read, rows scanned, disk used


def archive_name(revision: str, release: str) -> str:
    return f"BACI_{revision}_{release}.zip"


def archive_url(base: str, revision: str, release: str) -> str:
    return f"{base.rstrip('/')}/{archive_name(revision, release)}"


def newest_release(page: str, revision: str) -> str:
    """The newest release the BACI page links for a revision (`BACI_HS92_V202601.zip` -> V202601)."""
    found = set(re.findall(rf"BACI_{revision}_(V\d{{6}}\w*?)\.zip", page))
    if not found:
        raise FetchError(
            f"CEPII's BACI page lists no {revision} archive (BACI_{revision}_V<release>.zip); "
            "pin a release with --baci-release"
        )
    return max(found)


def release_month(release: str) -> str | None:
    """V202601 -> '2026-01': CEPII names a release by the month it came out."""
    match = re.fullmatch(r"V(\d{4})(\d{2})\w*", release)
    return f"{match.group(1)}-{match.group(2)}" if match and 1 <= int(match.group(2)) <= 12 else None


@dataclass
class Downloader:
    """Streams one large file to disk through the refresh's HTTP client.

    A refused connection or a server error is retried by the client's policy (http.Backoff); a
    connection that breaks mid-stream is resumed from the bytes already on disk with a Range
    request, counted and waited for under the same policy (or started over if the server ignores
    the Range header).
    """

    client: HttpClient

    def page(self, url: str) -> str:
        """A small text page (the releases list)."""
        return self.client.response(url).text

    def fetch(self, url: str, target: Path) -> Path:
        """`target` holds the whole file afterwards; its `.part` file holds what arrived so far."""
        if target.exists():
            return target
        part = target.with_name(target.name + ".part")
        retry = self.client.backoff()
        while True:
            try:
                self._once(url, part)
            except (requests.RequestException, ProtocolError) as error:  # the stream broke off
                kept = part.stat().st_size if part.exists() else 0
                try:
                    retry = retry.increment("GET", url, error=ProtocolError(str(error)))
                except MaxRetryError:
                    raise FetchError(
                        f"cannot download {url}: {error}; {kept:,} bytes kept in {part} for the next run to resume"
                    ) from error
                retry.sleep()
                continue
            except FetchError as error:
                kept = part.stat().st_size if part.exists() else 0
                resume = f"; {kept:,} bytes kept in {part} for the next run to resume" if kept else ""
                raise FetchError(f"cannot download {url}: {error}{resume}") from error
            part.replace(target)
            return target

    def _once(self, url: str, part: Path) -> None:
        have = part.stat().st_size if part.exists() else 0
        headers = {"Accept-Encoding": "identity", **({"Range": f"bytes={have}-"} if have else {})}
        try:
            response = self.client.response(url, headers=headers, stream=True)
        except Refused as error:
            if error.status == 416 and have:  # the part is already whole
                return
            raise
        # a short body is checked below against Content-Length, after every byte that came is on disk
        # (urllib3's own check would raise with the last read's bytes still in hand)
        response.raw.enforce_content_length = False
        with response:
            resumed = response.status_code == 206
            if have and not resumed:
                self.client.log("  the server sent the whole file again: starting over")
                have = 0
            length = response.headers.get("Content-Length")
            expected = have + int(length) if length and length.isdigit() else None
            if have:
                self.client.log(f"  resuming at {have:,} bytes")
            done, shown = have, -1
            with open(part, "ab" if resumed else "wb") as out:
                for chunk in response.iter_content(CHUNK):
                    out.write(chunk)
                    done += len(chunk)
                    if expected and (percent := done * 100 // expected) // 10 != shown:
                        shown = percent // 10
                        self.client.log(f"  downloaded {done / 1e6:,.1f} of {expected / 1e6:,.1f} MB ({percent}%)")
        if expected is not None and done < expected:
            raise ProtocolError(f"the connection closed after {done:,} of {expected:,} bytes")


def _reader(archive: zipfile.ZipFile, member: str) -> Iterator[list[str]]:
    """The rows of one CSV in the zip, read as they are decompressed (never the whole file)."""
    with archive.open(member) as raw:
        yield from csv.reader(io.TextIOWrapper(raw, encoding="utf-8-sig", newline=""))


def _lines(archive: zipfile.ZipFile, member: str) -> Iterator[str]:
    """The text lines of one CSV in the zip, as they are decompressed: the yearly files are read
    this way so that a row of another country pair is dropped from its first three fields,
    without parsing the rest (most of a file's millions of rows)."""
    with archive.open(member) as raw:
        yield from io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _member(names: list[str], pattern: str, what: str) -> str:
    found = [n for n in names if re.fullmatch(pattern, n.rsplit("/", 1)[-1])]
    if not found:
        raise ArchiveError(f"the archive has no {what} (a file named like {pattern!r})")
    return found[0]


def pair_codes(archive: zipfile.ZipFile, names: list[str]) -> dict[str, str]:
    """BACI's numeric codes for Russia and Tajikistan, looked up by ISO3 in BACI's own table."""
    member = _member(names, r"country_codes_V\d+\w*\.csv", "country code table")
    rows = _reader(archive, member)
    header = [h.strip() for h in next(rows, [])]
    if "country_code" not in header or "country_iso3" not in header:
        raise ArchiveError(f"{member}: expected columns country_code and country_iso3, found {header}")
    code, iso3 = header.index("country_code"), header.index("country_iso3")
    found = {row[iso3].strip(): row[code].strip() for row in rows if len(row) > max(code, iso3)}
    missing = [iso for iso in PAIR if iso not in found]
    if missing:
        raise ArchiveError(f"{member} does not list {', '.join(missing)}")
    return {iso: found[iso] for iso in PAIR}


def product_names(archive: zipfile.ZipFile, names: list[str], revision: str, wanted: set[str]) -> dict[str, str]:
    """BACI's description of each wanted HS6 code, from the release's product table (if it has one)."""
    found = [n for n in names if re.fullmatch(rf"product_codes_{revision}_V\d+\w*\.csv", n.rsplit("/", 1)[-1])]
    if not found:
        return {}
    rows = _reader(archive, found[0])
    header = [h.strip() for h in next(rows, [])]
    if "code" not in header or "description" not in header:
        raise ArchiveError(f"{found[0]}: expected columns code and description, found {header}")
    code, text = header.index("code"), header.index("description")
    out = {}
    for row in rows:
        if len(row) > max(code, text) and (key := row[code].strip().zfill(6)) in wanted:
            out[key] = row[text].strip()
    return out


def year_members(names: list[str], revision: str) -> dict[int, str]:
    members = {}
    for name in names:
        match = re.fullmatch(rf"BACI_{revision}_Y(\d{{4}})_V\d+\w*\.csv", name.rsplit("/", 1)[-1])
        if match:
            members[int(match.group(1))] = name
    if not members:
        raise ArchiveError(f"the archive has no yearly {revision} files (BACI_{revision}_Y<year>_<release>.csv)")
    return dict(sorted(members.items()))


def _number(text: str, member: str, line: int, column: str, required: bool) -> str:
    """A value as published (its text, trimmed), after checking it is a number ≥ 0."""
    text = text.strip()
    if text in MISSING:
        if required:
            raise ArchiveError(f"{member}, line {line}: no value in column {column}")
        return ""
    try:
        number = float(text)
    except ValueError:
        raise ArchiveError(f"{member}, line {line}: column {column} is not a number ({text!r})") from None
    if not number >= 0:
        raise ArchiveError(f"{member}, line {line}: column {column} is negative or not finite ({text!r})")
    return text


def product_code(text: str, member: str, line: int) -> str:
    """An HS6 code as six digits (some releases write 10121 for 010121), or BACI's code for trade
    not specified by kind (e.g. 9999AA) as published: kept, never a reason to drop the release."""
    product = text.strip().strip('"')
    if product.isdigit() and len(product) <= 6:
        return product.zfill(6)
    if re.fullmatch(r"\d{4}[0-9A-Z]{2}", product.upper()):
        return product.upper()
    raise ArchiveError(f"{member}, line {line}: {product!r} is not an HS6 code")


def extract(
    archive_path: Path, revision: str, log: Callable[[str], None]
) -> tuple[list[dict[str, str]], dict[str, str], int]:
    """The Russia–Tajikistan rows of every yearly file, BACI's descriptions of their codes, and how
    many rows were scanned in all."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            names = archive.namelist()
            codes = pair_codes(archive, names)
            wanted = {(codes["RUS"], codes["TJK"]): "ru_to_tj", (codes["TJK"], codes["RUS"]): "tj_to_ru"}
            out: list[dict[str, str]] = []
            scanned = 0
            for year, member in year_members(names, revision).items():
                lines = _lines(archive, member)
                header = [h.strip().strip('"') for h in next(lines, "").split(",")]
                if header != COLUMNS:
                    raise ArchiveError(f"{member}: expected columns {','.join(COLUMNS)}, found {','.join(header)}")
                kept, line = 0, 1
                for line, text in enumerate(lines, start=2):
                    scanned += 1
                    first = text.split(",", 3)
                    if len(first) < 4:
                        if not text.strip():
                            continue  # a blank line (the file's last)
                        raise ArchiveError(f"{member}, line {line}: {len(first)} fields, expected 6")
                    if (first[1].strip().strip('"'), first[2].strip().strip('"')) not in wanted:
                        continue
                    row = next(csv.reader([text]))
                    if len(row) != 6:
                        raise ArchiveError(f"{member}, line {line}: {len(row)} fields, expected 6")
                    direction = wanted.get((row[1].strip(), row[2].strip()))
                    if direction is None:
                        continue
                    if row[0].strip() != str(year):
                        raise ArchiveError(f"{member}, line {line}: year {row[0]!r} in the file for {year}")
                    out.append(
                        {
                            "direction": direction,
                            "year": str(year),
                            "hs6": product_code(row[3], member, line),
                            "value_usd_k": _number(row[4], member, line, "v", required=True),
                            "quantity_t": _number(row[5], member, line, "q", required=False),
                            "source_id": SOURCE_ID,
                        }
                    )
                    kept += 1
                log(f"  BACI {year}: {kept:,} Russia–Tajikistan rows kept of {line - 1:,}")
            return out, product_names(archive, names, revision, {row["hs6"] for row in out}), scanned
    except zipfile.BadZipFile as error:
        raise ArchiveError(f"{archive_path.name} is not a whole zip archive ({error})") from error
    except (EOFError, zlib.error) as error:
        raise ArchiveError(f"{archive_path.name} is truncated or corrupt ({error})") from error


def fetch(
    downloader: Downloader,
    download_dir: Path,
    revision: str = DEFAULT_REVISION,
    base: str = BASE_URL,
    release: str | None = None,
    today: date | None = None,
    releases_page: str = RELEASES_PAGE,
) -> Pull:
    """Download (or resume), read the pair's rows, and delete the archive; raises FetchError.

    Without a pinned release, the newest one CEPII's BACI page lists. One download at a time per
    folder. A partial download stays for the next run to resume; an archive that arrived whole but
    cannot be read is deleted, so the next run starts over.
    """
    download_dir.mkdir(parents=True, exist_ok=True)
    with locked(download_dir):
        if release is None:
            release = newest_release(downloader.page(releases_page), revision)
            downloader.client.log(f"  BACI: newest {revision} release listed by CEPII is {release}")
        url = archive_url(base, revision, release)
        target = download_dir / archive_name(revision, release)
        for stale in download_dir.glob(f"BACI_{revision}_*.zip.part"):  # another release's, never to resume
            if stale.name != target.name + ".part":
                downloader.client.log(f"  deleting {stale.name}: a partial download of another release")
                stale.unlink()
        downloader.client.log(f"  BACI {revision} {release}: {url} -> {target}")
        downloader.fetch(url, target)
        size = target.stat().st_size
        try:
            rows, descriptions, scanned = extract(target, revision, downloader.client.log)
        finally:
            target.unlink(missing_ok=True)  # whole or broken, the next run fetches it again
    if not rows:
        raise ArchiveError("the archive holds no trade between Russia and Tajikistan")
    frame = pd.DataFrame(rows)
    years = sorted(set(frame["year"].astype(int)))
    accessed = (today or date.today()).isoformat()
    source = {
        "source_id": SOURCE_ID,
        "publisher": "CEPII (BACI)",
        "title": (
            f"BACI: International Trade Database at the Product-Level, {revision}, release {release} "
            f"(Gaulier & Zignago 2010); Russia and Tajikistan, both directions, {years[0]}–{years[-1]}"
        ),
        "url": url,
        "published_date": f"{release_month(release)}-01" if release_month(release) else "",
        "licence": LICENCE,
        "edition": f"release {release}" + (f" ({release_month(release)})" if release_month(release) else ""),
        "accessed_date": accessed,
    }
    notes = [f"{scanned:,} BACI rows read from a {size / 1e6:,.1f} MB archive (deleted)"]
    unspecified = int((~frame["hs6"].str.isdigit()).sum())
    if unspecified:
        notes.append(f"{unspecified} rows of trade not specified by kind (non-numeric codes) kept as such")
    described = pd.DataFrame(
        {"hs6": list(descriptions), "description": list(descriptions.values()), "source_id": SOURCE_ID},
        columns=["hs6", "description", "source_id"],
    )
    if len(described) < frame["hs6"].nunique():
        notes.append(f"{frame['hs6'].nunique() - len(described)} codes without a description in BACI's product table")
    return Pull(frame, described, source, notes)
