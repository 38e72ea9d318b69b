"""Events into sentences, in English or Spanish (es-MX): what happened and why.

The model's events carry ids and numbers only; this module owns the words. Faction and region
names come from the state and the map, so they keep their accents in both languages.
"""

from __future__ import annotations

import string

from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.state import GameState
from game.text.names import LONG, faction_label, state_lookup

REASONS = {
    "en": {
        "route": "a trafficking route runs through it",
        "vacuum": "a rival there has lost its leaders",
        "weak_state": "police and courts there are weak",
        "market": "it is a large market",
        "intel_pressure": "the state's intelligence is closing in",
        "unwatched": "nobody is watching it closely",
        "revenue_fell": "its trafficking income fell",
        "no_route_access": "it has no share of the trafficking routes",
        "common_enemy": "they share an enemy",
        "dominates_plaza": "it dominates the plaza",
        "lost_leaders": "revenge for its fallen leaders",
        "leaderless": "the organisation had no leader",
        "routine": "routine enforcement",
        "hvt_kill": "a high-value-target operation (kill)",
        "hvt_capture": "a high-value-target operation (capture)",
        "leader_removed": "its leader fell",
        "lieutenant_removed": "a lieutenant fell",
        "recruitment": "recruitment",
        "attrition": "losses",
        "forced": "an experiment",
        "order": "your order",
        "approval": "approval collapsed",
        "us_pressure": "US pressure",
        "us_strike": "a US strike",
        "troops": "troops",
        "most_violent": "the most violent organisation",
        "state": "the state",
        "long_deployment": "a long military deployment",
    },
    "es": {
        "route": "por ahí pasa una ruta del tráfico",
        "vacuum": "un rival perdió a sus líderes allí",
        "weak_state": "la policía y los juzgados son débiles allí",
        "market": "es un mercado grande",
        "intel_pressure": "la inteligencia del Estado lo tiene cercado",
        "unwatched": "nadie lo vigila de cerca",
        "revenue_fell": "cayeron sus ingresos del tráfico",
        "no_route_access": "no tiene parte en las rutas del tráfico",
        "common_enemy": "comparten un enemigo",
        "dominates_plaza": "domina la plaza",
        "lost_leaders": "venganza por sus líderes caídos",
        "leaderless": "la organización no tenía líder",
        "routine": "operativos de rutina",
        "hvt_kill": "un operativo contra un objetivo prioritario (abatir)",
        "hvt_capture": "un operativo contra un objetivo prioritario (capturar)",
        "leader_removed": "cayó su líder",
        "lieutenant_removed": "cayó un lugarteniente",
        "recruitment": "el reclutamiento",
        "attrition": "sus bajas",
        "forced": "un experimento",
        "order": "tu orden",
        "approval": "se desplomó la aprobación",
        "us_pressure": "presión de EE. UU.",
        "us_strike": "un ataque estadounidense",
        "troops": "las tropas",
        "most_violent": "la organización más violenta",
        "state": "el Estado",
        "long_deployment": "un despliegue militar prolongado",
    },
}

