"""Stage 4, extract: segments -> the document model.

Each value is set through :func:`journalkit.readers.common.put`, which
validates it (pydantic) and records where in the input it came from; a value
the model rejects (a DOI that is not one, a year in the future) becomes a
report entry, never output. Front matter, body and reference list have a
module each (front.py, body.py, reflist.py).
"""

from __future__ import annotations

import functools
import re
import types
import typing
import unicodedata

from pydantic import BaseModel

from ..document import Document, Line
from ..model import Article, Paragraph, Section, Span
from .authors import letter_label_set, letter_labels
from .body import _extract_body, find_citations  # noqa: F401
from .common import _DOI, _URL, _join, put, split_name  # noqa: F401
from .front import (
    ABSTRACT_SECTION,
    OTHER_ABSTRACT,
    _author_details,
    _body_history,
    _extract_abstract,
    _extract_corresp,
    _extract_dates,
    _extract_front,
    _extract_front_notes,
    _extract_keywords,
    _extract_license,
    _extract_other_abstracts,
    _extract_related,
    _extract_self_uri,
    _extract_subjects,
    _find_citation,
    _find_doi,
    _find_type_label,
    _Front,
    _is_furniture,
    abstract_end,
    detect_language,
    heading_language,
    keyword_groups,
)
from .reflist import _split_references
from .segment import ABSTRACT_HEADING, FIELD_LABEL, Segments

__all__ = ["extract", "put", "split_name", "find_citations"]

# a section number before the references heading ("7. References") is numbering, not title
_REF_NUMBER = re.compile(r"^\s*\d+\.?\s*")


# ------------------------------------------------------------------ entry


def extract(doc: Document) -> Article:
    """Build the model from ``doc.segments`` (no plugin hooks are called here)."""
    seg = doc.segments
    _reclaim_abstract(seg)
    _reclaim_other_abstracts(seg)
    _reclaim_facts_box(seg)
    foot_from = len(seg.front)
    if seg.first_page_foot:
        seg.front = seg.front + seg.first_page_foot
        seg.first_page_foot = []
    art = Article()
    in_front = {ln.start for ln in seg.front}
    fr = _Front(seg.front, {ln.start for ln in seg.first_page_furniture})
    fr.foot_from = foot_from
    # the article's own lines outside the reference list, front matter first, with the first page's running
    # head wherever it stood (its facts: journal, year, volume)
    meta_lines = [ln for ln in seg.front + [ln for ln in seg.first_page_furniture if ln.start not in in_front]
                  + seg.back + seg.body if ln.stripped]
    head_lines = [ln for ln in seg.front if ln.stripped]
    _find_type_label(doc, fr, meta_lines)
    _find_citation(doc, art, fr, meta_lines, {ln.start for ln in seg.first_page_furniture})
    # affiliations labelled with letters: a byline may print them glued to the names ('Schallmoa,*')
    with letter_labels(letter_label_set([ln.stripped for ln in fr.lines])):
        _extract_front(doc, art, fr, doc.lines())
    _find_doi(doc, art, head_lines + seg.back)
    if art.doi:
        for i, ln in enumerate(fr.lines):
            if art.doi in ln.text and _DOI.fullmatch(ln.stripped.split("/", 3)[-1]) is None \
                    and _is_doi_line(ln.stripped, art.doi):
                fr.use(i)
    _extract_dates(doc, art, fr)
    _extract_license(doc, art, fr)
    # the whole text's word counts, already made for the byline's name connectors (is_iberian): a
    # Portuguese or Spanish body outweighs an English reference list or translated abstract
    art.language = detect_language(doc.text)
    _extract_keywords(doc, art, fr, seg.back + seg.references)
    _extract_abstract(doc, art, fr)
    _extract_other_abstracts(doc, art, fr)
    _extract_self_uri(doc, art, fr)
    _extract_subjects(doc, art, fr)
    _split_references(doc, art, seg.references)
    if seg.references_heading is not None and art.references:
        art.references_title = _REF_NUMBER.sub("", seg.references_heading.stripped) or None
    # a web page's 'About this article' box (Received / Accepted / Published) after the references
    back_fr = _Front(seg.back)
    _extract_dates(doc, art, back_fr, fill_only=True)
    lic_at = next((k for k, ln in enumerate(seg.back) if _LICENCE_HEADING.match(ln.stripped)), None)
    if art.license is None and lic_at is not None:
        # a web page prints the licence under 'Rights and permissions' or 'License' after the references (only
        # there: a dataset's 'CC0 waiver' or a site footer's licence is not the article's)
        lic_fr = _Front(seg.back[lic_at + 1:lic_at + 1 + _LICENCE_LINES])
        _extract_license(doc, art, lic_fr)
        if art.license is not None:
            back_fr.use(lic_at, *(lic_at + 1 + k for k, used in enumerate(lic_fr.used) if used))
    dated = {k for k, used in enumerate(back_fr.used) if used}
    used_back = _extract_corresp(doc, art, seg.front, seg.back, seg.body, seg.references, taken=dated)
    used_back += sorted(dated - set(used_back))
    # the front-matter lines the correspondence note took are placed, not leftovers
    for note in art.author_notes:
        span = note.provenance.get("text")
        for i, ln in enumerate(fr.lines):
            if span is not None and ln.stripped and span.start <= doc.to_original(ln.start) < span.end:
                fr.use(i)
    # BMC's and Springer's history dates and full affiliation list at the article's end: the lines leave the
    # body as the front matter's do
    dated_body = _body_history(doc, art, seg.body) | _author_details(doc, art, seg.body)
    body_dates = [seg.body[k] for k in sorted(dated_body)]
    if dated_body:
        seg.body = [ln for k, ln in enumerate(seg.body) if k not in dated_body]
    _extract_body(doc, art, seg.body)
    _extract_front_notes(doc, art, fr)
    _extract_related(doc, art, fr, seg.body)
    # leftover back-matter text goes to notes so nothing is lost
    rest = [ln for k, ln in enumerate(seg.back) if k not in used_back and ln.stripped]
    if rest:
        art.notes.append(Section(paragraphs=[Paragraph(text=_join(rest))]))
    _unplaced_front(doc, art, fr)
    _report_consumed(doc, art, [ln for k, ln in enumerate(fr.lines) if fr.used[k] and ln.stripped]
                     + [seg.back[k] for k in sorted(dated)] + body_dates)
    _record_provenance(doc, art)
    return art


