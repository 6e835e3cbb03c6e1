"""Train the IPTC Media Topics classifier from ../shared/data/meta.

    python -m service.tools.train_topics --meta ../shared/data/meta --geo-dir ../shared/data/geo \
        --out service/resources/models

Writes ``topics.npz`` (the model) and ``iptc_topics.json`` (the part of the IPTC vocabulary
the service needs: codes, labels, parents of levels 1 and 2).

What each topic learns from:
- BBC News (business, entertainment, politics, sport, tech) and AG News (Sports, Business,
  Sci/Tech), mapped to IPTC: labelled articles.
- AG News "World": partially labelled - the label says "not sport, business or technology".
  Each round gives every World article the likeliest of the other 14 topics (hard EM).
- Every IPTC concept's label and definition, as a short text of its top-level topic.
- ``data/own_topic_training.tsv``: 120 short articles written for this project for the 12
  topics that have no labelled articles (distinct from the own *test* set in tests/fixtures).
- Unlabelled news (date/author pages, geoparsing corpora): the articles the current model
  is surest belong to one of those 12 topics join the training set (self-training).

A second-level model learns from the definitions of every concept below each level-2 topic
and the own training articles' second-level labels. The softmax temperature is fitted on
held-out folds (BBC + AG) so the stated confidence matches accuracy.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

from ..core.topics import TopicModel, topic_terms

OWN_TRAINING = Path(__file__).with_name("data") / "own_topic_training.tsv"
NOT_WORLD = ("medtop:04000000", "medtop:13000000", "medtop:15000000")   # what AG "World" is not
MIN_DF = 2
DEFINITION_WEIGHT = 3.0
OWN_WEIGHT = 3.0
PSEUDO_PER_TOPIC = 100
PSEUDO_MIN_PROBABILITY = 0.3
SELF_TRAINING_ROUNDS = 2
C = 10.0
SUB_C = 10.0
SUB_THRESHOLD = 0.5
CALIBRATION_FOLDS = 3


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def iptc_vocabulary(meta_dir: Path) -> list[dict]:
    concepts = read_jsonl(meta_dir / "iptc_mediatopics_2023-10-24.jsonl")
    return [c for c in concepts if not c.get("retired")]


def definition_texts(concepts: list[dict]) -> list[tuple[str, str]]:
    """(text, top-level qcode) for every active concept: its label and definition."""
    return [(f"{c['label']}. {c.get('definition') or ''}", c["top"]) for c in concepts]


def second_level_of(concepts: list[dict]) -> dict[str, str]:
    """qcode -> its level-2 ancestor (itself at level 2), for concepts at level 2 and below."""
    parent = {c["qcode"]: c.get("parent") for c in concepts}
    level = {c["qcode"]: c["level"] for c in concepts}
    out = {}
    for code in parent:
        node = code
        while node in level and level[node] > 2:
            node = parent[node]
        if level.get(node) == 2:
            out[code] = node
    return out


def own_training_articles(path: Path = OWN_TRAINING) -> list[tuple[str, str, str]]:
    """(text, top-level qcode, second-level qcode) from the project's own training articles."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            top, second, title, body = line.split("\t")
            out.append((f"{title}\n{body}", f"medtop:{top}", f"medtop:{second}"))
    return out


def labelled_articles(meta_dir: Path) -> list[tuple[str, str, str]]:
    """(id, text, qcode) of BBC and AG News articles that have an IPTC mapping."""
    out = []
    for name in ("topics_bbc.jsonl", "topics_agnews_test.jsonl"):
        for record in read_jsonl(meta_dir / name):
            if record.get("iptc"):
                out.append((record["id"], record["text"], record["iptc"]))
    return out


