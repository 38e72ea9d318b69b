"""Tiny scenario trees built in code, shared by the scenario tests."""

from __future__ import annotations

import pytest


def make_tree(**top) -> dict:
    """A valid two-faction scenario on a 4-region synthetic map; keyword args replace top keys."""
    tree = {
        "schema_version": 1,
        "id": "tiny",
        "name": "Tiny",
        "description": "Two factions on four regions.",
        "map": "synthetic:4",
        "start": "2006-12",
        "turns": 12,
        "budget": 1_000_000,
        "factions": [
            {
                "id": "north",
                "name": "North",
                "members": {"R0": 100, "R1": 50},
                "leader": {"id": "boss_n", "name": "Boss N", "home": "R0"},
                "lieutenants": [{"id": "lt_n", "name": "Lt N", "home": "R1", "loyalty": 0.4}],
                "rivals": {"south": 1.0},
            },
            {
                "id": "south",
                "name": "South",
                "members": {"R2": 80, "R3": 0},
                "rivals": {"north": 1.0},
            },
        ],
    }
    tree.update(top)
    return tree


@pytest.fixture
def tree() -> dict:
    return make_tree()


@pytest.fixture
def mexico_tree() -> dict:
    """Two factions on the real map, regions written in several spellings."""
    return make_tree(
        map="mexico_states",
        factions=[
            {
                "id": "cjng",
                "name": "Cártel Jalisco Nueva Generación",
                "members": {"JAL": 9000, "Michoacán": 3000, "MX-CMX": 500},
                "leader": {"id": "mencho", "name": "El Mencho", "home": "jalisco"},
                "rivals": {"sinaloa": 1.0},
            },
            {
                "id": "sinaloa",
                "name": "Cártel de Sinaloa",
                "members": {"SIN": 7000, "michoacan de ocampo": 200},
                "rivals": {"cjng": 1.0},
            },
        ],
    )
