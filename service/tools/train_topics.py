"""Train the IPTC Media Topics classifier from ../shared/data/meta.

    python -m service.tools.train_topics --meta ../shared/data/meta --out service/resources/models

Writes ``topics.npz`` (the model) and ``iptc_topics.json`` (the part of the IPTC vocabulary
the service needs: codes, labels, parents of levels 1 and 2).

Labelled articles: BBC News (business, entertainment, politics, sport, tech) and AG News
(Sports, Business, Sci/Tech), mapped to IPTC. Topics with no labelled articles learn from
the IPTC vocabulary itself and from unlabelled news, in two steps:
1. a model trained on the vocabulary (every concept's label and definition is a short
   text of its top-level topic) reads unlabelled articles (AG News "World", the news pages
   of the date/author sets, the texts of the geoparsing corpora);
2. the articles it is most sure belong to a topic without labelled data join the training
   set with that label (self-training), and the final model learns from all of it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..core.topics import TopicModel, topic_terms

MIN_DF = 2
DEFINITION_WEIGHT = 3.0
PSEUDO_WEIGHT = 1.0
PSEUDO_PER_TOPIC = 100
PSEUDO_MIN_PROBABILITY = 0.3
SELF_TRAINING_ROUNDS = 2
C = 10.0


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def iptc_vocabulary(meta_dir: Path) -> list[dict]:
    concepts = read_jsonl(meta_dir / "iptc_mediatopics_2023-10-24.jsonl")
    return [c for c in concepts if not c.get("retired")]


def definition_texts(concepts: list[dict]) -> list[tuple[str, str]]:
    """(text, top-level qcode) for every active concept: its label and definition."""
    return [(f"{c['label']}. {c.get('definition') or ''}", c["top"]) for c in concepts]


def labelled_articles(meta_dir: Path) -> list[tuple[str, str, str]]:
    """(id, text, qcode) of BBC and AG News articles that have an IPTC mapping."""
    out = []
    for name in ("topics_bbc.jsonl", "topics_agnews_test.jsonl"):
        for record in read_jsonl(meta_dir / name):
            if record.get("iptc"):
                out.append((record["id"], record["text"], record["iptc"]))
    return out


def unlabelled_articles(meta_dir: Path, geo_dir: Path | None) -> list[str]:
    """News texts with no IPTC label: AG News World, English date/author pages, geoparsing corpora."""
    texts = [r["text"] for r in read_jsonl(meta_dir / "topics_agnews_test.jsonl") if not r.get("iptc")]
    for name in ("dates_authors_naeb.jsonl", "dates_authors_trafilatura.jsonl", "dates_htmldate.jsonl"):
        texts += [r["text"] for r in read_jsonl(meta_dir / name) if r.get("lang") == "en"]
    if geo_dir is not None:
        for name in ("gwn.jsonl", "lgl.jsonl", "trnews.jsonl", "geovirus.jsonl"):
            if (geo_dir / name).exists():
                texts += [r["text"] for r in read_jsonl(geo_dir / name)]
    return texts


def pseudo_labels(model: TopicModel, texts: list[str], topics: set[str]) -> list[tuple[str, str]]:
    """(text, topic) for the articles the model is surest of, per topic in `topics`."""
    by_topic: dict[str, list[tuple[float, int]]] = {t: [] for t in topics}
    for i, text in enumerate(texts):
        probs = model.probabilities(text)
        best = int(np.argmax(probs))
        code = model.classes[best]
        if code in topics and probs[best] >= PSEUDO_MIN_PROBABILITY:
            by_topic[code].append((float(probs[best]), i))
    out = []
    for code, scored in sorted(by_topic.items()):
        for _, i in sorted(scored, reverse=True)[:PSEUDO_PER_TOPIC]:
            out.append((texts[i], code))
    return out


def build_vocabulary(texts: list[str]) -> tuple[dict[str, int], np.ndarray]:
    df = Counter()
    for text in texts:
        df.update(set(topic_terms(text)))
    terms = sorted(t for t, n in df.items() if n >= MIN_DF)
    vocabulary = {t: i for i, t in enumerate(terms)}
    n = len(texts)
    idf = np.array([np.log((1 + n) / (1 + df[t])) + 1.0 for t in terms], dtype=np.float32)
    return vocabulary, idf


def tfidf_matrix(texts: list[str], vocabulary: dict[str, int], idf: np.ndarray):
    from scipy.sparse import csr_matrix
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        counts = Counter(vocabulary[t] for t in topic_terms(text) if t in vocabulary)
        if not counts:
            continue
        idx = np.fromiter(counts.keys(), dtype=np.int64)
        tf = np.fromiter(counts.values(), dtype=np.float32)
        v = (1 + np.log(tf)) * idf[idx]
        v /= np.linalg.norm(v)
        rows += [r] * len(idx)
        cols += idx.tolist()
        vals += v.tolist()
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocabulary)), dtype=np.float32)


def fit(texts: list[str], labels: list[str], weights: list[float], classes: list[str], name: str) -> TopicModel:
    from sklearn.linear_model import LogisticRegression
    vocabulary, idf = build_vocabulary(texts)
    X = tfidf_matrix(texts, vocabulary, idf)
    y = np.array([classes.index(label) for label in labels])
    # Balance the classes: BBC and AG bring thousands of articles for five topics, the others
    # have tens of texts; without this the model never says "weather".
    w = np.array(weights, dtype=np.float64)
    totals = np.bincount(y, weights=w, minlength=len(classes))
    w = w * (w.sum() / (len(np.unique(y)) * totals[y]))
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, y, sample_weight=w)
    weight_matrix = np.zeros((len(vocabulary), len(classes)), dtype=np.float32)
    bias = np.full(len(classes), -1e4, dtype=np.float32)
    for k, cls_index in enumerate(clf.classes_):
        weight_matrix[:, cls_index] = clf.coef_[k]
        bias[cls_index] = clf.intercept_[k]
    return TopicModel(name=name, vocabulary=vocabulary, idf=idf, weights=weight_matrix, bias=bias,
                      classes=classes, labels={}, parents={})


def train(articles: list[tuple[str, str, str]], definitions: list[tuple[str, str]], unlabelled: list[str],
          classes: list[str]) -> TopicModel:
    """Vocabulary-only model -> pseudo-labels for topics without articles -> final model."""
    model = fit([d[0] for d in definitions], [d[1] for d in definitions], [1.0] * len(definitions),
                classes, name="definitions")
    uncovered = set(classes) - {a[2] for a in articles}
    for _ in range(SELF_TRAINING_ROUNDS):
        pseudo = pseudo_labels(model, unlabelled, uncovered)
        texts = [a[1] for a in articles] + [d[0] for d in definitions] + [p[0] for p in pseudo]
        labels = [a[2] for a in articles] + [d[1] for d in definitions] + [p[1] for p in pseudo]
        weights = [1.0] * len(articles) + [DEFINITION_WEIGHT] * len(definitions) + [PSEUDO_WEIGHT] * len(pseudo)
        model = fit(texts, labels, weights, classes, name="tfidf-logreg-selftrained-v1")
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meta", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="models folder")
    parser.add_argument("--geo-dir", type=Path, default=None, help="../shared/data/geo, for unlabelled news")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    concepts = iptc_vocabulary(args.meta)
    classes = sorted(c["qcode"] for c in concepts if c["level"] == 1)
    articles = labelled_articles(args.meta)
    definitions = definition_texts(concepts)
    model = train(articles, definitions, unlabelled_articles(args.meta, args.geo_dir), classes)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "topics.npz")
    vocabulary = {"source": "iptc_mediatopics_2023-10-24.jsonl (IPTC, CC BY 4.0)",
                  "topics": [{"qcode": c["qcode"], "label": c["label"], "level": c["level"],
                              "parent": c.get("parent"), "definition": c.get("definition")}
                             for c in sorted(concepts, key=lambda c: c["qcode"]) if c["level"] <= 2]}
    (args.out / "iptc_topics.json").write_text(json.dumps(vocabulary, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"topics: {len(articles)} labelled articles, {len(model.vocabulary)} terms -> {args.out} "
          f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
