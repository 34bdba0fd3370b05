"""The sample articles a new user finds in an empty library."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.library import Library


def seed_texts() -> list[tuple[str, str]]:
    """(file name, text) of every seed article shipped with the package, in name order."""
    folder = files("seeds")
    return sorted(
        (f.name, f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".txt")
    )


def seed_metadata() -> dict[str, dict[str, str]]:
    """What the plain-text seeds cannot say themselves: their site and publication date."""
    return json.loads(files("seeds").joinpath("index.json").read_text(encoding="utf-8"))


def import_seeds(library: Library) -> list[int]:
    from store.clean_text import clean_text

    meta = seed_metadata()
    ids = []
    for name, text in seed_texts():
        article = clean_text(text)
        article.url = f"seeds/{name}"
        for key, value in meta.get(name, {}).items():
            if not getattr(article, key):
                setattr(article, key, value)
        ids.append(library.add_article(article)[0])
    return ids
