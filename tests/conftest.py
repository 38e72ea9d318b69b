"""Test-wide set-up: single-threaded BLAS before numpy is imported (see game/blas.py)."""

from game.blas import single_threaded

single_threaded()
