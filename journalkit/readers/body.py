"""Body: sections, paragraphs, figure/table captions, in-text citations linked to references.

PDF text arrives hard-wrapped (one printed line per text line, paragraphs
running on across page and column breaks); web text has one paragraph per
line. :func:`body_blocks` turns either into blocks - heading, caption or
paragraph - by looking at how lines end and start and how long they are
compared with the column width. Headings nest by their numbering
("2.1") or, unnumbered, under the last top-level heading (Introduction,
Methods, ...). Acknowledgements and appendices go to the back matter.
In hard-wrapped text a line ends a paragraph when the next line's first
word would have fitted after it (measured against the column width around
it, so two-column pages are read by their column, and against the printed
line where repair rejoined a hyphenated word); a title-like line ended so
is a heading, also when a narrow column wraps it over two lines.

Footnotes printed in the body (a run of notes marked a, b, ... / 1, 2, ...
/ *, † at the foot of a page, at the end of the text or under a "Notes"
heading) go to ``Article.footnotes`` (``<back><fn-group>``) and their
unambiguous in-text markers are linked; lines that only look like notes
stay in the text, reported. Under a table caption the table's printed
content is told from running text: a grid of cells where the text keeps
one unambiguously (columns aligned by spaces), else the printed lines
verbatim; notes under it go to the table's foot.

In-text citations are linked to the reference list: numeric ("[1, 2]",
"[3-5]", "[2]–[4]", "(1,3–6)", superscripts glued to a word where the
article cites no other way, and superscripts the text rendering flattened into bare numbers after
punctuation, "custos. 13 Adicionalmente", where the article cites no other way) and
author-year ("(Smith et al., 2016a; Jones 2010)", "Smith and Jones (2010)"). A citation that matches no reference
stays text and is reported.

The two kinds are linked at different stages. Numeric citations only need
the list numbers, which the reference splitter already knows, so they are
linked during extraction (:func:`_extract_body`). Author-year citations need
each reference's first-author surname and year, which only the reference
parser reads reliably; :func:`link_author_year` runs from the pipeline after
the ``journalkit_parse_references`` hook, so the data flows one way
(extract -> parse -> link) and the linker never re-reads raw strings the
parser has already understood.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from ..document import Document, Line
from ..model import (
    Article,
    Citation,
    Figure,
    Footnote,
    Paragraph,
    Reference,
    Section,
    Span,
)
from ..report import Report
from .common import _join, bracket_subscripts, join_lines  # noqa: F401
from .reflist import ref_surname_year
from .segment import (
    is_heading_like,
)

__all__ = ["Block", "body_blocks", "find_citations", "CitationIndex", "link_author_year", "footnote_candidates",
           "accepted_footnotes", "link_footnotes", "mark_tables", "table_grid", "page_breaks"]

# ------------------------------------------------------------------ blocks

#: top-level section names (any language of the corpus), also used for depth
_TOP_LEVEL = re.compile(
    r"^(?:introduction|background|methods?|materials?(?: and| &) methods|methodology|patients and methods|"
    r"subjects and methods|results?|results and discussion|discussion|conclusions?|concluding remarks|"
    r"summary|limitations|acknowledg(?:e)?ments?|supporting information|supplementary (?:information|material)|"
    r"author contributions?|competing interests|conflicts? of interest|funding|financial disclosure|abbreviations|"
    r"data availability(?: statement)?|ethics statement|appendix(?: [A-Z0-9]+)?|appendices|"
    r"introdu[cç][aã]o|m[ée]todos?|resultados?|discuss[aã]o|discusi[oó]n|conclus(?:[aã]o|[oõ]es|i[oó]n|iones)|"
    r"introducci[oó]n|agradecimentos?|agradecimientos?|considera[cç][oõ]es finais|ap[êe]ndice|anexo|"
    r"case (?:report|presentation|description)|main text|materials?)\s*:?$",
    re.I,
)
_ACK = re.compile(r"^(?:acknowledg(?:e)?ments?|agradecimentos?|agradecimientos?)\s*:?$", re.I)
_APPENDIX = re.compile(r"^(?:appendix|appendices|ap[êe]ndices?|anexos?)(?:\s+[A-Z0-9]{1,3})?\b", re.I)
_NUMBERED = re.compile(r"^((?:\d{1,2}\.)*\d{1,2})\.?\s+([A-ZÀ-ÖØ-Þ].{1,120})$")
_CAPTION = re.compile(
    r"^\s*((?:Fig(?:ure)?s?\.?|Table|Tabela|Tabla|Quadro|Gr[áa]fico|Scheme|Box|Chart)\s+S?\d{1,3}[A-Za-z]?)"
    r"(?:\s*[.:|—–-]\s*|\s+(?=[A-Z(\"“]))(.*)$"
)
#: the letters a caption opens with (after white space): a stripped line opening otherwise is no caption
_CAPTION_INITIALS = frozenset("FTQGSBC")
#: the blocks a wrapped line goes on when the line above breaks off mid-sentence (see ``body_blocks``)
_RUNS_ON = frozenset({"para", "caption"})
_STOPWORDS = {"a", "an", "the", "and", "or", "of", "with", "in", "to", "for", "by", "on", "from", "at", "as", "that",
              "which", "is", "are", "was", "were", "be", "this", "these", "e", "de", "do", "da", "em", "y", "el", "la"}
#: words a sentence runs on with into "Table 2" or "Figure 1"
_SEE = frozenset({"see", "in", "cf.", "cf", "and", "or", "both", "also", "e.g.,", "i.e.,", "(see", "to", "table",
                  "tables", "figure", "figures", "fig.", "figs."})
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]$")
#: the characters :data:`_TERMINAL` looks for: a stripped line ends a sentence when its last character is one
#: of them (a character test, where the pattern's search tried every position of the line)
_TERMINAL_CHARS = frozenset(".!?:;\"”’)]")
#: compiled once: the heading tests run on every body line, and ``re.sub`` looks its pattern up in a cache per call
_SECTION_NUMBER = re.compile(r"^(?:\d{1,2}\.)*\d{1,2}\.?\s+|^[IVX]{1,4}\.\s+")
_NON_CAPITAL = re.compile(r"[^A-Z]")
_CITE_SEPARATOR = re.compile(r"\s*[,;]\s*")
_WHITESPACE = re.compile(r"\s")
_YEAR_KEY = re.compile(r"(?:1[5-9]|20)\d{2}[a-z]?")


@dataclass
class Block:
    """A run of lines read as one unit.

    ``kind`` is heading, caption, para or footnote (``label`` holds its
    marker); :func:`mark_tables` turns the blocks under a table caption into
    table-legend, table (its printed cells) and table-foot.
    ``blank_before``: a blank line stood before the block (pdftotext leaves
    one around table cells, rarely between a heading and its text).
    """

    kind: str
    lines: list[Line]
    label: str | None = None
    blank_before: bool = False

    @property
    def text(self) -> str:
        return join_lines([ln.stripped for ln in self.lines if ln.stripped])


def _width(lines: list[Line]) -> int:
    lengths = sorted(len(ln.stripped) for ln in lines if ln.stripped)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _is_heading(text: str, nxt: str | None, width: int, wrapped: bool) -> bool:
    t = text.strip()
    if not t or len(t) > 120 or nxt is None:
        return False
    if _CAPTION.match(t):
        return False
    bare = _SECTION_NUMBER.sub("", t)
    if _TOP_LEVEL.match(bare):
        return True
    if t.endswith((".", ",", ";", "-")) or not is_heading_like(t):
        return False
    words = t.split()
    if len(words) > 14:
        return False
    if t.isupper() and len(_NON_CAPITAL.sub("", t)) >= 4:
        return True
    if words[-1].lower() in _STOPWORDS:
        return False  # a sentence broken at a short line ("1. Contact radiographs were made with")
    if _NUMBERED.match(t) and not re.match(r"^\d+\s+(?:and|or|of|to|in|the)\b", t):
        return True
    if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt[:1] in "\"“("):
        return False
    if wrapped:
        return len(t) < 0.75 * width
    return len(t) < 100 and len(nxt) > len(t)


#: words a sentence goes on after (a line ending in one is no heading), beyond :data:`_STOPWORDS`
_GOES_ON = frozenset({
    "between", "into", "over", "under", "within", "through", "about", "after", "before", "than", "via", "per",
    "its", "their", "our", "his", "her", "not", "but", "also", "such", "each", "both", "all", "who", "whom",
    "whose", "we", "they", "it", "has", "have", "had", "can", "may", "will", "would", "should", "could", "when",
    "where", "while", "if", "because", "although", "whether", "among", "against", "during", "without", "upon",
    "across", "then", "so", "thus", "more", "most", "less", "very", "se", "que", "os", "as",
    "um", "uma", "para", "por", "com", "no", "na", "nos", "nas", "dos", "das", "del", "los", "las", "con"})


def _line_heading(text: str, nxt: str | None, full: Callable[[], float]) -> bool:
    """A line of hard-wrapped text that is a heading of its own, whatever its length.

    It reads like a title (no sentence end, no trailing function word),
    the next line opens a paragraph, and the next line's first word would
    have fitted after it: the line was ended on purpose, not wrapped, and
    a line ended on purpose without a full stop is a heading. ``full()``
    is the column width there, measured only when the other tests pass.
    """
    if nxt is None or not (nxt[:1].isupper() or nxt[:1].isdigit()):
        return False
    t = text.strip()
    # the character tests first: most lines end a sentence, and the caption pattern is dearer
    if t[-1] in _TERMINAL_CHARS or t[-1] in ",;-–" or _CAPTION.match(text) or len(t.split()) > 14 \
            or not is_heading_like(t):
        return False
    words = t.split()
    if len(words) < 2 or words[-1].lower() in _STOPWORDS or words[-1].lower() in _GOES_ON \
            or sum(ch.isdigit() for ch in t) > 2:
        return False
    return len(t) + 1 + len(nxt.split()[0]) <= full()


def _wrapped_heading(first: str, second: str, after: str, full: Callable[[], float]) -> bool:
    """``first`` and ``second`` are one heading wrapped over two lines of a narrow column.

    Checked for a line after a sentence end: neither line ends like a
    sentence, the second goes on the first (lower case) and was ended on
    purpose (the next line's first word would have fitted after it), the
    line after them opens a paragraph, and together they read as a heading
    ("Murine intranasal and intradermal / models of infection"). ``full()`` is
    the column width there, measured only when the other tests pass.
    """
    if first[-1] in _TERMINAL_CHARS or first[-1] in ",;-–" or _CAPTION.match(first):
        return False
    if not second[:1].islower() or second[-1] in _TERMINAL_CHARS or second[-1] in ",;":
        return False
    if len(second) + 1 + len(after.split()[0]) > full():
        return False
    if not (after[:1].isupper() or after[:1].isdigit()):
        return False
    joined = f"{first} {second}"
    last = joined.split()[-1].lower()
    return len(joined.split()) <= 14 and is_heading_like(joined) and last not in _STOPWORDS and last not in _GOES_ON


@dataclass
class _Measures:
    """What :func:`body_blocks` measures on the lines before it reads them, whatever the footnotes.

    Made once per body: :func:`_read_blocks` reads the blocks a second time when the accepted
    footnotes differ from the candidates. ``index`` maps ``id(line)`` to the line's place in
    ``content`` (the non-blank lines), which gives the next lines; column widths are measured
    only for the lines asked about (:meth:`full`).
    """

    width: int
    content: list[Line]
    index: dict[int, int]
    _lengths: list[int] | None = None
    _full: dict[int, int] = field(default_factory=dict)

    def full(self, ln: Line) -> int:
        """:meth:`full_at` the place of ``ln`` (``width`` for a line not in the body)."""
        i = self.index.get(id(ln))
        return self.width if i is None else self.full_at(i)

    def full_at(self, i: int) -> int:
        """How long a full line is around ``content[i]``: the column width there, in characters.

        A line ends a paragraph when the next line's first word would have fitted after it; what
        fits is the width of the column. ``width``, taken over the whole body, is too wide on
        two-column pages (full-width captions and tables count in it); the upper quartile of the
        lengths of the text lines within six lines is the column's width where it is measured (at
        most ``width``), where at least four of them are long enough to measure it (four tenths of
        ``width``). Only lines after a sentence end are asked about, a few in ten: measuring every
        line up front cost more than reading the blocks.
        """
        width = self.width
        if not 0 < width < 200:
            return width
        out = self._full.get(i)
        if out is None:
            if self._lengths is None:
                least = 0.4 * width
                self._lengths = [n if n >= least else -1 for n in (len(c.stripped) for c in self.content)]
            # the short lines (-1) sort to the front and are cut off there: one C-level sort, no filter
            near = sorted(self._lengths[max(0, i - 6):i + 7])
            cut = bisect.bisect_left(near, 0)
            count = len(near) - cut
            out = self._full[i] = min(width, near[cut + int(0.75 * count)]) if count >= 4 else width
        return out


def _measure(lines: list[Line]) -> _Measures:
    content = [ln for ln in lines if ln.stripped]
    return _Measures(width=_width(lines), content=content, index={id(ln): k for k, ln in enumerate(content)})


def _strong_heading(text: str) -> bool:
    """A heading whatever the line lengths: a known section name, numbered, or in capitals."""
    t = text.strip()
    if len(t) > 100 or t.endswith((".", ",", ";")) or _CAPTION.match(t):
        return False
    bare = _SECTION_NUMBER.sub("", t)
    if _TOP_LEVEL.match(bare) or (t.isupper() and len(_NON_CAPITAL.sub("", t)) >= 4 and len(t.split()) <= 10):
        return True
    # "2.1 Study design": a multi-level number is a heading, "1. We did" is a list item
    return bool(re.match(r"^\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]", t) and len(t.split()) <= 12
                and t.split()[-1].lower() not in _STOPWORDS)


def body_blocks(lines: list[Line], footnotes: Mapping[int, str] | None = None,
                breaks: AbstractSet[int] = frozenset(), tails: Mapping[int, int] | None = None,
                measures: _Measures | None = None) -> list[Block]:
    """Split body lines into heading, caption, paragraph and footnote blocks (see the module doc).

    ``footnotes`` maps the index (in ``lines``) of each line that opens a
    footnote to its marker: such a line always starts a block. ``breaks``
    holds the indices of lines a page break follows: a footnote at the foot
    of a page ends there, and the paragraph it interrupted goes on with the
    next page's first line. ``tails`` maps ``id(line)`` to the length of
    the last printed line it holds, where repair joined lines (a word
    hyphenated over a line end): whether a paragraph ends there depends on
    how long the printed line was. ``measures`` (from :func:`_measure` on the same ``lines``) saves
    measuring them again.
    """
    footnotes = footnotes or {}
    if measures is None:
        measures = _measure(lines)
    width = measures.width
    wrapped = 0 < width < 200
    blocks: list[Block] = []
    cur: Block | None = None
    resume: Block | None = None  # the paragraph a run of page-foot footnotes interrupted
    blank = True
    last_i = -1
    heading_goes_on: int | None = None  # the second line of a heading wrapped in a narrow column
    tails = tails or {}
    full, full_at = measures.full, measures.full_at
    content = measures.content
    n_content = len(content)
    ci = -1  # the place of ``ln`` in ``content``: the non-blank lines are ``content`` in order
    # lines followed, before any blank line and within a few lines, by the next footnote: a note that
    # runs on there ("TESTFACT.\nLincolnwood: ...") is one note, whatever its line ends look like
    fn_ahead: set[int] = set()
    for start in footnotes:
        k = start - 1
        while k >= 0 and start - k <= 12 and lines[k].stripped and k not in footnotes:
            fn_ahead.add(k)
            k -= 1
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not s:
            blank = True
            continue
        ci += 1
        if wrapped and cur is not None and cur.kind in _RUNS_ON and cur.lines[-1].stripped[-1] not in _TERMINAL_CHARS \
                and s[0] not in _CAPTION_INITIALS and i not in footnotes:
            # the commonest line (four in five): a paragraph or caption line that breaks off mid-sentence goes
            # on with this one, which opens no footnote or caption; the tests below come to the same
            last_i = i
            cur.lines.append(ln)
            blank = False
            continue
        if cur is not None and cur.kind == "footnote" and last_i in breaks and i not in footnotes \
                and i not in fn_ahead and (cur.lines[-1].stripped[-1] in _TERMINAL_CHARS or (
                    resume is not None and resume.kind == "para" and s[:1].islower()
                    and resume.lines[-1].stripped[-1] not in _TERMINAL_CHARS)):
            cur = resume  # the footnote ended with its page; the text it stood in goes on
            resume = None
        last_i = i
        if id(ln) == heading_goes_on and cur is not None:
            cur.lines.append(ln)
            blank = False
            continue
        if i in footnotes:
            if cur is not None and cur.kind != "footnote":
                resume = cur
            cur = Block("footnote", [ln], label=footnotes[i], blank_before=blank)
            blocks.append(cur)
            blank = False
            continue
        prev = cur.lines[-1].stripped if cur is not None else ""
        # prev is a stripped non-blank line (or cur is None): same as bool(_TERMINAL.search(prev))
        prev_ends = cur is None or cur.kind == "heading" or prev[-1] in _TERMINAL_CHARS
        nxt = content[ci + 1].stripped if ci + 1 < n_content else None
        own_heading = False
        if cur is None or cur.kind == "heading":
            boundary = True
        elif cur.kind == "footnote" and (i in fn_ahead or _NOTE_GOES_ON.match(s)):
            boundary = False
        elif cur.kind == "footnote" and _URL_END.search(prev) and s[:1].isupper():
            boundary = True  # a note's closing URL, then text of its own ("This study was funded ...")
        elif not wrapped:
            own_heading = False
            # one paragraph a line; a line that opens in lower case goes on with the one above
            boundary = prev_ends or not s[:1].islower()
        else:
            boundary = False
            # (a line after one that breaks off mid-sentence, most lines, goes on with it unless it is a
            # caption, below: the other tests are not made for it)
            if prev_ends:
                above = id(cur.lines[-1])
                # the line above ended a paragraph if this line's first word would have fitted on it
                boundary = not s[:1].islower() and (
                    blank or tails.get(above, len(prev)) + 1 + len(s.split(None, 1)[0]) <= full(cur.lines[-1]))
                boundary = boundary or (nxt is not None and _strong_heading(s))
                # a title-like line that stops short of the column although the next word would have fitted
                # is a heading ("Analyses with the Biosort worm sorter" / "Upregulation of ...")
                own_heading = _line_heading(s, nxt, functools.partial(full_at, ci))
                boundary = boundary or own_heading
            # a table or figure caption opens its own block even under a table cell ("0.23") or a note
            # without a full stop; not where a sentence runs on into it ("as shown in / Table 2 ...")
            boundary = boundary or bool(s[0] in _CAPTION_INITIALS and (cm := _CAPTION.match(s))
                                        and len(cm.group(2).split()) >= 2
                                        and prev.split()[-1].lower() not in _STOPWORDS
                                        and prev[-1] not in "(,-–" and prev.split()[-1].lower() not in _SEE)
        if boundary:
            pair = (content[ci + 1], content[ci + 2]) if ci + 2 < n_content else None
            if prev_ends and not prev.endswith(":") and (_is_heading(s, nxt, width, wrapped) or own_heading):
                cur = Block("heading", [ln], blank_before=blank)
            elif wrapped and prev_ends and pair is not None and _wrapped_heading(
                    s, pair[0].stripped, pair[1].stripped, functools.partial(full_at, ci)):
                cur = Block("heading", [ln], blank_before=blank)
                heading_goes_on = id(pair[0])
            else:
                cur = Block("caption" if _CAPTION.match(s) else "para", [ln], blank_before=blank)
            blocks.append(cur)
        else:
            assert cur is not None
            cur.lines.append(ln)
        blank = False
    return blocks


# ------------------------------------------------------------------ footnotes

#: a line that opens a footnote: its marker ("a", "1", "*", "†", "^a" in a web dump), then the note, which
#: opens like a sentence or a reference (a wrapped line that opens in lower case goes on a sentence)
_FN_LINE = re.compile(
    r"^\^?(?P<mark>[a-z]|\d{1,2}|\*{1,3}|([†‡§¶#])\2?)"
    r"(?:\s+|(?<=[*†‡§¶#])(?=[A-ZÀ-ÖØ-Þ(]))(?P<text>[A-ZÀ-ÖØ-Þ(\"“‘'\d].*)$"
)
_FN_SYMBOLS = "*†‡§¶#"
#: labels a series of footnotes opens with
_FN_FIRST = frozenset({"a", "1", "*", "†"})
#: a heading over a notes block (web pages print one)
_NOTES_HEADING = re.compile(r"^(?:foot-?notes?|notes?|notas?(?: de rodap[ée])?|end-?notes)\s*:?$", re.I)
#: one-letter words of the corpus languages: as a marker such a letter needs the evidence of a sentence end
_LETTER_WORDS = frozenset("aeiouy")
#: how the rest of a note's reference opens on a line of its own ("Available from: http://...")
_NOTE_GOES_ON = re.compile(r"^(?:available (?:from|at)|dispon[ií]vel em|disponible en|accessed|acesso em|"
                           r"citado|cited|https?://|www\.|doi:)", re.I)
#: a line that closes with a web address (a note's "Available from: http://...")
_URL_END = re.compile(r"(?:https?://|www\.)\S*$", re.I)
_URLISH = re.compile(r"(?:https?://|www\.|doi:|/)\S*$", re.I)


def _fn_successors(mark: str) -> set[str]:
    """The labels that may follow ``mark`` in a series: b after a, 2 after 1, † or ** after *."""
    if mark.isdigit():
        return {str(int(mark) + 1)}
    if mark.isalpha():
        return {chr(ord(mark) + 1)} if mark < "z" else set()
    nxt = {mark + mark[0]} if len(mark) < 3 else set()
    k = _FN_SYMBOLS.find(mark[0])
    if len(mark) == 1 and 0 <= k < len(_FN_SYMBOLS) - 1:
        nxt.add(_FN_SYMBOLS[k + 1])
    return nxt


def footnote_candidates(lines: list[Line], breaks: AbstractSet[int] = frozenset()) -> dict[int, str]:
    """Indices of the lines that may open a footnote, with their markers.

    A candidate opens like a note (:data:`_FN_LINE`) where a new block can
    start: after a blank line, a sentence end, a URL, or right after the
    previous note of its series (a note may end without a full stop); at
    the foot of a page (a page break in ``breaks`` within six lines) also
    under a line that breaks off mid-sentence, which the note interrupts. Most
    are ruled out by :func:`accepted_footnotes`; this only keeps
    :func:`body_blocks` from gluing a note to the text above it.
    """
    out: dict[int, str] = {}
    prev = ""
    blank = True
    last: tuple[int, str] | None = None
    foot: set[int] = set()  # lines within six lines above a page break
    for b in breaks:
        k, seen = b, 0
        while k >= 0 and seen < 6:
            if lines[k].stripped:
                foot.add(k)
                seen += 1
            k -= 1
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not s:
            blank = True
            continue
        m = _FN_LINE.match(s) if s[0].isalnum() or s[0] in "^*†‡§¶#" else None
        if m and not _CAPTION.match(s):
            mark = m.group("mark")
            # right after the previous note of its series, or after a line with the same mark (a bulleted
            # list, which accepted_footnotes must see whole to leave it alone)
            follows = last is not None and i - last[0] <= 20 and (
                mark in _fn_successors(last[1]) or (mark == last[1] and i - last[0] <= 3))
            if blank or not prev or prev[-1] in _TERMINAL_CHARS or _URLISH.search(prev) or follows or i in foot:
                out[i] = mark
                last = (i, mark)
        prev = s
        blank = False
    return out


def _marker_spans(text: str, label: str) -> list[tuple[int, int]]:
    """Where ``text`` prints the in-text marker of footnote ``label``, unambiguously.

    Accepted: a web dump's superscript ("^b") standing after a space or
    punctuation; a symbol glued to the word or punctuation before it
    ("cells.*"); a lone letter after a word or punctuation and before a
    word ("the scale. b This way", "software Multilog c na fase"), unless
    the letter is also a one-letter word of the text's languages ("a",
    "e"), which counts only after a sentence end and before a capital.
    A number is accepted only as "^1": a bare one reads as a citation,
    a quantity or an exponent.
    """
    superscript, pattern = _marker_patterns(label)
    spans = [m.span() for m in _literal_matches(superscript, text, "^" + label)]
    if pattern is None:
        return spans
    for m in _literal_matches(pattern, text, label):
        before = text[:m.start()].split()
        if label.isalpha() and before and before[-1].lower().rstrip(".") in _NOT_BEFORE_LETTER:
            continue  # "Fig 2 b", "panels a and b", "and c"
        if not any(a < m.end() and m.start() < b for a, b in spans):
            spans.append(m.span())
    return sorted(spans)


@functools.lru_cache(maxsize=256)
def _marker_patterns(label: str) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The two patterns of :func:`_marker_spans` for ``label``: "^label", and the bare marker (None for a number).

    Compiled once per label: the module-level ``re`` functions looked each pattern up in their cache
    on every call, for every paragraph and label.
    """
    esc = re.escape(label)
    superscript = re.compile(rf"(?:^|(?<=[\s.,;:)\]”\"]))\^{esc}(?![\w*†‡§¶#])")
    if label.isdigit():
        return superscript, None
    if label[0] in _FN_SYMBOLS:
        pattern = rf"(?<=[^\W\d_]|[.,;:)\]”\"]){esc}(?![\w*†‡§¶#^])"
    elif label in _LETTER_WORDS:
        pattern = rf"(?<=[.;:!?”\"] ){esc}(?= [A-ZÀ-ÖØ-Þ][^\W\d_])"
    else:
        pattern = rf"(?:(?<=[^\W\d_]{{2}} )|(?<=[.,;:)”\"] )){esc}(?= [^\W\d_]{{2}}| ?$)"
    return superscript, re.compile(pattern)


