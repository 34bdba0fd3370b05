"""Highlights and notes as Markdown: YAML front matter, then each highlight as a blockquote.

Deterministic (no timestamps, fixed order), so exporting twice gives the same bytes and
an Obsidian vault under version control shows only real changes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from store.errors import NewsreaderError
from store.library.db import Library
from store.library.records import Highlight, StoredArticle

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~^$])")
_RULE_OR_ITEM = re.compile(r"(?m)^([^\S\n]*+)([-=])")
_NUMBERED = re.compile(r"(?m)^([^\S\n]*+)(\d++)\.(\s)")


def escape_markdown(text: str) -> str:
    """Quoted words stay words: Markdown and HTML syntax in them is escaped."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A line starting with "1." or "-" would become a list.
    # Leading blanks of one line only ([^\S\n]): `^\s*` ran across every following blank line
    # from each line start, so 100,000 newlines took minutes.
    return _NUMBERED.sub(r"\1\2\\.\3", _RULE_OR_ITEM.sub(r"\1\\\2", text))


def _yaml(value: str | None) -> str:
    # A JSON string is a valid YAML double-quoted scalar.
    return '""' if value is None else json.dumps(value, ensure_ascii=False)


def safe_filename(title: str, article_id: int) -> str:
    """A file name any file system accepts, readable, and unique by the article's id."""
    slug = unicodedata.normalize("NFKC", title).lower()
    slug = re.sub(r"[^\w\s-]", "", slug, flags=re.UNICODE)
    slug = re.sub(r"[\s_-]+", "-", slug).strip("-.")[:60].strip("-")
    return f"{slug or 'article'}-{article_id}.md"


def article_markdown(
    article: StoredArticle, highlights: list[Highlight], *, standalone: bool = True
) -> str:
    """One article's highlights; `standalone` adds YAML front matter for a file of its own,
    otherwise a level-2 section with the metadata on one line, for a combined file."""
    tags = sorted({t for h in highlights for t in h.tags})
    if standalone:
        lines = [
            "---",
            f"title: {_yaml(article.title)}",
            f"site: {_yaml(article.site)}",
            f"url: {_yaml(article.url)}",
            f"byline: {_yaml(article.byline)}",
            f"published: {_yaml(article.published)}",
            "tags: [" + ", ".join(_yaml(t) for t in tags) + "]",
            "---",
            "",
            f"# {escape_markdown(article.title)}",
            "",
        ]
    else:
        meta = [m for m in (article.site, article.byline, article.published, article.url) if m]
        lines = [f"## {escape_markdown(article.title)}", ""]
        if meta:
            lines += ["*" + escape_markdown(" · ".join(meta)) + "*", ""]
    for h in sorted(highlights, key=lambda h: (h.start, h.id)):
        quote = escape_markdown(h.exact).replace("\n\n", "\n>\n> ").replace("\n", " ")
        lines.append(f"> {quote}")
        if h.orphaned:
            lines += [">", "> *(no longer found in the article's current text)*"]
        lines.append("")
        if h.note.strip():
            lines += [escape_markdown(h.note.strip()), ""]
        if h.tags:
            lines += [" ".join("#" + re.sub(r"\s+", "-", t) for t in h.tags), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def library_markdown(
    library: Library, ids: list[int] | None = None, *, standalone: bool = True
) -> list[tuple[StoredArticle, str]]:
    """(article, Markdown) for the given articles, or for every article with highlights."""
    out = []
    for article_id in ids or library.article_ids():
        highlights = library.highlights(article_id)
        if not ids and not highlights:
            continue
        article = library.get_article(article_id)
        out.append((article, article_markdown(article, highlights, standalone=standalone)))
    return out


def combined_markdown(library: Library, ids: list[int] | None = None) -> str:
    """Every chosen article's highlights in one document."""
    docs = library_markdown(library, ids, standalone=False)
    if not docs:
        raise NewsreaderError("nothing to export: no article has highlights")
    return "# Highlights\n\n" + "\n".join(md for _, md in docs)


def export_markdown(library: Library, out: Path, ids: list[int] | None = None) -> list[Path]:
    """Write Markdown: into one file when `out` ends in .md, else one file per article in
    the folder `out`. Returns the files written."""
    try:
        if out.suffix.lower() == ".md":
            text = (
                combined_markdown(library, ids)
                if (ids is None or len(ids) != 1)
                else (library_markdown(library, ids)[0][1])
            )
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            return [out]
        docs = library_markdown(library, ids)
        if not docs:
            raise NewsreaderError("nothing to export: no article has highlights")
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for article, md in docs:
            path = out / safe_filename(article.title, article.id)
            path.write_text(md, encoding="utf-8")
            written.append(path)
        return written
    except OSError as e:
        raise NewsreaderError(f"{out}: cannot write ({e.strerror or e})") from None
