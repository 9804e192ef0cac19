"""Evidence: the sentences that best support each assigned label."""

from __future__ import annotations

import numpy as np

from .records import Evidence, Sentence


def select_evidence(sentences: list[Sentence], sentence_scores: np.ndarray,
                    labels: list[str], label_ids: list[str], max_per_label: int = 2,
                    relative: float = 0.85) -> dict[str, tuple[Evidence, ...]]:
    """For each label, the top-scoring sentence plus close runners-up (at most ``max_per_label``).

    ``sentence_scores`` has one row per sentence and column 0 for scope, like document scores.
    """
    out: dict[str, tuple[Evidence, ...]] = {}
    if not sentences or len(sentence_scores) == 0:
        return out
    index = {label: k + 1 for k, label in enumerate(label_ids)}
    for label in labels:
        column = sentence_scores[:, index[label]]
        order = np.argsort(-column, kind="stable")[:max_per_label]
        top = float(column[order[0]])
        picked = [i for i in order if float(column[i]) >= relative * top]
        picked.sort()  # reading order
        out[label] = tuple(Evidence(sentences[i].text, sentences[i].start, sentences[i].end,
                                    float(column[i])) for i in picked)
    return out