def _literal_matches(pattern: re.Pattern[str], text: str, literal: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern whose every match opens with ``literal`` (after zero-width
    assertions, which see the text before the position as finditer's do).

    The marker patterns open with a look-behind, which finditer tries at every position of the
    paragraph; ``str.find`` jumps to the few places where the literal stands. A place inside the
    previous match is skipped, as finditer resumes after a match.
    """
    end = 0
    pos = text.find(literal)
    while pos != -1:
        if pos >= end:
            m = pattern.match(text, pos)
            if m is not None:
                yield m
                end = m.end()
        pos = text.find(literal, pos + 1)


#: words after which a lone letter is a panel or list letter, not a footnote marker
_NOT_BEFORE_LETTER = frozenset({"fig", "figs", "figure", "figures", "panel", "panels", "table", "and", "or", "e",
                                "y", "et", "und", "to", "from", "type", "group", "grupo", "vitamin", "vitamina"})


def accepted_footnotes(blocks: list[Block], breaks: AbstractSet[int], index: Mapping[int, int],
                       unsure: list[list[Block]] | None = None) -> dict[int, str]:
    """The footnote openers (line index -> marker) of the runs that read as footnotes.

    A run is a sequence of footnote blocks whose markers follow one another
    (a, b, c; 1, 2; *, †). It is accepted when it stands where notes are
    printed: at the foot of a page (a page break follows it), at the end
    of the body (at most three paragraphs after it, such as a funding
    note), or under a "Notes" heading; its first marker must open a series
    or go on with the run before. A lone note also needs its marker in the
    text before it, unless it closes the body with a letter or symbol
    marker; a numbered "note" that reads like a heading ("2 Methods")
    is a numbered heading. ``index`` maps ``id(line)`` to the line's index.
    Everything else is body text again; runs of two or more notes left
    there for where they stand are added to ``unsure`` (for the report).
    """
    runs: list[list[int]] = []  # block indices
    for k, b in enumerate(blocks):
        if b.kind != "footnote":
            continue
        if runs and runs[-1][-1] == k - 1 and b.label in _fn_successors(blocks[k - 1].label or ""):
            runs[-1].append(k)
        else:
            runs.append([k])
    out: dict[int, str] = {}
    last_label: str | None = None
    for run in runs:
        first, last = blocks[run[0]], blocks[run[-1]]
        if not (first.label in _FN_FIRST or (last_label is not None and first.label in _fn_successors(last_label))):
            continue
        if any((blocks[k].label or "").isdigit() and _reads_as_heading(blocks[k].text) for k in run):
            continue
        if (run[0] > 0 and blocks[run[0] - 1].kind == "footnote" and blocks[run[0] - 1].label == first.label) or (
                run[-1] + 1 < len(blocks) and blocks[run[-1] + 1].kind == "footnote"
                and blocks[run[-1] + 1].label == last.label):
            continue  # "* ACE angiotensin...", "* CI confidence...": a bulleted list, not notes
        after = blocks[run[-1] + 1:]
        at_page_foot = index[id(last.lines[-1])] in breaks
        at_end = len(after) <= 3 and all(b.kind == "para" for b in after)
        under_heading = run[0] > 0 and blocks[run[0] - 1].kind == "heading" and bool(
            _NOTES_HEADING.match(blocks[run[0] - 1].text))
        if not (at_page_foot or at_end or under_heading):
            if unsure is not None and len(run) >= 2:
                unsure.append([blocks[k] for k in run])
            continue
        if len(run) == 1 and not under_heading and not (at_end and not (first.label or "1").isdigit()):
            # a lone note needs its marker in the text, unless it closes the text with a letter or
            # symbol ("a Ministério da Saúde. ...", "* This article is part of ..."): a line opening so
            # is no sentence
            label = first.label or ""
            before = " ".join(b.text for b in blocks[:run[0]] if b.kind == "para")
            if not _marker_spans(before, label):
                continue
        for k in run:
            out[index[id(blocks[k].lines[0])]] = blocks[k].label or ""
        last_label = last.label
    return out


def _reads_as_heading(text: str) -> bool:
    body = _FN_LINE.sub(r"\g<text>", text)
    return len(body.split()) <= 8 and body[-1:] not in _TERMINAL_CHARS


def _note_text(block: Block) -> str:
    """A footnote block's text without its marker."""
    m = _FN_LINE.match(block.text)
    return m.group("text") if m else block.text


def _lists_notes(text: str, found: Mapping[str, list[tuple[int, int]]]) -> bool:
    """The paragraph is a run of notes ("... 2008. b Morgado FFR. ... 2009. c ..."), not text citing them.

    Two labels of one series, each after a sentence end and less than 300
    characters apart, are the openings of consecutive notes.
    """
    opens = sorted((a, label) for label, spans in found.items() for a, _b in spans
                   if text[max(0, a - 2):a].rstrip()[-1:] in (".", ";"))
    return any(b[1] in _fn_successors(a[1]) and b[0] - a[0] < 300 for a, b in zip(opens, opens[1:]))


def link_footnotes(paragraphs: Iterable[Paragraph], notes: list[Footnote]) -> int:
    """Link in-text footnote markers (:func:`_marker_spans`) to their notes; return how many were linked.

    A label two notes share (numbering restarted on a later page) is
    ambiguous and links nothing; so is a paragraph that opens like a note
    or runs notes together (:func:`_lists_notes`).
    """
    by_label: dict[str, list[Footnote]] = {}
    for fn in notes:
        if fn.label:
            by_label.setdefault(fn.label, []).append(fn)
    linked = 0
    for para in paragraphs:
        if _FN_LINE.match(para.text):
            continue  # notes left in the text ("a Kakeshita IS. ... 2008. b Morgado FFR. ..."): labels, not markers
        found = {label: _marker_spans(para.text, label) for label, fns in by_label.items()
                 if len(fns) == 1 and label in para.text}
        if _lists_notes(para.text, found):
            continue
        new: list[Citation] = []
        taken = [(c.start, c.end) for c in para.citations]
        for label, spans in found.items():
            fns = by_label[label]
            for a, b in spans:
                if all(b <= s or a >= e for s, e in taken):
                    new.append(Citation(start=a, end=b, rids=[fns[0].id], text=para.text[a:b], ref_type="fn"))
                    taken.append((a, b))
        if new:
            para.citations = sorted([*para.citations, *new], key=lambda c: c.start)
            linked += len(new)
    return linked


# ------------------------------------------------------------------ tables

#: a table's caption; a supplementary one ("Table S1") stands for a file, not for cells under it
_TABLE_CAPTION = re.compile(r"(?i)^\s*(?:tab\w*|quadro)\.?\s+(?!S\d)")
#: a run of two or more spaces inside a line: the column gap of a text-browser table dump
_SPACE_RUN = re.compile(r"\S {2,}\S")
_PROSE_WORD = re.compile(r"[^\W\d_]{2,}[,.;:)]?$|\(?[^\W\d_]{2,}")
#: how a note under a table opens: a marker, or a word that introduces notes or abbreviations
_FOOT_OPENER = re.compile(
    r"^(?:[*†‡§¶#]|\^?[a-z](?:\s|[A-Z:,])|\d(?=[A-Z])|"
    r"(?i:abbreviations?|notes?|notas?|sources?|fontes?|fuentes?|legend|key|footnotes?)\b|"
    r"(?i:values|data|results|numbers)\s+(?:are|were|represent|show|indicate)\b|"
    r"[A-Z][A-Za-z0-9/+-]*[A-Z][A-Za-z0-9/+-]*\s?[:=,]\s|[A-Z]\s?[:=,]\s[a-z])"
)


@dataclass(frozen=True)
class Layout:
    """How the body is laid out: its column width, whether it is hard-wrapped, and each line as printed.

    ``printed`` maps ``id(line)`` to the line with the runs of spaces the
    input had (repair collapses them, but a text-browser dump aligns a
    table's columns with them); lines not in it are as repaired.
    """

    width: int
    wrapped: bool
    printed: Mapping[int, str] = field(default_factory=dict)

    def text(self, ln: Line) -> str:
        return self.printed.get(id(ln), ln.text)

    def gapped(self, block: Block) -> bool:
        """A line of the block keeps column gaps (two or more spaces between words)."""
        return any(_SPACE_RUN.search(self.text(ln).strip()) for ln in block.lines)


def _is_prose(block: Block, lay: Layout) -> bool:
    """A block that reads as running text, not as table cells.

    Running text has sentences of mostly words; in hard-wrapped text its
    lines but the last fill the column, where a table's cells are short
    lines; a text-browser table keeps column gaps (runs of spaces).
    """
    text = block.text
    words = text.split()
    if len(words) < 8 or lay.gapped(block):
        return False
    if sum(1 for w in words if _PROSE_WORD.match(w)) < 0.6 * len(words):
        return False
    if not lay.wrapped:
        return text[-1] in _TERMINAL_CHARS and len(text) >= 80
    lengths = [len(ln.stripped) for ln in block.lines]
    if len(lengths) == 1:
        return lengths[0] >= 0.7 * lay.width and text[-1] in _TERMINAL_CHARS
    full = sum(1 for n in lengths[:-1] if n >= 0.7 * lay.width)
    # lines but the last fill the column (a broken long word or formula may leave one short)
    return full >= (len(lengths) - 1 if len(lengths) <= 3 else 0.75 * (len(lengths) - 1)) \
        and (text[-1] in _TERMINAL_CHARS or len(lengths) >= 3)


def _split_at_prose(block: Block, lay: Layout) -> list[Block]:
    """Cut a block of table cells where running text starts; return the blocks cut off (else none).

    In hard-wrapped text a cell ends without a full stop, so the heading
    and paragraph after a table may be read into the cells' block. Running
    text is a run of lines that fill the column, the first two at least,
    holding mostly words and ending a sentence (or going on for three
    lines); a known or numbered section heading, or a title-like line,
    right above it is its heading.
    """
    lines = block.lines
    if not lay.wrapped or len(lines) < 3:
        return []
    full = [len(ln.stripped) >= 0.7 * lay.width for ln in lines]
    for r in range(1, len(lines) - 1):
        if not (full[r] and full[r + 1]) or full[r - 1]:
            continue
        end = r
        while end < len(lines) and full[end]:
            end += 1
        run = Block("para", lines[r:min(end + 1, len(lines))])
        words = run.text.split()
        if len(words) < 8 or sum(1 for w in words if _PROSE_WORD.match(w)) < 0.6 * len(words):
            continue
        if end - r < 3 and run.text[-1] not in _TERMINAL_CHARS:
            continue
        head = lines[r - 1].stripped
        if r >= 2 and (_strong_heading(head) or _title_like(head)):
            out = [Block("heading", [lines[r - 1]]), Block("para", lines[r:])]
            del lines[r - 1:]
        else:
            out = [Block("para", lines[r:])]
            del lines[r:]
        return out
    return []


def _title_like(text: str) -> bool:
    """A short line that reads as a section title: capitalised words, no digit, no closing punctuation."""
    words = text.split()
    return (2 <= len(words) <= 8 and is_heading_like(text) and not any(ch.isdigit() for ch in text)
            and text[-1] not in _TERMINAL_CHARS and text[-1] not in ",-–" and any(w.islower() for w in words))


def _prose_tail(block: Block, lay: Layout) -> Block | None:
    """Cut running text off the end of a block of table rows; return it as a block of its own.

    A text-browser dump hard-wraps a note or paragraph right under a
    table's last row, with no blank line between: the lines after the last
    one with column gaps, if they read as running text, are not cells.
    """
    if not lay.wrapped or len(block.lines) < 2:
        return None
    gapped = [k for k, ln in enumerate(block.lines) if _SPACE_RUN.search(lay.text(ln).strip())]
    if not gapped or gapped[-1] == len(block.lines) - 1:
        return None
    tail = Block("para", block.lines[gapped[-1] + 1:])
    if not _is_prose(tail, lay) and not _FOOT_OPENER.match(tail.text):
        return None
    del block.lines[gapped[-1] + 1:]
    return tail


def _split_caption(block: Block, width: int) -> Block | None:
    """Cut a hard-wrapped table caption after its first short line or full stop; return the rest as a block.

    pdftotext (and a text browser) may run a caption straight into the
    first cells of its table; a caption's lines fill the column until its
    last one. What is cut off is read as the caption's legend, the cells,
    or, with no table under it, given back to the caption.
    """
    for k, ln in enumerate(block.lines[:-1]):
        if len(ln.stripped) < 0.75 * width or ln.stripped[-1] in ".:":
            rest = Block("para", block.lines[k + 1:])
            del block.lines[k + 1:]
            return rest
    return None


def mark_tables(blocks: list[Block], lay: Layout) -> list[Block]:
    """Mark the blocks under each table caption: legend, the table's printed content, notes under it.

    The content is the run of blocks after the caption that do not read as
    running text (:func:`_is_prose`): cell lines, short row labels, column
    heads. It ends at running text, another caption, a footnote, or a
    heading that running text follows at once (a section heading, where a
    row label stands among other cells). A running-text block right after
    the caption and before the cells is the caption's legend; blocks right
    after the cells that open like table notes (:data:`_FOOT_OPENER`) are
    the notes. Anything else stays body text.
    """
    blocks = list(blocks)
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if b.kind != "caption" or not _TABLE_CAPTION.match(b.text):
            continue
        rest = _split_caption(b, lay.width) if lay.wrapped and len(b.lines) > 1 else None
        if rest is not None:
            blocks.insert(i, rest)
        j = i
        legend = None
        if j + 1 < len(blocks) and blocks[j].kind == "para" and _is_prose(blocks[j], lay) \
                and _is_material(blocks, j + 1, lay):
            legend = blocks[j]
            j += 1
        start = j
        while j < len(blocks) and _is_material(blocks, j, lay):
            after = _split_at_prose(blocks[j], lay)
            if after:  # running text (with its heading) glued under the last cells
                blocks[j + 1:j + 1] = after
                j += 1
                break
            tail = _prose_tail(blocks[j], lay)
            if tail is not None:  # a note or text run on under the last row (no blank line between)
                blocks.insert(j + 1, tail)
                j += 1
                break
            j += 1
        if j == start:
            if rest is not None:  # no table under the caption: the caption stays as it was read
                b.lines.extend(blocks.pop(i).lines)
            continue
        if legend is not None:
            legend.kind = "table-legend"
        k = j
        if sum(lay.gapped(blk) for blk in blocks[start:j]) >= max(2, (j - start) / 2):
            # columns aligned by gaps: the lines after the last row with gaps are no rows; notes
            # first, then whatever follows the table (a heading, more text) is body text again
            while k > start + 1 and not lay.gapped(blocks[k - 1]):
                k -= 1
            m = k
            while m < j and _reads_as_note(blocks[m]):
                m += 1
            j = m
        else:
            # notes printed as the table's last short lines ("SD, standard deviation.")
            while k > start + 1 and blocks[k - 1].kind == "para" and not lay.gapped(blocks[k - 1]) \
                    and _FOOT_OPENER.match(blocks[k - 1].text):
                k -= 1
        for blk in blocks[start:k]:
            blk.kind = "table"
        for blk in blocks[k:j]:
            blk.kind = "table-foot"
        while j < len(blocks) and blocks[j].kind == "para" and _FOOT_OPENER.match(blocks[j].text):
            blocks[j].kind = "table-foot"
            j += 1
        i = j
    return blocks


def _reads_as_note(block: Block) -> bool:
    """A line under a table's rows that reads as a note: a sentence, a marker or abbreviation, a value."""
    text = block.text
    return (block.kind == "para" and (text[-1] in _TERMINAL_CHARS or "=" in text or len(text.split()) >= 6
                                      or bool(_FOOT_OPENER.match(text))))


_NUMBER_TOKEN = re.compile(r"^[(\[]?[-−–+<>≤≥~]?\d[\d.,·%:/–-]*[)\]%]?[,;]?$")


def _is_material(blocks: list[Block], j: int, lay: Layout) -> bool:
    """Block ``j`` is part of a table's printed content (see :func:`mark_tables`)."""
    b = blocks[j]
    if b.kind in ("caption", "footnote"):
        return False
    if b.kind == "heading":
        if lay.gapped(b) or sum(1 for w in b.text.split() if _NUMBER_TOKEN.match(w)) >= 2:
            return True  # a table row the heading test took for a title
        if _TOP_LEVEL.match(_SECTION_NUMBER.sub("", b.text)):
            return False  # "Results": a section name, where an all-capitals cell ("HTCC2181") is not
        nxt = blocks[j + 1] if j + 1 < len(blocks) else None
        return not (nxt is not None and not nxt.blank_before and nxt.kind == "para" and _is_prose(nxt, lay))
    return not _is_prose(b, lay)


#: where a cell opens in a table row: after a run of spaces, or at the row's start (compiled once: run per row)
_CELL_OPENS = re.compile(r"(?<=  )(?=\S)|^(?=\S)")


def table_grid(lines: list[str]) -> tuple[list[list[str]], int] | None:
    """Rows of cells and the number of header rows, where the lines keep an unambiguous grid; else None.

    A text-browser dump aligns a table's columns: cells start at their
    column's position (a head may be centred in it), and no text crosses
    the gap before a column. Column starts are the positions where cells
    open after a run of spaces in at least two rows; a row is cut there
    only if it has a space just before each start and no column of it
    holds two pieces apart. One row that breaks this, or fewer than two
    rows of two or more cells, and there is no grid. A label alone on its
    line that runs over the columns is a row of one cell spanning the
    table. Leading rows without a digit, above rows with numbers, are the
    column heads.
    """
    rows = [ln.rstrip() for ln in lines if ln.strip()]
    if len(rows) < 2:
        return None
    indent = min(len(r) - len(r.lstrip()) for r in rows)
    rows = [r[indent:] for r in rows]
    opened: dict[int, int] = {}
    for r in rows:
        for m in _CELL_OPENS.finditer(r):
            opened[m.start()] = opened.get(m.start(), 0) + 1
    starts = sorted(p for p, c in opened.items() if c >= 2 or p == 0)
    if len(starts) < 2 or 0 not in starts:
        return None
    grid: list[list[str]] = []
    for r in rows:
        # nothing may run across the position before a column, but a label alone on its line (a group
        # of rows under it, short of the last column) spans the table ...
        if any(p < len(r) and r[p - 1] != " " for p in starts[1:]):
            if "  " in r.strip() or not r[:1].strip() or len(r) > starts[-1]:
                return None
            grid.append([r.strip()])
            continue
        bounds = [*starts, max(len(r), starts[-1]) + 1]
        cells = [r[a:b].strip() for a, b in zip(bounds, bounds[1:])]
        # ... nor two pieces stand apart within one column (a centred head sits inside its column)
        if any("  " in c for c in cells):
            return None
        grid.append(cells)
    if sum(1 for row in grid if sum(1 for c in row if c) >= 2) < max(2, len(grid) // 2):
        return None
    if len(grid[0]) == 1:
        return None  # a head over all columns: where its parts sit over the columns is not in the text
    head = 0
    while head < min(3, len(grid) - 1) and not any(ch.isdigit() for c in grid[head] for ch in c):
        head += 1
    numeric_after = any(any(ch.isdigit() for c in row[1:] for ch in c) for row in grid[head:])
    return grid, head if numeric_after and head < len(grid) else 0


# ------------------------------------------------------------------ citations

_NUM_CITE = re.compile(r"\[(\d{1,4}(?:\s*[-–—,;]\s*\d{1,4})*)\](?:\s*[-–—]\s*\[(\d{1,4})\])?")
# '(2)', '(2, 3)', and '( 2, 3)' as some renderings space the parentheses
_PAREN_NUM_CITE = re.compile(r"(?<![\w(])\(\s?(\d{1,4}(?:\s*[-–—,;]\s*\d{1,4})*)\s?\)")
#: a superscript citation a text browser marked with a caret ('patologia. ^7 Os', 'tuberculosis^12,13 and'):
#: after a word of three letters or more or after a sentence or clause mark, never after a digit ('10^5')
#: a list or range printed as separate superscripts comes out as '^6 ^, ^11' or '^2 ^- ^4'
_CARET_CITE = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=[.,;:!?)\]]\s)|(?<=[.,;:!?)\]]))"
                         r"\^(\d{1,3}(?:[-–,]\d{1,3})*(?:\s?\^[-–,]\s?\^\d{1,3}(?:[-–,]\d{1,3})*)*)"
                         r"(?![\w^+\-−–/%°.,]\w)")
