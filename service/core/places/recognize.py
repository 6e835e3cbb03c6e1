"""Toponym recognition: which candidate spans are places here.

A logistic regression (trained by ``service.tools.train_toponyms`` from the annotated
news corpora) scores every candidate span (see ``spans``); the spans above the model's
threshold are taken greedily, most probable first, without overlaps. It marks what a
careful reader would mark as a place, demonyms ("Iraqi") and metonyms ("Washington said")
included. Each span carries its gazetteer entries; a span with none is kept as an
unresolved toponym.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ...resources.gazetteer import (KIND_ADMIN1, KIND_CITY, KIND_COUNTRY, NAME_ABBR, NAME_ALT, NAME_CODE,
                                    NAME_DEMONYM, NAME_PARTIAL, NAME_PRIMARY, Gazetteer)
from ...resources.lexicon import Lexicon
from ...resources.toponym_model import ToponymModel
from ..calendar_words import MONTH_WORDS, WEEKDAYS
from ..company_words import COMPANY_FORMS
from ..document import Document
from ..types import Span
from .candidates import NAME_PARTICLES, GazetteerMatch
from .spans import ORDINAL, SpanCandidate, generate_candidates


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
    """Candidates that are a bare two-letter country code ("IE", "IT") of a country the document
    never names otherwise: in running text these are far more often something else ("IE 11")."""
    codes = [k for k, c in enumerate(candidates) if c.end - c.start == 2 and doc.text[c.start:c.end].isupper()]
    if not codes:
        return set()
    named = {idx for c in candidates for idx, flags in c.entries if flags & _FULL_NAME}
    out = set()
    for k in codes:
        c = candidates[k]
        countries = [(idx, flags) for idx, flags in c.entries if gazetteer.kind[idx] == KIND_COUNTRY]
        if (countries and all(flags & NAME_CODE and not flags & _FULL_NAME for _, flags in countries)
                and not any(idx in named for idx, _ in countries)):
            out.add(k)
    return out


CONSISTENCY = 0.9
DATELINE_PROBABILITY = 0.9
_PLACE_EVIDENCE = frozenset({"qualified_by_region", "after_locative", "after_place_noun"})
SURNAME_DISCOUNT = 0.9          # a surname's bare occurrences fall just under the threshold
PLACE_SURE = 0.6                # ... unless one occurrence is this sure to be the place
MAJOR_POPULATION = 1_000_000
GIVEN_NAME_CASE = 0.9           # a word capitalised at least this often mid-sentence is a name
HYPHEN_JOINED_PROBABILITY = 0.8  # "Stoke-on-Trent": see _hyphen_joined_names
FULL_NAME_FLOOR = 0.25          # least belief in a region's full name that its short form inside lifts


def score_candidates(doc: Document, candidates: list[SpanCandidate], gazetteer: Gazetteer,
                     model: ToponymModel, dateline: Span | None, lexicon: Lexicon | None = None) -> list[float]:
    """Probability that each candidate is a toponym here.

    The model scores each span on its own, the dateline's place is taken as one; then a name
    the document clearly uses as a place lends that to its other, weaker occurrences (a writer
    does not switch "Fallujah" from town to person mid-article), and bare country codes without
    support are dropped."""
    probabilities = [model.probability(c.features) for c in candidates]
    if dateline is not None:
        # "MARSHALL, Texas -", opening the first paragraph: the filing place, whatever the word
        # would score in a sentence (a surname, a given name).
        for k, c in enumerate(candidates):
            if c.start == dateline.start and c.end == dateline.end and c.entries:
                probabilities[k] = max(probabilities[k], DATELINE_PROBABILITY)
    best: dict[str, float] = {}
    # Case-blind: the dateline's "FALLUJAH" is the body's "Fallujah".
    keys = [doc.norm[c.start:c.end].casefold() for c in candidates]
    for key, p in zip(keys, probabilities):
        if p > best.get(key, 0.0):
            best[key] = p
    for k, c in enumerate(candidates):
        lent = best[keys[k]] * CONSISTENCY
        if lent >= model.threshold and lent > probabilities[k] and "run:full" in c.features:
            probabilities[k] = lent
    _conjuncts_share(doc, candidates, probabilities, model.threshold, gazetteer)
    _surnames_stay_people(doc, candidates, keys, probabilities, model.threshold, gazetteer, lexicon)
    _given_names_stay_people(doc, candidates, probabilities, model.threshold, lexicon)
    _companies_stay_companies(doc, candidates, keys, probabilities, model.threshold, gazetteer)
    _hyphen_joined_names(doc, candidates, probabilities)
    _prefer_full_names(doc, candidates, probabilities, model.threshold, gazetteer)
    _streets_keep_their_names(candidates, probabilities, model.threshold)
    _acronyms_are_not_towns(doc, candidates, probabilities, model.threshold)
    _initials_open_names(doc, candidates, probabilities, model.threshold)
    _storms_are_not_places(doc, candidates, probabilities, model.threshold)
    _traded_names_are_companies(doc, candidates, probabilities, model.threshold, gazetteer)
    _compass_before_ordinals(doc, candidates, probabilities)
    for k in _unsupported_codes(doc, candidates, gazetteer):
        probabilities[k] = 0.0
    return probabilities


ACRONYM_DISCOUNT = 0.5
_DATELINE_MARKS = frozenset({"-", "\u2013", "\u2014", "\x97", "(", ":", "\u201d"})   # \x97: cp1252's em dash


def _acronyms_are_not_towns(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                            threshold: float) -> None:
    """A word in capitals inside a sentence in mixed case is an acronym ("Frankfurt's DAX", "the
    ACME scheme"), not the town it spells (Dax, France). Codes the gazetteer lists ("UK", "NSW"),
    datelines ("... life. RICHLAND -", "NEW YORK/LONDON, Nov 20 -") and lines in capitals stay."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or c.end_token - c.start_token != 1:
            continue
        word = tokens[c.start_token]
        if len(word.text) < 2 or not word.text.isupper() or not word.text.isalpha():
            continue
        if any(flags & (NAME_ABBR | NAME_CODE) for _, flags in c.entries):
            continue
        before = tokens[c.start_token - 1] if c.start_token else None
        in_sentence = before is not None and before.line == word.line and (
            before.text[:1].islower() or before.text[:1] in "'\u2019")    # "the DAX", "Frankfurt's DAX"
        if not in_sentence:
            continue   # a heading, or a dateline after a title ("... life. RICHLAND -")
        after = tokens[c.end_token] if c.end_token < len(tokens) else None
        if after is not None and after.line == word.line and after.text in _DATELINE_MARKS:
            continue   # "... 2009 NEWARK --", "in Ohio. COLUMBUS (AP) -"
        line = doc.lines[word.line].text
        if sum(ch.isupper() for ch in line) > sum(ch.islower() for ch in line):
            continue   # a line in capitals
        probabilities[k] = min(probabilities[k], threshold * ACRONYM_DISCOUNT)


def _initials_open_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                         threshold: float) -> None:
    """A name after a single initial ("Robert E. Lee", "George W. Bush", Chennai's "T. Nagar") is part
    of a longer name, not the place it spells alone. Names the gazetteer knows with their initial
    ("N. Korea", "W. Va.") are matched whole and start at the initial. A letter that ends a sentence
    is no initial: "18°C. Salinas", "World War I. Peterborough"."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        i = c.start_token
        if i < 3 or probabilities[k] < threshold:
            continue
        before, initial, period, first = tokens[i - 3], tokens[i - 2], tokens[i - 1], tokens[i]
        if not (period.text == "." and len(initial.text) == 1 and initial.text.isupper() and initial.text != "I"
                and initial.end == period.start and first.start - period.end == 1 and period.line == first.line):
            continue
        # After a given name ("Stevens T. Mason") or opening an item of a list (", T. Nagar").
        if before.text == "," or (before.text.isalpha() and before.text[:1].isupper()
                                  and initial.start - before.end == 1):
            probabilities[k] = min(probabilities[k], threshold * ACRONYM_DISCOUNT)


_CONJUNCTIONS = frozenset({"and", "or"})   # a comma too often qualifies ("Washington, D.C.", "New Jersey, Inc.")
_LIST_TOKENS = _CONJUNCTIONS | {","}
_STORM_WORDS = frozenset({"hurricane", "hurricanes", "typhoon", "typhoons", "cyclone", "cyclones", "storm",
                          "storms"})
LIST_LOOKBACK = 8


# "East 36th Street", "W. 42nd St.": the side of town a numbered street lies on, not a region named East.
_COMPASS = frozenset({"north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se", "sw"})


def _compass_before_ordinals(doc: Document, candidates: list[SpanCandidate], probabilities: list[float]) -> None:
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        after = c.end_token
        if probabilities[k] and tokens[c.start_token].text.lower() in _COMPASS and (
                after - c.start_token == 1 or (after - c.start_token == 2 and tokens[after - 1].text == ".")):
            if after < len(tokens) and ORDINAL.match(tokens[after].text.lower()):
                probabilities[k] = 0.0


def _storms_are_not_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                           threshold: float) -> None:
    """Names given to storms: "Storm Victoria", "hurricanes Laura and Delta" (Delta State, Nigeria,
    is not meant). A capitalised "Hurricane Delta" reads as one name anyway; a lower-case storm word
    before a name, or before a list of names, says the names are storms."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or c.start_token == 0:
            continue
        i = c.start_token - 1
        # Back over the list before the name: "hurricanes Laura, Ida and Delta".
        while (i > 0 and c.start_token - i < LIST_LOOKBACK and tokens[i].line == tokens[c.start_token].line
               and (tokens[i].text in _LIST_TOKENS or tokens[i].text[:1].isupper())
               and tokens[i].text.lower() not in _STORM_WORDS):
            i -= 1
        word = tokens[i]
        # The storm word is followed by a name ("After the storm, Jamaica ..." is the island).
        if word.text.lower() in _STORM_WORDS and word.line == tokens[c.start_token].line and (
                i == c.start_token - 1 or (tokens[i + 1].text[:1].isupper()
                                           and any(t.text in _LIST_TOKENS for t in tokens[i + 1:c.start_token]))):
            probabilities[k] = min(probabilities[k], threshold * ACRONYM_DISCOUNT)