_DOI_RESOLVER = re.compile(r"https?://(?:dx\.)?doi\.org/", re.I)
_DOI_LABEL = re.compile(r"doi:\s*", re.I)


def _is_doi_line(s: str, doi: str) -> bool:
    r"""Is ``s`` the DOI alone, maybe after 'https://doi.org/' or 'doi:', in any case?

    What ``re.fullmatch(r"(?:https?://(?:dx\.)?doi\.org/|doi:\s*)?" + re.escape(doi), s, re.I)`` says,
    without compiling a pattern for each article's DOI. A DOI opens with "10.", so the label's spaces
    are all before it, and each way of reading the prefix leaves one rest to compare.
    """
    rests = [s]
    for prefix in (_DOI_RESOLVER, _DOI_LABEL):
        m = prefix.match(s)
        if m:
            rests.append(s[m.end():])
    for rest in rests:
        if rest.isascii() and doi.isascii():
            if rest.lower() == doi.lower():  # case-insensitive matching, for ASCII
                return True
        elif re.fullmatch(re.escape(doi), rest, re.I):
            return True
    return False


def _fold(text: str) -> str:
    """NFKC and lower case, as the word comparison (and the scorer's tokens) see text.

    A long text is normalised in pieces cut just before a space: a space is a starter that composes
    with nothing, so normalisation never reaches across it, and the pieces without a character to
    change pass the normaliser's quick check at once, where one such character anywhere made it
    rebuild the whole text (the body and reference list of every article, most of this step).
    """
    if len(text) <= _FOLD_PIECE:
        return unicodedata.normalize("NFKC", text).lower()
    pieces = []
    start = 0
    while start < len(text):
        cut = text.find(" ", start + _FOLD_PIECE)
        if cut == -1:
            cut = len(text)
        pieces.append(unicodedata.normalize("NFKC", text[start:cut]))
        start = cut
    return "".join(pieces).lower()


