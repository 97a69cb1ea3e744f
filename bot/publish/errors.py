"""The one error a Publisher raises, and whether retrying can help.

``permanent`` means Telegram refused the request itself (400 Bad Request, 401/404 bad
token, 403 Forbidden): sending the same message again will fail the same way, so the
outbox keeps it as failed with this message as the reason. Anything else (network
errors, timeouts, 5xx, flood control that outlasted our retries) is transient.
Messages say what to fix and never contain the bot token.
"""

from __future__ import annotations


class PublishError(Exception):
    """A message could not be posted; ``str(exc)`` is meant for the operator."""

    def __init__(
        self,
        message: str,
        *,
        permanent: bool,
        retry_after: float | None = None,
        description: str | None = None,
    ) -> None:
        super().__init__(message)
        self.permanent = permanent
        #: Seconds Telegram asked us to wait (flood control), when it said so.
        self.retry_after = retry_after
        #: Telegram's own description of the failure, e.g. "Bad Request: chat not found".
        self.description = description

    def __repr__(self) -> str:
        return f"PublishError({str(self)!r}, permanent={self.permanent}, retry_after={self.retry_after})"