def unlabelled_articles(meta_dir: Path, geo_dir: Path | None) -> list[tuple[str, str]]:
    """(id, text) of news with no IPTC label: AG News World, English date/author pages, geoparsing corpora."""
    texts = [(r["id"], r["text"]) for r in read_jsonl(meta_dir / "topics_agnews_test.jsonl") if not r.get("iptc")]
    for name in ("dates_authors_naeb.jsonl", "dates_authors_trafilatura.jsonl", "dates_htmldate.jsonl"):
        texts += [(r["id"], r["text"]) for r in read_jsonl(meta_dir / name) if r.get("lang") == "en"]
    if geo_dir is not None:
        for name in ("gwn.jsonl", "lgl.jsonl", "trnews.jsonl", "geovirus.jsonl"):
            if (geo_dir / name).exists():
                texts += [(r["id"], r["text"]) for r in read_jsonl(geo_dir / name)]
    return texts


def is_ag_world(doc_id: str) -> bool:
    return doc_id.startswith("agnews")


def fold_of(doc_id: str, folds: int) -> int:
    return int(hashlib.md5(doc_id.encode()).hexdigest(), 16) % folds


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


def partial_labels(model: TopicModel, texts: list[str], excluded: tuple[str, ...]) -> list[tuple[str, str]]:
    """(text, likeliest topic outside `excluded`): AG World says only what an article is not."""
    allowed = np.array([c not in excluded for c in model.classes])
    return [(t, model.classes[int(np.argmax(np.where(allowed, model.probabilities(t), -1.0)))]) for t in texts]


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


def fit_linear(X, labels: list[str], weights: list[float], classes: list[str], c: float) -> tuple[np.ndarray, np.ndarray]:
    """Class-balanced multinomial logistic regression -> (weights (V, C), bias (C,)); absent classes never win."""
    from sklearn.linear_model import LogisticRegression
    y = np.array([classes.index(label) for label in labels])
    # Balance the classes: BBC and AG bring thousands of articles for five topics, the others
    # have tens of texts; without this the model never says "weather".
    w = np.array(weights, dtype=np.float64)
    totals = np.bincount(y, weights=w, minlength=len(classes))
    w = w * (w.sum() / (len(np.unique(y)) * totals[y]))
    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(X, y, sample_weight=w)
    weight_matrix = np.zeros((X.shape[1], len(classes)), dtype=np.float32)
    bias = np.full(len(classes), -1e4, dtype=np.float32)
    for k, cls_index in enumerate(clf.classes_):
        weight_matrix[:, cls_index] = clf.coef_[k]
        bias[cls_index] = clf.intercept_[k]
    return weight_matrix, bias


def fit(texts: list[str], labels: list[str], weights: list[float], classes: list[str], name: str) -> TopicModel:
    vocabulary, idf = build_vocabulary(texts)
    weight_matrix, bias = fit_linear(tfidf_matrix(texts, vocabulary, idf), labels, weights, classes, C)
    return TopicModel(name=name, vocabulary=vocabulary, idf=idf, weights=weight_matrix, bias=bias,
                      classes=classes, labels={}, parents={})


def train(articles: list[tuple[str, str, str]], definitions: list[tuple[str, str]],
          unlabelled: list[tuple[str, str]], own: list[tuple[str, str, str]], classes: list[str]) -> TopicModel:
    """Vocabulary + own articles -> labels for World and confident unlabelled news -> final model."""
    fixed_texts = [d[0] for d in definitions] + [o[0] for o in own]
    fixed_labels = [d[1] for d in definitions] + [o[1] for o in own]
    fixed_weights = [DEFINITION_WEIGHT] * len(definitions) + [OWN_WEIGHT] * len(own)
    model = fit(fixed_texts, fixed_labels, fixed_weights, classes, name="seed")
    uncovered = set(classes) - {a[2] for a in articles}
    world = [text for doc_id, text in unlabelled if is_ag_world(doc_id)]
    other = [text for doc_id, text in unlabelled if not is_ag_world(doc_id)]
    for _ in range(SELF_TRAINING_ROUNDS):
        guessed = pseudo_labels(model, other, uncovered) + partial_labels(model, world, NOT_WORLD)
        texts = [a[1] for a in articles] + fixed_texts + [g[0] for g in guessed]
        labels = [a[2] for a in articles] + fixed_labels + [g[1] for g in guessed]
        weights = [1.0] * len(articles) + fixed_weights + [1.0] * len(guessed)
        model = fit(texts, labels, weights, classes, name="tfidf-logreg-selftrained-v2")
    return model


