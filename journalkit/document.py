"""The reading state that hooks see: text, repairs, segments, report.

A :class:`Document` is created by the decode stage and handed through the
reader stages. ``doc.original`` never changes; ``doc.text`` is the repaired
text, and :meth:`Document.to_original` maps an offset of ``doc.text`` back to
``doc.original`` so that provenance and report entries always point into the
file the user holds.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from .report import Report

__all__ = ["Document", "Edit", "JournalProfile", "Line", "Segments", "TypeDecision"]


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement``; one repair."""

    start: int
    end: int
    replacement: str
    kind: str
    message: str = ""
    severity: str = "info"


@dataclass(init=False, slots=True)
class Line:
    """A line of the repaired text with its offsets (end excludes the newline).

    Slotted: every line of every text is one (230k per corpus run), and without an instance
    dictionary each is built faster and costs the garbage collector less to walk.
    """

    text: str
    start: int
    end: int
    #: ``text.strip()``, computed once: the readers ask for it hundreds of thousands of times per batch
    stripped: str = field(init=False, repr=False, compare=False)

    def __init__(self, text: str, start: int, end: int) -> None:
        # written out rather than generated with a __post_init__ hook: every line of every text is built
        # here (230k per corpus run), and the extra call was a tenth of the time of splitting a text
        self.text = text
        self.start = start
        self.end = end
        self.stripped = text.strip()


@dataclass
class Segments:
    """What segmentation found: front matter, body, back matter lines.

    ``references`` holds the reference-list lines (heading excluded),
    ``back`` whatever else follows the body (correspondence blocks, notes).
    """

    front: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    references: list[Line] = field(default_factory=list)
    back: list[Line] = field(default_factory=list)
    references_heading: Line | None = None
    #: the reference splitter's answer (entries, other lines) on the lines segmentation asked it about, with
    #: those lines: the reference reader asks again about the same lines where nothing was taken out of them
    #: since (a split costs about half a millisecond per article, and was made twice)
    reference_split: tuple[list[Line], Any] | None = field(default=None, repr=False, compare=False)
    #: the first page's copies of a running head: left in the front matter (or taken out of the body) for
    #: their facts (journal, year, volume); the readers take the facts but never put these lines into a text
    first_page_furniture: list[Line] = field(default_factory=list)
    #: the first page's foot that pdftotext printed after the body's first column (correspondence note,
    #: affiliations, dates, DOI, copyright): read with the front matter, after it
    first_page_foot: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class TypeDecision:
    """An article-type verdict and why (the evidence goes to the report)."""

    article_type: str
    evidence: str
    plugin: str = ""


@dataclass
class JournalProfile:
    """Facts about a journal that raw text rarely holds.

    Written by journal plugins; see ``plugins/journals.py`` for examples.
    ``match_titles`` are compared case-insensitively with the journal title
    or abbreviation found in the text; ``doi_prefixes`` with the article DOI.
    """

    name: str
    title: str | None = None
    abbrev_title: str | None = None
    issn_print: str | None = None
    issn_electronic: str | None = None
    publisher: str | None = None
    publisher_loc: str | None = None
    journal_id: str | None = None
    journal_id_type: str = "publisher-id"  # or nlm-ta (NLM title abbreviation), iso-abbrev, ...
    doi_prefixes: tuple[str, ...] = ()
    match_titles: tuple[str, ...] = ()
    reference_style: str | None = None
    noise_lines: tuple[str, ...] = ()

    def matches(self, doi: str | None, titles: list[str]) -> bool:
        if doi and any(doi.lower().startswith(p.lower()) for p in self.doi_prefixes):
            return True
        wanted = {t.casefold() for t in (*self.match_titles, self.title or "", self.abbrev_title or "") if t}
        return any(t.casefold() in wanted for t in titles if t)


