"""Names that are something other than a place here, whatever the recogniser's model makes of them:
people (a surname the article introduces, a given name before a surname), companies (introduced with
their legal form, or whose shares trade), storms, acronyms, names after an initial, a demonym opening a
longer name or joined to "Pan-", and the compass word before a numbered street.
Each rule lowers the probabilities ``recognize.score_candidates`` holds.
"""

from __future__ import annotations

import re

from ...resources.gazetteer import (KIND_ADMIN1, KIND_CITY, KIND_COUNTRY, KIND_PHYSICAL, NAME_ABBR, NAME_ALT,
                                    NAME_CODE, NAME_DEMONYM, NAME_PRIMARY, Gazetteer)
from ...resources.lexicon import Lexicon
from ..calendar_words import MONTH_WORDS, WEEKDAYS
from ..company_words import COMPANY_FORMS
from ..document import Document
from ..types import Span
from .candidates import NAME_PARTICLES
from .spans import LOCATIVE, ORDINAL, PLACE_NOUNS, SpanCandidate

_PLACE_EVIDENCE = frozenset({"qualified_by_region", "after_locative", "after_place_noun"})
SURNAME_DISCOUNT = 0.9          # a surname's bare occurrences fall just under the threshold
PLACE_SURE = 0.6                # ... unless one occurrence is this sure to be the place, with a cue
PLACE_CERTAIN = 0.8             # ... or this sure without one
MAJOR_POPULATION = 1_000_000
GIVEN_NAME_CASE = 0.9           # a word capitalised at least this often mid-sentence is a name

ACRONYM_DISCOUNT = 0.5


def _discount(probabilities: list[float], k: int, threshold: float, share: float = ACRONYM_DISCOUNT) -> None:
    """Put candidate k under the threshold (at `share` of it), whatever the model thought: what a rule
    knows the name is here outweighs how the span looks."""
    probabilities[k] = min(probabilities[k], threshold * share)


def _named_only_by_codes(c: SpanCandidate, names: int) -> bool:
    """Whether every place the span names, it names by a code or an abbreviation and by none of `names`."""
    return all(flags & (NAME_ABBR | NAME_CODE) and not flags & names for _, flags in c.entries)


_DATELINE_MARKS = frozenset({"-", "\u2013", "\u2014", "\x97", "(", ":", "\u201d"})   # \x97: cp1252's em dash


def acronyms_are_not_towns(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                           threshold: float, filing: list[Span]) -> None:
    """A word in capitals inside a sentence in mixed case is an acronym ("Frankfurt's DAX", "the
    ACME scheme"), not the town it spells (Dax, France). Codes the gazetteer lists ("UK", "NSW"),
    datelines ("... life. RICHLAND -", "NEW YORK/LONDON, Nov 20 -", "DUBLIN and AUSTIN, Texas" in
    `filing`) and lines in capitals stay."""
    tokens = doc.tokens
    filed_from = {(place.start, place.end) for place in filing}
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or c.end_token - c.start_token != 1 or (c.start, c.end) in filed_from:
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
        _discount(probabilities, k, threshold)


# Prepositions of place: after one, a demonym and a capitalised word name one place ("in Indian
# Orchard", "at British Airways"), not the demonym's country. The recogniser's own list, less "of"
# ("the arrest of Sudanese President Omar al-Bashir" names Sudan) and "between", "via", "within".
_LOCATIVE_WORDS = LOCATIVE - {"of", "between", "via", "within"}


