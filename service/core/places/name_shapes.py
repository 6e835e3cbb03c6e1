"""Names whose written shape says they are one place: joined by hyphens ("Stoke-on-Trent", "Pont-Sondé")
or holding a possessive ("Bishop's Stortford"). Rules over the recogniser's candidates, as in recognize."""

from __future__ import annotations

from ...resources.gazetteer import KIND_ADMIN1, KIND_COUNTRY, NAME_ALT, NAME_PRIMARY, Gazetteer
from ...resources.names import cached_name_key
from ..document import Document
from .spans import SpanCandidate

HYPHEN_JOINED_PROBABILITY = 0.8  # "Stoke-on-Trent": see hyphen_joined_names
POSSESSIVE_NAME_PROBABILITY = 0.8  # "Bishop's Stortford": see possessive_names
# Words written before a hyphen and a place's name that make a compound of it, not another name.
COMBINING_PREFIXES = frozenset({
    "Afro", "Anglo", "Anti", "Austro", "Central", "East", "Euro", "Ex", "Franco", "Greater", "Greco", "Indo",
    "Inter", "Judeo", "Lower", "Mid", "Neo", "Non", "North", "Pan", "Post", "Pre", "Pro", "Russo", "Sino",
    "South", "Sub", "Trans", "Upper", "West"})


def hyphen_bound_lower(tokens, i: int) -> bool:
    return (tokens[i].text[:1].islower() and tokens[i - 1].text == "-" and tokens[i + 1].text == "-"
            and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start)


def hyphen_joined_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float]) -> None:
    """A gazetteer name whose parts a lower-case word joins between hyphens ("Stoke-on-Trent",
    "Ashby-de-la-Zouch", "Aix-en-Provence") is written that way only for a place: it is one, whatever
    the model, which has seen few, makes of its rare shape."""
    for k, c in enumerate(candidates):
        if (probabilities[k] < HYPHEN_JOINED_PROBABILITY and c.entries and c.end_token - c.start_token >= 5
                and any(flags & (NAME_PRIMARY | NAME_ALT) for _, flags in c.entries)
                and hyphenated(doc.norm[c.start:c.end])
                and any(hyphen_bound_lower(doc.tokens, i) for i in range(c.start_token + 2, c.end_token - 2))):
            probabilities[k] = HYPHEN_JOINED_PROBABILITY


def _glued_hyphen(tokens, i: int) -> bool:
    """Whether token i is a hyphen written with no space on either side ("Pont-Sondé")."""
    return (0 < i < len(tokens) - 1 and tokens[i].text == "-" and tokens[i - 1].end == tokens[i].start
            and tokens[i].end == tokens[i + 1].start)


def parts_of_hyphenated_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                               gazetteer: Gazetteer, threshold: float) -> None:
    """"the town of Pont-Sondé": "Pont" (a name of eight towns elsewhere) is half of a name the gazetteer
    lacks, whose other half is no place. The whole is the toponym, as likely as its part was; the part is
    none. Not where both halves are places ("Israel-Gaza", "Dallas-Fort Worth": two places), nor for a
    country's or a region's name ("Agence France-Presse" is no toponym "France-Presse")."""
    tokens = doc.tokens
    known = {(c.start_token, c.end_token) for c in candidates if c.entries}
    starting = {}
    for k, c in enumerate(candidates):
        starting.setdefault(c.start_token, []).append(k)
    for k, c in enumerate(candidates):
        h = c.end_token
        if not c.entries or not _glued_hyphen(tokens, h) or not _opens_a_name(tokens[h + 1].text):
            continue
        if any(gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1) for idx, _ in c.entries):
            continue
        if any(a == h + 1 for a, _ in known):
            continue   # the other half is a place of its own
        wholes = [j for j in starting.get(c.start_token, ()) if candidates[j].end_token == h + 2]
        if not wholes:
            continue
        _give_to_whole(probabilities, k, wholes[0])
    ending = {}
    for k, c in enumerate(candidates):
        ending.setdefault(c.end_token, []).append(k)
    for k, c in enumerate(candidates):
        # The mirror case: "Idi-Aba" (a quarter of Abeokuta) is no mention of Aba, the city in Abia.
        h = c.start_token - 1
        if not c.entries or h < 1 or not _glued_hyphen(tokens, h):
            continue
        first = tokens[h - 1].text
        if not first[:1].isupper() or first.isupper() or first in COMBINING_PREFIXES:
            continue   # "UW-Madison", "IBA-Karachi": a campus in the town
        if any(gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1) for idx, _ in c.entries):
            continue   # "Mid-Wales", "Sino-US"
        if any(candidates[j].entries and probabilities[j] >= threshold for j in ending.get(h, ())):
            continue   # "Lagos-Ibadan": two places
        wholes = [j for j in ending.get(c.end_token, ()) if candidates[j].start_token == h - 1]
        if wholes:
            _give_to_whole(probabilities, k, wholes[0])


def _opens_a_name(word: str) -> bool:
    """A capitalised word, or one elided from a French article ("d'Or" of "Val-d'Or", "l'Évêque")."""
    return word[:1].isupper() or (word[:2] in ("d'", "l'") and word[2:3].isupper())


def _give_to_whole(probabilities: list[float], part: int, whole: int) -> None:
    probabilities[whole] = max(probabilities[whole], probabilities[part])
    probabilities[part] = min(probabilities[part], probabilities[whole] - 1e-6)


def possessive_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                      gazetteer: Gazetteer) -> None:
    """A gazetteer name with a possessive inside, between capitalised words ("Bishop's Stortford",
    "Lee's Summit"), is one name: the model, which has seen few, reads the "'s" as a person's
    possessive and prefers "Bishop" alone. Not a name's tail ("Old Bishop's Stortford Road"), nor a
    name ending in the possessive ("St John's" is as often a church)."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        a, b = c.start_token, c.end_token
        if (probabilities[k] >= POSSESSIVE_NAME_PROBABILITY or not c.entries or b - a < 3
                or not any(tokens[i].text.lower() == "'s" and tokens[i + 1].text[:1].isupper()
                           for i in range(a + 1, b - 1))):
            continue
        if a > 0 and tokens[a - 1].line == tokens[a].line and tokens[a - 1].text[:1].isupper():
            continue
        # The place's own name, give or take the apostrophe: GeoNames also keeps old names such as
        # "Martin's Store" (Pulaski, Tennessee) or "Hunt's Mills", which a news text writes for a shop or a mill.
        spelled = cached_name_key(doc.norm[c.start:c.end]).replace("'", "")
        if any(cached_name_key(gazetteer.name(idx)).replace("'", "") == spelled for idx, _ in c.entries):
            probabilities[k] = POSSESSIVE_NAME_PROBABILITY


def hyphenated(span: str) -> bool:
    """One word joined by hyphens ("Miami-Dade", "Stratford-upon-Avon"), not words around a dash."""
    return "-" in span and " " not in span
