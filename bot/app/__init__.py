"""The application: what the service does (polls, placement, the outbox, digests,
custody posts, the operators' commands), each part given its edges.

It may import the edges (``bot.edges``) and the pure core (``bot.core``); never the
entry points (``bot.entry``), which wire it together.
"""