_SHARE_WORDS = frozenset({"shares", "stock", "stocks"})
# What follows "shares" the noun: a market's verb or an auxiliary ("Santos shares fell", "Delta stock
# has lost"), not an object ("Riverton shares city borders with South Jordan").
_MARKET_MOVES = frozenset({"rose", "fell", "jumped", "slid", "dropped", "climbed", "gained", "lost", "tumbled",
                           "surged", "sank", "slumped", "soared", "plunged", "rallied", "advanced", "declined",
                           "eased", "edged", "closed", "opened", "ended", "traded", "trade", "rise", "fall", "are",
                           "were", "have", "had", "has", "is", "was", "will", "would", "remain", "remained", "hit",
                           "reached", "touched", "extended", "pared", "added", "shed", "dipped", "firmed"})


def _traded_names_are_companies(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                threshold: float, gazetteer: Gazetteer) -> None:
    """Names whose shares trade are companies: "shares of Delta, United and American rose" (not Delta,
    British Columbia), "Santos shares fell". Countries and cities of a million are exempt ("the London
    stock market"), first-level regions as for companies (below), and demonyms ("shares of Chinese
    developers")."""
    tokens, n = doc.tokens, len(doc.tokens)
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or not c.entries:
            continue
        after = tokens[c.end_token] if c.end_token < n else None
        traded = (after is not None and after.line == tokens[c.end_token - 1].line and after.text in _SHARE_WORDS
                  and c.end_token + 1 < n and tokens[c.end_token + 1].text.lower() in _MARKET_MOVES)
        if not traded and c.start_token > 1:
            i = c.start_token - 1
            # Back over the list before the name: "shares of Delta, United and American".
            while (i > 1 and c.start_token - i < LIST_LOOKBACK and tokens[i].line == tokens[c.start_token].line
                   and (tokens[i].text in _LIST_TOKENS or tokens[i].text[:1].isupper())):
                i -= 1
            traded = (tokens[i].text.lower() in ("of", "in") and tokens[i - 1].text.lower() in _SHARE_WORDS
                      and tokens[i].line == tokens[c.start_token].line)
        if not traded or all(flags & NAME_DEMONYM for _, flags in c.entries):
            continue
        if any(gazetteer.kind[idx] <= KIND_COUNTRY
               or (gazetteer.kind[idx] == KIND_CITY and gazetteer.population[idx] >= MAJOR_POPULATION)
               for idx, _ in c.entries):
            continue
        # A first-level region only where the text goes there or names its country, as for companies
        # ("shares in Texas utilities"; not Nigeria's Delta State for "shares of Delta").
        if any(gazetteer.kind[idx] == KIND_ADMIN1 for idx, _ in c.entries) and (
                "in_doc_country|adm1" in c.features or ("after_locative" in c.features and "p1:of" not in c.features)):
            continue
        probabilities[k] = min(probabilities[k], threshold * ACRONYM_DISCOUNT)