TEMPLATES = {
    "en": {
        "leader_removed": "{faction}: leader {name} {how} in {region} ({cause}).",
        "lieutenant_removed": "{faction}: lieutenant {name} {how} in {region} ({cause}).",
        "succession_clear": "{faction}: {name} takes command ({cause}); the organisation holds.",
        "faction_split": "{faction} splits into {n} warring factions: {names} ({cause}).",
        "plaza_shaken": "{faction}: the plaza of {region} is up for grabs.",
        "hvt_failed": "Operation against {name} ({faction}) failed in {region}.",
        "moved_into": "{faction} moves into {region}: {cause}.",
        "reinforced": "{faction} reinforces {region}: {cause}.",
        "lies_low": "{faction} lies low: {cause}.",
        "confronts": "{faction} turns to open confrontation: {cause}.",
        "retaliation": "{faction} strikes back at the state in {region} ({form}, {deaths} dead): {cause}.",
        "alliance": "{faction} allies with {other}: {cause}.",
        "absorbed": "{faction} absorbs {other}: {cause}.",
        "turns_to_extortion": "{faction} turns to extortion: {cause}.",
        "armed_group_formed": "{faction} is now an armed group.",
        "group_formed": "A new local group appears in {region}: {faction}.",
        "group_dissolved": "{faction} falls apart ({cause}).",
        "group_dismantled": "Police and prosecutors dismantle {faction} in {region}.",
        "targeting": "Conditional targeting: {onoff}. The most violent organisation is targeted first.",
        "target_chosen": "{faction} is now the most violent organisation: it is targeted first.",
        "armed_group_dissolved": "{faction} has fallen apart ({cause}).",
        "interdiction_set": "Interdiction in {region} set to {level:.0%}.",
        "order_rejected": "Order refused: {problems}.",
        "allocation_set": "Budget: {programme} set to {pesos} a month.",
        "budget_cut": "The budget is cut by {share:.0%} ({cause}).",
        "mandate_lost": "Congress and the public withdraw their support: the mandate is lost.",
        "us_strike_offer": "Washington offers to strike a cartel leader on Mexican soil.",
        "us_offer_refused": "You refuse Washington's offer of a strike.",
        "us_strike": "A US strike hits a cartel target.",
        "extradited": "A prisoner is extradited to the United States.",
        "us_cooperation": "US intelligence cooperation: {onoff}.",
        "civilians_killed_by_state": "{deaths} civilians killed by security forces in {region}.",
    },
    "es": {
        "leader_removed": "{faction}: su líder {name} fue {how} en {region} ({cause}).",
        "lieutenant_removed": "{faction}: el lugarteniente {name} fue {how} en {region} ({cause}).",
        "succession_clear": "{faction}: {name} toma el mando ({cause}); la organización se mantiene.",
        "faction_split": "{faction} se divide en {n} facciones en guerra: {names} ({cause}).",
        "plaza_shaken": "{faction}: la plaza de {region} queda en disputa.",
        "hvt_failed": "Falló el operativo contra {name} ({faction}) en {region}.",
        "moved_into": "{faction} entra en {region}: {cause}.",
        "reinforced": "{faction} refuerza {region}: {cause}.",
        "lies_low": "{faction} baja el perfil: {cause}.",
        "confronts": "{faction} pasa a la confrontación abierta: {cause}.",
        "retaliation": "{faction} ataca al Estado en {region} ({form}, {deaths} muertos): {cause}.",
        "alliance": "{faction} se alía con {other}: {cause}.",
        "absorbed": "{faction} absorbe a {other}: {cause}.",
        "turns_to_extortion": "{faction} se vuelca a la extorsión: {cause}.",
        "armed_group_formed": "{faction} ya es un grupo armado.",
        "group_formed": "Surge un nuevo grupo local en {region}: {faction}.",
        "group_dissolved": "{faction} se desintegra ({cause}).",
        "group_dismantled": "Policía y fiscales desarticulan a {faction} en {region}.",
        "targeting": "Persecución condicionada: {onoff}. La organización más violenta es el primer objetivo.",
        "target_chosen": "{faction} es ahora la organización más violenta: es el primer objetivo.",
        "armed_group_dissolved": "{faction} se desintegró ({cause}).",
        "interdiction_set": "Interdicción en {region}: {level:.0%}.",
        "order_rejected": "Orden rechazada: {problems}.",
        "allocation_set": "Presupuesto: {programme}, {pesos} al mes.",
        "budget_cut": "Recorte de {share:.0%} al presupuesto ({cause}).",
        "mandate_lost": "El Congreso y la opinión pública retiran su apoyo: pierdes el mandato.",
        "us_strike_offer": "Washington ofrece atacar a un líder criminal en suelo mexicano.",
        "us_offer_refused": "Rechazas la oferta de ataque de Washington.",
        "us_strike": "Un ataque estadounidense alcanza a un objetivo criminal.",
        "extradited": "Un preso es extraditado a Estados Unidos.",
        "us_cooperation": "Cooperación de inteligencia con EE. UU.: {onoff}.",
        "civilians_killed_by_state": "{deaths} civiles muertos por fuerzas de seguridad en {region}.",
    },
}

WORDS = {
    "en": {
        "killed": "killed",
        "captured": "captured",
        "ambush": "ambushes",
        "blockade": "road blockades",
        "burned_vehicles": "burned vehicles",
    },
    "es": {
        "killed": "abatido",
        "captured": "capturado",
        "ambush": "emboscadas",
        "blockade": "bloqueos carreteros",
        "burned_vehicles": "quema de vehículos",
    },
}

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
    from game.sim.levers import BY_ID

    return BY_ID[pid].name[lang] if pid in BY_ID else str(pid or "")


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
    lang = lang if lang in TEMPLATES else "en"
    template = TEMPLATES[lang].get(event.kind)
    if template is None:
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
    words = WORDS[lang]
    places = [r.name for r in scenario.map.regions]

    def name(fid):
        return faction_name(state, fid, places, lang)

    return {
        "faction": name(event.faction),
        "region": scenario.map.regions[event.region].name if event.region is not None else "",
        "cause": REASONS[lang].get(event.cause or "", event.cause or ""),
        "name": data.get("name", ""),
        "how": words.get(data.get("how", ""), data.get("how", "")),
        "form": words.get(data.get("form", ""), data.get("form", "")),
        "deaths": int(data.get("deaths", 0)),
        "n": len(data.get("splinters", [])),
        "names": ", ".join(name(fid) for fid in data.get("splinters", [])),
        "other": name(data.get("other") or data.get("with")),
        "level": float(data.get("level", 0.0)),
        "problems": "; ".join(data.get("problems", [])),
        "programme": _programme(data.get("programme"), lang),
        "pesos": f"{data.get('pesos', 0.0) / 1e6:,.0f} M$",
        "share": float(data.get("share", 0.0)),
        "onoff": ("on" if data.get("on") else "off")
        if lang == "en"
        else ("activa" if data.get("on") else "suspendida"),
    }
