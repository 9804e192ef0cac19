"""Scores -> decisions, in one place: per-label thresholds and scope gating."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Thresholds:
    """Decision thresholds: one for scope, one per label (optionally per language)."""

    scope: float
    labels: dict[str, float]
    per_language: dict[str, dict[str, float]] = field(default_factory=dict)

    def for_label(self, label: str, language: str | None = None) -> float:
        if language and language in self.per_language and label in self.per_language[language]:
            return self.per_language[language][label]
        return self.labels[label]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"scope": self.scope, "labels": dict(self.labels)}
        if self.per_language:
            out["per_language"] = self.per_language
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Thresholds:
        return cls(float(data["scope"]), {k: float(v) for k, v in data["labels"].items()},
                   {lang: {k: float(v) for k, v in d.items()}
                    for lang, d in data.get("per_language", {}).items()})


def decide(scores: np.ndarray, label_ids: list[str], thresholds: Thresholds,
           language: str | None = None) -> tuple[bool, list[str]]:
    """Return (in_scope, labels) for one score row (column 0 is in_scope)."""
    in_scope = bool(scores[0] >= thresholds.scope)
    if not in_scope:
        return False, []
    labels = [label for k, label in enumerate(label_ids)
              if scores[k + 1] >= thresholds.for_label(label, language)]
    return True, labels


def best_f1_threshold(scores: np.ndarray, truth: np.ndarray, floor: float = 0.2,
                      ceiling: float = 0.9, min_support: int = 3, default: float = 0.5) -> float:
    """Threshold that maximises F1 on (scores, truth), placed midway between neighbours.

    Labels with fewer than ``min_support`` positives keep ``default``; the result is clipped
    to [floor, ceiling] so that a rare label cannot fire on noise.
    """
    truth = truth.astype(bool)
    if truth.sum() < min_support or len(scores) == 0:
        return default
    order = np.argsort(-scores, kind="stable")
    s, t = scores[order], truth[order]
    tp = np.cumsum(t)
    fp = np.cumsum(~t)
    fn = t.sum() - tp
    f1 = 2 * tp / np.maximum(2 * tp + fp + fn, 1)
    # Only cut where the next score differs, so ties are decided together.
    valid = np.r_[s[:-1] > s[1:], True]
    f1 = np.where(valid, f1, -1)
    best = int(np.argmax(f1))
    upper = s[best]
    lower = s[best + 1] if best + 1 < len(s) else max(upper - 0.1, 0.0)
    return float(np.clip((upper + lower) / 2, floor, ceiling))


def learn_thresholds(scores: np.ndarray, y: np.ndarray, label_ids: list[str],
                     floor: float = 0.2, ceiling: float = 0.9, min_support: int = 3,
                     languages: list[str] | None = None, per_language_min_support: int = 0,
                     ) -> Thresholds:
    """Per-label thresholds from dev scores; labels are tuned on gold in-scope rows only."""
    scope = best_f1_threshold(scores[:, 0], y[:, 0], floor=floor, ceiling=ceiling,
                              min_support=min_support)
    rows = y[:, 0].astype(bool)
    labels = {label: best_f1_threshold(scores[rows, k + 1], y[rows, k + 1], floor=floor,
                                       ceiling=ceiling, min_support=min_support)
              for k, label in enumerate(label_ids)}
    per_language: dict[str, dict[str, float]] = {}
    if languages is not None and per_language_min_support > 0:
        langs = np.asarray(languages)
        for lang in sorted(set(languages)):
            sel = rows & (langs == lang)
            tuned = {}
            for k, label in enumerate(label_ids):
                if y[sel, k + 1].sum() >= per_language_min_support:
                    tuned[label] = best_f1_threshold(scores[sel, k + 1], y[sel, k + 1],
                                                     floor=floor, ceiling=ceiling,
                                                     min_support=per_language_min_support,
                                                     default=labels[label])
            if tuned:
                per_language[lang] = tuned
    return Thresholds(scope, labels, per_language)


def pool_scores(doc_scores: np.ndarray, sentence_scores: list[np.ndarray],
                sentence_max_weight: float) -> np.ndarray:
    """Label scores = (1 - w) * document score + w * best sentence score; scope unchanged.

    The codebook applies a label "even if it is mentioned once": in a long description the one
    sentence that shows a dimension is diluted in the document score, not in the maximum.
    """
    w = sentence_max_weight
    if w <= 0 or len(doc_scores) == 0:
        return doc_scores
    best = np.stack([s.max(axis=0) for s in sentence_scores])
    combined = doc_scores.copy()
    combined[:, 1:] = (1 - w) * doc_scores[:, 1:] + w * best[:, 1:]
    return combined
