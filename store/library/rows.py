"""Rows as plain dicts and back: what the trash and the journal keep of a highlight or an
article, with every row that hangs off it.

Dependent rows are found by foreign key, so a table a later migration adds (a note's history,
an article's reading place) is kept and put back too, without this module knowing it.
Rows are put back with their old ids when those are free, else with new ones.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from store.article import one_line
from store.errors import NewsreaderError

Row = dict[str, Any]
Tree = list[tuple[str, list[Row]]]  # (table, rows), parents before their dependants
CHUNK = 500  # values per IN (...) list, well under SQLite's variable limit


def now() -> str:
    """The time stamp rows carry: UTC, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def excerpt(text: str, limit: int = 24) -> str:
    """The first words of a highlight, to name it in one short line: 'We need to at least…'."""
    flat = one_line(text)
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:.") + "…"


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def primary_key(conn: sqlite3.Connection, table: str) -> str | None:
    """The single INTEGER PRIMARY KEY column (an alias of the rowid), if the table has one."""
    keys = [r for r in conn.execute(f"PRAGMA table_info({table})") if r[5]]
    if len(keys) == 1 and str(keys[0][2]).upper() == "INTEGER":
        return keys[0][1]
    return None


def _foreign_keys(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, str, str]]:
    """(column, parent table, parent column, on delete) of each single-column foreign key."""
    out = []
    for r in conn.execute(f"PRAGMA foreign_key_list({table})"):
        parent_col = r[4] or primary_key(conn, r[2]) or "rowid"
        out.append((r[3], r[2], parent_col, str(r[6]).upper()))
    return out


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]


def dependants(conn: sqlite3.Connection, table: str) -> list[tuple[str, str, str]]:
    """(table, column, parent column) of the rows that belong to rows of `table`: every
    foreign key to it, except those that SQLite sets to NULL when the parent goes."""
    return [
        (child, col, parent_col)
        for child in _tables(conn)
        for col, parent, parent_col, on_delete in _foreign_keys(conn, child)
        if parent == table and on_delete not in ("SET NULL", "SET DEFAULT")
    ]


def _select(conn: sqlite3.Connection, table: str, column: str, values: Sequence[Any]) -> list[Row]:
    rows: list[Row] = []
    for i in range(0, len(values), CHUNK):
        part = list(values[i : i + CHUNK])
        marks = ",".join("?" * len(part))
        order = primary_key(conn, table) or "rowid"
        rows += [
            dict(r)
            for r in conn.execute(
                f'SELECT * FROM "{table}" WHERE "{column}" IN ({marks}) ORDER BY {order}', part
            )
        ]
    return rows


def snapshot(
    conn: sqlite3.Connection, table: str, column: str, values: Iterable[Any]
) -> tuple[Tree, list[tuple[str, str, list[Any]]]]:
    """The rows of `table` whose `column` is one of `values`, with everything depending on
    them; and the selectors that find them again, for deleting (dependants first)."""
    tree: Tree = []
    selectors: list[tuple[str, str, list[Any]]] = []
    queue = [(table, column, list(values))]
    seen: set[tuple[str, str]] = set()
    while queue:
        t, col, vals = queue.pop(0)
        rows = _select(conn, t, col, vals) if vals else []
        if not rows:
            continue
        tree.append((t, rows))
        selectors.append((t, col, vals))
        for child, child_col, parent_col in dependants(conn, t):
            if (child, child_col) not in seen:
                seen.add((child, child_col))
                keys = [r[parent_col] for r in rows if parent_col in r]
                queue.append((child, child_col, keys))
    return tree, selectors


def delete(conn: sqlite3.Connection, selectors: list[tuple[str, str, list[Any]]]) -> None:
    """Delete what `snapshot` found, dependants before the rows they depend on."""
    for table, column, values in reversed(selectors):
        for i in range(0, len(values), CHUNK):
            part = values[i : i + CHUNK]
            marks = ",".join("?" * len(part))
            conn.execute(f'DELETE FROM "{table}" WHERE "{column}" IN ({marks})', part)


def _exists(conn: sqlite3.Connection, table: str, column: str, value: Any) -> bool:
    query = f'SELECT 1 FROM "{table}" WHERE "{column}" = ? LIMIT 1'
    return conn.execute(query, (value,)).fetchone() is not None


def put_back(
    conn: sqlite3.Connection, tree: Tree, new_ids: dict[str, dict[Any, Any]] | None = None
) -> dict[str, dict[Any, Any]]:
    """Insert a snapshot again. A row keeps its id when that is free, else gets a new one and
    its dependants follow it; a reference to a row that is gone (a removed feed) becomes NULL.

    `new_ids` maps ids in advance (table -> old -> new), e.g. to put highlights back onto an
    article that is in the library again. Returns the ids as they were given out."""
    new_ids = {t: dict(m) for t, m in (new_ids or {}).items()}
    for table, rows in tree:
        present = set(columns(conn, table))
        not_null = {r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[3]}
        pk = primary_key(conn, table)
        fks = _foreign_keys(conn, table)
        for original in rows:
            row = {k: v for k, v in original.items() if k in present}
            for col, parent, parent_col, _ in fks:
                value = row.get(col)
                if value is None:
                    continue
                if value in new_ids.get(parent, {}):
                    row[col] = new_ids[parent][value]
                elif not _exists(conn, parent, parent_col, value):
                    if col in not_null:
                        raise NewsreaderError(f"cannot put back a row of {table}: {parent} is gone")
                    row[col] = None
            old = row.get(pk) if pk else None
            if pk and old is not None and _exists(conn, table, pk, old):
                del row[pk]
            names = list(row)
            quoted = ", ".join(f'"{n}"' for n in names)
            cur = conn.execute(
                f'INSERT INTO "{table}" ({quoted}) VALUES ({", ".join("?" * len(names))})',
                [row[n] for n in names],
            )
            if pk and old is not None:
                new_ids.setdefault(table, {})[old] = row.get(pk, cur.lastrowid)
    return new_ids
