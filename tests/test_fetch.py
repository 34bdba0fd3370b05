"""store.ingest.fetch against a real HTTP server on 127.0.0.1: charsets, compression, conditional
requests and every hostile answer we promise to survive with one line."""

from __future__ import annotations

import gzip
import time
import zlib

import pytest

from store.errors import FetchError
from store.ingest.decode import decode_bytes
from store.ingest.fetch import MAX_BYTES, USER_AGENT, fetch_page
from tests.feedserver import FeedServer, huge, redirect, slow, status

JA = "東京で会議が開かれた。首相は「協力を続ける」と述べた。"
FR = "Le ministre a déclaré à Genève : « Nous continuerons ». Ça coûte cher."


@pytest.fixture(scope="module")
def srv():
    with FeedServer() as s:
        yield s


def page_html(text: str, meta: str = "") -> str:
    return f"<html><head>{meta}<title>T</title></head><body><p>{text}</p></body></html>"


def test_utf8_page_with_final_url_and_our_user_agent(srv):
    url = srv.add("/utf8", page_html(JA + FR))
    page = fetch_page(url)
    assert page.status == 200 and page.url == url
    assert page.content_type == "text/html" and page.charset == "utf-8"
    assert JA in decode_bytes(page.content, page.charset)
    assert USER_AGENT in srv.agents


def test_latin1_and_shift_jis_charsets_come_from_the_header(srv):
    latin = srv.add("/latin1", page_html(FR).encode("latin-1"), "text/html; charset=ISO-8859-1")
    sjis = srv.add("/sjis", page_html(JA).encode("shift_jis"), 'text/html; charset="Shift_JIS"')
    p1, p2 = fetch_page(latin), fetch_page(sjis)
    assert p1.charset == "ISO-8859-1" and p2.charset == "Shift_JIS"
    assert FR in decode_bytes(p1.content, p1.charset)
    assert JA in decode_bytes(p2.content, p2.charset)


def test_charset_declared_only_in_the_page_is_left_to_the_decoder(srv):
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis">'
    url = srv.add("/sjis-meta", page_html(JA, meta).encode("shift_jis"), "text/html")
    page = fetch_page(url)
    assert page.charset is None
    assert JA in decode_bytes(page.content, page.charset)


def test_gzip_and_deflate_responses_are_decoded(srv):
    body = page_html(FR).encode()
    g = srv.add("/gz", gzip.compress(body), Content_Encoding="gzip")
    d = srv.add("/deflate", zlib.compress(body), Content_Encoding="deflate")
    assert fetch_page(g).content == body
    assert fetch_page(d).content == body


def test_conditional_request_gets_304_without_a_body(srv):
    url = srv.add("/cond", page_html("same"))
    first = fetch_page(url)
    assert first.etag and first.last_modified
    again = fetch_page(url, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content == b""
    by_date = fetch_page(url, last_modified=first.last_modified)
    assert by_date.not_modified
    assert srv.not_modified["/cond"] == 2


def test_timeout_is_one_line(srv):
    url = srv.handle("/slow", slow(3))
    with pytest.raises(FetchError, match=r"/slow: timed out$"):
        fetch_page(url, timeout=0.3)


def test_server_error_is_reported_with_its_status(srv):
    url = srv.handle("/500", status(500))
    with pytest.raises(FetchError, match=r"/500: HTTP 500 Internal Server Error$"):
        fetch_page(url)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch_page(srv.url("/nowhere"))


def test_redirects_are_followed_to_the_final_url(srv):
    final = srv.add("/final", page_html("arrived"))
    srv.handle("/hop2", redirect("/final", 301))
    start = srv.handle("/hop1", redirect(srv.url("/hop2")))
    page = fetch_page(start)
    assert page.url == final and b"arrived" in page.content


def test_redirect_loop_is_stopped(srv):
    srv.handle("/loop-a", redirect("/loop-b"))
    url = srv.handle("/loop-b", redirect("/loop-a"))
    with pytest.raises(FetchError, match="redirect loop"):
        fetch_page(url)
    assert srv.hits["/loop-a"] == 1 and srv.hits["/loop-b"] == 1


def test_endless_redirect_chain_is_bounded(srv):
    def onwards(h):
        n = int(h.path.rsplit("/", 1)[1]) + 1
        redirect(f"/chain/{n}")(h)

    for i in range(30):
        srv.handle(f"/chain/{i}", onwards)
    with pytest.raises(FetchError, match="more than 10 redirects"):
        fetch_page(srv.url("/chain/0"))


def test_redirect_to_another_scheme_is_refused(srv):
    url = srv.handle("/to-file", redirect("file:///etc/passwd"))
    with pytest.raises(FetchError, match="not an http"):
        fetch_page(url)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/a",
        "javascript:alert(1)",
        "data:,hi",
        "http://",
        "http://[::1",
        "http://example.org/\x1b[2J",
    ],
)
def test_non_http_schemes_are_refused(url):
    with pytest.raises(FetchError) as err:
        fetch_page(url)
    assert "\n" not in str(err.value) and "\x1b" not in str(err.value)


