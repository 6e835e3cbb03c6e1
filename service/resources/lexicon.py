"""Word lexicon for the recogniser (built by ``service.tools.build_lexicon``)."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Lexicon:
    case_ratio: dict[str, float]      # lower-cased word -> share of sentence-internal uses capitalised
    first_names: frozenset[str]       # "John", "Mary"
    # Words too rare in the news texts for a case ratio that a spelling dictionary knows only in
    # lower case ("farmland", "walnut").
    dictionary_lower: frozenset[str] = frozenset()

    @classmethod
    def load(cls, path: str | Path) -> "Lexicon":
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            data = json.load(fh)
        return cls(case_ratio=data["case_ratio"], first_names=frozenset(data["first_names"]),
                   dictionary_lower=frozenset(data.get("dictionary_lower", ())))

    @classmethod
    def empty(cls) -> "Lexicon":
        return cls(case_ratio={}, first_names=frozenset())