CONJUNCT_FLOOR = 0.1


def _conjuncts_share(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                     threshold: float, gazetteer: Gazetteer) -> None:
    """A name coordinated with a sure place of the same kind is one too: "taught in Caribou and
    Houlton", "in Monroe, Trenton and Seven Mile", and the head of a list ("Cologne, Bochum and
    Darmstadt": a comma counts when the sure place after it goes on with the list). Only names the
    gazetteer knows, only when the model already gives them some chance, and not when the name runs
    on ("Cavan Town Hall")."""
    tokens, n = doc.tokens, len(doc.tokens)

    def joined(before: int, after: int) -> bool:   # tokens[before] and tokens[after] around "and"/"or"
        return (0 <= before and after < n and tokens[before + 1].text.lower() in _CONJUNCTIONS
                and tokens[before].line == tokens[after].line)

    def comma_listed(before: int, after: int) -> bool:   # tokens[before] and tokens[after] around a comma
        return (0 <= before and after < n and tokens[before + 1].text == ","
                and tokens[before].line == tokens[after].line)

    def goes_on(end: int) -> bool:   # the list runs on after the name that ends before tokens[end]
        return end < n and tokens[end].text.lower() in _LIST_TOKENS and tokens[end].line == tokens[end - 1].line

    weak = []
    for k, c in enumerate(candidates):
        if not c.entries or not CONJUNCT_FLOOR <= probabilities[k] < threshold:
            continue
        after = c.end_token
        if after < n and tokens[after].text[:1].isupper() and tokens[after].line == tokens[after - 1].line:
            continue   # the start of a longer name: "Cavan Town Hall"
        if (joined(c.start_token - 2, c.start_token) or joined(after - 1, after + 1)
                or comma_listed(after - 1, after + 1)):
            weak.append(k)
    if not weak:
        return
    sure_end: dict[int, tuple[float, list]] = {}     # end token -> (probability, entries)
    sure_start: dict[int, tuple[float, list, int]] = {}   # start token -> (probability, entries, end token)
    for c, p in zip(candidates, probabilities):
        if p >= PLACE_SURE and c.entries:
            if p > sure_end.get(c.end_token, (0.0,))[0]:
                sure_end[c.end_token] = (p, c.entries)
            if p > sure_start.get(c.start_token, (0.0,))[0]:
                sure_start[c.start_token] = (p, c.entries, c.end_token)
    kind = gazetteer.kind
    for k in weak:
        c = candidates[k]
        kinds = {int(kind[idx]) for idx, _ in c.entries}
        after = sure_start.get(c.end_token + 1)
        # "Troy, N.C." qualifies the town; "Cologne, Bochum and Darmstadt" lists places.
        if after and not (joined(c.end_token - 1, c.end_token + 1)
                          or (comma_listed(c.end_token - 1, c.end_token + 1) and goes_on(after[2]))):
            after = None
        lent = 0.0
        for sibling in (sure_end.get(c.start_token - 1) if joined(c.start_token - 2, c.start_token) else None, after):
            if sibling and sibling[0] > lent and any(int(kind[idx]) in kinds for idx, _ in sibling[1]):
                lent = sibling[0]
        if lent * CONSISTENCY >= threshold:
            probabilities[k] = lent * CONSISTENCY


