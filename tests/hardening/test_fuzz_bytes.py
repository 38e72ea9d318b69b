"""Bytes, not trees, through `hydra check` (issue 14): control characters, huge numbers, deep
nesting and bad UTF-8 spliced into a scenario file. Every file is accepted or refused with exit 2
and located problems; every accepted file then plays 24 months (so `check` guarantees the run).

Deterministic (`derandomize=True`); HYDRA_FUZZ=nightly runs ten times as many cases.
"""

from __future__ import annotations

import os

import numpy as np
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.cli import main
from game.lab.runner import run_game
from game.scenario import load_scenario
from tests.hardening.conftest import TINY

BASE = TINY.encode("utf-8")
EXAMPLES = 1500 if os.environ.get("HYDRA_FUZZ") == "nightly" else 150
SPLICES = st.one_of(
    st.binary(max_size=6),
    st.sampled_from(
        [b"\x00", b"\x0c", b"\x1b", b"\x7f", b"\xef\xbf\xbe", b"\xff\xfe", b"\xc3", b"\xed\xa0\x80"]
    ),
    st.sampled_from([b"1e308", b"-1e308", b"1.0e+400", b"99999999999999999999", b".nan", b".inf"]),
    st.sampled_from([b"9999-12", b"0001-01", b"!!python/object:os.system", b"&a [*a]", b"*x"]),
    st.integers(1, 80).map(lambda n: b"[" * n + b"]" * n),
    st.integers(-(10**30), 10**30).map(lambda n: str(n).encode()),
    st.text(max_size=8).map(lambda t: t.encode("utf-8", "surrogatepass")),
)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(at=st.integers(0, len(BASE)), cut=st.integers(0, 8), splice=SPLICES)
@example(at=BASE.index(b"1000000"), cut=7, splice=b"1.0e305")
@example(at=BASE.index(b"2006-12"), cut=7, splice=b"9999-12")
@example(at=0, cut=0, splice=b"# a comment \x00\n")
@example(at=BASE.index(b"name: Tiny") + 8, cut=0, splice=b'"\\0"')
def test_any_bytes_are_refused_with_exit_2_or_play_24_months(tmp_path_factory, at, cut, splice):
    path = tmp_path_factory.mktemp("fuzz") / "case.yaml"
    path.write_bytes(BASE[:at] + splice + BASE[at + cut :])
    status = main(["check", str(path)])
    assert status in (0, 2)
    if status == 2:
        return
    scenario = load_scenario(path)
    game = run_game(scenario, "balanced", 24, seed=1)
    assert np.isfinite(game.state.members).all() and (game.state.members >= 0).all()
