"""The scripted history planner: Mexico's security policy from December 2006, era by era.

It reads `levels/data/history_2006_2025.yaml` (presidencies with planner settings 0-1, operations
by state and month, the National Guard, US cooperation, leader removals, transfers to the US) and
gives, month by month, the orders a planner would have given to follow that history: the budget
moved to each era's efforts (`EFFORTS`, written as data below with the reason for each choice),
troops surged where the joint operations went, and the real leader removals in their months.

Removals are mapped to the scenario's people (`PEOPLE`): the person himself when the scenario has
him and he is still active; otherwise a stand-in from his organisation (its descendants, since the
model's organisations split in their own way) with the role he had: the leader, or a lieutenant
(preferably one based in the state where it happened). In an experiment (`state.experiment`, as in
`hydra backtest`) the operations are guaranteed, so the removals happen as they did; in an
ordinary game they are attempted at the odds of the day.

Splits, alliances and wars are never scripted: they must come from the model.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import yaml

from game.ai.planners import allocate
from game.paths import LEVELS_DIR
from game.scenario.types import Scenario
from game.sim import levers, metrics
from game.sim.calendar import month_date
from game.sim.operations import HVT
from game.sim.orders import Order
from game.sim.politics import Extradite, UsCooperation
from game.sim.state import GameState

HISTORY_FILE = LEVELS_DIR / "data" / "history_2006_2025.yaml"

# --- era settings -> programme efforts (1 = full funding; status quo in brackets) ---------------
# (programme, where, era setting, effort at setting 0, effort at setting 1). `where`: "all" every
# state, "ops" the states of the era's operations, "rest" the other states, "hot" the 16 states
# with most homicides last year, "cold" the others, "ports" states with crossings or seaports,
# "nation" a national line. Our judgement, anchored on the status quo (levers.py) so that a
# middling setting keeps a programme near where the model's institutions are at rest.
EFFORTS: tuple[tuple[str, str, str, float, float], ...] = (
    # Presence everywhere [0.3]: the army patrolled in most states in every era; force 0.6 gives
    # about the status quo, Calderón's 0.8 a little more.
    ("troops", "rest", "force_level", 0.15, 0.40),
    # Joint operations: thousands of soldiers sent to one state (6,500 to Michoacán in Dec 2006,
    # tens of thousands by 2009): well above full effort there at Calderón's 0.8 (1.22).
    ("troops", "ops", "force_level", 0.50, 1.40),
    # Checkpoints at crossings and ports [0.3] follow the force posture.
    ("interdiction", "ports", "force_level", 0.20, 0.50),
    # National intelligence [0.5]: Calderón's 0.3 keeps about the status quo (0.57); Sheinbaum's
    # intelligence-led 0.8 funds it at 1.1.
    ("intel_national", "nation", "intelligence", 0.30, 1.30),
    # Regional intelligence [0.2] follows the troops: more where the operations are.
    ("intel_state", "ops", "intelligence", 0.20, 1.20),
    ("intel_state", "rest", "intelligence", 0.10, 0.50),
    # Financial intelligence [0.3]: asset freezes belong to the intelligence posture.
    ("financial_intel", "nation", "intelligence", 0.10, 1.20),
    # Police [0.5], local integrity [0.3] and prisons [0.5] follow `institutions`; its 0.4 (every
    # era but one) funds them a little above the status quo (police 0.58).
    ("police", "all", "institutions", 0.30, 1.00),
    ("local_integrity", "all", "institutions", 0.15, 0.60),
    ("prisons", "nation", "institutions", 0.30, 1.00),
    # Courts [0.5] follow `courts_reform`: 0.2 under Calderón (reform voted 2008, slow) to 0.5
    # when the adversarial system was in force (2016).
    ("courts", "all", "courts_reform", 0.30, 1.00),
)
# `hvt_tempo` has no line here: the real removals are scripted below, and the model's routine
# enforcement (`leader_attrition`, calibrated on the 37 most wanted) already takes leaders every
# month; more operations from the tempo would count the same removals twice.
# Prevention splits between targeted youth programmes (where violence is) and untargeted
# transfers; the share that was targeted is our reading of each era's programmes (FACTS.md F5).
TARGETED = {
    "calderon": 0.5,  # small programmes, some local (Todos Somos Juárez, 2010)
    "pena_nieto": 0.6,  # PRONAPRED (2013) chose its municipalities by violence
    "lopez_obrador": 0.1,  # Jóvenes Construyendo el Futuro: 2.6 million, not targeted
    "sheinbaum": 0.2,  # the same programmes, plus 'attention to causes'
}
YOUTH = (0.05, 1.20)  # youth [0.1] in the hottest states, at prevention x targeted 0 and 1
YOUTH_COLD = 0.3  # the other states get this share of it
TRANSFERS = (0.30, 1.20)  # transfers [0.5], at prevention x untargeted 0 and 1
HOT_STATES = 16

OPERATION_MONTHS = 72  # troops stayed for years after an operation began; no end dates are
# published, so an operation holds its state for a six-year term from its first month
NATIONAL_GUARD = ("2019-06", 0.10)  # deployed from June 2019 (history file, López Obrador
# troops): a new force of presence and patrol, over 100,000 by 2024: +0.1 troops everywhere
TROOP_POOL_USED = 0.58  # stay just inside the army's units (levers.TROOP_POOL)
BUDGET_USED = 0.98  # and inside the budget: targets are scaled down together when they are not

# US intelligence cooperation, (month, on). Mérida Initiative: announced 2007-10, first funds
# 2008 (history file). December 2020: the National Security Law reform restricting foreign
# agents (public record, not in the history file). February 2025: the transfers and the border
# deployment under US pressure (history file, Sheinbaum).
US_COOPERATION = (("2008-01", True), ("2020-12", False), ("2025-02", True))

# --- removals: who in the history file is who in the scenario --------------------------------------
LEADER, LIEUTENANT = "leader", "lieutenant"
# history `person` -> (person id in levels/history_2006.yaml or None, role when removed)
PEOPLE: dict[str, tuple[str | None, str]] = {
    "Alfredo Beltrán Leyva": ("blo_alfredo", LIEUTENANT),
    "Eduardo Arellano Félix": ("tijuana_doctor", LEADER),
    "Vicente Zambada Niebla": (None, LIEUTENANT),  # El Mayo's son, a logistics chief
    "Vicente Carrillo Leyva": (None, LIEUTENANT),  # Amado Carrillo Fuentes' son
    "Arturo Beltrán Leyva": ("blo_arturo", LEADER),
    "Teodoro García Simental": ("tijuana_teo", LIEUTENANT),  # a splinter's head
    "Ignacio Coronel Villarreal": ("sinaloa_coronel", LIEUTENANT),
    "Édgar Valdez Villarreal": ("blo_barbie", LIEUTENANT),
    "Antonio Ezequiel Cárdenas Guillén": ("golfo_tony", LIEUTENANT),  # co-leader
    "Nazario Moreno González": ("familia_chayo", LEADER),
    "José de Jesús Méndez Vargas": ("familia_chango", LEADER),  # led La Familia after 2010
    "Jorge Eduardo Costilla Sánchez": ("golfo_coss", LEADER),
    "Heriberto Lazcano Lazcano": ("golfo_lazca", LEADER),  # of Los Zetas
    "Miguel Ángel Treviño Morales": ("golfo_z40", LEADER),  # of Los Zetas
    "Joaquín Guzmán Loera": ("sinaloa_chapo", LEADER),
    "Enrique Plancarte Solís": ("familia_plancarte", LIEUTENANT),  # a Templario co-leader
    "Fernando Sánchez Arellano": ("tijuana_ingeniero", LEADER),
    "Héctor Beltrán Leyva": ("blo_hector", LEADER),
    "Vicente Carrillo Fuentes": ("juarez_viceroy", LEADER),
    "Servando Gómez Martínez": ("familia_tuta", LEADER),  # of the Caballeros Templarios
    "Omar Treviño Morales": (None, LEADER),  # of Los Zetas after his brother
    "Dámaso López Núñez": (None, LIEUTENANT),
    "Ovidio Guzmán López": (None, LIEUTENANT),
    "José Antonio Yépez Ortiz": (None, LEADER),
    "Rafael Caro Quintero": (None, LEADER),
    "Ismael Zambada García": ("sinaloa_zambada", LEADER),  # the cartel's head by 2024
    "Joaquín Guzmán López": (None, LIEUTENANT),
    "Nemesio Oseguera Cervantes": (None, LEADER),
}
# history `org` -> the 2006 faction whose descendants stand for it (absent: no such organisation
# in the 2006 scenario: Santa Rosa de Lima, Caro Quintero's network)
ORGANISATIONS = {
    "sinaloa": "sinaloa",
    "sinaloa_faction": "sinaloa",
    "los_chapitos": "sinaloa",
    "beltran_leyva": "blo",
    "beltran_leyva_faction": "blo",
    "gulf": "golfo",
    "zetas": "golfo",  # Los Zetas were the Gulf cartel's armed wing in 2006
    "juarez": "juarez",
    "tijuana": "tijuana",
    "tijuana_splinter": "tijuana",
    "la_familia": "familia",
    "caballeros_templarios": "familia",  # split from La Familia (2011)
    "cjng": "milenio",  # grew out of the Milenio network (history file, splits 2010-08)
}
# outcomes that removed someone, as an operation mode; the reported death of El Chayo (2010) is
# played as a killing: his organisation behaved as if he were dead (La Familia split in 2011)
MODES = {
    "captured": "capture",
    "taken_to_us": "capture",
    "killed": "kill",
    "killed_reported": "kill",
}
# transfers to the US: `all` sends every prisoner the state holds (the mass transfers of 2025);
# the "routine extraditions" of the earlier eras have no names or months in the record
EXTRADITIONS = {
    "2017-01": ("sinaloa_chapo",),  # Guzmán extradited 2017-01-19 (history file, Peña Nieto)
    "2025-02": "all",  # 29 on 2025-02-27 (history file, Sheinbaum)
    "2025-08": "all",  # 26 on 2025-08-12
}


@dataclass(frozen=True)
class Removal:
    """One real removal as the planner plays it."""

    month: str
    person: str  # as the history file names him
    pid: str | None  # his id in the scenario, if it has him
    role: str
    root: str | None  # the 2006 faction standing for his organisation
    state: str  # where it happened (region code)
    mode: str
    to_us: bool  # taken straight to the United States
    repeat: bool  # the same man was already removed earlier in the record


@lru_cache(maxsize=4)
def load_history(path: str = str(HISTORY_FILE)) -> dict:
    """The history file as plain data (read once per process)."""
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=4)
def removals(path: str = str(HISTORY_FILE)) -> tuple[Removal, ...]:
    """The history file's removals that took someone out, in order, mapped to the scenario."""
    out, seen = [], set()
    for item in load_history(path)["removals"]:
        mode = MODES.get(item["outcome"])
        if mode is None:  # escaped, released: nobody was removed
            continue
        pid, role = PEOPLE.get(item["person"], (None, LEADER))
        root = ORGANISATIONS.get(item["org"])
        to_us = item["outcome"] == "taken_to_us"
        repeat = item["person"] in seen
        out.append(
            Removal(
                item["month"], item["person"], pid, role, root, item["state"], mode, to_us, repeat
            )  # fmt: skip
        )
        seen.add(item["person"])
    return tuple(out)


