"""Toponym recognition: which candidate spans are places here.

A logistic regression (trained by ``service.tools.train_toponyms`` from the annotated
news corpora) scores every candidate span (see ``spans``); the spans above the model's
threshold are taken greedily, most probable first, without overlaps. It marks what a
careful reader would mark as a place, demonyms ("Iraqi") and metonyms ("Washington said")
included. Each span carries its gazetteer entries; a span with none is kept as an
unresolved toponym. Between the model and the decoding, rules here let names agree (a list, a full
name and its short form), rules in ``place_words`` raise names the words around them place, and
rules in ``other_names`` lower names that are people, companies or storms here.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ...resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_COUNTRY, KIND_PHYSICAL, KIND_REGION,
                                    NAME_ABBR, NAME_ALT, NAME_CODE, NAME_DEMONYM, NAME_PARTIAL, NAME_PRIMARY, Gazetteer)
from ...resources.lexicon import Lexicon
from ...resources.toponym_model import ToponymModel
from ..document import Document
from ..types import Span
from .candidates import NAME_PARTICLES, GazetteerMatch
from .distance import haversine_km
from .other_names import (CONJUNCTIONS, LIST_TOKENS, PLACE_SURE, acronyms_are_not_towns, codes_alone_on_their_lines,
                          codes_written_as_words, common_words_as_alternate_names, companies_stay_companies,
                          compass_before_ordinals, currency_prefixes_are_not_places, demonyms_opening_names,
                          given_names_stay_people, initials_open_names, landscape_plurals_opening_sentences,
                          numbered_roads_are_not_places, organisations_by_initials, pan_demonyms,
                          planets_are_not_places, roads_named_after_seas, short_titles_before_names,
                          squares_named_noun_first, storms_are_not_places, surnames_stay_people,
                          traded_names_are_companies, winds_and_pipelines_are_not_places)
from .name_shapes import (hyphen_bound_lower, hyphen_joined_names, hyphenated, parts_of_hyphenated_names,
                          possessive_names)
from .place_words import (DESCRIBED_PROBABILITY, councils_name_their_places, generic_of_names, nearby_places,
                          physical_features_after_the, run_before, runs_on, towns_after_compass_words,
                          towns_named_with_the)
from .spans import (CAPITALISED_COMPASS_BEFORE, NATURAL_NOUNS, PLACE_NOUNS, REGION_NOUNS, TOWN_NOUNS,
                    SpanCandidate, case_bucket, ends_with_compass_word, generate_candidates,
                    hyphened_article_before)


@dataclass(slots=True)
class Toponym:
    """A recognised place mention and its gazetteer entries ((place index, name flags))."""

    start: int
    end: int
    text: str
    start_token: int
    end_token: int
    entries: list[tuple[int, int]]
    confidence: float = 1.0
    stands_for: str | None = None   # the whole name an elided mention means: "North" in "North and South Carolina"


def select_spans(candidates: list[SpanCandidate], probabilities: list[float],
                 threshold: float) -> list[tuple[SpanCandidate, float]]:
    """Greedy decoding: most probable first, skipping any span that overlaps a chosen one."""
    order = sorted(range(len(candidates)), key=lambda k: -probabilities[k])
    chosen: list[tuple[SpanCandidate, float]] = []
    taken: set[int] = set()  # tokens already inside a chosen span
    for k in order:
        p = probabilities[k]
        if p < threshold:
            break
        c = candidates[k]
        tokens = range(c.start_token, c.end_token)
        if any(t in taken for t in tokens):
            continue
        taken.update(tokens)
        chosen.append((c, p))
    chosen.sort(key=lambda cp: cp[0].start)
    return chosen


_FULL_NAME = NAME_PRIMARY | NAME_ALT | NAME_DEMONYM | NAME_ABBR


def _unsupported_codes(doc: Document, candidates: list[SpanCandidate], gazetteer: Gazetteer) -> set[int]:
    """Candidates that are a bare two- or three-letter country code ("IE", "IT", "UGA") of a country the
    document never names otherwise: in running text these are far more often something else ("IE 11",
    "UGA researchers" at the University of Georgia). Codes news writes as names ("USA", "UAE") are
    alternate names or abbreviations too, and stay."""
    codes = [k for k, c in enumerate(candidates) if c.end - c.start in (2, 3) and doc.text[c.start:c.end].isupper()
             and doc.text[c.start:c.end].isalpha()]
    if not codes:
        return set()
    named = {idx for c in candidates for idx, flags in c.entries if flags & _FULL_NAME}
    out = set()
    for k in codes:
        c = candidates[k]
        countries = [(idx, flags) for idx, flags in c.entries if gazetteer.kind[idx] == KIND_COUNTRY]
        # A state's postal code is its abbreviation as well ("Fresno, CA"): the model reads those.
        states = any(flags & NAME_ABBR and gazetteer.kind[idx] == KIND_ADMIN1 for idx, flags in c.entries)
        if (countries and not states and all(flags & NAME_CODE and not flags & _FULL_NAME for _, flags in countries)
                and not any(idx in named for idx, _ in countries)):
            out.add(k)
    return out


CONSISTENCY = 0.9
DATELINE_PROBABILITY = 0.9
FULL_NAME_FLOOR = 0.25          # least belief in a region's full name that its short form inside lifts


def score_candidates(doc: Document, candidates: list[SpanCandidate], gazetteer: Gazetteer,
                     model: ToponymModel, filing: list[Span], lexicon: Lexicon | None = None) -> list[float]:
    """Probability that each candidate is a toponym here.

    The model scores each span on its own, the dateline's places (`filing`) are taken as places; then a name
    the document clearly uses as a place lends that to its other, weaker occurrences (a writer
    does not switch "Fallujah" from town to person mid-article), and bare country codes without
    support are dropped."""
    probabilities = [model.probability(c.features) for c in candidates]
    if filing:
        # "MARSHALL, Texas -", opening the first paragraph: the filing place, whatever the word
        # would score in a sentence (a surname, a given name).
        spans = {(place.start, place.end) for place in filing}
        for k, c in enumerate(candidates):
            if (c.start, c.end) in spans and c.entries:
                probabilities[k] = max(probabilities[k], DATELINE_PROBABILITY)
    _described_as_places(doc, candidates, probabilities, gazetteer)
    nearby_places(doc, candidates, probabilities, gazetteer)
    _neighbours_vouch(candidates, probabilities, gazetteer, model.threshold)
    physical_features_after_the(doc, candidates, probabilities, gazetteer)
    generic_of_names(doc, candidates, probabilities, gazetteer)
    towns_named_with_the(doc, candidates, probabilities, model.threshold, gazetteer)
    towns_after_compass_words(doc, candidates, probabilities, gazetteer)
    councils_name_their_places(doc, candidates, probabilities, gazetteer)
    hyphen_joined_names(doc, candidates, probabilities)   # before lending: "Appleby-in-Westmorland and Kendal"
    best: dict[str, float] = {}
    # Case-blind: the dateline's "FALLUJAH" is the body's "Fallujah".
    keys = [doc.norm[c.start:c.end].casefold() for c in candidates]
    for key, p in zip(keys, probabilities):
        if p > best.get(key, 0.0):
            best[key] = p
    # A line in capitals is one run of capitalised words, so its names are never whole runs: there
    # ("COUNCIL APPROVES HOMES ON EDGE OF KILKENNY") part of a run borrows too.
    shouted = {i for i, line in enumerate(doc.lines) if line.text.isupper()}
    # So does the last name of a run joined by a conjunction ("in Kemptown and Hove"): a name of its own.
    for k, c in enumerate(candidates):
        lent = best[keys[k]] * CONSISTENCY
        if lent >= model.threshold and lent > probabilities[k] and (
                "run:full" in c.features or doc.tokens[c.start_token].line in shouted
                or ("run_ends" in c.features and "run_prev:and" in c.features)):
            probabilities[k] = lent
    _colocated_list_members(doc, candidates, probabilities, gazetteer, lexicon)
    _conjuncts_share(doc, candidates, probabilities, model.threshold, gazetteer, lexicon)
    surnames_stay_people(doc, candidates, keys, probabilities, model.threshold, gazetteer, lexicon)
    given_names_stay_people(doc, candidates, probabilities, model.threshold, lexicon)
    companies_stay_companies(doc, candidates, keys, probabilities, model.threshold, gazetteer)
    parts_of_hyphenated_names(doc, candidates, probabilities, gazetteer, model.threshold)
    possessive_names(doc, candidates, probabilities, gazetteer)
    _prefer_full_names(doc, candidates, probabilities, model.threshold, gazetteer)
    _regions_after_compass_words(doc, candidates, probabilities, gazetteer)
    _generic_words_of_named_features(doc, candidates, probabilities, model.threshold, gazetteer)
    _generic_heads_of_names(doc, candidates, probabilities, model.threshold)
    _streets_keep_their_names(doc, candidates, probabilities, model.threshold)
    _sentence_openers_open_no_name(doc, candidates, probabilities, lexicon)
    acronyms_are_not_towns(doc, candidates, probabilities, model.threshold, filing)
    initials_open_names(doc, candidates, probabilities, model.threshold)
    short_titles_before_names(doc, candidates, probabilities, model.threshold)
    codes_written_as_words(doc, candidates, probabilities, model.threshold, lexicon)
    codes_alone_on_their_lines(doc, candidates, probabilities, model.threshold)
    common_words_as_alternate_names(doc, candidates, probabilities, model.threshold, lexicon)
    demonyms_opening_names(doc, candidates, probabilities, model.threshold)
    pan_demonyms(doc, candidates, probabilities, model.threshold)
    storms_are_not_places(doc, candidates, probabilities, model.threshold)
    winds_and_pipelines_are_not_places(doc, candidates, probabilities, model.threshold, gazetteer)
    roads_named_after_seas(doc, candidates, probabilities, model.threshold, gazetteer)
    numbered_roads_are_not_places(doc, candidates, probabilities, model.threshold)
    currency_prefixes_are_not_places(doc, candidates, probabilities, model.threshold)
    landscape_plurals_opening_sentences(doc, candidates, probabilities, model.threshold)
    planets_are_not_places(doc, candidates, probabilities, model.threshold)
    squares_named_noun_first(doc, candidates, probabilities, model.threshold)
    organisations_by_initials(doc, candidates, probabilities, model.threshold)
    traded_names_are_companies(doc, candidates, probabilities, model.threshold, gazetteer)
    compass_before_ordinals(doc, candidates, probabilities)
    for k in _unsupported_codes(doc, candidates, gazetteer):
        probabilities[k] = 0.0
    return probabilities


# An apposition or a copula that says what kind of place a name is: "Onagawa, a fishing town in
# Miyagi", "Nyala, the capital of South Darfur", "Angola, a country of 30 million", "Ringim is a farming
# town". The noun must end the phrase or lead into where or what the place is ("a town councillor",
# "the state's governor" describe people).
_COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "republic"})
_SETTLEMENT_NOUNS = TOWN_NOUNS | {"hamlet", "community", "settlement"}
_DESCRIBED_AS = re.compile(r"(?:,| is| was) (?:a|an|the) (?:[a-z][a-z-]* ){0,3}?(?P<noun>" + "|".join(
    sorted(_SETTLEMENT_NOUNS | REGION_NOUNS | _COUNTRY_NOUNS | {"island"}))
    + r")(?= (?:in|of|on|near|outside|north|south|east|west|about|with|that|where|which|known|home|some|"
      r"located|just|close|along|across|between|whose|famous)\b|[,.;:)]|$)")


def _described_as_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                         gazetteer: Gazetteer) -> None:
    """A name the text itself calls a town, a region or a country, when the gazetteer has such a
    place by that name: a small town's alternate name scores low on its own, never so here. The
    name must be whole: not "Beyazit" of "Dogu Beyazit, a farming town"."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if not c.entries or probabilities[k] >= DESCRIBED_PROBABILITY or (
                c.start_token > 0 and tokens[c.start_token - 1].text[:1].isupper()):
            continue
        match = _DESCRIBED_AS.match(doc.norm, c.end, c.end + 80)
        if match is None:
            continue
        noun = match.group("noun")
        kinds = {int(gazetteer.kind[idx]) for idx, _ in c.entries}
        if noun in _SETTLEMENT_NOUNS:
            agrees = KIND_CITY in kinds
        elif noun in REGION_NOUNS:
            agrees = bool(kinds & {KIND_ADMIN1, KIND_ADMIN2})
        elif noun in _COUNTRY_NOUNS:
            agrees = KIND_COUNTRY in kinds
        else:
            agrees = True   # an island: GeoNames files islands under several kinds
        if agrees:
            probabilities[k] = DESCRIBED_PROBABILITY



