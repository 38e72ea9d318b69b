"""Every word a player reads, in English and Spanish (es-MX), in one catalogue per language:
`assets/ui/i18n/<lang>.json`. The screens, the news (event sentences, reasons), the names the
game makes for new factions and the budget's programme texts all read it; the model carries ids
and enums only.

A missing key falls back to English, then to the key itself, so a forgotten string shows up as
text instead of a crash (and the tests catch it first).
"""

from __future__ import annotations

import json
from functools import cache

from game.paths import ROOT

CATALOGUE = ROOT / "assets" / "ui" / "i18n"
LANGUAGES = ("en", "es")


@cache
def table(lang: str) -> dict[str, object]:
    """The catalogue of `lang` (English for an unknown language)."""
    lang = lang if lang in LANGUAGES else "en"
    with open(CATALOGUE / f"{lang}.json", encoding="utf-8") as fh:
        return json.load(fh)


def word(lang: str, key: str, default: str | None = None) -> str:
    """The text of `key` in `lang`; English when that language lacks it; `default` (or the key
    itself) when neither has it."""
    value = table(lang).get(key, table("en").get(key))
    return value if isinstance(value, str) else (key if default is None else default)
