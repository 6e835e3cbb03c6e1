"""Language identification by function words: enough to tell English from the languages
news pages commonly come in, and to say "und" (undetermined) rather than guess.

``supported`` says whether the text is processed: English is; so is text too short or too
mixed to tell (a headline, a sentence of foreign names), which is reported as "und"; text
clearly in another language, or mostly in a non-Latin script, is not, and the response says
so instead of guessing.
"""

from __future__ import annotations

import re
from collections import Counter

from .types import Language

_FUNCTION_WORDS = {
    "en": "the of and to in is that for it was on with as by at from his her are be this have has an not but said "
          "they their which were been who will would its after also had more",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus "
          "er hat dass sie nach wird bei einer um am sind noch wie einem über",
    "fr": "de la le et les des en un du une que est pour qui dans par sur pas au plus il ne se sont ce avec à été "
          "aux son cette ses mais ou elle nous",
    "es": "de la que el en y los del se las por un para con no una su al es lo como más pero sus le ya o fue este "
          "ha sí porque esta entre cuando",
    "it": "di e il la che in a per un del è della le non con una si da al sono i gli dei nel alla ha anche come più "
          "ma delle questo",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à "
          "seu sua ou ser quando",
    "nl": "de en van het een in is dat op te zijn met voor niet aan er ook als bij door om maar dan nog wordt uit "
          "naar heeft tot wel",
}
_INDEX: dict[str, list[str]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _w in _words.split():
        _INDEX.setdefault(_w, []).append(_lang)
_WORD = re.compile(r"[^\W\d_]+")
MIN_HITS = 5        # function words of the leading language before anything is decided
CLEAR_MARGIN = 1.5  # how far a language other than English must lead the runner-up
SAMPLE_CHARS = 20_000


def detect_language(text: str) -> Language:
    """ISO 639-1 code of the text's language ("und" when too little text says it)."""
    counts: Counter = Counter()
    words = _WORD.findall(text[:SAMPLE_CHARS].lower())
    letters, non_latin = len(words), 0
    # Each distinct word once, weighted by its count (in order of first occurrence, so ties rank
    # as they would word by word).
    for word, n in Counter(words).items():
        if not word.isascii() and not any("a" <= c <= "z" or "\u00c0" <= c <= "\u024f" for c in word):
            non_latin += n
        for lang in _INDEX.get(word, ()):
            counts[lang] += n
    if letters and non_latin > 0.5 * letters:
        return Language("und", round(non_latin / letters, 2), False)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_HITS:
        return Language("und", 0.0, True)
    lang, best = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if lang != "en" and best < CLEAR_MARGIN * runner_up:
        # Short words are shared ("in", "a", "al"): a text is refused as foreign only on clear
        # evidence, and a doubtful one is processed ("und") rather than dropped.
        return Language("und", 0.0, True)
    return Language(lang, round(best / sum(counts.values()), 2), lang == "en")
