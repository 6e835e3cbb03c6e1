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
from dataclasses import dataclass

from ...resources.gazetteer import (KIND_ADMIN1, KIND_ADMIN2, KIND_CITY, KIND_CONTINENT, KIND_COUNTRY,
                                    NAME_ABBR, NAME_ALT, NAME_CODE, NAME_DEMONYM, NAME_PARTIAL, NAME_PRIMARY, Gazetteer)
from ...resources.lexicon import Lexicon
from ...resources.names import name_key
from ..dates import FIXED_ZONES, NAMED_ZONES
from ..document import Document
from .candidates import GazetteerMatch

# "5:13pm EST", "10 a.m. ET": a zone after a time is not a place (EST is also Estonia's code).
_ZONES = frozenset(FIXED_ZONES) | frozenset(NAMED_ZONES)
_TIME_WORDS = frozenset({"am", "pm", "a.m.", "p.m.", "a", "p", "m", "noon", "midnight"})

MAX_SPAN_TOKENS = 5
_LOCATIVE = {"in", "at", "from", "near", "to", "across", "throughout", "outside", "inside", "around", "into",
             "across", "toward", "towards", "between", "of", "via", "within"}
# Capitalised for being a day or month, not a name: they end a run ("Fallujah Sunday").
_CALENDAR = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april
june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_CONNECTORS = {"of", "and", "de", "la", "du", "del", "da", "-", "the", "upon", "on", "y", "al", "el", "des", "le"}
_KIND_NAMES = {KIND_CONTINENT: "cont", KIND_COUNTRY: "country", KIND_ADMIN1: "adm1", KIND_ADMIN2: "adm2",
               KIND_CITY: "city"}
# Nouns that name a kind of place: "Anbar province", "the city of Fallujah", "the capital Baghdad".
PLACE_NOUNS = frozenset("""province provinces state county district region city town village capital governorate
prefecture municipality area island islands valley border borders coast neighborhood neighbourhood suburb
township parish borough territory republic kingdom country countries nation peninsula desert river mountains
port metro department canton oblast emirate community communities settlement camp""".split())
_REGION_NOUNS = frozenset({"province", "state", "county", "district", "region", "governorate", "prefecture",
                           "oblast", "department", "canton", "parish", "borough", "territory", "emirate"})
_TOWN_NOUNS = frozenset({"city", "town", "village", "capital", "township", "municipality", "suburb", "port"})
TITLES = {"mr", "mrs", "ms", "dr", "president", "secretary", "minister", "gov", "governor", "sen", "senator",
          "rep", "judge", "gen", "general", "prime", "chancellor", "king", "queen", "prince", "pope", "sir",
          "lord", "mayor", "chief", "coach", "professor", "prof", "sheriff", "officer", "director", "ceo",
          "spokesman", "spokeswoman", "st", "saint", "lt", "col", "sgt", "capt", "det", "rev", "father"}


@dataclass(slots=True)
class SpanCandidate:
    start_token: int
    end_token: int           # exclusive
    start: int               # character offsets
    end: int
    entries: list[tuple[int, int]]
    features: list[str]


_SHAPES: dict[str, str] = {}


def _word_shape(word: str) -> str:
    shape = _SHAPES.get(word)
    if shape is None:
        if len(_SHAPES) > 200_000:
            _SHAPES.clear()
        shape = _SHAPES[word] = _compute_shape(word)
    return shape


def _compute_shape(word: str) -> str:
    out = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if len(out) < 2 or not (out[-1] == c and out[-2] == c):
            out.append(c)
    return "".join(out)


def _case_bucket(ratio: float | None) -> str:
    if ratio is None:
        return "unk"
    return "low" if ratio < 0.2 else "mid" if ratio < 0.6 else "high" if ratio < 0.9 else "cap"


