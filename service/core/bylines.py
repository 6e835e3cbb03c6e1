"""Bylines: who wrote the article.

Candidates are the person names a page writes where bylines go: after "By", "Written by",
"Author:", "Reporting by" (editors are not authors), and alone on a short line, as many
templates print the author above or beside the date ("Courtney Carr Published: December 20,
2023"). Roles ("Senior Reporter", "Staff Writer"), e-mail addresses, handles, "Follow" and
dates are stripped. Each candidate gets features (its cue, its line, whether its first word is
a given name, how near the date and the first paragraph it is, how often the page repeats
it, whether a role word sits beside it); a logistic regression trained on the date/author
development sets (``service.tools.train_meta``) decides which are the authors.

News agencies and desks (Associated Press, Reuters, AFP, Staff...) on a byline are reported
as organisations, not people.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable

from ..resources.lexicon import Lexicon
from ..resources.linear import LinearModel, softmax_scores
from .calendar_words import MONTH_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .company_words import COMPANY_FORMS
from .dates.select import first_prose_line
from .document import Document
from .types import Byline, Span

AGENCIES = {
    "associated press": "Associated Press", "the associated press": "Associated Press", "ap": "Associated Press",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg", "upi": "UPI",
    "united press international": "UPI",
    "pa": "PA Media", "pa media": "PA Media", "press association": "PA Media", "dpa": "dpa", "ani": "ANI",
    "pti": "PTI", "ians": "IANS", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA", "cnn": "CNN", "bbc": "BBC",
    "staff": "Staff", "staff reports": "Staff", "staff report": "Staff", "news desk": "News desk",
    "staff and agencies": "Staff", "from staff reports": "Staff",
    "bbc news": "BBC News", "cnn wire": "CNN", "wire services": "Wire services", "editorial board": "Editorial Board",
    "the canadian press": "The Canadian Press", "canadian press": "The Canadian Press", "aap": "AAP",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS", "news service": "News service", "wire": "Wire services",
    "press trust of india": "PTI", "asian news international": "ANI", "indo-asian news service": "IANS",
    "tnn": "TNN", "times news network": "TNN", "express news service": "Express News Service",
    "uni": "UNI", "united news of india": "UNI",
    "indo asian news service": "IANS", "australian associated press": "AAP", "kyodo news": "Kyodo",
    "yonhap news agency": "Yonhap", "xinhua news agency": "Xinhua", "anadolu agency": "Anadolu Agency",
    "anadolu": "Anadolu Agency", "jiji press": "Jiji Press", "deutsche presse-agentur": "dpa",
    "interfax": "Interfax", "ria novosti": "RIA Novosti", "agencia efe": "EFE", "pa wire": "PA Media",
    "agencies": "Agencies",
    # Broadcasters that sign their own pages: not a person named "Deutsche Welle".
    "deutsche welle": "DW", "dw": "DW", "al jazeera": "Al Jazeera", "voice of america": "VOA", "voa": "VOA",
    "sky news": "Sky News", "euronews": "Euronews", "npr": "NPR",
    "abc news": "ABC News", "cbs news": "CBS News", "nbc news": "NBC News", "cbc news": "CBC News",
}
ROLE_WORDS = {"reporter", "writer", "correspondent", "editor", "columnist", "contributor", "journalist",
              "producer", "analyst", "staff", "senior", "chief", "political", "correspondents", "associate",
              "deputy", "managing", "news", "photographer", "special", "investigative", "freelance", "digital",
              "global", "national", "foreign", "bureau", "host", "anchor", "director", "author", "editors",
              "contributing", "lead", "team", "desk", "business", "sports", "health", "science", "technology",
              "world", "affairs", "economics", "economy", "markets", "politics", "culture", "travel", "fellow",
              "executive", "assistant", "commerce", "intern", "guest", "opinion", "local", "weather", "features",
              "entertainment", "breaking", "social", "media", "video", "audio", "data", "visual", "copy",
              "content", "manager", "strategist", "specialist", "expert"}
# What `_agency` gives that signs no byline as an agency: nothing (None), or a newsroom's own desk.
_DESKS = {None, "Staff", "Wire services", "News service", "Editorial Board"}
_DESK_NOUNS = {"bureau", "desk", "team"}   # a role that is only one of these names a desk
_STAFF_BYLINES = {"staff reporter", "staff writer", "staff correspondent", "staff reporters", "staff writers"}
_INITIALS = re.compile(r"[A-Z]{2,4}(?: [A-Z]{2,4}){0,3}")
_REPORTING_JOBS = {"reporter", "writer", "correspondent"}
_JOB_NOUNS = {"reporter", "writer", "correspondent", "editor", "columnist", "critic", "photographer", "producer"}
# A capitalised word, its hyphenated second part capitalised or not ("Martin-Dupont", "Jong-soo"),
# a camel-case or Irish surname, initials, or a word in capitals (accented ones too: "MARÍA").
_NAME_WORD = re.compile(r"^(?:[A-Z\u00c0-\u00de][a-z'\u00df-\u017f]+(?:-[A-Za-z\u00c0-\u00de][a-z'\u00df-\u017f]+)?|"
                        r"[A-Z][a-z]{0,2}[A-Z][a-z]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z]|"
                        r"[A-Z][a-z]?['\u2019][A-Z][a-z]+(?:-[A-Z][a-z]+)?|"
                        r"[A-Z\u00c0-\u00de]{2,}(?:-[A-Z\u00c0-\u00de]{2,})?|"
                        # in capitals: "O'BRIEN", "D'ANGELO", "McGUIRK", "MacDONALD"
                        r"[A-Z]{1,2}['\u2019][A-Z]{2,}|Ma?c[A-Z]{2,})$")
_PARTICLES = {"de", "da", "van", "von", "der", "den", "del", "la", "le", "bin", "al", "el", "ibn", "du", "dos", "di",
              "ter", "st."}
# A surname that opens with a lower-case particle joined to it: "Nidal al-Mughrabi", "Abdel Fattah el-Sisi",
# "Valery Giscard d'Estaing". Taken only after a first name.
_JOINED_PARTICLE_NAME = re.compile(r"^(?:(?:al|el|ad|ar|as|ash|at|az|an|abu|bin|ibn|ben)-|d['\u2019])"
                                   r"[A-Z\u00c0-\u00de][a-z'\u00df-\u017f]+$")
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# A company's legal form: "Acme Robotics Inc." issued the release; no person is named. Here also
# short forms that places leave out, as a place's name may be followed by one ("Whyalla SA").
# Not "Co": Emily Co is a person.
_COMPANY_FORMS = COMPANY_FORMS | {"llp", "ag", "s.a", "n.v", "pty"}
# The last word of a newspaper's or magazine's name: "By MARIA GARCIA, Chicago Sun-Times" names the
# paper she writes for after her, not a second author (nor an agency that credits wire copy).
_OUTLET_WORDS = {"times", "post", "news", "journal", "tribune", "herald", "gazette", "chronicle", "telegraph",
                 "guardian", "independent", "observer", "mail", "express", "inquirer", "examiner", "globe", "courier",
                 "register", "sentinel", "bulletin", "dispatch", "enquirer", "standard", "today", "magazine",
                 "weekly", "daily", "press", "review", "citizen", "monitor", "insider", "ledger", "dealer",
                 "constitution", "democrat", "statesman", "mirror", "recorder"}
# Honorifics before a byline name are not part of it: "By Dr. Jane Smith" is Jane Smith.
_HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "rev", "revd", "sir", "dame"}
_CALENDAR_WORDS = MONTH_WORDS | frozenset(WEEKDAYS) | WEEKDAY_ABBREVIATIONS
# Month names that are also given names, and the surname Sun ("Sun Yu"), when a name follows them.
_GIVEN_CALENDAR_WORDS = {"april", "may", "june", "sun"}
_NOT_NAME = _CALENDAR_WORDS | {"published", "updated", "posted", "share", "follow", "the", "and",
             "in", "on", "at", "for", "of", "with", "by", "from", "min", "read", "views", "comments", "comment",
             "last", "courtesy", "photo", "photograph", "credit", "image", "images", "illustration"}
# Menu and button labels that read like two capitalised names: "Give Feedback", "Sign Up".
_UI_VERBS = {"give", "skip", "sign", "subscribe", "share", "join", "donate", "watch", "listen", "download",
             "explore", "discover", "shop", "send", "support", "contact", "manage", "view", "see", "more"}
# Wire copy closes with its credits in brackets: "(Reporting by A; Editing by B)".
_CUE = re.compile(r"^\s*\(?(?P<cue>(?:story |words |text |written |reporting |report |posted |article |photos? |"
                  r"video |compiled |edited |editing |additional reporting )?by|author|authors|writer|reporter|"
                  # "Story: Jane Doe", "Words: Jane Doe": with the colon only
                  r"(?:story|words|text)(?=\s*:)|"
                  # "Contributors: A, B"; CNN's live pages: "From CNN's Jane Doe"
                  r"contributors?|from [A-Z][A-Za-z]{1,15}['\u2019]s)"
                  r"\s*[:|-]?\s+(?P<rest>.+)$", re.IGNORECASE)
_CUE_SAME_AS = {"contributor": "author", "contributors": "authors", "from": "by"}
_LONE_BY = re.compile(r"^\s*(?:written |story |words )?by\s*:?\s*$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"^(?P<date>[^/|\u2022]{4,40}?)\s[/|\u2022]\s+(?P<rest>[A-Z].*)$")
_MID_BY = re.compile(r"\s(?P<cue>[Bb]y)\s*:?\s+(?P<rest>[A-Z].*)$")
_REPORTING = re.compile(r"\b(?:additional )?reporting by (?P<names>[^;.\n]+)", re.IGNORECASE)
# Credits that are not authorship: editors, reviewers and fact-checkers, translators, photographers,
# producers, sponsors ("Medically reviewed by", "Fact-checked by", "Presented by").
_NOT_AUTHORS = re.compile(r"\b(?:editing|edited|writing|compiled|graphics|photos?|photography|photographed|video|"
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
# The first part beyond the separator that ended the names: "| Reuters |", "- AP".
_SEPARATED = re.compile(r"(?<!\s)\s*(?:\||/|-{1,2}|\u2014|\u2013)\s*(?P<part>[A-Za-z][A-Za-z .'-]{0,40}?)"
                        r"\s*(?:$|[|/\u2014\u2013,])")
# "A, B, and C": the serial comma leaves "and C" as a piece of its own.
_LEADING_AND = re.compile(r"^(?:and|&)\s+", re.IGNORECASE)
_STRIP = re.compile(r"(?<!\S)\S+@\S+|@\w+|\bfollow\b.*$|https?://\S+", re.IGNORECASE)
_DATE_WORDS = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d{1,2}:\d\d|"
                         r"\b(?:published|updated|posted|last)\b", re.IGNORECASE)
_CONTACT_LINE = re.compile(r"^\s*(?:@\w+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*$")
_PHOTO = re.compile(r"\b(?:photo|image|credit|getty|illustration|shutterstock|courtesy|graphic)\b", re.IGNORECASE)
MAX_LINE = 160
SEARCH_LINES = 800


def name_key(name: str) -> str:
    """Comparison form of a name: no accents, case or periods."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace(".", " ")
    return " ".join(text.split())


