"""``tfidf.v1``: word and character n-gram TF-IDF + one logistic regression per output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import scipy.sparse as sp

from ..errors import ModelError
from .base import NotFittedError, Segmented, sentences_or_text, split_rows
from .heads import LinearHeads

_VOCAB = "tfidf_vocabulary.json"
_IDF = "tfidf_idf.npz"
_HEADS = "tfidf_heads.npz"


class TfidfBackend:
    """Word (1-2) and char_wb (2-5) TF-IDF features shared by per-output linear heads."""

    name: ClassVar[str] = "tfidf.v1"

    def __init__(self, word_ngrams: tuple[int, int] = (1, 2), char_ngrams: tuple[int, int] = (2, 5),
                 min_df: int = 2, max_features: int = 50_000, C: float = 4.0,
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

    def _make_vectorizers(self, vocabularies: list[list[str]] | None = None) -> list:
        from sklearn.feature_extraction.text import TfidfVectorizer

        vocabularies = vocabularies or [None, None]
        common = {"sublinear_tf": True, "min_df": self.min_df, "dtype": np.float32,
                  "max_features": self.max_features, "lowercase": True}
        return [TfidfVectorizer(analyzer="word", ngram_range=self.word_ngrams,
                                token_pattern=r"(?u)\b\w+\b", vocabulary=vocabularies[0],
                                **common),
                TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                vocabulary=vocabularies[1], **common)]

    def _features(self, texts: Sequence[str]) -> sp.csr_matrix:
        if not hasattr(self, "heads_"):
            raise NotFittedError(self.name)
        blocks = [v.transform(texts) for v in self.vectorizers_]
        return sp.hstack(blocks, format="csr") * (1 / np.sqrt(len(blocks)))

    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray) -> TfidfBackend:
        texts = [d.text for d in docs]
        self.vectorizers_ = self._make_vectorizers()
        for vectorizer in self.vectorizers_:
            vectorizer.fit(texts)
            vectorizer.stop_words_ = None  # terms cut by min_df/max_features: not needed
        blocks = [v.transform(texts) for v in self.vectorizers_]
        features = sp.hstack(blocks, format="csr") * (1 / np.sqrt(len(blocks)))
        self.heads_ = LinearHeads(C=self.C, class_weight=self.class_weight).fit(features, y, mask)
        return self

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        if not hasattr(self, "heads_"):
            raise NotFittedError(self.name)
        return self.heads_.predict_proba(self._features([d.text for d in docs]))

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        sentences = [sentences_or_text(d) for d in docs]
        flat = [s for group in sentences for s in group]
        features = self._features([d.text for d in docs] + flat)
        scores = self.heads_.predict_proba(features)
        return scores[: len(docs)], split_rows(scores[len(docs):], [len(g) for g in sentences])

    def save(self, directory: Path) -> dict[str, Any]:
        # Plain JSON vocabularies and npz arrays: loading can never execute code.
        vocabularies = [sorted(v.vocabulary_, key=v.vocabulary_.__getitem__)
                        for v in self.vectorizers_]
        (directory / _VOCAB).write_text(json.dumps(vocabularies, ensure_ascii=False),
                                        encoding="utf-8")
        with open(directory / _IDF, "wb") as handle:
            np.savez_compressed(handle, **{f"idf{i}": v.idf_ for i, v in
                                           enumerate(self.vectorizers_)})
        self.heads_.save(directory / _HEADS)
        return {"params": self.params(), "files": [_VOCAB, _IDF, _HEADS]}

    @classmethod
    def load(cls, directory: Path, params: dict[str, Any]) -> TfidfBackend:
        backend = cls(**params.get("params", {}))
        try:
            vocabularies = json.loads((directory / _VOCAB).read_text(encoding="utf-8"))
            vectorizers = backend._make_vectorizers(vocabularies)
            with np.load(directory / _IDF, allow_pickle=False) as data:
                for i, vectorizer in enumerate(vectorizers):
                    vectorizer.idf_ = data[f"idf{i}"].astype(np.float32)
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(f"TF-IDF weights in {directory} cannot be read ({exc}); retrain "
                             "the model") from exc
        backend.vectorizers_ = vectorizers
        backend.heads_ = LinearHeads.load(directory / _HEADS)
        return backend
