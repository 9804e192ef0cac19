"""``ensemble.v1``: a weighted mean of member backends' scores (documents and sentences)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from .base import Backend, Segmented


class EnsembleBackend:
    """Averages the probabilities of several backends with fixed weights."""

    name: ClassVar[str] = "ensemble.v1"

    def __init__(self, members: Sequence[Backend], weights: Sequence[float] | None = None) -> None:
        self.members = list(members)
        weights = list(weights) if weights is not None else [1.0] * len(self.members)
        total = float(sum(weights))
        self.weights = [w / total for w in weights]

    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray) -> EnsembleBackend:
        for member in self.members:
            member.fit(docs, y, mask)
        return self

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        return sum(w * m.predict_proba(docs) for m, w in zip(self.members, self.weights,
                                                             strict=True))

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        doc_scores = None
        sent_scores: list[np.ndarray] | None = None
        for member, weight in zip(self.members, self.weights, strict=True):
            d, s = member.predict_with_sentences(docs)
            doc_scores = weight * d if doc_scores is None else doc_scores + weight * d
            sent_scores = ([weight * x for x in s] if sent_scores is None
                           else [a + weight * x for a, x in zip(sent_scores, s, strict=True)])
        return doc_scores, sent_scores or []

    def save(self, directory: Path) -> dict[str, Any]:
        from . import save_backend

        members = []
        for i, member in enumerate(self.members):
            sub = directory / f"member{i}"
            sub.mkdir(exist_ok=True)
            spec = save_backend(member, sub)
            spec["files"] = [f"member{i}/{f}" for f in spec["files"]]
            members.append(spec)
        return {"params": {"weights": self.weights}, "members": members,
                "files": [f for m in members for f in m["files"]]}

    @classmethod
    def load(cls, directory: Path, params: dict[str, Any]) -> EnsembleBackend:
        from . import load_backend

        members = [load_backend(directory / f"member{i}", spec)
                   for i, spec in enumerate(params["members"])]
        return cls(members, params["params"]["weights"])
