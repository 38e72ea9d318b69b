"""Regenerate the desktop game's screenshots in docs/screenshots/ (no display needed).

Plays a fixed game of "After El Mencho" (seed 7) with a few operations against leaders, then
captures: the main menu, the new-game screen (and the history level's bookmarks), the map
screen, the state panel, the budget panel, the drug routes, the faction view, the operation
dialog, a turn report, the charts, the end of the term (graded against doing nothing, with
"What if?"), the policy lab (setup, a run in progress, its charts), and team play (setup, the
hand-over screen, the class table and the comparison).

Every screen is shot at 1280x720 in English (`name.png`) and Spanish (`name_es.png`); the main
screens also at 1920x1080 (`name_1920x1080.png`, `name_1920x1080_es.png`).
Run: python tools/screenshots.py [--out docs/screenshots] [--quick]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LARGE = {"main_menu", "map_screen", "faction_view", "turn_report", "end_of_term", "class_table"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--quick", action="store_true", help="English at 1280x720 only")
    args = parser.parse_args()
    os.environ.update(
        {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    )
    sys.path.insert(0, str(ROOT))
    runs = [("en", (1280, 720), None)]
    if not args.quick:
        runs += [
            ("es", (1280, 720), None),
            ("en", (1920, 1080), LARGE),
            ("es", (1920, 1080), LARGE),
        ]
    for lang, size, only in runs:
        with tempfile.TemporaryDirectory() as home:
            os.environ["HYDRA_HOME"] = home
            Shooter(Path(args.out), lang, size, only).shoot()
    return 0


class Shooter:
    """One language at one window size: plays the game and saves the chosen screens."""

    def __init__(self, out: Path, lang: str, size: tuple[int, int], only: set | None):
        from game.ui.paths import default_paths
        from game.ui.scenes.menu import MainMenu
        from game.ui.settings import Settings
        from game.ui.shell import App

        out.mkdir(parents=True, exist_ok=True)
        self.out, self.only = out, only
        self.suffix = ("" if size == (1280, 720) else f"_{size[0]}x{size[1]}") + (
            "" if lang == "en" else f"_{lang}"
        )
        settings = Settings(language=lang, tutorial_done=True)
        self.app = App(default_paths(), settings, size=size)
        self.app.push(MainMenu(self.app))

    def wants(self, name: str) -> bool:
        return self.only is None or name in self.only

    def save(self, name: str, frames: int = 3) -> None:
        import pygame

        if not self.wants(name):
            return
        for _ in range(frames):
            self.app.frame()
        path = self.out / f"{name}{self.suffix}.png"
        pygame.image.save(self.app.screen, str(path))
        print(path)

    def shoot(self) -> None:
        from game.ui.scenes.newgame import NewGame

        app = self.app
        self.save("main_menu")
        if self.wants("new_game"):
            app.push(NewGame(app))
            self.save("new_game")
            app.pop()
        if self.wants("new_game_history"):  # the bookmarks of "History, replayed"
            picker = NewGame(app)
            picker.index = next(
                (i for i, lv in enumerate(picker.levels) if lv.raw.get("id") == "history_2006"), 0
            )
            picker.mark = 2
            app.push(picker)
            self.save("new_game_history")
            app.pop()
        app.apply(app.new_game(seed=7))
        self.play_a_term()
        self.shoot_map()
        self.shoot_factions()
        self.shoot_end()
        if self.only is None or self.only & {"handover", "class_table", "team_compare", "lab"}:
            self.shoot_classroom()

    def play_a_term(self) -> None:
        """24 months with kill operations against three leaders; the report of the first."""
        from game.sim.operations import HVT
        from game.ui.scenes.report import TurnReport

        app, session = self.app, self.app.session
        targets = {4: "cdn", 9: "familia", 15: "sinaloa_mayos"}
        for turn in range(1, 25):
            faction = session.view.faction(targets.get(turn, ""))
            if faction is not None and faction.leader and faction.dissolved is None:
                app.issue(HVT(faction.leader.id, "kill"))
            events = session.end_turn()
            if turn == 4:  # the month of an operation: the report tells its consequences
                app.push(TurnReport(app, events))
                self.save("turn_report")
                app.pop()

    def shoot_map(self) -> None:
        app, session = self.app, self.app.session
        scene = app.top
        scene.rebuild()
        scene.select(session.scenario.map.index()["GRO"])
        self.save("map_state_panel")
        scene.select(None)
        self.save("map_screen")
        scene._set_mode("routes")()
        self.save("map_drug_routes")
        scene._set_mode("control")()
        scene._set_tab("budget")()
        self.save("budget_panel")
        scene._set_tab("state")()

    def shoot_factions(self) -> None:
        from game.ui.scenes.charts import ChartsScene
        from game.ui.scenes.faction_view import FactionView
        from game.ui.scenes.hvt import HVTDialog

        app, view = self.app, self.app.session.view
        live = [f for f in view.factions if f.leader and f.dissolved is None and not f.local]
        splinters = [f for f in live if f.parent] or live
        shown = max(splinters, key=lambda f: f.total)
        app.push(FactionView(app, shown.id))
        self.save("faction_view")
        app.push(HVTDialog(app, shown, shown.leader))
        self.save("hvt_dialog")
        app.pop()
        app.pop()
        app.push(ChartsScene(app))
        self.save("charts")
        app.pop()

    def shoot_end(self) -> None:
        from game.ui.scenes.endterm import EndOfTerm

        app, session = self.app, self.app.session
        while not session.finished:
            session.end_turn()
        if not self.wants("end_of_term"):
            return
        end = EndOfTerm(app)
        app.push(end)
        end.quo.wait()
        if end.whatif.turns:  # the debrief's "what if?" for the first month with an operation
            end.whatif.start(end.whatif.turns[0])
            end.whatif.wait()
            end.rebuild()
        self.save("end_of_term")

    def shoot_classroom(self) -> None:
        """Team play (setup, hand-over, class table, comparison) and the policy lab."""
        from game.ai.strategies import get_strategy
        from game.sim.operations import HVT
        from game.ui.paths import LEVELS
        from game.ui.scene import Reset
        from game.ui.scenes.menu import MainMenu
        from game.ui.scenes.teams import TeamSetup

        app = self.app
        classroom = LEVELS / "classroom_24.yaml"
        if self.wants("team_setup"):
            app.apply(Reset(MainMenu(app)))
            app.push(TeamSetup(app))
            self.save("team_setup")
        app.apply(app.start_match(classroom, 3, 7))
        self.save("handover")
        balanced = get_strategy("balanced")
        for k, session in enumerate(app.match.sessions):  # three teams, three different plans
            while not session.finished:
                live = [f for f in session.view.factions if f.leader and f.dissolved is None]
                if k == 1 and live and session.state.turn % 6 == 1:
                    session.propose(HVT(live[0].leader.id, "kill"))
                if k == 2:  # the lab's balanced planner, order by order through the session
                    turn = session.state.turn + 1
                    for order in balanced(session.state, session.scenario, turn):
                        session.propose(order)
                session.end_turn()
        app.apply(app.next_team())
        app.top.quo.wait()
        self.save("class_table")
        if self.wants("team_compare"):
            app.apply(app.top._compare())
            self.save("team_compare")
        if self.wants("lab"):
            self.shoot_lab(classroom)

    def shoot_lab(self, classroom) -> None:
        from game.ui.scene import Reset
        from game.ui.scenes.lab import LabScene
        from game.ui.scenes.menu import MainMenu

        app = self.app
        app.apply(Reset(MainMenu(app)))
        lab = LabScene(app)
        app.push(lab)
        lab.level = next(i for i, lv in enumerate(lab.levels) if lv.path == classroom)
        lab.seeds, lab.turns = 12, 24
        lab.rebuild()
        lab._run()
        while lab.job.done < lab.job.total // 2 and lab.job.running:
            lab.job.wait(0.05)
        self.save("lab")
        lab.job.wait()
        app.frame()
        self.save("lab_results")


if __name__ == "__main__":
    sys.exit(main())
