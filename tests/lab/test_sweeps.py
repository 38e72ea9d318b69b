"""Sweeps (Mesa's batch_run): swept scenario values crossed with strategies and seeds, as columns
of every row; the same rows on local processes and on a Dask cluster."""

from pathlib import Path

import pytest

from game.lab.batch import BatchSpec, metric_names, run_batch, summarize, swept_keys

LEVEL = str(Path(__file__).resolve().parents[2] / "levels" / "classroom_24.yaml")
SWEEP = (("model.recruitment_rate", ("0.002", "0.004")),)


def spec(**kw):
    return BatchSpec(LEVEL, ("passive",), seeds=2, turns=6, sweep=SWEEP, **kw)


def test_every_swept_value_is_crossed_with_strategies_and_seeds_and_is_a_column():
    rows = run_batch(spec())
    ends = [r for r in rows if r["turn"] == 6]
    assert len(ends) == 2 * 2  # two values x two seeds
    assert swept_keys(rows) == ["model.recruitment_rate"]
    assert "model.recruitment_rate" not in metric_names(rows)
    low = [r["recruits"] for r in ends if r["model.recruitment_rate"] == "0.002"]
    high = [r["recruits"] for r in ends if r["model.recruitment_rate"] == "0.004"]
    assert min(high) > max(low)  # the swept value really changed the model


def test_summaries_keep_swept_values_apart():
    rows = run_batch(spec())
    groups = {r["strategy"] for r in summarize(rows, 6)}
    assert groups == {
        "passive model.recruitment_rate=0.002",
        "passive model.recruitment_rate=0.004",
    }


def test_a_dask_cluster_gives_the_same_rows_as_one_process():
    distributed = pytest.importorskip("dask.distributed")
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        remote = run_batch(spec(), scheduler=cluster.scheduler_address)
    assert remote == run_batch(spec())
