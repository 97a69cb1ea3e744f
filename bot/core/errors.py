"""The project's one exception tree: a root, and one class per failure domain.

Why one tree: a task boundary (one poll of one source, one post, one operator command)
can tell "arrestwatch refused this, and says why" (any ``ArrestwatchError``: log its
message, carry on) from a bug (anything else: log the traceback, carry on), and an
operator reading the log learns where to look from the class name alone:

    ArrestwatchError
    ├── ConfigError      the sources file or the environment cannot be used (file:line)
    ├── FetchError       a URL could not be fetched (the URL)
    ├── ParseError       a fetched document or a given value is not what it should be
    ├── AnalysisError    the analysis of a report failed, or its process is gone
    ├── StoreError       the database cannot be opened, migrated, read or written
    ├── PublishError     a message could not be posted (the chat, the outbox id)
    ├── RequestError     an operator asked for something that cannot be done
    └── ServeError       /healthz and /metrics cannot be served (the address)

Each module that raises keeps its own, more specific subclass where callers need one
(``FetchTimeoutError``, ``SourceParseError``, ``ReviewError``, …), under its domain's
class. Messages are written for the operator: what happened and what to do, never the
bot token.

This module imports nothing from the project, so every layer can use it.
"""

from __future__ import annotations

from collections.abc import Sequence


class ArrestwatchError(Exception):
    """Something arrestwatch refused or could not do; ``str(exc)`` tells the operator why."""


class ConfigError(ArrestwatchError):
    """The sources file or the environment cannot be used; ``problems`` lists every
    reason, each as ``file:line: message`` (or ``VARIABLE: message`` for the environment)."""

    def __init__(self, problems: Sequence[object]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class FetchError(ArrestwatchError):
    """A fetch failed; the message says what happened and, where possible, what to do."""

    def __init__(self, message: str, url: str) -> None:
        super().__init__(message)
        #: The URL that failed (the last hop of a redirect chain, where it got that far).
        self.url = url


class ParseError(ArrestwatchError):
    """A fetched document, a file's line or a value given by an operator is not what it
    should be; the message names it and says what was expected."""


class AnalysisError(ArrestwatchError):
    """The analysis of one report failed, or the analysis process is gone."""


class StoreError(ArrestwatchError):
    """The database cannot be opened, migrated, read or written; the message names it."""


class PublishError(ArrestwatchError):
    """A message could not be posted; ``str(exc)`` is meant for the operator.

    ``permanent``: Telegram refused the request itself (sending it again fails the same
    way), so the outbox keeps the post as failed with this message as the reason.
    """

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


class RequestError(ArrestwatchError):
    """An operator's request (a review decision, a digest day, a custody correction, a
    snapshot) cannot be carried out as asked; the message says why."""


class ServeError(ArrestwatchError):
    """The HTTP endpoints could not be served (the address is in use, or not ours to bind)."""


__all__ = [
    "AnalysisError",
    "ArrestwatchError",
    "ConfigError",
    "FetchError",
    "ParseError",
    "PublishError",
    "RequestError",
    "ServeError",
    "StoreError",
]
