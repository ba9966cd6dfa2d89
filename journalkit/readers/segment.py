"""Stage 3, segment: split the repaired text into front, body, references, back.

Page furniture (running heads, page numbers, link labels) is removed first,
each line listed in the report. The split is by landmarks that survive both
PDF and web copies: an "Abstract"/"Keywords" line, the first body heading
("Introduction", "1. Background"), a "References" heading, a
correspondence block. Where a landmark is missing the segmenter falls back to
the first long paragraph after the author block.
"""

from __future__ import annotations

import re

from ..document import Document, Line, Segments

__all__ = ["segment", "CORE_NOISE", "REF_HEADING", "is_heading_like"]

#: whole lines that are never article text (web navigation, PDF viewer labels)
CORE_NOISE = (
    r"this issue", r"file import instruction", r"download pdf", r"download citation", r"skip to main content",
    r"check for updates", r"open access", r"peer-reviewed", r"view article", r"google scholar",
    r"pubmed", r"crossref", r"author information", r"article notes", r"copyright and license information",
    r"(?:page )?\d{1,4}(?: of \d{1,4})?", r"\[?(?:doi|pmid|pmcid|pubmed|google scholar)\]?(?: \[[\w ]+\])*",
    r"go to:?", r"back to top", r"share", r"print", r"cite", r"permalink", r"view pdf", r"full text",
)

REF_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s*)?(references?(?: and notes)?|bibliography|literature cited|works cited|cited literature|"
    r"refer[eê]ncias(?: bibliogr[aá]ficas)?|referencias(?: bibliogr[aá]ficas)?|bibliograf[ií]a|"
    r"r[ée]f[ée]rences)\s*:?\s*$",
    re.IGNORECASE,
)
ABSTRACT_HEADING = re.compile(r"^\s*(abstract|summary|resumo|resumen|r[ée]sum[ée])\s*[:.]?\s*$", re.I)
ABSTRACT_INLINE = re.compile(r"^\s*(abstract|resumo|resumen|summary)\s*[:.—–-]\s*(\S.*)$", re.I)
KEYWORDS = re.compile(
    r"^\s*(key ?words?|index terms|palavras[- ]chave|descritores|descriptores|palabras[- ]clave|"
    r"mots[- ]cl[ée]s|subject terms)\s*[:.—–-]?\s*(.*)$",
    re.I,
)
BODY_HEADING = re.compile(
    r"^\s*(?:(?:\d+|[IVX]+)\.?\s+)?(introduction|introdu[cç][aã]o|introducci[oó]n|background|main text|"
    r"materials? and methods|methods)\s*$",
    re.I,
)
BACK_START = re.compile(
    r"^\s*[*✉]?\s*(corresponding author|address for correspondence|correspondence to|correspondence|"
    r"author contributions?|competing interests|conflicts? of interest|acknowledg(?:e)?ments?|funding|"
    r"supporting information|abbreviations|footnotes|notes)\b",
    re.I,
)


def is_heading_like(text: str) -> bool:
    """A short line that reads like a section heading, not a sentence."""
    t = text.strip()
    if not t or len(t) > 90 or t.endswith((".", ",", ";")) and not re.match(r"^\d+(\.\d+)*\.\s", t):
        return False
    words = t.split()
    if len(words) > 12 or not (t[0].isupper() or t[0].isdigit()):
        return False
    return bool(re.search(r"[A-Za-z]{3}", t))


def _noise_regex(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")", re.I)


_CORE_NOISE_RE = _noise_regex(list(CORE_NOISE))


def _is_reference_line(text: str) -> bool:
    return bool(re.match(r"^\s*(?:[-•*]\s*)?(?:\[\d+\]|\d{1,3}[.)]\s)", text)) or bool(
        re.search(r"\b(?:19|20)\d{2}[a-z]?\b", text)
    )


