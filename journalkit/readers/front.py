"""Front matter: title, authors, affiliations, citation line, DOI, dates, license,
keywords, abstract, correspondence."""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection, Iterator

from pydantic import ValidationError

from ..document import Document, Line
from ..model import (
    DOI_RE,
    Abstract,
    Affiliation,
    Article,
    AuthorNote,
    Contributor,
    Date,
    KeywordGroup,
    License,
    Paragraph,
    RelatedArticle,
    Section,
    Span,
    TransTitle,
    normalize_doi,
)
from .authors import (
    ORCID_LINE,
    NameItem,
    address_goes_on,
    aff_line_continues,
    byline_closed,
    byline_goes_on,
    ends_with_country,
    group_item,
    institution_only_in_groups,
    is_collab,
    looks_institution,
    looks_like_person,
    marked_caps_person,
    parse_name_list,
    repeats_byline,
    resolve_aff_labels,
    resplit_by_citation,
    split_aff_label,
    split_person,
)
from .citation import (
    ABBREV_WORDS,
    CITE_LABEL,
    HEAD_SHAPES,
    IssueFacts,
    last_sentence,
    match_issue_line,
    parse_citation,
    split_pages,
)
from .common import (  # noqa: F401
    _CITATION,
    _CITATION_PLOS,
    _COUNTRIES,
    _DOI,
    _EMAIL,
    _FAX,
    _MARK_CHARS,
    _MONTHS,
    _PARTICLES,
    _PHONE,
    _URL,
    _join,
    bracket_subscripts,
    join_lines,
    put,
    split_name,
)
from .segment import (
    ABSTRACT_HEADING,
    ABSTRACT_INLINE,
    BACK_START,
    DATE_LABEL,
    KEYWORDS,
    is_heading_like,
)

# ------------------------------------------------------------------ front


class _Front:
    """The front-matter lines with a 'used' flag, so leftovers can be reported."""

    def __init__(self, lines: list[Line], furniture: set[int] | None = None) -> None:
        self.lines = lines
        self.used = [False] * len(lines)
        #: indices of running-head lines the segmenter left here for their facts: never part of a text
        self.furniture = {i for i, ln in enumerate(lines) if ln.start in furniture} if furniture else set()
        #: where the first page's foot starts (segment: first-page-foot): a text that runs on stops there
        self.foot_from = len(lines)

    def use(self, *idx: int) -> None:
        for i in idx:
            if 0 <= i < len(self.used):
                self.used[i] = True

    def text_span(self, i: int, j: int | None = None) -> tuple[int, int]:
        j = i if j is None else j
        return self.lines[i].start, self.lines[j].end


@functools.lru_cache(maxsize=4)
def word_counts(text: str) -> Counter[str]:
    """How often each word (letters only, case-folded) occurs in ``text``.

    Why: telling a Portuguese/Spanish article (for name connectors) and the article's language (for
    xml:lang, the main abstract and keywords) both need a word scan of the whole text; counting once per
    document and caching the counts makes the second question free (a scan costs 2-3 ms per article).
    """
    # Most whitespace-separated tokens are already one word; only the others (punctuation, digits attached)
    # go through the word pattern, which costs a third less than running the pattern over the whole text.
    # The commonest characters that are no letters are made spaces first (a memchr-speed replace each),
    # which leaves the words as they are and makes most of the other tokens plain words: the per-token
    # loop below then sees a few tokens instead of a fifth of them.
    folded = text.casefold()
    for ch in _NOT_LETTERS:
        if ch in folded:
            folded = folded.replace(ch, " ")
    counts = Counter(folded.split())
    for tok in [t for t in counts if not t.isalpha()]:
        n = counts.pop(tok)
        core = tok.strip(_EDGE_PUNCT)
        if core.isalpha():  # "word," "(word)": the same single word the pattern would find, found faster
            counts[core] += n
            continue
        for w in _WORD.findall(tok):
            counts[w] += n
    return counts


_EDGE_PUNCT = "".join(sorted(set(string.punctuation) | set("“”‘’«»–—…·•"))) + "0123456789"
#: common characters that are no letters (none is matched by ``_WORD``), turned into spaces before splitting
_NOT_LETTERS = ",.;:()[]\"“”'’-/0123456789%=+"


_WORD = re.compile(r"[^\W\d_]+")


_IBERIAN_WORDS = ("resumo", "resumen", "descritores", "recebido", "recibido", "referências", "referencias",
                  "aprovado", "aceito")
#: two-word labels, counted by their rarer word
_IBERIAN_PAIRS = (("palavras", "chave"), ("palabras", "clave"), ("como", "citar"))


def is_iberian(text: str) -> bool:
    """Portuguese/Spanish article (or one with such a translation): connectors such as 'de', 'da', 'dos'
    are then indexed with the given names, as SciELO journals do. Two of the labels such articles print
    ('Resumo', 'Palavras-chave', 'Recebido', 'Como citar' ...) are enough."""
    c = word_counts(text)
    hits = sum(c[w] for w in _IBERIAN_WORDS) + sum(min(c[a], c[b]) for a, b in _IBERIAN_PAIRS)
    return hits >= 2


_BREADCRUMB_LABEL = re.compile(r"^Home\s*/.*?/\s*([^/]{2,60}?)\s*$")
_OPEN_ACCESS_LABEL = re.compile(r"^([^|]{2,60}?)\s*\|\s*Open access\s*\|", re.I)


def _find_type_label(doc: Document, fr: _Front, meta_lines: list[Line] | None = None) -> None:
    """The printed article-type label: a line of its own near the top, the last breadcrumb step of a
    journal web page ('Home / Archives / Vol. 8 No. 8 (2011) / Research Paper'), the head of a
    'Research Article | Open access | Published: ...' line, or the value under a 'Section' label."""
    labels = doc.type_labels

    def hit(text: str) -> str | None:
        t = text.strip().rstrip(":").strip()
        return t if t.casefold() in labels else None

    for i, ln in enumerate(fr.lines[:40]):
        s = ln.stripped
        for cand in (s, *(m.group(1) for rx in (_BREADCRUMB_LABEL, _OPEN_ACCESS_LABEL) if (m := rx.match(s)))):
            t = hit(cand)
            if t:
                doc.type_label, doc.type_label_value = t, labels[t.casefold()]
                fr.use(i)
                return
    lines = [ln for ln in (meta_lines or []) if ln.stripped]
    for k, ln in enumerate(lines[:-1]):
        if ln.stripped in ("Section", "Article type", "Article Type"):
            t = hit(lines[k + 1].stripped)
            if t:
                doc.type_label, doc.type_label_value = t, labels[t.casefold()]
                return


def _find_citation(doc: Document, art: Article, fr: _Front, text_lines: list[Line],
                   first_page: set[int] | None = None) -> None:
    """Journal, year, volume, issue, pages: page furniture shapes first, then the citation line.

    ``text_lines`` are the article's lines outside the reference list, front matter first; ``first_page``
    the starts of the first page's running head and foot lines, which the unlabelled heads may come from.
    """
    lines = [ln for ln in text_lines if ln.stripped]
    front_at = {ln.start: k for k, ln in enumerate(fr.lines)}
    head_starts = front_at.keys() | (first_page or set())
    later: list[tuple[IssueFacts, list[Line]]] = []  # other houses' unlabelled heads: after the labelled citation
    for k, ln in enumerate(lines):
        # the first page's head and foot, in the front matter or aside, may take the other houses' shapes
        head = ln.start in head_starts
        facts = match_issue_line(ln.stripped, heads=head)
        group = [ln]
        if facts is None and head and k + 1 < len(lines) and _HEAD_NUMBERS.match(lines[k + 1].stripped):
            # BMC's head in two lines: 'Mehta et al. BMC Cancer' / '(2020) 20:418'
            group = [ln, lines[k + 1]]
            facts = match_issue_line(_Joined.of(group).text, heads=True)
        if facts is None:
            continue
        if facts.shape in HEAD_SHAPES:
            later.append((facts, group))
            continue
        _apply_facts(doc, art, facts, _Joined.of(group))
        for g in group:
            if g.start in front_at:
                fr.use(front_at[g.start])
    # the citation line: a labelled one first, then any line in the front matter, then the rest
    found: IssueFacts | None = None
    heads = {_Joined.of(group).text for _f, group in later}
    for cand, labelled in _citation_candidates(lines, front_at.keys()):
        if not labelled and cand.text in heads:
            continue  # read below in its own shape ('Cells 2020, 9, 1267': the last number is an article's)
        facts = parse_citation(cand.text)
        if facts is None:
            continue
        if not labelled and (facts.shape == "citation-colon"
                             or "year" not in facts.values and facts.shape == "citation-noyear"):
            continue  # a bare 'volume:pages' or 'volume(issue):pages' is a citation only under its label
        if found is None:
            _apply_facts(doc, art, facts, cand, from_citation=True)
            found = facts
            if art.pub_date is not None:
                break
        elif _same_issue(found, facts) and "year" in facts.values:
            # the first citation printed no year ('Rev. Saúde Pública 48(2): 284-295'); another printing of the
            # same volume and issue (the running head 'Revista de Saúde Pública 2014; 48(2):284-295') gives it
            _apply_year(doc, art, facts, cand)
            break
    for facts, group in later:
        _apply_facts(doc, art, facts, _Joined.of(group))
        for g in group:
            if g.start in front_at:
                fr.use(front_at[g.start])
    _journal_line(doc, art, fr)


#: the numbers of a head printed on a line of their own under its journal: '(2020) 20:418'
_HEAD_NUMBERS = re.compile(r"^\((?:1[6-9]|20)\d\d\)\s+\d{1,5}\s*:\s*[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?$")


def _same_issue(a: IssueFacts, b: IssueFacts) -> bool:
    """Do two citations name the same volume (and issue, where both print one)?"""
    va, vb = a.values, b.values
    if "volume" not in va or "volume" not in vb or va["volume"][0] != vb["volume"][0]:
        return False
    return "issue" not in va or "issue" not in vb or va["issue"][0] == vb["issue"][0]


class _Joined:
    """Lines joined with one space each, and the way back from a position in the joined text to the document.

    Why: a citation line wraps over several lines (pdftotext may even print it one word per line), and each
    value read from the joined text must still point at its characters in the input.
    """

    __slots__ = ("text", "pieces")

    def __init__(self, pieces: list[tuple[int, str]]) -> None:
        self.pieces = pieces  # (document offset of the stripped line, stripped line)
        self.text = " ".join(t for _o, t in pieces)

    @classmethod
    def of(cls, lines: list[Line]) -> _Joined:
        return cls([(ln.start + (len(ln.text) - len(ln.text.lstrip())), ln.stripped) for ln in lines])

    def at(self, pos: int) -> int:
        """Document offset of character ``pos`` of the joined text (a joining space maps to its line end)."""
        acc = 0
        for off, t in self.pieces:
            if pos <= acc + len(t):
                return off + (pos - acc)
            acc += len(t) + 1
        off, t = self.pieces[-1]
        return off + len(t)


def abbreviates(abbrev: str, title: str) -> bool:
    """Is ``abbrev`` an abbreviation of ``title``? Each abbreviated word is a prefix of the next title word, in
    order, skipping words such as 'of'/'de' ('PLoS Comput Biol' -> 'PLoS Computational Biology')."""
    a = [w.casefold() for w in re.findall(r"[^\W\d_]+", abbrev)]
    t = [w.casefold() for w in re.findall(r"[^\W\d_]+", title)]
    if not a or len(a) > len(t) or a == t and len(a) > 1:
        return a == t
    k = 0
    for w in t:
        if k < len(a) and w.startswith(a[k]):
            k += 1
        elif w not in {"of", "the", "and", "de", "da", "do", "e", "y", "for", "in", "&"}:
            return False
    return k == len(a)


def _journal_line(doc: Document, art: Article, fr: _Front) -> None:
    """A line of its own near the top that spells out the abbreviation the citation line gives."""
    abbrev = art.journal.abbrev_title
    if art.journal.title is not None or not abbrev:
        return
    for i, ln in enumerate(fr.lines[:40]):
        s = ln.stripped
        if not s or len(s) > 100 or re.search(r"\d", s):
            continue
        # the citation may spell the name out ('PLoS Biology 2013; 11(1)'): a line of its own saying just that
        # is the journal's name as printed, unless it reads as an abbreviation itself ('Rev Saude Publica')
        if s != abbrev and abbreviates(abbrev, s) or s.casefold() == abbrev.casefold() and not _looks_abbreviated(s):
            off = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            if put(doc, art.journal, "title", s, (off, off + len(s))):
                fr.use(i)
            return


def _citation_candidates(lines: list[Line], front_starts: Collection[int]) -> Iterator[tuple[_Joined, bool]]:
    """(text, labelled) for the lines that may hold the article's own citation, labelled ones first.

    A labelled citation ('Citation:', 'How to cite', 'Como citar', 'Cite this article') is joined with the
    lines it wraps onto; an unlabelled one is a front-matter line (joined with the line before it when the
    journal name wraps). Last come runs of adjacent front-matter lines joined whole: a citation that wraps
    between its journal and its year ('... Tough Times. PLoS Biol' / '2010; 8(4):e1000359.') or that
    pdftotext prints one word per line reads as a citation only when joined.

    A generator: the caller stops at the first citation that gives the year, usually among the first
    few candidates, and joining every front-matter line up front cost more than all the rest.
    """
    for k, ln in enumerate(lines):
        s = ln.stripped
        lab = _CITE_LINE.match(s)
        if lab:
            yield _Joined.of(_labelled_citation(lines, k, not s[lab.end():].strip())), True
    for k, ln in enumerate(lines):
        if ln.start in front_starts:
            off = ln.start + (len(ln.text) - len(ln.text.lstrip()))
            prev = lines[k - 1] if k else None
            if prev is not None and prev.start in front_starts and prev.end + 1 == off \
                    and prev.text == prev.text.rstrip() and _CITATION.match(ln.stripped) \
                    and (last_sentence(prev.stripped) != prev.stripped.strip(" .,")
                         or len(prev.stripped.split()) <= 3):
                # an unlabelled citation wrapped inside the journal name ('... Genomics. PLoS' / 'Comput Biol
                # 2015; 11(3):e1004079'): the previous line, whose last sentence opens the name or which is a
                # few words ('BMC Public' / 'Health 2015; ...'), is joined; a longer line with no sentence
                # break of its own ('Skip to main content Home Journals Current issue') is not
                yield _Joined.of([prev, ln]), False
                continue
            yield _Joined.of([ln]), False
    for run in _paragraph_runs([ln for ln in lines if ln.start in front_starts]):
        if len(run) > 1 and _YEAR_VOLUME_ANY.search(" ".join(r.stripped for r in run)):
            yield _Joined.of(run), False


#: 'year; volume(' or 'year;volume:' anywhere in a text: the part of a citation that makes it one
_YEAR_VOLUME_ANY = re.compile(r"\b(?:1[6-9]|20)\d\d\s*[;,.]\s*\d{1,5}\s*[(:]")
_CITATION_DONE = re.compile(r"\b(?:doi|https?)\b|\d{4}\s*[;,.]\s*\d+\s*\(", re.I)
#: a citation that ends in its volume, issue and pages ('... Rev. Testes 48(2): 284-295.') is complete: the next
#: line may be another article's citation (an erratum's subject), which must not be read as this one's
_CITATION_END = re.compile(r"\d\s*\([^()\n]{1,20}\)\s*[:,]\s*[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?\.?$")


def _labelled_citation(lines: list[Line], k: int, label_alone: bool) -> list[Line]:
    """The lines of the labelled citation that starts at ``lines[k]``.

    It runs on until it holds a DOI, a link or its 'year; volume(' part, or ends with its pages: up to three
    lines further whatever lies between, and beyond that over adjacent lines only (no blank line, no other
    labelled item between), for pdftotext prints some citation lines one word per line ('Analysis' / 'of' /
    'Data' / ... / '2015;' / '12(2):e1001786.').
    """
    out = [lines[k]]
    j = k + 1
    if label_alone and j < len(lines):  # label on a line of its own
        out.append(lines[j])
        j += 1

    def text() -> str:
        return " ".join(ln.stripped for ln in out)

    while j < len(lines) and not _CITATION_DONE.search(text()) and not _CITATION_END.search(text()):
        adjacent = lines[j].start == out[-1].end + 1 and len(out) < 40 and not _starts_note(lines[j].stripped) \
            and not _DATE_RE.match(lines[j].stripped)
        if j > k + 3 and not adjacent:
            break
        out.append(lines[j])
        j += 1
    if j < len(lines) and not re.search(r"[:,]\s*[A-Za-z]?\d+", text()[-12:]):
        out.append(lines[j])
    return out


