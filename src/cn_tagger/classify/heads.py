"""One logistic-regression head per output, stored as plain arrays (npz, no code on load)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression


class LinearHeads:
    """Independent binary logistic regressions sharing one feature matrix.

    Parameters
    ----------
    C:
        Inverse regularisation strength.
    class_weight:
        ``"balanced"`` or ``None``, passed to each regression.
    """

    def __init__(self, C: float = 4.0, class_weight: str | None = "balanced",
                 max_iter: int = 2000) -> None:
        self.C = C
        self.class_weight = class_weight
        self.max_iter = max_iter

    def fit(self, X, y: np.ndarray, mask: np.ndarray) -> LinearHeads:  # noqa: ANN001
        n_outputs = y.shape[1]
        coef = np.zeros((n_outputs, X.shape[1]), dtype=np.float32)
        intercept = np.zeros(n_outputs, dtype=np.float32)
        for k in range(n_outputs):
            rows = np.flatnonzero(mask[:, k])
            target = y[rows, k].astype(int)
            positives = int(target.sum())
            if positives == 0 or positives == len(target):
                rate = (positives + 0.5) / (len(target) + 1.0)
                intercept[k] = np.log(rate / (1 - rate))
                continue
            model = LogisticRegression(C=self.C, class_weight=self.class_weight,
                                       max_iter=self.max_iter, solver="liblinear",
                                       random_state=0)
            model.fit(X[rows], target)
            coef[k] = model.coef_[0]
            intercept[k] = model.intercept_[0]
        # Rounded to float16 precision now, so saved and in-memory models score identically.
        self.coef_ = coef.astype(np.float16).astype(np.float32)
        self.intercept_ = intercept
        return self

    def decision_function(self, X) -> np.ndarray:  # noqa: ANN001
        logits = X @ self.coef_.T
        if sp.issparse(logits):
            logits = logits.toarray()
        return np.asarray(logits, dtype=np.float64) + self.intercept_

    def predict_proba(self, X) -> np.ndarray:  # noqa: ANN001
        z = np.clip(self.decision_function(X), -40, 40)
        return 1.0 / (1.0 + np.exp(-z))

    def save(self, path: Path) -> None:
        with open(path, "wb") as handle:
            np.savez_compressed(handle, coef=self.coef_.astype(np.float16),
                                intercept=self.intercept_)

    @classmethod
    def load(cls, path: Path) -> LinearHeads:
        # float16 storage halves the file; the scores move by < 1e-3.
        with np.load(path, allow_pickle=False) as data:
            heads = cls()
            heads.coef_ = data["coef"].astype(np.float32)
            heads.intercept_ = data["intercept"].astype(np.float32)
        return heads
