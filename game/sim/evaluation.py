"""End of term: a scored evaluation with a grade and the reasons for it.

The score weighs what the research says matters for people, not what makes headlines: the
homicide rate above all, civilians killed by the state, how many armed groups roam, how much of
the country the state controls, the drug flow, and whether the planner kept the mandate. Reasons
are codes with numbers; the UI and the CLI turn them into words.

A term is judged against a reference. Given `baseline` — the national rows of the same world and
seed played with no plan (the status quo) — each metric is scored against where doing nothing
would have left it at the same month, so a plan that holds back a worsening world scores well.
Without one, against the start of the term (which blames the planner for a world that worsens
by itself). Pure: the caller plays the status quo.
"""

from __future__ import annotations

from dataclasses import dataclass

GRADES = ((85, "A"), (70, "B"), (55, "C"), (40, "D"), (0, "F"))


@dataclass(frozen=True)
class Reason:
    """One line of the evaluation: what changed, by how much, and the points it earned.

    `start` is the value when the term began, `end` when it ended, `baseline` what doing nothing
    gives at the same month (None when the term was scored against its start).
    """

    code: str
    start: float
    end: float
    points: float
    baseline: float | None = None


@dataclass(frozen=True)
class Evaluation:
    score: float
    grade: str
    reasons: tuple[Reason, ...]
    against_baseline: bool = False


def _change(reference: float, end: float) -> float:
    return (end - reference) / reference if reference else 0.0


def _clip(value: float, low: float, high: float) -> float:
    return max(min(value, high), low)


def _civilians(rows: list[dict]) -> float:
    """Civilians killed by the state over the term (each row holds that month's count)."""
    return float(sum(r["civilians_killed_by_state"] for r in rows[1:]))


def evaluate(national: list[dict], baseline: list[dict] | None = None) -> Evaluation:
    """Score a term from its national rows (row 0 = the start, the last row = the end), against
    `baseline` (the status quo's rows, row k = month k) when given, else against the start."""
    first, last = national[0], national[-1]
    months = max(len(national) - 1, 1)
    civilians = _civilians(national)
    if baseline:
        ref = baseline[min(len(national), len(baseline)) - 1]
        ref_civilians = _civilians(baseline[: len(national)])
    else:
        ref, ref_civilians = first, None

    def reason(code: str, key: str, points: float, end=None, base=None) -> Reason:
        end = last[key] if end is None else end
        start = 0.0 if code == "civilians_killed_by_state" else first[key]
        shown = (ref[key] if base is None else base) if baseline else None
        return Reason(code, float(start), float(end), float(points), shown)

    homicides = _change(ref["homicides_per_100k"], last["homicides_per_100k"])
    groups = _change(ref["armed_groups"], last["armed_groups"])
    flow = _change(ref["drug_flow"], last["drug_flow"])
    control = last["state_control"] - ref["state_control"]
    parts = [
        # Homicides: 50% fewer earns 40 points, 50% more costs 40.
        reason("homicide_rate", "homicides_per_100k", -80.0 * _clip(homicides, -0.5, 0.5)),
        # Civilians killed by the state: every 10 a year costs a point (at most 15); against the
        # status quo, every 10 a year fewer than it earns one (at most 15).
        reason(
            "civilians_killed_by_state",
            "civilians_killed_by_state",
            _civilian_points(civilians, ref_civilians, months),
            end=civilians,
            base=ref_civilians,
        ),
        reason("armed_groups", "armed_groups", -20.0 * _clip(groups, -0.5, 0.5)),
        reason("state_control", "state_control", 100.0 * _clip(control, -0.15, 0.15)),
        reason("drug_flow", "drug_flow", -20.0 * _clip(flow, -0.25, 0.25)),
        reason("approval", "approval", _approval_points(last["approval"], ref, baseline)),
    ]
    score = max(0.0, min(100.0, 50.0 + sum(r.points for r in parts)))
    grade = next(letter for floor, letter in GRADES if score >= floor)
    return Evaluation(round(score, 1), grade, tuple(parts), bool(baseline))


def _civilian_points(civilians: float, reference: float | None, months: int) -> float:
    per_year = 12.0 / months / 10.0  # points per civilian: one for every 10 a year
    if reference is None:
        return -min(15.0, civilians * per_year)
    return _clip((reference - civilians) * per_year, -15.0, 15.0)


def _approval_points(approval: float, ref: dict, baseline) -> float:
    """Keeping the mandate: against the start, approval above 40 earns up to 5 points and below
    it costs up to 10; against the status quo, 4 points of approval more or less earn or cost
    one (the same bounds)."""
    reference = ref["approval"] if baseline else 40.0
    return _clip((approval - reference) / 4.0, -10.0, 5.0)
