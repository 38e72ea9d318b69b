"""Saving and loading sessions in the saves folder, with autosaves (the last five are kept).

Files are `game.sim.save` saves; the desktop game's own memory (national series, the history the
charts need, this month's pending orders) travels in the save's `meta`. Loading anything damaged
raises `SaveError` with a message for the player, never another exception.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from game.jsonread import SAVE_LIMITS, read_json_bounded
from game.ui import dates
from game.ui.text import clean

if TYPE_CHECKING:  # the model is imported when a game is saved or loaded, not to list saves
    from game.ui.session import Session

AUTOSAVE_PREFIX = "autosave-"
AUTOSAVES_KEPT = 5


@dataclass(frozen=True)
class SaveInfo:
    """A save file as listed on the load screen."""

    path: Path
    name: str
    mtime: float
    auto: bool


def slug(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower()
    return text[:40] or "save"


def save_session(session: Session, folder: Path, name: str | None = None) -> Path:
    """Write a save named `name` (or one named after the scenario and the month being planned,
    as the top bar shows it); returns its path."""
    when = dates.months(session)
    name = name or f"{session.scenario.id}-{when.planning or when.played or 'start'}"
    path = Path(folder) / f"{slug(name)}.json"
    _write(session, path)
    session.dirty = False
    session.save_name = path.stem
    return path


def autosave(session: Session, folder: Path) -> Path:
    """Write an autosave and delete all but the newest `AUTOSAVES_KEPT`."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    path = Path(folder) / f"{AUTOSAVE_PREFIX}{stamp}-t{session.state.turn:03d}.json"
    _write(session, path)
    autos = [s for s in list_saves(folder) if s.auto]
    for old in autos[AUTOSAVES_KEPT:]:
        old.path.unlink(missing_ok=True)
    return path


def _write(session: Session, path: Path) -> None:
    from game.sim.save import save_game

    save_game(path, session.state, session.scenario.raw, session.order_log(), session.meta())


def list_saves(folder: Path) -> list[SaveInfo]:
    """Saves in `folder`, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    out = []
    for path in folder.glob("*.json"):
        try:
            mtime = path.stat().st_mtime
        except OSError:
            continue
        out.append(SaveInfo(path, path.stem, mtime, path.name.startswith(AUTOSAVE_PREFIX)))
    return sorted(out, key=lambda s: (-s.mtime, s.name))


def latest(folder: Path, auto_only: bool = False) -> SaveInfo | None:
    saves = [s for s in list_saves(folder) if s.auto or not auto_only]
    return saves[0] if saves else None


NAME_LIMIT = 80  # characters of a scenario's name shown in the list


def peek(path: Path) -> dict | None:
    """What the load list shows of a save, read without trusting the file: None when it cannot
    be read; otherwise each field checked (a wrong type or an impossible value becomes None)."""
    try:
        data = read_json_bounded(path, SAVE_LIMITS)
    except (OSError, ValueError):  # unreadable, too big, too deep or not JSON (JsonRefused)
        return None
    meta = data.get("meta") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        return None
    out = {k: _name(meta.get(k)) for k in ("scenario_name", "scenario_name_es")}
    out["date"] = meta.get("date") if dates.parse(meta.get("date")) else None
    out["planning"] = meta.get("planning") if dates.parse(meta.get("planning")) else None
    out["turn"] = _count(meta.get("turn"))
    out["total"] = _count(meta.get("total"))
    out["finished"] = meta.get("finished") is True
    return out


def _name(value) -> str | None:
    return clean(value, NAME_LIMIT) if isinstance(value, str) else None


def _count(value) -> int | None:
    """A month count from a file: a whole number of a plausible size, else None."""
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 100_000
    return value if ok else None


def describe(info: dict | None, t) -> tuple[str, str] | None:
    """(scenario name, where the game stands) of a peeked save in `t`'s language; None when the
    save is unreadable or says nothing usable."""
    if not info:
        return None
    name = info.get(f"scenario_name_{t.lang}") or info.get("scenario_name") or ""
    turn, total = info.get("turn"), info.get("total")
    if info.get("finished") and turn is not None:
        when = dates.Months(None, info.get("date"), max(turn, 1), total or turn, True)
    elif turn is not None and (info.get("planning") or info.get("date")):
        planning = info.get("planning") or dates.add_months(info["date"], 1)
        when = dates.Months(planning, info.get("date"), turn + 1, total or 0, False)
    else:
        return (name, "?") if name else None
    if not when.total:  # saves from before the term length was kept: the month alone
        return name, t.month(when.planning or when.played)
    return name, dates.label(t, when)


def load_session(path: Path) -> Session:
    """The session stored in `path`; SaveError with a clear message when it cannot be used."""
    from game.lab.replay import bookmark_of, load_game_file
    from game.lab.runner import Game
    from game.sim.order_types import order_from_dict
    from game.sim.save import SaveError
    from game.ui.session import History, Session

    scenario, payload = load_game_file(path)
    meta = payload.get("meta") or {}
    try:
        game = Game(scenario, payload["state"])
        game.order_log = [order_from_dict(item) for item in payload.get("orders", [])]
        game.national = list(meta.get("national") or [])
        session = Session(
            game,
            meta.get("scenario_file", ""),
            meta.get("difficulty", "normal"),
            bookmark=bookmark_of(meta),
        )
        if meta.get("history"):
            session.history = History.from_dict(meta["history"])
        session.pending = [order_from_dict(item)[1] for item in meta.get("pending", [])]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise SaveError(f"{path}: the save is incomplete ({exc})") from None
    if not game.national:
        from game.sim import metrics

        game.national = [metrics.national(game.state, scenario)]
    session.dirty = False
    session.save_name = Path(path).stem
    return session