_CARETS = re.compile(r"[\s^]")
#: units a superscript number raises to a power, never a citation ('m^2', 'cm^3')
_UNITS = frozenset({"m", "cm", "mm", "km", "nm", "µm", "μm", "kg", "g", "mg", "s", "l", "ml", "dl"})
_SUPER_CITE = re.compile(r"(?<=[a-z]{3})(\d{1,3}(?:[-–,]\d{1,3})*)(?=[\s.,;:)]|$)")
#: a superscript citation flattened by the text rendering into bare numbers after a sentence or
#: clause boundary: "custos. 13 Adicionalmente", "62,0%). 2 , 4 , 17", "population.1 Studies".
#: Group 1 is the punctuation, group 2 the numbers as printed; :func:`_flat_cite` checks the rest.
_FLAT_CITE = re.compile(r"([.;,!?)\]])\s?(\d{1,3}(?:\s?[,;–-]\s?\d{1,3})*)")
_FLAT_NOT_AFTER = frozenset({
    "fig", "figs", "figure", "figures", "figura", "figuras", "table", "tables", "tabela", "tabelas", "tabla",
    "tablas", "quadro", "quadros", "p", "pp", "n", "no", "nº", "nos", "vol", "v", "ed", "eds", "ref", "refs",
    "cap", "art", "arts", "sec", "seção", "eq", "eqs", "chapter", "section", "item", "itens", "items", "lei",
    "law", "step", "etapa", "fase", "phase", "grupo", "group", "page", "página", "páginas", "anexo", "apêndice",
    "appendix", "versão", "version", "nível", "level", "tipo", "type", "grade", "grau", "estágio", "stage",
    "dia", "dias", "day", "days", "ano", "anos", "year", "years", "mês", "meses", "month", "months"})
