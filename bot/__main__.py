"""Allow ``python -m bot`` as a synonym of the ``arrestwatch`` console script."""

from bot.entry.cli import main

raise SystemExit(main())
