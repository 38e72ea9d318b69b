"""The layers of the game and what they may use.

The whole order (issue 10): scenario < sim < ai < lab < text/report < ui < cli. A module may
import its own package and the layers below it, never one above; the base modules (`game`,
`game.blas`, `game.jsonread`, `game.limits`, `game.paths`) import nothing of the game's. The model
(sim, ai, scenario, lab) never imports pygame, and randomness only comes from passed-in
generators."""

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"
MODEL_PACKAGES = ("sim", "ai", "scenario", "lab")
FILES = sorted(GAME.rglob("*.py"))
FORBIDDEN = ("pygame", "pygame_gui", "game.ui")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def model_files():
    return sorted(p for pkg in MODEL_PACKAGES for p in (GAME / pkg).rglob("*.py"))


@pytest.mark.parametrize("path", model_files(), ids=lambda p: str(p.relative_to(GAME)))
def test_model_modules_never_import_the_ui(path):
    bad = [
        m for m in imported_modules(path) if m.split(".")[0] in FORBIDDEN or m.startswith(FORBIDDEN)
    ]
    assert not bad, f"{path} imports {bad}"


@pytest.mark.parametrize("path", model_files(), ids=lambda p: str(p.relative_to(GAME)))
def test_model_modules_never_use_the_global_random_module(path):
    assert "random" not in imported_modules(path)
    source = path.read_text(encoding="utf-8")
    for legacy in ("np.random.seed(", "np.random.rand(", "np.random.randint(", "np.random.choice("):
        assert legacy not in source, f"{path} uses {legacy}"


def test_the_layering_check_sees_a_forbidden_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from game.ui import app\nimport pygame.draw\n")
    assert imported_modules(sample) == ["game.ui", "pygame.draw"]


# --- the order of layers ---------------------------------------------------------------------

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
    names = imported_modules(path)
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
