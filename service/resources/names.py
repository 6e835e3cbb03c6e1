"""Name keys shared by the gazetteer builder and the runtime lookups.

A key is the form under which a place name is stored and looked up: accents
removed, case folded, periods dropped ("U.S." and "US" meet), hyphens and
apostrophe variants unified. Case is deliberately lost here: whether "Of" or
"US" is a place is decided by the recogniser, which still sees the text.
"""

from __future__ import annotations

import re
import unicodedata

from .memo import bounded_memo

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'",
                              "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"[\s\-]+")


# Letters Unicode does not decompose into a base letter and a mark, which English news writes as their
# plain letters: "Dak Lak" for Đắk Lắk, "Lodz" for Łódź, "Tromso" for Tromsø, "Yazihan" for Yazıhan.
_UNDECOMPOSED = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
                               "ı": "i", "Ħ": "H", "ħ": "h", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe",
                               "Þ": "Th", "þ": "th"})


def strip_accents(text: str) -> str:
    """Remove combining marks ("Ramādī" -> "Ramadi") and spell letters that carry their mark inside
    ("Đ", "ł", "ø") plainly, without touching other characters."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)


def name_key(name: str) -> str:
    """The lookup key of a place name: see the module docstring."""
    key = strip_accents(name.translate(_APOSTROPHES)).casefold()
    key = key.replace(".", "")
    return _SPACES.sub(" ", key).strip(" ,;:'")


# name_key at run time: the words and spans an article is scanned for ("The", "President", "Iraq")
# recur across articles, so their keys are kept (bounded).
cached_name_key = bounded_memo(name_key, 200_000)


# A name's short forms that are the same name: "St. Louis" is "Saint Louis" ((long, short) pairs).
SHORT_PREFIXES = (("Saint ", "St. "), ("Sainte ", "Ste. "), ("Mount ", "Mt. "), ("Fort ", "Ft. "))


def spelled_out(name: str) -> str:
    """"St. Petersburg" -> "Saint Petersburg"."""
    for long, short in SHORT_PREFIXES:
        if name.startswith(short):
            return long + name[len(short):]
    return name


def is_latin(text: str) -> bool:
    """True when every letter of `text` is Latin script (English news writes places that way)."""
    for ch in text:
        if ch.isalpha() and not ch.isascii() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def within_two_edits(a: str, b: str) -> bool:
    """Whether two name keys are spellings of one name: at most two edits apart (Levenshtein), the
    first letters equal ("odesa"/"odessa", "mykolaiv"/"mykolayiv")."""
    if a[:1] != b[:1] or abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > 2:
            return False
        previous = current
    return previous[-1] <= 2
