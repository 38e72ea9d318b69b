"""FACTS.md F1 targets and the numbers a game's national rows give for them."""

from __future__ import annotations

TARGETS = {
    "members_end": (160_000, 185_000),
    "deaths_growth": (0.60, 0.90),
    "incapacitated_last_year": (5_000, 6_500),
    "recruits_per_week_last_year": (330, 450),
    "homicide_rate_end": (24.0, 30.0),  # INEGI 2022: 25.9 per 100k
}


def f1_stats(national: list[dict]) -> dict:
    """The F1 numbers of one game's national rows (row 0 is the start)."""
    months = national[1:]
    first, last = months[:12], months[-12:]
    deaths_first = sum(r["cartel_deaths"] for r in first)
    deaths_last = sum(r["cartel_deaths"] for r in last)
    return {
        "members_end": months[-1]["members"],
        "deaths_first_year": deaths_first,
        "deaths_last_year": deaths_last,
        "deaths_growth": deaths_last / max(deaths_first, 1.0) - 1.0,
        "incapacitated_last_year": sum(r["arrests"] for r in last),
        "recruits_per_week_last_year": sum(r["recruits"] for r in last) / 52.0,
        "homicide_rate_start": national[0]["homicides_per_100k"],
        "homicide_rate_end": months[-1]["homicides_per_100k"],
        "armed_groups_end": months[-1]["armed_groups"],
    }
