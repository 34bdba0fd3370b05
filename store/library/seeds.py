"""The sample articles a new user finds in an empty library."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.article import Article


def seed_texts() -> list[tuple[str, str]]:
    """(file name, text) of every seed article shipped with the package, in name order."""
    folder = files("seeds")
    return sorted(
        (f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".txt")
    )


def seed_metadata() -> dict[str, dict[str, str]]:
    """What the plain-text seeds cannot say themselves: their site and publication date."""
    return json.loads(files("seeds").joinpath("index.json").read_text(encoding="utf-8"))


def seed_article(name: str, text: str) -> Article:
    from store.clean.text import clean_text

    article = clean_text(text)
    article.url = f"seeds/{name}"
    for key, value in seed_metadata().get(name, {}).items():
        if not getattr(article, key):
            setattr(article, key, value)
    return article


def read_seed(source: str) -> Article | None:
    """The seed article a library records as 'seeds/NAME', or None for any other source."""
    for name, text in seed_texts():
        if source == f"seeds/{name}":
            return seed_article(name, text)
    return None


def seed_articles() -> list[Article]:
    """What a new library starts with, cleaned like any pasted text."""
    return [seed_article(name, text) for name, text in seed_texts()]
