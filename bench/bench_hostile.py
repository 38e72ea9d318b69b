"""How fast hostile scenario files are refused: a file over the 5 MB limit, and alias bombs
("billion laughs") whose expansion would be 10^9 to 10^10 values.

Prints one JSON object per line: {"case", "refused_ms"} (the slowest of a few tries).
Target (issue 14): every case refused in under 1 s (the 5 MB file) or 2 s (the bombs).
Run: python bench/bench_hostile.py
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from game.scenario import ScenarioError, load_scenario


def alias_bomb(width: int, depth: int) -> str:
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]" for i in range(1, depth)]
    return "\n".join(lines) + "\n"


def refused_ms(path: Path, tries: int = 3) -> float:
    worst = 0.0
    for _ in range(tries):
        started = time.perf_counter()
        try:
            load_scenario(path)
        except ScenarioError:
            pass
        else:
            raise SystemExit(f"{path.name} was accepted")
        worst = max(worst, time.perf_counter() - started)
    return round(worst * 1000, 1)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        cases = {
            "file_over_5_mb": b"[" * (5 * 1024 * 1024 + 1),
            "alias_bomb_10x10": alias_bomb(10, 10).encode(),
            "alias_bomb_9x9": alias_bomb(9, 9).encode(),
        }
        for case, data in cases.items():
            path = Path(folder) / f"{case}.yaml"
            path.write_bytes(data)
            print(json.dumps({"case": case, "refused_ms": refused_ms(path)}))


if __name__ == "__main__":
    main()