_FLAT_WORD_BEFORE = re.compile(r"([^\W\d_]+)\W*$")
_FLAT_CAPITAL_AFTER = re.compile(r"\s+[\"“(]?[A-ZÀ-ÖØ-Þ][^\W\d_]")
_FLAT_LIST = re.compile(r"\d\s[,;]\s\d")
_YEAR_PART = r"(?:1[6-9]|20)\d{2}[a-z]?"
_NAME_PART = r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?"
_AUTHORS = (rf"(?:(?:van|von|de|der|da|dos|del|di|du|la|le)\s+)*{_NAME_PART}"
            rf"(?:\s+et\s+al\.?|\s+(?:and|&|e|y)\s+(?:(?:van|von|de|der|da)\s+)*{_NAME_PART})?")
_AY_PART = re.compile(rf"({_AUTHORS}),?\s+((?:{_YEAR_PART})(?:\s*,\s*{_YEAR_PART})*)")
_AY_PAREN = re.compile(rf"\(([^()]*?{_YEAR_PART}[^()]*?)\)")
_AY_NARRATIVE = re.compile(rf"({_AUTHORS})\s+\(({_YEAR_PART}(?:\s*,\s*{_YEAR_PART})*)\)")
#: what every narrative citation contains: a cheap necessary condition for :data:`_AY_NARRATIVE`
_AY_NARRATIVE_END = re.compile(rf"\({_YEAR_PART}")


