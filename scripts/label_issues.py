"""Label-issue pass over the seed corpus with cleanlab on cross-validated probabilities.

5-fold out-of-fold scores from the tfidf backend (labels learned on in-scope records, scope on
all), then cleanlab's multi-label ``find_label_issues`` ranks records whose given labels look
least consistent with the rest of the corpus. Writes data/seed/agreement/label_issues.jsonl
(id, given labels, suspicious labels with their out-of-fold scores) for human review.

Usage: pip install cleanlab && python scripts/label_issues.py [--top 60]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from cn_tagger.classify import build_backend
from cn_tagger.data import read_gold, targets
from cn_tagger.segment import Segmenter
from cn_tagger.taxonomy import load_taxonomy
from cn_tagger.train import segment_records


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=60)
    args = parser.parse_args()
    from cleanlab.multilabel_classification.filter import find_label_issues
    from sklearn.model_selection import KFold

    taxonomy = load_taxonomy("configs/taxonomy.yaml")
    records = [r for s in ("train", "dev", "test") for r in read_gold(f"data/seed/{s}.jsonl")]
    docs = segment_records(records, Segmenter())
    y, mask = targets(records, taxonomy.label_ids)
    oof = np.zeros(y.shape, dtype=float)
    for fit_idx, held_idx in KFold(5, shuffle=True, random_state=0).split(docs):
        backend = build_backend({"name": "tfidf"})
        backend.fit([docs[i] for i in fit_idx], y[fit_idx], mask[fit_idx])
        oof[held_idx] = backend.predict_proba([docs[i] for i in held_idx])
    rows = [i for i, r in enumerate(records) if r.in_scope]
    given = [[k for k in range(len(taxonomy.label_ids)) if y[i, k + 1]] for i in rows]
    ranked = find_label_issues(labels=given, pred_probs=oof[rows][:, 1:],
                               return_indices_ranked_by="self_confidence")
    out = []
    for j in ranked[: args.top]:
        i = rows[j]
        suspicious = {label: round(float(oof[i, k + 1]), 3)
                      for k, label in enumerate(taxonomy.label_ids)
                      if (y[i, k + 1] and oof[i, k + 1] < 0.2) or
                      (not y[i, k + 1] and oof[i, k + 1] > 0.8)}
        out.append({"id": records[i].id, "labels": list(records[i].labels),
                    "suspicious": suspicious})
    scope_issues = [{"id": records[i].id, "in_scope": records[i].in_scope,
                     "oof_scope": round(float(oof[i, 0]), 3)}
                    for i in np.argsort(-np.abs(oof[:, 0] - y[:, 0]))[:20]]
    path = Path("data/seed/agreement/label_issues.jsonl")
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                            for r in out + scope_issues), encoding="utf-8")
    print(f"{len(ranked)} label issues flagged among {len(rows)} in-scope records; "
          f"top {len(out)} + 20 scope outliers written to {path}")


if __name__ == "__main__":
    main()
