from hypothesis import given, settings
from hypothesis import strategies as st

from cn_tagger.segment import Segmenter

SEG = Segmenter()


def test_offsets_point_into_text():
    text = "First sentence here. Second one follows! A third?"
    sents = SEG.split(text)
    assert [s.text for s in sents] == ["First sentence here.", "Second one follows!", "A third?"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_arabic_and_urdu_punctuation():
    ar = "يدرب المشروع الشباب في تونس. هل ينجح البرنامج؟ نعم ينجح."
    ur = "یہ منصوبہ نوجوانوں کو تربیت دیتا ہے۔ یہ مدارس میں بھی چلتا ہے۔"
    assert len(SEG.split(ar)) == 3
    assert len(SEG.split(ur)) == 2


def test_bullets_and_lines_without_final_punctuation():
    text = ("Activities\n- Train 40 imams in Kano\n- Radio drama in Hausa\n* Parents' circles\n"
            "Budget: USD 200,000")
    got = [s.text for s in SEG.split(text)]
    assert got == ["Activities", "- Train 40 imams in Kano", "- Radio drama in Hausa",
                   "* Parents' circles", "Budget: USD 200,000"]


def test_wrapped_lines_are_joined():
    text = "The project trains teachers in\nthree districts of Mombasa."
    assert [s.text for s in SEG.split(text)] == [text]


def test_long_unpunctuated_text_is_capped():
    text = " ".join(["word"] * 2000)
    sents = Segmenter(max_sentence_chars=500).split(text)
    assert len(sents) > 5 and all(len(s.text) <= 500 for s in sents)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400))
def test_spans_always_valid(text):
    for s in SEG.split(text):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end] == s.text and s.text.strip()


def test_spacy_loads_without_torch_and_torch_still_imports_after():
    import subprocess
    import sys

    code = ("import sys; from cn_tagger.segment import Segmenter; "
            "Segmenter().split('One. Two.'); print('torch' in sys.modules); "
            "import importlib.util as u; "
            "print(u.find_spec('torch') is None or __import__('torch') is not None)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "True"]
