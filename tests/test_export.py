import csv
import json

import pytest

from cn_tagger.export import PartialOutput, dumps, guess_format

LABELS = ["youth", "gender"]


def record(i, status="ok"):
    return {"id": f"r{i}", "source": f"f.jsonl:{i}", "status": status,
            "error": None if status == "ok" else {"code": "invalid_json", "message": "bad"},
            "language": {"code": "en", "confidence": 0.99} if status == "ok" else None,
            "in_scope": {"value": True, "score": 0.9} if status == "ok" else None,
            "labels": ["youth"] if status == "ok" else [],
            "scores": {"youth": 0.8, "gender": 0.1} if status == "ok" else {},
            "evidence": {}, "model": {"name": "m", "version": "1", "taxonomy": "t"},
            "meta": {"title": "t\ud800x"}}


def finish(tmp_path, fmt, records):
    out = tmp_path / f"out.{fmt}"
    journal = PartialOutput(out, {"k": 1}, resume=False)
    for r in records:
        journal.write(r)
    journal.finish(fmt, LABELS)
    return out


def test_jsonl_is_valid_even_with_lone_surrogates(tmp_path):
    out = finish(tmp_path, "jsonl", [record(1), record(2, "error")])
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["r1", "r2"]
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_csv_columns(tmp_path):
    out = finish(tmp_path, "csv", [record(1), record(2, "error")])
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["id", "source", "status", "error", "language", "in_scope",
                       "in_scope_score", "labels", "score_youth", "score_gender"]
    assert rows[1][:8] == ["r1", "f.jsonl:1", "ok", "", "en", "true", "0.9000", "youth"]
    assert rows[2][2:4] == ["error", "invalid_json: bad"]


def test_parquet(tmp_path):
    import pyarrow.parquet as pq

    out = finish(tmp_path, "parquet", [record(1), record(2, "error")])
    table = pq.read_table(out).to_pylist()
    assert [r["id"] for r in table] == ["r1", "r2"]
    assert table[0]["labels"] == ["youth"] and table[0]["score_youth"] == 0.8
    assert json.loads(table[1]["error"])["code"] == "invalid_json"


def test_resume_truncates_half_written_line(tmp_path):
    out = tmp_path / "o.jsonl"
    journal = PartialOutput(out, {"k": 1}, resume=False)
    journal.write(record(1))
    journal.close()
    with open(tmp_path / "o.jsonl.partial", "a", encoding="utf-8") as handle:
        handle.write('{"id": "r2", "sta')  # killed mid-write
    again = PartialOutput(out, {"k": 1}, resume=True)
    assert again.done == 1
    again.close()
    with pytest.raises(Exception, match="other inputs"):
        PartialOutput(out, {"k": 2}, resume=True)


def test_guess_format():
    assert guess_format("a.csv", None) == "csv"
    assert guess_format("a.txt", None) == "jsonl"
    assert guess_format(None, "parquet") == "parquet"


def test_dumps_never_breaks():
    line = dumps({"x": "a\ud800b\x00c\u2028"})
    assert json.loads(line)["x"].startswith("a")
    assert "\n" not in line