_CAPS_MC = re.compile(r"^(Ma?c)([A-Z]{2,})$")   # "McGUIRK", "MacDONALD": capitals after the prefix


def _display(name: str) -> str:
    """ "JOHN SMITH" -> "John Smith", "JOHN O'BRIEN" -> "John O'Brien", "ROD McGUIRK" -> "Rod
    McGuirk", "MARY-KATE DOE" -> "Mary-Kate Doe"; mixed case stays as written."""
    words = name.split()
    if len(name) <= 3 or not all(w.isupper() or _CAPS_MC.match(w) for w in words):
        return name

    def word(w: str) -> str:
        mc = _CAPS_MC.match(w) or (w.startswith("MC") and len(w) > 4 and _CAPS_MC.match("Mc" + w[2:]))
        if mc:
            return mc.group(1) + mc.group(2).capitalize()
        if (len(w) <= 2 and not any(c in "AEIOUY" for c in w)) or w.lower() in ("ii", "iii", "iv"):
            return w   # initials ("JD"), "III"; "AL" and "ED" are names
        return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), w)   # each part: O'Brien, Mary-Kate
    return " ".join(word(w) for w in words)


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


def _given_name_first(words: list[str], k: int) -> bool:
    """Whether words[k], a month name that is also a given name, opens a person's name: written
    plainly and followed by a name word that is no date ("April Ryan", not "May 5" or "Sun Mar 3")."""
    if words[k] != words[k].rstrip(".,") or k + 1 >= len(words):
        return False
    following = words[k + 1].rstrip(",;:|")
    return bool(_NAME_WORD.match(following)) and following.lower().rstrip(".") not in _CALENDAR_WORDS


