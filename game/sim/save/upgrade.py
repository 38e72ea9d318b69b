"""Saves survive versions: a chain of upgraders, version N -> N+1, run on load.

As Unciv's BackwardCompatibility: when the shape of a save changes, `SAVE_VERSION` goes up by one
and one function is registered that turns a raw save dict of the old version into the new one
(on plain JSON data, before the state is built). Loading a save of version 1 then runs every step
in order. The checksum is checked before upgrading (it was made by the old version); the upgraded
save is then validated as strictly as a new one. tests/data/saves/v*/ hold a real save of every
past version, and a test loads and plays each.

    @UPGRADES.register(1)
    def _add_field(payload: dict) -> dict:
        payload["state"]["new_field"] = [0.0] * len(payload["state"]["factions"])
        return payload

A new optional `meta` key that means nothing when it is absent needs no new version: a save
without it reads as before. `meta.bookmark` (a game taken over from history, see envelope.py)
is one: a save without it is a game played from the start, and it is checked when present.
"""

from __future__ import annotations

from collections.abc import Callable

from game.sim.save.errors import SaveError

SAVE_VERSION = 2  # 2: the state declared field by field (game/sim/save/v1.py upgrades 1)

Upgrader = Callable[[dict], dict]


class UpgradeChain:
    """Upgraders by the version they read; `run` brings a save to `current`."""

    def __init__(self, current: int):
        self.current = current
        self.steps: dict[int, Upgrader] = {}

    def register(self, from_version: int) -> Callable[[Upgrader], Upgrader]:
        """Decorator: `fn` turns a save of `from_version` into one of `from_version + 1`."""

        def add(fn: Upgrader) -> Upgrader:
            if from_version in self.steps or not 1 <= from_version < self.current:
                raise ValueError(f"an upgrader from version {from_version} cannot be added")
            self.steps[from_version] = fn
            return fn

        return add

    def run(self, payload: dict, name: str) -> dict:
        """`payload` upgraded in place, step by step, to the current version."""
        version = payload.get("version")
        if isinstance(version, bool) or not isinstance(version, int) or version < 1:
            raise SaveError(f"{name}: version: not a save version ({str(version)[:40]})")
        if version > self.current:
            raise SaveError(
                f"{name}: saved by a newer version of Hydra (save version {version}; this game "
                f"reads versions 1 to {self.current})"
            )
        while version < self.current:
            step = self.steps.get(version)
            if step is None:
                raise SaveError(f"{name}: no upgrade from save version {version} is known")
            try:
                payload = step(payload)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError) as exc:
                raise SaveError(
                    f"{name}: cannot be upgraded from save version {version} ({exc!r})"
                ) from None
            version += 1
            payload["version"] = version
        return payload


UPGRADES = UpgradeChain(SAVE_VERSION)