def test_100_mb_announced_is_refused_before_reading(srv):
    url = srv.handle("/huge-announced", huge(100 * 1024 * 1024, announce=True))
    with pytest.raises(FetchError, match=r"too large \(100 MB announced, the limit is 10 MB\)"):
        fetch_page(url)
    assert srv.sent["/huge-announced"] < 20 * 1024 * 1024


def test_100_mb_streamed_is_cut_off_at_the_cap(srv):
    url = srv.handle("/huge-stream", huge(100 * 1024 * 1024, announce=False))
    with pytest.raises(FetchError, match=r"too large \(stopped reading at the 10 MB limit\)"):
        fetch_page(url)
    time.sleep(0.3)  # let the server notice the closed connection
    # The server generates lazily: it stopped soon after we did, far short of 100 MB.
    assert MAX_BYTES // 2 < srv.sent["/huge-stream"] < 40 * 1024 * 1024


def test_gzip_bomb_is_cut_off_after_decoding(srv):
    url = srv.add("/bomb.gz", gzip.compress(b"\0" * (50 * 1024 * 1024)), Content_Encoding="gzip")
    with pytest.raises(FetchError, match="too large"):
        fetch_page(url)


def test_refused_connection_is_one_line():
    with pytest.raises(FetchError) as err:
        fetch_page("http://127.0.0.1:9/")
    assert "\n" not in str(err.value) and str(err.value).startswith("http://127.0.0.1:9/: ")


def test_a_public_host_may_not_redirect_into_the_private_network():
    from store.errors import FetchError
    from store.ingest.fetch import check_redirect, is_local_host

    public = "http://93.184.216.34/story"
    for target in (
        "http://127.0.0.1/admin",
        "http://localhost:8080/",
        "http://192.168.1.1/router",
        "http://10.0.0.5/",
        "http://172.16.3.4/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ):
        with pytest.raises(FetchError, match="refused a redirect"):
            check_redirect(public, target)
    check_redirect(public, "http://93.184.216.35/elsewhere")  # public to public: fine
    # A URL the person gave that is itself local stays allowed, redirects included.
    check_redirect("http://127.0.0.1:8000/feed.xml", "http://192.168.1.1/feed.xml")
    assert is_local_host("127.0.0.1") and not is_local_host("93.184.216.34")


def test_redirects_between_local_addresses_of_a_local_url_are_followed(srv):
    srv.handle("/hop", redirect("/page.html"))
    srv.add("/page.html", b"<html><body><p>Arrived.</p></body></html>", "text/html")
    page = fetch_page(srv.url("/hop"))
    assert page.url.endswith("/page.html") and b"Arrived" in page.content
