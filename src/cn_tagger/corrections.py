"""Review sheets: tagged output -> a CSV for curators -> corrected gold records."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .data import GoldRecord
from .errors import DataError

REVIEW_COLUMNS = ["id", "uncertainty", "language", "in_scope", "labels", "evidence", "text",
                  "corrected_in_scope", "corrected_labels", "reviewer_note"]


def uncertainty(record: dict[str, Any], thresholds: dict[str, float] | None = None) -> float:
    """1 - the smallest distance of any score to its decision threshold (0.5 if unknown)."""
    scores = dict(record.get("scores") or {})
    scope = record.get("in_scope") or {}
    if "score" in scope:
        scores["in_scope"] = scope["score"]
    if not scores:
        return 0.0
    thresholds = thresholds or {}
    margin = min(abs(v - thresholds.get(k, 0.5)) for k, v in scores.items())
    return round(1.0 - min(margin * 2, 1.0), 4)


def write_review(tagged: Iterable[dict[str, Any]], out: Path, texts: dict[str, str] | None = None,
                 thresholds: dict[str, float] | None = None) -> int:
    rows = []
    for rec in tagged:
        if rec.get("status") != "ok":
            continue
        evidence = "; ".join(f"{label}: {items[0]['text']}"
                             for label, items in (rec.get("evidence") or {}).items() if items)
        rows.append({
            "id": rec["id"], "uncertainty": uncertainty(rec, thresholds),
            "language": (rec.get("language") or {}).get("code", ""),
            "in_scope": str(bool((rec.get("in_scope") or {}).get("value"))).lower(),
            "labels": ";".join(rec.get("labels") or []), "evidence": evidence,
            "text": rec.get("text") or (texts or {}).get(rec["id"], ""),
            "corrected_in_scope": "", "corrected_labels": "", "reviewer_note": ""})
    rows.sort(key=lambda r: (-r["uncertainty"], r["id"]))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=REVIEW_COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return len(rows)


def read_corrections(path: str | Path) -> list[GoldRecord]:
    """Rows a curator corrected (either correction column filled) become gold records.

    ``corrected_labels`` replaces the predicted labels (``;``-separated; ``-`` means none);
    ``corrected_in_scope`` replaces the scope decision. Rows left blank are not used.
    """
    path = Path(path)
    records = []
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"id", "text", "labels", "in_scope", "corrected_labels",
                   "corrected_in_scope"} - set(reader.fieldnames or [])
        if missing:
            raise DataError(f"{path} is not a review sheet: columns {sorted(missing)} are "
                            "missing; create it with 'cn-tagger review'")
        for line, row in enumerate(reader, 2):
            new_labels = (row.get("corrected_labels") or "").strip()
            new_scope = (row.get("corrected_in_scope") or "").strip().lower()
            if not new_labels and not new_scope:
                continue
            if not (row.get("text") or "").strip():
                raise DataError(f"{path}:{line} has corrections but no text; keep the text column")
            scope = (new_scope or row["in_scope"]).lower() in ("true", "1", "yes", "y")
            if new_labels == "-":
                labels: list[str] = []
            else:
                labels = [x.strip() for x in (new_labels or row["labels"]).split(";") if x.strip()]
            if not scope:
                labels = []
            records.append(GoldRecord(row["id"], row["text"], tuple(labels), scope,
                                      row.get("language") or None))
    return records


def load_tagged(path: Path) -> list[dict[str, Any]]:
    out = []
    with open(path, encoding="utf-8") as handle:
        for i, line in enumerate(handle, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise DataError(f"{path}:{i} is not valid JSON; pass the JSONL written by "
                                    "'cn-tagger tag'") from exc
    return out
