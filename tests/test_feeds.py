"""Feeds end to end against a real HTTP server on 127.0.0.1: parsing every feed dialect safely,
refreshing into the library, conditional re-fetching, duplicates, hostile feeds, read state."""

from __future__ import annotations

import gzip
import sqlite3
import threading
import time

import pytest

from store.errors import FetchError, InputError, NewsreaderError
from store.ingest.feeds import (
    add_feed,
    article_feed,
    articles_of_feed,
    get_feed,
    html_paragraphs,
    is_read,
    list_feeds,
    mark_read,
    parse_feed,
    refresh_feeds,
    refuse_unsafe_xml,
    remove_feed,
    subscribe,
    unread_count,
)
from store.library.db import Library
from store.library.schema import LATEST, migrate
from tests.feedfixtures import BOMB, EXTERNAL, atom, news_paragraphs, rdf, rss, story
from tests.feedserver import FeedServer, redirect, slow, status

JA = "東京都議会は月曜日、来年度の予算案について審議した。知事は「来週、数字を公表する」と述べた。"
FR = (
    "Le conseil municipal de Genève s'est réuni lundi ; « nous publierons les chiffres », "
    "a déclaré le maire."
)


@pytest.fixture
def srv():
    with FeedServer() as s:
        yield s


@pytest.fixture
def lib(tmp_path):
    with Library(tmp_path / "lib.db", seed=False) as library:
        yield library


# --- parsing --------------------------------------------------------------------------------


def test_rss_atom_and_rdf_parse_to_entries_with_dates_and_links():
    items = [
        {
            "title": "One",
            "link": "https://example.org/1",
            "date": "Wed, 02 Mar 2022 23:30:00 -0500",
            "summary": "<p>First.</p>",
        },
        {"title": "Two", "link": "https://example.org/2", "date": "Tue, 01 Mar 2022 08:00:00 GMT"},
    ]
    r = parse_feed(rss("R", items).encode(), "https://example.org/feed.xml")
    assert r.title == "R" and r.site_url == "https://example.org/"
    assert [e.link for e in r.entries] == ["https://example.org/1", "https://example.org/2"]
    # the publisher's own day is kept, not shifted to UTC
    assert r.entries[0].published == "2022-03-02T23:30:00-05:00"
    assert r.entries[0].html == "<p>First.</p>"

    items_a = [{"title": "A", "link": "https://example.org/a", "date": "2022-03-01T09:00:00+02:00"}]
    a = parse_feed(atom("Atom", items_a).encode(), "https://example.org/atom.xml")
    assert a.title == "Atom" and a.entries[0].published == "2022-03-01T09:00:00+02:00"
    assert a.entries[0].author == "Reporter"

    d = parse_feed(
        rdf("Rdf", [{"title": "D", "link": "https://example.org/d"}]).encode(),
        "https://example.org/rdf",
    )
    assert d.title == "Rdf" and d.entries[0].link == "https://example.org/d"
    assert d.entries[0].published == "2022-03-02T10:00:00+01:00"


def test_relative_links_resolve_against_the_feed_and_xml_base():
    r = parse_feed(
        rss("R", [{"title": "x", "link": "/news/1"}], link="/").encode(),
        "https://example.org/feeds/main.xml",
    )
    assert r.entries[0].link == "https://example.org/news/1"
    assert r.site_url == "https://example.org/"
    a = parse_feed(
        atom("A", [{"title": "y", "link": "post-7"}], base="/blog/").encode(),
        "https://example.org/atom.xml",
    )
    assert a.entries[0].link == "https://example.org/blog/post-7"


def test_entity_bomb_and_external_entities_are_refused_before_parsing():
    with pytest.raises(FetchError, match="entity bomb"):
        parse_feed(BOMB, "http://x/bomb")
    with pytest.raises(FetchError, match="declares entities"):
        parse_feed(EXTERNAL, "http://x/ext")
    with pytest.raises(InputError):
        refuse_unsafe_xml(BOMB.replace(b"</rss>", b""), "broken", InputError)  # malformed too


def test_a_classic_doctype_and_html_entities_still_parse():
    netscape = (
        b'<?xml version="1.0"?>\n'
        b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel>'
        b"<title>Old&nbsp;school</title><link>http://example.org/</link>"
        b"<item><title>Item</title><link>http://example.org/i</link></item></channel></rss>"
    )
    parsed = parse_feed(netscape, "http://example.org/rss")
    assert parsed.entries[0].link == "http://example.org/i"


