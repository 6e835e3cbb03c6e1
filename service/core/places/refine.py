"""Second opinion from an external geocoder (Nominatim, Photon, Pelias), after the embedded gazetteer.

The embedded gazetteer stays the authority; the external geocoder is asked only about
1. toponyms the recogniser found but the gazetteer could not resolve (a street, a small village,
   a new district): its answer becomes a place with ``source`` set to the geocoder's name;
2. places resolved with low confidence: an answer within 161 km confirms the choice (its doubt is
   halved); a disagreeing answer replaces it only when the answer lies in one of the article's
   focus countries and the gazetteer's choice does not.
At most ``max_lookups`` queries per article. When the geocoder fails (down, slow, 429, 5xx,
malformed answer, circuit open) the gazetteer's answers stand and a warning says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from geopy.distance import great_circle

from ..document import Document
from ..types import Place, Span

AGREE_KM = 161.0


class GeocoderUnavailable(Exception):
    """The external geocoder could not answer; ``reason`` is a short word for logs and metrics."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class GeocodedPlace:
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    feature: str


class ExternalGeocoder(Protocol):
    name: str

    def lookup(self, query: str) -> list[GeocodedPlace]:
        """Candidates, best first; raises ``GeocoderUnavailable``."""


def _focus_countries(doc: Document) -> set[str]:
    return {c.country_code for c in doc.focus.countries[:3] if c.country_code}


def _pick(candidates: list[GeocodedPlace], focus: set[str]) -> GeocodedPlace | None:
    return next((c for c in candidates if c.country_code in focus), candidates[0] if candidates else None)


def _km(a: Place | GeocodedPlace, b: GeocodedPlace) -> float:
    return great_circle((a.latitude, a.longitude), (b.latitude, b.longitude)).km


def _adopt_unresolved(doc: Document, text: str, mentions: list[Span], answer: GeocodedPlace,
                      source: str) -> None:
    doc.places.append(Place(
        name=text, latitude=answer.latitude, longitude=answer.longitude, country_code=answer.country_code,
        geonameid=None, feature=answer.feature, feature_code="", population=0, confidence=0.5,
        mentions=mentions, source=source))


def _second_opinion(place: Place, candidates: list[GeocodedPlace], focus: set[str], source: str) -> None:
    if any(_km(place, c) <= AGREE_KM for c in candidates):
        place.confidence = round(1 - (1 - place.confidence) / 2, 3)
        return
    answer = _pick(candidates, focus)
    if answer and answer.country_code in focus and place.country_code not in focus:
        place.latitude, place.longitude = answer.latitude, answer.longitude
        place.country_code, place.feature, place.feature_code = answer.country_code, answer.feature, ""
        place.geonameid, place.population, place.admin1, place.country = None, 0, None, None
        place.source = source


def refine_places(doc: Document, geocoder: ExternalGeocoder, confirm_below: float = 0.5,
                  max_lookups: int = 8) -> None:
    focus = _focus_countries(doc)
    unresolved: dict[str, list[Span]] = {}
    for mention in doc.unresolved_toponyms:
        unresolved.setdefault(mention.text, []).append(mention)
    doubtful = sorted((p for p in doc.places if p.confidence < confirm_below), key=lambda p: p.confidence)
    jobs = [(text, None) for text in unresolved] + [(p.name, p) for p in doubtful]
    adopted: set[str] = set()
    for query, place in jobs[:max_lookups]:
        try:
            candidates = geocoder.lookup(query)
        except GeocoderUnavailable as exc:
            doc.warnings.append(f"geocoder {geocoder.name} unavailable ({exc.reason}): the embedded gazetteer's "
                                "answers are used")
            return
        if place is not None:
            _second_opinion(place, candidates, focus, geocoder.name)
        elif (answer := _pick(candidates, focus)) is not None:
            _adopt_unresolved(doc, query, unresolved[query], answer, geocoder.name)
            adopted.add(query)
    if adopted:
        doc.unresolved_toponyms = [m for m in doc.unresolved_toponyms if m.text not in adopted]
