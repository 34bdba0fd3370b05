"""The installed `newsreader` in a real terminal (tmux), as a person would use it.

A temporary --db and HOME keep the user's library and exports untouched. Without tmux the
test is skipped locally but fails on CI (the CI variable is set there).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

TMUX = shutil.which("tmux")
HOSTILE = (
    "Hostile article\n\n"
    "Markup [bold red]x[/] stays as typed. A clipboard grab \x1b]52;c;SGVsbG8=\x07 does not "
    "reach the terminal, and neither does a title change \x1b]0;PWNED\x07 here.\n\n"
    # ordinary prose around the sequences, as in a real page (a few control bytes in a very
    # short file would be refused as binary)
    + "The council met on Monday to discuss the harbour plan and its costs. " * 8
    + "\n"
)


def newsreader_command() -> str:
    beside = Path(sys.executable).parent / "newsreader"
    found = str(beside) if beside.exists() else shutil.which("newsreader")
    if not found:
        pytest.fail("the newsreader console script is not installed")
    return found


@pytest.fixture
def tmux_session(tmp_path):
    if TMUX is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is required on CI for the end-to-end test")
        pytest.skip("tmux is not installed")
    name = f"nr_e2e_{os.getpid()}_{time.monotonic_ns()}"
    try:
        yield name
    finally:
        subprocess.run([TMUX, "kill-session", "-t", name], capture_output=True)


class Terminal:
    def __init__(self, session: str) -> None:
        self.session = session

    def start(self, command: str, raw: Path) -> None:
        subprocess.run(
            [TMUX, "new-session", "-d", "-s", self.session, "-x", "80", "-y", "24", command],
            check=True,
        )
        subprocess.run([TMUX, "pipe-pane", "-o", "-t", self.session, f"cat >> {raw}"], check=True)

    def screen(self) -> str:
        out = subprocess.run(
            [TMUX, "capture-pane", "-p", "-t", self.session], capture_output=True, text=True
        )
        return out.stdout

    def title(self) -> str:
        out = subprocess.run(
            [TMUX, "display", "-p", "-t", self.session, "#{pane_title}"],
            capture_output=True,
            text=True,
        )
        return out.stdout.strip()

    def alive(self) -> bool:
        return (
            subprocess.run(
                [TMUX, "has-session", "-t", self.session], capture_output=True
            ).returncode
            == 0
        )

    def keys(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            subprocess.run([TMUX, "send-keys", "-t", self.session, key], check=True)
            time.sleep(pause)

    def type(self, text: str) -> None:
        subprocess.run([TMUX, "send-keys", "-t", self.session, "-l", text], check=True)
        time.sleep(0.2)

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen:\n{self.screen()}")

    def wait_gone(self, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                return
            time.sleep(0.05)
        raise AssertionError(f"the app did not quit; the screen:\n{self.screen()}")


def open_by_search(term: Terminal, word: str) -> None:
    term.wait_for("Library")
    time.sleep(0.3)  # let the app settle its start-up exchange with the terminal
    term.keys("/")
    term.wait_for("Search titles")
    term.type(word)
    term.wait_for(f"{word} says")  # the hit's title (the table is hidden while searching)
    term.keys("Enter", "Enter")


def test_read_highlight_note_quit_restart_export(tmp_path, tmux_session):
    home = tmp_path / "home"
    home.mkdir()
    db = tmp_path / "e2e.db"
    raw = tmp_path / "raw.bin"
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSREADER_")}
    env.update(
        HOME=str(home), TERM="xterm-256color", NEWSREADER_CONFIG=str(tmp_path / "config.toml")
    )
    nr = newsreader_command()

    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    subprocess.run(
        [nr, "add", str(hostile), "--db", str(db)], env=env, check=True, capture_output=True
    )

    kept = ("HOME", "TERM", "PATH", "NEWSREADER_CONFIG")
    keep = " ".join(f"{k}='{v}'" for k, v in env.items() if k in kept)
    command = (
        f"env -u NEWSREADER_DB -u NEWSREADER_EXPORT_DIR -u XDG_CONFIG_HOME {keep} {nr} --db {db}"
    )
    term = Terminal(tmux_session)

    # first session: open a seed article at its search hit, highlight its second sentence,
    # write a note; then find words inside it, go to the next match and highlight that
    term.start(command, raw)
    open_by_search(term, "Zelensky")
    term.wait_for("Find Zelensky: 1 of 1")  # the hit is marked
    term.keys("Escape", "g")
    term.keys(")", "h")
    term.wait_for("Highlight 1/1")
    term.keys("n")
    term.wait_for("ctrl+s save")
    term.type("checked against the UN record")
    term.keys("C-s")
    term.wait_for("checked against the UN")  # (the status line cuts it to fit)

    # 80x24: the article has the screen; Tab (the key bar says so) brings the timeline, its
    # dates in words, then the quotes, then the article again
    screen = term.wait_for("tab Timeline")
    assert "q Back" in screen and "? Help" in screen
    term.keys("Tab")
    screen = term.wait_for("Thu 24 Feb 2022")  # "February 24" in the seed
    assert "tab Quotes" in screen and "D to correct" not in screen
    term.keys("Tab")
    screen = term.wait_for("— Volodymyr Zelensky")
    assert "“We need to at least stop bombing people,”" in screen  # its own marks, once
    term.keys("Tab")
    term.wait_for("D to correct")

    # find words inside the article, go to the next match and highlight that
    term.keys("/")
    term.type("talks")
    term.wait_for("Find talks: 1 of 3")  # the first after the cursor, in the highlight
    term.keys("Enter", "n")
    screen = term.wait_for("Find talks: 2 of 3")
    term.keys("h")
    screen = term.wait_for("Highlight 2/2")
    place = re.search(r"¶ \d+/\d+ · \d+%", screen).group()
    term.keys("q")
    term.wait_for("Library")
    term.keys("Escape", pause=0.4)
    term.keys("q")
    term.wait_gone()

    # second session: the article opens where it was left; the highlight under the cursor is
    # removed, restored from the trash, and both highlights with the note are exported
    term.start(command, raw)
    term.wait_for("Library")
    time.sleep(0.3)
    term.keys("j", "Enter")  # the second row: the seed the search found
    screen = term.wait_for(place)
    assert "Highlight 2/2" in screen
    term.keys("x")
    term.wait_for("Removed")
    term.keys("q")
    term.wait_for("Library")
    term.keys("X")
    term.wait_for("Trash · 1 item")
    term.keys("Enter")
    term.wait_for("The trash is empty")
    term.keys("q")
    term.wait_for("Library")
    term.keys("Enter")
    term.wait_for(place)
    term.keys("]")
    screen = term.wait_for("Highlight 1/2 · checked against the UN")
    term.keys("e")
    screen = term.wait_for("Exported to")
    exported = list((home / "newsreader-export").glob("*.md"))
    assert len(exported) == 1
    assert exported[0].name[:20] in screen.replace("\n", "")  # the path is shown
    markdown = exported[0].read_text(encoding="utf-8")
    assert "checked against the UN record" in markdown
    assert markdown.count("\n> ") == 2
    assert "before further talks" in markdown  # the sentence found with / and n

    # the hostile article: markup and escape sequences appear as characters
    term.keys("q")
    term.wait_for("Library")
    term.keys("Escape", pause=0.4)
    term.keys("g", "Enter")
    screen = term.wait_for("SGVsbG8")  # the body, not only the title
    assert "[bold red]x[/]" in screen
    assert "␛]52;c;SGVsbG8=␇" in screen
    assert "PWNED" not in term.title()
    term.keys("q")
    term.wait_for("Library")
    term.keys("q")
    term.wait_gone()

    data = raw.read_bytes()
    assert data, "pipe-pane recorded nothing"
    assert b"\x1b]52" not in data and b"\x1b]0;PWNED" not in data
