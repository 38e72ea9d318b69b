"""Bounds every layer agrees on: seeds, the length of a game, how many organisations live at once.

Kept apart from the model (it imports nothing) so the command line can check its arguments
before numpy is imported, and saves and scenarios use the same numbers.
"""

MAX_SEED = 2**63 - 1  # seeds are non-negative and fit a signed 64-bit integer (JSON, numpy)
MAX_TURNS = 1200  # a hundred years of months: the longest game a scenario may ask for
# Organisations alive at once. The model has no mechanism that makes the number of groups level
# off (groups are born where the plaza is fragmented and split when leaders fall; few die), so over
# decades it grows without end: about 850 after 50 years of doing nothing, over 1,000 after 30 of
# decapitation, and every month slows with the square of the groups sharing a state. This is a
# bound, not a finding: at it, no new group forms and a leaderless organisation passes to one
# heir instead of splitting. It is 2.5 times the most armed groups counted in one year (about 200
# in 2020, Crisis Group 2022) and about the 543 that operated at some point in 2009-2020; no
# ten-year run reaches it (about 370 rows after ten years of decapitation).
MAX_ORGANISATIONS = 500
