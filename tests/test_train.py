import json
import shutil
from pathlib import Path

import pytest
import yaml

from cn_tagger import Tagger
from cn_tagger.artifacts import MANIFEST
from cn_tagger.data import data_hash, read_gold
from cn_tagger.errors import ConfigError, DataError
from cn_tagger.train import TrainConfig, train

ROOT = Path(__file__).resolve().parents[1]


def subset(src: Path, dst: Path, n: int, transform=None) -> Path:
    rows = [json.loads(x) for x in src.read_text(encoding="utf-8").splitlines()[:n]]
    if transform:
        rows = [transform(r) for r in rows]
    dst.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return dst


def tfidf_config(tmp_path, seed_dir, **kw):
    base = dict(name="t", train=str(subset(seed_dir / "train.jsonl", tmp_path / "tr.jsonl", 300)),
                dev=str(subset(seed_dir / "dev.jsonl", tmp_path / "dv.jsonl", 120)), test=None,
                taxonomy=str(ROOT / "configs/taxonomy.yaml"),
                candidates=[{"name": "tfidf", "max_features": 5000}])
    base.update(kw)
    return TrainConfig(**base)


def test_training_is_reproducible(tmp_path, seed_dir):
    config = tfidf_config(tmp_path, seed_dir)
    train(config, tmp_path / "a")
    train(config, tmp_path / "b")
    a = json.loads((tmp_path / "a" / MANIFEST).read_text())
    b = json.loads((tmp_path / "b" / MANIFEST).read_text())
    assert a["files"] == b["files"] and a["metrics"] == b["metrics"]


def test_unknown_label_refused_then_ignored(tmp_path, seed_dir):
    def add_label(r):
        return {**r, "labels": r["labels"] + ["sport"]} if r["in_scope"] else r

    bad = subset(seed_dir / "train.jsonl", tmp_path / "bad.jsonl", 300, add_label)
    config = tfidf_config(tmp_path, seed_dir, train=str(bad))
    with pytest.raises(DataError, match="sport.*--taxonomy.*--ignore-unknown-labels"):
        train(config, tmp_path / "m")
    config.ignore_unknown_labels = True
    model, _ = train(config, tmp_path / "m")
    assert "sport" not in model.taxonomy.label_ids


def test_custom_label_is_learned(tmp_path, seed_dir):
    taxonomy = yaml.safe_load((ROOT / "configs/taxonomy.yaml").read_text(encoding="utf-8"))
    taxonomy["id"] = "2354-para2-plus-radio"
    taxonomy["labels"].append({"id": "radio", "name": "Radio", "clauses": ["2(g)"],
                               "description": "Uses radio broadcasts."})
    tax_path = tmp_path / "taxonomy.yaml"
    tax_path.write_text(yaml.safe_dump(taxonomy, allow_unicode=True), encoding="utf-8")

    def mark_radio(r):
        if r["in_scope"] and "radio" in r["text"].lower():
            return {**r, "labels": r["labels"] + ["radio"]}
        return r

    tr = subset(seed_dir / "train.jsonl", tmp_path / "radio-tr.jsonl", 700, mark_radio)
    dv = subset(seed_dir / "dev.jsonl", tmp_path / "radio-dv.jsonl", 257, mark_radio)
    config = tfidf_config(tmp_path, seed_dir, train=str(tr), dev=str(dv), taxonomy=str(tax_path))
    model, _ = train(config, tmp_path / "radio-model")
    assert model.taxonomy.label_ids[-1] == "radio"
    tagger = Tagger.load(tmp_path / "radio-model")
    result = tagger.tag("A community radio station in Gao broadcasts a weekly radio drama and "
                        "call-in radio show in which imams answer young listeners and rebut "
                        "the propaganda of armed extremist groups.")
    assert "radio" in result.scores and result.in_scope
    assert "radio" in result.labels


def test_config_file_and_overrides(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("name: x\ncandidates: [{name: tfidf}]\nthresholds: {floor: 0.3}\n")
    config = TrainConfig.from_file(path, name="y")
    assert config.name == "y" and config.thresholds.floor == 0.3
    path.write_text("nmae: typo\n")
    with pytest.raises(ConfigError, match="unknown setting.*nmae"):
        TrainConfig.from_file(path)


def test_shipped_default_matches_its_data(default_model_dir):
    manifest = json.loads((default_model_dir / MANIFEST).read_text())
    config = manifest["training"]["config"]
    records = [read_gold(ROOT / config["train"]), read_gold(ROOT / config["dev"])]
    assert manifest["training"]["data_hash"] == data_hash(records)


def test_corrections_are_added_to_training(tmp_path, seed_dir):
    sheet = tmp_path / "review.csv"
    sheet.write_text(
        "id,uncertainty,language,in_scope,labels,evidence,text,corrected_in_scope,"
        "corrected_labels,reviewer_note\n"
        "c1,0.9,en,false,,,\"Mothers in Kano meet to discuss how recruiters approach sons.\","
        "true,families;gender,\n", encoding="utf-8")
    baseline, _ = train(tfidf_config(tmp_path, seed_dir), tmp_path / "before")
    config = tfidf_config(tmp_path, seed_dir, corrections=[str(sheet)])
    model, _ = train(config, tmp_path / "m")
    assert model.manifest["training"]["n_train"] == 301
    # the corrected record changes the next model: other data hash, other weights
    assert model.manifest["training"]["data_hash"] != baseline.manifest["training"]["data_hash"]
    assert model.manifest["files"] != baseline.manifest["files"]


@pytest.mark.slow
def test_hf_datasets_loads_gold_offline(seed_dir):
    from cn_tagger.data import as_hf_dataset

    ds = as_hf_dataset(seed_dir / "dev.jsonl")
    assert ds.num_rows == len(read_gold(seed_dir / "dev.jsonl"))
    assert set(ds.column_names) >= {"id", "text", "labels", "in_scope", "language"}


def test_copy_of_model_dir_loads(tmp_path, tfidf_model_dir):
    shutil.copytree(tfidf_model_dir, tmp_path / "copy")
    assert Tagger.load(tmp_path / "copy").tag("Imams rebut propaganda.").status == "ok"


@pytest.mark.slow
def test_documented_command_reproduces_the_shipped_default(tmp_path, default_model_dir,
                                                           monkeypatch):
    """`cn-tagger train --config configs/train-default.yaml` gives the shipped weights."""
    monkeypatch.chdir(ROOT)
    config = TrainConfig.from_file(ROOT / "configs/train-default.yaml")
    config.extra_eval = {}  # ../shared may be absent; it does not affect the weights
    model, _ = train(config, tmp_path / "default")
    shipped = json.loads((default_model_dir / MANIFEST).read_text())
    assert model.manifest["files"] == shipped["files"]
    assert model.manifest["training"]["data_hash"] == shipped["training"]["data_hash"]
    for split in ("dev", "test"):
        for key in ("micro_f1", "macro_f1"):
            assert abs(model.manifest["metrics"][split][key]
                       - shipped["metrics"][split][key]) < 0.01
