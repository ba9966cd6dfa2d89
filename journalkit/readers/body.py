"""Body: sections, paragraphs, figure/table captions, in-text citations linked to references.

PDF text arrives hard-wrapped (one printed line per text line, paragraphs
running on across page and column breaks); web text has one paragraph per
line. :func:`body_blocks` turns either into blocks - heading, caption or
paragraph - by looking at how lines end and start and how long they are
compared with the column width. Headings nest by their numbering
("2.1") or, unnumbered, under the last top-level heading (Introduction,
Methods, ...). Acknowledgements and appendices go to the back matter.

In-text citations are linked to the reference list: numeric ("[1, 2]",
"[3-5]", "[2]–[4]", "(1,3–6)", superscripts glued to a word where the
article cites no other way) and author-year ("(Smith et al., 2016a; Jones
2010)", "Smith and Jones (2010)"). A citation that matches no reference
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

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from ..document import Document, Line
from ..model import (
    Article,
    Citation,
    Figure,
    Paragraph,
    Reference,
    Section,
    Span,
)
from .common import _join  # noqa: F401
from .reflist import ref_surname_year
from .segment import (
    is_heading_like,
)

__all__ = ["Block", "body_blocks", "find_citations", "CitationIndex", "link_author_year"]

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
_STOPWORDS = {"a", "an", "the", "and", "or", "of", "with", "in", "to", "for", "by", "on", "from", "at", "as", "that",
              "which", "is", "are", "was", "were", "be", "this", "these", "e", "de", "do", "da", "em", "y", "el", "la"}
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
    """A run of lines read as one unit: ``kind`` is heading, caption or para."""

    kind: str
    lines: list[Line]

    @property
    def text(self) -> str:
        return " ".join(ln.stripped for ln in self.lines if ln.stripped)


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


def body_blocks(lines: list[Line]) -> list[Block]:
    """Split body lines into heading, caption and paragraph blocks (see the module doc)."""
    width = _width(lines)
    wrapped = 0 < width < 200
    blocks: list[Block] = []
    cur: Block | None = None
    blank = True
    content = [ln for ln in lines if ln.stripped]
    nxt_of = {id(a): b.stripped for a, b in zip(content, content[1:])}
    for ln in lines:
        s = ln.stripped
        if not s:
            blank = True
            continue
        prev = cur.lines[-1].stripped if cur is not None else ""
        # prev is a stripped non-blank line (or cur is None): same as bool(_TERMINAL.search(prev))
        prev_ends = cur is None or cur.kind == "heading" or prev[-1] in _TERMINAL_CHARS
        nxt = nxt_of.get(id(ln))
        if cur is None or cur.kind == "heading":
            boundary = True
        elif not wrapped:
            # one paragraph a line; a line that opens in lower case goes on with the one above
            boundary = prev_ends or not s[:1].islower()
        else:
            boundary = prev_ends and not s[:1].islower() and (blank or len(prev) < 0.85 * width)
            boundary = boundary or (prev_ends and _strong_heading(s) and nxt is not None)
        if boundary:
            if prev_ends and not prev.endswith(":") and _is_heading(s, nxt, width, wrapped):
                cur = Block("heading", [ln])
            else:
                cur = Block("caption" if _CAPTION.match(s) else "para", [ln])
            blocks.append(cur)
        else:
            assert cur is not None
            cur.lines.append(ln)
        blank = False
    return blocks


# ------------------------------------------------------------------ citations

_NUM_CITE = re.compile(r"\[(\d{1,4}(?:\s*[-–—,;]\s*\d{1,4})*)\](?:\s*[-–—]\s*\[(\d{1,4})\])?")
_PAREN_NUM_CITE = re.compile(r"(?<![\w(])\((\d{1,4}(?:\s*[-–—,;]\s*\d{1,4})*)\)")
_SUPER_CITE = re.compile(r"(?<=[a-z]{3})(\d{1,3}(?:[-–,]\d{1,3})*)(?=[\s.,;:)]|$)")
_YEAR_PART = r"(?:1[6-9]|20)\d{2}[a-z]?"
_NAME_PART = r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)?"
_AUTHORS = (rf"(?:(?:van|von|de|der|da|dos|del|di|du|la|le)\s+)*{_NAME_PART}"
            rf"(?:\s+et\s+al\.?|\s+(?:and|&|e|y)\s+(?:(?:van|von|de|der|da)\s+)*{_NAME_PART})?")
_AY_PART = re.compile(rf"({_AUTHORS}),?\s+((?:{_YEAR_PART})(?:\s*,\s*{_YEAR_PART})*)")
_AY_PAREN = re.compile(rf"\(([^()]*?{_YEAR_PART}[^()]*?)\)")
_AY_NARRATIVE = re.compile(rf"({_AUTHORS})\s+\(({_YEAR_PART}(?:\s*,\s*{_YEAR_PART})*)\)")
#: what every narrative citation contains: a cheap necessary condition for :data:`_AY_NARRATIVE`
_AY_NARRATIVE_END = re.compile(rf"\({_YEAR_PART}")


def _fold(name: str) -> str:
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


def find_citations(text: str, labels: dict[str, str] | CitationIndex,
                   styles: frozenset[str] = frozenset({"bracket"}),
                   existing: Sequence[Citation] = ()) -> tuple[list[Citation], list[str]]:
    """In-text citations of ``text`` -> Citation spans, and the citations that match no reference.

    ``styles`` are the citation forms the article uses ("bracket",
    "paren", "super", "author-year"); a range links every reference in it.
    A citation naming a number or author/year with no reference stays text
    and is returned as a problem. ``existing`` citations (linked at an
    earlier stage) keep their characters: nothing new overlaps them, and
    they are not part of the result.
    """
    index = labels if isinstance(labels, CitationIndex) else None
    label_map: dict[str, str] = labels.labels if isinstance(labels, CitationIndex) else labels
    cites: list[Citation] = []
    problems: list[str] = []
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in existing]

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
            paren = [m for m in _PAREN_NUM_CITE.finditer(joined) if _expand(m.group(1))]
            if len(paren) >= 3:
                styles.add("paren")
            elif index.count >= 3:
                supers = [m for m in _SUPER_CITE.finditer(joined)
                          if (nums := _expand(m.group(1))) and all(str(n) in index.labels for n in nums)]
                if len(supers) >= 5:
                    styles.add("super")
    return frozenset(styles)


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


def _extract_body(doc: Document, art: Article, body: list[Line]) -> None:
    index = CitationIndex(art.references, author_year=False)  # author-year: link_author_year, after parsing
    blocks = body_blocks(body)
    styles = citation_styles([b.text for b in blocks if b.kind == "para"], index)
    root = Section()
    stack: list[tuple[int, Section]] = [(0, root)]
    seen_top = False
    fig_n = {"fig": 0, "table": 0}
    for block in blocks:
        text = block.text
        s0, s1 = block.lines[0].start, block.lines[-1].end
        span = Span(start=doc.to_original(s0), end=doc.to_original(s1))
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
            continue
        cites, problems = find_citations(text, index, styles)
        for p in problems:
            doc.report.warn("extract", "unlinked-citation", f"in-text citation {p} matches no reference; kept as text",
                            offset=doc.to_original(s0))
        para = Paragraph(text=text, citations=cites)
        para.provenance["text"] = span
        here.paragraphs.append(para)
    if root.paragraphs or root.sections or root.figures:
        if root.paragraphs or root.figures:
            art.body.append(Section(paragraphs=root.paragraphs, figures=root.figures))
        art.body.extend(root.sections)
