"""Validate seed-corpus JSONL files against the gold format and the corpus rules.

Usage: python scripts/check_seed.py FILE.jsonl [FILE.jsonl ...]
       python scripts/check_seed.py data/seed/raw/*.jsonl   (also checks cross-file near-duplicates)

Prints one line per problem and exits 1 if any problem was found.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

LABELS = {
    "national_ownership", "capacity_building", "context_tailored", "human_rights", "youth",
    "families", "gender", "religious_engagement", "community_civil_society", "education",
    "media_awareness", "online", "dialogue", "positive_narratives", "counter_messaging",
    "research_evaluation",
}
WORD = re.compile(r"\w+", re.UNICODE)
MAX_CONTAINMENT = 0.25  # share of a doc's word 5-grams found in one other doc


def shingles(text: str, n: int = 5) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def check_record(rec: dict, where: str) -> list[str]:
    problems = []
    for key, typ in (("id", str), ("text", str), ("labels", list), ("in_scope", bool), ("language", str)):
        if not isinstance(rec.get(key), typ):
            problems.append(f"{where}: field '{key}' missing or not {typ.__name__}")
    if problems:
        return problems
    unknown = set(rec["labels"]) - LABELS
    if unknown:
        problems.append(f"{where}: unknown labels {sorted(unknown)}")
    if len(set(rec["labels"])) != len(rec["labels"]):
        problems.append(f"{where}: duplicate labels")
    if not rec["in_scope"] and rec["labels"]:
        problems.append(f"{where}: out-of-scope record must have no labels")
    n_words = len(rec["text"].split())
    if not 30 <= n_words <= 500:
        problems.append(f"{where}: {n_words} words, expected 30-500")
    if not re.fullmatch(r"[a-z]{2,3}", rec["language"]):
        problems.append(f"{where}: language must be an ISO 639-1 code like 'fr'")
    evidence = rec.get("evidence", {})
    if not isinstance(evidence, dict):
        problems.append(f"{where}: evidence must be an object label -> sentence(s)")
        return problems
    for label, spans in evidence.items():
        if label not in rec["labels"]:
            problems.append(f"{where}: evidence for '{label}' which is not a label")
        for span in [spans] if isinstance(spans, str) else spans:
            if not isinstance(span, str) or span not in rec["text"]:
                problems.append(f"{where}: evidence for '{label}' is not an exact substring of text")
    missing = set(rec["labels"]) - set(evidence)
    if missing:
        problems.append(f"{where}: no evidence for {sorted(missing)}")
    return problems


def main(paths: list[str]) -> int:
    problems: list[str] = []
    docs: list[tuple[str, set]] = []
    seen_ids: dict[str, str] = {}
    for path in paths:
        for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: invalid JSON ({exc})")
                continue
            problems += check_record(rec, where)
            rid = rec.get("id")
            if rid in seen_ids:
                problems.append(f"{where}: duplicate id {rid} (also {seen_ids[rid]})")
            seen_ids[rid] = where
            docs.append((f"{where} ({rid})", shingles(rec.get("text", ""))))
    index: dict[tuple, list[int]] = defaultdict(list)
    for i, (_, sh) in enumerate(docs):
        for s in sh:
            index[s].append(i)
    for i, (name, sh) in enumerate(docs):
        if not sh:
            continue
        overlap: dict[int, int] = defaultdict(int)
        for s in sh:
            for j in index[s]:
                if j != i:
                    overlap[j] += 1
        for j, count in overlap.items():
            if count / len(sh) > MAX_CONTAINMENT and i < j:
                problems.append(f"near-duplicate: {name} shares {count} word 5-grams with {docs[j][0]}")
    for p in problems:
        print(p)
    print(f"{len(docs)} records checked, {len(problems)} problems", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