NEIGHBOUR_KM = 25.0
NEIGHBOUR_FLOOR = 0.1       # the least the model must believe in a name for a neighbour to vouch for it
NEIGHBOUR_MAX_ENTRIES = 10  # an anchor of more namesakes than this lies near too many towns to vouch


def _neighbours_vouch(candidates: list[SpanCandidate], probabilities: list[float], gazetteer: Gazetteer,
                      threshold: float) -> None:
    """"A village near Kendal" in a story that reads Staveley as a place: a town the mention names by its
    own name, after a preposition of place, within 25 km of a town or county the text already reads as a
    place, is one. The text's places lie near each other; a person's or a firm's name need not."""
    sure = [c for c, p in zip(candidates, probabilities)
            if p >= threshold and 0 < len(c.entries) <= NEIGHBOUR_MAX_ENTRIES]
    anchors = [idx for c in sure for idx, _ in c.entries if gazetteer.kind[idx] in (KIND_CITY, KIND_ADMIN2)]
    if not anchors:
        return
    lat, lon = gazetteer.lat[anchors].astype(np.float64), gazetteer.lon[anchors].astype(np.float64)
    for k, c in enumerate(candidates):
        if not NEIGHBOUR_FLOOR <= probabilities[k] < threshold or "after_locative" not in c.features:
            continue
        towns = [idx for idx, flags in c.entries if flags & NAME_PRIMARY and gazetteer.kind[idx] == KIND_CITY]
        for idx in towns:
            km = haversine_km(float(gazetteer.lat[idx]), float(gazetteer.lon[idx]), lat, lon)
            # Not itself: a namesake read elsewhere in the text sits at 0 km.
            if ((km > 0.5) & (km <= NEIGHBOUR_KM)).any():
                probabilities[k] = threshold + 0.01
                break



