"""The ``cn-tagger`` command line. Thin: every command calls the library.

Heavy imports happen inside commands so that ``cn-tagger --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import CnTaggerError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Tag P/CVE and counter-narrative programme descriptions with the "
                       "guideline dimensions of UNSC resolution 2354 (2017), para 2.")

ModelOpt = Annotated[Path | None, typer.Option("--model", "-m", help="Model directory "
                                                  "(default: the shipped default model).")]


def _err(message: str) -> None:
    typer.echo(f"cn-tagger: {message}", err=True)


def _load_tagger(model: Path | None):  # noqa: ANN202
    from .tagger import Tagger

    return Tagger.load(model)


@app.command()
def tag(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or - for stdin.")],
    output: Annotated[Path | None, typer.Option("--output", "-o",
                                                   help="Output file (default: JSONL on stdout).")] = None,
    fmt: Annotated[str | None, typer.Option("--format", "-f",
                                               help="jsonl, csv or parquet (default: from -o's extension, else jsonl).")] = None,
    model: ModelOpt = None,
    text_col: Annotated[str, typer.Option(help="Field / column holding the text.")] = "text",
    id_col: Annotated[str, typer.Option(help="Field / column holding the record id.")] = "id",
    resume: Annotated[bool, typer.Option(help="Continue an interrupted run into the same -o.")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Tagging processes.")] = 1,
    include_text: Annotated[bool, typer.Option(help="Add the normalised text to each record "
                                                    "(needed by 'review').")] = False,
    max_file_bytes: Annotated[int | None, typer.Option(help="Refuse larger files.")] = None,
    max_text_chars: Annotated[int | None, typer.Option(help="Refuse longer texts.")] = None,
    max_docx_bytes: Annotated[int | None, typer.Option(help="Refuse DOCX files that expand to more bytes (zip bombs).")] = None,
    max_pdf_pages: Annotated[int | None, typer.Option(help="Refuse PDFs with more pages.")] = None,
    pdf_timeout: Annotated[float | None, typer.Option(help="Seconds allowed for one PDF's text extraction.")] = None,
) -> None:
    """Tag every record of INPUTS; one output record per input record, in input order."""
    from dataclasses import replace

    from .ingest import IngestOptions, Limits
    from .runner import run_tag

    if resume and output is None:
        _err("--resume needs -o/--output (a run on stdout cannot be resumed)")
        raise typer.Exit(2)
    overrides = {"max_file_bytes": max_file_bytes, "max_text_chars": max_text_chars,
                 "max_docx_uncompressed_bytes": max_docx_bytes, "max_pdf_pages": max_pdf_pages,
                 "pdf_timeout_s": pdf_timeout}
    limits = replace(Limits(), **{k: v for k, v in overrides.items() if v is not None})
    try:
        tagger = _load_tagger(model)
        tagger.limits = limits
        options = IngestOptions(text_col=text_col, id_col=id_col, limits=limits)
        progress = None
        bar = None
        if sys.stderr.isatty():
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            bar = Progress(SpinnerColumn(), TextColumn("tagging"),
                           TextColumn("{task.completed} records"), TimeElapsedColumn(),
                           transient=True)
            task = bar.add_task("tag", total=None)
            bar.start()

            def progress(n: int) -> None:
                bar.advance(task, n)
        try:
            stats = run_tag(tagger, inputs, str(output) if output else None, fmt, options,
                            workers=workers, resume=resume, include_text=include_text,
                            progress=progress)
        finally:
            if bar is not None:
                bar.stop()
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    target = f" -> {output}" if output else ""
    _err(stats.summary() + target)


@app.command()
def train(
    data: Annotated[Path | None, typer.Option("--data", help="Training data (JSONL/CSV).")] = None,
    dev: Annotated[Path | None, typer.Option(help="Dev data for thresholds and selection.")] = None,
    test: Annotated[Path | None, typer.Option(help="Held-out test data for the model card.")] = None,
    taxonomy: Annotated[Path | None, typer.Option(help="Taxonomy YAML.")] = None,
    backend: Annotated[str | None, typer.Option(help="tfidf, use, ensemble or transformer "
                                                         "(overrides the config's candidates).")] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="Training config YAML.")] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="Model directory to write.")] = Path("models/custom"),
    name: Annotated[str | None, typer.Option(help="Model name.")] = None,
    corrections: Annotated[list[Path] | None, typer.Option(help="Review sheet(s) with curator corrections.")] = None,
    ignore_unknown_labels: Annotated[bool, typer.Option(help="Drop labels the taxonomy lacks.")] = False,
) -> None:
    """Train a model from gold data and a config; write it with its manifest and card."""
    import logging

    from .train import TrainConfig
    from .train import train as run_train

    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    try:
        cfg = TrainConfig.from_file(
            config, train=str(data) if data else None, dev=str(dev) if dev else None,
            test=str(test) if test else None, taxonomy=str(taxonomy) if taxonomy else None,
            name=name)
        if backend:
            cfg.candidates = [{"name": backend}] if backend != "ensemble" else [
                {"name": "ensemble", "members": [{"name": "tfidf"}, {"name": "use"}]}]
        if corrections:
            cfg.corrections = [str(p) for p in corrections]
        if ignore_unknown_labels:
            cfg.ignore_unknown_labels = True
        model, report = run_train(cfg, output)
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    for split, m in report.items():
        _err(f"{split}: micro-F1 {m['micro_f1']:.3f}  macro-F1 {m['macro_f1']:.3f}  "
             f"scope F1 {m['in_scope']['f1']:.3f}  (n={m['n']})")
    _err(f"model written to {output}")


@app.command()
def evaluate(
    data: Annotated[Path, typer.Option("--data", help="Gold data (JSONL/CSV).")],
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    report: Annotated[Path | None, typer.Option(help="Write a self-contained HTML report.")] = None,
    ignore_unknown_labels: Annotated[bool, typer.Option(help="Drop labels the model lacks.")] = False,
) -> None:
    """Score a model against gold labels: micro/macro F1, per label, scope, per language."""
    from .data import check_labels, read_gold
    from .evaluate import evaluate as run_evaluate

    try:
        tagger = _load_tagger(model)
        records = check_labels(read_gold(data), tagger.model.taxonomy, str(data),
                               ignore_unknown_labels)
        metrics, _ = run_evaluate(tagger, records)
        if report:
            from .report import evaluation_report

            evaluation_report(metrics, report, title=f"{tagger.model.name} on {data.name}")
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(metrics, ensure_ascii=False, indent=1))
        return
    typer.echo(f"n={metrics['n']}  micro-F1 {metrics['micro_f1']:.3f}  macro-F1 "
               f"{metrics['macro_f1']:.3f}  scope F1 {metrics['in_scope']['f1']:.3f}")
    typer.echo(f"{'label':26} {'P':>6} {'R':>6} {'F1':>6} {'n':>5}")
    for label, m in metrics["per_label"].items():
        typer.echo(f"{label:26} {m['precision']:6.3f} {m['recall']:6.3f} {m['f1']:6.3f} "
                   f"{m['support']:5d}")
    typer.echo(f"{'language':10} {'n':>5} {'micro':>6} {'macro':>6} {'scope':>6}")
    for lang, m in metrics["per_language"].items():
        typer.echo(f"{lang:10} {m['n']:5d} {m['micro_f1']:6.3f} {m['macro_f1']:6.3f} "
                   f"{m['scope_f1']:6.3f}")


@app.command()
def labels(
    taxonomy: Annotated[Path | None, typer.Option(help="Taxonomy YAML (default: the codebook).")] = None,
) -> None:
    """List the labels with the resolution clause(s) each comes from."""
    from .taxonomy import load_taxonomy

    try:
        tax = load_taxonomy(taxonomy)
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    typer.echo(f"{tax.id}: {len(tax.labels)} labels + in_scope")
    for label in tax.labels:
        typer.echo(f"{label.id:26} {', '.join(label.clauses):22} {label.name}")


@app.command()
def info(model: ModelOpt = None) -> None:
    """Show a model's manifest summary (verifies its file hashes)."""
    from .artifacts import default_model_path, load_model

    try:
        loaded = load_model(model or default_model_path())
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    m = loaded.manifest
    summary = {"path": str(loaded.path), "name": m.get("name"), "version": m.get("version"),
               "backend": m["backend"]["name"], "taxonomy": m["taxonomy"],
               "thresholds": m["thresholds"], "metrics": {
                   k: {"micro_f1": v.get("micro_f1"), "macro_f1": v.get("macro_f1"), "n": v.get("n")}
                   for k, v in m.get("metrics", {}).items()},
               "data_hash": m.get("training", {}).get("data_hash")}
    typer.echo(json.dumps(summary, indent=1, ensure_ascii=False))


