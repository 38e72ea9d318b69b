"""Layout: at a large interface size on a small window (and at the smallest window), every
screen keeps its widgets inside the window, labels fit their text, the legend leaves Mexico
visible and dialogs and introduction cards stay on screen."""

from __future__ import annotations

import warnings

import pygame
import pygame_gui
import pytest

from game.sim.operations import HVT
from game.ui.paths import LEVELS
from game.ui.scenes.charts import ChartsScene
from game.ui.scenes.dialogs import ConfirmQuit, GameMenu, MessageDialog, QuitDialog
from game.ui.scenes.endterm import EndOfTerm
from game.ui.scenes.faction_view import FactionView
from game.ui.scenes.help import HelpOverlay
from game.ui.scenes.hvt import HVTDialog
from game.ui.scenes.lab import LabScene
from game.ui.scenes.lab_results import LabResults
from game.ui.scenes.loadgame import LoadGame
from game.ui.scenes.menu import MainMenu
from game.ui.scenes.newgame import NewGame
from game.ui.scenes.report import TurnReport
from game.ui.scenes.settings_scene import SettingsScene
from game.ui.scenes.teams import ClassTable, HandOver, TeamSetup
from game.ui.settings import Settings
from game.ui.shell import App

CLASSROOM = LEVELS / "classroom_24.yaml"
WINDOWS = [((1280, 720), 1.5, "en"), ((960, 600), 1.0, "es"), ((1920, 1080), 2.0, "en")]


def outside(scene) -> list[str]:
    """Widgets of `scene` not wholly inside the window (scrolled contents excepted)."""
    window = pygame.Rect((0, 0), scene.size)
    bad = []
    for element in scene.ui.get_sprite_group().sprites():
        if not element.visible or isinstance(element, pygame_gui.core.UIContainer):
            continue
        container = getattr(element, "ui_container", None)
        if container is not None and "scrollable" in str(getattr(container, "object_ids", "")):
            continue  # inside a scrolling panel: it scrolls into view
        rect = pygame.Rect(element.get_abs_rect())
        if not window.contains(rect):
            bad.append(f"{type(element).__name__} {getattr(element, 'text', '')!r} at {rect}")
    return bad