CONJUNCT_FLOOR = 0.1
# Kinds that lend to each other in a list: regions of any standing ("in Connemara and Mayo").
_KIND_FAMILY = {KIND_ADMIN2: KIND_ADMIN1, KIND_REGION: KIND_ADMIN1}


def _families(gazetteer: Gazetteer, entries) -> set[int]:
    """The kinds of a name's gazetteer entries, regions of any standing counted as one."""
    return {_KIND_FAMILY.get(kind, kind) for kind in (int(gazetteer.kind[idx]) for idx, _ in entries)}


# Before a list's first name, words that put what follows in a place, not among people ("to", "of" and "at"
# do not: "an award to Brandon and Tyler", "at Brandon and Tyler's").
_PLACED_BY = frozenset({"p1:in", "p1:near", "p1:outside", "p1:throughout", "p1:across"})


def _conjuncts_share(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                     threshold: float, gazetteer: Gazetteer, lexicon: Lexicon | None) -> None:
    """A name coordinated with a sure place of the same kind is one too: "taught in Caribou and
    Houlton", "in Monroe, Trenton and Seven Mile", and the head of a list ("Cologne, Bochum and
    Darmstadt": a comma counts when the sure place after it goes on with the list), and a name inside
    a list after a sure one ("Chidlow, Wooroloo and Gidgegannup", in turn). Only names the
    gazetteer knows, only when the model already gives them some chance (or a sure place stands on
    each side: "Cork, Kerry and Limerick", Kerry all but ruled out by John Kerry), a given name only from a
    name that is not one ("Lubbock, Lynn and Terry counties"; "Brandon, Tyler and Logan" are people
    however sure the model is of the first), and not when the name runs on ("Cavan Town Hall")."""
    tokens, n = doc.tokens, len(doc.tokens)

    def joined(before: int, after: int) -> bool:   # tokens[before] and tokens[after] around "and"/"or"
        return (0 <= before and after < n and tokens[before + 1].text.lower() in CONJUNCTIONS
                and tokens[before].line == tokens[after].line)

    def comma_listed(before: int, after: int) -> bool:   # tokens[before] and tokens[after] around a comma
        return (0 <= before and after < n and tokens[before + 1].text == ","
                and tokens[before].line == tokens[after].line)

    def goes_on(end: int) -> bool:   # the list runs on after the name that ends before tokens[end]
        return end < n and tokens[end].text.lower() in LIST_TOKENS and tokens[end].line == tokens[end - 1].line

    def listed_within(c: SpanCandidate) -> bool:   # "Chidlow, Wooroloo and ...": after a comma, the list going on
        return comma_listed(c.start_token - 2, c.start_token) and goes_on(c.end_token)

    first_names = lexicon.first_names if lexicon is not None else frozenset()
    weak = []
    for k, c in enumerate(candidates):
        if not c.entries or probabilities[k] >= threshold:
            continue
        after = c.end_token
        if runs_on(tokens, after):
            continue   # the start of a longer name: "Cavan Town Hall"
        if run_before(tokens, c.start_token):
            continue   # the end of one: "Nabatieh, Bint Jbeil and Tyre" lists Bint Jbeil, not Jbeil (Byblos)
        if (joined(c.start_token - 2, c.start_token) or joined(after - 1, after + 1)
                or comma_listed(after - 1, after + 1) or listed_within(c)):
            weak.append(k)
    if not weak:
        return
    given = [doc.norm[c.start:c.end] in first_names for c in candidates]
    sure_end: dict[int, tuple[float, list, bool]] = {}     # end token -> (probability, entries, given name)
    sure_start: dict[int, tuple[float, list, int, bool]] = {}   # start token -> (..., end token, given name)
    for c, p, g in zip(candidates, probabilities, given):
        if p >= PLACE_SURE and c.entries:
            previous = sure_end.get(c.start_token - 1)
            if g and previous and not previous[2] and (joined(c.start_token - 2, c.start_token)
                                                     or comma_listed(c.start_token - 2, c.start_token)):
                g = False   # a given name listed after a place that is not one: "Lubbock, Lynn"
            if g and not _PLACED_BY.isdisjoint(c.features):
                g = False   # where no one is: "troopers in Sherman and Tyler" are in towns
            if p > sure_end.get(c.end_token, (0.0,))[0]:
                sure_end[c.end_token] = (p, c.entries, g)
            if p > sure_start.get(c.start_token, (0.0,))[0]:
                sure_start[c.start_token] = (p, c.entries, c.end_token, g)
    for k in weak:
        c = candidates[k]
        kinds = _families(gazetteer, c.entries)
        after = sure_start.get(c.end_token + 1)
        # "Troy, N.C." qualifies the town; "Cologne, Bochum and Darmstadt" lists places.
        if after and not (joined(c.end_token - 1, c.end_token + 1)
                          or (comma_listed(c.end_token - 1, c.end_token + 1) and goes_on(after[2]))):
            after = None
        before = None
        if joined(c.start_token - 2, c.start_token) or listed_within(c):
            before = sure_end.get(c.start_token - 1)
        if probabilities[k] < CONJUNCT_FLOOR and not (before and after):
            continue   # a name the model all but rules out needs a sure place on each side: "Cork, Kerry and Limerick"
        lent = 0.0
        for sibling in (before, after):
            if (sibling and sibling[0] > lent and not (given[k] and sibling[-1])
                    and _families(gazetteer, sibling[1]) & kinds):
                lent = sibling[0]
        if lent * CONSISTENCY >= threshold:
            probabilities[k] = lent * CONSISTENCY
            if probabilities[k] >= PLACE_SURE:   # and vouches for the next name of the list, in text order
                sure_end[c.end_token] = (probabilities[k], c.entries, given[k])