def read_name(text: str) -> tuple[str, str, str] | None:
    """The person name that opens `text`, the role words after it, and the rest:
    "Jane Doe Senior Writer Dec 5" -> ("Jane Doe", "Senior Writer", "Dec 5")."""
    words = text.split()
    name: list[str] = []
    k = 0
    while k + 2 < len(words) and words[k].lower().rstrip(".") in _HONORIFICS:
        k += 1
    while k < len(words) and len(name) < 5:
        w = words[k].rstrip(",;:|")
        lower = w.lower()
        if lower in _GIVEN_CALENDAR_WORDS and not name and _given_name_first(words, k):
            pass  # "April Ryan", "June Carter", "Sun Yu": a given name, not a date
        elif lower in _NOT_NAME or lower.strip(".") in ROLE_WORDS or (not name and lower in _UI_VERBS):
            break
        if name and w.isupper() and len(w) > 1 and "." not in w and not name[-1].isupper() and lower not in _SUFFIXES:
            break  # "Kayla Jimenez USA TODAY": the outlet, in capitals, after a name in mixed case
        if lower.endswith(("'s", "\u2019s")):
            break  # "a statement by Jordan's Public Security Directorate": a possessive names no one
        if (not name and len(w) >= 3 and w.isupper() and "." not in w and k + 1 < len(words)
                and not words[k + 1].isupper() and not _CAPS_MC.match(words[k + 1].rstrip(",;:|"))):
            return None  # "CTV Saskatoon", "WRAL Raleigh": a station's call sign, not a given name
        if len(name) >= 2 and w.isupper() and lower in AGENCIES:
            break  # "SCHUYLER DIXON AP Pro Football Writer": the agency and its writer's beat follow
        if _NAME_WORD.match(w) or (name and lower in _PARTICLES and k + 1 < len(words)) or (
                name and (lower in _SUFFIXES or _JOINED_PARTICLE_NAME.match(w))):
            name.append(w)
            k += 1
            if w != words[k - 1]:
                break  # the word carried a comma: the name ends there
        else:
            break
    while name and (name[-1].lower() in _PARTICLES):
        name.pop()
    if len(name) < 2 or len(name) > 4 or name[-1].lower().rstrip(".,") in _COMPANY_FORMS or (
            k < len(words) and words[k].lower().rstrip(".,") in _COMPANY_FORMS):
        return None
    role, role_start = [], k
    while k < len(words) and words[k].lower().strip(".,") in ROLE_WORDS:
        role.append(words[k].strip(","))
        k += 1
    if role and role[-1].lower() == "special" and k < len(words) and words[k] == "to":
        # "Jane Doe Special to the Times": a freelance's role, the outlet it names and all.
        end = k + 1 + (k + 1 < len(words) and words[k + 1].lower() == "the")
        while end < len(words) and words[end][:1].isupper() and words[end].lower().strip(".,") not in _NOT_NAME:
            end += 1
        role, k = words[role_start:end], end
    return " ".join(name), " ".join(role), " ".join(words[k:])


