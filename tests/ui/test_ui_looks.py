"""Looks: distinct swatches in either palette, totals that follow the sliders, each shortcut
listed once, broken levels shown (and not startable), texts that fit, lab charts that hide no
line."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pygame
import pytest
from uidriver import key

from game.lab.report import FanChart, Series
from game.report import charts
from game.sim.levers import PROGRAMMES
from game.ui import palette, text
from game.ui.mapmodes import faction_look
from game.ui.scenes.help import HelpOverlay
from game.ui.scenes.map_screen import MapScreen
from game.ui.scenes.newgame import NewGame, list_levels


def fake_view(n: int, local: int = 5):
    """`n` named factions that all ask for the same colour, and some local groups."""
    factions = [
        SimpleNamespace(id=f"f{k}", colour=3, local=False, dissolved=None) for k in range(n)
    ] + [
        SimpleNamespace(id=f"local_{k}", colour=15, local=True, dissolved=None)
        for k in range(local)
    ]
    return SimpleNamespace(factions=tuple(factions))


@pytest.mark.parametrize("colourblind", [True, False])
def test_every_faction_swatch_in_use_is_distinct(colourblind, playing):
    for view in (fake_view(40), playing.session.view):
        named = [f for f in view.factions if not f.local and f.dissolved is None]
        swatches = [faction_look(view, f.id, colourblind, False) for f in named]
        assert len(set(swatches)) == len(swatches)
        local = [faction_look(view, f.id, colourblind, True) for f in view.factions if f.local]
        assert not set(local) & set(swatches)  # local groups have their own look


def test_the_budget_totals_follow_a_slider_at_once(playing):
    board = playing.top
    board.tab = "budget"
    board.rebuild()
    playing.frame()
    panel = board.panel
    before = pygame.image.tobytes(panel.summary.image, "RGBA")
    national = next(p.id for p in PROGRAMMES if p.scope == "national")
    row = panel.rows[national]
    row.moved(min(150, row.percent() + 40))
    playing.frame()
    assert playing.session.pending
    assert pygame.image.tobytes(board.panel.summary.image, "RGBA") != before


def test_help_lists_each_key_once_on_every_screen(playing):
    from game.ui.scenes.charts import ChartsScene
    from game.ui.scenes.faction_view import FactionView
    from game.ui.scenes.loadgame import LoadGame
    from game.ui.scenes.menu import MainMenu
    from game.ui.scenes.settings_scene import SettingsScene

    for make in (None, MainMenu, FactionView, ChartsScene, LoadGame, SettingsScene):
        if make is not None:
            playing.push(make(playing))
        playing.push(HelpOverlay(playing))
        keys = [k for k, _ in playing.top.entries]
        assert len(keys) == len(set(keys)), keys
        assert sum("Tab" in k for k in keys) <= 1 and sum("{space}" in k for k in keys) <= 1, keys
        playing.pop()
        if make is not None:
            playing.pop()
    assert isinstance(playing.top, MapScreen)


def test_a_broken_level_is_listed_with_its_problem_and_cannot_start(app, tmp_path, monkeypatch):
    (tmp_path / "bad_yaml.yaml").write_text("name: [unclosed\n", encoding="utf-8")
    (tmp_path / "bad_field.yaml").write_text("id: x\nname: Looks fine\nturns: -3\n", "utf-8")
    levels = list_levels(tmp_path)
    assert len(levels) == 2 and not any(lv.playable for lv in levels)
    assert all(lv.problem for lv in levels)
    monkeypatch.setattr("game.ui.scenes.newgame.list_levels", lambda: levels)
    picker = NewGame(app)
    app.push(picker)
    app.frame()
    assert not picker.start_button.is_enabled
    assert all("Looks fine" not in b.text for b in picker.ui.get_sprite_group().sprites()
               if hasattr(b, "text"))  # fmt: skip
    key(app, pygame.K_RETURN)
    assert app.top is picker and app.session is None


def test_the_orders_tab_counts_orders_within_its_width(playing):
    from game.sim.levers import Allocate

    session = playing.session
    for r in range(12):
        session.propose(Allocate("police", session.full_cost("police", r) * 0.5, r))
    board = playing.top
    board.rebuild()
    tab = board.orders_tab
    assert "12" in tab.text
    assert text.text_width(tab.text, board.s(14), True) <= tab.get_relative_rect().width


def test_long_words_wrap_inside_their_boxes():
    for size, width in ((13, 160), (16, 200)):
        for line in text.wrap(
            "No leader: succession open — Sin líder: sucesión abierta", size, width
        ):
            assert text.text_width(line, size) <= width


def chart_of(series, label="x"):
    dates = tuple(f"2026-{m:02d}" for m in range(1, 13)) * 2
    return FanChart("drug_flow", "Drug flow", label, dates, tuple(series))


def test_a_flat_line_near_the_top_stays_below_the_lab_legend(tmp_path):
    flat = [Series(n, (34.0,) * 24, (33.0,) * 24, (35.5,) * 24) for n in ("a", "b", "c")]
    chart = chart_of(flat)
    pygame.font.init()
    fonts = {"title": pygame.font.Font(None, 64), "axis": pygame.font.Font(None, 40)}
    plot = pygame.Rect(charts.MARGIN["left"], charts.MARGIN["top"], 1350, 670)
    legend = charts._legend_box(pygame, fonts, chart, plot)
    ticks = charts._y_ticks(chart, (legend.bottom + 16 - plot.top) / plot.height)
    top_of_data = plot.bottom - plot.height * (35.5 - ticks[0]) / (ticks[-1] - ticks[0])
    assert top_of_data > legend.bottom


def test_identical_lines_in_a_lab_chart_all_show(tmp_path):
    same = [Series(f"Team {k}", (30.0,) * 12 + (28.0,) * 12, (30.0,) * 24, (30.0,) * 24)
            for k in range(4)]  # fmt: skip
    path = tmp_path / "groups.png"
    charts.render_fan_chart(chart_of(same), path)
    image = pygame.surfarray.array3d(pygame.image.load(str(path)))
    plot = image[charts.MARGIN["left"] : 1300, 400:800]  # the lines, under the legend
    for colour in charts.COLOURS[:4]:
        assert np.all(plot == colour, axis=-1).sum() > 200, colour


def test_uncertain_states_look_like_no_faction():
    swatches = {palette.faction_colour(k, cb) for k in range(15) for cb in (True, False)}
    assert palette.UNSURE not in swatches and palette.NO_DATA not in swatches
