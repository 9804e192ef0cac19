"""One contract test parametrised over every backend, plus round trips."""

import numpy as np
import pytest
import scipy.sparse as sp

from cn_tagger.classify import Segmented, build_backend, load_backend, save_backend
from cn_tagger.classify.base import NotFittedError
from helpers import TOY_TEXTS

TEXTS = TOY_TEXTS * 2
DOCS = [Segmented(t, tuple(t.split(". "))) for t, *_ in TEXTS]
Y = np.array([row[1:] for row in TEXTS], dtype=np.int8)
MASK = np.ones_like(Y, dtype=bool)
MASK[:, 1:] = Y[:, [0]].astype(bool)

SPECS = [
    {"name": "tfidf", "min_df": 1},
    {"name": "use"},
    {"name": "ensemble", "members": [{"name": "tfidf", "min_df": 1}, {"name": "use"}]},
    # "TINY" is replaced by a tiny random BERT built in code (conftest.tiny_encoder)
    {"name": "transformer", "encoder": "TINY", "max_length": 32},
    {"name": "transformer", "encoder": "TINY", "mode": "finetune", "max_length": 32, "epochs": 3,
     "batch_size": 4, "lr": 1e-3, "head_lr": 1e-2, "threads": 1},
]
IDS = ["tfidf", "use", "ensemble", "transformer-frozen", "transformer-finetune"]


def with_encoder(spec: dict, request) -> dict:
    if spec.get("encoder") == "TINY":
        return {**spec, "encoder": str(request.getfixturevalue("tiny_encoder"))}
    return dict(spec)


@pytest.fixture(scope="module", params=SPECS, ids=IDS)
def fitted(request):
    return build_backend(with_encoder(request.param, request)).fit(DOCS, Y, MASK)


def test_scores_shape_and_range(fitted):
    scores = fitted.predict_proba(DOCS)
    assert scores.shape == (len(DOCS), 3)
    assert np.all((scores >= 0) & (scores <= 1))
    # learns something: in-scope texts score higher on scope than out-of-scope ones
    assert scores[Y[:, 0] == 1, 0].mean() > scores[Y[:, 0] == 0, 0].mean()


def test_sentence_scores_align_with_sentences(fitted):
    docs, sents = fitted.predict_with_sentences(DOCS[:3])
    assert docs.shape == (3, 3)
    assert [s.shape for s in sents] == [(len(d.sentences), 3) for d in DOCS[:3]]
    np.testing.assert_allclose(docs, fitted.predict_proba(DOCS[:3]), atol=1e-6)


def test_save_load_same_scores(fitted, tmp_path):
    spec = save_backend(fitted, tmp_path)
    loaded = load_backend(tmp_path, spec)
    np.testing.assert_allclose(loaded.predict_proba(DOCS), fitted.predict_proba(DOCS), atol=1e-6)


def test_batch_equals_single(fitted):
    batch = fitted.predict_proba(DOCS[:4])
    single = np.vstack([fitted.predict_proba([d]) for d in DOCS[:4]])
    np.testing.assert_allclose(batch, single, atol=1e-5)


@pytest.mark.parametrize("spec", [SPECS[0], SPECS[1], SPECS[3]], ids=lambda s: s["name"])
def test_predict_before_fit_says_what_to_call(spec):
    with pytest.raises(NotFittedError, match="call fit"):
        build_backend(dict(spec)).predict_proba(DOCS[:1])


def test_unknown_backend_is_refused():
    from cn_tagger.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown backend 'bert'"):
        build_backend({"name": "bert"})


def test_tfidf_features_equal_sklearn_tfidf_on_whole_text():
    backend = build_backend({"name": "tfidf", "min_df": 1}).fit(DOCS, Y, MASK)
    whole = [Segmented(d.text, ()) for d in DOCS]  # no sentences: the text is one unit
    ours, _, _ = backend._doc_and_sentence_features(whole)
    blocks = [v.transform([d.text for d in whole]) for v in backend.vectorizers_]
    reference = np.hstack([b.toarray() for b in blocks]) / np.sqrt(len(blocks))
    np.testing.assert_allclose(ours.toarray(), reference, atol=1e-6)


def test_tfidf_document_counts_are_the_sum_of_its_sentences():
    backend = build_backend({"name": "tfidf", "min_df": 1}).fit(DOCS, Y, MASK)
    doc = Segmented("Imams rebut propaganda. Teachers train students.",
                    ("Imams rebut propaganda.", "Teachers train students."))
    sentences = backend._counts(list(doc.sentences))
    pooled, _, sizes = backend._doc_and_sentence_features([doc])
    expected = backend._weight([sp.csr_matrix(b.sum(axis=0)) for b in sentences])
    assert sizes == [2]
    np.testing.assert_allclose(pooled.toarray(), expected.toarray(), atol=1e-6)
