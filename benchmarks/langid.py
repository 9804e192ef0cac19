"""Accuracy and cost of each language detector on the seed corpus (every raw record).

Usage:  python benchmarks/langid.py [--repeats 3]
Prints a table and writes benchmarks/results/langid.json. Cost is the median over repeats.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from cn_tagger.langid import FastTextDetector, HybridDetector, LangdetectDetector

    records = [json.loads(line) for path in sorted((ROOT / "data/seed/raw").glob("*.jsonl"))
               for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    detectors = {
        "langdetect": LangdetectDetector(),
        "fasttext": FastTextDetector(),
        "hybrid (default, fallback < 0.2)": HybridDetector(),
        "hybrid, fallback < 0.3": HybridDetector(fallback_below=0.3),
        "hybrid, fallback < 0.4": HybridDetector(fallback_below=0.4),
    }
    summary = {"n": len(records), "languages": len({r["language"] for r in records})}
    for name, detector in detectors.items():
        detector.detect(records[0]["text"])  # load the model / profiles
        times = []
        for _ in range(args.repeats):
            start = time.perf_counter()
            codes = [detector.detect(r["text"]).code for r in records]
            times.append(time.perf_counter() - start)
        errors = Counter(f"{r['language']}->{c}" for r, c in zip(records, codes, strict=True)
                         if c != r["language"])
        summary[name] = {
            "accuracy": round(1 - sum(errors.values()) / len(records), 3),
            "ms_per_doc": round(1000 * statistics.median(times) / len(records), 3),
            "top_errors": dict(errors.most_common(6)),
        }
    out = ROOT / "benchmarks/results/langid.json"
    out.write_text(json.dumps(summary, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{summary['n']} seed records, {summary['languages']} language codes\n")
    print(f"{'detector':34} {'accuracy':>8} {'ms/doc':>8}  top errors")
    for name in detectors:
        row = summary[name]
        print(f"{name:34} {row['accuracy']:8.3f} {row['ms_per_doc']:8.3f}  {row['top_errors']}")


if __name__ == "__main__":
    main()
