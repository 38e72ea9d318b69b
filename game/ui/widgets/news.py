"""The event feed: this month's events as sentences, headlines first, with states and factions
as links (`region:<index>`, `faction:<id>`)."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from game.text.narrate import HEADLINES, describe, faction_name

MAX_EVENTS = 80


def sentence_html(event, session, t) -> str:
    """One event as HTML with its state and faction names linked."""
    state, scenario = session.state, session.scenario
    body = html.escape(describe(event, state, scenario, t.lang), quote=False)
    links = []
    if event.faction:
        links.append((faction_name(state, event.faction), f"faction:{event.faction}"))
    if event.region is not None:
        links.append((scenario.map.regions[event.region].name, f"region:{event.region}"))
    for name, target in links:
        name = html.escape(name, quote=False)
        if name and name in body:
            body = body.replace(name, f"<a href='{target}'>{name}</a>", 1)
    return body


def for_player(events) -> list:
    """Events the planner should read: not the cartels' own refused orders."""
    from game.sim.order_types import ORDER_TYPES

    def cartel_refusal(e) -> bool:
        cls = ORDER_TYPES.get(e.cause or "")
        return e.kind == "order_rejected" and cls is not None and cls.side != "state"

    return [e for e in events if not cartel_refusal(e)]


def events_html(events, session, t, limit: int = MAX_EVENTS) -> str:
    """Headlines in bold first, then the rest; `limit` lines at most."""
    events = for_player(events)
    heads = [e for e in events if e.kind in HEADLINES]
    rest = [e for e in events if e.kind not in HEADLINES and e.kind != "allocation_set"]
    parts = []
    if heads:
        parts.append(f"<font color='#e69f00'><b>{html.escape(t('news.headlines'))}</b></font>")
        parts += [f"<b>•</b> {sentence_html(e, session, t)}" for e in heads[:limit]]
    if rest:
        parts.append(f"<br><font color='#9aa3b2'><b>{html.escape(t('news.other'))}</b></font>")
        parts += [f"• {sentence_html(e, session, t)}" for e in rest[: max(0, limit - len(heads))]]
        if len(heads) + len(rest) > limit:
            parts.append(html.escape(t("news.more", n=len(heads) + len(rest) - limit)))
    if not parts:
        parts.append(html.escape(t("news.none")))
    return "<br>".join(parts)


class NewsPanel:
    """A scrolling text box with the feed."""

    def __init__(self, scene, rect):
        self.scene = scene
        self.rect = pygame.Rect(rect)
        self.box = None

    def build(self) -> None:
        self.kill()
        session, t = self.scene.session, self.scene.t
        title = t("news.title", month=t.month(session.view.national.get("date", "")))
        body = f"<b>{html.escape(title)}</b><br><br>" + events_html(
            session.game.last_events, session, t
        )
        self.box = pygame_gui.elements.UITextBox(body, self.rect, manager=self.scene.ui)

    def kill(self) -> None:
        if self.box is not None:
            self.box.kill()
            self.box = None

    def refresh(self) -> None:
        pass
