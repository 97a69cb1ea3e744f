"""Prometheus metrics of one arrestwatch process (prometheus-client).

Each Service owns a ``Metrics`` with its own CollectorRegistry, never the global one, so
several services (or tests) in one process do not share counters. The pipeline and the
sender call the small ``observe``/``post_*`` methods below; the outbox gauges are read
from the store when ``/metrics`` is scraped (see ``refresh_outbox``), so they are right
whichever process queued or sent the posts.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

if TYPE_CHECKING:
    from bot.core.models import PollReport
    from bot.edges.store import OutboxMessage, Store

#: Seconds: a poll is one feed fetch plus, for teasers, a few article pages.
POLL_BUCKETS = (0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60, 120, 300)
#: Seconds from an item's fetch to its post being accepted by Telegram: usually seconds,
#: minutes while Telegram throttles, hours while posting is paused or Telegram is down.
POST_BUCKETS = (1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 24 * 3600)
#: The outbox states reported by the ``arrestwatch_outbox_posts`` gauge.
OUTBOX_STATES = ("queued", "sending", "sent", "failed")

__all__ = ["CONTENT_TYPE_LATEST", "METRIC_NAMES", "Metrics"]


class Metrics:
    """Every metric arrestwatch exports, registered in ``self.registry``."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry(auto_describe=True)
        self._register_pipeline(self.registry)
        self._register_outbox(self.registry)
        for state in OUTBOX_STATES:  # present from the first scrape, before anything is queued
            self.outbox_posts.labels(state=state)

    def _register_pipeline(self, r: CollectorRegistry) -> None:
        """What the polls count, per source."""
        self.polls = Counter("arrestwatch_polls", "Polls of a source.", ["source"], registry=r)
        self.poll_failures = Counter(
            "arrestwatch_poll_failures", "Polls of a source that failed.", ["source"], registry=r
        )
        self.poll_seconds = Histogram(
            "arrestwatch_poll_duration_seconds",
            "Time one poll of a source took, article pages included.",
            ["source"],
            buckets=POLL_BUCKETS,
            registry=r,
        )
        self.items_stored = Counter(
            "arrestwatch_items_stored",
            "New items stored (every decision: alert, review, seen, old).",
            ["source"],
            registry=r,
        )
        self.alerts_queued = Counter(
            "arrestwatch_alerts_queued", "Arrest alerts queued for the channel.", ["source"], registry=r
        )
        self.reviews_queued = Counter(
            "arrestwatch_reviews_held", "Doubtful reports held for an operator's review.", ["source"], registry=r
        )

    def _register_outbox(self, r: CollectorRegistry) -> None:
        """The outbox as stored, and what the sender counts, per kind of post."""
        self.outbox_posts = Gauge(
            "arrestwatch_outbox_posts",
            "Posts in the outbox by state, read from the database at scrape time.",
            ["state"],
            registry=r,
        )
        self.queue_length = Gauge(
            "arrestwatch_outbox_queue_length",
            "Posts waiting to be sent (queued or being sent), read from the database at scrape time.",
            registry=r,
        )
        self.posts_sent = Counter(
            "arrestwatch_posts_sent",
            "Posts accepted by Telegram (or printed in console mode), by kind.",
            ["kind"],
            registry=r,
        )
        self.posts_failed = Counter(
            "arrestwatch_posts_failed",
            "Failed attempts to post: permanent ones are kept as failed, transient ones are retried.",
            ["kind", "permanent"],
            registry=r,
        )
        self.post_seconds = Histogram(
            "arrestwatch_post_latency_seconds",
            "Time from an item's fetch to its post being sent.",
            ["kind"],
            buckets=POST_BUCKETS,
            registry=r,
        )
        self.telegram_429 = Counter(
            "arrestwatch_telegram_429",
            "Flood-control answers (HTTP 429) from Telegram, including those waited out.",
            registry=r,
        )

    # -- the pipeline ------------------------------------------------------------

    def observe_poll(self, report: PollReport, seconds: float) -> None:
        """Count one finished poll of one source (called by Pipeline.poll)."""
        source = report.source
        self.polls.labels(source=source).inc()
        self.poll_seconds.labels(source=source).observe(seconds)
        if not report.ok:
            self.poll_failures.labels(source=source).inc()
        else:
            self.poll_failures.labels(source=source)  # a 0 series, so rate() works before the first failure
        if report.new_items:
            self.items_stored.labels(source=source).inc(report.new_items)
        if report.alerts:
            self.alerts_queued.labels(source=source).inc(report.alerts)
        if report.reviews:
            self.reviews_queued.labels(source=source).inc(report.reviews)

    # -- the sender --------------------------------------------------------------

    def post_sent(self, store: Store, message: OutboxMessage, now: datetime) -> None:
        """Count a sent post and, for an item's post, the time since the item was fetched.

        Reads the store: call it off the event loop (``asyncio.to_thread``).
        """
        # The latency first, the count last: a scrape that sees the post counted sees its
        # latency too (the store read between them once let a scrape see one without the other).
        item = store.item(message.item_id) if message.item_id is not None else None
        if item is not None:
            self.post_seconds.labels(kind=message.kind).observe(max(0.0, (now - item.fetched_at).total_seconds()))
        self.posts_sent.labels(kind=message.kind).inc()

    def post_failed(self, kind: str, *, permanent: bool) -> None:
        self.posts_failed.labels(kind=kind, permanent="true" if permanent else "false").inc()

    def flood_wait(self, seconds: float) -> None:
        """Telegram answered 429 (the publisher's ``on_flood_wait`` hook)."""
        self.telegram_429.inc()

    # -- exposition --------------------------------------------------------------

    def refresh_outbox(self, counts: Mapping[str, int]) -> None:
        """Set the outbox gauges from ``Store.outbox_counts()``."""
        for state in OUTBOX_STATES:
            self.outbox_posts.labels(state=state).set(counts.get(state, 0))
        self.queue_length.set(counts.get("queued", 0) + counts.get("sending", 0))

    def render(self) -> bytes:
        """The registry in Prometheus' text format (``CONTENT_TYPE_LATEST``)."""
        return generate_latest(self.registry)


#: What /metrics exports, for the README and its test (counters get ``_total``).
METRIC_NAMES = (
    "arrestwatch_polls_total",
    "arrestwatch_poll_failures_total",
    "arrestwatch_poll_duration_seconds",
    "arrestwatch_items_stored_total",
    "arrestwatch_alerts_queued_total",
    "arrestwatch_reviews_held_total",
    "arrestwatch_outbox_posts",
    "arrestwatch_outbox_queue_length",
    "arrestwatch_posts_sent_total",
    "arrestwatch_posts_failed_total",
    "arrestwatch_post_latency_seconds",
    "arrestwatch_telegram_429_total",
)
