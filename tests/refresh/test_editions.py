"""One edition at a time: a refresh publishes a complete new edition and readers switch to it in
one step, whatever happens to the process on the way; old editions stay to go back to."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dashboard import datasets
from dashboard.refresh import editions
from dashboard.refresh.__main__ import main
from tests.refresh.conftest import X, command_line, fingerprint, live, run

REFRESHED = [name for name, d in datasets.DATASETS.items() if d.refreshed and name != "sources_refresh"]


def whole(folder: Path) -> None:
    """Every table of an edition loads through the app's own checks: a complete edition."""
    for name in datasets.DATASETS:
        datasets.load(name, folder)
    datasets.load("sources", folder)


def stray(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".") and p.name != editions.LOCK)


def test_a_refresh_publishes_one_edition_beside_the_curated_folder_and_never_writes_it(apis, data_dir):
    before = fingerprint(data_dir)
    assert run(apis, data_dir, "all") == 0
    folder = live(data_dir)
    root = datasets.editions_root(data_dir)
    assert folder.parent == root and (root / "current").is_symlink()
    assert fingerprint(data_dir) == before
    whole(folder)
    manifest = json.loads((folder / "edition.json").read_text())
    assert manifest["base"] == str(data_dir.resolve()) and manifest["previous"] is None
    assert set(manifest["sources"]) == {"worldbank", "comtrade", "imf"}
    assert manifest["sources"]["imf"]["sources"]["imf-imts-api"]["accessed_date"] == time.strftime("%Y-%m-%d")
    # the curated files are read from the data folder; the refreshed ones are the edition's own
    assert not (folder / "trade_dots.csv").exists()
    assert datasets.locate(folder, "trade_dots.csv").resolve() == (data_dir / "trade_dots.csv").resolve()
    assert not (folder / "trade_partners_api.csv").is_symlink()
    assert stray(root) == []


