"""A real HTTP server on 127.0.0.1 for the fetch and feed tests: static routes with ETag and
Last-Modified, and handlers for the hostile cases (slow, huge, looping, failing)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Wed, 02 Mar 2022 10:00:00 GMT"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do
    disable_nagle_algorithm = True  # headers and body go as two writes: no 40 ms ACK stall
    server: _Server

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        owner = self.server.owner
        path = self.path
        owner.hits[path] += 1
        owner.agents.add(self.headers.get("User-Agent", ""))
        route = owner.routes.get(path)
        if route is None:
            self.reply(404, b"<html><body>Not found</body></html>", "text/html")
            return
        if callable(route):
            route(self)
            return
        body, content_type, headers = route
        tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == tag or (
            self.headers.get("If-Modified-Since") == LAST_MODIFIED
            and not self.headers.get("If-None-Match")
        ):
            owner.not_modified[path] += 1  # counted before the client can read the answer
            self.send_response(304)
            self.send_header("ETag", tag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.reply(
            200, body, content_type, {"ETag": tag, "Last-Modified": LAST_MODIFIED, **headers}
        )

    def reply(
        self, status: int, body: bytes, content_type: str, headers: dict | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
        self.server.owner.sent[self.path] += len(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: FeedServer

    def handle_error(self, request, client_address) -> None:
        pass  # a client hanging up early (the size cap, a timeout) is what the tests do


class FeedServer:
    """Start with `with FeedServer() as srv:`; add routes with `srv.add(...)`, URLs by `srv.url`."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple | Callable] = {}
        self.hits: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.sent: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.httpd = _Server(("127.0.0.1", 0), _Handler)
        self.httpd.owner = self
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        **headers: str,
    ) -> str:
        """A static route answering conditional requests with 304; returns its URL."""
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (
            data,
            content_type,
            {k.replace("_", "-"): v for k, v in headers.items()},
        )
        return self.url(path)

    def handle(self, path: str, fn: Callable[[_Handler], None]) -> str:
        self.routes[path] = fn
        return self.url(path)


# --- hostile handlers -------------------------------------------------------------------------


def slow(seconds: float) -> Callable[[_Handler], None]:
    def fn(h: _Handler) -> None:
        time.sleep(seconds)
        h.reply(200, b"<html><body><p>late</p></body></html>", "text/html")

    return fn


def status(code: int) -> Callable[[_Handler], None]:
    return lambda h: h.reply(code, b"<html><body>error</body></html>", "text/html")


def redirect(to: str, code: int = 302) -> Callable[[_Handler], None]:
    def fn(h: _Handler) -> None:
        h.send_response(code)
        h.send_header("Location", to)
        h.send_header("Content-Length", "0")
        h.end_headers()

    return fn


def huge(total: int, *, announce: bool) -> Callable[[_Handler], None]:
    """`total` bytes of HTML generated as they are sent, so nothing that big is ever held."""

    def fn(h: _Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if announce:
            h.send_header("Content-Length", str(total))
        else:
            h.send_header("Connection", "close")
            h.close_connection = True
        h.end_headers()
        chunk = b"<p>" + b"x" * (64 * 1024 - 7) + b"</p>\n"
        sent = 0
        try:
            while sent < total:
                h.wfile.write(chunk)
                sent += len(chunk)
                h.server.owner.sent[h.path] += len(chunk)
        except OSError:
            return  # the client stopped reading: what the test wants

    return fn
