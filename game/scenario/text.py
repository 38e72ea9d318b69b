"""Which characters a name or a text may hold: no control characters, anywhere.

Names and texts end up in window captions, fonts, file names and terminals; a NUL, an escape
sequence or a lone surrogate there crashes or corrupts them. Refused: the C0 and C1 control
characters and DEL (a text may keep tab and newline), lone surrogates, Unicode non-characters
(U+FFFE, U+FFFF, U+FDD0..U+FDEF, and the last two of every plane) and the bidirectional overrides
that make a text display differently from what it is. Shared by scenarios and saves.
"""

from __future__ import annotations

import re

# Printable per YAML 1.1 (PyYAML's reader), less DEL, C1, non-characters and bidi overrides.
_BAD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_LINE_BREAKS = re.compile("[\t\n\r\x85\u2028\u2029]")


def bad_character(text: str, multiline: bool = False) -> tuple[int, str] | None:
    """(index, character) of the first character `text` may not hold, or None.

    A name (`multiline` False) may not break lines or hold tabs either; a text may.
    """
    found = _BAD.search(text)
    if not multiline:
        breaks = _LINE_BREAKS.search(text)
        if breaks and (found is None or breaks.start() < found.start()):
            found = breaks
    return (found.start(), found.group()) if found else None


def char_name(char: str) -> str:
    """U+0000 style, for messages (the character itself may not print)."""
    return f"U+{ord(char):04X}"


def text_problem(text: str, multiline: bool = False) -> str | None:
    """A message for the first bad character of `text`, or None when it is clean."""
    bad = bad_character(text, multiline)
    if bad is None:
        return None
    index, char = bad
    return f"contains the control character {char_name(char)} at position {index + 1}"
