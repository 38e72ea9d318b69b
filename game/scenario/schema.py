"""The shape of a scenario file as pydantic models: keys, types and ranges.

This is the structural half of validation (docs/scenario-format.md, tables): unknown keys, wrong
types (strict: ``true`` is not a number, ``"12"`` is not an integer), NaN/inf, ranges and string
lengths. Cross-references (regions, faction ids, symmetric relations) live in
`game.scenario.validate`. Pydantic errors are translated here into `Problem`s with "did you mean".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model
from pydantic_core import PydanticCustomError

from game.scenario.errors import Problem, did_you_mean, format_path, shorten
from game.scenario.params import BY_NAME
from game.scenario.text import text_problem
from game.scenario.types import ModelParams, Personality, RegionInit

NAME_MAX = 200
TEXT_MAX = 5000
MAX_MEMBERS = 1e7  # in one region at the start: 50 times all of Mexico's cartel members
# A game keeps [F, F] relation matrices and about a dozen [F, R] and [F] arrays, and the cartel
# AI looks at every pair of factions each month: 500 named factions (the most violent years had
# a few hundred groups) and 2,000 factions in all keep a month within memory and seconds.
MAX_NAMED_FACTIONS = 500
MAX_LOCAL_GROUPS = 2000
MAX_FACTIONS = 2000  # named factions plus local groups
MAX_CELLS = 1_000_000  # factions x regions: each [F, R] array stays within 8 MB
MAX_BUDGET = 1e13  # pesos a month: a thousand times Mexico's whole security budget
MAX_RELATION = 100.0  # rivalry and alliance weights (1 is a full war or a full alliance)
MAX_REGION_WEIGHT = 1e12  # local-group region weights: their sum stays a finite float
YEARS = (1900, 2200)
MAX_EQUILIBRIUM = 1e7  # recruitment_rate / saturation_rate: where a faction's growth levels off  # a start year; 1,200 months later is still a valid date


def _name(v: str) -> str:
    problem = text_problem(v)
    if problem:
        raise PydanticCustomError("control_character", problem)
    return v


def _text(v: str) -> str:
    problem = text_problem(v, multiline=True)
    if problem:
        raise PydanticCustomError("control_character", problem)
    return v


Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+$", max_length=64)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=NAME_MAX), AfterValidator(_name)]
Text = Annotated[str, StringConstraints(max_length=TEXT_MAX), AfterValidator(_text)]
Share = Annotated[float, Field(ge=0, le=1)]
Members = Annotated[float, Field(ge=0, le=MAX_MEMBERS)]
Weight = Annotated[float, Field(ge=0, le=MAX_RELATION)]
RegionWeight = Annotated[float, Field(ge=0, le=MAX_REGION_WEIGHT)]


def _schema_version(v: int) -> int:
    if v != 1:
        raise PydanticCustomError("schema_version", "must be 1, got {v}", {"v": v})
    return v


def _year_month(v: str) -> str:
    m = re.fullmatch(r"(\d{4})-(\d{2})", v)
    if not m or not (1 <= int(m[2]) <= 12):
        raise PydanticCustomError("year_month", "must be a month as YYYY-MM, got '{v}'", {"v": v})
    if not YEARS[0] <= int(m[1]) <= YEARS[1]:
        raise PydanticCustomError(
            "year_month",
            "the year must be from {lo} to {hi}, got '{v}'",
            {"v": v, "lo": YEARS[0], "hi": YEARS[1]},
        )
    return v


def _keyed(kind: str) -> dict:
    """Field metadata naming what a mapping's keys refer to ("region" or "faction")."""
    return {"keys": kind}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


def _model_field(f: dataclasses.Field) -> tuple[type, Any]:
    lo, hi = BY_NAME[f.name].bounds  # game/scenario/params.py
    return float, Field(f.default, ge=lo, le=hi)


# One key per `ModelParams` field, so the file format follows the model as it grows.
ModelSection = create_model(
    "ModelSection",
    __base__=_Strict,
    **{f.name: _model_field(f) for f in dataclasses.fields(ModelParams)},
)


class RegionSection(_Strict):
    police: Share = RegionInit.police
    courts: Share = RegionInit.courts
    background_homicide_rate: float | None = Field(None, ge=0, le=200)
    job_losses: Share = 0.0


class Person(_Strict):
    id: Id
    name: Name
    home: Name
    loyalty: Share = 0.5
    fictional: bool = False


class PersonalitySection(_Strict):
    aggression: Share = Personality.aggression
    expansion: Share = Personality.expansion
    corruption: Share = Personality.corruption
    caution: Share = Personality.caution


class Faction(_Strict):
    id: Id
    name: Name
    short: Name | None = None  # default: the id in capitals
    colour: int | None = Field(None, ge=0, le=15)  # default: file position modulo 16
    members: dict[Name, Members] = Field(default_factory=dict, json_schema_extra=_keyed("region"))
    leader: Person | None = None
    lieutenants: list[Person] = Field(default_factory=list)
    succession_clarity: Share = 0.5
    personality: PersonalitySection = Field(default_factory=PersonalitySection)
    rivals: dict[Name, Weight] = Field(default_factory=dict, json_schema_extra=_keyed("faction"))
    allies: dict[Name, Weight] = Field(default_factory=dict, json_schema_extra=_keyed("faction"))
    parent: Id | None = None  # the faction this one split from, if any


