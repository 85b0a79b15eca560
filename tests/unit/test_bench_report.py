"""The benchmark's tables in docs/: written between their markers, the rest of the file untouched."""

from benchmarks.run import HOSTING, PERFORMANCE, ROOT, between, budget_table, load_table, slider_rows, throughput


def test_a_table_replaces_only_what_lies_between_its_markers():
    text = "intro\n<!-- bench:start -->\nold\n<!-- bench:end -->\noutro\n"
    table = budget_table([("cold start", "3.9 s", "≤ 4 s", True), ("one process", "2 s", "(for comparison)", None)])
    new = between(text, "bench", table)
    assert new == f"intro\n<!-- bench:start -->\n{table}\n<!-- bench:end -->\noutro\n"
    assert "| cold start | 3.9 s | ≤ 4 s | yes |" in table and "| one process | 2 s | (for comparison) | – |" in table
    assert between(new, "bench", table) == new  # a second run with the same numbers changes nothing


def test_the_load_table_states_throughput_from_actions_and_wall_time():
    run = {"actions": 300, "wall_s": 7.5, "median_ms": 560.0, "p95_ms": 960.0, "errors": 0}
    rows = load_table({"concurrent": run, "concurrent_one_process": {**run, "wall_s": 15.0}}).splitlines()
    assert rows[2] == "| 2 replicas behind nginx | 300 | 7.5 s | 40.0 actions/s | 0.56 s | 0.96 s | 0 |"
    assert rows[3].startswith("| 1 process | 300 | 15.0 s | 20.0 actions/s |")


def test_each_table_has_its_markers_once_in_the_doc_the_benchmark_writes():
    for doc, marker in ((PERFORMANCE, "bench"), (HOSTING, "hosting-load")):
        text = doc.read_text()
        assert text.count(f"<!-- {marker}:start -->") == 1 and text.count(f"<!-- {marker}:end -->") == 1
    docs = [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]
    for marker, home in (("bench", PERFORMANCE), ("hosting-load", HOSTING)):
        assert [d for d in docs if f"<!-- {marker}:start -->" in d.read_text()] == [home]  # no stale copy elsewhere


def test_a_slider_meets_its_budget_only_within_all_three_limits():
    """Issue 30: to the last change, median ≤ 120 ms and p95 ≤ 200 ms, and ≤ 2.5x the floor app."""
    floor = {"last_median_ms": 50.0, "last_p95_ms": 80.0, "last_ratio_to_floor": 1.0}
    measured = {
        "floor": floor,
        "/quick": {"last_median_ms": 110.0, "last_p95_ms": 190.0, "last_ratio_to_floor": 2.2},
        "/jumpy": {"last_median_ms": 110.0, "last_p95_ms": 240.0, "last_ratio_to_floor": 2.2},
        "/far_from_floor": {"last_median_ms": 118.0, "last_p95_ms": 150.0, "last_ratio_to_floor": 2.6},
        "/slow": {"last_median_ms": 121.0, "last_p95_ms": 150.0, "last_ratio_to_floor": 2.0},
    }
    rows = {measure: (value, met) for measure, value, _, met in slider_rows(measured)}
    assert rows["slider to last change, floor app (one slider, one chart)"] == ("50.0 ms (p95 80.0)", None)
    assert rows["slider to last change, /quick"] == ("110.0 ms (p95 190.0; 2.2x floor)", True)
    assert [rows[f"slider to last change, /{page}"][1] for page in ("jumpy", "far_from_floor", "slow")] == [False] * 3


def test_the_hosted_load_meets_its_budget_at_60_actions_a_second():
    assert throughput({"actions": 300, "wall_s": 5.0}) == 60.0
