import json
import subprocess
import sys
from collections import defaultdict

import pytest

from cn_tagger.langid import (
    FastTextDetector,
    HybridDetector,
    LangdetectDetector,
    _has_letters,
    default_detector,
)
from cn_tagger.records import Language

REQUIRED = ["en", "fr", "ar", "es", "id", "de", "ur", "ru", "tr", "sw", "pt"]
DETECTORS = {"hybrid": HybridDetector, "fasttext": FastTextDetector,
             "langdetect": LangdetectDetector}


@pytest.fixture(scope="module")
def paragraphs(seed_dir):
    by_lang = defaultdict(list)
    for line in (seed_dir / "test.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("register") != "mixed_language" and len(rec["text"].split()) >= 40:
            by_lang[rec["language"]].append(rec["text"])
    return by_lang


@pytest.mark.parametrize("name", sorted(DETECTORS))
@pytest.mark.parametrize("lang", REQUIRED)
def test_paragraphs_in_required_languages(paragraphs, lang, name):
    detector = DETECTORS[name]()
    texts = paragraphs[lang][:8]
    assert texts, f"no {lang} paragraphs in the seed test split"
    got = [detector.detect(t).code for t in texts]
    assert sum(g == lang for g in got) / len(got) >= 0.85, got


def test_default_is_the_hybrid():
    assert isinstance(default_detector(), HybridDetector)


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_short_or_empty_text_is_undetermined(name):
    detector = DETECTORS[name]()
    assert detector.detect("").code == "und"
    assert detector.detect("ok 123").code == "und"
    assert detector.detect("!!! ??? ...").code == "und"


def test_letter_count_stops_at_the_minimum():
    assert _has_letters("abc def", 6)
    assert not _has_letters("abc 123 !!", 4)
    assert _has_letters("ab" * 100_000, 20)


@pytest.mark.parametrize("name", ["hybrid", "langdetect"])  # fastText alone is unsure here
def test_confidence_in_range(name):
    result = DETECTORS[name]().detect("Programu hii inawafundisha vijana wa Mombasa kupinga "
                                      "itikadi kali mtandaoni na shuleni.")
    assert result.code == "sw" and 0.3 <= result.confidence <= 1.0


def test_fasttext_handles_newlines_and_long_text():
    text = "Le programme forme des enseignants à Lyon.\nIl dure deux ans.\n" * 500
    assert FastTextDetector().detect(text).code == "fr"


class _Fixed:
    def __init__(self, language: Language) -> None:
        self.language = language
        self.calls = 0

    def predict(self, text: str) -> Language:
        self.calls += 1
        return self.language

    detect = predict


def test_hybrid_asks_langdetect_only_when_fasttext_is_unsure():
    sure, unsure = _Fixed(Language("fr", 0.95)), _Fixed(Language("en", 0.12))
    fallback = _Fixed(Language("so", 0.9))
    assert HybridDetector(fasttext=sure, langdetect=fallback).detect("x").code == "fr"
    assert fallback.calls == 0
    assert HybridDetector(fasttext=unsure, langdetect=fallback).detect("x").code == "so"
    assert fallback.calls == 1


def test_hybrid_keeps_or_drops_an_unsure_answer_when_both_are_unsure():
    nothing = _Fixed(Language("und", 0.4))
    weak = HybridDetector(fasttext=_Fixed(Language("it", 0.35)), langdetect=nothing,
                          fallback_below=0.5)
    assert weak.detect("x") == Language("it", 0.35)
    weaker = HybridDetector(fasttext=_Fixed(Language("it", 0.1)), langdetect=nothing)
    assert weaker.detect("x") == Language("und", 0.1)


def test_somali_goes_through_the_fallback():
    # lid.176's compact model calls much Somali English with low confidence; langdetect
    # has a Somali profile.
    text = ("Barnaamijkan wuxuu dhallinyarada Muqdisho ku baraa sida loo garto fariimaha "
            "kooxaha xagjirka ah ee baraha bulshada, waxaana ka qayb qaata macallimiin iyo "
            "waalidiin.")
    assert HybridDetector().detect(text).code == "so"


@pytest.mark.parametrize("name", sorted(DETECTORS))
def test_deterministic_across_processes(name):
    text = "Der Verein schult Lehrkräfte in Hamburg, damit sie extremistische Propaganda erkennen."
    cls = DETECTORS[name].__name__
    code = (f"from cn_tagger.langid import {cls};"
            f"r={cls}().detect({text!r});print(r.code, repr(r.confidence))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout for _ in range(2)}
    assert len(outs) == 1
    local = DETECTORS[name]().detect(text)
    assert outs.pop().split()[0] == local.code == "de"
