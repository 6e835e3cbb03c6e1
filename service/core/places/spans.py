"""Candidate spans for toponym recognition and their features.

A toponym is almost always a stretch of capitalised words: the candidates are the
gazetteer matches and every run of one to five capitalised words inside a capitalised
run ("Niger Delta Development Commission" yields "Niger", "Niger Delta", "Delta", ...).
On the development corpora this covers 96-98 % of gold toponyms at about a quarter of a
candidate per token, so the classifier looks at a few hundred spans per article, not at
every token.

Features describe the span (its words, shape, what the gazetteer knows of it), its place
in the capitalised run, the words around it, the lexicon (given names, words news writes
in lower case), and the rest of the document (the same word after a given name, so a
person; the same word in lower case, so a common word).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ...resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY, KIND_PHYSICAL,
                                    KIND_REGION, NAME_ABBR, NAME_ALT, NAME_CODE, NAME_DEMONYM, NAME_PARTIAL,
                                    NAME_PRIMARY, Gazetteer)
from ...resources.lexicon import Lexicon
from ...resources.memo import bounded_memo
from ...resources.names import cached_name_key
from ..calendar_words import MONTH_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from ..dates import FIXED_ZONES, NAMED_ZONES
from ..document import Document
from .candidates import GazetteerMatch

# "5:13pm EST", "10 a.m. ET": a zone after a time is not a place (EST is also Estonia's code).
_ZONES = frozenset(FIXED_ZONES) | frozenset(NAMED_ZONES)
_TIME_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a", "p", "m", "noon", "midnight"})

MAX_SPAN_TOKENS = 5
LONG_RUN = 8
LOCATIVE = {"in", "at", "from", "near", "to", "across", "throughout", "outside", "inside", "around", "into",
            "toward", "towards", "between", "of", "via", "within"}
# Capitalised for being a day or month, not a name: they end a run ("Fallujah Sunday"). Not "May",
# a name and a verb as often as a month.
_CALENDAR = frozenset(WEEKDAYS) | (MONTH_WORDS - {"may"})
_WEEKDAY_WORDS = WEEKDAY_ABBREVIATIONS | set(WEEKDAYS)
_DAY_OR_YEAR = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$|(?:1[89]|20)\d\d$")
# Words capitalised only because a sentence or a headline starts with them; never the start of a
# place's name ("The" is: "The Hague", "The Gambia").
_FUNCTION_WORDS = frozenset("""with in at from for after before when while as but and or so if since during on by
to under over despite although though because unlike like until without into across near outside inside between
among through throughout toward towards against within beyond about around behind then thus yet also even only
both all some many most every each this that these those his her its their our my your we they he she it i you
there here what which who how why where not no a an""".split())
# Lower-case words inside a place's name: "Port aux Basques", "São José dos Campos", "Reggio di Calabria".
_CONNECTORS = {"of", "and", "de", "la", "du", "del", "da", "-", "the", "upon", "on", "y", "al", "el", "es", "des", "le",
               "aux", "sur", "dos", "das", "di"}
_KIND_NAMES = {KIND_CONTINENT: "cont", KIND_COUNTRY: "country", KIND_ADMIN1: "adm1", KIND_ADMIN2: "adm2",
               KIND_CITY: "city", KIND_REGION: "region", KIND_PHYSICAL: "physical"}
# Nouns that name a kind of place: "Anbar province", "the city of Fallujah", "the capital Baghdad".
PLACE_NOUNS = frozenset("""province provinces state county district region city town village capital governorate
prefecture municipality area island islands valley border borders coast neighborhood neighbourhood suburb
township parish borough territory republic kingdom country countries nation peninsula desert river mountains
port metro department canton oblast emirate community communities settlement camp""".split())
REGION_NOUNS = frozenset({"province", "state", "county", "district", "region", "governorate", "prefecture",
                          "oblast", "department", "canton", "parish", "borough", "territory", "emirate"})
TOWN_NOUNS = frozenset({"city", "town", "village", "capital", "township", "municipality", "suburb", "port"})
# Degrees and firms' suffixes written after a name and a comma, spelled like a state's or a
# country's code ("M.D." is Moldova's and Maryland's "MD").
_POST_NOMINALS = frozenset({"M.D.", "D.O.", "R.N.", "P.A.", "J.D.", "M.A.", "B.A.", "M.S.", "B.S.", "P.C.",
                            "M.B.A.", "M.P.H.", "D.D.S.", "L.L.C.", "P.L.C.", "PhD"})
# A plural noun after a coordination names the kind of every conjunct: "Marsabit and Turkana counties".
_PLURAL_NOUNS = {"counties": "county", "provinces": "province", "states": "state", "districts": "district",
                 "regions": "region", "governorates": "governorate", "cities": "city", "towns": "town",
                 "villages": "village", "municipalities": "municipality", "townships": "township",
                 "rivers": "river"}
# A capitalised street or road noun after a name makes it a street ("Georgia Avenue", "Oxford Road");
# a route noun less so ("Florida Highway 60" is marked as Florida in LGL).
_STREET_NOUNS = frozenset("""street st avenue ave road rd boulevard blvd drive lane parkway terrace court plaza
square way trail""".split())
_ROUTE_NOUNS = frozenset({"highway", "hwy", "route", "interstate", "freeway", "expressway", "turnpike", "pike"})
# A capitalised building or landform noun after a name ("Elgin Bridge", "Durham University", "Ohio
# River"): the name belongs to the bridge, the university or the river, and the gold corpora almost never
# mark the name alone.
_FACILITY_NOUNS = frozenset("""bridge airport airfield stadium arena station dam university college school academy
elementary institute hospital clinic cathedral church mosque temple prison jail port harbour harbor park museum
palace castle tower hall library mall market centre center hotel ranch gate tunnel pier cemetery memorial monument
barracks racecourse zoo""".split())
NATURAL_NOUNS = frozenset("""river lake mountain mountains hill hills island islands beach bay valley creek forest
falls gap peninsula strait sea ocean gulf desert canyon glacier reservoir sound coast""".split())
ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")
# The Arabic article as news often writes it, lower case and hyphened to the name: "el-Fasher",
# "al-Hasakah", "ar-Raqqa". The name is the whole ("al-Tanf", as GeoWebNews marks it).
_ARABIC_ARTICLES = frozenset({"al", "el", "ad", "adh", "ar", "as", "ash", "at", "ath", "az", "an"})


def hyphened_article_before(tokens: list, x: int) -> bool:
    """Whether token x follows a lower-case Arabic article and a hyphen, all three written together."""
    return (x >= 2 and tokens[x - 1].text == "-" and tokens[x - 2].text in _ARABIC_ARTICLES
            and tokens[x - 2].end == tokens[x - 1].start and tokens[x - 1].end == tokens[x].start)


# A capitalised compass adjective that is a word of the sentence, not the start of a name, right before
# a mention: after a lower-case word or at a line's start ("across Eastern Washington"; not "Best
# Western DeKalb"). Searched in the COMPASS_REACH characters before the mention.
CAPITALISED_COMPASS_BEFORE = re.compile(r"(?:(?<![^\n])|\b[a-z]+ )(?:North|South|East|West)ern $")
COMPASS_REACH = 40


def ends_with_compass_word(text: str, start: int, pattern: re.Pattern) -> bool:
    """Whether `pattern` (ending "...ern $") matches the words just before `start`. Most names have
    no such word before them: a slice test spares the regex search over the reach for those."""
    return "ern " in text[max(0, start - 5):start] and pattern.search(
        text, max(0, start - COMPASS_REACH), start) is not None


TITLES = {"mr", "mrs", "ms", "dr", "president", "secretary", "minister", "gov", "governor", "sen", "senator",
          "rep", "judge", "gen", "general", "prime", "chancellor", "king", "queen", "prince", "pope", "sir",
          "lord", "mayor", "chief", "coach", "professor", "prof", "sheriff", "officer", "director", "ceo",
          "spokesman", "spokeswoman", "st", "saint", "lt", "col", "sgt", "capt", "det", "rev", "father"}
# Titles that make the next word a living person's name: not a saint's ("St Ives", "Saint-Denis" are places).
_PERSON_TITLES = TITLES - {"st", "saint"}


@dataclass(slots=True)
class SpanCandidate:
    start_token: int
    end_token: int           # exclusive
    start: int               # character offsets
    end: int
    entries: list[tuple[int, int]]
    features: list[str]


def _compute_shape(word: str) -> str:
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if len(out) < 2 or not (out[-1] == c and out[-2] == c):
            out.append(c)
    return "".join(out)


_word_shape = bounded_memo(_compute_shape, 200_000)


def case_bucket(lexicon: Lexicon, word: str) -> str:
    """How the news texts write a lower-cased word; for words they are silent on, "dict" when a
    spelling dictionary knows the word only in lower case ("Farmland" opening a sentence)."""
    ratio = lexicon.case_ratio.get(word)
    if ratio is None:
        return "dict" if word in lexicon.dictionary_lower else "unk"
    return "low" if ratio < 0.2 else "mid" if ratio < 0.6 else "high" if ratio < 0.9 else "cap"


def _hyphen_chain_end(tokens, j: int) -> int | None:
    """Where a capitalised word resumes after lower-case words joined on by hyphens, from tokens[j]:
    "Deir al-Balah" (a particle, then its hyphen), "Stoke-on-Trent", "Sainte-Marthe-sur-le-Lac"."""
    first = tokens[j].text
    if not (first == "-" and tokens[j].start == tokens[j - 1].end or first in _CONNECTORS and first.isalpha()):
        return None
    k = j + 1
    while k < len(tokens) and k - j <= 5 and tokens[k].start == tokens[k - 1].end:
        text = tokens[k].text
        if text[:1].isupper():
            return k if tokens[k - 1].text == "-" else None
        if text != "-" and not text.isalpha():
            return None
        k += 1
    return None


def capital_runs(doc: Document) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens on one line; inner connectors ("of", "de", "-") are
    allowed between capitalised words."""
    tokens = doc.tokens
    n = len(tokens)
    runs = []
    free = 0    # the first token no run holds yet
    for i in doc.capitalised:
        if i < free:
            continue
        lower = tokens[i].text.lower()
        if lower in _CALENDAR:
            continue
        if lower in _FUNCTION_WORDS:
            runs.append((i, i + 1))  # "With Samos's economy": capitalised for the sentence, not the name
            free = i + 1
            continue
        j = i + 1
        while j < n and tokens[j].line == tokens[i].line and tokens[j].start - tokens[j - 1].end <= 1:
            t = tokens[j].text
            if t.lower() in _CALENDAR:
                break
            if t[:1].isupper():
                j += 1
            elif (t in _CONNECTORS and j + 1 < n and tokens[j + 1].text[:1].isupper()
                  and tokens[j + 1].text.lower() not in _CALENDAR   # "Indian Orchard on Tuesday"
                  and tokens[j + 1].start - tokens[j].end <= 1 and tokens[j + 1].line == tokens[j].line):
                j += 1
            elif (resumed := _hyphen_chain_end(tokens, j)) is not None:
                j = resumed
            else:
                break
        runs.append((i, j))
        free = j
    return runs


