"""Training from a config: fit candidates, tune thresholds on dev, keep the best, save."""

from __future__ import annotations

import copy
import logging
import tempfile
import time
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import numpy as np

from .artifacts import Model, save_model
from .classify import Backend, Segmented, build_backend, save_backend
from .config import read_yaml
from .data import GoldRecord, check_labels, data_hash, read_gold, targets
from .decide import Thresholds, decide, learn_thresholds, pool_scores
from .errors import ConfigError, DataError
from .metrics import english_split, label_metrics, scope_metrics
from .segment import Segmenter
from .taxonomy import Taxonomy, load_taxonomy

log = logging.getLogger(__name__)


@dataclass
class ThresholdConfig:
    floor: float = 0.2
    ceiling: float = 0.9
    min_support: int = 3
    per_language_min_support: int = 0
    """>0 tunes per-language thresholds where a language has that many dev positives."""


@dataclass
class TrainConfig:
    """Every setting that matters for a training run; YAML fields map 1:1, CLI flags override."""

    name: str = "custom"
    version: str = "0.1.0"
    train: str = "data/seed/train.jsonl"
    dev: str | None = "data/seed/dev.jsonl"
    test: str | None = "data/seed/test.jsonl"
    taxonomy: str = "configs/taxonomy.yaml"
    candidates: list[dict[str, Any]] = field(default_factory=lambda: [{"name": "tfidf"}])
    """Backends to train; the one with the best dev score (mean of micro and macro F1) is kept."""
    thresholds: ThresholdConfig = field(default_factory=ThresholdConfig)
    labels_on_in_scope_only: bool = True
    seed: int = 0
    ignore_unknown_labels: bool = False
    corrections: list[str] = field(default_factory=list)
    """Review sheets (``cn-tagger review``) whose corrected rows are added to training."""
    extra_eval: dict[str, str] = field(default_factory=dict)
    """Named extra gold sets reported in the model card (e.g. real-world dev data)."""

    @classmethod
    def from_file(cls, path: str | Path | None, **overrides: Any) -> TrainConfig:
        raw = read_yaml(path) if path else {}
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise ConfigError(f"{path} must be a YAML mapping of training settings")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(unknown)}; known settings: "
                              f"{', '.join(sorted(known))}")
        raw = dict(raw)
        if "backend" in raw:
            raise ConfigError("use 'candidates: [{name: ...}]' rather than 'backend:'")
        raw["thresholds"] = ThresholdConfig(**(raw.get("thresholds") or {}))
        config = cls(**raw)
        for key, value in overrides.items():
            if value is not None:
                setattr(config, key, value)
        return config

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def segment_records(records: list[GoldRecord], segmenter: Segmenter) -> list[Segmented]:
    from .normalize import normalize_text

    texts = [normalize_text(r.text) for r in records]
    sentences = segmenter.split_many(texts)
    return [Segmented(t, tuple(s.text for s in sents))
            for t, sents in zip(texts, sentences, strict=True)]


def load_split(path: str | None, taxonomy: Taxonomy, ignore_unknown: bool) -> list[GoldRecord]:
    if not path:
        return []
    return check_labels(read_gold(path), taxonomy, str(path), ignore_unknown)


