"""HTTP for every source and article: one shared client, polite limits, actionable errors.

Exceptions, all raised with the URL they failed on::

    FetchError                 anything that stopped a fetch
    ├── FetchTimeoutError      connect/read timeout or the whole-fetch deadline
    ├── FetchStatusError       an HTTP error status (.status, .retry_after)
    ├── FetchTooLargeError     the body passed the size cap (also after decompression)
    ├── FetchConnectionError   refused, DNS failure, connection broken
    ├── FetchRedirectError     too many redirects (a loop)
    └── FetchBlockedError      a URL we refuse to fetch (not http/https, private address)

httpx errors are translated in one place (``_translate``).
"""

from __future__ import annotations

import asyncio
import codecs
import errno
import importlib.util
import ipaddress
import re
import socket
import sys
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpx

from bot import USER_AGENT
from bot.core.errors import FetchError  # the domain of every error below; carries the URL


def _no_sniffio_search() -> None:
    """Mark sniffio as absent when it is not installed, so that ``import sniffio`` fails
    at once instead of searching sys.path again.

    Why: httpcore asks ``import sniffio`` in every lock, event and stream close of every
    request (``current_async_library``); anyio 4 no longer installs sniffio, and Python
    does not remember a failed import, so each call searched the path: 50 µs each, about
    0.3 s of a cold poll of 300 feeds. A None in sys.modules is Python's documented way
    to make an import fail; httpcore then takes asyncio, as it does without sniffio.
    """
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


_no_sniffio_search()

MAX_BYTES = 5 * 1024 * 1024
# Requests in flight across all hosts (a poll of hundreds of sources must not open
# hundreds of connections at once).
TOTAL = 32
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
DEADLINE = 45.0  # a whole fetch, however slowly the body trickles in
MAX_REDIRECTS = 5
PER_HOST = 2  # requests at once to one host
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5"

CHARSET_PARAM_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
XML_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([\w.:-]+)[\"']", re.I)
META_CHARSET_RE = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.I)
# Bytes of a document searched for an encoding declaration.
SNIFF_BYTES = 4096


class FetchTimeoutError(FetchError):
    pass


class FetchStatusError(FetchError):
    """The server answered an error status; ``retry_after`` is in seconds when it said."""

    def __init__(self, message: str, url: str, status: int, retry_after: float | None = None) -> None:
        super().__init__(message, url)
        self.status = status
        self.retry_after = retry_after


class FetchTooLargeError(FetchError):
    pass


class FetchConnectionError(FetchError):
    pass


class FetchRedirectError(FetchError):
    pass


class FetchBlockedError(FetchError):
    pass


@dataclass(frozen=True)
class FetchResult:
    """One answered fetch. On ``not_modified`` the content is empty: use the stored copy."""

    status: int
    final_url: str
    content: bytes
    text: str
    content_type: str | None
    etag: str | None
    last_modified: str | None
    not_modified: bool = False
    redirect_to: str | None = None  # only when redirects are followed hop by hop (guarded fetches)


