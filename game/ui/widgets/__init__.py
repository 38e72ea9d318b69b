"""Parts of screens: the top bar, the side panels, the legend, charts."""
