"""Unicode repair and normalisation. The returned text is what evidence offsets point into."""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Zero-width and invisible junk; ZWNJ/ZWJ (U+200C/U+200D) are kept: Persian, Urdu and
# Indic scripts need them.
_INVISIBLE = re.compile(
    "[\u200b\u200e\u200f\u2060\u2061\u2062\u2063\u2064\ufeff\u00ad\u202a-\u202e\u2066-\u2069]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
# C0/C1 controls except tab and newline; also noncharacters.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")
_FTFY_CONFIG = ftfy.TextFixerConfig(normalization="NFC", explain=False)
# ASCII that ftfy cannot change: no HTML entity, no escape sequence, no control character.
_FTFY_TRIGGERS_IN_ASCII = re.compile(r"[&\x00-\x08\x0b-\x1f\x7f]")


def repair(text: str) -> str:
    """ftfy's repairs (mojibake, entities, widths, quotes), skipped where they cannot apply.

    ftfy costs about 0.5 ms per paragraph; plain ASCII without ``&`` or control characters
    is returned as is, which is what ftfy would return for it.
    """
    if text.isascii() and not _FTFY_TRIGGERS_IN_ASCII.search(text):
        return text
    return ftfy.fix_text(text, _FTFY_CONFIG)


def normalize_text(text: str) -> str:
    """Repair mojibake, NFC-normalise, drop control / zero-width characters, tidy whitespace.

    Newlines survive (at most one blank line in a row) because they carry structure that
    sentence segmentation uses (bullet lists, headings, lines without final punctuation).
    """
    text = _SURROGATE.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = repair(text)
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    text = _SPACES.sub(" ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    text = _MANY_NEWLINES.sub("\n\n", text)
    return text.strip()
