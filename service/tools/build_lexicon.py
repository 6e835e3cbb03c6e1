"""Build the word lexicon the recogniser uses as features.

    python -m service.tools.build_lexicon --meta ../shared/data/meta --pypi-archives build/pypi \
        --dictionary /usr/share/dict/american-english --out service/resources/models/lexicon.json.gz

Three facts about English words that no gazetteer has:
- how often a word is written in lower case in news prose (BBC News and AG News texts):
  "Clans", "Secretary", "Gulf" are mostly common words; "Ramadi" never is;
- for words too rare in those texts to count, whether a spelling dictionary (Debian's
  ``wamerican`` word list, which capitalises proper nouns) knows them only in lower case:
  "farmland", "walnut" are common words even where a small town bears the name;
- given names (US Census 1990 first-name lists, carried by the ``names`` package on PyPI):
  "John" before "Kerry" says "Kerry" is a person.
The output is small, deterministic, and committed; this script rebuilds it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tarfile
from collections import Counter
from pathlib import Path

_WORD = re.compile(r"[A-Za-z][a-z]+(?:'[a-z]+)?")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+|\n")
MIN_COUNT = 3


def word_case_ratios(texts) -> dict[str, float]:
    """word (lower-cased) -> share of its sentence-internal occurrences written capitalised."""
    lower, capital = Counter(), Counter()
    for text in texts:
        for sentence in _SENTENCE_BREAK.split(text):
            for k, match in enumerate(_WORD.finditer(sentence)):
                word = match.group()
                if k == 0:
                    continue  # sentence-initial capitals say nothing
                if word[0].isupper():
                    capital[word.lower()] += 1
                else:
                    lower[word] += 1
    ratios = {}
    for word in sorted(set(lower) | set(capital)):
        total = lower[word] + capital[word]
        if total >= MIN_COUNT:
            ratios[word] = round(capital[word] / total, 2)
    return ratios


def dictionary_common_words(path: Path, known: dict[str, float]) -> list[str]:
    """Words a cased word list holds only in lower case, among those the news texts do not cover."""
    lower, capital = set(), set()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word = line.strip()
            if not word.isalpha() or not word.isascii():
                continue  # possessives ("farmer's") and accented loans add nothing
            (lower if word.islower() else capital).add(word.lower())
    return sorted(w for w in lower - capital if w not in known)


def first_names(archive: Path) -> list[str]:
    names = set()
    with tarfile.open(archive) as tf:
        for member in tf.getmembers():
            if member.name.endswith((".male.first", ".female.first")):
                for line in tf.extractfile(member).read().decode("ascii").splitlines():
                    if line.strip():
                        names.add(line.split()[0].capitalize())
    return sorted(names)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--meta", type=Path, required=True, help="../shared/data/meta")
    parser.add_argument("--pypi-archives", type=Path, required=True, help="folder holding names-0.3.0.tar.gz")
    parser.add_argument("--dictionary", type=Path, default=Path("/usr/share/dict/american-english"),
                        help="cased word list, one word a line (Debian's wamerican)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)

    def texts():
        for name in ("topics_bbc.jsonl", "topics_agnews_test.jsonl"):
            with (args.meta / name).open(encoding="utf-8") as fh:
                for line in fh:
                    yield json.loads(line)["text"]

    archive = sorted(args.pypi_archives.glob("names-*.tar.gz"))[-1]
    ratios = word_case_ratios(texts())
    # The census lists hold words like "In", "An", "Will": a name that news mostly writes in
    # lower case is not a useful given-name signal.
    names = [n for n in first_names(archive) if len(n) > 2 and ratios.get(n.lower(), 1.0) >= 0.5]
    common = dictionary_common_words(args.dictionary, ratios)
    lexicon = {"case_ratio": ratios, "first_names": names, "dictionary_lower": common,
               "sources": ["topics_bbc.jsonl", "topics_agnews_test.jsonl", archive.name, args.dictionary.name]}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = json.dumps(lexicon, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:
        fh.write(payload)
    print(f"lexicon: {len(ratios)} words, {len(names)} first names, {len(common)} dictionary words -> {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
