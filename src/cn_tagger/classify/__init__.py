"""Classifier backends behind one protocol, registered under versioned names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import ConfigError, ModelError
from .base import Backend, Segmented

__all__ = ["BACKENDS", "Backend", "Segmented", "build_backend", "load_backend", "save_backend"]

ALIASES = {"tfidf": "tfidf.v1", "use": "use.v1", "embedding": "use.v1",
           "ensemble": "ensemble.v1", "transformer": "transformer.v1"}


def _registry() -> dict[str, type]:
    from .embedding import UseBackend
    from .ensemble import EnsembleBackend
    from .tfidf import TfidfBackend
    from .transformer import TransformerBackend  # torch / transformers load only when used

    return {cls.name: cls for cls in (TfidfBackend, UseBackend, EnsembleBackend,
                                      TransformerBackend)}


BACKENDS = ("tfidf.v1", "use.v1", "ensemble.v1", "transformer.v1")


def resolve_name(name: str) -> str:
    return ALIASES.get(name, name)


def build_backend(spec: dict[str, Any]) -> Backend:
    """Build an unfitted backend from a config mapping ``{"name": ..., **params}``."""
    spec = dict(spec)
    name = resolve_name(str(spec.pop("name", "tfidf")))
    registry = _registry()
    if name not in registry:
        raise ConfigError(f"unknown backend '{name}'; choose one of {', '.join(sorted(registry))}"
                          f" (aliases: {', '.join(sorted(ALIASES))})")
    if name == "ensemble.v1":
        members = [build_backend(m) for m in spec.pop("members", [])]
        if not members:
            raise ConfigError("an ensemble backend needs a 'members:' list of backend configs")
        return registry[name](members, spec.pop("weights", None))
    try:
        return registry[name](**spec)
    except TypeError as exc:
        raise ConfigError(f"invalid settings for backend '{name}': {exc}") from exc


def save_backend(backend: Backend, directory: Path) -> dict[str, Any]:
    spec = backend.save(directory)
    spec["name"] = backend.name
    return spec


def load_backend(directory: Path, spec: dict[str, Any]) -> Backend:
    registry = _registry()
    name = spec.get("name")
    if name not in registry:
        raise ModelError(f"model uses backend '{name}', which this cn_tagger version does not "
                         f"know (known: {', '.join(sorted(registry))}); upgrade cn_tagger")
    return registry[name].load(directory, spec)
