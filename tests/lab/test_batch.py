"""`hydra lab`: the files it writes, their columns, and results that never depend on luck or jobs."""

import csv
from pathlib import Path

import pytest

from game.cli import main
from game.lab.batch import BatchSpec, run_batch, summarize

ROOT = Path(__file__).resolve().parents[2]
MEXICO = str(ROOT / "levels" / "mexico_2026.yaml")
CHARTS = (
    "homicides_per_100k",
    "members",
    "armed_groups",
    "drug_flow",
    "approval",
    "civilians_killed_by_state",
)


def lab(out, *extra):
    args = ["lab", "--scenario", MEXICO, "--strategies", "passive,decapitation"]
    args += ["--seeds", "2", "--turns", "13", "--jobs", "1", "--out", str(out), *extra]
    return main(args)


def read(path):
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_lab_writes_runs_summary_charts_and_report_with_the_documented_columns(tmp_path):
    assert lab(tmp_path) == 0
    runs = read(tmp_path / "runs.csv")
    assert list(runs[0])[:5] == ["run_id", "strategy", "seed", "turn", "date"]
    assert {"homicides_per_100k", "members", "armed_groups", "approval"} <= set(runs[0])
    assert len(runs) == 2 * 2 * 14  # strategies x seeds x (start + 13 months)
    summary = read(tmp_path / "summary.csv")
    assert list(summary[0]) == ["strategy", "metric", "turn", "at", "mean", "median", "p5", "p95"]
    assert {r["at"] for r in summary} == {"12", "end"}  # 36 and 72 are beyond 13 months
    for metric in CHARTS:
        assert (tmp_path / f"{metric}.png").stat().st_size > 10_000
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| passive |" in report and "![homicides_per_100k](homicides_per_100k.png)" in report


def test_the_same_lab_command_twice_gives_identical_csvs(tmp_path):
    assert lab(tmp_path / "a") == 0
    assert lab(tmp_path / "b") == 0
    for name in ("runs.csv", "summary.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_two_jobs_give_the_same_rows_as_one():
    spec = BatchSpec(MEXICO, ("passive", "balanced"), seeds=3, turns=6)
    one, two = run_batch(spec, jobs=1), run_batch(spec, jobs=2)
    assert one == two
    assert summarize(one, 6) == summarize(two, 6)


def test_seed_k_is_the_same_world_for_every_strategy():
    rows = run_batch(BatchSpec(MEXICO, ("passive", "balanced"), seeds=2, turns=0))
    starts = {(r["strategy"], r["seed"]): r["homicides"] for r in rows}
    assert starts[("passive", 1)] == starts[("balanced", 1)]


@pytest.mark.parametrize(
    "extra, message",
    [
        (["--strategies", "passive,decapitaton"], "unknown strategy 'decapitaton'"),
        (["--seeds", "0"], "--seeds must be between"),
        (["--turns", "-3"], "--turns must be between"),
        (["--jobs", "0"], "--jobs must be between"),
        (["--set", "model.nonsense=1"], "the scenario has problems"),
    ],
)
def test_lab_refuses_bad_input_with_a_clear_message_and_exit_2(tmp_path, capsys, extra, message):
    assert lab(tmp_path, *extra) == 2
    assert message in capsys.readouterr().err


def test_lab_refuses_a_missing_scenario_file(tmp_path, capsys):
    code = main(["lab", "--scenario", str(tmp_path / "nope.yaml"), "--out", str(tmp_path)])
    assert code == 2
    assert "hydra:" in capsys.readouterr().err
