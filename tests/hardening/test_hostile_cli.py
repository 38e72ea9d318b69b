"""Hostile inputs to the `hydra` command (issue 14): each ends with exit 2 (or its documented
status) and a located message, never a traceback."""

from __future__ import annotations

import pytest

from game.cli import main
from tests.hardening.conftest import CLASSROOM, TINY, hydra

CONTROL = ["\x00", "\x0c", "\x1b", "\x7f", "\ufffe"]


def refused(capsys, *args) -> str:
    """Run `hydra ARGS` in-process; it must return 2 and say why (`check` lists on stdout)."""
    assert main([str(a) for a in args]) == 2
    captured = capsys.readouterr()
    said = captured.err + captured.out
    assert said.strip() and "Traceback" not in said
    return said


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_a_control_character_in_a_comment_is_refused_by_every_command(tmp_path, capsys, char):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.replace("turns: 12", f"turns: 12  # a comment {char} here"), "utf-8")
    orders = tmp_path / "orders.yaml"
    orders.write_text(f"# orders {char}\n- {{turn: 1, order: interdict, region: R0}}\n", "utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(TINY, encoding="utf-8")
    out = tmp_path / "out"
    for args in (
        ["check", bad],
        ["run", "--scenario", bad],
        ["run", "--scenario", good, "--orders", orders],
        ["lab", "--scenario", bad, "--seeds", "1", "--turns", "1", "--out", out],
        ["experiment", "split", "--scenario", bad, "--seeds", "1"],
        ["play", "--scenario", bad],
    ):
        err = refused(capsys, *args)
        assert f"U+{ord(char):04X}" in err and "line" in err and "column" in err


def test_a_nul_in_a_scenario_name_is_refused_by_check(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.replace("name: Tiny", 'name: "Ti\\0ny"'), encoding="utf-8")
    assert "name: contains the control character U+0000" in refused(capsys, "check", bad)


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("start: 2006-12", "start: 9999-12", "start"),
        ("start: 2006-12", "start: 0001-01", "start"),
        ("budget: 1000000", "budget: 1.0e305", "budget"),
        ("rivals: {south: 1.0}", "rivals: {south: 1.0e20}", "factions[0].rivals.south"),
        (
            "factions:",
            "local_groups: {count: 3, members: 100, rivalry: 1.0e20}\nfactions:",
            "local_groups.rivalry",
        ),
        (
            "factions:",
            "local_groups: {count: 3, members: 100, regions: {R0: 1.0e308, R1: 1.0e308}}\n"
            "factions:",
            "local_groups.regions.R0",
        ),
    ],
)
def test_values_that_would_crash_a_run_are_refused_by_check(tmp_path, capsys, old, new, where):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TINY.replace(old, new), encoding="utf-8")
    assert f"{where}:" in refused(capsys, "check", bad)


def test_thousands_of_named_factions_are_refused_with_the_cap(tmp_path, capsys):
    lines = [TINY.split("factions:")[0] + "factions:"]
    lines += [f"  - {{id: f{k}, name: F{k}}}" for k in range(5_000)]
    bad = tmp_path / "many.yaml"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "factions: lists 5000 entries; at most 500" in refused(capsys, "check", bad)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["run", "--seed", "-1"], "--seed"),
        (["run", "--save", ""], "--save"),
        (["run", "--turns", "-3"], "--turns"),
        (["experiment", "decapitation", "--clarity", "nan"], "--clarity"),
        (["experiment", "decapitation", "--target", "nobody", "--seeds", "1"], "nobody"),
        (["lab", "--compare", "", "--out", "x"], "--compare"),
    ],
)
def test_impossible_options_are_refused(capsys, args, said):
    assert said in refused(capsys, *args)


def test_an_orders_file_naming_an_unknown_faction_leader_is_refused(tmp_path, capsys):
    orders = tmp_path / "orders.yaml"
    orders.write_text("- {turn: 1, order: hvt, target: nonexistent.leader}\n", encoding="utf-8")
    err = refused(capsys, "run", "--scenario", CLASSROOM, "--orders", orders)
    assert "orders[0].target" in err and "nonexistent" in err


def test_a_splinter_leader_may_be_named_before_the_splinter_exists(tmp_path, capsys):
    orders = tmp_path / "orders.yaml"
    orders.write_text("- {turn: 1, order: hvt, target: cjng_el_sapo.leader}\n", encoding="utf-8")
    assert main(["run", "--scenario", str(CLASSROOM), "--orders", str(orders), "--turns", "1"]) == 0


def test_the_lab_refuses_an_unwritable_out_folder_before_running_anything(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    args = ["lab", "--scenario", CLASSROOM, "--seeds", "50", "--turns", "1200"]
    err = refused(capsys, *args, "--out", blocker / "out")
    assert "cannot write" in err and "[" not in err.split("cannot write")[0]  # no progress bar


@pytest.mark.parametrize("target", ["/dev/full", "symlink", "folder"])
def test_a_save_over_a_device_a_symlink_or_a_folder_is_refused(tmp_path, capsys, target):
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    path = {"/dev/full": "/dev/full", "symlink": tmp_path / "link.json", "folder": tmp_path}
    if target == "symlink":
        path["symlink"].symlink_to(real)
    err = refused(capsys, "run", "--scenario", CLASSROOM, "--turns", "1", "--save", path[target])
    assert "cannot write" in err
    assert real.read_text(encoding="utf-8") == "{}"
    if target == "symlink":
        assert path["symlink"].is_symlink()


def test_output_to_a_full_disk_is_a_message_not_a_traceback():
    with open("/dev/full", "w") as full:
        proc = hydra("check", CLASSROOM, stdout=full)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "cannot write the output" in proc.stderr


def test_a_closed_stdout_is_not_a_traceback():
    proc = hydra("check", CLASSROOM, shell_tail=">&-")
    assert proc.returncode in (0, 2) and "Traceback" not in proc.stderr


def test_a_pipe_closed_early_ends_quietly():
    proc = hydra("run", "--scenario", CLASSROOM, "--turns", "24", shell_tail="| head -1")
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == "" and proc.returncode in (0, 141)
