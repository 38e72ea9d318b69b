"""Key moments of a game for the debrief, oldest first: the player's own operations (with how
they went), every fallen leader and what followed (a split or an heir), splits of organisations,
and how homicides moved in the state concerned, e.g.
"month 1: your operation to kill El Jardinero (CJNG) succeeded → CJNG split in 5 → Jalisco
homicides +60%". When there are more than fit, the player's operations and the splits stay.
In a game taken over from history, the moments are those of the player's term (from the
bookmark on): history's operations were not the player's."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.ui.names import sentence_name

BEFORE, AFTER = 3, 6  # months averaged before and after a fall
REMOVED = ("leader_removed", "lieutenant_removed")


@dataclass(frozen=True)
class Moment:
    turn: int
    rank: int  # 0: the player's own operation; 1: a split or a lost mandate; 2: a fallen leader
    text: str


def homicide_change(history, region: int, turn: int) -> float | None:
    """Relative change of a state's monthly homicides: `AFTER` months after vs `BEFORE` before."""
    rows = history.regional_homicides
    before = rows[max(0, turn - BEFORE) : turn]
    after = rows[turn + 1 : turn + 1 + AFTER]
    if not before or len(after) < 2 or not 0 <= region < len(before[0]):
        return None
    b = float(np.mean([r[region] for r in before]))
    a = float(np.mean([r[region] for r in after]))
    return (a - b) / max(b, 1.0)


def key_moments(session, t, limit: int = 8) -> list[str]:
    """Sentences for the moments of the game, oldest first (at most `limit`)."""
    moments = session.history.moments
    used: set[int] = set()  # moments already told as part of another
    found = _operations(session, t, used) + _removals(session, t, used)
    found += _splits(session, t, used)
    found += [
        Moment(
            int(m.get("turn", 0)),
            1,
            t("moment.month", n=m.get("turn", 0)) + ": " + t("moment.mandate_lost"),
        )  # fmt: skip
        for m in moments
        if m.get("kind") == "mandate_lost"
    ]
    first = getattr(session, "bookmark", None) or 1
    found = [m for m in found if m.turn >= first]
    kept = sorted(found, key=lambda m: (m.rank, m.turn))[:limit]
    return [m.text for m in sorted(kept, key=lambda m: (m.turn, m.rank))]


def _operations(session, t, used: set[int]) -> list[Moment]:
    """Each operation the player ordered: its target, and whether it worked (and why not)."""
    from game.sim.operations import HVT
    from game.ui.scenes.faction_view import person_name

    out = []
    moments = session.history.moments
    for turn, order in session.game.order_log:
        if not isinstance(order, HVT):
            continue
        name = person_name(session, order.target)
        aimed = lambda m, target=order.target: (m.get("data") or {}).get("person") == target  # noqa: E731
        hit = _find(moments, turn, REMOVED, aimed)
        if hit is None:
            miss = _find(moments, turn, ("hvt_failed",), aimed)
            if miss is None:
                outcome = t("moment.op_not_done")  # refused: the target was already gone
            else:
                used.add(miss)
                odds = (moments[miss].get("data") or {}).get("odds") or 0.0
                outcome = t("moment.op_failed", odds=f"{odds:.0%}")
            parts = [t(f"moment.op_{order.mode}", name=name) + " " + outcome]
        else:
            used.add(hit)
            parts = [t(f"moment.op_{order.mode}", name=name) + " " + t("moment.op_worked")]
            parts += _aftermath(session, t, moments[hit], used)
        out.append(Moment(turn, 0, t("moment.month", n=turn) + ": " + " → ".join(parts)))
    return out


def _removals(session, t, used: set[int]) -> list[Moment]:
    """Leaders who fell for other reasons (routine arrests, rivals, a US strike)."""
    out = []
    for i, m in enumerate(session.history.moments):
        if i in used or m.get("kind") != "leader_removed":
            continue
        used.add(i)
        data = m.get("data") or {}
        how = t(f"word.{data.get('how', '')}") if data.get("how") else ""
        parts = [t("moment.removed", name=data.get("name", "?"), how=how)]
        parts += _aftermath(session, t, m, used)
        turn = int(m.get("turn", 0))
        out.append(Moment(turn, 2, t("moment.month", n=turn) + ": " + " → ".join(parts)))
    return out


def _splits(session, t, used: set[int]) -> list[Moment]:
    """Organisations that split apart, when that was not already told with their leader's fall."""
    view = session.view
    out = []
    for i, m in enumerate(session.history.moments):
        if i in used or m.get("kind") != "faction_split":
            continue
        faction = view.faction(m.get("faction"))
        if faction is None or faction.local:
            continue
        used.add(i)
        n = len((m.get("data") or {}).get("splinters", []))
        text = t("moment.split", faction=sentence_name(faction, view, t), n=n)
        turn = int(m.get("turn", 0))
        out.append(Moment(turn, 1, t("moment.month", n=turn) + ": " + text))
    return out


def _aftermath(session, t, removal: dict, used: set[int]) -> list[str]:
    """What followed a fall: the split or the heir, and the homicides where it happened."""
    moments, view = session.history.moments, session.view
    turn, fid = int(removal.get("turn", 0)), removal.get("faction")
    parts = []
    kinds = ("faction_split", "succession_clear")
    follow = _find(moments, turn, kinds, lambda m: m.get("faction") == fid)
    if follow is not None:
        used.add(follow)
        after = moments[follow]
        faction = view.faction(fid)
        if after.get("kind") == "faction_split" and faction is not None:
            n = len((after.get("data") or {}).get("splinters", []))
            parts.append(t("moment.split", faction=sentence_name(faction, view, t), n=n))
        elif after.get("kind") == "succession_clear":
            parts.append(t("moment.heir", name=(after.get("data") or {}).get("name", "?")))
    region = removal.get("region")
    if isinstance(region, int):
        change = homicide_change(session.history, region, turn)
        if change is not None:
            name = session.scenario.map.regions[region].name
            parts.append(t("moment.homicides", state=name, change=t.change(change)))
    return parts


def _find(moments, turn: int, kinds, test) -> int | None:
    """The index of the first moment of `kinds` in `turn` that passes `test`."""
    for i, m in enumerate(moments):
        if m.get("kind") in kinds and int(m.get("turn", -1)) == turn and test(m):
            return i
    return None
