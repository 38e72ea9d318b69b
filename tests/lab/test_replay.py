"""Replays: the order log round-trips, replays reproduce the game, and the counterfactual kill."""

from pathlib import Path

from game.cli import main
from game.lab.backtest import history_until, turn_of
from game.lab.replay import (
    counterfactual,
    handed_over,
    hvt_turns,
    load_source,
    replay,
    source_from_game,
    was_it_luck,
)
from game.lab.runner import run_game
from game.scenario import load_scenario
from game.sim.operations import HVT, Interdict
from game.sim.order_types import order_from_dict, order_to_dict
from game.sim.save import save_game

ROOT = Path(__file__).resolve().parents[2]
MEXICO = str(ROOT / "levels" / "mexico_2026.yaml")
HISTORY = str(ROOT / "levels" / "history_2006.yaml")
KILL = HVT("cdn.leader", "kill", guaranteed=True)


def contested():
    return load_scenario(MEXICO, ["factions.cdn.succession_clarity=0"])


def saved_game(tmp_path, name="team", seed=3, turns=10, national=True):
    scenario = load_scenario(MEXICO, [])
    game = run_game(scenario, "balanced", turns, seed, scripted={3: [HVT("cdn.leader", "kill")]})
    path = tmp_path / f"{name}.json"
    meta = {"national": game.national} if national else {}
    log = [order_to_dict(t, o) for t, o in game.order_log]
    save_game(path, game.state, scenario.raw, log, meta)
    return path, game


def test_every_order_survives_the_order_log_format():
    for order in (KILL, Interdict(region=4, level=0.8)):
        item = order_to_dict(7, order)
        assert item["turn"] == 7 and item["kind"] == order.kind
        assert order_from_dict(item) == (7, order)


def test_replaying_a_saved_order_log_reproduces_the_game(tmp_path):
    path, game = saved_game(tmp_path, national=False)
    source = load_source(path)
    assert source.national == [] and source.turns == 10
    assert replay(source) == game.national


def test_the_counterfactual_of_a_contested_succession_kill_shows_more_violence(tmp_path):
    scenario, more_both = contested(), 0
    seeds = range(20)
    for seed in seeds:
        game = run_game(scenario, "passive", 24, seed, scripted={3: [KILL]}, experiment=True)
        result = counterfactual(source_from_game("kill", game), 3)
        played, without = result["played"], result["without"]
        assert played == game.national
        homicides = [sum(r["homicides"] for r in rows[4:25]) for rows in (played, without)]
        groups = [rows[-1]["armed_groups"] for rows in (played, without)]
        more_both += homicides[0] > homicides[1] and groups[0] > groups[1]
    share = more_both / len(seeds)
    assert share >= 0.7, f"the kill raised homicides and armed groups in only {share:.0%} of seeds"
    print(f"kill branch worse on both in {share:.0%} of seeds")


def test_was_it_luck_places_the_player_among_the_reruns(tmp_path):
    path, _ = saved_game(tmp_path)
    result = was_it_luck(load_source(path), seeds=4)
    assert len(result["runs"]) == 4
    assert 0 <= result["rate_percentile"] <= 100 and 0 <= result["score_percentile"] <= 100


def test_replay_command_prints_both_histories_and_writes_a_chart(tmp_path, capsys):
    path, _ = saved_game(tmp_path)
    out = tmp_path / "cf"
    assert (
        main(["replay", str(path), "--without-turn", "3", "--seeds", "3", "--out", str(out)]) == 0
    )
    text = capsys.readouterr().out
    assert "+6 months" in text and "end" in text and "re-runs ended lower" in text
    assert (out / "homicides_per_100k.png").exists() and (out / "runs.csv").exists()


def test_replay_refuses_a_month_without_an_hvt_operation(tmp_path, capsys):
    path, _ = saved_game(tmp_path)
    assert main(["replay", str(path), "--without-turn", "5"]) == 2
    assert "no HVT operation was ordered in month 5" in capsys.readouterr().err


def test_compare_puts_several_saves_side_by_side(tmp_path):
    a, _ = saved_game(tmp_path, "team_a", seed=3)
    b, _ = saved_game(tmp_path, "team_b", seed=3, national=False)
    out = tmp_path / "cmp"
    assert main(["lab", "--compare", str(a), str(b), "--out", str(out)]) == 0
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "| team_a |" in report and "| team_b |" in report
    assert (out / "armed_groups.png").exists()


def test_compare_refuses_a_file_that_is_not_a_save(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    assert main(["lab", "--compare", str(bad), "--out", str(tmp_path / "o")]) == 2
    assert "not a Hydra save" in capsys.readouterr().err


def test_a_game_taken_over_from_history_replays_history_as_the_experiment_it_was(tmp_path):
    scenario = load_scenario(HISTORY, [])
    game = history_until(scenario, "2008-02", 4)  # El Mochomo's capture (2008-01) is history's
    bookmark = turn_of(scenario, "2008-02")
    assert any(o.guaranteed for _, o in game.order_log if isinstance(o, HVT))
    assert not game.state.experiment
    game.play([HVT("sinaloa.leader", "capture")])
    game.play([])
    path = tmp_path / "taken.json"
    log = [order_to_dict(t, o) for t, o in game.order_log]
    meta = {"bookmark": {"month": "2008-02", "turn": bookmark}}
    save_game(path, game.state, scenario.raw, log, meta)
    source = load_source(path)
    assert source.bookmark == bookmark and hvt_turns(source) == [bookmark]
    assert replay(source) == game.national
    result = counterfactual(source, bookmark)
    assert (
        result["played"] == game.national
        and result["without"][:bookmark] == game.national[:bookmark]
    )
    elsewhere = handed_over(source, seed=5)  # another world: history's planner plays it there
    assert elsewhere.state.turn == bookmark - 1 and not elsewhere.state.experiment
