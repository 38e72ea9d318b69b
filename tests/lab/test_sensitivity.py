"""Sensitivity analysis: SALib samples over the plausible ranges, every strategy in every world,
indices that find the parameter that matters, robustness shares, and a command that checks its
input before running and writes the same bytes every time."""

from __future__ import annotations

import contextlib
import signal
from pathlib import Path

import numpy as np
import pytest

from game.cli import main
from game.lab import sensitivity as sa
from game.lab.batch import scenario_of
from game.scenario.params import BY_NAME, PARAMS

LEVEL = str(Path(__file__).resolve().parents[2] / "levels" / "classroom_24.yaml")
STRONG_AND_NULL = ("recruitment_rate", "strike_relief", "approval_speed")


@contextlib.contextmanager
def time_limit(seconds: int):
    """Fail instead of hanging (a process pool or a cluster that never answers)."""

    def expire(signum, frame):
        raise TimeoutError(f"took more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def plan(strategies=("passive",), metrics=("members",), turns=6) -> sa.Plan:
    return sa.Plan(LEVEL, strategies, metrics, seeds=1, turns=turns)


def test_morris_ranks_recruitment_first_for_members_and_parameters_that_cannot_matter_at_zero():
    design = sa.sample("morris", STRONG_AND_NULL, samples=3, seed=3)
    outcomes = sa.run_worlds(plan(turns=4), design)
    rows = {r["parameter"]: r for r in sa.indices(design, outcomes, ("members",))}
    assert rows["recruitment_rate"]["rank"] == 1
    assert rows["recruitment_rate"]["mu_star"] > 1000  # members, over the plausible range
    assert rows["strike_relief"]["mu_star"] == 0.0  # US strikes cannot happen in four months
    assert rows["approval_speed"]["mu_star"] == 0.0


def test_a_world_is_the_scenario_with_the_sampled_values_exactly():
    design = sa.sample("sobol", ("recruitment_rate", "conflict_rate"), samples=2)
    spec = sa.WorldsSpec(LEVEL, ("passive",), 1, 1, worlds=(design.overrides(3),), first=3)
    (task,) = spec.tasks()
    model = scenario_of(task.recipe).model
    assert model.recruitment_rate == design.values[3, 0]
    assert model.conflict_rate == design.values[3, 1]
    assert task.point == (("world", "3"),)


def test_samples_stay_inside_the_plausible_ranges():
    design = sa.sample("morris", sa.sampled_names(), samples=2)
    low = np.array([BY_NAME[n].low for n in design.names])
    high = np.array([BY_NAME[n].high for n in design.names])
    assert design.worlds == sa.world_count("morris", len(design.names), 2)
    assert (design.values >= low).all() and (design.values <= high).all()


def test_every_parameter_belongs_to_a_section_of_params_py():
    groups = sa.parameter_groups()
    assert list(groups) == [p.name for p in PARAMS]
    assert sa.OTHER_GROUP not in groups.values()
    assert groups["recruitment_rate"] == "members"
    assert groups["strike_relief"] == "politics"


def test_grouped_morris_moves_sections_together_and_reports_per_section():
    names = ("recruitment_rate", "conflict_rate", "strike_relief")
    design = sa.sample("morris", names, samples=2, grouped=True)
    assert design.factors() == ["members", "politics"]
    assert design.worlds == sa.world_count("morris", 2, 2)
    outcomes = sa.run_worlds(plan(turns=2), design)
    rows = sa.indices(design, outcomes, ("members",))
    assert [r["parameter"] for r in rows] == ["members", "politics"]


def test_sobol_reports_total_and_first_order_indices():
    design = sa.sample("sobol", ("recruitment_rate", "strike_relief"), samples=2)
    outcomes = sa.run_worlds(plan(turns=2), design)
    rows = sa.indices(design, outcomes, ("members",))
    assert {"ST", "ST_conf", "S1", "S1_conf", "rank"} <= set(rows[0])
    assert [r["rank"] for r in rows] == [1, 2]


def test_the_end_values_do_not_depend_on_jobs_or_on_how_worlds_are_chunked(monkeypatch):
    design = sa.sample("morris", ("recruitment_rate", "conflict_rate"), samples=2)
    two = plan(("passive", "decapitation"), ("members", "homicides_per_100k"), turns=3)
    one_process = sa.run_worlds(two, design, jobs=1)
    monkeypatch.setattr(sa, "TASKS_PER_CHUNK", 4)  # two worlds at a time
    with time_limit(120):
        two_processes = sa.run_worlds(two, design, jobs=2)
    assert np.array_equal(one_process.values, two_processes.values)
    assert one_process.rows() == two_processes.rows()


def test_a_dask_cluster_gives_the_same_end_values_as_one_process():
    distributed = pytest.importorskip("dask.distributed")
    design = sa.sample("morris", ("recruitment_rate",), samples=1)
    with (
        time_limit(180),
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        remote = sa.run_worlds(plan(turns=2), design, scheduler=cluster.scheduler_address)
    assert np.array_equal(remote.values, sa.run_worlds(plan(turns=2), design).values)


def outcomes_of(table: dict[str, list[float]], metric: str = "homicides_per_100k") -> sa.Outcomes:
    strategies = tuple(table)
    values = np.array([table[s] for s in strategies], dtype=float).T[:, :, None]
    return sa.Outcomes(strategies, (metric,), values)


def test_robustness_counts_the_worlds_where_each_claim_holds_and_the_ties_apart():
    outcomes = outcomes_of({"passive": [10, 10, 10, 10], "decapitation": [12, 9, 10, 11]})
    (share,) = sa.robustness(outcomes)  # only the homicide claim applies: no armed_groups kept
    assert share.claim.text.startswith("decapitation ends with a higher homicide rate")
    assert (share.worlds, share.holds, share.ties) == (4, 2, 1)
    assert share.share == 0.5


def test_balanced_must_beat_every_single_lever_plan_that_was_run():
    outcomes = outcomes_of(
        {
            "passive": [30, 30, 30],
            "balanced": [20, 20, 25],
            "decapitation": [25, 19, 30],
            "prevention": [22, 22, 25],
        }
    )
    shares = {s.claim.strategy: s for s in sa.robustness(outcomes)}
    balanced = shares["balanced"]
    assert balanced.compared_with == ("decapitation", "prevention")
    assert (balanced.holds, balanced.ties) == (1, 1)  # world 1: decapitation lower; 2: a tie
    assert "prevention" not in shares  # its claim is about members, which were not kept


def test_claims_whose_strategies_were_not_run_are_left_out():
    assert sa.robustness(outcomes_of({"passive": [1.0], "balanced": [0.5]})) == []
    fewer = outcomes_of({"passive": [5.0, 5.0], "prevention": [4.0, 6.0]}, metric="members")
    (share,) = sa.robustness(fewer)
    assert share.claim.strategy == "prevention" and share.holds == 1


def command(out: Path, *extra: str) -> list[str]:
    return [
        "sensitivity", "--scenario", LEVEL, "--turns", "2", "--samples", "2",
        "--params", "recruitment_rate,conflict_rate", "--metrics", "members",
        "--strategies", "passive,decapitation", "--jobs", "1", "--out", str(out), *extra,
    ]  # fmt: skip


def test_the_same_command_twice_writes_byte_identical_tables(tmp_path, capsys):
    assert main(command(tmp_path / "a")) == 0
    first = capsys.readouterr().out
    assert main(command(tmp_path / "b")) == 0
    assert "How robust is the lesson?" in first and "decapitation ends with" in first
    for name in ("samples.csv", "outcomes.csv", "indices.csv", "report.md"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert (tmp_path / "a" / "sensitivity.png").stat().st_size > 0
    report = (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    assert "## How robust is the lesson?" in report and "What drives members" in report


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (["--params", "recruitment_rte"], "did you mean 'recruitment_rate'"),
        (["--metrics", "homicide_per_100k"], "did you mean 'homicides_per_100k'"),
        (["--method", "sobbol"], "invalid choice"),
        (["--samples", "0"], "--samples must be between 1"),
        (["--method", "sobol", "--samples", "3"], "power of two"),
        (["--strategies", "passive,decap"], "unknown strategy"),
        (["--params", "recruitment_rate", "--set", "model.recruitment_rate=0.002"], "fixed"),
    ],
)
def test_bad_input_exits_2_with_a_message_before_anything_runs(tmp_path, capsys, change, message):
    args = command(tmp_path / "out")
    for n in range(0, len(change), 2):
        if change[n] in args:
            args[args.index(change[n]) + 1] = change[n + 1]
        else:
            args += change[n : n + 2]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert "] 0/" not in err  # the progress bar never started


def test_an_output_folder_that_cannot_be_written_is_refused_before_running(tmp_path, capsys):
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    assert main(command(blocker)) == 2
    err = capsys.readouterr().err
    assert "cannot write to" in err and "] 0/" not in err
