"""Posts as Telegram shows them, computed without IO: the formatting of alerts and
digests, HTML to plain text, the charge line, Telegram's per-chat pacing, previews.

The sending half is ``bot.edges.publish``; this half is pure core and imports nothing above it.
"""
