"""The service's HTTP endpoints: ``/healthz`` for orchestrators, ``/metrics`` for Prometheus.

A deliberately small HTTP/1.1 server on ``asyncio.start_server``, in the service's own
event loop: one request per connection (answered with ``Connection: close``), GET and
HEAD only, a bounded request head read under a timeout. The two pages are coroutines
given by the caller, so this module knows nothing about stores or schedulers and the
loop is never blocked: whatever is slow in them runs in a thread.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus

from bot.core.errors import ServeError

log = logging.getLogger(__name__)

#: Longest request head accepted (request line and headers); scrapers send a few hundred bytes.
MAX_HEAD_BYTES = 8192
#: Seconds a client has to send its request head, and the server to write an answer.
CLIENT_TIMEOUT = 10.0

#: ``None`` when healthy, else the reason it is not (shown in the 503 answer).
HealthCheck = Callable[[], Awaitable["str | None"]]
#: The Prometheus text page and its content type.
MetricsPage = Callable[[], Awaitable["tuple[bytes, str]"]]


class StatusServerError(ServeError):
    """The endpoints could not be served (the address is in use, or not ours to bind)."""


class StatusServer:
    """Serves ``/healthz`` and ``/metrics`` on ``host:port`` (port 0: any free port)."""

    def __init__(self, *, health: HealthCheck, metrics: MetricsPage, host: str = "127.0.0.1", port: int = 0) -> None:
        self.health = health
        self.metrics = metrics
        self.host = host
        self.port = port
        self._server: asyncio.Server | None = None
        self._clients: set[asyncio.Task[None]] = set()

    @property
    def address(self) -> tuple[str, int] | None:
        """The bound (host, port) while serving, with the real port when 0 was asked for."""
        if self._server is None or not self._server.sockets:
            return None
        host, port = self._server.sockets[0].getsockname()[:2]
        return host, port

    async def start(self) -> None:
        try:
            self._server = await asyncio.start_server(self._client, self.host, self.port, limit=MAX_HEAD_BYTES)
        except OSError as exc:
            raise StatusServerError(
                f"cannot serve /healthz and /metrics on {self.host}:{self.port}: {exc.strerror or exc}; "
                "choose another --http-port / --http-host (or ARRESTWATCH_HTTP_PORT=off)"
            ) from exc

    async def stop(self) -> None:
        if self._server is None:
            return
        self._server.close()
        for task in list(self._clients):
            task.cancel()
        await asyncio.gather(*self._clients, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._clients.add(task)
        try:
            await asyncio.wait_for(self._serve_one(reader, writer), timeout=CLIENT_TIMEOUT)
        except (TimeoutError, ConnectionError, asyncio.IncompleteReadError):
            pass  # the client went away or was too slow: nothing to answer
        except Exception:  # a bug in a page: the service goes on, the scrape fails
            log.exception("http: unexpected error while answering a request")
        finally:
            writer.close()
            try:
                await writer.wait_closed()
            except ConnectionError:
                pass
            if task is not None:
                self._clients.discard(task)

    async def _serve_one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
        except asyncio.LimitOverrunError:
            await _answer(writer, HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, b"request head too large\n")
            return
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        parts = request_line.split(" ")
        if len(parts) != 3 or not parts[2].startswith("HTTP/1."):
            await _answer(writer, HTTPStatus.BAD_REQUEST, b"bad request\n")
            return
        method, target, _ = parts
        path = target.split("?", 1)[0]
        if path not in ("/healthz", "/metrics"):
            await _answer(
                writer, HTTPStatus.NOT_FOUND, b"not found: try /healthz or /metrics\n", send_body=method != "HEAD"
            )
            return
        if method not in ("GET", "HEAD"):
            await _answer(writer, HTTPStatus.METHOD_NOT_ALLOWED, b"use GET\n", extra={"Allow": "GET, HEAD"})
            return
        send_body = method == "GET"
        if path == "/healthz":
            reason = await self.health()
            if reason is None:
                body, status = {"status": "ok"}, HTTPStatus.OK
            else:
                body, status = {"status": "unavailable", "reason": reason}, HTTPStatus.SERVICE_UNAVAILABLE
            await _answer(
                writer, status, json.dumps(body).encode() + b"\n", content_type="application/json", send_body=send_body
            )
            return
        page, content_type = await self.metrics()
        await _answer(writer, HTTPStatus.OK, page, content_type=content_type, send_body=send_body)


async def _answer(
    writer: asyncio.StreamWriter,
    status: HTTPStatus,
    body: bytes,
    *,
    content_type: str = "text/plain; charset=utf-8",
    send_body: bool = True,
    extra: dict[str, str] | None = None,
) -> None:
    headers = {
        "Content-Type": content_type,
        "Content-Length": str(len(body)),
        "Cache-Control": "no-store",
        "Connection": "close",
        **(extra or {}),
    }
    head = f"HTTP/1.1 {status.value} {status.phrase}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    writer.write(head.encode("latin-1") + b"\r\n" + (body if send_body else b""))
    await writer.drain()
