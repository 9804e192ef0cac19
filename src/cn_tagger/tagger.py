"""The library entry point: ``Tagger.load()``, ``tag``, ``tag_batch``."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .artifacts import Model, default_model_path, load_model
from .classify import Segmented
from .decide import decide
from .evidence import select_evidence
from .ingest.limits import Limits
from .langid import LanguageDetector, default_detector
from .normalize import normalize_text
from .records import Document, ModelInfo, RecordError, TagResult
from .segment import Segmenter

log = logging.getLogger(__name__)

Record = str | dict[str, Any] | Document


class Tagger:
    """Tags programme descriptions with scope, labels, scores and evidence.

    A Tagger holds no mutable state after loading: it is safe to share between threads, and
    it pickles to a reference to its model directory (cheap to send to Spark/Ray/Dask
    workers, which reload and re-verify the model).
    """

    def __init__(self, model: Model, detector: LanguageDetector | None = None,
                 segmenter: Segmenter | None = None, limits: Limits | None = None,
                 batch_size: int = 64, evidence_per_label: int = 2) -> None:
        self.model = model
        self.detector = detector or default_detector()
        self.segmenter = segmenter or Segmenter()
        self.limits = limits or Limits()
        self.batch_size = batch_size
        self.evidence_per_label = evidence_per_label
        self.label_ids = model.taxonomy.label_ids
        self.info = ModelInfo(model.name, model.version, model.taxonomy.id)

    @classmethod
    def load(cls, path: str | Path | None = None, **kwargs: Any) -> Tagger:
        """Load a model directory (default: the model shipped with the package)."""
        return cls(load_model(Path(path) if path else default_model_path()), **kwargs)

    def warm_up(self) -> Tagger:
        """Load everything that loads lazily (encoder weights, spaCy, language profiles), e.g.
        before forking worker processes so that they share it."""
        self.tag("Warm-up text: a programme trains youth workers to counter extremist narratives.")
        return self

    def __reduce__(self) -> tuple:
        if self.model.path is not None:
            return (_reload, (str(self.model.path), self.batch_size, self.evidence_per_label,
                              self.limits))
        return (Tagger, (self.model, self.detector, self.segmenter, self.limits,
                         self.batch_size, self.evidence_per_label))

    # -- public API -------------------------------------------------------------------
    def tag(self, record: Record) -> TagResult:
        """Tag one text (a string, a dict with ``text``, or a Document)."""
        return next(iter(self.tag_batch([record])))

    def tag_batch(self, records: Iterable[Record]) -> Iterator[TagResult]:
        """Tag records lazily, in order; results equal those of ``tag`` one by one."""
        docs = (_as_document(r, i) for i, r in enumerate(records, 1))
        yield from self.tag_documents(docs)

    def tag_documents(self, docs: Iterable[Document]) -> Iterator[TagResult]:
        iterator = iter(docs)
        while batch := list(itertools.islice(iterator, self.batch_size)):
            yield from self._tag_chunk(batch)

    # -- internals --------------------------------------------------------------------
    def _tag_chunk(self, docs: list[Document]) -> list[TagResult]:
        results: list[TagResult | None] = [None] * len(docs)
        todo: list[tuple[int, Document, str]] = []
        for i, doc in enumerate(docs):
            if doc.error is not None:
                results[i] = self._error(doc, doc.error)
                continue
            text = normalize_text(doc.text or "")
            if not text:
                results[i] = self._error(doc, RecordError(
                    "empty_text", "the text is empty after normalisation; supply the "
                                  "programme description in the text field"))
            elif len(text) > self.limits.max_text_chars:
                results[i] = self._error(doc, RecordError(
                    "too_large", f"text has {len(text):,} characters, over the limit of "
                                 f"{self.limits.max_text_chars:,}; split the document or raise "
                                 "--max-text-chars"))
            else:
                todo.append((i, doc, text))
        if todo:
            texts = [t for _, _, t in todo]
            sentences = self.segmenter.split_many(texts)
            units = [Segmented(t, tuple(s.text for s in sents))
                     for t, sents in zip(texts, sentences, strict=True)]
            doc_scores, sent_scores = self.model.backend.predict_with_sentences(units)
            doc_scores = self.model.scores_for(doc_scores, sent_scores)
            for j, (i, doc, text) in enumerate(todo):
                language = self.detector.detect(text)
                in_scope, labels = decide(doc_scores[j], self.label_ids, self.model.thresholds,
                                          language.code)
                evidence = select_evidence(sentences[j], sent_scores[j], labels, self.label_ids,
                                           max_per_label=self.evidence_per_label)
                results[i] = TagResult(
                    id=doc.id, source=doc.source, status="ok", error=None, language=language,
                    in_scope=in_scope, in_scope_score=float(doc_scores[j][0]),
                    labels=tuple(labels),
                    scores={label: float(doc_scores[j][k + 1])
                            for k, label in enumerate(self.label_ids)},
                    evidence=evidence, model=self.info, meta=doc.meta, text=text)
        return results  # type: ignore[return-value]

    def _error(self, doc: Document, error: RecordError) -> TagResult:
        return TagResult(id=doc.id, source=doc.source, status="error", error=error,
                         language=None, in_scope=None, in_scope_score=None, labels=(),
                         scores={}, evidence={}, model=self.info, meta=doc.meta)


def _reload(path: str, batch_size: int, evidence_per_label: int, limits: Limits) -> Tagger:
    return Tagger.load(path, batch_size=batch_size, evidence_per_label=evidence_per_label,
                       limits=limits)


def _as_document(record: Record, position: int) -> Document:
    if isinstance(record, Document):
        return record
    if isinstance(record, str):
        return Document(str(position), "<input>", record)
    if isinstance(record, dict):
        rid = record.get("id")
        rid = str(position) if rid is None or rid == "" else str(rid)
        meta = {k: v for k, v in record.items() if k not in ("id", "text")}
        text = record.get("text")
        if not isinstance(text, str):
            return Document(rid, "<input>", None, meta, RecordError(
                "missing_text", f"record {rid} has no string 'text' field "
                                f"(keys: {', '.join(map(str, record)) or 'none'})"))
        return Document(rid, "<input>", text, meta)
    return Document(str(position), "<input>", None, {}, RecordError(
        "not_an_object", f"record {position} is a {type(record).__name__}; pass a string or a "
                         "dict with a 'text' field"))