_FOLD_PIECE = 2048


def _words(text: str) -> set[str]:
    """The words of ``text`` that say something: four word characters or more."""
    return set(_WORD4.findall(_fold(text)))


_WORD4 = re.compile(r"\w{4,}")
#: model fields that hold codes, not printed text ('received' as a date type is not the word 'Received')
_NOT_TEXT = frozenset({"provenance", "date_type", "contrib_type", "kind", "journal_id_type", "related_type",
                       "sec_type", "abstract_type", "publication_type", "article_type",
                       "article_type_evidence", "language", "styled_jats", "styled_style"})
#: the long parts of the model, searched only for the words the front matter does not hold
_LONG_PARTS = frozenset({"body", "references", "notes", "appendices", "ack"})


def _model_text(obj: object, out: list[str]) -> list[str]:
    """Every string value of a model (not its provenance or codes): the text the writer can put out.

    The strings ``obj.model_dump()`` holds, in its order, read off the objects themselves: dumping the
    body to dicts first and walking the dicts cost twice as much. A model's fields are read by the plan
    of :func:`_text_plan`: string fields are taken and number fields skipped without a call each (a
    paragraph holds dozens of citations of five fields).
    """
    if isinstance(obj, str):
        out.append(obj)
    elif isinstance(obj, BaseModel):
        for name, kind in _text_plan(type(obj)):
            val = getattr(obj, name)
            if kind is _STR:
                if isinstance(val, str):
                    out.append(val)
            elif kind is _STRS and isinstance(val, list):
                out.extend([v for v in val if isinstance(v, str)])
            elif val is not None:
                _model_text(val, out)
    elif isinstance(obj, dict):
        for key, val in obj.items():
            if key not in _NOT_TEXT:
                _model_text(val, out)
    elif isinstance(obj, (list, tuple)):
        for val in obj:
            _model_text(val, out)
    return out


#: how :func:`_model_text` reads a field: a string (or None), a list of strings, anything else (walked)
_STR, _STRS, _WALK = "str", "strs", "walk"


@functools.lru_cache(maxsize=64)
def _text_plan(cls: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """The fields of ``cls`` that :func:`_model_text` reads, in the order ``model_dump`` writes them, each
    with how to read it (from its annotation); fields that hold only numbers or flags are left out."""
    plan = []
    for name, info in cls.model_fields.items():
        if name in _NOT_TEXT:
            continue
        kind = _field_kind(info.annotation)
        if kind is not None:
            plan.append((name, kind))
    return tuple(plan)


def _field_kind(tp: object) -> str | None:
    """:data:`_STR`, :data:`_STRS` or :data:`_WALK` for a field annotation; None for one that holds no text."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Annotated:
        return _field_kind(args[0])
    if tp is str or origin is typing.Literal and all(isinstance(a, str) for a in args):
        return _STR
    if tp in (int, float, bool, type(None)):
        return None
    if origin in (typing.Union, types.UnionType):
        kinds = {_field_kind(a) for a in args} - {None}
        if not kinds:
            return None
        return _STR if kinds == {_STR} else _WALK
    if origin is list and len(args) == 1 and _field_kind(args[0]) is _STR:
        return _STRS
    return _WALK


@functools.lru_cache(maxsize=64)
def _text_fields(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of ``cls`` that :func:`_model_text` reads, in the order ``model_dump`` writes them."""
    return tuple(name for name in cls.model_fields if name not in _NOT_TEXT)


def _has_word(text: str, word: str) -> bool:
    """Does ``word`` stand in ``text`` as a whole word? (str.find: a look-behind pattern scans far slower)"""
    i = text.find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not _is_word_char(text[i - 1])) and (end == len(text) or not _is_word_char(text[end])):
            return True
        i = text.find(word, i + 1)
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _report_consumed(doc: Document, art: Article, lines: list[Line]) -> None:
    """Report the lines a field read only for their values ('PLOS ONE | ISSN 1932-6203', 'Home > PLOS ONE >
    Articles > Article', 'Published online August 14, 2017. doi:...', 'Received' / '2004 Apr 27').

    Why: the promise is that nothing the user gave is lost. A citation line, running head, breadcrumb or
    date line gives the output its journal, year, DOI or dates, but its other words (labels, the site's
    navigation) are then in neither the output nor the report. A line whose every word is somewhere in the
    model's text or an existing report entry needs nothing; any other gets a ``front-line`` entry with the
    line as printed and its offset in the user's file. The front-matter fields are compared first; the
    body and reference list are searched only for the few words still missing (a word-set of the whole
    text cost more than the rest of this step).
    """
    cand = [(ln, _words(ln.stripped)) for ln in lines]
    need: set[str] = set().union(*(ws for _, ws in cand))
    if not need:
        return
    front = [getattr(art, name) for name in _text_fields(Article) if name not in _LONG_PARTS]
    known = _words(" ".join(_model_text(front, [])))
    known |= _words(" ".join(e.original or "" for e in doc.report.entries))
    missing = need - known
    if missing:
        # a reference is written as its raw string, which holds every field of it
        long_parts = [getattr(art, name) for name in _text_fields(Article)
                      if name in _LONG_PARTS and name != "references"]
        long_text = _fold(" ".join(_model_text(long_parts, [r.raw for r in art.references])))
        missing = {w for w in missing if not _has_word(long_text, w)}
    for ln, ws in cand:
        if ws & missing:
            doc.report.add("extract", "front-line", "line read for its values only; the line as printed is "
                           "kept in the report", original=ln.stripped, offset=doc.to_original(ln.start))


