"""The enrichment pipeline: text in, ``Enrichment`` out.

One callable per stage over a shared ``Document`` (as spaCy's components): normalise,
language, dates, bylines, places, topic. Stages after ``language`` run only when the text
is processed (see ``language.detect_language``). Each stage's time is recorded, for the
benchmarks.

A stage that raises does not fail the article: its fields stay empty, the failure is logged and
named in ``failed_stages`` and ``warnings``. A ``deadline`` (``time.monotonic()`` value) is checked
between stages; past it, ``DeadlineExceeded`` is raised, so a caller can answer instead of being
killed by a server timeout (a stage itself is not interrupted: each is linear in the text length).
"""

from __future__ import annotations

import logging
import time
from datetime import date
from typing import Callable

from ..resources import Resources
from .bylines import extract_bylines
from .dates import extract_dates, read_as_written_in
from .document import Document
from .language import detect_language
from .places import extract_places
from .places.focus import country_of_article
from .places.refine import ExternalGeocoder, refine_places
from .types import Enrichment

Stage = Callable[[Document], None]
log = logging.getLogger("service.pipeline")


class DeadlineExceeded(Exception):
    """Raised between stages when the caller's deadline has passed."""

    def __init__(self, stage: str, elapsed_ms: float):
        super().__init__(f"deadline passed after {elapsed_ms:.0f} ms, before stage {stage!r}")
        self.stage, self.elapsed_ms = stage, elapsed_ms


class Pipeline:
    """Built once per process from loaded resources; ``enrich`` is pure with respect to them."""

    def __init__(self, resources: Resources, geocoder: ExternalGeocoder | None = None,
                 confirm_below: float = 0.5, max_lookups: int = 8):
        self.resources = resources
        # Optional second opinion on places from an external geocoder (None: gazetteer only, no network).
        self.geocoder, self.confirm_below, self.max_lookups = geocoder, confirm_below, max_lookups
        self.stages: list[tuple[str, Stage]] = [
            ("language", self._language),
            ("dates", self._dates),
            ("bylines", self._bylines),
            ("places", self._places),
            ("date_order", self._date_order),
            ("topic", self._topic),
        ]

    # -- stages ------------------------------------------------------------------------------
    def _language(self, doc: Document) -> None:
        doc.language = detect_language(doc.norm)
        if not doc.language.supported:
            doc.warnings.append(
                f"text is not English (detected '{doc.language.code}'): dates, bylines, places and topic "
                "are not extracted")

    def _dates(self, doc: Document) -> None:
        doc.publication_date, doc.modification_date = extract_dates(doc, self.resources.date_model)

    def _bylines(self, doc: Document) -> None:
        date_line = doc.line_of(doc.publication_date.evidence.start) if doc.publication_date else None
        doc.bylines = extract_bylines(doc, self.resources.lexicon, self.resources.byline_model, date_line,
                                      self.resources.gazetteer.names_major_place)

    def _places(self, doc: Document) -> None:
        r = self.resources
        extract_places(doc, r.gazetteer, r.toponym_model, r.lexicon, r.resolver_model)
        if self.geocoder is not None:
            refine_places(doc, self.geocoder, self.confirm_below, self.max_lookups)

    def _date_order(self, doc: Document) -> None:
        # Dates come first (bylines read the date's line), but "03/11/2026" with nothing else on the page
        # to order it waits for the places: under "LONDON -" it is 3 November.
        read_as_written_in(doc, country_of_article(doc))

    def _topic(self, doc: Document) -> None:
        # Not the headlines of "Most popular" nor the reader comments: they are other stories' topics.
        doc.topic = self.resources.topic_model.classify(doc.article_norm)

    # -- entry point -------------------------------------------------------------------------
    def enrich(self, text: str, reference_date: date | None = None, deadline: float | None = None) -> Enrichment:
        timings: dict[str, float] = {}
        failed: list[str] = []
        started = time.perf_counter()

        def check_deadline(next_stage: str) -> None:
            if deadline is not None and time.monotonic() > deadline:
                raise DeadlineExceeded(next_stage, (time.perf_counter() - started) * 1000)

        check_deadline("normalise")
        doc = Document.from_text(text, reference_date)
        timings["normalise"] = (time.perf_counter() - started) * 1000
        for name, stage in self.stages:
            if name != "language" and doc.language is not None and not doc.language.supported:
                break
            check_deadline(name)
            t0 = time.perf_counter()
            try:
                stage(doc)
            except Exception:  # noqa: BLE001 - one broken extractor must not cost the other fields
                log.exception("stage %s failed on a %d-character text", name, len(text))
                failed.append(name)
                doc.warnings.append(f"{name} extraction failed on this text; its fields are empty")
            timings[name] = (time.perf_counter() - t0) * 1000
        return Enrichment(
            language=doc.language, publication_date=doc.publication_date,
            modification_date=doc.modification_date, bylines=doc.bylines, places=doc.places,
            dateline=doc.dateline, focus=doc.focus, topic=doc.topic, warnings=doc.warnings,
            unresolved_toponyms=doc.unresolved_toponyms,
            timings_ms={k: round(v, 3) for k, v in timings.items()}, failed_stages=failed)
