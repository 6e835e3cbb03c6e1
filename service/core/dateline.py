"""Datelines: where (and, in wire copy, on which weekday) a story was filed, written before its
first sentence. Places reads the place, dates the weekday.

"JERUSALEM — The United States ...", "BEIRUT, Lebanon (AP) - ...", "LONDON, Jan 5 (Reuters) - ...",
"BOLOGNA, Italy, May 17, 2025 (Reuters) - ...", "NEW YORK/LONDON, Nov 20 (Reuters) - ...",
"Ramadi, Iraq (CNN) -- ...", "BAGHDAD, Sunday (Reuters) - ...", "Goma (DR Congo) (AFP) - Nov 20, 2026 - ...",
"Islamabad, Nov 21 (PTI) Flash floods ...".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .calendar_words import WEEKDAYS
from .document import Document
from .types import Span

# Capitals and letters with Latin accents: "BOGOTÁ, Colombia (AP) —", "SÃO PAULO (Reuters) -".
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f"
_PLACE = rf"[{_UPPER}][{_LETTER}'.]*(?:[ -][{_UPPER}][{_LETTER}'.]*){{0,3}}"
# A region or country of up to four words, linked by "of" or "and": "Democratic Republic of Congo",
# "Bosnia and Herzegovina", "Isle of Man".
_REGION = rf"[{_UPPER}][{_LETTER}.]*(?: (?:of |and |the )?[{_UPPER}][{_LETTER}.]*){{0,3}}"
_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})(?:,? \d{4})?"
_WEEKDAY = "(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + ")"
_JOIN = r"(?:/| and | & )"   # between the places a story is filed from
_DATELINE = re.compile(
    rf"(?<![{_LETTER}'.])(?P<place>{_PLACE})"
    # A story filed from two or more cities: "NEW YORK/LONDON, Nov 20 (Reuters) -", a release from two
    # offices: "DUBLIN and AUSTIN, Texas, Oct. 6, 2026 (GLOBE NEWSWIRE) --" (the first is the dateline's).
    rf"(?P<others>(?:{_JOIN}{_PLACE}){{0,3}})"
    # A weekday after the place is the weekday, not a region.
    rf"(?:, (?!{_WEEKDAY}\b)(?P<region>{_REGION}))?"
    rf"(?:, (?P<weekday>{_WEEKDAY}))?"
    rf"(?:, (?P<date>{_DATE}))?"
    # AFP puts the country in parentheses, before the agency: "Goma (DR Congo) (AFP) -".
    rf"(?: \((?P<paren_region>{_REGION})\)(?= \())?"
    # A press release's distributor: "(BUSINESS WIRE)", "(GLOBE NEWSWIRE)", "/PRNewswire/".
    r"(?:(?: ?|--)\((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\)| /(?P<release>[A-Za-z][A-Za-z .&-]{0,30})/)?"
    # AFP's date after the agency: "Goma (DR Congo) (AFP) - Nov 20, 2026 - M23 rebels ...".
    rf"(?:(?<=\)) - (?P<agency_date>{_DATE}))?"
    # "SAN FRANCISCO--(BUSINESS WIRE)--Acme ...", "--(BUSINESS WIRE)--March 4, 2025--Acme ...", and EFE's
    # "BUENOS AIRES, 9 Oct (EFE).- The ...".
    rf"(?:(?:(?<=\))\.)? ?(?:-{{1,3}}|:) |(?<=\))--(?:(?P<wire_date>{_DATE})--)?(?=[A-Z])"
    # PTI writes no dash, but always the date: "Islamabad, Nov 21 (PTI) Flash floods ...".
    r"|(?(date)(?<=\)) (?=[A-Z])|(?!)))")
# A header line of its own, over the story (The Hindu, Indian and Pakistani papers): "CHENNAI,
# November 18, 2026 10:15 IST". The place in capitals, a date, perhaps a time, perhaps the agency
# ("Tokyo, Jan 2 (AFP)", as pages that set the wire's dateline apart write it): nothing else.
_HEADER_DATELINE = re.compile(
    rf"(?<![{_LETTER}'.])(?P<place>{_PLACE})(?:, (?P<region>{_REGION}))?"
    rf", (?P<date>{_DATE})"
    r"(?:,? \d{1,2}[:.]\d{2}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{2,5})?)?"
    r"(?: \((?P<agency>[A-Za-z][A-Za-z .&/-]{0,30})\)(?: ?[-\u2013\u2014]{1,2})?)?\s*$")
# A town's name in capitals alone on the line over the first paragraph (The Hindu: "CHENNAI", then the story).
_BARE_PLACE = re.compile(rf"(?<![{_LETTER}'.])(?P<place>{_PLACE})\s*$")
# Or a town and the weekday on that line (Indian papers: "Shimla, Sunday").
_PLACE_WEEKDAY = re.compile(rf"(?<![{_LETTER}'.])(?P<place>{_PLACE}), (?P<weekday>{_WEEKDAY})\s*$")
# Distributors of press releases (not news agencies: "CNN Wire" is one).
_DISTRIBUTOR = re.compile(r"business ?wire|(?:globe |pr ?|cision )?news ?wire|ein ?presswire|prweb|accesswire|"
                          r"newsfile|marketwired", re.IGNORECASE)
MIN_PARAGRAPH = 60     # a dateline opens a paragraph of prose, not a menu line
SEARCH_LINES = 200


@dataclass(frozen=True, slots=True)
class WrittenDateline:
    line: int                    # index in doc.lines
    place: Span
    weekday: Span | None         # "Sunday" in "BAGHDAD, Sunday (Reuters) -"
    agency: Span | None          # "Reuters" in "BAGHDAD, Sunday (Reuters) -"
    date: Span | None = None     # "Nov 20" in "LONDON, Nov 20 (Reuters) -"
    press_release: bool = False  # a release distributor's dateline: "(BUSINESS WIRE)", "/PRNewswire/"
    own_line: bool = False       # on a header line of its own: "CHENNAI, November 18, 2026 10:15 IST"
    bare: bool = False           # the place alone on that line, over the first paragraph: "CHENNAI"
    other_places: tuple[Span, ...] = ()   # "LONDON" in "NEW YORK/LONDON, Nov 20 (Reuters) -"


def read_dateline(doc: Document) -> WrittenDateline | None:
    """The dateline of the first prose paragraph that has one, or None (``doc.written_dateline``
    keeps it for the stages that read it). With none, a dateline on a header line of its own, or a
    place alone in capitals on the line over a paragraph."""
    header_dateline = None
    previous = None    # the content line before, as (number, text, offset)
    for number in doc.content_lines[:SEARCH_LINES]:
        line = doc.lines[number]
        text = line.text.lstrip()
        offset = line.start + len(line.text) - len(text)
        before, previous = previous, (number, text, offset)
        if header_dateline is None and before is not None and len(text) >= MIN_PARAGRAPH:
            bare = _BARE_PLACE.match(before[1])
            if bare and bare.group("place").isupper() and len(bare.group("place").split()) <= 3:
                header_dateline = WrittenDateline(before[0], _span(doc, before[2], bare, "place"), None, None,
                                                  own_line=True, bare=True)
            dated = _PLACE_WEEKDAY.match(before[1])
            if dated and len(dated.group("place").split()) <= 3:
                header_dateline = WrittenDateline(before[0], _span(doc, before[2], dated, "place"),
                                                  _span(doc, before[2], dated, "weekday"), None, own_line=True)
        if header_dateline is None:
            header = _HEADER_DATELINE.match(text)
            # In capitals ("CHENNAI, November 18, 2026"), or a known place in title case under an agency's
            # name ("Manila, November 20, 2026"): the places stage keeps it only for a town of some size.
            if header and (header.group("place").isupper() or header.group("place").istitle()):
                header_dateline = WrittenDateline(
                    number, _span(doc, offset, header, "place"), None,
                    _span(doc, offset, header, "agency") if header.group("agency") else None,
                    _span(doc, offset, header, "date"), own_line=True)
                continue
        match = _DATELINE.match(text)
        if not match or len(text) - match.end() < MIN_PARAGRAPH:
            continue
        # All-caps datelines are the norm; a title-case one needs an agency, a region, a weekday or a date
        # after it ("Bengaluru, November 21: The ...").
        if not match.group("place").isupper() and not (
                match.group("agency") or match.group("region") or match.group("weekday") or match.group("date")):
            continue
        if not text[match.end():match.end() + 1].isupper() and not text[match.end():match.end() + 1] in '"\'':
            continue
        date = next((g for g in ("date", "agency_date", "wire_date") if match.group(g)), "date")
        distributor = match.group("release") or match.group("agency") or ""
        return WrittenDateline(number, _span(doc, offset, match, "place"),
                               _span(doc, offset, match, "weekday") if match.group("weekday") else None,
                               _span(doc, offset, match, "agency") if match.group("agency") else None,
                               _span(doc, offset, match, date) if match.group(date) else None,
                               bool(_DISTRIBUTOR.fullmatch(distributor.strip())),
                               other_places=_other_places(doc, offset, match))
    return header_dateline


_JOINED_PLACE = re.compile(rf"{_JOIN}(?P<place>{_PLACE})")


def _other_places(doc: Document, offset: int, match: re.Match) -> tuple[Span, ...]:
    base = offset + match.start("others")
    return tuple(Span(base + m.start("place"), base + m.end("place"), m.group("place"))
                 for m in _JOINED_PLACE.finditer(match.group("others")))


def _span(doc: Document, offset: int, match: re.Match, group: str) -> Span:
    start, end = offset + match.start(group), offset + match.end(group)
    return Span(start, end, doc.text[start:end])