_CITE_LINE = re.compile(r"^" + CITE_LABEL + r"\b\s*:?\s*", re.I)


def _apply_facts(doc: Document, art: Article, facts: IssueFacts, where: _Joined, *,
                 from_citation: bool = False) -> None:
    v = facts.values

    def span(key: str) -> tuple[int, int]:
        return where.at(v[key][1]), where.at(v[key][2])

    if "journal" in v:
        j = v["journal"][0]
        if from_citation or _looks_abbreviated(j) and facts.shape not in ("breadcrumb", "courtesy", "ojs-issue"):
            if art.journal.abbrev_title is None and art.journal.title != j and (from_citation or _looks_abbreviated(j)):
                put(doc, art.journal, "abbrev_title", j, span("journal"))
        if not from_citation and art.journal.title is None:
            put(doc, art.journal, "title", j, span("journal"))
    if "issn" in v and art.journal.any_issn is None:
        put(doc, art.journal, "issn", v["issn"][0], span("issn"))
    if "publisher" in v and art.journal.publisher is None:
        put(doc, art.journal, "publisher", v["publisher"][0], span("publisher"))
    for key in ("volume", "issue"):
        if key in v and getattr(art, key) is None:
            put(doc, art, key, v[key][0], span(key))
    _apply_year(doc, art, facts, where)
    pages = v.get("pages") or v.get("eloc")
    if pages and art.fpage is None and art.elocation_id is None:
        key = "pages" if "pages" in v else "eloc"
        fp, lp, eloc = split_pages(pages[0])
        if key == "eloc":
            fp, lp, eloc = None, None, re.sub(r"\s", "", pages[0])
        if eloc:
            put(doc, art, "elocation_id", eloc, span(key))
        elif fp:
            if put(doc, art, "fpage", fp, span(key)) and lp:
                put(doc, art, "lpage", lp, span(key))


def _apply_year(doc: Document, art: Article, facts: IssueFacts, where: _Joined) -> None:
    """The publication year, where the article has none yet: the citation's year, else the year of the date a
    running head prints beside volume and issue ('PLoS Medicine | doi | October 24, 2006 | Volume 3 | ...').

    Only the year is taken from a running head: the labelled 'Published:' date, read later, gives month and
    day with the date as printed.
    """
    if art.pub_date is not None:
        return
    v = facts.values
    year, key = (v["year"][0], "year") if "year" in v else (None, "")
    if year is None and "date" in v:
        parsed = _parse_date(v["date"][0])
        year, key = (parsed[0], "date") if parsed else (None, "")
    if year is None:
        return
    try:
        art.pub_date = Date(year=year, date_type="pub")
    except ValidationError:
        doc.report.warn("extract", "invalid-value", f"year {year!r} rejected", field="pub_date")
        return
    art.provenance["pub_date"] = Span(start=doc.to_original(where.at(v[key][1])),
                                      end=doc.to_original(where.at(v[key][2])))


def _looks_abbreviated(journal: str) -> bool:
    words = journal.replace(".", ". ").split()
    if any(w.endswith(".") for w in journal.split()):
        return True
    return any(w.strip(".").lower() in ABBREV_WORDS for w in words)


def _find_doi(doc: Document, art: Article, lines: list[Line]) -> None:
    for ln in lines:
        for m in _DOI.finditer(ln.text):
            span = (ln.start + m.start(), ln.start + m.end())
            value = _most_printed_form(doc, m.group(0), span)
            if put(doc, art, "doi", value, span):
                return


def _most_printed_form(doc: Document, doi: str, span: tuple[int, int]) -> str:
    """``doi`` as the text prints it most often, among the forms that differ from it only in hyphens.

    Why: pdftotext drops a hyphen where a line breaks after it ('10.1590/S0034-' / '8910.2014...' becomes
    'S00348910.2014...') and a typesetter adds one where it breaks a DOI ('IMMU-' / 'NOREGULATION'); the
    citation line may carry either while the running head prints the DOI whole on every page. The form
    printed most often wins; on a tie the one found is kept. A change is reported.
    """
    key = doi.rstrip(".,;").replace("-", "")
    counts: dict[str, int] = {}
    # every form starts with the DOI's prefix ('10.1590/'): found with str.find, each checked where it stands
    # (a regex scan of the whole text cost a thirtieth of a conversion)
    text, prefix = doc.text, doi[:doi.find("/") + 1]
    pos = text.find(prefix)
    while pos >= 0:
        m = _DOI.match(text, pos)
        if m is not None and (pos == 0 or not text[pos - 1].isalnum()):
            form = m.group(0).rstrip(".,;")
            if form.replace("-", "") == key:
                counts[form] = counts.get(form, 0) + 1
        pos = text.find(prefix, pos + 1)
    found = doi.rstrip(".,;")
    best = max(counts, key=lambda f: (counts[f], f == found), default=found)
    if best == found or counts.get(best, 0) <= counts.get(found, 0):
        return doi
    doc.report.add("extract", "doi-form", f"DOI {found} read as {best}, the form the text prints "
                   f"{counts[best]} times (a hyphen lost or added at a line break)",
                   original=found, replacement=best, offset=doc.to_original(span[0]))
    return best


# ------------------------------------------------------------------ byline

_FURNITURE = re.compile(
    r"^(?:home\b|skip to|download|open access|" + CITE_LABEL + "|"
    + DATE_LABEL + r"|"
    r"peer[- ]reviewed|check for updates|this issue|subjects?:|subject areas?:|editor|"
    r"academic editor|copyright|funding|competing|\d+\s+accesses|metrics|author information|authors and affiliations|"
    r"full list of author information|"
    r"recebido|aprovado|publicado|doi\b|pmcid|pmid|e-?mail|[*✉†]\s*\w|address for|correspond|"
    # a page number printed as a line of its own ('Page 2 of 18', '3 of 12', 'Página 4')
    r"(?:(?:page|p[áa]gina|pág\.|p\.)\s*)?\d{1,4}\s*(?:of|de|/)\s*\d{1,4}\s*$|"
    r"(?:page|p[áa]gina)\s*\d{1,4}\s*$)", re.I)


# compiled once: the byline search tests every front-matter line, and a growing byline each time it grows
_BULLETED = re.compile(r"^[*•·-]\s+\S")
_BULLET_HEAD = re.compile(r"^[*•·-]\s+(?=\S)")
_FURNITURE_ANYWHERE = re.compile(r"\bISSN\b|\s\|\s|\s·\s|\bet al\.?$")
#: a citation's 'year; volume(' or, as PMC prints it, 'year Mon day; volume(' / 'year Mon; volume:'
_YEAR_VOLUME = re.compile(
    r"\b(?:19|20)\d\d(?:\s+(?:" + "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
    + r")[a-z]*\.?(?:\s+\d{1,2})?)?\s*[;,]\s*\d+\s*[(:]")
_DIGIT = re.compile(r"\d")
_LIST_OPEN_END = re.compile(r"[,;&]\s*$")


#: words of a web page's controls: links, buttons and menus printed by a text browser as a line of their own
_UI_WORDS = frozenset(
    "show more less share cite download pdf print email e-mail export save menu search sign in log register login "
    "logout view metrics altmetric info tools full text html xml epub next previous back to top home journals "
    "journal books help my account navigation toggle jump skip main content expand collapse all permissions "
    "reprints alerts get add mendeley twitter facebook linkedin follow close open submit manuscript browse "
    "about us contact subscribe issue issues current archive archives citations views downloads".split())
_UI_SPLIT = re.compile(r"[\s|/›»>·•&]+")
_UI_FIRST = re.compile(r"[\s|/›»>·•&]*([^\s|/›»>·•&]+)")


def ui_bar(s: str) -> bool:
    """Is ``s`` a bar of web-page controls ('Show more  Share  Cite', 'Menu  Search  Sign in / Register')?

    Why: every site prints its own; no list of whole lines keeps up. A line of at least two words, every
    one of them a control word, is not the article's text, so a byline, an affiliation list or the title
    is never read on into it. Such a line still reaches the report.
    """
    m = _UI_FIRST.match(s)
    if m is None or m.group(1).casefold() not in _UI_WORDS:  # most lines fail here, before the whole line is split
        return False
    words = [w for w in _UI_SPLIT.split(s.casefold()) if w]
    return len(words) >= 2 and all(w in _UI_WORDS for w in words)


def _is_furniture(s: str, art: Article) -> bool:
    """Page furniture around the title and byline: running heads, journal name, links, labels.

    A text browser renders a web page's author list as bullets ('* Estienne C. Swart'), which the
    footnote-symbol pattern ('* Corresponding author') would take for a note: a bulleted name is not.
    """
    if _BULLETED.match(s) and (_person_items(_clean_byline(s)) is not None or group_item(_clean_byline(s))):
        return False
    # "@" / "10." / "http" first: every address, DOI and URL holds them, and the scans are the costly part
    if _FURNITURE.match(s) or ("10." in s and _DOI.search(s)) or ("http" in s and _URL.search(s)) \
            or ("@" in s and _EMAIL.search(s)):
        return True
    if _FURNITURE_ANYWHERE.search(s) or ui_bar(s):
        return True
    key = s.casefold().strip(" .")
    if key in {(t or "").casefold() for t in (art.journal.title, art.journal.abbrev_title) if t}:
        return True
    return bool(match_issue_line(s) or _CITE_LINE.match(s) or _YEAR_VOLUME.search(s))


def _clean_byline(s: str) -> str:
    """Drop a web list bullet ('* Name')."""
    return _BULLET_HEAD.sub("", s.strip())


#: a name that opens with a symbol of capitals and digits ('CD39 Marks', 'IL6 Drives'): a title's words, not a
#: name with its marker (a marker ends a name: 'John Smith1 MD' is a name)
_INNER_NUMBER = re.compile(r"[A-Z]{2,}\d+[A-Za-z]*\s+[^\W\d_]")


def _person_items(s: str, max_len: int | None = 1500) -> list[NameItem] | None:
    """The names of an author line, or None when the line is not one.

    ``max_len`` guards the search for a byline against paragraphs of prose; a byline already found
    and grown line by line passes ``None`` (consortium papers print 150+ names, 8,000 characters).
    """
    if max_len is not None and len(s) > max_len or ("@" in s and _EMAIL.search(s)) or ("http" in s and _URL.search(s)):
        return None
    if looks_institution(s) and not _DIGIT.search(s) and not institution_only_in_groups(s):
        return None
    items = parse_name_list(s)
    if not items:
        return None
    if any(_INNER_NUMBER.match(s, it.start, it.end) for it in items):
        return None  # a number inside a 'name' ('CD39 Marks Exhausted'): a marker ends a name, a title's symbol not
    persons = 0
    for it in items:
        if looks_like_person(it.name) or marked_caps_person(it):
            persons += 1
        elif not is_collab(it.name):
            return None
    return items if persons else None


def _extract_front(doc: Document, art: Article, fr: _Front, all_lines: list[Line] | None = None) -> None:
    """Title, authors and affiliations from the byline area of the front matter."""
    lines = fr.lines
    iberian = is_iberian(doc.text)
    limit = len(lines)
    for i, ln in enumerate(lines):
        if ABSTRACT_HEADING.match(ln.text) or ABSTRACT_INLINE.match(ln.text) or KEYWORDS.match(ln.text):
            limit = i
            break
    label_i = next((i for i in range(limit) if fr.used[i] and doc.type_label and
                    doc.type_label.casefold() in lines[i].stripped.casefold()), -1)
    # the labelled notes ('Edited by:' / a name / an institution, 'Citation:' / ...): a sidebar that pdftotext
    # prints before the title holds names and institutions that are no byline (read later as notes)
    aside = _note_aside(fr, art) | _corresp_aside(lines)

    def free(i: int) -> bool:
        return bool(lines[i].stripped) and not fr.used[i] and i not in aside \
            and not _is_furniture(lines[i].stripped, art)

    def next_nonblank(i: int) -> int | None:
        j = i + 1
        while j < limit and not lines[j].stripped:
            j += 1
        return j if j < limit else None

    author_i = None
    one_per_line = False
    for i in range(max(label_i + 1, 0), limit):
        if not free(i):
            continue
        s = _clean_byline(lines[i].stripped)
        items = _person_items(s)
        if not items and i + 1 < limit and free(i + 1) and not _title_tail(s, lines[i + 1].stripped):
            # a byline wrapped inside a name ('..., Alvaro' / 'Monterrosa4, ...')
            two = s + " " + lines[i + 1].stripped
            items = _person_items(two)
            if items is None and _byline_so_far(two) and len(two) <= 1500:
                items = parse_name_list(two)[:-1]  # the second line, too, ends inside a name
            if items and len(items) < 2:
                items = None
        if not items:
            items = _collab_byline(s, lines[nb].stripped if (nb := next_nonblank(i)) is not None else None, art)
        if not items:
            continue
        # the title sits above the byline: a byline needs free text above it (or a label line)
        above = [j for j in range(max(label_i + 1, 0), i) if free(j)]
        if not above:
            continue
        nb = next_nonblank(i)
        nxt = _clean_byline(lines[nb].stripped) if nb is not None else ""
        marked = any(it.markers for it in items)
        nxt_items = _person_items(nxt) if nb is not None and not _is_furniture(nxt, art) else None
        if len(items) == 1 and not marked and nxt_items and any(it.markers for it in nxt_items):
            continue  # an unmarked 'name' over a marked byline is the title's last line ('Successful Colonization')
        if len(items) == 1 and nb is not None and looks_institution(nxt) and split_aff_label(nxt)[0] is None \
                and nxt_items is None:
            # one name per line, its affiliation under it ('James Hansen *' / 'Earth Institute, ...')
            author_i, one_per_line = i, True
            break
        if len(items) >= 2 or marked or (nb is not None and re.search(r"[,&]\s*$|\band$", s)):
            author_i = i
            break
        if nb is not None and (looks_institution(nxt) or (nxt_items is not None and len(nxt_items) == 1)):
            author_i, one_per_line = i, True
            break
        if nb is None or _is_furniture(nxt, art) or _is_other_front_item(nxt) or (
                split_aff_label(nxt)[0] is not None and _MARKER_ONLY.match(nxt)):
            author_i = i  # a single author, followed by the citation, dates or an affiliation label
            break
    if author_i is None:
        start = label_i + 1 if label_i >= 0 else 0
        block = _block_from(lines, start, limit, free)
        if block:
            _put_title(doc, art, fr, block)
        return
    # title: the block of free lines right above the byline
    tl: list[int] = []
    j = author_i - 1
    while j >= 0 and not lines[j].stripped:
        j -= 1
    while j >= 0 and free(j) and len(tl) < 6:
        tl.insert(0, j)
        j -= 1
    if tl:
        _put_title(doc, art, fr, tl)
    if one_per_line:
        _byline_per_line(doc, art, fr, author_i, limit, iberian)
    else:
        end = _byline_list(doc, art, fr, author_i, limit, iberian)
        _extract_affiliations(doc, art, fr, end, limit)
        if not art.affiliations and any(c.markers for c in art.contributors):
            # the labelled affiliations printed in the first page's foot (segment: first-page-foot)
            k = _labelled_aff_block(fr, end)
            if k is not None:
                _extract_affiliations(doc, art, fr, k)
    if all_lines is not None and not art.affiliations:
        _affiliation_blocks(doc, art, all_lines)
    _surnames_as_cited(doc, art, all_lines if all_lines is not None else lines)


def _note_aside(fr: _Front, art: Article) -> set[int]:
    """The lines of the labelled notes a sidebar prints before the title, kept out of the title and byline
    search: only notes whose label ends in ':' or stands alone ('Edited by:', 'Citation:', 'RESPONSIBLE
    EDITOR'; a title that opens with a label's words, 'Data availability statements in ecology', is no
    note), and each only up to a line that reads as a byline with markers, or past the line that holds a
    citation's DOI or link (pdftotext may print the title right under the note, with no blank line)."""
    lines = fr.lines
    out: set[int] = set()
    for i, j, label, kind, _text in _front_note_items(fr, art):
        rest = lines[i].stripped[len(label):].lstrip()
        if rest and not rest.startswith(":"):
            continue
        for k in range(i, j):
            s = lines[k].stripped
            if k > i and (items := _person_items(s)) and any(it.markers for it in items):
                break
            out.add(k)
            if k > i and kind in ("citation", "editor", "reviewer") and (_DOI.search(s) or _URL.search(s)):
                break
            if k > i and kind in ("editor", "reviewer") and _country(s) and k + 1 < j \
                    and not lines[k + 1].stripped.endswith(","):
                break  # the last person's affiliation ends in a country; what follows is no person's
    return out


