"""``python -m seedclean.cli``."""

from __future__ import annotations

from seedclean.cli import main

raise SystemExit(main())
