"""Faction names on screen, in the player's language (game/text/names.py makes them from what a
faction is: a splinter's parent and founder, a local group's number and home state)."""

from __future__ import annotations

from game.text.names import LONG, faction_label
from game.ui.text import clean


def _lookup(view):
    """Finds a faction's record by id in the player's view (the living and the archived)."""
    if view is None:
        return lambda fid: None
    records = {f.id: f for f in getattr(view, "archive", ())}
    records.update({f.id: f for f in view.factions})
    return records.get


def record(view, fid: str):
    """The record of faction `fid`, living or dissolved, or None."""
    return _lookup(view)(fid)


def _places(view) -> list[str]:
    return list(getattr(view, "places", ()))


def display_name(faction, view, t) -> str:
    """`faction` (a FactionEstimate or Faction) named in `t`'s language."""
    return clean(faction_label(faction, _lookup(view), _places(view), t.lang), 200)


def short_name(faction, view, t) -> str:
    """The short form (tables, map labels): the scenario's short name, or one made from the
    parent and founder of a splinter, or a local group's number."""
    return clean(faction_label(faction, _lookup(view), _places(view), t.lang, short=True), 60)


def sentence_name(faction, view, t) -> str:
    """The name as sentences use it: the short name when the full one is long."""
    name = display_name(faction, view, t)
    return name if len(name) <= LONG else short_name(faction, view, t)
