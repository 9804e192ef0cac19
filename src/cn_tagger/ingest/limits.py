"""Configurable input limits with safe defaults. Every breach becomes an error record."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 100 * 1024 * 1024
    """Whole-document files (TXT, MD, HTML, DOCX, PDF) larger than this are refused."""
    max_table_bytes: int = 64 * 1024 ** 3
    """JSONL/CSV files are streamed record by record; only absurd sizes are refused."""
    max_line_chars: int = 20_000_000
    """A JSONL line longer than this becomes a ``too_large`` record (memory stays bounded)."""
    max_text_chars: int = 2_000_000
    """Records whose text is longer are refused with ``too_large`` (never silently cut)."""
    max_docx_uncompressed_bytes: int = 200 * 1024 * 1024
    """Guard against zip bombs in DOCX files."""
    max_pdf_pages: int = 2000
    pdf_timeout_s: float = 120.0
    max_csv_field_chars: int = 10_000_000
