"""``tfidf.v1``: word and character n-gram TF-IDF + one logistic regression per output."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.preprocessing import normalize

from ..errors import ModelError
from .base import NotFittedError, Segmented, sentences_or_text, split_rows
from .heads import LinearHeads

_VOCAB = "tfidf_vocabulary.json"
_IDF = "tfidf_idf.npz"
_HEADS = "tfidf_heads.npz"


class TfidfBackend:
    """Word (1-2) and char_wb (2-5) TF-IDF features shared by per-output linear heads.

    Text is counted once, sentence by sentence: a document's counts are the sum of its
    sentences' counts, so the evidence scores for every sentence cost no second pass over the
    text (n-gram counting is most of the model's time). Word bigrams that straddle two
    sentences are therefore not counted, in training and at prediction alike.
    """

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
        vocabularies = vocabularies or [None, None]
        common = {"sublinear_tf": True, "min_df": self.min_df, "dtype": np.float32,
                  "max_features": self.max_features, "lowercase": True}
        return [TfidfVectorizer(analyzer="word", ngram_range=self.word_ngrams,
                                token_pattern=r"(?u)\b\w+\b", vocabulary=vocabularies[0],
                                **common),
                TfidfVectorizer(analyzer="char_wb", ngram_range=self.char_ngrams,
                                vocabulary=vocabularies[1], **common)]

    def _counts(self, texts: Sequence[str]) -> list[sp.csr_matrix]:
        return [CountVectorizer.transform(v, texts) for v in self.vectorizers_]

    def _weight(self, blocks: list[sp.csr_matrix]) -> sp.csr_matrix:
        """Raw counts -> sublinear TF x IDF, L2-normalised per block, blocks side by side."""
        weighted = []
        for counts, vectorizer in zip(blocks, self.vectorizers_, strict=True):
            tf = counts.astype(np.float32)
            np.log(tf.data, out=tf.data)
            tf.data += 1.0
            tf = tf @ sp.diags(vectorizer.idf_.astype(np.float32))
            weighted.append(normalize(tf, norm="l2", copy=False))
        return sp.hstack(weighted, format="csr") * np.float32(1 / np.sqrt(len(weighted)))

    def _doc_and_sentence_features(self, docs: Sequence[Segmented],
                                   ) -> tuple[sp.csr_matrix, sp.csr_matrix, list[int]]:
        if not hasattr(self, "vectorizers_"):
            raise NotFittedError(self.name)
        groups = [sentences_or_text(d) for d in docs]
        sizes = [len(g) for g in groups]
        counts = self._counts([s for g in groups for s in g])
        owner = np.repeat(np.arange(len(docs)), sizes)
        pool = sp.csr_matrix((np.ones(len(owner), dtype=np.float32),
                              (owner, np.arange(len(owner)))), shape=(len(docs), len(owner)))
        doc_counts = [(pool @ c).tocsr() for c in counts]
        return self._weight(doc_counts), self._weight(counts), sizes

    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray) -> TfidfBackend:
        # The vocabulary and IDF come from whole documents (document frequency is a property
        # of documents); the features are then the sentence-summed counts used at prediction.
        texts = [d.text for d in docs]
        self.vectorizers_ = self._make_vectorizers()
        for vectorizer in self.vectorizers_:
            vectorizer.fit(texts)
            vectorizer.stop_words_ = None  # terms cut by min_df/max_features: not needed
        features, _, _ = self._doc_and_sentence_features(docs)
        self.heads_ = LinearHeads(C=self.C, class_weight=self.class_weight).fit(features, y, mask)
        return self

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        if not hasattr(self, "heads_"):
            raise NotFittedError(self.name)
        return self.heads_.predict_proba(self._doc_and_sentence_features(docs)[0])

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        if not hasattr(self, "heads_"):
            raise NotFittedError(self.name)
        doc_features, sentence_features, sizes = self._doc_and_sentence_features(docs)
        return (self.heads_.predict_proba(doc_features),
                split_rows(self.heads_.predict_proba(sentence_features), sizes))

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