def demonyms_opening_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                           threshold: float) -> None:
    """A demonym that opens a longer name after a preposition of place: "a home in Indian Orchard"
    (a part of Springfield, Massachusetts), "analysts at American International Group". Names the
    gazetteer knows whole ("in Saudi Arabia", "in British Columbia") are matched whole; a headline in
    title case ("Protests Erupt in Iraqi Capital") capitalises every word and is left alone. Wherever
    it stands, a demonym before a company's last word opens the company's name: "shares of American
    Airlines", "Turkish Airlines said"."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        i, j = c.start_token, c.end_token
        # A demonym (a village's alternate name aside: San Germán, Mexico, is also "German").
        if (probabilities[k] < threshold or not c.entries or i == 0 or j >= len(tokens)
                or not any(flags & NAME_DEMONYM for _, flags in c.entries)
                or any(flags & NAME_PRIMARY and not flags & NAME_DEMONYM for _, flags in c.entries)):
            continue
        before, first, after = tokens[i - 1], tokens[i], tokens[j]
        if after.text[:1].isupper() and after.text.lower() in _CORPORATE_END and after.line == first.line:
            _discount(probabilities, k, threshold)
            continue
        if (before.text not in _LOCATIVE_WORDS or before.line != first.line or after.line != first.line
                or not after.text[:1].isupper() or after.start - tokens[j - 1].end != 1):
            continue
        if _title_case(doc.lines[first.line].text):
            continue
        _discount(probabilities, k, threshold)


_CONTINENT_PEOPLES = frozenset({"African", "Asian", "European"})


def pan_demonyms(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                 threshold: float) -> None:
    """A demonym joined to "Pan-" ("the Pan-American Highway", "the Pan-African Parliament") speaks
    of a continent's peoples, not of the country the gazetteer files the word under (the United
    States for "American"). A demonym before "American(s)" speaks of Americans of that origin
    ("African American", "Irish Americans"; no geoparsing corpus marks either word): joined by a
    hyphen, only a continent's ("African-American"), as two countries' demonyms so joined are both
    countries ("Russian-American talks")."""
    tokens = doc.tokens
    demonym = [bool(c.entries) and all(flags & NAME_DEMONYM for _, flags in c.entries) for c in candidates]
    ending_at: dict[int, list[int]] = {}
    for k, c in enumerate(candidates):
        if demonym[k]:
            ending_at.setdefault(c.end, []).append(k)
    discounted = set()
    for k, c in enumerate(candidates):
        if not demonym[k]:
            continue
        i = c.start_token
        if i >= 2:
            pan, hyphen = tokens[i - 2], tokens[i - 1]
            if pan.text.lower() == "pan" and hyphen.text == "-" and pan.end == hyphen.start and hyphen.end == c.start:
                discounted.add(k)
        if doc.norm[c.start:c.end] in ("American", "Americans"):
            link = doc.norm[c.start - 1] if c.start else ""
            origins = [o for o in ending_at.get(c.start - 1, ()) if link == " " or (
                link == "-" and doc.norm[candidates[o].start:candidates[o].end] in _CONTINENT_PEOPLES)]
            if origins:
                discounted.update(origins, (k,))
    for k in discounted:
        if probabilities[k] >= threshold:
            _discount(probabilities, k, threshold)


def _title_case(line: str) -> bool:
    """A headline in title case leaves only short words in lower case ("of", "in", "from", "over")."""
    return not any(w[:1].islower() and len(w) > 5 for w in line.split())


def initials_open_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
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
            _discount(probabilities, k, threshold)


COMMON_WORD_RATIO = 0.1   # a word capitalised in fewer than this share of its uses inside sentences


def _common_word(lexicon: Lexicon | None, word: str) -> bool:
    """Whether the lexicon says news writes the word in lower case (no lexicon: it cannot say)."""
    return lexicon is not None and lexicon.case_ratio.get(word.lower(), 1.0) < COMMON_WORD_RATIO


# Two-letter abbreviations news writes in title case: the AP's for US states ("Ga.", "La.", "Ky.").
_TITLE_CASE_ABBREVIATIONS = frozenset("Ga Ky La Md Mo Pa Va Vt".split())


def codes_written_as_words(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                           threshold: float, lexicon: Lexicon | None) -> None:
    """A two-letter code in title case is a word: "Contact Us" is not the United States (nor Us, a
    French village), "Oh... this" not Ohio. USPS and ISO codes are written in capitals; the AP's own
    abbreviations stay, and so do towns of two letters that are no English word ("Bo")."""
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or not c.entries:
            continue
        word = doc.norm[c.start:c.end].rstrip(".")
        if len(word) != 2 or not (word[0].isupper() and word[1].islower()) or word in _TITLE_CASE_ABBREVIATIONS:
            continue
        if _named_only_by_codes(c, NAME_PRIMARY) or _common_word(lexicon, word):
            _discount(probabilities, k, threshold)


def codes_alone_on_their_lines(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                               threshold: float) -> None:
    """A code or abbreviation that is a whole line by itself is a button or a menu item ("OK" under
    "Check your email for details."), not a mention of Oklahoma: a place named so in prose has words
    around it."""
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or c.end_token - c.start_token != 1 or not c.entries:
            continue
        line = doc.lines[doc.tokens[c.start_token].line]
        if line.text.strip() != doc.text[c.start:c.end]:
            continue
        if _named_only_by_codes(c, NAME_PRIMARY | NAME_ALT):
            _discount(probabilities, k, threshold)


def common_words_as_alternate_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                    threshold: float, lexicon: Lexicon | None) -> None:
    """A common English word that only an alternate name makes a place ("MORE" in a menu is not Mori,
    Japan; "Okay" opening a sentence not Les Cayes, Haiti) is the word: in capitals or opening a
    sentence, its case says nothing."""
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or c.end_token - c.start_token != 1 or not c.entries:
            continue
        if any(flags & NAME_PRIMARY for _, flags in c.entries):
            continue
        if _common_word(lexicon, doc.norm[c.start:c.end]):
            _discount(probabilities, k, threshold)


# Titles written short before a name: "Sen. Josh Hawley" is no Senegal, "Gov. Tate Reeves" no place.
# (Not "St.", "Mt.", "Ft.": those open places' names.)
_SHORT_TITLES = frozenset("sen rep gov gen lt col sgt capt det rev mr mrs ms dr prof adm cmdr maj supt insp".split())


def short_titles_before_names(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                              threshold: float) -> None:
    """A title's abbreviation with its period before a capitalised word is a title, whatever
    place's code or alternate name it spells."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        i = c.start_token
        if probabilities[k] < threshold or c.end_token - i != 1 or tokens[i].text.lower() not in _SHORT_TITLES:
            continue
        if i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 2].text[:1].isupper() \
                and tokens[i + 2].line == tokens[i].line:
            _discount(probabilities, k, threshold)


