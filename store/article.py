"""The article record every way in produces, and the one canonical text offsets point into."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Control characters are mapped one-for-one to visible symbols, so the text cannot drive
# the terminal (OSC 52, title changes, colours) and every offset into it stays valid.
_SAFE = {c: chr(0x2400 + c) for c in range(0x20)}
_SAFE[0x09] = " "
_SAFE[0x0A] = "\n"
_SAFE[0x7F] = "\u2421"
_SAFE.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_SAFE.update(
    {c: "\ufffd" for c in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
)
# Lone surrogates (from JSON "\\ud800" escapes, or bytes decoded with surrogateescape) cannot
# be encoded, so they cannot be stored or printed: each becomes U+FFFD.
_SAFE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})


def display_safe(text: str) -> str:
    """Map control characters, bidi overrides and lone surrogates to visible symbols; the
    length never changes. The one sanitiser every string from outside goes through."""
    return text.translate(_SAFE)


_BLANKS = re.compile(r"[ \u00a0\u2000-\u200b\u3000]+")


def normalise_paragraph(text: str) -> str:
    """One paragraph on one line, inner whitespace collapsed, made display-safe."""
    text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return display_safe(_BLANKS.sub(" ", text).strip())


def one_line(text: str | None) -> str:
    """Any text (None as empty) as one display-safe line, for one-line-per-result output."""
    return normalise_paragraph(text or "")


def safe_line(text: str | None) -> str | None:
    """A one-line field from outside (title, site, byline, URL) as stored: display-safe, on
    one line; None stays None."""
    if text is None:
        return None
    return one_line(text) or None


# What Markdown, HTML, YAML or a terminal line would read as syntax: not part of a tag.
_TAG_SPECIALS = re.compile(r"""[\\`*_{}\[\]<>()#+!|~^$&"'=:;,/?@%]+""")


def normalise_tag(tag: str) -> str:
    """A tag as stored: words of letters, digits, '-' and '.' on one line, no leading '#'."""
    flat = one_line(tag).replace("\ufffd", " ")
    flat = _TAG_SPECIALS.sub(" ", flat)
    return " ".join(flat.split()).strip("-. ")
def cut_at_word(text: str, limit: int) -> str:
    """`text` when it fits in `limit` characters, else its first words and "…" (a single
    word longer than half the limit is cut inside)."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The canonical text (paragraphs separated by one blank line) and each paragraph's span."""
    spans: list[tuple[int, int]] = []
    pos = 0
    kept = [p for p in (normalise_paragraph(p) for p in paragraphs) if p]
    for p in kept:
        spans.append((pos, pos + len(p)))
        pos += len(p) + 2
    return "\n\n".join(kept), spans


# A block: lines up to a blank one. The look-ahead reads only the next line's blanks; with
# `\s*\n` it read every following blank line from each line ("\n \n" * n was quadratic).
_BLOCK = re.compile(r"[^\n]+(?:\n(?![^\S\n]*+\n)[^\n]*)*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty blocks of a text, split on blank lines."""
    spans = []
    for m in _BLOCK.finditer(text):
        s, e = m.span()
        chunk = m.group()
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        if e > s:
            spans.append((s, e))
    return spans


def content_hash(text: str) -> str:
    """Identity of an article's content, blind to whitespace and case."""
    import hashlib  # only to store an article (not at the app's start)

    return hashlib.sha256(" ".join(text.lower().split()).encode()).hexdigest()


@dataclass
class Article:
    """A cleaned article: metadata plus the canonical text every offset points into."""

    text: str
    paragraphs: list[tuple[int, int]]
    title: str = ""
    byline: str | None = None
    site: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or datetime, as the source gives it
    url: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Which way the text was found: "story" (the story finder), or the fallback that found it
    # ("readability", "densest-block", "description", "visible-text"); "text" for plain text.
    extraction: str = "text"

    @classmethod
    def from_paragraphs(cls, paragraphs: list[str], **meta) -> Article:
        text, spans = join_paragraphs(paragraphs)
        return cls(text=text, paragraphs=spans, **meta).made_safe()

    def made_safe(self) -> Article:
        """Every field display-safe (text: same length, so offsets hold; metadata: one line).
        What the store keeps of anything that came from outside."""
        self.text = display_safe(self.text)
        self.title = safe_line(self.title) or ""
        self.byline, self.site = safe_line(self.byline), safe_line(self.site)
        self.published, self.url = safe_line(self.published), safe_line(self.url)
        self.warnings = [one_line(w) for w in self.warnings]
        return self

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)
