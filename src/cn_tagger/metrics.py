"""Multi-label and scope metrics, computed from decisions (never typed in)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

import numpy as np


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def auroc(scores: Sequence[float], truth: Sequence[bool]) -> float | None:
    """Area under the ROC curve (rank formulation, ties averaged); None if one class only."""
    s = np.asarray(scores, dtype=float)
    t = np.asarray(truth, dtype=bool)
    n_pos, n_neg = int(t.sum()), int((~t).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    from scipy.stats import rankdata

    ranks = rankdata(s)
    return float((ranks[t].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def label_metrics(gold: Sequence[set[str]], pred: Sequence[set[str]],
                  label_ids: Sequence[str]) -> dict[str, Any]:
    """Micro/macro F1 and per-label precision/recall/F1/support.

    Macro-F1 averages over labels that have gold support or predictions in this set.
    """
    counts = {label: [0, 0, 0] for label in label_ids}  # tp, fp, fn
    for g, p in zip(gold, pred, strict=True):
        for label in label_ids:
            if label in p and label in g:
                counts[label][0] += 1
            elif label in p:
                counts[label][1] += 1
            elif label in g:
                counts[label][2] += 1
    per_label = {}
    for label, (tp, fp, fn) in counts.items():
        p, r, f = prf(tp, fp, fn)
        per_label[label] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
                            "support": tp + fn}
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    micro = prf(tp, fp, fn)[2]
    active = [m["f1"] for label, m in per_label.items()
              if m["support"] or counts[label][1]]
    macro = float(np.mean(active)) if active else 0.0
    return {"micro_f1": round(micro, 4), "macro_f1": round(macro, 4), "per_label": per_label}


def english_split(gold: Sequence[set[str]], pred: Sequence[set[str]], languages: Sequence[str],
                  label_ids: Sequence[str]) -> dict[str, float]:
    """``english_micro_f1`` and ``non_english_micro_f1`` (each only when that group exists)."""
    out = {}
    for name, english in (("english", True), ("non_english", False)):
        ii = [i for i, lang in enumerate(languages) if (lang == "en") == english]
        if ii:
            out[f"{name}_micro_f1"] = label_metrics([gold[i] for i in ii], [pred[i] for i in ii],
                                                    label_ids)["micro_f1"]
    return out


def scope_metrics(gold: Sequence[bool], pred: Sequence[bool], scores: Sequence[float],
                  ) -> dict[str, Any]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    p, r, f = prf(tp, fp, fn)
    auc = auroc(scores, gold)
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "auroc": None if auc is None else round(auc, 4)}


def grouped(keys: Sequence[str], gold: Sequence[set[str]], pred: Sequence[set[str]],
            gold_scope: Sequence[bool], pred_scope: Sequence[bool], scope_scores: Sequence[float],
            label_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Micro/macro/scope F1 per group (e.g. per language)."""
    idx: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        idx[key].append(i)
    out = {}
    for key in sorted(idx):
        ii = idx[key]
        lm = label_metrics([gold[i] for i in ii], [pred[i] for i in ii], label_ids)
        sm = scope_metrics([gold_scope[i] for i in ii], [pred_scope[i] for i in ii],
                           [scope_scores[i] for i in ii])
        out[key] = {"n": len(ii), "micro_f1": lm["micro_f1"], "macro_f1": lm["macro_f1"],
                    "scope_f1": sm["f1"]}
    return out
