"""Regenerate the desktop game's screenshots in docs/screenshots/ (no display needed).

Plays a fixed game of "After El Mencho" (seed 7) with a few operations against leaders, then
captures: the main menu, the map screen (1280x720 and 1920x1080, and in Spanish), the state panel,
the budget panel, the faction view, the operation dialog, a turn report, the charts, the end
of the term, the policy lab (setup, a run in progress, its charts), and team play (the hand-over
screen and the class table). Run: python tools/screenshots.py [--out docs/screenshots]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    os.environ.update(
        {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYGAME_HIDE_SUPPORT_PROMPT": "1"}
    )
    with tempfile.TemporaryDirectory() as home:
        os.environ["HYDRA_HOME"] = home
        sys.path.insert(0, str(ROOT))
        shoot(Path(args.out))
    return 0


def shoot(out: Path) -> None:
    import pygame

    from game.sim.operations import HVT
    from game.ui.paths import default_paths
    from game.ui.scenes.endterm import EndOfTerm
    from game.ui.scenes.faction_view import FactionView
    from game.ui.scenes.hvt import HVTDialog
    from game.ui.scenes.menu import MainMenu
    from game.ui.scenes.report import TurnReport
    from game.ui.settings import Settings
    from game.ui.shell import App

    out.mkdir(parents=True, exist_ok=True)
    app = App(default_paths(), Settings(language="en", tutorial_done=True), size=(1280, 720))
    app.push(MainMenu(app))

    def save(name: str, frames: int = 3) -> None:
        for _ in range(frames):
            app.frame()
        pygame.image.save(app.screen, str(out / f"{name}.png"))
        print(out / f"{name}.png")

    save("main_menu")
    app.apply(app.new_game(seed=7))
    session = app.session
    targets = {4: "cdn", 9: "familia", 15: "sinaloa_mayos"}
    for turn in range(1, 25):
        faction = session.view.faction(targets.get(turn, ""))
        if faction is not None and faction.leader_id and faction.dissolved is None:
            app.issue(HVT(faction.leader_id, "kill"))
        events = session.end_turn()
        if turn == 4:  # the month of an operation: the report tells its consequences
            app.push(TurnReport(app, events))
            save("turn_report")
            app.pop()
    scene = app.top
    scene.rebuild()
    scene.select(session.scenario.map.index()["GRO"])
    save("map_state_panel")
    scene.select(None)
    save("map_screen")
    scene._set_mode("routes")()
    save("map_drug_routes")
    scene._set_mode("control")()
    scene._set_tab("budget")()
    save("budget_panel")
    scene._set_tab("state")()
    live = [f for f in session.view.factions if f.leader_id and f.dissolved is None]
    splinters = [f for f in live if f.parent] or live
    shown = max(splinters, key=lambda f: f.total)
    app.push(FactionView(app, shown.id))
    save("faction_view")
    app.push(HVTDialog(app, shown, shown.leader_id, shown.leader, shown.leader_region, True))
    save("hvt_dialog")
    app.pop()
    app.pop()
    from game.ui.scenes.charts import ChartsScene

    app.push(ChartsScene(app))
    save("charts")
    app.pop()
    app.set_settings(language="es")
    save("map_screen_es")
    app.set_settings(language="en")
    pygame.display.set_mode((1920, 1080), pygame.RESIZABLE)
    app.resized()
    save("map_screen_1920x1080")
    pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    app.resized()
    while not session.finished:
        session.end_turn()
    end = EndOfTerm(app)
    app.push(end)
    if end.whatif.turns:  # the debrief's "what if?" for the first month with an operation
        end.whatif.start(end.whatif.turns[0])
        end.whatif.wait()
        end.rebuild()
    save("end_of_term")
    shoot_classroom(app, save)


def shoot_classroom(app, save) -> None:
    """The policy lab (setup, running, results) and team play (hand-over, class table)."""
    from game.ui.paths import LEVELS
    from game.ui.scenes.lab import LabScene
    from game.ui.scenes.menu import MainMenu

    classroom = LEVELS / "classroom_24.yaml"
    app.apply(app.start_match(classroom, 3, 7))
    save("handover")
    match = app.match
    for k, session in enumerate(match.sessions):  # three teams, three different plans
        while not session.finished:
            if k == 1:
                app.session = session
                live = [f for f in session.view.factions if f.leader_id and f.dissolved is None]
                if live and session.state.turn % 6 == 1:
                    from game.sim.operations import HVT

                    session.propose(HVT(live[0].leader_id, "kill"))
            session.end_turn()
    app.apply(app.next_team())
    save("class_table")
    app.apply(app.top._compare())
    save("team_compare")
    from game.ui.scene import Reset

    app.apply(Reset(MainMenu(app)))
    lab = LabScene(app)
    app.push(lab)
    lab.level = next(i for i, lv in enumerate(lab.levels) if lv.path == classroom)
    lab.seeds, lab.turns = 12, 24
    lab.rebuild()
    lab._run()
    while lab.job.done < lab.job.total // 2 and lab.job.running:
        lab.job._thread.join(0.05)
    save("lab")
    lab.job.wait()
    app.frame()
    save("lab_results")


if __name__ == "__main__":
    sys.exit(main())
