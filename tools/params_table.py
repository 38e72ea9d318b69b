"""Print the model's parameters as Markdown tables (for docs/model.md), grouped as in
game/scenario/params.py.

    python tools/params_table.py > /tmp/params.md
"""

from __future__ import annotations

import re
from pathlib import Path

from game.scenario.params import BY_NAME

SOURCE = Path(__file__).resolve().parents[1] / "game" / "scenario" / "params.py"


def groups() -> list[tuple[str, list[str]]]:
    """(title, parameter names) in the order of params.py's `# --- title ---` comments."""
    out: list[tuple[str, list[str]]] = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        title = re.match(r"\s*# --- (.+?) -+$", line)
        name = re.match(r'\s*P\("(\w+)"', line)
        if title:
            out.append((title.group(1), []))
        elif name and out:
            out[-1][1].append(name.group(1))
    return out


def number(x: float) -> str:
    return f"{x:g}"


def table(names: list[str]) -> str:
    rows = [
        "| parameter | default | plausible range | kind | what it is | source |",
        "|---|---|---|---|---|---|",
    ]
    for n in names:
        p = BY_NAME[n]
        rows.append(
            f"| `{n}` | {number(p.default)} | {number(p.low)}–{number(p.high)} | {p.kind} | "
            f"{p.unit} | {p.source} |"
        )
    return "\n".join(rows)


def main() -> None:
    for title, names in groups():
        print(f"### {title[0].upper()}{title[1:]}\n\n{table(names)}\n")


if __name__ == "__main__":
    main()
