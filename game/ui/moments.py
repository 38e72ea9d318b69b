"""Key moments of a game for the debrief: each fallen leader, what followed (a split or an heir)
and how homicides moved in his state in the months after, e.g.
"month 7: El Jardinero killed → CJNG split in three → Jalisco homicides +60%"."""

from __future__ import annotations

import numpy as np

from game.text.narrate import WORDS, faction_name

BEFORE, AFTER = 3, 6  # months averaged before and after a fall


def homicide_change(history, region: int, turn: int) -> float | None:
    """Relative change of a state's monthly homicides: `AFTER` months after vs `BEFORE` before."""
    rows = history.regional_homicides
    before = rows[max(0, turn - BEFORE) : turn]
    after = rows[turn + 1 : turn + 1 + AFTER]
    if not before or len(after) < 2:
        return None
    b = float(np.mean([r[region] for r in before]))
    a = float(np.mean([r[region] for r in after]))
    return (a - b) / max(b, 1.0)


def key_moments(session, t, limit: int = 8) -> list[str]:
    """Sentences for the leaders removed during the game, oldest first."""
    history = session.history
    regions = session.scenario.map.regions
    state = session.state
    out = []
    for m in history.moments:
        if m.get("kind") != "leader_removed":
            continue
        turn, fid, region = int(m["turn"]), m.get("faction"), m.get("region")
        data = m.get("data", {})
        how = WORDS.get(t.lang, WORDS["en"]).get(data.get("how", ""), data.get("how", ""))
        parts = [t("moment.removed", name=data.get("name", "?"), how=how)]
        follow = _follow(history.moments, fid, turn)
        if follow is not None and follow.get("kind") == "faction_split":
            n = len(follow.get("data", {}).get("splinters", []))
            parts.append(t("moment.split", faction=faction_name(state, fid), n=n))
        elif follow is not None:
            parts.append(t("moment.heir", name=follow.get("data", {}).get("name", "?")))
        if region is not None:
            change = homicide_change(history, int(region), turn)
            if change is not None:
                parts.append(
                    t("moment.homicides", state=regions[int(region)].name, change=f"{change:+.0%}")
                )
        out.append(t("moment.month", n=turn) + ": " + " → ".join(parts))
    return out[:limit]


def _follow(moments, fid, turn) -> dict | None:
    for m in moments:
        same = m.get("faction") == fid and int(m.get("turn", -1)) == turn
        if same and m.get("kind") in ("faction_split", "succession_clear"):
            return m
    return None
