"""The architecture as tests: which rooms may import which, and no import circles.

Imports are read from the source (every import, also inside functions and under
TYPE_CHECKING), so a lazy import cannot hide a forbidden edge or a circle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("store", "tui")


def module_files(root: Path, packages=PACKAGES) -> dict[str, Path]:
    """Every module of the packages by dotted name (a package by its __init__)."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports_of(path: Path, name: str, modules: dict[str, Path]) -> list[tuple[str, str | None]]:
    """(imported module, enclosing function or None) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: list[tuple[str, str | None]] = []

    def visit(node: ast.AST, func: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = func
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                inner = child.name if func is None else func
            if isinstance(child, ast.Import):
                out.extend((alias.name, inner) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parent = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                for alias in child.names:
                    sub = f"{base}.{alias.name}"
                    out.append((sub if sub in modules else base, inner))
            visit(child, inner)

    visit(tree, None)
    return out


def import_graph(root: Path = ROOT, packages=PACKAGES) -> dict[str, set[str]]:
    modules = module_files(root, packages)
    return {
        name: {m for m, _ in imports_of(path, name, modules) if m in modules and m != name}
        for name, path in modules.items()
    }


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return found


def forbidden(
    graph: dict[str, set[str]], rooms: tuple[str, ...], banned: tuple[str, ...]
) -> list[str]:
    def inside(module: str, prefixes: tuple[str, ...]) -> bool:
        return any(module == p or module.startswith(p + ".") for p in prefixes)

    return sorted(
        f"{m} imports {t}"
        for m, targets in graph.items()
        if inside(m, rooms)
        for t in targets
        if inside(t, banned)
    )


def external_imports(
    root: Path = ROOT, packages=PACKAGES
) -> dict[str, list[tuple[str, str | None]]]:
    modules = module_files(root, packages)
    return {name: imports_of(path, name, modules) for name, path in modules.items()}


# --- the rules ------------------------------------------------------------------------------


def test_no_import_circles():
    assert cycles(import_graph()) == []


def test_store_never_imports_textual_or_rich():
    bad = [
        f"{m} imports {target}"
        for m, found in external_imports().items()
        if m.startswith("store")
        for target, _ in found
        if target.split(".")[0] in ("textual", "rich")
    ]
    assert bad == []


def test_store_imports_no_ui_library_at_run_time():
    code = (
        "import sys, pkgutil, importlib, store\n"
        "for m in pkgutil.walk_packages(store.__path__, 'store.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('textual', 'rich'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_analysis_and_clean_are_pure_functions_of_text():
    """They never read, fetch, store or export: only store.article and store.errors."""
    graph = import_graph()
    rooms = ("store.analysis", "store.clean")
    assert forbidden(graph, rooms, ("store.library", "store.ingest", "store.export", "tui")) == []
    assert forbidden(graph, ("store.clean",), ("store.analysis",)) == []


def test_store_never_imports_tui():
    assert forbidden(import_graph(), ("store",), ("tui",)) == []


def screen_of(module: str) -> str:
    """The screen a module belongs to: `tui.screens.reader.keys` is part of the reader."""
    return ".".join(module.split(".")[:3])


def test_screens_and_widgets_never_import_the_app_or_another_screen():
    graph = import_graph()
    problems = forbidden(graph, ("tui.widgets",), ("tui.screens", "tui.app", "tui.cli"))
    problems += forbidden(graph, ("tui.screens",), ("tui.app", "tui.cli"))
    problems += [
        f"{m} imports {t}"
        for m, targets in graph.items()
        if m.startswith("tui.screens.")
        for t in targets
        if t.startswith("tui.screens.") and screen_of(t) != screen_of(m)
    ]
    assert problems == []


def test_tui_never_talks_sql():
    bad = [
        f"{m} imports {target}"
        for m, found in external_imports().items()
        if m.startswith("tui")
        for target, _ in found
        if target.split(".")[0] in ("sqlite3", "sqlite_utils")
    ]
    assert bad == []


def test_cli_imports_textual_only_to_start_the_app():
    ui = ("textual", "rich", "tui.app", "tui.screens", "tui.widgets")
    bad = [
        f"{m} imports {target} in {func or 'the module'}"
        for m, found in external_imports().items()
        if m.startswith("tui.cli")
        for target, func in found
        if any(target == u or target.startswith(u + ".") for u in ui)
        and not (m == "tui.cli.main" and func == "cmd_app")
        and not (m == "tui.cli.progress" and target.startswith("rich."))
    ]
    assert bad == []


def test_a_command_runs_without_loading_textual(tmp_path):
    code = (
        "import sys\n"
        "from tui.cli.main import main\n"
        f"rc = main(['list', '--db', {str(tmp_path / 'l.db')!r}])\n"
        "print('LOADED=' + ','.join(sorted(n for n in sys.modules if n.startswith('textual'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED=\n" in out.stdout + "\n"


# --- the checker itself finds what it must ----------------------------------------------------


@pytest.fixture
def fake_tree(tmp_path: Path) -> Path:
    pkg = tmp_path / "store"
    (pkg / "analysis").mkdir(parents=True)
    (pkg / "library").mkdir()
    for init in (pkg, pkg / "analysis", pkg / "library"):
        (init / "__init__.py").write_text('"""x"""\n')
    (pkg / "analysis" / "dates.py").write_text("def f():\n    from store.analysis import anchor\n")
    (pkg / "analysis" / "anchor.py").write_text("from store.analysis.dates import f\n")
    (pkg / "analysis" / "quotes.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from store.library.db import X\n"
    )
    (pkg / "library" / "db.py").write_text("X = 1\n")
    return tmp_path


def test_the_checker_sees_a_lazy_circle_and_a_type_checking_import(fake_tree):
    graph = import_graph(fake_tree, ("store",))
    assert cycles(graph) == [["store.analysis.anchor", "store.analysis.dates"]]
    assert forbidden(graph, ("store.analysis",), ("store.library",)) == [
        "store.analysis.quotes imports store.library.db"
    ]


def test_commands_write_only_through_the_one_writer():
    """tui.cli.common.out/out_json make every byte display-safe; a bare print() would not."""
    bad = []
    for name, path in module_files(ROOT, ("tui",)).items():
        if not name.startswith("tui.cli") or name == "tui.cli.common":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            f = node.func
            if isinstance(f, ast.Name) and f.id == "print":
                bad.append(f"{name}:{node.lineno} print()")
            elif (
                isinstance(f, ast.Attribute)
                and f.attr == "write"
                and isinstance(f.value, ast.Attribute)
                and f.value.attr in ("stdout", "stderr")
            ):
                bad.append(f"{name}:{node.lineno} sys.{f.value.attr}.write()")
    assert bad == []


def test_a_screen_is_its_package():
    assert screen_of("tui.screens.reader.keys") == screen_of("tui.screens.reader")
    assert screen_of("tui.screens.reader.keys") != screen_of("tui.screens.library")


def test_no_module_grows_past_about_700_lines():
    """A module past this has more than one concern: split it by what it does."""
    long = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for package in ("store", "tui")
        for path in sorted((ROOT / package).rglob("*.py"))
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 720
    ]
    assert long == []
