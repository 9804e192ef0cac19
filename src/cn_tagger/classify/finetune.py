"""The fine-tuning loop of ``transformer.v1`` (plain torch; no ``Trainer``, no accelerate).

Deterministic by construction: one ``torch.manual_seed`` before the head is built and
before training (dropout), a numpy generator seeded the same way orders the documents,
and deterministic torch algorithms are switched on for the duration of the loop. Two runs
with the same seed, data, thread count and torch build give identical weights.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .hf_encoder import encoder_layers, pooled, require

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinetuneSettings:
    epochs: int
    batch_size: int
    lr: float
    head_lr: float
    weight_decay: float
    warmup_ratio: float
    train_layers: int | None
    class_weight: str | None
    seed: int


def positive_weights(y: np.ndarray, mask: np.ndarray, class_weight: str | None) -> np.ndarray:
    """Per-output weight of positive cells: negatives/positives among the counted cells
    (capped at 10) for ``"balanced"``, else 1."""
    if class_weight != "balanced":
        return np.ones(y.shape[1], dtype=np.float32)
    positives = (y.astype(bool) & mask).sum(axis=0)
    negatives = (~y.astype(bool) & mask).sum(axis=0)
    return np.clip(negatives / np.maximum(positives, 1), 1.0, 10.0).astype(np.float32)


def finetune(model: Any, groups: Sequence[Sequence[list[int]]], y: np.ndarray, mask: np.ndarray,
             pad_id: int, settings: FinetuneSettings) -> Any:
    """Train ``model`` in place with a linear head on the mean of its chunks' pooled outputs.

    ``groups[i]`` are document i's chunks (token ids with special tokens). The loss is
    binary cross-entropy over the cells where ``mask`` is True only (e.g. the labels of
    out-of-scope documents do not count). Returns the trained ``torch.nn.Linear`` head.
    """
    torch = require("torch")
    deterministic = torch.are_deterministic_algorithms_enabled()
    torch.use_deterministic_algorithms(True)
    try:
        return _loop(torch, model, groups, y, mask, pad_id, settings)
    finally:
        torch.use_deterministic_algorithms(deterministic)


def _trainable(torch: Any, model: Any, train_layers: int | None) -> list[Any]:
    if train_layers is None:
        return list(model.parameters())
    for p in model.parameters():
        p.requires_grad_(False)
    layers = encoder_layers(model)
    kept = list(layers)[max(len(layers) - int(train_layers), 0):]
    params = [p for layer in kept for p in layer.parameters()]
    for p in params:
        p.requires_grad_(True)
    return params


def _loop(torch: Any, model: Any, groups: Sequence[Sequence[list[int]]], y: np.ndarray,
          mask: np.ndarray, pad_id: int, s: FinetuneSettings) -> Any:
    torch.manual_seed(s.seed)
    head = torch.nn.Linear(model.config.hidden_size, y.shape[1])
    encoder_params = _trainable(torch, model, s.train_layers)
    decay = [p for p in encoder_params if p.ndim > 1]
    no_decay = [p for p in encoder_params if p.ndim <= 1]
    optimizer = torch.optim.AdamW([
        {"params": decay, "lr": s.lr, "weight_decay": s.weight_decay},
        {"params": no_decay, "lr": s.lr, "weight_decay": 0.0},
        {"params": list(head.parameters()), "lr": s.head_lr, "weight_decay": s.weight_decay},
    ])
    n = len(groups)
    steps_per_epoch = math.ceil(n / s.batch_size)
    total = max(s.epochs * steps_per_epoch, 1)
    warmup = int(round(s.warmup_ratio * total))

    def schedule(step: int) -> float:  # linear warm-up, then linear decay to 0
        if step < warmup:
            return (step + 1) / (warmup + 1)
        return max(total - step, 0) / max(total - warmup, 1)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    targets = torch.tensor(y, dtype=torch.float32)
    weights = torch.tensor(mask, dtype=torch.float32)
    loss_fn = torch.nn.BCEWithLogitsLoss(
        reduction="none", pos_weight=torch.tensor(positive_weights(y, mask, s.class_weight)))
    rng = np.random.default_rng(s.seed)
    model.train()
    for epoch in range(s.epochs):
        started, total_loss = time.perf_counter(), 0.0
        order = rng.permutation(n)
        for b in range(steps_per_epoch):
            batch = torch.as_tensor(order[b * s.batch_size:(b + 1) * s.batch_size])
            sequences = [seq for i in batch.tolist() for seq in groups[i]]
            owner = torch.tensor([j for j, i in enumerate(batch.tolist()) for _ in groups[i]])
            chunk_vecs = pooled(torch, model, sequences, pad_id)
            doc_vecs = torch.zeros((len(batch), chunk_vecs.shape[1]), dtype=chunk_vecs.dtype)
            doc_vecs = doc_vecs.index_add(0, owner, chunk_vecs)
            doc_vecs = doc_vecs / torch.bincount(owner, minlength=len(batch)).unsqueeze(1)
            cells = weights[batch]
            loss = (loss_fn(head(doc_vecs), targets[batch]) * cells).sum() / cells.sum().clamp(min=1)
            loss.backward()
            torch.nn.utils.clip_grad_norm_([*encoder_params, *head.parameters()], 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            total_loss += float(loss.detach())
        log.info("fine-tuning epoch %d/%d: mean loss %.4f, %.0f s", epoch + 1, s.epochs,
                 total_loss / steps_per_epoch, time.perf_counter() - started)
    model.eval()
    for p in model.parameters():
        p.requires_grad_(True)
    head.eval()
    return head
