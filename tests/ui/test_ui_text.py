"""Every string in English and Spanish, settings that never crash, the first run's language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from game.text.words import CATALOGUE as I18N
from game.ui.i18n import Strings
from game.ui.settings import Settings, system_language

UI = Path(__file__).resolve().parents[2] / "game" / "ui"
DYNAMIC = {  # keys built in code from these parts
    "mode.": ["control", "homicides", "capacity", "intel", "routes", "troops"],
    "tab.": ["state", "budget", "orders", "news"],
    "difficulty.": ["easy", "normal", "hard"],
    "group.": ["force", "intelligence", "institutions", "prevention"],
    "lang.": ["en", "es"],
}


def load(lang):
    return json.loads((I18N / f"{lang}.json").read_text(encoding="utf-8"))


def keys_in_code() -> set[str]:
    pattern = re.compile(r"""["']((?:[a-z_]+\.)+[a-z_0-9]+)["']""")
    found = set()
    known_prefixes = {k.split(".")[0] for k in load("en")}
    for path in UI.rglob("*.py"):
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key.split(".")[0] in known_prefixes and not key.endswith((".py", ".json")):
                found.add(key)
    return found


def test_english_and_spanish_have_the_same_strings():
    assert set(load("en")) == set(load("es"))


def test_every_string_the_code_asks_for_exists():
    en = load("en")
    missing = sorted(
        k for k in keys_in_code() if k not in en and not any(k == p[:-1] for p in DYNAMIC)
    )
    assert not missing, missing
    for prefix, parts in DYNAMIC.items():
        for part in parts:
            assert prefix + part in en


def test_placeholders_match_between_languages():
    en, es = load("en"), load("es")
    for key, value in en.items():
        if isinstance(value, str):
            assert set(re.findall(r"{(\w+)", value)) == set(re.findall(r"{(\w+)", es[key])), key


def test_spanish_keeps_its_accents():
    es = load("es")
    text = " ".join(v for v in es.values() if isinstance(v, str))
    for word in (
        "Configuración",
        "Órdenes",
        "Inteligencia",
        "análisis" if "análisis" in text else "más",
    ):
        assert word in text
    assert "Mexico" not in text


def test_months_and_money_read_naturally():
    assert Strings("en").month("2026-03") == "March 2026"
    assert Strings("es").month("2026-03") == "marzo de 2026"
    assert Strings("es").money(24_730_000_000) == "$24,730 M de pesos"
    assert Strings("en").money(24_730_000_000) == "MXN $24,730 M"


def test_a_missing_key_shows_the_key_instead_of_crashing():
    assert Strings("es")("no.such.key") == "no.such.key"


@pytest.mark.parametrize(
    "lang,expected", [("es_MX.UTF-8", "es"), ("en_GB.UTF-8", "en"), ("fr_FR", "en")]
)
def test_the_first_run_follows_the_system_language(monkeypatch, tmp_path, lang, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", lang)
    assert system_language() == expected
    assert Settings.load(tmp_path / "missing.json").language == expected


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{",
        "[1, 2]",
        '{"ui_scale": "huge", "language": "klingon"}',
        '{"a":' * 5000 + "1" + "}" * 5000,  # deep nesting: refused before parsing
        '{"language": "es", "pad": "' + "x" * 100_000 + '"}',  # far bigger than any settings
    ],
    ids=["empty", "cut", "list", "wrong-values", "deep", "huge"],
)
def test_damaged_settings_fall_back_to_defaults(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_text(content, encoding="utf-8")
    settings = Settings.load(path)
    assert settings.language in ("en", "es")
    assert settings.ui_scale > 0


def test_settings_survive_a_round_trip(tmp_path):
    path = tmp_path / "config" / "settings.json"
    Settings(language="es", ui_scale=1.3, colourblind=True).save(path)
    again = Settings.load(path)
    assert (again.language, again.ui_scale, again.colourblind) == ("es", 1.3, True)


def test_the_catalogue_has_words_for_everything_the_model_names():
    """Every event kind has a sentence, every cause a reason, every programme its texts."""
    from game.sim.events import Cause, Kind
    from game.sim.levers import PROGRAMMES

    for lang in ("en", "es"):
        words = load(lang)
        missing = [f"event.{k.value}" for k in Kind if f"event.{k.value}" not in words]
        missing += [
            f"reason.{c.value}" for c in Cause if c.value and f"reason.{c.value}" not in words
        ]
        missing += [
            f"programme.{p.id}.{part}"
            for p in PROGRAMMES
            for part in ("name", "effect", "delay")
            if f"programme.{p.id}.{part}" not in words
        ]
        assert not missing, (lang, missing)


def test_factions_the_game_creates_have_a_short_name_for_tables_and_charts():
    """Splinters and local groups have no scenario short name: the short form is made from the
    parent and founder, or the group's number (a blank label in the state panel otherwise)."""
    from types import SimpleNamespace

    from game.scenario.types import Faction
    from game.ui.names import short_name

    parent = Faction("cu", "Cárteles Unidos", "CU", 3, None, (), 0.5)
    splinter = Faction("cu_limonero", "", "", 3, None, (), 0.5, parent="cu", founder="El Limonero")
    local = Faction("local_102", "", "", 0, None, (), 0.5, local=True, home=0)
    view = SimpleNamespace(factions=(parent, splinter, local), archive=(), places=("Guerrero",))
    for lang in ("en", "es"):
        t = Strings(lang)
        assert short_name(splinter, view, t) == "CU-Limonero"
        assert short_name(local, view, t) == "L102"
        assert short_name(parent, view, t) == "CU"


def test_a_splinters_family_tree_and_origin_reach_its_dissolved_parent():
    from dataclasses import replace
    from types import SimpleNamespace

    from game.scenario.types import Faction
    from game.ui.names import record, short_name
    from game.ui.widgets.orgchart import family

    cdn = replace(Faction("cdn", "Cártel del Noreste", "CDN", 5, None, (), 0.5), dissolved=4)
    a = Faction("cdn_regio", "", "", 5, None, (), 0.5, parent="cdn", founder="El Regio")
    b = Faction("cdn_toro", "", "", 5, None, (), 0.5, parent="cdn", founder="El Toro")
    view = SimpleNamespace(factions=(a, b), archive=(cdn,), places=())
    root, children = family(view, a)
    assert root is cdn and [f.id for f in children["cdn"]] == ["cdn_regio", "cdn_toro"]
    assert short_name(record(view, a.parent), view, Strings("es")) == "CDN"