def _is_outlet(words: list[str], lexicon: Lexicon) -> bool:
    """"Chicago Sun-Times", "Dallas Morning News": a publication's name, not a person's ("Emily Post"
    opens with a given name)."""
    return words[-1].lower().rsplit("-", 1)[-1] in _OUTLET_WORDS and words[0] not in lexicon.first_names


def _ends_dated(text: str) -> bool:
    """Text before a byline that is (or ends in) a date: "Dec 19, 2023", "Updated 5:13pm", "2023"."""
    return bool(_DATE_WORDS.search(text)) or text[-4:].isdigit()


def _beat_role(text: str) -> str:
    """The role that opens `text` when its last word names a job: "Pro Football Writer" (what
    follows "AP" in "By SCHUYLER DIXON AP Pro Football Writer"); else ""."""
    words = text.split()[:5]
    for k, w in enumerate(words):
        if w.lower().strip(".,") in _JOB_NOUNS:
            return " ".join(words[:k + 1]).strip(",")
        if not w[:1].isupper():
            break
    return ""


def _agency(text: str) -> str | None:
    lower = text.lower()
    return AGENCIES.get(lower) or AGENCIES.get(lower.removeprefix("the "))


def _agency_after(words: list[str], rest: str) -> tuple[str, str, list[str]] | None:
    """(agency, its text, the name's words without it) when an agency ends the name ("Jamie
    Stengle Associated Press") or opens what follows it ("The Associated Press"); the name
    keeps at least two words, so "Michael Bloomberg" stays a person."""
    for k in range(2, len(words)):
        tail = " ".join(words[k:])
        agency = _agency(tail)
        if agency not in _DESKS:
            return agency, tail, words[:k]
    rest_words = rest.split()
    for n in (3, 2, 1):
        head = " ".join(rest_words[:n]).rstrip(".,;").removeprefix("(").removesuffix(")")   # "(Reuters)"
        agency = _agency(head) if len(rest_words) >= n else None
        if agency and len(words) >= 2:
            return agency, head, words
    return None


# What a byline's name may be followed by in lower case: "Jane Doe on January 5", "Jane Doe and
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
            and not _DATE_WORDS.match(parts[2].strip()))