CONJUNCTIONS = frozenset({"and", "or"})   # a comma too often qualifies ("Washington, D.C.", "New Jersey, Inc.")
LIST_TOKENS = CONJUNCTIONS | {","}
_STORM_WORDS = frozenset({"hurricane", "hurricanes", "typhoon", "typhoons", "cyclone", "cyclones", "storm",
                          "storms"})
# A word after a name that makes the name a wind's or a pipeline's: "the Santa Ana winds", "a Diablo
# wind event", "Nord Stream 2", "the Keystone Pipeline".
_WIND_AND_PIPELINE_WORDS = frozenset({"wind", "winds", "Stream", "Pipeline"})
# A compass word after a name that makes it a railroad's or a college's: "the Norfolk Southern train",
# "Kansas City Southern", "Burlington Northern", "Union Pacific", "Georgia Southern University".
_RAILROAD_WORDS = frozenset({"Southern", "Northern", "Pacific"})
_NAME_ENDING_WORDS = _WIND_AND_PIPELINE_WORDS | _RAILROAD_WORDS
# After "the", a lower-case "line" makes the name a railway's or a metro line's: "the Elizabeth line", "the
# Victoria line" (London's), not the city or the Australian state.
_LINE_WORDS = frozenset({"line", "lines"})
LIST_LOOKBACK = 8


# "East 36th Street", "W. 42nd St.": the side of town a numbered street lies on, not a region named East.
_COMPASS = frozenset({"north", "south", "east", "west", "n", "s", "e", "w", "ne", "nw", "se", "sw"})


def compass_before_ordinals(doc: Document, candidates: list[SpanCandidate], probabilities: list[float]) -> None:
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        after = c.end_token
        if probabilities[k] and tokens[c.start_token].text.lower() in _COMPASS and (
                after - c.start_token == 1 or (after - c.start_token == 2 and tokens[after - 1].text == ".")):
            if after < len(tokens) and ORDINAL.match(tokens[after].text.lower()):
                probabilities[k] = 0.0


def _word_before_list(tokens, start: int, stop: frozenset[str] = frozenset()) -> int:
    """Index of the word before the list of names that ends with the one at token `start`: back over
    capitalised words, commas, "and" and "or" on its line (at most LIST_LOOKBACK tokens); a word in
    `stop` ends the walk."""
    i = start - 1
    while (i > 0 and start - i < LIST_LOOKBACK and tokens[i].line == tokens[start].line
           and (tokens[i].text in LIST_TOKENS or tokens[i].text[:1].isupper())
           and tokens[i].text.lower() not in stop):
        i -= 1
    return i


def storms_are_not_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                          threshold: float) -> None:
    """Names given to storms: "Storm Victoria", "hurricanes Laura and Delta" (Delta State, Nigeria,
    is not meant). A capitalised "Hurricane Delta" reads as one name anyway; a lower-case storm word
    before a name, or before a list of names, says the names are storms."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or c.start_token == 0:
            continue
        i = _word_before_list(tokens, c.start_token, stop=_STORM_WORDS)   # "hurricanes Laura, Ida and Delta"
        word = tokens[i]
        # The storm word is followed by a name ("After the storm, Jamaica ..." is the island).
        if word.text.lower() in _STORM_WORDS and word.line == tokens[c.start_token].line and (
                i == c.start_token - 1 or (tokens[i + 1].text[:1].isupper()
                                           and any(t.text in LIST_TOKENS for t in tokens[i + 1:c.start_token]))):
            _discount(probabilities, k, threshold)


def winds_and_pipelines_are_not_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                       threshold: float, gazetteer: Gazetteer) -> None:
    """A name right before a wind word or a pipeline's noun names the wind or the pipeline: "Santa Ana
    winds" are no city's, "Nord Stream" is not Nord, France; before "Southern" or "Pacific", a railroad
    ("Norfolk Southern"); after "the" and before "line", a railway ("the Elizabeth line"), unless it is
    a border: a country's, a US state's or a county's ("near the Alabama line", "the Monroe County
    line"). A people's adjective stays: "North American wind patterns" are the continent's."""
    tokens, n = doc.tokens, len(doc.tokens)
    for k, c in enumerate(candidates):
        after = c.end_token
        if (probabilities[k] < threshold or after >= n or tokens[after].line != tokens[after - 1].line
                or "gf:demonym" in c.features):
            continue
        word = tokens[after].text
        if word in _NAME_ENDING_WORDS or (word in _LINE_WORDS and c.start_token > 0
                                          and tokens[c.start_token - 1].text.lower() == "the"
                                          and not _names_a_border(tokens, c, gazetteer)):
            _discount(probabilities, k, threshold)


# Capitalised nouns that make a sea's or a range's name a road's or a railway's: "the Pacific Highway".
_ROAD_NAME_NOUNS = frozenset({"Highway", "Freeway", "Motorway", "Expressway", "Parkway", "Railway", "Railroad"})


