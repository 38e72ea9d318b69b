"""The planner's budget: programmes, what they cost, and the orders that fund them.

A programme is funded nationally or per state with pesos a month (`Allocate`); the scenario's
status quo funds some of them from the start. What each programme does to the world, with its
delay and its side effects, is in game/sim/policy.py; this module is the catalogue and the money.
Texts for players are in English and Spanish (es-MX).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from game.scenario.types import Scenario
from game.sim.events import Event
from game.sim.orders import Order, register
from game.sim.state import GameState


@dataclass(frozen=True)
class Programme:
    """A budget line.

    Attributes:
        id: stable id used in orders, saves and scenario files.
        scope: "national" (one amount) or "state" (an amount per state).
        group: force, intelligence, institutions, prevention.
        unit_cost: pesos a month that buy full effort (1.0): nationally, or per 100,000 people in
            a state.
        name, effect, delay: player texts by language.
    """

    id: str
    scope: str
    group: str
    unit_cost: float
    name: dict
    effect: dict
    delay: dict

    def full_cost(self, population: float | None = None) -> float:
        """Pesos a month for full effort (in a state of `population`, for state programmes)."""
        if self.scope == "national":
            return self.unit_cost
        return self.unit_cost * (population or 0.0) / 1e5


def _p(pid, scope, group, cost, en, es, eff_en, eff_es, delay_en, delay_es) -> Programme:
    return Programme(
        pid,
        scope,
        group,
        cost,
        {"en": en, "es": es},
        {"en": eff_en, "es": eff_es},
        {"en": delay_en, "es": delay_es},
    )


# Unit costs are game estimates, scaled so that the 2026 budget (about 24.7 billion pesos a
# month) can fund roughly two thirds of every line at once: choices are forced.
PROGRAMMES: tuple[Programme, ...] = (
    _p(
        "troops",
        "state",
        "force",
        12e6,
        "Army and National Guard",
        "Ejército y Guardia Nacional",
        "Suppresses violence locally at first, arrests and kills members; with little "
        "intelligence and weak police it kills civilians, and long deployments invite ambushes.",
        "Reprime la violencia local al principio, detiene y abate integrantes; con poca "
        "inteligencia y policía débil mata civiles, y los despliegues largos atraen emboscadas.",
        "Deploys in 1 month.",
        "Se despliega en 1 mes.",
    ),
    _p(
        "interdiction",
        "state",
        "force",
        4e6,
        "Interdiction",
        "Intercepción",
        "Checkpoints at highways, ports and crossings: seizes drugs and diverts routes to the "
        "next-cheapest corridor, taking violence with them. National flow barely changes.",
        "Retenes en carreteras, puertos y cruces: decomisa droga y desvía las rutas al siguiente "
        "corredor más barato, que se lleva la violencia. El flujo nacional apenas cambia.",
        "Immediate.",
        "Inmediato.",
    ),
    _p(
        "intel_national",
        "national",
        "intelligence",
        1.2e9,
        "National intelligence",
        "Inteligencia nacional",
        "Maps every faction's network: better odds for operations against leaders, fewer "
        "civilian deaths when force is used.",
        "Mapea la red de cada facción: mejores probabilidades en operativos contra líderes y "
        "menos civiles muertos cuando se usa la fuerza.",
        "Builds over 6-12 months.",
        "Se construye en 6 a 12 meses.",
    ),
    _p(
        "intel_state",
        "state",
        "intelligence",
        3e6,
        "Regional intelligence",
        "Inteligencia regional",
        "Exposes the factions operating in this state.",
        "Expone a las facciones que operan en este estado.",
        "Builds over 3-6 months.",
        "Se construye en 3 a 6 meses.",
    ),
    _p(
        "financial_intel",
        "national",
        "intelligence",
        4e8,
        "Financial intelligence",
        "Inteligencia financiera",
        "Freezes cartel assets; the freezes stick only where courts work (most frozen money "
        "was released for lack of prosecutions in 2019-2020).",
        "Congela bienes de los cárteles; los congelamientos solo se sostienen donde los juzgados "
        "funcionan (en 2019-2020 se liberó casi todo por falta de procesos).",
        "Months; bites with courts.",
        "Meses; pega con juzgados.",
    ),
    _p(
        "police",
        "state",
        "institutions",
        6e6,
        "Police professionalisation",
        "Profesionalización policial",
        "Slowly builds police capacity: more arrests, less corruption, fewer civilian deaths. "
        "Reforms can raise homicides at first.",
        "Construye capacidad policial poco a poco: más detenciones, menos corrupción, menos "
        "civiles muertos. Las reformas pueden subir los homicidios al principio.",
        "Years; decays slowly.",
        "Años; decae despacio.",
    ),
    _p(
        "courts",
        "state",
        "institutions",
        4e6,
        "Prosecutors and courts",
        "Fiscalías y juzgados",
        "More of those arrested stay in prison; asset freezes stick. Arrests can fall while "
        "the new system settles.",
        "Más detenidos se quedan en prisión; los congelamientos se sostienen. Las detenciones "
        "pueden caer mientras el nuevo sistema se asienta.",
        "Years; decays slowly.",
        "Años; decae despacio.",
    ),
    _p(
        "local_integrity",
        "state",
        "institutions",
        2e6,
        "Local-government integrity",
        "Integridad de gobiernos locales",
        "Makes corruption of mayors and local police harder: cartels lose the weak plazas.",
        "Dificulta corromper alcaldes y policías locales: los cárteles pierden las plazas débiles.",
        "Years.",
        "Años.",
    ),
    _p(
        "prisons",
        "national",
        "institutions",
        6e8,
        "Prisons",
        "Prisiones",
        "Stops prisons working as cartel offices and recruitment centres.",
        "Impide que las prisiones funcionen como oficinas y centros de reclutamiento.",
        "1-2 years.",
        "1 a 2 años.",
    ),
    _p(
        "youth",
        "state",
        "prevention",
        5e6,
        "Targeted youth programmes",
        "Programas focalizados para jóvenes",
        "Jobs, school and outreach for young people at risk in this state: fewer recruits.",
        "Empleo, escuela y acompañamiento a jóvenes en riesgo en este estado: menos reclutas.",
        "6-18 months.",
        "6 a 18 meses.",
    ),
    _p(
        "transfers",
        "national",
        "prevention",
        9e9,
        "National cash transfers",
        "Transferencias nacionales",
        "Broad, untargeted transfers: popular, but little effect on recruitment per peso.",
        "Transferencias amplias, no focalizadas: populares, pero poco efecto en el reclutamiento "
        "por peso.",
        "Years.",
        "Años.",
    ),
)
BY_ID = {p.id: p for p in PROGRAMMES}


def key(programme: str, region: int | None) -> str:
    """Allocation key: 'police@14' for a state line, 'prisons' for a national one."""
    return programme if region is None else f"{programme}@{region}"


def spending(state: GameState) -> float:
    """Pesos a month committed to all programmes."""
    return float(sum(state.allocation.values()))


def effort(state: GameState, scenario: Scenario, programme: str) -> np.ndarray | float:
    """Funded effort (0 to about 1.5; 1 = full funding) of a programme, per region or national."""
    p = BY_ID[programme]
    if p.scope == "national":
        return state.allocation.get(programme, 0.0) / p.full_cost()
    pops = scenario.map.populations()
    out = np.zeros(scenario.map.n)
    for r in range(scenario.map.n):
        out[r] = state.allocation.get(key(programme, r), 0.0) / p.full_cost(pops[r])
    return out


@register
@dataclass(frozen=True)
class Allocate(Order):
    """Fund a programme with `pesos` a month (nationally, or in `region` for state programmes)."""

    programme: str
    pesos: float
    region: int | None = None
    kind: ClassVar[str] = "allocate"

    def validate(self, state: GameState, scenario: Scenario) -> list[str]:
        p = BY_ID.get(self.programme)
        if p is None:
            return [f"unknown programme '{self.programme}'"]
        problems = []
        if p.scope == "state" and not (
            self.region is not None and 0 <= self.region < state.n_regions
        ):
            problems.append(f"'{self.programme}' is funded per state: choose a state")
        if p.scope == "national" and self.region is not None:
            problems.append(f"'{self.programme}' is a national programme")
        if not (np.isfinite(self.pesos) and self.pesos >= 0):
            problems.append("the amount must be zero or more pesos")
        elif not problems:
            pop = scenario.map.populations()[self.region] if self.region is not None else None
            if self.pesos > 1.5 * p.full_cost(pop):
                problems.append("more than 150% of full funding cannot be spent usefully")
            current = state.allocation.get(key(self.programme, self.region), 0.0)
            if spending(state) - current + self.pesos > state.budget + 1e-6:
                over = spending(state) - current + self.pesos - state.budget
                problems.append(f"over budget by {over / 1e6:,.0f} million pesos a month")
        return problems

    def apply(self, state: GameState, scenario: Scenario, rng) -> list[Event]:
        k = key(self.programme, self.region)
        if self.pesos > 0:
            state.allocation[k] = float(self.pesos)
        else:
            state.allocation.pop(k, None)
        return [
            Event(
                "allocation_set",
                state.turn + 1,
                region=self.region,
                cause="order",
                data={"programme": self.programme, "pesos": float(self.pesos)},
            )
        ]
