"""Byline candidates: every name a page writes where a byline could be, with its cue ("By",
"Author:", "Reporting by", none), what follows it on its line, and its row in the header."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ...resources.lexicon import Lexicon
from ..document import Document
from ..types import Span
from .names import AGENCIES, DESKS, agency_after, agency_named, beat_role, is_outlet, read_name

_DESK_NOUNS = {"bureau", "desk", "team"}   # a role that is only one of these names a desk
_LEADING_THE = re.compile(r"^[Tt]he\s+")
_STAFF_BYLINES = {"staff reporter", "staff writer", "staff correspondent", "staff reporters", "staff writers"}
_INITIALS = re.compile(r"[A-Z]{2,4}(?: [A-Z]{2,4}){0,3}")
_REPORTING_JOBS = {"reporter", "writer", "correspondent"}
# A word news writes capitalised less often than this opens no person's name when a role or a common
# noun follows it: "City Hall Reporter", "Marine Ecologist" (a surname-first name is capitalised:
# "Wang Wei, Reporter").
_BEAT_CASE = 0.9
# The words of a local paper's closing contact line, which signs the story ("Contact reporter A at ...").
_SIGN_OFF_WORDS = ("contact", "reach")
_AGENCY_WORDS = "|".join(re.escape(name) for name in sorted(AGENCIES, key=len, reverse=True)
                         if agency_named(name) not in DESKS)
# Wire copy closes with its credits in brackets: "(Reporting by A; Editing by B)".
_CUE = re.compile(r"^\s*\(?(?P<cue>(?:story |words |text |written |writing |reporting |report |posted |article |"
                  r"photos? |video |compiled |edited |editing |additional reporting )?by|author|authors|writer|reporter|"
                  # "Story: Jane Doe", "Words: Jane Doe": with the colon only
                  r"(?:story|words|text)(?=\s*:)|"
                  # "Contributors: A, B"; CNN's live pages: "From CNN's Jane Doe"
                  r"contributors?|from [A-Z][A-Za-z]{1,15}['\u2019]s|"
                  # "From Reuters", "From AFP" on a line of its own: the agency's copy
                  rf"from(?=\s+(?:the\s+)?(?:{_AGENCY_WORDS})\s*$)|"
                  # A local paper's sign-off: "Contact reporter Ken Walker at kwalker@...", "Reach Jane Doe at".
                  rf"(?:{'|'.join(_SIGN_OFF_WORDS)})(?: reporter| writer| columnist)?"
                  r"(?=\s+(?-i:[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019.-]+){1,3}) at\b))"
                  r"\s*[:|-]?\s+(?P<rest>.+)$", re.IGNORECASE)
# Wire copy's "Writing by" credits the one who wrote the story from others' reporting: an author.
_CUE_SAME_AS = {"contributor": "author", "contributors": "authors", "from": "by", "writing": "reporting",
               **{word: "by" for word in _SIGN_OFF_WORDS}}
# Bloomberg's closing block: "To contact the reporter on this story: / Ekow Dontoh in Accra at
# edontoh@bloomberg.net" (the reporters on that line or the next ones, ";" between them); "To contact the
# editor responsible for this story: ..." names editors, not authors.
# Matched on the stripped line, so no leading run of spaces is retried position by position.
_CONTACT_HEAD = re.compile(r"to contact the (?P<who>reporters?|writers?|authors?|editors?)\b[^:]{0,40}:\s*(?P<rest>.*)",
                           re.IGNORECASE)
_CONTACT_ENTRY = re.compile(r"[A-Z][^;@]{2,80}? at [\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_JOINED_NAMES = re.compile(r"^(?:and|&)\s+(?P<rest>[A-Z].*)$")
_LONE_BY = re.compile(r"^\s*(?:written |story |words )?by\s*:?\s*$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"^(?P<date>[^/|\u2022]{4,40}?)\s[/|\u2022]\s+(?P<rest>[A-Z].*)$")
_MID_BY = re.compile(r"\s(?P<cue>[Bb]y)\s*:?\s+(?P<rest>[A-Z].*)$")
# A verb's agent, not a byline: "followed by New York", "a school run by Elon Musk", "taken by
# a fan". The participles of writing and posting still introduce authors.
_PASSIVE_BY = re.compile(r"(?<![\w-])(?!(?:posted|published|written|reported|filed|authored|compiled|created|"
                         r"contributed|provided|updated)\b)(?:[a-z]+ed|taken|run|hit|won|worn|shown|seen|given|"
                         r"made|held|driven|known|beaten|caught|bought|sold|led|built|told|done) by$")
_CONTRIBUTED = re.compile(r"\bcontributed\b")
_REPORTING = re.compile(r"\b(?:additional )?reporting by (?P<names>[^;.\n]+)", re.IGNORECASE)
# Credits that are not authorship: editors, reviewers and fact-checkers, translators, photographers,
# producers, sponsors ("Medically reviewed by", "Fact-checked by", "Presented by").
_NOT_AUTHORS = re.compile(r"\b(?:editing|edited|compiled|graphics|photos?|photography|photographed|video|"
                          r"illustrations?|illustrated|design|designed|images?|reviewed|checked|translated|"
                          r"translation|produced|sponsored|presented|powered) by\b", re.IGNORECASE)
# Each pattern that may fail after a run of spaces or symbols starts only where the run starts
# (the look-behind): otherwise every position inside the run is retried, in quadratic time.
_SPLIT = re.compile(r"(?<!\s)\s*(?:,|;|\b(?:and|AND)\b|&|\u2022)\s*")
# A number ends a name ("Jane Doe 5 hours ago"), except a station's in its newsroom's ("KENS 5 Staff").
_STOP = re.compile(r"\s(?:\||/|-{1,2}|\u2014|\u2013)\s|\s\d(?!\d?\s+staff\b)|,\s*(?:updated|published|posted)\b|"
                   r"\s(?:in|from) [A-Z]|\sreporting (?:from|in)\b", re.IGNORECASE)
# "Ahmed Mohamed in Cairo and Maayan Lubell in Jerusalem": where each reporter filed from, followed
# by another name, is blanked out rather than taken as the end of the byline.
_FILED_FROM = re.compile(r"\s(?:in|from) [A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,3}(?=\s*(?:,|;|&|\band\b))")
# "By A and B with C": C wrote it with them, when a given name follows "with" (not "with UV Spectroscopy").
_WITH_NAME = re.compile(r"(?<=\S) with (?=([A-Z][\w'\u2019-]{1,20})\b)")
# The first part beyond the separator that ended the names: "| Reuters |", "- AP".
_SEPARATED = re.compile(r"(?<!\s)\s*(?:\||/|-{1,2}|\u2014|\u2013)\s*(?P<part>[A-Za-z][A-Za-z .'-]{0,40}?)"
                        r"\s*(?:$|[|/\u2014\u2013,])")
# A filing place as a header's first field: "Lusaka, Zambia", "New Delhi" (capitalised words, one comma).
_PLACE_FIELD = re.compile(r"[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}(?:, [A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2})?")
# "A, B, and C": the serial comma leaves "and C" as a piece of its own.
_LEADING_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)
# Contacts, "Follow ..." and, opening a piece, a further credit of the same kind ("Reporting by A;
# Additional reporting by B in X and C"; "Reported by A in Kyiv; written by B"; "By A, with reporting by
# B"): stripped from each name.
_STRIP = re.compile(r"(?<!\S)\S+@\S+|@\w+|\bfollow\b.*$|https?://\S+|"
                    r"^\s*(?:with )?(?:additional )?(?:reporting|reported|written|writing) by\s", re.IGNORECASE)
DATE_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}:\d\d|"
                        r"\b(?:published|updated|posted|last)\b", re.IGNORECASE)
CONTACT_LINE = re.compile(r"^\s*(?:@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
PHOTO = re.compile(r"\b(?:photo|image|credit|getty|illustration|shutterstock|courtesy|graphic)\b", re.IGNORECASE)
MAX_LINE = 160
SEARCH_LINES = 800


@dataclass(slots=True)
class BylineCandidate:
    name: str
    kind: str                  # "person" | "organization"
    start: int
    end: int
    line: int                  # index in doc.lines
    cue: str                   # "by", "author", "reporting", "by_mid", "none", ...
    tail: str                  # what follows the name on its line: "none", "date", "role", "words"
    role: str | None = None
    tail_words: int = 0        # how many words follow it on its line
    row: int = 0               # index in doc.content_lines (blank lines not counted)
    listed: bool = False       # one of a list of names joined by "and" ("A, B and C")
    # On a line that does not open with a name: "Her daughter, Ruth Ellison, said ...". Kept as a
    # candidate (the selector learns from such lines), never chosen.
    inside_sentence: bool = False


_PROSE_WORD = re.compile(r"\b[a-z]{3,}\b")


def _ends_dated(text: str) -> bool:
    """Text before a byline that is (or ends in) a date: "Dec 19, 2023", "Updated 5:13pm", "2023";
    not a sentence that goes on past its date ("The next race is on Oct. 12, followed")."""
    if text[-4:].isdigit():
        return True
    dates = list(DATE_WORDS.finditer(text))
    return bool(dates) and not _PROSE_WORD.search(text, dates[-1].end())



# John Roe", "Jane Doe in Kyiv", "Jane Doe reports from Kyiv" (and the German "bei", "im", "und").
_BYLINE_LOWER_WORDS = {"on", "and", "in", "is", "at", "for", "from", "with", "via", "by", "reports", "writes",
                       "reporting", "bei", "im", "und", "von", "y", "et", "e"}


def _runs_on_as_a_sentence(following: str) -> bool:
    """Whether the words after a name read as a sentence going on ("kills over 100 in Malawi")."""
    first = following.split(None, 1)[0] if following.strip() else ""
    return first.isalpha() and first.islower() and first not in _BYLINE_LOWER_WORDS


def _headline_subject(following: str) -> bool:
    """Whether the words after a name make it a headline's subject: the sentence goes on right
    after it, or after an apposition ("Margaret Ellison, longtime Bangor librarian, dies at 91")."""
    if _runs_on_as_a_sentence(following):
        return True
    parts = following.split(",")
    return (len(parts) >= 3 and not parts[0].strip() and _runs_on_as_a_sentence(parts[2])
            and not DATE_WORDS.match(parts[2].strip()))


def _affiliation(out: list[BylineCandidate], link: str) -> bool:
    """A newsroom right after a person and a comma is where the person works, not a second signer: "By
    Abigail Curtis, BDN Staff"."""
    return bool(out) and out[-1].kind == "person" and link.strip() == ","