@app.command()
def review(
    tagged: Annotated[Path, typer.Argument(help="JSONL written by 'cn-tagger tag --include-text'.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Review sheet (CSV) to write.")],
    model: ModelOpt = None,
) -> None:
    """Write a review sheet for curators: uncertain submissions first, correction columns empty."""
    from .corrections import load_tagged, write_review

    try:
        records = load_tagged(tagged)
        thresholds = None
        try:
            loaded = _load_tagger(model).model
            thresholds = {"in_scope": loaded.thresholds.scope, **loaded.thresholds.labels}
        except CnTaggerError:
            pass
        n = write_review(records, output, thresholds=thresholds)
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    _err(f"{n} submissions written to {output}")


@app.command()
def index(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or - to tag and index.")],
    db: Annotated[Path, typer.Option("--db", help="SQLite registry file (created if missing).")],
    model: ModelOpt = None,
    text_col: Annotated[str, typer.Option(help="Field / column holding the text.")] = "text",
    id_col: Annotated[str, typer.Option(help="Field / column holding the record id.")] = "id",
    workers: Annotated[int, typer.Option(min=1, help="Tagging processes.")] = 1,
) -> None:
    """Tag INPUTS and upsert them into a searchable SQLite registry (same id = update)."""
    import itertools

    from .ingest import IngestOptions, iter_documents
    from .registry import connect, upsert
    from .runner import RunStats, tag_records

    try:
        tagger = _load_tagger(model)
        connection = connect(db)
        stats = RunStats()
        records = tag_records(tagger, iter_documents(inputs, IngestOptions(text_col, id_col)),
                              workers=workers, include_text=True)
        while batch := list(itertools.islice(records, 500)):
            for record in batch:
                stats.add(record)
            upsert(connection, batch)
        total = connection.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
        connection.close()
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    _err(f"indexed {stats.summary()}; the registry {db} now holds {total} submissions")


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help="Full-text query (all words must match).")] = None,
    db: Annotated[Path, typer.Option("--db", help="SQLite registry made by 'cn-tagger index'.")] = Path("registry.sqlite"),
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="Required label (repeatable; all must match).")] = None,
    lang: Annotated[str | None, typer.Option(help="Language code, e.g. fr.")] = None,
    include_all: Annotated[bool, typer.Option("--all", help="Include out-of-scope submissions.")] = False,
    limit: Annotated[int, typer.Option(min=1, help="Maximum results.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
) -> None:
    """Find indexed submissions by words, labels, language and scope."""
    from .registry import connect
    from .registry import search as run_search

    if not db.is_file():
        _err(f"registry {db} not found; create it with 'cn-tagger index INPUT... --db {db}'")
        raise typer.Exit(2)
    try:
        connection = connect(db)
        hits = run_search(connection, query, label or [], lang, include_all, limit)
        connection.close()
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    if as_json:
        typer.echo(json.dumps(hits, ensure_ascii=False, indent=1))
        return
    for hit in hits:
        title = (hit["title"] or "")[:50]
        typer.echo(f"{hit['id'][:40]:40}  {hit['language'] or 'und':4} "
                   f"{'in ' if hit['in_scope'] else 'out'}  {title:50}  {', '.join(hit['labels'])}")
    _err(f"{len(hits)} result(s)")


@app.command()
def report(
    tagged: Annotated[Path, typer.Argument(help="JSONL written by 'cn-tagger tag' (--include-text highlights evidence in context).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    model: ModelOpt = None,
    margin: Annotated[float, typer.Option(help="Flag scores this close to their threshold.")] = 0.1,
) -> None:
    """Write a self-contained HTML report of a tagged batch for curators."""
    from .corrections import load_tagged
    from .report import batch_report

    try:
        records = load_tagged(tagged)
        loaded = _load_tagger(model).model
        clauses = {lb.id: list(lb.clauses) for lb in loaded.taxonomy.labels}
        thresholds = {"in_scope": loaded.thresholds.scope, **loaded.thresholds.labels}
        summary = batch_report(records, output, clauses, thresholds, margin,
                               title=f"cn_tagger report: {tagged.name}")
    except CnTaggerError as exc:
        _err(str(exc))
        raise typer.Exit(1) from exc
    _err(f"{summary['records']} submissions, {summary['needs_review']} need review -> {output}")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        _err("interrupted; rerun with --resume to continue")
        sys.exit(130)


if __name__ == "__main__":
    main()
