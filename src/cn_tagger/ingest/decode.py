"""Bytes -> str for text-like inputs: BOMs, UTF-8, then a detected legacy encoding."""

from __future__ import annotations

import codecs
import io
from typing import BinaryIO, TextIO

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeFailure(ValueError):
    """The bytes are not text in any encoding we can identify."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)``. Raises :class:`DecodeFailure` for binary data."""
    encoding = _sniff_encoding(data)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        if any(data.startswith(bom) for bom, _ in _BOMS):
            raise DecodeFailure(f"starts with a {encoding} byte-order mark but is not "
                                f"valid {encoding} ({exc.reason})") from exc
        if encoding == "utf-8":  # valid except a truncated last character
            return data.decode("utf-8", errors="replace"), encoding
    # A wrong legacy guess: keep every byte visible rather than crash or drop the record.
    return data.decode("cp1252", errors="replace"), "cp1252"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(b < 9 or 13 < b < 32 for b in sample)
    return controls / len(sample) > 0.1


def open_text(handle: BinaryIO, sample_bytes: int = 1 << 20) -> tuple[TextIO, str]:
    """Wrap a binary stream as text without reading it whole (for JSONL/CSV streaming).

    The encoding is decided on the first ``sample_bytes``: a BOM, else UTF-8 if the sample is
    valid UTF-8, else a detected legacy encoding. Later undecodable bytes become U+FFFD rather
    than aborting the stream. Raises :class:`DecodeFailure` for binary data.
    """
    buffered = handle if isinstance(handle, io.BufferedReader) else io.BufferedReader(handle)
    sample = buffered.peek(sample_bytes)[:sample_bytes]
    encoding = _sniff_encoding(sample)
    return io.TextIOWrapper(buffered, encoding=encoding, errors="replace", newline=""), encoding


def _sniff_encoding(sample: bytes) -> str:
    for bom, encoding in _BOMS:
        if sample.startswith(bom):
            return encoding
    for cut in range(4):  # the sample may end inside a multi-byte character
        try:
            sample[: len(sample) - cut].decode("utf-8")
            return "utf-8"
        except UnicodeDecodeError:
            continue
    if _looks_binary(sample):
        raise DecodeFailure("looks like binary data, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(sample[:200_000]).best()
    if best is not None and best.encoding:
        try:
            codecs.lookup(best.encoding)
            return best.encoding
        except LookupError:
            pass
    return "cp1252"
