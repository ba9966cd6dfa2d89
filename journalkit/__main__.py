"""``python -m journalkit``: the same as the ``journalkit`` command."""

from .cli import main

raise SystemExit(main())