def _tail(rest: str) -> str:
    rest = rest.strip(" -|,:/")
    if not rest:
        return "none"
    return "date" if DATE_WORDS.match(rest) or rest[:1].isdigit() else "words"


def _names_in(doc: Document, lexicon: Lexicon, text: str, offset: int, line: int,
              cue: str) -> list[BylineCandidate]:
    """Names in a byline's text (after its cue), each with its span: several separated by commas
    and "and", stopping at a date, a dash, a pipe or "in <Place>"."""
    text = _FILED_FROM.sub(lambda m: " " * len(m.group()), text)
    if cue != "none" and " with " in text:
        # A comma in its place (padded to the same length: the offsets hold) lists C beside A and B.
        text = _WITH_NAME.sub(lambda m: "," + " " * (len(m.group()) - 1) if m.group(1) in lexicon.first_names
                              else m.group(), text)
    stop = _STOP.search(text)
    body = text[:stop.start()] if stop else text
    after = text[stop.start():] if stop else ""
    signature = body.strip(" .,:-|()")
    desk = agency_named(signature) if " and " in signature.lower() else None
    if desk:   # "Staff and agencies": one signature, not two names
        start = offset + body.find(signature)
        return [BylineCandidate(desk, "organization", start, start + len(signature), line, cue, "none")]
    out = []
    position = 0
    # "A, B and C" with no cue: the names a list joins with "and" are one byline ("Javier Espinoza and
    # Patricia Nilsson, Financial Times"); `chain` holds the names read so far in a row.
    chain: list[BylineCandidate] = []
    chain_end = -1
    for number, piece in enumerate(_SPLIT.split(body)):
        at = body.find(piece, position) if piece else position
        link = body[position:at].lower()
        position = at + len(piece)
        if ";" in link or (chain and chain_end != number - 1):
            chain = []
        cleaned = _STRIP.sub("", piece).strip(" .,:-|()")
        cleaned = _LEADING_AND.sub("", cleaned)
        if not cleaned:
            continue
        start = offset + at + max(piece.find(cleaned), 0)
        agency = agency_named(cleaned)
        agency_text = cleaned
        if not agency and " " in cleaned:
            # "AP Pro Football Writer", "Associated Press Writer": the agency and a beat; "PTI ABC
            # DEF": the agency and its editors' initials. No person either way.
            words = cleaned.split(" ")
            for n in range(min(3, len(words) - 1), 0, -1):
                first, remainder = " ".join(words[:n]), " ".join(words[n:])
                leading = agency_named(first)
                if leading not in DESKS and (beat_role(remainder) == remainder.strip(",")
                                              or _INITIALS.fullmatch(remainder)):
                    agency, agency_text = leading, first
                    break
        if agency:
            out.append(BylineCandidate(agency, "organization", start, start + len(agency_text), line, cue, "none"))
            continue
        read = read_name(cleaned)
        if read is None:
            # "Globe Staff", "Metro Desk", "The Hindu Bureau": a short name, not a caption that ends in a
            # photo credit.
            if (cleaned.lower().endswith((" staff", " desk", " bureau")) and len(cleaned.split()) <= 4
                    and not PHOTO.search(cleaned) and "/" not in cleaned and not _affiliation(out, link)):
                # "By the Politics Desk": the desk's name, without the article.
                article = len(cleaned) - len(_LEADING_THE.sub("", cleaned))
                out.append(BylineCandidate(cleaned[article:], "organization", start + article, start + len(cleaned),
                                           line, cue, "none"))
            elif cue != "none" and not out and cleaned.lower() in _STAFF_BYLINES:
                # "By Staff Reporter" (alone: "By Jane Doe, Staff Writer" is her role): the newsroom signs.
                out.append(BylineCandidate("Staff", "organization", start, start + len(cleaned), line, cue, "none"))
            continue
        name, role, rest = read
        words = name.split()
        signing = None
        signed = agency_after(words, rest)
        if signed:
            # "By JAMIE STENGLE Associated Press", "By Jane Doe The Associated Press": the agency
            # that signs the byline, written after the name with no comma.
            agency, agency_text, words = signed
            name = " ".join(words)
            rest = rest.split(agency_text, 1)[-1]
            role = role or beat_role(rest)
            agency_at = piece.find(agency_text, piece.find(name) + len(name))
            if agency_at >= 0:
                agency_start = offset + at + agency_at
                signing = BylineCandidate(agency, "organization", agency_start, agency_start + len(agency_text),
                                          line, cue, "none")
        # The last of three or more words qualifies the role, it is not a surname: a common word
        # ("Adam Sennott Globe Staff", "Edward Keenan City Columnist"), or any word before a role in
        # lower case ("Oliver Holmes Jerusalem correspondent": the beat, a place or a desk).
        if role and len(words) >= 3 and (lexicon.case_ratio.get(words[-1].lower(), 1.0) < 0.7 or (
                role[:1].islower() and words[1] not in lexicon.first_names)):
            role = f"{words[-1]} {role}"
            name = " ".join(words[:-1])
        if role.lower() in _DESK_NOUNS:
            continue   # "City Hall Bureau", "Metro Team": a desk, not a person and its role
        if (out and link.strip() == "," and words[0] not in lexicon.first_names
                and lexicon.case_ratio.get(words[0].lower(), 1.0) < _BEAT_CASE
                and (role or _common_noun(lexicon, words[-1]))):
            # "By Priya Raman, City Hall Reporter", "By Amelia Chen, Marine Ecologist": her beat and
            # role, not a second person.
            continue
        if role.lower() == "staff" and not rest and signing is None:
            # "Al Jazeera Staff", "RNS Staff": a newsroom signs; a person on its staff is a "Staff Writer".
            if _affiliation(out, link):
                continue
            desk = f"{name} {role}"
            desk_start = offset + at + piece.find(desk) if desk in piece else start
            out.append(BylineCandidate(desk, "organization", desk_start, desk_start + len(desk), line, cue, "none"))
            continue
        name_start = offset + at + piece.find(name) if name in piece else start
        if signing is None and is_outlet(name.split(), lexicon):
            continue   # the paper the authors write for is no author, nor an agency crediting the copy
        tail = "role" if role else _tail(rest or after)
        line_text = doc.lines[line].text
        following = line_text[name_start + len(name) - doc.lines[line].start:]
        if role and following.lstrip(" ,").startswith(role):
            following = following.lstrip(" ,")[len(role):]   # what follows the role
        candidate = BylineCandidate(name, "person", name_start, name_start + len(name), line, cue, tail,
                                    role or None, len(following.split()))
        if following.startswith(":"):
            if cue == "none":
                continue  # "John Kerry: No troops ..." is a headline quoting him, not a byline
            candidate.tail = "colon"
        if cue == "none" and _headline_subject(following):
            continue  # "Cyclone Freddy kills over 100": a headline's subject, not a byline
        out.append(candidate)
        chain.append(candidate)
        chain_end = number
        if len(chain) > 1 and ("and" in link or "&" in link):
            for c in chain:
                c.listed = True
        if signing is not None:
            out.append(signing)
    # "By Jane Doe | Reuters", "By Jane Doe - AP": the agency beyond the separator signs too.
    # With no name before it, only a filing place may stand there: "New Delhi | PTI | Updated: ...".
    first = _SEPARATED.match(after)
    placed = not out and cue == "none" and _PLACE_FIELD.fullmatch(body.strip()) is not None
    agency = agency_named(first.group("part")) if (out or placed) and first else None
    if agency:
        part_start = offset + stop.start() + first.start("part")
        out.append(BylineCandidate(agency, "organization", part_start, part_start + len(first.group("part")),
                                   line, cue, "none"))
    return out