def month_of(scenario: Scenario, turn: int) -> str:
    return month_date(scenario, turn).strftime("%Y-%m")


def era(month: str, path: str = str(HISTORY_FILE)) -> dict | None:
    """The presidency in office in `month` (None outside the record)."""
    for p in load_history(path)["presidencies"]:
        if p["start"] <= month and (p["end"] is None or month <= p["end"]):
            return p
    return None


def plan(state: GameState, scenario: Scenario, turn: int) -> list[Order]:
    """The orders of month `turn` as history gave them."""
    month = month_of(scenario, turn)
    office = era(month)
    if office is None:
        return []
    orders: list[Order] = []
    if turn == 1 or month.endswith("-01") or month in _change_months():
        wanted = targets(state, scenario, office, month)
        orders += allocate(state, scenario, _changed(state, scenario, wanted))
    wanted = _cooperation(month)
    if wanted is not None and wanted != state.us_cooperation:
        orders.append(UsCooperation(wanted))
    orders += removal_orders(state, scenario, month)
    orders += _extraditions(state, month)
    return orders


# --- the budget -------------------------------------------------------------------------------------


def operation_states(month: str, path: str = str(HISTORY_FILE)) -> set[str]:
    """States of the operations under way in `month` (begun in the last OPERATION_MONTHS)."""
    states: set[str] = set()
    for p in load_history(path)["presidencies"]:
        for op in p.get("operations") or ():
            if 0 <= _months_between(op["month"], month) < OPERATION_MONTHS:
                states.update(op["states"])
    return states


