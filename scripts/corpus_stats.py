"""Print the seed corpus distributions (Markdown) used in data/seed/DATASHEET.md.

Usage: python scripts/corpus_stats.py
"""

from __future__ import annotations

import json
import statistics
from collections import Counter
from pathlib import Path


def main() -> None:
    splits = {s: [json.loads(x) for x in Path(f"data/seed/{s}.jsonl").read_text("utf-8")
                  .splitlines()] for s in ("train", "dev", "test")}
    rows = [r for v in splits.values() for r in v]
    n = len(rows)
    words = [len(r["text"].split()) for r in rows]
    print(f"- records: {n} (train {len(splits['train'])}, dev {len(splits['dev'])}, "
          f"test {len(splits['test'])})")
    print(f"- in scope: {sum(r['in_scope'] for r in rows)}; out of scope (hard negatives): "
          f"{sum(not r['in_scope'] for r in rows)} ({sum(not r['in_scope'] for r in rows)/n:.0%})")
    en = sum(r["language"] == "en" for r in rows)
    print(f"- not English: {n - en} ({(n - en)/n:.0%})")
    print(f"- words per record: min {min(words)}, median {statistics.median(words):.0f}, "
          f"max {max(words)}")
    in_scope = [r for r in rows if r["in_scope"]]
    print(f"- labels per in-scope record: mean "
          f"{statistics.mean(len(r['labels']) for r in in_scope):.1f}")
    print("\n| language | records | in scope | out of scope |\n|---|---|---|---|")
    for lang, count in Counter(r["language"] for r in rows).most_common():
        ins = sum(r["in_scope"] for r in rows if r["language"] == lang)
        print(f"| {lang} | {count} | {ins} | {count - ins} |")
    print("\n| label | positives | train | dev | test |\n|---|---|---|---|---|")
    labels = Counter(lb for r in rows for lb in r["labels"])
    for label, count in sorted(labels.items()):
        per = [sum(label in r["labels"] for r in splits[s]) for s in ("train", "dev", "test")]
        print(f"| {label} | {count} | {per[0]} | {per[1]} | {per[2]} |")
    print("\n| register | records |\n|---|---|")
    for reg, count in Counter(r.get("register", "?") for r in rows).most_common():
        print(f"| {reg} | {count} |")


if __name__ == "__main__":
    main()