# Towns listed together that the gazetteer puts within this distance of each other are those towns:
# "parts of Chidlow, Wooroloo and Gidgegannup" names three villages 15 km apart, where a list of
# people's names finds no such neighbours. Names with many places find a neighbour anywhere, and given
# names list people ("Brandon, Tyler and Logan"): skipped.
LIST_NEIGHBOURS_KM = 50.0
LIST_MAX_SENSES = 8
COLOCATED_PROBABILITY = 0.6
COLOCATED_FLOOR = 0.03


def _colocated_list_members(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                            gazetteer: Gazetteer, lexicon: Lexicon | None) -> None:
    """Adjacent members of a list ("A, B and C", "A or B") whose towns lie near each other, or that are
    first-level regions of one country the article names ("neighboring Durango and Sonora" in a story
    from Mexico: a writer lists two states, where "Durango" alone reads as a surname)."""
    tokens, n = doc.tokens, len(doc.tokens)
    first_names = lexicon.first_names if lexicon is not None else frozenset()

    def member(k: int, kind: int = KIND_CITY) -> list[int]:   # the places of one kind of a whole name, or none
        c = candidates[k]
        if not c.entries or probabilities[k] < COLOCATED_FLOOR or doc.norm[c.start:c.end] in first_names:
            return []
        # Towns: a name with few places; regions: one in a country the article names.
        if len(c.entries) > LIST_MAX_SENSES if kind == KIND_CITY else "in_doc_country|adm1" not in c.features:
            return []
        if runs_on(tokens, c.end_token):
            return []    # the start of a longer name
        return [idx for idx, _ in c.entries if gazetteer.kind[idx] == kind]

    starts = [c.start_token for c in candidates]    # sorted
    listed = [k for k, c in enumerate(candidates)
              if c.end_token < n and tokens[c.end_token].text.lower() in LIST_TOKENS and c.entries]
    near = set()
    for k in listed:
        c = candidates[k]
        j = c.end_token     # the next member starts after ",", "and", "or" or ", and"
        if tokens[j].text == ",":
            j += 1
        conjoined = j < n and tokens[j].text.lower() in CONJUNCTIONS
        j += conjoined
        if j >= n or tokens[j].line != tokens[j - 1].line:
            continue
        for k2 in range(bisect_left(starts, j), bisect_right(starts, j)):
            if min(probabilities[k], probabilities[k2]) >= COLOCATED_PROBABILITY:
                continue
            towns, others = member(k), member(k2)
            # Regions only around "and"/"or": "Washington, D.C." names a town by its region.
            regions = {gazetteer.country_code(a) for a in member(k, KIND_ADMIN1)} if conjoined else ()
            if (any(_near(gazetteer, a, b) for a in towns for b in others)
                    or any(gazetteer.country_code(b) in regions for b in member(k2, KIND_ADMIN1))):
                near.update((k, k2))
    for k in near:
        probabilities[k] = max(probabilities[k], COLOCATED_PROBABILITY)


