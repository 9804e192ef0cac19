"""Sentence segmentation with a blank multilingual spaCy pipeline and a sentencizer.

Line structure is used before spaCy sees the text: every non-empty line is its own block
unless it continues the previous line (no final punctuation and the next line starts in
lower case, as in wrapped or OCR'd paragraphs). Bullet items, headings and spreadsheet-like
lines without final punctuation therefore become sentences of their own.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Iterable
from types import ModuleType

from .records import Sentence

# Sentence-final punctuation across scripts: Latin, Arabic/Urdu (؟ ۔ ؛ is not final),
# Devanagari/Bengali danda, Ethiopic, CJK, Armenian, Myanmar.
PUNCT_CHARS = [
    ".", "!", "?", "…", "؟", "۔", "।", "॥", "።", "፧", "。", "！", "？", "։", "။", "‼", "⁇", "⁈", "⁉",
]
_FINAL = re.compile(r"[.!?…؟۔।॥።。！？:;]\s*[\"'»”’)\]]*$")
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦‣●○–—]|\d{1,3}[.)]|[a-zA-Z][.)])\s+")
_MIN_CHARS = 2


class Segmenter:
    """Thread-safe, picklable sentence splitter (the spaCy pipeline is built lazily)."""

    def __init__(self, max_sentence_chars: int = 1000) -> None:
        self.max_sentence_chars = max_sentence_chars
        self._nlp = None
        self._lock = threading.Lock()

    def _get_nlp(self):  # noqa: ANN202
        if self._nlp is None:
            with self._lock:
                if self._nlp is None:
                    spacy = import_spacy()
                    nlp = spacy.blank("xx")
                    nlp.add_pipe("sentencizer", config={"punct_chars": PUNCT_CHARS})
                    nlp.max_length = 10_000_000
                    self._nlp = nlp
        return self._nlp

    def split(self, text: str) -> list[Sentence]:
        return self.split_many([text])[0]

    def split_many(self, texts: Iterable[str]) -> list[list[Sentence]]:
        texts = list(texts)
        blocks: list[tuple[int, int, int]] = []  # (doc index, start, end)
        for i, text in enumerate(texts):
            blocks.extend((i, s, e) for s, e in _blocks(text))
        out: list[list[Sentence]] = [[] for _ in texts]
        block_texts = (texts[i][s:e] for i, s, e in blocks)
        nlp = self._get_nlp()
        with self._lock:  # spaCy pipelines are not documented as thread-safe
            docs = list(nlp.pipe(block_texts, batch_size=256))
        for (i, start, _), doc in zip(blocks, docs, strict=True):
            for sent in doc.sents:
                s = start + sent.start_char
                e = start + sent.end_char
                for cs, ce in _cap(texts[i], s, e, self.max_sentence_chars):
                    piece = texts[i][cs:ce]
                    if len(piece.strip()) >= _MIN_CHARS:
                        out[i].append(Sentence(piece, cs, ce))
        return out

    def __getstate__(self) -> dict:
        return {"max_sentence_chars": self.max_sentence_chars}

    def __setstate__(self, state: dict) -> None:
        self.__init__(**state)


def import_spacy() -> ModuleType:
    """Import spaCy without letting its ``thinc`` layer import torch.

    thinc imports torch whenever it is installed (e.g. with the ``transformer`` extra), which
    cost 2.5 s and 240 MB per process here, for nothing: the sentencizer needs no torch. torch
    is hidden only during this import and only when nothing has imported it yet; importing it
    afterwards (the transformer backend does) works as usual.
    """
    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


def _blocks(text: str) -> list[tuple[int, int]]:
    """Character spans of line blocks; continuation lines are merged into their block."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not line.strip():
            continue
        if spans and _continues(text[spans[-1][0]:spans[-1][1]], line):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _continues(previous: str, line: str) -> bool:
    if _BULLET.match(line) or _FINAL.search(previous):
        return False
    first = line.lstrip()[:1]
    return first.islower()


def _cap(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Split an over-long 'sentence' (no punctuation at all) at spaces near ``limit``."""
    spans = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        spans.append((start, cut))
        start = cut
    spans.append((start, end))
    return [(s + (len(text[s:e]) - len(text[s:e].lstrip())), e) for s, e in spans]
