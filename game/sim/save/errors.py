"""The one exception that leaves the save loader, and how its messages are located."""

from __future__ import annotations


class SaveError(Exception):
    """A save that cannot be read; the message says what is wrong and where, for the player."""


def refuse(name: str, problems: list[str], limit: int = 12) -> SaveError:
    """One SaveError listing located problems (`save.json: state.turn: ...`), the first `limit`."""
    shown = [f"{name}: {p}" for p in problems[:limit]]
    if len(problems) > limit:
        shown.append(f"{name}: ... and {len(problems) - limit} more problems")
    return SaveError("\n".join(shown))
