"""Reading scenario files safely: size limit, UTF-8, `yaml.SafeLoader` with node limits.

Scenario files come from players and teachers, so reading one must never run code, exhaust
memory or end in a traceback. `SafeLoader` already refuses ``!!python/...`` tags; on top of it
`BoundedLoader` counts nodes *after alias expansion* (so a "billion laughs" file is refused while
it is still a few kilobytes of nodes), limits nesting depth and reports duplicate keys.
Everything wrong becomes a `Problem`.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, SequenceNode

from game.scenario.errors import Problem, ScenarioError
from game.scenario.text import bad_character, char_name

MAX_FILE_BYTES = 5 * 1024 * 1024
# Counted with every alias expanded. The shipped levels have about 1,500; PyYAML composes some
# 17,000 a second, so the limit also keeps a hostile file under two seconds.
MAX_NODES = 30_000
MAX_DEPTH = 64


class _TooBig(yaml.YAMLError):
    """Raised inside the loader when a limit is passed."""


class BoundedLoader(yaml.SafeLoader):
    """A `SafeLoader` that refuses huge expansions, deep nesting and recursive aliases."""

    def __init__(self, stream):
        super().__init__(stream)
        self._sizes: dict[int, int] = {}  # id(node) -> size with aliases expanded
        self._depth = 0
        self._composed = 0
        self.duplicates: list[tuple[str, int, int]] = []  # (key, line, column)

    def compose_node(self, parent, index):
        if self.check_event(AliasEvent):
            node = super().compose_node(parent, index)
            if id(node) not in self._sizes:  # an alias to a node still being composed
                raise _TooBig("an alias refers to its own ancestor (recursive data)")
            return node
        self._depth += 1
        self._composed += 1  # stops a huge plain file early, before its root is complete
        if self._composed > MAX_NODES:
            raise _TooBig(f"more than {MAX_NODES:,} values")
        if self._depth > MAX_DEPTH:
            raise _TooBig(f"data nested more than {MAX_DEPTH} levels deep")
        node = super().compose_node(parent, index)
        self._depth -= 1
        size = 1 + sum(self._sizes.get(id(c), 1) for c in _children(node))
        if size > MAX_NODES:
            raise _TooBig(
                f"more than {MAX_NODES:,} values once aliases are expanded (an alias bomb?)"
            )
        self._sizes[id(node)] = size
        return node

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) or key is None:
                if key in seen:
                    mark = key_node.start_mark
                    self.duplicates.append((str(key), mark.line + 1, mark.column + 1))
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


# YAML 1.1 reads `1.0e9` and `1e9` as text (it wants `1.0e+9`); authors mean a number, as in
# YAML 1.2, so floats are also recognised with an unsigned exponent or no decimal point.
BoundedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return list(node.value)
    if isinstance(node, MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def read_text(path: str | Path) -> str:
    """The text of a scenario file, or `ScenarioError` with one clear problem."""
    p = Path(path)
    source = str(path)

    def fail(message: str) -> ScenarioError:
        return ScenarioError([Problem("", message, source)])

    if not p.exists():
        raise fail("no such file")
    if p.is_dir():
        raise fail("is a directory, not a scenario file")
    try:
        with open(p, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise fail(f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise fail(f"is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB; refusing to read it")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(f"is not UTF-8 text (bad byte at offset {exc.start})") from None


def parse_yaml(text: str, source: str) -> object:
    """Parse one YAML document with `BoundedLoader`; problems become `ScenarioError`."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise ScenarioError([Problem("", "text is larger than 5 MB; refusing to parse it", source)])
    bad = control_characters(text, source)
    if bad:
        raise ScenarioError(bad)
    loader = None
    try:
        loader = BoundedLoader(text)  # the reader checks characters as soon as it is built
        tree = loader.get_single_data()
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem("", _yaml_message(exc), source)]) from None
    except RecursionError:
        raise ScenarioError([Problem("", "data is nested too deeply", source)]) from None
    finally:
        if loader is not None:
            loader.dispose()
    problems = [
        Problem("", f"line {line}, column {col}: duplicate key '{key}'", source)
        for key, line, col in loader.duplicates
    ]
    if problems:
        raise ScenarioError(problems)
    return tree


def control_characters(text: str, source: str, limit: int = 5) -> list[Problem]:
    """A located problem for each control character in the text (even in a comment), up to
    `limit` of them: a scenario file is plain text, and these break terminals and fonts."""
    problems: list[Problem] = []
    if bad_character(text, multiline=True) is None:
        return problems  # the usual case: one scan of the whole text
    for number, line in enumerate(text.split("\n"), start=1):  # str.splitlines breaks at \f too
        bad = bad_character(line, multiline=True)
        if bad is not None:
            column, char = bad
            problems.append(
                Problem(
                    "",
                    f"line {number}, column {column + 1}: the control character "
                    f"{char_name(char)} is not allowed in a scenario file (not even in a comment)",
                    source,
                )
            )
            if len(problems) == limit:
                break
    return problems


def _yaml_message(exc: yaml.YAMLError) -> str:
    if isinstance(exc, _TooBig):
        return f"refused: {exc}"
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
    problem = getattr(exc, "problem", None) or str(exc)
    if isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        tag = problem.split("tag", 1)[1].strip(" '")
        return (
            f"{where}tag {tag} is not allowed: scenario files hold plain data "
            "(no Python objects or custom tags)"
        )
    if "another document" in problem:
        return f"{where}a scenario file holds one YAML document, but a second one starts here"
    if isinstance(exc, yaml.MarkedYAMLError):
        context = f" ({exc.context})" if getattr(exc, "context", None) else ""
        return f"{where}YAML syntax error: {problem}{context}"
    return f"YAML error: {problem}"


def plain_copy(tree: object, source: str) -> object:
    """A fresh copy of a data tree with shared (aliased) parts unshared, within the same limits.

    Overrides then change one place only, and an in-memory tree gets the guards a file gets.
    """
    count = 0

    def copy(x: object, depth: int) -> object:
        nonlocal count
        count += 1
        if count > MAX_NODES or depth > MAX_DEPTH:
            what = f"more than {MAX_NODES:,} values" if count > MAX_NODES else "nesting too deep"
            raise ScenarioError([Problem("", f"refused: {what}", source)])
        if isinstance(x, dict):
            return {k: copy(v, depth + 1) for k, v in x.items()}
        if isinstance(x, list):
            return [copy(v, depth + 1) for v in x]
        return x

    return copy(tree, 0)