def _near(gazetteer: Gazetteer, a: int, b: int) -> bool:
    """Two gazetteer places within LIST_NEIGHBOURS_KM, by an equirectangular distance: exact enough at
    this range, and for a list's few pairs plain floats cost less than numpy."""
    lat_a, lat_b = float(gazetteer.lat[a]), float(gazetteer.lat[b])
    dy = lat_a - lat_b
    if abs(dy) > LIST_NEIGHBOURS_KM / 111.0:
        return False
    dx = (float(gazetteer.lon[a]) - float(gazetteer.lon[b]) + 180.0) % 360.0 - 180.0
    dx *= math.cos(math.radians((lat_a + lat_b) / 2))
    return 111.195 * math.hypot(dx, dy) <= LIST_NEIGHBOURS_KM


def _inside(candidates: list[SpanCandidate], starts: list[int], k: int) -> Iterator[int]:
    """Indexes of the other candidates that lie inside candidate k (candidates sorted by start)."""
    outer = candidates[k]
    j = bisect_left(starts, outer.start)
    while j < len(candidates) and candidates[j].start < outer.end:
        if j != k and candidates[j].end <= outer.end:
            yield j
        j += 1


def _prefer_full_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float], threshold: float,
                       gazetteer: Gazetteer) -> None:
    """A place's own full name beats a short form of the same place inside it: "Trinidad and Tobago"
    is one mention, not "Trinidad" and "Tobago"; "Dublin City", a town's alternate name, does not beat
    "Dublin". It also beats an adjective that opens it: "European Union" is not "European" (Europe)
    and "Dominican Republic" is not "Dominican". A name the hyphen makes one word is one mention by any
    of its names: "Miami-Dade" (the county's short form) is not "Miami". Candidates are sorted by start."""
    starts = [c.start for c in candidates]
    for k, c in enumerate(candidates):
        if c.end_token - c.start_token < 2:
            continue
        # Its own name, or a country's official long form ("Republic of Armenia") or a region's name with its
        # word ("Sagaing Region" beside the town of Sagaing).
        own = {idx for idx, flags in c.entries
               if flags & NAME_PRIMARY or (flags & NAME_ALT and gazetteer.kind[idx] in (KIND_COUNTRY, KIND_ADMIN1))}
        if not own:
            if c.entries and probabilities[k] >= threshold and hyphenated(doc.norm[c.start:c.end]):
                inner = max((probabilities[j] for j in _inside(candidates, starts, k)), default=0.0)
                probabilities[k] = max(probabilities[k], min(1.0, inner + 1e-9))
            continue
        # When any word inside names the same place ("D.C." in "Washington, D.C."), the full name
        # beats every span inside it, not only that one ("Washington" alone may score higher).
        supported, strongest = False, 0.0
        for j in _inside(candidates, starts, k):
            inner = candidates[j]
            strongest = max(strongest, probabilities[j])
            if probabilities[j] >= threshold:
                # By a name of its own ("Norfolk" is only a part of "City of Norfolk"), if the
                # full name is a toponym itself; or as the adjective that opens it.
                supported |= probabilities[k] >= threshold and any(
                    idx in own and flags & ~NAME_PARTIAL for idx, flags in inner.entries)
                # A country's or region's short form inside its full name is that full name, even
                # one the model doubts: "Jammu" in "Jammu and Kashmir".
                supported |= probabilities[k] >= FULL_NAME_FLOOR and any(
                    idx in own and gazetteer.kind[idx] <= KIND_ADMIN1 for idx, _ in inner.entries)
                supported |= inner.start == c.start and bool(inner.entries) and all(
                    flags & NAME_DEMONYM for _, flags in inner.entries)
                # A country named in full is one place, whatever a word inside it names: "N. Korea" is
                # not "Korea" (the South's short form), "Equatorial Guinea" not Guinea.
                supported |= probabilities[k] >= threshold and any(gazetteer.kind[idx] == KIND_COUNTRY for idx in own)
                # So is a sea, a lake or a river: the "Gulf of Mexico" is not Mexico, nor "Lake Michigan"
                # the state.
                supported |= probabilities[k] >= threshold and any(
                    gazetteer.kind[idx] == KIND_PHYSICAL for idx in own)
                # A name whose words a lower-case particle joins is one name: "São José dos Campos" is
                # not São José, a town in another state.
                supported |= probabilities[k] >= threshold and _joined_by_particle(doc, c)
                # A region named for two places "and" joins is that region, however the words after it
                # ("Perth and Kinross Council") make the model doubt it: not Perth, nor a list.
                supported |= _and_joined_region(doc, c, own, gazetteer)
                # A town's own name that is the whole capitalised run beats another place's name inside
                # it: "Jamaica Plain" (Boston) is not Jamaica with a word after it. (Not a name a particle
                # joins: GeoNames keeps a "University of Texas" town, news means the university.)
                supported |= (probabilities[k] >= threshold and "run_starts" in c.features
                              and "run_ends" in c.features and doc.norm[c.start:c.end].istitle()
                              and any(gazetteer.kind[idx] == KIND_CITY for idx in own))
        if supported and strongest >= probabilities[k]:
            probabilities[k] = min(1.0, strongest + 1e-9)


