"""JSONL and CSV/TSV readers: one record per line / row."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Iterator
from typing import Any, BinaryIO, TextIO

from ..records import Document, RecordError
from .decode import DecodeFailure, open_text
from .limits import Limits


def _record(name: str, line: int, payload: dict[str, Any], text_col: str, id_col: str,
            where: str) -> Document:
    source = f"{name}:{line}"
    raw_id = payload.get(id_col)
    rid = source if raw_id is None or raw_id == "" else str(raw_id)
    meta = {k: v for k, v in payload.items() if k not in (text_col, id_col)}
    if text_col not in payload:
        keys = ", ".join(map(str, payload)) or "none"
        return Document(rid, source, None, meta, RecordError(
            "missing_text", f"{where} has no '{text_col}' field; fields are {keys}; "
                            f"pass --text-col with the field that holds the description"))
    text = payload[text_col]
    if not isinstance(text, str):
        return Document(rid, source, None, meta, RecordError(
            "missing_text", f"field '{text_col}' in {where} is {type(text).__name__}, "
                            "expected a string; fix the record"))
    return Document(rid, source, text, meta)


def read_jsonl(name: str, stream: BinaryIO, text_col: str, id_col: str, limits: Limits,
               ) -> Iterator[Document]:
    """Stream JSONL records; memory is bounded by ``limits.max_line_chars``."""
    try:
        handle, _ = open_text(stream)
    except DecodeFailure as exc:
        yield Document(name, name, None, {}, RecordError(
            "decode_error", f"{name} cannot be read as text: {exc}; save it as UTF-8 JSONL"))
        return
    lineno = 0
    while True:
        line = handle.readline(limits.max_line_chars + 1)
        if not line:
            break
        lineno += 1
        source = f"{name}:{lineno}"
        if len(line) > limits.max_line_chars and not line.endswith(("\n", "\r")):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(("\n", "\r")):
                pass  # skip the rest of the over-long line without holding it in memory
            yield Document(source, source, None, {}, RecordError(
                "too_large", f"line {lineno} of {name} is longer than "
                             f"{limits.max_line_chars:,} characters; split the record or raise "
                             "the limit"))
            continue
        if not line.strip():
            continue  # blank lines are not records
        try:
            payload = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            msg = getattr(exc, "msg", "nesting too deep")
            yield Document(source, source, None, {}, RecordError(
                "invalid_json", f"line {lineno} of {name} is not valid JSON ({msg}); "
                                "fix or remove that line"))
            continue
        if not isinstance(payload, dict):
            yield Document(source, source, None, {}, RecordError(
                "not_an_object", f"line {lineno} of {name} is a JSON {type(payload).__name__}, "
                                 "expected an object like {\"id\": ..., \"text\": ...}"))
            continue
        yield _record(name, lineno, payload, text_col, id_col, f"line {lineno} of {name}")


class _NulFilter(io.TextIOBase):
    """Drops NUL characters, which the csv module refuses, while streaming."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def readable(self) -> bool:
        return True

    def readline(self, size: int = -1) -> str:
        return self.inner.readline(size).replace("\x00", "")

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def read_csv(name: str, stream: BinaryIO, text_col: str, id_col: str, limits: Limits,
             delimiter: str | None = None) -> Iterator[Document]:
    """Stream CSV/TSV rows; a file without the text column is one error record."""
    try:
        handle, _ = open_text(stream)
    except DecodeFailure as exc:
        yield Document(name, name, None, {}, RecordError(
            "decode_error", f"{name} cannot be read as text: {exc}; save it as UTF-8 CSV"))
        return
    lines = _NulFilter(handle)
    first = lines.readline()
    if delimiter is None:
        delimiter = _sniff(first)
    csv.field_size_limit(limits.max_csv_field_chars)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield _file_error(name, "corrupt_file", f"{name} has an unreadable header row ({exc})")
        return
    if not header or not any(h.strip() for h in header):
        yield _file_error(name, "empty_text", f"{name} is empty or has no header row; the first "
                                              f"row must name the columns, one of them '{text_col}'")
        return
    header = [h.strip() for h in header]
    if text_col not in header:
        yield _file_error(name, "missing_text", (
            f"text column '{text_col}' not found in {name}; columns are {', '.join(header)}; "
            "pass --text-col"))
        return
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            line = reader.line_num
            source = f"{name}:{line}"
            yield Document(source, source, None, {}, RecordError(
                "corrupt_file", f"row ending on line {line} of {name} cannot be parsed ({exc}); "
                                "fix the quoting of that row"))
            continue
        if not any(cell.strip() for cell in row):
            continue  # blank rows are not records
        line = reader.line_num
        payload: dict[str, Any] = {}
        for i, cell in enumerate(row):
            key = header[i] if i < len(header) else f"extra_{i - len(header) + 1}"
            payload[key] = cell
        yield _record(name, line, payload, text_col, id_col, f"row on line {line} of {name}")


def _sniff(content: str) -> str:
    first = content.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _file_error(name: str, code: str, message: str) -> Document:
    return Document(name, name, None, {}, RecordError(code, message))