def _corresp_aside(lines: list[Line]) -> set[int]:
    """The lines of a correspondence note whose label stands alone ('*Correspondence:' / 'Rafael Ortega' /
    'rafael.ortega@uv.es'): the name under it is no byline (the correspondence reader takes the note)."""
    out: set[int] = set()
    for i, ln in enumerate(lines):
        s = ln.stripped
        m = _CORRESP_HEAD.match(s)
        # a label ('*Correspondence:', 'Corresponding author:'); 'Correspondence' alone is a type label
        if m is None or s[m.end():].strip(" :") or not (s.endswith(":") or s[:1] in "*✉†"):
            continue
        out.add(i)
        j = i + 1
        while j < len(lines) and j <= i + _CORRESP_LINES and lines[j].stripped \
                and not _starts_note(lines[j].stripped):
            out.add(j)
            j += 1
    return out


#: the most lines a correspondence note takes under its label: a name, an address, an e-mail, a phone
_CORRESP_LINES = 4


def _labelled_aff_block(fr: _Front, start: int) -> int | None:
    """Index of the first unused front line after ``start`` that opens a labelled affiliation, or None.

    A label and an institution on one line ('1 Department of ...'), or a label alone over one ('1' /
    'Department of ...'): where the byline's markers point when no affiliation follows the byline.
    """
    lines = fr.lines
    for i in range(start, len(lines)):
        s = lines[i].stripped
        if not s or fr.used[i]:
            continue
        if _lone_label(s):
            if _label_over_institution(lines, i, len(lines)):
                return i
        elif split_aff_label(s)[0] is not None and looks_institution(s):
            return i
    return None


def _surnames_as_cited(doc: Document, art: Article, lines: list[Line]) -> None:
    """Split byline names where the article's own citation ('D'Urban Jackson T') puts the surname's start."""
    people = [(c.given_names, c.surname) for c in art.contributors]
    for k, (given, surname, suffix) in resplit_by_citation(people, [ln.stripped for ln in lines]).items():
        c = art.contributors[k]
        was = f"{c.given_names or ''} | {c.surname}"
        try:
            c.given_names, c.surname = given or None, surname
            c.suffix = suffix or c.suffix
        except ValidationError:
            continue
        doc.report.add("extract", "name-split", "surname taken as the article's citation prints it",
                       original=was, replacement=f"{given} | {surname}")


def _block_from(lines: list[Line], start: int, limit: int, free: Callable[[int], bool]) -> list[int]:
    i = start
    while i < limit and not free(i):
        i += 1
    block: list[int] = []
    while i < limit and free(i) and len(block) < 6:
        block.append(i)
        i += 1
    return block


def _put_title(doc: Document, art: Article, fr: _Front, idx: list[int]) -> None:
    title = " ".join(fr.lines[j].stripped for j in idx)
    title = re.sub(r"(\w)- (\w)", r"\1-\2", title) if re.search(r"\w- \w", title) else title
    put(doc, art, "title", title, fr.text_span(idx[0], idx[-1]))
    fr.use(*idx)


def _add_contributor(doc: Document, art: Article, it: NameItem, base: int, iberian: bool) -> Contributor | None:
    name = it.name.strip()
    try:
        if is_collab(name) and not looks_like_person(name) or re.match(r"^(on behalf of|for the)\b", name, re.I):
            c = Contributor(collab=name, markers=it.markers)
        else:
            given, surname, suffix = split_person(name, iberian=iberian)
            c = Contributor(surname=surname, given_names=given, suffix=suffix, markers=it.markers)
    except ValidationError:
        return None
    c.corresponding = any(m in ("*", "✉", "⁎") for m in it.markers)
    c.provenance["name"] = Span(start=doc.to_original(base + it.start), end=doc.to_original(base + it.end))
    art.contributors.append(c)
    return c


def _byline_list(doc: Document, art: Article, fr: _Front, i: int, limit: int, iberian: bool) -> int:
    """An author list over one or more lines; returns the index after it."""
    lines = fr.lines
    aj = [i]
    text = _clean_byline(lines[i].stripped)
    j = i + 1
    while j < limit:
        if not lines[j].stripped or fr.used[j] or _is_furniture(lines[j].stripped, art):
            # a list that ends in a comma goes on after a page break: skip the footer and blank lines
            k = _byline_resumes(fr, art, j, limit) if re.search(r",\s*$", text) else None
            if k is None:
                k = _byline_after_icon(fr, j, limit)
            if k is None:
                break
            j = k
        nxt = lines[j].stripped
        if split_aff_label(nxt)[0] is not None and looks_institution(nxt):
            break
        if _MARKER_ONLY.match(nxt) and _label_over_institution(lines, j, limit):
            break  # the first affiliation's label on a line of its own ('1' / '' / 'School of ...')
        if byline_closed(text, nxt):
            break
        cand = text + " " + nxt
        if not _byline_so_far(cand) or (looks_institution(nxt) and not re.search(r"[,&]\s*$", text)
                                        and not byline_goes_on(text, nxt)) or repeats_byline(text, nxt):
            break
        text = cand
        aj.append(j)
        j += 1
    # offsets: the parsed string is the lines joined by single spaces; map back line by line
    pieces = [(lines[k].start + (len(lines[k].text) - len(lines[k].text.lstrip())), len(lines[k].stripped))
              for k in aj]
    for it in parse_name_list(text):
        base = _offset_in_pieces(pieces, it.start) - it.start
        _add_contributor(doc, art, it, base, iberian)
    fr.use(*aj)
    return aj[-1] + 1


def _collab_byline(s: str, nxt: str | None, art: Article) -> list[NameItem] | None:
    """A byline that names only a group ('The PLOS ONE Staff'), or None.

    Why: corrections and editorials are often signed by a group alone; with no personal name beside it
    the line does not read as a byline, and the title then swallows it. A short line of group names
    counts when what follows is page furniture or another front-matter item, not running text.
    """
    if len(s) > 80 or nxt is not None and not (_is_furniture(nxt, art) or _is_other_front_item(nxt)):
        return None
    items = parse_name_list(s)
    if not items or len(items) > 3 or not all(is_collab(it.name) and not looks_like_person(it.name) for it in items):
        return None
    return items


def _title_tail(s: str, nxt: str) -> bool:
    """Is ``s`` the last line of a wrapped title rather than the start of a byline broken inside a name?

    Why: joining a title's last line ('Skills', 'for the Next Generation Web') with the byline under it
    reads as a byline whose first name is that line plus the first author. A byline broken inside a name
    has names before the break ('Jane Doe1, Alvaro' / 'Monterrosa2, ...'); a title tail is one piece, and
    the line under it reads as names on its own.
    """
    return len(parse_name_list(s)) <= 1 and _byline_so_far(_clean_byline(nxt))


def _label_over_institution(lines: list[Line], j: int, limit: int) -> bool:
    """Is the marker-only line ``j`` followed (past blank lines) by an institution, so it labels an affiliation?

    Why: pdftotext may print an affiliation's label on a line of its own under the byline; read as the
    byline's last marker, it leaves the affiliations unlabelled and the authors unlinked to them.
    """
    k = j + 1
    while k < limit and k <= j + 3 and not lines[k].stripped:
        k += 1
    return k < limit and looks_institution(lines[k].stripped)


def _byline_so_far(text: str) -> bool:
    """Does ``text`` read as an author list, allowing its last name to be cut by the line end?

    A wrapped byline often breaks inside a name ('..., Jordi Serra-Musach1,5, Gad' / 'Rennert9, ...');
    the lone given name is not a person by itself, but the next line completes it.
    """
    if _person_items(text, None) is not None:
        return True
    if _LIST_OPEN_END.search(text):
        return False
    items = parse_name_list(text)
    return len(items) >= 2 and not items[-1].markers and _person_items(text[:items[-1].start], None) is not None


def _byline_resumes(fr: _Front, art: Article, j: int, limit: int) -> int | None:
    """Index of the line where an author list broken by a page end resumes, or None.

    Only blank lines and page furniture (the first page's footer; later running heads are already
    gone) may lie between, at most a handful, and the resuming line must itself read as names.
    """
    lines = fr.lines
    skipped = 0
    while j < limit and skipped < 8:
        s = lines[j].stripped
        if s and not fr.used[j] and j not in fr.furniture and not _is_furniture(s, art):
            return j if _person_items(s) is not None else None
        skipped += 1 if s else 0
        j += 1
    return None


_CONNECTOR_NAMES = re.compile(r"^(?:and|&)\s+(?=\S)")


def _byline_after_icon(fr: _Front, j: int, limit: int) -> int | None:
    """Index of the line where a byline goes on past blank lines an icon left, or None.

    Why: an ORCID icon beside a name makes pdftotext end the line there and print the name's marker on a
    line of its own ('Lars Eriksen' / '' / 'b' / '' / 'and Thandiwe Phiri' / '' / 'a'). The byline goes on at
    a marker alone (a letter or number, not over an institution, which it would label) or at a line that
    opens with 'and' or '&' before names.
    """
    lines = fr.lines
    k = j
    while k < limit and k <= j + 2 and not lines[k].stripped:
        k += 1
    if k >= limit or k == j or fr.used[k]:
        return None
    s = lines[k].stripped
    if _lone_label(s):
        return None if _label_over_institution(lines, k, limit) else k
    c = _CONNECTOR_NAMES.match(s)
    if c is not None and _person_items(s[c.end():], None) is not None:
        return k
    return None


def _offset_in_pieces(pieces: list[tuple[int, int]], pos: int) -> int:
    """Offset in the document of character ``pos`` of the pieces joined by one space each."""
    acc = 0
    for start, n in pieces:
        if pos <= acc + n:
            return start + (pos - acc)
        acc += n + 1
    return pieces[-1][0] + pieces[-1][1]


def _byline_per_line(doc: Document, art: Article, fr: _Front, i: int, limit: int, iberian: bool) -> None:
    """One author per line, each followed by its affiliation lines (journal web pages)."""
    lines = fr.lines
    by_text: dict[str, Affiliation] = {}
    cur: Contributor | None = None
    j = i
    while j < limit:
        raw = lines[j].stripped
        if not raw:
            j += 1
            continue
        s = _clean_byline(raw)
        if cur is not None and not fr.used[j] and (orcid := ORCID_LINE.match(s)) is not None:
            # the author's ORCID iD under the name or the affiliation ('https://orcid.org/0000-...')
            put(doc, cur, "orcid", orcid.group("id"), (lines[j].start, lines[j].end))
            fr.use(j)
            j += 1
            continue
        if fr.used[j] or _is_furniture(raw, art) or re.match(r"^[*✉†]\s*(e-?mail|corresp)", raw, re.I):
            break
        items = _person_items(s)
        group = group_item(s) if items is None and _BULLETED.match(raw) else None
        if group:
            items = group  # a group in the bulleted list ('  * the EMAS Study Group'), whatever words it holds
        if items and len(items) == 1 and (group or not looks_institution(s)):
            off = lines[j].start + lines[j].text.index(s)
            cur = _add_contributor(doc, art, items[0], off, iberian)
        elif cur is not None and (looks_institution(s) or len(s) > 15):
            first = j
            while j + 1 < limit and lines[j + 1].stripped and not fr.used[j + 1] \
                    and aff_line_continues(lines[j].stripped, lines[j + 1].stripped) \
                    and _person_items(_clean_byline(lines[j + 1].stripped)) is None:
                j += 1  # an affiliation wrapped by the layout ('... Medical Center,' / 'Washington, D. C., USA')
                s += " " + lines[j].stripped
            fr.use(*range(first, j))
            text = s.strip().rstrip(";,").strip()
            aff = by_text.get(text.casefold())
            if aff is None:
                try:
                    aff = Affiliation(id=f"aff{len(art.affiliations) + 1}", text=text, country=_country(text))
                except ValidationError:
                    break
                aff.provenance["text"] = Span(start=doc.to_original(lines[first].start),
                                              end=doc.to_original(lines[j].end))
                art.affiliations.append(aff)
                by_text[text.casefold()] = aff
            if aff.id not in cur.aff_ids:
                cur.aff_ids.append(aff.id)
        else:
            break
        fr.use(j)
        j += 1


def _extract_affiliations(doc: Document, art: Article, fr: _Front, start: int, limit: int | None = None) -> None:
    """Labelled (or single unlabelled) affiliation lines after the byline; links authors by marker."""
    lines = fr.lines
    n = limit if limit is not None else len(lines)
    i = start
    affs: list[tuple[str, str, int, int]] = []  # label, text, start, end
    pending_label: tuple[str, int] | None = None
    seq: list[tuple[str, str | None]] = []  # label lines and affiliations in print order (resolve_aff_labels)
    aff_emails: list[tuple[int, str, int]] = []  # (index in affs, e-mail, line) printed under an affiliation
    width = max((len(ln.stripped) for ln in lines[start:n]), default=0)
    while i < n:
        s = lines[i].stripped
        if not s:
            i += 1
            continue
        if affs and affs[-1][1].endswith(";") and not fr.used[i] and _EMAIL.fullmatch(s.rstrip(";.")):
            # MDPI prints an author's e-mail under the affiliation it closes ('..., Italy;' / 'a.b@unimi.it'):
            # the list goes on under it; the e-mail goes to the author of that affiliation it names
            aff_emails.append((len(affs) - 1, s.rstrip(";."), i))
            i += 1
            continue
        if fr.used[i] or _is_furniture(s, art) or _is_other_front_item(s):
            if pending_label is None and not affs:
                i += 1
                if i - start > 6:
                    break
                continue
            k = _labelled_aff_resumes(fr, art, i, n) if affs and affs[-1][0] and not _is_other_front_item(s) else None
            if k is None:
                break
            i = k
            continue
        mo = _MARKER_ONLY.match(s)
        if mo:
            pending_label = (mo.group(1), lines[i].start)
            seq.append(("label", mo.group(1)))
            fr.use(i)
            i += 1
            continue
        label, text = split_aff_label(s)
        inline = label
        if label is None and _CITES_AUTHORS.match(s):
            break  # the article's own citation under the affiliations ('Silva SAd, Valácio RA, ...')
        if label is None:
            if pending_label is not None:
                label = pending_label[0]
            elif not affs and _chrome_before_affs(lines, i, n):
                i += 1  # a web page's link bar between byline and affiliations ('Show more  Share  Cite')
                continue
            elif not looks_institution(s) and not (affs and _country(s)):
                break  # after a first affiliation, a line ending in a country is one too ('... L.L.C., Orem, USA')
        elif not looks_institution(text) and not affs and pending_label is None and len(text) < 15:
            break
        first = i
        pending_label = None
        j = i + 1
        while j < n and lines[j].stripped:
            nxt = lines[j].stripped
            if (_MARKER_ONLY.match(nxt) or split_aff_label(nxt)[0] is not None or _is_other_front_item(nxt)
                    or _is_furniture(nxt, art) or len(nxt) > 200
                    or (_VANCOUVER_NAME.match(nxt) and not address_goes_on(lines[j - 1].stripped, nxt))
                    or _CITES_AUTHORS.match(nxt)
                    or len(lines[j - 1].stripped) < 60 or text.endswith(";")):
                break
            if looks_institution(nxt) and label is None and not _wrapped(lines[j - 1].stripped, width):
                break
            if label is not None and _new_aff_after_country(lines[j - 1].stripped, nxt):
                break  # the next affiliation, its label printed elsewhere (filled in below)
            text += " " + nxt
            j += 1
        affs.append((label or "", text, lines[first].start, lines[j - 1].end))
        seq.append(("aff", inline))
        fr.use(*range(first, j))
        i = j
    # labels on lines of their own, which pdftotext may print away from their affiliation
    markers = {m for c in art.contributors for m in c.markers}
    filled = resolve_aff_labels(seq, markers)
    affs = [(lb or "", text, s0, s1) for lb, (_, text, s0, s1) in zip(filled, affs)]
    # a label that has an affiliation of its own is no run-in one ('7 ..., 8 College Road' is an address)
    split_at = markers - {lb for lb, *_rest in affs if lb}
    affs = [part for aff in affs for part in _split_run_in(aff, split_at)]
    for label, text, s0, s1 in affs:
        clean = text.strip().rstrip(";,").strip()
        try:
            aff = Affiliation(id=f"aff{len(art.affiliations) + 1}", label=label or None, text=clean,
                              country=_country(clean))
        except ValidationError:
            continue
        aff.provenance["text"] = Span(start=doc.to_original(s0), end=doc.to_original(s1))
        art.affiliations.append(aff)
    by_label = {a.label: a.id for a in art.affiliations if a.label}
    by_order = _numbered_in_order(art) if not by_label else {}
    if by_order:
        doc.report.add("extract", "aff-link-by-order", "affiliations printed without their number labels "
                       "(lost in text extraction): author markers 1..n linked to them in printed order")
    for c in art.contributors:
        ids = [by_label[m] for m in c.markers if m in by_label] or [by_order[m] for m in c.markers if m in by_order]
        if not ids and len(art.affiliations) == 1 and not c.collab:  # a group's members are not all there
            ids = [art.affiliations[0].id]
        c.aff_ids = ids
    if aff_emails and len(affs) == len(art.affiliations):
        for k, email, line_i in aff_emails:
            if _email_to_author(art, email, art.affiliations[k].id):
                fr.use(line_i)


