import numpy as np

from cn_tagger.decide import Thresholds, best_f1_threshold, decide, learn_thresholds


def test_best_threshold_separates_classes():
    scores = np.array([0.9, 0.8, 0.7, 0.3, 0.2, 0.1])
    truth = np.array([1, 1, 1, 0, 0, 0])
    t = best_f1_threshold(scores, truth, floor=0.0)
    assert 0.3 < t < 0.7


def test_rare_label_keeps_default_and_floor_applies():
    assert best_f1_threshold(np.array([0.9, 0.1]), np.array([1, 0]), min_support=3) == 0.5
    scores = np.array([0.05, 0.04, 0.03, 0.01])
    assert best_f1_threshold(scores, np.array([1, 1, 1, 0]), floor=0.2) == 0.2


def test_decide_gates_on_scope():
    th = Thresholds(0.5, {"a": 0.3, "b": 0.6})
    assert decide(np.array([0.4, 0.9, 0.9]), ["a", "b"], th) == (False, [])
    assert decide(np.array([0.6, 0.9, 0.5]), ["a", "b"], th) == (True, ["a"])


def test_per_language_override():
    th = Thresholds(0.5, {"a": 0.3}, {"fr": {"a": 0.8}})
    assert decide(np.array([0.9, 0.5]), ["a"], th, "fr") == (True, [])
    assert decide(np.array([0.9, 0.5]), ["a"], th, "en") == (True, ["a"])


def test_learn_uses_in_scope_rows_for_labels():
    rng = np.random.default_rng(0)
    y = np.zeros((40, 2), dtype=int)
    y[:30, 0] = 1
    y[:15, 1] = 1
    scores = np.c_[y[:, 0] * 0.6 + 0.2, y[:, 1] * 0.5 + 0.25 + rng.normal(0, 0.02, 40)]
    th = learn_thresholds(scores, y, ["a"])
    assert 0.3 < th.scope < 0.8 and 0.3 < th.labels["a"] < 0.75
    assert Thresholds.from_dict(th.to_dict()) == th


def test_pool_scores_mixes_best_sentence_into_labels_only():
    from cn_tagger.decide import pool_scores

    docs = np.array([[0.9, 0.2, 0.1]])
    sentences = [np.array([[0.5, 0.8, 0.0], [0.7, 0.1, 0.3]])]
    pooled = pool_scores(docs, sentences, 0.5)
    np.testing.assert_allclose(pooled, [[0.9, 0.5, 0.2]])  # scope column untouched
    assert pool_scores(docs, sentences, 0.0) is docs
