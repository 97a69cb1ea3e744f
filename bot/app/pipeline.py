"""One poll of one source: fetch → parse → de-duplicate → enrich → analyse → store.

The scheduler decides *when*; this module does *what*, and only through the edges it is
given (a Fetcher, a Store, the analysis function), so a test can drive it against
loopback servers. One failing source, entry or article never stops the others.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.app.event_posts import EventPosts
from bot.app.placement import Batch, Stored, add_batches
from bot.core.analysis import Analysis, RuleConfig
from bot.core.backoff import poll_delay
from bot.core.dedup import canonical_url, content_hash, entry_keys, hash_in_keys
from bot.core.models import Config, Entry, PollReport, SourceConfig
from bot.core.publish.format import AlertPost, format_alert
from bot.core.sources import SourceParseError, parse_entries, preview_url
from bot.core.triage import review_request, triage
from bot.edges.analysis_process import AnalysisError, Analyzer, Job, analyze_batch
from bot.edges.extract import extract_article_text
from bot.edges.fetch import Fetcher, FetchError, FetchResult
from bot.edges.metrics import Metrics
from bot.edges.store import NewItem, QueuedPost, SourceState, Store, utcnow

log = logging.getLogger(__name__)

# A feed item with less text than this is a teaser: the article page is fetched.
TEASER_CHARS = 600
# Article pages fetched at once per poll (the Fetcher also limits per host).
ARTICLE_CONCURRENCY = 4
# Sources ``poll_all`` polls at once (``once``).
POLL_ALL_CONCURRENCY = 48
# Polls' batches stored and placed in one transaction at most (see _Placer).
PLACE_TOGETHER = 32

# A batch of (title, text, declared language) → one outcome per entry, in order.
BatchAnalyzer = Callable[[Sequence[Job], "RuleConfig | None"], "Awaitable[list[Analysis | AnalysisError]]"]


# (source, body, decoded text, final URL) → the feed's entries; raises SourceParseError.
Parser = Callable[[SourceConfig, bytes, str, str], Awaitable[list[Entry]]]


async def _parse_in_thread(source: SourceConfig, content: bytes, text: str, final_url: str) -> list[Entry]:
    return await asyncio.to_thread(parse_entries, source, content, text, final_url)


def in_process(analyzer: Analyzer) -> BatchAnalyzer:
    """Run ``analyzer`` on a batch in a worker thread of this process (tests, and
    ``ARRESTWATCH_ANALYSIS=inline``)."""

    async def analyze(jobs: Sequence[Job], rules: RuleConfig | None) -> list[Analysis | AnalysisError]:
        return await asyncio.to_thread(analyze_batch, jobs, rules, analyzer) if jobs else []

    return analyze


def _is_teaser(entry: Entry) -> bool:
    """Whether the feed gives only a teaser of the entry, so its article page is read."""
    return not entry.full_text and len(entry.text) < TEASER_CHARS and bool(entry.url)


def _human(delay: timedelta) -> str:
    seconds = int(delay.total_seconds())
    return f"{seconds // 60} min" if seconds >= 120 else f"{seconds} s"


def _count_stored(
    report: PollReport, prepared: Sequence[tuple[NewItem, QueuedPost | None]], stored: Sequence[Stored]
) -> None:
    """Add what the store made of a batch to the poll's report (the counts ``/status`` and the
    metrics show): duplicates are not counted, an edit or follow-up is not a new alert."""
    for (item, _), placed in zip(prepared, stored):
        if placed.item_id is None:
            continue
        role = placed.role
        report.new_items += 1
        report.edits += role == "also"
        report.followups += role == "followup"
        report.alerts += item.status == "alert" and role in (None, "first")
        report.reviews += item.status == "review"
        report.old_items += item.status == "old"


class _Placer:
    """Stores polls' batches one transaction at a time (bot/app/placement.add_batches),
    taking together the batches that queued up while the one before was placed.

    Why: storing and placing is one core's work under one lock; in a cold poll hundreds
    of polls finish within seconds, and each transaction re-read the events and the
    reports of busy events that the one before had just read. Together they are read
    once; a batch is still placed exactly as it would be alone, after the ones before it.
    A transaction that fails is tried again one batch at a time, so a batch that cannot
    be stored fails its own poll only.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._waiting: list[tuple[Batch, datetime, asyncio.Future[list[Stored]]]] = []
        self._draining: asyncio.Task[None] | None = None

    async def place(self, batch: Batch, now: datetime) -> list[Stored]:
        done: asyncio.Future[list[Stored]] = asyncio.get_running_loop().create_future()
        self._waiting.append((batch, now, done))
        if self._draining is None or self._draining.done():
            self._draining = asyncio.create_task(self._drain())
        return await done

    async def _drain(self) -> None:
        taken: list[tuple[Batch, datetime, asyncio.Future[list[Stored]]]] = []
        try:
            while self._waiting:
                taken, self._waiting = self._waiting[:PLACE_TOGETHER], self._waiting[PLACE_TOGETHER:]
                await self._place_together(taken)
        except asyncio.CancelledError:  # the loop is closing: nobody is left to wait
            for _, _, done in [*taken, *self._waiting]:
                done.cancel()
            self._waiting = []
            raise

    async def _place_together(self, taken: list[tuple[Batch, datetime, asyncio.Future[list[Stored]]]]) -> None:
        try:
            results = await self._store([(batch, now) for batch, now, _ in taken])
        except Exception as exc:  # task boundary: handed to each waiting poll, which logs it with its source
            if len(taken) == 1:
                _settle(taken[0][2], exc)
                return
            for batch, now, done in taken:  # alone, so that only the batch at fault fails
                try:
                    _settle(done, (await self._store([(batch, now)]))[0])
                except Exception as alone:  # this poll's own failure, logged by the poll (Pipeline.poll)
                    _settle(done, alone)
            return
        for (_, _, done), stored in zip(taken, results):
            _settle(done, stored)

    async def _store(self, batches: list[tuple[Batch, datetime]]) -> list[list[Stored]]:
        pipeline = self.pipeline
        return await asyncio.to_thread(add_batches, pipeline.store, batches, planner=pipeline.events)