def _tail(rest: str) -> str:
    rest = rest.strip(" -|,:/")
    if not rest:
        return "none"
    return "date" if _DATE_WORDS.match(rest) or rest[:1].isdigit() else "words"


def _names_in(doc: Document, lexicon: Lexicon, text: str, offset: int, line: int,
              cue: str) -> list[BylineCandidate]:
    """Names in a byline's text (after its cue), each with its span: several separated by commas
    and "and", stopping at a date, a dash, a pipe or "in <Place>"."""
    text = _FILED_FROM.sub(lambda m: " " * len(m.group()), text)
    stop = _STOP.search(text)
    body = text[:stop.start()] if stop else text
    after = text[stop.start():] if stop else ""
    signature = body.strip(" .,:-|()")
    desk = _agency(signature) if " and " in signature.lower() else None
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
        agency = _agency(cleaned)
        agency_text = cleaned
        if not agency and " " in cleaned:
            # "AP Pro Football Writer", "Associated Press Writer": the agency and a beat; "PTI ABC
            # DEF": the agency and its editors' initials. No person either way.
            words = cleaned.split(" ")
            for n in range(min(3, len(words) - 1), 0, -1):
                first, remainder = " ".join(words[:n]), " ".join(words[n:])
                leading = _agency(first)
                if leading not in _DESKS and (_beat_role(remainder) == remainder.strip(",")
                                              or _INITIALS.fullmatch(remainder)):
                    agency, agency_text = leading, first
                    break
        if agency:
            out.append(BylineCandidate(agency, "organization", start, start + len(agency_text), line, cue, "none"))
            continue
        read = read_name(cleaned)
        if read is None:
            # "Globe Staff", "Metro Desk": a short name, not a caption that ends in a photo credit.
            if (cleaned.lower().endswith((" staff", " desk")) and len(cleaned.split()) <= 4
                    and not _PHOTO.search(cleaned) and "/" not in cleaned):
                out.append(BylineCandidate(cleaned, "organization", start, start + len(cleaned), line, cue, "none"))
            elif cue != "none" and not out and cleaned.lower() in _STAFF_BYLINES:
                # "By Staff Reporter" (alone: "By Jane Doe, Staff Writer" is her role): the newsroom signs.
                out.append(BylineCandidate("Staff", "organization", start, start + len(cleaned), line, cue, "none"))
            continue
        name, role, rest = read
        words = name.split()
        signing = None
        signed = _agency_after(words, rest)
        if signed:
            # "By JAMIE STENGLE Associated Press", "By Jane Doe The Associated Press": the agency
            # that signs the byline, written after the name with no comma.
            agency, agency_text, words = signed
            name = " ".join(words)
            rest = rest.split(agency_text, 1)[-1]
            role = role or _beat_role(rest)
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
        if role.lower() == "staff" and not rest and signing is None:
            # "Al Jazeera Staff", "RNS Staff": a newsroom signs; a person on its staff is a "Staff Writer".
            desk = f"{name} {role}"
            desk_start = offset + at + piece.find(desk) if desk in piece else start
            out.append(BylineCandidate(desk, "organization", desk_start, desk_start + len(desk), line, cue, "none"))
            continue
        name_start = offset + at + piece.find(name) if name in piece else start
        if signing is None and _is_outlet(name.split(), lexicon):
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
    first = _SEPARATED.match(after)
    agency = _agency(first.group("part")) if out and first else None
    if agency:
        part_start = offset + stop.start() + first.start("part")
        out.append(BylineCandidate(agency, "organization", part_start, part_start + len(first.group("part")),
                                   line, cue, "none"))
    return out


def _cue_word(cue: str) -> str:
    """The cue's kind, as the selector knows it: "Story by" -> "story", "Contributors" -> "authors"."""
    word = cue.lower().split()[0]
    return _CUE_SAME_AS.get(word, word)


def _is_dateline(doc: Document, c: BylineCandidate, is_place: Callable[[str], bool]) -> bool:
    """A place opening a line, the date after it: "NEW DELHI, March 4, 2025 09:12 IST"."""
    return (c.kind == "person" and c.cue == "none" and c.tail == "date"
            and doc.lines[c.line].text.lstrip().startswith(doc.text[c.start:c.end]) and is_place(c.name))


