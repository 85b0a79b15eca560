"""`python -m dashboard.refresh [worldbank|comtrade|imf|all|baci]`: pull, validate, write, summarise.

Exit status 0 when every source asked for was refreshed, 1 when any failed (its files are left
as they were), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import http.client
import os
import sys
import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dashboard import datasets
from dashboard.refresh import baci, comtrade, imf, worldbank
from dashboard.refresh.http import FetchError, JsonClient
from dashboard.refresh.store import TableChange, Update, everything, write

SOURCES = ("worldbank", "comtrade", "imf")
# Asked for by name only, never by "all": one release is a 2 GB download, not a weekly job.
ON_REQUEST = ("baci",)


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
    parser.add_argument("source", nargs="?", choices=[*SOURCES, *ON_REQUEST, "all"], default="all")
    parser.add_argument(
        "--years",
        type=parse_years,
        default=parse_years(f"2000-{date.today().year - 1}"),
        help="UN Comtrade years, e.g. 2015-2024 (default: 2000 to last year)",
    )
    parser.add_argument("--data-dir", type=Path, default=datasets.DATA_DIR, help="the data folder to update")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for one answer")
    parser.add_argument(
        "--retries", type=non_negative, default=4, help="retries after a rate limit, server error or timeout"
    )
    parser.add_argument("--worldbank-url", default=os.environ.get("WORLDBANK_API_URL", worldbank.BASE_URL))
    parser.add_argument("--comtrade-url", default=os.environ.get("COMTRADE_API_URL", comtrade.BASE_URL))
    parser.add_argument(
        "--baci-revision", choices=baci.REVISIONS, default=baci.DEFAULT_REVISION, help="BACI's HS revision"
    )
    parser.add_argument("--baci-release", default=baci.RELEASE, help="BACI's release, e.g. V202501")
    parser.add_argument("--baci-url", default=os.environ.get("BACI_URL", baci.BASE_URL), help="where CEPII serves BACI")
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


def refresh_worldbank(args: argparse.Namespace, client: JsonClient) -> tuple[list[TableChange], list[str]]:
    pull = worldbank.fetch(client, args.worldbank_url)
    world = worldbank.fetch_world(client, args.worldbank_url)
    # every year of every indicator: each file is this edition, whole; both written or neither
    updates = {"wdi_api": Update(pull.rows, everything), "wdi_remittances_world_api": Update(world.rows, everything)}
    return write(args.data_dir, updates, [pull.source, world.source]), world.notes


def refresh_comtrade(args: argparse.Namespace, client: JsonClient) -> tuple[list[TableChange], list[str]]:
    pull = comtrade.fetch(client, args.years, comtrade.api_key(secrets()), args.comtrade_url)
    asked = {str(year) for year in args.years}
    updates = {"trade_comtrade": Update(pull.totals, lambda old: old["period_start"].str[:4].isin(asked))}
    if not pull.products.empty:
        updates["comtrade_products"] = Update(pull.products, lambda old: old["year"].isin(asked))
    return write(args.data_dir, updates, pull.source), pull.notes


def refresh_baci(args: argparse.Namespace, client: JsonClient) -> tuple[list[TableChange], list[str]]:
    downloader = baci.Downloader(timeout_s=args.timeout, retries=args.retries, sleep=client.sleep, log=client.log)
    folder = args.download_dir or args.data_dir.resolve().parent / ".downloads"
    try:
        pull = baci.fetch(downloader, folder, args.baci_revision, args.baci_url, args.baci_release)
    finally:
        client.requests += downloader.requests
    # the release, whole: every year and product it holds replaces the previous release's rows
    updates = {"baci_products": Update(pull.rows, everything), "baci_product_codes": Update(pull.products, everything)}
    return write(args.data_dir, updates, pull.source), pull.notes


def refresh_imf(args: argparse.Namespace, client: JsonClient) -> tuple[list[TableChange], list[str]]:
    pull = imf.fetch(client, imf.api_key(secrets()), args.imf_url)
    # the IMF's current edition replaces the file whole: never mixed with an older pull
    return write(args.data_dir, {"trade_partners_api": Update(pull.rows, everything)}, pull.source), pull.notes


RUNNERS: dict[str, Callable[[argparse.Namespace, JsonClient], tuple[list[TableChange], list[str]]]] = {
    "worldbank": refresh_worldbank,
    "comtrade": refresh_comtrade,
    "imf": refresh_imf,
    "baci": refresh_baci,
}


def main(argv: list[str] | None = None, sleep: Callable[[float], None] | None = None) -> int:
    args = arguments(argv)
    client = JsonClient(timeout_s=args.timeout, retries=args.retries, log=lambda line: print(line, flush=True))
    if sleep is not None:
        client.sleep = sleep
    chosen = SOURCES if args.source == "all" else (args.source,)
    results: dict[str, str] = {}
    failed = False
    for name in chosen:
        print(f"{name}: fetching", flush=True)
        try:
            changes, notes = RUNNERS[name](args, client)
        except (FetchError, datasets.DataError, OSError, ValueError, http.client.HTTPException) as error:
            # anything that stops one source is reported; the next source still runs
            failed = True
            reason = str(error) or type(error).__name__
            results[name] = f"FAILED  {reason}; its files in {args.data_dir} are unchanged"
            continue
        results[name] = "ok      " + "; ".join([c.describe() for c in changes] + notes)
    print("\nSummary")
    for name, line in results.items():
        print(f"  {name:<10} {line}")
    print(f"  requests   {client.requests}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
