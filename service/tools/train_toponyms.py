"""Train the toponym recogniser from the annotated news corpora in ../shared/data/geo.

    python -m service.tools.train_toponyms --geo-dir ../shared/data/geo            # train, write the model
    python -m service.tools.train_toponyms --geo-dir ../shared/data/geo --folds 5  # cross-validate only

Trains a logistic regression over candidate-span features (``service.core.places.spans``)
on the development halves of GeoWebNews (weighted double: its annotation is the broadest),
LGL, TR-News and GeoVirus (whose demonym candidates are left out: it does not mark them).
Deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

from ..core.document import Document
from ..core.places.candidates import find_gazetteer_matches
from ..core.places.dateline import filing_places
from ..core.places.recognize import score_candidates, select_spans
from ..core.places.spans import generate_candidates
from ..resources import default_paths
from ..resources.gazetteer import KIND_CITY, NAME_PRIMARY, Gazetteer
from ..resources.lexicon import Lexicon
from ..resources.linear import fit_linear
from ..resources.toponym_model import ToponymModel

CORPUS_WEIGHTS = {"gwn": 2.0, "lgl": 1.0, "trnews": 1.0, "geovirus": 1.0}
# GeoVirus does not mark demonyms ("Chinese" officials): its demonym candidates are left out of
# training rather than taught as non-places.
SKIP_DEMONYMS = {"geovirus"}
# TR-News leaves about a quarter of its mentions of cities of a million unmarked ("Calgary, Edmonton,
# Saskatoon, Winnipeg" in a ranking of Canadian cities; the other corpora: 0 to 6 %). Those are gaps,
# not lessons: taught as non-places, they made "officials in Calgary" no place.
SKIP_UNMARKED_CITIES = {"trnews"}
BIG_CITY = 1_000_000
C = 0.6
THRESHOLD = 0.3
MIN_FEATURE_COUNT = 2


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return sorted((json.loads(line) for line in fh if line.strip()), key=lambda d: d["id"])


def gold_spans(record: dict) -> set[tuple[int, int]]:
    return {(t["start"], t["end"]) for t in record["toponyms"] + record.get("toponyms_nocoord", [])}


def featurise(record: dict, gazetteer: Gazetteer, lexicon: Lexicon):
    """(document, candidates, labels) of one annotated document, exactly as the service builds them."""
    doc = Document.from_text(record["text"])
    candidates = generate_candidates(doc, find_gazetteer_matches(doc, gazetteer), gazetteer, lexicon)
    gold = gold_spans(record)
    return doc, candidates, [(c.start, c.end) in gold for c in candidates]


def training_view(name: str, candidates, labels, gazetteer: Gazetteer):
    """What a corpus teaches: all its candidates, less demonyms where it does not annotate them, and
    less the annotation gaps of a corpus that has them."""
    keep = range(len(candidates))
    if name in SKIP_DEMONYMS:
        keep = [k for k in keep if "gf:demonym" not in candidates[k].features]
    if name in SKIP_UNMARKED_CITIES:
        keep = [k for k in keep if labels[k] or not _names_a_big_city(candidates[k], gazetteer)]
    return [candidates[k] for k in keep], [labels[k] for k in keep]


def _names_a_big_city(c, gazetteer: Gazetteer) -> bool:
    """A name standing alone (its whole capitalised run) that is a city of a million's own name."""
    return "run:full" in c.features and any(
        flags & NAME_PRIMARY and gazetteer.kind[idx] == KIND_CITY and gazetteer.population[idx] >= BIG_CITY
        for idx, flags in c.entries)


def fit(examples: list[tuple[list, list[bool], float]], name: str) -> ToponymModel:
    """examples: (candidates, labels, weight) per document."""
    flat = [(c.features, y, weight) for candidates, labels, weight in examples for c, y in zip(candidates, labels)]
    return fit_linear(flat, name, C, THRESHOLD, MIN_FEATURE_COUNT)


def predict_spans(model: ToponymModel, doc, candidates, gazetteer: Gazetteer,
                  lexicon: Lexicon) -> set[tuple[int, int]]:
    probabilities = score_candidates(doc, candidates, gazetteer, model, filing_places(doc, gazetteer), lexicon)
    return {(c.start, c.end) for c, _ in select_spans(candidates, probabilities, model.threshold)}


def cross_validate(records: dict[str, list[dict]], folds: int, gazetteer: Gazetteer, lexicon: Lexicon,
                   weights: dict[str, float], threshold: float = THRESHOLD) -> dict[str, tuple[float, float, float]]:
    """Exact-span P/R/F1 per corpus, each document predicted by a model that never saw it."""
    docs = [(name, record, *featurise(record, gazetteer, lexicon))
            for name, rs in sorted(records.items()) for record in rs]  # (name, record, doc, candidates, labels)
    order = list(range(len(docs)))
    random.Random(0).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    tallies: dict[str, list[int]] = {}
    for k in range(folds):
        train = [(*training_view(name, c, y, gazetteer), weights[name]) for i, (name, _, _, c, y) in enumerate(docs)
                 if fold_of[i] != k and weights.get(name)]
        model = fit(train, f"fold-{k}")
        model.threshold = threshold
        for i, (name, record, doc, candidates, _) in enumerate(docs):
            if fold_of[i] == k:
                predicted, gold = predict_spans(model, doc, candidates, gazetteer, lexicon), gold_spans(record)
                t = tallies.setdefault(name, [0, 0, 0])
                t[0] += len(predicted & gold)
                t[1] += len(predicted)
                t[2] += len(gold)
    out = {}
    for name, (tp, n_pred, n_gold) in tallies.items():
        p, r = tp / max(n_pred, 1), tp / max(n_gold, 1)
        out[name] = (round(p, 3), round(r, 3), round(2 * p * r / max(p + r, 1e-9), 3))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geo-dir", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=default_paths()["toponym_model"])
    parser.add_argument("--folds", type=int, default=0, help="cross-validate with this many folds instead")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument("--extra-corpora", default="",
                        help="corpora scored in cross-validation but never trained on")
    args = parser.parse_args(argv)
    paths = default_paths()
    gazetteer = Gazetteer(paths["gazetteer"])
    lexicon = Lexicon.load(paths["lexicon"])
    started = time.perf_counter()
    if args.folds:
        names = list(CORPUS_WEIGHTS) + [n for n in args.extra_corpora.split(",") if n and n not in CORPUS_WEIGHTS]
        records = {n: load_corpus(args.geo_dir / f"{n}.jsonl") for n in names}
        for name, prf in cross_validate(records, args.folds, gazetteer, lexicon, CORPUS_WEIGHTS,
                                        args.threshold).items():
            print(f"{name:10s} P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}")
        return 0
    examples = []
    for name, weight in CORPUS_WEIGHTS.items():
        for record in load_corpus(args.geo_dir / f"{name}.jsonl"):
            _, candidates, labels = featurise(record, gazetteer, lexicon)
            examples.append((*training_view(name, candidates, labels, gazetteer), weight))
    model = fit(examples, name="span-logreg-v1")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out, {"corpora": CORPUS_WEIGHTS, "C": C})
    print(f"toponym recogniser: {len(examples)} documents, {len(model.weights)} features -> {args.out} "
          f"({args.out.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
