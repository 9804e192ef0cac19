import json
import subprocess
import sys
from collections import defaultdict

import pytest

from cn_tagger.langid import LangdetectDetector

REQUIRED = ["en", "fr", "ar", "es", "id", "de", "ur", "ru", "tr", "sw", "pt"]


@pytest.fixture(scope="module")
def paragraphs(seed_dir):
    by_lang = defaultdict(list)
    for line in (seed_dir / "test.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        if rec.get("register") != "mixed_language" and len(rec["text"].split()) >= 40:
            by_lang[rec["language"]].append(rec["text"])
    return by_lang


@pytest.mark.parametrize("lang", REQUIRED)
def test_paragraphs_in_required_languages(paragraphs, lang):
    detector = LangdetectDetector()
    texts = paragraphs[lang][:8]
    assert texts, f"no {lang} paragraphs in the seed test split"
    got = [detector.detect(t).code for t in texts]
    assert sum(g == lang for g in got) / len(got) >= 0.85, got


def test_short_or_empty_text_is_undetermined():
    detector = LangdetectDetector()
    assert detector.detect("").code == "und"
    assert detector.detect("ok 123").code == "und"
    assert detector.detect("!!! ??? ...").code == "und"


def test_confidence_in_range():
    result = LangdetectDetector().detect("Programu hii inawafundisha vijana wa Mombasa kupinga "
                                         "itikadi kali mtandaoni na shuleni.")
    assert result.code == "sw" and 0.5 <= result.confidence <= 1.0


def test_deterministic_across_processes():
    text = "Der Verein schult Lehrkräfte in Hamburg, damit sie extremistische Propaganda erkennen."
    code = ("from cn_tagger.langid import LangdetectDetector;"
            f"r=LangdetectDetector().detect({text!r});print(r.code, repr(r.confidence))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout for _ in range(3)}
    assert len(outs) == 1
    local = LangdetectDetector().detect(text)
    assert outs.pop().split()[0] == local.code == "de"
