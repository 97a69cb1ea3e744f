"""What a report posts once it is placed among events: the alert of a new event, an
edit of that alert ("also reported by"), or a follow-up in reply to it.

Pure: bot/app/placement.py reads the events that could take a report (bot/core/event_book.py),
asks ``EventPosts.plan`` where it goes, and writes the ``EventWrite`` it returns, all in
the transaction that stores the report.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from bot.core.analysis.result import Analysis, Detainee
from bot.core.events import (
    CUSTODY_CAP,
    DEFAULT_WINDOW,
    Assignment,
    Event,
    EventPersonRow,
    EventWrite,
    Report,
    assign,
    mentions_release,
    people_named_in,
    reports_needed,
    same_person,
)
from bot.core.models import NewItem, QueuedPost
from bot.core.publish.format import AlertPost, FollowupLine, FollowupPost, format_alert, format_followup
from bot.core.translit import latin


def also_reported(event: Event, extra: Report | None = None) -> tuple[tuple[str, str | None], ...]:
    """(source, url) of the event's later copies, one per source, not the first report's source."""
    if not event.reports:
        return ()
    first = event.reports[0]
    seen = {first.source_name}
    out: list[tuple[str, str | None]] = []
    for report in [*(r for r in event.reports[1:] if r.role == "also"), *([extra] if extra else [])]:
        if report.source_name in seen:
            continue
        seen.add(report.source_name)
        out.append((report.source_name, report.url))
    return tuple(out)


def other_terms(event: Event, extra: Report | None = None) -> tuple[tuple[str, str, str], ...]:
    """(name, term, source) for each term another outlet gave for a person of the first
    report that differs from the first report's: outlets disagreeing on one decision."""
    first = event.reports[0]
    out: list[tuple[str, str, str]] = []
    for person in first.analysis.detainees:
        for report in [*(r for r in event.reports[1:] if r.role == "also"), *([extra] if extra else [])]:
            for detainee in report.analysis.detainees:
                if (
                    detainee.term
                    and detainee.term != person.term
                    and same_person(detainee.name, person.name)
                    and (person.name, detainee.term) not in {(n, t) for n, t, _ in out}
                ):
                    out.append((person.name, detainee.term, report.source_name))
    return tuple(out)


def alert_post(event: Event, extra: Report | None = None) -> AlertPost:
    """The alert of ``event`` as it reads now: its first report, the outlets that told
    the same since, their differing terms, and the person's earlier episode."""
    first = event.reports[0]
    return AlertPost(
        title=first.title,
        url=first.url,
        source_name=first.source_name,
        analysis=first.analysis,
        published=first.at,
        also_reported=also_reported(event, extra),
        other_terms=other_terms(event, extra),
        previous_on=event.previous_on,
    )


def edited_alert(event: Event, extra: Report | None, language: str) -> str:
    """The alert as first posted (from the event's first report) plus what other outlets said."""
    return format_alert(alert_post(event, extra), language)


def followup(assignment: Assignment, report: Report, language: str) -> str:
    lines = tuple(
        FollowupLine(kind=change.kind, name=change.person.name, term=change.person.term, before=change.before)
        for change in assignment.changes
    )
    return format_followup(
        FollowupPost(
            title=report.title, url=report.url, source_name=report.source_name, lines=lines, place=report.analysis.place
        ),
        language,
    )


class EventPosts:
    """Where a report goes among events and what it posts (bot/app/placement.py asks)."""

    def __init__(self, language: str = "en", *, window: timedelta = DEFAULT_WINDOW) -> None:
        self.language = language
        self.window = window
        # an event can take a report up to window + custody after its last report
        self.lookback = window * 2 + CUSTODY_CAP

    @staticmethod
    def _report(item_id: int, item: NewItem) -> Report:
        return Report(
            item_id=item_id,
            source_name=item.source_name or "",
            title=item.title,
            url=item.url,
            text=item.text,
            at=item.published_at or item.fetched_at,
            analysis=Analysis.from_dict(item.analysis or {}),
        )

    def wants(self, item: NewItem, post: QueuedPost | None) -> bool:
        """Arrest alerts; and reports not flagged as arrests that tell of a release."""
        if item.analysis is None:
            return False
        if post is not None:
            return post.kind == "alert"
        # A release is read as no arrest, often with nobody listed: plan() finds the
        # people it names among the episodes' (issue 17).
        return item.status == "seen" and mentions_release(f"{item.title}\n{item.text}")

    def shortlist(self, item_id: int, item: NewItem, post: QueuedPost | None, events: list[Event]) -> set[int]:
        """Ids of the events (given without their reports) whose reports ``plan`` needs."""
        creating = post is not None and post.kind == "alert"
        if not creating and not (item.analysis or {}).get("detainees"):
            return set()  # a release naming nobody the analysis saw: plan() matches names on people alone
        return reports_needed(self._report(item_id, item), events, window=self.window, arrest=creating)

    def plan(self, item_id: int, item: NewItem, post: QueuedPost | None, candidates: list[Event]) -> EventWrite | None:
        report = self._report(item_id, item)
        creating = post is not None and post.kind == "alert"
        if not creating and not report.analysis.detainees:  # a release naming people the analysis did not list
            held = {p.key: p for event in candidates for p in event.people if p.status != "released"}
            named = people_named_in(f"{report.title}\n{report.text}", held.values())
            if not named:
                return None
            report = replace(
                report, analysis=replace(report.analysis, detainees=tuple(Detainee(person.name) for person in named))
            )
        analysis = report.analysis
        assignment = assign(report, candidates, window=self.window, create=creating)
        if assignment is None or (
            not creating and assignment.event is not None and not assignment.changes and not assignment.event.reports
        ):
            return None  # news that is no arrest and changes nothing (its event read without reports)
        people = tuple(
            EventPersonRow(key=p.key, name=p.name, latin=latin(p.name), term=p.term, status=p.status)
            for p in assignment.people
        )
        event = assignment.event
        previous_on: str | None = None
        if event is None:
            write_post = post
            previous = assignment.previous
            if post is not None and previous is not None:
                # A new episode of someone already reported: a new message (never an edit),
                # answering the earlier one so the case reads as a thread.
                previous_on = previous.day.isoformat()
                body = format_alert(
                    alert_post(
                        Event(id=0, first_at=report.at, last_at=report.at, reports=(report,), previous_on=previous_on),
                    ),
                    self.language,
                )
                write_post = QueuedPost(
                    body, kind=post.kind, target=post.target, markup=post.markup, parent_id=previous.alert_id
                )
        elif event.alert_id is None:
            write_post = None  # nothing was posted for it: nothing to edit or answer
        elif assignment.changes:
            write_post = QueuedPost(
                followup(assignment, report, self.language), kind="followup", parent_id=event.alert_id
            )
        else:
            write_post = QueuedPost(edited_alert(event, report, self.language), kind="edit", parent_id=event.alert_id)
        return EventWrite(
            event_id=event.id if event else None,
            role=assignment.role,
            reason=assignment.reason,
            at=report.at,
            people=people,
            post=write_post,
            place=analysis.place,
            previous_on=previous_on,
            detained_on=assignment.occasion.day.isoformat()
            if assignment.occasion and assignment.occasion.stated
            else analysis.detained_on,
        )
