"""Throughput, per-stage cost, latency, worker scaling and peak memory of cn-tagger.

Prints a JSON summary and a readable table; writes benchmarks/results/throughput.json.
Texts are the seed test split replicated to the requested sizes. Every timing is the median
of --repeats runs; compare ratios, not absolute numbers (machines here are noisy).

Usage:
  python benchmarks/throughput.py                      # default model, 500 docs library + 1,000 CLI
  python benchmarks/throughput.py --no-cli --repeats 5 # bare-vs-pipeline ratio only
  python benchmarks/throughput.py --model DIR --sizes 10000 100000 --workers 1
                                                       # peak RSS as the input grows
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_time(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cli_run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one CLI run in a fresh process."""
    code = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
            "subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); "
            "print(time.perf_counter() - t, "
            "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)")
    out = subprocess.run([sys.executable, "-c", code, sys.executable, "-m", "cn_tagger", *args],
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-cli", action="store_true", help="Skip the CLI runs.")
    parser.add_argument("--out", default=None, help="JSON summary path.")
    parser.add_argument("--library-docs", type=int, default=500,
                        help="Documents for the library, per-stage and bare-model timings.")
    args = parser.parse_args()

    from cn_tagger import Tagger
    from cn_tagger.classify import Segmented
    from cn_tagger.evidence import select_evidence
    from cn_tagger.export import dumps
    from cn_tagger.normalize import normalize_text

    base = [json.loads(x)["text"] for x in
            (ROOT / "data/seed/test.jsonl").read_text(encoding="utf-8").splitlines()]
    tagger = Tagger.load(args.model)
    n = args.library_docs
    texts = (base * (n // len(base) + 1))[:n]
    list(tagger.tag_batch(texts[:50]))  # warm up (encoder weights, spaCy)

    normalised = [normalize_text(t) for t in texts]
    sentences = tagger.segmenter.split_many(normalised)
    units = [Segmented(t, tuple(s.text for s in ss)) for t, ss in zip(normalised, sentences, strict=True)]
    doc_scores, sent_scores = tagger.model.backend.predict_with_sentences(units)
    results = list(tagger.tag_batch(texts))
    stages = {
        "normalise": median_time(lambda: [normalize_text(t) for t in texts], args.repeats),
        "language": median_time(lambda: [tagger.detector.detect(t) for t in normalised],
                                args.repeats),
        "segment": median_time(lambda: tagger.segmenter.split_many(normalised), args.repeats),
        "classify+sentence scores": median_time(
            lambda: tagger.model.backend.predict_with_sentences(units), args.repeats),
        "evidence": median_time(lambda: [select_evidence(s, ss, r.labels, tagger.label_ids)
                                         for s, ss, r in zip(sentences, sent_scores, results,
                                                             strict=True)],
                                args.repeats),
        "export (to_dict + JSON)": median_time(lambda: [dumps(r.to_dict()) for r in results],
                                               args.repeats),
    }
    # The bare model: the model's own scoring on pre-segmented text (backend scores, plus the
    # best-sentence pooling when the model uses it), without ingest, normalisation, language
    # detection, evidence or export.
    def bare_model() -> None:
        if tagger.model.sentence_max_weight > 0:
            tagger.model.scores_for(*tagger.model.backend.predict_with_sentences(units))
        else:
            tagger.model.backend.predict_proba(units)

    # Bare and pipeline runs are interleaved and the ratio is taken per pair, so that machine
    # noise (other load, frequency changes) hits both sides of each ratio alike.
    bare_times, pipe_times, ratios = [], [], []
    for _ in range(args.repeats):
        bare_times.append(median_time(bare_model, 1))
        pipe_times.append(median_time(lambda: list(tagger.tag_batch(texts)), 1))
        ratios.append(bare_times[-1] / pipe_times[-1])
    bare, pipeline = statistics.median(bare_times), statistics.median(pipe_times)
    latency = []
    for t in texts[:200]:
        start = time.perf_counter()
        tagger.tag(t)
        latency.append(time.perf_counter() - start)
    latency.sort()
    summary = {
        "model": tagger.model.manifest["backend"]["name"], "n": n,
        "bare_docs_per_s": round(n / bare, 1),
        "pipeline_docs_per_s": round(n / pipeline, 1),
        "pipeline_over_bare": round(statistics.median(ratios), 3),
        "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
        "latency_ms": {"p50": round(1000 * latency[len(latency) // 2], 1),
                       "p95": round(1000 * latency[int(len(latency) * 0.95)], 1)},
        "cli": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        if args.no_cli:
            args.sizes = []
        one = Path(tmp) / "one.txt"
        one.write_text(texts[0], encoding="utf-8")
        model_args = ["--model", args.model] if args.model else []
        cold = [cli_run(["tag", str(one), "-o", str(Path(tmp) / "o.jsonl"), *model_args])[0]
                for _ in range(0 if args.no_cli else args.repeats)]
        if cold:
            summary["cli"]["cold_start_one_doc_s"] = round(statistics.median(cold), 2)
        for size in args.sizes:
            path = Path(tmp) / f"in{size}.jsonl"
            with open(path, "w", encoding="utf-8") as handle:
                for i in range(size):
                    handle.write(json.dumps({"id": str(i), "text": base[i % len(base)]},
                                            ensure_ascii=False) + "\n")
            for workers in args.workers:
                runs = [cli_run(["tag", str(path), "-o", str(Path(tmp) / "o.jsonl"),
                                 "--workers", str(workers), *model_args])
                        for _ in range(args.repeats)]
                seconds = statistics.median(r[0] for r in runs)
                summary["cli"][f"{size}_docs_{workers}_workers"] = {
                    "seconds": round(seconds, 2), "docs_per_s": round(size / seconds, 1),
                    "peak_rss_mib": round(max(r[1] for r in runs), 1)}
    out = Path(args.out) if args.out else (
        ROOT / "benchmarks" / "results" / f"throughput-{summary['model']}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(summary, indent=1))
    print(f"\n{'measure':40} value")
    print(f"{'bare model docs/s':40} {summary['bare_docs_per_s']}")
    print(f"{'pipeline docs/s (library, 1 process)':40} {summary['pipeline_docs_per_s']}")
    print(f"{'pipeline / bare':40} {summary['pipeline_over_bare']}")
    for stage, seconds in summary["stage_seconds"].items():
        print(f"{'stage: ' + stage:40} {seconds:.3f} s for {n} docs")
    print(f"{'latency p50 / p95 (ms)':40} {summary['latency_ms']['p50']} / "
          f"{summary['latency_ms']['p95']}")
    for key, value in summary["cli"].items():
        print(f"{'cli: ' + key:40} {value}")


if __name__ == "__main__":
    main()