class Fetcher:
    """Fetches URLs through one shared httpx client, at most ``per_host`` at once per host."""

    def __init__(
        self,
        *,
        max_bytes: int = MAX_BYTES,
        connect_timeout: float = CONNECT_TIMEOUT,
        read_timeout: float = READ_TIMEOUT,
        deadline: float = DEADLINE,
        max_redirects: int = MAX_REDIRECTS,
        per_host: int = PER_HOST,
        total: int = TOTAL,
        user_agent: str = USER_AGENT,
    ) -> None:
        self.max_bytes = max_bytes
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.deadline = deadline
        self.max_redirects = max_redirects
        self.per_host = per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._total = asyncio.Semaphore(total)  # all hosts together
        self._client = httpx.AsyncClient(
            headers={"User-Agent": user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            follow_redirects=True,
            max_redirects=max_redirects,
            http2=False,
        )

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        origin: str | None = None,
        guard: Callable[[str], Awaitable[None]] | None = None,
    ) -> FetchResult:
        """GET ``url``, conditionally when a validator from the last fetch is given.

        Every hop of a redirect chain is checked before it is requested, so no page or
        feed can bounce the bot into its own network: by ``guard`` if given, else by
        ``check_url`` against ``origin``, the configured URL the fetch is for (a
        source's, for its article links; by default ``url`` itself, a feed's own
        configured URL). Only an origin that is itself local lets local addresses of
        the same kind be reached.
        """
        if guard is None:
            allowed = origin or url

            async def guard(hop: str) -> None:
                await check_url(hop, allowed)

        for _ in range(self.max_redirects + 1):
            await guard(url)
            result = await self._fetch(url, etag, last_modified, follow=False)
            if result.redirect_to is None:
                return result
            url = result.redirect_to
        raise FetchRedirectError(
            f"more than {self.max_redirects} redirects, the last to {url} (a redirect loop?); "
            "open it in a browser and use the final address",
            url,
        )

    async def _fetch(self, url: str, etag: str | None, last_modified: str | None, *, follow: bool) -> FetchResult:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            host = urlsplit(url).netloc.lower()
            urlsplit(url).port  # noqa: B018 - raises ValueError on a port out of range (httpx raises it late, in a group)
        except ValueError as exc:
            raise FetchError(f"{url} is not a valid URL: {exc}", url) from exc
        limiter = self._hosts.setdefault(host, asyncio.Semaphore(self.per_host))
        async with limiter, self._total:
            try:
                async with asyncio.timeout(self.deadline):
                    return await self._get(url, headers, follow)
            except TimeoutError as exc:  # the deadline, not an httpx timeout (those are translated)
                raise FetchTimeoutError(
                    f"{url} took longer than {self.deadline:g}s in total; the site is too slow", url
                ) from exc
            except httpx.HTTPError as exc:
                raise _translate(exc, url, self) from exc
            except (httpx.InvalidURL, ValueError, OverflowError) as exc:
                # A URL httpx cannot use (a bad port, a Location it cannot join): raised
                # as InvalidURL, ValueError or OverflowError, outside httpx.HTTPError.
                raise FetchError(f"{url} is not a valid URL (or redirects to one): {exc}", url) from exc

    async def _get(self, url: str, headers: dict[str, str], follow: bool = True) -> FetchResult:
        async with self._client.stream("GET", url, headers=headers, follow_redirects=follow) as response:
            final_url = str(response.url)
            if not follow and response.is_redirect and "Location" in response.headers:
                target = str(response.url.join(response.headers["Location"]))
                return FetchResult(response.status_code, final_url, b"", "", None, None, None, redirect_to=target)
            etag = response.headers.get("ETag")
            modified = response.headers.get("Last-Modified")
            content_type = response.headers.get("Content-Type")
            if response.status_code == 304:
                return FetchResult(304, final_url, b"", "", content_type, etag, modified, not_modified=True)
            if response.status_code >= 400:
                raise _status_error(response.status_code, final_url, response.headers.get("Retry-After"))
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_large(final_url)
            body = bytearray()
            # aiter_bytes yields decompressed bytes, so a gzip bomb hits the cap too.
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > self.max_bytes:
                    raise self._too_large(final_url)
            content = bytes(body)
            return FetchResult(
                response.status_code,
                final_url,
                content,
                decode_body(content, content_type),
                content_type,
                etag,
                modified,
            )

    def _too_large(self, url: str) -> FetchTooLargeError:
        return FetchTooLargeError(
            f"{url} is larger than the {_size(self.max_bytes)} limit; is it really a feed or news page?", url
        )

    async def aclose(self) -> None:
        await self._client.aclose()


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / 1024 / 1024:g} MB"
    if count >= 1024:
        return f"{count / 1024:g} KB"
    return f"{count} bytes"


