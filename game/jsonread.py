"""Reading untrusted JSON within bounds: size, nesting depth and number of values.

Saves and settings come from disk, where anything can be put. Python's parser recurses per
level (2 KB of brackets is a RecursionError) and makes a Python object per value (a 198 MB file of
`[],` takes 5 GB), so the bytes are measured first with cheap C-speed scans: the size before
reading, then brackets and commas counted, then the depth of the brackets outside strings. Only
then is the text parsed. `NaN` and `Infinity` parse as floats so the caller can say where they are.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path


class JsonRefused(ValueError):
    """Bytes that are not JSON within the limits; the message says which limit or where."""


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_depth: int
    max_containers: int  # lists and mappings
    max_values: int  # every value, counted by its separators (an upper estimate)
    max_strings: int = 500_000


MAX_SAVE_BYTES = 64 * 1024 * 1024  # a 600-month game on the Mexico map is about 3 MB
# Parsing makes a Python object per value: 5 million values keep a load within a few hundred MB.
# The model's loader and the desktop's load list read saves with the same bounds.
SAVE_LIMITS = Limits(
    max_bytes=MAX_SAVE_BYTES, max_depth=32, max_containers=500_000, max_values=5_000_000
)

# A string runs to its closing quote or to the end of the data (so a scan never starts again
# inside an unterminated one: linear time whatever the bytes).
_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_CONSTANTS = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}


def read_json_bounded(path: str | os.PathLike, limits: Limits) -> object:
    """The JSON in `path`; OSError when it cannot be read, JsonRefused when it is not JSON
    within `limits`. The size is checked before a byte is read."""
    path = Path(path)
    if path.stat().st_size > limits.max_bytes:
        raise JsonRefused(f"larger than {_size(limits.max_bytes)}; refusing to read it")
    with open(path, "rb") as fh:
        data = fh.read(limits.max_bytes + 1)
    return parse_json_bounded(data, limits)


def parse_json_bounded(data: bytes, limits: Limits) -> object:
    """Parse `data` after checking it against `limits`; JsonRefused says why not."""
    if len(data) > limits.max_bytes:
        raise JsonRefused(f"larger than {_size(limits.max_bytes)}; refusing to read it")
    containers = data.count(b"[") + data.count(b"{")
    if containers > limits.max_containers:
        raise JsonRefused(f"more than {limits.max_containers:,} lists and mappings")
    if data.count(b'"') > 2 * limits.max_strings:
        raise JsonRefused(f"more than {limits.max_strings:,} texts")
    if data.count(b",") + data.count(b":") + containers > limits.max_values:
        raise JsonRefused(f"more than {limits.max_values:,} values")
    depth = nesting_depth(data)
    if depth > limits.max_depth:
        raise JsonRefused(f"nested {depth} levels deep; at most {limits.max_depth}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonRefused(f"not UTF-8 text (bad byte at offset {exc.start})") from None
    try:
        return json.loads(text, parse_constant=_CONSTANTS.__getitem__)
    except json.JSONDecodeError as exc:
        raise JsonRefused(f"not JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    except (ValueError, RecursionError) as exc:  # e.g. an integer of more than 4,300 digits
        raise JsonRefused(f"not JSON within limits ({exc})") from None


def nesting_depth(data: bytes) -> int:
    """The deepest nesting of brackets outside strings (0 for a plain value)."""
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in brackets:
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"
