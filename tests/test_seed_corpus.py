"""The seed corpus meets its datasheet's promises (issue 3), checked on every run."""

import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("check_seed", ROOT / "scripts" / "check_seed.py")
check_seed = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_seed)


def load(path):
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


@pytest.fixture(scope="module")
def splits(seed_dir):
    return {name: load(seed_dir / f"{name}.jsonl") for name in ("train", "dev", "test")}


@pytest.fixture(scope="module")
def corpus(splits):
    return [r for rows in splits.values() for r in rows]


def test_size_languages_and_scope(corpus):
    assert len(corpus) >= 1500
    langs = Counter(r["language"] for r in corpus)
    assert len([lang for lang, n in langs.items() if n >= 20]) >= 8
    assert 1 - langs["en"] / len(corpus) >= 0.40
    assert sum(not r["in_scope"] for r in corpus) / len(corpus) >= 0.20


def test_every_label_has_100_positives(corpus):
    counts = Counter(label for r in corpus for label in r["labels"])
    assert len(counts) == 16
    assert min(counts.values()) >= 100, counts


def test_records_are_valid(corpus):
    problems = []
    for r in corpus:
        problems += check_seed.check_record(r, r["id"])
    assert problems == []


def test_splits_are_disjoint_and_cover_raw(splits, seed_dir):
    ids = [r["id"] for rows in splits.values() for r in rows]
    assert len(ids) == len(set(ids))
    raw = {r["id"] for p in (seed_dir / "raw").glob("*.jsonl") for r in load(p)}
    assert set(ids) == raw


def test_every_label_in_every_split(splits):
    for name, rows in splits.items():
        assert len({lb for r in rows for lb in r["labels"]}) == 16, name


def test_no_near_duplicates(seed_dir, capsys):
    paths = [str(p) for p in sorted((seed_dir / "raw").glob("*.jsonl"))]
    assert check_seed.main(paths) == 0, capsys.readouterr().out[:2000]


def test_near_duplicate_check_catches_templated_text(tmp_path):
    template = ("The {org} project in {city} trains youth workers and religious leaders to "
                "deliver counter-narrative sessions, with radio programmes, school clubs and a "
                "final evaluation of attitudes among {n} participants over two years.")
    rows = [{"id": f"t{i}", "text": template.format(org=o, city=c, n=n), "labels": [],
             "in_scope": False, "language": "en"}
            for i, (o, c, n) in enumerate([("Alpha", "Kano", 40), ("Beta", "Tunis", 55),
                                           ("Gamma", "Mosul", 70)])]
    path = tmp_path / "templated.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert check_seed.main([str(path)]) == 1