def roads_named_after_seas(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                           threshold: float, gazetteer: Gazetteer) -> None:
    """"The Pacific Highway was closed between Ballina and Grafton": a name the gazetteer holds in full as
    a physical feature (an ocean, a sea, a range), before a road's noun, names the road, not the ocean nor
    the small towns named after it. A state's or a country's name stays: LGL marks Florida in "Florida
    Highway Patrol" and Ohio in "the Ohio Turnpike"."""
    tokens, n, kind = doc.tokens, len(doc.tokens), gazetteer.kind
    for k, c in enumerate(candidates):
        after = c.end_token
        if (probabilities[k] < threshold or after >= n or tokens[after].text not in _ROAD_NAME_NOUNS
                or tokens[after].line != tokens[after - 1].line):
            continue
        full = [kind[idx] for idx, flags in c.entries if flags & (NAME_PRIMARY | NAME_ALT)]
        if KIND_PHYSICAL in full and KIND_ADMIN1 not in full and KIND_COUNTRY not in full:
            _discount(probabilities, k, threshold)


def _names_a_border(tokens, c: SpanCandidate, gazetteer: Gazetteer) -> bool:
    return tokens[c.end_token - 1].text in ("County", "Parish") or any(
        gazetteer.kind[idx] == KIND_COUNTRY
        or (gazetteer.kind[idx] == KIND_ADMIN1 and gazetteer.country_code(idx) == "US") for idx, _ in c.entries)


# A road's number after these makes the words a road's name: "State Road 200", "Highway 70". (Not "U.S." in
# "U.S. 26": LGL marks the country there, as it marks Florida in "Florida Highway 60".)
_NUMBERED_ROAD_WORDS = frozenset({"Road", "Route", "Highway", "Interstate", "Freeway", "Motorway"})
_ROAD_NUMBER = re.compile(r" \d{1,4}[A-Z]?\b")


def numbered_roads_are_not_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                  threshold: float) -> None:
    """"A crash on State Road 200" names a road, no place called State Road; nor does "trash along KY 90"
    name Kentucky: a state's postal code before a number is its state route (a ZIP code has five digits)."""
    tokens = doc.tokens
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or not _ROAD_NUMBER.match(doc.norm, c.end):
            continue
        last = tokens[c.end_token - 1].text
        if last in _NUMBERED_ROAD_WORDS or (c.end - c.start == 2 and last.isupper() and last.isalpha()):
            _discount(probabilities, k, threshold)


def currency_prefixes_are_not_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                                     threshold: float) -> None:
    """"US$2 billion", "HK$300", "A$44,000": a code joined to the dollar sign names a currency, not the
    country (no gold corpus marks one)."""
    norm = doc.norm
    for k, c in enumerate(candidates):
        if probabilities[k] >= threshold and norm.startswith("$", c.end):
            _discount(probabilities, k, threshold)


# Plural common nouns of the landscape, which open a sentence as its subject: "Rivers burst their
# banks" is not Rivers State, Nigeria, nor "Lakes froze" Lakes State, South Sudan.
_LANDSCAPE_PLURALS = frozenset("""rivers lakes mountains hills islands seas valleys streams creeks roads streets
bridges towns cities villages states counties forests beaches springs falls plains waters fields""".split())


def landscape_plurals_opening_sentences(doc: Document, candidates: list[SpanCandidate],
                                        probabilities: list[float], threshold: float) -> None:
    """A landscape plural opening a sentence and followed by a lower-case word that is no place noun
    ("Lakes state" still names the state)."""
    tokens, n = doc.tokens, len(doc.tokens)
    for k, c in enumerate(candidates):
        if (probabilities[k] < threshold or c.end_token - c.start_token != 1
                or tokens[c.start_token].text.lower() not in _LANDSCAPE_PLURALS):
            continue
        after = c.end_token
        if (after < n and tokens[after].line == tokens[c.start_token].line and tokens[after].text[:1].islower()
                and tokens[after].text not in PLACE_NOUNS and doc.starts_sentence(c.start_token)):
            _discount(probabilities, k, threshold)


_PLANETS = frozenset({"mercury", "venus", "earth", "mars", "jupiter", "saturn", "uranus", "neptune", "pluto"})
# Words only a text about space uses ("moon" and "probe" are too common elsewhere).
_SPACE_WORDS = frozenset({"spacecraft", "planet", "planets", "planetary", "orbit", "orbits", "orbiting", "orbiter",
                          "astronaut", "astronauts", "astronomer", "astronomers", "astronomy", "telescope", "rover",
                          "asteroid", "comet", "moons", "nasa", "lander", "flyby", "spaceflight"})


def planets_are_not_places(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                           threshold: float) -> None:
    """A planet's name in a text about space is the planet: "bound for Jupiter's moons" is not
    Jupiter, Florida, even under a Florida dateline."""
    words = doc.words
    planets = [k for k, c in enumerate(candidates)
               if probabilities[k] >= threshold and c.end_token - c.start_token == 1
               and words[c.start_token].lower() in _PLANETS]
    if planets and any(w.lower() in _SPACE_WORDS for w in words):
        for k in planets:
            _discount(probabilities, k, threshold)


