"""Diplomacy in the budget panel: US intelligence cooperation, Washington's offers of strikes,
and the extradition of prisoners. Each button gives an order the model validates; order types the
model does not have (yet) are simply not shown."""

from __future__ import annotations

from game.sim.order_types import ORDER_TYPES
from game.ui import palette
from game.ui.widgets.panels import SidePanel, heading


def pending_of(session, kind: str):
    return next((o for o in session.pending if type(o).kind == kind), None)


def add_diplomacy(panel: SidePanel, y: int) -> int:
    """Draw the section from `y` down; returns the y below it."""
    if not any(k in ORDER_TYPES for k in ("us_cooperation", "answer_us_offer", "extradite")):
        return y
    s, t = panel.s, panel.t
    state = panel.session.state
    y = heading(panel, y, t("diplomacy.title"))
    if "answer_us_offer" in ORDER_TYPES and state.us_offer:
        y = panel.paragraph(y, t("diplomacy.offer"), 13, palette.ACCENT, True)
        answer = pending_of(panel.session, "answer_us_offer")
        if answer is not None:
            key = "diplomacy.offer_accepted" if answer.accept else "diplomacy.offer_refused"
            y = panel.paragraph(y, t(key), 13, palette.TEXT)
        half = (panel.width - s(8)) // 2
        panel.scene.button(
            (0, y + s(4), half, s(30)),
            t("diplomacy.accept"),
            _give(panel, "answer_us_offer", accept=True),
            container=panel.scroll,
        )
        panel.scene.button(
            (half + s(8), y + s(4), half, s(30)),
            t("diplomacy.refuse"),
            _give(panel, "answer_us_offer", accept=False),
            container=panel.scroll,
        )
        y += s(44)
    if "us_cooperation" in ORDER_TYPES:
        on = bool(state.us_cooperation)
        order = pending_of(panel.session, "us_cooperation")
        planned = order.on if order is not None else on
        status = t("diplomacy.coop_on") if planned else t("diplomacy.coop_off")
        y = panel.label(y, t("diplomacy.cooperation", status=status), "@bold", 24)
        y = panel.paragraph(y, t("diplomacy.cooperation_effect"), 12)
        label = t("diplomacy.coop_end") if planned else t("diplomacy.coop_start")
        panel.scene.button(
            (0, y + s(4), panel.width, s(30)),
            label,
            _give(panel, "us_cooperation", on=not planned),
            container=panel.scroll,
        )
        y += s(44)
    if "extradite" in ORDER_TYPES:
        prisoners = tuple(state.prisoners)
        y = panel.label(y, t("diplomacy.prisoners", n=len(prisoners)), "@bold", 24)
        if not prisoners:
            y = panel.paragraph(y, t("diplomacy.no_prisoners"), 12)
        from game.ui.scenes.faction_view import person_name

        for pid in prisoners:
            sent = any(getattr(o, "person", None) == pid for o in panel.session.pending)
            panel.label(y, person_name(panel.session, pid), None, 28, width=panel.width - s(130))
            b = panel.scene.button(
                (panel.width - s(124), y, s(124), s(28)),
                t("diplomacy.extradite"),
                _give(panel, "extradite", person=pid),
                container=panel.scroll,
            )
            if sent:
                b.disable()
            y += s(32)
        y = panel.paragraph(y, t("diplomacy.extradite_effect"), 12)
    return y


def _give(panel: SidePanel, kind: str, **fields):
    def give():
        cls = ORDER_TYPES.get(kind)
        if cls is None:
            return None
        if not panel.scene.app.issue(cls(**fields)):
            panel.scene.orders_changed(rebuild=True)
        return None

    return give
