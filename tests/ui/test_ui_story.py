"""One story in the player's language: generated names, menus that switch language, pesos, key
moments that include the player's operations and the big splits, and reports that read well."""

from __future__ import annotations

from types import SimpleNamespace

import pygame
from uidriver import key

from game.sim.events import Event
from game.sim.operations import HVT
from game.ui.i18n import Strings
from game.ui.moments import key_moments
from game.ui.names import display_name
from game.ui.scenes.dialogs import GameMenu
from game.ui.scenes.report import change_words, operation_outcome, report_html, signed
from game.ui.session import History

EN, ES = Strings("en"), Strings("es")


def view_of(*factions):
    places = ("Jalisco", "Nayarit")
    return SimpleNamespace(factions=factions, archive=(), places=places)


def faction(fid, name, short, parent=None, local=False, founder=None, home=None):
    return SimpleNamespace(
        id=fid, name=name, short=short, parent=parent, local=local, founder=founder, home=home
    )


# The model names no faction it creates: a splinter has a parent and a founder, a local group a
# number (in its id) and a home state; the names are made from those in the player's language.
CJNG = faction("cjng", "Cártel Jalisco Nueva Generación", "CJNG")
SPLINTER = faction("cjng_cachanilla", "", "", "cjng", founder="El Cachanilla")
LOCAL = faction("local_10", "Grupo local 10 (Nayarit)", "L10", local=True, home=1)


def test_generated_names_read_in_the_players_language():
    view = view_of(CJNG, SPLINTER, LOCAL)
    assert display_name(LOCAL, view, EN) == "Local group 10 (Nayarit)"
    assert display_name(SPLINTER, view, EN) == "CJNG – El Cachanilla's faction"
    assert display_name(LOCAL, view, ES) == "Grupo local 10 (Nayarit)"
    assert display_name(SPLINTER, view, ES) == "CJNG – facción de El Cachanilla"
    assert display_name(CJNG, view, EN) == CJNG.name  # a name from the scenario stays


def test_an_open_game_menu_switches_language(playing):
    playing.push(GameMenu(playing))
    playing.frame()
    playing.set_settings(language="es")
    playing.frame()
    menu = playing.top
    assert menu.title == "Menú de la partida"
    labels = [getattr(e, "text", "") for e in menu.ui.get_sprite_group().sprites()]
    assert any("Guardar" in x for x in labels)


def test_budgets_say_pesos():
    assert "MXN" in EN.money(24_730_000_000)
    assert "pesos" in ES.money(24_730_000_000)


def test_key_moments_include_the_players_operations_and_big_splits(playing):
    session = playing.session
    target = next(f for f in session.view.factions if f.leader and not f.local)
    assert session.propose(HVT(target.leader.id, "kill")) == []
    session.end_turn()
    session.end_turn()
    split = {"kind": "faction_split", "turn": 2, "faction": target.id, "region": 13,
             "cause": "leader_removed", "data": {"splinters": ["a", "b", "c", "d", "e"]}}  # fmt: skip
    session.history.moments.append(split)
    moments = key_moments(session, EN)
    assert any(m.startswith("month 1: your operation to kill") for m in moments), moments
    assert any("split in 5" in m for m in moments), moments


def test_report_changes_read_as_deaths_on_small_bases_and_never_minus_zero():
    history = History(regional_homicides=[[1.0, 200.0], [8.0, 250.0]])
    assert change_words(history, 0, EN) == "+7 homicides"
    assert change_words(history, 1, EN) == "+25%"
    assert signed(-0.04, "{:,.1f}") == "0.0"
    assert signed(-3.0, "{:,.0f}") == "-3"
    assert EN.change(-0.001) == "0%"


def test_a_failed_operation_says_its_odds_and_why():
    order = HVT("cjng.leader", "kill")
    failed = [Event("hvt_failed", 3, "cjng", 13, "hvt", {"person": "cjng.leader", "odds": 0.34})]
    words = operation_outcome(order, failed, EN)
    assert "34%" in words and "not found" in words
    refused = [Event("order_rejected", 3, None, None, "hvt",
                     {"problems": ["'cjng.leader' has already been removed"]})]  # fmt: skip
    assert "already been removed" in operation_outcome(order, refused, EN)


def test_a_move_repeated_from_last_month_is_told_once(playing):
    session = playing.session
    session.end_turn()
    fid = next(f.id for f in session.view.factions if not f.local)
    again = Event("reinforced", 1, fid, 13, "route", {})
    session.previous_events = [again]
    page = report_html([again, Event("reinforced", 1, fid, 14, "route", {})], session, EN)
    assert page.count("reinforces") == 2  # the new one in full, the repeat in "As last month"
    assert "As last month" in page


def test_the_report_screen_lists_the_orders_of_the_month(playing):
    key(playing, pygame.K_RETURN)
    assert "Your orders" in report_html(playing.session.game.last_events, playing.session, EN)