def check(app, scene, problems: list[str]) -> None:
    """Push `scene`, draw it, and note every way it spills out of the window."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        app.push(scene)
        for _ in range(2):
            app.frame()
    name = type(scene).__name__
    problems += [f"{name}: {p}" for p in outside(scene)]
    problems += [f"{name}: {w.message}" for w in caught if "too small for text" in str(w.message)]
    window = pygame.Rect((0, 0), scene.size)
    for what in ("box", "legend_rect"):
        rect = getattr(scene, what, None)
        if rect is not None and not window.contains(rect):
            problems.append(f"{name}: {what} {rect} outside the window")
    card = getattr(scene, "card", None)
    if card is not None and card.step_id and not window.contains(card.rect):
        problems.append(f"{name}: introduction card {card.step_id} at {card.rect}")


@pytest.fixture(params=WINDOWS, ids=lambda w: f"{w[0][0]}x{w[0][1]}@{w[1]}")
def big(request, paths):
    size, scale, lang = request.param
    app = App(paths, Settings(language=lang, ui_scale=scale, tutorial_done=True), size=size)
    app.push(MainMenu(app))
    app.frame()
    yield app
    pygame.display.quit()


def test_the_menus_fit_the_window(big):
    problems: list[str] = []
    check(big, MainMenu(big), problems)
    for make in (NewGame, LoadGame, SettingsScene, HelpOverlay, LabScene, TeamSetup, ConfirmQuit):
        check(big, make(big), problems)
        big.pop()
    check(big, MessageDialog(big, "A long title " * 8, "A message. " * 120), problems)
    assert not problems, "\n".join(problems)


def test_the_history_bookmarks_and_their_replay_fit_the_window(big):
    from types import SimpleNamespace

    from game.ui.scenes.replaying import Replaying

    problems: list[str] = []
    picker = NewGame(big)
    picker.index = next(
        i for i, lv in enumerate(picker.levels) if lv.raw.get("id") == "history_2006"
    )
    picker.mark = 2
    check(big, picker, problems)
    assert picker.marks_rect.bottom <= picker.hint_rect.top, "the story runs into the seed"
    job = SimpleNamespace(
        running=True, month="2018-12", played="2011-05", done=54, total=144, fraction=0.375
    )
    job.cancel = lambda: None
    check(big, Replaying(big, job, str(LEVELS / "history_2006.yaml"), "normal", "amlo"), problems)
    assert not problems, "\n".join(problems)


def test_the_game_screens_fit_the_window(big):
    big.apply(big.new_game(CLASSROOM, seed=3, tutorial=False))
    session = big.session
    target = next(f for f in session.view.factions if f.leader and not f.local)
    session.propose(HVT(target.leader.id, "kill"))
    events = session.end_turn()
    problems: list[str] = []
    board = big.top
    for tab, region in (
        ("state", 13),
        ("state", None),
        ("budget", 13),
        ("orders", 13),
        ("news", 13),
    ):
        board.selected, board.tab = region, tab
        for mode in ("control", "routes"):
            board.mode = mode
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                board.rebuild()
                big.frame()
            problems += [f"map/{tab}: {w.message}" for w in caught if "too small" in str(w.message)]
            problems += [f"map/{tab}: {p}" for p in outside(board)]
            check_legend(board, problems)
    faction = next(f for f in session.view.factions if f.leader and not f.local)
    screens = [
        FactionView(big, faction.id),
        HVTDialog(big, faction, faction.leader),
        TurnReport(big, events),
        ChartsScene(big),
        EndOfTerm(big),
        GameMenu(big),
        QuitDialog(big, to_menu=True),
    ]
    for scene in screens:
        check(big, scene, problems)
        big.pop()
    assert not problems, "\n".join(problems)


def check_legend(board, problems) -> None:
    legend, world = board.legend_rect, board.map.rect
    if legend is not None:
        share = legend.width * legend.height / (world.width * world.height)
        if not world.contains(legend) or share > 0.2:
            problems.append(f"legend {legend} covers {share:.0%} of the map {world}")


def test_the_introduction_cards_fit_the_window(big):
    from game.ui.tutorial import STEPS

    big.apply(big.new_game(CLASSROOM, seed=3, tutorial=True))
    session = big.session
    faction = next(f for f in session.view.factions if f.leader and not f.local)
    where = {
        "map": lambda: big.top,
        "factions": lambda: FactionView(big, faction.id),
        "hvt": lambda: HVTDialog(big, faction, faction.leader),
        "report": lambda: TurnReport(big, []),
        "charts": lambda: ChartsScene(big),
    }
    problems: list[str] = []
    for k, step in enumerate(STEPS):
        big.tutorial.index = k
        while session.state.turn < step.turn:
            session.end_turn()
        scene = where[step.scene]()
        if scene is big.top:
            scene.rebuild()
            for _ in range(2):
                big.frame()
            if not pygame.Rect((0, 0), scene.size).contains(scene.card.rect):
                problems.append(f"card {step.id} at {scene.card.rect}")
        else:
            check(big, scene, problems)
            big.pop()
    assert not problems, "\n".join(problems)


def test_team_play_and_lab_results_fit_the_window(big):
    big.apply(big.start_match(CLASSROOM, 6, 5, turns=1))
    problems: list[str] = []
    check(big, HandOver(big), problems)
    for session in big.match.sessions:
        session.end_turn()
    table = ClassTable(big)
    table.quo.wait()
    check(big, table, problems)
    rows = big.match.rows([f"Team {k + 1}" for k in range(6)], table.quo.rows, "Doing nothing")
    check(big, LabResults(big, rows, 1, "Compare", "Six teams " * 30, kind="compare"), problems)
    assert not problems, "\n".join(problems)
