"""Train the toponym resolver (and learn representative points of countries and regions).

    python -m service.tools.train_resolver --geo-dir ../shared/data/geo             # train, write models
    python -m service.tools.train_resolver --geo-dir ../shared/data/geo --folds 5   # cross-validate only

1. Representative points. The PyPI-carried sources place countries at CIA-Factbook
   points and regions at ISO 3166-2 centroids, where GeoNames (and so the annotated
   corpora) use its own points: the United States is at 39.76,-98.5 there, 38,-97 here,
   234 km apart. For every country and first-level region, the annotated point of its
   mentions (by GeoNames id) with the most others within 161 km replaces the source point
   when the two are more than ``MIN_SHIFT_KM`` apart.
   Written to ``place_points.json``, applied when the gazetteer loads.
2. Resolver weights. A conditional logit (softmax over each mention group's candidates)
   over ``service.core.places.resolve.FEATURES``, fitted with L-BFGS on the gold mentions
   of GeoWebNews, LGL and TR-News. The context features are first computed from the gold
   choices of the other groups, then refitted on the context the model itself produces.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from ..core.document import Document
from ..core.places.dateline import find_dateline, mention_in_span
from ..core.places.distance import haversine_km
from ..core.places.recognize import Toponym
from ..core.places.resolve import (FEATURES, ResolverModel, build_candidate_table, choose, run_passes,
                                   set_context_features)
from ..resources import default_paths
from ..resources.gazetteer import KIND_ADMIN1, Gazetteer
from ..resources.names import name_key
from .train_toponyms import load_corpus

TRAIN_CORPORA = ("gwn", "lgl", "trnews")
L2 = 1.0
MIN_SHIFT_KM = 50.0
MIN_DOCUMENTS = 1
ACCURATE_KM = 161.0


# -- representative points -------------------------------------------------------------------
def learn_place_points(records: list[dict], gazetteer: Gazetteer) -> dict[int, tuple[float, float]]:
    """{gazetteer index: (lat, lon)} for countries and regions whose annotated point differs."""
    by_geonameid = {}
    for idx in np.nonzero(gazetteer.kind <= KIND_ADMIN1)[0]:
        gid = int(gazetteer.geonameid[idx])
        if gid >= 0:
            by_geonameid[gid] = int(idx)
    points: dict[int, list[tuple[float, float, str]]] = defaultdict(list)
    for record in records:
        for t in record["toponyms"]:
            idx = by_geonameid.get(t.get("geonameid"))
            if idx is not None:
                points[idx].append((t["lat"], t["lon"], record["id"]))
    out = {}
    for idx, pts in points.items():
        if len({p[2] for p in pts}) < MIN_DOCUMENTS:
            continue
        lat, lon = _densest_point(pts)
        shift = float(haversine_km(gazetteer.lat[idx], gazetteer.lon[idx], lat, lon))
        if shift > MIN_SHIFT_KM:
            out[idx] = (round(lat, 5), round(lon, 5))
    return out


def _densest_point(pts: list[tuple[float, float, str]]) -> tuple[float, float]:
    """The annotated point with the most others within 161 km (ties: the nearest to all). Corpora
    disagree on where a country is (LGL puts Canada at 60,-96, GeoNames at 60.1,-113.6); a
    median of each coordinate apart lands between the two conventions, 500 km from both."""
    lats = np.array([p[0] for p in pts])
    lons = np.array([p[1] for p in pts])
    km = haversine_km(lats[:, None], lons[:, None], lats[None, :], lons[None, :])
    best = min(range(len(pts)), key=lambda k: (-int((km[k] <= 161).sum()), float(km[k].sum())))
    return float(lats[best]), float(lons[best])


def save_place_points(points: dict[int, tuple[float, float]], gazetteer: Gazetteer, path: Path) -> None:
    """Keyed by GeoNames id (stable across gazetteer builds), with names for the reader."""
    rows = [{"geonameid": int(gazetteer.geonameid[i]), "name": gazetteer.name(i), "lat": p[0], "lon": p[1],
             "source_lat": round(float(gazetteer.lat[i]), 5), "source_lon": round(float(gazetteer.lon[i]), 5)}
            for i, p in sorted(points.items(), key=lambda kv: gazetteer.name(kv[0]))]
    path.write_text(json.dumps({"min_shift_km": MIN_SHIFT_KM, "points": rows}, indent=1), encoding="utf-8")


# -- training examples -----------------------------------------------------------------------
def gold_toponyms(record: dict, gazetteer: Gazetteer) -> tuple[Document, list[Toponym], list[tuple | None]]:
    """The document, its gold mentions as toponyms (with gazetteer entries), and their gold points."""
    doc = Document.from_text(record["text"])
    mentions = sorted([(t["start"], t["end"], (t["lat"], t["lon"])) for t in record["toponyms"]]
                      + [(t["start"], t["end"], None) for t in record.get("toponyms_nocoord", [])])
    toponyms, points = [], []
    for start, end, point in mentions:
        entries = gazetteer.lookup_key(name_key(doc.norm[start:end]))
        if entries:
            toponyms.append(Toponym(start, end, record["text"][start:end], 0, 0, entries))
            points.append(point)
    return doc, toponyms, points


def group_labels(table, points, gazetteer: Gazetteer) -> np.ndarray:
    """Per group: the row of the candidate nearest the gold point if within 161 km; -1 (not a
    ranking example) when no candidate is that close or the mentions have no gold point."""
    labels = np.full(len(table.groups), -1, dtype=np.int64)
    for g, members in enumerate(table.groups):
        gold = [points[i] for i in members if points[i] is not None]
        lo, hi = table.bounds[g] + 1, table.bounds[g + 1]  # past the nil row
        if gold and hi > lo:
            dist = haversine_km(table.lat[lo:hi], table.lon[lo:hi], *gold[0])
            k = int(np.argmin(dist))
            if dist[k] <= ACCURATE_KM:
                labels[g] = lo + k
    return labels


def _objective(w, examples):
    loss, grad = 0.5 * L2 * w @ w, L2 * w.copy()
    for X, bounds, labels in examples:
        scores = X @ w
        for g in range(len(bounds) - 1):
            y = labels[g]
            if y < 0:
                continue
            lo, hi = bounds[g] + 1, bounds[g + 1]  # rank the real candidates; nil is set apart
            s = scores[lo:hi]
            m = s.max()
            e = np.exp(s - m)
            z = e.sum()
            loss -= s[y - lo] - m - np.log(z)
            p = e / z
            p[y - lo] -= 1.0
            grad += X[lo:hi].T @ p
    return loss, grad


def fit_weights(examples) -> np.ndarray:
    from scipy.optimize import minimize   # the `train` extra; the rest of this module needs only numpy

    w0 = ResolverModel.default().weights.copy()
    w0[FEATURES.index("nil")] = 0.0
    result = minimize(_objective, w0, args=(examples,), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return result.x


# The threshold is where the chance that the best candidate is right falls to ``NIL_MAX_PRECISION``.
# Read off the few lowest-scoring groups alone (the highest threshold whose dropped choices were right at
# most that often), it sat on a knife edge: one group turning from right to wrong moved it from -5.69
# to -3.19. A logistic curve fitted to the lowest ``NIL_TAIL`` groups' outcomes moves little for one group.
NIL_MAX_PRECISION = 0.15
NIL_TAIL = 200


def fit_nil_threshold(examples, w: np.ndarray) -> float:
    """The best-candidate score below which a group is left unresolved: where a logistic fit of
    "the best candidate is right" on its score, over the lowest-scoring groups, says ``NIL_MAX_PRECISION``."""
    scored = []  # (best real score, its choice was right)
    for X, bounds, labels, gold_groups in examples:
        scores = X @ w
        for g in gold_groups:
            lo, hi = bounds[g] + 1, bounds[g + 1]
            if hi > lo:
                k = int(np.argmax(scores[lo:hi]))
                scored.append((float(scores[lo + k]), lo + k == labels[g]))
    scored.sort()
    tail = scored[:NIL_TAIL]
    x = np.array([s for s, _ in tail])
    y = np.array([ok for _, ok in tail], dtype=np.float64)
    if len(tail) < 20 or y.all() or not y.any():
        return -1e6
    # Newton's method on the logistic log-likelihood of (intercept, slope), over centred scores.
    centre = x.mean()
    A = np.column_stack([np.ones_like(x), x - centre])
    beta = np.zeros(2)
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(A @ beta)))
        hessian = A.T @ (A * (p * (1 - p))[:, None]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hessian, A.T @ (y - p))
        beta += step
        if np.abs(step).max() < 1e-9:
            break
    intercept, slope = beta
    if slope <= 0:
        return -1e6   # no sign that lower scores are wrong more often: leave every group resolved
    return float(centre + (np.log(NIL_MAX_PRECISION / (1 - NIL_MAX_PRECISION)) - intercept) / slope)


def prepared(records: list[dict], gazetteer: Gazetteer):
    out = []
    for record in records:
        doc, toponyms, points = gold_toponyms(record, gazetteer)
        if toponyms:
            table = build_candidate_table(doc, toponyms, gazetteer, late_rules=False)
            dateline = dateline_group(doc, toponyms, table, gazetteer)
            out.append((table, points, group_labels(table, points, gazetteer), dateline))
    return out


def dateline_group(doc: Document, toponyms: list[Toponym], table, gazetteer: Gazetteer) -> int | None:
    """The mention group of the dateline place, found as the service finds it."""
    span = find_dateline(doc, gazetteer)
    if span is None:
        return None
    mention = mention_in_span(span, toponyms)
    return table.mention_group[mention] if mention is not None else None


def train(records: list[dict], gazetteer: Gazetteer) -> ResolverModel:
    data = prepared(records, gazetteer)
    # Round 1: context from the gold choices of the other groups.
    examples = []
    for table, _, labels, dateline in data:
        set_context_features(table, labels, (labels >= 0).astype(float), dateline)
        examples.append((table.features.copy(), table.bounds, labels))
    w = fit_weights(examples)
    w[FEATURES.index("nil")] = -1e6  # round 2's context comes from real choices only
    # Round 2: context as the model itself will see it.
    examples = []
    for table, _, labels, dateline in data:
        features = _model_context(table, w, dateline)
        examples.append((features, table.bounds, labels))
    w = fit_weights(examples)
    nil_examples = []
    for (table, points, labels, _), (features, bounds, _) in zip(data, examples):
        gold_groups = [g for g, members in enumerate(table.groups) if any(points[i] is not None for i in members)]
        nil_examples.append((features, bounds, labels, gold_groups))
    w[FEATURES.index("nil")] = fit_nil_threshold(nil_examples, w)
    return ResolverModel(w, name="conditional-logit-v1")


def _model_context(table, w, dateline: int | None) -> np.ndarray:
    """The features after the model's own context passes, as the service computes them."""
    run_passes(table, w, dateline)
    return table.features.copy()


