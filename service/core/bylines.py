"""Bylines: who wrote the article.

Reads the forms news pages use: "By A", "By A and B", "By A, B and C", "By A in Jerusalem",
"By A | January 5, 2014 | 5:13pm EST", "A, Reuters", "Reporting by A; Editing by B"
(reporters are authors, editors are not). Roles ("Senior Reporter", "Staff Writer"),
e-mail addresses, social handles, "Follow" and dates are stripped; news agencies
(Associated Press, Reuters, AFP...) are reported as organisations, not people.
"""

from __future__ import annotations

import re

from .document import Document
from .types import Byline, Span

AGENCIES = {
    "associated press": "Associated Press", "the associated press": "Associated Press", "ap": "Associated Press",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "bloomberg": "Bloomberg", "upi": "UPI", "united press international": "UPI",
    "pa": "PA Media", "pa media": "PA Media", "press association": "PA Media", "dpa": "dpa", "ani": "ANI",
    "pti": "PTI", "ians": "IANS", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA", "cnn": "CNN", "bbc": "BBC",
    "staff": "Staff", "staff reports": "Staff", "staff report": "Staff", "news desk": "News desk",
    "bbc news": "BBC News", "cnn wire": "CNN", "wire services": "Wire services", "the canadian press": "The Canadian Press",
    "canadian press": "The Canadian Press", "aap": "AAP", "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS",
}
ROLE_WORDS = {"reporter", "writer", "correspondent", "editor", "columnist", "contributor", "journalist",
              "producer", "analyst", "staff", "senior", "chief", "political", "correspondents", "associate",
              "deputy", "managing", "news", "photographer", "special", "investigative", "freelance", "digital",
              "global", "national", "foreign", "bureau", "host", "anchor", "director", "author", "editors",
              "contributing", "lead", "team", "desk", "business", "sports", "health", "science", "technology",
              "world", "affairs", "economics", "economy", "markets", "politics", "culture", "travel"}
_NAME_WORD = r"(?:[A-Z][a-zA-Z'\u00c0-\u017f-]+|[A-Z]\.|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)"
_PARTICLE = r"(?:de|da|van|von|der|den|del|la|le|bin|al|el|ibn|du|dos|di)"
_NAME = re.compile(rf"{_NAME_WORD}(?: (?:{_PARTICLE} )?{_NAME_WORD}){{1,3}}(?: (?:Jr\.?|Sr\.?|II|III|IV))?")
_BY_LINE = re.compile(r"^\s*(?:story |words |text |written |reporting |report )?by:?\s+(?P<rest>.+)$", re.IGNORECASE)
_REPORTING = re.compile(r"\b(?:additional )?reporting by (?P<names>[^;.\n]+)", re.IGNORECASE)
_EDITING = re.compile(r"\b(?:editing|edited|writing|compiled|graphics|photos?) by\b", re.IGNORECASE)
_STRIP = re.compile(r"\S+@\S+|@\w+|\bfollow\b.*$|https?://\S+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\|)\s*")
_DATEISH = re.compile(r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d", re.IGNORECASE)
MAX_BYLINE_LENGTH = 160
SEARCH_LINES = 400


def _clean_piece(piece: str) -> str:
    piece = _STRIP.sub("", piece).strip(" .,:-|")
    piece = re.sub(r"\s+(?:in|from|at)\s+[A-Z][\w .'-]*$", "", piece)  # "A in Jerusalem"
    return piece.strip()


def _name_in(piece: str) -> str | None:
    """The person name at the start of `piece`, with trailing role words removed."""
    match = _NAME.match(piece)
    if not match:
        return None
    words = match.group().split()
    while words and words[-1].lower().strip(".") in ROLE_WORDS:
        words.pop()
    if len(words) < 2 or all(w.lower() in ROLE_WORDS for w in words):
        return None
    return " ".join(words)


def _parse_names(doc: Document, text: str, offset: int, source_confidence: float) -> list[Byline]:
    """Names in a byline's text (after "By"), each with its evidence span."""
    found: list[Byline] = []
    position = 0
    for piece in _SPLIT.split(text):
        start_in_text = text.find(piece, position) if piece else position
        position = start_in_text + len(piece)
        if not piece or _DATEISH.search(piece) and not _NAME.match(piece):
            continue
        cleaned = _clean_piece(piece)
        if not cleaned:
            continue
        agency = AGENCIES.get(cleaned.lower().removeprefix("the ").strip()) or AGENCIES.get(cleaned.lower())
        if agency:
            start = offset + start_in_text + piece.find(cleaned)
            found.append(Byline(agency, "organization", round(source_confidence * 0.95, 2),
                                Span(start, start + len(cleaned), doc.text[start:start + len(cleaned)])))
            continue
        name = _name_in(cleaned)
        if name is None:
            continue
        start = offset + start_in_text + piece.find(name) if name in piece else offset + start_in_text
        end = start + len(name)
        found.append(Byline(name, "person", round(source_confidence, 2), Span(start, end, doc.text[start:end])))
    return found


def extract_bylines(doc: Document) -> list[Byline]:
    """Authors of the article in the order the page gives them; [] when it names none."""
    for number in doc.content_lines[:SEARCH_LINES]:
        line = doc.lines[number]
        if len(line.text) > MAX_BYLINE_LENGTH:
            continue
        match = _BY_LINE.match(line.text)
        if match is None:
            continue
        rest = match.group("rest")
        # Stop at a date, a time or a dateline dash: "By A | January 5, 2014 | 5:13pm EST".
        cut = re.search(r"\s(?:\||-{1,2}|\u2014)\s|\s\d", rest)
        names_text = rest[:cut.start()] if cut else rest
        bylines = _parse_names(doc, names_text, line.start + match.start("rest"), 0.9)
        if bylines:
            return _dedupe(bylines)
    for number in doc.content_lines[:SEARCH_LINES * 3]:
        line = doc.lines[number]
        m = _REPORTING.search(line.text)
        if m:
            names_text = _EDITING.split(m.group("names"))[0]
            bylines = _parse_names(doc, names_text, line.start + m.start("names"), 0.8)
            if bylines:
                return _dedupe(bylines)
    return []


def _dedupe(bylines: list[Byline]) -> list[Byline]:
    seen, out = set(), []
    for b in bylines:
        if b.name.lower() not in seen:
            seen.add(b.name.lower())
            out.append(b)
    return out
