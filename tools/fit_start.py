"""Month-0 homicides of a 2026 start against the 2025 state estimates (issue 12, item 1).

    python tools/fit_start.py levels/mexico_2026.yaml            # the comparison table
    python tools/fit_start.py levels/classroom_24.yaml
    python tools/fit_start.py levels/mexico_2026.yaml --fit       # fit, print, write nothing
    python tools/fit_start.py levels/mexico_2026.yaml --fit --write

The model's month-0 homicides are *expected values* of the starting configuration
(game/sim/start.py: nothing random), so they can be compared with data directly. The table gives,
for every state, the model's rate per 100k next to the target (levels/data/
inegi_homicides_states.csv, `--year`, default 2025, whose rows are estimates), the model's terms
(the war: members killed in conflicts and the people those wars kill, less the share that
disappears; the everyday violence of cartel rule; the non-cartel background), the members there,
and `sqrt`, the factor by which scaling every member in the state would bring its war term to the
target (conflict deaths grow with the product of rival members in a state). The summary gives the
national rate, the Spearman rank correlation and the mean absolute log ratio over all states, how
many states are within a factor 1.5, total members and the named factions' shares.

`--fit` moves members, nothing else (rivalries, institutions, background rates and the
disappeared share are the file's; change them by hand, with a source, before fitting). It
minimises, over a multiplier of every member line of every named faction and of the local
groups' members in every state,
    sum over states of log(model / target)^2
    + 20 log(national / target)^2 + 50 log(members / --total)^2
    + 5 sum over named factions of log(members / documented)^2
    + 0.05 sum of the log multipliers^2      (stay near the file's map: who is where)
    + 10 sum over states of max(0, members / recruitable pool - 0.5)^2,
where "documented" is each named faction's share of the members in the file before the fit
(the shares the header documents) times `--total`. A named faction keeps every state it is in,
with at least 25 members. The local groups are then re-placed: their region weights become the
fitted members in thousands, and the seed is the one among `--seeds` whose drawn homes follow
those members most closely (the same rule as before: homes follow the weights); the named
factions are fitted once more around the drawn groups. With `--write` the numbers are rewritten in
place, every comment kept.
"""

from __future__ import annotations

from game.blas import single_threaded

single_threaded()  # before numpy is imported

import argparse
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from scipy.stats import spearmanr

from game.scenario import load_scenario
from game.scenario.localgroups import group_sizes
from game.sim import flows, policy
from game.sim import homicides as hom
from game.sim.start import new_game

DATA = Path(__file__).resolve().parent.parent / "levels" / "data" / "inegi_homicides_states.csv"
NATIONAL_BAND = (18.0, 23.0)  # FACTS.md F9: a 2026 start reflects 2025, about 18-23 per 100k
MEMBER_BAND = (175_000, 185_000)  # FACTS.md F1, F9: Prieto-Curiel's estimate, Feb 2026 ~183,000
DOCUMENTED_SHARES = {  # the header's 2022 shares (Prieto-Curiel, Campedelli & Hope 2023)
    "cjng": 0.179,
    "sinaloa": 0.089,  # both factions together
    "familia": 0.062,
    "cdn": 0.045,
    "tepito": 0.035,
}
MEMBER_LINE = re.compile(r"^(\s+)([A-Z]{3}):(\s*)([0-9]+(?:\.[0-9]+)?)(\s*)(#.*)?$")
MIN_LINE = 25  # a named faction keeps every state it is in (the map of who is where)


