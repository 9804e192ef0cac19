"""Inter-annotator agreement on the double-annotated 10% sample of the seed corpus.

The second annotator labelled data/seed/agreement/blind-*.jsonl (text only, blind to the
first labels) into second-*.jsonl. This prints Cohen's kappa per label and for scope, and the
micro-F1 between the two annotators, and writes data/seed/agreement/agreement.json.

Usage: python scripts/agreement.py
"""

from __future__ import annotations

import json
from pathlib import Path

LABELS = ["national_ownership", "capacity_building", "context_tailored", "human_rights", "youth",
          "families", "gender", "religious_engagement", "community_civil_society", "education",
          "media_awareness", "online", "dialogue", "positive_narratives", "counter_messaging",
          "research_evaluation"]


def kappa(a: list[bool], b: list[bool]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def main() -> None:
    root = Path("data/seed")
    first = {}
    for path in (root / "raw").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                first[rec["id"]] = rec
    second = [json.loads(x) for p in sorted((root / "agreement").glob("second-*.jsonl"))
              for x in p.read_text(encoding="utf-8").splitlines() if x.strip()]
    pairs = [(first[s["id"]], s) for s in second]
    result = {"n": len(pairs), "labels": {}}
    result["in_scope_kappa"] = round(kappa([f["in_scope"] for f, _ in pairs],
                                           [s["in_scope"] for _, s in pairs]), 3)
    tp = fp = fn = 0
    for label in LABELS:
        a = [label in f["labels"] for f, _ in pairs]
        b = [label in s["labels"] for _, s in pairs]
        tp += sum(x and y for x, y in zip(a, b, strict=True))
        fp += sum(y and not x for x, y in zip(a, b, strict=True))
        fn += sum(x and not y for x, y in zip(a, b, strict=True))
        result["labels"][label] = {"kappa": round(kappa(a, b), 3), "first": sum(a),
                                   "second": sum(b)}
    result["micro_f1"] = round(2 * tp / (2 * tp + fp + fn), 3)
    result["scope_disagreements"] = [f["id"] for f, s in pairs if f["in_scope"] != s["in_scope"]]
    (root / "agreement" / "agreement.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"n = {result['n']}, scope kappa {result['in_scope_kappa']}, "
          f"label micro-F1 between annotators {result['micro_f1']}")
    print("| label | kappa | first annotator | second annotator |\n|---|---|---|---|")
    for label, v in result["labels"].items():
        print(f"| {label} | {v['kappa']:.2f} | {v['first']} | {v['second']} |")


if __name__ == "__main__":
    main()
