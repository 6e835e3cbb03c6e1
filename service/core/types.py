"""The typed result of an enrichment, independent of any transport."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the submitted text: ``text[start:end] == self.text`` (code-point offsets)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class PublishedDate:
    """A date the article states about itself."""

    value: str                     # ISO 8601: "2014-01-05" or "2014-01-05T17:13:00-05:00"
    date: str                      # "2014-01-05"
    time: str | None               # "17:13"
    utc_offset: str | None         # "-05:00"
    role: str                      # "published" | "updated"
    source: str                    # where it was found: "byline", "header", "dateline", "caption", ...
    confidence: float
    evidence: Span
    completed_from_reference_date: bool = False


@dataclass(slots=True)
class Byline:
    name: str
    kind: str                      # "person" | "organization"
    confidence: float
    evidence: Span
    role: str | None = None        # "Staff Writer", "Correspondent", ...


@dataclass(slots=True)
class Place:
    name: str
    latitude: float
    longitude: float
    country_code: str | None
    geonameid: int | None
    feature: str                   # "continent" | "country" | "admin1" | "admin2" | "city" | ...
    feature_code: str              # GeoNames feature code: PCLI, ADM1, PPLC, PPL, ...
    population: int
    confidence: float
    mentions: list[Span]
    admin1: str | None = None      # name of the first-level region the place is in
    country: str | None = None     # name of its country
    source: str = "gazetteer"      # or the external geocoder that placed it ("nominatim", ...)


@dataclass(slots=True)
class Dateline:
    name: str
    evidence: Span
    place_index: int | None        # position in ``places`` of the resolved place, if any


@dataclass(slots=True)
class FocusItem:
    name: str
    country_code: str | None
    geonameid: int | None
    latitude: float
    longitude: float
    score: float
    place_index: int | None        # position in ``places``, None when only places inside it were named


@dataclass(slots=True)
class Focus:
    countries: list[FocusItem] = field(default_factory=list)
    admin1: list[FocusItem] = field(default_factory=list)
    cities: list[FocusItem] = field(default_factory=list)


@dataclass(slots=True)
class TopicScore:
    code: str
    label: str
    score: float


@dataclass(slots=True)
class Topic:
    code: str
    label: str
    confidence: float
    low_confidence: bool
    alternatives: list[TopicScore] = field(default_factory=list)
    subtopic: TopicScore | None = None


@dataclass(slots=True)
class Language:
    code: str                      # ISO 639-1, or "und"
    confidence: float
    supported: bool


@dataclass(slots=True)
class Enrichment:
    language: Language
    publication_date: PublishedDate | None
    modification_date: PublishedDate | None
    bylines: list[Byline]
    places: list[Place]
    dateline: Dateline | None
    focus: Focus
    topic: Topic | None
    warnings: list[str] = field(default_factory=list)
    unresolved_toponyms: list[Span] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)
    # Stages that raised: their fields are left empty and a warning says so.
    failed_stages: list[str] = field(default_factory=list)
