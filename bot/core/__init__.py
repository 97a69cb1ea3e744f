"""The pure core: data in, data out.

Models, the analysis, events and custody, post formatting, de-duplication, dates, places
and the error tree. It imports only itself (and ``bot``'s constants): never the edges,
the application or the entry points, and no network, database, Telegram or process
library (the ``core-no-io`` contract in pyproject.toml). Every other layer may import it.
"""