class LocalGroups(_Strict):
    count: int = Field(ge=0, le=MAX_LOCAL_GROUPS)
    members: Members
    exponent: float = Field(-1.0, ge=-10, le=10)
    rank_offset: float | None = Field(None, ge=0, le=1e6)  # default: number of named factions
    regions: dict[Name, RegionWeight] | None = Field(None, json_schema_extra=_keyed("region"))
    rivalry: Weight = 0.5
    seed: int = Field(0, ge=0, le=2**63 - 1)


def _year_key(v: str) -> str:
    if not re.fullmatch(r"\d{4}", v) or not YEARS[0] <= int(v) <= YEARS[1]:
        raise PydanticCustomError(
            "year",
            "must be a year from {lo} to {hi}, got '{v}'",
            {"lo": YEARS[0], "hi": YEARS[1], "v": v},
        )
    return v


Year = Annotated[str, AfterValidator(_year_key)]


class Series(_Strict):
    """Values that change with the calendar, by year (linear between the years given, constant
    beyond them): data of the world the scenario is set in, not model parameters."""

    # US demand relative to the start (multiplies `us_demand_tonnes`), e.g. {"2006": 1.0, ...}.
    us_demand: dict[Year, Annotated[float, Field(ge=0, le=10)]] = Field(default_factory=dict)
    # Share of cartel-war killings that become disappearances rather than recorded homicides.
    disappeared_share: dict[Year, Share] = Field(default_factory=dict)


class Root(_Strict):
    schema_version: Annotated[int, AfterValidator(_schema_version)]
    id: Id
    name: Name
    name_es: Name | None = None
    description: Text
    description_es: Text | None = None
    map: Name
    start: Annotated[str, AfterValidator(_year_month)]
    turns: int = Field(ge=1, le=1200)
    budget: float = Field(gt=0, le=MAX_BUDGET)
    model: ModelSection = Field(default_factory=ModelSection)
    regions: dict[Name, RegionSection] = Field(
        default_factory=dict, json_schema_extra=_keyed("region")
    )
    factions: list[Faction] = Field(max_length=MAX_NAMED_FACTIONS)
    local_groups: LocalGroups | None = None
    series: Series = Field(default_factory=lambda: Series())


# --- walking the schema (for "did you mean" and for --set paths) -------------------------------


def unwrap(tp: Any) -> Any:
    """Strip ``Annotated`` and ``Optional`` from a type annotation."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def type_at(loc: tuple, root: Any = Root) -> Any:
    """The schema type found at `loc` (a model class, list[...], dict[...] or a scalar type)."""
    tp = unwrap(root)
    for part in loc:
        if is_model(tp):
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return None
            tp = field.annotation
        elif get_origin(tp) in (list, dict):
            tp = get_args(tp)[-1]
        else:
            return None
        tp = unwrap(tp)
    return tp


# --- translating pydantic errors ----------------------------------------------------------------

_EXPECTED = {
    "float_type": "a number",
    "int_type": "a whole number",
    "string_type": "text",
    "bool_type": "true or false",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "list_type": "a list",
}

_BOUNDS = {
    "greater_than_equal": (">=", "ge"),
    "greater_than": (">", "gt"),
    "less_than_equal": ("<=", "le"),
    "less_than": ("<", "lt"),
}


def describe(value: object) -> str:
    """How a bad value is quoted: its YAML-ish kind and a short repr."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()} (quote it or write YYYY-MM)"
    kind = {int: "integer", float: "number", str: "text", dict: "mapping", list: "list"}
    return f"{kind.get(type(value), type(value).__name__)} {shorten(value)}"


def _message(err: dict) -> str:
    kind, ctx, value = err["type"], err.get("ctx") or {}, err.get("input")
    loc = tuple(err["loc"])
    if kind == "missing":
        return "required key is missing"
    if kind == "extra_forbidden":
        model = type_at(loc[:-1])
        names = list(model.model_fields) if is_model(model) else []
        return f"unknown key {shorten(loc[-1])}{did_you_mean(loc[-1], names)}"
    if kind in _EXPECTED:
        return f"expected {_EXPECTED[kind]}, got {describe(value)}"
    if kind in _BOUNDS:
        sign, key = _BOUNDS[kind]
        return f"must be {sign} {ctx.get(key)}, got {shorten(value)}"
    if kind == "finite_number":
        return f"must be a finite number, got {value}"
    if kind == "string_too_long":
        return f"is {len(value)} characters long; at most {ctx.get('max_length')} allowed"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_long":
        return f"lists {ctx.get('actual_length')} entries; at most {ctx.get('max_length')} allowed"
    if kind == "string_pattern_mismatch":
        return f"{shorten(value)} may use only lower-case letters a-z, digits and _"
    return str(err.get("msg", kind))


def problems_from(errors: list[dict], source: str) -> list[Problem]:
    """Translate pydantic's `ValidationError.errors()` into located problems."""
    out = []
    for err in errors:
        loc = tuple(err["loc"])
        if loc and loc[-1] == "[key]":  # a bad mapping key: point at the key itself
            loc = loc[:-1]
        out.append(Problem(format_path(loc), _message(err), source))
    return out
