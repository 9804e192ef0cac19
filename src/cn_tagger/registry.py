"""The registry index: tagged submissions in one SQLite file with FTS5 full-text search.

Schema (stable; a registry may read it directly):

- ``submissions``: one row per record id — ``id`` (primary key), ``source``, ``status``,
  ``error`` (JSON or NULL), ``title``, ``text``, ``language``, ``language_confidence``,
  ``in_scope`` (0/1/NULL), ``in_scope_score``, ``labels`` (JSON list), ``scores`` (JSON),
  ``evidence`` (JSON), ``meta`` (JSON), ``model`` (JSON), ``indexed_at`` (UTC ISO time).
- ``submission_labels``: ``(id, label, score)``, one row per assigned label, for filtering.
- ``submissions_fts``: FTS5 over ``title`` and ``text`` (``unicode61``, diacritics folded).

Re-indexing an id replaces its rows (upsert), so the index never holds duplicates.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .errors import CnTaggerError

SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY, source TEXT, status TEXT, error TEXT, title TEXT, text TEXT,
    language TEXT, language_confidence REAL, in_scope INTEGER, in_scope_score REAL,
    labels TEXT, scores TEXT, evidence TEXT, meta TEXT, model TEXT, indexed_at TEXT
);
CREATE TABLE IF NOT EXISTS submission_labels (
    id TEXT NOT NULL, label TEXT NOT NULL, score REAL, PRIMARY KEY (id, label)
);
CREATE INDEX IF NOT EXISTS submission_labels_label ON submission_labels (label);
CREATE VIRTUAL TABLE IF NOT EXISTS submissions_fts USING fts5(
    id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
"""


class RegistryError(CnTaggerError):
    """The registry database cannot be opened or queried."""


def connect(path: str | Path) -> sqlite3.Connection:
    try:
        connection = sqlite3.connect(str(path))
        connection.executescript(SCHEMA)
    except sqlite3.DatabaseError as exc:
        raise RegistryError(f"cannot open registry {path}: {exc}; pass a new file or an index "
                            "made by 'cn-tagger index'") from exc
    return connection


def upsert(connection: sqlite3.Connection, records: Iterable[dict[str, Any]]) -> int:
    """Insert or replace tagged records (output records, with ``text`` when available)."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    count = 0
    with connection:
        for r in records:
            language = r.get("language") or {}
            scope = r.get("in_scope") or {}
            meta = r.get("meta") or {}
            title = meta.get("title") if isinstance(meta.get("title"), str) else None
            row = (r["id"], r.get("source"), r.get("status"),
                   json.dumps(r["error"], ensure_ascii=False) if r.get("error") else None,
                   title, r.get("text"), language.get("code"), language.get("confidence"),
                   None if not scope else int(bool(scope.get("value"))), scope.get("score"),
                   json.dumps(r.get("labels") or [], ensure_ascii=False),
                   json.dumps(r.get("scores") or {}), json.dumps(r.get("evidence") or {},
                                                                 ensure_ascii=False),
                   json.dumps(meta, ensure_ascii=False, default=str),
                   json.dumps(r.get("model") or {}), now)
            connection.execute(
                "INSERT INTO submissions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                "ON CONFLICT(id) DO UPDATE SET source=excluded.source, status=excluded.status, "
                "error=excluded.error, title=excluded.title, text=excluded.text, "
                "language=excluded.language, language_confidence=excluded.language_confidence, "
                "in_scope=excluded.in_scope, in_scope_score=excluded.in_scope_score, "
                "labels=excluded.labels, scores=excluded.scores, evidence=excluded.evidence, "
                "meta=excluded.meta, model=excluded.model, indexed_at=excluded.indexed_at", row)
            connection.execute("DELETE FROM submission_labels WHERE id = ?", (r["id"],))
            scores = r.get("scores") or {}
            connection.executemany(
                "INSERT INTO submission_labels VALUES (?,?,?)",
                [(r["id"], label, scores.get(label)) for label in r.get("labels") or []])
            connection.execute("DELETE FROM submissions_fts WHERE id = ?", (r["id"],))
            connection.execute("INSERT INTO submissions_fts (id, title, text) VALUES (?,?,?)",
                               (r["id"], title or "", r.get("text") or ""))
            count += 1
    return count


def _fts_query(query: str) -> str:
    """Quote every word so user input can never be FTS5 syntax (AND of all words)."""
    words = re.findall(r"\w+", query, flags=re.UNICODE)
    return " ".join(f'"{w}"' for w in words)


def search(connection: sqlite3.Connection, query: str | None = None,
           labels: Iterable[str] = (), language: str | None = None, include_all: bool = False,
           limit: int = 20) -> list[dict[str, Any]]:
    """Records matching every filter; best full-text matches first when a query is given."""
    where = ["s.status = 'ok'"]
    params: list[Any] = []
    joins = ""
    order = "s.id"
    if query and _fts_query(query):
        joins = "JOIN submissions_fts f ON f.id = s.id"
        where.append("submissions_fts MATCH ?")
        params.append(_fts_query(query))
        order = "bm25(submissions_fts), s.id"
    for label in labels:
        where.append("EXISTS (SELECT 1 FROM submission_labels l WHERE l.id = s.id "
                     "AND l.label = ?)")
        params.append(label)
    if language:
        where.append("s.language = ?")
        params.append(language)
    if not include_all:
        where.append("s.in_scope = 1")
    sql = (f"SELECT s.id, s.title, s.language, s.in_scope, s.in_scope_score, s.labels, "
           f"s.source, s.evidence FROM submissions s {joins} WHERE {' AND '.join(where)} "
           f"ORDER BY {order} LIMIT ?")
    try:
        rows = connection.execute(sql, [*params, limit]).fetchall()
    except sqlite3.DatabaseError as exc:
        raise RegistryError(f"search failed: {exc}") from exc
    return [{"id": r[0], "title": r[1], "language": r[2], "in_scope": bool(r[3]),
             "in_scope_score": r[4], "labels": json.loads(r[5] or "[]"), "source": r[6],
             "evidence": json.loads(r[7] or "{}")} for r in rows]