# A square, an avenue or a park named noun first, as Spanish, Portuguese, French and Italian do:
# "Plaza San Martín" in Lima, "Avenida Paulista", "Rue de la Paix". The name after the noun is the
# square's own, not the region or the town it honours; the gold corpora never mark it alone.
_NOUNS_BEFORE_NAMES = frozenset({"Plaza", "Avenida", "Calle", "Paseo", "Parque", "Praça", "Rua", "Rue", "Piazza"})


def squares_named_noun_first(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                             threshold: float) -> None:
    """Names right after a capitalised square or street noun, on its line, past up to two particles."""
    words, tokens = doc.words, doc.tokens
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold:
            continue
        i = c.start_token - 1
        while i >= c.start_token - 2 and i >= 0 and words[i] in NAME_PARTICLES:
            i -= 1
        if i >= 0 and words[i] in _NOUNS_BEFORE_NAMES and tokens[i].line == tokens[c.start_token].line:
            _discount(probabilities, k, threshold)


# Organisations news names by initials shaped like a country's ("U.N." beside "U.S."): never marked in
# the corpora (GeoVirus has twelve, GeoWebNews five), and no gazetteer entry to place them.
_ORGANISATION_INITIALS = frozenset({"U.N.", "UN", "NATO", "N.A.T.O."})


def organisations_by_initials(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                              threshold: float) -> None:
    """"the U.N. said", "a U.N.-backed mission": the United Nations, no place."""
    for k, c in enumerate(candidates):
        if probabilities[k] >= threshold and doc.norm[c.start:c.end] in _ORGANISATION_INITIALS:
            _discount(probabilities, k, threshold)


_SHARE_WORDS = frozenset({"shares", "stock", "stocks"})
# What follows "shares" the noun: a market's verb or an auxiliary ("Santos shares fell", "Delta stock
# has lost"), not an object ("Riverton shares city borders with South Jordan").
_MARKET_MOVES = frozenset({"rose", "fell", "jumped", "slid", "dropped", "climbed", "gained", "lost", "tumbled",
                           "surged", "sank", "slumped", "soared", "plunged", "rallied", "advanced", "declined",
                           "eased", "edged", "closed", "opened", "ended", "traded", "trade", "rise", "fall", "are",
                           "were", "have", "had", "has", "is", "was", "will", "would", "remain", "remained", "hit",
                           "reached", "touched", "extended", "pared", "added", "shed", "dipped", "firmed"})


def traded_names_are_companies(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                               threshold: float, gazetteer: Gazetteer) -> None:
    """Names whose shares trade are companies: "shares of Delta, United and American rose" (not Delta,
    British Columbia), "Santos shares fell". Not demonyms ("shares of Chinese developers"), nor what
    is still a place when named like a company ("the London stock market", "shares in Texas utilities")."""
    for k, c in enumerate(candidates):
        if probabilities[k] < threshold or not c.entries or not _trades(doc.tokens, c):
            continue
        if not _named_like_a_company_yet_a_place(c, gazetteer, introduced=True):   # traded here
            _discount(probabilities, k, threshold)


def _trades(tokens, c: SpanCandidate) -> bool:
    """Whether the name's shares trade at this mention ("Santos shares fell", "shares of Delta, United and
    American rose"), a demonym aside ("shares of Chinese developers")."""
    n = len(tokens)
    after = tokens[c.end_token] if c.end_token < n else None
    traded = (after is not None and after.line == tokens[c.end_token - 1].line and after.text in _SHARE_WORDS
              and c.end_token + 1 < n and tokens[c.end_token + 1].text.lower() in _MARKET_MOVES)
    if not traded and c.start_token > 1:
        i = _word_before_list(tokens, c.start_token)   # "shares of Delta, United and American"
        traded = (i > 0 and tokens[i].text.lower() in ("of", "in") and tokens[i - 1].text.lower() in _SHARE_WORDS
                  and tokens[i].line == tokens[c.start_token].line)
    return traded and not all(flags & NAME_DEMONYM for _, flags in c.entries)


def _named_like_a_company_yet_a_place(c: SpanCandidate, gazetteer: Gazetteer, introduced: bool) -> bool:
    """Whether a name read as a company's is still the place: a country or a city of a million, or a
    first-level region the text goes to or, for a well-known company the text never introduces as
    one, whose country it names ("flights to Alaska" beside "Alaska Airlines"; "Meta" in a story
    about Colombia; but "shares of Delta" is no reason to keep Nigeria's Delta State)."""
    if any(gazetteer.kind[idx] <= KIND_COUNTRY
           or (gazetteer.kind[idx] == KIND_CITY and gazetteer.population[idx] >= MAJOR_POPULATION)
           for idx, _ in c.entries):
        return True
    return any(gazetteer.kind[idx] == KIND_ADMIN1 for idx, _ in c.entries) and (
        ("in_doc_country|adm1" in c.features and not introduced)
        or ("after_locative" in c.features and "p1:of" not in c.features))


