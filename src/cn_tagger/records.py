"""Small frozen dataclasses passed between pipeline stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RecordError:
    """Why one record could not be processed: a stable code and an actionable message."""

    code: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Document:
    """One input record as ingested: raw text (or an error) plus pass-through metadata."""

    id: str
    source: str
    text: str | None
    meta: dict[str, Any] = field(default_factory=dict)
    error: RecordError | None = None


@dataclass(frozen=True)
class Language:
    code: str
    confidence: float

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "confidence": round(self.confidence, 4)}


@dataclass(frozen=True)
class Sentence:
    """A sentence with character offsets into the normalised text: text[start:end]."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    text: str
    start: int
    end: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end,
                "score": round(self.score, 4)}


@dataclass(frozen=True)
class ModelInfo:
    name: str
    version: str
    taxonomy: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "version": self.version, "taxonomy": self.taxonomy}


@dataclass(frozen=True)
class TagResult:
    """The tagging result for one record; ``to_dict()`` is the output contract."""

    id: str
    source: str
    status: str
    error: RecordError | None
    language: Language | None
    in_scope: bool | None
    in_scope_score: float | None
    labels: tuple[str, ...]
    scores: dict[str, float]
    evidence: dict[str, tuple[Evidence, ...]]
    model: ModelInfo
    meta: dict[str, Any]
    text: str | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "status": self.status,
            "error": self.error.to_dict() if self.error else None,
            "language": self.language.to_dict() if self.language else None,
            "in_scope": (None if self.in_scope is None
                         else {"value": self.in_scope, "score": round(self.in_scope_score or 0.0, 4)}),
            "labels": list(self.labels),
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "evidence": {k: [e.to_dict() for e in v] for k, v in self.evidence.items()},
            "model": self.model.to_dict(),
            "meta": self.meta,
        }
