"""The toponym classifier: weights of a logistic regression over span features.

Written by ``service.tools.train_toponyms`` as gzipped JSON: the bias, the decision
threshold, and one weight per feature string (features with no weight score zero).
"""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path


class ToponymModel:
    def __init__(self, weights: dict[str, float], bias: float, threshold: float, name: str = "toponyms"):
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.name = name

    @classmethod
    def load(cls, path: str | Path) -> "ToponymModel":
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"no toponym model at {path}: train it with `make models`")
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(data["weights"], float(data["bias"]), float(data["threshold"]), data.get("name", path.name))

    def save(self, path: str | Path, extra: dict | None = None) -> None:
        data = {"name": self.name, "bias": self.bias, "threshold": self.threshold,
                "weights": {k: round(v, 5) for k, v in sorted(self.weights.items())}, **(extra or {})}
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(json.dumps(data, separators=(",", ":")).encode("utf-8"))

    def probability(self, features: list[str]) -> float:
        weights = self.weights
        score = self.bias
        for f in features:
            score += weights.get(f, 0.0)
        if score < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-score))