def _settle(done: asyncio.Future[list[Stored]], outcome: list[Stored] | Exception) -> None:
    if done.done():  # its poll was cancelled: what was stored stays stored, as before
        return
    if isinstance(outcome, Exception):
        done.set_exception(outcome)
    else:
        done.set_result(outcome)


@dataclass(frozen=True)
class _Candidate:
    entry: Entry
    keys: tuple[str, ...]


class Pipeline:
    """Polls sources and turns their new entries into stored items and queued alerts."""

    def __init__(
        self,
        config: Config,
        store: Store,
        fetcher: Fetcher,
        *,
        analyzer: Analyzer | None = None,
        analyze_many: BatchAnalyzer | None = None,
        parse: Parser | None = None,
        clock: Callable[[], datetime] = utcnow,
        review_to_admin: bool = False,
        metrics: Metrics | None = None,
    ) -> None:
        if analyzer is None:
            from bot.core.analysis import analyze  # the default rules

            analyzer = analyze
        # Polls analyse their new entries in batches: in an AnalysisProcess when the
        # service gives one, else here (in the poll's worker thread).
        self.analyze_many = analyze_many or in_process(analyzer)
        # Feeds are parsed by ``parse`` (the analysis process's, when it has room) or
        # in a worker thread.
        self.parse: Parser = parse or _parse_in_thread
        self.config = config
        self.store = store
        self.fetcher = fetcher
        self.analyzer = analyzer
        self.clock = clock
        # Doubtful reports go to the operators' chat when there is one; else they are
        # held for `arrestwatch review`.
        self.review_to_admin = review_to_admin
        self.metrics = metrics  # Prometheus counters of the running service, if any
        # Reports of one arrest become one event: one alert, then edits and follow-ups.
        self.events = EventPosts(config.settings.language)
        self._placer = _Placer(self)
        if store is not None:  # `sources test` previews without a store
            store.edit_interval = config.settings.edit_interval

    async def poll_all(
        self,
        sources: Sequence[SourceConfig] | None = None,
        on_done: Callable[[PollReport], None] | None = None,
    ) -> list[PollReport]:
        """Poll every source concurrently; a failure of one is reported, never raised.

        ``on_done`` is called as each source finishes (progress on a terminal).
        """
        chosen = list(self.config.sources if sources is None else sources)
        await asyncio.to_thread(self.store.sync_sources, chosen)
        # Bounded like run's polls: the fetcher takes 32 requests at once anyway, and
        # hundreds of fetched feeds waiting to be parsed and stored only add memory.
        limit = asyncio.Semaphore(POLL_ALL_CONCURRENCY)

        async def one(source: SourceConfig) -> PollReport:
            async with limit:
                report = await self.poll(source)
            if on_done is not None:
                on_done(report)
            return report

        return list(await asyncio.gather(*(one(source) for source in chosen)))

    async def poll(self, source: SourceConfig) -> PollReport:
        """Poll one source; every error ends up in the report and the source's health.

        A failure sets the source's ``next_attempt_at`` (backoff); the scheduler's claims
        (Store.claim_due_sources) do not hand the source out again before then, and
        ``once`` tries every source.
        """
        report = PollReport(source=source.name)
        started = time.monotonic()
        try:
            await self._poll(source, report)
        except Exception as exc:  # the last line of defence: one source never stops the others
            log.exception("source %s: unexpected error while polling %s", source.name, source.url)
            report.ok, report.error = False, f"unexpected error: {exc!r}"
            state = await asyncio.to_thread(self.store.source_state, source.name)
            if state is not None:
                await asyncio.to_thread(self.store.record_poll_failure, state.id, now=self.clock(), error=report.error)
        if self.metrics is not None:
            self.metrics.observe_poll(report, time.monotonic() - started)
        return report

    async def _poll(self, source: SourceConfig, report: PollReport) -> None:
        state = await asyncio.to_thread(self.store.source_state, source.name)
        if state is None:
            state = (await asyncio.to_thread(self.store.sync_sources, [source]))[source.name]
        result = await self._fetch_feed(source, state, report)
        if result is None:
            return
        try:
            entries = await self.parse(source, result.content, result.text, result.final_url)
            candidates = await asyncio.to_thread(self._new_candidates, source, entries)
        except SourceParseError as exc:
            report.ok, report.error = False, str(exc)
            log.warning("source %s: %s", source.name, exc)
            await asyncio.to_thread(self.store.record_poll_failure, state.id, now=self.clock(), error=str(exc))
            return
        report.entries = len(entries)
        first_poll = state.first_polled_at is None
        now = self.clock()
        cutoff = now - self.config.settings.max_age

        def back_catalogue(entry: Entry) -> bool:
            # Adding a source must not flood the channel with its back catalogue.
            return first_poll and (entry.published is None or entry.published < cutoff)

        # The network first (article pages of teasers, a few at a time), then the analysis
        # of the whole batch in one call (the analysis process, or a worker thread): one
        # hop per poll rather than one per entry, which cost more than most analyses.
        texts = await self._article_texts(source, candidates, back_catalogue)
        jobs = [
            (candidate.entry.title, text, source.lang)
            for candidate, text in zip(candidates, texts)
            if text is not None and not back_catalogue(candidate.entry)
        ]
        try:
            outcomes: Sequence[Analysis | AnalysisError] = await self.analyze_many(jobs, self.config.rules)
        except AnalysisError as exc:  # the analysis process died: the whole batch waits for the next poll
            outcomes = [exc] * len(jobs)
        prepared = await asyncio.to_thread(
            self._prepare, source, state.id, candidates, texts, outcomes, back_catalogue, now, report
        )
        self.events.language = self.config.settings.language  # the config may have been reloaded
        self.store.edit_interval = self.config.settings.edit_interval
        stored = await self._placer.place(prepared, now)
        _count_stored(report, prepared, stored)
        # An entry left out (its article or analysis failed) must come back at the next
        # poll: keep the old validators then, so an unchanged feed is not answered 304.
        kept = bool(report.failed_entries)
        await asyncio.to_thread(
            self.store.record_poll_success,
            state.id,
            now=self.clock(),
            etag=state.etag if kept else result.etag,
            last_modified=state.last_modified if kept else result.last_modified,
            new_items=report.new_items,
        )
        if report.alerts:
            log.info("source %s: %d new items, %d arrest alerts queued", source.name, report.new_items, report.alerts)

    async def _fetch_feed(self, source: SourceConfig, state: SourceState, report: PollReport) -> FetchResult | None:
        """Fetch the source's feed with its validators; None when there is nothing to parse.

        A failed fetch (recorded with its back-off) and an unchanged feed (304, recorded as
        a success) both end the poll here, so ``_poll`` only deals with a fresh body.
        """
        url = preview_url(source)
        try:
            result = await self.fetcher.fetch(url, etag=state.etag, last_modified=state.last_modified)
        except FetchError as exc:
            report.ok, report.error = False, str(exc)
            now = self.clock()
            retry_after = getattr(exc, "retry_after", None)
            delay = poll_delay(source.interval, state.consecutive_failures + 1, retry_after)
            log.warning(
                "source %s: %s (%s)",
                source.name,
                exc,
                f"next try in {_human(delay)}" if delay else "next try at the next poll",
            )
            await asyncio.to_thread(
                self.store.record_poll_failure, state.id, now=now, error=str(exc), next_attempt_at=now + delay
            )
            return None
        if result.not_modified:
            report.not_modified = True
            await asyncio.to_thread(
                self.store.record_poll_success,
                state.id,
                now=self.clock(),
                etag=state.etag,
                last_modified=state.last_modified,
                new_items=0,
                not_modified=True,
            )
            return None
        return result

    async def _article_texts(
        self,
        source: SourceConfig,
        candidates: Sequence[_Candidate],
        back_catalogue: Callable[[Entry], bool],
    ) -> list[str | None]:
        """Each candidate's text: the feed's, or its article page's for a teaser (a few at a time).

        Reading the pages before the analysis lets the whole batch be analysed in one hop;
        a page that cannot be read falls back to the feed's teaser rather than losing the entry.
        """
        texts: list[str | None] = [candidate.entry.text for candidate in candidates]
        limiter = asyncio.Semaphore(ARTICLE_CONCURRENCY)

        async def article(index: int) -> None:
            entry = candidates[index].entry
            try:
                async with limiter:
                    texts[index] = await self._full_text(source, entry)
            except Exception:  # whatever breaks while reading the page, the teaser is posted
                log.exception("source %s: cannot read the article %s; using the feed's teaser", source.name, entry.url)
                texts[index] = entry.text

        await asyncio.gather(
            *(
                article(index)
                for index, candidate in enumerate(candidates)
                if _is_teaser(candidate.entry) and not back_catalogue(candidate.entry)
            )
        )
        return texts

    async def preview(self, source: SourceConfig) -> list[tuple[Entry, Analysis]]:
        """Fetch and analyse a source now without storing anything (``sources test``).

        Raises FetchError or SourceParseError so the operator sees why it failed.
        """
        result = await self.fetcher.fetch(preview_url(source))
        entries = await asyncio.to_thread(parse_entries, source, result.content, result.text, result.final_url)

        async def analyse(entry: Entry) -> tuple[Entry, Analysis]:
            text = await self._full_text(source, entry)
            return entry, await asyncio.to_thread(self.analyzer, entry.title, text, source.lang, self.config.rules)

        return list(await asyncio.gather(*(analyse(entry) for entry in entries)))

    def _prepare(
        self,
        source: SourceConfig,
        source_id: int,
        candidates: Sequence[_Candidate],
        texts: Sequence[str | None],
        analyses: Sequence[Analysis | AnalysisError],
        back_catalogue: Callable[[Entry], bool],
        now: datetime,
        report: PollReport,
    ) -> list[tuple[NewItem, QueuedPost | None]]:
        """Decide each new entry's item and post from its analysis (worker thread).

        ``analyses`` has one outcome per entry that is neither back catalogue nor missing
        its text. An entry whose article or analysis failed is left out: not stored, so
        the next poll tries it again; it is listed in the report.
        """
        outcomes = iter(analyses)
        prepared: list[tuple[NewItem, QueuedPost | None]] = []
        for candidate, text in zip(candidates, texts):
            entry = candidate.entry
            if back_catalogue(entry):
                prepared.append((self._item(source, source_id, candidate, entry.text, None, "old", now), None))
                continue
            if text is None:
                continue
            analysis = next(outcomes)
            if isinstance(analysis, AnalysisError):  # not stored: the next poll tries it again
                log.error("source %s: cannot analyse %s: %s", source.name, entry.url or entry.title[:80], analysis)
                report.failed_entries.append(f"{entry.url or entry.title[:80]}: {str(analysis).splitlines()[-1]}")
                continue
            decision = triage(analysis, self.config.settings)
            item = self._item(source, source_id, candidate, text, analysis, decision, now)
            if decision == "seen":
                prepared.append((item, None))
                continue
            body = format_alert(
                AlertPost(
                    title=entry.title,
                    url=entry.url,
                    source_name=source.name,
                    analysis=analysis,
                    published=entry.published,
                ),
                self.config.settings.language,
            )
            if decision == "alert":
                prepared.append((item, QueuedPost(body)))
            elif self.review_to_admin:
                prepared.append((item, QueuedPost(review_request(body, analysis), kind="review", target="admin")))
            else:
                prepared.append((item, None))
        return prepared

    def _new_candidates(self, source: SourceConfig, entries: Sequence[Entry]) -> list[_Candidate]:
        """Entries none of whose keys is stored yet, each story once per batch."""
        keyed = [_Candidate(entry, entry_keys(source.name, entry)) for entry in entries]
        known = self.store.known_keys(key for candidate in keyed for key in candidate.keys)
        fresh: list[_Candidate] = []
        for candidate in keyed:
            if not candidate.keys or known.intersection(candidate.keys):
                continue
            known.update(candidate.keys)
            fresh.append(candidate)
        return fresh

    async def _full_text(self, source: SourceConfig, entry: Entry) -> str:
        """The entry's text, or the article page's main text when the feed has a teaser."""
        if not _is_teaser(entry) or entry.url is None:  # a teaser has a URL: for mypy
            return entry.text
        try:
            page = await self.fetcher.fetch(entry.url, origin=source.url)  # every redirect hop is checked
            article = await asyncio.to_thread(extract_article_text, page.text, page.final_url)
        except FetchError as exc:
            log.info("source %s: article %s not fetched (%s); using the feed's teaser", source.name, entry.url, exc)
            return entry.text
        if article and len(article) > len(entry.text):
            return article
        return entry.text

    @staticmethod
    def _item(
        source: SourceConfig,
        source_id: int,
        candidate: _Candidate,
        text: str,
        analysis: Analysis | None,
        status: str,
        now: datetime,
    ) -> NewItem:
        entry = candidate.entry
        return NewItem(
            source_id=source_id,
            keys=candidate.keys,
            guid=entry.guid,
            url=entry.url,
            canonical_url=canonical_url(entry.url),
            content_hash=hash_in_keys(candidate.keys) or content_hash(entry.title, entry.text),
            title=entry.title,
            text=text,
            published_at=entry.published,
            fetched_at=now,
            status=status,
            analysis=analysis.to_dict() if analysis is not None else None,
            source_name=source.name,
        )
