"""Stage 4, extract: segments -> the document model.

Each value is set through :func:`journalkit.readers.common.put`, which
validates it (pydantic) and records where in the input it came from; a value
the model rejects (a DOI that is not one, a year in the future) becomes a
report entry, never output. Front matter, body and reference list have a
module each (front.py, body.py, reflist.py).
"""

from __future__ import annotations

import re

from ..document import Document
from ..model import Article, Paragraph, Section
from .body import _extract_body, find_citations  # noqa: F401
from .common import _DOI, _join, put, split_name  # noqa: F401
from .front import (
    _extract_abstract,
    _extract_corresp,
    _extract_dates,
    _extract_front,
    _extract_keywords,
    _extract_license,
    _extract_self_uri,
    _find_citation,
    _find_doi,
    _Front,
)
from .reflist import _split_references

__all__ = ["extract", "put", "split_name", "find_citations"]


# ------------------------------------------------------------------ entry


def extract(doc: Document) -> Article:
    """Build the model from ``doc.segments`` (no plugin hooks are called here)."""
    seg = doc.segments
    art = Article()
    fr = _Front(seg.front)
    _extract_front(doc, art, fr)
    head_lines = [ln for ln in seg.front if ln.stripped]
    _find_citation(doc, art, fr, head_lines + [ln for ln in seg.back if ln.stripped])
    _find_doi(doc, art, head_lines + seg.back)
    if art.doi:
        for i, ln in enumerate(fr.lines):
            if art.doi in ln.text and _DOI.fullmatch(ln.stripped.split("/", 3)[-1]) is None and re.fullmatch(
                    r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?" + re.escape(art.doi), ln.stripped, re.I):
                fr.use(i)
    _extract_dates(doc, art, fr)
    _extract_license(doc, art, fr)
    _extract_keywords(doc, art, fr)
    _extract_abstract(doc, art, fr)
    _extract_self_uri(doc, art, fr)
    _split_references(doc, art, seg.references)
    used_back = _extract_corresp(doc, art, seg.front, seg.back)
    _extract_body(doc, art, seg.body)
    # leftover back-matter text goes to notes so nothing is lost
    rest = [ln for k, ln in enumerate(seg.back) if k not in used_back and ln.stripped]
    if rest:
        art.notes.append(Section(paragraphs=[Paragraph(text=_join(rest))]))
    for i, ln in enumerate(fr.lines):
        if ln.stripped and not fr.used[i]:
            doc.report.add("extract", "front-line", "front-matter line not mapped to a field (kept in the report)",
                           original=ln.stripped, offset=doc.to_original(ln.start))
    return art
