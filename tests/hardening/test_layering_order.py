"""The whole order of layers (issue 10, item 7): scenario < sim < ai < lab < text/report < ui <
cli. A module may import its own package and the layers below it, never one above; the base
modules (`game`, `game.blas`, `game.jsonread`, `game.limits`, `game.paths`) import nothing of the game's."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[2] / "game"
BASE = {"__init__", "blas", "jsonread", "limits", "paths"}
RANK = {
    **dict.fromkeys(BASE, 0),
    "scenario": 1,
    "sim": 2,
    "ai": 3,
    "lab": 4,
    "text": 5,
    "report": 5,
    "ui": 6,
    "cli": 7,
    "__main__": 7,
}


def layer_of(module: str) -> str:
    """'game.sim.save.files' -> 'sim'; 'game' -> '__init__'."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def game_imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return [n for n in names if n == "game" or n.startswith("game.")]


def upward(path: Path, mine: str | None = None) -> list[str]:
    """The imports of `path` that reach a layer above its own (or a sibling of its rank)."""
    mine = mine or layer_of(".".join(("game", *path.relative_to(GAME).with_suffix("").parts)))
    bad = []
    for module in game_imports(path):
        theirs = layer_of(module)
        if theirs == mine or module == "game":
            continue
        if theirs not in RANK or RANK[theirs] >= RANK[mine] and RANK[mine] < RANK["cli"]:
            bad.append(module)
    return bad


FILES = sorted(GAME.rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(GAME)))
def test_no_module_imports_a_layer_above_its_own(path):
    assert upward(path) == [], f"{path.relative_to(GAME)} imports {upward(path)}"


def test_every_package_of_the_game_has_a_place_in_the_order():
    layers = {
        layer_of(".".join(("game", *p.relative_to(GAME).with_suffix("").parts))) for p in FILES
    }
    assert layers <= set(RANK), f"unranked: {layers - set(RANK)}"


def test_the_order_check_sees_the_lab_importing_the_cli_or_the_report(tmp_path):
    fake = tmp_path / "lab_module.py"
    fake.write_text(
        "from game.cli import UsageError\nimport game.report.charts\nfrom game.sim import state\n"
    )
    assert upward(fake, mine="lab") == ["game.cli", "game.report.charts"]
    assert upward(fake, mine="cli") == []