#: a text browser's list bullet before a sentence of six words or more ('* Contextual factors are extremely
#: important in ...'), no e-mail or note label in it
_BULLET_POINT = re.compile(r"^\*\s+(?!.*\b(?:correspond\w*|e-?mail\w*|present address|these authors|"
                           r"contributed equally|equal contributors?)\b)(?:[^\s@]+\s+){5}[^@]*$", re.I)


def _bullet_point(s: str) -> bool:
    """A list item of a box printed in the front matter ('Summary Points' over its bullets), which is text.

    Why: a text browser prints a list item as '* item', the mark of a footnote ('* Correspondence: ...'),
    which reads as page furniture; the box's points would only reach the report. A bullet before a
    sentence is kept with the unplaced front text, an author note ('* These authors contributed equally')
    or an address is not taken for one.
    """
    return s.startswith("*") and bool(_BULLET_POINT.match(s))


def _over_bullets(fr: _Front, i: int) -> bool:
    """Whether the first text line from ``i`` on is an unused bullet point: the label above is the box's title."""
    nxt = next((k for k in range(i, len(fr.lines)) if fr.lines[k].stripped), None)
    return nxt is not None and not fr.used[nxt] and _bullet_point(fr.lines[nxt].stripped)


def unplaced_blocks(fr: _Front, art: Article) -> tuple[list[list[int]], list[int]]:
    """Front-matter lines no field took: (blocks of text to keep, lines of page furniture to leave out).

    A block is a run of unused lines between blank or used lines. Page furniture (running heads,
    navigation, 'Download PDF') is left out, and so is a block made only of short labels ('Issue',
    'Published', 'Section'): on a journal web page those name fields whose values were read elsewhere.
    """
    blocks: list[list[int]] = []
    skipped: list[int] = []
    cur: list[int] = []
    for i, ln in enumerate([*fr.lines, None]):
        if ln is None or not ln.stripped or fr.used[i]:
            if cur:
                if all(len(fr.lines[k].stripped.split()) <= 3 for k in cur) and len(cur) <= 2 \
                        and not _over_bullets(fr, i):
                    skipped += cur
                else:
                    blocks.append(cur)
                cur = []
            continue
        # a lowercase line inside a run of text goes on a sentence ('published in four leading
        # journals ...'), whatever label its first word looks like
        goes_on = bool(cur) and ln.stripped[:1].islower() and not (_DOI.search(ln.stripped) or _URL.search(ln.stripped))
        if i in fr.furniture or not goes_on and not _bullet_point(ln.stripped) and _is_furniture(ln.stripped, art):
            skipped.append(i)
        else:
            cur.append(i)
    return blocks, skipped