def _surnames_stay_people(doc: Document, candidates: list[SpanCandidate], keys: list[str],
                          probabilities: list[float], threshold: float, gazetteer: Gazetteer,
                          lexicon: Lexicon | None) -> None:
    """A name the article introduces as a surname ("Elizabeth Fairfield, a Lebanon woman", or after a
    given name no list knows: "Bukayo Saka") is that person when it comes back alone ("Fairfield's
    lawyers", "Fairfield has rejected"): news refers to people by surname after the first mention.
    Countries, first-level regions and cities of a million are exempt ("George Washington University"
    does not make "Washington" a person)."""
    surnames = {keys[k] for k, c in enumerate(candidates)
                if c.end_token - c.start_token == 1 and ("after_given_name" in c.features or (
                    probabilities[k] < threshold and _after_unknown_name(doc, c, gazetteer, lexicon)))}
    if not surnames:
        return
    # Unless the article plainly uses the name as a place somewhere (the dateline's place among
    # them): "Jackson, named after Andrew Jackson, was founded in 1848" is about the town.
    for key, p in zip(keys, probabilities):
        if key in surnames and p >= PLACE_SURE:
            surnames.discard(key)
    for k, c in enumerate(candidates):
        if keys[k] not in surnames or probabilities[k] < threshold:
            continue
        if any(gazetteer.kind[idx] <= KIND_ADMIN1 or gazetteer.population[idx] >= MAJOR_POPULATION
               for idx, _ in c.entries):
            continue
        if any(f in _PLACE_EVIDENCE or f.startswith("before_place_noun") for f in c.features):
            continue  # "Jackson, Miss.", "in Jackson", "Jackson county": the town named after him
        probabilities[k] = min(probabilities[k], threshold * SURNAME_DISCOUNT)


