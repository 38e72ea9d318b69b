"""The event feed: this month's events as sentences, headlines first, with states and factions
as links (`region:<index>`, `faction:<id>`)."""

from __future__ import annotations

import html

import pygame
import pygame_gui

from game.text.narrate import HEADLINES, describe, parts
from game.ui.text import clean

MAX_EVENTS = 80


def sentence_html(event, session, t) -> str:
    """One event as HTML, the pieces that name its state and factions linked (by the event's
    ids), names in the player's language."""
    out = []
    for text, link in parts(event, session.state, session.scenario, t.lang):
        piece = html.escape(clean(text, 2000), quote=False)
        out.append(f"<a href='{link}'>{piece}</a>" if link and piece else piece)
    return "".join(out)


def for_player(events) -> list:
    """Events the planner should read: not the cartels' own refused orders."""

    def cartel_refusal(e) -> bool:
        return e.kind == "order_rejected" and e.data.get("side", "state") != "state"

    return [e for e in events if not cartel_refusal(e)]


ROUTINE = {"reinforced", "moved_into", "lies_low", "confronts", "turns_to_extortion"}


def repeats(events, before) -> tuple[list, list]:
    """(new, repeated): routine cartel moves that were also made last month are 'repeated'."""
    seen = {(e.kind, e.faction, e.region) for e in before or () if e.kind in ROUTINE}
    new = [e for e in events if (e.kind, e.faction, e.region) not in seen or e.kind not in ROUTINE]
    return new, [e for e in events if e not in new]


def as_before_html(repeated, session, t) -> str:
    """One line for the moves that repeat last month's: 'As last month: CJNG reinforces
    Jalisco; ...' (without their reasons, told then)."""
    said = [describe(e, session.state, session.scenario, t.lang).split(": ")[0] for e in repeated]
    return html.escape(clean(t("report.as_before", moves="; ".join(said)), 4000))


def events_html(events, session, t, limit: int = MAX_EVENTS) -> str:
    """Headlines in bold first, then the rest; `limit` lines at most."""
    events = for_player(events)
    heads = [e for e in events if e.kind in HEADLINES]
    rest = [e for e in events if e.kind not in HEADLINES and e.kind != "allocation_set"]
    rest, repeated = repeats(rest, session.previous_events)
    parts = []
    if heads:
        parts.append(f"<font color='#e69f00'><b>{html.escape(t('news.headlines'))}</b></font>")
        parts += [f"<b>•</b> {sentence_html(e, session, t)}" for e in heads[:limit]]
    if rest:
        gap = "<br>" if heads else ""  # a blank line after the headlines, none at the top
        parts.append(f"{gap}<font color='#9aa3b2'><b>{html.escape(t('news.other'))}</b></font>")
        parts += [f"• {sentence_html(e, session, t)}" for e in rest[: max(0, limit - len(heads))]]
        if len(heads) + len(rest) > limit:
            parts.append(html.escape(t("news.more", n=len(heads) + len(rest) - limit)))
    if repeated:
        parts.append(f"• {as_before_html(repeated, session, t)}")
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
