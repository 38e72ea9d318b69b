"""Events into sentences, in English or Spanish (es-MX): what happened and why.

The model's events carry ids and numbers only; the sentences (`event.<kind>`), reasons
(`reason.<cause>`) and words are in the catalogue (game/text/words.py). Faction and region
names come from the state and the map, so they keep their accents in both languages.
"""

from __future__ import annotations

import string

from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.state import GameState
from game.text.names import LONG, faction_label, state_lookup
from game.text.words import LANGUAGES, word

# Events a player should see in the monthly summary (the rest are for the full feed).
HEADLINES = {
    "leader_removed",
    "lieutenant_removed",
    "faction_split",
    "succession_clear",
    "retaliation",
    "hvt_failed",
    "alliance",
    "order_rejected",
    "moved_into",
    "budget_cut",
    "mandate_lost",
    "us_strike_offer",
    "civilians_killed_by_state",
}


def _programme(pid, lang: str) -> str:
    return word(lang, f"programme.{pid}.name", str(pid or ""))


def faction_name(state: GameState, fid: str | None, places=(), lang: str = "en") -> str:
    """A faction's name for a sentence (its short form when the full one is long)."""
    lookup = state_lookup(state)
    info = lookup(fid) if fid else None
    if info is None:
        return fid or ""
    full = faction_label(info, lookup, places, lang)
    return faction_label(info, lookup, places, lang, short=True) if len(full) > LONG else full


def parts(event: Event, state: GameState, scenario: Scenario, lang: str = "en") -> list:
    """One event as a sentence in pieces: [(text, link)], where `link` is "faction:<id>" or
    "region:<index>" for the pieces that name the event's faction, its state or the other
    faction it concerns, and None for the rest. Links come from the event's ids."""
    lang = lang if lang in LANGUAGES else "en"
    template = word(lang, f"event.{event.kind}", "")
    if not template:
        return [(str(event.kind), None)]
    fields = _fields(event, state, scenario, lang)
    other = event.data.get("other") or event.data.get("with")
    links = {
        "faction": f"faction:{event.faction}" if event.faction else None,
        "region": f"region:{event.region}" if event.region is not None else None,
        "other": f"faction:{other}" if other else None,
    }
    out = []
    for literal, name, spec, _ in string.Formatter().parse(template):
        if literal:
            out.append((literal, None))
        if name is not None:
            out.append((format(fields[name], spec or ""), links.get(name)))
    return out


def describe(event: Event, state: GameState, scenario: Scenario, lang: str = "en") -> str:
    """One sentence for an event, in `lang` ('en' or 'es')."""
    return "".join(text for text, _ in parts(event, state, scenario, lang))


def _fields(event: Event, state: GameState, scenario: Scenario, lang: str) -> dict:
    data = dict(event.data)
    places = [r.name for r in scenario.map.regions]

    def name(fid):
        return faction_name(state, fid, places, lang)

    return {
        "faction": name(event.faction),
        "region": scenario.map.regions[event.region].name if event.region is not None else "",
        "cause": word(lang, f"reason.{event.cause}", event.cause or "") if event.cause else "",
        "name": data.get("name", ""),
        "how": _word(lang, data.get("how")),
        "form": _word(lang, data.get("form")),
        "deaths": int(data.get("deaths", 0)),
        "n": len(data.get("splinters", [])),
        "names": ", ".join(name(fid) for fid in data.get("splinters", [])),
        "other": name(data.get("other") or data.get("with")),
        "level": float(data.get("level", 0.0)),
        "problems": "; ".join(data.get("problems", [])),
        "programme": _programme(data.get("programme"), lang),
        "pesos": f"{data.get('pesos', 0.0) / 1e6:,.0f} M$",
        "share": float(data.get("share", 0.0)),
        "onoff": word(lang, "word.on" if data.get("on") else "word.off"),
    }


def _word(lang: str, key) -> str:
    """A word of an event's data (how a leader fell, the form of an attack) in `lang`."""
    return word(lang, f"word.{key}", str(key)) if key else ""