def _after_unknown_name(doc: Document, c: SpanCandidate, gazetteer: Gazetteer, lexicon: Lexicon | None) -> bool:
    """Whether the word before a one-word candidate, in its capitalised run, is a name no list knows:
    no given name, no place, a word the lexicon has never seen ("Bukayo Saka"); the caller asks only
    where the model, too, reads the candidate as no place."""
    if lexicon is None or "run:part" not in c.features or "run_starts" in c.features:
        return False
    word = doc.tokens[c.start_token - 1].text
    return (len(word) >= 3 and word[0].isupper() and word[1:].islower() and word.isalpha()
            and word.lower() not in lexicon.case_ratio and not gazetteer.lookup(word))


def _given_names_stay_people(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                             threshold: float, lexicon: Lexicon | None) -> None:
    """A place name that is also a given name, followed by a surname the article goes on to use alone,
    opens a person's name: "Sydney Sweeney ... Sweeney flew in", "Jordan Henderson ... Henderson
    said"; or with its surname alone on a line ("Media Contact: / Jordan Lee"). Not a team ("Denver
    Nuggets ... past Nuggets": the plural of a common noun) nor a place after it ("Austin, Texas")."""
    if lexicon is None:
        return
    tokens, n = doc.tokens, len(doc.tokens)
    accepted = {c.start_token for c, p in zip(candidates, probabilities) if p >= threshold and c.entries}
    alone: set[str] | None = None
    for k, c in enumerate(candidates):
        if (probabilities[k] < threshold or c.end_token - c.start_token != 1
                or "first_is_given_name" not in c.features):
            continue
        after = c.end_token
        if after >= n or tokens[after].line != tokens[after - 1].line or after in accepted:
            continue
        surname = tokens[after].text
        if not (surname[:1].isupper() and surname[1:].islower() and surname.isalpha()):
            continue
        lower = surname.lower()
        if (lexicon.case_ratio.get(lower) or 0.0) < GIVEN_NAME_CASE or lower in MONTH_WORDS or lower in WEEKDAYS:
            continue   # a common word ("Parkland, Florida The ...", "Paris City Council") or a date
        if c.start_token > 0 and tokens[c.start_token - 1].text.lower() == "the":
            continue   # "the Denver Nuggets": a team
        if surname.endswith("s") and (lexicon.case_ratio.get(surname[:-1].lower()) or 0.0) < GIVEN_NAME_CASE:
            continue   # "Nuggets", "Rockets": a team's plural; "Williams", "Roberts": a name's
        if alone is None:
            # Words used alone: not after a capitalised word ("Sydney Sweeney") nor after "the".
            alone = {tokens[j].text for j in range(1, n)
                     if not tokens[j - 1].text[:1].isupper() and tokens[j - 1].text.lower() != "the"}
        whole_line = ((c.start_token == 0 or tokens[c.start_token - 1].line != tokens[c.start_token].line)
                      and (after + 1 >= n or tokens[after + 1].line != tokens[after].line))
        if surname in alone or whole_line:   # or the two names alone on a line: a contact, a signature
            probabilities[k] = min(probabilities[k], threshold * SURNAME_DISCOUNT)


