"""Reading a byline's words: a person's name and the role after it, a news agency or desk,
a publication's name."""

from __future__ import annotations

import re
import unicodedata

from ...resources.lexicon import Lexicon
from ..calendar_words import MONTH_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from ..company_words import COMPANY_FORMS

AGENCIES = {
    "associated press": "Associated Press", "the associated press": "Associated Press", "ap": "Associated Press",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg", "upi": "UPI",
    "united press international": "UPI",
    "pa": "PA Media", "pa media": "PA Media", "press association": "PA Media", "dpa": "dpa", "ani": "ANI",
    "pti": "PTI", "ians": "IANS", "xinhua": "Xinhua", "efe": "EFE", "ansa": "ANSA",
    "staff": "Staff", "staff reports": "Staff", "staff report": "Staff", "news desk": "News desk",
    "staff and agencies": "Staff", "from staff reports": "Staff",
    "cnn wire": "CNN", "wire services": "Wire services", "editorial board": "Editorial Board",
    "the canadian press": "The Canadian Press", "canadian press": "The Canadian Press", "cp": "The Canadian Press",
    "aap": "AAP",
    "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS", "news service": "News service", "wire": "Wire services",
    "press trust of india": "PTI", "asian news international": "ANI", "indo-asian news service": "IANS",
    "tnn": "TNN", "times news network": "TNN", "express news service": "Express News Service",
    "the hindu bureau": "The Hindu Bureau", "et bureau": "ET Bureau",
    "uni": "UNI", "united news of india": "UNI",
    "indo asian news service": "IANS", "australian associated press": "AAP", "kyodo news": "Kyodo",
    "yonhap news agency": "Yonhap", "xinhua news agency": "Xinhua", "anadolu agency": "Anadolu Agency",
    "anadolu": "Anadolu Agency", "jiji press": "Jiji Press", "deutsche presse-agentur": "dpa",
    "interfax": "Interfax", "ria novosti": "RIA Novosti", "agencia efe": "EFE", "pa wire": "PA Media",
    "agencies": "Agencies",
    # Syndication services that local papers and stations run under their own name.
    "nexstar media wire": "Nexstar Media Wire", "tribune news service": "Tribune News Service",
    "cnn newsource": "CNN Newsource", "kff health news": "KFF Health News",
    # The BBC-funded service whose reporters write council news for British local papers.
    "local democracy reporting service": "Local Democracy Reporting Service",
    "ldrs": "Local Democracy Reporting Service",
}
# Broadcasters that sign their own pages: not a person named "Deutsche Welle". Beside a reporter's name
# ("By Sarah Collins" / "BBC News, Leeds") one is the reporter's employer, as a newspaper's name would be,
# not a wire crediting its copy.
BROADCASTERS = {
    "bbc": "BBC", "bbc news": "BBC News", "cnn": "CNN",
    "deutsche welle": "DW", "dw": "DW", "al jazeera": "Al Jazeera", "voice of america": "VOA", "voa": "VOA",
    "sky news": "Sky News", "euronews": "Euronews", "npr": "NPR",
    "abc news": "ABC News", "cbs news": "CBS News", "nbc news": "NBC News", "cbc news": "CBC News",
    "fox news": "Fox News", "fox business": "Fox Business", "cnbc": "CNBC", "msnbc": "MSNBC",
    "itv news": "ITV News", "france 24": "France 24",
}
AGENCIES.update(BROADCASTERS)
ROLE_WORDS = {"reporter", "writer", "correspondent", "editor", "columnist", "contributor", "journalist",
              "producer", "analyst", "staff", "senior", "chief", "political", "correspondents", "associate",
              "deputy", "managing", "news", "photographer", "special", "investigative", "freelance", "digital",
              "global", "national", "foreign", "bureau", "host", "anchor", "director", "author", "editors",
              "contributing", "lead", "team", "desk", "business", "sports", "health", "science", "technology",
              "world", "affairs", "economics", "economy", "markets", "politics", "culture", "travel", "fellow",
              "executive", "assistant", "commerce", "intern", "guest", "opinion", "local", "weather", "features",
              "entertainment", "breaking", "social", "media", "video", "audio", "data", "visual", "copy",
              "content", "manager", "strategist", "specialist", "expert"}
# What `agency_named` gives that signs no byline as an agency: nothing (None), or a newsroom's own desk.
DESKS = {None, "Staff", "Wire services", "News service", "Editorial Board"}
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
# Outlet words no one has for a surname: after a given name too, the words name a paper ("Irish Examiner":
# "Irish" is a given name as well).
_OUTLET_ONLY_WORDS = frozenset({"times", "journal", "tribune", "gazette", "chronicle", "telegraph", "inquirer",
                                "examiner", "enquirer", "sentinel", "bulletin", "constitution", "statesman"})
