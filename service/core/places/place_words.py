"""Words around a name that say it is a place here, whatever the model makes of the name alone:
"nearby Scone", "in the Andes", "in Peru's southern Andes", "southeast Lincoln", "in The Woodlands",
"Nelson City Council". Rules over the recogniser's candidates, as in recognize: each raises a
candidate's probability to ``DESCRIBED_PROBABILITY``."""

from __future__ import annotations

from ...resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_PHYSICAL, KIND_REGION, NAME_ALT,
                                    NAME_PRIMARY, Gazetteer)
from ..document import Document
from .spans import SpanCandidate

DESCRIBED_PROBABILITY = 0.8     # "Onagawa, a fishing town in Miyagi": see recognize._described_as_places


def runs_on(tokens, end: int) -> bool:
    """Whether a capitalised word follows on the same line the name that ends before tokens[end]:
    the name is then the start of a longer one."""
    return end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].line == tokens[end - 1].line


def run_before(tokens, start: int) -> bool:
    """Whether a capitalised word on the same line, with only a space between, comes right before tokens[start]."""
    return (start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].line == tokens[start].line
            and tokens[start - 1].end + 1 == tokens[start].start)


def names_a_town_or_region(c: SpanCandidate, gazetteer: Gazetteer, by: int | None = None) -> bool:
    """Whether the gazetteer has a town or a region by the mention's name (by one of the kinds of name in
    `by`, when given)."""
    return any(gazetteer.kind[idx] in (KIND_CITY, KIND_ADMIN1, KIND_ADMIN2) and (by is None or flags & by)
               for idx, flags in c.entries)


NEARBY_PREPOSITIONS = frozenset({"in", "to", "from", "of", "at", "near", "into"})
_NEARBY_WORDS = frozenset({"nearby", "neighboring", "neighbouring"})


def nearby_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                  gazetteer: Gazetteer) -> None:
    """"Residents in nearby Scone", "moved to nearby Kettering", "Neighboring Somerville passed ...": a
    town or a region the gazetteer has by that name, however common the word ("scone"); the whole name,
    not the start of a longer one. After a preposition, or opening the sentence."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        i = c.start_token
        if (i < 1 or not c.entries or probabilities[k] >= DESCRIBED_PROBABILITY
                or tokens[i - 1].text.lower() not in _NEARBY_WORDS or runs_on(tokens, c.end_token)
                or tokens[i - 1].line != tokens[c.end_token - 1].line):
            continue
        if tokens[i - 1].text[0].isupper():
            introduced = doc.starts_sentence(i - 1)
        else:
            introduced = i >= 2 and tokens[i - 2].text in NEARBY_PREPOSITIONS and tokens[i - 2].line == tokens[i].line
        if introduced and names_a_town_or_region(c, gazetteer):
            probabilities[k] = DESCRIBED_PROBABILITY


ALONG_PREPOSITIONS = NEARBY_PREPOSITIONS | {"across", "over", "through", "along", "beneath", "below", "above",
                                            "under", "off", "beyond", "on", "around", "within"}
_LOWER_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
                            "southeastern", "southwestern", "north", "south", "east", "west", "northeast",
                            "northwest", "southeast", "southwest"})


def _after_a_place_preposition(tokens, i: int) -> bool:
    """tokens[i] follows a preposition of place and "the" or a name's possessive, with at most one compass
    word between: "in the Andes", "across the northern Pacific", "in Peru's southern Andes"."""
    j = i - 1
    if j >= 0 and tokens[j].text in _LOWER_COMPASS:
        j -= 1
    if j >= 1 and tokens[j].text == "the":
        before = j - 1
    elif j >= 2 and tokens[j].text == "'s" and tokens[j - 1].text[:1].isupper():
        before = j - 2   # "in Peru's": the possessor one word, or two ("in South Sudan's")
        if before >= 1 and tokens[before].text[:1].isupper() and tokens[before].text.lower() not in ALONG_PREPOSITIONS:
            before -= 1
    else:
        return False
    return tokens[before].text.lower() in ALONG_PREPOSITIONS and tokens[before].line == tokens[i].line


def physical_features_after_the(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                gazetteer: Gazetteer) -> None:
    """"a ravine in the Andes", "flights across the Pacific", "farmers on the Darling Downs", "in Peru's
    southern Andes": a range, sea, river or region the curated features name as such, after "the" (or a
    name's possessive) and a preposition of place, is that feature, whatever town shares its name (Andes,
    Colombia; Cerese, Italy, once called Andes). The whole name, not the start of a longer one."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if (probabilities[k] >= DESCRIBED_PROBABILITY or not _after_a_place_preposition(tokens, c.start_token)
                or runs_on(tokens, c.end_token) or tokens[c.start_token].line != tokens[c.end_token - 1].line):
            continue
        if any(gazetteer.kind[idx] in (KIND_PHYSICAL, KIND_REGION) and flags & (NAME_PRIMARY | NAME_ALT)
               for idx, flags in c.entries):
            probabilities[k] = DESCRIBED_PROBABILITY


# Words that open a name as "<word> of <Name>": "the Isles of Scilly", "the Isle of Arran", "the Gulf of Aden".
_GENERIC_OPENERS = frozenset({"Isle", "Isles", "Island", "Islands", "Bay", "Gulf", "Sea", "Strait", "Straits",
                              "Cape", "Lake"})


