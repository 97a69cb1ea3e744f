"""A loopback web server for tests: real HTTP on 127.0.0.1, one per test (fixture ``web``).

Pages are registered with ``web.add(path, body, ...)``; anything else answers 404. The
server records every request (path and headers) so a test can check what the client
sent, and can misbehave on purpose: answer slowly, stream without end, gzip its body,
redirect, or rate-limit with Retry-After.
"""

from __future__ import annotations

import gzip as gzip_module
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

DEFAULT_TYPE = "text/html; charset=utf-8"


@dataclass(frozen=True)
class Route:
    """How the server answers one path."""

    body: bytes = b""
    status: int = 200
    content_type: str | None = DEFAULT_TYPE
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds to wait before answering
    gzip: bool = False
    chunk: bytes | None = None  # streamed body: ``chunk`` sent ``count`` times (None: forever)
    count: int | None = None


class WebServer:
    """The test-facing API of the loopback server."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        # (path, headers) of every request; the headers look up case-insensitively.
        self.requests: list[tuple[str, httpx.Headers]] = []
        self.active = 0  # requests being answered right now
        self.peak = 0  # the most requests answered at once
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="test-web", daemon=True)

    # -- registering pages ----------------------------------------------------------

    def add(
        self,
        path: str,
        body: str | bytes = b"",
        *,
        status: int = 200,
        content_type: str | None = DEFAULT_TYPE,
        headers: dict[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
        gzip: bool = False,
        encoding: str = "utf-8",
    ) -> None:
        """Serve ``body`` at ``path``; a str body is encoded with ``encoding``."""
        raw = body.encode(encoding) if isinstance(body, str) else body
        self.routes[path] = Route(
            body=raw,
            status=status,
            content_type=content_type,
            headers=dict(headers or {}),
            etag=etag,
            last_modified=last_modified,
            delay=delay,
            gzip=gzip,
        )

    def add_redirect(self, path: str, to: str, status: int = 302) -> None:
        """Redirect ``path`` to ``to`` (a path or a full URL)."""
        self.routes[path] = Route(status=status, content_type=None, headers={"Location": to})

    def add_stream(
        self,
        path: str,
        chunk: str | bytes,
        count: int | None = None,
        *,
        content_type: str | None = DEFAULT_TYPE,
        delay: float = 0.0,
    ) -> None:
        """Stream ``chunk`` ``count`` times without Content-Length (``count=None``: forever)."""
        raw = chunk.encode() if isinstance(chunk, str) else chunk
        self.routes[path] = Route(chunk=raw, count=count, content_type=content_type, delay=delay)

    def add_rate_limited(self, path: str, retry_after: str | int, *, status: int = 429) -> None:
        """Answer ``status`` (429 by default) with a Retry-After header."""
        self.add(path, "slow down", status=status, content_type="text/plain", headers={"Retry-After": str(retry_after)})

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        return [path for path, _ in self.requests]

    # -- lifecycle ------------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._closing.set()  # wakes handlers that are sleeping or streaming
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _handler_for(web: WebServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def handle(self) -> None:
            try:
                super().handle()
            except (ConnectionError, TimeoutError):
                pass  # a client that hung up between keep-alive requests

        def do_GET(self) -> None:
            self._answer(send_body=True)

        def do_HEAD(self) -> None:
            self._answer(send_body=False)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

        def _answer(self, *, send_body: bool) -> None:
            headers = httpx.Headers(list(self.headers.items()))
            with web._lock:
                web.requests.append((self.path, headers))
                web.active += 1
                web.peak = max(web.peak, web.active)
            try:
                self._respond(send_body)
            except (ConnectionError, TimeoutError, OSError):
                pass  # the client hung up (a size cap, a timeout): expected in these tests
            finally:
                with web._lock:
                    web.active -= 1

        def _respond(self, send_body: bool) -> None:
            route = web.routes.get(self.path) or web.routes.get(self.path.split("?", 1)[0])
            if route is None:
                self._plain(404, b"not found")
                return
            if route.delay and web._closing.wait(route.delay):
                return
            if route.chunk is not None:
                self._stream(route, send_body)
                return
            if _not_modified(route, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
                self.send_response(304)
                self._validators(route)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = gzip_module.compress(route.body) if route.gzip else route.body
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            self._validators(route)
            for name, value in route.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if send_body:
                self.wfile.write(body)

        def _stream(self, route: Route, send_body: bool) -> None:
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            self.send_header("Connection", "close")  # no length: the end of the body is the close
            self.end_headers()
            self.close_connection = True
            if not send_body:
                return
            assert route.chunk is not None
            for _ in _times(route.count):
                if web._closing.is_set():
                    return
                self.wfile.write(route.chunk)

        def _validators(self, route: Route) -> None:
            if route.etag:
                self.send_header("ETag", route.etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)

        def _plain(self, status: int, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _not_modified(route: Route, if_none_match: str | None, if_modified_since: str | None) -> bool:
    if route.status != 200:
        return False
    if route.etag and if_none_match:
        return route.etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match.strip() == "*"
    if route.last_modified and if_modified_since:
        return if_modified_since == route.last_modified  # exact echo is what clients send back
    return False


def _times(count: int | None) -> Iterator[int]:
    index = 0
    while count is None or index < count:
        yield index
        index += 1


@pytest.fixture
def web() -> Iterator[WebServer]:
    server = WebServer()
    server.start()  # the socket already listens, so no request can race the thread's start
    try:
        yield server
    finally:
        server.stop()
