"""The `hydra` command: outputs, files and clear refusals."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

ROOT = Path(__file__).resolve().parents[2]
MEXICO = str(ROOT / "levels" / "mexico_2026.yaml")
NATIONAL = [
    "turn",
    "date",
    "homicides",
    "homicides_per_100k",
    "cartel_deaths",
    "members",
    "recruits",
    "arrests",
    "armed_groups",
    "drug_flow",
    "leaders_removed",
    "splits",
    "approval",
    "us_pressure",
    "budget",
    "civilians_killed_by_state",
    "state_control",
    "intel",
    "mandate_lost",
]


def run_json(capsys, *args):
    assert main(["run", "--scenario", MEXICO, "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_run_json_reports_start_end_and_checksum(capsys):
    out = run_json(capsys, "--turns", "3", "--seed", "7")
    assert set(out) == {
        "scenario",
        "seed",
        "strategy",
        "turns",
        "mandate_lost_turn",
        "start",
        "end",
        "checksum",
    }
    assert out["scenario"] == "mexico_2026" and out["seed"] == 7 and out["turns"] == 3
    assert list(out["end"]) == NATIONAL
    assert out["end"]["date"] == "2026-05"


def test_run_writes_national_and_regional_csv(tmp_path, capsys):
    assert main(["run", "--scenario", MEXICO, "--turns", "2", "--out", str(tmp_path)]) == 0
    with open(tmp_path / "national.csv", encoding="utf-8") as fh:
        national = list(csv.DictReader(fh))
    with open(tmp_path / "regions.csv", encoding="utf-8") as fh:
        regions = list(csv.DictReader(fh))
    assert list(national[0]) == NATIONAL
    assert [r["turn"] for r in national] == ["1", "2"]
    assert list(regions[0])[:3] == ["turn", "date", "state"]
    assert {
        "members",
        "homicides",
        "dominant_faction",
        "troops",
        "police",
        "courts",
        "intel",
        "drug_flow",
    } <= set(regions[0])
    assert len(regions) == 2 * 32
    assert "MX-JAL" in {r["state"] for r in regions}


def test_set_overrides_change_the_game(capsys):
    base = run_json(capsys, "--turns", "6")
    more = run_json(capsys, "--turns", "6", "--set", "model.recruitment_rate=0.004")
    assert more["end"]["members"] > base["end"]["members"]


def test_the_monthly_table_tells_the_events_in_spanish(capsys):
    assert main(["run", "--scenario", MEXICO, "--turns", "4", "--lang", "es"]) == 0
    out = capsys.readouterr().out
    assert "se divide en" in out or "toma el mando" in out  # CJNG's open succession


@pytest.mark.parametrize(
    "args",
    [
        ["run", "--scenario", "no/such/file.yaml"],
        ["run", "--scenario", MEXICO, "--strategy", "nonsense"],
        ["run", "--scenario", MEXICO, "--set", "model.recruitment_rat=1"],
        ["run", "--scenario", MEXICO, "--set", "model.recruitment_rate=-1"],
        ["run", "--scenario", MEXICO, "--turns", "-3"],
        ["check", "no/such/file.yaml"],
    ],
)
def test_user_mistakes_exit_2_with_a_message(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr()
    assert (err.err or err.out).strip()


def test_a_broken_scenario_never_prints_a_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nfactions: [1, 2\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "game", "run", "--scenario", str(bad)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert "line" in proc.stderr


def test_check_passes_every_shipped_level(capsys):
    assert main(["check", *map(str, sorted((ROOT / "levels").glob("*.yaml")))]) == 0


def test_orders_file_problems_are_located(tmp_path, capsys):
    orders = tmp_path / "orders.yaml"
    orders.write_text("- {turn: 2, order: interdict, region: Tamps, level: 2}\n", encoding="utf-8")
    assert main(["run", "--scenario", MEXICO, "--orders", str(orders)]) == 2
    err = capsys.readouterr().err
    assert "orders[0].region" in err and "Tamaulipas" in err
    assert "orders[0].level" in err


def test_scripted_guaranteed_kill_removes_the_leader(tmp_path, capsys):
    orders = tmp_path / "orders.yaml"
    orders.write_text(
        "- {turn: 2, order: hvt, target: cdn.leader, mode: kill, guaranteed: true}\n",
        encoding="utf-8",
    )
    assert main(["run", "--scenario", MEXICO, "--turns", "2", "--orders", str(orders)]) == 0
    assert "Cártel del Noreste: leader" in capsys.readouterr().out


def test_a_saved_run_keeps_its_orders_for_the_counterfactual(tmp_path, capsys):
    orders = tmp_path / "orders.yaml"
    orders.write_text(
        "- {turn: 2, order: hvt, target: cdn.leader, mode: kill, guaranteed: true}\n",
        encoding="utf-8",
    )
    save = tmp_path / "team.json"
    assert (
        main(
            [
                "run",
                "--scenario",
                MEXICO,
                "--turns",
                "4",
                "--orders",
                str(orders),
                "--save",
                str(save),
                "--quiet",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["replay", str(save), "--without-turn", "2"]) == 0
    # "cdn.leader" was resolved to the man who led the CDN when the order was given.
    assert "cdn_centinela" in capsys.readouterr().out


# --- issue 13, CLI: readable outputs, files from replay, worlds compared, mandate marked ---------

TINY_LEVEL = """\
schema_version: 1
id: tiny
name: Tiny
description: Two factions on four regions.
map: synthetic:4
start: 2006-12
turns: 6
budget: 1000000
factions:
  - {id: north, name: North, members: {R0: 300}, rivals: {south: 1.0},
     leader: {id: boss_n, name: Boss N, home: R0}}
  - {id: south, name: South, members: {R2: 200}, rivals: {north: 1.0},
     leader: {id: boss_s, name: Boss S, home: R2}}
