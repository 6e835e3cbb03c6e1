"""Topic tag: IPTC Media Topics, top level (and a second level when the model is sure of one).

A linear model over TF-IDF unigrams and bigrams (trained by ``service.tools.train_topics``),
scored with numpy only; softmax with a temperature fitted on held-out articles gives the
confidence, and ``low_confidence`` says when it is below ``LOW_CONFIDENCE`` or the text has too few known
terms to judge.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import snowballstemmer

from ..resources.memo import bounded_memo
from .types import Topic, TopicScore

LOW_CONFIDENCE = 0.5
# Calibration was fitted on whole articles; a text with a handful of known words ("hello
# world") gets a confident-looking softmax from the class priors alone, so say it is unsure.
MIN_EVIDENCE_TERMS = 5
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]|[a-z]")
STOP_WORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being below between
both but by can could did do does doing down during each few for from further had has have having he her here
hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours out over own same she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where which while who whom
why will with would you your yours said says say mr mrs ms one two new also would could year years
""".split())


# Snowball stem, cached: the stemmer costs ~50 us a word, the cache a dict lookup.
_stem = bounded_memo(snowballstemmer.stemmer("english").stemWord, 500_000)


# An e-mail address says who wrote the story, not what it is about: a court reporter's "...@heraldtimes.com"
# made a county jail story science and technology ("com" is a Sci/Tech word in AG News, which has no
# addresses). Web addresses stay: AG's technology stories name sites, and dropping them cost accuracy.
# Matched only from the start of a run of address characters, so a long run with no "@" is read once.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def topic_terms(text: str) -> list[str]:
    """Stemmed unigrams and adjacent-word bigrams of the lower-cased text, e-mail addresses and stop
    words dropped."""
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    words = [_stem(w) for w in _WORD.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


def _write_npz(path: str | Path, arrays: dict[str, np.ndarray]) -> None:
    """np.savez_compressed with fixed member timestamps, so a rebuild is byte-identical."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            buffer = io.BytesIO()
            np.save(buffer, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, buffer.getvalue())


@dataclass
class TopicModel:
    name: str
    vocabulary: dict[str, int]
    idf: np.ndarray                  # (V,)
    weights: np.ndarray              # (V, C)
    bias: np.ndarray                 # (C,)
    classes: list[str]               # qcodes, "medtop:16000000"
    labels: dict[str, str]           # qcode -> English label
    parents: dict[str, str]          # second-level qcode -> its top-level qcode
    temperature: float = 1.0
    sub_terms: np.ndarray | None = None        # (T,) vocabulary indexes the second-level model uses
    sub_weights: np.ndarray | None = None      # (T, S) second-level model
    sub_bias: np.ndarray | None = None
    sub_classes: list[str] | None = None
    sub_threshold: float = 0.5
    _sub_rows: np.ndarray | None = None        # vocabulary index -> row of sub_weights, or -1
    _allowed: dict[str, np.ndarray] = field(default_factory=dict)   # top-level code -> mask

    def __post_init__(self) -> None:
        if self.sub_terms is not None:
            self._sub_rows = np.full(len(self.vocabulary), -1, dtype=np.int32)
            self._sub_rows[self.sub_terms] = np.arange(len(self.sub_terms), dtype=np.int32)

    # -- persistence ---------------------------------------------------------------------
    @classmethod
    def load(cls, model_path: str | Path, vocabulary_path: str | Path) -> "TopicModel":
        model_path = Path(model_path)
        if not model_path.is_file():
            raise FileNotFoundError(f"no topic model at {model_path}: train it with `make models`")
        data = np.load(model_path, allow_pickle=False)
        meta = json.loads(str(data["meta"]))
        terms = str(data["terms"]).split("\n")
        iptc = json.loads(Path(vocabulary_path).read_text(encoding="utf-8"))
        labels = {t["qcode"]: t["label"] for t in iptc["topics"]}
        parents = {t["qcode"]: t["parent"] for t in iptc["topics"] if t.get("parent")}
        sub = {}
        if "sub_weights" in data.files:
            sub = {"sub_terms": data["sub_terms"], "sub_weights": data["sub_weights"].astype(np.float32),
                   "sub_bias": data["sub_bias"], "sub_classes": meta["sub_classes"],
                   "sub_threshold": meta.get("sub_threshold", 0.5)}
        return cls(name=meta["name"], vocabulary={t: i for i, t in enumerate(terms)}, idf=data["idf"],
                   weights=data["weights"].astype(np.float32), bias=data["bias"], classes=meta["classes"],
                   labels=labels, parents=parents, temperature=float(meta.get("temperature", 1.0)), **sub)

    def save(self, path: str | Path, extra_meta: dict | None = None) -> None:
        terms = [""] * len(self.vocabulary)
        for term, i in self.vocabulary.items():
            terms[i] = term
        meta = {"name": self.name, "classes": self.classes, "temperature": self.temperature, **(extra_meta or {})}
        arrays = {"terms": np.array("\n".join(terms)), "idf": self.idf.astype(np.float32),
                  "weights": self.weights.astype(np.float16), "bias": self.bias.astype(np.float32)}
        if self.sub_weights is not None:
            meta["sub_classes"] = self.sub_classes
            meta["sub_threshold"] = self.sub_threshold
            arrays["sub_terms"] = self.sub_terms.astype(np.int32)
            arrays["sub_weights"] = self.sub_weights.astype(np.float16)
            arrays["sub_bias"] = self.sub_bias.astype(np.float32)
        arrays["meta"] = np.array(json.dumps(meta))
        _write_npz(path, arrays)

    # -- scoring -------------------------------------------------------------------------
    def _allowed_subtopics(self, code: str) -> np.ndarray:
        """Mask of the second-level classes under top-level `code` (computed once per code)."""
        mask = self._allowed.get(code)
        if mask is None:
            mask = self._allowed[code] = np.array([self.parents.get(c) == code for c in self.sub_classes])
        return mask

    def vectorize(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse TF-IDF row: (term indexes, l2-normalised values)."""
        counts: dict[int, int] = {}
        vocabulary = self.vocabulary
        for term, n in Counter(topic_terms(text)).items():   # first-occurrence order, as word by word
            index = vocabulary.get(term)
            if index is not None:
                counts[index] = n
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        indexes = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float32, count=len(counts))
        values = (1.0 + np.log(tf)) * self.idf[indexes]
        values /= np.linalg.norm(values)
        return indexes, values

    def logits(self, text: str) -> np.ndarray:
        """Raw class scores, before the temperature."""
        indexes, values = self.vectorize(text)
        return self.bias + (values @ self.weights[indexes] if len(indexes) else 0.0)

    def probabilities(self, text: str) -> np.ndarray:
        logits = self.logits(text) / self.temperature
        exp = np.exp(logits - logits.max())
        return exp / exp.sum()

    def classify(self, text: str, alternatives: int = 3) -> Topic | None:
        indexes, values = self.vectorize(text)
        if not len(indexes):
            return None
        logits = (self.bias + values @ self.weights[indexes]) / self.temperature
        exp = np.exp(logits - logits.max())
        probs = exp / exp.sum()
        order = np.argsort(-probs)
        best = int(order[0])
        code = self.classes[best]
        topic = Topic(code=code, label=self.labels.get(code, code), confidence=round(float(probs[best]), 3),
                      low_confidence=bool(probs[best] < LOW_CONFIDENCE or len(indexes) < MIN_EVIDENCE_TERMS),
                      alternatives=[TopicScore(self.classes[k], self.labels.get(self.classes[k], ""),
                                               round(float(probs[k]), 3)) for k in order[1:1 + alternatives]])
        if self._sub_rows is not None:
            rows = self._sub_rows[indexes]
            known = rows >= 0
            sub_logits = self.sub_bias + values[known] @ self.sub_weights[rows[known]]
            # Only second-level topics under the chosen top level compete.
            allowed = self._allowed_subtopics(code)
            if allowed.any():
                sub_logits = np.where(allowed, sub_logits, -np.inf)
                sub_exp = np.exp(sub_logits - sub_logits.max())
                sub_probs = sub_exp / sub_exp.sum()
                k = int(np.argmax(sub_probs))
                if sub_probs[k] >= self.sub_threshold:
                    sub_code = self.sub_classes[k]
                    topic.subtopic = TopicScore(sub_code, self.labels.get(sub_code, sub_code),
                                                round(float(sub_probs[k]), 3))
        return topic