class _OffsetMap:
    """Maps offsets of a repaired text back to the text before the repairs.

    Stored as sorted breakpoints (new_offset, delta): for a new offset ``n``
    the old offset is ``n + delta`` of the last breakpoint at or before
    ``n``. Inside a replaced span offsets map to the span's start.
    """

    def __init__(self) -> None:
        self._new: list[int] = [0]
        self._delta: list[int] = [0]
        self._delta_after: list[int] | None = None

    @classmethod
    def from_edits(cls, edits: list[Edit]) -> _OffsetMap:
        m = cls()
        shift = 0  # new - old so far
        for e in sorted(edits, key=lambda e: e.start):
            new_start = e.start + shift
            new_end = new_start + len(e.replacement)
            # offsets inside the replacement map to the original start
            m._new.append(new_start)
            m._delta.append(-shift)
            shift += len(e.replacement) - (e.end - e.start)
            m._new.append(new_end)
            m._delta.append(-shift)
        return m

    def __call__(self, offset: int) -> int:
        i = bisect.bisect_right(self._new, offset) - 1
        return max(0, offset + self._delta[i])

    def delta_after(self) -> list[int]:
        """``delta_after()[bisect_right(_new, n)] == _delta[bisect_right(_new, n) - 1]``, for any ``n``.

        The delta list shifted by one (its first entry is ``_delta[-1]``, where the index -1 points for
        an offset before the first breakpoint), so a mapping loop needs no subtraction per offset.
        Built once per map, on first use; the breakpoints never change after :meth:`from_edits`.
        """
        if self._delta_after is None:
            self._delta_after = [self._delta[-1], *self._delta]
        return self._delta_after


class Document:
    """One input on its way through the reader stages."""

    def __init__(self, original: str, *, source: str | None = None, report: Report | None = None,
                 journal: str | None = None, options: dict[str, Any] | None = None) -> None:
        self.original = original
        self.text = original
        self.source = source
        self.report = report if report is not None else Report(source=source)
        self.journal = journal
        self.options: dict[str, Any] = dict(options or {})
        self.segments = Segments()
        self.type_label: str | None = None  # the label line as printed
        self.type_label_value: str | None = None  # its JATS article-type
        self.type_labels: dict[str, str] = {}
        self.profile: JournalProfile | None = None
        self._maps: list[_OffsetMap] = []
        self._lines: tuple[str, list[Line]] | None = None

    @property
    def paged(self) -> bool:
        """Is the input pdftotext output (a form feed between pages) rather than a web page's text?

        Why: the two renderings damage text in different ways. pdftotext takes the hyphen out of a compound
        broken at a line end and keeps subscripts inline; a text browser keeps hyphens and prints a subscript
        in brackets glued to its base ('O[2]'). Repairs and readers that depend on which one ask here.
        """
        return "\f" in self.original

    # -- repairs ---------------------------------------------------------
    def apply_edits(self, edits: list[Edit], stage: str = "repair") -> None:
        """Apply non-overlapping edits to ``self.text`` and record each one."""
        if not edits:
            return
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        kept: list[Edit] = []
        last_end = -1
        for e in edits:
            if e.start < last_end:
                self.report.warn(stage, "overlapping-repair", f"skipped overlapping repair {e.kind}",
                                 offset=self.to_original(e.start))
                continue
            kept.append(e)
            last_end = e.end
        parts: list[str] = []
        pos = 0
        for e in kept:
            parts.append(self.text[pos:e.start])
            parts.append(e.replacement)
            self.report.add(stage, e.kind, e.message or e.kind, severity=e.severity,  # type: ignore[arg-type]
                            original=self.text[e.start:e.end], replacement=e.replacement,
                            offset=self.to_original(e.start))
            pos = e.end
        parts.append(self.text[pos:])
        self.text = "".join(parts)
        self._maps.append(_OffsetMap.from_edits(kept))

    def to_original(self, offset: int) -> int:
        """Offset in ``self.text`` -> offset in ``self.original``."""
        # the body of _OffsetMap.__call__, inlined: readers map a few hundred thousand offsets per batch
        for m in reversed(self._maps):
            offset += m._delta[bisect.bisect_right(m._new, offset) - 1]
            if offset < 0:
                offset = 0
        return offset

    def to_original_many(self, offsets: list[int]) -> list[int]:
        """``[self.to_original(o) for o in offsets]``, one map at a time.

        Mapping every line start (page numbers) is the bulk of all mapping;
        a comprehension per map keeps the loop in one frame instead of two
        calls per offset and map.
        """
        out = offsets
        bisect_right = bisect.bisect_right
        for m in reversed(self._maps):
            new, after = m._new, m.delta_after()
            out = [o + after[bisect_right(new, o)] for o in out]
            if out and min(out) < 0:  # max(0, ...) of each, as to_original does; rarely needed
                out = [max(0, o) for o in out]
        return list(out) if out is offsets else out

    def lines(self) -> list[Line]:
        """The lines of ``self.text`` (computed once per text version; callers must not mutate)."""
        if self._lines is not None and self._lines[0] is self.text:
            return self._lines[1]
        out: list[Line] = []
        pos = 0
        for raw in self.text.split("\n"):
            out.append(Line(raw, pos, pos + len(raw)))
            pos += len(raw) + 1
        self._lines = (self.text, out)
        return out
