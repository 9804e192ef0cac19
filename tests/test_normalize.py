from hypothesis import given
from hypothesis import strategies as st

from cn_tagger.normalize import normalize_text


def test_repairs_mojibake_and_whitespace():
    assert normalize_text("  La pr\u00c3\u00a9vention   des jeunes\t\t ") == "La prévention des jeunes"


def test_removes_zero_width_and_controls_but_keeps_zwnj():
    text = "ab\u200bc\x00d\x07e \ufeff\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    out = normalize_text(text)
    assert "\u200b" not in out and "\x00" not in out and "\x07" not in out
    assert "\u200c" in out  # Persian zero-width non-joiner is meaningful


def test_keeps_paragraph_structure():
    assert normalize_text("a\r\n\r\n\r\n\r\nb\nc") == "a\n\nb\nc"


def test_nfc():
    assert normalize_text("e\u0301te\u0301") == "\u00e9t\u00e9"


@given(st.text())
def test_idempotent_and_clean(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in once)
    once.encode("utf-8")  # raises if anything unencodable survived
    assert once == once.strip()


@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_ascii_fast_path_matches_ftfy(text):
    import ftfy

    from cn_tagger.normalize import _FTFY_CONFIG, repair

    assert repair(text) == ftfy.fix_text(text, _FTFY_CONFIG)


def test_entities_in_ascii_still_go_through_ftfy():
    assert normalize_text("Youth &amp; women") == "Youth & women"
