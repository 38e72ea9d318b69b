"""The documentation keeps up with the code: every model parameter is in docs/model.md."""

from pathlib import Path

from game.scenario.params import PARAMS

ROOT = Path(__file__).resolve().parents[1]


def test_every_model_parameter_is_documented_with_its_range_and_source():
    text = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    missing = [p.name for p in PARAMS if f"| `{p.name}` | " not in text]
    assert not missing, f"run python tools/params_table.py and update docs/model.md: {missing}"