def _unplaced_front(doc: Document, art: Article, fr: _Front) -> None:
    """Put front-matter text that fits no field into a back-matter note, with a warning.

    Why: issue 5 asks that nothing be dropped silently. An author summary, a translated abstract or
    body text the page layout moved into the front matter is still the article's text; a
    ``<notes notes-type="unplaced">`` section keeps it in the output, in input order, for an editor
    to move, and the report says where each piece came from. Page furniture is only reported.
    """
    blocks, skipped = unplaced_blocks(fr, art)
    paras = []
    for block in blocks:
        first, last = fr.lines[block[0]], fr.lines[block[-1]]
        para = Paragraph(text=_join([fr.lines[k] for k in block]))
        para.provenance["text"] = Span(start=doc.to_original(first.start), end=doc.to_original(last.end))
        paras.append(para)
        doc.report.warn("extract", "front-line", "front-matter text not mapped to a field: kept in the back "
                        "matter as an unplaced note", original=_join([fr.lines[k] for k in block])[:500],
                        offset=doc.to_original(first.start))
    for k in skipped:
        ln = fr.lines[k]
        doc.report.add("extract", "front-line", "front-matter line read as page furniture (kept in the report)",
                       original=ln.stripped, offset=doc.to_original(ln.start))
    if paras:
        art.notes.append(Section(sec_type="unplaced", paragraphs=paras))


def _reclaim_abstract(seg: Segments) -> None:
    """Give the front matter back a structured abstract that segmentation cut at its first section title.

    Why: the segmenter starts the body at the first body-like heading, and a structured abstract's
    'Background' / 'Objective' title right under the 'Abstract' heading reads like one, leaving the
    abstract heading with nothing under it and the abstract in the body. Only when the front matter has
    an abstract heading with no text after it and the body opens with an abstract section title are the
    lines up to the abstract's end moved back.
    """
    head = next((i for i, ln in enumerate(seg.front) if ABSTRACT_HEADING.match(ln.text)), None)
    first = next((ln for ln in seg.body if ln.stripped), None)
    if head is None or first is None or not ABSTRACT_SECTION.match(first.stripped):
        return
    tail = seg.front[head + 1:]
    # the abstract must still be open at the end of the front matter (nothing there ended it)
    last = max((k + 1 for k, ln in enumerate(tail) if ln.stripped), default=0)
    if abstract_end(tail, 0) < last:
        return
    end = abstract_end(tail + seg.body, 0) - len(tail)
    if end <= 0:
        return
    seg.front = seg.front + seg.body[:end]
    seg.body = seg.body[end:]


#: the heading a web page prints over the article's licence after the references
_LICENCE_HEADING = re.compile(r"(?:rights and permissions|licen[cs]e|copyright(?: and licen[cs]e information)?|"
                              r"permissions)\s*:?$", re.I)
#: the most lines under that heading the licence is looked for in
_LICENCE_LINES = 8


def _reclaim_facts_box(seg: Segments) -> None:
    """Give the front matter back a journal web page's box of facts that the body starts with.

    Why: an OJS page prints the article's facts under the abstract, each label over its value ('Published'
    / '2005-06-28', 'Issue' / 'Vol. 2 No. 6 (2005): PLoS Medicine', 'License' / 'This is an open-access
    ...', 'How to Cite' / the citation, 'Full Text'); when the abstract was cut out of the body at its
    section titles, the box is left at the top of the body, where its labels would become sections and
    its licence a paragraph. Two labels at least, each over one value (a line, or a block where the box
    prints blank lines), make a box; the first line that is neither ends it.
    """
    body = seg.body
    n = len(body)
    i = next((k for k, ln in enumerate(body) if ln.stripped), n)
    labels = end = 0
    while i < n and FIELD_LABEL.match(body[i].stripped):
        labels += 1
        if body[i].stripped.casefold().startswith("full text"):
            end = i + 1
            break  # the label over the article's text: the body starts under it
        i += 1
        spaced = i < n and not body[i].stripped  # a box printed with blank lines: a value is a block
        while i < n and not body[i].stripped:
            i += 1
        if i < n and not FIELD_LABEL.match(body[i].stripped):
            # the value: one line, or the block of lines up to the next blank line
            while i < n and body[i].stripped:
                i += 1
                if not spaced:
                    break
        end = i
        while i < n and not body[i].stripped:
            i += 1
    if labels >= 2 and end:
        seg.front = seg.front + body[:end]
        seg.body = body[end:]