@functools.lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    # cached (a pure function of the string): every reference's surname is folded for the author-year
    # index, and every author-year citation's, character by character
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))


def _first_author_year(ref: Reference) -> tuple[str | None, str | None]:
    """The (surname, year) a citation of ``ref`` names, from the parsed fields.

    The parser's first author (its surname, or the group name of a
    collaboration: "(WHO 2010)") and year are what an author-year citation
    quotes. A reference the parser left without them (no parser plugin, or
    an odd string) falls back to the light reading of the raw string, so
    linking still works with ``-p no:refs-crf``.
    """
    surname = year = None
    if ref.authors:
        first = ref.authors[0]
        surname = first.surname or first.collab
    if ref.year:
        year = ref.year
    if surname is None or year is None:
        raw_surname, raw_year = ref_surname_year(ref.raw)
        surname = surname or raw_surname
        year = year or raw_year
    return surname, year


class CitationIndex:
    """What an in-text citation can point at: list numbers and (surname, year) keys.

    Surname keys are case- and accent-folded; a surname with particles
    ("van der Berg") is also filed under its last word, since text cites
    both "van der Berg 2010" and "Berg 2010". A key that names two
    references links neither (the citation is reported instead).
    ``author_year=False`` builds the numeric part only (extraction, before
    the references are parsed).
    """

    def __init__(self, refs: list[Reference], author_year: bool = True) -> None:
        self.labels = {r.label: r.id for r in refs if r.label}
        if refs and not self.labels:
            # web pages often drop the list numbers; numeric citations then count in list order
            self.labels = {str(k): r.id for k, r in enumerate(refs, start=1)}
            self.inferred = True
        else:
            self.inferred = False
        self.count = len(refs)
        self.author_year: dict[tuple[str, str], list[str]] = {}
        for r in refs if author_year else ():
            surname, year = _first_author_year(r)
            if not (surname and year):
                continue
            m = _YEAR_KEY.search(year)
            if not m:
                continue
            year = m.group(0)
            names = {_fold(surname)}
            last = surname.split()[-1] if surname.split() else ""
            if last:
                names.add(_fold(last))
            for name in names:
                for key in ((name, year), (name, year[:4] + "*")):
                    ids = self.author_year.setdefault(key, [])
                    if r.id not in ids:
                        ids.append(r.id)

    def by_author_year(self, surname: str, year: str) -> str | None:
        key = _fold(surname.split()[-1]) if surname else ""
        for name in (_fold(surname), key):
            ids = self.author_year.get((name, year))
            if ids and len(ids) == 1:
                return ids[0]
            base = self.author_year.get((name, year[:4] + "*"))
            if base and len(base) == 1:
                return base[0]
        return None


