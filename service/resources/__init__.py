"""Data the enrichment needs, loaded once per process (before gunicorn forks, with preload).

Paths come from the environment so deployments can mount their own gazetteer
(``ENRICH_GAZETTEER_DIR``) or models (``ENRICH_MODELS_DIR``); the defaults are the
artifacts inside the package.
"""

from __future__ import annotations

import gc
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.places.resolve import ResolverModel
    from ..core.topics import TopicModel
    from .gazetteer import Gazetteer
    from .lexicon import Lexicon
    from .linear import LinearModel
    from .toponym_model import ToponymModel

PACKAGE_DIR = Path(__file__).resolve().parent


def default_paths() -> dict[str, Path]:
    models = Path(os.environ.get("ENRICH_MODELS_DIR", PACKAGE_DIR / "models"))
    return {
        "gazetteer": Path(os.environ.get("ENRICH_GAZETTEER_DIR", PACKAGE_DIR / "gazetteer")),
        "lexicon": models / "lexicon.json.gz",
        "toponym_model": models / "toponyms.json.gz",
        "resolver_model": models / "resolver.json",
        "topic_model": models / "topics.npz",
        "iptc": models / "iptc_topics.json",
        "place_points": models / "place_points.json",
        "date_model": models / "dates.json.gz",
        "byline_model": models / "bylines.json.gz",
    }


@dataclass
class Resources:
    gazetteer: "Gazetteer"
    lexicon: "Lexicon"
    toponym_model: "ToponymModel"
    resolver_model: "ResolverModel"
    topic_model: "TopicModel"
    date_model: "LinearModel"
    byline_model: "LinearModel"
    load_seconds: dict[str, float] = field(default_factory=dict)

    def describe(self) -> dict:
        """Versions and sizes, for /readyz and the response's ``service`` block."""
        return {
            "gazetteer": {"places": self.gazetteer.size, "source": self.gazetteer.meta["source"].get("kind")},
            "models": {"toponyms": self.toponym_model.name, "resolver": self.resolver_model.name,
                       "topics": self.topic_model.name, "dates": self.date_model.name,
                       "bylines": self.byline_model.name},
        }


def load_resources(paths: dict[str, Path] | None = None) -> Resources:
    """Open every artifact; raises FileNotFoundError naming the `make` target that builds a missing one."""
    from ..core.places.resolve import ResolverModel
    from ..core.topics import TopicModel
    from .gazetteer import Gazetteer
    from .lexicon import Lexicon
    from .linear import LinearModel
    from .toponym_model import ToponymModel

    paths = paths or default_paths()
    timings = {}

    def timed(name, loader):
        started = time.perf_counter()
        value = loader()
        timings[name] = round(time.perf_counter() - started, 3)
        return value

    gazetteer = timed("gazetteer", lambda: Gazetteer(paths["gazetteer"], paths["place_points"]))
    lexicon = timed("lexicon", lambda: Lexicon.load(paths["lexicon"]))
    toponyms = timed("toponym_model", lambda: ToponymModel.load(paths["toponym_model"]))
    resolver = timed("resolver_model", lambda: ResolverModel.load(paths["resolver_model"]))
    topics = timed("topic_model", lambda: TopicModel.load(paths["topic_model"], paths["iptc"]))
    dates = timed("date_model", lambda: LinearModel.load(paths["date_model"]))
    bylines = timed("byline_model", lambda: LinearModel.load(paths["byline_model"]))
    # The models live as long as the process: move them out of the collector's generations, so
    # the collections that enrichment's short-lived objects trigger do not walk them every time
    # (~5 % of a 5 KB article's time), and gunicorn workers do not copy the pages they share.
    gc.freeze()
    return Resources(gazetteer, lexicon, toponyms, resolver, topics, dates, bylines, timings)