def byline_candidates(doc: Document, lexicon: Lexicon,
                      is_place: Callable[[str], bool] | None = None) -> list[BylineCandidate]:
    """Every name written where a byline could be, in text order. `is_place` says whether a name
    is a well-known place: one opening a line with a date after it is a dateline ("NEW DELHI,
    March 4, 2025 09:12 IST"), not a byline. A press release is signed by no reporter: a name
    opening one of its lines is its headline's company ("Acme Robotics Raises $40 Million ...") or
    a contact, so only names with a cue ("By") are candidates there."""
    found = _candidates(doc, lexicon)
    dateline = doc.written_dateline
    if dateline is not None and dateline.press_release:
        found = [c for c in found if c.cue != "none"]
    return [c for c in found if not _is_dateline(doc, c, is_place)] if is_place is not None else found


def _candidates(doc: Document, lexicon: Lexicon) -> list[BylineCandidate]:
    out: list[BylineCandidate] = []
    after_lone_by = in_by_block = False
    for number in doc.content_lines[:SEARCH_LINES]:
        line = doc.lines[number]
        text = line.text
        stripped = text.strip()
        offset = line.start + len(text) - len(text.lstrip())   # where `stripped` starts
        if in_by_block and _CONTACT_LINE.match(text):
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
        m = _CUE.match(text)
        if m:
            if not _NOT_AUTHORS.match(text.strip()):   # "Edited by: Ravi Kumar" credits no author
                # "Reporting by A; Editing by B and C": the credits after the first editor are not
                # authors either.
                rest = _NOT_AUTHORS.split(m.group("rest"))[0]
                out += _names_in(doc, lexicon, rest, line.start + m.start("rest"), number,
                                 _cue_word(m.group("cue")))
            continue
        m = _MID_BY.search(text)
        if m and len(text) <= 100 and not _NOT_AUTHORS.search(text):
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
        m = _AFTER_DATE.match(stripped)
        if m and _ends_dated(m.group("date")):
            # The name after the date: "Aug 12, 2021 / Klaus Sieg".
            out += _names_in(doc, lexicon, m.group("rest"), offset + m.start("rest"), number, "after_date")
            continue
        lead = _beat_role(stripped)
        if lead and stripped.startswith(lead) and lead.split()[-1].lower() in _REPORTING_JOBS:
            # "Science correspondent Pallab Ghosh": a reporter's role first, the name after it and
            # nothing more. Credits ("Executive Editor Jane Doe", "Producer John Roe") are left out.
            named = stripped[len(lead):].lstrip(" ,:-")
            read = read_name(named)
            if read and not read[1] and not read[2]:
                found = _names_in(doc, lexicon, named, offset + len(stripped) - len(named), number, "none")
                for c in found:
                    if c.kind == "person" and not c.role:
                        c.role, c.tail = lead, "role"
                out += found
                continue
        out += _names_in(doc, lexicon, stripped, offset, number, "none")
    # Rows count the lines a reader sees as the byline block: a line that is only an author's
    # handle or e-mail ("By / April Roach / @aprilroach28 / Daniel O'Mahony") does not part two names.
    row_of, row = {}, 0
    for n in doc.content_lines[:SEARCH_LINES]:
        row_of[n] = row
        row += not _CONTACT_LINE.match(doc.lines[n].text)
    for c in out:
        c.row = row_of[c.line]
    return out


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return str(edge)
    return f">{edges[-1]}"