def test_control_characters_in_a_loose_feed_cannot_reach_the_terminal():
    evil = rss("Evil\x1b]52;c;aGk=\x07 news", [{"title": "Bad\x1b[2J title", "link": "/x"}])
    parsed = parse_feed(evil.encode(), "https://example.org/feed")
    assert "\x1b" not in parsed.title and "\x07" not in parsed.title
    assert "\x1b" not in parsed.entries[0].title and "title" in parsed.entries[0].title


def test_html_is_not_a_feed():
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        parse_feed(story("Page", "Hello.").encode(), "http://x/page")


def test_summary_html_becomes_paragraphs_without_scripts():
    paras = html_paragraphs("<p>One <b>bold</b>.</p><script>evil()</script><p>Two.</p>Tail")
    assert [p.strip() for p in paras if p.strip()] == ["One bold.", "Two.", "Tail"]


# --- feeds table ----------------------------------------------------------------------------


def test_add_list_remove_feeds_and_refuse_other_schemes(lib):
    feed, created = add_feed(lib, "https://example.org/feed.xml", title="Example")
    again, created_again = add_feed(lib, "https://example.org/feed.xml")
    assert created and not created_again and again.id == feed.id
    assert [f.url for f in list_feeds(lib)] == ["https://example.org/feed.xml"]
    assert get_feed(lib, "https://example.org/feed.xml").id == get_feed(lib, str(feed.id)).id
    with pytest.raises(FetchError, match="only http and https"):
        add_feed(lib, "file:///etc/passwd")
    assert remove_feed(lib, feed.id).title == "Example"
    assert list_feeds(lib) == []
    with pytest.raises(NewsreaderError, match="no feed"):
        remove_feed(lib, feed.id)


def test_v2_library_migrates_to_feeds_keeping_articles(tmp_path):
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=2)
    conn.execute(
        "INSERT INTO articles (url, title, added, text, paragraphs, content_hash) "
        "VALUES ('https://example.org/a', 'Old', 'x', 'Old text.', '[[0, 9]]', 'h')"
    )
    conn.close()
    with Library(path) as library:
        assert library.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
        assert library.count_articles() == 1
        assert not is_read(library, 1) and article_feed(library, 1) is None
        assert list_feeds(library) == []


# --- refresh --------------------------------------------------------------------------------


def page_items(srv: FeedServer, prefix: str, n: int, **kw) -> list[dict]:
    """n entries whose pages are served small and unique; returns the feed items."""
    items = []
    for i in range(n):
        path = f"/{prefix}/{i}.html"
        title = f"{prefix} story {i}"
        srv.add(path, story(title, *news_paragraphs(i, f"{prefix.title()}ville")), **kw)
        items.append(
            {
                "title": title,
                "link": path,
                "date": "Wed, 02 Mar 2022 10:00:00 GMT",
                "summary": f"Summary of {title}.",
            }
        )
    return items


def test_refresh_stores_entries_from_every_dialect_with_feed_url_and_date(srv, lib):
    srv.add("/rss.xml", rss("Rss Times", page_items(srv, "rss", 3)), "application/rss+xml")
    atom_items = page_items(srv, "atom", 2)
    for it in atom_items:
        it["date"] = "2022-03-01T09:00:00+02:00"
    srv.add("/atom.xml", atom("Atom Post", atom_items), "application/atom+xml")
    rdf_items = page_items(srv, "rdf", 2)
    srv.add("/rdf.xml", rdf("Rdf Daily", rdf_items), "application/rdf+xml")
    for path in ("/rss.xml", "/atom.xml", "/rdf.xml"):
        add_feed(lib, srv.url(path))
    events = []
    report = refresh_feeds(lib, progress=events.append)
    assert report.ok, report.failed
    assert len(report.new_articles) == 7 and report.pages_fetched == 7
    feeds = {f.title: f for f in list_feeds(lib)}
    assert set(feeds) == {"Rss Times", "Atom Post", "Rdf Daily"}
    assert feeds["Atom Post"].articles == 2 and feeds["Atom Post"].unread == 2
    (first, *_) = articles_of_feed(lib, feeds["Atom Post"].id)
    stored = lib.get_article(first.id)
    assert stored.url == srv.url(f"/atom/{int(stored.title[-1])}.html")
    assert stored.published == "2022-03-01T09:00:00+02:00"
    assert "mayor of Atomville" in stored.text and "Copyright" not in stored.text
    assert article_feed(lib, first.id).title == "Atom Post"
    assert stored.site == "Atom Post"  # the page names no site: the feed's title, not the host
    assert (first.site, first.highlights, first.read) == ("Atom Post", 0, False)
    # one event per feed and per entry, counting up to a total that grew as feeds revealed entries
    assert [e.done for e in events] == list(range(1, 11)) and events[-1].total == 10


