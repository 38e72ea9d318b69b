"""End of term: a scored evaluation with a grade and the reasons for it.

The score weighs what the research says matters for people, not what makes headlines: the
homicide rate above all, civilians killed by the state, how many armed groups roam, how much of
the country the state controls, the drug flow, and whether the planner kept the mandate. Reasons
are codes with numbers; the UI and the CLI turn them into words.
"""

from __future__ import annotations

from dataclasses import dataclass

GRADES = ((85, "A"), (70, "B"), (55, "C"), (40, "D"), (0, "F"))


@dataclass(frozen=True)
class Reason:
    """One line of the evaluation: what changed, by how much, and the points it earned."""

    code: str
    start: float
    end: float
    points: float


@dataclass(frozen=True)
class Evaluation:
    score: float
    grade: str
    reasons: tuple[Reason, ...]


def _change(start: float, end: float) -> float:
    return (end - start) / start if start else 0.0


def evaluate(national: list[dict]) -> Evaluation:
    """Score a term from its national rows (row 0 = the start, the last row = the end)."""
    first, last = national[0], national[-1]
    civilians = sum(r["civilians_killed_by_state"] for r in national[1:])
    months = max(len(national) - 1, 1)
    parts = [
        # Homicides: -50% earns 40 points, +50% costs 40.
        Reason(
            "homicide_rate",
            first["homicides_per_100k"],
            last["homicides_per_100k"],
            -80.0
            * max(min(_change(first["homicides_per_100k"], last["homicides_per_100k"]), 0.5), -0.5),
        ),
        # Civilians killed by the state: every 10 a year costs a point, at most 15.
        Reason(
            "civilians_killed_by_state",
            0.0,
            civilians,
            -min(15.0, civilians / months * 12.0 / 10.0),
        ),
        Reason(
            "armed_groups",
            first["armed_groups"],
            last["armed_groups"],
            -20.0 * max(min(_change(first["armed_groups"], last["armed_groups"]), 0.5), -0.5),
        ),
        Reason(
            "state_control",
            first["state_control"],
            last["state_control"],
            100.0 * max(min(last["state_control"] - first["state_control"], 0.15), -0.15),
        ),
        Reason(
            "drug_flow",
            first["drug_flow"],
            last["drug_flow"],
            -20.0 * max(min(_change(first["drug_flow"], last["drug_flow"]), 0.25), -0.25),
        ),
        Reason(
            "approval",
            first["approval"],
            last["approval"],
            max(min((last["approval"] - 40.0) / 4.0, 5.0), -10.0),
        ),
    ]
    score = max(0.0, min(100.0, 50.0 + sum(r.points for r in parts)))
    grade = next(letter for floor, letter in GRADES if score >= floor)
    return Evaluation(round(score, 1), grade, tuple(parts))
