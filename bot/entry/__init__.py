"""The entry points: the command line, the library behind its commands, and the
service's wiring.

The top layer: it may import every layer below (``bot.app``, ``bot.edges``,
``bot.core``); only ``bot/__main__.py`` imports it. Within it, ``commands`` and
``service`` raise and never import the command line (the ``only-cli-exits`` contract).
"""