def generic_of_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                     gazetteer: Gazetteer) -> None:
    """"Ferries to the Isles of Scilly", "the Isle of Arran ferry": a name built as "<Isle|Bay|Gulf|...> of
    <Name>" that the gazetteer holds whole is the place, however rare its words are in the news the model
    learnt from. The whole name: not the start of a longer one ("Isle of Wight Council"), nor the end of one
    that a capitalised word opens ("Royal Isle of Man"); a sentence's "The" before it is no such word."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        i = c.start_token
        if (probabilities[k] >= DESCRIBED_PROBABILITY or c.end_token - i < 3 or tokens[i].text not in _GENERIC_OPENERS
                or tokens[i + 1].text != "of" or runs_on(tokens, c.end_token)
                or tokens[i].line != tokens[c.end_token - 1].line
                or (run_before(tokens, i) and tokens[i - 1].text != "The")):
            continue
        if any(flags & (NAME_PRIMARY | NAME_ALT) for _, flags in c.entries):
            probabilities[k] = DESCRIBED_PROBABILITY


def towns_after_compass_words(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                              gazetteer: Gazetteer) -> None:
    """"Residents of southeast Lincoln", "a rally in central Lincoln": a lower-case compass word between a
    preposition of place and a town's or a region's name places it, however often the name is a
    person's in the news the model learnt from. The whole name, not the start of a longer one."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        i = c.start_token
        if (i < 2 or probabilities[k] >= DESCRIBED_PROBABILITY or tokens[i - 1].text not in _LOWER_COMPASS
                or tokens[i - 2].text.lower() not in ALONG_PREPOSITIONS or runs_on(tokens, c.end_token)
                or tokens[i - 2].line != tokens[c.end_token - 1].line):
            continue
        if names_a_town_or_region(c, gazetteer):
            probabilities[k] = DESCRIBED_PROBABILITY


def towns_named_with_the(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                         threshold: float, gazetteer: Gazetteer) -> None:
    """"homes in The Woodlands", "Grand Rapids and The Pas": a capitalised "The" inside a sentence,
    after a preposition of place or "and" after a place, opens a town's own name (GeoNames writes it
    so), which the model reads as a sentence's "The" before a name. Only a town in a state or province
    where the text's other places (their likeliest namesakes) lie: "an op-ed in The Hill" is the paper,
    not The Hill, New South Wales."""
    tokens, admin1, population = doc.tokens, gazetteer.admin1_idx, gazetteer.population
    opening = [k for k, c in enumerate(candidates)
               if tokens[c.start_token].text == "The" and c.start_token >= 2 and c.end_token - c.start_token >= 2
               and probabilities[k] < DESCRIBED_PROBABILITY and c.entries]
    if not opening:
        return   # most texts: no town's name opens with "The"
    ends, regions = set(), {}
    for k, c in enumerate(candidates):
        if probabilities[k] >= threshold and c.entries:
            ends.add(c.end_token)
            idx = max((idx for idx, _ in c.entries), key=lambda idx: population[idx])
            region = idx if gazetteer.kind[idx] == KIND_ADMIN1 else int(admin1[idx])
            if region >= 0:
                regions.setdefault(region, []).append(c)
    for k in opening:
        c = candidates[k]
        i = c.start_token
        if tokens[i - 1].line != tokens[i].line or runs_on(tokens, c.end_token):
            continue
        before = tokens[i - 1].text
        if not (before in ALONG_PREPOSITIONS or before in ("and", "or") and i - 1 in ends):
            continue
        if any(gazetteer.kind[idx] == KIND_CITY and flags & NAME_PRIMARY
               and any(o.end <= c.start or o.start >= c.end for o in regions.get(int(admin1[idx]), ()))
               for idx, flags in c.entries):
            probabilities[k] = DESCRIBED_PROBABILITY


_COUNCIL_KINDS = frozenset({"City", "District", "County", "Town", "Borough", "Regional", "Shire", "Municipal"})


def councils_name_their_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                               gazetteer: Gazetteer) -> None:
    """"Nelson City Council", "Tasman District Council", "Fresno County Council", "Mansfield council": the
    council's place is mentioned (LGL marks it so), however much the run looks like an organisation's
    name. The name right before the council's kind, not "Nelson City" too, but "Kent County" where the
    gazetteer has the county so; a town or a region the gazetteer has (by its own or another full name,
    for a lower-case "council")."""
    tokens, n = doc.tokens, len(doc.tokens)
    by_span = {(c.start_token, c.end_token): k for k, c in enumerate(candidates)}
    for k, c in enumerate(candidates):
        j = c.end_token
        if (c.entries and j < n and tokens[j].text == "council" and probabilities[k] < DESCRIBED_PROBABILITY
                and tokens[j].line == tokens[c.start_token].line
                and names_a_town_or_region(c, gazetteer, by=NAME_PRIMARY | NAME_ALT)):
            probabilities[k] = DESCRIBED_PROBABILITY   # "Ceredigion council leader", "Mansfield council said"
            continue
        if not c.entries or j + 1 >= n or tokens[j].text not in _COUNCIL_KINDS or tokens[j + 1].text != "Council" \
                or tokens[j + 1].line != tokens[c.start_token].line:
            continue
        # "Kent County Council": the gazetteer's "Kent County", where it has the name so.
        whole = by_span.get((c.start_token, j + 1)) if tokens[j].text == "County" else None
        if whole is not None and candidates[whole].entries:
            k, c = whole, candidates[whole]
        if probabilities[k] < DESCRIBED_PROBABILITY and names_a_town_or_region(c, gazetteer):
            probabilities[k] = DESCRIBED_PROBABILITY
