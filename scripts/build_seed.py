"""Split the authored seed corpus (data/seed/raw/*.jsonl) into train / dev / test.

Iterative stratification (iterstrat's MultilabelStratifiedShuffleSplit) over the 16 labels,
in_scope and the language, so that every split has every label and language in proportion.
Deterministic, and stable as the corpus grows: records already in train/dev/test.jsonl keep
their split (so a test set never leaks into training after new data arrives); only new
records are stratified into the three splits. --reshuffle re-splits everything.

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
    parser.add_argument("--reshuffle", action="store_true",
                        help="Ignore existing assignments and re-split every record.")
    args = parser.parse_args()
    from iterstrat.ml_stratifiers import MultilabelStratifiedShuffleSplit

    records = []
    for path in sorted(Path(args.raw).glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                records.append({k: rec[k] for k in FIELDS if k in rec})
    records.sort(key=lambda r: r["id"])
    existing: dict[str, str] = {}
    if not args.reshuffle:
        for name in ("train", "dev", "test"):
            path = Path(args.out) / f"{name}.jsonl"
            if path.exists():
                for line in path.read_text(encoding="utf-8").splitlines():
                    if line.strip():
                        existing[json.loads(line)["id"]] = name
    new = [i for i, r in enumerate(records) if r["id"] not in existing]
    assigned = {name: [i for i, r in enumerate(records) if existing.get(r["id"]) == name]
                for name in ("train", "dev", "test")}
    labels = sorted({lb for r in records for lb in r["labels"]})
    langs = sorted({r["language"] for r in records})
    y = np.array([[lb in records[i]["labels"] for lb in labels] + [records[i]["in_scope"]]
                  + [records[i]["language"] == lang for lang in langs] for i in new], dtype=int)
    new_idx = np.array(new, dtype=int)
    splits = {name: list(idx) for name, idx in assigned.items()}
    if len(new_idx):
        x = np.zeros((len(new_idx), 1))
        first = MultilabelStratifiedShuffleSplit(n_splits=1, test_size=args.test,
                                                 random_state=args.seed)
        rest, test = next(first.split(x, y))
        second = MultilabelStratifiedShuffleSplit(
            n_splits=1, test_size=args.dev / (1 - args.test), random_state=args.seed)
        train_sub, dev_sub = next(second.split(x[rest], y[rest]))
        splits["train"] += list(new_idx[rest[train_sub]])
        splits["dev"] += list(new_idx[rest[dev_sub]])
        splits["test"] += list(new_idx[test])
    print(f"{len(records) - len(new)} records kept their split, {len(new)} new records split")
    for name, idx in splits.items():
        out = Path(args.out) / f"{name}.jsonl"
        with open(out, "w", encoding="utf-8") as handle:
            for i in sorted(idx):
                handle.write(json.dumps(records[i], ensure_ascii=False) + "\n")
        print(f"{name}: {len(idx)} records -> {out}")


if __name__ == "__main__":
    main()
