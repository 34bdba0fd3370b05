"""Annotations from other tools: W3C Web Annotation JSON-LD and Hypothesis's API JSON.

Each annotation is matched to a stored article by its target's address (normalised; an
article without a public address is known by the URN of its text) and anchored by its quote
and context, the way the library finds a highlight again after a re-clean. A quote that is not
in the article's text is kept as an orphaned highlight of that article, never attached to
other words. Importing the same file twice adds nothing: an annotation on words that already
carry a highlight adds only the note and tags that highlight lacks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from store.errors import InputError
from store.library.anchoring import find_quote
from store.library.db import CONTEXT, Library, _tags, now
from store.library.locations import article_keys, url_key
from store.library.notebook import COLOUR_NAMES, Merge, add_many
from store.library.records import Highlight

MAX_CONTEXT = 64  # characters of an imported prefix or suffix compared when anchoring
STYLE_PREFIX = "newsreader-"


@dataclass(frozen=True)
class Incoming:
    """One annotation as a file gives it, or why it is not a highlight (`not_highlight`)."""

    label: str
    source: str = ""
    exact: str = ""
    prefix: str = ""
    suffix: str = ""
    start: int | None = None
    end: int | None = None
    note: str = ""
    tags: tuple[str, ...] = ()
    color: int = 1
    created: str = ""
    updated: str = ""
    not_highlight: str | None = None


@dataclass
class ImportReport:
    """Per file: how many annotations anchored, merged or were there already; which were
    orphaned, unmatched or skipped, each with why."""

    name: str
    anchored: int = 0
    merged: int = 0
    already: int = 0
    orphaned: list[tuple[str, str]] = field(default_factory=list)
    unmatched: list[tuple[str, str]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{self.anchored} anchored"]
        if self.merged:
            parts.append(f"{self.merged} merged into highlights on the same words")
        if self.already:
            parts.append(f"{self.already} already in the library")
        parts.append(f"{len(self.orphaned)} orphaned")
        if self.unmatched:
            parts.append(f"{len(self.unmatched)} with no matching article")
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped")
        return f"{self.name}: " + ", ".join(parts)

    def details(self) -> list[str]:
        """One line per annotation that did not land on its words, saying why."""
        return (
            [f"orphaned: {label}: {why}" for label, why in self.orphaned]
            + [f"no matching article: {label}: {why}" for label, why in self.unmatched]
            + [f"skipped: {label}: {why}" for label, why in self.skipped]
        )


# --- reading the file ------------------------------------------------------------------------


def _get(obj: dict, *keys: str) -> object:
    for key in keys:
        if key in obj:
            return obj[key]
    return None


def _list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _types(obj: dict) -> set[str]:
    return {t for t in _list(_get(obj, "type", "@type")) if isinstance(t, str)}


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _stamp(value: object) -> str:
    """An ISO date-time in the library's form (UTC, seconds); empty when absent or unreadable."""
    if not isinstance(value, str) or not value.strip():
        return ""
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def annotation_items(obj: object) -> list:
    """The annotations in a parsed file: a W3C collection (its embedded pages), a page, a
    single annotation, a list, or Hypothesis's search (`rows`) or export (`annotations`)."""
    if isinstance(obj, list):
        return obj
    if not isinstance(obj, dict):
        raise InputError("not W3C Web Annotation or Hypothesis JSON")
    types = _types(obj)
    if "AnnotationCollection" in types:
        items, page = [], obj.get("first")
        seen = 0
        while isinstance(page, dict) and seen < 10_000:
            items += _list(page.get("items"))
            page, seen = page.get("next"), seen + 1
        return items + _list(obj.get("items"))
    if "AnnotationPage" in types:
        return _list(obj.get("items"))
    for key in ("rows", "annotations"):
        if isinstance(obj.get(key), list):
            return obj[key]
    if "Annotation" in types or "target" in obj:
        return [obj]
    raise InputError("not W3C Web Annotation or Hypothesis JSON")


def _selectors(target: dict) -> list[dict]:
    """A target's selectors, with those that refine them (refinedBy), flattened."""
    out: list[dict] = []
    todo = list(_list(target.get("selector")))
    while todo and len(out) < 100:
        s = todo.pop(0)
        if isinstance(s, dict):
            out.append(s)
            todo.extend(_list(s.get("refinedBy")))
    return out


def _colour(style: object) -> int:
    for cls in _text(style).split():
        name = cls.removeprefix(STYLE_PREFIX)
        if name in COLOUR_NAMES:
            return COLOUR_NAMES.index(name) + 1
    return 1


