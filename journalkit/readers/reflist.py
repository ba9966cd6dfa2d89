"""The reference list of an article: split into one Reference per entry."""

from __future__ import annotations

import re

from ..document import Document, Line
from ..model import (
    Article,
    Reference,
    Span,
)

# ------------------------------------------------------------------ references

_REF_NUM = re.compile(r"^\s*(?:[-•*]\s*)?(?:\[(?P<a>\d{1,4})\]|(?P<b>\d{1,4})[.)](?=\s)|(?P<c>\d{1,4})\s(?=[A-Z]))\s*")


def _split_references(doc: Document, art: Article, lines: list[Line]) -> None:
    items: list[tuple[str | None, list[Line], int]] = []
    numbered = sum(1 for ln in lines if _REF_NUM.match(ln.text)) >= max(1, len([ln for ln in lines if ln.stripped])
                                                                        // 3)
    for ln in lines:
        s = ln.stripped
        if not s:
            continue
        m = _REF_NUM.match(ln.text) if numbered else None
        if m:
            label = m.group("a") or m.group("b") or m.group("c")
            items.append((label, [Line(ln.text[m.end():], ln.start + m.end(), ln.end)], m.group(0).count("[")))
        elif numbered and items:
            items[-1][1].append(ln)
        elif not numbered:
            items.append((None, [ln], 0))
        else:
            doc.report.warn("extract", "unplaced-text", "text before the first numbered reference kept as a reference",
                            original=s, offset=doc.to_original(ln.start))
            items.append((None, [ln], 0))
    for k, (label, parts, _br) in enumerate(items, start=1):
        raw = " ".join(p.stripped for p in parts)
        if not raw:
            continue
        ref = Reference(id=f"ref{k}", label=label, raw=raw)
        ref.provenance["raw"] = Span(start=doc.to_original(parts[0].start), end=doc.to_original(parts[-1].end))
        art.references.append(ref)


