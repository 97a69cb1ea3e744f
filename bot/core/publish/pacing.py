"""How fast to post to one chat: Telegram allows about one message a second and at most
20 a minute to a channel or group; more earns a 429 and a wait. Pure (the caller passes
the clock), so the limits are tested without sleeping.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

PER_MINUTE = 20
MIN_GAP = 1.0


@dataclass
class ChatPacer:
    """A sliding-window limit for one chat: ``per_minute`` posts in any 60 s, and at
    least ``min_gap`` seconds between two posts."""

    per_minute: int = PER_MINUTE
    min_gap: float = MIN_GAP
    window: float = 60.0
    _sent: deque[float] = field(default_factory=deque)

    def delay(self, now: float) -> float:
        """Seconds to wait before the next post may go out."""
        while self._sent and now - self._sent[0] >= self.window:
            self._sent.popleft()
        wait = 0.0
        if self._sent:
            wait = max(wait, self._sent[-1] + self.min_gap - now)
        if len(self._sent) >= self.per_minute:
            wait = max(wait, self._sent[0] + self.window - now)
        return max(0.0, wait)

    def record(self, now: float) -> None:
        """Note that a post went out at ``now``."""
        self._sent.append(now)

    def seed(self, sent: list[float]) -> None:
        """Start from these post times instead (another worker's posts, read from the
        database when this one becomes the sender)."""
        self._sent = deque(sorted(sent))
