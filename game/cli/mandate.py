"""Months after the planner lost the mandate: marked in the lab's rows and reported both ways.

A run whose approval fell below the floor would have ended for a real planner; the model plays on
so every run covers the same months. Rows carry `mandate_lost` (0 in office, 1 from the month the
mandate was lost on; game/sim/metrics.py reads it from the state), and the report shows the end
both with those months and as each planner left office.
"""

from __future__ import annotations

from game.lab.batch import by_group
from game.lab.report import headline, markdown_table

COLUMN = "mandate_lost"


def mark_mandate(rows: list[dict]) -> list[dict]:
    """The rows with a `mandate_lost` column, 1 from the first month out of office (per run;
    rows of saves written before the column existed get 0)."""
    lost: set[str] = set()
    for row in rows:
        run = row["run_id"]
        if row.get(COLUMN):
            lost.add(run)
        row[COLUMN] = int(run in lost)
    return rows


def as_left_office(rows: list[dict]) -> list[dict]:
    """Each run cut at its last month in office, that month standing in for the end."""
    end = max(r["turn"] for r in rows)
    last: dict[str, dict] = {}
    for row in rows:
        if not row[COLUMN]:
            last[row["run_id"]] = row
    return [{**row, "turn": end} for row in last.values()]


def lost_counts(rows: list[dict], key: str = "strategy") -> dict[str, tuple[int, int]]:
    """{group: (runs that lost the mandate, runs)}."""
    runs: dict[str, dict[str, int]] = {}
    for row in rows:
        runs.setdefault(row[key], {})
        seen = runs[row[key]].get(row["run_id"], 0)
        runs[row[key]][row["run_id"]] = max(seen, row[COLUMN])
    return {g: (sum(r.values()), len(r)) for g, r in runs.items()}


def report_section(rows: list[dict], key: str = "strategy") -> str:
    """The report's paragraph and table on lost mandates (empty when no run lost it)."""
    counts = lost_counts(rows, key)
    if not any(lost for lost, _ in counts.values()):
        return ""
    told = "; ".join(f"{g}: {lost} of {n} runs" for g, (lost, n) in counts.items())
    table = headline(as_left_office(rows), key) if by_group(rows, key) else []
    return "\n".join(
        [
            "## Runs that lost the mandate",
            "",
            f"The planner lost the mandate (approval below the floor) in {told}. The table above "
            "counts every month to the end, as if the planner had stayed; the runs.csv column "
            "`mandate_lost` marks the months after the loss. Below, each run ends the month its "
            "planner left office (runs that kept the mandate end at the end):",
            "",
            markdown_table(table),
            "",
        ]
    )