def test_second_refresh_is_304s_with_no_new_rows_and_no_page_downloads(srv, lib):
    srv.add("/feed.xml", rss("Daily", page_items(srv, "daily", 4)), "application/rss+xml")
    add_feed(lib, srv.url("/feed.xml"))
    first = refresh_feeds(lib)
    assert len(first.new_articles) == 4
    hits_before = sum(n for p, n in srv.hits.items() if p.startswith("/daily/"))
    second = refresh_feeds(lib)
    assert second.not_modified == 1 and second.new_articles == [] and second.pages_fetched == 0
    assert srv.not_modified["/feed.xml"] == 1
    assert sum(n for p, n in srv.hits.items() if p.startswith("/daily/")) == hits_before == 4
    assert lib.count_articles() == 4


def test_feed_without_validators_still_refetches_no_known_page(srv, lib):
    items = page_items(srv, "plain", 3)

    def no_etag(h):
        h.reply(200, rss("Plain", items).encode(), "application/rss+xml")

    add_feed(lib, srv.handle("/plain.xml", no_etag))
    assert len(refresh_feeds(lib).new_articles) == 3
    again = refresh_feeds(lib)
    assert again.new_articles == [] and again.pages_fetched == 0 and again.not_modified == 0


def test_pages_in_utf8_latin1_shift_jis_and_gzip_decode(srv, lib):
    srv.add("/p/utf8.html", story("UTF-8 page", JA, FR))
    srv.add(
        "/p/latin1.html",
        story("Latin page", FR, FR[::-1]).encode("latin-1"),
        "text/html; charset=iso-8859-1",
    )
    # English paragraphs beside the Japanese: the cleaner counts words by spaces (see report)
    en = news_paragraphs(2, "Tokyo")
    srv.add(
        "/p/sjis.html",
        story("SJIS page", JA, *en).encode("shift_jis"),
        "text/html; charset=Shift_JIS",
    )
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">'
    srv.add(
        "/p/sjis-meta.html", story("SJIS meta", *en, JA, meta=meta).encode("shift_jis"), "text/html"
    )
    srv.add(
        "/p/gzip.html",
        gzip.compress(story("Gzip page", *news_paragraphs(1, "Gz")).encode()),
        Content_Encoding="gzip",
    )
    names = ["utf8", "latin1", "sjis", "sjis-meta", "gzip"]
    items = [{"title": n, "link": f"/p/{n}.html"} for n in names]
    add_feed(lib, srv.add("/enc.xml", rss("Enc", items), "application/rss+xml"))
    report = refresh_feeds(lib)
    assert report.ok, report.failed
    texts = {
        lib.get_article(i).url.rsplit("/", 1)[1]: lib.get_article(i).text
        for i in report.new_articles
    }
    assert JA in texts["utf8.html"] and FR in texts["utf8.html"]
    assert FR in texts["latin1.html"]
    assert JA in texts["sjis.html"]
    assert JA in texts["sjis-meta.html"]
    assert "mayor of Gz" in texts["gzip.html"]


def test_gone_page_is_stored_from_the_feed_summary_with_a_warning(srv, lib):
    items = [
        {
            "title": "Vanished story",
            "link": "/gone.html",
            "summary": "<p>The council approved the budget on Monday.</p><p>More soon.</p>",
        }
    ]
    add_feed(lib, srv.add("/gone.xml", rss("Gone", items), "application/rss+xml"))
    report = refresh_feeds(lib)
    (article_id,) = report.new_articles
    stored = lib.get_article(article_id)
    assert stored.title == "Vanished story" and stored.url == srv.url("/gone.html")
    assert stored.text == "The council approved the budget on Monday.\n\nMore soon."
    (warning,) = report.warnings
    assert "HTTP 404" in warning and "stored from the feed's summary" in warning


