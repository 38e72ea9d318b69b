"""``--set dotted.key=value`` overrides, applied to the raw YAML tree before validation.

Paths follow the schema, not just the file: ``model.mobility=0.01`` works when the file has no
``model:`` section. Lists of things with ids are addressed by id (``factions.cjng.name=...``,
``factions.cjng.lieutenants.cjng_jardinero.loyalty=0.9``); region-keyed mappings accept any
spelling of a region and reuse the file's entry for it (``regions.JAL`` finds ``Jalisco:``).
Values are read as single YAML scalars (``0.9``, ``yes``, ``null``, ``'quoted'``), never as
collections or tagged objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, get_args, get_origin

import yaml
from yaml.nodes import ScalarNode

from game.scenario.errors import Problem, ScenarioError, did_you_mean, shorten
from game.scenario.names import MapProblem, RegionNames, resolve_map
from game.scenario.reading import BoundedLoader, parse_yaml
from game.scenario.schema import Root, is_model, unwrap


class _BadPath(Exception):
    """An override path that leads nowhere; the message says why."""


def apply_overrides(tree: dict, overrides: Iterable[str], source: str) -> list[Problem]:
    """Apply each override to `tree` in order; return a problem for each one that cannot apply."""
    problems = []
    for text in overrides:
        try:
            _apply_one(tree, text, source)
        except _BadPath as exc:
            key = text.split("=", 1)[0].strip()
            problems.append(Problem(f"--set {key}", str(exc), source))
    return problems


def _apply_one(tree: dict, text: str, source: str) -> None:
    if not isinstance(text, str) or "=" not in text:
        raise _BadPath(f"expected dotted.key=value, got {shorten(text)}")
    key, raw_value = text.split("=", 1)
    segments = key.strip().split(".")
    if not all(segments):
        raise _BadPath("empty key in the dotted path")
    _set(tree, segments, _scalar(raw_value.strip(), source))


def _scalar(text: str, source: str) -> object:
    """`text` read as one YAML scalar: ``0.9`` a number, ``yes`` true, ``a: b`` plain text."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        try:
            return parse_yaml(text, source)  # a quoted scalar: let YAML unescape it
        except ScenarioError as exc:
            raise _BadPath(f"value: {exc.problems[0].message}") from None
    loader = BoundedLoader("")
    try:
        tag = loader.resolve(ScalarNode, text, (True, False))
        return loader.construct_object(ScalarNode(tag, text))
    except (yaml.YAMLError, ValueError):
        return text
    finally:
        loader.dispose()


def _set(tree: dict, segments: list[str], value: object) -> None:
    node: Any = tree
    tp, meta = Root, {}
    for n, seg in enumerate(segments):
        key, child_tp, child_meta = _step(node, tp, meta, seg, tree)
        if n == len(segments) - 1:
            node[key] = value
            return
        node = _child(node, key, child_tp, ".".join(segments[: n + 1]))
        tp, meta = child_tp, child_meta


def _child(node: Any, key: Any, tp: Any, where: str) -> Any:
    """The container at `node[key]`, created empty when a mapping is missing."""
    kind = list if get_origin(tp) is list else dict
    if not (is_model(tp) or get_origin(tp) in (list, dict)):
        raise _BadPath(f"{where} is a single value: there is nothing inside it to set")
    child = node[key] if isinstance(node, list) or key in node else None
    if child is None and kind is dict:
        child = node[key] = {}
    if not isinstance(child, kind):
        raise _BadPath(f"{where} is not a {'list' if kind is list else 'mapping'} in the file")
    return child


def _step(node: Any, tp: Any, meta: dict, seg: str, tree: dict) -> tuple[Any, Any, dict]:
    """The key of `node` that `seg` addresses, with the schema type and field metadata there."""
    if is_model(tp):
        field = tp.model_fields.get(seg)
        if field is None:
            raise _BadPath(f"unknown key {seg!r}{did_you_mean(seg, tp.model_fields)}")
        return seg, unwrap(field.annotation), field.json_schema_extra or {}
    if get_origin(tp) is list:
        return _by_id(node, seg), unwrap(get_args(tp)[0]), {}
    if get_origin(tp) is dict:
        return _dict_key(node, seg, meta.get("keys"), tree), unwrap(get_args(tp)[1]), {}
    raise _BadPath(f"{seg!r}: cannot go inside a single value")


def _by_id(items: list, seg: str) -> int:
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get("id") == seg:
            return i
    ids = [item.get("id") for item in items if isinstance(item, dict)]
    ids = [i for i in ids if isinstance(i, str)]
    raise _BadPath(f"no entry with id {seg!r}{did_you_mean(seg, ids)}")


def _dict_key(node: dict, seg: str, keys: str | None, tree: dict) -> str:
    if keys == "faction":
        ids = [f.get("id") for f in tree.get("factions") or [] if isinstance(f, dict)]
        if seg not in ids:
            ids = [i for i in ids if isinstance(i, str)]
            raise _BadPath(f"unknown faction {seg!r}{did_you_mean(seg, ids)}")
        return seg
    names = _region_names(tree) if keys == "region" else None
    if names is None:
        return seg
    i = names.find(seg)
    if i is None:
        raise _BadPath(names.unknown(seg))
    existing = [k for k in node if names.find(k) == i]
    return existing[0] if existing else seg


def _region_names(tree: dict) -> RegionNames | None:
    spec = tree.get("map")
    if not isinstance(spec, str):
        return None
    try:
        return RegionNames(resolve_map(spec))
    except MapProblem:
        return None  # validation reports the map; region keys go unchecked here
