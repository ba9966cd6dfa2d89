"""From a reference string to a :class:`~journalkit.model.Reference`.

The CRF labels tokens; everything after that is deterministic: runs of one
label become field spans of the original string, identifiers found by exact
rules override the model, author blocks are split into names, page ranges
are expanded and the publication type is inferred from which fields were
found. Nothing is ever written that the string does not hold, except the
normalised forms the model asks for (``lpage`` 1087 for ``1081-7``, a DOI
without its resolver prefix).
"""

from __future__ import annotations

import gc
import json
import re
import threading
from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..model import DOI_RE, Reference, RefField, RefName, issn_checksum_ok, normalize_doi
from .features import sequence_features
from .names import NameSpan, split_names
from .tokens import Token, tokenize

__all__ = ["ReferenceParser", "expand_lpage", "repair_doi", "restore_doi_hyphens", "infer_type", "default_model_paths"]

_MULTI = {"author", "editor"}
_PAGE_RANGE_RE = re.compile(r"^(\S+?)\s*[-\u2010-\u2015\u2212]+\s*(\S+)$")
_PMID_CUE_RE = re.compile(r"(?:PMID|PubMed(?:\s+ID)?)\s*:?\s*$", re.IGNORECASE)
_PMCID_RE = re.compile(r"PMC\d{4,9}")
_ETAL_RE = re.compile(r"\s*,?\s*(et\.?\s*al\.?|and\s+others|u\.\s*a\.|e\.\s*a\.)", re.IGNORECASE)
_EDS_AFTER_RE = re.compile(r"\s*[,.]?\s*[(\[]?\s*(?:eds?\b|editors?\b|editor\(s\)|hrsg\b)", re.IGNORECASE)
_BOOKLIKE = {"book", "thesis", "report", "web", "preprint", "data", "software", "other"}


def default_model_paths() -> tuple[Path, Path]:
    """The shipped model and lexicon (package data of ``journalkit.refparse``)."""
    base = Path(str(resources.files("journalkit.refparse") / "data"))
    return base / "refs.crfsuite", base / "refs-lexicon.json"


def expand_lpage(fpage: str, lpage: str) -> str:
    """``1081``, ``7`` -> ``1087``: the last page as a full number.

    Only for plain numbers where the short form is shorter than the first
    page; a wrap (``1099-02``) carries into the next hundred.
    """
    if not (fpage.isdigit() and lpage.isdigit()) or len(lpage) >= len(fpage):
        return lpage
    full = fpage[: len(fpage) - len(lpage)] + lpage
    if int(full) < int(fpage):
        full = str(int(full) + 10 ** len(lpage))
    return full


def repair_doi(text: str) -> str | None:
    """The DOI as the model wants it, or ``None`` when a safe repair is not enough.

    Safe means: drop a resolver or ``doi:`` prefix, whitespace inside the
    DOI (line breaks of the source) and trailing sentence punctuation.
    """
    v = normalize_doi(re.sub(r"\s+", "", text))
    while v and v[-1] in ".,;:)]}" and not DOI_RE.match(v):
        v = v[:-1]
    if v.endswith(")") and v.count("(") < v.count(")"):
        v = v[:-1]
    return v if DOI_RE.match(v) else None


#: where a DOI suffix embeds a journal's ISSN printed "dddd-dddX": a publisher item identifier before its
#: "(year)" ("S0140-6736(22)..."), SciELO's "S0103-7331" + 13 digits, Wiley/Blackwell's "j.1752-8062.2010...",
#: and a SICI-like suffix that opens with the ISSN before "(" ("0166-6851(92)..."). Schemes that print the
#: ISSN without its hyphen (Cambridge "S0952523800...", Taylor & Francis "00207721.2011...") do not fit these
#: shapes and are left alone.
_ISSN_IN_DOI_RE = re.compile(r"(?<=/)(?:(S|j\.)(\d{7}[\dX])(?=(?<=S.{8})(?:\(|\d{13}$)|(?<=j\..{8})\.)"
                             r"|()(\d{7}[\dX])(?=\())")
#: Springer Nature's article suffix, "s" + journal number + year + article number + check character
_SPRINGER_SUFFIX_RE = re.compile(r"(?<=/)s(\d{5})(-?)(\d{3})(-?)(\d{4})(-?)([\dxX])$")


