"""Highlights and notes as Markdown: YAML front matter, then each highlight as a blockquote.

The format, one rule each:
- a highlight is one blockquote; a highlight over several paragraphs has a blank `>` line
  between them; the quoted words are escaped, so they stay words;
- under it one line gives its colour as a Dataview-style field, `[color:: yellow]` (yellow,
  green, blue, red, grey for colours 1 to 5), then its tags;
- a tag is written in one form everywhere: its words joined by hyphens, lower case, without
  characters Obsidian does not allow in tags (`multi word tag` -> `multi-word-tag`), listed
  so in the front matter's `tags:` and written `#multi-word-tag` in the body;
- the note follows as the person wrote it: their Markdown, every line kept;
- `url:` is the article's web address (or file:// location); a sample article has none.

Deterministic (no timestamps, fixed order), so exporting twice gives the same bytes and
an Obsidian vault under version control shows only real changes. Each file carries a mark in
its front matter with the hash of what newsreader wrote: a later export replaces it only while
the hash still matches, never a file someone edited or newsreader did not write.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from store.errors import NewsreaderError
from store.library.db import Library
from store.library.locations import public_location
from store.library.notebook import colour_name, tag_slug
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


def front_matter_tags(highlights: list[Highlight]) -> list[str]:
    return sorted({s for h in highlights for s in (tag_slug(t) for t in h.tags) if s})


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")  # a blank line, however it is spaced


def quote_block(exact: str) -> list[str]:
    """The quoted words as one blockquote: a paragraph per paragraph of the article, with a
    blank `>` line between them."""
    lines: list[str] = []
    for words in (" ".join(p.split()) for p in _PARAGRAPH_BREAK.split(exact)):
        if words:
            if lines:
                lines.append(">")
            lines.append(f"> {escape_markdown(words)}")
    return lines or [">"]


def highlight_markdown(h: Highlight) -> list[str]:
    """Quote, then its colour and tags on one line, then the note as the person wrote it."""
    lines = quote_block(h.exact)
    if h.orphaned:
        lines += [">", "> *(no longer found in the article's current text)*"]
    meta = [f"[color:: {colour_name(h.color)}]"]
    meta += ["#" + s for s in (tag_slug(t) for t in h.tags) if s]
    lines += ["", " ".join(meta), ""]
    note = h.note.strip("\n").rstrip()
    if note.strip():
        lines += [*note.splitlines(), ""]
    return lines


def article_markdown(
    article: StoredArticle, highlights: list[Highlight], *, standalone: bool = True
) -> str:
    """One article's highlights; `standalone` adds YAML front matter for a file of its own,
    otherwise a level-2 section with the metadata on one line, for a combined file."""
    url = public_location(article.url)
    if standalone:
        lines = [
            "---",
            f"title: {_yaml(article.title)}",
            f"site: {_yaml(article.site)}",
            *([f"url: {_yaml(url)}"] if url else []),
            f"byline: {_yaml(article.byline)}",
            f"published: {_yaml(article.published)}",
            "tags: [" + ", ".join(_yaml(t) for t in front_matter_tags(highlights)) + "]",
            "---",
            "",
            f"# {escape_markdown(article.title)}",
            "",
        ]
    else:
        meta = [m for m in (article.site, article.byline, article.published, url) if m]
        lines = [f"## {escape_markdown(article.title)}", ""]
        if meta:
            lines += ["*" + escape_markdown(" · ".join(meta)) + "*", ""]
    for h in sorted(highlights, key=lambda h: (h.start, h.id)):
        lines += highlight_markdown(h)
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


# --- files: newsreader replaces what it wrote, and nothing else ------------------------------

MARK_KEY = "newsreader_export"  # front matter key: the hash of the file as newsreader wrote it
_FRONT = re.compile(r"\A---\n(.*?\n)?---\n", re.DOTALL)
_MARK = re.compile(rf"^{MARK_KEY}: \"sha256:([0-9a-f]{{64}})\"\n", re.MULTILINE)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def marked(document: str) -> str:
    """The document with newsreader's mark as the last line of its front matter (a front
    matter is added when it has none): the hash of everything else, so an edit shows."""
    if not _FRONT.match(document):
        document = "---\n---\n\n" + document
    end = _FRONT.match(document).end() - len("---\n")
    line = f'{MARK_KEY}: "sha256:{_digest(document)}"\n'
    return document[:end] + line + document[end:]


def why_not_replace(path: Path) -> str | None:
    """None when newsreader may write `path`: it does not exist, or newsreader wrote it and
    nobody changed it since; else the reason, in a few words."""
    if not path.exists():
        return None
    if path.is_dir():
        return "a folder has that name"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return "not written by newsreader"
    front = _FRONT.match(text)
    mark = _MARK.search(text, 0, front.end()) if front else None
    if mark is None:
        return "not written by newsreader"
    if _digest(text[: mark.start()] + text[mark.end() :]) != mark.group(1):
        return "edited since newsreader wrote it"
    return None


@dataclass
class ExportReport:
    """What an export wrote, and what it left alone and why."""

    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)

    def write(self, path: Path, text: str) -> None:
        reason = why_not_replace(path)
        if reason is not None:
            self.skipped.append((path, reason))
            return
        path.write_text(text, encoding="utf-8")
        self.written.append(path)


def export_markdown(library: Library, out: Path, ids: list[int] | None = None) -> ExportReport:
    """Write Markdown: into one file when `out` ends in .md, else one file per article in
    the folder `out`. A file of the same name is replaced only when newsreader wrote it and
    it was not edited since; the report names the others."""
    report = ExportReport()
    try:
        if out.suffix.lower() == ".md":
            text = (
                combined_markdown(library, ids)
                if (ids is None or len(ids) != 1)
                else (library_markdown(library, ids)[0][1])
            )
            out.parent.mkdir(parents=True, exist_ok=True)
            report.write(out, marked(text))
            return report
        docs = library_markdown(library, ids)
        if not docs:
            raise NewsreaderError("nothing to export: no article has highlights")
        out.mkdir(parents=True, exist_ok=True)
        for article, md in docs:
            report.write(out / safe_filename(article.title, article.id), marked(md))
        return report
    except OSError as e:
        raise NewsreaderError(f"{out}: cannot write ({e.strerror or e})") from None