# The generic word of a sea, a bay or a strait, which names it again once it has been named in full.
GENERIC_WATER_WORDS = frozenset({"Gulf", "Bay", "Strait", "Channel", "Sound", "Sea"})


def generic_words(name: str) -> set[str]:
    """The generic words a feature's full name opens or ends with: "Gulf of Mexico" and "Persian
    Gulf" -> {"Gulf"}; a one-word name has none."""
    parts = name.split()
    return {parts[0], parts[-1]} & GENERIC_WATER_WORDS if len(parts) >= 2 else set()


def _generic_words_of_named_features(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                     threshold: float, gazetteer: Gazetteer) -> None:
    """"... across the Gulf of Mexico. Oil companies evacuated platforms in the Gulf": once a sea is
    named in full, its generic word alone is a mention of it (``choice_rules`` resolves it to the sea)."""
    words = set()
    for k, c in enumerate(candidates):
        if probabilities[k] >= threshold and c.end_token - c.start_token >= 2:
            for idx, flags in c.entries:
                if gazetteer.kind[idx] == KIND_PHYSICAL and flags & NAME_PRIMARY:
                    words |= generic_words(gazetteer.name(idx))
    if words:
        for k, c in enumerate(candidates):
            if c.end_token - c.start_token == 1 and c.entries and doc.norm[c.start:c.end] in words:
                probabilities[k] = max(probabilities[k], threshold)


