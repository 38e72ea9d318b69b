"""Hydra: a turn-based strategy game and classroom simulation of Mexico's cartel wars."""

__version__ = "0.1.0"