def _expand(numbers: str) -> list[int] | None:
    nums: list[int] = []
    for part in _CITE_SEPARATOR.split(numbers.strip()):
        a, _, b = _WHITESPACE.sub("", part).replace("–", "-").replace("—", "-").partition("-")
        if not a.isdigit() or (b and not b.isdigit()):
            return None
        if b:
            lo, hi = int(a), int(b)
            if hi < lo or hi - lo > 200:
                return None
            nums.extend(range(lo, hi + 1))
        else:
            nums.append(int(a))
    return nums


def _flat_cite(text: str, m: re.Match[str], labels: Mapping[str, str]) -> bool:
    """Whether ``m`` (a :data:`_FLAT_CITE` match) reads as a flattened superscript citation.

    The punctuation must end a word or a bracket (not a number: "1.5", "13,5"; not "Fig." or "p."),
    every number must name a reference, and the numbers must be followed by the end of the
    paragraph, a capitalised word, or (a comma-spaced list of two or more) more text; a number
    that goes on as a decimal, percentage or unit ("13,5%", "2.5", "10°") is not one.
    """
    start = m.start()
    before = text[start - 1] if start else ""
    if not before or before.isdigit() or before.isspace():
        return False
    if m.group(1) in ".,;" and before in ")]" and start >= 2 and text[start - 2].isdigit():
        return False  # "(2010). 3" keeps its year in brackets, but "(n = 13), 4" is a count
    word = _FLAT_WORD_BEFORE.search(text, max(0, start - 30), start)
    if word and word.group(1).casefold() in _FLAT_NOT_AFTER:
        return False
    rest = text[m.end():]
    if rest and (rest[0].isalnum() or rest[0] in "%‰°/" or (rest[0] in ".,:" and rest[1:2].isdigit())):
        return False
    nums = _expand(m.group(2))
    if not nums or not all(str(n) in labels for n in nums):
        return False
    if not rest.strip():
        return True
    if _FLAT_CAPITAL_AFTER.match(rest):
        return True
    return bool(_FLAT_LIST.search(m.group(2))) and rest[:1].isspace()