def _common_noun(lexicon: Lexicon, word: str) -> bool:
    """Whether news writes the word mostly in lower case, or only a dictionary knows it, in lower case."""
    lower = word.lower()
    ratio = lexicon.case_ratio.get(lower)
    return ratio < 0.5 if ratio is not None else lower in lexicon.dictionary_lower


# A header line's first field, before a bar, when the line goes on with more fields: "News24 | ".
_OUTLET_FIELD = re.compile(r"[A-Z][\w.&' -]{1,30}? \| (?=[A-Z][^|]{2,40}\|)")


def _a_person_by_given_name(c: BylineCandidate, lexicon: Lexicon) -> bool:
    """A person whose name opens with a given name: what a closing line must name to sign the story
    ("Contact Crime Stoppers at ..." signs nothing)."""
    return c.kind == "person" and c.name.split()[0] in lexicon.first_names


def _a_person_by_unknown_words(c: BylineCandidate, lexicon: Lexicon) -> bool:
    """A person's name of two or three words news never writes otherwise, given names the lexicon
    lacks among them: "— Jairo Bolledo, Rappler" signs; "— National Hurricane Center" does not."""
    words = c.name.split()
    return c.kind == "person" and 2 <= len(words) <= 3 and all(
        w.lower() not in lexicon.case_ratio and w.lower() not in lexicon.dictionary_lower for w in words)