# ", 59," after a name: a person's age.
_AGE_AFTER = re.compile(r", (?:1[0-1]\d|[1-9]?\d),")


def surnames_stay_people(doc: Document, candidates: list[SpanCandidate], keys: list[str],
                         probabilities: list[float], threshold: float, gazetteer: Gazetteer,
                         lexicon: Lexicon | None) -> None:
    """A name the article introduces as a surname ("Elizabeth Fairfield, a Lebanon woman", or after a
    given name no list knows: "Bukayo Saka") is that person when it comes back alone ("Fairfield's
    lawyers", "Fairfield has rejected"): news refers to people by surname after the first mention.
    Countries, first-level regions and cities of a million are exempt ("George Washington University"
    does not make "Washington" a person). A name followed by an age is a person's wherever it stands:
    "Sutherland, 59, was released"."""
    surnames = {keys[k] for k, c in enumerate(candidates)
                if c.end_token - c.start_token == 1 and (
                    "after_given_name" in c.features or _after_given_name_and_initial(doc, c, lexicon) or (
                        probabilities[k] < threshold and _after_unknown_name(doc, c, gazetteer, lexicon))
                    or _AGE_AFTER.match(doc.norm, c.end))}
    if not surnames:
        return
    # Unless the article plainly uses the name as a place somewhere (the dateline's place among
    # them): "Jackson, named after Andrew Jackson, was founded in 1848" is about the town; "and
    # Saka sealed the win" only reads like a place.
    for k, (key, p) in enumerate(zip(keys, probabilities)):
        if key in surnames and (p >= PLACE_CERTAIN or p >= PLACE_SURE and _place_cue(candidates[k])):
            surnames.discard(key)
    for k, c in enumerate(candidates):
        if keys[k] not in surnames or probabilities[k] < threshold:
            continue
        if any(gazetteer.kind[idx] <= KIND_ADMIN1 or gazetteer.population[idx] >= MAJOR_POPULATION
               for idx, _ in c.entries):
            continue
        if _place_cue(c):
            continue  # "Jackson, Miss.", "in Jackson", "Jackson county": the town named after him
        _discount(probabilities, k, threshold, SURNAME_DISCOUNT)


def _place_cue(c: SpanCandidate) -> bool:
    return any(f in _PLACE_EVIDENCE or f.startswith("before_place_noun") for f in c.features)


def _after_given_name_and_initial(doc: Document, c: SpanCandidate, lexicon: Lexicon | None) -> bool:
    """Whether a one-word candidate follows a given name and a middle initial: "Kyle J. Henderson"."""
    x, tokens = c.start_token, doc.tokens
    if lexicon is None or x < 3 or tokens[x - 3].line != tokens[x].line:
        return False
    initial = tokens[x - 2].text
    return (tokens[x - 1].text == "." and len(initial) == 1 and initial.isupper()
            and tokens[x - 3].text in lexicon.first_names)


def _after_unknown_name(doc: Document, c: SpanCandidate, gazetteer: Gazetteer, lexicon: Lexicon | None) -> bool:
    """Whether the word before a one-word candidate, in its capitalised run, is a name no list knows:
    no given name, no place, a word the lexicon has never seen ("Bukayo Saka"); the caller asks only
    where the model, too, reads the candidate as no place."""
    if lexicon is None or "run:part" not in c.features or "run_starts" in c.features:
        return False
    word = doc.tokens[c.start_token - 1].text
    return (len(word) >= 3 and word[0].isupper() and word[1:].islower() and word.isalpha()
            and word.lower() not in lexicon.case_ratio and not gazetteer.lookup(word))


