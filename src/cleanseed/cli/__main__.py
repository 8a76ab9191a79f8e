"""``python -m cleanseed.cli``: the same as the ``cleanseed`` command."""

from __future__ import annotations

from cleanseed.cli import main

raise SystemExit(main())
