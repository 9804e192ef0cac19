"""Builders for binary test inputs (DOCX, PDF) made in code, so tests need no fixtures on disk."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

# Eight one-sentence texts with (in_scope, counter_messaging, education) targets: enough for
# every backend to learn something in a contract test.
TOY_TEXTS = [
    ("Imams in Kano run radio debates that rebut extremist propaganda for young people.", 1, 1, 0),
    ("The programme trains teachers in Mombasa schools in media literacy against extremism.", 1, 0, 1),
    ("Mothers and fathers in Tunis attend workshops on recognising radicalisation.", 1, 0, 0),
    ("A youth football league for children in Nairobi with weekend tournaments.", 0, 0, 0),
    ("A savings group for women traders in Kisumu meets weekly to pool money.", 0, 0, 0),
    ("Young people produce online videos that counter jihadist recruiters' claims.", 1, 1, 0),
    ("School curriculum on critical thinking helps students question extremist messages.", 1, 0, 1),
    ("Border police receive training on detecting forged passports.", 0, 0, 0),
]



def make_pdf(path: Path, lines: list[str]) -> Path:
    """A minimal one-page PDF with a Helvetica text layer (ASCII lines)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    content = "BT /F1 11 Tf 50 780 Td 14 TL " + " ".join(f"({esc(line)}) '" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{body}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    path.write_bytes(out.getvalue())
    return path


def make_docx(path: Path, title: str, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(title, level=1)
    for p in paragraphs:
        document.add_paragraph(p)
    document.save(path)
    return path


def make_zip_bomb_docx(path: Path, inflated_bytes: int) -> Path:
    """A DOCX-shaped zip whose document.xml inflates to ``inflated_bytes``."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<" + b"a" * inflated_bytes + b"/>")
    return path


TINY_WORDS = (
    "the a an and of in to for on with by that at from who each their our its is are be "
    "programme project trains training workers run weekly radio debates answer claims "
    "extremist extremism recruiters imams mosques join broadcast team measures attitudes "
    "young people youth children students teachers schools school media literacy against "
    "mothers fathers parents families attend workshops recognising radicalisation online "
    "videos counter jihadist critical thinking curriculum question messages football league "
    "weekend tournaments savings group women traders meets money border police detecting "
    "forged passports propaganda rebut community station drama listeners kano mombasa tunis "
    "nairobi kisumu maiduguri gao"
).split()


def make_tiny_encoder(path: Path, seed: int = 0, words: tuple[str, ...] = ()) -> Path:
    """A randomly initialised two-layer BERT and its WordPiece tokenizer, saved to ``path``."""
    import torch
    from transformers import BertConfig, BertModel, BertTokenizer

    path.mkdir(parents=True, exist_ok=True)
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", ".", ",", "'", "-",
             *dict.fromkeys([*TINY_WORDS, *words])]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    tokenizer = BertTokenizer.from_pretrained(str(path))
    torch.manual_seed(seed)
    config = BertConfig(vocab_size=len(vocab), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128)
    BertModel(config).save_pretrained(str(path))
    tokenizer.save_pretrained(str(path))
    return path