def given_names_stay_people(doc: Document, candidates: list[SpanCandidate], probabilities: list[float],
                            threshold: float, lexicon: Lexicon | None) -> None:
    """A place name that is also a given name, followed by a surname the article goes on to use alone,
    opens a person's name: "Sydney Sweeney ... Sweeney flew in", "Jordan Henderson ... Henderson
    said"; or with its surname alone on a line ("Media Contact: / Jordan Lee"), or called a person
    ("Jordan Lee, a fan from Joondalup", "Singer Paris Hilton"), or listed after a person ("Paris Hilton,
    Jordan Peterson and Chelsea Clinton"). What one occurrence shows holds for every occurrence of the
    two names (the headline's "Jordan Peterson" is the body's "author Jordan Peterson"). Not a team
    ("Denver Nuggets ... past Nuggets": the plural of a common noun) nor a place after it ("Austin,
    Texas")."""
    if lexicon is None:
        return
    tokens, n = doc.tokens, len(doc.tokens)
    accepted = {c.start_token for c, p in zip(candidates, probabilities) if p >= threshold and c.entries}
    alone: set[str] | None = None
    named: dict[int, tuple[str, str]] = {}    # candidate -> (given name, surname)
    people: set[tuple[str, str]] = set()
    surname_like: set[int] = set()   # candidates followed by a word news capitalises, or never wrote
    for k, c in enumerate(candidates):
        if c.end_token - c.start_token != 1 or "first_is_given_name" not in c.features or not c.entries:
            continue
        after = c.end_token
        if after >= n or tokens[after].line != tokens[after - 1].line or after in accepted:
            continue
        surname = tokens[after].text
        if not _SURNAME.match(surname):
            continue
        pair = (tokens[c.start_token].text, surname)
        named[k] = pair
        if pair in people:
            continue
        lower = surname.lower()
        ratio = lexicon.case_ratio.get(lower)
        # A common word ("Parkland, Florida The ...", "Paris City Council") or a date is no surname.
        common_or_date = (ratio is not None and ratio < GIVEN_NAME_CASE) or lower in MONTH_WORDS or lower in WEEKDAYS
        # "Nuggets", "Rockets": a team's plural; "Williams", "Roberts": a name's.
        team_plural = surname.endswith("s") and (lexicon.case_ratio.get(lower[:-1]) or 0.0) < GIVEN_NAME_CASE
        if not common_or_date and not team_plural:
            surname_like.add(k)
        before = c.start_token - 1 - (c.start_token > 1 and tokens[c.start_token - 1].text == ",")
        # "Her lawyer, Austin Brooks"; "Singer Paris Hilton"; "Jordan Lee, a fan from Joondalup".
        named_as_person = ((before >= 0 and tokens[before].text.lower() in PERSON_NOUNS)
                           or _described_as_person(tokens, after) or bool(_CELTIC_SURNAME.match(surname)))
        if common_or_date:
            continue
        if alone is None:
            # Words used alone: not after a capitalised word ("Sydney Sweeney") nor after "the".
            alone = {tokens[j].text for j in range(1, n)
                     if not tokens[j - 1].text[:1].isupper() and tokens[j - 1].text.lower() != "the"}
        # A word the lexicon never saw names a person only after a noun for one, or where the article
        # goes on to use it alone ("Jordan Peele's next film ... Peele's company").
        if ratio is None and not named_as_person and surname not in alone:
            continue
        if not named_as_person:
            if c.start_token > 0 and tokens[c.start_token - 1].text.lower() == "the":
                continue   # "the Denver Nuggets": a team
            if team_plural:
                continue
        whole_line = ((c.start_token == 0 or tokens[c.start_token - 1].line != tokens[c.start_token].line)
                      and (after + 1 >= n or tokens[after + 1].line != tokens[after].line))
        # Or the two names alone on a line: a contact, a signature.
        if surname in alone or whole_line or named_as_person:
            people.add(pair)
    # People listed with a person are people: "Paris Hilton, Jordan Peterson and Chelsea Clinton"; and
    # two given names with surnames listed together are two people ("Paris Hilton and Jordan Peele").
    ends = {candidates[k].end_token + 1: k for k in named}     # the token after the surname
    for k in sorted(named, key=lambda k: candidates[k].start_token):
        j = candidates[k].start_token   # the list words before this name, back to the previous name's end
        while j > 0 and tokens[j - 1].text.lower() in LIST_TOKENS and j > candidates[k].start_token - 2:
            j -= 1
        previous = ends.get(j)
        if j == candidates[k].start_token or previous is None:
            continue
        if named[previous] in people:
            people.add(named[k])
        elif previous in surname_like and k in surname_like:
            people.update((named[previous], named[k]))
    for k, pair in named.items():
        if pair in people and probabilities[k] >= threshold:
            _discount(probabilities, k, threshold, SURNAME_DISCOUNT)


# A surname after a given name: "Sweeney", "O'Keeffe", "McDonald", "MacArthur", "D'Angelo". The
# prefixed ones name a person by their shape alone: "a painting by Georgia O'Keeffe".
_SURNAME = re.compile(r"(?:[OD]['\u2019]|Ma?c)?[A-Z][a-z]+$")
_CELTIC_SURNAME = re.compile(r"(?:O['\u2019]|Ma?c)[A-Z][a-z]+$")


# Lower-case nouns for a person, written before the person's name: "her lawyer, Austin Brooks".
PERSON_NOUNS = frozenset("""lawyer attorney spokesman spokeswoman spokesperson wife husband son daughter brother
sister mother father friend neighbor neighbour colleague partner boyfriend girlfriend fiance fiancee teammate
coach manager chairman chairwoman owner founder director victim suspect defendant plaintiff student teacher
nurse doctor pastor officer deputy actor actress singer rapper player striker quarterback pitcher author
writer reporter analyst economist fan resident farmer worker customer passenger driver volunteer chef model
musician comedian designer filmmaker presenter broadcaster novelist poet artist painter photographer dancer
athlete golfer boxer swimmer sprinter businessman businesswoman billionaire entrepreneur influencer""".split())
APPOSITION_WORDS = 3   # words between the article and the person noun: "a longtime local fan"


def _described_as_person(tokens, after: int) -> bool:
    """Whether an apposition after the name ending at `after` says what person it is: "Jordan Lee, a
    fan from Joondalup", "Austin Brooks, the family's lawyer"."""
    k = after + 1
    if k + 2 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].text.lower() not in ("a", "an", "the"):
        return False
    return any(tokens[j].text.lower() in PERSON_NOUNS and tokens[j].line == tokens[after].line
               for j in range(k + 2, min(k + 2 + APPOSITION_WORDS + 1, len(tokens))))