@dataclass(frozen=True, slots=True)
class GazetteerSummary:
    """What the gazetteer says about one name key, as the recogniser uses it (cached per key)."""

    features: tuple[str, ...]
    kinds: frozenset[int]
    best_kind: str
    best_pop: int
    best_how: str                            # how the most populous entry is named (primary, abbr...)
    named_countries: frozenset[int]          # countries this name is a full name or demonym of
    inner_kind_by_country: dict[int, int]    # country -> smallest kind of the name's places inside it
    containers: frozenset[int]               # admin1 and country indexes of the name's places
    named_regions: frozenset[int]            # first-level regions this name is a name or abbreviation of
    inner_kind_by_region: dict[int, int]     # first-level region -> smallest kind of the name's places inside it


_SUMMARIES: dict[str, GazetteerSummary] = {}


def gazetteer_summary(gazetteer: Gazetteer, key: str, entries: list[tuple[int, int]]) -> GazetteerSummary:
    summary = _SUMMARIES.get(key)
    if summary is not None:
        return summary
    ids = [idx for idx, _ in entries]
    kinds_l = gazetteer.kind[ids].tolist()
    pops = gazetteer.population[ids].tolist()
    countries = gazetteer.country_idx[ids].tolist()
    admins = gazetteer.admin1_idx[ids].tolist()
    flags = 0
    for _, fl in entries:
        flags |= fl
    kinds = frozenset(kinds_l)
    pop_bucket = int(math.log10(max(pops) + 1))
    f = [f"gpop:{pop_bucket}", f"gn:{min(len(entries), 5)}"]
    if flags & NAME_PRIMARY:
        f.append("gf:primary")
    if flags & NAME_ALT:
        f.append("gf:alt")
    if flags & NAME_ABBR and not flags & (NAME_PRIMARY | NAME_ALT):
        f.append("gf:abbr_only")
    if flags & NAME_CODE and not flags & (NAME_PRIMARY | NAME_ALT | NAME_ABBR):
        f.append("gf:code_only")
    if flags & NAME_DEMONYM:
        f.append("gf:demonym")
    if flags & NAME_PARTIAL and not flags & (NAME_PRIMARY | NAME_ALT):
        f.append("gf:partial_only")
    f.append(f"gtop:{_KIND_NAMES.get(min(kinds), 'other')}|{min(pop_bucket, 7)}")
    alternates = int(gazetteer.alternates[ids].max())
    f.append(f"galt:{min(alternates.bit_length(), 6)}|{min(pop_bucket, 7)}")
    # The most populous entry on its own: "Anbar" is mainly the Iraqi province, by a shortened name.
    best = max(range(len(entries)), key=lambda k: pops[k])
    best_flags = entries[best][1]
    how = ("primary" if best_flags & NAME_PRIMARY else "alt" if best_flags & NAME_ALT else
           "demonym" if best_flags & NAME_DEMONYM else "partial" if best_flags & NAME_PARTIAL else "abbr")
    best_kind = _KIND_NAMES.get(kinds_l[best], "other")
    f.append(f"gbest:{best_kind}|{how}")
    # A curated river, island or range by its own name: its population (none) hides it from the rest.
    if any(kinds_l[k] == KIND_PHYSICAL and entries[k][1] & (NAME_PRIMARY | NAME_ALT) for k in range(len(entries))):
        f.append("gphysical")
    named, inner, named_regions, inner_regions = set(), {}, set(), {}
    for k, (idx, fl) in enumerate(entries):
        if kinds_l[k] == KIND_COUNTRY and fl & (NAME_PRIMARY | NAME_ALT | NAME_DEMONYM):
            named.add(idx)
        elif kinds_l[k] > KIND_COUNTRY and countries[k] >= 0:
            inner[countries[k]] = min(inner.get(countries[k], 99), kinds_l[k])
        if kinds_l[k] == KIND_ADMIN1 and fl & (NAME_PRIMARY | NAME_ALT | NAME_ABBR):
            named_regions.add(idx)
        elif kinds_l[k] > KIND_ADMIN1 and admins[k] >= 0:
            inner_regions[admins[k]] = min(inner_regions.get(admins[k], 99), kinds_l[k])
    summary = GazetteerSummary(tuple(f), kinds, best_kind, min(int(math.log10(pops[best] + 1)), 7), how,
                               frozenset(named), inner, frozenset(admins) | frozenset(countries),
                               frozenset(named_regions), inner_regions)
    if len(_SUMMARIES) > 100_000:
        _SUMMARIES.clear()
    _SUMMARIES[key] = summary
    return summary


