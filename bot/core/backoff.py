"""One backoff policy for everything that retries: polling a failing source, sending a post.

Exponential (the delay doubles per failure in a row), capped, with proportional jitter
so that many sources or posts failing together do not retry together, and never shorter
than what the server asked for (HTTP Retry-After, Telegram's ``retry_after``), itself
capped. Pure: the caller counts the failures and applies the delay its own way.

- The pipeline persists it: a failing source's ``next_attempt_at`` in the database,
  counted from ``consecutive_failures`` there, so whichever worker claims the source
  next, after any restart, keeps to it (``poll_delay``).
- The sender sleeps it between two claims of the outbox, and the post it released
  waits in the queue meanwhile (``SEND``).

Why not ``stamina`` or ``tenacity``: both run the retry loop themselves, around one call
in one process, and keep the attempt count in that loop. A source's attempts are
separate polls scheduled in the database, possibly by another worker; a post's are
separate claims between which the sender re-reads the pause flag, renews its lease and
may send other posts. Neither library exposes its delay as a function of the attempt
number to use outside its loop, and their jitter is additive (stamina) or "full"
(tenacity's ``wait_random_exponential``), not the proportional jitter the delays are
tested for. What is left to share is this small calculation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

#: A failing source is retried at its interval, then less and less often, up to this.
POLL_CAP = timedelta(hours=6)
#: Doublings beyond this are capped anyway (a source polled every minute reaches
#: POLL_CAP after 9); the bound keeps the arithmetic finite.
MAX_DOUBLINGS = 16


@dataclass(frozen=True)
class Backoff:
    """Delays of ``first`` seconds, doubling per failure in a row up to ``cap``, each
    multiplied by a factor drawn from ``jitter``; a server's ``retry_after`` (capped
    too) is the least delay."""

    first: float
    cap: float
    jitter: tuple[float, float]

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait after ``failures`` failures in a row (none after 0)."""
        delay = 0.0
        if failures > 0:
            base = min(self.cap, self.first * 2.0 ** min(failures - 1, MAX_DOUBLINGS))
            delay = base * random.uniform(*self.jitter)
        if retry_after is not None:
            delay = max(delay, min(retry_after, self.cap))
        return delay


#: The sender, between two tries of a post Telegram did not take (seconds: Telegram
#: is usually back soon, and the drain has a deadline).
SEND = Backoff(first=2.0, cap=120.0, jitter=(0.5, 1.0))


def poll_delay(interval: timedelta, failures: int, retry_after: float | None = None) -> timedelta:
    """How long to leave a source alone after ``failures`` failed polls in a row (it is
    next polled at the later of this and its interval): after the first, no longer than
    its interval; then twice the interval, doubled per further failure, up to POLL_CAP,
    ±20%."""
    policy = Backoff(first=2 * interval.total_seconds(), cap=POLL_CAP.total_seconds(), jitter=(0.8, 1.2))
    return timedelta(seconds=policy.delay(failures - 1, retry_after))
