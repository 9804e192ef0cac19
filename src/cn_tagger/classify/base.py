"""The backend protocol: every classifier maps segmented texts to a score matrix.

Column 0 of every score matrix is ``in_scope``; columns 1..K are the taxonomy labels in order.
Deciding labels from scores (thresholds, scope gating) happens in :mod:`cn_tagger.decide`,
never inside a backend.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np


@dataclass(frozen=True)
class Segmented:
    """A normalised text and its sentences (strings); what backends consume."""

    text: str
    sentences: tuple[str, ...]


@runtime_checkable
class Backend(Protocol):
    name: ClassVar[str]

    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray) -> Backend:
        """Fit on ``docs`` with targets ``y`` (n, n_outputs) where ``mask`` is True."""

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        """Scores in [0, 1], shape (n_docs, n_outputs)."""

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Document scores plus one (n_sentences, n_outputs) matrix per document."""

    def save(self, directory: Path) -> dict[str, Any]:
        """Write weights into ``directory``; return the parameters needed by ``load``."""

    @classmethod
    def load(cls, directory: Path, params: dict[str, Any]) -> Backend:
        """Rebuild a fitted backend from ``save``'s files and parameters."""


class NotFittedError(RuntimeError):
    def __init__(self, name: str) -> None:
        super().__init__(f"this {name} backend is not fitted yet; call fit(docs, y, mask) first "
                         "or load a trained model with Tagger.load()")


def sentences_or_text(doc: Segmented) -> tuple[str, ...]:
    return doc.sentences if doc.sentences else (doc.text,)


def split_rows(matrix: np.ndarray, counts: Sequence[int]) -> list[np.ndarray]:
    bounds = np.cumsum([0, *counts])
    return [matrix[bounds[i]:bounds[i + 1]] for i in range(len(counts))]
