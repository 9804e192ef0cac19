import json
import shutil

import pytest

from cn_tagger.artifacts import MANIFEST, load_model
from cn_tagger.errors import ModelError


@pytest.fixture
def model_copy(tfidf_model_dir, tmp_path):
    dst = tmp_path / "model"
    shutil.copytree(tfidf_model_dir, dst)
    return dst


def test_manifest_describes_model(tfidf_model_dir):
    manifest = json.loads((tfidf_model_dir / MANIFEST).read_text())
    for key in ("format_version", "cn_tagger_version", "backend", "taxonomy", "thresholds",
                "files", "training", "metrics"):
        assert key in manifest
    assert manifest["taxonomy"]["labels"][0] == "national_ownership"
    assert len(manifest["training"]["data_hash"]) == 64
    assert (tfidf_model_dir / "MODEL_CARD.md").read_text().startswith("# Model card")


def test_flipped_byte_is_refused(model_copy):
    target = next(p for p in model_copy.rglob("*.npz"))
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="does not match its SHA-256"):
        load_model(model_copy)


def test_missing_file_is_refused(model_copy):
    next(p for p in model_copy.rglob("*.json") if p.name != MANIFEST).unlink()
    with pytest.raises(ModelError, match="missing|incomplete"):
        load_model(model_copy)


def test_other_format_version_is_refused(model_copy):
    path = model_copy / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["format_version"] = 99
    path.write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="format version 99"):
        load_model(model_copy)


def test_taxonomy_swap_is_refused(model_copy):
    path = model_copy / MANIFEST
    manifest = json.loads(path.read_text())
    manifest["taxonomy"]["checksum"] = "0" * 64
    path.write_text(json.dumps(manifest))
    with pytest.raises(ModelError, match="taxonomy"):
        load_model(model_copy)


def test_not_a_model_directory(tmp_path):
    with pytest.raises(ModelError, match="manifest.json is missing"):
        load_model(tmp_path)


def test_no_code_executing_formats(tfidf_model_dir):
    suffixes = {p.suffix for p in tfidf_model_dir.rglob("*") if p.is_file()}
    assert suffixes <= {".json", ".npz", ".md"}