def restore_doi_hyphens(doi: str) -> str:
    """``doi`` with the hyphens that text extraction dropped put back where the DOI's own structure proves them.

    pdftotext joins a DOI broken after a hyphen at a line end and loses the hyphen ("10.1016/S0140-" +
    "6736(22)..." -> "S01406736(22)"); the printed string keeps that damage, but the identifier must resolve.
    A hyphen is restored only with evidence: an ISSN where a publisher's scheme puts one (its check digit must
    hold, so an arbitrary run of eight digits is refused ten times in eleven), or Springer's fixed
    "sNNNNN-YYY-NNNN-C" grouping when the other hyphens of that grouping are printed.
    """
    def issn(m: re.Match[str]) -> str:
        lead, d = (m.group(1), m.group(2)) if m.group(2) else (m.group(3), m.group(4))
        return lead + (d[:4] + "-" + d[4:] if issn_checksum_ok(d) else d)

    out = _ISSN_IN_DOI_RE.sub(issn, doi) if "/" in doi else doi
    m = _SPRINGER_SUFFIX_RE.search(out)
    if m and sum(1 for g in (2, 4, 6) if m.group(g)) == 2:
        out = out[:m.start()] + f"s{m.group(1)}-{m.group(3)}-{m.group(5)}-{m.group(7)}"
    return out


_SERVER_RE = re.compile(r"\b(?:arxiv|biorxiv|medrxiv|ssrn|research square|preprints\.org)\b", re.IGNORECASE)
_DATA_CUE_RE = re.compile(r"\b(?:data\s?set|dataset|data repository|dryad|figshare|zenodo)\b")
_DATA_REPO_RE = re.compile(r"\b(?:dryad|figshare|zenodo)\b")
# a lowercase word (not an identifier cue) right after a DOI: the DOI interrupts a sentence
_PROSE_AFTER_RE = re.compile(r"\s+(?!(?:doi|pmid|pmcid|pmc|http|https|www|epub)\b)[a-z]{2,}\b")
# a year as JATS4R wants it inside <year>: four digits and nothing else
_YEAR_DIGITS_RE = re.compile(r"(?<!\d)(?:1\d{3}|20\d{2})(?!\d)")


def infer_type(raw: str, found: Mapping[str, str]) -> str:
    """journal, book, chapter, confproc, thesis, report, preprint, web, data, software or other.

    Never ``None``: JATS4R makes ``@publication-type`` mandatory on every
    citation. A type is only claimed where the JATS4R rules for it can be
    met from the string: ``preprint`` needs a server or an identifier to
    follow (a bare "[Preprint]" note is not enough), ``data`` needs a
    repository (a journal article whose title says "dataset" stays a journal
    article). With no cue at all the fields found decide, and ``other``
    (accepted by JATS4R, with a warning) is the honest last resort.
    """
    low = raw.lower()
    cont = (found.get("container") or "").lower()
    followable = found.get("arxiv") or found.get("doi") or found.get("url")
    if found.get("arxiv") or _SERVER_RE.search(cont or low) or (
            re.search(r"\bpreprint\b", cont or low) and followable):
        return "preprint"
    if re.search(r"\b(?:thesis|dissertation|ph\.?\s?d\.?|master'?s)\b", low) and not found.get("volume"):
        return "thesis"
    if _DATA_CUE_RE.search(cont) or (not cont and _DATA_CUE_RE.search(low)) or (
            _DATA_REPO_RE.search(low) and not found.get("volume")):
        return "data"
    if re.search(r"\b(?:software|github\.com|r package|version \d)", low):
        return "software"
    if cont:
        if re.search(r"\b(?:proc\.?|proceedings|conference|conf\.|symposium|workshop|congress|meeting)\b", cont):
            return "confproc"
        if found.get("editor") or re.search(r"(?:^|[\s.,])in:?\s", low) and (found.get("publisher")
                                                                             or found.get("location")):
            return "chapter"
        if found.get("publisher") and not found.get("volume"):
            return "chapter"
        return "journal"
    if re.search(r"\b(?:report|working paper|technical note|white paper)\b", low):
        return "report"
    if found.get("url") and not (found.get("publisher") or found.get("location")):
        return "web"
    if found.get("title"):
        return "book"
    # no title or container found: fall back on what the other fields say
    if found.get("publisher") or found.get("location"):
        return "book"
    if (found.get("volume") and found.get("pages")) or found.get("pmid") or found.get("pmcid"):
        return "journal"  # volume + pages, or a PubMed identifier: the shape of a journal article
    return "other"