def _translate(exc: httpx.HTTPError, url: str, fetcher: Fetcher) -> FetchError:
    """One place where httpx's errors become messages an operator can act on."""
    request_url = url
    try:
        request_url = str(exc.request.url)
    except RuntimeError:  # no request attached
        pass
    parts = urlsplit(request_url)
    host = parts.hostname or request_url
    where = f"{host}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchTimeoutError(f"timed out after {fetcher.connect_timeout:g}s connecting to {host} ({url})", url)
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeoutError(f"timed out after {fetcher.read_timeout:g}s waiting for {host} to answer ({url})", url)
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchRedirectError(
            f"more than {fetcher.max_redirects} redirects starting at {url} (a redirect loop?); "
            "open it in a browser and use the final address",
            url,
        )
    if isinstance(exc, httpx.ConnectError):
        if _caused_by(exc, socket.gaierror) or "name or service not known" in str(exc).lower():
            return FetchConnectionError(f"cannot resolve host name {host} ({url}) — is the URL spelt right?", url)
        refused = (
            any(
                isinstance(e, ConnectionRefusedError) or getattr(e, "errno", None) == errno.ECONNREFUSED
                for e in _chain(exc)
            )
            or "refused" in str(exc).lower()
        )
        if refused:
            return FetchConnectionError(f"connection refused by {where} — is the site down or the URL wrong?", url)
        return FetchConnectionError(f"cannot connect to {where} ({url}): {exc or type(exc).__name__}", url)
    if isinstance(exc, httpx.UnsupportedProtocol):
        return FetchBlockedError(f"{url} is not an http(s) URL", url)
    if isinstance(exc, httpx.DecodingError):
        return FetchError(f"{url} sent a body that cannot be decompressed: {exc}", url)
    if isinstance(exc, httpx.TransportError):
        return FetchConnectionError(
            f"connection to {where} broke while fetching {url}: {exc or type(exc).__name__}", url
        )
    return FetchError(f"cannot fetch {url}: {exc or type(exc).__name__}", url)


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    return any(isinstance(e, kind) for e in _chain(exc))


def _status_error(status: int, url: str, retry_after_header: str | None) -> FetchStatusError:
    retry_after = parse_retry_after(retry_after_header)
    advice = {
        401: "the page needs a login",
        403: "the site refuses the bot (blocked user agent or region?)",
        404: "the page does not exist; check the URL",
        410: "the page was removed; find the site's new feed",
        429: "the site rate-limits us",
    }.get(status, "the site has a problem" if status >= 500 else "")
    message = f"HTTP {status} from {url}"
    if advice:
        message += f" ({advice})"
    if retry_after is not None:
        message += f"; it asks to retry after {retry_after:g}s"
    return FetchStatusError(message, url, status, retry_after)


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


# -- decoding ---------------------------------------------------------------------


def decode_body(content: bytes, content_type: str | None) -> str:
    """Text of a body: the header's charset, else the document's declaration, else a guess.

    A declared UTF-8 that does not decode is not believed: Russian-language sites often
    serve windows-1251 or KOI8-R under a wrong or missing declaration.
    """
    for charset in (_header_charset(content_type), _declared_charset(content)):
        if not charset:
            continue
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            continue
        if codec in ("utf-8", "utf-8-sig"):
            try:
                return content.decode("utf-8-sig")
            except UnicodeDecodeError:
                break  # a wrong declaration: guess instead
        return content.decode(codec, errors="replace")
    return guess_decode(content)


