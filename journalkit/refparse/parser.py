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

from ..model import DOI_RE, Reference, RefField, RefName, normalize_doi
from .features import sequence_features
from .names import NameSpan, split_names
from .tokens import Token, tokenize

__all__ = ["ReferenceParser", "expand_lpage", "repair_doi", "infer_type", "default_model_paths"]

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


def infer_type(raw: str, found: Mapping[str, str]) -> str | None:
    """journal, book, chapter, confproc, thesis, report, preprint, web, data or software."""
    low = raw.lower()
    cont = (found.get("container") or "").lower()
    if found.get("arxiv") or re.search(r"\b(?:arxiv|biorxiv|medrxiv|ssrn|preprint)\b", cont or low):
        return "preprint"
    if re.search(r"\b(?:thesis|dissertation|ph\.?\s?d\.?|master'?s)\b", low) and not found.get("volume"):
        return "thesis"
    if re.search(r"\b(?:data\s?set|dataset|data repository|dryad|figshare|zenodo)\b", low):
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
    return None


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


def apply_rules(tokens: Sequence[Token], labels: list[str]) -> list[str]:
    """Identifiers whose syntax is exact win over the model."""
    out = list(labels)
    n = len(tokens)
    _fix_structure(tokens, out)
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
            if k >= 0 and tokens[k].text.lower() in ("pmid", "pubmed"):
                out[i] = "pmid"
            elif out[i] == "pmid" and len(t.text) < 5:
                out[i] = "O"
        elif out[i] == "pmid":
            out[i] = "O"  # a PMID is digits only
    return out


def _label_runs(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[str, int, int]]:
    runs: list[tuple[str, int, int]] = []
    cur_lab: str | None = None
    cur_s = cur_e = 0
    gap_punct = True  # everything since the current run ended is punctuation
    for t, lab in zip(tokens, labels):
        if lab == "O":
            if t.text.isalnum() or t.kind:
                gap_punct = False
            continue
        if lab == cur_lab and gap_punct:
            cur_e = t.end
        else:
            if cur_lab is not None:
                runs.append((cur_lab, cur_s, cur_e))
            cur_lab, cur_s, cur_e = lab, t.start, t.end
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
    for lab, s, e in runs:
        if lab in _MULTI:
            multi[lab].append((s, e))
        elif lab == "year":
            if lab not in single and re.search(r"\d{4}", raw[s:e]):
                single[lab] = (s, e)
        elif lab not in single or (e - s) > (single[lab][1] - single[lab][0]):
            single[lab] = (s, e)

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
            values["doi"] = doi
    if "pmid" in single:
        s, e = single["pmid"]
        if raw[s:e].isdigit():
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