def _signed_by_agency(found: list[BylineCandidate], start: int, end: int) -> bool:
    """Whether the line from `start` to `end` is only names and, last, an agency or a broadcaster that
    signs with them: "Jane Doe, Reuters", "Jane Doe and John Roe, CBS News", "Jane Doe (AFP)"."""
    people = [c for c in found if c.kind == "person"]
    return (len(found) >= 2 and found[-1].kind == "organization" and bool(people) and found[0].start == start
            and found[-1].end >= end and all(c.tail == "none" and not c.role for c in people))


def _cue_word(cue: str) -> str:
    """The cue's kind, as the selector knows it: "Story by" -> "story", "Contributors" -> "authors"."""
    word = cue.lower().split()[0]
    return _CUE_SAME_AS.get(word, word)


def _is_dateline(doc: Document, c: BylineCandidate, is_place: Callable[[str], bool]) -> bool:
    """A place opening a line, the date after it ("NEW DELHI, March 4, 2025 09:12 IST"), or alone on
    its line ("Panama City" / "Reuters" / "Published: 2023-08-30")."""
    if c.kind != "person" or c.cue != "none" or c.tail not in ("date", "none"):
        return False
    line, name = doc.lines[c.line].text.strip(), doc.text[c.start:c.end]
    return (line.startswith(name) if c.tail == "date" else line.rstrip(" ,.") == name) and is_place(c.name)


