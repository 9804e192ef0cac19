"""Ingestion: turn files, folders and stdin into :class:`~cn_tagger.records.Document` s.

Every input yields at least one record: a file that cannot be read becomes one error record
with a code and a message, and the batch goes on.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Document, RecordError
from . import documents, tabular
from .decode import DecodeFailure
from .limits import Limits

__all__ = ["IngestOptions", "Limits", "SUPPORTED_EXTENSIONS", "iter_documents", "list_files"]

log = logging.getLogger(__name__)

_TABULAR = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".csv": "csv",
            ".tsv": "tsv", ".tab": "tsv"}
_DOCUMENTS = {".txt": documents.read_text, ".text": documents.read_text,
              ".md": documents.read_markdown, ".markdown": documents.read_markdown,
              ".html": documents.read_html, ".htm": documents.read_html,
              ".xhtml": documents.read_html, ".docx": documents.read_docx,
              ".pdf": documents.read_pdf}
SUPPORTED_EXTENSIONS = tuple(sorted({*_TABULAR, *_DOCUMENTS}))
_STREAMED = ("jsonl", "csv", "tsv")


@dataclass(frozen=True)
class IngestOptions:
    text_col: str = "text"
    id_col: str = "id"
    limits: Limits = field(default_factory=Limits)


def list_files(inputs: Iterable[str]) -> list[str]:
    """Expand directories (recursively, sorted, hidden files skipped) into file paths."""
    out: list[str] = []
    for item in inputs:
        path = Path(item)
        if item != "-" and path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(os.path.join(root, f) for f in files if not f.startswith("."))
            out.extend(sorted(found))
        else:
            out.append(item)
    return out


def iter_documents(inputs: Iterable[str], options: IngestOptions | None = None,
                   ) -> Iterator[Document]:
    """Yield one Document per record of every input (file, directory or ``-`` for stdin)."""
    options = options or IngestOptions()
    for path in list_files(inputs):
        yield from _read_one(path, options)


def _read_one(path: str, options: IngestOptions) -> Iterator[Document]:
    if path == "-":
        stream = io.BufferedReader(sys.stdin.buffer) if not isinstance(
            sys.stdin.buffer, io.BufferedReader) else sys.stdin.buffer
        head = stream.peek(64).lstrip()[:1]
        if head in (b"{", b"["):
            yield from tabular.read_jsonl("stdin", stream, options.text_col, options.id_col,
                                          options.limits)
        else:
            yield from _document("stdin", stream.read(options.limits.max_file_bytes + 1),
                                 ".txt", options)
        return
    name = path
    ext = Path(path).suffix.lower()
    kind = _TABULAR.get(ext) or (ext if ext in _DOCUMENTS else None)
    if kind is None:
        yield _error(name, "unsupported_format",
                     f"'{ext or 'no extension'}' files are not supported; supported: "
                     f"{', '.join(SUPPORTED_EXTENSIONS)}; convert the file or rename it")
        return
    limit = options.limits.max_table_bytes if kind in _STREAMED else options.limits.max_file_bytes
    try:
        size = os.path.getsize(path)
        if size > limit:
            yield _error(name, "too_large", f"file is {size:,} bytes, over the limit of "
                                            f"{limit:,}; split it or raise the limit")
            return
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except FileNotFoundError:
        yield _error(name, "not_found", f"no such file: {path}; check the path")
        return
    except OSError as exc:
        yield _error(name, "unreadable", f"cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        if kind == "jsonl":
            yield from tabular.read_jsonl(name, handle, options.text_col, options.id_col,
                                          options.limits)
        elif kind in ("csv", "tsv"):
            yield from tabular.read_csv(name, handle, options.text_col, options.id_col,
                                        options.limits, delimiter="\t" if kind == "tsv" else None)
        else:
            try:
                data = handle.read()
            except OSError as exc:
                yield _error(name, "unreadable", f"cannot read {path}: {exc.strerror or exc}")
                return
            yield from _document(name, data, kind, options)


def _document(name: str, data: bytes, kind: str, options: IngestOptions) -> Iterator[Document]:
    if len(data) > options.limits.max_file_bytes:
        yield _error(name, "too_large", f"input is over {options.limits.max_file_bytes:,} bytes; "
                                        "split it or raise --max-file-bytes")
        return
    reader = _DOCUMENTS.get(kind, documents.read_text)
    try:
        text, meta = reader(data, options.limits)
    except documents.ReadFailure as exc:
        yield _error(name, exc.code, exc.message)
        return
    except DecodeFailure as exc:
        yield _error(name, "decode_error", f"{name} cannot be read as text: {exc}; save it "
                                           "as UTF-8")
        return
    except RecursionError:
        yield _error(name, "corrupt_file", "document nesting is too deep to parse; "
                                           "re-save the file")
        return
    yield Document(name, name, text, meta)


def _error(name: str, code: str, message: str) -> Document:
    return Document(name, name, None, {}, RecordError(code, message))
