"""Drug routes to the US border: least-cost paths, diversion, seizures and congestion."""

import numpy as np
import pytest

from game.scenario.mapdata import load_mexico_map, synthetic_map
from game.scenario.types import MapData
from game.sim.routes import route_flows

TONNES = 100.0


@pytest.fixture(scope="module")
def mexico():
    return load_mexico_map()


@pytest.fixture(scope="module")
def net(mexico):
    return mexico.graph


@pytest.fixture(scope="module")
def supply(mexico):
    return TONNES * mexico.graph.supply


def region(mexico, code):
    return mexico.index()[code]


def flows(net, supply, extra_cost=0.0, seizure_rate=0.0, **kwargs):
    return route_flows(net, supply, np.broadcast_to(extra_cost, net.n), seizure_rate, **kwargs)


def test_the_network_has_both_edge_directions_and_the_six_border_states(mexico, net):
    assert len(net.src) == 2 * len(mexico.adjacency)
    assert set(zip(net.src.tolist(), net.dst.tolist(), strict=True)) == {
        (b, a) for a, b in zip(net.src.tolist(), net.dst.tolist(), strict=True)
    }
    assert {mexico.regions[i].code for i in net.sinks} == {"BCN", "SON", "CHH", "COA", "NLE", "TAM"}
    assert net.sink_capacity[list(net.sinks).index(region(mexico, "SON"))] == 4
    assert (net.length > 0).all()


def test_default_supply_sums_to_one_and_sinaloa_supplies_most(mexico):
    share = mexico.graph.supply
    assert share.sum() == pytest.approx(1.0)
    assert share.argmax() == region(mexico, "SIN")
    assert share[region(mexico, "CMX")] == 0.0


def test_all_supply_arrives_when_nothing_is_seized(net, supply):
    result = flows(net, supply)
    assert result.seized.sum() == 0.0
    assert result.stuck.sum() == 0.0
    assert result.arrivals.sum() == pytest.approx(TONNES)
    non_sinks = np.setdiff1d(np.arange(net.n), net.sinks)
    assert (result.arrivals[non_sinks] == 0).all()


def test_interdicting_the_busiest_crossing_diverts_flow_to_the_other_crossings(net, supply):
    before = flows(net, supply)
    busiest = int(before.arrivals.argmax())
    extra_cost = np.zeros(net.n)
    extra_cost[busiest] = 5.0
    after = flows(net, supply, extra_cost)
    assert after.arrivals[busiest] < before.arrivals[busiest]
    others = np.setdiff1d(net.sinks, [busiest])
    assert after.arrivals[others].sum() > before.arrivals[others].sum()
    assert after.arrivals.sum() == pytest.approx(before.arrivals.sum(), rel=0.01)


def test_seizures_reduce_arrivals_by_exactly_what_they_seize(net, supply):
    rate = np.linspace(0.0, 0.3, net.n)
    result = flows(net, supply, seizure_rate=rate)
    assert result.seized.sum() > 0
    assert result.arrivals.sum() + result.seized.sum() + result.stuck.sum() == pytest.approx(
        supply.sum()
    )
    np.testing.assert_allclose(result.seized, rate * result.through)


def test_flow_runs_through_the_pacific_and_northern_corridors(mexico, net, supply):
    result = flows(net, supply)
    assert result.arrivals[[region(mexico, "SON"), region(mexico, "BCN")]].sum() > 0
    for code in ("SIN", "CHH", "TAM"):
        assert result.through[region(mexico, code)] > 0, code
    assert result.through[region(mexico, "SIN")] >= supply[region(mexico, "SIN")]


def test_every_region_with_supply_has_a_finite_cost_on_the_connected_map(net, supply):
    result = flows(net, supply)
    assert np.isfinite(result.cost[supply > 0]).all()
    assert np.isfinite(result.cost).all()
    assert (flows(net, supply, congestion=0.0).cost[net.sinks] == 0).all()


def test_next_hop_leads_to_a_sink_without_cycles(net, supply):
    result = flows(net, supply, extra_cost=np.linspace(0, 2, net.n))
    sinks = set(net.sinks.tolist())
    assert all(result.next_hop[s] == -1 for s in sinks)
    for start in range(net.n):
        seen, r = set(), start
        while result.next_hop[r] >= 0:
            assert r not in seen, f"cycle from region {start}"
            seen.add(r)
            r = int(result.next_hop[r])
        assert r in sinks
        assert result.cost[start] >= result.cost[r]


def test_same_inputs_give_identical_outputs(net, supply):
    rate = np.full(net.n, 0.05)
    extra_cost = np.linspace(0, 3, net.n)
    a = flows(net, supply, extra_cost, rate, congestion=1.0, iterations=6)
    b = flows(net, supply, extra_cost.copy(), rate.copy(), congestion=1.0, iterations=6)
    for name in ("through", "arrivals", "seized", "stuck", "next_hop", "cost"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_congestion_spreads_flow_over_more_crossings(net, supply):
    def crossings_used(result):
        return int((result.arrivals[net.sinks] > 1e-9).sum())

    free = flows(net, supply, congestion=0.0)
    congested = flows(net, supply, congestion=0.5)
    assert crossings_used(congested) >= 3
    assert crossings_used(congested) >= crossings_used(free)
    assert congested.arrivals.max() < free.arrivals.max()


def test_closing_every_crossing_leaves_all_supply_stuck(net, supply):
    extra_cost = np.zeros(net.n)
    extra_cost[net.sinks] = np.inf
    result = flows(net, supply, extra_cost, seizure_rate=0.1)
    assert result.arrivals.sum() == 0.0
    assert result.seized.sum() == 0.0
    np.testing.assert_allclose(result.stuck, supply)
    assert (result.next_hop == -1).all()


def test_supply_with_no_path_to_a_crossing_is_stuck_not_arrived():
    grid = synthetic_map(4)  # regions 0-3 on a 2x2 grid; region 0 has the only crossing
    cut = MapData(name="cut", regions=grid.regions, adjacency=((0, 1),))
    net = cut.graph
    result = route_flows(net, np.array([1.0, 2.0, 3.0, 4.0]), np.zeros(4), np.full(4, 0.5))
    np.testing.assert_allclose(result.stuck, [0.0, 0.0, 3.0, 4.0])
    assert result.arrivals[0] == pytest.approx(0.5 * (1.0 + 0.5 * 2.0))
    assert result.arrivals.sum() + result.seized.sum() + result.stuck.sum() == pytest.approx(10.0)
    assert not np.isfinite(result.cost[2:]).any()


def test_negative_costs_and_seizure_rates_above_one_are_rejected(net, supply):
    with pytest.raises(ValueError, match="extra_cost"):
        flows(net, supply, extra_cost=-1.0)
    with pytest.raises(ValueError, match="seizure_rate"):
        flows(net, supply, seizure_rate=1.5)


def test_routes_on_a_municipality_scale_map_conserve_flow():
    map_data = synthetic_map(2469)
    net = map_data.graph
    supply = TONNES * map_data.graph.supply
    result = route_flows(net, supply, np.zeros(net.n), np.full(net.n, 0.01))
    assert np.isfinite(result.cost).all()
    total = result.arrivals.sum() + result.seized.sum() + result.stuck.sum()
    assert total == pytest.approx(TONNES)
