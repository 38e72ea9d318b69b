"""Saving and loading sessions in the saves folder, with autosaves (the last five are kept).

Files are `game.sim.save` saves; the desktop game's own memory (national series, the history the
charts need, this month's pending orders) travels in the save's `meta`. Loading anything damaged
raises `SaveError` with a message for the player, never another exception.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

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
    """Write a save named `name` (or one named after the scenario and month); returns its path."""
    name = name or f"{session.scenario.id}-{session.view.national.get('date', '')}"
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


def peek(path: Path) -> dict:
    """The meta of a save without checking it (for the list); {} when unreadable."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        meta = data.get("meta", {}) if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}
    if not isinstance(meta, dict):
        return {}
    return {k: meta.get(k) for k in ("scenario_name", "scenario_name_es", "date", "turn")}


def load_session(path: Path) -> Session:
    """The session stored in `path`; SaveError with a clear message when it cannot be used."""
    from game.lab.replay import load_game_file
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
        session = Session(game, meta.get("scenario_file", ""), meta.get("difficulty", "normal"))
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
