"""The Fetcher against a real loopback server: validators, errors, limits, decoding."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import datetime, timezone

import pytest

from bot import USER_AGENT
from bot.edges.fetch import (
    FetchBlockedError,
    FetchConnectionError,
    Fetcher,
    FetchError,
    FetchRedirectError,
    FetchStatusError,
    FetchTimeoutError,
    FetchTooLargeError,
    check_article_url,
    decode_body,
    parse_retry_after,
)

RUSSIAN = "<html><body><p>Суд арестовал активиста на десять суток за участие в митинге.</p></body></html>"


@pytest.fixture
async def fetcher() -> AsyncIterator[Fetcher]:
    client = Fetcher()
    try:
        yield client
    finally:
        await client.aclose()


async def test_conditional_get_answers_not_modified(web, fetcher: Fetcher) -> None:
    web.add(
        "/feed.xml",
        "<rss/>",
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified="Tue, 01 Apr 2025 10:00:00 GMT",
    )
    first = await fetcher.fetch(web.url("/feed.xml"))
    assert first.status == 200 and not first.not_modified and first.text == "<rss/>"
    assert first.etag == '"v1"' and first.last_modified == "Tue, 01 Apr 2025 10:00:00 GMT"

    second = await fetcher.fetch(web.url("/feed.xml"), etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.status == 304 and second.content == b""
    _, headers = web.requests[-1]
    assert headers["If-None-Match"] == '"v1"'
    assert headers["If-Modified-Since"] == "Tue, 01 Apr 2025 10:00:00 GMT"
    assert headers["User-Agent"] == USER_AGENT


async def test_last_modified_alone_is_enough(web, fetcher: Fetcher) -> None:
    web.add("/feed.xml", "<rss/>", last_modified="Tue, 01 Apr 2025 10:00:00 GMT")
    result = await fetcher.fetch(web.url("/feed.xml"), last_modified="Tue, 01 Apr 2025 10:00:00 GMT")
    assert result.not_modified


async def test_server_error_names_status_and_url(web, fetcher: Fetcher) -> None:
    web.add("/broken.xml", "server on fire", status=500)
    with pytest.raises(FetchStatusError) as caught:
        await fetcher.fetch(web.url("/broken.xml"))
    assert caught.value.status == 500 and caught.value.retry_after is None
    assert f"HTTP 500 from {web.url('/broken.xml')}" in str(caught.value)


async def test_unknown_path_is_404(web, fetcher: Fetcher) -> None:
    with pytest.raises(FetchStatusError) as caught:
        await fetcher.fetch(web.url("/nothing"))
    assert caught.value.status == 404 and "check the URL" in str(caught.value)


async def test_rate_limit_carries_retry_after(web, fetcher: Fetcher) -> None:
    web.add_rate_limited("/busy", 120)
    with pytest.raises(FetchStatusError) as caught:
        await fetcher.fetch(web.url("/busy"))
    assert caught.value.status == 429 and caught.value.retry_after == 120


def test_retry_after_as_http_date() -> None:
    now = datetime(2025, 4, 1, 10, 0, tzinfo=timezone.utc)
    assert parse_retry_after("Tue, 01 Apr 2025 10:05:00 GMT", now=now) == 300
    assert parse_retry_after("Tue, 01 Apr 2025 09:00:00 GMT", now=now) == 0  # already past
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None


async def test_endless_body_is_cut_at_the_cap(web) -> None:
    web.add_stream("/endless", b"x" * 8192, None)
    small = Fetcher(max_bytes=100_000)
    try:
        with pytest.raises(FetchTooLargeError, match="larger than the 97.65"):
            await small.fetch(web.url("/endless"))
    finally:
        await small.aclose()


async def test_declared_length_over_the_cap_is_refused_before_reading(web) -> None:
    web.add("/big", b"y" * 200_000)
    small = Fetcher(max_bytes=100_000)
    try:
        with pytest.raises(FetchTooLargeError):
            await small.fetch(web.url("/big"))
    finally:
        await small.aclose()


async def test_gzip_body_is_decoded_and_a_gzip_bomb_hits_the_cap(web) -> None:
    web.add("/small.html", RUSSIAN, gzip=True)
    web.add("/bomb", b"\0" * 20_000_000, gzip=True)  # ~20 KB on the wire
    small = Fetcher(max_bytes=1_000_000)
    try:
        assert "арестовал" in (await small.fetch(web.url("/small.html"))).text
        with pytest.raises(FetchTooLargeError):
            await small.fetch(web.url("/bomb"))
    finally:
        await small.aclose()


async def test_redirect_is_followed_to_the_final_url(web, fetcher: Fetcher) -> None:
    web.add_redirect("/old.xml", "/new.xml", status=301)
    web.add("/new.xml", "<rss/>")
    result = await fetcher.fetch(web.url("/old.xml"))
    assert result.final_url == web.url("/new.xml") and result.text == "<rss/>"


async def test_redirect_loop_is_an_error(web, fetcher: Fetcher) -> None:
    web.add_redirect("/a", "/b")
    web.add_redirect("/b", "/a")
    with pytest.raises(FetchRedirectError, match="redirect loop"):
        await fetcher.fetch(web.url("/a"))
    assert len(web.requests) == 6  # the first request and five redirects


async def test_connection_refused_says_what_to_check(fetcher: Fetcher) -> None:
    with pytest.raises(FetchConnectionError) as caught:
        await fetcher.fetch("http://127.0.0.1:9/feed.xml")  # nothing listens on the discard port
    assert "connection refused by 127.0.0.1:9 — is the site down or the URL wrong?" in str(caught.value)


async def test_slow_server_times_out(web) -> None:
    web.add("/slow", "late", delay=3)
    impatient = Fetcher(read_timeout=0.3)
    try:
        with pytest.raises(FetchTimeoutError, match="timed out after 0.3s"):
            await impatient.fetch(web.url("/slow"))
    finally:
        await impatient.aclose()


async def test_whole_fetch_deadline(web) -> None:
    web.add("/slow", "late", delay=3)
    impatient = Fetcher(read_timeout=10, deadline=0.3)
    try:
        with pytest.raises(FetchTimeoutError, match="longer than 0.3s in total"):
            await impatient.fetch(web.url("/slow"))
    finally:
        await impatient.aclose()


async def test_not_http_is_refused(fetcher: Fetcher) -> None:
    with pytest.raises(FetchError):
        await fetcher.fetch("ftp://127.0.0.1/feed.xml")


@pytest.mark.parametrize("charset_in", ["header", "meta", "none"])
async def test_cp1251_page_is_decoded(web, fetcher: Fetcher, charset_in: str) -> None:
    page = RUSSIAN
    content_type = "text/html"
    if charset_in == "header":
        content_type = "text/html; charset=windows-1251"
    elif charset_in == "meta":
        page = page.replace("<html>", '<html><head><meta charset="windows-1251"></head>')
    web.add("/ru.html", page, content_type=content_type, encoding="cp1251")
    result = await fetcher.fetch(web.url("/ru.html"))
    assert "Суд арестовал активиста" in result.text


def test_decoding_distrusts_a_wrong_utf8_declaration_and_tells_koi8r_from_cp1251() -> None:
    assert "арестовал" in decode_body(RUSSIAN.encode("cp1251"), "text/html; charset=utf-8")
    assert "арестовал" in decode_body(RUSSIAN.encode("koi8_r"), None)
    assert "арестовал" in decode_body(RUSSIAN.encode("cp1251"), None)
    xml = '<?xml version="1.0" encoding="koi8-r"?><rss><title>Суд</title></rss>'
    assert "Суд" in decode_body(xml.encode("koi8_r"), "application/xml")
    assert decode_body(b"plain ascii", None) == "plain ascii"


async def test_article_links_to_internal_addresses_are_blocked_from_public_sources() -> None:
    public = "https://8.8.8.8/feed.xml"
    for url in (
        "http://127.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http://10.0.0.5/",
        "http://localhost:8080/",
    ):
        with pytest.raises(FetchBlockedError, match="private or local address"):
            await check_article_url(url, public)
    with pytest.raises(FetchBlockedError, match="not http"):
        await check_article_url("file:///etc/passwd", public)
    await check_article_url("https://1.1.1.1/news/1", public)  # a public address is fine


async def test_loopback_sources_may_link_loopback_articles(web) -> None:
    await check_article_url(web.url("/article/7"), web.url("/feed.xml"))
    await check_article_url("http://127.0.0.1/en/1", "http://localhost:8000/feed.xml")


async def test_at_most_two_requests_at_once_per_host(web, fetcher: Fetcher) -> None:
    web.add("/slow", "ok", delay=0.3)
    results = await asyncio.gather(*(fetcher.fetch(web.url("/slow")) for _ in range(6)))
    assert [r.text for r in results] == ["ok"] * 6
    assert web.peak == 2


async def test_a_guard_checks_every_redirect_hop_before_requesting_it(web, fetcher: Fetcher) -> None:
    web.add("/inside", "secret")
    web.add_redirect("/public", web.url("/inside"))
    checked: list[str] = []

    async def guard(url: str) -> None:
        checked.append(url)
        if url.endswith("/inside"):
            raise FetchBlockedError(f"{url} is internal", url)

    with pytest.raises(FetchBlockedError):
        await fetcher.fetch(web.url("/public"), guard=guard)
    assert checked == [web.url("/public"), web.url("/inside")]
    assert [path for path, _ in web.requests] == ["/public"]  # the internal hop was never requested


async def test_a_guarded_fetch_follows_allowed_redirects(web, fetcher: Fetcher) -> None:
    web.add("/b", "arrived")
    web.add_redirect("/a", "/b")

    async def allow(url: str) -> None:
        return None

    result = await fetcher.fetch(web.url("/a"), guard=allow)
    assert result.text == "arrived" and result.final_url == web.url("/b")


async def test_a_global_limit_caps_requests_across_hosts(web) -> None:
    web.add("/slow", "ok", delay=0.3)
    fetcher = Fetcher(per_host=2, total=3)
    try:
        urls = [web.url("/slow"), web.url("/slow").replace("127.0.0.1", "localhost")] * 4
        results = await asyncio.gather(*(fetcher.fetch(url) for url in urls))
    finally:
        await fetcher.aclose()
    assert [r.text for r in results] == ["ok"] * 8
    assert web.peak == 3


def test_httpcore_finds_sniffio_or_knows_it_is_absent() -> None:
    """httpcore imports sniffio on every lock and stream close; when it is not installed,
    bot.edges.fetch marks it absent so that no import searches sys.path again."""
    import importlib.util
    import sys

    import bot.edges.fetch  # noqa: F401

    assert sys.modules.get("sniffio", False) is None or importlib.util.find_spec("sniffio") is not None
