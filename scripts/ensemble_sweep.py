"""Sweep the ensemble: USE head C x TF-IDF weight; micro/macro F1 on seed dev, seed test and
real-world dev (../shared/eval/dev.jsonl). Thresholds are tuned on seed dev only.

Usage: python scripts/ensemble_sweep.py   (about 2 minutes on 2 cores)
"""

# ruff: noqa: E702
from cn_tagger.classify.embedding import UseBackend
from cn_tagger.classify.heads import LinearHeads
from cn_tagger.classify.tfidf import TfidfBackend
from cn_tagger.data import read_gold, targets
from cn_tagger.decide import decide, learn_thresholds
from cn_tagger.metrics import label_metrics
from cn_tagger.segment import Segmenter
from cn_tagger.taxonomy import load_taxonomy
from cn_tagger.train import segment_records

tax = load_taxonomy("configs/taxonomy.yaml")
L = tax.label_ids
seg = Segmenter()
sets = {
    s: read_gold(p)
    for s, p in [
        ("train", "data/seed/train.jsonl"),
        ("dev", "data/seed/dev.jsonl"),
        ("test", "data/seed/test.jsonl"),
        ("rw", "../shared/eval/dev.jsonl"),
    ]
}
docs = {s: segment_records(r, seg) for s, r in sets.items()}
Y = {s: targets(r, L)[0] for s, r in sets.items()}
_, mask = targets(sets["train"], L)
u = UseBackend()
emb = {s: u._embed(d)[0] for s, d in docs.items()}
tf = TfidfBackend().fit(docs["train"], Y["train"], mask)
tfp = {s: tf.predict_proba(d) for s, d in docs.items()}


def ev(P, th, s):
    pred = [set(decide(P[i], L, th)[1]) for i in range(len(P))]
    gold = [set(r.labels) for r in sets[s]]
    m = label_metrics(gold, pred, L)
    return m["micro_f1"], m["macro_f1"]


for C in (1, 4, 16):
    h = LinearHeads(C=C).fit(emb["train"], Y["train"], mask)
    up = {s: h.predict_proba(e) for s, e in emb.items()}
    for w in (0.3, 0.5, 0.7):
        P = {s: w * tfp[s] + (1 - w) * up[s] for s in sets}
        th = learn_thresholds(P["dev"], Y["dev"], L)
        print(
            f"C={C} w_tfidf={w}",
            "dev {:.3f} {:.3f}".format(*ev(P["dev"], th, "dev")),
            "test {:.3f} {:.3f}".format(*ev(P["test"], th, "test")),
            "rw {:.3f} {:.3f}".format(*ev(P["rw"], th, "rw")),
            flush=True,
        )
