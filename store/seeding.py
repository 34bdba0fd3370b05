"""The sample articles a new user finds in an empty library."""

from __future__ import annotations

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


def import_seeds(library: Library) -> list[int]:
    from store.clean_text import clean_text

    ids = []
    for name, text in seed_texts():
        article = clean_text(text)
        article.url = f"seeds/{name}"
        ids.append(library.add_article(article)[0])
    return ids
