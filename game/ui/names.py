"""Faction names in the player's language, made when they are shown.

The model names the factions it creates in Spanish ("Grupo local 10 (Nayarit)", "CJNG – facción
de El Cachanilla"). The screens rebuild those names from what the faction is — a local group's
number and home state, a splinter's parent and the alias of the lieutenant who founded it — so
an English game reads in English. Names from the scenario file are shown as they are.
"""

from __future__ import annotations

import re

from game.ui.text import clean

LOCAL = re.compile(r"^Grupo local (\d+) \((.+)\)$")  # game/scenario/localgroups.py
SPLINTER = " – facción de "  # game/sim/leadership.py: f"{parent.short} – facción de {alias}"
LONG = 40  # characters; a longer name shows as the faction's short name in sentences


def display_name(faction, view, t) -> str:
    """`faction` (a FactionEstimate or FactionInfo) named in `t`'s language."""
    name = clean(faction.name, 200)
    if getattr(faction, "local", False) and not faction.parent:
        number = faction.id.rsplit("_", 1)[-1]
        match = LOCAL.match(name)
        if number.isdigit():
            home = match.group(2) if match else None
            return t("names.local", n=number, home=home) if home else t("names.local_n", n=number)
    if faction.parent and SPLINTER in name:
        parent = view.faction(faction.parent) if view is not None else None
        prefix = parent.short if parent is not None else name.split(SPLINTER, 1)[0]
        return t("names.splinter", parent=clean(prefix, 60), alias=name.split(SPLINTER, 1)[1])
    return name


def sentence_name(faction, view, t) -> str:
    """The name as sentences use it: the short name when the full one is long."""
    name = display_name(faction, view, t)
    return clean(faction.short, 60) if len(name) > LONG else name


def translate(sentence: str, view, t) -> str:
    """A sentence from `game.narrate` with the Spanish names of generated factions replaced by
    their names in `t`'s language (the model's words are already translated)."""
    if t.lang == "es" or view is None:
        return sentence
    for f in view.factions:
        if (f.local or f.parent) and f.name in sentence:
            sentence = sentence.replace(f.name, display_name(f, view, t))
    return sentence
