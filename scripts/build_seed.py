"""Split the authored seed corpus (data/seed/raw/*.jsonl) into train / dev / test.

Iterative stratification (iterstrat's MultilabelStratifiedShuffleSplit) over the 16 labels,
in_scope and the language, so that every split has every label and language in proportion.
Deterministic: the same raw files always give the same splits.

Usage: python scripts/build_seed.py [--raw data/seed/raw] [--out data/seed] [--seed 13]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

FIELDS = ("id", "text", "labels", "in_scope", "language", "register", "evidence")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", default="data/seed/raw")
    parser.add_argument("--out", default="data/seed")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--dev", type=float, default=0.15)
    parser.add_argument("--test", type=float, default=0.15)
    args = parser.parse_args()
    from iterstrat.ml_stratifiers import MultilabelStratifiedShuffleSplit

    records = []
    for path in sorted(Path(args.raw).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records.append({k: rec[k] for k in FIELDS if k in rec})
    records.sort(key=lambda r: r["id"])
    labels = sorted({lb for r in records for lb in r["labels"]})
    langs = sorted({r["language"] for r in records})
    y = np.array([[lb in r["labels"] for lb in labels] + [r["in_scope"]]
                  + [r["language"] == lang for lang in langs] for r in records], dtype=int)
    x = np.zeros((len(records), 1))
    first = MultilabelStratifiedShuffleSplit(n_splits=1, test_size=args.test,
                                             random_state=args.seed)
    rest_idx, test_idx = next(first.split(x, y))
    second = MultilabelStratifiedShuffleSplit(
        n_splits=1, test_size=args.dev / (1 - args.test), random_state=args.seed)
    train_sub, dev_sub = next(second.split(x[rest_idx], y[rest_idx]))
    splits = {"train": rest_idx[train_sub], "dev": rest_idx[dev_sub], "test": test_idx}
    for name, idx in splits.items():
        out = Path(args.out) / f"{name}.jsonl"
        with open(out, "w", encoding="utf-8") as handle:
            for i in sorted(idx):
                handle.write(json.dumps(records[i], ensure_ascii=False) + "\n")
        print(f"{name}: {len(idx)} records -> {out}")


if __name__ == "__main__":
    main()
