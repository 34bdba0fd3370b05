"""Bytes from a file or the network into text, honouring the charset the page declares."""

from __future__ import annotations

import codecs
import re

from store.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x">, <meta http-equiv="Content-Type" content="text/html; charset=x">, and
# the XML declaration's encoding="x"; only the head of the page is searched, as browsers do.
_DECLARED = re.compile(
    rb"""<meta[^<>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
    rb"""|<\?xml[^<>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_PRESCAN_BYTES = 4096 * 4

# Share of control characters (other than whitespace) above which bytes are not text at all.
_BINARY_SHARE = 0.02
# ESC and BEL are left out of the count: terminal escape sequences pasted into an article are
# hostile text to show literally (display_safe), not a sign of binary data.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (7, 9, 10, 12, 13, 27))


def declared_charset(data: bytes) -> str | None:
    """The charset the document names for itself, if Python knows it."""
    for m in _DECLARED.finditer(data[:_PRESCAN_BYTES]):
        name = (m.group(1) or m.group(2) or b"").decode("ascii", "ignore").strip().lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            continue
        # A page that says UTF-16 in an ASCII-readable meta tag is not UTF-16 (HTML spec rule).
        if codec.startswith("utf-16") or codec.startswith("utf-32"):
            return "utf-8"
        # Browsers read latin-1 and ascii labels as windows-1252; so do we (superset).
        if codec in ("latin-1", "iso8859-1", "ascii"):
            return "cp1252"
        return codec
    return None


def looks_binary(data: bytes) -> bool:
    """True for images, archives and other bytes no one meant as text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return True
    controls = len(head.translate(None, _NOT_CONTROL))
    return controls / len(head) > _BINARY_SHARE


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """Text from bytes: BOM first, then the declared or given charset, then UTF-8, then cp1252.

    cp1252 (a latin-1 superset) cannot fail, so any single-byte page still reads; a page that
    is mostly UTF-8 with a few bad bytes keeps its UTF-8 with the bad bytes replaced.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    if looks_binary(data):
        raise InputError("the input looks like binary data, not text or HTML")
    for codec in (charset, declared_charset(data)):
        if not codec:
            continue
        if _single_byte(codec) and _valid_multibyte_utf8(data):
            return data.decode("utf-8")  # the label lies: the bytes are UTF-8
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Mostly-UTF-8 text with a stray byte: keep UTF-8. Otherwise it is a single-byte page.
        if _mostly_utf8(data):
            return data.decode("utf-8", errors="replace")
        return data.decode("cp1252", errors="replace")


def _mostly_utf8(data: bytes) -> bool:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - bad
    return multibyte > 4 * bad


def _single_byte(codec: str) -> bool:
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return False
    return name in ("latin-1", "ascii", "cp1252") or name.startswith(("iso8859", "cp125"))


def _valid_multibyte_utf8(data: bytes) -> bool:
    """Bytes above ASCII that all form valid UTF-8 sequences: by chance that almost never
    happens in a single-byte encoding, so a page that says latin-1 but reads so is UTF-8."""
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
