"""``tfidf.v1``: word and character n-gram TF-IDF + one logistic regression per output."""

from __future__ import annotations

import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import scipy.sparse as sp

from ..errors import ModelError
from .base import NotFittedError, Segmented, sentences_or_text, split_rows
from .heads import LinearHeads

_VECTORIZERS = "tfidf_vectorizers.skops"
_HEADS = "tfidf_heads.npz"
# Types skops may rebuild when loading; anything else in the file is refused.
TRUSTED_TYPES: tuple[str, ...] = (
    "sklearn.feature_extraction.text.TfidfVectorizer",
    "sklearn.feature_extraction.text.TfidfTransformer",
    "builtins.list",
    "builtins.dict",
    "numpy.float32",
    "numpy.float64",
    "numpy.dtype",
)


class TfidfBackend:
    """Word (1-2) and char_wb (2-5) TF-IDF features shared by per-output linear heads."""

    name: ClassVar[str] = "tfidf.v1"

    def __init__(self, word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] = (2, 5),
                 min_df: int = 2, max_features: int = 200_000, C: float = 4.0,
                 class_weight: str | None = "balanced") -> None:
        self.word_ngrams = tuple(word_ngrams)
        self.char_ngrams = tuple(char_ngrams)
        self.min_df = min_df
        self.max_features = max_features
        self.C = C
        self.class_weight = class_weight

    def params(self) -> dict[str, Any]:
        return {"word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams),
                "min_df": self.min_df, "max_features": self.max_features, "C": self.C,
                "class_weight": self.class_weight}

    def _make_vectorizers(self) -> list:
        from sklearn.feature_extraction.text import TfidfVectorizer

        common = {"sublinear_tf": True, "min_df": self.min_df, "dtype": np.float32,
                  "max_features": self.max_features, "lowercase": True}
        return [TfidfVectorizer(analyzer="word", ngram_range=self.word_ngrams,
                                token_pattern=r"(?u)\b\w+\b", **common),
                TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams, **common)]

    def _features(self, texts: Sequence[str]) -> sp.csr_matrix:
        if not hasattr(self, "vectorizers_"):
            raise NotFittedError(self.name)
        blocks = [v.transform(texts) for v in self.vectorizers_]
        return sp.hstack(blocks, format="csr") * (1 / np.sqrt(len(blocks)))

    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray) -> TfidfBackend:
        texts = [d.text for d in docs]
        self.vectorizers_ = self._make_vectorizers()
        for vectorizer in self.vectorizers_:
            vectorizer.fit(texts)
        self.heads_ = LinearHeads(C=self.C, class_weight=self.class_weight).fit(
            self._features(texts), y, mask)
        return self

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        return self.heads_.predict_proba(self._features([d.text for d in docs]))

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        sentences = [sentences_or_text(d) for d in docs]
        flat = [s for group in sentences for s in group]
        features = self._features([d.text for d in docs] + flat)
        scores = self.heads_.predict_proba(features)
        return scores[: len(docs)], split_rows(scores[len(docs):], [len(g) for g in sentences])

    def save(self, directory: Path) -> dict[str, Any]:
        import skops.io as sio

        sio.dump(self.vectorizers_, directory / _VECTORIZERS, compression=zipfile.ZIP_DEFLATED)
        self.heads_.save(directory / _HEADS)
        return {"params": self.params(), "files": [_VECTORIZERS, _HEADS]}

    @classmethod
    def load(cls, directory: Path, params: dict[str, Any]) -> TfidfBackend:
        import skops.io as sio

        path = directory / _VECTORIZERS
        untrusted = [t for t in sio.get_untrusted_types(file=path) if t not in TRUSTED_TYPES]
        if untrusted:
            raise ModelError(f"{path} contains types that are not on cn_tagger's trusted list "
                             f"({', '.join(untrusted)}); refusing to load it")
        backend = cls(**params.get("params", {}))
        backend.vectorizers_ = sio.load(path, trusted=list(TRUSTED_TYPES))
        backend.heads_ = LinearHeads.load(directory / _HEADS)
        return backend