def capital_runs(doc: Document) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens on one line; inner connectors ("of", "de", "-") are
    allowed between capitalised words."""
    tokens = doc.tokens
    n = len(tokens)
    runs = []
    i = 0
    while i < n:
        if not tokens[i].text[:1].isupper() or tokens[i].text.lower() in _CALENDAR:
            i += 1
            continue
        j = i + 1
        while j < n and tokens[j].line == tokens[i].line and tokens[j].start - tokens[j - 1].end <= 1:
            t = tokens[j].text
            if t.lower() in _CALENDAR:
                break
            if t[:1].isupper():
                j += 1
            elif (t in _CONNECTORS and j + 1 < n and tokens[j + 1].text[:1].isupper()
                  and tokens[j + 1].start - tokens[j].end <= 1 and tokens[j + 1].line == tokens[j].line):
                j += 1
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def generate_candidates(doc: Document, matches: list[GazetteerMatch], gazetteer: Gazetteer,
                        lexicon: Lexicon) -> list[SpanCandidate]:
    tokens = doc.tokens
    n = len(tokens)
    words = [t.text for t in tokens]
    lowers = [w.lower() for w in words]
    runs = capital_runs(doc)
    run_of = [-1] * n
    for r, (a, b) in enumerate(runs):
        for k in range(a, b):
            run_of[k] = r

    spans: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for m in matches:
        spans[(m.start_token, m.end_token)] = m.entries
    for a, b in runs:
        for x in range(a, b):
            if not words[x][:1].isupper():
                continue
            for y in range(x + 1, min(b, x + MAX_SPAN_TOKENS) + 1):
                if words[y - 1][:1].isupper() and (x, y) not in spans:
                    spans[(x, y)] = None

    # Document-level facts about words.
    person_words, lower_words = set(), set()
    for i, w in enumerate(words):
        if w[:1].islower():
            lower_words.add(w)
        elif i > 0 and w[:1].isupper() and tokens[i - 1].line == tokens[i].line:
            prev = words[i - 1]
            if prev in lexicon.first_names or (prev[:1].isupper() and lowers[i - 1] in TITLES):
                person_words.add(lowers[i])
            elif prev == "." and i > 1 and lowers[i - 2] in ("mr", "mrs", "ms", "dr"):
                person_words.add(lowers[i])
    # Per-token feature strings, shared by every span the token is in.
    token_feats: dict[int, tuple[str, str]] = {}
    for (x, y) in spans:
        for k in range(x, y):
            if k not in token_feats:
                token_feats[k] = (f"tw:{lowers[k]}", f"case:{_case_bucket(lexicon.case_ratio.get(lowers[k]))}")
    # Countries the text names outright ("Iraq", "Iraqi"): a name whose entry lies in one of them
    # is more likely a place ("Anbar" beside Iraq) than one whose entries lie elsewhere ("Kerry").
    doc_countries = set()
    for (x, y), entries in spans.items():
        if entries and tokens[y - 1].end - tokens[x].start > 3:
            for idx, flags in entries:
                if gazetteer.kind[idx] == KIND_COUNTRY and flags & (NAME_PRIMARY | NAME_ALT | NAME_DEMONYM):
                    doc_countries.add(idx)
    span_counts: dict[str, int] = {}
    for (x, y) in spans:
        key = " ".join(lowers[x:y])
        span_counts[key] = span_counts.get(key, 0) + 1
    starts = doc.sentence_starts

    candidates = []
    for (x, y), entries in spans.items():
        if y - x == 1 and words[x] in _ZONES and x > 0 and (
                lowers[x - 1] in _TIME_WORDS or lowers[x - 1][-2:] in ("am", "pm") or lowers[x - 1][-1:].isdigit()
                or lowers[x - 1] == "."):
            continue
        if entries is None:
            entries = gazetteer.lookup_key(name_key(doc.norm[tokens[x].start:tokens[y - 1].end]))
        feats = _span_features(doc, x, y, entries, gazetteer, lexicon, words, lowers, runs, run_of,
                               person_words, lower_words, span_counts, starts, token_feats)
        if entries and doc_countries:
            inside = [int(gazetteer.kind[idx]) for idx, _ in entries
                      if gazetteer.kind[idx] > KIND_COUNTRY and int(gazetteer.country_idx[idx]) in doc_countries]
            if inside:
                feats.append(f"in_doc_country|{_KIND_NAMES.get(min(inside), 'other')}")
        candidates.append(SpanCandidate(x, y, tokens[x].start, tokens[y - 1].end, entries, feats))
    candidates.sort(key=lambda c: (c.start, c.end))
    return candidates


def _span_features(doc, x, y, entries, gazetteer, lexicon, words, lowers, runs, run_of, person_words,
                   lower_words, span_counts, starts, token_feats) -> list[str]:
    tokens = doc.tokens
    n = len(tokens)
    span_lower = " ".join(lowers[x:y])
    length = y - x
    last = lowers[y - 1]
    f = ["bias", f"w:{span_lower}", f"len:{min(length, 4)}", f"first:{lowers[x]}", f"last:{last}",
         f"suf:{last[-3:]}", f"shape:{' '.join(_word_shape(w) for w in words[x:y])[:20]}"]
    for k in range(x, y):
        f.extend(token_feats[k])
    if words[x] in lexicon.first_names:
        f.append("first_is_given_name")
    if lowers[y - 1] in person_words:
        f.append("person_elsewhere")
    if words[y - 1] in lower_words or words[x] in lower_words:
        f.append("lower_elsewhere")
    if x in starts:
        f.append("sent_start")
    if all(w.isupper() for w in words[x:y] if w[:1].isalpha()):
        f.append("all_caps")
    f.append(f"count:{min(span_counts.get(span_lower, 1), 3)}")
    # Gazetteer knowledge of the exact span.
    if entries:
        flags, kinds, top_pop = 0, set(), 0
        for idx, fl in entries:
            flags |= fl
            kinds.add(int(gazetteer.kind[idx]))
            top_pop = max(top_pop, int(gazetteer.population[idx]))
        pop_bucket = int(math.log10(top_pop + 1))
        f.append(f"gpop:{pop_bucket}")
        f.append(f"gn:{min(len(entries), 5)}")
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
        top_kind = min(kinds)
        f.append(f"gtop:{_KIND_NAMES.get(top_kind, 'other')}|{min(pop_bucket, 7)}")
        # The most populous entry on its own: "Anbar" is mainly the Iraqi province, by a shortened name.
        best_idx, best_flags = max(entries, key=lambda e: int(gazetteer.population[e[0]]))
        how = ("primary" if best_flags & NAME_PRIMARY else "alt" if best_flags & NAME_ALT else
               "demonym" if best_flags & NAME_DEMONYM else "partial" if best_flags & NAME_PARTIAL else "abbr")
        best_kind = _KIND_NAMES.get(int(gazetteer.kind[best_idx]), 'other')
        f.append(f"gbest:{best_kind}|{how}")
        # How likely a word that is this rare in prose and names a place this big is a place.
        best_pop = int(math.log10(int(gazetteer.population[best_idx]) + 1))
        f.append(f"prior:{_case_bucket(lexicon.case_ratio.get(last))}|{best_kind}|{min(best_pop, 7)}")
    else:
        f.append("no_gazetteer")
    # Place in the capitalised run.
    r = run_of[x]
    if r >= 0:
        a, b = runs[r]
        f.append(f"run:{'full' if (a, b) == (x, y) else 'part'}")
        if a < x:
            f.append(f"run_prev:{lowers[x - 1]}")
        else:
            f.append("run_starts")
        if y < b:
            f.append(f"run_next:{lowers[y]}")
        else:
            f.append("run_ends")
        f.append(f"runlen:{min(b - a, 5)}")
    # Context outside the span.
    line = tokens[x].line
    p1 = lowers[x - 1] if x > 0 and tokens[x - 1].line == line else "<s>"
    p2 = lowers[x - 2] if x > 1 and tokens[x - 2].line == line else "<s>"
    n1 = lowers[y] if y < n and tokens[y].line == line else "</s>"
    n2 = lowers[y + 1] if y + 1 < n and tokens[y + 1].line == line else "</s>"
    f += [f"p1:{p1}", f"p2:{p2}|{p1}", f"n1:{n1}", f"n2:{n1}|{n2}"]
    if p1 in TITLES:
        f.append("after_title")
    if p1 in _LOCATIVE:
        f.append("after_locative")
    # A lower-case place noun beside the span ("Anbar province"; not "Greene County", which is the name).
    n1_noun = n1 if n1 in PLACE_NOUNS and words[y][:1].islower() else ""
    p1_noun = p1 if p1 in PLACE_NOUNS and words[x - 1][:1].islower() else ""
    p2_noun = p2 if p1 == "of" and p2 in PLACE_NOUNS and words[x - 2][:1].islower() else ""
    if n1_noun:
        f.append(f"before_place_noun|{'gaz' if entries else 'nogaz'}|{_case_bucket(lexicon.case_ratio.get(last))}")
    # The place noun agrees with what the gazetteer says the name is: "Anbar province", "the city of Fallujah".
    if entries:
        kinds_here = {int(gazetteer.kind[idx]) for idx, _ in entries}
        nouns = {n1_noun, p1_noun, p2_noun}
        if (nouns & _REGION_NOUNS and kinds_here & {KIND_ADMIN1, KIND_ADMIN2}) or (
                nouns & _TOWN_NOUNS and KIND_CITY in kinds_here):
            f.append("place_noun_agrees")
    if p1_noun or p2_noun:
        f.append("after_place_noun")
    if x > 0 and words[x - 1] in lexicon.first_names and p1 != "<s>":
        f.append("after_given_name")
    if n1 == "," and y + 1 < n and words[y + 1][:1].isupper():
        q = gazetteer.lookup(words[y + 1])
        if any(gazetteer.kind[i] in (KIND_ADMIN1, KIND_COUNTRY) for i, _ in q):
            f.append("qualified_by_region")
    line_text = doc.lines[line].text
    if len(line_text) < 100:
        f.append("short_line")
    return f
