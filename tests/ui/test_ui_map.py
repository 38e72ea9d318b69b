"""The map: projection, camera, hit testing, labels, redrawing only when the view changes, and
what the Control mode claims from uncertain estimates."""

from __future__ import annotations

import numpy as np
import pygame
import pytest
from uidriver import key

from game.ui.geo import COS_REF, Camera, geometry_for, project
from game.ui.maprender import MapRenderer, MapStyle


@pytest.fixture
def geometry(scenario):
    return geometry_for(scenario.map)


def test_the_projection_is_equirectangular_scaled_by_cos_23(geometry):
    x, y = project([(-100.0, 20.0)])[0]
    assert x == pytest.approx(-100 * COS_REF)
    assert y == -20.0
    width, height = geometry.size
    aspect = width / height
    assert aspect > 1.3 and aspect < 1.8  # Mexico is wider than tall


def test_zooming_keeps_the_point_under_the_cursor(geometry):
    camera = Camera(geometry, (880, 660))
    before = camera.to_map(200, 300)
    camera.zoom_by(3, (200, 300))
    after = camera.to_map(200, 300)
    assert after == pytest.approx(before, abs=1e-6)


def test_every_state_is_found_under_its_label_point(scenario, geometry):
    pygame.display.set_mode((1280, 720))
    camera = Camera(geometry, (880, 660))
    renderer = MapRenderer(geometry, [(r.name, r.short) for r in scenario.map.regions])
    style = MapStyle(("test",), [(100, 100, 100)] * 32)
    surface = pygame.Surface((880, 660))
    renderer.draw(surface, surface.get_rect(), camera, style)
    for i, region in enumerate(geometry.regions):
        x, y = camera.to_screen(*region.anchor)
        assert renderer.region_at(camera, (int(x), int(y))) == i, scenario.map.regions[i].name
    assert renderer.region_at(camera, (2, 2)) is None  # the sea


def test_every_state_has_a_label_at_the_default_zoom_and_cdmx_a_leader_line(scenario, geometry):
    camera = Camera(geometry, (880, 660))
    renderer = MapRenderer(geometry, [(r.name, r.short) for r in scenario.map.regions])
    labels = renderer.labels(camera, 12)
    assert len(labels) == 32
    cdmx = labels[[r.code for r in scenario.map.regions].index("CMX")]
    assert cdmx.leader_from is not None
    big = labels[[r.code for r in scenario.map.regions].index("CHH")]
    assert big.text == "Chihuahua"


def test_panning_a_little_reuses_the_drawn_map(playing):
    scene = playing.top
    playing.frame()
    renders = scene.map.renderer.renders
    for _ in range(2):  # 2 x 90 pixels: still inside the margin drawn around the view
        key(playing, pygame.K_LEFT)
    assert scene.map.renderer.renders == renders
    key(playing, pygame.K_PLUS)
    assert scene.map.renderer.renders == renders + 1


def test_hovering_a_state_shows_its_name_and_clicking_selects_it(playing):
    scene = playing.top
    x, y = scene.map.camera.to_screen(*scene.map.geometry.regions[7].anchor)
    pos = (int(x) + scene.map_rect.x, int(y) + scene.map_rect.y)
    playing.frame(
        events=[
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0), touch=False
            )
        ]
    )
    assert scene.map.hover == 7
    playing.frame(
        events=[
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1, touch=False),
        ]
    )
    assert playing.top.selected == 7


def estimate(fid, members, spread):
    """A faction estimate with a likely range of members/spread to members*spread per state."""
    from types import SimpleNamespace

    members = np.asarray(members, dtype=float)
    return SimpleNamespace(
        id=fid, members=members, low=members / spread, high=members * spread, dissolved=None
    )


def test_the_control_map_is_uncertain_where_the_estimates_cannot_tell():
    from types import SimpleNamespace

    from game.ui.mapmodes import dominant

    strong = estimate("a", [1000, 5000, 120], spread=2.0)  # a 2x likely range either way
    rival = estimate("b", [600, 1000, 0], spread=1.1)
    view = SimpleNamespace(factions=(strong, rival), police=np.zeros(3))
    control = dominant(view)
    assert list(control.best) == [0, 0, 0]
    # state 0: 500-2000 against 545-660: overlapping; state 1: 2500+ clears 1100; state 2: too few
    assert list(control.uncertain) == [True, False, True]


def test_the_control_legend_explains_uncertain_states_in_both_languages(playing):
    scene = playing.top
    for lang, words in (("en", "uncertain"), ("es", "incierto")):
        playing.set_settings(language=lang)
        labels = [item.label for item in scene.mode_data().legend]
        assert any(words in label for label in labels), labels