def segment(doc: Document, noise_patterns: list[str] | None = None) -> Segments:
    extra = _noise_regex(noise_patterns) if noise_patterns else None
    lines: list[Line] = []
    for line in doc.lines():
        s = line.stripped
        if s and (_CORE_NOISE_RE.fullmatch(s) or (extra is not None and extra.fullmatch(s))):
            doc.report.add("segment", "noise-line", "page furniture / link label removed",
                           original=s, offset=doc.to_original(line.start))
            continue
        lines.append(line)

    seg = Segments()
    n = len(lines)
    # -- references: the last heading that is followed by reference-like lines
    ref_i = None
    for i in range(n - 1, -1, -1):
        if REF_HEADING.match(lines[i].text):
            following = [ln for ln in lines[i + 1:i + 6] if ln.stripped]
            if following and sum(_is_reference_line(ln.text) for ln in following) >= max(1, len(following) // 2):
                ref_i = i
                break
    end_main = n
    if ref_i is not None:
        seg.references_heading = lines[ref_i]
        j = ref_i + 1
        while j < n and not BACK_START.match(lines[j].text):
            j += 1
        seg.references = lines[ref_i + 1:j]
        seg.back = lines[j:]
        end_main = ref_i
    else:
        # a correspondence block at the very end (after the body) is back matter
        for i in range(n - 1, max(-1, n - 40), -1):
            if BACK_START.match(lines[i].text) and re.match(r"^\s*[*✉]", lines[i].text):
                seg.back = lines[i:]
                end_main = i
                break

    main = lines[:end_main]
    body_start = _find_body_start(main)
    seg.front = main[:body_start]
    seg.body = main[body_start:]
    return seg


def _paragraph_blocks(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, last+1) indices of runs of non-blank lines."""
    blocks = []
    i = 0
    while i < len(lines):
        if not lines[i].stripped:
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].stripped:
            j += 1
        blocks.append((i, j))
        i = j
    return blocks


def _find_body_start(main: list[Line]) -> int:
    n = len(main)
    abs_i = kw_i = None
    for i, ln in enumerate(main):
        if abs_i is None and (ABSTRACT_HEADING.match(ln.text) or ABSTRACT_INLINE.match(ln.text)):
            abs_i = i
        if kw_i is None and KEYWORDS.match(ln.text) and len(ln.stripped) < 600:
            m = KEYWORDS.match(ln.text)
            if m and (m.group(2) or (i + 1 < n and main[i + 1].stripped)):
                kw_i = i
    anchor = max(x for x in (abs_i, kw_i, -1) if x is not None)
    for i in range(anchor + 1, n):
        if BODY_HEADING.match(main[i].text):
            return i
    if kw_i is not None and kw_i >= (abs_i or -1):
        # the body starts after the keyword block
        j = kw_i + 1
        while j < n and main[j].stripped and not is_heading_like(main[j].text):
            j += 1
        return j
    if abs_i is not None:
        # abstract paragraphs, then the first heading-like line
        j = abs_i + 1
        seen_text = False
        while j < n:
            s = main[j].stripped
            if s and seen_text and is_heading_like(s) and not _is_abstract_section(s):
                return j
            if len(s) > 80:
                seen_text = True
            j += 1
        return n
    # no landmark: the first long paragraph after the author block is body
    for a, b in _paragraph_blocks(main):
        text = " ".join(ln.stripped for ln in main[a:b])
        if len(text) >= 250 and text.count(". ") >= 1 and not _frontish(text):
            return a
    return n


_ABSTRACT_SECTIONS = re.compile(
    r"^(background|objectives?|aims?|purpose|methods?|methodology|design|setting|participants|results?|"
    r"findings|conclusions?|significance|interpretation|principal findings|methodology/principal findings|"
    r"conclusions?/significance|context|introduction|materials and methods|objetivos?|m[ée]todos?|"
    r"resultados?|conclus(?:[aã]o|[oõ]es|i[oó]n|iones))\s*:?$",
    re.I,
)


def _is_abstract_section(text: str) -> bool:
    return bool(_ABSTRACT_SECTIONS.match(text.strip()))


def _frontish(text: str) -> bool:
    t = text.lower()
    return any(k in t for k in ("creative commons", "open access", "open-access", "copyright", "citation:",
                                "how to cite", "licen", "received:", "accepted:"))
