"""Output: JSONL (default), CSV, Parquet. Atomic, resumable, one record out per record in.

Records are streamed to ``OUT.partial`` (JSONL, one flushed line per record). When the run
completes, the partial file is converted to the requested format in a temp file that is
renamed over ``OUT``, so ``OUT`` is never half-written. ``--resume`` keeps the complete lines
of an interrupted ``OUT.partial`` and continues after them.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .errors import InputError

FORMATS = ("jsonl", "csv", "parquet")
CSV_FIXED = ["id", "source", "status", "error", "language", "in_scope", "in_scope_score", "labels"]


def dumps(record: dict[str, Any]) -> str:
    """One JSON line; lone surrogates and odd code points can never make it invalid."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"),
                      default=str).encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _safe(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


def guess_format(path: str | None, explicit: str | None) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise InputError(f"unknown output format '{explicit}'; choose {', '.join(FORMATS)}")
        return explicit
    suffix = Path(path).suffix.lower().lstrip(".") if path else ""
    return suffix if suffix in FORMATS else "jsonl"


class PartialOutput:
    """The streaming, resumable JSONL journal behind every output format."""

    def __init__(self, out: Path, fingerprint: dict[str, Any], resume: bool) -> None:
        self.out = out
        self.partial = out.with_name(out.name + ".partial")
        self.meta_path = out.with_name(out.name + ".partial.json")
        self.fingerprint = fingerprint
        self.done = 0
        out.parent.mkdir(parents=True, exist_ok=True)
        if resume and self.partial.exists():
            self._check_fingerprint()
            self.done = self._truncate_to_complete_lines()
        else:
            self.partial.write_bytes(b"")
            self.meta_path.write_text(json.dumps(fingerprint), encoding="utf-8")
        self._handle: TextIO = open(self.partial, "a", encoding="utf-8", newline="\n")

    def _check_fingerprint(self) -> None:
        try:
            previous = json.loads(self.meta_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            previous = None
        if previous != self.fingerprint:
            raise InputError(f"cannot resume into {self.out}: the unfinished run used other "
                             "inputs, options or model; rerun without --resume to start over")

    def _truncate_to_complete_lines(self) -> int:
        data = self.partial.read_bytes()
        cut = data.rfind(b"\n") + 1
        if cut != len(data):
            with open(self.partial, "r+b") as handle:
                handle.truncate(cut)
        return data[:cut].count(b"\n")

    def write(self, record: dict[str, Any]) -> None:
        self._handle.write(dumps(record) + "\n")
        self._handle.flush()

    def records(self) -> Iterator[dict[str, Any]]:
        with open(self.partial, encoding="utf-8") as handle:
            for line in handle:
                yield json.loads(line)

    def finish(self, fmt: str, label_ids: list[str]) -> None:
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        if fmt == "jsonl":
            os.replace(self.partial, self.out)
        else:
            fd, tmp = tempfile.mkstemp(prefix=f".{self.out.name}.", dir=self.out.parent)
            os.close(fd)
            try:
                if fmt == "csv":
                    write_csv(self.records(), Path(tmp), label_ids)
                else:
                    write_parquet(self.records(), Path(tmp), label_ids)
                os.replace(tmp, self.out)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            self.partial.unlink()
        self.meta_path.unlink(missing_ok=True)

    def close(self) -> None:
        if not self._handle.closed:
            self._handle.close()


def csv_row(record: dict[str, Any], label_ids: list[str]) -> list[str]:
    error = record.get("error")
    language = record.get("language") or {}
    scope = record.get("in_scope") or {}
    scores = record.get("scores") or {}
    row = [record["id"], record["source"], record["status"],
           f"{error['code']}: {error['message']}" if error else "",
           language.get("code", ""),
           "" if not scope else str(scope["value"]).lower(),
           "" if not scope else f"{scope['score']:.4f}",
           ";".join(record.get("labels") or [])]
    row += ["" if label not in scores else f"{scores[label]:.4f}" for label in label_ids]
    return [_safe(str(x)) for x in row]


def write_csv(records: Iterator[dict[str, Any]], path: Path, label_ids: list[str]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_FIXED + [f"score_{label}" for label in label_ids])
        for record in records:
            writer.writerow(csv_row(record, label_ids))


def write_parquet(records: Iterator[dict[str, Any]], path: Path, label_ids: list[str],
                  batch: int = 5000) -> None:
    """Flat columns; nested fields (evidence, model, meta, error) as JSON strings."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([
        ("id", pa.string()), ("source", pa.string()), ("status", pa.string()),
        ("error", pa.string()), ("language", pa.string()), ("language_confidence", pa.float64()),
        ("in_scope", pa.bool_()), ("in_scope_score", pa.float64()),
        ("labels", pa.list_(pa.string())),
        *[(f"score_{label}", pa.float64()) for label in label_ids],
        ("evidence", pa.string()), ("model", pa.string()), ("meta", pa.string()),
    ])
    writer = pq.ParquetWriter(path, schema)
    rows: list[dict[str, Any]] = []

    def flush() -> None:
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            rows.clear()

    try:
        for r in records:
            language = r.get("language") or {}
            scope = r.get("in_scope") or {}
            scores = r.get("scores") or {}
            row = {"id": r["id"], "source": r["source"], "status": r["status"],
                   "error": dumps(r["error"]) if r.get("error") else None,
                   "language": language.get("code"),
                   "language_confidence": language.get("confidence"),
                   "in_scope": scope.get("value") if scope else None,
                   "in_scope_score": scope.get("score") if scope else None,
                   "labels": list(r.get("labels") or []),
                   "evidence": dumps(r.get("evidence") or {}), "model": dumps(r.get("model")),
                   "meta": dumps(r.get("meta") or {})}
            row.update({f"score_{label}": scores.get(label) for label in label_ids})
            rows.append(row)
            if len(rows) >= batch:
                flush()
        flush()
    finally:
        writer.close()
