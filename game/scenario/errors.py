"""Problems found in a scenario, the exception that carries them, and "did you mean" hints.

A `Problem` is located by a path into the YAML tree (``factions[2].lieutenants[0].home``); the
loader collects every problem before raising one `ScenarioError`, so an author fixes a file in
one pass instead of one error at a time.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Loc = tuple  # a path into the tree: str keys and int list indices

_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_\-]+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario.

    Attributes:
        path: where in the tree, e.g. ``"factions[2].lieutenants[0].home"``; empty when the
            problem is with the file as a whole.
        message: what is wrong, in words an author can act on.
        file: the file (or ``"<memory>"``) it was found in.
    """

    path: str
    message: str
    file: str = ""

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path else ""
        return f"{self.file or '<memory>'}: {where}{self.message}"


class ScenarioError(Exception):
    """A scenario could not be loaded; `problems` lists every reason found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def format_path(loc: Iterable) -> str:
    """Render a loc tuple as ``factions[2].members.JAL`` (odd keys quoted: ``regions["a b"]``)."""
    out = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            out += f"[{part}]"
        elif isinstance(part, str) and _PLAIN_KEY.match(part):
            out += f".{part}" if out else part
        else:
            shown = f'"{part}"' if isinstance(part, str) else repr(part)
            out += f"[{shown}]"
    return out


def fold(text: str) -> str:
    """Fold case, accents and spacing so that "michoacan" matches "Michoacán"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


def closest(word: object, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `word` (ignoring case and accents), or None if none is close."""
    if not isinstance(word, str):
        return None
    by_folded: dict[str, str] = {}
    for c in candidates:
        by_folded.setdefault(fold(c), c)
    match = difflib.get_close_matches(fold(word), list(by_folded), n=1, cutoff=0.6)
    return by_folded[match[0]] if match else None


def did_you_mean(word: object, candidates: Iterable[str]) -> str:
    """`` — did you mean 'x'?`` when a candidate is close to `word`, else an empty string."""
    hit = closest(word, candidates)
    return f" — did you mean '{hit}'?" if hit else ""


def shorten(value: object, limit: int = 60) -> str:
    """A repr of `value` cut to `limit` characters, for quoting bad input in messages."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."