def add_second_level(model: TopicModel, concepts: list[dict], own: list[tuple[str, str, str]]) -> None:
    """Second-level model over the top-level model's vocabulary: concept definitions + own articles."""
    second = second_level_of(concepts)
    texts = [f"{c['label']}. {c.get('definition') or ''}" for c in concepts if c["qcode"] in second]
    labels = [second[c["qcode"]] for c in concepts if c["qcode"] in second]
    texts += [o[0] for o in own]
    labels += [o[2] for o in own]
    sub_classes = sorted(set(labels))
    X = tfidf_matrix(texts, model.vocabulary, model.idf)
    weights, bias = fit_linear(X, labels, [1.0] * len(texts), sub_classes, SUB_C)
    used = np.unique(X.indices)      # terms no training text has keep weight 0: store only the rest
    model.sub_terms, model.sub_weights, model.sub_bias = used, weights[used], bias
    model.sub_classes = sub_classes
    model.sub_threshold = SUB_THRESHOLD
    model.__post_init__()


def fit_temperature(logits: np.ndarray, gold: np.ndarray) -> float:
    """The softmax temperature minimising held-out negative log-likelihood (grid, then refined)."""
    def nll(t: float) -> float:
        z = logits / t
        z = z - z.max(axis=1, keepdims=True)
        return float(-(z[np.arange(len(gold)), gold] - np.log(np.exp(z).sum(axis=1))).mean())
    grid = np.exp(np.linspace(np.log(0.2), np.log(5.0), 41))
    best = min(grid, key=nll)
    fine = best * np.exp(np.linspace(-0.08, 0.08, 17))
    return round(float(min(fine, key=nll)), 3)


def held_out_logits(articles, definitions, unlabelled, own, classes, folds: int) -> tuple[np.ndarray, np.ndarray]:
    """Logits of each labelled article from a model trained without its fold."""
    rows, gold = [], []
    for k in range(folds):
        model = train([a for a in articles if fold_of(a[0], folds) != k], definitions,
                      [u for u in unlabelled if not (is_ag_world(u[0]) and fold_of(u[0], folds) == k)], own, classes)
        for doc_id, text, code in articles:
            if fold_of(doc_id, folds) == k:
                rows.append(model.logits(text))
                gold.append(classes.index(code))
    return np.array(rows), np.array(gold)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meta", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True, help="models folder")
    parser.add_argument("--geo-dir", type=Path, default=None, help="../shared/data/geo, for unlabelled news")
    parser.add_argument("--calibration-folds", type=int, default=CALIBRATION_FOLDS,
                        help="held-out folds for the temperature (0: keep 1.0)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    concepts = iptc_vocabulary(args.meta)
    classes = sorted(c["qcode"] for c in concepts if c["level"] == 1)
    articles = labelled_articles(args.meta)
    definitions = definition_texts(concepts)
    unlabelled = unlabelled_articles(args.meta, args.geo_dir)
    own = own_training_articles()
    model = train(articles, definitions, unlabelled, own, classes)
    if args.calibration_folds > 1:
        logits, gold = held_out_logits(articles, definitions, unlabelled, own, classes, args.calibration_folds)
        model.temperature = fit_temperature(logits, gold)
    add_second_level(model, concepts, own)
    args.out.mkdir(parents=True, exist_ok=True)
    model.save(args.out / "topics.npz")
    vocabulary = {"source": "iptc_mediatopics_2023-10-24.jsonl (IPTC, CC BY 4.0)",
                  "topics": [{"qcode": c["qcode"], "label": c["label"], "level": c["level"],
                              "parent": c.get("parent"), "definition": c.get("definition")}
                             for c in sorted(concepts, key=lambda c: c["qcode"]) if c["level"] <= 2]}
    (args.out / "iptc_topics.json").write_text(json.dumps(vocabulary, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"topics: {len(articles)} labelled + {len(own)} own articles, {len(model.vocabulary)} terms, "
          f"temperature {model.temperature} -> {args.out} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
