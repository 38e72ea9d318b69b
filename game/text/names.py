"""Names of the factions the game creates, in the player's language.

The model records structure, not text: a splinter knows its parent and the alias of its founder,
a new local group its home state. These functions make the names players read, in English or
Spanish (es-MX), from that structure; the scenario's own factions keep the names it gives them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from game.text.words import word

LONG = 40  # names longer than this are shortened in sentences


def faction_label(info, lookup: Callable[[str], object | None], places, lang: str = "en",
                  short: bool = False) -> str:  # fmt: skip
    """The name of a faction record in `lang`.

    Args:
        info: a `Faction`.
        lookup: finds another faction's record by id (for a splinter's parent), or None.
        places: region names by index (for a local group's home).
        short: the short form (tables, map labels).
    """
    if info.local and not info.parent:  # local groups: always from their number and state
        number = info.id.rsplit("_", 1)[-1]
        if short:
            return f"L{number}"
        place = places[info.home] if info.home is not None and info.home < len(places) else None
        return (
            word(lang, "name.local").format(n=number, place=place)
            if place
            else word(lang, "name.local_n").format(n=number)
        )
    if info.name and not (short and info.short):
        return info.name
    if info.short and short:
        return info.short
    if info.parent and info.founder:
        parent = lookup(info.parent)
        parent_short = faction_label(parent, lookup, places, lang, True) if parent else info.parent
        if short:
            return f"{parent_short}-{info.founder.split()[-1]}"
        return word(lang, "name.splinter").format(parent=parent_short, founder=info.founder)
    return info.id


def state_lookup(state) -> Callable[[str], object | None]:
    """Finds a faction record by id among the living and the archived."""
    records = {f.id: f for f in _all(state)}
    return records.get


def _all(state) -> Iterable:
    yield from state.factions
    yield from state.archive
