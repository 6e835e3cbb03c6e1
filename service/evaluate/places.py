"""Geoparsing evaluation: the API's own pipeline over the annotated corpora in ../shared/data/geo.

Recognition: precision, recall and F1 over exact mention spans (gold = ``toponyms`` +
``toponyms_nocoord``; the system's spans are its place mentions and its unresolved
toponyms) and over overlapping spans (one-to-one). Resolution, on gold toponyms with
coordinates:
- accuracy@161 km on found mentions: of the gold mentions the system found exactly and
  placed, the share placed within 161 km (what ANCHORS.md calls "matched": the systems
  there output only the toponyms they place);
- the same counting found-but-unresolved mentions as wrong ("strict");
- end-to-end accuracy@161 km (a missed or unresolved mention counts as wrong);
- mean and median error in km (geopy's great-circle distance) on found and placed mentions;
- calibration: the expected calibration error of each placed mention's stated confidence
  against whether it is right: a gold toponym placed within 161 km (a placed mention that is
  no gold toponym is wrong; one gold without coordinates is left out).

Figures on corpora the models were trained on are only honest from held-out folds:
``evaluate_folds`` retrains the recogniser, the resolver and the learned points without
each fold and runs the pipeline on that fold.
"""

from __future__ import annotations

import hashlib
import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from geopy.distance import great_circle

from ..core.pipeline import Pipeline
from ..resources import Resources
from ..resources.gazetteer import Gazetteer
from .calibration import calibration_error

ACCURATE_KM = 161.0


