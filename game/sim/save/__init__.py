"""Saves: versioned JSON with a checksum, written atomically.

A save holds the validated scenario tree (so it loads without the original file), the state, the
order log and free metadata. The checksum is a sha256 over the canonical JSON of everything else,
so any edit or truncation is caught. Writing goes to a temporary file in the same folder, is
flushed and fsynced, then renamed over the target: a crash mid-save leaves the old save intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from game.sim.state import GameState, from_dict, to_dict

SAVE_FORMAT = "hydra-save"
SAVE_VERSION = 1
MAX_SAVE_BYTES = 200 * 1024 * 1024


class SaveError(Exception):
    """A save that cannot be read; the message says what is wrong, for the player."""


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode("utf-8")


def encode_save(state: GameState, scenario_tree: dict, order_log: list, meta: dict) -> bytes:
    """The bytes of a save file."""
    payload = {
        "format": SAVE_FORMAT,
        "version": SAVE_VERSION,
        "meta": meta,
        "scenario": scenario_tree,
        "state": to_dict(state),
        "orders": order_log,
    }
    payload["checksum"] = hashlib.sha256(_canonical(payload)).hexdigest()
    return json.dumps(payload, sort_keys=True, default=str).encode("utf-8")


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write `data` to `path` so that a crash leaves either the old file or the new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    if hasattr(os, "O_DIRECTORY"):
        dir_fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def save_game(path, state: GameState, scenario_tree: dict, order_log=(), meta=None) -> None:
    write_atomic(path, encode_save(state, scenario_tree, list(order_log), dict(meta or {})))


def decode_save(data: bytes, name: str = "save") -> dict:
    """Check and parse save bytes; SaveError with a clear reason when anything is wrong."""
    try:
        payload = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SaveError(f"{name}: not a Hydra save (damaged or not JSON: {exc})") from None
    if not isinstance(payload, dict) or payload.get("format") != SAVE_FORMAT:
        raise SaveError(f"{name}: not a Hydra save file")
    if payload.get("version") != SAVE_VERSION:
        raise SaveError(
            f"{name}: saved by another version of Hydra (save version {payload.get('version')!r}, "
            f"this game reads version {SAVE_VERSION})"
        )
    stored = payload.pop("checksum", None)
    if stored != hashlib.sha256(_canonical(payload)).hexdigest():
        raise SaveError(f"{name}: the save is damaged or was edited (checksum does not match)")
    try:
        payload["state"] = from_dict(payload["state"])
    except (KeyError, TypeError, ValueError) as exc:
        raise SaveError(f"{name}: the saved state is incomplete ({exc})") from None
    return payload


def load_save(path) -> dict:
    """Read a save: {'meta', 'scenario' (tree), 'state' (GameState), 'orders'}."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_SAVE_BYTES:
            raise SaveError(f"{path}: too large to be a Hydra save")
        data = path.read_bytes()
    except OSError as exc:
        raise SaveError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    return decode_save(data, str(path))
