"""Fetching one URL safely: bounded redirects, timeouts, a size cap, conditional requests.

Every failure is a `FetchError` with one line naming the URL, so a caller fetching many URLs
reports each one and carries on. Only http and https are ever fetched.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from store.article import display_safe
from store.errors import FetchError

if TYPE_CHECKING:  # httpx is imported on first use: it costs ~0.3 s and pulls in rich
    import httpx

CONCURRENCY = 8  # requests in flight in all
PER_HOST = 2  # requests in flight to any one host
MAX_BYTES = 10 * 1024 * 1024  # more than any article or feed; a bigger body is hostile or wrong
MAX_REDIRECTS = 10
TIMEOUT = 20.0  # seconds to connect, and between two reads
DEADLINE = 90.0  # seconds for a whole response, so a server dripping bytes cannot hold us
USER_AGENT = "newsreader/0.1 (terminal news reader; +https://pypi.org/project/newsreader/)"
ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/rdf+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.8"
)
_SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)


class TransientFetchError(FetchError):
    """A failure that may not happen again: timeout, connection error, 5xx, 429."""


@dataclass(frozen=True)
class Page:
    """A fetched response: the body as bytes (the cleaner decodes it) and what came with it."""

    url: str  # the final URL, after redirects
    content: bytes
    status: int = 200
    content_type: str | None = None  # the media type alone, e.g. "text/html"
    charset: str | None = None  # from the Content-Type header; the page may declare its own
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """True for a 304: the copy the caller already has is current; `content` is empty."""
        return self.status == 304


def check_url(url: str) -> str:
    """The URL if it is http(s) with a host; otherwise a `FetchError` saying why not."""
    url = url.strip()
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in url):
        raise FetchError(f"{display_safe(url)}: control characters in the URL")
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError(f"{url}: not a valid URL") from None
    if parts.scheme.lower() not in _SCHEMES:
        shown = parts.scheme or "no scheme"
        raise FetchError(f"{url}: only http and https URLs are fetched, not {shown}")
    if not parts.hostname:
        raise FetchError(f"{url}: no host in the URL")
    return url


def is_local_host(host: str | None) -> bool:
    """A host on this machine or a private network: loopback, private, link-local (the cloud
    metadata address 169.254.169.254), reserved or unspecified. A name counts as local when
    any address it resolves to is; a name that does not resolve is not."""
    import ipaddress
    import socket

    if not host:
        return False
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal")):
        return True
    try:
        addresses = [ipaddress.ip_address(host)]
    except ValueError:
        try:
            infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
        except (OSError, UnicodeError):
            return False
        addresses = []
        for info in infos:
            try:
                addresses.append(ipaddress.ip_address(info[4][0].split("%")[0]))
            except ValueError:
                continue
    for address in addresses:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        if (
            address.is_loopback
            or address.is_private
            or address.is_link_local
            or address.is_reserved
            or address.is_unspecified
            or address.is_multicast
        ):
            return True
    return False


def check_redirect(first: str, target: str) -> None:
    """Refuse a redirect from a public host into the private network (a server steering us at
    127.0.0.1, 192.168.x.x or 169.254.169.254). A URL the user gave that is itself local may
    redirect anywhere: a local server is a real use."""
    if is_local_host(urlsplit(first).hostname):
        return
    if is_local_host(urlsplit(target).hostname):
        raise FetchError(
            f"{first}: refused a redirect to {display_safe(target)}, an address on this machine "
            "or a private network"
        )


def new_client(*, timeout: float = TIMEOUT, connections: int = 8) -> httpx.Client:
    """A client to share between many fetches (and threads): one pool, our headers."""
    import httpx

    return httpx.Client(
        headers={"User-Agent": USER_AGENT, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"},
        timeout=httpx.Timeout(timeout),
        follow_redirects=False,  # followed by hand: every hop is checked and loops are caught
        limits=httpx.Limits(max_connections=connections, max_keepalive_connections=connections),
    )


def fetch_page(
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
    deadline: float = DEADLINE,
    client: httpx.Client | None = None,
) -> Page:
    """GET a URL and return its body; `etag`/`last_modified` make the request conditional.

    Redirects are followed up to MAX_REDIRECTS, each hop checked for its scheme and for a loop.
    The body is read as a stream and dropped as soon as it passes `max_bytes` (after
    gzip/deflate decoding, so a compression bomb is stopped too).
    """
    url = check_url(url)
    own = client is None
    http = new_client(timeout=timeout) if own else client
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        return _follow(http, url, headers, max_bytes, time.monotonic() + deadline)
    finally:
        if own:
            http.close()


def _follow(http: httpx.Client, url: str, headers: dict, max_bytes: int, until: float) -> Page:
    import httpx

    first, seen = url, {url}
    for _ in range(MAX_REDIRECTS + 1):
        try:
            with http.stream("GET", url, headers=headers) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    target = urljoin(url, response.headers["location"].strip())
                    try:
                        check_url(target)
                    except FetchError:
                        raise FetchError(
                            f"{first}: redirected to {display_safe(target)}, "
                            "which is not an http(s) URL"
                        ) from None
                    check_redirect(first, target)
                    if target in seen:
                        raise FetchError(f"{first}: redirect loop (back to {target})")
                    seen.add(target)
                    url = target
                    continue
                return _page(response, url, first, max_bytes, until)
        except FetchError:
            raise
        except httpx.TimeoutException:
            raise TransientFetchError(f"{first}: timed out") from None
        except httpx.TooManyRedirects:
            raise FetchError(f"{first}: too many redirects") from None
        except httpx.DecodingError:
            raise FetchError(f"{first}: the server sent a corrupt compressed body") from None
        except httpx.InvalidURL as e:
            raise FetchError(f"{first}: not a valid URL ({display_safe(str(e))})") from None
        except httpx.HTTPError as e:
            raise TransientFetchError(f"{first}: {_reason(e)}") from None
        except OSError as e:
            raise TransientFetchError(f"{first}: {e}") from None
        except ValueError as e:
            raise FetchError(f"{first}: {e}") from None
    raise FetchError(f"{first}: more than {MAX_REDIRECTS} redirects")


def _page(response: httpx.Response, url: str, first: str, max_bytes: int, until: float) -> Page:
    status = response.status_code
    if status == 304:
        return Page(
            url,
            b"",
            304,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
    if status >= 400:
        phrase = response.reason_phrase or ""
        error = TransientFetchError if status >= 500 or status == 429 else FetchError
        raise error(f"{first}: HTTP {status} {phrase}".rstrip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(
            f"{first}: too large ({_mb(int(declared))} announced, the limit is {_mb(max_bytes)}); "
            "not downloaded"
        )
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{first}: too large (stopped reading at the {_mb(max_bytes)} limit)")
        if time.monotonic() > until:
            raise TransientFetchError(f"{first}: timed out (the response took too long)")
        chunks.append(chunk)
    media, charset = _content_type(response.headers.get("content-type"))
    return Page(
        url=str(response.url),
        content=b"".join(chunks),
        status=status,
        content_type=media,
        charset=charset,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    msg = Message()
    msg["content-type"] = value
    charset = msg.get_param("charset")
    if isinstance(charset, tuple):  # RFC 2231 form
        charset = charset[2]
    return msg.get_content_type(), (str(charset).strip().strip('"') or None) if charset else None


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n // 1024} KB"


def _reason(e: httpx.HTTPError) -> str:
    """A short cause for a transport error ("connection refused"), not the exception chain."""
    text = str(e) or type(e).__name__
    for cause in (
        "Connection refused",
        "Name or service not known",
        "No address associated",
        "Temporary failure in name resolution",
        "certificate verify failed",
    ):
        if cause.lower() in text.lower():
            return cause.lower()
    return " ".join(text.split())[:160]


class HostGate:
    """At most `per_host` requests to one host at a time, however many threads there are."""

    def __init__(self, per_host: int) -> None:
        self.per_host = per_host
        self.lock = threading.Lock()
        self.gates: dict[str, threading.Semaphore] = {}

    def __call__(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self.lock:
            if host not in self.gates:
                self.gates[host] = threading.Semaphore(self.per_host)
            return self.gates[host]


class Fetchers:
    """`workers` daemon threads that run calls and hand back futures, like a
    ThreadPoolExecutor, except that nothing ever waits for them: a stopped refresh or a
    Ctrl-C ends the process at once, while a request in flight runs into its timeout."""

    def __init__(self, workers: int, name: str) -> None:
        self.calls: queue.SimpleQueue[tuple[Future, Callable, tuple] | None] = queue.SimpleQueue()
        self.workers = workers
        for i in range(workers):
            threading.Thread(target=self._work, name=f"{name}_{i}", daemon=True).start()

    def submit(self, fn: Callable, *args: object) -> Future:
        future: Future = Future()
        self.calls.put((future, fn, args))
        return future

    def _work(self) -> None:
        while (call := self.calls.get()) is not None:
            future, fn, args = call
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(fn(*args))
            except BaseException as e:  # noqa: BLE001 - the caller reads it from the future
                future.set_exception(e)

    def shutdown(self) -> None:
        """Drop the calls not yet started; each thread ends after the call it is in."""
        while True:
            try:
                call = self.calls.get_nowait()
            except queue.Empty:
                break
            if call is not None:
                call[0].cancel()
        for _ in range(self.workers):
            self.calls.put(None)
