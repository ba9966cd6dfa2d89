"""Stage 3, segment: split the repaired text into front, body, references, back.

Page furniture (running heads, page numbers, link labels) is removed first,
each line listed in the report; a lone number that labels a reference or,
in the front matter, an affiliation is given back. The split is by landmarks that survive both
PDF and web copies: an "Abstract"/"Keywords" line, the first body heading
("Introduction", "1. Background"), a "References" heading, a
correspondence block. Where a landmark is missing the segmenter falls back to
the first long paragraph after the author block; where the first body heading
comes late, running text before it (after the abstract and the notes under it)
opens the body untitled.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Iterable

from ..document import Document, Line, Segments
from .authors import ends_with_country, looks_institution, split_aff_label
from .citation import CITE_LABEL, HEAD_SHAPES, match_issue_line
from .reflist import _LINK_LINE, LONE_NUMBER, label_number, label_style, opens_entry, reference_items

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
    if not t or len(t) > 90 or t.endswith((".", ",", ";")) and not _NUMBERED_ITEM.match(t):
        return False
    words = t.split()
    if len(words) > 12 or not (t[0].isupper() or t[0].isdigit()):
        return False
    return bool(_THREE_LETTERS.search(t))


# compiled once (module-level ``re`` calls look the pattern up in a cache on every call; these run per line)
_NUMBERED_ITEM = re.compile(r"^\d+(\.\d+)*\.\s")
_THREE_LETTERS = re.compile(r"[A-Za-z]{3}")
_LIST_LABEL = re.compile(r"^\s*(?:[-•*]\s*)?(?:\[\d+\]|\d{1,3}[.)]?\s)")
_YEAR = re.compile(r"\b(?:19|20)\d{2}[a-z]?\b")


def _noise_regex(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + r")", re.I)


_CORE_NOISE_RE = _noise_regex(list(CORE_NOISE))


def _is_reference_line(text: str) -> bool:
    return bool(_LIST_LABEL.match(text)) or bool(_YEAR.search(text))


_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_NON_LOWER = re.compile(r"[^a-z]")


def _furniture_key(text: str) -> str:
    """Running heads differ only in their page number: compare them with digits masked."""
    return _SPACES.sub(" ", _DIGITS.sub("#", text.strip().lower()))


def _page_numbers(doc: Document, lines: list[Line]) -> list[int]:
    """Page index of each line, from the form feeds of the original text (0 when there are none)."""
    breaks = [m.start() for m in re.finditer("\f", doc.original)]
    if not breaks:  # one page: skip mapping every line offset back to the original
        return [0] * len(lines)
    originals = doc.to_original_many([ln.start for ln in lines])
    return [bisect.bisect_right(breaks, o) for o in originals]


def find_furniture(doc: Document, lines: list[Line], pages: list[int]) -> set[int]:
    """Indices of running heads/footers: lines that recur on many pages.

    A printed page repeats its journal line, DOI footer or author running
    head at the top or bottom of every page; pdftotext puts them between the
    body lines. A line counts as furniture when its digit-masked form stands
    among the first or last few lines of at least three pages. Text lines
    that merely repeat (table cells) are not at page edges, so they stay,
    and so does a subheading that many entries repeat
    (:func:`_repeated_subheading`).

    On two-column pages the footer may also land between the columns, in the
    middle of the page's text. A line that is not at an edge counts as well
    when it recurs on many pages anywhere (``_recurs_anywhere``), with
    safeguards against real repeated content: at most about once per page, a
    line of two words or more that is not a table/figure caption, on a large
    share of the pages (a DOI, URL or "Journal | ..." line on a quarter of
    them, other text on three fifths: a subheading that each of many
    entries repeats stays), and where the copies differ, only by a
    page number (a digit run that grows with the page).
    """
    n_pages = max(pages, default=0) + 1
    if n_pages < 3:
        return set()
    by_page = _text_lines_by_page(lines, pages)
    if len(by_page) < 3:
        return set()
    edge_pages: dict[str, set[int]] = {}
    for pg, idx in by_page.items():
        for i in idx[:4] + idx[-4:]:
            key = _furniture_key(lines[i].text)
            if len(_NON_LOWER.sub("", key)) >= 4:
                edge_pages.setdefault(key, set()).add(pg)
    edge_keys = {k for k, pgs in edge_pages.items() if len(pgs) >= 3}
    # found only away from the edges; the first page's copy is furniture too: segment() leaves it in the front
    # matter, whose reader may need the journal's facts ('PLOS ONE, 2015, Vol. 10(1)' below the abstract is
    # read as the issue line), and keeps it out of the texts
    mid_keys = _recurs_anywhere(lines, pages, len(by_page)) - edge_keys
    keys = edge_keys | mid_keys
    if not keys:  # the common case: no need to key every line of the text
        return set()
    # A key's longest run without "#" or " " is verbatim text of the lower-cased line (only digit runs and
    # white space are rewritten), so a line that lacks every key's run cannot match: most lines are
    # dismissed by a substring test instead of two regex substitutions.
    runs = {max(_KEY_SEPARATORS.split(k), key=len) for k in keys}
    found = _lines_containing(lines, runs)
    candidates: Iterable[int] = found if found is not None else (
        i for i, ln in enumerate(lines) if _has_any(ln.text.lower(), runs))
    found_by_key: dict[str, list[int]] = {}
    for i in candidates:
        if lines[i].stripped:
            key = _furniture_key(lines[i].text)
            if key in keys:
                found_by_key.setdefault(key, []).append(i)
    out = set()
    for key, idx in found_by_key.items():
        if key not in mid_keys and _repeated_subheading(idx, pages, edge_pages[key]):
            continue
        out.update(idx)
    return out


def _repeated_subheading(idx: list[int], pages: list[int], edge: set[int]) -> bool:
    """Whether the lines ``idx`` (one text, at a page edge on the pages ``edge``) are a repeated subheading.

    Why: a catalogue of entries, each under the same subheadings ('Material examined', 'Remarks' in a
    taxonomic paper), puts the subheading at a page's edge now and then, often enough to pass for a
    running head. A running head is printed once per page; the subheading stands twice on several pages,
    and away from the edges on most of those it is printed on. A running head that pdftotext put between
    two columns (mid-page, once a page) is not caught by this.
    """
    per_page = Counter(pages[i] for i in idx)
    doubled = sum(1 for n in per_page.values() if n >= 2)
    return doubled >= 2 and 2 * len(edge) < len(per_page)


#: the marks of a journal's footer or running head: a DOI, a URL, "Journal | date | Volume", "PLoS Genet · doi:"
_SIGNATURE = re.compile(r"\bdoi\b|https?:|www\.|\||·|©|\bvol\. ?#", re.I)
#: captions and labels that recur with their number ("Table 1", "Figure 2", "Table 3. Cont.")
_CAPTION_KEY = re.compile(r"^\W*(?:table|tab\.|fig\.?|figure|figura|tabela|tabla|box|panel|chart|scheme|"
                          r"supplementary|appendix|s#|equation)\b", re.I)
_WORD = re.compile(r"[^\W\d_]{2,}")
#: longest line considered as a running head anywhere on the page (a paragraph line is longer)
_HEAD_MAX = 160


#: what :func:`_rough_key` deletes: ASCII digits and white space (which the key masks) and the mask "#" itself
_ROUGH_DELETE = b"0123456789#\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
#: a digit or white space outside ASCII (``\d`` and ``\s`` match them; bytes.translate cannot see them)
_EXOTIC_DIGIT_OR_SPACE = re.compile(r"[^\S\x00-\x7f]|[^\D\x00-\x7f]")


def _rough_key(s: str) -> bytes:
    """A coarser key than :func:`_furniture_key`, a function of it: lines with equal keys have equal rough keys.

    The furniture key with its masks ("#") and spaces dropped, UTF-8 encoded. For the usual line (no
    digit or white space outside ASCII) that is the lower-cased line with ASCII digits, white space and
    "#" deleted, which one bytes.translate computes without the two regex substitutions of the key.
    """
    low = s.lower()
    if low.isascii() or not _EXOTIC_DIGIT_OR_SPACE.search(low):
        return low.encode().translate(None, _ROUGH_DELETE)
    return _furniture_key(s).replace("#", "").replace(" ", "").encode()


def _rough_keys(texts: list[str]) -> list[bytes]:
    """``[_rough_key(t) for t in texts]`` (texts without line breaks), for the whole list at once.

    Joined by line breaks, the texts are lower-cased, encoded and stripped of digits and spaces in
    three passes over one string (a line break is no cased letter, so lower-casing the joined text
    lower-cases each text as it would alone); only where a digit or space outside ASCII occurs does
    each text go through :func:`_rough_key`.
    """
    encoded = "\n".join(texts).lower().encode()
    if _exotic_digit_or_space(encoded):
        return [_rough_key(t) for t in texts]
    return encoded.translate(None, _ROUGH_DELETE_BUT_NEWLINE).split(b"\n")


_ROUGH_DELETE_BUT_NEWLINE = _ROUGH_DELETE.replace(b"\n", b"")
_ASCII_BYTES = bytes(range(128))


def _exotic_digit_or_space(encoded: bytes) -> bool:
    r"""``_EXOTIC_DIGIT_OR_SPACE.search(encoded.decode())``: is there a digit or white space outside ASCII?

    Why: the pattern steps through the whole text a character at a time (about 1 ms per multi-page text). In
    UTF-8 every byte of a character outside ASCII is 0x80 or above, so deleting the ASCII bytes leaves
    those characters whole, and only their distinct set is tested (``\s`` is ``str.isspace``, ``\d``
    ``str.isdecimal``).
    """
    rest = encoded.translate(None, _ASCII_BYTES)
    return bool(rest) and any(ch.isspace() or ch.isdecimal() for ch in set(rest.decode()))


def _recurs_anywhere(lines: list[Line], pages: list[int], n_pages: int) -> set[str]:
    """Digit-masked keys of lines that recur on many pages wherever they stand (see ``find_furniture``).

    Only keys held by three lines or more can qualify, so lines are first grouped by a cheap
    :func:`_rough_key` and only the members of groups of three or more get the real key: keying every
    line of a long text was a twentieth of the conversion time.
    """
    cand = [i for i, ln in enumerate(lines) if ln.stripped and len(ln.stripped) <= _HEAD_MAX]
    rough = _rough_keys([lines[i].stripped for i in cand])
    # the rough keys held by three lines or more, counted and sorted in C (most_common): nearly every line's
    # key is its own, and grouping every line's index by key in Python cost more than the rest of this
    frequent = {key for key, _n in itertools.takewhile(lambda kn: kn[1] >= 3, Counter(rough).most_common())}
    where: dict[str, list[int]] = {}
    if frequent:
        for i, rough_key in zip(cand, rough):  # ascending: each key's list stays in order
            if rough_key in frequent:
                s = lines[i].stripped
                if _WORD.search(s):
                    where.setdefault(_furniture_key(s), []).append(i)
    keys: set[str] = set()
    for key, idx in where.items():
        if len(idx) < 3 or _CAPTION_KEY.match(key):
            continue
        signature = bool(_SIGNATURE.search(key))
        if len(_NON_LOWER.sub("", key)) < (3 if signature else 4):  # a DOI footer's letters: "doi"
            continue
        pgs = {pages[i] for i in idx}
        need = max(3, -(-n_pages * (1 if signature else 3) // (4 if signature else 5)))
        if len(pgs) < need or len(idx) > len(pgs) + max(1, len(pgs) // 4):
            continue
        words = _WORD.findall(key)
        if not signature and (len(words) < 2 or max(map(len, words)) < 4):
            continue  # one word ("Results", "Total") or short ones ("and the") recur by chance; at an edge they count
        if not _differ_by_page_number([lines[i].stripped for i in idx], [pages[i] for i in idx]):
            continue
        keys.add(key)
    return keys


def _differ_by_page_number(texts: list[str], pages: list[int]) -> bool:
    """Do the copies of a recurring line differ only in a page number?

    Identical copies (white space aside) pass. Otherwise exactly one digit
    run may vary, and it must follow the page: its value minus the page's
    index is the same on (nearly) every copy. "Table 1" / "Table 2" / "Table
    3" on three pages do not differ that way unless by chance; their
    captions are kept out by ``_CAPTION_KEY`` anyway.
    """
    runs = [_DIGITS.findall(t) for t in texts]
    if len({" ".join(t.split()) for t in texts}) == 1:
        return True
    if len({len(r) for r in runs}) != 1:
        return False
    varying = [j for j in range(len(runs[0])) if len({r[j] for r in runs}) > 1]
    if len(varying) != 1:
        return False
    j = varying[0]
    offsets = [int(r[j]) - pg for r, pg in zip(runs, pages) if len(r[j]) <= 4]
    if not offsets:
        return False
    common = max(set(offsets), key=offsets.count)
    return offsets.count(common) >= 0.8 * len(texts)


def _lines_containing(lines: list[Line], runs: set[str]) -> set[int] | None:
    """Indices of the lines whose lower-cased text contains one of ``runs`` (none holds a line break).

    One ``str.find`` walk per run over the whole lower-cased text instead of
    lower-casing and searching every line: a run occurs on a few lines only.
    None when lower-casing changes the text's length (offsets would not
    map back to lines); the caller then tests line by line.
    """
    joined = "\n".join(ln.text for ln in lines)
    low = joined.lower()
    if len(low) != len(joined):
        return None
    starts = list(itertools.accumulate((len(ln.text) + 1 for ln in lines[:-1]), initial=0))
    found: set[int] = set()
    for run in runs:
        pos = low.find(run)
        while pos != -1:
            i = bisect.bisect_right(starts, pos) - 1
            found.add(i)
            pos = low.find(run, starts[i + 1]) if i + 1 < len(starts) else -1
    return found


_KEY_SEPARATORS = re.compile(r"[# ]+")


def _has_any(text: str, parts: set[str]) -> bool:
    return any(p in text for p in parts)


def segment(doc: Document, noise_patterns: list[str] | None = None) -> Segments:
    extra = _noise_regex(noise_patterns) if noise_patterns else None
    all_lines = doc.lines()
    pages = _page_numbers(doc, all_lines)
    furniture = find_furniture(doc, all_lines, pages)
    # the first page's running head stays for the front-matter reader (journal, volume), which keeps it out of
    # its texts; it is taken out of body, references and back below, and kept aside in the segments
    first_page: list[Line] = []
    lines: list[Line] = []
    lone_numbers: list[tuple[int, Line]] = []  # removed "17" lines: page numbers, or list labels (below)
    edges = _page_edges(all_lines, pages)
    glued = _glued_heads(all_lines, furniture)
    for k, line in enumerate(all_lines):
        if glued and k in glued:
            line = _unglue(doc, line, glued[k])
        s = line.stripped
        if k in furniture and pages[k] == 0:
            first_page.append(line)
        elif k not in furniture and len(s) == 4 and _year_in_text(all_lines, k, edges):  # a year is 4 digits
            lines.append(line)  # "Geneva;" / "2008" / "[cited ...]": a wrapped year, not a page number
        elif (s and (_CORE_NOISE_RE.fullmatch(s) or (extra is not None and extra.fullmatch(s)))) or k in furniture:
            if k not in furniture and LONE_NUMBER.match(s):
                lone_numbers.append((k, line))
                continue
            doc.report.add("segment", "noise-line", "page furniture / link label removed",
                           original=s, offset=doc.to_original(line.start))
            continue
        lines.append(line)
    heading_i = _last_ref_heading(lines)
    restored = _restore_list_labels(all_lines, lone_numbers, lines[heading_i] if heading_i is not None else None)
    restored |= _restore_aff_labels(all_lines, lone_numbers, pages)
    for _k, line in lone_numbers:
        if line.start not in restored:
            doc.report.add("segment", "noise-line", "page furniture / link label removed",
                           original=line.stripped, offset=doc.to_original(line.start))
    if restored:
        lines = sorted([*lines, *(ln for _k, ln in lone_numbers if ln.start in restored)], key=lambda ln: ln.start)

    seg = Segments()
    n = len(lines)
    # -- references: the last heading that is followed by reference-like lines
    ref_i = _last_ref_heading(lines)
    end_main = n
    if ref_i is not None:
        seg.references_heading = lines[ref_i]
        # the list may be interleaved with back matter (two-column pages): the
        # reference splitter decides which lines are entries, the rest is back matter
        region, style = _pull_back_entries(lines, ref_i)
        items, _rest = reference_items(region, style)
        seg.reference_split = (region, (items, _rest))
        in_refs = {ln.start for item in items for ln in item.lines}
        seg.references = [ln for ln in region if ln.start in in_refs or not ln.stripped]
        for ln in region:
            if ln.stripped and ln.start not in in_refs and _LINK_LINE.fullmatch(ln.stripped):
                doc.report.add("segment", "noise-line", "link label removed", original=ln.stripped,
                               offset=doc.to_original(ln.start))
        seg.back = [ln for ln in region if ln.start not in in_refs and not _LINK_LINE.fullmatch(ln.stripped)]
        taken = {ln.start for ln in region}
        lines = [ln for ln in lines[:ref_i] if ln.start not in taken] + lines[ref_i:]
        n = len(lines)
        end_main = next(i for i, ln in enumerate(lines) if ln is seg.references_heading)
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
    seg.first_page_furniture = first_page
    if first_page:
        late_furniture = {ln.start for ln in first_page}
        seg.body = _drop_lines(doc, seg.body, late_furniture)
        seg.references = _drop_lines(doc, seg.references, late_furniture)
        seg.back = _drop_lines(doc, seg.back, late_furniture)
    foot = _first_page_foot(seg.body, pages, all_lines)
    if foot:
        taken = {ln.start for ln in foot}
        seg.body = [ln for ln in seg.body if ln.start not in taken]
        seg.first_page_foot = foot
        first = next(ln for ln in foot if ln.stripped)
        doc.report.add("segment", "first-page-foot",
                       f"the first page's foot ({sum(1 for ln in foot if ln.stripped)} lines: correspondence, "
                       "affiliations, dates, DOI or license) printed after the body's first column, read with the "
                       "front matter", original=first.stripped, offset=doc.to_original(first.start))
    return seg


_YEAR_LINE = re.compile(r"^\s*(?:1[5-9]|20)\d{2}\s*$")

#: how a block of the first page's foot opens, in the wording of a label rather than of a sentence: a
#: correspondence label ('Corresponding author at:', '* Correspondence:'), an e-mail label, the copyright
#: ('©', 'Copyright © 2020'), the DOI, a history date ('Received 12 October 2019'), an ISSN and price line
#: ('0304-3835/© 2019'), author details; a paragraph that merely starts with such a word ('Correspondence
#: between the clinics ...', 'Received doses in 2019 ...', 'Contact tracing began ...') does not match
_MONTH_DAY = r"(?:\d{1,2}[\s/.-]+[A-Za-z]{3,9}\.?[\s/.-]+|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+)(?:1[6-9]|20)\d\d\b"
_FOOT_OPENER = re.compile(
    r"^\s*(?:(?i:corresponding authors?(?:\s+at)?\s*[:.]|correspond[eê]nc(?:e|ia)\s*(?:to\b|:)|"
    r"e-?mail(?: address(?:es)?)?\s*:|©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|:|(?:1[6-9]|20)\d\d\b)|"
    r"https?://(?:dx\.)?doi\.org/10\.|doi:\s*10\.|(?:received|accepted|revised|published online)\s*:?\s*"
    + _MONTH_DAY + r"|article history\b|full list of author information|present address\s*:|"
    r"these authors contributed)|\d{4}-\d{3}[\dX]/|CONTACT\s+[A-Z])")
#: a footnote mark opens a foot block only when the block is an author note (an address, a correspondence
#: or e-mail word, equal contributions): '* P < 0.05 compared with ...' under a table is the table's
_MARK_OPENER = re.compile(r"^\s*[*✉†‡§¶]")
_SITE_LINE = re.compile(r"^(?:https?://|www\.)\S+$")


def _own_head(s: str) -> bool:
    facts = match_issue_line(s)
    return facts is not None and facts.shape in HEAD_SHAPES


_AUTHOR_NOTE = re.compile(r"@|correspond|e-?mail|contributed equally|present address", re.I)


def _first_page_foot(body: list[Line], pages: list[int], all_lines: list[Line]) -> list[Line]:
    """The blocks at the end of the first page that are its foot, not its text (may be empty).

    Why: a two-column first page prints its foot (the corresponding author's address and e-mail, the
    affiliations, history dates, DOI and copyright: Elsevier, Springer, BMC, Wiley, Taylor & Francis) under
    the columns, and pdftotext puts it after the first column of the body. There the readers of those
    facts never looked. Taken are the blank-line-separated blocks that end the first page, walking back while
    each opens like a foot item ('Corresponding author at:', 'E-mail address:', '©', the DOI, 'Received 12 May
    2019', an affiliation label before an institution, a footnote mark over an author note); a body that is all
    first page keeps its lines. The foot is kept apart (``Segments.first_page_foot``): the front-matter reader
    reads it after the front matter, and no text that runs on (an abstract) runs into it.
    """
    if not body or not pages or max(pages) == 0:
        return []
    page_of = {ln.start: pg for ln, pg in zip(all_lines, pages)}
    end = 0
    while end < len(body) and page_of.get(body[end].start, 0) == 0:
        end += 1
    if end == 0 or end == len(body):
        return []
    start = k = end
    while True:
        b = k
        while b > 0 and not body[b - 1].stripped:
            b -= 1
        a = b
        while a > 0 and body[a - 1].stripped:
            a -= 1
        if a == b:
            break
        lone_label = b == a + 1 and _AFF_LABEL_ALONE.match(body[a].stripped) is not None and start < end
        if not lone_label and not _foot_item([ln.stripped for ln in body[a:b]]):
            # an affiliation under its label, a blank line between ('3' / '' / 'German Center for ...')
            p = a
            while p > 0 and not body[p - 1].stripped:
                p -= 1
            if not (p > 0 and _AFF_LABEL_ALONE.match(body[p - 1].stripped) and looks_institution(body[a].stripped)):
                break
        start = k = a
    if start == 0 or start == end:
        return []
    while start > 0 and not body[start - 1].stripped:
        start -= 1  # with the blank line above: the foot stays a block of its own in the front matter
    return body[start:end]


_AFF_LABEL_ALONE = re.compile(r"^\^?(?:\d{1,2}|[a-z])$")


def _foot_item(block: list[str]) -> bool:
    """Does the block of stripped lines ``block`` (no blank line in it) open a part of the first page's foot?"""
    s = block[0]
    if _FOOT_OPENER.match(s):
        return True
    if len(block) == 1 and (_SITE_LINE.match(s) or _own_head(s)):
        return True  # the journal's site or its citation line alone ('Cells 2020, 9, 1267; doi:...': MDPI)
    if _MARK_OPENER.match(s):
        return any(_AUTHOR_NOTE.search(t) for t in block[:4])
    # an affiliation with its label ('1 Department of ...', or the label alone over it)
    if _AFF_LABEL_ALONE.match(s):
        return len(block) > 1 and looks_institution(block[1])
    label, rest = split_aff_label(s)
    return label is not None and looks_institution(rest)


def _page_edges(lines: list[Line], pages: list[int]) -> set[int]:
    """Indices of the first and last two text lines of each page (none when the text has one page)."""
    if not pages or max(pages) == 0:
        return set()
    by_page = _text_lines_by_page(lines, pages)
    return {i for idx in by_page.values() for i in idx[:2] + idx[-2:]}


def _text_lines_by_page(lines: list[Line], pages: list[int]) -> dict[int, list[int]]:
    """The indices of the non-blank lines, ascending, by page (pages in order of their first line).

    Grouped as runs of one page (pages ascend through a text, so a page is one run): a dictionary
    update per run, not per line.
    """
    by_page: dict[int, list[int]] = {}
    text_lines = (i for i, ln in enumerate(lines) if ln.stripped)
    for pg, run in itertools.groupby(text_lines, key=pages.__getitem__):
        by_page.setdefault(pg, []).extend(run)
    return by_page


def _year_in_text(lines: list[Line], k: int, edges: set[int]) -> bool:
    """Is line ``k`` a lone year that a wrapped sentence or note runs through, not a page number?

    pdftotext breaks a narrow column anywhere ("Geneva;" / "2008" / "[cited
    2013 Mar 17]."): such a year touches a text line above or below it,
    while a page number (or a table cell) stands between blank lines or
    at the page's edge.
    """
    if k in edges or not _YEAR_LINE.match(lines[k].text):
        return False
    for j in (k - 1, k + 1):
        if 0 <= j < len(lines):
            t = lines[j].stripped
            if t and not _CORE_NOISE_RE.fullmatch(t) and _THREE_LETTERS.search(t) or t.startswith(("(", "[")):
                return True
    return False


def _last_ref_heading(lines: list[Line]) -> int | None:
    """Index of the last references heading that is followed by reference-like lines."""
    for i in range(len(lines) - 1, -1, -1):
        if REF_HEADING.match(lines[i].text):
            # captions or notes may stand between the heading and the first entry (two-column pages)
            following = [ln for ln in lines[i + 1:i + 80] if ln.stripped][:40]
            if following and sum(_is_reference_line(ln.text) for ln in following) >= min(2, len(following)):
                return i
            # a one-entry list (corrections cite the article they correct): the heading is followed
            # at once by an entry that is labelled or opens like one, with a year in its first lines
            if following and (_is_reference_line(following[0].text) or opens_entry(following[0].text)) \
                    and any(_YEAR.search(ln.text) for ln in following[:4]):
                return i
    return None


def _restore_list_labels(all_lines: list[Line], lone: list[tuple[int, Line]], heading: Line | None) -> set[int]:
    """Starts of the lone-number lines that are reference labels, not page numbers.

    A two-column PDF may print a bare list number in its own column;
    pdftotext then gives "17", a blank line, and the entry. The noise filter
    takes such lines for page numbers. After the references heading a lone
    number whose next text line opens like an entry (an author list or an
    early year) is given back, so that the list splitter can choose it as a
    label; whether it is one is decided there (a page number that is not
    chosen ends up in the back matter, reported, not in the body).
    """
    if heading is None or not lone:
        return set()
    restored: set[int] = set()
    for k, line in lone:
        if line.start < heading.start:
            continue
        nxt = next((ln for ln in all_lines[k + 1:k + 4] if ln.stripped), None)
        if nxt is not None and not LONE_NUMBER.match(nxt.stripped) and opens_entry(nxt.stripped) \
                and not REF_HEADING.match(nxt.text):
            restored.add(line.start)
    return restored


#: how far a lone number may stand from the affiliation it labels: blank lines and the other labels of a run
_LABEL_REACH = 6


def _restore_aff_labels(all_lines: list[Line], lone: list[tuple[int, Line]],
                        pages: list[int] | None = None) -> set[int]:
    """Starts of the lone-number lines that label affiliations in the front matter, not page numbers.

    pdftotext prints a superscript affiliation number on a line of its own ('1', a blank line, 'Department
    of ...'); the noise filter takes it for a page number. Dropped, it leaves the affiliations unlabelled,
    and authors can only be linked to them when their order is beyond doubt. Before the front matter's
    first landmark (abstract, keywords, first body heading), a lone number whose next text line, past
    blank lines and the other numbers of a run ('4' / '5' / 'Department ...'), reads as an institution or
    ends with a country is given back; the affiliation reader decides what it labels. So is one on the first
    page of a paged text past the landmark: the first page's foot prints labelled affiliations after the
    body's first column (see :func:`_first_page_foot`).
    """
    if not lone:
        return set()
    end = next((k for k, ln in enumerate(all_lines) if ln.stripped and _front_landmark(ln.text)), None)
    if end is None:
        return set()
    page = pages if pages and max(pages) > 0 else None
    restored: set[int] = set()
    for k, line in lone:
        if (k >= end and not (page is not None and page[k] == 0)) or len(line.stripped) > 2:
            continue
        j = next((j for j in range(k + 1, min(k + 1 + _LABEL_REACH, len(all_lines)))
                  if all_lines[j].stripped and not LONE_NUMBER.match(all_lines[j].stripped)), None)
        if j is None or (k >= end and page is not None and page[j] != 0):
            continue  # past the landmark, the label and its institution are both on the first page
        nxt = all_lines[j]
        if looks_institution(nxt.stripped) or ends_with_country(nxt.stripped):
            restored.add(line.start)
    return restored


def _front_landmark(text: str) -> bool:
    """Does the line open the abstract, the keywords or the body (the end of the byline area)?"""
    return bool(ABSTRACT_HEADING.match(text) or ABSTRACT_INLINE.match(text) or KEYWORDS.match(text)
                or BODY_HEADING.match(text))


def _pull_back_entries(lines: list[Line], ref_i: int,
                       window: int = 200) -> tuple[list[Line], tuple[str | None, int] | None]:
    """The reference region: the lines after the heading, plus numbered entries printed before it.

    On two-column pages pdftotext may emit the right column's entries
    ("4.", "5.", ...) before the "References" heading that stands in the
    left column. Entries whose numbers are missing after the heading are
    looked for in the lines just above it, each with the lines that follow
    it up to a blank line or the next label. Also returns the region's
    :func:`label_style` where it was chosen on the region as returned
    (None when entries were pulled back), so the splitter need not choose it again.
    """
    region = lines[ref_i + 1:]
    chosen = label_style(region)
    style, top = chosen
    if style is None:
        return region, chosen
    present = {label_number(style, ln.text) for ln in region}
    missing = set(range(1, top + 1)) - present
    if not missing:
        return region, chosen
    pulled: list[Line] = []
    i = max(0, ref_i - window)
    while i < ref_i:
        k = label_number(style, lines[i].text)
        if k is not None and k in missing:
            missing.discard(k)
            pulled.append(lines[i])
            i += 1
            while i < ref_i and lines[i].stripped and label_number(style, lines[i].text) is None and not (
                    BACK_START.match(lines[i].text) or REF_HEADING.match(lines[i].text)):
                pulled.append(lines[i])
                i += 1
            continue
        i += 1
    return pulled + region, None if pulled else chosen


#: shortest running head looked for glued to the end of a text line ('... entrainment by lightPLOS ONE, 2015, Vol.
#: 10(1)'): a short one ('PLoS ONE') also ends sentences that name the journal
_GLUED_MIN = 16


def _glued_heads(lines: list[Line], furniture: set[int]) -> dict[int, int]:
    """Text lines that end with a running head pdftotext glued on: line index -> length of the head.

    Why: where a page's foot falls inside a text line, pdftotext may print the running head on the same line
    as the text, with no space ('lightPLOS ONE, 2015, Vol. 10(1)'); the line is then no copy of the head and
    stays, and the head ends up inside a paragraph or an abstract. A line is cut when its end, digits masked,
    is the key of a running head found on other pages.
    """
    heads = {lines[i].stripped for i in furniture if len(lines[i].stripped) >= _GLUED_MIN}
    if not heads:
        return {}
    keys = {_furniture_key(h) for h in heads}
    sizes = sorted({len(h) for h in heads})
    ends = tuple(h[-6:] for h in heads)  # a cheap test: a glued head ends the line with its own last characters
    out: dict[int, int] = {}
    for i, ln in enumerate(lines):
        s = ln.stripped
        if i in furniture or not s.endswith(ends):
            continue
        for size in sizes:
            if len(s) > size and _furniture_key(s[-size:]) in keys and s[-size - 1] != " ":
                out[i] = size
                break
    return out


def _unglue(doc: Document, line: Line, size: int) -> Line:
    """``line`` without the running head glued to its end (the head goes to the report)."""
    text = line.text.rstrip()
    cut = len(text) - size
    doc.report.add("segment", "noise-line", "running head glued to the end of a text line removed",
                   original=text[cut:], offset=doc.to_original(line.start + cut))
    return Line(text[:cut], line.start, line.start + cut)


def _drop_lines(doc: Document, lines: list[Line], starts: set[int]) -> list[Line]:
    kept = []
    for ln in lines:
        if ln.start in starts:
            doc.report.add("segment", "noise-line", "page furniture (running head/footer) removed",
                           original=ln.stripped, offset=doc.to_original(ln.start))
        else:
            kept.append(ln)
    return kept


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
    abs_i, kw_i = _front_landmarks(main)
    anchor = max(x for x in (abs_i, kw_i, -1) if x is not None)
    for i in range(anchor + 1, n):
        if BODY_HEADING.match(main[i].text):
            return _untitled_opening(main, anchor, anchor == abs_i, i)
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
        note_left = 0  # lines still in a correspondence note opened by its label alone
        after_label = False  # the line above was a fact label, this is its value ('Section' / 'Research Article')
        while j < n:
            s = main[j].stripped
            # a correspondence note that opens with its label alone ('* Address for correspondence:' / 'Gianni
            # Liti' / 'Address: ...') holds a name, an address and an e-mail: no heading in its next lines
            if not s:
                note_left = 0
            elif _NOTE_OPENER.match(s) and s.endswith(":"):
                note_left = _NOTE_LINES + 1
            note_left = max(0, note_left - 1) if s else 0
            if s and seen_text and not note_left and is_heading_like(s) and not _is_abstract_section(s) \
                    and not _goes_on_sentence(main, j) and not FIELD_LABEL.match(s) and not after_label:
                return _untitled_opening(main, abs_i, True, j, _UNTITLED_AFTER_ABSTRACT)
            if s:
                after_label = bool(FIELD_LABEL.match(s))
            if len(s) > 80:
                seen_text = True
            j += 1
        return n
    # no landmark: a first section numbered '1.' ('1. AUTORIA', '1. The case'), then the first long paragraph
    # after the author block, is body
    first = _first_numbered_heading(main)
    for a, b in _paragraph_blocks(main):
        if first is not None and a >= first:
            return first
        text = " ".join(ln.stripped for ln in main[a:b])
        if len(text) >= 250 and _sentence(text) and not _frontish(text) and _prose(text):
            return a
        if b - a > 3:
            # a web copy has no blank lines: look at its lines (one paragraph each) one by one
            for i in range(a, b):
                t = main[i].stripped
                if len(t) >= 250 and _sentence(t) and not _frontish(t) and _prose(t):
                    return i
    return first if first is not None else n


#: a section heading numbered one: '1. AUTORIA', '1. Introduction' (the full stop tells it from an affiliation's
#: label, '1 Department of ...'; institutions are ruled out besides)
_FIRST_HEADING = re.compile(r"^1\.\s+[^\W\d_][^.:;,]{2,60}$")


def _first_numbered_heading(main: list[Line]) -> int | None:
    """Index of a heading numbered '1.' with text under it, in a front matter that has no abstract or
    keywords to end it: a short article (an erratum, an editorial) numbers its sections without an
    abstract, and its first section's short lines would otherwise all be read as front matter."""
    for i, ln in enumerate(main[:-1]):
        s = ln.stripped
        nxt = main[i + 1].stripped
        if s.startswith("1.") and _FIRST_HEADING.match(s) and is_heading_like(s) and not looks_institution(s) \
                and nxt and not nxt.startswith("2.") and not looks_institution(nxt) \
                and not any(ln2.stripped.startswith("2.") and looks_institution(ln2.stripped)
                            for ln2 in main[i + 1:i + 4]):
            return i  # not a wrapped affiliation ('1. Laboratório de ...' / 'Universidade Federal ...')
    return None


#: the label of a correspondence note printed alone on its line, and how many lines its name, address and
#: e-mail take at most
_NOTE_OPENER = re.compile(r"^\s*(?:[*✉†]|(?:address for )?correspond)", re.I)
_NOTE_LINES = 5
#: a journal web page's labels of the article's facts ('Published' / '2012-08-16', 'Issue' / 'Vol. 8 No. 8
#: (2012):', 'Section', 'License', 'How to Cite', 'Full Text'), and such values: no section titles
FIELD_LABEL = re.compile(
    r"^(?:published|received|accepted|revised|submitted|issue|pages?|section|licen[cs]e|copyright|full text|"
    r"download pdf|metrics|article information|"
    r"" + CITE_LABEL + r")\s*:?\s*$|^(?:vol\.|volume)\s*\d|^pages?\s+e?\d", re.I)


def _goes_on_sentence(main: list[Line], j: int) -> bool:
    """Whether line ``j`` carries on the sentence of the line right above it ('... interactions between these' /
    'QTLs and between QTLs and the environment are ...'): a wrapped line that opens with a capital is no
    heading, however short."""
    if j == 0 or not main[j - 1].stripped:
        return False
    above = main[j - 1].stripped
    # a wrapped line runs near the column's width; a short one ('Academic Editor: ..., University of Oxford')
    # may end in a lower-case letter above a heading
    return len(above) >= 60 and (above[-1].islower() or above[-1] == ",")


#: how much text an abstract holds (with a translated one whose heading is not known) after an
#: 'Introduction' title of its own and before its keywords: past this much text after an 'Introduction'
#: heading, the body has begun and an 'Abstract' or 'Keywords' line further on is body text
_ABSTRACT_WORDS = 600
#: the body headings that open an article's body ('Background' and 'Methods' also title the sections of a
#: structured abstract, whose text may run to its keywords)
_OPENING = re.compile(r"intro|main", re.I)


def _front_landmarks(main: list[Line]) -> tuple[int | None, int | None]:
    """Indices of the abstract heading and the keywords line that end the front matter (None when absent).

    Why: the body starts at the first body heading after the later of the two, so a landmark found in
    the body moves the start past whole sections into the front matter. Two kinds turn up there: a
    sentence that a narrow column breaks before 'keywords' or 'subject terms' ('... searched with the /
    keywords and controlled vocabulary ...'), which ``_keywords_line`` declines, and an 'ABSTRACT' row of a
    reporting checklist printed as a table in an article with no abstract of its own. Landmarks are
    therefore only looked for until an 'Introduction' heading has been followed by more text than an
    abstract holds.
    """
    abs_i = kw_i = None
    opened = False  # an 'Introduction' heading stands since the last landmark
    words = 0
    for i, ln in enumerate(main):
        is_abs = abs_i is None and bool(ABSTRACT_HEADING.match(ln.text) or ABSTRACT_INLINE.match(ln.text))
        is_kw = kw_i is None and _keywords_line(main, i)
        if is_abs or is_kw:
            if opened and words > _ABSTRACT_WORDS:
                break
            opened = False
            if is_abs:
                abs_i = i
            if is_kw:
                kw_i = i
            if abs_i is not None and kw_i is not None:
                break  # both found: nothing further can change the answer
            continue
        if not opened:
            m = BODY_HEADING.match(ln.text)
            if m and _OPENING.match(m.group(1)):
                opened, words = True, 0
        else:
            words += len(ln.stripped.split())
            if words > _ABSTRACT_WORDS:
                # from here a landmark only ends the scan (above) and the count only grows: the answer is
                # settled, and reading on to the end of the body was most of the time of finding the body
                break
    return abs_i, kw_i


_LIST_MARK = re.compile(r"[;·•]")


def _keywords_line(main: list[Line], i: int) -> bool:
    """Is ``main[i]`` a keywords label ('Keywords: a; b', 'KEY WORDS' over a list), not a sentence?

    Why: the label is printed as a label, capitalised or followed by its colon or dash; a sentence that
    a line break happens to open with the word ('keywords, words in a title', 'palavras-chave
    "telehealth" e ...', 'Keywords were chosen ...') goes on in lower case without a separator.
    """
    ln = main[i]
    m = KEYWORDS.match(ln.text)
    if not m or len(ln.stripped) >= 600:
        return False
    rest = m.group(2)
    # a label alone heads its list: on the next line, or past one blank line (a web page's bullet list)
    if not (rest or any(nxt.stripped for nxt in main[i + 1:i + 3])):
        return False
    separated = bool(_SEPARATOR.match(ln.text, m.end(1)))
    if separated:
        return True
    if not m.group(1)[0].isupper():
        return False
    return not rest[:1].islower() or bool(_LIST_MARK.search(rest))


_SEPARATOR = re.compile(r"\s*[:—–-]")

#: running text after the last front-matter note or summary and before a late first body heading, past
#: which it is the body's untitled opening: above the summaries and translated abstracts that turn up there
#: without a title the segmenter knows (about 200 words), below most short introductions (300-1,000)
_UNTITLED_WORDS = 400
#: the same when the abstract is followed by a heading the segmenter does not know ('Modeling the Framework
#: ...'): the text between is the abstract's or the body's, and a paragraph of prose there is the body's
_UNTITLED_AFTER_ABSTRACT = 60
#: titles of front-matter sections that stand between the abstract and the body (the whole line)
_FRONT_SECTION = re.compile(
    r"^\s*(?:author(?:'s|s'|s)? summary|editors?'? summary|editorial summary|synopsis|summary points|"
    r"key (?:points|messages)|significance(?: statement)?|highlights|(?:plain language|lay|non-technical) "
    r"summary|graphical abstract|trial registration|zusammenfassung|riassunto|sommario|samenvatting|"
    r"sammanfattning|streszczenie|resumé|sumário|sumario|extracto)\s*[:.]?\s*$",
    re.I,
)
#: a history-date label: 'Received', 'Accepted', 'Published' with a date, a colon, 'online', 'by' after it; a
#: sentence that opens with the word ('Published research findings are ...') is none
DATE_LABEL = r"(?:received|accepted|published)\b(?=\s*(?:[:.,(]|on\b|online\b|in\b|by\b|\d|\w+\.? \d|$))"
#: the opening of a front-matter note: the correspondence mark, an e-mail, editor, dates, citation line
_FRONT_NOTE = re.compile(
    r"^\s*(?:[*✉†]|(?:e-?mail|electronic address|(?:academic )?editor|citation|copyright|data availability|"
    r"how to cite)\b|"
    + DATE_LABEL + ")",
    re.I,
)


def _untitled_opening(main: list[Line], anchor: int, after_abstract: bool, heading: int,
                      min_words: int = _UNTITLED_WORDS) -> int:
    """Where the body starts when the first body heading found is ``heading``.

    Why: many essays, perspectives and short reports open without a heading ('Robotics and automation
    significantly advance ...') and name no section 'Introduction'; the first heading the segmenter knows
    ('Materials and methods') may come pages later, and everything before it would be read as front
    matter. Between the abstract and the body the front matter holds notes (correspondence, citation,
    dates, licence, funding) and summaries under their own titles ('Author Summary'); when more running
    text than an abstract holds stands after the last of them and before ``heading``, the body starts at
    its first paragraph (or at the title right above it). The text after the last note only: a
    correspondence note that pdftotext prints between two body paragraphs keeps the first of them in
    the front matter rather than putting the note, and what comes before it, in the body.
    """
    lo = anchor + 1
    if after_abstract:
        # 'Abstract: text ...' opens the abstract on its own line
        lo = _abstract_extent(main, anchor if ABSTRACT_INLINE.match(main[anchor].text) else lo, heading)
    start = _untitled_start(main, lo, heading, min_words)
    return heading if start is None else start


#: a structured abstract's inline section label ('Methods: ...', 'Conclusions. ...')
_ABSTRACT_LABEL = re.compile(r"^\s*([A-Z][\w/ ]{2,40}?)\s*[:.]\s+\S")
_TITLE_JOINS = re.compile(r"\s*(?:\band\b|/|&)\s*", re.I)


def _abstract_title(text: str) -> bool:
    """A structured abstract's section title, also joined ones ('Methods and Findings', 'Aims/Hypothesis')."""
    parts = [p for p in _TITLE_JOINS.split(text.strip().rstrip(":.")) if p]
    return bool(parts) and all(_is_abstract_section(p) for p in parts)


def _abstract_extent(main: list[Line], lo: int, hi: int) -> int:
    """Index just past the abstract whose text starts at ``main[lo]`` (at most ``hi``).

    Why: neither layout marks the abstract's end, and the body may follow it with no heading. The
    abstract is its first paragraph (a block of lines up to a blank line in a PDF copy, one long line in
    a web copy), carried on over the section titles of a structured abstract and the paragraphs they
    open ('Methods: ...' lines included).
    """
    j = lo
    while j < hi:
        while j < hi and not main[j].stripped:
            j += 1
        if j >= hi:
            return hi
        if _abstract_title(main[j].stripped) or ABSTRACT_HEADING.match(main[j].text):
            j += 1  # a section title, or 'Summary' under 'Abstract'
            continue
        if len(main[j].stripped) >= _PARAGRAPH_CHARS:  # a web copy: one paragraph a line
            j += 1
        else:
            while j < hi and main[j].stripped:
                j += 1
            if _abstract_title(main[j - 1].stripped):
                continue  # the block ends with the next section's title ('Results' over a blank line)
        k = j
        while k < hi and not main[k].stripped:
            k += 1
        if k < hi and (_abstract_title(main[k].stripped) or _abstract_label(main[k].stripped)
                       or main[k].stripped[:1].islower()):  # a lower-case line goes on over a page break
            j = k
            continue
        return j
    return hi


def _abstract_label(text: str) -> bool:
    m = _ABSTRACT_LABEL.match(text)
    return bool(m and _abstract_title(m.group(1)))


#: a paragraph long enough to be running text (a web copy prints each paragraph on one line)
_PARAGRAPH_CHARS = 250


def _untitled_start(main: list[Line], lo: int, hi: int, min_words: int = _UNTITLED_WORDS) -> int | None:
    """Start of the running text in ``main[lo:hi]`` after its last front-matter note or summary.

    The start is the first long prose paragraph after the last note (``_front_note``) or front-section
    title, or the title right above that paragraph; None unless ``_UNTITLED_WORDS`` of prose follow it.
    Paragraphs of a front section ('Author Summary', 'Synopsis', a second abstract with its own section
    titles) are passed over until a short block or another title closes the section; a paragraph that
    opens in lower case goes on from a page or column break and starts nothing.
    """
    start: int | None = None
    words = 0
    in_front = False
    title: int | None = None  # a title line right above the current text
    for u, v in _units(main, lo, hi):
        first = main[u].stripped
        if _is_title(first):
            if _is_front_title(first):
                in_front, start, words = True, None, 0
            elif not (in_front and _abstract_title(first)):
                in_front = False
            title = u if title is None else title  # the first of a run of titles
            if v - u == 1:
                continue
            u += 1
        text = " ".join(ln.stripped for ln in main[u:v])
        if _front_note(text):
            start, words, in_front = None, 0, False
        elif len(text) >= _PARAGRAPH_CHARS and _sentence(text) and _prose(text) and not _frontish(text):
            if not in_front and (start is not None or not first[:1].islower()):
                if start is None:
                    start = title if title is not None else u
                words += len(text.split())
        else:
            in_front = False  # a short block (a caption, a date line) closes a front section
        title = None
    return start if words >= min_words else None


def _units(main: list[Line], lo: int, hi: int) -> list[tuple[int, int]]:
    """The paragraphs of ``main[lo:hi]`` as (first, last+1) indices.

    A PDF copy separates paragraphs by blank lines only now and then: a block of lines is one unit, cut
    before a line that is a front-matter section title ('Author Summary' right under the abstract's last
    line). A web copy prints a paragraph a line: a block with long lines is a unit per line.
    """
    out: list[tuple[int, int]] = []
    for a, b in _paragraph_blocks(main[lo:hi]):
        a, b = a + lo, b + lo
        if b - a > 3 and any(len(main[i].stripped) >= _PARAGRAPH_CHARS for i in range(a, b)):
            out.extend((i, i + 1) for i in range(a, b))
            continue
        cut = a
        for i in range(a + 1, b):
            if _is_front_title(main[i].stripped) and _is_title(main[i].stripped):
                out.append((cut, i))
                cut = i
        out.append((cut, b))
    return out


def _is_title(text: str) -> bool:
    return len(text) <= 80 and is_heading_like(text) and not text.endswith(":")


def _is_front_title(text: str) -> bool:
    return bool(_FRONT_SECTION.match(text) or ABSTRACT_HEADING.match(text) or KEYWORDS.match(text))


def _front_note(text: str) -> bool:
    """Does ``text`` open a front-matter note (a licence or citation line, a labelled note, the
    correspondence mark)? Only its opening counts: body paragraphs may mention a licence or a citation."""
    return bool(_frontish(text[:_NOTE_OPENING]) or _FRONT_NOTE.match(text) or BACK_START.match(text))


_NOTE_OPENING = 120


def _sentence(text: str) -> bool:
    """Does ``text`` hold a full sentence (a period that ends one, inside or at its end)?

    Why: a byline or subject list is as long as a paragraph but holds no sentence. The end counts too: an
    essay or letter may open with one long sentence ('Pieter Reitsma and colleagues have explored ... the
    risk of haemorrhage [1].'), and that paragraph is body.
    """
    return text.count(". ") >= 1 or text.endswith(".")


_WORDS = re.compile(r"[^\W\d_]+")


def _prose(text: str) -> bool:
    """Does ``text`` read as running prose, most of its words in lower case?

    Why: without an abstract heading the body is found as the first long paragraph, and on a journal web
    page the byline, the 'volume, issue, Article number' line and the subject list stand together in one
    block as long as a paragraph ('Edward F. DeLong & Oded Béjà / PLoS Biology volume 8, ... / Subjects:
    ...'); taken for the body, the byline is lost. Names, titles and labels are capitalised; a sentence
    is mostly lower-case words.
    """
    words = _WORDS.findall(text)
    return bool(words) and sum(w[0].islower() for w in words) >= 0.5 * len(words)


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