def _generic_heads_of_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                            threshold: float) -> None:
    """"sailings between Swartz Bay and Tsawwassen": "Bay" after a capitalised word is the head of a
    name the gazetteer lacks, not Bay, the Somali region; the whole is the mention, if any is."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if c.end_token - c.start_token != 1 or probabilities[k] < threshold or c.start_token == 0:
            continue
        before, word = tokens[c.start_token - 1], tokens[c.start_token]
        if (word.text.lower() in NATURAL_NOUNS and before.text[:1].isupper() and before.line == word.line
                and word.start - before.end == 1 and not doc.starts_sentence(c.start_token)):
            probabilities[k] = threshold - 1e-6


def _and_joined_region(doc: Document, c: SpanCandidate, own: set[int], gazetteer: Gazetteer) -> bool:
    """"Perth and Kinross", "Dumfries and Galloway": a first- or second-level region's own name, capitalised
    names on both sides of one "and"."""
    words = [t.text for t in doc.tokens[c.start_token:c.end_token]]
    return (words.count("and") == 1 and 0 < words.index("and") < len(words) - 1
            and all(w[:1].isupper() for w in words if w != "and")
            and any(gazetteer.kind[idx] in (KIND_ADMIN1, KIND_ADMIN2) for idx in own))


def _joined_by_particle(doc: Document, c: SpanCandidate) -> bool:
    """Capitalised words joined by a lower-case particle inside the span ("dos", "di"), or by any
    lower-case word between hyphens ("Newcastle-under-Lyme"): one name. Not "of" between spaces:
    "City of Winchester", the district, does not swallow the city named inside it."""
    tokens = doc.tokens
    return any(tokens[i].text in NAME_PARTICLES or hyphen_bound_lower(tokens, i)
               for i in range(c.start_token + 1, c.end_token - 1))


COMPASS_REGION_PROBABILITY = 0.8
_STATES_NAMED_BY_COMPASS = frozenset({"US", "CA", "AU"})


def _regions_after_compass_words(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                 gazetteer: Gazetteer) -> None:
    """A state or a province after a capitalised compass adjective, the two words a name of their own
    ("Eastern Washington", "Southern California", "Northern Ontario" as local news writes them): the
    state, which is what the name is about (LGL marks it so), whatever the model makes of a capitalised
    word run on. Not after a capitalised word ("Best Western DeKalb"), nor when the run goes on ("Eastern
    Washington University"); nor elsewhere, where such names are names ("Western Kasai" was a province,
    GeoWebNews and GeoVirus mark "Western US" whole)."""
    for k, c in enumerate(candidates):
        if not ends_with_compass_word(doc.norm, c.start, CAPITALISED_COMPASS_BEFORE) or "run_ends" not in c.features:
            continue
        if any(gazetteer.kind[idx] == KIND_ADMIN1 and flags & (NAME_PRIMARY | NAME_ALT)
               and gazetteer.country_code(idx) in _STATES_NAMED_BY_COMPASS for idx, flags in c.entries):
            probabilities[k] = max(probabilities[k], COMPASS_REGION_PROBABILITY)


def _streets_keep_their_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                              threshold: float) -> None:
    """A street the recogniser accepts is one mention, not the place it is named after: "Georgia
    Avenue" beats "Georgia" inside it, whatever the state's name would score alone. Not across a
    conjunction: "the A61 towards Leeds and Skipton Road" names Leeds, then a street."""
    starts = [c.start for c in candidates]   # sorted by start
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or "ends_street_noun" not in c.features or any(
                tokens[i].text in ("and", "&") for i in range(c.start_token + 1, c.end_token - 1)):
            continue
        strongest = max((probabilities[j] for j in _inside(candidates, starts, k)), default=0.0)
        if strongest > probabilities[k]:
            probabilities[k] = min(1.0, strongest + 1e-9)


# Lower-case words that do open names of places: "Bay of Fundy", "Isle of Skye", "Province of Bulacan".
_OPENING_NOUNS = PLACE_NOUNS | frozenset("""bay gulf sea ocean lake isle isles cape strait straits mount port fort
saint forest falls""".split())
_OPENER_LINKS = frozenset({"on", "upon", "of", "and", "the"})


def _sentence_openers_open_no_name(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                   lexicon: Lexicon) -> None:
    """"Traders on Oliver Plunkett Street welcomed ...": a common word, capitalised because it opens the
    sentence, and a lower-case link before the name open no name the gazetteer lacks; the name after
    the link is the mention."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if c.entries or c.end_token - c.start_token < 3 or probabilities[k] == 0.0:
            continue
        first, link = tokens[c.start_token].text, tokens[c.start_token + 1].text
        if link not in _OPENER_LINKS or not doc.starts_sentence(c.start_token):
            continue
        word = first.lower()
        if case_bucket(lexicon, word) in ("low", "dict") and word not in _OPENING_NOUNS:
            probabilities[k] = 0.0