def targets(state: GameState, scenario: Scenario, office: dict, month: str) -> dict:
    """Effort by (programme, region) for the era in office and the operations under way."""
    settings = office["planner"]
    regions = scenario.map.regions
    ops = operation_states(month)
    hot = set(np.argsort(-metrics.regional_rates(state.homicide_history, scenario))[:HOT_STATES])
    places = {
        "all": range(len(regions)),
        "ops": [r for r, x in enumerate(regions) if x.code in ops],
        "rest": [r for r, x in enumerate(regions) if x.code not in ops],
        "ports": [r for r, x in enumerate(regions) if x.crossings or x.seaports],
        "nation": [None],
    }
    out = {("interdiction", r): 0.0 for r in range(len(regions))}
    for pid, where, key, low, high in EFFORTS:
        for r in places[where]:
            out[(pid, r)] = low + (high - low) * settings[key]
    guard = _months_between(NATIONAL_GUARD[0], month) >= 0
    for r in places["all"]:
        out[("troops", r)] += NATIONAL_GUARD[1] * guard
    targeted = settings["prevention"] * TARGETED[office["id"]]
    youth = YOUTH[0] + (YOUTH[1] - YOUTH[0]) * targeted
    for r in places["all"]:
        out[("youth", r)] = youth * (1.0 if r in hot else YOUTH_COLD)
    untargeted = settings["prevention"] - targeted
    out[("transfers", None)] = TRANSFERS[0] + (TRANSFERS[1] - TRANSFERS[0]) * untargeted
    return _affordable(state, scenario, out)