def test_page_that_is_no_article_falls_back_to_the_summary_or_is_reported(srv, lib):
    srv.add("/nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    items = [
        {"title": "Menu only", "link": "/nav.html", "summary": "The vote is on Friday."},
        {"title": "Nothing at all", "link": "/nav.html?2"},
    ]
    srv.add("/nav.html?2", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    add_feed(lib, srv.add("/nav.xml", rss("Nav", items), "application/rss+xml"))
    report = refresh_feeds(lib)
    (article_id,) = report.new_articles
    assert lib.get_article(article_id).text == "The vote is on Friday."
    assert "stored from the feed's summary" in report.warnings[0]
    ((url, error),) = report.failed
    assert url.endswith("/nav.html?2") and "the feed gives no text" in error


def test_entry_lost_to_a_passing_error_is_tried_again_but_a_404_is_not(srv, lib):
    state = {"up": False}

    def flaky(h):
        if state["up"]:
            h.reply(200, story("Back", *news_paragraphs(3, "Flakyville")).encode(), "text/html")
        else:
            status(503)(h)

    srv.handle("/flaky.html", flaky)
    items = [{"title": "Flaky", "link": "/flaky.html"}]
    flaky_feed = srv.add("/flaky.xml", rss("Flaky", items), "application/rss+xml")
    gone_feed = srv.add("/gone.xml", rss("Gone", [{"title": "x", "link": "/nope"}]))
    for url in (flaky_feed, gone_feed):
        add_feed(lib, url)
    first = refresh_feeds(lib)
    assert first.new_articles == [] and len(first.failed) == 2
    assert "tried again" in get_feed(lib, flaky_feed).last_error
    state["up"] = True
    second = refresh_feeds(lib)
    assert len(second.new_articles) == 1 and second.not_modified == 1  # the 404 one: 304
    assert srv.hits["/nope"] == 1 and srv.hits["/flaky.html"] == 2
    assert get_feed(lib, flaky_feed).last_error is None


def test_hostile_feeds_fail_one_by_one_and_the_good_one_is_stored(srv, lib):
    good = srv.add("/good.xml", rss("Good", page_items(srv, "good", 2)), "application/rss+xml")
    srv.handle("/loop1.xml", redirect("/loop2.xml"))
    bad = {
        "bomb": srv.add("/bomb.xml", BOMB, "application/rss+xml"),
        "500": srv.handle("/500.xml", status(500)),
        "slow": srv.handle("/slow.xml", slow(3)),
        "loop": srv.handle("/loop2.xml", redirect("/loop1.xml")),
        "html": srv.add("/page.html", story("Not a feed", "Just a page.")),
    }
    for url in (good, *bad.values()):
        add_feed(lib, url)
    report = refresh_feeds(lib, timeout=0.5)
    assert len(report.new_articles) == 2
    errors = dict(report.failed)
    assert "entity bomb" in errors[bad["bomb"]]
    assert "HTTP 500" in errors[bad["500"]]
    assert "timed out" in errors[bad["slow"]]
    assert "redirect loop" in errors[bad["loop"]]
    assert "not an RSS or Atom feed" in errors[bad["html"]]
    assert all("\n" not in e for e in errors.values())
    assert get_feed(lib, bad["500"]).last_error == errors[bad["500"]]
    assert get_feed(lib, good).last_error is None


def test_a_refresh_can_be_stopped_and_keeps_what_it_stored(srv, lib):
    for f in range(4):
        add_feed(lib, srv.add(f"/s{f}.xml", rss(f"S{f}", page_items(srv, f"s{f}", 5))))
    stop = threading.Event()

    def after_first_article(event):
        if event.kind == "entry":
            stop.set()

    report = refresh_feeds(lib, progress=after_first_article, stop=stop, concurrency=1)
    # entries are stored in batches (one transaction each): the stop comes after the first
    # batch, which holds the entries analysed by then; nothing is written after it
    stored = len(report.new_articles)
    assert 1 <= stored < 20 and lib.count_articles() == stored
    assert len(refresh_feeds(lib).new_articles) == 20 - stored  # the rest on the next refresh


def test_same_story_in_two_feeds_and_under_two_urls_is_stored_once(srv, lib):
    shared = page_items(srv, "shared", 2)
    srv.add("/copy.html", story("shared story 0", *news_paragraphs(0, "Sharedville")))
    add_feed(lib, srv.add("/a.xml", rss("A", shared), "application/rss+xml"))
    add_feed(
        lib,
        srv.add(
            "/b.xml",
            rss("B", [*shared, {"title": "copy", "link": "/copy.html"}]),
            "application/rss+xml",
        ),
    )
    report = refresh_feeds(lib)
    assert len(report.new_articles) == 2 and lib.count_articles() == 2
    assert report.duplicates <= 1  # the copy under another URL: same content, stored once
    assert sum(f.articles for f in list_feeds(lib)) == 2


def test_read_state_per_article(srv, lib):
    add_feed(lib, srv.add("/r.xml", rss("R", page_items(srv, "r", 3)), "application/rss+xml"))
    ids = refresh_feeds(lib).new_articles
    feed = list_feeds(lib)[0]
    assert unread_count(lib, feed.id) == 3
    mark_read(lib, ids[0])
    assert is_read(lib, ids[0]) and unread_count(lib, feed.id) == 2
    assert ids[0] not in [a.id for a in articles_of_feed(lib, feed.id, unread_only=True)]
    mark_read(lib, ids[0], read=False)
    assert not is_read(lib, ids[0])
    with pytest.raises(NewsreaderError):
        mark_read(lib, 9999)
    remove_feed(lib, feed.id)
    assert lib.count_articles() == 3 and article_feed(lib, ids[1]) is None


def test_subscribe_finds_the_feed_a_page_advertises(srv, lib):
    feed_url = srv.add("/site/feed.xml", rss("Site", []), "application/rss+xml")
    link = '<link rel="alternate" type="application/rss+xml" href="feed.xml">'
    page = srv.add("/site/index.html", story("Home", "Welcome.", meta=link))
    feed, created = subscribe(lib, page)
    assert created and feed.url == feed_url and feed.title == "Site"
    with pytest.raises(FetchError, match="not an RSS or Atom feed"):
        subscribe(lib, srv.add("/plain.html", story("Plain", "No feed here.")))
    with pytest.raises(FetchError, match="only http and https"):
        subscribe(lib, "ftp://example.org/feed")


def test_a_stop_cuts_a_slow_request_in_flight(srv, lib):
    add_feed(lib, srv.handle("/slow.xml", slow(8)))
    stop = threading.Event()
    threading.Timer(0.3, stop.set).start()
    started = time.monotonic()
    refresh_feeds(lib, stop=stop)
    assert time.monotonic() - started < 4  # not the server's 8 s


def test_an_entry_whose_storing_fails_is_stored_by_the_next_refresh(srv, lib):
    items = [
        {"title": "Kept", "link": "/kept.html"},
        {"title": "Refused", "link": "/refused.html"},
    ]
    srv.add("/kept.html", story("Kept", *news_paragraphs(3, "Keptville")))
    srv.add("/refused.html", story("Refused", *news_paragraphs(3, "Refusedville")))
    url = srv.add("/two.xml", rss("Two", items), "application/rss+xml")
    add_feed(lib, url)
    # The database itself refuses one article, as a full disk or a lock would.
    lib.conn.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.url LIKE '%/refused.html' "
        "BEGIN SELECT RAISE(ABORT, 'disk is full (simulated by a trigger)'); END"
    )
    first = refresh_feeds(lib)
    assert len(first.new_articles) == 1
    ((name, error),) = first.failed
    assert name.endswith("/refused.html") and error.startswith(name) and "not stored" in error
    feed = get_feed(lib, url)
    assert feed.etag is None and "tried again" in feed.last_error  # no validators kept

    lib.conn.execute("DROP TRIGGER refuse")
    second = refresh_feeds(lib)
    assert second.not_modified == 0 and second.failed == []
    assert len(second.new_articles) == 1
    assert lib.get_article(second.new_articles[0]).url.endswith("/refused.html")
    assert get_feed(lib, url).etag is not None
    third = refresh_feeds(lib)
    assert third.not_modified == 1 and third.new_articles == []
