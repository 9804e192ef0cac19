"""Whole-file readers: TXT, Markdown, HTML, DOCX, PDF. Each returns (text, meta)."""

from __future__ import annotations

import io
import re
import time
import zipfile
from typing import Any

from .decode import decode_bytes
from .limits import Limits


class ReadFailure(Exception):
    """A file that cannot be read as a whole; carries an error code for the record."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def read_text(data: bytes, limits: Limits) -> tuple[str, dict[str, Any]]:
    return decode_bytes(data)[0], {}


_MD_RULES = [
    (re.compile(r"```.*?```", re.S), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"^\s{0,3}#{1,6}\s*", re.M), ""),
    (re.compile(r"^\s{0,3}>\s?", re.M), ""),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s*[-*_]{3,}\s*$", re.M), ""),
    (re.compile(r"<[^>\n]+>"), ""),
]
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)


def read_markdown(data: bytes, limits: Limits) -> tuple[str, dict[str, Any]]:
    text = decode_bytes(data)[0].replace("\r\n", "\n")
    text = _FRONT_MATTER.sub("", text)
    meta: dict[str, Any] = {}
    heading = re.search(r"^\s{0,3}#\s+(.+)$", text, re.M)
    if heading:
        meta["title"] = heading.group(1).strip()
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    return text, meta


_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "footer", "header", "aside",
              "form", "iframe", "svg", "button", "select", "head")
_BOILERPLATE = re.compile(r"(cookie|consent|banner|breadcrumb|share|social|newsletter|menu|"
                          r"navbar|sidebar|footer|skip-link)", re.I)
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "section",
               "article", "blockquote", "pre", "dd", "dt", "td", "th", "table", "ul", "ol",
               "main", "figcaption", "caption"}


def read_html(data: bytes, limits: Limits) -> tuple[str, dict[str, Any]]:
    from bs4 import BeautifulSoup

    markup = decode_bytes(data)[0]
    # html.parser never fetches or expands external entities.
    soup = BeautifulSoup(markup, "html.parser")
    meta: dict[str, Any] = {}
    if soup.title and soup.title.string and soup.title.string.strip():
        meta["title"] = soup.title.string.strip()
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        marker = " ".join([tag.get("id") or "", *(tag.get("class") or []), tag.get("role") or ""])
        if marker.strip() and _BOILERPLATE.search(marker) and tag.name not in ("body", "main",
                                                                              "article"):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    for tag in root.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = root.get_text()
    if "title" not in meta:
        h1 = soup.find("h1")
        if h1 and h1.get_text(strip=True):
            meta["title"] = h1.get_text(strip=True)
    return text, meta


def read_docx(data: bytes, limits: Limits) -> tuple[str, dict[str, Any]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        total = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            raise ReadFailure("encrypted", "this Word file is password-protected or in the old "
                                           ".doc format; remove the password or save it as "
                                           ".docx") from exc
        raise ReadFailure("corrupt_file", f"not a valid DOCX (zip) file ({exc}); re-save it "
                                          "from Word or LibreOffice") from exc
    if total > limits.max_docx_uncompressed_bytes:
        raise ReadFailure("too_large", f"DOCX expands to {total:,} bytes, over the limit of "
                                       f"{limits.max_docx_uncompressed_bytes:,} (possible zip "
                                       "bomb); raise --max-docx-bytes if the file is genuine")
    if "word/document.xml" not in archive.namelist():
        raise ReadFailure("corrupt_file", "zip file has no word/document.xml, so it is not a "
                                          "Word document; re-save it as .docx")
    import docx  # python-docx parses with resolve_entities=False

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types on broken parts
        raise ReadFailure("corrupt_file", f"Word document cannot be parsed ({type(exc).__name__}:"
                                          f" {exc}); re-save it from Word") from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                if cell.text not in cells:
                    cells.append(cell.text)
            parts.append(" | ".join(cells))
    meta: dict[str, Any] = {}
    title = (document.core_properties.title or "").strip()
    if title:
        meta["title"] = title
    return "\n".join(parts), meta


def read_pdf(data: bytes, limits: Limits) -> tuple[str, dict[str, Any]]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise FileNotDecryptedError("needs a password")
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise ReadFailure("encrypted", "PDF is encrypted with a password; save an "
                                               "unprotected copy") from exc
        n_pages = len(reader.pages)
    except ReadFailure:
        raise
    except Exception as exc:  # pypdf raises many types on broken files
        raise ReadFailure("corrupt_file", f"PDF cannot be parsed ({type(exc).__name__}); "
                                          "re-export it or print it to a new PDF") from exc
    if n_pages > limits.max_pdf_pages:
        raise ReadFailure("too_large", f"PDF has {n_pages} pages, over the limit of "
                                       f"{limits.max_pdf_pages}; split it or raise the limit")
    deadline = time.monotonic() + limits.pdf_timeout_s
    pages = []
    for i in range(n_pages):
        if time.monotonic() > deadline:
            raise ReadFailure("timeout", f"PDF text extraction took over {limits.pdf_timeout_s:.0f}"
                                         f" s (stopped at page {i + 1} of {n_pages}); split it")
        try:
            pages.append(reader.pages[i].extract_text() or "")
        except (PdfReadError, Exception) as exc:  # keep other pages of a partly broken PDF
            pages.append("")
            logging.getLogger(__name__).warning("PDF page %d unreadable: %s", i + 1, exc)
    text = "\n\n".join(p for p in pages if p.strip())
    meta: dict[str, Any] = {"pages": n_pages}
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # noqa: BLE001 - broken metadata must not lose the text
        title = None
    if title and str(title).strip():
        meta["title"] = str(title).strip()
    if not text.strip():
        raise ReadFailure("empty_text", "PDF has no text layer (a scanned image?); run OCR on it "
                                        "first, e.g. ocrmypdf in.pdf out.pdf")
    return text, meta
