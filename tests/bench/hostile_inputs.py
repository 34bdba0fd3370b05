"""The hostile inputs of issue 12, each timed once: what took seconds to minutes before.

Run: .venv/bin/python tests/bench/hostile_inputs.py  (prints seconds per case; the suite's
growth-ratio tests in tests/test_growth.py are what asserts linear time).
"""

from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from store.analysis.segment import sentence_spans  # noqa: E402
from store.clean.html import clean_html  # noqa: E402
from store.clean.text import clean_text  # noqa: E402
from store.export.markdown import escape_markdown  # noqa: E402

ELLIPSES = "On 5 May 2020 " + "…" * 20000
CASES = [
    ("clean_text '©'*8000+'x'", lambda: clean_text("©" * 8000 + "x")),
    ("clean_html '©'*8000+'x'", lambda: clean_html("<p>" + "©" * 8000 + "x")),
    ("clean_text 'we '*33000", lambda: clean_text("we " * 33000)),
    ("clean_text 100,000 dashes", lambda: clean_text("-" * 100000)),
    ("clean_text 100,000 dots", lambda: clean_text("." * 100000)),
    ("clean_html <p>+100,000 letters+@", lambda: clean_html("<p>" + "a" * 100000 + "@")),
    ("sentence_spans date + 20,000 '…'", lambda: sentence_spans(ELLIPSES, [(0, len(ELLIPSES))])),
    ("clean_html 2.1 MB unclosed <script>", lambda: clean_html("<p>x</p>" + "<script>" * 270000)),
    ("clean_html 2.1 MB unclosed <!--", lambda: clean_html("<p>x</p>" + "<!--" * 530000)),
    ("escape_markdown 100,000 newlines", lambda: escape_markdown("\n" * 100000)),
    ("--no-clean '\\n \\n' * 33,333 (100 KB)", lambda: clean_text("\n \n" * 33333, clean=False)),
]


def main() -> int:
    for name, fn in CASES:
        start = time.perf_counter()
        with contextlib.suppress(Exception):  # a refusal is an answer; its time is what counts
            fn()
        print(f"{name:45} {time.perf_counter() - start:8.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
