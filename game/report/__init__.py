"""Charts as PNG files for the lab and replay reports, drawn with pygame on an off-screen Surface.

This package sits above `game.lab` (it reads the lab's chart data); the lab never imports it.
"""
