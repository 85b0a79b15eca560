"""`python -m dashboard.refresh [worldbank|comtrade|imf|all|baci]`: pull, validate, publish one new
edition, summarise. `editions` lists the editions kept; `rollback` goes back to the one before.

Exit status 0 when every source asked for was refreshed, 1 when any failed (the new edition then
holds the others' pulls and that source's files as they were), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from dashboard import datasets
from dashboard.refresh import baci, comtrade, editions, imf, worldbank
from dashboard.refresh.http import FetchError, HttpClient
from dashboard.refresh.store import TableChange, Update, everything, write

SOURCES = ("worldbank", "comtrade", "imf")
# Asked for by name only, never by "all": one release is a 2 GB download, not a weekly job.
ON_REQUEST = ("baci",)
COMMANDS = ("editions", "rollback")


def parse_years(text: str) -> range:
    try:
        first, _, last = text.partition("-")
        start, stop = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"years must look like 2000-2024, not {text!r}") from None
    if not 1990 <= start <= stop <= date.today().year:
        raise argparse.ArgumentTypeError(f"years must run forward within 1990–{date.today().year}: {text!r}")
    return range(start, stop + 1)


def non_negative(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"must be a whole number ≥ 0, not {text!r}")
    return int(text)


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m dashboard.refresh",
        description="Refresh the data from the World Bank, UN Comtrade and IMF APIs, and (asked by name) CEPII BACI.",
    )
    parser.add_argument("source", nargs="?", choices=[*SOURCES, *ON_REQUEST, "all", *COMMANDS], default="all")
    parser.add_argument(
        "--years",
        type=parse_years,
        default=parse_years(f"2000-{date.today().year - 1}"),
        help="UN Comtrade years, e.g. 2015-2024 (default: 2000 to last year)",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=Path(os.environ.get("RT_DATA_DIR", datasets.DATA_DIR)),
        help="the curated data folder the editions build on (default: $RT_DATA_DIR, as the app reads it, else data/)",
    )
    parser.add_argument(
        "--editions-dir",
        type=Path,
        default=None,
        help=f"where editions are kept (default: ${datasets.EDITIONS_VARIABLE}, else editions/ beside the data folder)",
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one answer")
    parser.add_argument(
        "--retries", type=non_negative, default=4, help="retries after a rate limit, server error or timeout"
    )
    parser.add_argument("--worldbank-url", default=os.environ.get("WORLDBANK_API_URL", worldbank.BASE_URL))
    parser.add_argument("--comtrade-url", default=os.environ.get("COMTRADE_API_URL", comtrade.BASE_URL))
    parser.add_argument(
        "--baci-revision", choices=baci.REVISIONS, default=baci.DEFAULT_REVISION, help="BACI's HS revision"
    )
    parser.add_argument(
        "--baci-release", default=None, help="pin BACI's release, e.g. V202601 (default: the newest CEPII lists)"
    )
    parser.add_argument("--baci-url", default=os.environ.get("BACI_URL", baci.BASE_URL), help="where CEPII serves BACI")
    parser.add_argument(
        "--baci-page",
        default=os.environ.get("BACI_PAGE_URL", baci.RELEASES_PAGE),
        help="CEPII's BACI page, which lists the current release",
    )
    parser.add_argument(
        "--download-dir",
        type=Path,
        default=None,
        help="where the BACI archive is downloaded (default: .downloads/ beside the data folder; deleted after use)",
    )
    parser.add_argument("--imf-url", default=os.environ.get("IMF_API_URL", imf.BASE_URL))
    return parser.parse_args(argv)


def secrets() -> dict:
    """Streamlit's secrets file, if the deployment has one (the key may live there)."""
    path = Path(".streamlit") / "secrets.toml"
    try:
        return tomllib.loads(path.read_text()) if path.exists() else {}
    except (OSError, tomllib.TOMLDecodeError):
        return {}


@dataclass(frozen=True)
class Outcome:
    """What one source's refresh changed, what the summary must add, and the source rows it wrote."""

    changes: list[TableChange]
    notes: list[str]
    sources: list[dict[str, str]]

    def manifest(self) -> dict[str, Any]:
        """This pull as the new edition's manifest records it."""
        return {
            "sources": {s["source_id"]: {k: s.get(k, "") for k in ("edition", "accessed_date")} for s in self.sources},
            "tables": [c.describe() for c in self.changes],
            "notes": self.notes,
        }


def refresh_worldbank(args: argparse.Namespace, client: HttpClient, folder: Path) -> Outcome:
    pull = worldbank.fetch(client, args.worldbank_url)
    world = worldbank.fetch_world(client, args.worldbank_url)
    # every year of every indicator: each file is this edition, whole; both written or neither
    updates = {"wdi_api": Update(pull.rows, everything), "wdi_remittances_world_api": Update(world.rows, everything)}
    return Outcome(write(folder, updates, [pull.source, world.source]), world.notes, [pull.source, world.source])


