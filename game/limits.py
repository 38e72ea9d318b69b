"""Bounds every layer agrees on: seeds and the length of a game.

Kept apart from the model (it imports nothing) so the command line can check its arguments
before numpy is imported, and saves and scenarios use the same numbers.
"""

MAX_SEED = 2**63 - 1  # seeds are non-negative and fit a signed 64-bit integer (JSON, numpy)
MAX_TURNS = 1200  # a hundred years of months: the longest game a scenario may ask for
