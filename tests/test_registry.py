"""Curator workflow end to end: index, search, batch report, review sheet, corrections."""

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cn_tagger.registry import connect, search, upsert

DATA = Path(__file__).parent / "data"
CLI = [sys.executable, "-m", "cn_tagger"]


def run(*args, **kw):
    proc = subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, **kw)
    assert proc.returncode == 0, proc.stderr
    return proc


def rec(rid, text, labels, lang="en", scope=True, title=None):
    return {"id": rid, "source": "s", "status": "ok", "error": None, "text": text,
            "language": {"code": lang, "confidence": 1.0},
            "in_scope": {"value": scope, "score": 0.9 if scope else 0.1}, "labels": labels,
            "scores": {lb: 0.8 for lb in labels}, "evidence": {}, "model": {},
            "meta": {"title": title} if title else {}}


def test_upsert_updates_instead_of_duplicating(tmp_path):
    db = connect(tmp_path / "r.sqlite")
    upsert(db, [rec("a", "Imams in Kano answer recruiters on radio", ["religious_engagement"])])
    upsert(db, [rec("a", "Mothers in Kano meet weekly", ["families"])])
    assert db.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 1
    assert db.execute("SELECT COUNT(*) FROM submissions_fts").fetchone()[0] == 1
    assert [h["labels"] for h in search(db)] == [["families"]]
    assert search(db, "imams") == []


def test_search_filters(tmp_path):
    db = connect(tmp_path / "r.sqlite")
    upsert(db, [
        rec("a", "Radio debates with imams in Kano", ["religious_engagement", "media_awareness"],
            title="Kano radio"),
        rec("b", "Débats à la radio avec des jeunes à Marseille", ["youth", "media_awareness"],
            lang="fr"),
        rec("c", "A football league for children", [], scope=False),
        {**rec("d", "", []), "status": "error", "error": {"code": "x", "message": "y"}},
    ])
    assert {h["id"] for h in search(db)} == {"a", "b"}
    assert {h["id"] for h in search(db, include_all=True)} == {"a", "b", "c"}
    assert [h["id"] for h in search(db, labels=["media_awareness", "youth"])] == ["b"]
    assert [h["id"] for h in search(db, language="fr")] == ["b"]
    assert [h["id"] for h in search(db, "debats")] == ["b"]  # diacritics folded
    assert [h["id"] for h in search(db, 'radio "imams(')] == ["a"]  # never FTS syntax
    assert search(db, "kano")[0]["title"] == "Kano radio"


def test_index_and_search_cli(tfidf_model_dir, tmp_path):
    db = tmp_path / "registry.sqlite"
    for _ in range(2):  # re-indexing the same ids updates rather than duplicates
        run("index", DATA / "good", "--db", db, "--model", tfidf_model_dir)
    count = sqlite3.connect(db).execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    assert count == 10
    hits = json.loads(run("search", "--db", db, "--all", "--json").stdout)
    assert len(hits) == 10 and all({"id", "labels", "language", "title"} <= set(h) for h in hits)
    fr = json.loads(run("search", "--db", db, "--lang", "fr", "--all", "--json").stdout)
    assert [h["id"] for h in fr] and all(h["language"] == "fr" for h in fr)
    found = json.loads(run("search", "propaganda", "--db", db, "--all", "--json").stdout)
    assert "j-1" in [h["id"] for h in found]
    assert "j-1" in run("search", "propaganda", "--db", db, "--all").stdout


def test_report_and_review_roundtrip(tfidf_model_dir, tmp_path, seed_dir):
    tagged = tmp_path / "tagged.jsonl"
    run("tag", DATA / "good", DATA / "bad" / "invalid.jsonl", "--include-text", "-o", tagged,
        "--model", tfidf_model_dir)
    page = tmp_path / "report.html"
    proc = run("report", tagged, "-o", page, "--model", tfidf_model_dir, "--margin", "0.3")
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") >= 3 and "<mark" in html and "needs review" in html
    assert "invalid_json" in html  # error records are listed with their code
    assert "2(g)" in html  # each tag shows the clause it comes from
    assert "need review" in proc.stderr
    sheet = tmp_path / "review.csv"
    run("review", tagged, "-o", sheet, "--model", tfidf_model_dir)
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert len(rows) == 11  # every ok record
    uncertainty = [float(r["uncertainty"]) for r in rows]
    assert uncertainty == sorted(uncertainty, reverse=True)  # uncertain first
    assert all(r["text"] for r in rows) and rows[0]["corrected_labels"] == ""
    rows[0]["corrected_in_scope"], rows[0]["corrected_labels"] = "true", "families;gender"
    with sheet.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    from cn_tagger.corrections import read_corrections

    (corrected,) = read_corrections(sheet)
    assert corrected.labels == ("families", "gender") and corrected.in_scope


def test_search_without_registry_is_usage_error(tmp_path):
    proc = subprocess.run([*CLI, "search", "x", "--db", str(tmp_path / "none.sqlite")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "cn-tagger index" in proc.stderr


@pytest.mark.parametrize("query", ["", "   ", "*", '"', "NEAR(", "a OR"])
def test_odd_queries_never_crash(tmp_path, query):
    db = connect(tmp_path / "r.sqlite")
    upsert(db, [rec("a", "radio debates", ["media_awareness"])])
    assert isinstance(search(db, query), list)