def _split_run_in(aff: tuple[str, str, int, int], markers: set[str]) -> list[tuple[str, str, int, int]]:
    """One labelled affiliation, or the several a paragraph runs in under their labels.

    Why: Frontiers, Oxford and BMC print the affiliations as one paragraph ('1 Department of ..., Sweden, 2
    Center for ..., 3 Department of ...'; '... Cambridge, UK and 2 Wellcome Trust ...'; '... Malawi;
    bDepartment of ...'; '... India. 2Dr. B.R.A. Institute ...'). The paragraph is cut before the next label
    in sequence (the label after this one's number or letter) where the byline's markers use that label and
    an institution follows it. Each part keeps the paragraph's span as its provenance.
    """
    label, text, s0, s1 = aff
    out: list[tuple[str, str, int, int]] = []
    if not label:
        # the first label lost (a lone '1' the segmenter took for a page number): it is the first of the
        # sequence when the second follows in the text
        label = next((first for first in ("1", "a") if first in markers and re.search(
            _RUN_IN_SEP + chr(ord(first) + 1) + r"(?:\s+(?=[A-ZÀ-Þ])|(?=[A-ZÀ-Þ][a-zà-ÿ]))", text)), "")
    while label:
        nxt = str(int(label) + 1) if label.isdigit() else (
            chr(ord(label) + 1) if len(label) == 1 and "a" <= label < "z" else None)
        if nxt is None or nxt not in markers:
            break
        # the label set apart or glued to its institution ('2 Wellcome', '2Wellcome', 'bDepartment')
        m = re.search(_RUN_IN_SEP + nxt + r"(?:\s+(?=[A-ZÀ-Þ])|(?=[A-ZÀ-Þ][a-zà-ÿ]))", text)
        if m is None or not looks_institution(text[m.end():].split(",")[0]):
            break
        out.append((label, text[:m.start()].rstrip(" ,;"), s0, s1))
        label, text = nxt, text[m.end():].lstrip()
    if out:
        # the full stop that ended each part in the paragraph ends the last one too ('..., Nigeria.')
        text = _SENTENCE_STOP.sub("", text)
    out.append((label, text, s0, s1))
    return out


#: what ends one run-in affiliation before the next one's label: ',', ';', 'and', or a full stop that ends a
#: sentence (not 'No. 2 Hospital Road', 'St. 3')
_RUN_IN_SEP = r"(?:[,;]|\band|(?<![Nn]o)(?<!St)(?<!Nr)\.)\s+"
#: a full stop after a word (not an abbreviation's: 'Inc.', 'St.')
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_]{4})\.$")


def _email_to_author(art: Article, email: str, aff_id: str) -> bool:
    """Give ``email`` to the one author of affiliation ``aff_id`` whose surname its local part holds.

    The e-mail an affiliation closes is one of its authors' (MDPI); which one, the text says only through
    the address itself ('jonas.becker@...'), so it is given where exactly one author matches, never guessed.
    The author is not made corresponding: the correspondence note says who is.
    """
    who = [c for c in art.contributors if aff_id in c.aff_ids and not c.email and _spells_surname(email, c)]
    if len(who) != 1:
        return False
    who[0].email = email
    return True


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def _spells_surname(email: str, c: Contributor) -> bool:
    """Does the local part of ``email`` hold the surname of ``c`` (three letters at least), as an address
    spells it ('jonas.becker@', 'tobias.schaefer@' for 'Schäfer')?"""
    local = re.sub(r"[^a-z]", "", email.split("@")[0].casefold())
    return bool(c.surname) and any(len(sur) >= 3 and sur in local for sur in _spellings(c.surname or ""))


def _spellings(surname: str) -> set[str]:
    """The letters an e-mail address may spell a surname with: 'Müller' -> {'muller', 'mueller'}."""
    low = surname.casefold()
    out = set()
    for form in (low, low.translate(_UMLAUTS)):
        plain = "".join(ch for ch in unicodedata.normalize("NFKD", form) if not unicodedata.combining(ch))
        out.add(re.sub(r"[^a-z]", "", plain))
    return out


#: a line that opens with a Vancouver-style name ('Gomes RR.') ends a wrapped affiliation; the surname carries no
#: comma, so a wrapped place ('Belo' / 'Horizonte, MG, Brasil') still continues its line
_VANCOUVER_NAME = re.compile(r"^[^\s,]+ [A-Z]{1,3}[,.]")
#: the article's own citation printed under the affiliations, with or without a label: two Vancouver names
#: in a row ('Fluge Ø, Bruland O, ...', 'Del Debbio CB, Mir Q, ...', 'Citação: Boclin KdLS, Faerstein E, ...');
#: initials are capitals with at most a particle's lower-case letters ('SAd', 'KdLS'), so places such as
#: 'Iowa City, IA' do not read as names
_CITES_AUTHORS = re.compile(r"^(?:[^\s:]{3,20}:\s*)?(?:[A-ZÀ-ÖØ-Þ][^\s,]*(?: [^\s,]+){0,2} "
                            r"[A-ZÀ-ÖØ-Þ]{1,3}(?:[a-z]{1,2}[A-Z]{0,2})?, ){2}")


def _chrome_before_affs(lines: list[Line], i: int, n: int) -> bool:
    """Is line ``i`` a short bar of links or labels that stands between the byline and labelled affiliations?

    Why: every site prints its own controls under the author list ('Author information  Article notes',
    'Show more  Share  Cite', 'Expand all'); no list of them is complete. A line of a few words without
    digits or sentence punctuation, directly followed by a labelled affiliation, is passed over (it stays
    unused, so it still reaches the unplaced notes and the report); anything else still ends the search.
    """
    s = lines[i].stripped
    if len(s.split()) > 6 or _DIGIT.search(s) or re.search(r"[.,;:@]", s) or looks_institution(s):
        return False
    j = next((k for k in range(i + 1, min(n, i + 3)) if lines[k].stripped), None)
    if j is None:
        return False
    label, text = split_aff_label(lines[j].stripped)
    return label is not None and looks_institution(text)


def _numbered_in_order(art: Article) -> dict[str, str]:
    """Marker -> affiliation id when the labels are gone but the numbering is beyond doubt.

    Why: pdftotext can print an affiliation's number on a line of its own, and the repair stage may
    drop such a lone number as a page number; the authors then carry markers '1'..'n' that nothing
    answers. Only when the authors' numeric markers are exactly 1..n, n the number of affiliations
    found, and every affiliation is unlabelled, is marker k
    the k-th affiliation in print order (affiliations are listed by their number).
    """
    affs = art.affiliations
    if len(affs) < 2 or any(a.label for a in affs):
        return {}
    nums = {m for c in art.contributors for m in c.markers if m.isdigit()}
    if nums != {str(k) for k in range(1, len(affs) + 1)}:
        return {}
    return {str(k): a.id for k, a in enumerate(affs, start=1)}


def _new_aff_after_country(prev: str, nxt: str) -> bool:
    """Does ``nxt`` open a new affiliation although the one before it is labelled?

    Why: a labelled affiliation normally runs on until the next label, but pdftotext may print a label
    away from its affiliation (under the citation, or beside the next label). A line that ends with a
    country closes an affiliation; an institution line opening with a capital after it is the next one.
    """
    return _country(prev) is not None and nxt[:1].isupper() and (looks_institution(nxt) or ends_with_country(nxt))


def _wrapped(prev: str, width: int) -> bool:
    """Was ``prev`` broken at the column edge, so that the next line continues the same affiliation?

    Without labels (pdftotext may drop them) an institution-like next line would otherwise start a new
    affiliation ('... Department of Clinical Epidemiology and' / 'Biostatistics, and Department of ...'). A
    line that fills the column and does not end with a country was cut by the layout, not by the author.
    """
    return width >= 60 and len(prev) >= 0.8 * width and _country(prev) is None and not prev.endswith((";", "."))


def _labelled_aff_resumes(fr: _Front, art: Article, i: int, n: int) -> int | None:
    """Index where a numbered affiliation list broken by a page end goes on, or None.

    A long list (90 affiliations) runs over the page foot: the footer / journal line and blank lines lie
    between '16. ...' and '17. ...'. Only a labelled institution line may resume the list.
    """
    lines = fr.lines
    skipped = 0
    while i < n and skipped < 4:
        s = lines[i].stripped
        if s and not fr.used[i] and not _is_furniture(s, art):
            label, text = split_aff_label(s)
            return i if label is not None and looks_institution(text) else None
        skipped += 1 if s else 0
        i += 1
    return None


_AFF_BLOCK_HEAD = re.compile(r"^\s*(authors? and affiliations|affiliations)\s*$", re.I)
_AFF_BLOCK_END = re.compile(r"^\s*(corresponding authors?|contributions?|ethics declarations|rights and permissions|"
                            r"about this article|additional information|competing interests)\b", re.I)


def _affiliation_blocks(doc: Document, art: Article, all_lines: list[Line]) -> None:
    """'Authors and Affiliations' blocks of a journal web page: each affiliation, then the names of the
    authors it belongs to."""
    k = next((i for i, ln in enumerate(all_lines) if _AFF_BLOCK_HEAD.match(ln.text)), None)
    if k is None:
        return
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    cur_names = False
    for ln in all_lines[k + 1:]:
        if _AFF_BLOCK_END.match(ln.text):
            break
        if ln.stripped:
            # without blank lines between them, affiliation and name lines alternate: a change of kind
            # starts a new block
            # (a line of names may end inside a name that the next line completes: '... & Miguel' / 'Angel Pujana')
            names = not looks_institution(ln.stripped) and _byline_so_far(ln.stripped)
            if cur and names != cur_names:
                blocks.append(cur)
                cur = []
            cur.append(ln)
            cur_names = names
        elif cur:
            blocks.append(cur)
            cur = []
    if cur:
        blocks.append(cur)
    by_name = {re.sub(r"\W", "", f"{c.given_names or ''}{c.surname or ''}").casefold(): c for c in art.contributors}
    pending: list[Line] = []
    for b in blocks:
        text = _join(b)
        items = _person_items(text)
        if items and pending and not looks_institution(text):
            atext = _join(pending)
            try:
                aff = Affiliation(id=f"aff{len(art.affiliations) + 1}", text=atext, country=_country(atext))
            except ValidationError:
                pending = []
                continue
            aff.provenance["text"] = Span(start=doc.to_original(pending[0].start),
                                          end=doc.to_original(pending[-1].end))
            art.affiliations.append(aff)
            for it in items:
                c = by_name.get(re.sub(r"\W", "", it.name).casefold())
                if c is not None and aff.id not in c.aff_ids:
                    c.aff_ids.append(aff.id)
            pending = []
        else:
            pending = b


_MARKER_ONLY = re.compile(r"^\s*\^?(\d{1,2}|[a-z]|[IVX]{1,4}|[*†‡§¶])[.)]?\s*$")


def _lone_label(s: str) -> bool:
    """Is ``s`` an affiliation label alone on its line: a number or letter, not a footnote symbol?"""
    return _MARKER_ONLY.match(s) is not None and s.strip("^.) ").isalnum()


def _country(text: str) -> str | None:
    last = re.split(r",|\.\s", text.rstrip(" .;"))[-1].strip()
    return last if last.casefold() in _COUNTRIES else None


def _is_other_front_item(s: str) -> bool:
    return bool(re.match(r"^(" + CITE_LABEL + r"|received|accepted|published|copyright|editor|"
                         r"academic editor|keywords?|abstract|doi|funding|competing|\*|✉|e-?mail|recebido|"
                         r"aprovado|publicado)", s, re.I)
                or _CITATION.search(s) or _URL.search(s))