def evaluate(model: ResolverModel, records: list[dict], gazetteer: Gazetteer) -> tuple[int, int]:
    """(mentions within 161 km, mentions with gold coordinates and gazetteer entries) on gold spans."""
    good = total = 0
    for table, points, _, dateline in prepared(records, gazetteer):
        _model_context(table, model.weights, dateline)
        choice, _ = choose(table, model.weights)
        for g, members in enumerate(table.groups):
            for i in members:
                if points[i] is None:
                    continue
                total += 1
                if choice[g] >= 0 and table.ids[choice[g]] >= 0:
                    d = haversine_km(table.lat[choice[g]], table.lon[choice[g]], *points[i])
                    good += d <= ACCURATE_KM
    return good, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--geo-dir", type=Path, required=True)
    parser.add_argument("--models", type=Path, default=default_paths()["resolver_model"].parent)
    parser.add_argument("--folds", type=int, default=0)
    args = parser.parse_args(argv)
    paths = default_paths()
    started = time.perf_counter()
    corpora = {name: load_corpus(args.geo_dir / f"{name}.jsonl") for name in TRAIN_CORPORA}
    records = [r for name in TRAIN_CORPORA for r in corpora[name]]
    if args.folds:
        order = list(range(len(records)))
        random.Random(0).shuffle(order)
        fold_of = {records[i]["id"]: k % args.folds for k, i in enumerate(order)}
        tallies = defaultdict(lambda: [0, 0])
        for k in range(args.folds):
            gazetteer = Gazetteer(paths["gazetteer"], place_points=None)
            train_records = [r for r in records if fold_of[r["id"]] != k]
            gazetteer.apply_points(learn_place_points(train_records, gazetteer))
            model = train(train_records, gazetteer)
            for name, rs in corpora.items():
                good, total = evaluate(model, [r for r in rs if fold_of[r["id"]] == k], gazetteer)
                tallies[name][0] += good
                tallies[name][1] += total
        for name, (good, total) in tallies.items():
            print(f"{name:8s} acc@161 on gold spans with candidates: {good / max(total, 1):.3f} ({good}/{total})")
        return 0
    gazetteer = Gazetteer(paths["gazetteer"], place_points=None)
    points = learn_place_points(records, gazetteer)
    save_place_points(points, gazetteer, args.models / "place_points.json")
    gazetteer.apply_points(points)
    model = train(records, gazetteer)
    model.save(args.models / "resolver.json", {"corpora": list(TRAIN_CORPORA), "l2": L2})
    print(f"resolver: {len(records)} documents, {len(points)} learned points -> {args.models} "
          f"in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    for f, w in zip(FEATURES, model.weights):
        print(f"  {f:26s} {w:+.3f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
