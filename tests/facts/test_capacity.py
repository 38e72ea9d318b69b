"""F8: decapitation can work where the state can hold the territory (FACTS.md F8; Lessing 2017;
Phillips 2015; the seed essay of the project, 2026). Twin runs over 20 seeds of `mexico_2026`:
the capture-and-extradite campaign against the main organisations against passive, in the
scenario's world and in a world with police and courts at 0.8 in every state. The sign flips
with capacity: that is the lesson, and it comes from mechanisms (captures roll up networks and
disrupted groups lose their plazas to arrests only where police and courts are capable; small
groups are dismantled there), not from a term that makes campaigns good or bad."""

import numpy as np
import pytest
from facts_runs import capable, decades
from test_headline import EXTRA, SEEDS, STRATEGIES

# slow; one worker plays the decades these checks share
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("mexico_decades")]


def ends(runs, strategy, key, seeds=SEEDS):
    return np.array([runs[(strategy, k)][0][120][key] for k in range(seeds)])


@pytest.fixture(scope="module")
def worlds():
    real = decades("mexico_2026", (), STRATEGIES + EXTRA, SEEDS, 120)  # shared with the headline
    strong = decades("mexico_2026", capable("mexico_2026"), ("passive", "capture"), SEEDS, 120)
    return real, strong


def test_with_the_scenarios_institutions_the_campaign_ends_worse(worlds):
    real, _ = worlds
    assert (
        ends(real, "capture", "homicides_per_100k").mean()
        > ends(real, "passive", "homicides_per_100k").mean()
    )
    assert (
        ends(real, "capture", "armed_groups").mean() > ends(real, "passive", "armed_groups").mean()
    )


def test_where_police_and_courts_are_capable_the_same_campaign_ends_better(worlds):
    _, strong = worlds
    campaign, twin = (
        ends(strong, "capture", "homicides_per_100k"),
        ends(strong, "passive", "homicides_per_100k"),
    )
    assert campaign.mean() < twin.mean()
    assert (campaign < twin).mean() >= 0.7  # in most worlds, not on average only
    assert (
        ends(strong, "capture", "armed_groups").mean()
        < ends(strong, "passive", "armed_groups").mean()
    )