def refresh_comtrade(args: argparse.Namespace, client: HttpClient, folder: Path) -> Outcome:
    pull = comtrade.fetch(client, args.years, comtrade.api_key(secrets()), args.comtrade_url)
    asked = {str(year) for year in args.years}
    updates = {"trade_comtrade": Update(pull.totals, lambda old: old["period_start"].str[:4].isin(asked))}
    if not pull.products.empty:
        updates["comtrade_products"] = Update(pull.products, lambda old: old["year"].isin(asked))
    return Outcome(write(folder, updates, pull.source), pull.notes, [pull.source])


def refresh_baci(args: argparse.Namespace, client: HttpClient, folder: Path) -> Outcome:
    downloader = baci.Downloader(client)
    downloads = args.download_dir or args.data_dir.resolve().parent / ".downloads"
    pull = baci.fetch(
        downloader, downloads, args.baci_revision, args.baci_url, args.baci_release, releases_page=args.baci_page
    )
    # the release, whole: every year and product it holds replaces the previous release's rows
    updates = {"baci_products": Update(pull.rows, everything), "baci_product_codes": Update(pull.products, everything)}
    return Outcome(write(folder, updates, pull.source), pull.notes, [pull.source])


def refresh_imf(args: argparse.Namespace, client: HttpClient, folder: Path) -> Outcome:
    pull = imf.fetch(client, imf.api_key(secrets()), args.imf_url, timeout_s=max(args.timeout, imf.TIMEOUT_S))
    # the IMF's current edition replaces the file whole: never mixed with an older pull
    changes = write(folder, {"trade_partners_api": Update(pull.rows, everything)}, pull.source)
    return Outcome(changes, pull.notes, [pull.source])


RUNNERS: dict[str, Callable[[argparse.Namespace, HttpClient, Path], Outcome]] = {
    "worldbank": refresh_worldbank,
    "comtrade": refresh_comtrade,
    "imf": refresh_imf,
    "baci": refresh_baci,
}


def main(argv: list[str] | None = None, sleep: Callable[[float], None] | None = None) -> int:
    args = arguments(argv)
    root = args.editions_dir or datasets.editions_root(args.data_dir)
    if args.source in COMMANDS:
        return manage(args.source, root)
    client = HttpClient(timeout_s=args.timeout, retries=args.retries, log=lambda line: print(line, flush=True))
    if sleep is not None:
        client.sleep = sleep
    chosen = SOURCES if args.source == "all" else (args.source,)
    try:
        with editions.locked(root), editions.drafting(root, args.data_dir) as draft:
            results, brought, tries = pull_each(chosen, args, client, draft.folder)
            published = draft.publish(brought) if brought else None
            for name, error in tries.items():  # after publishing: the status says what is served
                editions.record_try(root, name, error)
    except (editions.EditionError, OSError) as error:
        print(f"Not done: {error}", file=sys.stderr)
        return 1
    print("\nSummary")
    for name, line in results.items():
        print(f"  {name:<10} {line}")
    print(f"  requests   {client.requests}")
    if published:
        print(f"  edition    {published} is live (in {root}); `python -m dashboard.refresh rollback` goes back")
    else:
        print(f"  edition    unchanged: no source was refreshed ({root})")
    return 0 if len(brought) == len(chosen) else 1


def pull_each(
    chosen: tuple[str, ...], args: argparse.Namespace, client: HttpClient, folder: Path
) -> tuple[dict[str, str], dict[str, Any], dict[str, str | None]]:
    """Each source into the draft in turn; one that fails is reported and leaves its files be.

    Returns the summary lines, what each source that succeeded brought, and each try's error (None
    when it went through).
    """
    results: dict[str, str] = {}
    brought: dict[str, Any] = {}
    tries: dict[str, str | None] = {}
    for name in chosen:
        print(f"{name}: fetching", flush=True)
        try:
            outcome = RUNNERS[name](args, client, folder)
        except (FetchError, datasets.DataError, OSError, ValueError) as error:
            # anything that stops one source is reported; the next source still runs
            tries[name] = str(error) or type(error).__name__
            results[name] = f"FAILED  {tries[name]}; its files stay as in the live edition"
            continue
        tries[name] = None
        brought[name] = outcome.manifest()
        results[name] = "ok      " + "; ".join([c.describe() for c in outcome.changes] + outcome.notes)
    return results, brought, tries


def manage(command: str, root: Path) -> int:
    """`editions`: what is kept and which is live; `rollback`: back to the edition before the live one."""
    if command == "rollback":
        try:
            back = editions.rollback(root)
        except (editions.EditionError, OSError) as error:
            print(f"Not rolled back: {error}", file=sys.stderr)
            return 1
        print(f"edition {back} is live again (in {root})")
        return 0
    live = editions.current(root)
    kept = editions.editions(root)
    if not kept:
        print(f"no refreshed edition in {root}: the app reads the curated data folder")
    for manifest in kept:
        mark = "*" if live is not None and manifest["folder"] == live else " "
        print(f"{mark} {manifest['folder'].name}  made {manifest.get('made', '?')}  sources: "
              f"{', '.join(sorted(manifest.get('sources', {}))) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