def _affordable(state: GameState, scenario: Scenario, out: dict) -> dict:
    """Targets scaled down to the army's units and to the budget, each line in proportion."""
    pops = scenario.map.populations()
    troops = sum(out[("troops", r)] * pops[r] for r in range(len(pops))) / pops.sum()
    if troops > TROOP_POOL_USED:
        for r in range(len(pops)):
            out[("troops", r)] *= TROOP_POOL_USED / troops
    cost = sum(e * levers.BY_ID[pid].full_cost(scenario, r) for (pid, r), e in out.items())
    room = BUDGET_USED * state.budget
    scale = min(1.0, room / cost) if cost > 0 else 1.0
    return {k: min(1.5, e * scale) for k, e in out.items()}


def _changed(state: GameState, scenario: Scenario, efforts: dict) -> dict:
    """The targets that differ from what is funded now by more than 1% of full effort (an
    order for every line every review would cost more to validate than the month itself)."""
    return {
        (pid, r): e
        for (pid, r), e in efforts.items()
        if abs(
            state.allocation.get(levers.key(pid, r), 0.0) / levers.BY_ID[pid].full_cost(scenario, r)
            - e
        )
        > 0.01
    }


def budget_cost(scenario: Scenario, efforts: dict) -> float:
    """Pesos a month that `efforts` cost (for the report on what each era asks of the budget)."""
    return sum(e * levers.BY_ID[pid].full_cost(scenario, r) for (pid, r), e in efforts.items())