# Honorifics before a byline name are not part of it: "By Dr. Jane Smith" is Jane Smith.
_HONORIFICS = {"dr", "prof", "professor", "mr", "mrs", "ms", "mx", "rev", "revd", "sir", "dame"}
_CALENDAR_WORDS = MONTH_WORDS | frozenset(WEEKDAYS) | WEEKDAY_ABBREVIATIONS
# Month names and abbreviations that are also given names ("Jan Lopatka", "Jun Li"), and the surname Sun
# ("Sun Yu"), when a name follows them.
_GIVEN_CALENDAR_WORDS = {"april", "may", "june", "jan", "jun", "sun"}
_NOT_NAME = _CALENDAR_WORDS | {"published", "updated", "posted", "share", "follow", "the", "and",
             "in", "on", "at", "for", "of", "with", "by", "from", "min", "read", "views", "comments", "comment",
             "last", "courtesy", "photo", "photograph", "credit", "image", "images", "illustration"}
# Menu and button labels that read like two capitalised names: "Give Feedback", "Sign Up".
_UI_VERBS = {"give", "skip", "sign", "subscribe", "share", "join", "donate", "watch", "listen", "download",
             "explore", "discover", "shop", "send", "support", "contact", "manage", "view", "see", "more"}


def name_key(name: str) -> str:
    """Comparison form of a name: no accents, case or periods."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace(".", " ")
    return " ".join(text.split())


_CAPS_MC = re.compile(r"^(Ma?c)([A-Z]{2,})$")   # "McGUIRK", "MacDONALD": capitals after the prefix


def display_name(name: str) -> str:
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



def _given_name_first(words: list[str], k: int) -> bool:
    """Whether words[k], a month name that is also a given name, opens a person's name: written
    plainly and followed by a name word that is no date ("April Ryan", not "May 5" or "Sun Mar 3")."""
    if words[k] != words[k].rstrip(".,") or k + 1 >= len(words):
        return False
    following = words[k + 1].rstrip(",;:|")
    return bool(_NAME_WORD.match(following)) and following.lower().rstrip(".") not in _CALENDAR_WORDS


# Words after "Read" that make it a page's link or a reading time, not a surname.
_READ_LINK_WORDS = frozenset({"more", "next", "full", "time", "story", "article", "now", "also", "later",
                              "original", "comments", "the", "this"})


def _surname_read(words: list[str], k: int) -> bool:
    """Whether "Read" after a name word ends the name: the text or the name ends there ("Read,"), or
    no link word ("Read more", "Read time") follows."""
    return (k + 1 == len(words) or words[k] != "Read"
            or words[k + 1].lower().strip(".,:;|") not in _READ_LINK_WORDS)


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
        elif w == "Read" and name and _surname_read(words, k):
            pass  # "By Simon Read, Business reporter": a surname, not "Read more" or "5 min read"
        elif w == "Min" and words[k] == w and k + 1 < len(words) and _NAME_WORD.match(words[k + 1]) \
                and words[k + 1].lower().rstrip(".,;:|") != "read":
            pass  # "By Min Jin Lee", "By Lee Min Ho": a name, not "5 Min Read"
        elif lower in _NOT_NAME or lower.strip(".") in ROLE_WORDS or (not name and lower in _UI_VERBS):
            if len(name) >= 3 and f"{name[-1]} {lower}".lower() in AGENCIES:
                name.pop()   # "Jane Doe Fox News": the broadcaster's first word is no surname
                k -= 1
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


def is_outlet(words: list[str], lexicon: Lexicon) -> bool:
    """"Chicago Sun-Times", "Dallas Morning News": a publication's name, not a person's ("Emily Post"
    opens with a given name; "Irish Examiner" does too, but no one's surname is Examiner)."""
    last = words[-1].lower().rsplit("-", 1)[-1]
    return last in _OUTLET_ONLY_WORDS or (last in _OUTLET_WORDS and words[0] not in lexicon.first_names)


def beat_role(text: str) -> str:
    """The role that opens `text` when its last word names a job: "Pro Football Writer" (what
    follows "AP" in "By SCHUYLER DIXON AP Pro Football Writer"); else ""."""
    words = text.split()[:5]
    for k, w in enumerate(words):
        if w.lower().strip(".,") in _JOB_NOUNS:
            return " ".join(words[:k + 1]).strip(",")
        if not w[:1].isupper():
            break
    return ""


def agency_named(text: str) -> str | None:
    lower = text.lower()
    return AGENCIES.get(lower) or AGENCIES.get(lower.removeprefix("the "))


def is_broadcaster(text: str) -> bool:
    return text.lower().removeprefix("the ") in BROADCASTERS


def agency_after(words: list[str], rest: str) -> tuple[str, str, list[str]] | None:
    """(agency, its text, the name's words without it) when an agency ends the name ("Jamie
    Stengle Associated Press") or opens what follows it ("The Associated Press"); the name
    keeps at least two words, so "Michael Bloomberg" stays a person."""
    for k in range(2, len(words)):
        tail = " ".join(words[k:])
        agency = agency_named(tail)
        if agency not in DESKS:
            return agency, tail, words[:k]
    rest_words = rest.split()
    for n in (3, 2, 1):
        head = " ".join(rest_words[:n]).rstrip(".,;").removeprefix("(").removesuffix(")")   # "(Reuters)"
        agency = agency_named(head) if len(rest_words) >= n else None
        if agency and len(words) >= 2:
            return agency, head, words
    return None


# What a byline's name may be followed by in lower case: "Jane Doe on January 5", "Jane Doe and