def byline_features(doc: Document, candidates: list[BylineCandidate], lexicon: Lexicon,
                    date_line: int | None = None) -> list[list[str]]:
    content = doc.content_lines
    position = {n: k for k, n in enumerate(content)}
    prose = first_prose_line(doc)
    keys = [name_key(c.name) for c in candidates]
    text_lower = doc.norm.lower()
    # The article's prose: a name it talks about is its subject, not its author.
    prose_text = " ".join(doc.lines[n].text for n in content if len(doc.lines[n].text) >= 200).lower()
    date_pos = position.get(date_line) if date_line is not None else None
    by_seen = 0
    # Rank of each person candidate by its distance (in lines) to the publication date.
    near_rank = [0] * len(candidates)
    if date_pos is not None:
        distances = sorted({abs(position.get(c.line, 0) - date_pos) for c in candidates if c.kind == "person"})
        rank_of = {d: r for r, d in enumerate(distances)}
        near_rank = [rank_of.get(abs(position.get(c.line, 0) - date_pos), 9) for c in candidates]
    out = []
    for i, c in enumerate(candidates):
        k = position.get(c.line, 0)
        line = doc.lines[c.line].text
        words = c.name.split()
        first, last = words[0], words[-1]
        para = "none" if prose is None else _bucket(k - prose, (-20, -8, -4, -2, 0, 3, 20))
        f = [f"cue:{c.cue}", f"kind:{c.kind}", f"words:{min(len(words), 4)}", f"rank:{min(i, 4)}",
             f"tail_words:{_bucket(c.tail_words, (0, 3, 6))}",
             f"len:{_bucket(len(line.strip()), (20, 35, 60, 100))}", f"para:{para}",
             f"tail:{c.tail}", f"cue&tail:{c.cue}|{c.tail}", f"cue&para:{c.cue}|{para}"]
        if c.cue.startswith("by"):
            f.append(f"by_rank:{min(by_seen, 3)}")
            by_seen += 1
        if first in lexicon.first_names:
            f.append("given_name")
        if k == 0:
            f.append("first_line")
        if first.rstrip(".").isupper() and len(first.rstrip(".")) <= 2:
            f.append("initial")
        if c.name.isupper():
            f.append("all_caps")
        ratio = max(lexicon.case_ratio.get(w.lower(), 1.0) for w in words)
        common = min(lexicon.case_ratio.get(w.lower(), 1.0) for w in words)
        f.append(f"common:{_bucket(int(10 * common), (2, 5, 8))}")
        f.append(f"proper:{_bucket(int(10 * ratio), (2, 5, 8))}")
        if c.role:
            f.append("role")
        nearby = " ".join(doc.lines[content[j]].text.lower() for j in (k - 1, k + 1) if 0 <= j < len(content))
        if any(w in ROLE_WORDS for w in re.findall(r"[a-z]+", nearby)):
            f.append("role_near")
        if _DATE_WORDS.search(line):
            f.append("date_on_line")
        if date_pos is not None:
            f.append(f"to_date:{_bucket(abs(k - date_pos), (0, 1, 2, 4, 8))}")
            f.append(f"nearest_to_date:{min(near_rank[i], 2)}")
        if _PHOTO.search(line):
            f.append("photo_line")
        surname = last.lower()
        in_prose = prose_text.count(surname) if len(surname) > 2 else 0
        bio = re.search(re.escape(c.name.lower()) + r"(?: is| was| has|,) (?:a |an |the )?(?:[a-z-]+ ){0,3}"
                        r"(?:reporter|writer|correspondent|editor|journalist|columnist|contributor|author)",
                        text_lower)
        f.append(f"in_prose:{min(in_prose, 3)}")
        if bio:
            f.append("bio")
        repeats = text_lower.count(c.name.lower())
        f.append(f"repeat:{min(repeats, 4)}")
        if keys.count(keys[i]) > 1:
            f.append("candidate_again")
        f.append(f"pos:{_bucket(int(10 * c.start / max(len(doc.text), 1)), (0, 1, 3, 6))}")
        out.append(f)
    return out


CLUSTER_LINES = 1
BYLINE_ROWS = 20   # how far apart a header's repeated byline can be (lists of other stories run further)
NIL = ["nil"]


def select_bylines(candidates: list[BylineCandidate], features: list[list[str]], model: LinearModel,
                   ratio: float) -> tuple[list[int], float]:
    """Indexes of the chosen person candidates and the probability of that choice.

    The model is a conditional logit over the page's candidates and a "nobody" option. The most
    probable candidate anchors the byline; co-authors join it only from its line or the next
    ones (sidebars of other stories, captions and bios elsewhere do not) and only when they are
    at least ``ratio`` as probable as the anchor."""
    people = [k for k, c in enumerate(candidates) if c.kind == "person"]
    if not people:
        return [], 0.0
    probabilities = softmax_scores(model, [features[k] for k in people] + [NIL])
    nobody = probabilities[-1]
    p = dict(zip(people, probabilities))
    anchor = max(people, key=lambda k: (p[k], -k))
    if p[anchor] <= nobody:
        return [], nobody
    row = candidates[anchor].row
    # Names on a byline that names the anchor ("By A, B and C", here or repeated elsewhere on the
    # page) are its co-authors; from the next lines (blank ones not counted) they must also be
    # probable enough.
    anchor_key = name_key(candidates[anchor].name)
    bylines = {candidates[k].line for k in people if name_key(candidates[k].name) == anchor_key
               and (k == anchor or (candidates[k].cue != "none" and abs(candidates[k].row - row) <= BYLINE_ROWS))}
    # Names on consecutive lines under one lone "By" are one byline too, as are consecutive "By"
    # lines ("By Madison Czopek December 21, 2023" / "By Katie Sanders December 21, 2023").
    block = candidates[anchor].cue in ("by_line", "by")
    # "Tom Ambrose and Léonie Chao-Fong" with no "By": the anchor's co-authors.
    listed = candidates[anchor].listed
    chosen = sorted(k for k in people if k == anchor
                    or (candidates[k].line in bylines and candidates[k].cue != "none")
                    or (listed and candidates[k].listed and candidates[k].line == candidates[anchor].line)
                    or (abs(candidates[k].row - row) <= CLUSTER_LINES
                        and (p[k] >= ratio * p[anchor] or (block and candidates[k].cue == candidates[anchor].cue))))
    return chosen, sum(p[k] for k in chosen)


