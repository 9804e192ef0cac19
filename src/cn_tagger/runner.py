"""Batch runs behind ``cn-tagger tag``: ingest -> tag (1..N processes) -> export."""

from __future__ import annotations

import collections
import hashlib
import itertools
import logging
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .export import PartialOutput, dumps, guess_format
from .ingest import IngestOptions, iter_documents, list_files
from .records import Document
from .tagger import Tagger

log = logging.getLogger(__name__)


@dataclass
class RunStats:
    records: int = 0
    ok: int = 0
    errors: int = 0
    out_of_scope: int = 0
    resumed: int = 0
    seconds: float = 0.0
    error_codes: dict[str, int] = field(default_factory=dict)
    duplicate_ids: int = 0
    first_duplicate: str | None = None
    _seen: set[str] = field(default_factory=set, repr=False)

    def add(self, record: dict[str, Any]) -> None:
        self.records += 1
        if record["id"] in self._seen:
            self.duplicate_ids += 1
            if self.first_duplicate is None:
                self.first_duplicate = record["id"]
                log.warning("duplicate id %r (kept; ids are not required to be unique)",
                            record["id"])
        else:
            self._seen.add(record["id"])
        if record["status"] == "ok":
            self.ok += 1
            if not record["in_scope"]["value"]:
                self.out_of_scope += 1
        else:
            self.errors += 1
            code = record["error"]["code"]
            self.error_codes[code] = self.error_codes.get(code, 0) + 1

    def summary(self) -> str:
        codes = ", ".join(f"{k} {v}" for k, v in sorted(self.error_codes.items()))
        return (f"{self.records} records: {self.ok} ok, {self.errors} errors"
                + (f" ({codes})" if codes else "") + f", {self.out_of_scope} out of scope"
                + (f", {self.resumed} resumed" if self.resumed else "")
                + (f", {self.duplicate_ids} duplicate ids (first: {self.first_duplicate!r}, "
                   "all kept)" if self.duplicate_ids else "")
                + f" in {self.seconds:.1f} s")


_WORKER: dict[str, Any] = {}
_CHUNK = 64


def _init_worker(tagger: Tagger, include_text: bool) -> None:
    _WORKER["tagger"] = tagger
    _WORKER["include_text"] = include_text


def _to_record(result: Any, include_text: bool) -> dict[str, Any]:
    record = result.to_dict()
    if include_text:
        record["text"] = result.text
    return record


def _tag_chunk(docs: list[Document]) -> list[dict[str, Any]]:
    return [_to_record(r, _WORKER["include_text"])
            for r in _WORKER["tagger"].tag_documents(docs)]


def _chunks(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(docs)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def tag_records(tagger: Tagger, docs: Iterable[Document], workers: int = 1,
                include_text: bool = False) -> Iterator[dict[str, Any]]:
    """Output records in input order, tagged in ``workers`` processes."""
    if workers <= 1:
        for result in tagger.tag_documents(docs):
            yield _to_record(result, include_text)
        return
    tagger.warm_up()  # forked workers then share the loaded encoder instead of each loading it
    ctx = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ctx.Pool(workers, initializer=_init_worker, initargs=(tagger, include_text)) as pool:
        # A bounded window of chunks in flight (Pool.imap would read the whole input ahead
        # and let memory grow with it); results come back in input order.
        pending: collections.deque = collections.deque()
        for chunk in _chunks(docs, _CHUNK):
            pending.append(pool.apply_async(_tag_chunk, (chunk,)))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def fingerprint(inputs: list[str], options: IngestOptions, tagger: Tagger) -> dict[str, Any]:
    files = list_files(inputs)
    digest = hashlib.sha256()
    for path in files:
        try:
            stat = Path(path).stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
        except OSError:
            digest.update(f"{path}\0missing\n".encode())
    return {"inputs": digest.hexdigest(), "text_col": options.text_col, "id_col": options.id_col,
            "model": tagger.model.manifest.get("files", {}), "n_files": len(files)}


def run_tag(tagger: Tagger, inputs: list[str], out: str | None, fmt: str | None,
            options: IngestOptions, workers: int = 1, resume: bool = False,
            include_text: bool = False, progress: Callable[[int], None] | None = None,
            stdout: Any = None) -> RunStats:
    """Tag every record of ``inputs`` into ``out`` (or JSONL on ``stdout`` when out is None)."""
    stats = RunStats()
    started = time.perf_counter()
    docs: Iterable[Document] = iter_documents(inputs, options)
    if out is None:
        stream = stdout or sys.stdout
        for record in tag_records(tagger, docs, workers, include_text):
            stream.write(dumps(record) + "\n")
            stats.add(record)
            if progress:
                progress(1)
        stats.seconds = time.perf_counter() - started
        return stats
    out_path = Path(out)
    fmt = guess_format(out, fmt)
    journal = PartialOutput(out_path, fingerprint(inputs, options, tagger), resume)
    try:
        if journal.done:
            for record in journal.records():
                stats.add(record)
            stats.resumed = journal.done
            docs = itertools.islice(docs, journal.done, None)
            if progress:
                progress(journal.done)
        for record in tag_records(tagger, docs, workers, include_text):
            journal.write(record)
            stats.add(record)
            if progress:
                progress(1)
        journal.finish(fmt, tagger.label_ids)
    finally:
        journal.close()
    stats.seconds = time.perf_counter() - started
    return stats
