"""The article record every way in produces, and the one canonical text offsets point into."""

from __future__ import annotations

import hashlib
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


def display_safe(text: str) -> str:
    """Map control characters to visible symbols; the length never changes."""
    return text.translate(_SAFE)


_BLANKS = re.compile(r"[ \u00a0\u2000-\u200b\u3000]+")


def normalise_paragraph(text: str) -> str:
    """One paragraph on one line, inner whitespace collapsed, made display-safe."""
    text = text.replace("\r", " ").replace("\n", " ").replace("\t", " ")
    return display_safe(_BLANKS.sub(" ", text).strip())


def one_line(text: str | None) -> str:
    """Any text (None as empty) as one display-safe line, for one-line-per-result output."""
    return normalise_paragraph(text or "")


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


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the non-empty blocks of a text, split on blank lines."""
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        s, e = m.span()
        chunk = m.group()
        s += len(chunk) - len(chunk.lstrip())
        e -= len(chunk) - len(chunk.rstrip())
        if e > s:
            spans.append((s, e))
    return spans


def content_hash(text: str) -> str:
    """Identity of an article's content, blind to whitespace and case."""
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

    @classmethod
    def from_paragraphs(cls, paragraphs: list[str], **meta) -> Article:
        text, spans = join_paragraphs(paragraphs)
        return cls(text=text, paragraphs=spans, **meta)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)
