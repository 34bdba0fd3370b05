"""Shared fixtures: temporary libraries on real files, never the user's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.article import Article
from store.library.db import Library
from store.library.seeds import seed_texts

HOSTILE_TITLE = "Markup [b]in[/] the title"
HOSTILE_PARAGRAPHS = [
    "Plain words first. Then [bold red]x[/] and an escape \x1b]52;c;SGVsbG8=\x07 in the text.",
    "A [link=https://example.com]link[/link] and $accent stay literal.",
]


def pin_added_dates(path: Path) -> None:
    """Give every article a fixed 'added' stamp (in id order) so screens with dates are
    the same on every run; test data only."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE articles SET added = printf('2024-01-%02dT09:00:00+00:00', 1 + (id % 28))"
        )
    conn.close()


def seed_articles() -> list[Article]:
    """The seed texts as articles with fixed metadata: first line is the title."""
    articles = []
    for name, text in seed_texts():
        lines = [line for line in text.splitlines() if line.strip()]
        articles.append(
            Article.from_paragraphs(
                lines[1:],
                title=lines[0].strip()[:90],
                site="seeds.example",
                byline="Seed Desk",
                published="2022-03-03",
                url=f"seeds/{name}",
            )
        )
    return articles


@pytest.fixture
def seeded_library(tmp_path) -> Path:
    """A library as a new user gets it on first start (the seeds imported), dates pinned."""
    path = tmp_path / "seeded.db"
    Library(path).close()
    pin_added_dates(path)
    return path


@pytest.fixture
def reading_library(tmp_path) -> tuple[Path, dict[str, int]]:
    """The seeds with fixed metadata plus an article full of markup and escape sequences.

    Returns the library's path and the ids by name: "first", "second", "hostile".
    """
    path = tmp_path / "reading.db"
    ids = {}
    with Library(path, seed=False) as lib:
        first, second = seed_articles()
        ids["first"] = lib.add_article(first)[0]
        ids["second"] = lib.add_article(second)[0]
        hostile = Article.from_paragraphs(HOSTILE_PARAGRAPHS, title=HOSTILE_TITLE, site="[i]x")
        ids["hostile"] = lib.add_article(hostile)[0]
    pin_added_dates(path)
    return path, ids


@pytest.fixture
def export_dir(tmp_path) -> Path:
    return tmp_path / "export"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The growth tests (tests/test_growth*.py) run first. They time a function on 10 KB and on
    100 KB, and a heap left fragmented by hundreds of app tests slows the large run's
    allocations more than the small run's: build_timeline over 9,000 dates took 11x in a fresh
    process and 20-25x after the app tests, a cost that is not the function's."""
    items.sort(key=lambda item: not item.nodeid.startswith("tests/test_growth"))  # stable