# Words that end a company's name: "Toyota Motor Corp", "Nokia Oyj", "Acme Inc.", "Honda Motor Co",
# and an airline's ("Delta Air Lines", "Frontier Airlines", "Qantas Airways"). Not the codes a place's
# name may be followed by too ("Reno NV", "Whyalla SA", "Calgary AB"), and "Co." only after another
# such word ("Napa Co." is the county).
_CORPORATE_END = COMPANY_FORMS | {"oyj", "asa", "airlines", "airways", "lines"}
_CORPORATE_INNER = frozenset({"motor", "motors", "holdings", "group", "co", "air"}) | _CORPORATE_END
# Capitalised only: "a Delaware limited liability company" is where a firm is registered, not its name.
_CORPORATE_END_FORMS = frozenset(form for w in _CORPORATE_END | {"co"} for form in (w.capitalize(), w.upper()))


def _companies_stay_companies(doc: Document, candidates: list[SpanCandidate], keys: list[str],
                              probabilities: list[float], threshold: float, gazetteer: Gazetteer) -> None:
    """A one-word name the article introduces as a company ("Toyota Motor Corp said") is that company
    when it comes back alone ("Shares in Toyota rose"), as a surname stays a person. Countries and
    cities of a million are exempt; first-level regions when the article names their country or the
    mention follows a preposition of place ("Delta Air Lines" is no reason to keep Nigeria's Delta
    State); and so is a mention qualified as a place ("Toyota, Aichi", "the city of Toyota")."""
    tokens = doc.tokens
    companies = set()
    for j in [j for j, t in enumerate(tokens) if t.text in _CORPORATE_END_FORMS]:
        k = j   # walk back over the corporate words to the name before them
        while k > 0 and tokens[k - 1].text.lower() in _CORPORATE_INNER and tokens[k - 1].line == tokens[j].line:
            k -= 1
        if k == 0 or tokens[k - 1].line != tokens[j].line or (
                tokens[j].text.lower() in ("co", "lines") and k == j):
            continue   # "Napa Co.": the county; "Lines" only as "Air Lines"
        name = tokens[k - 1]
        if not name.text[:1].isupper() or (k > 1 and tokens[k - 2].text[:1].isupper()
                                          and tokens[k - 2].line == name.line):
            continue  # "Texas Instruments Inc": the name is longer than one word
        if k > 1 and tokens[k - 2].text.lower() in ("a", "an"):
            continue  # "a Delaware Corporation", "an Ohio LLC": the state it is registered in
        companies.add(name.text.casefold())
    if not companies:
        return
    for k, c in enumerate(candidates):
        if keys[k] not in companies or probabilities[k] < threshold or c.end_token - c.start_token != 1:
            continue
        if any(gazetteer.kind[idx] <= KIND_COUNTRY
               or (gazetteer.kind[idx] == KIND_CITY and gazetteer.population[idx] >= MAJOR_POPULATION)
               for idx, _ in c.entries):
            continue
        if any(gazetteer.kind[idx] == KIND_ADMIN1 for idx, _ in c.entries) and (
                "in_doc_country|adm1" in c.features or ("after_locative" in c.features and "p1:of" not in c.features)):
            continue   # "flights to Alaska" beside "Alaska Airlines"; not "shares of Delta"
        if any(f in ("qualified_by_region", "after_place_noun", "place_noun_agrees") for f in c.features):
            continue
        probabilities[k] = min(probabilities[k], threshold * SURNAME_DISCOUNT)


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
        # Its own name, or a country's official long form ("Republic of Armenia").
        own = {idx for idx, flags in c.entries
               if flags & NAME_PRIMARY or (flags & NAME_ALT and gazetteer.kind[idx] == KIND_COUNTRY)}
        if not own:
            if c.entries and probabilities[k] >= threshold and _hyphenated(doc.norm[c.start:c.end]):
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
                # A name whose words a lower-case particle joins is one name: "São José dos Campos" is
                # not São José, a town in another state.
                supported |= probabilities[k] >= threshold and _joined_by_particle(doc, c)
        if supported and strongest >= probabilities[k]:
            probabilities[k] = min(1.0, strongest + 1e-9)