class ReferenceParser:
    """A loaded CRF model plus its lexicon; one per process is enough."""

    def __init__(self, model_path: str | Path | None = None, lexicon_path: str | Path | None = None) -> None:
        import pycrfsuite

        dm, dl = default_model_paths()
        self.model_path = Path(model_path) if model_path else dm
        lexicon_file = Path(lexicon_path) if lexicon_path else dl
        if not self.model_path.is_file():
            raise FileNotFoundError(f"reference model not found: {self.model_path} (run scripts/train_refs.py)")
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        self._lock = threading.Lock()  # a crfsuite Tagger is not thread-safe
        self.lexicon: dict[str, list[str]] = json.loads(lexicon_file.read_text(encoding="utf-8"))

    # -- labelling ---------------------------------------------------------

    def label_tokens(self, tokens: Sequence[Token]) -> list[str]:
        """CRF labels, then the exact rules on top."""
        if not tokens:
            return []
        xseq = sequence_features(tokens, self.lexicon)
        with self._lock:
            labels: list[str] = list(self._tagger.tag(xseq))
        return apply_rules(tokens, labels)

    def parse(self, raw: str, id: str = "ref1", label: str | None = None) -> Reference:
        """Parse one reference string; ``raw`` is kept character for character."""
        tokens = tokenize(raw)
        labels = self.label_tokens(tokens)
        return build_reference(raw, tokens, labels, id=id, label=label)

    def parse_many(self, refs: Sequence[Reference]) -> list[Reference]:
        """Parse references that carry ``id``/``label``/``raw`` (the hook's input).

        Parsing allocates many small lists (one feature list per token) and
        no reference cycles, so Python's cyclic collector would only rescan
        them over and over: it is paused for the batch (about 8% of the
        time) and restored afterwards, when anything cyclic is collected as
        usual.
        """
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return [self.parse(r.raw, id=r.id, label=r.label) for r in refs]
        finally:
            if was_enabled:
                gc.enable()


_INITIALS_TOKEN_RE = re.compile(r"[A-Z]{1,3}")
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2212")


def _fix_structure(tokens: Sequence[Token], out: list[str]) -> None:
    """Two layout facts the model sometimes misses; both only fill tokens it left outside fields.

    * an author block never ends just before the initials of its last name
      (``Liu Y.``): initials right after a surname belong to the block;
    * after ``volume(issue):`` or ``volume:`` a number or number range is the pages.
    """
    n = len(tokens)
    for i in range(1, n):
        t = tokens[i]
        if out[i] == "O" and out[i - 1] in ("author", "editor") and _INITIALS_TOKEN_RE.fullmatch(t.text) \
                and t.space_before and tokens[i - 1].text.isalpha() and not tokens[i - 1].text.isupper() \
                and (i + 1 == n or tokens[i + 1].text in ".,;"):
            out[i] = out[i - 1]
    if "pages" in out:
        return
    for i in range(1, n - 1):
        if tokens[i].text != ":":
            continue
        k = i - 1
        if tokens[k].text == ")" and k > 0:
            k -= 1
        if out[k] not in ("volume", "issue"):
            continue
        j = i + 1
        if not (tokens[j].text.isdigit() and out[j] == "O"):
            continue
        end = j
        if j + 2 < n and tokens[j + 1].text in _DASHES and tokens[j + 2].text.isdigit() and out[j + 2] == "O" \
                and not tokens[j + 1].space_before:
            end = j + 2
        if end + 1 < n and tokens[end + 1].text not in ".,;":
            continue
        for m in range(j, end + 1):
            out[m] = "pages"
        break


#: lower-case words a journal's name may hold ('Annals of the New York Academy of Sciences')
_NAME_WORDS = frozenset("of the and in for on de des der und la le & y e".split())


