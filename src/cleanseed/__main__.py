"""``python -m cleanseed``: the ``cleanseed`` command, for when its script is not on the PATH."""

from __future__ import annotations

from cleanseed.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
