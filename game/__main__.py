"""`python -m game` is the same as the `hydra` command."""

from game.cli import main

raise SystemExit(main())
