"""Body: sections, paragraphs, in-text citations linked to references."""

from __future__ import annotations

import re

from ..document import Document, Line
from ..model import (
    Article,
    Citation,
    Paragraph,
    Section,
    Span,
)
from .common import _join  # noqa: F401
from .segment import (
    is_heading_like,
)

# ------------------------------------------------------------------ body


_NUM_CITE = re.compile(r"\[(\d{1,4}(?:\s*[-–,]\s*\d{1,4})*)\](?:\s*[-–]\s*\[(\d{1,4})\])?")


def find_citations(text: str, labels: dict[str, str]) -> tuple[list[Citation], list[str]]:
    """Numeric in-text citations ("[1, 2]", "[3-5]", "[2]–[4]") -> Citation spans.

    A range links every reference in it. A citation naming a number with no
    reference stays text and is returned as a problem.
    """
    cites: list[Citation] = []
    problems: list[str] = []
    for m in _NUM_CITE.finditer(text):
        nums: list[int] = []
        for part in re.split(r"\s*,\s*", m.group(1)):
            a, _, b = re.sub(r"\s", "", part).replace("–", "-").partition("-")
            if b:
                lo, hi = int(a), int(b)
                if hi < lo or hi - lo > 200:
                    nums = []
                    break
                nums.extend(range(lo, hi + 1))
            else:
                nums.append(int(a))
        if m.group(2) and nums:
            nums.extend(range(nums[-1] + 1, int(m.group(2)) + 1))
        rids = [labels.get(str(n)) for n in nums]
        if not nums or any(r is None for r in rids):
            problems.append(m.group(0))
            continue
        cites.append(Citation(start=m.start(), end=m.end(), rids=[r for r in rids if r], text=m.group(0)))
    return cites, problems


def _paragraphs(lines: list[Line]) -> list[tuple[str, int, int, bool]]:
    """(text, start, end, heading?) blocks; a lone short line between blocks is a heading."""
    out = []
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].stripped:
            i += 1
            continue
        j = i
        while j < n and lines[j].stripped:
            j += 1
        block = lines[i:j]
        # a heading line at the block start, followed by text
        if len(block) >= 1 and is_heading_like(block[0].stripped) and (len(block) > 1 or j < n) and len(
                block[0].stripped) < 80 and (len(block) == 1 or len(block[1].stripped) > 0):
            first = block[0].stripped
            if len(block) == 1 or not first.endswith(("-",)) and (len(block[1].stripped) > len(first) or True):
                if len(block) == 1 or _heading_then_text(block):
                    out.append((first, block[0].start, block[0].end, True))
                    block = block[1:]
        if block:
            out.append((_join(block), block[0].start, block[-1].end, False))
        i = j
    return out


def _heading_then_text(block: list[Line]) -> bool:
    head = block[0].stripped
    return len(block[1].stripped) > 40 and not head.endswith((",", ":")) and len(head.split()) <= 10


def _extract_body(doc: Document, art: Article, body: list[Line]) -> None:
    labels = {r.label: r.id for r in art.references if r.label}
    root = Section()
    stack: list[tuple[int, Section]] = [(0, root)]
    for text, s0, s1, heading in _paragraphs(body):
        if heading:
            m = re.match(r"^((?:\d+\.)*\d+)\.?\s+(.*)$", text)
            depth = m.group(1).count(".") + 1 if m else 1
            sec = Section(title=m.group(2) if m else text, label=m.group(1) if m else None)
            sec.provenance["title"] = Span(start=doc.to_original(s0), end=doc.to_original(s1))
            while len(stack) > 1 and stack[-1][0] >= depth:
                stack.pop()
            stack[-1][1].sections.append(sec)
            stack.append((depth, sec))
            continue
        cites, problems = find_citations(text, labels)
        for p in problems:
            doc.report.warn("extract", "unlinked-citation", f"in-text citation {p} matches no reference; kept as text",
                            offset=doc.to_original(s0))
        para = Paragraph(text=text, citations=cites)
        para.provenance["text"] = Span(start=doc.to_original(s0), end=doc.to_original(s1))
        stack[-1][1].paragraphs.append(para)
    if root.paragraphs or root.sections:
        if root.paragraphs:
            art.body.append(Section(paragraphs=root.paragraphs))
        art.body.extend(root.sections)