@lru_cache(maxsize=4)
def _change_months(path: str = str(HISTORY_FILE)) -> frozenset[str]:
    """Months in which the plan changes: an era begins, an operation begins or ends."""
    months = {NATIONAL_GUARD[0]}
    for p in load_history(path)["presidencies"]:
        months.add(p["start"])
        for op in p.get("operations") or ():
            months.update({op["month"], _add_months(op["month"], OPERATION_MONTHS)})
    return frozenset(months)


def _cooperation(month: str) -> bool | None:
    wanted = None
    for start, on in US_COOPERATION:
        if start <= month:
            wanted = on
    return wanted


def _months_between(a: str, b: str) -> int:
    """Months from `a` to `b` ("YYYY-MM"), negative when b is earlier."""
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])


def _add_months(a: str, n: int) -> str:
    k = int(a[:4]) * 12 + int(a[5:7]) - 1 + n
    return f"{k // 12:04d}-{k % 12 + 1:02d}"


# --- removals and transfers ---------------------------------------------------------------------


def removal_orders(state: GameState, scenario: Scenario, month: str) -> list[Order]:
    """The operations of the real removals of `month`, each against its man or his stand-in
    (a man taken to the US is handed over the same month: orders are carried out in turn)."""
    orders: list[Order] = []
    taken: set[str] = set()
    for item in removals():
        if item.month != month:
            continue
        pid = stand_in(state, scenario, item, taken)
        if pid is None:
            continue
        taken.add(pid)
        orders.append(HVT(pid, item.mode, guaranteed=state.experiment))
        if item.to_us:
            orders.append(Extradite(pid))
    return orders


def stand_in(
    state: GameState, scenario: Scenario, item: Removal, taken: frozenset | set = frozenset()
) -> str | None:
    """Who `item` removes now: the man himself while he is active, else someone of his
    organisation in his role; None for a repeat, an organisation the scenario lacks or one
    that has nobody left in that role."""
    if item.repeat:
        return None
    if item.pid and state.person(item.pid) is not None:
        return item.pid
    rows = descendants(state, item.root) if item.root else []
    if not rows:
        return None
    where = scenario.map.index().get(item.state)
    rows.sort(key=lambda f: (-(state.members[f, where] if where is not None else 0), f))
    if item.role == LEADER:
        leaders = [state.factions[f].leader for f in rows if state.factions[f].leader]
        free = [p.id for p in leaders if p.id not in taken]
        return free[0] if free else None
    reserved = {pid for pid, _ in PEOPLE.values() if pid}
    candidates = [
        (p.home != where, p.id in reserved, k, p.id)
        for k, f in enumerate(rows)
        for p in state.factions[f].lieutenants
        if p.id not in taken
    ]
    return min(candidates)[3] if candidates else None


def descendants(state: GameState, root: str) -> list[int]:
    """Rows of the active organisations descended from `root` (splinter ids extend their
    parent's: `golfo_el_lazca`), local groups excluded."""
    return [
        f
        for f, info in enumerate(state.factions)
        if (info.id == root or info.id.startswith(f"{root}_"))
        and info.dissolved is None
        and not info.local
    ]


def _extraditions(state: GameState, month: str) -> list[Order]:
    """Prisoners sent to the US in the months the record says."""
    who = EXTRADITIONS.get(month)
    if who is None:
        return []
    named = state.prisoners if who == "all" else [p for p in who if p in state.prisoners]
    return [Extradite(p) for p in named]
