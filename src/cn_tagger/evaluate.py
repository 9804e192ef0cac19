"""Evaluate a tagger on gold data: the ``evaluate --json`` object and error analysis."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .data import GoldRecord
from .metrics import english_split, grouped, label_metrics, scope_metrics
from .records import TagResult
from .tagger import Tagger


def evaluate(tagger: Tagger, records: Sequence[GoldRecord], worst: int = 20,
             ) -> tuple[dict[str, Any], list[TagResult]]:
    """Return (metrics, results). Metrics follow the CLI contract plus breakdowns."""
    results = list(tagger.tag_batch({"id": r.id, "text": r.text} for r in records))
    label_ids = tagger.label_ids
    gold = [set(r.labels) for r in records]
    pred = [set(x.labels) for x in results]
    gold_scope = [r.in_scope for r in records]
    pred_scope = [bool(x.in_scope) for x in results]
    scope_scores = [x.in_scope_score or 0.0 for x in results]
    langs = [r.language or (x.language.code if x.language else "und")
             for r, x in zip(records, results, strict=True)]
    metrics: dict[str, Any] = label_metrics(gold, pred, label_ids)
    metrics["in_scope"] = scope_metrics(gold_scope, pred_scope, scope_scores)
    metrics["n"] = len(records)
    metrics["per_language"] = grouped(langs, gold, pred, gold_scope, pred_scope, scope_scores,
                                      label_ids)
    metrics.update(english_split(gold, pred, langs, label_ids))
    metrics["evidence_hit_rate"] = evidence_hit_rate(records, results)
    metrics["language_accuracy"] = _language_accuracy(records, results)
    metrics["worst_errors"] = _worst(records, results, worst)
    return metrics, results


def evidence_hit_rate(records: Sequence[GoldRecord], results: Sequence[TagResult],
                      ) -> float | None:
    """Share of gold evidence sentences (for correctly predicted labels) that the predicted
    evidence overlaps."""
    hits = total = 0
    for record, result in zip(records, results, strict=True):
        text = result.text or ""
        for label, sentences in record.evidence.items():
            if label not in result.labels:
                continue
            spans = [(e.start, e.end) for e in result.evidence.get(label, ())]
            for sentence in sentences:
                start = text.find(" ".join(sentence.split()))
                if start < 0:
                    start = text.find(sentence)
                if start < 0:
                    continue
                end = start + len(sentence)
                total += 1
                hits += any(s < end and start < e for s, e in spans)
    return round(hits / total, 4) if total else None


def _language_accuracy(records: Sequence[GoldRecord], results: Sequence[TagResult],
                       ) -> float | None:
    pairs = [(r.language, x.language.code) for r, x in zip(records, results, strict=True)
             if r.language and x.language]
    return round(sum(a == b for a, b in pairs) / len(pairs), 4) if pairs else None


def _worst(records: Sequence[GoldRecord], results: Sequence[TagResult], k: int,
           ) -> list[dict[str, Any]]:
    rows = []
    for record, result in zip(records, results, strict=True):
        gold, pred = set(record.labels), set(result.labels)
        missed, extra = sorted(gold - pred), sorted(pred - gold)
        scope_wrong = record.in_scope != bool(result.in_scope)
        cost = len(missed) + len(extra) + (3 if scope_wrong else 0)
        if cost:
            rows.append({"id": record.id, "language": record.language, "cost": cost,
                         "gold_in_scope": record.in_scope, "pred_in_scope": result.in_scope,
                         "in_scope_score": round(result.in_scope_score or 0, 3),
                         "missed": missed, "extra": extra, "text": record.text[:600]})
    rows.sort(key=lambda r: (-r["cost"], r["id"]))
    return rows[:k]