@dataclass
class PlaceScores:
    corpus: str
    docs: int = 0
    gold: int = 0                   # gold mentions (with and without coordinates)
    predicted: int = 0
    exact: int = 0                  # predicted spans equal to a gold span
    overlap: int = 0                # one-to-one overlapping pairs
    gold_coords: int = 0            # gold mentions with coordinates
    found_coords: int = 0           # ... of them found exactly (placed or unresolved)
    placed_coords: int = 0          # ... found exactly and placed
    found_correct: int = 0          # ... found and placed within 161 km
    errors_km: list[float] = field(default_factory=list)
    confidences: list[tuple[float, bool]] = field(default_factory=list)   # placed: (confidence, within 161 km)
    seconds: float = 0.0
    chars: int = 0

    def add(self, other: "PlaceScores") -> None:
        for name in ("docs", "gold", "predicted", "exact", "overlap", "gold_coords", "found_coords",
                     "placed_coords", "found_correct", "seconds", "chars"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors_km += other.errors_km
        self.confidences += other.confidences

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict:
        p = self.exact / self.predicted if self.predicted else 0.0
        r = self.exact / self.gold if self.gold else 0.0
        po = self.overlap / self.predicted if self.predicted else 0.0
        ro = self.overlap / self.gold if self.gold else 0.0
        errors = self.errors_km
        return {
            "corpus": self.corpus, "docs": self.docs, "gold": self.gold,
            "precision": round(p, 3), "recall": round(r, 3), "f1": round(self._f1(p, r), 3),
            "overlap_f1": round(self._f1(po, ro), 3),
            "acc161_found": round(self.found_correct / self.placed_coords, 3) if self.placed_coords else None,
            "found": self.placed_coords,
            "acc161_found_strict": round(self.found_correct / self.found_coords, 3) if self.found_coords else None,
            "acc161_e2e": round(self.found_correct / self.gold_coords, 3) if self.gold_coords else None,
            "gold_with_coords": self.gold_coords,
            "mean_km": round(statistics.fmean(errors)) if errors else None,
            "median_km": round(statistics.median(errors)) if errors else None,
            "calibration_error": round(calibration_error(self.confidences), 3) if self.confidences else None,
            "ms_per_kb": round(1000 * self.seconds / (self.chars / 1000), 2) if self.chars else None,
        }


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def score_document(record: dict, result, corpus: str, seconds: float = 0.0) -> PlaceScores:
    s = PlaceScores(corpus, docs=1, seconds=seconds, chars=len(record["text"]))
    gold_all = {(t["start"], t["end"]) for t in record["toponyms"] + record.get("toponyms_nocoord", [])}
    placed = {}
    for place in result.places:
        for m in place.mentions:
            placed[(m.start, m.end)] = (place.latitude, place.longitude, place.confidence)
    predicted = set(placed) | {(m.start, m.end) for m in result.unresolved_toponyms}
    s.gold, s.predicted = len(gold_all), len(predicted)
    s.exact = len(predicted & gold_all)
    used = set()
    for g in sorted(gold_all):
        for p in sorted(predicted - used):
            if p[0] < g[1] and g[0] < p[1]:
                used.add(p)
                s.overlap += 1
                break
    for t in record["toponyms"]:
        s.gold_coords += 1
        span = (t["start"], t["end"])
        if span in predicted:
            s.found_coords += 1
            if span in placed:
                s.placed_coords += 1
                latitude, longitude, confidence = placed[span]
                km = great_circle((latitude, longitude), (t["lat"], t["lon"])).km
                s.errors_km.append(km)
                s.found_correct += km <= ACCURATE_KM
                s.confidences.append((confidence, km <= ACCURATE_KM))
    # A placed mention the corpus does not mark is wrong whatever its coordinates (one it marks
    # without coordinates cannot be judged).
    s.confidences += [(placed[span][2], False) for span in sorted(set(placed) - gold_all)]
    return s


def evaluate_corpus(records: list[dict], pipeline: Pipeline, corpus: str) -> PlaceScores:
    import time
    total = PlaceScores(corpus)
    for record in records:
        started = time.perf_counter()
        result = pipeline.enrich(record["text"])
        total.add(score_document(record, result, corpus, time.perf_counter() - started))
    return total


def fold_of(doc_id: str, folds: int) -> int:
    """Deterministic fold of a document, independent of which corpora are loaded."""
    return int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % folds


def fold_resources(base: Resources, paths: dict, train_records: dict[str, list[dict]]) -> Resources:
    """Resources whose recogniser, resolver and learned points never saw the held-out fold."""
    from ..tools import train_resolver, train_toponyms
    gazetteer = Gazetteer(paths["gazetteer"])
    examples = []
    for name, weight in train_toponyms.CORPUS_WEIGHTS.items():
        for record in train_records.get(name, []):
            _, candidates, labels = train_toponyms.featurise(record, gazetteer, base.lexicon)
            examples.append((*train_toponyms.training_view(name, candidates, labels, gazetteer), weight))
    toponym_model = train_toponyms.fit(examples, name="fold")
    resolver_records = [r for name in train_resolver.TRAIN_CORPORA for r in train_records.get(name, [])]
    gazetteer.apply_points(train_resolver.learn_place_points(resolver_records, gazetteer))
    resolver = train_resolver.train(resolver_records, gazetteer)
    return Resources(gazetteer, base.lexicon, toponym_model, resolver, base.topic_model, base.date_model,
                     base.byline_model)


def evaluate_folds(corpora: dict[str, list[dict]], base: Resources, paths: dict, folds: int,
                   training_corpora: set[str], geocoder=None) -> dict[str, PlaceScores]:
    """Held-out figures for corpora the shipped models were trained on."""
    from ..tools.train_toponyms import load_corpus
    geo_dir = paths["geo_dir"]
    everything = {name: load_corpus(geo_dir / f"{name}.jsonl") for name in training_corpora}
    totals = {name: PlaceScores(name) for name in corpora}
    for k in range(folds):
        train = {name: [r for r in rs if fold_of(r["id"], folds) != k] for name, rs in everything.items()}
        pipeline = Pipeline(fold_resources(base, paths, train), geocoder=geocoder)
        for name, records in corpora.items():
            held_out = [r for r in records if fold_of(r["id"], folds) == k]
            totals[name].add(evaluate_corpus(held_out, pipeline, name))
    return totals
