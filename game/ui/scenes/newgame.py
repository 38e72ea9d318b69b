"""The scenario picker: each level's name, description, start and length, the difficulty and the
world (seed). A level with problems is listed, marked, with what is wrong, and cannot start.
The history level also offers its bookmarks: start in December 2006, or take over later, after
history has played the months before (game.ui.bookmarks)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pygame
import pygame_gui

from game.ui import palette, text
from game.ui.bookmarks import bookmarks_of
from game.ui.paths import DEFAULT_SCENARIO, LEVELS
from game.ui.scene import Call, ChangeSettings, Pop, Scene
from game.ui.settings import DIFFICULTIES

SEED_MAX = 2**31 - 1


@dataclass(frozen=True)
class LevelInfo:
    path: Path
    raw: dict
    problem: str | None = None  # why it cannot be played (None: it can)

    @property
    def playable(self) -> bool:
        return self.problem is None


def list_levels(folder: Path = LEVELS) -> list[LevelInfo]:
    """Every level in `folder`: the playable ones first (the default first of all), then those
    with problems (validated as `hydra check` does, so a broken level never fails at Start)."""
    out = []
    for path in sorted(Path(folder).glob("*.yaml")):
        try:
            stat = path.stat()
        except OSError:
            continue
        out.append(_read_level(path, stat.st_mtime_ns, stat.st_size))
    out.sort(key=lambda lv: (not lv.playable, lv.path != DEFAULT_SCENARIO, _start(lv)))
    return out


def playable_levels(folder: Path = LEVELS) -> list[LevelInfo]:
    return [lv for lv in list_levels(folder) if lv.playable]


def _start(level: LevelInfo) -> str:
    return str(level.raw.get("start", ""))


@lru_cache(maxsize=32)
def _read_level(path: Path, mtime_ns: int, size: int) -> LevelInfo:
    """A level validated once per version of its file (the arguments after `path` say which)."""
    from game.scenario import ScenarioError, load_scenario

    try:
        return LevelInfo(path, load_scenario(path).raw)
    except ScenarioError as exc:
        return LevelInfo(path, {}, text.clean(str(exc), 3000))
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        return LevelInfo(path, {}, text.clean(f"{type(exc).__name__}: {exc}", 3000))


def level_title(level: LevelInfo, t) -> str:
    """A level's name in `t`'s language; a broken level is named by its file, marked."""
    if not level.playable:
        return t("newgame.broken", file=text.clean(level.path.name, 60))
    return t.scenario_text(level.raw, "name")


def seed_of(entry) -> int | None:
    """The seed typed in `entry`: None when empty (a new world) or not a usable number."""
    typed = entry.get_text().strip() if entry is not None else ""
    return int(typed) if typed.isdigit() and 1 <= int(typed) <= SEED_MAX else None


def seed_entry(scene, rect, value: str = ""):
    """A text field for a seed (digits only)."""
    entry = pygame_gui.elements.UITextEntryLine(
        pygame.Rect(rect), manager=scene.ui, placeholder_text=scene.t("seed.placeholder")
    )
    entry.set_allowed_characters("numbers")
    entry.set_text_length_limit(10)
    if value:
        entry.set_text(value)
    scene.focus.add(entry, activate=lambda: scene.ui.set_focus_set(entry))  # Tab reaches it
    return entry


class NewGame(Scene):
    name = "newgame"

    def __init__(self, app, preselect: Path | None = None):
        super().__init__(app)
        self.levels = list_levels()
        self.index = next(
            (i for i, lv in enumerate(self.levels) if preselect and lv.path == preselect), 0
        )
        self.difficulty = app.settings.difficulty
        self.seed_text = ""
        self.mark = 0  # the chosen bookmark of the history level (0: its start)

    @property
    def marks(self) -> list[tuple[str, str]]:
        """(month, who) of the chosen level's bookmarks (none for most levels)."""
        if not self.levels or not self.levels[self.index].playable:
            return []
        return bookmarks_of(self.levels[self.index].raw)

    def build(self) -> None:
        w, h = self.size
        s, t = self.s, self.t
        self.label((s(60), s(30), w - s(120), s(50)), t("newgame.title"), "@title")
        x, y, bw, bh = s(60), s(100), s(360), s(56)
        for i, level in enumerate(self.levels):
            name = text.fit(level_title(level, t), s(17), bw - s(40))
            cls = "@menu_on" if i == self.index else "@menu"
            self.button((x, y + i * (bh + s(8)), bw, bh), name, self._pick(i), cls)
        dx = s(460)
        self.detail = pygame.Rect(dx, s(100), w - dx - s(60), h - s(100) - s(250))
        self._choices(dx, h - s(236))
        by = h - s(80)
        self.marks_rect = None
        if self.marks:
            self._bookmarks(dx)
        start = t("newgame.take_over") if self.mark else t("newgame.start")
        self.start_button = self.button(
            (w - s(300), by, s(240), s(48)), start, self._start, "@primary"
        )
        if not self.levels or not self.levels[self.index].playable:
            self.start_button.disable()
        self.button((dx, by, s(160), s(48)), t("common.back"), lambda: Pop())
        self.focus.enter_activates = False

    def _bookmarks(self, dx: int) -> None:
        """The history level's bookmarks, as tabs under three lines of its description, and
        the room below them for what happened up to the chosen one."""
        s, t, r = self.s, self.t, self.detail
        _, who = self.marks[self.mark]
        story = len(text.wrap(t(f"bookmark.{who}.story"), s(14), r.width))
        block = s(26 + 2 + 34 + 10) + story * text.font(s(14)).get_linesize()
        line = text.font(s(16)).get_linesize()  # the description gives way to the story
        shown = max(0, min(2, (r.height - s(84) - s(8) - block) // line))
        top = r.y + s(84) + shown * line + (s(8) if shown else 0)
        self.marks_top = top
        self.label((dx, top, r.width, s(26)), t("newgame.bookmarks"), "@bold")
        gap = s(8)
        bw = (r.width - gap * (len(self.marks) - 1)) // len(self.marks)
        labels = [
            t("bookmark.button", year=month[:4], who=t(f"bookmark.{who}"))
            for month, who in self.marks
        ]
        if any(text.text_width(words, s(15), True) > bw - s(12) for words in labels):
            labels = [text.fit(t(f"bookmark.{who}"), s(15), bw - s(12)) for _, who in self.marks]
        for k, words in enumerate(labels):
            rect = (dx + k * (bw + gap), top + s(28), bw, s(34))
            self.button(rect, words, self._mark(k), "@tab_on" if k == self.mark else "@tab")
        y = top + s(28) + s(34) + s(10)
        self.marks_rect = pygame.Rect(dx, y, r.width, max(0, r.bottom - y))

    def _mark(self, k: int):
        def choose():
            self.mark = k
            self.rebuild()

        return choose

    def _choices(self, dx: int, y: int) -> None:
        """The world (seed) and the difficulty, under the level's description."""
        s, t = self.s, self.t
        self.label((dx, y, s(200), s(34)), t("seed.label"), "@bold")
        self.seed = seed_entry(self, (dx + s(200), y, s(170), s(34)), self.seed_text)
        self.hint_rect = pygame.Rect(dx + s(384), y - s(2), self.size[0] - dx - s(444), s(40))
        y += s(50)
        self.label((dx, y, s(200), s(34)), t("newgame.difficulty"), "@bold")
        room = self.size[0] - s(60) - (dx + s(200))
        bw = min(s(120), (room - 2 * s(10)) // len(DIFFICULTIES))
        for k, d in enumerate(DIFFICULTIES):
            cls = "@tab_on" if d == self.difficulty else "@tab"
            rect = (dx + s(200) + k * (bw + s(10)), y, bw, s(34))
            self.button(rect, t(f"difficulty.{d}"), self._diff(d), cls)
        self.note_rect = pygame.Rect(dx, y + s(40), self.size[0] - dx - s(60), s(36))

    def release(self) -> None:
        if getattr(self, "seed", None) is not None and self.seed.alive():
            self.seed_text = self.seed.get_text()  # kept through a rebuild
        super().release()

    def _pick(self, i):
        def pick():
            if i != self.index:
                self.mark = 0
            self.index = i
            self.rebuild()

        return pick

    def _diff(self, d):
        def choose():
            self.difficulty = d
            self.rebuild()

        return choose

    def _start(self):
        if not self.levels or not self.levels[self.index].playable:
            return None
        level = self.levels[self.index].path
        start = Call(self.app.new_game, (level, self.difficulty, seed_of(self.seed)))
        if self.mark and self.mark < len(self.marks):
            month, who = self.marks[self.mark]
            args = (level, month, self.difficulty, seed_of(self.seed), who)
            start = Call(self.app.take_over, args)
        return [ChangeSettings({"difficulty": self.difficulty}), start]

    def key(self, event):
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            return self._start()
        if event.key == pygame.K_ESCAPE:
            return Pop()
        if event.key in (pygame.K_UP, pygame.K_DOWN) and self.levels:
            step = -1 if event.key == pygame.K_UP else 1
            self._pick((self.index + step) % len(self.levels))()
        if event.key in (pygame.K_LEFT, pygame.K_RIGHT):
            k = DIFFICULTIES.index(self.difficulty) + (-1 if event.key == pygame.K_LEFT else 1)
            self._diff(DIFFICULTIES[k % len(DIFFICULTIES)])()
        if event.key == pygame.K_b and self.marks:
            self._mark((self.mark + 1) % len(self.marks))()
        return None

    def draw_front(self, surface) -> None:
        if not self.levels:
            surface.blit(text.render(self.t("newgame.none"), self.s(16), palette.BAD), self.detail)
            return
        s = self.s
        for words, rect in ((self.t("seed.hint"), self.hint_rect),
                            (self.t("difficulty.note"), self.note_rect)):  # fmt: skip
            lines = text.wrap(words, s(12), rect.width)[:2]
            text.draw_lines(surface, lines, rect.topleft, s(12), palette.TEXT_DIM)
        level = self.levels[self.index]
        if not level.playable:
            self._draw_problem(surface, level)
            return
        t = self.t
        raw, r = level.raw, self.detail
        title = text.fit(t.scenario_text(raw, "name"), s(26), r.width, True)
        surface.blit(text.render(title, s(26), palette.ACCENT, True), r)
        turns = int(raw.get("turns", 0))
        facts = t(
            "newgame.facts",
            start=t.month(str(raw.get("start", ""))),
            months=turns,
            years=f"{round(turns / 12, 1):g}",
        )
        facts = text.fit(facts, s(15), r.width)
        surface.blit(text.render(facts, s(15), palette.TEXT_DIM), (r.x, r.y + s(44)))
        bottom = self.marks_top - s(6) if self.marks_rect else r.bottom
        body = pygame.Rect(r.x, r.y + s(84), r.width, bottom - r.y - s(84))
        lines = text.wrap(t.scenario_text(raw, "description"), s(16), body.width)
        fits = body.height // text.font(s(16)).get_linesize()
        fits = fits if self.marks_rect else max(1, fits)
        if fits > 0:
            cut = lines[: fits - 1] + [lines[fits - 1] + " …"] if len(lines) > fits else lines
            text.draw_lines(surface, cut, body.topleft, s(16), palette.TEXT)
        if self.marks_rect is not None:
            self._draw_story(surface)

    def _draw_story(self, surface) -> None:
        """What happened up to the chosen bookmark, and (where it fits) how taking over works."""
        s, t, box = self.s, self.t, self.marks_rect
        month, who = self.marks[self.mark]
        story = text.wrap(t(f"bookmark.{who}.story"), s(14), box.width)
        fits = max(1, box.height // text.font(s(14)).get_linesize())
        if len(story) > fits:
            story = story[: fits - 1] + [story[fits - 1] + " …"]
        y = text.draw_lines(surface, story, box.topleft, s(14), palette.TEXT)
        if not self.mark:
            return
        note = text.wrap(t("newgame.bookmark_note", month=t.month(month)), s(12), box.width)
        room = (box.bottom - y - s(6)) // text.font(s(12)).get_linesize()
        if room >= len(note):
            text.draw_lines(surface, note, (box.x, y + s(6)), s(12), palette.TEXT_DIM)

    def _draw_problem(self, surface, level: LevelInfo) -> None:
        s, t, r = self.s, self.t, self.detail
        surface.blit(text.render(level_title(level, t), s(22), palette.BAD, True), r)
        body = pygame.Rect(r.x, r.y + s(44), r.width, r.height - s(44))
        lines = text.wrap(t("newgame.problem", problem=level.problem), s(14), body.width)
        fits = max(1, body.height // text.font(s(14)).get_linesize())
        text.draw_lines(surface, lines[:fits], body.topleft, s(14), palette.TEXT)

    def shortcuts(self):
        return [
            ("↑ ↓", "help.newgame.pick"),
            ("← →", "help.newgame.difficulty"),
            ("B", "help.newgame.bookmark"),
            ("Enter", "help.newgame.start"),
            ("Esc", "help.back"),
        ]
