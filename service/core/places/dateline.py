"""The dateline place ("JERUSALEM —", "BEIRUT, Lebanon (AP) -"): read by ``core.dateline``, matched
here to the recognised mentions."""

from __future__ import annotations

import re

from ...resources.gazetteer import Gazetteer
from ..document import Document
from ..types import Span


# A town big enough to file news from, for a dateline on a line of its own (a name in capitals over a
# date may be an author's).
OWN_LINE_MIN_POPULATION = 10_000
BARE_MIN_POPULATION = 100_000


def find_dateline(doc: Document, gazetteer: Gazetteer) -> Span | None:
    """The dateline place of the first prose paragraph that has one, or None."""
    dateline = doc.written_dateline
    if dateline is None or (dateline.own_line and not gazetteer.names_major_place(dateline.place.text,
                                                                                    OWN_LINE_MIN_POPULATION)):
        return None
    # A word in capitals alone over the story may be its section ("INDIA", "TAMIL NADU", "WORLD"): only a
    # city of some size is a dateline there.
    if dateline.bare and not gazetteer.names_city(dateline.place.text, BARE_MIN_POPULATION):
        return None
    return dateline.place


def filing_places(doc: Document, gazetteer: Gazetteer) -> list[Span]:
    """The dateline's place and the other places a story or a release is filed from ("NEW
    YORK/LONDON", "DUBLIN and AUSTIN, Texas"); empty without a dateline."""
    place = find_dateline(doc, gazetteer)
    return [] if place is None else [place, *doc.written_dateline.other_places]


# What may follow a byline on its line as the place it was filed from: "BBC News, Reading".
_BYLINE_PLACE = re.compile(r", ([A-Z][\w'.-]*(?: [A-Z][\w'.-]*){0,2})[ \t]*$", re.MULTILINE)


def byline_places(doc: Document, gazetteer: Gazetteer) -> list[Span]:
    """The town after a newsroom's byline and a comma, ending its line: "BBC News, Reading", where the
    story was filed from, whatever the word would score in a sentence ("Reading" is a common noun). A
    newsroom's only, and a town of some size: after a person's name the words are more often a role."""
    out = []
    newsrooms = [b.evidence for b in doc.bylines if b.kind == "organization"] + doc.newsrooms
    for newsroom in newsrooms:
        match = _BYLINE_PLACE.match(doc.text, newsroom.end)
        if match and gazetteer.names_major_place(match.group(1), OWN_LINE_MIN_POPULATION):
            out.append(Span(match.start(1), match.end(1), match.group(1)))
    return out


def mention_in_span(span: Span, mentions) -> int | None:
    """Index of the first mention (anything with ``start`` and ``end``) lying inside `span`."""
    return next((i for i, m in enumerate(mentions) if m.start >= span.start and m.end <= span.end), None)
