"""Gold / training data: reading, validation against a taxonomy, hashing, target matrices."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .errors import DataError
from .taxonomy import Taxonomy

_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


@dataclass(frozen=True)
class GoldRecord:
    id: str
    text: str
    labels: tuple[str, ...]
    in_scope: bool
    language: str | None = None
    evidence: dict[str, list[str]] = field(default_factory=dict, compare=False)


def _as_bool(value: Any, where: str) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise DataError(f"{where}: 'in_scope' is {value!r}; expected true or false")


def _parse(raw: dict[str, Any], where: str) -> GoldRecord:
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise DataError(f"{where}: no non-empty 'text' field")
    labels = raw.get("labels", [])
    if isinstance(labels, str):
        labels = [x.strip() for x in labels.split(";") if x.strip()]
    if not isinstance(labels, list) or not all(isinstance(x, str) for x in labels):
        raise DataError(f"{where}: 'labels' must be a list of strings (or ';'-separated in CSV)")
    in_scope = _as_bool(raw.get("in_scope", bool(labels)), where)
    if not in_scope and labels:
        raise DataError(f"{where}: out-of-scope record has labels {labels}; out-of-scope texts "
                        "get no dimension labels (codebook step 1)")
    evidence = raw.get("evidence") or {}
    if isinstance(evidence, str):
        evidence = json.loads(evidence) if evidence.strip() else {}
    evidence = {k: [v] if isinstance(v, str) else list(v) for k, v in evidence.items()}
    return GoldRecord(str(raw.get("id") or where), text, tuple(dict.fromkeys(labels)), in_scope,
                      raw.get("language") or None, evidence)


def read_gold(path: str | Path) -> list[GoldRecord]:
    """Read gold records from JSONL or CSV (``labels`` column ``;``-separated)."""
    path = Path(path)
    try:
        content = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise DataError(f"gold data file not found: {path}") from exc
    records: list[GoldRecord] = []
    if path.suffix.lower() in (".csv", ".tsv"):
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        for i, row in enumerate(csv.DictReader(io.StringIO(content), delimiter=delimiter), 2):
            records.append(_parse(dict(row), f"{path}:{i}"))
        return records
    for i, line in enumerate(content.split("\n"), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise DataError(f"{path}:{i} is not valid JSON ({exc.msg})") from exc
        if not isinstance(raw, dict):
            raise DataError(f"{path}:{i} is not a JSON object")
        records.append(_parse(raw, f"{path}:{i}"))
    return records


def check_labels(records: Sequence[GoldRecord], taxonomy: Taxonomy, where: str,
                 ignore_unknown: bool = False) -> list[GoldRecord]:
    """Refuse labels the taxonomy lacks (or drop them when ``ignore_unknown``)."""
    known = set(taxonomy.label_ids)
    unknown = sorted({lb for r in records for lb in r.labels} - known)
    if not unknown:
        return list(records)
    if not ignore_unknown:
        raise DataError(f"{where} uses label(s) {', '.join(unknown)} that taxonomy "
                        f"'{taxonomy.id}' does not define; add them to a copy of the taxonomy "
                        "and pass --taxonomy, or pass --ignore-unknown-labels to drop them")
    return [GoldRecord(r.id, r.text, tuple(lb for lb in r.labels if lb in known), r.in_scope,
                       r.language, r.evidence) for r in records]


def targets(records: Sequence[GoldRecord], label_ids: list[str],
            labels_on_in_scope_only: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Target matrix (n, 1 + K) with column 0 = in_scope, and its training mask."""
    y = np.zeros((len(records), len(label_ids) + 1), dtype=np.int8)
    index = {label: k + 1 for k, label in enumerate(label_ids)}
    for i, record in enumerate(records):
        y[i, 0] = record.in_scope
        for label in record.labels:
            y[i, index[label]] = 1
    mask = np.ones_like(y, dtype=bool)
    if labels_on_in_scope_only:
        mask[:, 1:] = y[:, [0]].astype(bool)
    return y, mask


def data_hash(groups: Iterable[Sequence[GoldRecord]]) -> str:
    """SHA-256 over the canonical content (id, text, sorted labels, scope) of every record."""
    digest = hashlib.sha256()
    for records in groups:
        for r in records:
            digest.update(json.dumps([r.id, r.text, sorted(r.labels), r.in_scope],
                                     ensure_ascii=False).encode("utf-8"))
            digest.update(b"\n")
        digest.update(b"\x1e")
    return digest.hexdigest()


def as_hf_dataset(path: str | Path) -> Any:
    """Load a gold JSONL/CSV file as a Hugging Face ``datasets.Dataset`` (offline)."""
    import os

    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    try:
        import datasets
    except ImportError as exc:
        from .errors import MissingDependencyError

        raise MissingDependencyError("datasets", "datasets") from exc
    records = read_gold(path)
    return datasets.Dataset.from_list([
        {"id": r.id, "text": r.text, "labels": list(r.labels), "in_scope": r.in_scope,
         "language": r.language or ""} for r in records])