def targets(year: int) -> dict[str, float]:
    with open(DATA, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = {r["state_code"]: float(r["rate_per_100k"]) for r in rows if r["year"] == str(year)}
    if not out:
        sys.exit(f"no rows for {year} in {DATA}")
    return out


# ------------------------------------------------------------------------------------------------
# Evaluation with the game itself
# ------------------------------------------------------------------------------------------------
@dataclass
class Evaluation:
    codes: list[str]
    model: np.ndarray  # rate per 100k by state
    target: np.ndarray
    war: np.ndarray  # the terms, per 100k
    rule: np.ndarray
    background: np.ndarray
    other: np.ndarray  # deaths in state operations (none at month 0)
    members: np.ndarray  # by state
    local_members: np.ndarray
    faction_totals: dict[str, float]
    sinaloa_rivalry: float | None
    stats: dict = field(default_factory=dict)


def evaluate(scenario, tgt: dict[str, float]) -> Evaluation:
    state = new_game(scenario, 0)
    pops = scenario.map.populations().astype(float)
    per = 12.0 / pops * 1e5
    codes = [r.code for r in scenario.map.regions]
    p = scenario.model
    war = state.conflict_deaths.sum(0) * (1 + p.victims_per_cartel_death)
    war = war * (1 - hom.disappeared(scenario, 0))
    rule = hom.rule(state, scenario)
    bg = hom.background(scenario)
    local = np.array([f.local for f in scenario.factions], dtype=bool)
    index = scenario.faction_index()
    a, b = index.get("sinaloa_chapitos"), index.get("sinaloa_mayos")
    ev = Evaluation(
        codes=codes,
        model=state.homicides * per,
        target=np.array([tgt[c] for c in codes]),
        war=war * per,
        rule=rule * per,
        background=bg * per,
        other=(state.homicides - war - rule - bg) * per,
        members=state.members.sum(0),
        local_members=state.members[local].sum(0),
        faction_totals={
            f.id: float(state.members[i].sum())
            for i, f in enumerate(scenario.factions)
            if not f.local
        },
        sinaloa_rivalry=None if a is None or b is None else float(scenario.rivalry[a, b]),
    )
    logs = np.log(ev.model / ev.target)
    ev.stats = {
        "national": float(state.homicides.sum() * 12 / pops.sum() * 1e5),
        "national_target": float(ev.target @ pops / pops.sum()),
        "spearman": float(spearmanr(ev.model, ev.target).statistic),
        "mean_abs_log_ratio": float(np.mean(np.abs(logs))),
        "within_1_5": int(np.sum(np.abs(logs) <= np.log(1.5))),
        "members": float(state.members.sum()),
    }
    return ev


def shares(ev: Evaluation) -> dict[str, float]:
    out = {k: v / ev.stats["members"] for k, v in ev.faction_totals.items()}
    if "sinaloa_chapitos" in out and "sinaloa_mayos" in out:
        out["sinaloa"] = out["sinaloa_chapitos"] + out["sinaloa_mayos"]
    return out


def report(ev: Evaluation, out=sys.stdout) -> None:
    print(
        f"{'state':5} {'target':>7} {'model':>7} {'ratio':>6}   {'war':>6} {'rule':>5} "
        f"{'bg':>5}   {'members':>8} {'local':>7} {'sqrt':>6}",
        file=out,
    )
    want = np.maximum(ev.target - ev.rule - ev.background - ev.other, 0.0)
    for i in np.argsort(-ev.target, kind="stable"):
        sq = np.sqrt(want[i] / ev.war[i]) if ev.war[i] > 0 else float("nan")
        print(
            f"{ev.codes[i]:5} {ev.target[i]:7.1f} {ev.model[i]:7.1f} "
            f"{ev.model[i] / ev.target[i]:6.2f}   {ev.war[i]:6.1f} {ev.rule[i]:5.1f} "
            f"{ev.background[i]:5.1f}   {ev.members[i]:8.0f} {ev.local_members[i]:7.0f} "
            f"{sq:6.2f}",
            file=out,
        )
    s = ev.stats
    lo, hi = NATIONAL_BAND
    inside = "in" if lo <= s["national"] <= hi else "OUT"
    print(
        f"\nnational {s['national']:.1f} per 100k (target {s['national_target']:.1f}, "
        f"band {lo:.0f}-{hi:.0f}: {inside})",
        file=out,
    )
    print(
        f"spearman {s['spearman']:.3f}   mean |log ratio| {s['mean_abs_log_ratio']:.3f} "
        f"(a factor {np.exp(s['mean_abs_log_ratio']):.2f})   within x1.5: "
        f"{s['within_1_5']}/{len(ev.codes)}",
        file=out,
    )
    lo, hi = MEMBER_BAND
    inside = "in" if lo <= s["members"] <= hi else "OUT"
    print(f"members {s['members']:,.0f} (band {lo:,}-{hi:,}: {inside})", file=out)
    sh = shares(ev)
    named = sum(ev.faction_totals.values())
    parts = [
        f"{k} {100 * v:.1f}%"
        + (f" (doc {100 * DOCUMENTED_SHARES[k]:.1f})" if k in DOCUMENTED_SHARES else "")
        for k, v in sh.items()
    ]
    print("shares: " + ", ".join(parts), file=out)
    print(f"named factions {named:,.0f}, local groups {s['members'] - named:,.0f}", file=out)
    if ev.sinaloa_rivalry is not None:
        print(f"Sinaloa war: Chapitos vs Mayos rivalry {ev.sinaloa_rivalry:g}", file=out)


# ------------------------------------------------------------------------------------------------
# The editable numbers of a level file, found line by line so that every comment stays.
# ------------------------------------------------------------------------------------------------
@dataclass
class Editable:
    lines: list[str]
    members: dict[int, tuple[str, str]]  # line -> (faction id, state) of a member line
    weights: dict[int, str]  # line -> state of a local_groups region weight
    scalars: dict[str, int]  # local_groups key ("members", "seed") -> line

    @classmethod
    def parse(cls, text: str) -> Editable:
        lines = text.split("\n")
        members, weights, scalars = {}, {}, {}
        section, faction, block = None, None, None  # block: (kind, indent of its key)
        for k, line in enumerate(lines):
            code = line.split("#", 1)[0].rstrip()
            if not code.strip():
                continue
            indent = len(line) - len(line.lstrip())
            if indent == 0:
                section, block = code.rstrip(":"), None
                continue
            if block and indent <= block[1]:
                block = None
            key = code.strip()
            start = re.match(r"-\s+id:\s*(\S+)", key)
            if section == "factions" and start:
                faction, block = start.group(1), None
            elif section == "factions" and key == "members:":
                block = ("members", indent)
            elif section == "local_groups" and key == "regions:":
                block = ("regions", indent)
            elif section == "local_groups" and indent == 2 and re.match(r"(members|seed):", key):
                scalars[key.split(":")[0]] = k
            elif block and MEMBER_LINE.match(line):
                region = MEMBER_LINE.match(line).group(2)
                if block[0] == "members":
                    members[k] = (faction, region)
                else:
                    weights[k] = region
        return cls(lines, members, weights, scalars)

    def value(self, k: int) -> float:
        m = MEMBER_LINE.match(self.lines[k])
        if m:
            return float(m.group(4))
        return float(self.lines[k].split("#", 1)[0].split(":", 1)[1])

    def set(self, k: int, number: str) -> None:
        """Replace the number on line k, keeping the comment in its column where it fits."""
        m = re.match(r"^(\s*[A-Za-z_]+:)(\s*)([0-9.]+)(\s*)(#.*)?$", self.lines[k])
        head, sp, old, gap, comment = m.groups()
        if comment:
            gap = " " * max(1, len(old) + len(gap) - len(number))
        self.lines[k] = f"{head}{sp}{number}{gap if comment else ''}{comment or ''}"

    def text(self) -> str:
        return "\n".join(self.lines)


def round_members(x: float) -> int:
    step = 25 if x < 1000 else 50
    return int(max(MIN_LINE, step * round(x / step)))


def round_weight(x: float) -> str:
    """A weight in thousands of members, two significant digits."""
    if x <= 0:
        return "0"
    digits = max(0, 1 - int(np.floor(np.log10(x))))
    return f"{x:.{digits}f}"


# ------------------------------------------------------------------------------------------------
# The fit, on the same expected values as the game (checked against it before every fit)
# ------------------------------------------------------------------------------------------------
class Model:
    """Month-0 expected homicides as a function of the members matrix, for one scenario."""

    def __init__(self, scenario):
        state = new_game(scenario, 0)
        self.scenario = scenario
        p = scenario.model
        self.pops = scenario.map.populations().astype(float)
        self.codes = [r.code for r in scenario.map.regions]
        self.ids = [f.id for f in scenario.factions]
        self.local = np.array([f.local for f in scenario.factions], dtype=bool)
        self.base = state.members.copy()
        kernel = flows.enmity(state.rivalry, state.alliance)
        # A local group's rivalry holds with whoever shares its home (localgroups.py), so with
        # its home moved it still meets everyone there at that level.
        local_rivalry = float((scenario.raw.get("local_groups") or {}).get("rivalry", 0.5))
        loc = np.array([f.local for f in scenario.factions], dtype=bool)
        kernel[loc, :] = 1.0 + local_rivalry
        kernel[:, loc] = 1.0 + local_rivalry
        np.fill_diagonal(kernel, 0.0)
        self.kernel = kernel
        self.strength = flows.strength(state, scenario)
        vuln = 1.0 + p.disruption_vulnerability * state.disruption
        self.vuln = vuln
        self.theta = (
            p.conflict_rate * policy.conflict_multiplier(state, scenario) * flows.WEEKS_PER_MONTH
        )
        self.per_death = (1 + p.victims_per_cartel_death) * (1 - hom.disappeared(scenario, 0))
        self.presence = p.presence_homicides / 12.0
        self.fixed = hom.background(scenario) + state.state_deaths
        self.pool = p.recruit_pool_share * self.pops * (1.0 + scenario.arrays.job_losses)
        check = self.homicides(self.base)
        assert np.allclose(check, state.homicides, rtol=1e-9, atol=1e-9), "model drifted"

    def homicides(self, m: np.ndarray) -> np.ndarray:
        armed = m * self.strength[:, None]
        deaths = self.theta * ((self.vuln[:, None] * m) * (self.kernel @ armed)).sum(0)
        return deaths * self.per_death + self.presence * m.sum(0) + self.fixed

    def rates(self, m: np.ndarray) -> np.ndarray:
        return self.homicides(m) * 12 / self.pops * 1e5


WEIGHTS = {
    "national": 50.0,  # log(national / target)^2
    "total": 200.0,  # log(members / wanted)^2
    "shares": 20.0,  # sum over named factions of log(members / documented)^2
    "state": 0.005,  # sum over states of the state's common log multiplier^2
    "prior": 0.02,  # sum over lines of the rest of their log multiplier^2 (composition)
    "pool": 10.0,  # sum over states of max(0, members / recruitable pool - 0.5)^2
    "spread": 50.0,  # a faction's main states (5%+ of it) keep their share within a factor 2
    "wars": 20.0,  # open wars (rivalry 3, both 1,000+ in a state) keep their balance (x1.25)
}
SPREAD_BAND = np.log(2.0)
WAR_BAND = np.log(1.25)


def optimise(model: Model, lines, tgt, total, doc, locals_by: str, w=WEIGHTS, start=None):
    """Fit the members: every named member line [(faction index, region index, base)] and the
    local members of each state (`locals_by` "state"; "total": one factor for all the local
    groups, their homes fixed; "none") are multiplied by exp(a_state + z_line): a
    common factor of the state (the state grew quieter or more violent; cheap) and a change of
    its composition (who holds the state; dearer, as it is the story). The base of each line is
    the file's value before any fit (priors and anchors are measured from it); `start`, values
    of the lines to start from. Returns the members."""
    target = np.array([tgt[c] for c in model.codes])
    nat_target = target @ model.pops / model.pops.sum()
    fi = np.array([f for f, r, v in lines])
    ri = np.array([r for f, r, v in lines])
    v0 = np.array([v for f, r, v in lines], dtype=float)
    n_named = len(lines)
    n_r = len(model.codes)
    base = model.base.copy()
    base[fi, ri] = 0.0  # rebuilt from the lines
    loc = np.flatnonzero(model.local)
    loc_home = model.base[loc].argmax(axis=1)
    loc_size = model.base[loc].max(axis=1)
    named_ids = sorted(set(fi))
    doc_tot = np.array([doc[model.ids[f]] for f in named_ids])
    slot = {f: k for k, f in enumerate(named_ids)}
    fslot = np.array([slot[f] for f in fi])
    n_loc = {"state": n_r, "total": 1, "none": 0}[locals_by]
    # anchors of the story: a faction's main states, and the balance of its open wars
    share0 = v0 / np.bincount(fslot, weights=v0)[fslot]
    main = share0 >= 0.05
    wars = [
        (i, j)
        for i in range(n_named)
        for j in range(n_named)
        if i < j
        and ri[i] == ri[j]
        and min(v0[i], v0[j]) >= 1000
        and model.kernel[fi[i], fi[j]] >= 4.0
    ]
    wi = np.array([i for i, j in wars], dtype=int)
    wj = np.array([j for i, j in wars], dtype=int)

    def build(x):
        a, z = x[:n_r], x[n_r:]
        m = base.copy()
        m[fi, ri] = v0 * np.exp(a[ri] + z[:n_named])
        if locals_by == "state":
            m[loc, loc_home] = loc_size * np.exp(a[loc_home] + z[n_named:][loc_home])
        elif locals_by == "total":
            m[loc, loc_home] = loc_size * np.exp(z[n_named])
        return m

    def cost(x):
        m = build(x)
        h = model.homicides(m)
        rate = h * 12 / model.pops * 1e5
        c = np.sum(np.log(rate / target) ** 2)
        c += w["national"] * np.log(h.sum() * 12 / model.pops.sum() * 1e5 / nat_target) ** 2
        c += w["total"] * np.log(m.sum() / total) ** 2
        tots = np.bincount(fslot, weights=m[fi, ri], minlength=len(named_ids))
        c += w["shares"] * np.sum(np.log(tots / doc_tot) ** 2)
        c += w["state"] * np.sum(x[:n_r] ** 2) + w["prior"] * np.sum(x[n_r:] ** 2)
        c += w["pool"] * np.sum(np.maximum(0.0, m.sum(0) / model.pool - 0.5) ** 2)
        lines_now = m[fi, ri]
        drift = np.log(lines_now / tots[fslot] / share0)
        c += w["spread"] * np.sum(np.maximum(0.0, np.abs(drift[main]) - SPREAD_BAND) ** 2)
        if wars:
            tilt = np.log(lines_now[wi] / lines_now[wj] * v0[wj] / v0[wi])
            c += w["wars"] * np.sum(np.maximum(0.0, np.abs(tilt) - WAR_BAND) ** 2)
        return c

    n = n_r + n_named + n_loc
    bounds = [(-3.0, 2.0)] * n
    x0 = np.zeros(n)
    if start is not None:
        x0[n_r : n_r + n_named] = np.log(np.asarray(start, dtype=float) / v0)
    res = minimize(
        cost, x0, method="L-BFGS-B", bounds=bounds, options={"maxiter": 5000, "maxfun": 10**6}
    )
    return build(res.x), res


def best_seed(
    model: Model,
    named: np.ndarray,
    sizes: np.ndarray,
    weights: np.ndarray,
    tgt,
    seeds: int,
    w=WEIGHTS,
) -> tuple[int, float]:
    """The seed whose drawn homes give the best fit with the named factions as fitted (`named`:
    the members matrix with the local rows empty): the fit's state and national terms."""
    target = np.array([tgt[c] for c in model.codes])
    nat_target = target @ model.pops / model.pops.sum()
    loc = np.flatnonzero(model.local)
    best = (0, np.inf)
    for seed in range(seeds):
        rng = np.random.default_rng([seed])
        homes = rng.choice(len(weights), size=len(sizes), p=weights / weights.sum())
        m = named.copy()
        m[loc, homes] = sizes
        h = model.homicides(m)
        score = np.sum(np.log(h * 12 / model.pops * 1e5 / target) ** 2)
        score += w["national"] * np.log(h.sum() * 12 / model.pops.sum() * 1e5 / nat_target) ** 2
        if score < best[1]:
            best = (seed, float(score))
    return best


def _progress(stage: str, model: Model, m: np.ndarray, res, tgt) -> None:
    rate = model.rates(m)
    target = np.array([tgt[c] for c in model.codes])
    national = model.homicides(m).sum() * 12 / model.pops.sum() * 1e5
    print(
        f"{stage}: cost {res.fun:.3f}; national {national:.1f}, mean |log ratio| "
        f"{np.mean(np.abs(np.log(rate / target))):.3f}, members {m.sum():,.0f} ({res.message})",
        file=sys.stderr,
    )


def fit(path: Path, tgt, total: float | None, seeds: int, w=WEIGHTS) -> str:
    text = path.read_text(encoding="utf-8")
    ed = Editable.parse(text)
    scenario = load_scenario(text)
    model = Model(scenario)
    before = evaluate(scenario, tgt)
    total = total or before.stats["members"]
    doc = {k: v / before.stats["members"] * total for k, v in before.faction_totals.items()}
    fidx = {fid: k for k, fid in enumerate(model.ids)}
    ridx = {c: k for k, c in enumerate(model.codes)}
    line_keys = list(ed.members)
    lines = [(fidx[f], ridx[r], ed.value(k)) for k, (f, r) in ed.members.items()]

    # 1. named lines and local members by state together
    by = "state" if ed.weights else "none"
    m, res = optimise(model, lines, tgt, total, doc, by, w=w)
    _progress("fit 1", model, m, res, tgt)
    for k, (f, r, _) in zip(line_keys, lines, strict=True):
        ed.set(k, str(round_members(m[f, r])))
    if ed.weights:
        # 2. the local groups follow: weights = fitted members in thousands, closest seed
        desired = m[model.local].sum(0)
        local_total = float(desired.sum())
        ed.set(ed.scalars["members"], str(int(round(local_total, -1))))
        for k, c in ed.weights.items():
            ed.set(k, round_weight(desired[ridx[c]] / 1000.0))
        spec = load_scenario(ed.text())
        weights = np.zeros(len(model.codes))
        for k, c in ed.weights.items():
            weights[ridx[c]] = ed.value(k)
        raw = spec.raw["local_groups"]
        from game.scenario.schema import LocalGroups

        lg = LocalGroups(**raw)
        n_named = sum(1 for f in spec.factions if not f.local)
        sizes = group_sizes(lg, n_named)
        named = m.copy()
        named[model.local] = 0.0
        seed, score = best_seed(
            model, named, sizes * local_total / sizes.sum(), weights, tgt, seeds, w
        )
        print(f"local groups: seed {seed} (state terms {score:.3f})", file=sys.stderr)
        ed.set(ed.scalars["seed"], str(seed))
        # 3. the named factions once more, around the drawn groups
        scenario = load_scenario(ed.text())
        model = Model(scenario)
        start = [ed.value(k) for k in line_keys]
        m, res = optimise(model, lines, tgt, total, doc, "total", w=w, start=start)
        _progress("fit 2", model, m, res, tgt)
        for k, (f, r, _) in zip(line_keys, lines, strict=True):
            ed.set(k, str(round_members(m[f, r])))
        ed.set(ed.scalars["members"], str(int(round(m[model.local].sum(), -1))))
    return ed.text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario", nargs="?", default="levels/mexico_2026.yaml")
    parser.add_argument("--year", type=int, default=2025, help="target year in the CSV")
    parser.add_argument("--fit", action="store_true", help="fit the members (see above)")
    parser.add_argument("--total", type=float, default=None, help="members wanted (fit)")
    parser.add_argument("--seeds", type=int, default=20000, help="local-group seeds tried")
    parser.add_argument("--write", action="store_true", help="rewrite the file in place")
    parser.add_argument(
        "--weight",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=f"a weight of the fit's cost (defaults {WEIGHTS})",
    )
    args = parser.parse_args()
    tgt = targets(args.year)
    path = Path(args.scenario)
    if args.fit:
        before = evaluate(load_scenario(path), tgt)
        w = dict(WEIGHTS)
        for item in args.weight:
            k, v = item.split("=")
            if k not in w:
                sys.exit(f"unknown weight {k}: one of {sorted(w)}")
            w[k] = float(v)
        text = fit(path, tgt, args.total, args.seeds, w)
        ev = evaluate(load_scenario(text), tgt)
        print(
            f"before: national {before.stats['national']:.1f}, spearman "
            f"{before.stats['spearman']:.3f}, mean |log ratio| "
            f"{before.stats['mean_abs_log_ratio']:.3f}, members {before.stats['members']:,.0f}",
            file=sys.stderr,
        )
        if args.write:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)
    else:
        ev = evaluate(load_scenario(path), tgt)
    report(ev)


if __name__ == "__main__":
    main()