def generate_candidates(doc: Document, matches: list[GazetteerMatch], gazetteer: Gazetteer,
                        lexicon: Lexicon) -> list[SpanCandidate]:
    return _Candidates(doc, matches, gazetteer, lexicon).build()


class _Candidates:
    """One document's candidate spans and their features. Features that depend only on where a
    span starts, or only on where it ends, are built once per token and shared by every span."""

    def __init__(self, doc: Document, matches: list[GazetteerMatch], gazetteer: Gazetteer, lexicon: Lexicon):
        self.doc, self.gazetteer, self.lexicon = doc, gazetteer, lexicon
        self.tokens = tokens = doc.tokens
        self.n = n = len(tokens)
        self.words = words = doc.words
        self.lowers = lowers = [w.lower() for w in words]
        self.lines = [t.line for t in tokens]
        self.runs = capital_runs(doc)
        self.run_of = [-1] * n
        for r, (a, b) in enumerate(self.runs):
            for k in range(a, b):
                self.run_of[k] = r
        self.spans: dict[tuple[int, int], tuple[str, list[tuple[int, int]]] | None] = {}
        for m in matches:
            self.spans[(m.start_token, m.end_token)] = (m.key, m.entries)
        for a, b in self.runs:
            # In a long run (a line in capitals, a list of names) only single words and the
            # gazetteer's own matches are candidates: every sub-span of it would cost five
            # candidates per word for nothing.
            longest = MAX_SPAN_TOKENS if b - a <= LONG_RUN else 1
            for x in range(a, b):
                if not words[x][:1].isupper():
                    continue
                for y in range(x + 1, min(b, x + longest) + 1):
                    if words[y - 1][:1].isupper() and (x, y) not in self.spans:
                        self.spans[(x, y)] = None
        # Document-level facts about words.
        self.lower_words = {w for w in words if w[:1].islower()}
        # Capitalised words right after a given name, a title or "Mr.": people.
        self.person_words = set()
        first_names, lines = lexicon.first_names, self.lines
        for i in doc.capitalised:
            if i == 0 or lines[i - 1] != lines[i]:
                continue
            prev = words[i - 1]
            if (prev in first_names or (lowers[i - 1] in _PERSON_TITLES and prev[:1].isupper())
                    or (prev == "." and i > 1 and lowers[i - 2] in ("mr", "mrs", "ms", "dr"))):
                self.person_words.add(lowers[i])
        self.span_counts: dict[str, int] = {}
        for (x, y) in self.spans:
            key = " ".join(lowers[x:y])
            self.span_counts[key] = self.span_counts.get(key, 0) + 1
        self._token_feats: dict[int, tuple[tuple[str, str], str]] = {}
        self._left: dict[int, tuple[list[str], str, str]] = {}
        self._right: dict[int, tuple[list[str], str, str]] = {}

    def build(self) -> list[SpanCandidate]:
        gazetteer, tokens, words, lowers = self.gazetteer, self.tokens, self.words, self.lowers
        resolved = {}
        for (x, y), known in self.spans.items():
            if known is None:
                key = cached_name_key(self.doc.norm[tokens[x].start:tokens[y - 1].end])
                known = (key, gazetteer.lookup_key(key))
            resolved[(x, y)] = (known[1], gazetteer_summary(gazetteer, *known) if known[1] else None)
        # Countries the text names outright ("Iraq", "Iraqi"): a name whose entry lies in one of them
        # is more likely a place ("Anbar" beside Iraq) than one whose entries lie elsewhere ("Kerry").
        doc_countries, doc_regions = set(), set()
        for (x, y), (_, summary) in resolved.items():
            if summary and tokens[y - 1].end - tokens[x].start > 3:
                doc_countries |= summary.named_countries
            if summary:   # "N.C.", "West Bank": a region's abbreviation names it as well as its name
                doc_regions |= summary.named_regions
        candidates = []
        for (x, y), (entries, summary) in resolved.items():
            if y - x == 1 and words[x] in _ZONES and x > 0 and (
                    lowers[x - 1] in _TIME_WORDS or lowers[x - 1][-2:] in ("am", "pm")
                    or lowers[x - 1][-1:].isdigit() or lowers[x - 1] == "."):
                continue  # "5:13pm EST"
            if lowers[x] in MONTH_WORDS and self._is_date(x, y):
                continue  # "Mar. 8, 2024", "3 March": a date, not Morocco's code or March, Cambridgeshire
            if lowers[x] in _WEEKDAY_WORDS and self._opens_date(x, y):
                continue  # "Mon 3 Mar 2025": a weekday, not Mons
            if y - x == 1 and words[x] in _POST_NOMINALS and x > 0 and words[x - 1] == ",":
                continue  # "Akshay Syal, M.D.", "Kaplan & Rothstein, P.A.": a degree or a firm, not Maryland
            feats = self._features(x, y, summary)
            if summary and doc_countries:
                inside = [kind for country, kind in summary.inner_kind_by_country.items() if country in doc_countries]
                if inside:
                    kind = _KIND_NAMES.get(min(inside), "other")
                    feats += [f"in_doc_country|{kind}", f"in_doc_country|{kind}|{summary.best_how}"]
            if summary and doc_regions:
                # Finer than the country: "Jenin" beside "West Bank", "Troy" beside "N.C.".
                inside = [kind for region, kind in summary.inner_kind_by_region.items() if region in doc_regions]
                if inside:
                    feats.append(f"in_doc_region|{_KIND_NAMES.get(min(inside), 'other')}")
            candidates.append(SpanCandidate(x, y, tokens[x].start, tokens[y - 1].end, entries, feats))
        candidates.sort(key=lambda c: (c.start, c.end))
        return candidates

    def _word_after(self, x: int, y: int, punctuation: tuple[str, ...]) -> int | None:
        """Where the word after a one-word span (with its period) is, past one of `punctuation`;
        None when the span is longer."""
        if y - x > 2 or (y - x == 2 and self.words[x + 1] != "."):
            return None
        return y + (y < self.n and self.words[y] in punctuation)

    def _is_date(self, x: int, y: int) -> bool:
        """Whether the span is a month name (with its period) beside a day or a year."""
        after = self._word_after(x, y, (".",))
        return after is not None and bool((after < self.n and _DAY_OR_YEAR.match(self.words[after]))
                                          or (x > 0 and _DAY_OR_YEAR.match(self.words[x - 1])))

    def _opens_date(self, x: int, y: int) -> bool:
        """Whether the span is a weekday (with its period or comma) right before a day or a month."""
        after = self._word_after(x, y, (".", ","))
        return after is not None and after < self.n and (bool(_DAY_OR_YEAR.match(self.words[after]))
                                                         or self.lowers[after] in MONTH_WORDS)

    # -- features shared by position -----------------------------------------------------------
    def _token(self, k: int) -> tuple[tuple[str, str], str]:
        """Features of one word, and its shape."""
        cached = self._token_feats.get(k)
        if cached is None:
            lw = self.lowers[k]
            cached = self._token_feats[k] = (
                (f"tw:{lw}", f"case:{case_bucket(self.lexicon, lw)}"), _word_shape(self.words[k]))
        return cached

    def _left_features(self, x: int) -> tuple[list[str], str, str]:
        """Features that depend only on where the span starts, and the two words before it."""
        cached = self._left.get(x)
        if cached is not None:
            return cached
        words, lowers, lines = self.words, self.lowers, self.lines
        line = lines[x]
        # The words before "al-Hasakah" are those before its article.
        before = x - 2 if hyphened_article_before(self.tokens, x) else x
        p1 = lowers[before - 1] if before > 0 and lines[before - 1] == line else "<s>"
        p2 = lowers[before - 2] if before > 1 and lines[before - 2] == line else "<s>"
        feats = [f"first:{lowers[x]}", f"p1:{p1}", f"p2:{p2}|{p1}"]
        if words[x] in self.lexicon.first_names:
            feats.append("first_is_given_name")
        if self.doc.starts_sentence(x):
            feats.append("sent_start")
        if p1 in TITLES or (p1 == "." and p2 in TITLES):   # "President Biden", "Rep. Ocasio-Cortez"
            feats.append("after_title")
        if p1 in LOCATIVE:
            feats.append("after_locative")
        if ORDINAL.match(p1):
            feats.append("after_ordinal")  # "East 51st Street", "42nd Street": a street, not the village
        if x > 0 and words[x - 1] in self.lexicon.first_names and p1 != "<s>":
            feats.append("after_given_name")
        r = self.run_of[x]
        if r >= 0:
            a, b = self.runs[r]
            feats.append(f"run_prev:{lowers[x - 1]}" if a < x else "run_starts")
            feats.append(f"runlen:{min(b - a, 5)}")
        if len(self.doc.lines[line].text) < 100:
            feats.append("short_line")
        cached = self._left[x] = (feats, p1, p2)
        return cached

    def _right_features(self, y: int) -> tuple[list[str], str, str]:
        """Features that depend only on where the span ends (spans of one run share a line), and
        the two words after it."""
        cached = self._right.get(y)
        if cached is not None:
            return cached
        lowers, lines, n = self.lowers, self.lines, self.n
        line = lines[y - 1]
        n1 = lowers[y] if y < n and lines[y] == line else "</s>"
        n2 = lowers[y + 1] if y + 1 < n and lines[y + 1] == line else "</s>"
        last = lowers[y - 1]
        feats = [f"last:{last}", f"suf:{last[-3:]}", f"n1:{n1}", f"n2:{n1}|{n2}"]
        if last in self.person_words:
            feats.append("person_elsewhere")
        r = self.run_of[y - 1]
        if r >= 0:
            if y < self.runs[r][1]:
                # What kind of word carries the run on, by its case in news: a word mostly written
                # capitalised ("Seattle Seahawks", "Oklahoma Republicans") makes the span the start
                # of another name; a common noun is often the place's own noun ("Wake County").
                feats += [f"run_next:{lowers[y]}", f"run_next_case:{case_bucket(self.lexicon, lowers[y])}"]
            else:
                feats.append("run_ends")
        cached = self._right[y] = (feats, n1, n2)
        return cached

    # -- one span --------------------------------------------------------------------------------
    def _features(self, x: int, y: int, summary: "GazetteerSummary | None") -> list[str]:
        gazetteer, lexicon, words, lowers = self.gazetteer, self.lexicon, self.words, self.lowers
        span_lower = lowers[x] if y - x == 1 else " ".join(lowers[x:y])
        last = lowers[y - 1]
        left, p1, p2 = self._left_features(x)
        right, n1, n2 = self._right_features(y)
        if y - x == 1:
            token_feats, shape = self._token(x)
            f = ["bias", f"w:{span_lower}", "len:1", f"shape:{shape[:20]}",
                 f"count:{min(self.span_counts.get(span_lower, 1), 3)}", *left, *right, *token_feats]
        else:
            per_token = [self._token(k) for k in range(x, y)]
            f = ["bias", f"w:{span_lower}", f"len:{min(y - x, 4)}",
                 f"shape:{' '.join(shape for _, shape in per_token)[:20]}",
                 f"count:{min(self.span_counts.get(span_lower, 1), 3)}", *left, *right]
            for token_feats, _ in per_token:
                f += token_feats
        if words[y - 1] in self.lower_words or words[x] in self.lower_words:
            f.append("lower_elsewhere")
        if (words[x].isupper() or not words[x][:1].isalpha()) if y - x == 1 else all(
                w.isupper() for w in words[x:y] if w[:1].isalpha()):
            f.append("all_caps")
            # A short acronym that spells a town's own name ("OAS", "CIS") is an organisation far
            # more often than a postal abbreviation or code of a place ("UK", "NYC") is.
            if summary and y - x == 1 and len(words[x]) <= 4:
                f.append(f"acronym|{summary.best_how}")
        r = self.run_of[x]
        if r >= 0:
            f.append(f"run:{'full' if self.runs[r] == (x, y) else 'part'}")
        entries = summary is not None
        if summary:
            f += summary.features
            # How likely a word that is this rare in prose and names a place this big is a place.
            f.append(f"prior:{case_bucket(lexicon, last)}|{summary.best_kind}|{summary.best_pop}")
        else:
            f.append("no_gazetteer")
        # A lower-case place noun beside the span ("Anbar province"; not "Greene County", which is the name).
        n1_noun = n1 if n1 in PLACE_NOUNS and words[y][:1].islower() else ""
        if n1 in _PLURAL_NOUNS and words[y][:1].islower():
            n1_noun = _PLURAL_NOUNS[n1]
        elif n1 == "and" and self.run_of[x] >= 0:
            end = self.runs[self.run_of[x]][1]   # the run holds "Marsabit and Turkana"
            if end < self.n and self.lines[end] == self.lines[x] and words[end] in _PLURAL_NOUNS:
                n1_noun = _PLURAL_NOUNS[words[end]]
        p1_noun = p1 if p1 in PLACE_NOUNS and words[x - 1][:1].islower() else ""
        p2_noun = p2 if p1 == "of" and p2 in PLACE_NOUNS and words[x - 2][:1].islower() else ""
        if n1_noun:
            f.append(f"before_place_noun|{'gaz' if entries else 'nogaz'}|"
                     f"{case_bucket(lexicon, last)}")
        # The noun agrees with what the gazetteer says the name is: "Anbar province", "the city of Fallujah".
        if entries and (n1_noun or p1_noun or p2_noun):
            kinds_here = summary.kinds
            nouns = {n1_noun, p1_noun, p2_noun}
            if (nouns & REGION_NOUNS and kinds_here & {KIND_ADMIN1, KIND_ADMIN2}) or (
                    nouns & TOWN_NOUNS and KIND_CITY in kinds_here) or (
                    # "the Darling and Murrumbidgee rivers", though "Murrumbidgee" alone names a shire
                    n1_noun == "river" and gazetteer.names_river(" ".join(words[x:y]))):
                f.append("place_noun_agrees")
        if p1_noun or p2_noun:
            f.append("after_place_noun")
        if y < self.n and words[y][:1].isupper():   # n1 is "</s>" past the line's end
            if n1 in _STREET_NOUNS:
                f.append("before_street_noun")
            elif n1 in _ROUTE_NOUNS:
                f.append("before_route_noun")
            elif n1 in _FACILITY_NOUNS:
                f.append("before_facility_noun")
            elif n1 in NATURAL_NOUNS:
                f.append("before_natural_noun")
        if y - x >= 2 and words[y - 1][:1].isupper() and last in _STREET_NOUNS:
            f.append("ends_street_noun")
        if n1 == "," and y + 1 < self.n and words[y + 1][:1].isupper():
            regions = {i for i, _ in gazetteer.lookup(words[y + 1])
                       if gazetteer.kind[i] in (KIND_ADMIN1, KIND_COUNTRY)}
            if regions:
                f.append("qualified_by_region")
                # "Troy, N.C.": one of the places called Troy lies in the region named after the comma.
                if entries and not regions.isdisjoint(summary.containers):
                    f.append("qualifier_contains_it")
        return f
