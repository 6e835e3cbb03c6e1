"""The enrichment engine behind the HTTP layer: resources, pipeline, readiness."""

from __future__ import annotations

import logging
import threading
import time

from ..core.pipeline import Pipeline
from ..resources import Resources, load_resources

log = logging.getLogger("service.state")


class Engine:
    """Holds the pipeline once its resources are loaded; ``ready`` says when that is."""

    def __init__(self, geocoder=None, geocoder_options: dict | None = None):
        self.geocoder, self.geocoder_options = geocoder, geocoder_options or {}
        self.pipeline: Pipeline | None = None
        self.resources: Resources | None = None
        self.error: str | None = None
        self.draining = False
        self.started = time.time()
        self._lock = threading.Lock()

    @property
    def ready(self) -> bool:
        return self.pipeline is not None and not self.draining

    def load(self, resources: Resources | None = None) -> None:
        try:
            resources = resources or load_resources()
            resources.gazetteer.warm()
            pipeline = Pipeline(resources, **self.geocoder_options)
            pipeline.enrich("Warm-up in London, England.")  # first call fills caches before traffic
            pipeline.geocoder = self.geocoder  # attached after the warm-up: no lookup before the fork
        except Exception as exc:  # reported by /readyz instead of killing the process
            log.exception("loading gazetteer and models failed")
            self.error = f"{type(exc).__name__}: {exc}"
            return
        with self._lock:
            self.resources, self.pipeline = resources, pipeline
        log.info("resources loaded in %s", resources.load_seconds)

    def load_in_background(self) -> threading.Thread:
        thread = threading.Thread(target=self.load, name="resource-loader", daemon=True)
        thread.start()
        return thread