def _split_title_container(tokens: Sequence[Token], out: list[str]) -> None:
    """Split a title run that swallowed the journal, or a journal run that swallowed the title: 'Divergent
    subgroups harbour divergent proteins. Environ Microbiol. 2004;6:903-10.' labelled one field.

    Why: in the Vancouver and AMA styles the journal stands between the title and the year or volume with
    only a full stop before it; where the model does not know the journal's abbreviation it reads on, and
    the reference becomes a book whose title holds the journal (or a journal named by the whole title).
    Only where the model found one of the two, in one run up to the year or volume, the run is cut at its
    last full stop after a word that is no abbreviation ('proteins.', not 'J.' or 'Biol.'), and what
    follows reads as a journal's name (at most ten words, each capitalised or a connector).
    """
    has_title, has_container = "title" in out, "container" in out
    if has_title == has_container:
        return
    lab = "title" if has_title else "container"
    n = len(tokens)
    a = out.index(lab)
    b = a
    while b < n and out[b] == lab:
        b += 1
    if lab in out[b:]:
        return
    k = b
    while k < n and tokens[k].text in ".,":
        k += 1
    if k >= n or not (out[k] in ("year", "volume") or tokens[k].text[:1].isdigit()):
        return
    for p in range(b - 2, a + 1, -1):
        prev, nxt = tokens[p - 1].text, tokens[p + 1]
        if tokens[p].text == "." and nxt.space_before and nxt.text[:1].isupper() \
                and not (prev[:1].isupper() and len(prev) <= 5) and not prev.isupper():
            break
    else:
        return
    words = [t.text for t in tokens[p + 1:b] if t.text.isalpha()]
    if not words or len(words) > 10 or any(w[:1].islower() and w not in _NAME_WORDS for w in words):
        return
    if lab == "container" and sum(t.text.isalpha() for t in tokens[a:p]) < 3:
        return  # a journal's own full stop ('Proc. Natl Acad'), not a title before it
    out[p] = "O"
    for i in range(a, p):
        out[i] = "title"
    for i in range(p + 1, b):
        out[i] = "container"


def apply_rules(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """Identifiers whose syntax is exact win over the model."""
    out = list(labels)
    n = len(tokens)
    _fix_structure(tokens, out)
    _split_title_container(tokens, out)
    for i, t in enumerate(tokens):
        if t.kind == "doi":
            out[i] = "doi"
        elif t.kind == "url":
            glued_doi = i + 1 < n and tokens[i + 1].kind == "doi" and tokens[i + 1].start == t.end
            out[i] = "O" if glued_doi else "url"
        elif t.kind == "arxiv":
            out[i] = "arxiv"
        elif _PMCID_RE.fullmatch(t.text):
            out[i] = "pmcid"
        elif t.text.isdigit() and 1 <= len(t.text) <= 9:
            # "PMID: 123", "PubMed ID 123"
            k = i - 1
            while k >= 0 and tokens[k].text in ":=":
                k -= 1
            if t.text[0] == "0":
                # PubMed numbers its records from 1 and never pads: digits with a leading zero are a piece of
                # something else (a DOI broken at a line end, "journal.pbio.0060118"), never a PMID
                if out[i] == "pmid":
                    out[i] = "O"
            elif k >= 0 and tokens[k].text.lower() in ("pmid", "pubmed"):
                out[i] = "pmid"
            elif out[i] == "pmid" and (len(t.text) < 5 or _glued_to_word(tokens, i)):
                out[i] = "O"
        elif out[i] == "pmid":
            out[i] = "O"  # a PMID is digits only
    return out


def _glued_to_word(tokens: Sequence[Token], i: int) -> bool:
    """Whether token ``i`` is written onto a word or an identifier (``pbio.123``, ``x/123``) with no space.

    A PMID the model finds without a "PMID" cue must stand on its own; digits
    glued to what precedes them are the tail of a DOI or URL split over lines.
    """
    if i == 0 or tokens[i].space_before:
        return False
    prev = tokens[i - 1]
    return prev.text in "./-_" or prev.text[-1:].isalnum()


def _label_runs(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, int, int]]:
    runs: list[tuple[str, int, int]] = []
    cur_lab: str | None = None
    cur_s = cur_e = 0
    gap_punct = True  # everything since the current run ended is punctuation
    run_has_doi = False  # the current run already holds a complete DOI token
    for t, lab in zip(tokens, labels):
        if lab == "O":
            if t.text.isalnum() or t.kind:
                gap_punct = False
            continue
        # a second complete DOI starts a run of its own: two DOIs printed one after the other are two values,
        # not one DOI broken over a line (whose pieces are not complete DOI tokens)
        second_doi = lab == "doi" and t.kind == "doi" and run_has_doi
        if lab == cur_lab and gap_punct and not second_doi:
            cur_e = t.end
        else:
            if cur_lab is not None:
                runs.append((cur_lab, cur_s, cur_e))
            cur_lab, cur_s, cur_e = lab, t.start, t.end
            run_has_doi = False
        run_has_doi = run_has_doi or (lab == "doi" and t.kind == "doi")
        gap_punct = True
    if cur_lab is not None:
        runs.append((cur_lab, cur_s, cur_e))
    return runs