def find_citations(text: str, labels: dict[str, str] | CitationIndex,
                   styles: frozenset[str] = frozenset({"bracket"}),
                   existing: Sequence[Citation] = (),
                   subscripts: Sequence[tuple[int, int]] = ()) -> tuple[list[Citation], list[str]]:
    """In-text citations of ``text`` -> Citation spans, and the citations that match no reference.

    ``styles`` are the citation forms the article uses ("bracket",
    "paren", "super", "author-year"); a range links every reference in it.
    A citation naming a number or author/year with no reference stays text
    and is returned as a problem. ``existing`` citations (linked at an
    earlier stage) keep their characters: nothing new overlaps them, and
    they are not part of the result. ``subscripts`` (a web page's 'O[2]',
    see :func:`bracket_subscripts`) are no citations either.
    """
    index = labels if isinstance(labels, CitationIndex) else None
    label_map: dict[str, str] = labels.labels if isinstance(labels, CitationIndex) else labels
    cites: list[Citation] = []
    problems: list[str] = []
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in existing] + list(subscripts)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    def add_numeric(m: re.Match[str], group: int = 1, tail: str | None = None) -> None:
        nums = _expand(m.group(group))
        if nums and tail:
            nums.extend(range(nums[-1] + 1, int(tail) + 1))
        rids = [label_map.get(str(n)) for n in nums or []]
        if not nums or any(r is None for r in rids):
            problems.append(m.group(0))
            return
        start, end = m.span(group) if group and m.re is _SUPER_CITE else m.span()
        cites.append(Citation(start=start, end=end, rids=[r for r in rids if r], text=text[start:end]))
        taken.append((start, end))

    if "bracket" in styles:
        for m in _NUM_CITE.finditer(text):
            if free(*m.span()):
                add_numeric(m, 1, m.group(2))
    if "paren" in styles:
        for m in _PAREN_NUM_CITE.finditer(text):
            if free(*m.span()):
                add_numeric(m)
    if "super" in styles:
        for m in _SUPER_CITE.finditer(text):
            nums = _expand(m.group(1))
            if nums and all(str(n) in label_map for n in nums) and free(*m.span()):
                add_numeric(m)
    if "^" in text:
        # a caret marks a superscript: with every number a reference, it is one in any citation style
        for m in _CARET_CITE.finditer(text):
            nums = _expand(_CARETS.sub("", m.group(1)))
            word = _FLAT_WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if (nums and all(str(n) in label_map for n in nums) and free(*m.span())
                    and not (word and word.group(1).casefold() in _UNITS | _FLAT_NOT_AFTER)):
                start, end = m.span(1)
                cites.append(Citation(start=start, end=end, rids=[label_map[str(n)] for n in nums],
                                      text=text[start:end]))
                taken.append(m.span())
    if "flat" in styles:
        for m in _FLAT_CITE.finditer(text):
            if _flat_cite(text, m, label_map) and free(*m.span(2)):
                nums = _expand(m.group(2)) or []
                start, end = m.span(2)
                cites.append(Citation(start=start, end=end, rids=[label_map[str(n)] for n in nums],
                                      text=text[start:end]))
                taken.append((start, end))
    if "author-year" in styles and index is not None and "(" in text:
        # the narrative pattern is tried at every character; most paragraphs (all of a numbered article)
        # have no "(year" it could end in, which one search with a literal "(" up front rules out
        narrative = _AY_NARRATIVE.finditer(text) if _AY_NARRATIVE_END.search(text) else ()
        for m in narrative:
            if free(*m.span()):
                _author_year(text, m.group(1), m.group(2), m.span(), index, cites, problems, taken)
        for m in _AY_PAREN.finditer(text):
            inner_start = m.start(1)
            for part in re.finditer(r"[^;]+", m.group(1)):
                pm = _AY_PART.search(part.group(0))
                if not pm:
                    continue
                a = inner_start + part.start() + pm.start()
                b = inner_start + part.start() + pm.end()
                if free(a, b):
                    _author_year(text, pm.group(1), pm.group(2), (a, b), index, cites, problems, taken)
    cites.sort(key=lambda c: c.start)
    return cites, problems


def _author_year(text: str, authors: str, years: str, span: tuple[int, int], index: CitationIndex,
                 cites: list[Citation], problems: list[str], taken: list[tuple[int, int]]) -> None:
    surname = re.split(r"\s+(?:et\s+al\.?|and|&|e|y)\b", authors)[0].strip()
    rids = []
    for y in re.split(r"\s*,\s*", years):
        rid = index.by_author_year(surname, y)
        if rid is None:
            problems.append(text[span[0]:span[1]])
            return
        rids.append(rid)
    cites.append(Citation(start=span[0], end=span[1], rids=rids, text=text[span[0]:span[1]]))
    taken.append(span)


def citation_styles(texts: list[str], index: CitationIndex) -> frozenset[str]:
    """Which numeric citation forms this article uses, so that "(2)" or "cells2" is read as one only where it is.

    Author-year citations are not decided here: they are linked after
    reference parsing (:func:`link_author_year`).
    """
    styles = {"bracket"}
    joined = "\n".join(texts)
    if index.labels:
        if len(_NUM_CITE.findall(joined)) < 3:
            # '(2010)' or '(n = 3)' are no citations: only numbers that name references count
            paren = [m for m in _PAREN_NUM_CITE.finditer(joined)
                     if (nums := _expand(m.group(1))) and all(str(n) in index.labels for n in nums)]
            flat = ([m for m in _FLAT_CITE.finditer(joined) if _flat_cite(joined, m, index.labels)]
                    if index.count >= 3 else [])
            # flattened superscripts outnumbering "(1)": those are enumerations ("(1) a; (2) b"), not citations
            if len(flat) >= 3 and len(flat) > len(paren) and _author_year_count(joined, len(flat)) < len(flat):
                styles.add("flat")
            elif len(paren) >= 3:
                styles.add("paren")
            if "paren" not in styles and index.count >= 3:
                supers = [m for m in _SUPER_CITE.finditer(joined)
                          if (nums := _expand(m.group(1))) and all(str(n) in index.labels for n in nums)]
                # gene and cell names end in digits too ('hyp7', 'zhIs5', 'lin-7'): in an author-year article
                # they are no citations
                if len(supers) >= 5 and _author_year_count(joined, len(supers)) < len(supers):
                    styles.add("super")
    return frozenset(styles)


def _author_year_count(text: str, limit: int) -> int:
    """How many author-year citations ("(Surname, 2010)", "Surname (2010)") ``text`` has, counting up to ``limit``."""
    n = 0
    for m in _AY_PAREN.finditer(text):
        n += any(_AY_PART.search(part) for part in m.group(1).split(";"))
        if n >= limit:
            return n
    if _AY_NARRATIVE_END.search(text):
        for _ in _AY_NARRATIVE.finditer(text):
            n += 1
            if n >= limit:
                return n
    return n


def _paragraphs(sections: Sequence[Section | None]) -> Iterator[Paragraph]:
    for sec in sections:
        if sec is None:
            continue
        yield from sec.paragraphs
        yield from _paragraphs(sec.sections)


def link_author_year(doc: Document, art: Article) -> int:
    """Link author-year citations in body, acknowledgements and appendices; return how many were linked.

    Runs after the reference parser (see the module doc): the keys are the
    parsed first-author surname and year of each reference. Citations
    already linked (numeric ones, from extraction) keep their place; a
    citation naming no reference, or two, stays text with a warning.
    """
    if not art.references:
        return 0
    index = CitationIndex(art.references)
    if not index.author_year:
        return 0
    styles = frozenset({"author-year"})
    linked = 0
    for para in _paragraphs([*art.body, art.ack, *art.appendices]):
        cites, problems = find_citations(para.text, index, styles, existing=para.citations)
        span = para.provenance.get("text")
        for p in problems:
            doc.report.warn("extract", "unlinked-citation", f"in-text citation {p} matches no reference; kept as text",
                            offset=span.start if span is not None else None)
        if cites:
            para.citations = sorted([*para.citations, *cites], key=lambda c: c.start)
            linked += len(cites)
    return linked


# ------------------------------------------------------------------ body


class _OriginalSpans(NamedTuple):
    """Where the non-blank lines of a list of lines stand in ``doc.original``: their indices in the
    list, and their starts and ends mapped back through the repairs."""

    rows: list[int]
    starts: list[int]
    ends: list[int]


def _original_spans(doc: Document, lines: list[Line]) -> _OriginalSpans:
    """The non-blank lines of ``lines`` and their spans in ``doc.original``.

    Page breaks, printed line tails and printed spacing all compare a line with the input; mapped
    once per body and shared, the offsets cost a third of what each of them mapping its own did.
    """
    rows = [i for i, ln in enumerate(lines) if ln.stripped]
    return _OriginalSpans(rows, doc.to_original_many([lines[i].start for i in rows]),
                          doc.to_original_many([lines[i].end for i in rows]))


def page_breaks(doc: Document, lines: list[Line], spans: _OriginalSpans | None = None) -> set[int]:
    """Indices of the lines of ``lines`` that a page break (form feed in the input) follows.

    Repair turns form feeds into line breaks; the original text keeps them,
    and a page-foot footnote is told by the page break after it. ``spans``:
    :func:`_original_spans` of ``lines``, if already mapped.
    """
    feeds = [m.start() for m in re.finditer("\f", doc.original)]
    if not feeds:
        return set()
    if spans is None:
        spans = _original_spans(doc, lines)
    content, starts, ends = spans
    if len(content) < 2:
        return set()
    out = set()
    for k in range(len(content) - 1):
        j = bisect.bisect_left(feeds, ends[k])
        if j < len(feeds) and feeds[j] < starts[k + 1]:
            out.add(content[k])
    return out


def _printed_lines(doc: Document, lines: list[Line], spans: _OriginalSpans | None = None) -> dict[int, str]:
    """``id(line)`` -> the line with the input's runs of spaces put back, for lines repair shortened.

    Repair collapses runs of spaces; a text-browser dump aligns table
    columns with them. Every other repair of the line is kept: each
    repaired character stays, and a space stands for as many as the input
    had there. ``spans``: :func:`_original_spans` of ``lines``, if already mapped.
    """
    if spans is None:
        spans = _original_spans(doc, lines)
    out: dict[int, str] = {}
    for i, a, b in zip(*spans):
        ln = lines[i]
        if b - a <= len(ln.text) or "  " in ln.stripped or "  " not in doc.original[a:b].strip():
            continue
        # only a space can stand for several: map the offsets around the spaces, not every character
        text = ln.text
        at = [k for k, ch in enumerate(text) if ch == " "]
        offsets = doc.to_original_many([ln.start + k for k in at] + [ln.start + k + 1 for k in at])
        chars = list(text)
        for j, k in enumerate(at):
            gap = offsets[len(at) + j] - offsets[j]
            if gap > 1:
                chars[k] = " " * gap
        out[id(ln)] = "".join(chars)
    return out


