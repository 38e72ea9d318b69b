"""The map screen's bars of buttons: top bar, map modes, panel tabs and zoom (layout only)."""

from __future__ import annotations

from game.ui import mapmodes, text

TABS = ("state", "budget", "orders", "news")


def top_buttons(scene) -> None:
    """Factions, Charts, Menu and End month, right-aligned; sets `top_right_edge` and
    `end_button`."""
    s, t = scene.s, scene.t
    w = scene.size[0]
    specs = [
        ("top.factions", scene.open_factions, None, "F"),
        ("top.charts", scene.open_charts, None, "C"),
        ("top.menu", scene.open_menu, None, "Esc"),
        ("top.end_turn", scene.end_turn, "@primary", "Enter"),
    ]
    x = w - s(10)
    for key, fn, cls, hotkey in reversed(specs):
        label = t(key)
        bw = text.text_width(label, s(15), cls is not None) + s(30)
        x -= bw
        button = scene.button((x, s(8), bw, s(36)), label, fn, cls, f"{label}: {hotkey}")
        x -= s(8)
        if key == "top.end_turn":
            scene.end_button = button
    scene.top_right_edge = x


def mode_bar(scene) -> None:
    """One button per map mode under the map (in two or more rows when they do not fit)."""
    s, t = scene.s, scene.t
    r = scene.map_rect
    labels = [f"{k + 1} {t('mode.' + mode)}" for k, mode in enumerate(mapmodes.MODES)]
    gap = s(6)
    widest = max(text.text_width(x, s(14), True) for x in labels) + s(16)
    per_row = len(labels)
    while per_row > 1 and widest * per_row + gap * (per_row - 1) > r.width - s(20):
        per_row = (per_row + 1) // 2  # 6 -> 3 -> 2 -> 1 buttons a row
    rows = (len(labels) + per_row - 1) // per_row
    bw = min(s(150), (r.width - s(20) - gap * (per_row - 1)) // per_row)
    top = r.bottom - s(10) - rows * s(32) - (rows - 1) * gap
    for k, mode in enumerate(mapmodes.MODES):
        cls = "@tab_on" if mode == scene.mode else "@tab"
        label = labels[k]
        row, col = divmod(k, per_row)
        scene.button(
            (r.x + s(10) + col * (bw + gap), top + row * (s(32) + gap), bw, s(32)),
            label,
            scene._set_mode(mode),
            cls,
            t(f"mode.{mode}.tip"),
        )
    scene.mode_bar_top = top


def tabs(scene) -> None:
    """The side panel's tabs."""
    s = scene.s
    r = scene.panel_rect
    bw = r.width // len(TABS)
    for k, tab in enumerate(TABS):
        cls = "@tab_on" if tab == scene.tab else "@tab"
        button = scene.button(
            (r.x + k * bw, r.y, bw if k < len(TABS) - 1 else r.width - k * bw, s(36)),
            tab_label(scene, tab),
            scene._set_tab(tab),
            cls,
        )
        if tab == "orders":
            scene.orders_tab = button


def tab_label(scene, tab: str) -> str:
    """A tab's name with its key, as fits the tab; the Orders tab also counts this month's
    pending orders ('Orders (O) · 3', or 'Orders · 3' when narrow)."""
    full = scene.t(f"tab.{tab}")
    short = full.split(" (")[0]
    n = len(scene.session.pending) if tab == "orders" else 0
    room = scene.panel_rect.width // len(TABS) - scene.s(14)
    candidates = [f"{full} · {n}", f"{short} · {n}", str(n)] if n else [full, short]
    size = scene.s(14)
    return next((c for c in candidates if text.text_width(c, size, True) <= room), candidates[-1])


def zoom_buttons(scene) -> None:
    """Zoom in, out and back to the whole country, at the map's top right."""
    s, t = scene.s, scene.t
    zx = scene.map_rect.right - s(44)
    commands = (
        ("+", lambda: scene.zoom(1)),
        ("−", lambda: scene.zoom(-1)),
        ("0", scene.reset_view),
    )
    for k, (label, fn) in enumerate(commands):
        rect = (zx, scene.map_rect.y + s(10) + k * s(38), s(34), s(34))
        scene.button(rect, label, fn, None, t(f"map.zoom{k}"))