def byline_candidates(doc: Document, lexicon: Lexicon,
                      is_place: Callable[[str], bool] | None = None) -> list[BylineCandidate]:
    """Every name written where a byline could be, in text order. `is_place` says whether a name
    is a well-known place: one opening a line with a date after it ("NEW DELHI, March 4, 2025 09:12
    IST") or alone on its line is a dateline, not a byline. A press release is signed by no reporter:
    a name opening one of its lines is its headline's company ("Acme Robotics Raises $40 Million ...")
    or a contact, so only names with a cue ("By") are candidates there."""
    found = _candidates(doc, lexicon)
    dateline = doc.written_dateline
    if dateline is not None and dateline.press_release:
        found = [c for c in found if c.cue != "none"]
    return [c for c in found if not _is_dateline(doc, c, is_place)] if is_place is not None else found


# A reporter signing the story on its last line, after a dash: "— Marlon González, AP". Short lines only.
_SIGNED_CLOSE = re.compile(r"[-\u2014\u2013]{1,2} ?(?P<rest>[A-Z][^\n]{2,60})")


# A wire story's closing credit, alone on its last line: "— AFP", "(Reuters)", "-- The Associated
# Press", "With AFP", "SOURCE: Al Jazeera and news agencies" (the outlet, with the wires it drew on).
# An agency alone on a line between paragraphs is a page's stray label. Short lines only, so the
# pattern never scans a paragraph.
_CLOSING = re.compile(r"[(\[]?(?:source: ?)?(?:[-\u2014\u2013]{1,2} ?)?(?:with )?(?P<name>[A-Za-z][A-Za-z .'-]{1,40}?)"
                      r"(?: and (?:news )?agencies)?[)\].]?", re.IGNORECASE)