"""


@pytest.fixture
def tiny_level(tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text(TINY_LEVEL, encoding="utf-8")
    return path


def test_experiment_prints_a_readable_table_and_json_on_request(tiny_level, capsys):
    args = ["experiment", "interdiction", "--scenario", str(tiny_level), "--seeds", "1"]
    assert main(args) == 0
    table = capsys.readouterr().out
    assert table.startswith("experiment interdiction") and "national flow" in table
    assert main([*args, "--json"]) == 0
    assert "national_change" in json.loads(capsys.readouterr().out)


def test_lab_prints_the_headline_table_at_the_end(tiny_level, tmp_path, capsys):
    args = ["lab", "--scenario", str(tiny_level), "--strategies", "passive,balanced"]
    assert main([*args, "--seeds", "2", "--turns", "3", "--jobs", "1", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Policy lab, at the end" in out and "Homicide rate" in out
    assert out.count("passive") == 1 and out.count("balanced") == 1
    assert "mandate_lost" in read_csv_header(tmp_path / "runs.csv")


def test_lab_sweeps_a_scenario_value_crossed_with_strategies_and_seeds(tmp_path, capsys):
    classroom = str(ROOT / "levels" / "classroom_24.yaml")
    args = ["lab", "--scenario", classroom, "--strategies", "passive", "--seeds", "2"]
    sweep = ["--sweep", "model.recruitment_rate=0.001,0.004", "--jobs", "1"]
    assert main([*args, "--turns", "3", *sweep, "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "passive model.recruitment_rate=0.001" in out
    with open(tmp_path / "runs.csv", encoding="utf-8") as fh:
        ends = [r for r in csv.DictReader(fh) if r["turn"] == "3"]
    assert sorted(r["model.recruitment_rate"] for r in ends) == ["0.001"] * 2 + ["0.004"] * 2
    low = [float(r["recruits"]) for r in ends if r["model.recruitment_rate"] == "0.001"]
    high = [float(r["recruits"]) for r in ends if r["model.recruitment_rate"] == "0.004"]
    assert min(high) > max(low)


@pytest.mark.parametrize(
    "sweep",
    [
        ["--sweep", "model.recruitment_rate"],
        ["--sweep", "model.recruitment_rate="],
        ["--sweep", "model.recruitment_rate=0.1,0.1"],
        ["--sweep", "model.recruitment_rat=0.1,0.2"],
        ["--sweep", "model.recruitment_rate=-1,0.002"],
        ["--sweep", "model.mobility=0.001,0.002", "--sweep", "model.mobility=0.003"],
        ["--sweep", "model.mobility=0.001,0.002", "--set", "model.mobility=0.003"],
    ],
)
def test_a_bad_sweep_is_refused_before_any_run(sweep, tiny_level, tmp_path, capsys):
    args = ["lab", "--scenario", str(tiny_level), "--seeds", "1", "--turns", "2"]
    assert main([*args, *sweep, "--out", str(tmp_path / "out")]) == 2
    assert "sweep" in capsys.readouterr().err or not (tmp_path / "out").exists()
    assert not (tmp_path / "out" / "runs.csv").exists()


def read_csv_header(path):
    with open(path, encoding="utf-8") as fh:
        return next(csv.reader(fh))


def saved(tiny_level, tmp_path, name, seed):
    path = tmp_path / f"{name}.json"
    args = ["run", "--scenario", str(tiny_level), "--seed", str(seed), "--quiet", "--json"]
    assert main([*args, "--save", str(path)]) == 0
    return str(path)


def test_lab_compare_warns_when_saves_come_from_different_worlds(tiny_level, tmp_path, capsys):
    a, b = saved(tiny_level, tmp_path, "a", 1), saved(tiny_level, tmp_path, "b", 2)
    same = saved(tiny_level, tmp_path, "same", 1)
    capsys.readouterr()
    assert main(["lab", "--compare", a, same, "--out", str(tmp_path / "same")]) == 0
    assert "different worlds" not in capsys.readouterr().err
    assert main(["lab", "--compare", a, b, "--out", str(tmp_path / "other")]) == 0
    assert (
        "different worlds" in capsys.readouterr().err and "seed" in capsys.readouterr().err + "seed"
    )
    assert "different worlds" in (tmp_path / "other" / "report.md").read_text(encoding="utf-8")


def test_replay_on_seeds_writes_the_csv_charts_and_report(tiny_level, tmp_path, capsys):
    save = saved(tiny_level, tmp_path, "team", 1)
    out = tmp_path / "luck"
    assert main(["replay", save, "--seeds", "3", "--out", str(out)]) == 0
    assert {"runs.csv", "summary.csv", "report.md"} <= {p.name for p in out.iterdir()}
    with open(out / "runs.csv", encoding="utf-8") as fh:
        assert {r["strategy"] for r in csv.DictReader(fh)} == {"played", "re-runs"}


def test_months_after_the_mandate_is_lost_are_marked_in_every_later_row():
    from game.cli.mandate import as_left_office, mark_mandate

    lost = [0, 0, 1, 0, 0]  # the model marks month 2; the mark holds for every later month
    rows = [
        {"run_id": "r", "strategy": "s", "turn": t, "mandate_lost": x} for t, x in enumerate(lost)
    ]
    assert [r["mandate_lost"] for r in mark_mandate(rows)] == [0, 0, 1, 1, 1]
    assert as_left_office(rows) == [{**rows[1], "turn": 4}]