def test_each_refresh_is_a_new_edition_and_rollback_goes_back(apis, data_dir, capsys):
    assert run(apis, data_dir, "imf") == 0
    first = live(data_dir)
    apis.imf[("TJK", X, "G001")]["2024"] = ("1400000000", None)  # the IMF revises a figure
    assert run(apis, data_dir, "imf") == 0
    second = live(data_dir)
    assert second != first and first.is_dir()  # the earlier edition is kept, untouched
    revised = datasets.load("trade_partners_api", second).query("reporter_iso3 == 'TJK' and partner == 'World'")
    assert revised.query("flow == 'exports' and year == 2024")["value_usd_m"].item() == 1400.0
    assert main(["rollback", "--data-dir", str(data_dir)]) == 0
    assert live(data_dir) == first
    old = datasets.load("trade_partners_api", first).query("reporter_iso3 == 'TJK' and partner == 'World'")
    assert old.query("flow == 'exports' and year == 2024")["value_usd_m"].item() == 1300.0
    capsys.readouterr()
    assert main(["editions", "--data-dir", str(data_dir)]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert [line[:1] for line in listed] == ["*", " "] and first.name in listed[0]


def test_rollback_without_an_earlier_edition_says_so(data_dir, capsys):
    assert main(["rollback", "--data-dir", str(data_dir)]) == 1
    assert "there is no refreshed edition in" in capsys.readouterr().err


def test_the_last_three_editions_are_kept(apis, data_dir):
    made = []
    for _ in range(5):
        assert run(apis, data_dir, "imf") == 0
        made.append(live(data_dir).name)
    root = datasets.editions_root(data_dir)
    kept = sorted(p.name for p in root.iterdir() if (p / "edition.json").is_file() and not p.is_symlink())
    assert kept == sorted(made[-3:]) and [m["folder"].name for m in editions.editions(root)] == made[-3:]


def test_a_failed_source_leaves_its_files_as_the_live_edition_had_them(apis, data_dir, capsys):
    assert run(apis, data_dir, "all") == 0
    first = live(data_dir)
    apis.imf[("TJK", X, "G001")]["2024"] = ("-1", None)  # the IMF's reply now fails its checks
    apis.comtrade = {k: apis.comtrade["EMPTY"] for k in apis.comtrade}  # and Comtrade answers nothing
    capsys.readouterr()
    assert run(apis, data_dir, "all") == 1
    second = live(data_dir)
    assert second != first  # the World Bank's pull made a new edition ...
    for file in ("trade_partners_api.csv", "trade_comtrade.csv"):  # ... with the failed sources' files as they were
        assert (second / file).read_bytes() == (first / file).read_bytes()
    manifest = json.loads((second / "edition.json").read_text())
    assert manifest["sources"]["imf"] == json.loads((first / "edition.json").read_text())["sources"]["imf"]
    status = datasets.refresh_status(datasets.editions_root(data_dir))
    assert status["worldbank"]["error"] is None
    assert "unexpected IMF value for 2024: '-1'" in status["imf"]["error"]


def test_when_every_source_fails_no_edition_is_made(apis, data_dir, capsys):
    assert run(apis, data_dir, "imf") == 0
    first, before = live(data_dir), fingerprint(live(data_dir))
    apis.script = [("status", 500)] * 3
    assert run(apis, data_dir, "imf") == 1
    assert live(data_dir) == first and fingerprint(first) == before
    assert "edition    unchanged" in capsys.readouterr().out


def test_a_reader_that_resolved_an_edition_reads_it_whole_after_the_switch(apis, data_dir):
    assert run(apis, data_dir, "imf") == 0
    reading = live(data_dir)
    expected = datasets.load("trade_partners_api", reading)
    apis.imf[("TJK", X, "G001")]["2024"] = ("1400000000", None)
    assert run(apis, data_dir, "imf") == 0
    assert live(data_dir) != reading
    assert datasets.load("trade_partners_api", reading).equals(expected)  # the old edition, unchanged


def test_an_edition_built_on_another_data_folder_is_not_used(apis, data_dir, tmp_path):
    assert run(apis, data_dir, "imf") == 0
    other = tmp_path / "other"
    other.mkdir()
    (other / "editions").symlink_to(datasets.editions_root(data_dir))
    assert datasets.live_folder(other) == other


def test_the_same_data_folder_reached_by_another_path_uses_the_edition(apis, data_dir, tmp_path, monkeypatch):
    """A refresh and the replicas may mount the folders at different paths: identity decides."""
    assert run(apis, data_dir, "imf") == 0
    mounted = tmp_path / "mounted"
    mounted.symlink_to(data_dir)
    monkeypatch.setenv(datasets.EDITIONS_VARIABLE, str(datasets.editions_root(data_dir)))
    assert datasets.live_folder(mounted) == live(data_dir)


def test_a_curated_file_new_since_the_edition_is_read_from_the_data_folder(apis, data_dir):
    assert run(apis, data_dir, "imf") == 0
    (data_dir / "new_release.csv").write_text("a,b\n1,2\n")  # an app release adds a file
    assert datasets.locate(live(data_dir), "new_release.csv").read_text() == "a,b\n1,2\n"


def test_a_data_folder_written_by_the_earlier_refresh_still_refreshes(apis, data_dir):
    """The earlier refresh added its source rows to sources.csv itself; its ids now come from the edition."""
    with (data_dir / "sources.csv").open("a") as listed:
        listed.write("imf-imts-api,IMF (SDMX API),an older pull,https://api.imf.org,2025-01-01,IMF terms\n")
    assert run(apis, data_dir, "imf") == 0
    sources = datasets.load("sources", live(data_dir))
    assert (sources["source_id"] == "imf-imts-api").sum() == 1
    assert sources.set_index("source_id").at["imf-imts-api", "title"].startswith("International Trade in Goods")


def test_pruning_spares_the_edition_readers_were_just_on_even_after_a_rollback(apis, data_dir):
    for _ in range(3):
        assert run(apis, data_dir, "imf") == 0
    first = editions.editions(datasets.editions_root(data_dir))[0]["folder"]
    root = datasets.editions_root(data_dir)
    assert main(["rollback", "--data-dir", str(data_dir)]) == 0
    assert main(["rollback", "--data-dir", str(data_dir)]) == 0
    assert live(data_dir) == first  # readers are on the oldest edition kept
    assert run(apis, data_dir, "imf") == 0  # a fourth edition: the oldest would be pruned, but readers were on it
    assert first.is_dir()
    assert main(["rollback", "--data-dir", str(data_dir)]) == 0 and live(data_dir) == first
    assert len(editions.editions(root)) == 4


class Crash(BaseException):
    """A process dying at this step (BaseException: nothing in the refresh catches it)."""


PUBLISHING = 6  # the manifest, the rename, the new link, the switch, then the status file and its rename


@pytest.mark.parametrize("step", range(1, PUBLISHING + 1))
def test_a_refresh_that_dies_at_any_step_of_publishing_leaves_one_complete_edition(apis, data_dir, monkeypatch, step):
    assert run(apis, data_dir, "imf") == 0
    first = live(data_dir)
    apis.imf[("TJK", X, "G001")]["2024"] = ("1400000000", None)
    calls = {"n": 0, "publishing": False}
    publish = editions.Draft.publish

    def publishing(self, *args, **kwargs):  # count the file-system steps from here on
        calls["publishing"] = True
        return publish(self, *args, **kwargs)

    monkeypatch.setattr(editions.Draft, "publish", publishing)
    for name in ("rename", "replace", "symlink_to", "write_text"):
        original = getattr(Path, name)

        def dying(self, *args, _original=original, **kwargs):
            if calls["publishing"]:
                calls["n"] += 1
                if calls["n"] == step:
                    raise Crash(f"died at publishing step {step}")
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(Path, name, dying)
    with pytest.raises(Crash):
        run(apis, data_dir, "imf")
    monkeypatch.undo()
    now = live(data_dir)
    whole(now)  # old or new, never a mix
    assert now == first if step <= 4 else json.loads((now / "edition.json").read_text())["previous"] == first.name
    assert run(apis, data_dir, "imf") == 0  # the next run cleans up and publishes
    assert stray(datasets.editions_root(data_dir)) == []


def test_a_refresh_killed_at_any_moment_leaves_every_reader_on_one_complete_edition(apis, data_dir):
    """kill -9 of the real command at moments spread over its whole run; then a normal run."""
    command = [sys.executable, "-m", "dashboard.refresh", *command_line(apis, data_dir, "all", retries=0)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    started = time.monotonic()
    assert subprocess.run(command, env=env, capture_output=True, timeout=120).returncode == 0
    whole_run = time.monotonic() - started
    root = datasets.editions_root(data_dir)
    for fraction in (0.55, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98):
        before = live(data_dir)
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole_run * fraction)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
        now = live(data_dir)
        whole(now)
        assert now == before or json.loads((now / "edition.json").read_text())["previous"] == before.name
    assert run(apis, data_dir, "all") == 0
    assert stray(root) == []  # what the killed runs left is gone
