"""The reference list of an article: split into one Reference per entry.

The lines after a "References" heading are not all references: a PDF
printed in two columns interleaves the list with supporting-information
captions, acknowledgements or a correspondence block, and page furniture
falls between entries. :func:`reference_items` therefore decides, line by
line, which lines make up which entry and hands back the rest, which the
segmenter passes on as back matter (nothing is dropped).

Numbered lists ("[1]", "1.", "1)", "1 Smith", "- [1]") are split at their
labels, choosing one occurrence of each number 1..N so that stray numbers
at a line start inside an entry do not start a new one. Unnumbered lists
(author-year) are split where a line that opens like an author list
follows a line that closes a reference; on a web page (one entry a line,
lines far longer than any printed column) every line after a closed entry
opens the next, whoever the author (an organisation, a "van den" name), and
a bullet always opens one. Article-page blocks that only follow the list
("Author information", "Cite this article") end it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Document, Line
from ..model import (
    Article,
    Reference,
    Span,
)

__all__ = ["LONE_NUMBER", "RefItem", "label_number", "label_style", "reference_items", "ref_surname_year",
           "opens_entry"]

# ------------------------------------------------------------------ patterns

_YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20)\d{2}[a-z]?(?!\d)")
#: a letter of a name: PDF text often keeps accents as combining marks ("Kopa\u030cek"), which ``\w`` does not take
_W = "\\w\u0300-\u036f'’-"
_NAME = rf"[A-ZÀ-ÖØ-Þ][{_W}]+"
_PARTICLE = r"(?:van|von|de|der|den|da|das|do|dos|del|della|di|du|la|le|ten|ter|mac|st\.?)"
#: label styles, each with the number in group 1 and the text after it. A bare number ("12 Smith J")
#: must be followed by a name (a particle may lead it: "1 de Chastellier C") or stand alone on its
#: line: two-column PDFs print the number in its own column, so pdftotext gives "17", a blank line,
#: then the entry. Some sources keep the number inside the reference string as well ("2 2 Buzon O"):
#: the first is the label, the second part of the entry.
_LABEL_STYLES: dict[str, re.Pattern[str]] = {
    "bracket": re.compile(r"^\s*(?:[-•*]\s*)?\[(\d{1,4})\](?:\s+|$)"),
    "dot": re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,4})\.(?!\d)(?:\s+|$)"),
    "paren": re.compile(r"^\s*(?:[-•*]\s*)?(\d{1,4})\)(?:\s+|$)"),
    "bare": re.compile(rf"^\s*(\d{{1,4}})(?:\s+(?=(?:\1\s+)?(?:{_PARTICLE}[\s-]+)*[A-ZÀ-ÖØ-Þ][{_W}]*[\s,.(]"
                       r"|\d{1,4}\.\s)|\s*$)"),
}
#: a line that is only a number: a page number, or a bare list label standing alone
LONE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
#: the opening of an author list: "Smith JA,", "Smith, J.", "van der Berg A", "vanEngelsdorp, D.", "KELLNER AWA."
_AUTHOR_START = re.compile(
    rf"^(?:{_PARTICLE}\s+)*(?:[a-z]{{1,4}}[A-Z][{_W}]+|{_NAME})(?:[\s-]+(?:{_PARTICLE}|{_NAME}))*,?\s+"
    r"(?:[A-Z]{1,4}\b|[A-Z]\.|(?<=,\s)[A-Z][a-z]+\b)"
    r"|^[A-ZÀ-ÖØ-Þ]{2,}[A-ZÀ-ÖØ-Þ'’ -]*[\s,.]"
)
#: the link labels of the sites that print them under a reference: PubMed, Crossref, Google Scholar in their
#: many spellings ('[PubMed]', 'PubMed/NCBI', 'CrossRef Full Text', 'Search in Google Scholar', 'View in
#: Scopus', 'Scopus (134)', 'Web of Science®', 'WorldCat', '[Taylor & Francis Online]', 'Cited Here')
_LINK_LABEL = (
    r"doi|pubmed|pmid|pmc|pmcid|pubmed central|pmc free article|europe pmc|google scholar|google books|"
    r"search in(?: google scholar)?|crossref|view article|view in scopus|pubmed/ncbi|free full text|full text|"
    r"scopus(?:\s*\(\d+\))?|web of science\s*®?|isi|medline|link|ads|nasa ads|cas|chemport|article|worldcat|"
    r"openurl|semantic scholar|taylor\s*&\s*francis online|cited here|find this article online|mathscinet|zbmath"
)
_LINK_LINE = re.compile(r"^\s*(?:\[?(?:" + _LINK_LABEL + r")\]?[\s,;|]*)+$", re.I)
#: link text a web page prints after a reference ("... doi: 10.1126/x Article CAS PubMed")
_TRAILING_LINKS = re.compile(
    r"(?<=[.\d)\]\w])(?:\s+(?:\|\s*)?\[?(?:Article|CAS|PubMed(?: Central)?|PMC free article|Google Scholar|CrossRef|"
    r"Crossref|Web of Science ?®?|Scopus(?: \(\d+\))?|View in Scopus|View Article|MathSciNet|ADS|Free article|"
    r"Full Text|PubMed/NCBI|Link|WorldCat|Search in(?: Google Scholar)?|Cited Here)\]?)+"
    r"(?:\s*\|)?\s*$"
)  # link labels may be separated by "|": "CrossRef Full Text | Google Scholar"
_DOI_URL_LINE = re.compile(r"^\s*(?:\[?(?:doi|DOI)\s*:?\s*10\.|https?://|www\.|10\.\d{4,9}/|pmid:?\s*\d|PMID)")
_DOI_URL_END = re.compile(r"(?:\b10\.\d{4,9}/\S+|https?://\S+)\s*$")
_END = re.compile(r"(?:[.\])>]|\b\d+[a-z]?|\b10\.\d{4,9}/\S+|https?://\S+)[\"”']?\s*$")
#: lines that open something that is not a reference (back matter, captions, headings)
_NOT_REF_START = re.compile(
    r"^\s*[*✉]?\s*(?:corresponding author|address for correspondence|correspondence\b|author contributions?|"
    r"competing interests|conflicts? of interest|acknowledg(?:e)?ments?|funding\b|financial disclosure|"
    r"supporting information|supplementary|abbreviations|footnotes?\b|notes\b|data availability|ethics|"
    r"(?:fig(?:ure)?\.?|table|appendix|text|dataset|video|movie|protocol|checklist)\s+S?\d+[A-Z]?\b)",
    re.I,
)


#: a correspondence line ("* E-mail: x@y") that a PDF prints at the foot of a page, possibly inside the list:
#: it goes to the back matter (where the correspondence reader looks), and the entry it interrupts goes on after it
_EMAIL_LINE = re.compile(r"^\s*[*✉†‡]?\s*e-?mail(?: address(?:es)?)?\s*:", re.I)


#: web-page footers that follow the list ("Articles from X are provided here courtesy of Y", "Journal · ISSN ...",
#: the article-page blocks "Author information", "Rights and permissions", a licence sentence)
#: Two patterns, used as one: the anchored shapes are tried once with ``match``, and only the two that may
#: stand anywhere are scanned for; one search holding every shape tried each anchored one at every position.
_PAGE_FOOTER_START = re.compile(
    r"\s*(?:©\s*\d{4}|copyright\b"
    r"|(?:author information|authors and affiliations|rights and permissions|about this article|"
    r"additional information|cite this article|article metrics)\s*$"
    r"|this is an open[- ]access article\b)",
    re.I)
_PAGE_FOOTER_ANYWHERE = re.compile(r"\bprovided here courtesy of\b|·\s*ISSN\s+\d{4}-\d{3}[\dX]\b", re.I)


#: a bullet that opens a list item ("* Smith J", "• Smith J")
_BULLET = re.compile(r"^[*•▪◦‣]\s+")
#: an author-date entry by an organisation: "President's Council on Bioethics. (2003). ..."
_ORG_YEAR_START = re.compile(r"^[A-ZÀ-ÖØ-Þ][^()]{1,80}?\.\s+\((?:1[5-9]|20)\d{2}[a-z]?\)[.,]")
#: a name led by a lower-case particle ("van den Bussche H", "von Zglinicki T"): a start, not a continuation
_PARTICLE_NAME = re.compile(rf"^(?:{_PARTICLE}[\s-]+)+[A-ZÀ-ÖØ-Þ][\w'’-]+")


def _continuation_line(text: str) -> bool:
    """A line that goes on with the entry above: a DOI/URL line, or one opening in lower case (not a particle name)."""
    if _DOI_URL_LINE.match(text):
        return True
    return text[:1].islower() and not (_PARTICLE_NAME.match(text) and _AUTHOR_START.match(text))


def opens_entry(text: str) -> bool:
    """Does ``text`` open like a reference (an author list, or a year early on)?"""
    s = text.strip()
    return bool(_AUTHOR_START.match(s) or _YEAR.search(s[:150]))


#: blocks of an article web page that only come after the reference list: once one is seen the list is over
#: (the "Cite this article" block that follows holds the article's own reference, not an entry)
_LIST_END = re.compile(
    r"\bprovided here courtesy of\b|^\s*(?:author information|authors and affiliations|rights and permissions|"
    r"about this article|cite this article|article metrics)\s*$",
    re.I)


#: the link labels ``_TRAILING_LINKS`` can end with
_LINK_WORDS = ("Article", "article", "CAS", "PubMed", "Central", "Google Scholar", "CrossRef", "Crossref",
               "Web of Science", "®", "Scopus", "MathSciNet", "ADS", "Full Text", "PubMed/NCBI", "Link", "WorldCat",
               "Search in", "Cited Here", ")")


def _may_end_in_links(t: str) -> bool:
    """Can stripped ``t`` end in link labels? A necessary test for ``_TRAILING_LINKS``, whose scan from every
    position of every reference line cost more than splitting the list; most lines end in a page or DOI."""
    if t.endswith("|"):
        t = t[:-1].rstrip()
    if t.endswith("]"):
        t = t[:-1]
    return t.endswith(_LINK_WORDS)


def _not_reference(text: str) -> bool:
    return bool(_NOT_REF_START.match(text) or _PAGE_FOOTER_START.match(text) or _PAGE_FOOTER_ANYWHERE.search(text))


def _may_have_label(text: str) -> bool:
    """Can ``text`` open with a label of any style? Every style starts, after white space, with a digit,
    "[" or a bullet; this check is far cheaper than the four patterns, and most lines fail it."""
    c = text.lstrip()[:1]
    return c.isdecimal() or c in ("[", "-", "•", "*")


def _label(style: str, text: str) -> tuple[int, int] | None:
    """(number, end of the label) when ``text`` opens with a label of ``style``."""
    m = _LABEL_STYLES[style].match(text)
    if not m:
        return None
    return int(m.group(1)), m.end()


@dataclass
class RefItem:
    """One entry: its label as printed (None when unnumbered) and its lines.

    ``first_offset`` is where the text starts inside the first line (after
    the label), so that provenance points at the reference, not its number.
    """

    label: str | None
    lines: list[Line] = field(default_factory=list)
    first_offset: int = 0
    #: each line's cleaned text, for ``lines[:len(_cleaned)]``: the splitter asks for ``raw`` after every
    #: appended line, and lines are only ever appended, so each line is cleaned once, not once per question
    _cleaned: list[str] = field(default_factory=list, repr=False, compare=False)

    def parts(self) -> list[str]:
        cleaned = self._cleaned
        if len(cleaned) > len(self.lines):  # lines replaced from outside: start over
            cleaned.clear()
        for k in range(len(cleaned), len(self.lines)):
            ln = self.lines[k]
            t = ln.text[self.first_offset:] if k == 0 else ln.text
            t = t.strip()
            cleaned.append(_TRAILING_LINKS.sub("", t) if _may_end_in_links(t) else t)
        return [t for t in cleaned if t]

    @property
    def raw(self) -> str:
        return " ".join(self.parts())

    def removed_links(self) -> list[tuple[int, str]]:
        """The link labels :meth:`parts` cut off, with where each starts in the working text, for the report."""
        out = []
        for k, ln in enumerate(self.lines):
            skip = self.first_offset if k == 0 else 0
            t = ln.text[skip:].rstrip()
            if _may_end_in_links(t.strip()):
                m = _TRAILING_LINKS.search(t)
                if m:
                    lead = len(m.group()) - len(m.group().lstrip())
                    out.append((ln.start + skip + m.start() + lead, m.group().strip()))
        return out


# ------------------------------------------------------------------ splitting


def _choose_style(lines: list[Line]) -> tuple[str | None, int]:
    """The label style that numbers the most of 1..N, and N; (None, 0) for an unnumbered list."""
    best: tuple[str | None, int, int] = (None, 0, 0)
    nonblank = sum(1 for ln in lines if ln.stripped)
    candidates = [ln.text for ln in lines if _may_have_label(ln.text)]
    for style in _LABEL_STYLES:
        nums = set()
        for text in candidates:
            lab = _label(style, text)
            if lab:
                nums.add(lab[0])
        if 1 not in nums and 0 not in nums and not (nums and min(nums) <= 2):
            continue
        top = 0
        below = 0  # how many of nums lie in 1..k, counted as k grows (nums is a set: each once)
        for k in sorted(nums):
            # two-column pages may put part of the list before the heading: allow gaps
            if k > 0:
                below += 1
                if below >= 0.6 * k:
                    top = k
        covered = sum(1 for x in nums if 1 <= x <= top)
        if covered > best[2] or (covered == best[2] and style == "bracket"):
            best = (style, top, covered)
    chosen, top, covered = best
    if chosen is None:
        return None, 0
    # a one- or two-entry list (a correction citing its article) is numbered when it opens with "1"
    first = next((ln.text for ln in lines if ln.stripped), "")
    first_label = _label(chosen, first)
    complete = covered == top and first_label is not None and first_label[0] == 1
    # a couple of stray "1." lines do not make a numbered list
    if covered < 2 and nonblank > 3 and not complete:
        return None, 0
    if chosen == "bare" and covered < 3 and not complete:
        return None, 0
    return chosen, top


def _pick_labels(lines: list[Line], style: str, top: int) -> dict[int, tuple[int, int]]:
    """Line index -> (number, label end) of the label lines that open entries.

    One occurrence per number: first the in-sequence ones (n after n-1),
    then, for numbers still missing (two-column interleaving puts "17."
    before "1."), their first unused occurrence.
    """
    occ: list[tuple[int, int, int]] = []
    weak: set[int] = set()
    prev = ""
    for i, ln in enumerate(lines):
        lab = _label(style, ln.text) if _may_have_label(ln.text) else None
        if lab and 1 <= lab[0] <= top:
            occ.append((i, lab[0], lab[1]))
            if not ln.text[lab[1]:].strip() and prev and not _ends_reference(prev):
                weak.add(i)
        if ln.stripped:
            prev = ln.stripped
    # A label alone on its line right after an unfinished line ("... Protist 155: 45–" / "52.") is more
    # likely the end of that entry (its last page) than an entry: it is taken only when its number has no
    # other occurrence.
    strong = {k for i, k, _e in occ if i not in weak}
    occ = [o for o in occ if o[0] not in weak or o[1] not in strong]
    chosen: dict[int, tuple[int, int]] = {}
    taken: set[int] = set()
    last = 0
    for i, k, e in occ:
        if k not in taken and (k == last + 1 or (last < k <= last + 3)):
            chosen[i] = (k, e)
            taken.add(k)
            last = k
    for i, k, e in occ:
        if k not in taken and i not in chosen:
            chosen[i] = (k, e)
            taken.add(k)
    if style == "bare":
        _pick_loose_labels(lines, top, chosen, taken)
    return chosen


#: a bare number opening a line, whatever follows: only a candidate for a number the list still lacks
_LOOSE_BARE = re.compile(r"^\s*(\d{1,4})\s+(?=\S)")


def _pick_loose_labels(lines: list[Line], top: int, chosen: dict[int, tuple[int, int]], taken: set[int]) -> None:
    """Numbers of a bare-numbered list still missing: a line between the entries k-1 and k+1 that opens with
    "k " after a finished entry. The strict bare pattern wants a name after the number, so an entry that
    opens otherwise ("32 1 32. Centers ...", "7 3D printing ...") would be merged into the one before."""
    at = {k: i for i, (k, _e) in chosen.items()}
    for k in range(1, top + 1):
        if k in taken or k - 1 not in at:
            continue
        lo = at[k - 1]
        hi = at.get(k + 1, len(lines))
        if hi <= lo:
            continue
        prev = lines[lo].stripped
        for i in range(lo + 1, hi):
            s = lines[i].stripped
            if not s:
                continue
            m = _LOOSE_BARE.match(lines[i].text)
            if m and int(m.group(1)) == k and i not in chosen and _ends_reference(prev):
                chosen[i] = (k, m.end())
                taken.add(k)
                at[k] = i
                break
            prev = s


def _ends_reference(text: str) -> bool:
    return bool(_END.search(text.strip()))


def _numbered_items(lines: list[Line], style: str, top: int) -> tuple[list[RefItem], list[Line]]:
    chosen = _pick_labels(lines, style, top)
    items: list[RefItem] = []
    rest: list[Line] = []
    cur: RefItem | None = None
    after_blank = False
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not s:
            after_blank = True
            continue
        if i in chosen:
            k, end = chosen[i]
            cur = RefItem(label=str(k), lines=[ln], first_offset=end)
            items.append(cur)
            after_blank = False
            continue
        if _LINK_LINE.fullmatch(s):
            continue
        if _EMAIL_LINE.match(s):
            rest.append(ln)
            continue
        if cur is None or _not_reference(s):
            cur = None
            rest.append(ln)
            after_blank = False
            continue
        if after_blank and not _continues(cur, s):
            # a block of other text between entries (column interleaving): back matter
            cur = None
            rest.append(ln)
            after_blank = False
            continue
        # (a lone label line, whose text follows on the next line, simply takes this line too)
        cur.lines.append(ln)
        after_blank = False
    return items, rest


def _continues(item: RefItem, text: str) -> bool:
    """After a blank line: does ``text`` go on with ``item``?"""
    raw = item.raw
    if not raw:
        return True  # a lone label ("[8]") whose text follows the blank
    if _DOI_URL_LINE.match(text) or text[:1].islower() or text[:1] in "(–-;:,":
        return True
    return not _ends_reference(raw)


def _unnumbered_items(lines: list[Line]) -> tuple[list[RefItem], list[Line]]:
    body = [ln for ln in lines if ln.stripped and not _LINK_LINE.fullmatch(ln.stripped)]
    lengths = sorted(len(ln.stripped) for ln in body) or [0]
    width = lengths[int(0.9 * (len(lengths) - 1))]
    # hard-wrapped text has many lines of about the column width; a web page's entries vary freely.
    # No page or text dump wraps at 200 characters or more: such lines are whole entries, however alike.
    near_width = sum(1 for n in lengths if 0.9 * width <= n <= 1.05 * width)
    wrapped = width < 130 or (near_width >= 0.3 * len(lengths) and width < 200)
    items: list[RefItem] = []
    rest: list[Line] = []
    cur: RefItem | None = None
    prev: Line | None = None
    after_blank = False
    in_other = False
    ended = False
    for ln in lines:
        s = ln.stripped
        if not s:
            after_blank = True
            continue
        ended = ended or bool(_LIST_END.search(s))
        if ended:
            rest.append(ln)
            continue
        if _LINK_LINE.fullmatch(s):
            continue
        if _EMAIL_LINE.match(s):
            rest.append(ln)
            continue
        if _not_reference(s):
            cur = None
            rest.append(ln)
            prev = None
            after_blank = False
            in_other = True
            continue
        if in_other:
            # back matter runs until a new block opens like a reference
            if not (after_blank and _AUTHOR_START.match(s) and _YEAR.search(s[:150])):
                rest.append(ln)
                after_blank = False
                continue
            in_other = False
        indent = len(ln.text) - len(ln.text.lstrip())
        bullet = _BULLET.match(s)
        if bullet:
            s = s[bullet.end():]
        start = False
        if cur is None:
            start = bool(bullet or _AUTHOR_START.match(s) or _YEAR.search(s[:150]))
        elif bullet:
            start = True  # a bulleted list ("* Smith J ..."): every bullet opens an entry
        elif _continuation_line(s):
            start = False
        elif prev is not None and indent > len(prev.text) - len(prev.text.lstrip()) + 1 and not after_blank:
            start = False  # an indented continuation line (lynx/w3m dumps)
        elif not wrapped and _ends_reference(cur.raw) and (s[:1].isupper() or s[:1].isdigit() or s[:1] in "\"“‘'["
                                                           or s[:1].islower()):
            # one entry a line (a web page): after a finished entry any line that opens like a sentence is
            # the next entry, also one by an organisation without a year up front ("Partners in Health. ...")
            start = True
        elif _ends_reference(cur.raw) and (_AUTHOR_START.match(s) or _YEAR.search(s[:150])):
            prev_s = prev.stripped if prev is not None else ""
            start = (not wrapped or after_blank or len(prev_s) < 0.8 * width or bool(_ORG_YEAR_START.match(s))
                     or bool(_AUTHOR_START.match(s) and (_YEAR.search(s[:100]) or _DOI_URL_END.search(prev_s))))
        if start:
            cur = RefItem(label=None, lines=[ln], first_offset=indent + bullet.end() if bullet else 0)
            items.append(cur)
        elif cur is not None and not (after_blank and not _continues(cur, s) and not wrapped):
            cur.lines.append(ln)
        else:
            cur = None
            rest.append(ln)
        prev = ln
        after_blank = False
    return items, rest


def label_style(lines: list[Line]) -> tuple[str | None, int]:
    """The numbering of a reference list: (style, highest number), or (None, 0) when unnumbered."""
    return _choose_style(lines)


def label_number(style: str, text: str) -> int | None:
    """The list number ``text`` opens with in ``style``, if any."""
    lab = _label(style, text)
    return lab[0] if lab else None


def reference_items(lines: list[Line], chosen: tuple[str | None, int] | None = None,
                    ) -> tuple[list[RefItem], list[Line]]:
    """Split reference-list lines into entries; return (entries, lines that are not references).

    ``chosen``: :func:`label_style` of ``lines``, where the caller has already chosen it.
    """
    style, top = _choose_style(lines) if chosen is None else chosen
    if style is not None:
        return _numbered_items(lines, style, top)
    return _unnumbered_items(lines)


#: running heads/footers are at least this long, and hold letters (a page number alone is not one)
_FURNITURE_MIN = 10
#: four letters anywhere in a line (the same test as counting ``str.isalpha`` characters, without a call per one)
_FOUR_LETTERS = re.compile(r"(?:[^\W\d_][\W\d_]*){4}")


def _page_furniture(doc: Document, lines: list[Line]) -> set[int]:
    """Starts of reference-list lines that are page furniture: the same line printed at least twice more
    outside the list ("PLoS ONE, 2013, Vol. 8(8)", the article's DOI link). In a two-column page pdftotext
    puts the footer after the first column, mid-page, where the segmenter's page-edge test does not see it;
    inside the list it would be glued to an entry (its DOI read as the reference's). A reference line does
    not recur outside the list."""
    inside = {ln.start for ln in lines}
    keys = {ln.stripped for ln in lines
            if len(ln.stripped) >= _FURNITURE_MIN and _FOUR_LETTERS.search(ln.stripped)}
    if not keys:
        return set()
    outside: dict[str, int] = {}
    for ln in doc.lines():
        if ln.start not in inside and ln.stripped in keys:
            outside[ln.stripped] = outside.get(ln.stripped, 0) + 1
    return {ln.start for ln in lines if outside.get(ln.stripped, 0) >= 2}


def _split_again(lines: list[Line], doc: Document) -> tuple[list[RefItem], list[Line]]:
    """``reference_items(lines)``, taken from segmentation where it split these very lines.

    Segmentation splits the region after the references heading to tell entries from back matter; where
    every line of it was an entry and no furniture has been taken out since, the list read here is that
    region, line for line, and the split (a function of the lines alone) is the same.
    """
    known = doc.segments.reference_split
    if known is not None:
        region, split = known
        if len(region) == len(lines) and all(a is b for a, b in zip(region, lines)):
            return split  # type: ignore[no-any-return]
    return reference_items(lines)


def _in_label_order(doc: Document, items: list[RefItem]) -> list[RefItem]:
    """The entries in the order of their numbers, where a two-column page printed them out of it.

    Why: pdftotext reads a page's columns one after the other, so a list that runs down the left column,
    over to the right and onto the next page comes out as 10-15, 1-9, 16-28 or 1-8, 17-23, 9, 24, 10.
    A numbered list is printed in its numbers' order, so where every entry has a number of its own the
    numbers are the order; the reading order is kept where any entry lacks one or two share it.
    """
    numbers: list[int] = []
    for item in items:
        if item.label is None or not item.label.isdigit():
            return items
        numbers.append(int(item.label))
    if len(set(numbers)) != len(numbers) or all(a < b for a, b in zip(numbers, numbers[1:])):
        return items
    in_order = sorted(numbers)
    moved = sum(1 for n, m in zip(numbers, in_order) if n != m)
    doc.report.add("extract", "reference-order",
                   f"references put back in the order of their numbers ({moved} of {len(items)} were out of it, "
                   "as a page's columns were read one after the other)",
                   offset=doc.to_original(items[0].lines[0].start))
    return sorted(items, key=lambda it: int(it.label or 0))  # every label is a number here


def _split_references(doc: Document, art: Article, lines: list[Line]) -> None:
    furniture = _page_furniture(doc, lines)
    for ln in lines:
        if ln.start in furniture:
            doc.report.add("extract", "noise-line", "page furniture in the reference list removed",
                           original=ln.stripped, offset=doc.to_original(ln.start))
    items, rest = _split_again([ln for ln in lines if ln.start not in furniture], doc)
    for ln in rest:
        doc.report.warn("extract", "unplaced-text", "text in the reference list that is not a reference",
                        original=ln.stripped, offset=doc.to_original(ln.start))
    items = _in_label_order(doc, items)
    labels_seen: set[str] = set()
    k = 0
    for item in items:
        raw = item.raw
        for start, links in item.removed_links():
            doc.report.add("extract", "link-label", "web-page link labels after a reference removed",
                           original=links, offset=doc.to_original(start))
        if not raw:
            doc.report.warn("extract", "empty-reference", f"reference {item.label} has no text",
                            offset=doc.to_original(item.lines[0].start))
            continue
        k += 1
        label = item.label if item.label not in labels_seen else None
        if label:
            labels_seen.add(label)
        ref = Reference(id=f"ref{k}", label=label, raw=raw)
        first = item.lines[0]
        ref.provenance["raw"] = Span(start=doc.to_original(first.start + item.first_offset),
                                     end=doc.to_original(item.lines[-1].end))
        art.references.append(ref)


# ------------------------------------------------------------------ author-year keys

_SURNAME = re.compile(
    rf"^\s*((?:{_PARTICLE}\s+)*(?:[a-z]{{1,4}}[A-Z][\w'’-]+|[A-ZÀ-ÖØ-Þ][\w'’-]+(?:[\s-]+[A-ZÀ-ÖØ-Þ][\w'’-]+)*?))"
    r"(?=,|\s+[A-Z]{1,4}\b|\s+[A-Z]\.|\s+(?:and|&|et)\b|\s*\()",
)


def ref_surname_year(raw: str) -> tuple[str | None, str | None]:
    """First author's surname and the year (with a/b suffix) of a reference string.

    A light look that serves author-year citation linking before the
    reference parser has run; the year is the first plausible one.
    """
    m = _SURNAME.match(raw)
    surname = m.group(1) if m else None
    if surname is None:
        w = re.match(r"^\s*([A-ZÀ-ÖØ-Þ][\w'’-]+)", raw)
        surname = w.group(1) if w else None
    y = _YEAR.search(raw)
    return surname, (y.group(0) if y else None)
