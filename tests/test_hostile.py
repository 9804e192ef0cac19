"""Hostile and broken inputs: nothing lost, every failure explained, memory bounded."""

import json
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cn_tagger.ingest import IngestOptions, Limits, iter_documents
from cn_tagger.runner import RunStats

HOSTILE = settings(max_examples=40, deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])


def read(path, **limits):
    return list(iter_documents([str(path)], IngestOptions(limits=Limits(**limits))))


@HOSTILE
@given(data=st.binary(max_size=3000), ext=st.sampled_from([".jsonl", ".csv", ".tsv", ".txt",
                                                           ".md", ".html", ".docx", ".pdf"]))
def test_arbitrary_bytes_never_crash(tmp_path, data, ext):
    path = tmp_path / f"x{ext}"
    path.write_bytes(data)
    docs = read(path)
    for d in docs:
        assert (d.text is None) == (d.error is not None)
        if d.error:
            assert d.error.code and d.error.message
    if ext in (".txt", ".md", ".html", ".docx", ".pdf"):
        assert len(docs) == 1  # a whole-document file is always exactly one record


@HOSTILE
@given(lines=st.lists(st.one_of(
    st.text(max_size=80),
    st.builds(lambda t, i: json.dumps({"id": i, "text": t}), st.text(max_size=80),
              st.integers()),
), max_size=15))
def test_jsonl_one_record_per_nonblank_line(tmp_path, lines):
    lines = [x.replace("\n", " ").replace("\r", " ") for x in lines]
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    docs = read(path)
    assert len(docs) == sum(1 for x in lines if x.strip())


def test_over_long_jsonl_line_is_one_error_and_the_rest_survive(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x" * 5000}) + "\n"
                    + json.dumps({"id": "b", "text": "fine"}) + "\n", encoding="utf-8")
    a, b = read(path, max_line_chars=1000)
    assert a.error.code == "too_large" and b.id == "b" and b.text == "fine"


def test_docx_entity_expansion_is_not_performed(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "AAAAAAAAAA">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "entities.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://'
                         'schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", bomb)
    (d,) = read(path)
    assert d.error is not None or "AAAAAAAAAA" not in (d.text or "")


def test_external_entity_in_html_is_not_fetched(tmp_path):
    path = tmp_path / "xxe.html"
    path.write_text('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><html><body><p>'
                    'Programme text &e; here.</p></body></html>', encoding="utf-8")
    (d,) = read(path)
    assert "root:" not in d.text and "Programme text" in d.text


def test_csv_with_nul_bytes_and_ragged_rows(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"id,text\n1,hello\x00 world\n2,a,b,c\n3\n")
    docs = read(path)
    assert [d.id for d in docs] == ["1", "2", "3"]
    assert docs[0].text == "hello world" and docs[1].meta == {"extra_1": "b", "extra_2": "c"}
    assert docs[2].error.code == "missing_text"


def test_duplicate_ids_are_kept_and_counted():
    stats = RunStats()
    for rid in ("a", "b", "a", "a"):
        stats.add({"id": rid, "status": "ok", "in_scope": {"value": True}})
    assert stats.records == 4 and stats.duplicate_ids == 2
    assert "2 duplicate ids (first: 'a', all kept)" in stats.summary()


def test_streaming_keeps_memory_flat(tmp_path):
    import tracemalloc

    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(60000):
            handle.write(json.dumps({"id": i, "text": "t" * 400}) + "\n")
    assert path.stat().st_size > 24_000_000
    tracemalloc.start()
    count = sum(1 for _ in iter_documents([str(path)]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 60000
    assert peak < 8_000_000  # far below the file size: records are streamed, not loaded
