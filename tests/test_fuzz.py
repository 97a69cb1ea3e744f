"""Property-based fuzzing of hostile feed content (hypothesis): any bytes, character
references and Unicode in titles, descriptions and links, served by the loopback web
server and polled by the real pipeline. Whatever arrives, every post and digest part is
HTML Telegram accepts within its 4,096 UTF-16 units, and every arrest report is posted."""

from __future__ import annotations

import asyncio
import itertools
import tempfile
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.app.digest import manual_digest
from bot.app.pipeline import Pipeline
from bot.app.watch import note_poll
from bot.edges.config import parse_config
from bot.edges.fetch import Fetcher
from bot.edges.store import Store, utcnow
from tests.support.botapi import MAX_TEXT_LENGTH, parse_html, utf16_len

NAMES = ["Aidar Serikbayev", "Marat Zhaksylykov", "Gulnar Ospanova"]
# Character references, valid and not, as they stand in the XML.
REFERENCES = [
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#0;",
    "&#1;",
    "&#xD800;",
    "&#xDFFF;",
    "&#x110000;",
    "&#99999999999;",
    "&#x202E;",
    "&#x200B;",
    "&#xFEFF;",
    "&#65;",
    "&nbsp;",
    "&bogus;",
    "&",
    "&#",
    "&#x;",
    "]]>",
    "&amp;lt;b&amp;gt;",
]
# Markup as text (escaped once: HTML inside a title or description, as feeds carry it).
MARKUP = [
    "<b>",
    "</i>",
    "<a href='javascript:x'>",
    "<script>alert(1)</script>",
    "<![CDATA[",
    "<tg-spoiler>",
    "<br>",
    "<p>",
    "&",
]

# Pieces of hostile text: any Unicode (lone surrogates included, sent as the bytes
# Python's surrogatepass makes of them), raw bytes, and character references.
_unicode = st.text(st.characters(codec=None, exclude_categories=()), max_size=30)
_fragment = st.one_of(
    _unicode.map(lambda text: _escape(text.encode("utf-8", "surrogatepass"))),
    st.binary(max_size=12).map(_escape := lambda raw: raw.replace(b"&", b"&amp;").replace(b"<", b"&lt;")),
    st.sampled_from(REFERENCES).map(str.encode),
    st.sampled_from(MARKUP).map(lambda markup: _escape(markup.encode())),
    st.text("𝐀𝐁😀\u202e\u200bЖжҚқ", max_size=300).map(str.encode),  # outside the BMP, disguising, Cyrillic
)
hostile = st.lists(_fragment, max_size=6).map(b"".join)
# A link: a fixed hostile one, or junk after a local address or as a relative link.
# ``{i}`` makes each item's link its own story (two links differing only after a "#"
# are rightly one story to the de-duplication).
_link = st.one_of(
    hostile.map(lambda junk: b"http://127.0.0.1:1/{i}/" + junk),
    st.sampled_from(
        [
            b"http://127.0.0.1:8000x/{i}",
            b"http://127.0.0.1:99999/{i}",
            b"http:\\\\127.0.0.1\\{i}",
            b"javascript:alert({i})",
            b"http://[::127.0.0.1]/{i}",
            b"http://169.254.169.254/{i}",
            b"",
            b"//x/{i}",
        ]
    ),
    hostile.map(lambda junk: b"{i}/" + junk),
)


def _report(name: str, term: int) -> bytes:
    return (
        f"A court in Almaty on Monday sentenced civic activist {name} to {term} days of administrative arrest "
        "for taking part in a peaceful rally against the new land law. Police detained the activist at the "
        "square on Sunday; rights defenders called the arrest punishment for protest."
    ).encode()


def feed(items: list[tuple[bytes, bytes, bytes, bool]]) -> bytes:
    """An RSS document around hostile (title, text, link, full) items, bytes as they are."""
    now = datetime.now(timezone.utc) - timedelta(minutes=30)
    out = [
        b'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        b'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fuzz</title>'
    ]
    for i, (title, text, link, full) in enumerate(items):
        body = b"<content:encoded>" + text + b"</content:encoded>" if full else b""
        out.append(
            b"<item><title>"
            + title
            + b"</title><link>"
            + link
            + b"</link><guid>g"
            + str(i).encode()
            + b"</guid><pubDate>"
            + format_datetime(now).encode()
            + b"</pubDate><description>"
            + text
            + b"</description>"
            + body
            + b"</item>"
        )
    return b"".join(out) + b"</channel></rss>"


_paths = itertools.count()


def check_post(html: str) -> None:
    """What Telegram would check: parseable HTML, at most 4,096 UTF-16 units of text."""
    parsed = parse_html(html)  # raises HTMLParseError as Telegram's 400 would
    assert 0 < utf16_len(parsed.text) <= MAX_TEXT_LENGTH, utf16_len(parsed.text)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
@given(data=st.lists(st.tuples(hostile, hostile, _link, st.booleans(), hostile), min_size=1, max_size=3))
def test_hostile_feed_content_is_posted_validly_and_never_lost(web, data) -> None:
    items = []
    for i, (title_junk, text_junk, link, full, name_junk) in enumerate(data):
        name = NAMES[i]
        title = title_junk + f" Activist {name} jailed ".encode() + name_junk
        text = text_junk + b" " + _report(name, 10 + i) + b" " + name_junk
        items.append((title, text, link.replace(b"{i}", str(i).encode()), full))
    path = f"/fuzz/{next(_paths)}.xml"
    web.add(path, feed(items), content_type="application/rss+xml")
    asyncio.run(_poll_and_check(web.url(path), [NAMES[i] for i in range(len(items))]))


async def _poll_and_check(url: str, names: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = parse_config(
            f'[settings]\nlanguage = "en"\ntimezone = "UTC"\n[[source]]\nname = "Fuzz"\nurl = "{url}"\n',
            Path(folder) / "sources.toml",
        )
        store = Store.open(Path(folder) / "db.sqlite3")
        fetcher = Fetcher(connect_timeout=1, read_timeout=2, deadline=3)
        try:
            report = await Pipeline(config, store, fetcher).poll(config.sources[0])
            assert report.ok and not report.failed_entries, (report.error, report.failed_entries)
            bodies = [row["body"] for row in store.outbox_rows()]
            for body in bodies:
                check_post(body)
            for name in names:  # every arrest report is posted (its alert, or an edit of one)
                assert any(name in body for body in bodies), (name, bodies)
            now = utcnow()
            note_poll(store, now - timedelta(hours=1), timedelta(hours=2))  # the period was watched
            note_poll(store, now, timedelta(hours=2))
            manual_digest(store, config.settings, now=now + timedelta(seconds=1))
            parts = [row["body"] for row in store.outbox_rows(kind="digest")]
            assert parts
            for part in parts:
                check_post(part)
        finally:
            await fetcher.aclose()
            store.close()
