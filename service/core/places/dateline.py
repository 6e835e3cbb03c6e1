"""Datelines: the place a story was filed from, written before its first sentence.

"JERUSALEM — The United States ...", "BEIRUT, Lebanon (AP) - ...",
"LONDON, Jan 5 (Reuters) - ...", "Ramadi, Iraq (CNN) -- ...".
"""

from __future__ import annotations

import re

from ..document import Document
from ..types import Span

_PLACE = r"[A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){0,3}"
_DATELINE = re.compile(
    rf"(?<![A-Za-z'.])(?P<place>{_PLACE})"
    r"(?:, (?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    r"(?:, (?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}))?"
    r" ?(?:\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\))?"
    r" ?(?:-{1,3}|:) ")
MIN_PARAGRAPH = 60     # a dateline opens a paragraph of prose, not a menu line
SEARCH_LINES = 200


def find_dateline(doc: Document) -> Span | None:
    """The dateline place of the first prose paragraph that has one, or None."""
    for number in doc.content_lines[:SEARCH_LINES]:
        line = doc.lines[number]
        text = line.text.lstrip()
        offset = line.start + len(line.text) - len(text)
        match = _DATELINE.match(text)
        if not match or len(text) - match.end() < MIN_PARAGRAPH:
            continue
        place = match.group("place")
        # All-caps datelines are the norm; a title-case one needs an agency or a region after it.
        if not place.isupper() and not (match.group("agency") or match.group("region")):
            continue
        if not text[match.end():match.end() + 1].isupper() and not text[match.end():match.end() + 1] in '"\'':
            continue
        start = offset + match.start("place")
        return Span(start, start + len(place), doc.text[start:start + len(place)])
    return None


def mention_in_span(span: Span, mentions) -> int | None:
    """Index of the first mention (anything with ``start`` and ``end``) lying inside `span`."""
    return next((i for i, m in enumerate(mentions) if m.start >= span.start and m.end <= span.end), None)
