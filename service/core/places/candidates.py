"""Gazetteer matches over the token stream: every span whose words name a place somewhere.

This is the raw material of recognition (is the span a toponym here?) and resolution
(which of the places with that name is meant?). It does not decide anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...resources.gazetteer import NAME_ABBR, NAME_PRIMARY, Gazetteer
from ...resources.names import cached_name_key
from ..document import Document

MAX_TOKENS = 12   # tokens, hyphens included: "Sainte-Marthe-sur-le-Lac" is nine
# Particles of Romance, Arabic, German, Dutch and Slavic names: "Rio de Janeiro", "Dar es Salaam",
# "Mato Grosso do Sul", "Reggio di Calabria", "Frankfurt am Main", "Bergen op Zoom", "Ústí nad Labem".
NAME_PARTICLES = frozenset("de da do dos das di del della dei degli delle du des la le los las y el al es en sur sul "
                           "am im bei der aan den op nad pri".split())
# Lower-case words allowed inside a multi-word name: those, and English ones ("Bosnia and Herzegovina",
# "Isle of Man").
_INNER_LOWER = NAME_PARTICLES | {"of", "and", "upon", "on", "the", "an", "-", "'"}


def _elided_article(word: str) -> bool:
    """A French or Italian article run into a capitalised word: "d'Alene" in "Coeur d'Alene", "l'Aquila"."""
    return len(word) > 2 and word[0] in "dlDL" and word[1] in "'\u2019" and word[2].isupper()


@dataclass(slots=True)
class GazetteerMatch:
    start_token: int
    end_token: int                 # exclusive
    start: int                     # character offsets into the text
    end: int
    key: str
    entries: list[tuple[int, int]]  # (place index, name flags)


def find_gazetteer_matches(doc: Document, gazetteer: Gazetteer) -> list[GazetteerMatch]:
    """Longest gazetteer matches starting at capitalised tokens (overlaps kept: "New York" and "York")."""
    tokens = doc.tokens
    norm = doc.norm
    matches: list[GazetteerMatch] = []
    n = len(tokens)
    for i in doc.capitalised:
        first = tokens[i]
        best: GazetteerMatch | None = None
        key = ""
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            last = tokens[j - 1]
            if j - 1 > i:
                previous = tokens[j - 2]
                gap = last.start - previous.end
                if last.line != first.line or gap > 1:
                    break
                # The period of "St. Louis" or "Ft. Worth" stays inside the name.
                abbreviation_period = last.text == "." and len(previous.text) <= 3 and gap == 0
                # A comma inside a name: "Washington, D.C." (the gazetteer decides, by its prefixes).
                inner_comma = last.text == "," and gap == 0
                # A possessive inside or ending a name: "Martha's Vineyard", "St. John's".
                possessive = last.text in ("'s", "'S") and gap == 0
                # Any lower-case word between hyphens: "Newcastle-under-Lyme", "Wells-next-the-Sea".
                hyphen_bound = previous.text == "-" and gap == 0 and last.text.isalpha()
                if not (last.text[:1].isupper() or last.text.lower() in _INNER_LOWER or abbreviation_period
                        or inner_comma or possessive or hyphen_bound or _elided_article(last.text)):
                    break
                # name_key drops periods and joins words (and hyphenated parts) with one space.
                piece = "'s" if possessive else cached_name_key(last.text)
                if not piece:
                    if last.text == "-" and not key.endswith(" "):
                        key += " "
                    continue
                separator = " " if gap and not key.endswith(" ") else ""
                key = f"{key}{separator}{piece}"
            else:
                key, possessive = cached_name_key(first.text), False
            if not key:
                continue
            if not gazetteer.has_prefix(key):
                break
            if last.text[:1].isupper() or possessive or _elided_article(last.text):
                entries = gazetteer.lookup_key(key)
                if entries:
                    written = cached_name_key(norm[first.start:last.end])
                    if key != written:  # rare spellings the join misses
                        key = written
                        entries = gazetteer.lookup_key(key)
                        if not entries:
                            continue
                    best = GazetteerMatch(i, j, first.start, last.end, key, entries)
        if best is not None:
            _take_abbreviation_period(doc, best)
            matches.append(best)
    return matches


# A member of Congress's party letter before the state: "Sen. Rand Paul, R-Ky.", "(R-La.)".
PARTY_TAG = re.compile(r"(?:,\s?|\()[RDI]-$", re.IGNORECASE)


def _take_abbreviation_period(doc: Document, match: GazetteerMatch) -> None:
    """Extend "Okla" to "Okla." when the word is only an abbreviation (news writes the period)."""
    tokens = doc.tokens
    j = match.end_token
    if j >= len(tokens) or tokens[j].text != "." or tokens[j].start != match.end:
        return
    flags = 0
    for _, f in match.entries:
        flags |= f
    if not flags & NAME_ABBR or len(tokens[j - 1].text) > 5:
        return
    # A word that is also a town's name ("Mont", "Ga") takes the period where a place qualifier
    # stands: after a comma or a parenthesis ("Helena, Mont.", "Walker County (Ga.)"), or in a
    # lawmaker's party and state ("Sen. Bob Casey, D-Pa.", "R-Ga.").
    qualifier = (match.start_token > 0 and tokens[match.start_token - 1].text in (",", "(")) or bool(
        PARTY_TAG.search(doc.norm, max(0, match.start - 4), match.start))
    if not flags & NAME_PRIMARY or qualifier:
        match.end_token, match.end = j + 1, tokens[j].end