def _reclaim_other_abstracts(seg: Segments) -> None:
    """Give the front matter back the summaries and translated abstracts the body starts with.

    Why: with no heading that opens the body, the segmenter starts it at the first heading after the
    abstract, and on a web page that is often 'Author Summary' or 'RESUMO' with its section titles and
    keyword group; left there, a Portuguese abstract becomes the article's first sections. Only a heading
    that names an abstract, at the very top of the body, is moved back, with the text up to the abstract's
    end and a keyword group printed right after it; the body then starts where the abstract ends.
    """
    last = next((k for k in range(len(seg.front) - 1, -1, -1) if seg.front[k].stripped), None)
    hm = OTHER_ABSTRACT.match(seg.front[last].text) if last is not None else None
    if last is not None and hm and not hm.group(2):
        # the heading closes the front matter and its text opens the body (a PDF's 'Editors' Summary' over
        # a 'Background' the segmenter took for the body's first heading)
        tail = seg.front[last:]
        end = abstract_end(tail + seg.body, 1, questions=heading_language(hm.group(1)) is None) - len(tail)
        if end > 0:
            end = _with_keywords(seg.body, end)
            seg.front = seg.front + seg.body[:end]
            seg.body = seg.body[end:]
    while True:
        lead = [k for k, ln in enumerate(seg.body[:40]) if ln.stripped][:3]
        # the heading, or a pointer to it right before it ('Please see later in the article for the Editors'
        # Summary'): short lines that name the heading
        first = next((k for k in lead if OTHER_ABSTRACT.match(seg.body[k].text)), None)
        if first is None:
            return
        m = OTHER_ABSTRACT.match(seg.body[first].text)
        name = m.group(1).casefold() if m else ""
        if any(len(seg.body[k].stripped) > 150 or name not in seg.body[k].stripped.casefold()
               for k in lead if k < first):
            return
        end = abstract_end(seg.body, first + 1, questions=heading_language(name) is None)
        if not any(ln.stripped for ln in seg.body[first + 1:end]):
            return
        end = _with_keywords(seg.body, end)
        seg.front = seg.front + seg.body[:end]
        seg.body = seg.body[end:]


def _with_keywords(lines: list[Line], end: int) -> int:
    """``end``, or past the keyword group printed right after it (an abstract's 'Palavras-chave')."""
    groups = keyword_groups(lines[end:end + 40])
    k = end
    while k < len(lines) and not lines[k].stripped:
        k += 1
    if groups and groups[0][0] == k - end:
        return end + groups[0][1]
    return end


def _record_provenance(doc: Document, art: Article) -> None:
    """Copy every model object's provenance into the report as ``field path -> {start, end, text}``,
    offsets and text from the file the user gave, so an editor can check each value against it."""

    def walk(obj: object, path: str) -> None:
        prov = getattr(obj, "provenance", None)
        if isinstance(prov, dict):
            for name, span in prov.items():
                key = f"{path}.{name}" if path else name
                doc.report.provenance[key] = {"start": span.start, "end": span.end,
                                              "text": doc.original[span.start:span.end]}
        for fname in ("journal", "license", "abstract"):
            child = getattr(obj, fname, None) if obj is art else None
            if child is not None:
                walk(child, fname)
        if obj is art:
            for listname in ("contributors", "editors", "affiliations", "author_notes", "other_abstracts",
                             "trans_abstracts", "trans_titles", "trans_keywords"):
                for k, item in enumerate(getattr(art, listname)):
                    walk(item, f"{listname}[{k}]")

    walk(art, "")