def _printed_tails(doc: Document, lines: list[Line], spans: _OriginalSpans | None = None) -> dict[int, int]:
    """``id(line)`` -> length of the last printed line in it, for lines repair made of several.

    Rejoining a hyphenated word ("ciphe-" / "rtext does not leak ...")
    moves the rest of the next printed line up: the joined line looks
    full, though the printed line that ended the paragraph was short.
    ``spans``: :func:`_original_spans` of ``lines``, if already mapped.
    """
    if spans is None:
        spans = _original_spans(doc, lines)
    out: dict[int, int] = {}
    original = doc.original
    for i, a, b in zip(*spans):
        if "\n" in original[a:b]:
            out[id(lines[i])] = len(original[a:b].rsplit("\n", 1)[1].strip())
    return out


def _read_blocks(doc: Document, body: list[Line]) -> tuple[list[Block], Layout]:
    """The body's blocks, with footnotes told from text (:func:`accepted_footnotes`) and tables marked."""
    spans = _original_spans(doc, body)
    breaks = page_breaks(doc, body, spans)
    candidates = footnote_candidates(body, breaks)
    tails = _printed_tails(doc, body, spans)
    measures = _measure(body)
    blocks = body_blocks(body, candidates, breaks, tails, measures)
    if candidates:
        index = {id(ln): i for i, ln in enumerate(body)}
        unsure: list[list[Block]] = []
        accepted = accepted_footnotes(blocks, breaks, index, unsure)
        for run in unsure:
            doc.report.warn("extract", "footnote-unsure",
                            f"{len(run)} lines open like a series of notes ({run[0].label}, {run[1].label}, ...) but "
                            "stand where notes are not printed (not at a page foot, the end of the text or under a "
                            "Notes heading): kept as body text", original=run[0].text[:200],
                            offset=doc.to_original(run[0].lines[0].start))
        if accepted != candidates:
            blocks = body_blocks(body, accepted, breaks, tails, measures)
    width = measures.width
    lay = Layout(width, 0 < width < 200, _printed_lines(doc, body, spans))
    return mark_tables(blocks, lay), lay


def _extract_body(doc: Document, art: Article, body: list[Line]) -> None:
    index = CitationIndex(art.references, author_year=False)  # author-year: link_author_year, after parsing
    blocks, lay = _read_blocks(doc, body)
    styles = citation_styles([b.text for b in blocks if b.kind == "para"], index)
    web = not doc.paged  # a web page's text prints subscripts in brackets ('O[2]')
    root = Section()
    stack: list[tuple[int, Section]] = [(0, root)]
    seen_top = False
    fig_n = {"fig": 0, "table": 0}
    table: Figure | None = None  # the table whose legend, content and notes follow its caption
    printed: dict[str, list[str]] = {}  # table id -> its content lines as printed
    for block in blocks:
        if block.kind in ("table", "table-legend", "table-foot") and table is not None:
            _add_to_table(table, block, printed.setdefault(table.id, []), lay)
            continue  # (a table's blocks need neither the joined text nor a span: one in five blocks)
        text = block.text
        s0, s1 = block.lines[0].start, block.lines[-1].end
        span = Span(start=doc.to_original(s0), end=doc.to_original(s1))
        if block.kind == "footnote":
            fn = Footnote(id=f"fn{len(art.footnotes) + 1}", label=block.label, text=_note_text(block))
            fn.provenance["text"] = span
            art.footnotes.append(fn)
            continue
        if block.kind == "heading":
            m = _NUMBERED.match(text)
            title = m.group(2) if m else text
            label = m.group(1) if m else None
            if m:
                depth = label.count(".") + 1 if label else 1
            elif _TOP_LEVEL.match(title) or text.isupper():
                depth = 1
                seen_top = True
            else:
                depth = 2 if seen_top else 1
            sec = Section(title=title, label=label)
            sec.provenance["title"] = span
            if depth == 1 and _ACK.match(title):
                art.ack = sec if art.ack is None else art.ack
                stack = [(0, root), (1, art.ack)]
                continue
            if depth == 1 and _APPENDIX.match(title):
                art.appendices.append(sec)
                stack = [(0, root), (1, sec)]
                continue
            if depth == 1:
                stack = [(0, root)]  # back in the body after an ack or appendix
            while len(stack) > 1 and stack[-1][0] >= depth:
                stack.pop()
            stack[-1][1].sections.append(sec)
            stack.append((depth, sec))
            continue
        here = stack[-1][1]
        if block.kind == "caption":
            cm = _CAPTION.match(text)
            assert cm is not None
            kind: Literal["fig", "table"] = "table" if re.match(r"(?i)tab|quadro", cm.group(1)) else "fig"
            fig_n[kind] += 1
            fig = Figure(kind=kind, id=f"{'f' if kind == 'fig' else 't'}{fig_n[kind]}", label=cm.group(1),
                         caption=cm.group(2).strip(), position=len(here.paragraphs))
            fig.provenance["caption"] = span
            here.figures.append(fig)
            table = fig if kind == "table" else None
            continue
        subs = bracket_subscripts(text) if web else []
        cites, problems = find_citations(text, index, styles, subscripts=subs)
        for p in problems:
            doc.report.warn("extract", "unlinked-citation", f"in-text citation {p} matches no reference; kept as text",
                            offset=doc.to_original(s0))
        para = Paragraph(text=text, citations=cites, subscripts=subs)
        para.provenance["text"] = span
        here.paragraphs.append(para)
    if root.paragraphs or root.sections or root.figures:
        if root.paragraphs or root.figures:
            art.body.append(Section(paragraphs=root.paragraphs, figures=root.figures))
        art.body.extend(root.sections)
    # numeric citations in notes (body and table notes), as in paragraphs
    for fn in [*art.footnotes, *(n for f in _figures([*art.body, art.ack, *art.appendices]) for n in f.foot)]:
        fn.citations, _problems = find_citations(fn.text, index, styles,
                                                 subscripts=bracket_subscripts(fn.text) if web else ())
    for fig in _figures([*art.body, art.ack, *art.appendices]):
        if fig.id in printed:
            cap = fig.provenance.get("caption")
            _finish_table(fig, printed[fig.id], doc.report, cap.start if cap is not None else None)
        # numeric citations in the caption and legend ('Cartoon model (extended from [41])'), as in paragraphs
        found = [find_citations(t, index, styles, subscripts=bracket_subscripts(t) if web else ())[0]
                 for t in ([fig.caption, *fig.legend] if fig.caption else fig.legend)]
        if any(found):
            fig.caption_citations = found
    if art.footnotes:
        link_footnotes(_paragraphs([*art.body, art.ack, *art.appendices]), art.footnotes)
        cited = {rid for p in _paragraphs([*art.body, art.ack, *art.appendices]) for c in p.citations
                 if c.ref_type == "fn" for rid in c.rids}
        for fn in art.footnotes:
            where = fn.provenance.get("text")
            offset = where.start if where is not None else None
            doc.report.add("extract", "footnote", f"footnote {fn.label} moved from the body to the back matter "
                           f"(<fn-group>)", original=fn.text[:200], offset=offset)
            if fn.id not in cited:
                doc.report.warn("extract", "footnote-unlinked", f"no unambiguous marker of footnote {fn.label} found "
                                "in the text: the note is not linked", offset=offset)


def _figures(sections: Sequence[Section | None]) -> Iterator[Figure]:
    for sec in sections:
        if sec is None:
            continue
        yield from sec.figures
        yield from _figures(sec.sections)


def _add_to_table(fig: Figure, block: Block, printed: list[str], lay: Layout) -> None:
    """Put a block read under a table caption into the table: legend, printed content or a note."""
    if block.kind == "table-legend":
        fig.legend.append(block.text)
    elif block.kind == "table":
        printed.extend(lay.text(ln).rstrip() for ln in block.lines)
    else:
        m = _FN_LINE.match(block.text)
        fn = Footnote(id=f"{fig.id}fn{len(fig.foot) + 1}", label=m.group("mark") if m else None,
                      text=m.group("text") if m else block.text)
        fig.foot.append(fn)


def _finish_table(fig: Figure, printed: list[str], report: Report, offset: int | None) -> None:
    """A table's printed lines -> a grid where they hold one unambiguously, else the lines verbatim."""
    lines = [ln for ln in printed if ln.strip()]
    if not lines:
        return
    grid = table_grid(lines)
    if grid is not None:
        fig.rows, fig.header_rows = grid
        return
    report.add("extract", "table-text", f"{fig.label or 'table'}: the text keeps no unambiguous grid of cells; "
               "its lines are kept as printed (<preformat>)", offset=offset)
    indent = min(len(ln) - len(ln.lstrip()) for ln in lines)
    fig.lines = [ln[indent:] for ln in lines]
