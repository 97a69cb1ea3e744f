"""The edges: the database, the network, Telegram, files, processes and the environment.

Each module here wraps one outside thing for the layers above. It may import the pure
core (``bot.core``) and other edges; never the application (``bot.app``) or the entry
points (``bot.entry``).
"""