def build_reference(raw: str, tokens: Sequence[Token], labels: Sequence[str], id: str = "ref1",
                    label: str | None = None) -> Reference:
    """Fields, names, pages and type from labelled tokens."""
    runs = _label_runs(tokens, labels)
    single: dict[str, tuple[int, int]] = {}
    multi: dict[str, list[tuple[int, int]]] = {"author": [], "editor": []}
    doi_spans: list[tuple[int, int]] = []
    for lab, s, e in runs:
        if lab in _MULTI:
            multi[lab].append((s, e))
        elif lab == "year":
            m = _YEAR_DIGITS_RE.search(raw, s, e)
            if lab not in single and m:
                # only the four digits: "2002a" keeps its letter and "2010-2011" its second year as text, since
                # JATS4R wants <year> to hold a 4-digit year and nothing else
                single[lab] = m.span()
        else:
            if lab == "doi" and repair_doi(raw[s:e]):
                doi_spans.append((s, e))
            if lab not in single or (e - s) > (single[lab][1] - single[lab][0]):
                single[lab] = (s, e)
    if len({(repair_doi(raw[s:e]) or "").lower() for s, e in doi_spans}) > 1:
        single["doi"] = _pick_doi(raw, doi_spans)

    values: dict[str, Any] = {}
    fields: list[RefField] = []

    def add(lab: str, s: int, e: int) -> None:
        fields.append(RefField(label=lab, start=s, end=e))  # type: ignore[arg-type]

    found = {k: raw[s:e] for k, (s, e) in single.items()}
    for k, spans in multi.items():
        if spans:
            found[k] = raw[spans[0][0]:spans[0][1]]
    ptype = infer_type(raw, found)

    # names
    etal = False
    for role in ("author", "editor"):
        names_out: list[RefName] = []
        for s, e in multi[role]:
            names = split_names(raw, s, e)
            grp_end = e
            m = _ETAL_RE.match(raw, e)
            if m:
                add("etal", m.start(1), m.end(1))
                grp_end = m.end(1)
                etal = etal or role == "author"
            add(role, s, grp_end)
            for nm in names:
                names_out.append(_name_model(raw, nm, role))
                _add_name_fields(add, nm)
        values["authors" if role == "author" else "editors"] = names_out
    values["etal"] = etal

    # titles and containers
    if ptype == "preprint" and "container" not in single and "title" in single:
        server = _preprint_server(raw, single)
        if server:
            # JATS4R: a preprint has an <article-title> and the server as its <source>
            single["container"] = server
    if "title" in single:
        s, e = single["title"]
        if "container" not in single and ptype in _BOOKLIKE | {None}:
            add("source", s, e)
            values["source"] = raw[s:e]
        elif ptype == "chapter":
            add("chapter-title", s, e)
            values["chapter_title"] = raw[s:e]
        else:
            add("title", s, e)
            values["title"] = raw[s:e]
    if "container" in single:
        s, e = single["container"]
        add("source", s, e)
        values["source"] = raw[s:e]
    for lab, attr, tag in (("year", "year", "year"), ("volume", "volume", "volume"), ("issue", "issue", "issue"),
                           ("publisher", "publisher_name", "publisher-name"),
                           ("location", "publisher_loc", "publisher-loc"), ("edition", "edition", "edition"),
                           ("url", "uri", "uri"), ("arxiv", "arxiv", "arxiv")):
        if lab in single:
            s, e = single[lab]
            add(tag, s, e)
            values[attr] = raw[s:e]
    if "pages" in single:
        _add_pages(raw, *single["pages"], add=add, values=values)
    if "doi" in single:
        s, e = single["doi"]
        doi = repair_doi(raw[s:e])
        if doi:
            add("doi", s, e)
            # the span keeps the printed characters; the value is the identifier that resolves
            values["doi"] = restore_doi_hyphens(doi)
    if "pmid" in single:
        s, e = single["pmid"]
        if raw[s:e].isdigit() and raw[s] != "0":
            add("pmid", s, e)
            values["pmid"] = raw[s:e]
    if "pmcid" in single:
        s, e = single["pmcid"]
        add("pmcid", s, e)
        values["pmcid"] = raw[s:e]
    fields.sort(key=lambda f: (f.start, -f.end))
    try:
        return Reference(id=id, label=label, raw=raw, publication_type=ptype, fields=fields, **values)
    except ValidationError:
        # a value the model refuses (e.g. pages that run backwards): keep the spans, drop the values
        # one by one until the model accepts the rest
        for attr in ("lpage", "fpage", "doi", "pmid", "pmcid"):
            values.pop(attr, None)
            try:
                return Reference(id=id, label=label, raw=raw, publication_type=ptype, fields=fields, **values)
            except ValidationError:
                continue
        return Reference(id=id, label=label, raw=raw, publication_type=ptype, fields=fields)