#: the printed history-date labels and the JATS date type of each (the longer label first where one holds
#: another: 'received in revised form' is no 'received' date, 'accepted for publication' is 'accepted')
_DATE_LABEL_TYPES: tuple[tuple[str, str], ...] = (
    ("received in revised form", "rev-recd"), ("revised version received", "rev-recd"),
    ("date of submission", "received"), ("date of receipt", "received"), ("date received", "received"),
    ("fecha de recepción", "received"), ("data de submissão", "received"), ("data de recebimento", "received"),
    ("received", "received"), ("recebido", "received"), ("recibido", "received"), ("submitted", "received"),
    ("date of revision", "rev-recd"), ("revised", "rev-recd"), ("revisado", "rev-recd"),
    ("accepted for publication", "accepted"), ("date of acceptance", "accepted"), ("date accepted", "accepted"),
    ("fecha de aceptación", "accepted"), ("data de aceite", "accepted"), ("data de aprovação", "accepted"),
    ("accepted", "accepted"), ("aprovado", "accepted"), ("aceito", "accepted"), ("aceptado", "accepted"),
    ("published online", "epub"), ("available online", "epub"), ("first published online", "epub"),
    ("date of publication", "pub"), ("fecha de publicación", "pub"), ("data de publicação", "pub"),
    ("first published", "pub"), ("published", "pub"), ("publicado", "pub"),
)
_DATE_LABELS = dict(_DATE_LABEL_TYPES)
_DATE_LABEL_ALT = "|".join(re.escape(k).replace(r"\ ", r"\s+")
                           for k in sorted(_DATE_LABELS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"(?P<label>" + _DATE_LABEL_ALT + r")\s*(?:on|em|el)?\s*:?\s*(?P<date>[^;\n]{4,40}?)"
    # ' / ' after a year (Springer), ' | ' (Wiley), the next label after a year (BMC: 'Received: 3 March 2021
    # Accepted: 19 July 2021')
    r"(?=;|\.\s|\n|$|,\s*(?:[A-Z])|(?<=\d{4})\s+/\s|\s*\||(?<=\d{4})\s+(?:" + _DATE_LABEL_ALT + r")\b)",
    re.I,
)
#: a month name in English, Portuguese or Spanish, full or abbreviated ('March', 'Mar.', 'fevereiro', 'dic')
_MONTH_WORD = r"([^\W\d_]{3,10})\.?"
#: the printed shapes of a date: (pattern, which groups hold year, month, day); 'de'/'del' join the parts of a
#: Portuguese or Spanish date ('26 de fevereiro de 2013', 'abril de 2014')
_DATE_SHAPES: list[tuple[re.Pattern[str], tuple[int, int, int]]] = [
    (re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?"), (1, 2, 3)),  # 2009-05-19
    (re.compile(_MONTH_WORD + r"\s+(\d{1,2}),?\s+(\d{4})"), (3, 1, 2)),  # March 19, 2009
    (re.compile(r"(\d{1,2})(?:\s+de|\s*-)?\s*" + _MONTH_WORD + r",?(?:\s+del?|\s*-)?\s*(\d{4})"),
     (3, 2, 1)),  # 19 March 2009, 26 de fevereiro de 2013, 19-Mar-2009
    (re.compile(r"(\d{4})\s+" + _MONTH_WORD + r"(?:\s+(\d{1,2}))?"), (1, 2, 3)),  # 2009 May 19
    (re.compile(_MONTH_WORD + r",?(?:\s+del?)?\s+(\d{4})"), (2, 1, 0)),  # April 2014, abril de 2014
    (re.compile(r"(\d{4})"), (1, 0, 0)),
]
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def _parse_date(text: str) -> tuple[str, int | None, int | None] | None:
    """(year, month, day) of a printed date, or None; month and day only where the text makes them certain.

    '03/04/2014' is 3 April in most of the world and March 4 in the United States: a numeric date whose day
    and month could be swapped gives its year only (the date as printed is kept beside it in the output).
    """
    t = text.strip().rstrip(".")
    month: int | None
    day: int | None
    m = _NUMERIC_DATE.fullmatch(t)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a == b or (a > 12) != (b > 12):
            day, month = (a, b) if a > 12 or a == b else (b, a)
            return m.group(3), month, day
        return m.group(3), None, None
    for rx, (yg, mg, dg) in _DATE_SHAPES:
        m = rx.fullmatch(t)
        if not m:
            continue
        month = None
        if mg:
            word = m.group(mg)
            if word.isdigit():
                month = int(word)
            else:
                month = _MONTHS.get(word[:3].casefold())
                if month is None:
                    continue
        day = int(m.group(dg)) if dg and m.group(dg) else None
        return m.group(yg), month, day
    return None


def _printed_date(text: str) -> str:
    """The date as printed, without the sentence's closing full stop ('March 19, 2009.' -> 'March 19, 2009')."""
    t = text.strip()
    return t[:-1] if t.endswith(".") and t[-2:-1].isdigit() else t


#: a date label on a line of its own, its date on the next line (a journal web page's article-information box:
#: 'Received' / '2004 Apr 27' / 'Accepted' / '2004 Aug 3')
_DATE_LABEL_ALONE = re.compile(r"(?P<label>" + _DATE_LABEL_ALT + r")\s*:?", re.I)


#: the labels of ``_DATE_RE`` and ``_DATE_LABEL_ALONE``: an ASCII line holding none of them, lower-cased and
#: single-spaced, matches neither (outside ASCII, case-insensitive matching has exceptions such as the long s)
_DATE_LABEL_WORDS = tuple(k for k in _DATE_LABELS if not any(o != k and o in k for o in _DATE_LABELS))


def _extract_dates(doc: Document, art: Article, fr: _Front, *, fill_only: bool = False) -> None:
    """Received, revised, accepted and publication dates: the date as printed is kept beside its parts.

    ``fill_only`` reads the back matter, where a journal web page prints its 'About this article' box
    (Received / Accepted / Published) after the reference list: there a date counts only when its label
    opens the line (never a 'received' inside an acknowledgement's sentence), and it only fills a kind of
    date the front matter did not give.
    """
    lines = fr.lines
    for i, ln in enumerate(lines):
        if ln.text.isascii():
            low = ln.text.lower()
            if "  " in low:
                low = " ".join(low.split())  # the labels' words may stand apart ('Date  of submission')
            if not any(w in low for w in _DATE_LABEL_WORDS):
                continue  # neither pattern can match: the regex scan of every front line cost more than the rest
        found = [(m.group("label"), m.group("date"), m.start()) for m in _DATE_RE.finditer(ln.text)]
        if fill_only and not _DATE_RE.match(ln.stripped):
            found = []
        alone = _DATE_LABEL_ALONE.fullmatch(ln.stripped) if not found else None
        j = i + 1
        while alone and j < len(lines) and j <= i + 2 and not lines[j].stripped:
            j += 1
        if alone and j < len(lines) and not fr.used[j] and len(lines[j].stripped) <= 40:
            found = [(alone.group("label"), lines[j].stripped, 0)]
        for label, text, start in found:
            parsed = _parse_date(text)
            if not parsed:
                continue
            kind = _DATE_LABELS.get(" ".join(label.lower().split()), "pub")
            y, mo, d = parsed
            try:
                date = Date(year=y, month=mo, day=d, date_type=kind, printed=_printed_date(text))
            except ValidationError:
                doc.report.warn("extract", "invalid-value", f"date {label} {text!r} rejected", field="history",
                                offset=doc.to_original(ln.start + start))
                continue
            if fill_only and not _fills(art, kind, (y, mo, d)):
                continue  # another date of that kind was read: the line stays where it is, not lost
            fr.use(i)
            if alone:
                fr.use(j)
            if kind in ("pub", "epub"):
                if art.pub_date is None or (art.pub_date.year == y and art.pub_date.month is None):
                    art.pub_date = date.model_copy(update={"date_type": "pub"})
            elif not (fill_only and any(h.date_type == kind for h in art.history)):
                art.history.append(date)


def _author_details(doc: Document, art: Article, body: list[Line]) -> set[int]:
    """Indices of the body lines read as the full list of affiliations under 'Author details' (BMC, Springer).

    Why: such a first page prints only the corresponding author's affiliations in its foot ('Full list of
    author information is available at the end of the article'); the byline's other markers point at the
    list under 'Author details' at the article's end. Read only when a marker has no affiliation; the list
    then replaces the foot's, and is kept only if it leaves fewer markers without one.
    """
    markers = {m for c in art.contributors for m in c.markers if m.isalnum()}
    missing = markers - {a.label for a in art.affiliations if a.label}
    k = next((i for i, ln in enumerate(body) if _AUTHOR_DETAILS.match(ln.stripped)), None) if missing else None
    if k is None:
        return set()
    afr = _Front(body[k + 1:k + 1 + _DETAILS_LINES])
    before = (art.affiliations, [c.aff_ids for c in art.contributors])
    art.affiliations = []
    _extract_affiliations(doc, art, afr, 0)
    if len(markers - {a.label for a in art.affiliations if a.label}) >= len(missing):
        art.affiliations = before[0]
        for c, ids in zip(art.contributors, before[1]):
            c.aff_ids = ids
        return set()
    return {k} | {k + 1 + i for i, used in enumerate(afr.used) if used}


_AUTHOR_DETAILS = re.compile(r"^author details:?$", re.I)
#: the most lines the 'Author details' list is looked for in
_DETAILS_LINES = 40


#: a label and its colon opening a line ('Received: 3 March 2021', 'Recibido el 3 de marzo de 2020'): a body
#: sentence ('Published 2019, the dataset ...') has neither
_LABEL_COLON = re.compile(r"^[^\W\d_]+(?: [^\W\d_]+){0,3}(?::\s| (?:el|em|on|en) \d)")


def _body_history(doc: Document, art: Article, body: list[Line]) -> set[int]:
    """Indices of the body lines read as history dates: BMC and Springer print 'Received: 14 January 2020
    Accepted: 4 May 2020' at the article's end, under 'Author details', before the references. Only a line
    that opens with a date label, and only a kind of date no other place gave."""
    at = [k for k, ln in enumerate(body) if ln.stripped[:1].isupper() and _LABEL_COLON.match(ln.stripped)
          and _DATE_RE.match(ln.stripped)]
    if not at:
        return set()
    fr = _Front([body[k] for k in at])
    _extract_dates(doc, art, fr, fill_only=True)
    return {k for k, used in zip(at, fr.used) if used}


def _fills(art: Article, kind: str, ymd: tuple[str, int | None, int | None]) -> bool:
    """Does a back-matter date of ``kind`` fill an empty place, or repeat what is there (so its line is read)?"""
    if kind in ("pub", "epub"):
        have = [art.pub_date] if art.pub_date is not None else []
    else:
        have = [h for h in art.history if h.date_type == kind]
    if not have:
        return True
    y, mo, d = ymd
    return any(h.year == y and (h.month is None or h.month == mo) and (h.day is None or h.day == d) for h in have)


#: a line that opens (or holds) a licence statement; compiled once, as it is tried on every front-matter line
_LICENCE_LINE = re.compile(r"creative commons|open[- ]access article|licen[cs]e[ds]? under|this is an open", re.I)


def _extract_license(doc: Document, art: Article, fr: _Front) -> None:
    lines = fr.lines
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not _LICENCE_LINE.search(s):
            continue
        j = i + 1
        text = s
        # a line that opens in lower case goes on with the sentence, even one that holds the licence's link
        # ('changes were made. To view a copy of this licence, visit http://creativecommons.org/...')
        while j < len(lines) and lines[j].stripped and (
                lines[j].stripped[:1].islower() and not _OWN_LINE.match(lines[j].stripped)
                or not _is_other_front_item(lines[j].stripped) and not text.endswith(".")):
            text += " " + lines[j].stripped
            j += 1
        first = i
        if i > 0 and not fr.used[i - 1] and _COPYRIGHT_OPEN.match(lines[i - 1].stripped) and (
                len(lines[i - 1].stripped) <= 200):
            # the copyright line printed on its own over the licence ('© 2014 Smith et al.' / 'This is an ...')
            first = i - 1
            text = lines[first].stripped + " " + text
        copyright_stmt, text, label = split_copyright(text)
        if label:
            # 'Copyright:' over a licence with no statement: the label heads nothing JATS can hold
            doc.report.add("extract", "front-line", "printed label of the licence statement (kept in the report)",
                           original=label, offset=doc.to_original(ln.start))
        url = _URL.search(text)
        try:
            lic = License(text=text.strip(), copyright_statement=copyright_stmt)
        except ValidationError:
            return
        if copyright_stmt:
            year, holder = copyright_parts(copyright_stmt)
            put(doc, lic, "copyright_year", year)
            put(doc, lic, "copyright_holder", holder)
        if url:
            put(doc, lic, "url", url.group(0).rstrip(".,;)"))
        lic.provenance["text"] = Span(start=doc.to_original(lines[first].start),
                                      end=doc.to_original(lines[j - 1].end))
        art.license = lic
        fr.use(*range(first, j))
        return


#: lower-case lines that are items of their own, not a sentence going on: an e-mail, a DOI, a link
_OWN_LINE = re.compile(r"(?:e-?mail|doi|https?:|www\.)", re.I)
#: the copyright sign and what may print before it ('Copyright: ©', 'Copyright ©', '(c)'); a year straight after
#: the word 'Copyright' also opens a statement ('Copyright 2012 Elsevier Ltd.')
_COPYRIGHT_OPEN = re.compile(r"^(?:(?:copyright|direitos autorais)\s*:?\s*)?(?:©|\(c\))\s*|^copyright\s*:?\s*"
                             r"(?=(?:1[6-9]|20)\d\d\b)", re.I)
_COPYRIGHT_LABEL = re.compile(r"^copyright\s*:?\s*", re.I)
#: where the licence sentence starts when no full stop ends the holder ('... Enfermagem This is an Open Access
#: article ...'): a capitalised opening of a licence sentence, in English, Portuguese or Spanish
_LICENCE_OPENS = re.compile(r"\s(?=(?:This|These|Este|Esta|Open[- ][Aa]ccess|Distributed under|Licensed under|"
                            r"Published under|Creative Commons|Licensee)\b)")
#: sentences that belong to the copyright statement rather than the licence ('Published by Elsevier Ltd.')
_COPYRIGHT_MORE = re.compile(r"(?:published by|all rights reserved|todos os direitos reservados)\b", re.I)
#: a full stop that ends a sentence: not after 'et al', an initial or a company abbreviation
_SENTENCE_END = re.compile(r"(?<!\bal)(?<!\b[A-Z])(?<!\bLtd)(?<!\bInc)(?<!\bCo)(?<!\bS\.A)\.\s+(?=[A-Z])")
_COPYRIGHT_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def split_copyright(text: str) -> tuple[str | None, str, str | None]:
    """(copyright statement as printed, licence text, a label that heads no statement) of a permissions text.

    Why: a page prints the copyright line and the licence as one paragraph, and not always with a full stop
    after the holder ('Copyright © 2020 Revista X This is an Open Access article ...'); cutting at the first
    full stop would put the whole licence into the statement, so the statement also ends where a licence
    sentence opens. JATS4R has ``<copyright-statement>`` hold the statement as it is displayed, so the printed
    'Copyright' / 'Copyright:' stays in it. Sentences that still name the rights ('Published by Elsevier Ltd.',
    'All rights reserved.') stay with it; the rest is the licence. A 'Copyright:' label over a licence with no
    statement ('Copyright: This is an open-access article ...') is returned apart, for the report.
    """
    m = _COPYRIGHT_OPEN.match(text)
    if not m:
        lab = _COPYRIGHT_LABEL.match(text)
        if lab:
            return None, text[lab.end():], lab.group(0).strip()
        return None, text, None
    end = len(text)
    for rx in (_LICENCE_OPENS, _SENTENCE_END):
        cut = rx.search(text, m.end())
        if cut:
            end = min(end, cut.start() + (1 if rx is _SENTENCE_END else 0))
    # more sentences of the rights ('Published by ...', 'All rights reserved.')
    while end < len(text):
        rest = text[end:].lstrip()
        if not _COPYRIGHT_MORE.match(rest):
            break
        start = len(text) - len(rest)
        nxt = len(text)
        for rx in (_LICENCE_OPENS, _SENTENCE_END):
            cut = rx.search(text, start + 1)
            if cut:
                nxt = min(nxt, cut.start() + (1 if rx is _SENTENCE_END else 0))
        end = nxt
    statement = text[:end].strip()
    return statement or None, text[end:].strip(), None


def copyright_parts(statement: str) -> tuple[str | None, str | None]:
    """(year, holder) printed in a copyright statement, or None for what it does not print.

    The year comes first ('© 2018 Sociedade Brasileira de Anestesiologia.') or last ('© The Author(s) 2018');
    the holder is the rest of the first sentence, without 'All rights reserved' or 'Published by ...'.
    """
    body = _COPYRIGHT_OPEN.sub("", statement, count=1)
    more = _COPYRIGHT_MORE.search(body)
    if more:
        body = body[:more.start()]
    body = body.strip(" .,;:")
    year: str | None
    y = _COPYRIGHT_YEAR.match(body)
    if y:
        year, holder = y.group(0), body[y.end():]
    else:
        tail = re.search(r"[\s,]+((?:1[6-9]|20)\d\d)$", body)
        year, holder = (tail.group(1), body[:tail.start()]) if tail else (None, body)
    holder = holder.strip(" .,;:")
    if holder.endswith(" et al"):
        holder += "."
    # a holder is a name: letters, not a second year range or a bare number
    if not re.search(r"[^\W\d_]{2}", holder):
        holder = ""
    return year, holder or None


_STOPWORDS = {
    "en": {"the", "and", "of", "with", "was", "were", "is", "are", "that", "this", "from", "which"},
    "pt": {"não", "uma", "os", "das", "dos", "com", "foi", "foram", "são", "que", "pela", "pelo", "em", "ao"},
    "es": {"el", "los", "las", "del", "una", "con", "fue", "fueron", "son", "que", "por", "en", "al", "se"},
}


def detect_language(text: str) -> str:
    """ISO code of the language ``text`` is mostly written in (en, pt or es), by common function words.

    Why: SciELO articles are Portuguese, Spanish or English and print abstracts and keyword groups in
    several languages; ``xml:lang`` and the choice of the main abstract and keywords follow the body's
    language. English is the answer unless another language clearly dominates.
    """
    words = word_counts(text)
    counts = {lang: sum(words[w] for w in sw) for lang, sw in _STOPWORDS.items()}
    best = max(counts, key=lambda k: counts[k])
    if best != "en" and counts[best] > 1.5 * counts["en"] and counts[best] >= 20:
        return best
    return "en"


# a keyword-group label: the label alone on its line, or followed by ':' '.' or a dash, never a sentence
# that merely starts with the word ("Keywords, words in a title ...")
_KW_LABEL = re.compile(
    r"^\s*(?:author\s+)?(key ?words?|index terms|palavras[- ]chave|descritores|descriptores|palabras[- ]clave|"
    r"mots[- ]cl[ée]s|subject terms)(?:\s*[:.—–-]\s*(.*)|\s*$|"
    # no colon, a list after a space ('Keywords NASH . FGF21 . Autophagy': Springer): two separators at least
    r"\s+(?=(?-i:[A-Z0-9])\S*(?:[^\n]*?(?:\s\.\s|\s·\s|;\s|\s•\s)){2})(.*))",
    re.I,
)
_KW_LANG = {"palavras": "pt", "descritores": "pt", "palabras": "es", "descriptores": "es", "mots": "fr"}
_BULLET = re.compile(r"^\s*[*•·▪◦-]\s+(\S.*)$")


#: the separators of an inline keyword list, the surest first: a semicolon, a middle dot, a bullet or a bar (a
#: comma may stand inside a keyword: 'Doenças Respiratórias, epidemiologia')
_KW_SEPARATORS = (";", "·", "•", "∙", "▪", " | ")


def _kw_continues(text: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on an inline keyword list: a wrapped list ends mid-keyword or on a separator,
    or the next line is itself a list; a heading-like line after a finished keyword is the next block."""
    if text.endswith((",", ";", "·", "•", "∙", "▪", "|")) or re.search(r"\s(?:e|y|and|of|de|da|do|del|em|en|in|&)$",
                                                                   text):
        return True
    if any(c in text and c in nxt for c in _KW_SEPARATORS):
        return True
    return not is_heading_like(nxt) and not text.endswith(".")


def keyword_label(text: str) -> str | None:
    """The keyword group's label as printed ('Key words', 'Author Keywords', 'Palavras-chave'), or None.

    Why: the label is the article's text (and names the group's language for a reader); JATS keeps it in
    ``<kwd-group><title>``, so it is not lost when the keywords are read out of the line.
    """
    m = _KW_LABEL.match(text)
    if not m:
        return None
    return " ".join(text[:m.end(1)].split()) or None


def keyword_groups(lines: list[Line]) -> list[tuple[int, int, str | None, list[str]]]:
    """Every keyword group in ``lines``: (first line, end line, label language or None, keywords).

    Why: a group is printed three ways — inline after the label ("Keywords: a; b"), wrapped over a few
    lines, or one keyword per line (often bulleted) under a "Keywords" heading on web pages — and
    SciELO articles print one group per language, so the caller picks the article-language group.
    """
    groups: list[tuple[int, int, str | None, list[str]]] = []
    i = 0
    while i < len(lines):
        m = _KW_LABEL.match(lines[i].text)
        if not m or len(lines[i].stripped) > 600:
            i += 1
            continue
        label = m.group(1).casefold()
        lang = next((v for k, v in _KW_LANG.items() if label.startswith(k)), None)
        if lang is None and label.startswith(("key", "index", "subject")):
            lang = "en"
        text = (m.group(2) or m.group(3) or "").strip()
        j = i + 1
        items: list[str] = []
        raw: list[str | None] = []  # the lines of a list under the label alone, None for a bulleted one
        if text:
            while j < len(lines) and lines[j].stripped and _kw_continues(text, lines[j].stripped) and (
                    text.endswith((",", ";")) or len(lines[j].stripped) < 100) and not _is_other_front_item(
                        lines[j].stripped) and not _KW_LABEL.match(lines[j].text):
                text += " " + lines[j].stripped
                j += 1
            sep = next((c for c in _KW_SEPARATORS if c in text), None) or (
                ". " if ". " in text and "," not in text or text.count(". ") >= 2 else ",")
            items = [k.strip().rstrip(".").strip() for k in text.split(sep.strip() if sep != ". " else ". ")]
        else:
            # one keyword per line under the heading (blank lines may separate the heading from the list)
            while j < len(lines) and not lines[j].stripped and j - i <= 2:
                j += 1
            while j < len(lines):
                s = lines[j].stripped
                if not s:
                    nxt = next((lines[k].stripped for k in range(j + 1, min(j + 3, len(lines))) if lines[k].stripped),
                               "")
                    if items and _BULLET.match(nxt):
                        j += 1
                        continue
                    break
                b = _BULLET.match(s)
                if not b and (items and _BULLET.match(lines[j - 1].stripped if lines[j - 1].stripped else "- x")
                              or len(s) > 120 or s.endswith(".") or _is_other_front_item(s)
                              or _KW_LABEL.match(lines[j].text) or s.isupper() and len(s) > 3):
                    break
                items.append((b.group(1) if b else s).strip().rstrip(".;,").strip())
                raw.append(None if b else s)
                j += 1
                if not b and len(items) > 12:
                    break
            if raw and None not in raw and any(";" in r for r in raw if r):
                # not a keyword a line but a ';' list wrapped under the label alone (Taylor & Francis'
                # 'KEYWORDS' / 'Immunization; community' / 'health workers; Malawi;')
                items = [k.strip().rstrip(".").strip() for k in " ".join(r for r in raw if r).split(";")]
        items = [k for k in items if k and len(k) <= 150]
        if items:
            groups.append((i, j, lang, items))
        i = max(j, i + 1)
    return groups


def _extract_keywords(doc: Document, art: Article, fr: _Front, others: list[Line] | None = None) -> None:
    """Keywords in the article's language: the front-matter group, else one printed later (web pages
    list 'Keywords' in an article-information block after the references)."""
    lines = fr.lines
    others = sorted(others or [], key=lambda ln: ln.start)
    in_front_groups = keyword_groups(lines)
    found = [(g, True) for g in in_front_groups] + [(g, False) for g in keyword_groups(others)]
    if not found:
        return
    same = [x for x in found if x[0][2] in (art.language, None)]
    if len(found) > 1:
        found = same or found
    (i, j, chosen_lang, items), in_front = found[0]
    art.keywords = items
    src = lines if in_front else others
    art.keywords_title = keyword_label(src[i].text)
    if in_front:
        fr.use(*range(i, j))
    # the front matter's groups in other languages ('Palavras-chave' under a Portuguese abstract) are
    # translations: <kwd-group xml:lang>; a second group in the same language is left as printed
    main_lang = chosen_lang or art.language
    taken = {main_lang}
    for gi, gj, glang, gitems in in_front_groups:
        if glang is None or glang in taken or any(fr.used[k] for k in range(gi, gj)):
            continue
        taken.add(glang)
        kg = KeywordGroup(lang=glang, title=keyword_label(lines[gi].text), keywords=gitems)
        kg.provenance["keywords"] = Span(start=doc.to_original(lines[gi].start), end=doc.to_original(lines[gj - 1].end))
        art.trans_keywords.append(kg)
        fr.use(*range(gi, gj))
    span = src[i:j]
    art.provenance["keywords"] = Span(start=doc.to_original(min(ln.start for ln in span)),
                                      end=doc.to_original(max(ln.end for ln in span)))


# a structured-abstract section title: one of the usual names, or two joined ("Methods and Findings")
_ABS_WORD = (r"(?:background|objectives?|aims?|purpose|methods?|methodology|design|setting|participants|results?|"
             r"(?:principal )?findings|conclusions?|significance|interpretation|context|introduction|"
             r"materials and methods|objetivos?|m[ée]todos?|resultados?|conclus(?:[aã]o|[oõ]es|i[oó]n|iones)|"
             r"introdu[cç][aã]o|introducci[oó]n|antecedentes|discuss(?:ion|[aã]o)|limitations?|"
             r"(?:trial|systematic review|study|protocol) registration|"
             r"case (?:presentation|report)|casos?|observations?|approach|rationale|importance|evidence)")
ABSTRACT_SECTION = re.compile(rf"^{_ABS_WORD}(?:\s*(?:and|/|&|e|y)\s*{_ABS_WORD})*\s*[:.]?$", re.I)
# what follows an abstract in the front matter: another abstract (summary, translation), the dates, the
# correspondence note, the citation line; the abstract never runs into these
_AFTER_ABSTRACT = re.compile(
    r"^\s*(?:[*✉†]|(?:author summary|editors?'? summary|editorial summary|plain language summary|synopsis|"
    + CITE_LABEL + r"|academic editor|editor|received|accepted|published|copyright|funding|competing|"
    r"corresponding author|address for correspondence|correspondence|e-?mail\s*:|author key ?words|"
    r"data availability|abbreviations)\b)",
    re.I,
)
_BODY_START = re.compile(r"^\s*(?:1\.?\s+)?(?:introduction|introdu[cç][aã]o|introducci[oó]n|background)\s*$", re.I)


#: the section titles of a summary for lay readers: questions ('Why Was This Study Done?') and a closing
#: 'Additional Information' with links for readers
_SUMMARY_SECTION = re.compile(r"^.{3,78}\?$|^\s*(?:additional|more|further) information\s*:?$", re.I)


#: a note that sends the reader elsewhere ('Please see later in the article for the Editors' Summary'): short
#: and capitalised like a heading, but a sentence of the abstract's own
_SEE_NOTE = re.compile(r"^(?:please\s+)?see\s", re.I)


def abstract_end(lines: list[Line], start: int, questions: bool = False) -> int:
    """Index just past the abstract that starts at ``lines[start]``.

    Why: neither layout marks where the abstract stops. Web pages go straight on to the next heading
    ('Published', 'Author summary'), PDFs to the correspondence note or the keywords. A structured
    abstract's own section titles look like headings too, so a heading ends the abstract only when it
    is not an abstract section title, or when it repeats one / starts the body after untitled text. A
    summary for lay readers is titled by questions ('Why Was This Study Done?') and may close with
    'Additional Information': with ``questions`` such a heading goes on with it.
    """
    seen: set[str] = set()
    had_text = False
    prev = ""
    end = start
    # a second abstract heading right under the first is the abstract's one section title ('Abstract' over
    # 'Summary'), not the start of another abstract
    first = next((k for k in range(start, len(lines)) if lines[k].stripped), len(lines))
    opened = False  # an abstract section title was the last line: its text comes next
    for k in range(start, len(lines)):
        s = lines[k].stripped
        if not s:
            end = k if had_text else k + 1
            prev = ""
            continue
        if KEYWORDS.match(s) or ABSTRACT_HEADING.match(s) and k > first or ABSTRACT_INLINE.match(s) and had_text:
            return k
        if _AFTER_ABSTRACT.match(s):
            return k
        sec = ABSTRACT_SECTION.match(s)
        if sec:
            key = s.rstrip(":.").strip().casefold()
            if key in seen or (had_text and _BODY_START.match(s)):
                return k
            seen.add(key)
            opened = True
        elif (had_text and is_heading_like(s) and len(s) <= 60 and (not prev or prev.endswith((".", "?", "!", ")")))
              and not (questions and _SUMMARY_SECTION.match(s)) and not opened and not _abstract_part(s)
              and not _SEE_NOTE.match(s)
              and (k + 1 >= len(lines) or not lines[k + 1].stripped or len(s.split()) <= 4)):
            return k
        else:
            # a section title's first line is its text, however short ('Trial registration' / 'ClinicalTrials.gov
            # NCT00848692')
            had_text = True
            opened = False
        prev = s
        end = k + 1
    return end


def _build_abstract(doc: Document, lines: list[Line], head: int, end: int, title: str | None,
                    inline: str | None, questions: bool = False) -> Abstract | None:
    """The abstract under the heading ``lines[head]``, its text ``lines[head + 1:end]`` (plus ``inline``,
    the text printed on the heading's own line): paragraphs, or titled sections when structured."""
    ab = Abstract(title=title)
    web = not doc.paged  # a web page's text prints subscripts in brackets ('p[trend]')
    cur: Section | None = None
    paras: list[str] = [inline] if inline else []

    def flush() -> None:
        if paras:
            text = join_lines(paras)
            p = Paragraph(text=text, subscripts=bracket_subscripts(text) if web else [])
            (cur.paragraphs if cur else ab.paragraphs).append(p)
            paras.clear()

    first = True
    for ln in lines[head + 1:end]:
        s = ln.stripped
        if not s:
            flush()
            continue
        hm = _SECTION_INLINE.match(s) if s[:1].isupper() else None
        # 'Abstract' / 'Summary' printed as the only section title of an abstract ('Abstract' over 'Summary')
        im = ABSTRACT_INLINE.match(s) if first and not paras else None
        if (ABSTRACT_SECTION.match(s) or first and not paras and ABSTRACT_HEADING.match(s)
                or questions and _SUMMARY_SECTION.match(s) and len(s) <= 80 and is_heading_like(s)):
            flush()
            # the title as printed: a title on its own line keeps its colon ('Objetivo:'), as publishers
            # that print one keep it in their JATS
            cur = Section(title=s)
            ab.sections.append(cur)
        elif im:  # 'ABSTRACT' over 'Summary: There is ...'
            cur = Section(title=im.group(1))
            ab.sections.append(cur)
            paras.append(im.group(2))
        elif hm and ABSTRACT_SECTION.match(hm.group(1)):
            flush()
            cur = Section(title=hm.group(1))
            ab.sections.append(cur)
            paras.append(hm.group(2))
        else:
            if _SEE_NOTE.match(s):
                flush()  # a note of its own ('Please see later in the article for the Editors' Summary')
            paras.append(s)
        first = False
    flush()
    if not (ab.paragraphs or ab.sections):
        return None
    if len(ab.sections) == 1 and not ab.paragraphs and not ab.sections[0].sections:
        # one titled part is no structure ('Abstract' over 'Summary'): JATS4R and PMC want its paragraphs
        # directly in the abstract, which takes the more specific printed title
        only = ab.sections[0]
        if title and only.title:
            doc.report.add("extract", "front-line", f"abstract heading '{title}' over its only part "
                           f"'{only.title}': the part's title is the abstract's", original=title,
                           offset=doc.to_original(lines[head].start))
        ab.title, ab.paragraphs, ab.sections = only.title or ab.title, only.paragraphs, []
    last = lines[end - 1] if end > head + 1 else lines[head]
    ab.provenance["text"] = Span(start=doc.to_original(lines[head].start), end=doc.to_original(last.end))
    return ab


# 'Methods: ...', 'MÉTODOS: ...': a section title and its text on one line
_SECTION_INLINE = re.compile(r"^([^\W\d_](?:[^\W\d_]|[/ ]){2,40}?)\s*:\s+(\S.*)$")


def across_page_break(fr: _Front, art: Article, start: int, end: int,
                      questions: bool = False) -> tuple[int, set[int]]:
    """The end of the abstract ``lines[start:end]`` when a page break cut it mid-sentence, and the lines of
    the break (blank lines, running head, journal and citation lines) that are not its text.

    Why: a PDF's first page often ends inside the abstract; pdftotext then prints the page foot ('PLoS ONE',
    the citation line, 'This issue') before the abstract's last words ('... associated with the' /
    'first zinc-finger region. ...'), and the abstract was cut there. Only an abstract whose text stops
    without a sentence end, followed across nothing but page furniture by a line that goes on in lower case,
    is carried on.
    """
    lines = fr.lines
    # the text's last line, not the first page's foot that abstract_end may have taken in ('Journal, 2022,
    # Vol. 45(2)' ends with ')' and would read as a sentence end)
    last = next((k for k in range(end - 1, start - 1, -1) if lines[k].stripped and k not in fr.furniture), None)
    if last is None:
        return end, set()
    # a structured abstract (its parts labelled inline, 'Methods and Findings: ...') goes on over a page break
    # at a part's end when the next page opens with the next part ('Conclusions: ...')
    structured = any(_abstract_part(lines[k].stripped) for k in range(start, end))
    ended = lines[last].stripped.endswith((".", "?", "!", ":", ")", "]"))
    if ended and not structured:
        return end, set()
    k, furniture = end, 0
    while k < len(lines) and k - end <= 12:
        s = lines[k].stripped
        # after a part's last sentence only page furniture may stand before the next part: a short title line
        # there opens what follows the abstract ('Editors' Summary', 'RESUMO')
        if s and (OTHER_ABSTRACT.match(s) or not (fr.used[k] or k in fr.furniture or _is_furniture(s, art)
                                                   or not ended and len(s.split()) <= 3 and not s[:1].islower())):
            break
        furniture += bool(s)
        k += 1
    if not furniture or k >= len(lines):
        return end, set()
    nxt = lines[k].stripped
    if not (nxt[:1].islower() and not ended or structured and _abstract_part(nxt)):
        return end, set()
    return abstract_end(lines, k, questions), set(range(last + 1, k))


def _abstract_part(s: str) -> bool:
    """Does ``s`` open a part of a structured abstract ('Conclusions: ...', or the title on its own line)?"""
    if ABSTRACT_SECTION.match(s):
        return True
    m = _SECTION_INLINE.match(s)
    return m is not None and ABSTRACT_SECTION.match(m.group(1)) is not None


def _extract_abstract(doc: Document, art: Article, fr: _Front) -> None:
    lines = fr.lines
    start = None
    inline = None
    for i, ln in enumerate(lines):
        if ABSTRACT_HEADING.match(ln.text):
            start = i + 1
            break
        mi = ABSTRACT_INLINE.match(ln.text)
        if mi:
            start, inline = i + 1, mi.group(2)
            break
    if start is not None:
        fr.use(start - 1)
        heading_at = start - 1
        start = _past_keyword_column(lines, start) if inline is None else start
        end, gap = across_page_break(fr, art, start, abstract_end(lines, start))
        if start <= fr.foot_from < end:
            end = fr.foot_from
        # the heading as printed ('Abstract', 'Summary', 'Resumo') is the abstract's <title>
        head = ABSTRACT_HEADING.match(lines[heading_at].text) or ABSTRACT_INLINE.match(lines[heading_at].text)
        own = [lines[heading_at]] + [lines[k] for k in range(start, end) if k not in gap and k not in fr.furniture]
        ab = _build_abstract(doc, own, 0, len(own), head.group(1) if head else None, inline)
        if ab is not None:
            art.abstract = ab
            fr.use(*(k for k in range(start, end) if k not in gap and k not in fr.furniture))
        return
    # no heading: long unused paragraph right before the keywords line
    kw = next((i for i, ln in enumerate(lines) if KEYWORDS.match(ln.text)), None)
    if kw is None:
        return
    j = kw - 1
    while j >= 0 and not lines[j].stripped:
        j -= 1
    end = j + 1
    while j >= 0 and lines[j].stripped and not fr.used[j]:
        j -= 1
    block = lines[j + 1:end]
    text = _join(block)
    if len(text) >= 200 and not fr.used[end - 1]:
        ab = Abstract(paragraphs=[Paragraph(text=text)])
        ab.provenance["text"] = Span(start=doc.to_original(block[0].start), end=doc.to_original(block[-1].end))
        art.abstract = ab
        fr.use(*range(j + 1, end))


def _past_keyword_column(lines: list[Line], start: int) -> int:
    """Where the abstract's text starts when the keywords column comes between it and its heading.

    Why: a two-column info box ('ARTICLE INFO' / 'ABSTRACT' over 'Keywords:' and one keyword a line, then
    the abstract: Elsevier) puts the keywords block right under the heading in pdftotext's order; the
    abstract then ended before it began. The keywords block (its label and lines, up to a blank line) is
    passed over when nothing but blank lines stands between it and the heading; the keywords reader reads it
    on its own.
    """
    k = start
    while k < len(lines) and not lines[k].stripped:
        k += 1
    if k >= len(lines) or not KEYWORDS.match(lines[k].stripped):
        return start
    while k < len(lines) and lines[k].stripped:
        k += 1
    while k < len(lines) and not lines[k].stripped:
        k += 1
    return k if k < len(lines) else start


#: the heading of an abstract printed after the main one: a summary for other readers, or the abstract in
#: another language; alone on its line, or followed by ':' / '.' and the text
OTHER_ABSTRACT = re.compile(
    r"^\s*(author(?:['’]s|s['’])? summary|editors?(?:['’]s?)? summary|editorial summary|plain[- ]language summary|"
    r"lay summary|synopsis|abstract|summary|resumo|resumen|r[ée]sum[ée]|zusammenfassung|riassunto)"
    r"(?:\s*[:.]?\s*$|\s*[:.—–]\s*(\S.*)$)",
    re.I,
)
#: the JATS4R abstract-type of a summary, by the first word of its heading
_SUMMARY_TYPES = {"author": "summary", "editor": "editor-summary", "editors": "editor-summary",
                  "editorial": "editor-summary", "plain": "plain-language-summary", "lay": "plain-language-summary",
                  "synopsis": "summary", "summary": "summary"}
_POSSESSIVE = re.compile(r"['’]s?$")
#: the language an abstract heading is written in
_HEADING_LANG = {"abstract": "en", "resumo": "pt", "resumen": "es", "résumé": "fr", "resume": "fr",
                 "zusammenfassung": "de", "riassunto": "it"}


def heading_language(title: str | None) -> str | None:
    """The language an abstract's printed heading names ('Resumo' -> pt), None for a summary heading."""
    return _HEADING_LANG.get((title or "").strip().casefold())


def _trans_title_above(doc: Document, fr: _Front, art: Article, head: int) -> tuple[str, list[int]] | None:
    """The title printed right over a translated abstract's heading, if any: SciELO prints the article's
    title in the abstract's language there ('Conhecimento de HIV/Aids ... / RESUMO').

    Only a short run of unused lines directly above the heading, itself standing apart (a blank or a used
    line above it), that reads as a title: no final full stop, no address, link or label.
    """
    k = head
    while k > 0 and fr.lines[k - 1].stripped and not fr.used[k - 1] and head - k < 3:
        k -= 1
    if k == head or (k > 0 and fr.lines[k - 1].stripped and not fr.used[k - 1]):
        return None
    idx = list(range(k, head))
    text = _join([fr.lines[j] for j in idx])
    if (len(text) > 300 or len(text.split()) < 3 or text.endswith(".") or not text[:1].isupper()
            or KEYWORDS.match(text) or ABSTRACT_HEADING.match(text) or _is_furniture(text, art)
            or any(_is_other_front_item(fr.lines[j].stripped) for j in idx)):
        return None
    return text, idx


def _extract_other_abstracts(doc: Document, art: Article, fr: _Front) -> None:
    """The abstracts printed after the main one: summaries and translations.

    Why: PLOS prints an 'Author Summary' (or 'Synopsis', 'Editors' Summary') after the abstract, and SciELO
    the abstract again in Portuguese, Spanish or English, often under the title in that language. Each is the
    article's text with its own JATS place (``<abstract abstract-type>``, ``<trans-abstract xml:lang>``,
    ``<trans-title-group>``); left unread it would only be kept as an unplaced note. When the main abstract is
    in another language than the article (an English article printing its 'Resumo' first), the one in the
    article's language becomes the main abstract and the other a translation.
    """
    lines = fr.lines
    i = 0
    while i < len(lines):
        m = OTHER_ABSTRACT.match(lines[i].text) if lines[i].stripped and not fr.used[i] else None
        if m is None:
            i += 1
            continue
        title = " ".join(m.group(1).split())
        lang = heading_language(title)
        end, gap = across_page_break(fr, art, i + 1, abstract_end(lines, i + 1, questions=lang is None),
                                     questions=lang is None)
        if i < fr.foot_from < end:
            end = fr.foot_from
        nxt = next((lines[k].stripped for k in range(i + 1, end) if lines[k].stripped), "")
        if not m.group(2) and is_heading_like(nxt) and not ABSTRACT_SECTION.match(nxt) and not nxt.endswith("?"):
            # a label over another label ('Section / Synopsis / License' on a web page) is no abstract
            i += 1
            continue
        # lines another field took inside it (a running head read for the journal's name) are not its text
        own = [lines[k] for k in range(i, end) if k == i or not fr.used[k] and k not in gap and k not in fr.furniture]
        ab = _build_abstract(doc, own, 0, len(own), title, m.group(2), questions=lang is None)
        if ab is None or len(ab.plain_text()) < 100:
            # a label with a word or two under it ('Section / Synopsis / License' on a web page) is no abstract
            i += 1
            continue
        if lang is None:
            ab.abstract_type = _SUMMARY_TYPES.get(_POSSESSIVE.sub("", title.split()[0].casefold()), "summary")
            art.other_abstracts.append(ab)
            # a pointer to it printed right above ('Please see later in the article for the Editors' Summary')
            # was read with it
            k = i - 1
            while k >= 0 and not fr.used[k] and title.casefold() in fr.lines[k].stripped.casefold() \
                    and len(fr.lines[k].stripped) <= 150:
                fr.use(k)
                k -= 1
        else:
            main_lang = heading_language(art.abstract.title if art.abstract else None) or art.language
            if lang == art.language and art.abstract is not None and main_lang != art.language:
                # the main abstract was the translation: swap
                art.abstract.lang = main_lang
                art.trans_abstracts.append(art.abstract)
                art.abstract = ab
            elif lang == main_lang or art.abstract is None:
                # the same language again (a page that prints its abstract twice): not a translation
                i += 1
                continue
            else:
                ab.lang = lang
                art.trans_abstracts.append(ab)
                above = _trans_title_above(doc, fr, art, i)
                if above is not None:
                    text, idx = above
                    tt = TransTitle(lang=lang, title=text)
                    tt.provenance["title"] = Span(start=doc.to_original(lines[idx[0]].start),
                                                  end=doc.to_original(lines[idx[-1]].end))
                    art.trans_titles.append(tt)
                    fr.use(*idx)
        fr.use(*(k for k in range(i, end) if k not in gap and k not in fr.furniture))
        i = end


_SELF_URI = re.compile(r"available (?:from|at|online at)\s*:?\s*(https?://\S+)", re.I)


#: a journal web page's subject line ('Subjects: Cell Biology · Science Policy', 'Subject areas: Hematology')
_SUBJECTS = re.compile(r"^\s*(?:subjects?|subject areas?|subject categories)\s*:\s*(\S.*?)\s*$", re.I)


def _extract_subjects(doc: Document, art: Article, fr: _Front) -> None:
    """The subject areas a journal web page prints under the byline, as printed.

    Why: they are the publisher's own classification of the article, with a JATS place
    (``<article-categories>``); read as page furniture they reached only the report. Items are split on
    the separator the line uses: a middle dot when there is one (an item may hold a comma), else a
    semicolon or a comma.
    """
    for i, ln in enumerate(fr.lines):
        m = _SUBJECTS.match(ln.text)
        if m is None or fr.used[i]:
            continue
        value, last, end = m.group(1), i, ln.start + m.end(1)
        # a list wrapped inside an item ('... · Marine and Aquatic Sciences/' / 'Microbiology')
        while value[-1] in "/·,;-" and last + 1 < len(fr.lines) and fr.lines[last + 1].stripped \
                and not fr.used[last + 1]:
            last += 1
            nxt = fr.lines[last]
            value += ("" if value[-1] in "/-" else " ") + nxt.stripped
            end = nxt.end
        sep = next((c for c in ("·", ";", ",") if c in value), None)
        items = [v.strip(" .") for v in (value.split(sep) if sep else [value])]
        items = [v for v in items if v]
        if items:
            art.subjects = items
            art.provenance["subjects"] = Span(start=doc.to_original(ln.start + m.start(1)), end=doc.to_original(end))
            fr.use(*range(i, last + 1))
        return


def _extract_self_uri(doc: Document, art: Article, fr: _Front) -> None:
    for ln in fr.lines:
        m = _SELF_URI.search(ln.text)
        if m:
            put(doc, art, "self_uri", m.group(1).rstrip(".,;)"), (ln.start + m.start(1), ln.start + m.end(1)))
            return


_NOTE_LINE = re.compile(r"^\s*(?:[*✉]|(?:corresponding author|address for correspondence|correspondence|"
                        r"to whom correspondence|e-?mail|electronic address)\b)", re.I)


#: the headings of a journal web page's article-information blocks after the references: each starts a block of
#: its own, so a correspondence note before one ends there
_PAGE_BLOCK_HEAD = re.compile(r"^\s*(?:rights and permissions|about this article|cite this article|author information|"
                              r"authors and affiliations|additional information|ethics declarations|article metrics|"
                              r"article information)\s*$", re.I)


def _extract_corresp(doc: Document, art: Article, front: list[Line], back: list[Line],
                     body: list[Line] | None = None, refs: list[Line] | None = None,
                     taken: set[int] | None = None) -> list[int]:
    """Correspondence note(s): e-mail, phone, address; marks the corresponding author.

    The note may also sit where segmentation put it into the body (a PDF prints '* E-mail: ...' at
    the foot of the first page, between abstract and introduction), so body lines that read as a
    note and carry an e-mail address count too; so do such lines in the back matter or at the end of
    the reference list, where a one-column PDF prints the first page's footnotes after the last
    reference ('* E-mail: TingTing.Hong@cshs.org').

    ``taken``: back-matter lines another field already read (the dates of a web page's 'About this
    article' box); a note in the back matter ends before them, as it does at a page block's heading."""
    taken = taken or set()
    used_back: list[int] = []
    block: list[Line] = []
    for k, ln in enumerate(back):
        if re.match(r"^\s*[*✉]?\s*(corresponding author|address for correspondence|correspondence)", ln.text, re.I):
            block = []
            j = k
            while j < len(back):
                s = back[j].stripped
                if j > k and BACK_START.match(back[j].text) and not re.match(r"^\s*(address|correspondence)",
                                                                             back[j].text, re.I):
                    break
                if j > k and (j in taken or _PAGE_BLOCK_HEAD.match(back[j].text)):
                    break
                if s:
                    block.append(back[j])
                used_back.append(j)
                j += 1
            break
    # '"@" in' before each e-mail search: an address needs one, and the pattern scan over every line of the
    # body and reference list cost more than the rest of this function
    candidates = block or [ln for ln in front if "@" in ln.text and _EMAIL.search(ln.text) and re.search(
        r"corresp|e-?mail|electronic address|✉|^\s*\*", ln.text, re.I)] or [
        ln for part in (body or [], back, refs or []) for ln in part
        if "@" in ln.text and _EMAIL.search(ln.text) and _NOTE_LINE.match(ln.text) and len(ln.stripped) < 400][:3]
    if not candidates:
        # an e-mail anywhere in the front matter belongs to a corresponding author
        candidates = [ln for ln in front if "@" in ln.text and _EMAIL.search(ln.text)]
    if not candidates:
        return used_back
    candidates = _with_note_head(front, candidates)
    used_back += [k for k, ln in enumerate(back) if k not in used_back and any(ln is c for c in candidates)]
    text = "\n".join(ln.stripped for ln in candidates)
    note = AuthorNote(kind="corresp", text=" ".join(ln.stripped for ln in candidates))
    em = _EMAIL.search(text)
    if em:
        put(doc, note, "email", em.group(0))
    ph = _PHONE.search(text)
    if ph:
        note.phone = ph.group(1).strip()
    fx = _FAX.search(text)
    if fx:
        note.fax = fx.group(1).strip()
    ad = re.search(r"Address\s*:\s*(.+)", text)
    if ad:
        note.address = ad.group(1).strip()
    note.provenance["text"] = Span(start=doc.to_original(candidates[0].start),
                                   end=doc.to_original(candidates[-1].end))
    art.author_notes.append(note)
    # who is it?
    corr = [c for c in art.contributors if c.corresponding]
    if not corr and art.contributors:
        folded = text.casefold()
        named = [c for c in art.contributors if c.surname and c.surname.casefold() in folded]
        corr = named[:1] or (art.contributors if len(art.contributors) == 1 else [])
        for c in corr:
            c.corresponding = True
    if note.email and len(corr) == 1 and corr[0].email is None:
        corr[0].email = note.email
    _assign_emails(art, text, note.email)
    return used_back


_CORRESP_HEAD = re.compile(r"^\s*[*✉†]?\s*(?:corresponding authors?|address for correspondence|"
                           r"correspond(?:ence|[eê]ncia)|autor(?:a)? (?:correspondente|para correspond[eê]ncia)|"
                           r"to whom correspondence)\b", re.I)


def _with_note_head(front: list[Line], candidates: list[Line]) -> list[Line]:
    """Add the lines above a front-matter e-mail line up to its note's label ('* Correspondence:').

    Why: a PDF prints the note as '* Correspondence:' / name / postal address / 'Email: ...' (or the
    address on the label's line and the e-mail wrapped onto the next); reading only the e-mail line
    left the name and address out of the note (issue 5). Lines are added only when a correspondence
    label is reached within a few contiguous lines, so a byline or affiliation above is never taken.
    """
    pos = {id(ln): k for k, ln in enumerate(front)}
    out: list[Line] = []
    for c in candidates:
        k = pos.get(id(c))
        if k is None:
            out.append(c)
            continue
        head = None
        for j in range(k, max(k - 6, -1), -1):
            if not front[j].stripped:
                break
            if _CORRESP_HEAD.match(front[j].text):
                head = j
                break
        for ln in front[head if head is not None else k:k + 1]:
            if not any(ln is o for o in out):
                out.append(ln)
    return out


def _assign_emails(art: Article, text: str, first: str | None) -> None:
    """Give each further e-mail in a correspondence note to the author it names.

    Why: a note often lists several corresponding authors ("E-mail: a@x.org (NCS), b@y.org (JPC)");
    the note element holds one address, so the others go on their authors — found by the initials in
    parentheses after the address or by the surname in its local part, never guessed.
    """
    for m in _EMAIL.finditer(text):
        email = m.group(0)
        if email == first or any(c.email == email for c in art.contributors):
            continue
        after = re.match(r"\s*\(([A-Z][A-Za-z.\- ]{0,8})\)", text[m.end():])
        who = []
        for c in art.contributors:
            if not c.surname or c.email:
                continue
            inits = "".join(w[0] for w in re.split(r"[\s.\-]+", (c.given_names or "") + " " + c.surname) if w)
            if after and re.sub(r"[^A-Z]", "", after.group(1)) == inits.upper():
                who.append(c)
            elif not after and _spells_surname(email, c):
                who.append(c)
        if len(who) == 1:
            who[0].email = email
            who[0].corresponding = True




# ------------------------------------------------------------------ labelled front-matter notes

# 'Label: text' items a PDF prints in the front matter, beside the dates and license: (kind, label).
# Why: each is the article's own text with a JATS place; read as page furniture they were only
# reported, and issue 5 asks that nothing real be left out of the output.
_FRONT_NOTE = re.compile(
    r"^(?P<label>funding(?: information| sources?| statement)?|financial (?:disclosure|support)|"
    r"financiamento|financiamiento|"
    r"competing interests?|conflicts? of interests?|conflito de interesses?|conflicto de intereses|"
    r"author(?:s'|s)? contributions?|contribui[çc][ãa]o dos autores|data availability(?: statement)?|"
    r"(?:academic |handling |guest |section |associate |reviewing |responsible )?editors?|edited by|reviewed by|"
    r"specialty section|"
    + CITE_LABEL + r")\s*(?::\s*|\s+(?=\S)|$)(?P<text>\S.*)?$", re.I)
_NOTE_KIND = (("funding", re.compile(r"^(?:fund|financ)", re.I)),
              ("COI-statement", re.compile(r"^(?:compet|conflit|conflic)", re.I)),
              ("con", re.compile(r"^(?:author|contribui)", re.I)),
              ("data-availability", re.compile(r"^data", re.I)),
              ("editor", re.compile(r"^(?:(?:academic |handling |guest |section |associate |reviewing |responsible )?"
                                    r"editor|"
                                    r"edited by)", re.I)),
              ("reviewer", re.compile(r"^reviewed by", re.I)),
              ("specialty-section", re.compile(r"^specialty", re.I)),
              ("citation", re.compile(r".", re.I)))


def _note_kind(label: str) -> str:
    return next(kind for kind, rx in _NOTE_KIND if rx.match(label))


def _note_continues(text: str, nxt: Line, prev: Line, art: Article, kind: str) -> bool:
    """Whether ``nxt`` wraps the note ``text``: not another item, and the note is still open.

    A note ends at a blank line, at another labelled item or page furniture, and at a sentence end,
    unless the line before it ran the full column (a wrapped paragraph's sentence can end at a line end).
    A how-to-cite note runs on over its journal, volume and DOI, which alone would read as furniture.
    """
    s = nxt.stripped
    if not s or _starts_note(s) or ABSTRACT_HEADING.match(s) or KEYWORDS.match(s):
        return False
    if s[:1].islower():
        return True  # a sentence going on ('received no specific funding ...')
    if _FURNITURE.match(s) or _RUNNING_HEAD.search(s):
        return False
    open_sentence = not text.endswith(".") and len(prev.stripped) >= 80
    cite_tail = kind == "citation" and bool(_DOI.search(s) or _URL.search(s) or _YEAR_VOLUME.search(s))
    if _is_furniture(s, art) and not (cite_tail or open_sentence):
        return False  # a URL inside a wrapped sentence does not make the line furniture
    return not text.endswith(".") or len(prev.stripped) >= 80 or cite_tail


_RUNNING_HEAD = re.compile(r"\bISSN\b|\s\|\s|\s·\s")


def _starts_note(s: str) -> re.Match[str] | None:
    """A labelled note's first line; the label is capitalised, so a wrapped 'funding from ...' is not one."""
    return _FRONT_NOTE.match(s) if s[:1].isupper() else None


def _extract_front_notes(doc: Document, art: Article, fr: _Front) -> None:
    """Funding, competing interests, contributions, data availability, editor and how-to-cite items.

    Why: issue 5 wants these front-matter lines in their JATS places rather than reported as page
    furniture: the funding statement becomes ``<funding-group><funding-statement>``, an editor item that
    names a person a contributor (``art.editors``), the others a titled ``<notes>`` section in the back
    matter (the label as printed is the title). Only lines no
    other field took are read, so a citation line whose volume and pages were read stays where it is
    as well as here: the how-to-cite text is the article's own, not a made-up one.
    """
    lines = fr.lines
    for i, j, label, kind, text in _front_note_items(fr, art):
        ln = lines[i]
        span = Span(start=doc.to_original(ln.start), end=doc.to_original(lines[j - 1].end))
        editors = _editor_contribs(doc, art, label, text, span, kind) if kind in ("editor", "reviewer") else None
        if kind == "funding" and art.funding_statement is None:
            art.funding_statement = text
            art.provenance["funding_statement"] = span
        elif editors:
            art.editors.extend(editors)
        else:
            sec = Section(title=label, sec_type=kind, paragraphs=[Paragraph(text=text)])
            sec.provenance["text"] = span
            art.notes.append(sec)
        fr.use(*range(i, j))


def _front_note_items(fr: _Front, art: Article) -> Iterator[tuple[int, int, str, str, str]]:
    """(first line, last line + 1, label, kind, text) of each labelled note among the unused front lines.

    An editor or reviewer item whose label stands alone prints a person a line ('Reviewed by:' / 'Kwame
    Asante,' / 'Noguchi Memorial Institute,' / 'Sun-Hee Park,' / ...): a line that is a name alone opens
    the next person, joined with '; ' as the one-line form separates them.
    """
    lines = fr.lines
    i = 0
    while i < len(lines):
        ln = lines[i]
        m = _starts_note(ln.stripped) if ln.stripped and not fr.used[i] else None
        if m is None:
            i += 1
            continue
        label = m.group("label")
        kind = _note_kind(label)
        text = (m.group("text") or "").strip()
        j = i + 1
        if not text:  # the label alone, its text on the next line
            while j < len(lines) and not lines[j].stripped:
                j += 1
            if j >= len(lines) or fr.used[j] or not _note_continues("", lines[j], ln, art, kind):
                i += 1
                continue
            text = lines[j].stripped
            j += 1
        while j < len(lines) and not fr.used[j] and _note_continues(text, lines[j], lines[j - 1], art, kind):
            s = lines[j].stripped
            if kind in ("editor", "reviewer") and s.endswith(",") and not text.endswith(",") \
                    and _PERSON_ALONE.match(s) and looks_like_person(s.rstrip(", ")) and not looks_institution(s):
                text = text.rstrip(", ") + "; " + s
            else:
                text = _join_wrapped(text, s)
            j += 1
        yield i, j, label, kind, text
        i = j


#: a line that holds a name and nothing else but its comma ('Sun-Hee Park,')
_PERSON_ALONE = re.compile(r"^[^\W\d_][\w.'’ -]{1,60},$")


def _editor_contribs(doc: Document, art: Article, label: str, text: str, span: Span,
                     contrib_type: str = "editor") -> list[Contributor] | None:
    """The editors an 'Academic Editor: Jane Smith, University of X, Country' item names, or None; the
    reviewers a 'Reviewed by:' item names (``contrib_type`` "reviewer", as JATS4R tags peer reviewers).

    Why: an editor is a contributor (JATS4R: ``contrib-type="editor"``), not a note. Each ';'-separated part
    is a name, then the affiliation printed with it; the name is split as the byline's names are. The label as
    printed ('Academic Editor') becomes the role, so the item's text is kept whole and in one place. When a
    part does not begin with a personal name, None: the item stays a note rather than lose anything.
    """
    out: list[Contributor] = []
    iberian = is_iberian(doc.text)
    for part in re.split(r"\s*;\s*", text.strip().rstrip(".").strip()):
        name, _, aff = part.partition(",")
        name, aff = name.strip(), aff.strip()
        if not name or not looks_like_person(name) or looks_institution(name):
            return None
        try:
            given, surname, suffix = split_person(name, iberian=iberian)
            c = Contributor(contrib_type=contrib_type, surname=surname, given_names=given, suffix=suffix,
                            role=label.strip())
            if aff:
                c.own_affiliations.append(Affiliation(id=f"aff-ed{len(art.editors) + len(out) + 1}", text=aff,
                                                      country=_country(aff)))
        except ValidationError:
            return None
        c.provenance["name"] = span
        out.append(c)
    return out or None


def _join_wrapped(text: str, nxt: str) -> str:
    """Join a wrapped line; a word hyphenated at the line end ('differentia-' / 'tion') is rejoined."""
    if text.endswith("-") and nxt[:1].islower() and len(text) > 1 and text[-2].isalpha():
        return text[:-1] + nxt
    return f"{text} {nxt}" if text else nxt


# ------------------------------------------------------------------ the article a notice is about

#: @article-type of a notice -> @related-article-type of the article it is about (PMC and JATS4R values)
NOTICE_TARGETS = {"correction": "corrected-article", "retraction": "retracted-article",
                  "expression-of-concern": "object-of-concern", "addendum": "addended-article"}
#: a notice's title names its kind, then repeats the title of the article it is about ('Correction: Pollen
#: and Phytolith Evidence ...'); the kinds the article-type plugins read from a title
_NOTICE_TITLE = re.compile(r"^(?P<w>correction|erratum|corrigendum|errata|retraction|retratação|expression of concern)"
                           r"\b\s*(?:(?:to|for|of)\b\s*)?(?:[:\-–—]\s*|$)", re.I)
_NOTICE_WORDS = {"correction": "correction", "erratum": "correction", "corrigendum": "correction",
                 "errata": "correction", "retraction": "retraction", "retratação": "retraction",
                 "expression of concern": "expression-of-concern"}
#: how far into a notice's own text the article it is about is named ('In PLoS Computational Biology,
#: volume 3, issue 3, doi:10.1371/journal.pcbi.0030051:', 'Correction to: Nature Communications https://...')
_OPENING_CHARS = 400


def notice_kind(doc: Document, art: Article) -> str | None:
    """The notice kind (an @article-type in :data:`NOTICE_TARGETS`) the text shows, or None.

    The printed label decides, as it does for the article-type plugins; only without one does the title's
    first word ('Correction: ...', 'Retraction: ...').
    """
    kind = doc.type_label_value
    if kind is None and art.title:
        m = _NOTICE_TITLE.match(art.title.strip())
        kind = _NOTICE_WORDS[m.group("w").casefold()] if m else None
    return kind if kind in NOTICE_TARGETS else None


def _norm_words(text: str) -> str:
    return " ".join(_WORD_OR_NUM.findall(text.casefold()))


_WORD_OR_NUM = re.compile(r"\w+")


def _other_dois(text: str, own: str) -> list[tuple[str, int, int]]:
    """The DOIs in ``text`` other than the article's own (nor a piece of it cut at a line end), with spans."""
    out = []
    for m in _DOI.finditer(text):
        d = normalize_doi(m.group(0))
        low = d.casefold()
        if not DOI_RE.match(d) or low.endswith("/") or own and (own.startswith(low) or low.startswith(own)):
            continue
        out.append((d, m.start(), m.start() + len(d)))
    return out


def _extract_related(doc: Document, art: Article, fr: _Front, body: list[Line]) -> None:
    """For a correction, retraction, expression of concern or addendum: the article it is about.

    Why: PMC and JATS4R ask a notice for ``<related-article>`` naming its subject, and the text names it in
    one of three ways, tried in this order so that the strongest evidence wins:

    * a reference or paragraph that repeats the title the notice's own title quotes ('Correction: <title>')
      and gives a DOI: that reference is the corrected article;
    * a DOI in the notice's opening words ('In PLoS Computational Biology, volume 3, issue 3, doi:...:');
      later DOIs may be the corrected references themselves, so only the opening counts;
    * a line of its own that is nothing but another article's citation ('Rev Saude Publica.
      2013;47(6):1149'), kept as the element's text with its volume, issue and page.

    A DOI or citation is never made up: without one of these the notice has no related article.
    """
    kind = notice_kind(doc, art)
    if kind is None:
        return
    rtype = NOTICE_TARGETS[kind]
    own = (art.doi or "").casefold()
    title_end = art.provenance["title"].end if "title" in art.provenance else -1
    after = [k for k, ln in enumerate(fr.lines) if ln.stripped and doc.to_original(ln.start) >= title_end]
    opening = [(fr.lines[k], k) for k in after if not fr.used[k]] + [(ln, None) for ln in body if ln.stripped]

    m = _NOTICE_TITLE.match((art.title or "").strip())
    quoted = _norm_words((art.title or "").strip()[m.end():]) if m else ""
    if len(quoted.split()) >= 3:
        chunks: list[tuple[str, Span | None]] = [(r.raw, r.provenance.get("raw")) for r in art.references]
        chunks += [(_join(block), Span(start=doc.to_original(block[0].start), end=doc.to_original(block[-1].end)))
                   for block in _paragraph_runs([ln for ln, _k in opening])]
        for text, where in chunks:
            dois = _other_dois(text, own)
            if dois and quoted in _norm_words(text):
                _add_related(art, RelatedArticle(related_type=rtype, doi=dois[0][0]), where)
                return
    seen = 0
    for run in _paragraph_runs([ln for ln, _k in opening]):
        if _own_citation(art, _join(run)):
            continue  # the notice's own citation and DOI, wherever the page layout left them
        for ln in run:
            for d, s0, s1 in _other_dois(ln.text, own):
                if seen + s0 < _OPENING_CHARS:
                    where = Span(start=doc.to_original(ln.start + s0), end=doc.to_original(ln.start + s1))
                    _add_related(art, RelatedArticle(related_type=rtype, doi=d), where)
                    return
            seen += len(ln.stripped) + 1
        if seen >= _OPENING_CHARS:
            break
    for ln, k in opening:
        if k is None:
            break  # body text stays where it is, so it is not taken into the front matter twice
        ra = _related_citation(art, ln.stripped, rtype)
        if ra is not None:
            _add_related(art, ra, Span(start=doc.to_original(ln.start), end=doc.to_original(ln.end)))
            fr.use(k)
            return


def _own_citation(art: Article, text: str) -> bool:
    """Is ``text`` the article's own citation: labelled as one, or naming its own volume and first page?"""
    if _CITE_LINE.match(text):
        return True
    facts = parse_citation(text) if art.volume else None
    pages = facts.values.get("pages") or facts.values.get("eloc") if facts is not None else None
    if facts is None or facts.values.get("volume", ("",))[0] != art.volume or pages is None:
        return False
    fp, _lp, eloc = split_pages(pages[0])
    return (eloc or fp) in (art.fpage, art.elocation_id)


def _add_related(art: Article, ra: RelatedArticle, where: Span | None) -> None:
    if where is not None:
        ra.provenance["doi" if ra.doi else "citation"] = where
    art.related_articles.append(ra)


def _paragraph_runs(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines that follow each other in the text with no blank line between: paragraphs, roughly."""
    runs: list[list[Line]] = []
    for ln in lines:
        if runs and runs[-1][-1].end + 1 == ln.start:
            runs[-1].append(ln)
        else:
            runs.append([ln])
    return runs


def _related_citation(art: Article, s: str, rtype: str) -> RelatedArticle | None:
    """A line that is wholly another article's citation ('Rev Saude Publica. 2013;47(6):1149'), or None.

    The whole line must be the citation (journal at its start, pages at its end), and it must not be the
    notice's own (same volume and first page or article number).
    """
    facts = parse_citation(s)
    if facts is None or facts.shape != "citation":
        return None
    v = facts.values
    if not {"journal", "year", "volume", "pages"} <= v.keys() or v["journal"][1] > 0 \
            or s[v["pages"][2]:].strip(" .;"):
        return None
    fp, _lp, eloc = split_pages(v["pages"][0])
    page = eloc or fp
    if v["volume"][0] == art.volume and page in (art.fpage, art.elocation_id):
        return None
    try:
        return RelatedArticle(related_type=rtype, citation=s, volume=v["volume"][0],
                              issue=v["issue"][0] if "issue" in v else None, page=page)
    except ValidationError:
        return None