CLOSING_MAX = 50


def closing_credit(doc: Document) -> tuple[str, Span] | None:
    """The agency a closing credit names, and where its name is written."""
    if len(doc.content_lines) < 2:
        return None
    line = doc.lines[doc.content_lines[-1]]
    text = line.text.strip()
    m = _CLOSING.fullmatch(text) if len(text) <= CLOSING_MAX else None
    agency = agency_named(m.group("name")) if m else None
    if agency is None or agency in DESKS:
        return None
    start = line.start + line.text.index(text) + m.start("name")
    end = start + len(m.group("name"))
    return agency, Span(start, end, doc.text[start:end])


def _reporter_role_first(text: str, lexicon: Lexicon) -> tuple[str, str]:
    """The reporter's role that opens `text` before a name ("Science correspondent Pallab Ghosh",
    "Local Democracy Reporter Gavin Havery") and the text after it; ("", text) when none does, nor for a
    name before its role ("Jane Smith, Senior Reporter", "Dave Epstein Globe Correspondent, Updated ...")."""
    lead = beat_role(text)
    if (not lead or "," in lead or not text.startswith(lead) or lead.split()[-1].lower() not in _REPORTING_JOBS
            or lead.split()[0] in lexicon.first_names):
        return "", text
    named = text[len(lead):].lstrip(" :-")
    return (lead, named) if named[:1].isupper() else ("", text)


