"""Model directories: manifest, weights, file hashes, model card. Nothing executes on load."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .classify import Backend, load_backend, save_backend
from .decide import Thresholds, pool_scores
from .errors import ModelError
from .taxonomy import Taxonomy

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
TAXONOMY_FILE = "taxonomy.json"
CARD = "MODEL_CARD.md"


@dataclass(frozen=True)
class Model:
    """A fitted backend with everything needed to decide labels."""

    name: str
    version: str
    backend: Backend
    taxonomy: Taxonomy
    thresholds: Thresholds
    manifest: dict[str, Any]
    path: Path | None = None
    sentence_max_weight: float = 0.0
    """Weight of the best sentence's score in each label score (:func:`decide.pool_scores`)."""

    def scores_for(self, doc_scores: np.ndarray, sentence_scores: list[np.ndarray]) -> np.ndarray:
        return pool_scores(doc_scores, sentence_scores, self.sentence_max_weight)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def save_model(directory: Path, backend: Backend, taxonomy: Taxonomy, thresholds: Thresholds,
               name: str, version: str, extra: dict[str, Any] | None = None,
               sentence_max_weight: float = 0.0) -> dict[str, Any]:
    """Write a model directory atomically (built in a temp dir, then moved into place)."""
    directory = Path(directory)
    directory.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        spec = save_backend(backend, tmp)
        (tmp / TAXONOMY_FILE).write_text(
            json.dumps(taxonomy.to_dict(), ensure_ascii=False, indent=1), encoding="utf-8")
        files = sorted({*spec["files"], TAXONOMY_FILE})
        manifest: dict[str, Any] = {
            "format_version": FORMAT_VERSION,
            "name": name,
            "version": version,
            "cn_tagger_version": __version__,
            "backend": spec,
            "taxonomy": {"id": taxonomy.id, "checksum": taxonomy.checksum,
                         "labels": taxonomy.label_ids},
            "thresholds": thresholds.to_dict(),
            "scoring": {"sentence_max_weight": sentence_max_weight},
            **(extra or {}),
            "files": {f: sha256_file(tmp / f) for f in files},
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n",
                                    encoding="utf-8")
        if directory.exists():
            shutil.rmtree(directory)
        os.replace(tmp, directory)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def read_manifest(directory: Path) -> dict[str, Any]:
    path = Path(directory) / MANIFEST
    if not path.is_file():
        raise ModelError(f"{directory} is not a cn_tagger model: {MANIFEST} is missing; pass "
                         "--model with a directory made by 'cn-tagger train'")
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path} is not valid JSON ({exc}); the model directory is damaged, "
                         "retrain or copy it again") from exc
    if not isinstance(manifest, dict):
        raise ModelError(f"{path} is not a JSON object; the model directory is damaged")
    return manifest


def verify_files(directory: Path, manifest: dict[str, Any]) -> None:
    files = manifest.get("files")
    if not isinstance(files, dict) or not files:
        raise ModelError(f"{directory}/{MANIFEST} lists no file hashes; refusing an unverifiable "
                         "model")
    for rel, expected in files.items():
        path = (Path(directory) / rel).resolve()
        if Path(directory).resolve() not in path.parents:
            raise ModelError(f"manifest file entry '{rel}' points outside the model directory")
        if not path.is_file():
            raise ModelError(f"model file {rel} is missing from {directory}; the model is "
                             "incomplete, copy the whole directory again")
        actual = sha256_file(path)
        if actual != expected:
            raise ModelError(f"model file {rel} in {directory} does not match its SHA-256 in "
                             f"{MANIFEST} (expected {expected[:12]}..., got {actual[:12]}...); "
                             "the model was modified or damaged, refusing to load it")


def load_model(directory: str | Path) -> Model:
    directory = Path(directory)
    manifest = read_manifest(directory)
    fmt = manifest.get("format_version")
    if fmt != FORMAT_VERSION:
        raise ModelError(f"{directory} has model format version {fmt!r}; this cn_tagger reads "
                         f"version {FORMAT_VERSION}; retrain it with this version or install the "
                         "cn_tagger version that made it")
    verify_files(directory, manifest)
    taxonomy = Taxonomy.from_dict(json.loads((directory / TAXONOMY_FILE).read_text("utf-8")),
                                  where=str(directory / TAXONOMY_FILE))
    if taxonomy.checksum != manifest.get("taxonomy", {}).get("checksum"):
        raise ModelError(f"the taxonomy stored in {directory} does not match the checksum in its "
                         "manifest; the model is inconsistent, retrain it")
    try:
        backend = load_backend(directory, manifest["backend"])
        thresholds = Thresholds.from_dict(manifest["thresholds"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"{directory}/{MANIFEST} is incomplete ({exc!r}); retrain the model"
                         ) from exc
    missing = set(taxonomy.label_ids) - set(thresholds.labels)
    if missing:
        raise ModelError(f"thresholds for {sorted(missing)} are missing from {directory}")
    weight = float(manifest.get("scoring", {}).get("sentence_max_weight", 0.0))
    return Model(str(manifest.get("name", directory.name)), str(manifest.get("version", "0")),
                 backend, taxonomy, thresholds, manifest, directory, weight)


def default_model_path() -> Path:
    """The shipped default: package data in a wheel, ``models/default`` in a checkout."""
    packaged = Path(__file__).parent / "models" / "default"
    if (packaged / MANIFEST).is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "models" / "default"
