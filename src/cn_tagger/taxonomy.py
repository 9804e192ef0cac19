"""The label set: loading, validation and checksum of ``taxonomy.yaml``."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import read_yaml
from .errors import ConfigError

SCOPE = "in_scope"


@dataclass(frozen=True)
class Label:
    id: str
    name: str
    clauses: tuple[str, ...]
    description: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    id: str
    name: str
    scope_description: str
    labels: tuple[Label, ...]

    @property
    def label_ids(self) -> list[str]:
        return [label.id for label in self.labels]

    @property
    def checksum(self) -> str:
        """SHA-256 of the canonical JSON form: formatting and comments do not change it."""
        blob = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(blob).hexdigest()

    def label(self, label_id: str) -> Label:
        for label in self.labels:
            if label.id == label_id:
                return label
        raise KeyError(label_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "in_scope": {"description": self.scope_description},
            "labels": [{"id": lb.id, "name": lb.name, "clauses": list(lb.clauses),
                        "description": lb.description, "terms": list(lb.terms)}
                       for lb in self.labels],
        }

    @classmethod
    def from_dict(cls, data: Any, where: str = "taxonomy") -> Taxonomy:
        if not isinstance(data, dict) or not isinstance(data.get("labels"), list):
            raise ConfigError(f"{where} must be a mapping with a top-level 'labels:' list")
        labels = []
        seen = set()
        for i, item in enumerate(data["labels"]):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise ConfigError(f"{where}: label #{i + 1} needs at least an 'id' string")
            lid = item["id"]
            if lid == SCOPE or not lid.replace("_", "").isalnum() or lid in seen:
                raise ConfigError(f"{where}: label id '{lid}' is reserved, duplicated or not "
                                  "a snake_case identifier")
            seen.add(lid)
            labels.append(Label(
                id=lid,
                name=str(item.get("name", lid)),
                clauses=tuple(str(c) for c in item.get("clauses") or ()),
                description=str(item.get("description", "")).strip(),
                terms=tuple(str(t) for t in item.get("terms") or ()),
            ))
        if not labels:
            raise ConfigError(f"{where}: 'labels:' is empty; define at least one label")
        scope = data.get("in_scope") or {}
        return cls(id=str(data.get("id", "custom")), name=str(data.get("name", "")),
                   scope_description=str(scope.get("description", "")).strip(),
                   labels=tuple(labels))


def default_taxonomy_path() -> Path:
    """The codebook taxonomy: packaged in a wheel, or ``configs/`` in a source checkout."""
    packaged = Path(__file__).parent / "resources" / "taxonomy.yaml"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "configs" / "taxonomy.yaml"


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    path = Path(path) if path else default_taxonomy_path()
    return Taxonomy.from_dict(read_yaml(path), where=str(path))