def recognize_toponyms(doc: Document, matches: list[GazetteerMatch], gazetteer: Gazetteer,
                       model: ToponymModel, lexicon: Lexicon, filing: list[Span]) -> list[Toponym]:
    """The document's toponyms in text order; `filing` holds the dateline's places, if it has any."""
    candidates = generate_candidates(doc, matches, gazetteer, lexicon)
    probabilities = score_candidates(doc, candidates, gazetteer, model, filing, lexicon)
    toponyms = []
    for c, p in select_spans(candidates, probabilities, model.threshold):
        start, start_token = c.start, c.start_token
        if hyphened_article_before(doc.tokens, start_token):   # "el-Fasher": the article is the name's
            start_token -= 2
            start = doc.tokens[start_token].start
        entries = [] if _street_address(doc, c) or _compass_adjective(doc, c) else (
            c.entries or _regions_by_their_word(doc, c, gazetteer))
        toponyms.append(Toponym(start, c.end, doc.text[start:c.end], start_token, c.end_token, entries,
                                confidence=round(p, 3)))
    return _elided_compass_names(doc, toponyms, gazetteer)


_COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                            "Central", "Upper", "Lower"})
_COMPASS_LINKS = CONJUNCTIONS | {"&"}


def _elided_compass_names(doc: Document, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """A compass word that shares the name after the conjunction: "North and South Carolina" names North
    Carolina with "North" (not the town of North, S.C.), "West and Central African markets" West Africa,
    "South and Central America" South America. The word becomes a mention of the whole name."""
    tokens = doc.tokens
    out = list(toponyms)
    for t in toponyms:
        second = tokens[t.start_token].text
        i = t.start_token - 2
        if (second not in _COMPASS_WORDS or t.end_token - t.start_token < 2 or i < 0
                or tokens[i + 1].text not in _COMPASS_LINKS or tokens[i].text not in _COMPASS_WORDS
                or tokens[i].line != tokens[t.start_token].line):
            continue
        first = tokens[i]
        name = first.text + t.text[len(second):]
        entries = [(idx, flags) for idx, flags in gazetteer.lookup(name) if flags & _FULL_NAME]
        if not entries:
            continue
        out = [o for o in out if not o.start_token <= i < o.end_token]
        out.append(Toponym(first.start, first.end, first.text, i, i + 1, entries, confidence=t.confidence,
                           stands_for=name))
    out.sort(key=lambda o: o.start)
    return out


# The capitalised words with which news names a region the gazetteer knows without them. "County" too:
# Romania's counties are GeoNames' first-level regions by their bare names ("Cluj County" is "Cluj");
# the counties the gazetteer knows with the word (in the US, Britain, Ireland, and Kenya's and Liberia's,
# see place_names.COUNTY_NAMED_COUNTRIES) never get here.
_REGION_WORDS = frozenset({"Province", "Prefecture", "Governorate", "Oblast", "Region", "Department", "District",
                           "County"})


def _regions_by_their_word(doc: Document, c: SpanCandidate, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """The regions a name the gazetteer does not know calls by its word: "Ishikawa Prefecture" and
    "Anbar Province" are GeoNames' "Ishikawa" and "Al Anbar" (the towns of the name are not meant)."""
    last = doc.tokens[c.end_token - 1]
    if c.end_token - c.start_token < 2 or last.text not in _REGION_WORDS:
        return []
    head = doc.text[c.start:doc.tokens[c.end_token - 2].end]
    return [(idx, NAME_PARTIAL) for idx, _ in gazetteer.lookup(head)
            if gazetteer.kind[idx] in (KIND_ADMIN1, KIND_ADMIN2)]


# Compass adjectives that name a region as a name's first word ("Western Cape") or before a place noun
# ("Eastern province").
_COMPASS_ADJECTIVES = frozenset(w for w in _COMPASS_WORDS if w.endswith("ern"))


def _compass_adjective(doc: Document, c: SpanCandidate) -> bool:
    """"Clothes for Western brands", "Western governments": the West, as GeoWebNews marks it, which no
    gazetteer entry is (not Sri Lanka's Western Province, nor Ghana's Western Region). Not before "and"
    or "or", which may share a place noun further on ("the Northern and Eastern provinces")."""
    tokens, after = doc.tokens, c.end_token
    if (c.end_token - c.start_token != 1 or tokens[c.start_token].text not in _COMPASS_ADJECTIVES
            or after >= len(tokens)):
        return False
    word = tokens[after].text
    return (tokens[after].line == tokens[c.start_token].line and word.isalpha() and word.islower()
            and word not in PLACE_NOUNS and word not in CONJUNCTIONS)


def _street_address(doc: Document, c: SpanCandidate) -> bool:
    """A street written as an address: "a church on Park Street", "12 Park Street". It is a toponym,
    but not the village of Park Street, Hertfordshire; no gazetteer entry is that street."""
    if "ends_street_noun" not in c.features or c.start_token == 0:
        return False
    before = doc.tokens[c.start_token - 1].text
    return before.lower() in ("on", "off") or before.isdigit()
