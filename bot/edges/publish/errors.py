"""The one error a Publisher raises, and whether retrying can help.

``permanent`` means Telegram refused the request itself (400 Bad Request, 401/404 bad
token, 403 Forbidden): sending the same message again will fail the same way, so the
outbox keeps it as failed with this message as the reason. Anything else (network
errors, timeouts, 5xx, flood control that outlasted our retries) is transient.
Messages say what to fix and never contain the bot token.
"""

from __future__ import annotations

from bot.core.errors import PublishError  # defined with the project's other failure domains

__all__ = ["PublishError"]