def incoming(item: object, position: int) -> Incoming:
    """One annotation of either format, read defensively: a file is hostile input."""
    if not isinstance(item, dict):
        return Incoming(f"#{position}", not_highlight="not an annotation object")
    ident = _get(item, "id", "@id")
    label = f"#{position}" + (f" ({ident})" if isinstance(ident, str) and ident else "")
    if _list(item.get("references")):
        return Incoming(label, not_highlight="a reply to another annotation, not on any words")
    targets = [t for t in _list(item.get("target")) if isinstance(t, dict | str)]
    with_selector = [t for t in targets if isinstance(t, dict) and _selectors(t)]
    source = ""
    if targets:
        first = with_selector[0] if with_selector else targets[0]
        raw = first if isinstance(first, str) else _get(first, "source", "id", "@id")
        if isinstance(raw, dict):
            raw = _get(raw, "id", "@id")
        source = _text(raw)
    source = source or _text(item.get("uri"))
    if not with_selector:
        return Incoming(label, source, not_highlight="a note on the whole page, not on words")
    target = with_selector[0]
    quote, position_selector = None, None
    for s in _selectors(target):
        kind = _types(s)
        if "TextQuoteSelector" in kind and quote is None and _text(s.get("exact")):
            quote = s
        elif "TextPositionSelector" in kind and position_selector is None:
            position_selector = s
    if quote is None:
        return Incoming(label, source, not_highlight="no quoted words (TextQuoteSelector)")
    start = end = None
    if position_selector is not None:
        s, e = position_selector.get("start"), position_selector.get("end")
        if type(s) is int and type(e) is int and 0 <= s < e:
            start, end = s, e
    notes: list[str] = []
    tags: list[str] = []
    for body in _list(item.get("body")):
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            if body.get("purpose") == "tagging" or "tagging" in _list(body.get("purpose")):
                tags.append(body["value"])
            elif body["value"].strip():
                notes.append(body["value"])
    notes += [v for v in (_text(item.get("bodyValue")), _text(item.get("text"))) if v.strip()]
    tags += [t for t in _list(item.get("tags")) if isinstance(t, str)]
    created = _stamp(item.get("created"))
    return Incoming(
        label,
        source,
        exact=_text(quote["exact"]),
        prefix=_text(quote.get("prefix"))[-MAX_CONTEXT:],
        suffix=_text(quote.get("suffix"))[:MAX_CONTEXT],
        start=start,
        end=end,
        note="\n\n".join(notes),
        tags=tuple(_tags(tags)),
        color=_colour(target.get("styleClass")),
        created=created,
        updated=_stamp(_get(item, "modified", "updated")) or created,
    )


def read_annotation_file(data: bytes, name: str) -> list[Incoming]:
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as e:
        raise InputError(f"{name}: not JSON ({e})") from None
    try:
        items = annotation_items(obj)
    except InputError as e:
        raise InputError(f"{name}: {e}") from None
    return [incoming(item, i + 1) for i, item in enumerate(items)]


# --- placing them in the library -------------------------------------------------------------


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return f"“{flat[: limit - 1]}…”" if len(flat) > limit else f"“{flat}”"


def _merged(h: Highlight, a: Incoming) -> Highlight | None:
    """`h` with the note and tags of `a` it lacks; None when it lacks nothing."""
    note = h.note
    if a.note.strip() and a.note.strip() not in h.note:
        note = f"{h.note.rstrip()}\n\n{a.note.strip()}" if h.note.strip() else a.note.strip()
    have = {t.lower() for t in h.tags}
    tags = h.tags + tuple(t for t in a.tags if t.lower() not in have)
    if note == h.note and tags == h.tags:
        return None
    return replace(h, note=note, tags=tags)


def import_annotations(library: Library, data: bytes, name: str) -> ImportReport:
    """Read a file of annotations and store what it holds, in one transaction."""
    report = ImportReport(name)
    keys: dict[str, int] | None = None
    texts: dict[int, str] = {}
    titles: dict[int, str] = {}
    # what each article holds, stored or about to be: by span on its words, by quote if orphaned
    held: dict[tuple[int, object], Highlight] = {}
    new: dict[tuple[int, object], Highlight] = {}  # in file order
    changed: dict[int, Highlight] = {}
    for a in read_annotation_file(data, name):
        if a.not_highlight:
            report.skipped.append((a.label, a.not_highlight))
            continue
        if keys is None:
            keys = article_keys(library)
        article_id = keys.get(url_key(a.source)) if a.source else None
        if article_id is None:
            why = "no article in the library has this address (add it, then import again)"
            report.unmatched.append((a.source or a.label, why if a.source else "no address"))
            continue
        if article_id not in texts:
            article = library.get_article(article_id)
            texts[article_id], titles[article_id] = article.text, article.title
            for h in library.highlights(article_id):
                held[(article_id, h.exact if h.orphaned else (h.start, h.end))] = h
        text = texts[article_id]
        if a.start is not None and text[a.start : a.end] == a.exact:
            span: tuple[int, int] | None = (a.start, a.end)
        else:
            span = find_quote(text, a.exact, a.prefix, a.suffix, a.start or 0)
        key = (article_id, a.exact if span is None else span)
        existing = held.get(key)
        if existing is not None:
            merged = _merged(existing, a)
            if merged is None:
                report.already += 1
                continue
            report.merged += 1
            held[key] = merged
            if key in new:
                new[key] = merged
            else:
                changed[existing.id] = merged
            continue
        stamps = (a.created or now(), a.updated or a.created or now())
        if span is None:
            start = min(a.start or 0, len(text))
            fresh = Highlight(
                0,
                article_id,
                start,
                start + len(a.exact),
                a.exact,
                a.prefix,
                a.suffix,
                a.color,
                a.note,
                a.tags,
                *stamps,
                orphaned=True,
            )
            why = f"the quoted words are not in the text of {_short(titles[article_id], 50)}"
            report.orphaned.append((_short(a.exact), why))
        else:
            s, e = span
            before, after = text[max(0, s - CONTEXT) : s], text[e : e + CONTEXT]
            fresh = Highlight(
                0, article_id, s, e, text[s:e], before, after, a.color, a.note, a.tags, *stamps
            )
            report.anchored += 1
        held[key] = new[key] = fresh
    if new or changed:
        merges = [Merge(i, h.note, h.tags) for i, h in changed.items()]
        add_many(library, list(new.values()), merges)
    return report
