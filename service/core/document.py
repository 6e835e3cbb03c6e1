"""The document every pipeline stage reads and writes (one object per request)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from .normalize import Line, Token, normalize_text, split_lines, tokenize
from .types import Byline, Dateline, Focus, Language, Place, PublishedDate, Span, Topic

_SENTENCE_END = {".", "!", "?"}
PARAGRAPH_CHARS = 200   # a line this long is a paragraph of the story
# The heading of a list of other articles: "Related", "Most popular", "Read more" (the lines under it are
# their headlines, not this article's).
LIST_HEAD = re.compile(r"^\W*(?:related|more from|more in|more on|read more|recommended|see also|latest|most read|"
                       r"most popular|trending|you may also like|popular|read next|top stories)\b", re.IGNORECASE)
LIST_HEAD_REACH = 4       # content lines under such a heading that are its list
LIST_ITEM_CHARS = 150     # ... and no item is longer than a headline
PROSE_CHARS = 100         # a line this long, ending as a sentence ends, is a paragraph of prose
_PROSE_ENDS = frozenset('.!?"\u201d\u2019')
# The heading of a page's reader comments: "Comments", "12 Comments", "Comments (3)", "Join the conversation".
_COMMENTS_HEADING = re.compile(r"(?:\d+ )?(?:reader )?(?:comments?|responses|replies)(?: ?\(\d+\))?:?"
                               r"|(?:join|start) the (?:conversation|discussion)|leave a (?:comment|reply)"
                               r"|(?:show|view|add|post|read) (?:a |your |all )?(?:\d+ )?comments?(?: ?\(\d+\))?",
                               re.IGNORECASE)


@dataclass
class Document:
    text: str                          # exactly as submitted: every offset indexes it
    reference_date: date | None = None
    norm: str = ""
    lines: list[Line] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    # Stage outputs.
    language: Language | None = None
    publication_date: PublishedDate | None = None
    modification_date: PublishedDate | None = None
    # "published"/"updated" -> the dates.find.DateMention behind it when only the article's country can
    # settle it: a numeric date only the US habit ordered (05/11/2026), or a zone two regions share ("AST").
    open_dates: dict = field(default_factory=dict)
    bylines: list[Byline] = field(default_factory=list)
    # Where the byline names its reporters' employer, which signs nothing: "BBC News" in "BBC News, Leeds".
    newsrooms: list[Span] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    unresolved_toponyms: list[Span] = field(default_factory=list)
    dateline: Dateline | None = None
    focus: Focus = field(default_factory=Focus)
    topic: Topic | None = None
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, reference_date: date | None = None) -> "Document":
        norm = normalize_text(text)
        lines = split_lines(norm)
        return cls(text=text, reference_date=reference_date, norm=norm, lines=lines, tokens=tokenize(norm, lines))

    @cached_property
    def words(self) -> list[str]:
        """Each token's text, as a list: stages that scan every token read it without attribute lookups."""
        return [t.text for t in self.tokens]

    @cached_property
    def capitalised(self) -> list[int]:
        """Indexes of the tokens that begin with a capital letter: where names, and so places, start."""
        return [i for i, w in enumerate(self.words) if w[:1].isupper()]

    def starts_sentence(self, i: int) -> bool:
        """Whether token `i` begins a sentence: the first word on its line, or the first after . ! ?
        (not an abbreviation's period); quotes, brackets and dashes between keep the expectation.
        Read backwards from the token, so a caller asking about a few tokens pays for those only."""
        tokens, words = self.tokens, self.words
        if not words[i][0].isalnum():
            return False
        line = tokens[i].line
        k = i - 1
        while k >= 0 and tokens[k].line == line:
            word = words[k]
            if word[0].isalnum():
                return False
            if word in _SENTENCE_END and not _is_abbreviation(tokens, k):
                return True
            k -= 1
        return True

    @cached_property
    def written_dateline(self):
        """The dateline as written (``core.dateline.WrittenDateline``) or None: read once, used by
        dates (its weekday), bylines (its agency) and places (its place)."""
        from .dateline import read_dateline    # dateline reads documents: import it late
        return read_dateline(self)

    def line_of(self, offset: int) -> int:
        """Index of the line holding character `offset`."""
        return bisect_right(self._line_starts, offset) - 1

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def content_lines(self) -> list[int]:
        """Indexes of the non-blank lines."""
        return [i for i, line in enumerate(self.lines) if not line.is_blank]

    @cached_property
    def comments_line(self) -> int | None:
        """Where the page's reader comments begin (their heading's line), or None: the names and dates
        under it are commenters' and their posts', not the article's. Only after the story's first
        paragraph: above it, "Comments" is a button of the page's share bar."""
        paragraph = False
        for n in self.content_lines[1:]:
            text = self.lines[n].text.strip()
            if len(text) >= PARAGRAPH_CHARS:
                paragraph = True
            elif paragraph and len(text) <= 40 and _COMMENTS_HEADING.fullmatch(text):
                return n
        return None

    @cached_property
    def furniture_lines(self) -> frozenset[int]:
        """Lines that are the page's, not the article's: reader comments (from their heading on) and the
        headlines listed under a "Related" or "Most popular" heading after the story's first paragraph."""
        content, out = self.content_lines, set()
        comments = self.comments_line
        if comments is not None:
            out.update(n for n in content if n >= comments)
        paragraph = False
        for k, n in enumerate(content):
            text = self.lines[n].text.strip()
            if len(text) >= PROSE_CHARS and text[-1] in _PROSE_ENDS:
                paragraph = True
            elif paragraph and len(text) < 60 and LIST_HEAD.match(text):
                for m in content[k + 1:k + 1 + LIST_HEAD_REACH]:
                    item = self.lines[m].text.strip()
                    # A headline, not a sentence of prose ("Latest" over a live blog's first entries).
                    if len(item) > LIST_ITEM_CHARS or (len(item) > 60 and item[-1] in ".!?"):
                        break
                    out.add(m)
        return frozenset(out)

    @cached_property
    def article_norm(self) -> str:
        """The normalised text without its furniture lines (see furniture_lines): what the topic reads."""
        furniture = self.furniture_lines
        if not furniture:
            return self.norm
        return "\n".join(line.text for i, line in enumerate(self.lines) if i not in furniture)


_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "rep", "sen", "gov", "jan", "feb",
                  "mar", "apr", "aug", "sep", "sept", "oct", "nov", "dec", "jr", "sr", "no", "vs", "inc", "corp",
                  "co", "ltd", "prof", "capt", "maj", "ft", "mt", "calif", "ariz", "fla", "ga", "ill", "ind",
                  "mass", "mich", "minn", "pa", "va", "wash", "wis", "conn", "colo", "tenn", "okla", "ore", "nev",
                  "neb", "kan", "ky", "la", "md", "mo", "ala", "ark", "del", "miss", "mont", "vt", "wyo"}


def _is_abbreviation(tokens: list[Token], i: int) -> bool:
    """A period after "Mr", "Calif", a single initial, or an initialism does not end a sentence."""
    if i == 0 or tokens[i].text != ".":
        return False
    previous = tokens[i - 1]
    if previous.end != tokens[i].start:
        return False
    word = previous.text
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()) or word.endswith(".")