def train(config: TrainConfig, output: str | Path) -> tuple[Model, dict[str, Any]]:
    """Train every candidate, keep the best on dev, save it to ``output``; return it and a report."""
    from .corrections import read_corrections
    from .evaluate import evaluate
    from .tagger import Tagger

    taxonomy = load_taxonomy(config.taxonomy)
    label_ids = taxonomy.label_ids
    train_records = load_split(config.train, taxonomy, config.ignore_unknown_labels)
    for sheet in config.corrections:
        corrected = check_labels(read_corrections(sheet), taxonomy, sheet,
                                 config.ignore_unknown_labels)
        log.info("adding %d corrected records from %s", len(corrected), sheet)
        train_records += corrected
    dev_records = load_split(config.dev, taxonomy, config.ignore_unknown_labels)
    if not train_records:
        raise DataError(f"no training records in {config.train}")
    if not dev_records:
        log.warning("no dev data: thresholds are tuned on the training data (optimistic)")
        dev_records = train_records
    segmenter = Segmenter()
    train_docs = segment_records(train_records, segmenter)
    dev_docs = segment_records(dev_records, segmenter)
    y_train, mask = targets(train_records, label_ids, config.labels_on_in_scope_only)
    y_dev, _ = targets(dev_records, label_ids)
    dev_langs = [r.language or "und" for r in dev_records]

    # Held-out sets every candidate is measured on (reported, never used to choose).
    held_out: dict[str, tuple[list[GoldRecord], list[Segmented]]] = {}
    test_records = load_split(config.test, taxonomy, config.ignore_unknown_labels)
    if test_records:
        held_out["test"] = (test_records, segment_records(test_records, segmenter))
    for name, path in config.extra_eval.items():
        if Path(path).is_file():
            records = load_split(path, taxonomy, ignore_unknown=True)
            held_out[name] = (records, segment_records(records, segmenter))
        else:
            log.warning("extra evaluation set %s not found at %s; skipped", name, path)

    candidates = []
    for raw_spec in config.candidates:
        started = time.perf_counter()
        spec = copy.deepcopy(raw_spec)
        weights = spec.pop("sentence_max_weight", 0.0)
        weights = weights if isinstance(weights, list) else [weights]
        backend = build_backend(copy.deepcopy(spec))
        backend.fit(train_docs, y_train, mask)
        fit_seconds = time.perf_counter() - started
        started = time.perf_counter()
        raw_dev, sentence_dev = backend.predict_with_sentences(dev_docs)
        docs_per_s = len(dev_docs) / max(time.perf_counter() - started, 1e-9)
        held_scores = {name: backend.predict_with_sentences(docs)
                       for name, (_, docs) in held_out.items()}
        size_mb = _saved_size_mb(backend)
        for weight in weights:
            pooled = pool_scores(raw_dev, sentence_dev, float(weight))
            thresholds = learn_thresholds(
                pooled, y_dev, label_ids,
                floor=config.thresholds.floor, ceiling=config.thresholds.ceiling,
                min_support=config.thresholds.min_support, languages=dev_langs,
                per_language_min_support=config.thresholds.per_language_min_support)
            model = Model(config.name, config.version, backend, taxonomy, thresholds, {},
                          sentence_max_weight=float(weight))
            # Selection reuses the dev scores computed above; only the winner is tagged again
            # in full (for evidence and per-language metrics) below.
            dev_metrics = _quick_metrics(dev_records, pooled, thresholds, label_ids)
            score = (dev_metrics["micro_f1"] + dev_metrics["macro_f1"]) / 2
            described = {**spec, "sentence_max_weight": float(weight)}
            log.info("candidate %s: dev micro %.3f macro %.3f", described,
                     dev_metrics["micro_f1"], dev_metrics["macro_f1"])
            held = {name: _quick_metrics(held_out[name][0], pool_scores(*scores, float(weight)),
                                         thresholds, label_ids)
                    for name, scores in held_scores.items()}
            candidates.append({"spec": described, "model": model, "dev": dev_metrics,
                               "score": score, "train_seconds": round(fit_seconds, 1),
                               "docs_per_s": round(docs_per_s, 1), "size_mb": size_mb,
                               "held_out": held})
    best = max(candidates, key=lambda c: c["score"])
    model: Model = best["model"]

    tagger = Tagger(model)
    evaluations = {"dev": evaluate(tagger, dev_records, worst=0)[0]}
    for name, (records, _) in held_out.items():
        evaluations[name], _ = evaluate(tagger, records, worst=0)
    report: dict[str, Any] = {name: _summary(m) for name, m in evaluations.items()}
    extra = {
        "training": {
            "config": config.to_dict(),
            "data_hash": data_hash([train_records, dev_records]),
            "n_train": len(train_records),
            "n_dev": len(dev_records),
            "candidates": [{"spec": c["spec"], "dev_micro_f1": c["dev"]["micro_f1"],
                            "dev_macro_f1": c["dev"]["macro_f1"],
                            "train_seconds": c["train_seconds"],
                            "docs_per_s": c["docs_per_s"], "size_mb": c["size_mb"],
                            "held_out": c["held_out"], "selected": c is best}
                           for c in candidates],
        },
        "metrics": {name: _summary(m) for name, m in evaluations.items()},
    }
    output = Path(output)
    manifest = save_model(output, model.backend, taxonomy, model.thresholds, config.name,
                          config.version, extra, sentence_max_weight=model.sentence_max_weight)
    from .card import write_model_card

    write_model_card(output, manifest, evaluations)
    return Model(model.name, model.version, model.backend, taxonomy, model.thresholds, manifest,
                 output, model.sentence_max_weight), report


def _quick_metrics(records: list[GoldRecord], scores: np.ndarray, thresholds: Thresholds,
                   label_ids: list[str]) -> dict[str, Any]:
    """Micro/macro/scope F1 and English vs non-English micro-F1 from precomputed scores."""
    languages = [r.language or "und" for r in records]
    decided = [decide(scores[i], label_ids, thresholds, languages[i])
               for i in range(len(records))]
    gold = [set(r.labels) for r in records]
    pred = [set(labels) for _, labels in decided]
    out = {k: v for k, v in label_metrics(gold, pred, label_ids).items() if k != "per_label"}
    out["scope_f1"] = scope_metrics([r.in_scope for r in records],
                                    [bool(s) for s, _ in decided],
                                    [float(x) for x in scores[:, 0]])["f1"]
    out.update(english_split(gold, pred, languages, label_ids))
    return out


def _saved_size_mb(backend: Backend) -> float:
    """Size on disk of the backend's files (what a model directory would hold)."""
    with tempfile.TemporaryDirectory() as tmp:
        save_backend(backend, Path(tmp))
        total = sum(p.stat().st_size for p in Path(tmp).rglob("*") if p.is_file())
    return round(total / 2**20, 2)


def _summary(metrics: dict[str, Any]) -> dict[str, Any]:
    keys = ("n", "micro_f1", "macro_f1", "in_scope", "per_label", "per_language",
            "english_micro_f1", "non_english_micro_f1", "evidence_hit_rate", "language_accuracy")
    return {k: metrics[k] for k in keys if k in metrics}


__all__ = ["TrainConfig", "Thresholds", "train"]