def _give_role(found: list[BylineCandidate], role: str) -> None:
    for c in found:
        if role and c.kind == "person" and not c.role:
            c.role, c.tail = role, "role"


def _signing_line(doc: Document) -> int:
    """The line a reporter signs the story on: its last, or the one before a last line that only
    dates it ("— Kelly Malone, The Canadian Press" over "Nov 20, 2026")."""
    lines = doc.content_lines
    if not lines:
        return -1
    last = doc.lines[lines[-1]].text.strip()
    if len(lines) > 2 and len(last) <= 40 and _ends_dated(last) and not _PROSE_WORD.search(last):
        return lines[-2]
    return lines[-1]


def _candidates(doc: Document, lexicon: Lexicon) -> list[BylineCandidate]:
    out: list[BylineCandidate] = []
    after_lone_by = in_by_block = after_contact_head = False
    previous = -1
    first_line = doc.content_lines[0] if doc.content_lines else -1
    signing_line = _signing_line(doc)
    comments = doc.comments_line
    for number in doc.content_lines[:SEARCH_LINES]:
        if comments is not None and number >= comments:
            break   # readers' comments: "Rajiv K · 21 Nov 2026, 10:02" is a commenter
        line = doc.lines[number]
        text = line.text
        stripped = text.strip()
        offset = line.start + len(text) - len(text.lstrip())   # where `stripped` starts
        last, previous = previous, number
        joined = _JOINED_NAMES.match(stripped)
        if joined and out and out[-1].line == last and out[-1].cue != "none" and len(stripped) <= 100:
            # "By Karen Smith / and Bob Jones": the byline goes on to the next line.
            found = _names_in(doc, lexicon, joined.group("rest"), offset + joined.start("rest"), number, out[-1].cue)
            for c in found:
                c.listed = True
            out += found
            continue
        contact = _CONTACT_HEAD.fullmatch(stripped) if len(stripped) <= MAX_LINE * 2 else None
        if contact or after_contact_head:
            rest, at = (contact.group("rest"), offset + contact.start("rest")) if contact else (text, line.start)
            after_contact_head = False
            if contact and contact.group("who").lower().startswith("editor"):
                continue
            entries = list(_CONTACT_ENTRY.finditer(rest))
            for entry in entries:
                out += _names_in(doc, lexicon, entry.group(), at + entry.start(), number, "by")
            after_contact_head = bool(contact) and not entries   # the reporters on the next line
            if contact or entries:
                continue
        if in_by_block and CONTACT_LINE.match(text):
            continue   # "By / April Roach / @aprilroach28 / Daniel O'Mahony": the block goes on
        if after_lone_by or in_by_block:
            # "By" alone on its line, the names on the next (a common template layout), and on the
            # lines after that while each holds only a name.
            first, after_lone_by, in_by_block = after_lone_by, False, False
            read = read_name(stripped) if not first else None
            if len(stripped) <= 100 and stripped[:1].isupper() and (first or (read and not read[2])):
                found = _names_in(doc, lexicon, stripped, offset, number, "by_line")
                out += found
                in_by_block = bool(found)
                continue
        if _LONE_BY.match(text):
            after_lone_by = True
            continue
        if len(text) > MAX_LINE:
            m = _REPORTING.search(text)
            if m:
                names = _NOT_AUTHORS.split(m.group("names"))[0]
                out += _names_in(doc, lexicon, names, line.start + m.start("names"), number, "reporting")
            continue
        signed = _SIGNED_CLOSE.fullmatch(stripped) if number == signing_line and number != first_line else None
        if signed:
            # The story's last line signs it: "— Marlon González, AP", "-- Jane Doe / Rappler".
            found = _names_in(doc, lexicon, signed.group("rest"), offset + signed.start("rest"), number, "by")
            if any(_a_person_by_given_name(c, lexicon) or _a_person_by_unknown_words(c, lexicon) for c in found):
                out += found
                continue
        m = _CUE.match(text)
        if m:
            if not _NOT_AUTHORS.match(text.strip()):   # "Edited by: Ravi Kumar" credits no author
                # "Reporting by A; Editing by B and C": the credits after the first editor are not
                # authors either.
                rest = _NOT_AUTHORS.split(m.group("rest"))[0]
                lead, named = _reporter_role_first(rest, lexicon)   # "By Local Democracy Reporter Gavin Havery"
                at = line.start + m.start("rest") + len(rest) - len(named)
                found = _names_in(doc, lexicon, named, at, number, _cue_word(m.group("cue")))
                _give_role(found, lead)
                if m.group("cue").lower().startswith(_SIGN_OFF_WORDS):   # "Contact Springfield Police at ..."
                    found = [c for c in found if _a_person_by_given_name(c, lexicon)]
                out += found
            continue
        m = _MID_BY.search(text)
        if m and len(text) <= 100 and not _NOT_AUTHORS.search(text) and not _PASSIVE_BY.search(text, 0, m.end("cue")):
            # What comes before "by" says what the line is: "Dec 19, 2023 by News Staff" is a byline,
            # "What would a school run by Elon Musk look like?" is not.
            before = text[:m.start()].strip()
            kind = "date" if _ends_dated(before) else (
                "short" if len(before.split()) <= 3 else "words")
            out += _names_in(doc, lexicon, m.group("rest"), line.start + m.start("rest"), number, f"by_mid_{kind}")
            continue
        # A short line that opens with a name: "Courtney Carr", "Echo Lawrence - January 24, 2020",
        # "Javier Espinoza and Patricia Nilsson, Financial Times - Dec 20, 2023".
        if len(stripped) > 100 or not stripped[:1].isupper() or stripped.endswith(("...", "\u2026")):
            continue   # long, lower case, or a teaser cut short ("Ira Khan-Nupur Shikhare, Aditi Rao ...")
        if _CONTRIBUTED.search(stripped):
            continue   # "Jane Doe and John Roe contributed to this report": helpers, not the authors
        m = _AFTER_DATE.match(stripped)
        if m and _ends_dated(m.group("date")):
            # The name after the date: "Aug 12, 2021 / Klaus Sieg". None there ("KYODO NEWS - Jan 20,
            # 2026 - 18:05 | World, All": a section), the name may open the line.
            found = _names_in(doc, lexicon, m.group("rest"), offset + m.start("rest"), number, "after_date")
            out += found
            if found:
                continue
        lead, named = _reporter_role_first(stripped, lexicon)
        if lead:
            # "Science correspondent Pallab Ghosh": a reporter's role first, the name after it and
            # nothing more. Credits ("Executive Editor Jane Doe", "Producer John Roe") are left out.
            read = read_name(named)
            if read and not read[1] and not read[2]:
                found = _names_in(doc, lexicon, named, offset + len(stripped) - len(named), number, "none")
                _give_role(found, lead)
                out += found
                continue
        found = _names_in(doc, lexicon, stripped, offset, number, "none")
        for c in found:
            c.inside_sentence = found[0].start != offset
        if _signed_by_agency(found, offset, offset + len(stripped.rstrip(" )"))):
            for c in found:   # "Jane Doe, Reuters", "Jane Doe (AFP)": the agency's credit is the cue
                c.cue = "by"
        outlet = _OUTLET_FIELD.match(stripped) if not found else None
        if outlet:
            # "News24 | Jenni Evans | Published 2026/08/04 10:30": the outlet's field first, the author's next.
            found = [c for c in _names_in(doc, lexicon, stripped[outlet.end():], offset + outlet.end(), number, "none")
                     if _a_person_by_given_name(c, lexicon)]
        out += found
    # Rows count the lines a reader sees as the byline block: a line that is only an author's
    # handle or e-mail ("By / April Roach / @aprilroach28 / Daniel O'Mahony") does not part two names.
    row_of, row = {}, 0
    for n in doc.content_lines[:SEARCH_LINES]:
        row_of[n] = row
        row += not CONTACT_LINE.match(doc.lines[n].text)
    for c in out:
        c.row = row_of[c.line]
    return out