def extract_bylines(doc: Document, lexicon: Lexicon, model: LinearModel,
                    date_line: int | None = None,
                    is_place: Callable[[str], bool] | None = None) -> list[Byline]:
    """The authors, in the order the page gives them; [] when it names none. `is_place` says
    whether a name is a well-known place ("NEW DELHI, March 4, 2025" is a dateline, not a byline)."""
    bylines = _signed_bylines(doc, lexicon, model, date_line, is_place)
    # Wire copy names its agency in the dateline ("JAKARTA, Indonesia (AP) —"), often its only credit.
    dateline = doc.written_dateline
    agency = _agency(dateline.agency.text) if dateline is not None and dateline.agency is not None else None
    if agency not in _DESKS and not any(b.kind == "organization" for b in bylines):
        bylines.append(Byline(agency, "organization", 0.9, dateline.agency))
    return bylines


def _alone_beside_date(doc: Document, c: BylineCandidate, date_line: int | None) -> bool:
    """An agency alone on a line near the date ("Reuters" over "Updated: Jan 14, 2025"), or opening
    the date's own line ("TNN | Mar 5, 2025, 10.45 AM IST", "TNN / Updated: Nov 19, 2026, 08:27 IST")."""
    if date_line is None or abs(c.line - date_line) > 4:
        return False
    line, name = doc.lines[c.line].text.strip(" ."), doc.text[c.start:c.end]
    if line == name:
        return True
    separator = line[len(name):].lstrip()[:1] if line.startswith(name) else ""
    return c.line == date_line and separator != "" and separator in "|/-,\u2022"


HEADER_ROWS = 3   # the lines under a headline where a credit stands ("Headline" / "The Associated Press")


def _alone_under_headline(doc: Document, c: BylineCandidate) -> bool:
    """An agency alone on one of the first lines under the headline, the story's only credit: above
    the body (the lines between are a standfirst, not sentences ending in a full stop)."""
    line = doc.lines[c.line].text.strip(" .")
    if not 1 <= c.row <= HEADER_ROWS or line.removeprefix("The ").removeprefix("the ") != c.name:
        return False
    above = [n for n in doc.content_lines[1:] if n < c.line]
    return not any(doc.lines[n].text.rstrip().endswith((".", "!", "?", '."')) for n in above)


def _signed_bylines(doc: Document, lexicon: Lexicon, model: LinearModel, date_line: int | None,
                    is_place: Callable[[str], bool] | None = None) -> list[Byline]:
    """The people, and the agencies signing with them, that the page's byline candidates name."""
    candidates = byline_candidates(doc, lexicon, is_place)
    if not candidates:
        return []
    features = byline_features(doc, candidates, lexicon, date_line)
    people, confidence = select_bylines(candidates, features, model, model.threshold)
    # An agency counts when it signs the byline: beside the authors, on the line under them
    # ("By JANE SMITH" / "Associated Press"), or on an explicit "By" line.
    signing = ("by", "reporting", "author", "written", "story")
    # "By Chicago Tribune staff": the newsroom signs the page, and a name alone on a line further down
    # (a section's heading: "John Mulaney" over his show's dates) is no author.
    desk_row = min((c.row for c in candidates if c.kind == "organization" and c.cue in signing), default=None)
    if desk_row is not None and all(candidates[k].cue == "none" and candidates[k].row > desk_row + 1
                                    for k in people):
        people = []
    lines = {candidates[k].line for k in people}
    under = {candidates[k].row + 1 for k in people}
    # With no author, an agency alone on a line beside the date signs too ("Updated: Jan 14, 2025" /
    # "Reuters").
    agencies = [k for k, c in enumerate(candidates) if c.kind == "organization"
                and (c.line in lines or (c.cue == "none" and c.row in under) or (not people and c.cue in signing)
                     or (not people and c.cue == "none" and (_alone_beside_date(doc, c, date_line)
                                                             or _alone_under_headline(doc, c))))
                ][:1 if not people else None]
    chosen: dict[str, Byline] = {}
    for k in sorted(people + agencies):
        c = candidates[k]
        key = name_key(c.name)
        if key not in chosen:
            chosen[key] = Byline(_display(c.name), c.kind, round(confidence if c.kind == "person" else 0.9, 2),
                                 Span(c.start, c.end, doc.text[c.start:c.end]), c.role)
    return list(chosen.values())
