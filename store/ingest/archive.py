"""An archive of saved pages: a folder of HTML and text files (gzipped or not), or a list of
URLs and paths, one a line."""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from pathlib import Path

from store.errors import InputError
from store.ingest.read import MAX_BYTES, read_bytes, read_file

ARTICLE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".txt", ".text")


def is_article_file(name: str) -> bool:
    """Saved pages and texts by their name: `story.html`, `notes.txt`, `page.htm.gz`."""
    lower = name.lower().removesuffix(".gz")
    return lower.endswith(ARTICLE_SUFFIXES) and not name.startswith(".")


def walk_folder(folder: str | Path) -> tuple[list[str], int]:
    """Every article file under `folder` in a stable order, and how many other files were
    passed over. Hidden files and folders are skipped; symbolic links to folders are not
    followed (a link loop cannot make the walk endless)."""
    found: list[str] = []
    skipped = 0
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if is_article_file(name):
                found.append(os.path.join(root, name))
            else:
                skipped += 1
    return found, skipped


def read_list(path: str) -> list[str]:
    """Sources one a line ('-': standard input); blank lines and `#` comments are skipped."""
    data = sys.stdin.buffer.read(MAX_BYTES) if path == "-" else read_file(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not a UTF-8 list of URLs") from None
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def read_source_bytes(source: str) -> bytes:
    """A file's bytes ('-' for standard input), a `.gz` file's uncompressed (at most the
    same size limit as any file: a gzip bomb stops there)."""
    data = read_bytes(source)
    if not source.lower().endswith(".gz"):
        return data
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            out = f.read(MAX_BYTES + 1)
    except (OSError, EOFError, zlib.error):
        raise InputError(f"{source}: not a readable gzip file") from None
    if len(out) > MAX_BYTES:
        raise InputError(f"{source}: larger than {MAX_BYTES // (1024 * 1024)} MB uncompressed")
    if not out.strip():
        raise InputError(f"{source}: empty, no article in it")
    return out