def guess_decode(content: bytes) -> str:
    """UTF-8 if it decodes; else whichever of cp1251/KOI8-R reads like Russian; else cp1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best, best_score = None, 0
    for codec in ("cp1251", "koi8_r"):
        text = content.decode(codec, errors="replace")
        score = _russian_score(text)
        if score > best_score:
            best, best_score = text, score
    return best if best is not None else content.decode("cp1252", errors="replace")


def _russian_score(text: str) -> int:
    # Running text is mostly lower case; decoded with the wrong Cyrillic codec, case flips.
    lower = sum(1 for ch in text if "а" <= ch <= "я" or ch == "ё")
    upper = sum(1 for ch in text if "А" <= ch <= "Я" or ch == "Ё")
    return lower - upper


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = CHARSET_PARAM_RE.search(content_type)
    return match.group(1) if match else None


def _declared_charset(content: bytes) -> str | None:
    if content.startswith(codecs.BOM_UTF8):
        return "utf-8"
    head = content[:SNIFF_BYTES]
    match = XML_DECL_RE.search(head) or META_CHARSET_RE.search(head)
    return match.group(1).decode("ascii", errors="replace") if match else None


# -- article links from feeds -----------------------------------------------------


async def check_url(url: str, origin: str | None) -> None:
    """Refuse URLs that would make the bot reach its own network (SSRF).

    Only http(s) is allowed, and no host resolving to a loopback, private, link-local
    or otherwise non-public address (IPv6 forms that embed an IPv4 address are judged
    by that address) — unless ``origin``, the configured URL the fetch is for, is
    itself on an address of the same kind: a local test feed may link to local pages,
    but no feed may send the bot to 169.254.169.254 or into a private network it is
    not in.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchBlockedError(f"{url!r} is not http(s); not fetched", url)
    if not parts.hostname:
        raise FetchBlockedError(f"{url!r} has no host; not fetched", url)
    scopes = {_scope(address) for address in await _resolve(parts.hostname, url)}
    scopes.discard("public")
    if not scopes:
        return
    origin_host = urlsplit(origin).hostname if origin else None
    if origin_host:
        try:
            origin_scopes = {_scope(address) for address in await _resolve(origin_host, origin or "")}
        except FetchConnectionError:
            origin_scopes = set()
        if "public" not in origin_scopes and scopes <= origin_scopes:
            return
    raise FetchBlockedError(
        f"{url} points to a private or local address ({', '.join(sorted(scopes))}); not fetched "
        "(a feed or page must not make the bot reach its own network)",
        url,
    )


async def check_article_url(url: str, source_url: str) -> None:
    """``check_url`` for an article link of the source at ``source_url``."""
    await check_url(url, source_url)


async def _resolve(host: str, url: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchConnectionError(f"cannot resolve host name {host} ({url}) — is the URL spelt right?", url) from exc
    # sockaddr[0] is the address as text for AF_INET and AF_INET6 (typeshed allows an int)
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


# IPv6 prefixes that carry an IPv4 address in their last 32 bits: IPv4-compatible
# (::a.b.c.d, deprecated) and NAT64 (64:ff9b::/96, 64:ff9b:1::/48).
_EMBEDDING_V4 = tuple(ipaddress.ip_network(n) for n in ("::/96", "64:ff9b::/96", "64:ff9b:1::/48"))


def _embedded_v4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address stands for (mapped, compatible, NAT64, 6to4, Teredo)."""
    found = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
    if address.teredo is not None:
        found.extend(address.teredo)
    if any(address in network for network in _EMBEDDING_V4) and int(address) & 0xFFFFFFFF > 1:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def _scope(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """'public', or the kind of non-public address: 'loopback', 'link-local', 'private'…"""
    if isinstance(address, ipaddress.IPv6Address):
        for inner in _embedded_v4(address):
            kind = _scope(inner)
            if kind != "public":
                return kind
    for kind, test in (
        ("loopback", address.is_loopback),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("unspecified", address.is_unspecified),
        ("private", address.is_private),
    ):
        if test:
            return kind
    return "public" if address.is_global else "reserved"


__all__ = [
    "FetchBlockedError",
    "FetchConnectionError",
    "FetchError",
    "FetchRedirectError",
    "FetchResult",
    "FetchStatusError",
    "FetchTimeoutError",
    "FetchTooLargeError",
    "Fetcher",
    "check_article_url",
    "check_url",
    "decode_body",
    "parse_retry_after",
]
