import io
import sys
from pathlib import Path

import pytest

from cn_tagger.ingest import IngestOptions, Limits, iter_documents
from helpers import make_docx, make_pdf, make_zip_bomb_docx

DATA = Path(__file__).parent / "data"


def docs(*paths, **kw):
    return list(iter_documents([str(p) for p in paths], IngestOptions(**kw)))


def test_jsonl_ids_meta_and_blank_lines():
    out = docs(DATA / "good" / "records.jsonl")
    assert len(out) == 2  # the blank line is not a record
    assert out[0].id == "j-1" and out[0].meta == {"title": "Riverbank", "country": "Kenya"}
    assert out[1].id.endswith("records.jsonl:2")  # id defaults to file:line
    assert out[1].source == out[1].id


def test_csv_and_tsv():
    rows = docs(DATA / "good" / "rows.csv")
    assert [d.id for d in rows] == ["c-1", "c-2"]
    assert rows[1].meta == {"title": "Savings"} and '"weekly"' in rows[1].text
    assert rows[0].source.endswith("rows.csv:2")
    tsv = docs(DATA / "good" / "rows.tsv")
    assert tsv[0].meta == {"region": "Sachsen"} and tsv[0].text.startswith("Das Projekt")


def test_custom_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("ref;description;org\nA7;Programme text here;NGO\n", encoding="utf-8")
    (d,) = docs(path, text_col="description", id_col="ref")
    assert (d.id, d.text, d.meta) == ("A7", "Programme text here", {"org": "NGO"})


@pytest.mark.parametrize("name,needle", [
    ("note_utf8.txt", "Казани"), ("note_utf16.txt", "Gaziantep'teki"),
    ("note_cp1252.txt", "éducateurs"),
])
def test_text_encodings(name, needle):
    (d,) = docs(DATA / "good" / name)
    assert needle in d.text and d.error is None
    assert d.id.endswith(name)


def test_markdown_strips_syntax_and_takes_title():
    (d,) = docs(DATA / "good" / "page.md")
    assert d.meta["title"] == "Digital Shields"
    assert "**" not in d.text and "](" not in d.text and "our channel" in d.text


def test_html_drops_boilerplate():
    (d,) = docs(DATA / "good" / "page.html")
    assert d.meta["title"] == "Bridges of Trust"
    assert "interfaith dialogue" in d.text and "30 youth facilitators" in d.text
    for junk in ("cookies", "Copyright", "tracking", "About us", "Welcome to", "color:red"):
        assert junk not in d.text


def test_docx_and_pdf(tmp_path):
    docx_path = make_docx(tmp_path / "a.docx", "Safe Spaces", ["Mothers in Kano learn to talk "
                                                              "with sons about recruiters."])
    pdf_path = make_pdf(tmp_path / "b.pdf", ["The project trains imams in Mopti.",
                                             "It runs radio debates."])
    d1, d2 = docs(docx_path, pdf_path)
    assert d1.meta["title"] == "Safe Spaces" and "Mothers in Kano" in d1.text
    assert "trains imams in Mopti" in d2.text and d2.meta["pages"] == 1


def test_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("second file text", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("nested file text", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    out = docs(tmp_path)
    assert [Path(d.id).name for d in out] == ["b.txt", "a.txt"]


def test_stdin_jsonl(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        b'{"id": "s1", "text": "hello there"}\n{"id": "s2", "text": "again"}\n')))
    assert [d.id for d in docs("-")] == ["s1", "s2"]


def test_stdin_plain_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Un texte simple.")))
    (d,) = docs("-")
    assert d.text == "Un texte simple." and d.id == "stdin"


def test_bad_jsonl_lines_become_error_records():
    out = docs(DATA / "bad" / "invalid.jsonl")
    codes = [d.error.code if d.error else None for d in out]
    assert codes == [None, "invalid_json", "not_an_object", "not_an_object", "missing_text",
                     "missing_text", None]
    assert "--text-col" in out[4].error.message
    assert out[4].id == "no-text"


@pytest.mark.parametrize("name,code", [
    ("nocol.csv", "missing_text"), ("empty.csv", "empty_text"), ("binary.txt", "decode_error"),
    ("corrupt.pdf", "corrupt_file"), ("corrupt.docx", "corrupt_file"),
    ("unknown.xyz", "unsupported_format"),
])
def test_unreadable_files_give_one_error_record(name, code):
    (d,) = docs(DATA / "bad" / name)
    assert d.error is not None and d.error.code == code, d.error
    assert d.error.message and d.text is None


def test_missing_column_message_is_actionable():
    (d,) = docs(DATA / "bad" / "nocol.csv")
    assert "columns are identifier, description" in d.error.message
    assert "--text-col" in d.error.message


def test_missing_file():
    (d,) = docs("/nonexistent/file.jsonl")
    assert d.error.code == "not_found"


def test_limits(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("x" * 5000, encoding="utf-8")
    (d,) = list(iter_documents([str(big)], IngestOptions(limits=Limits(max_file_bytes=1000))))
    assert d.error.code == "too_large"
    bomb = make_zip_bomb_docx(tmp_path / "bomb.docx", 5_000_000)
    (d,) = list(iter_documents([str(bomb)], IngestOptions(
        limits=Limits(max_docx_uncompressed_bytes=1_000_000))))
    assert d.error.code == "too_large" and "zip bomb" in d.error.message


def test_encrypted_pdf(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_pdf(tmp_path / "p.pdf", ["secret text"])
    writer = PdfWriter(clone_from=PdfReader(plain))
    writer.encrypt("pw")
    enc = tmp_path / "enc.pdf"
    with open(enc, "wb") as handle:
        writer.write(handle)
    (d,) = docs(enc)
    assert d.error.code == "encrypted"


def test_scanned_pdf_without_text(tmp_path):
    (d,) = docs(make_pdf(tmp_path / "blank.pdf", []))
    assert d.error.code == "empty_text" and "OCR" in d.error.message
