"""A logistic-regression model over string features: the recogniser, the date and the byline
selectors all use this shape. Written by the training tools as gzipped JSON (bias, decision
threshold, one weight per feature string; features with no weight score zero)."""

from __future__ import annotations

import gzip
import json
import math
from itertools import repeat
from pathlib import Path


class LinearModel:
    def __init__(self, weights: dict[str, float], bias: float, threshold: float, name: str = "linear"):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.name = name

    @classmethod
    def load(cls, path: str | Path) -> "LinearModel":
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"no model at {path}: train it with `make models`")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), data.get("name", path.name))

    def save(self, path: str | Path, extra: dict | None = None) -> None:
        data = {"name": self.name, "bias": self.bias, "threshold": self.threshold,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())}, **(extra or {})}
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(json.dumps(data, separators=(",", ":")).encode("utf-8"))

    def probability(self, features: list[str]) -> float:
        # map() runs the lookups in C; summed from the bias in feature order, as a loop would.
        score = sum(map(self.weights.get, features, repeat(0.0)), self.bias)
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))


def fit_linear(examples: list[tuple[list[str], bool, float]], name: str, c: float, threshold: float,
               min_count: int = 2) -> LinearModel:
    """Fit by L2 logistic regression (liblinear); examples are (features, label, weight)."""
    from collections import Counter

    import numpy as np
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter()
    for features, _, _ in examples:
        counts.update(features)
    vocabulary = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows, cols = [], []
    for r, (features, _, _) in enumerate(examples):
        for f in features:
            j = vocabulary.get(f)
            if j is not None:
                rows.append(r)
                cols.append(j)
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocabulary)))
    y = np.array([label for _, label, _ in examples])
    clf = LogisticRegression(C=c, max_iter=5000, solver="liblinear")
    clf.fit(X, y, sample_weight=np.array([w for _, _, w in examples]))
    terms = sorted(vocabulary, key=vocabulary.get)
    weights = {t: float(w) for t, w in zip(terms, clf.coef_[0]) if abs(w) >= 1e-4}
    return LinearModel(weights, float(clf.intercept_[0]), threshold, name=name)


def fit_choice(groups: list[tuple[list[list[str]], list[bool]]], name: str, l2: float,
               min_count: int = 2) -> LinearModel:
    """Conditional logit: for each group (a document's candidates, with the right ones marked) the
    softmax over its candidates should put its mass on the right ones. Fitted with L-BFGS."""
    from collections import Counter

    import numpy as np
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    counts = Counter()
    for features, _ in groups:
        for f in features:
            counts.update(f)
    vocabulary = {f: j for j, f in enumerate(sorted(f for f, n in counts.items() if n >= min_count))}
    rows, cols, labels, starts = [], [], [], []
    r = 0
    for features, positives in groups:
        if not any(positives):
            continue
        starts.append(r)
        for f, y in zip(features, positives):
            for name_ in f:
                j = vocabulary.get(name_)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
            labels.append(y)
            r += 1
    X = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(vocabulary)))
    y = np.array(labels, dtype=np.float64)
    starts = np.array(starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, r)))

    def objective(w):
        scores = X @ w
        best = np.maximum.reduceat(scores, starts)
        e = np.exp(scores - best[group])
        p = e / np.add.reduceat(e, starts)[group]
        right = np.add.reduceat(p * y, starts)
        loss = -np.log(np.maximum(right, 1e-300)).sum() + 0.5 * l2 * w @ w
        residual = p - y * p / right[group]
        return loss, X.T @ residual + l2 * w

    result = minimize(objective, np.zeros(len(vocabulary)), jac=True, method="L-BFGS-B", options={"maxiter": 500})
    terms = sorted(vocabulary, key=vocabulary.get)
    weights = {t: float(w) for t, w in zip(terms, result.x) if abs(w) >= 1e-4}
    return LinearModel(weights, 0.0, 0.0, name=name)


def softmax_scores(model: LinearModel, features: list[list[str]]) -> list[float]:
    """Probabilities of a conditional-logit model over one group of candidates."""
    import math
    scores = [sum(model.weights.get(f, 0.0) for f in fs) for fs in features]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
