"""Words for players, in English and Spanish (es-MX), with number and date formats.

The words come from the game's one catalogue (game/text/words.py, assets/ui/i18n/<lang>.json).
A missing key falls back to English, then to the key itself, so a forgotten string shows up as
text on screen instead of a crash (and the tests catch it first).
"""

from __future__ import annotations

from game.text.words import table
from game.ui.dates import parse
from game.ui.text import clean

LIMITS = {"name": 120}  # characters of a scenario's name shown in titles and lists


class Strings:
    """Translated strings and number formats for one language: `t("menu.new_game")`."""

    def __init__(self, lang: str):
        self.lang = lang if lang in ("en", "es") else "en"
        self._table = table(self.lang)
        self._en = table("en")

    def __call__(self, key: str, **kw) -> str:
        template = self._table.get(key, self._en.get(key, key))
        if not isinstance(template, str):
            return key
        try:
            return template.format(**kw) if kw else template
        except (KeyError, IndexError, ValueError):
            return template

    def list(self, key: str) -> list[str]:
        value = self._table.get(key, self._en.get(key, []))
        return list(value) if isinstance(value, list) else []

    def month(self, date) -> str:
        """'2026-03' -> 'March 2026' / 'marzo de 2026'; '?' for anything that is not a date."""
        parsed = parse(date)
        if parsed is None:
            return "?"
        year, month = parsed
        return self("fmt.month_year", month=self.list("months")[month - 1], year=year)

    def month_short(self, date) -> str:
        """'2026-03' -> 'Mar 2026' / 'mar 2026' (chart axes)."""
        parsed = parse(date)
        if parsed is None:
            return "?"
        return f"{self.list('months_short')[parsed[1] - 1]} {parsed[0]}"

    def money(self, pesos: float, unit: bool = True) -> str:
        """Pesos, in millions: 'MXN $24,730 M' / '$24,730 M de pesos'; without the currency
        ('$24,730 M') where a heading nearby already says it and room is short."""
        value = f"{pesos / 1e6:,.0f}"
        return self("fmt.millions", value=value) if unit else f"${value} M"

    def number(self, value: float, digits: int = 0) -> str:
        return f"{value:,.{digits}f}"

    def percent(self, value: float) -> str:
        return f"{value * 100:.0f}%"

    def change(self, share: float) -> str:
        """A relative change with its sign: '+60%', '-12%', and '0%' (never '-0%')."""
        shown = f"{share:+.0%}"
        return "0%" if shown in ("+0%", "-0%") else shown

    def scenario_text(self, raw: dict, key: str) -> str:
        """A scenario's name or description in this language (English when not translated),
        without control characters (a scenario file is not trusted to be tidy)."""
        value = raw.get(f"{key}_{self.lang}") or raw.get(key) or ""
        return clean(value if isinstance(value, str) else str(value), LIMITS.get(key, 2000))