# Words that end a company's name: "Toyota Motor Corp", "Nokia Oyj", "Acme Inc.", "Honda Motor Co",
# and an airline's ("Delta Air Lines", "Frontier Airlines", "Qantas Airways"). Not the codes a place's
# name may be followed by too ("Reno NV", "Whyalla SA", "Calgary AB"), and "Co." only after another
# such word ("Napa Co." is the county).
_CORPORATE_END = COMPANY_FORMS | {"oyj", "asa", "airlines", "airways", "lines"}
_CORPORATE_INNER = frozenset({"motor", "motors", "holdings", "group", "co", "air"}) | _CORPORATE_END
# Capitalised only: "a Delaware limited liability company" is where a firm is registered, not its name.
_CORPORATE_END_FORMS = frozenset(form for w in _CORPORATE_END | {"co"} for form in (w.capitalize(), w.upper()))


# Nouns that say what company a name is when an apposition follows it: "Orange, the French telecom
# company", "Santander, Spain's biggest bank".
_COMPANY_NOUNS = frozenset("""company companies firm group carrier airline maker manufacturer retailer bank lender
insurer conglomerate automaker carmaker chain brand startup broadcaster publisher""".split())
APPOSITION_WORDS = 6   # how far after "X," the company noun may come
_APPOSITION_STOPS = frozenset("in of to for with at on near where which that who".split())


def _introduced_by_apposition(tokens, j: int) -> bool:
    """Whether the one-word name at token j is followed by an apposition that calls it a company:
    ", the French telecom company", "(a carmaker)". Not the end of a longer name ("Acme Films, a
    studio"), nor a place a preposition introduces, nor a list or a sentence going on ("Chicago,
    bought the company")."""
    n = len(tokens)
    if (j + 3 >= n or tokens[j + 1].text not in (",", "(") or tokens[j + 2].text.lower() not in ("the", "a", "an")
            or tokens[j + 2].line != tokens[j].line):
        return False
    if j > 0 and tokens[j - 1].line == tokens[j].line and (
            tokens[j - 1].text[:1].isupper() or tokens[j - 1].text in _APPOSITION_STOPS | {"from", "based"}):
        return False   # "Georgia Modular Systems, of Fitzgerald, a maker of homes": the apposition is the firm's
    for k in range(j + 3, min(j + 3 + APPOSITION_WORDS, n)):
        word = tokens[k].text
        if tokens[k].line != tokens[j].line or word in (",", ".", ";", ")", ":") or word.lower() in _APPOSITION_STOPS:
            return False   # the apposition ended first, or a place's ("Orange, a city in Texas", "home to")
        if word in _COMPANY_NOUNS:
            return True
    return False


# Companies named like places that news names without introducing them ("Meta said", "Toyota's
# sales"): Meta, Colombia or Campania; Nokia, Finland; Toyota, Aichi; Honda, Colombia. No geoparsing
# corpus marks them; the places stand where a place is meant ("Toyota, Aichi", "in Meta").
_WELL_KNOWN_COMPANIES = frozenset({"meta", "nokia", "toyota", "honda"})


def companies_stay_companies(doc: Document, candidates: list[SpanCandidate], keys: list[str],
                             probabilities: list[float], threshold: float, gazetteer: Gazetteer) -> None:
    """A one-word name the article introduces as a company ("Toyota Motor Corp said", "Santos shares
    fell"), or a well-known one, is that company when it comes back alone ("Shares in Toyota rose"), as
    a surname stays a person. Countries and cities of a million are exempt; first-level regions when the
    article names their country or the mention follows a preposition of place ("Delta Air Lines" is no
    reason to keep Nigeria's Delta State); and so is a mention qualified as a place ("Toyota, Aichi",
    "the city of Toyota")."""
    tokens = doc.tokens
    companies = set(_WELL_KNOWN_COMPANIES)
    introduced = set()   # named with the corporate words ("Delta Air Lines Inc.")
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
        introduced.add(name.text.casefold())
    for k, c in enumerate(candidates):
        # Introduced by an apposition ("Orange, the French telecom company"), or traded ("Santander
        # shares were flat"): the headline's "Santander and Delta sign deal" names the bank too.
        if c.end_token - c.start_token == 1 and (
                _introduced_by_apposition(tokens, c.start_token)
                or (c.entries and probabilities[k] >= threshold and _trades(tokens, c))):
            name = tokens[c.start_token].text.casefold()
            companies.add(name)
            introduced.add(name)
    if not companies:
        return
    for k, c in enumerate(candidates):
        if keys[k] not in companies or probabilities[k] < threshold or c.end_token - c.start_token != 1:
            continue
        if _named_like_a_company_yet_a_place(c, gazetteer, keys[k] in introduced):
            continue
        if any(f in ("qualified_by_region", "after_place_noun", "place_noun_agrees") for f in c.features):
            continue
        _discount(probabilities, k, threshold, SURNAME_DISCOUNT)
