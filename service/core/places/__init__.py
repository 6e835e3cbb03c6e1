"""Places: recognise toponyms, resolve them to gazetteer entries, find the dateline and the focus."""

from __future__ import annotations

from ...resources.gazetteer import Gazetteer
from ...resources.lexicon import Lexicon
from ...resources.toponym_model import ToponymModel
from ..document import Document
from ..types import Dateline, Span
from .candidates import find_gazetteer_matches
from .dateline import find_dateline, mention_in_span
from .focus import compute_focus
from .recognize import Toponym, recognize_toponyms
from .resolve import ResolverModel, resolve_toponyms


def extract_places(doc: Document, gazetteer: Gazetteer, recogniser: ToponymModel, lexicon: Lexicon,
                   resolver: ResolverModel | None = None) -> None:
    """Fill ``doc.places``, ``doc.unresolved_toponyms``, ``doc.dateline`` and ``doc.focus``."""
    matches = find_gazetteer_matches(doc, gazetteer)
    dateline_span = find_dateline(doc, gazetteer)
    recognised = recognize_toponyms(doc, matches, gazetteer, recogniser, lexicon, dateline_span)
    # A byline's person or newsroom is not a place: "Reporting by Florence Tan in Singapore",
    # "KENS 5 Staff", "Press Trust of India".
    names = [b.evidence for b in doc.bylines]
    if names:
        recognised = [t for t in recognised if not any(n.start <= t.start and t.end <= n.end for n in names)]
    toponyms = [t for t in recognised if t.entries]
    doc.unresolved_toponyms = [Span(t.start, t.end, t.text) for t in recognised if not t.entries]
    dateline_mention = None
    if dateline_span is not None:
        dateline_mention = mention_in_span(dateline_span, toponyms)
    places, place_indexes, nil = resolve_toponyms(doc, toponyms, gazetteer, resolver, dateline_mention)
    doc.places = places
    doc.unresolved_toponyms = sorted(doc.unresolved_toponyms + [
        Span(toponyms[i].start, toponyms[i].end, toponyms[i].text) for i in nil], key=lambda m: m.start)
    if dateline_span is not None:
        place_index = None
        if dateline_mention is not None:
            mention_start = toponyms[dateline_mention].start
            place_index = next((k for k, p in enumerate(places)
                                if any(m.start == mention_start for m in p.mentions)), None)
        doc.dateline = Dateline(name=places[place_index].name if place_index is not None else dateline_span.text,
                                evidence=dateline_span, place_index=place_index)
    doc.focus = compute_focus(places, gazetteer, doc.dateline, place_indexes)


__all__ = ["extract_places", "Toponym", "ResolverModel"]
