"""The model never depends on the UI, and randomness only comes from passed-in generators."""

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"
MODEL_PACKAGES = ("sim", "ai", "scenario", "lab")
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