def _pick_doi(raw: str, spans: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """The DOI of the cited work when a string holds several different ones.

    Text taken from PDFs often carries extra DOIs: the citing article's own
    link (``http://dx.doi.org/10.1371/journal.pone...``) from a page footer
    or link annotation, or the tail of the neighbouring reference. The
    reference itself introduces its DOI with a ``doi:`` cue, and such an
    insert betrays itself by splitting running words (``coral<link> dwelling
    fishes``). So a DOI that is not followed by a lowercase word is
    preferred, then one right after the cue, then one written bare rather
    than as a resolver link, then the first. Only one is tagged; the others
    stay text.
    """
    def rank(span: tuple[int, int]) -> tuple[bool, bool, bool, int]:
        before = raw[: span[0]]
        splits_prose = _PROSE_AFTER_RE.match(raw, span[1]) is not None
        cued = re.search(r"\bdoi\s*:?\s*$", before, re.IGNORECASE) is not None
        as_link = before.rstrip().endswith("/")
        return (splits_prose, not cued, as_link, span[0])

    return min(spans, key=rank)


def _preprint_server(raw: str, single: Mapping[str, tuple[int, int]]) -> tuple[int, int] | None:
    """The span of the preprint server's name as printed (``arXiv`` in ``arXiv:1312.5204``), if any.

    The name right before the arXiv identifier is preferred; otherwise the
    first server name outside the title. Only characters of the string are
    used, so nothing is invented when no name is printed.
    """
    title = single.get("title", (0, 0))
    if "arxiv" in single:
        m = re.search(r"(arxiv)\s*:?\s*$", raw[: single["arxiv"][0]], re.IGNORECASE)
        if m:
            return m.span(1)
    for m in _SERVER_RE.finditer(raw):
        if not (title[0] <= m.start() < title[1]):
            return m.span()
    return None


def _add_pages(raw: str, s: int, e: int, add: Any, values: dict[str, Any]) -> None:
    text = raw[s:e]
    m = _PAGE_RANGE_RE.match(text)
    if m:
        add("fpage", s + m.start(1), s + m.end(1))
        add("lpage", s + m.start(2), s + m.end(2))
        values["fpage"] = m.group(1)
        values["lpage"] = expand_lpage(m.group(1), m.group(2))
        return
    if " " in text.strip():
        add("fpage", s, e)
        values["fpage"] = text
        return
    if re.fullmatch(r"[eE]\d+|\d{5,}|[A-Za-z]+\d{4,}", text):
        # an article number (e-locator), not a printed page
        add("elocation-id", s, e)
        values["elocation_id"] = text
    else:
        add("fpage", s, e)
        values["fpage"] = text


def _name_model(raw: str, nm: NameSpan, role: str) -> RefName:
    if nm.collab or nm.surname is None and nm.given is None:
        return RefName(collab=raw[nm.start:nm.end], role=role)  # type: ignore[arg-type]
    return RefName(
        surname=raw[nm.surname[0]:nm.surname[1]] if nm.surname else None,
        given_names=raw[nm.given[0]:nm.given[1]] if nm.given else None,
        suffix=raw[nm.suffix[0]:nm.suffix[1]] if nm.suffix else None,
        role=role,  # type: ignore[arg-type]
    )


def _add_name_fields(add: Any, nm: NameSpan) -> None:
    if nm.collab or (nm.surname is None and nm.given is None):
        add("collab", nm.start, nm.end)
        return
    add("name", nm.start, nm.end)
    if nm.surname:
        add("surname", *nm.surname)
    if nm.given:
        add("given-names", *nm.given)
    if nm.suffix:
        add("suffix", *nm.suffix)