def _joined_by_particle(doc: Document, c: SpanCandidate) -> bool:
    """Capitalised words joined by a lower-case particle inside the span ("dos", "di"), or by any
    lower-case word between hyphens ("Newcastle-under-Lyme"): one name. Not "of" between spaces:
    "City of Winchester", the district, does not swallow the city named inside it."""
    tokens = doc.tokens
    return any(tokens[i].text in NAME_PARTICLES or _hyphen_bound_lower(tokens, i)
               for i in range(c.start_token + 1, c.end_token - 1))


def _hyphen_bound_lower(tokens, i: int) -> bool:
    return (tokens[i].text[:1].islower() and tokens[i - 1].text == "-" and tokens[i + 1].text == "-"
            and tokens[i - 1].end == tokens[i].start and tokens[i].end == tokens[i + 1].start)


def _hyphen_joined_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float]) -> None:
    """A gazetteer name whose parts a lower-case word joins between hyphens ("Stoke-on-Trent",
    "Ashby-de-la-Zouch", "Aix-en-Provence") is written that way only for a place: it is one, whatever
    the model, which has seen few, makes of its rare shape."""
    for k, c in enumerate(candidates):
        if (probabilities[k] < HYPHEN_JOINED_PROBABILITY and c.entries and c.end_token - c.start_token >= 5
                and any(flags & (NAME_PRIMARY | NAME_ALT) for _, flags in c.entries)
                and _hyphenated(doc.norm[c.start:c.end])
                and any(_hyphen_bound_lower(doc.tokens, i) for i in range(c.start_token + 2, c.end_token - 2))):
            probabilities[k] = HYPHEN_JOINED_PROBABILITY


def _hyphenated(span: str) -> bool:
    """One word joined by hyphens ("Miami-Dade", "Stratford-upon-Avon"), not words around a dash."""
    return "-" in span and " " not in span


def _streets_keep_their_names(candidates: list[SpanCandidate], probabilities: list[float],
                              threshold: float) -> None:
    """A street the recogniser accepts is one mention, not the place it is named after: "Georgia
    Avenue" beats "Georgia" inside it, whatever the state's name would score alone."""
    starts = [c.start for c in candidates]   # sorted by start
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or "ends_street_noun" not in c.features:
            continue
        strongest = max((probabilities[j] for j in _inside(candidates, starts, k)), default=0.0)
        if strongest > probabilities[k]:
            probabilities[k] = min(1.0, strongest + 1e-9)


def recognize_toponyms(doc: Document, matches: list[GazetteerMatch], gazetteer: Gazetteer,
                       model: ToponymModel, lexicon: Lexicon, dateline: Span | None) -> list[Toponym]:
    """The document's toponyms in text order; `dateline` is the dateline's place, if it has one."""
    candidates = generate_candidates(doc, matches, gazetteer, lexicon)
    probabilities = score_candidates(doc, candidates, gazetteer, model, dateline, lexicon)
    return [Toponym(c.start, c.end, doc.text[c.start:c.end], c.start_token, c.end_token, c.entries,
                    confidence=round(p, 3))
            for c, p in select_spans(candidates, probabilities, model.threshold)]
