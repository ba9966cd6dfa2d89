"""Reference fields by exact rules: DOI, PMID, PMCID, arXiv id, URL, year, and the publication type.

The fallback parser (``trylast``): it tags only what a pattern identifies
without doubt, so every reference gets at least its identifiers tagged in
``<mixed-citation>``. A trained parser plugin (``refs-crf``) overrides it.
"""

from __future__ import annotations

import re

from journalkit import Document, hookimpl
from journalkit.model import Reference, RefField
from journalkit.refparse import infer_type

_RULES = [
    # (label, pattern, a substring every match contains: a cheap test that skips the scan)
    ("doi", re.compile(r"\b10\.\d{4,9}/[^\s\]>\"]+[^\s\]>\".,;:)]"), "10."),
    ("pmid", re.compile(r"(?<=PMID:)\s*(\d{1,9})\b|(?<=PMID )(\d{1,9})\b"), "PMID"),
    ("pmcid", re.compile(r"\bPMC\d{4,9}\b"), "PMC"),
    ("arxiv", re.compile(r"(?<=arXiv:)\d{4}\.\d{4,5}(?:v\d+)?"), "arXiv:"),
    ("uri", re.compile(r"https?://(?!(?:dx\.)?doi\.org/)[^\s\]>\"]+[^\s\]>\".,;:)]"), "http"),
    # the four digits only: '2002a' keeps its letter as text (JATS4R wants <year> to hold a year and nothing else)
    ("year", re.compile(r"(?<![\d./])(?:1[6-9]|20)\d{2}(?=[a-z]?(?![\d/]))"), ""),
]
# what stands before a page number: 'pp.', 'p.', 'pages', the colon after a volume, a range's dash
_PAGES_BEFORE = re.compile(r"(?:\bpp?\.|\bpages?|\d\)?\s*:|\d\s*[-–])\s*$", re.I)
# 'volume(issue): pages' as journal citations print it ('12(3):45-67', '2004;7:1081-1087'): it says the reference
# is a journal article whatever words its title holds ('software', 'report'); the numbers are not tagged
_VOLUME_PAGES = re.compile(r"\b\d{1,4}\s*(?:\(\s*[\w-]{1,9}\s*\))?\s*:\s*e?\d+(?:\s*[-–]\s*\d+)?\b")


def parse(ref: Reference) -> Reference:
    fields: list[RefField] = []
    values: dict[str, str] = {}
    taken: list[tuple[int, int]] = []
    for label, rx, needle in _RULES:
        if needle not in ref.raw:
            continue
        for m in rx.finditer(ref.raw):
            g = next((i for i in range(1, (m.lastindex or 0) + 1) if m.group(i)), 0)
            s, e = m.span(g)
            if s == e or any(s < b and a < e for a, b in taken):
                continue
            if label == "year" and _PAGES_BEFORE.search(ref.raw, 0, s):
                continue  # a page number ('pp. 2054–2060', '17:2054-60'), not the year
            fields.append(RefField(label=label, start=s, end=e))  # type: ignore[arg-type]
            taken.append((s, e))
            values.setdefault(label, ref.raw[s:e].strip())
            if label == "year":
                break
    # Build the new Reference from what the reader set plus the rule values;
    # every value still goes through the model's validators (the DOI above all).
    data = {name: getattr(ref, name) for name in ref.model_fields_set}
    data["fields"] = sorted(fields, key=lambda f: f.start)
    for label, attr in (("doi", "doi"), ("pmid", "pmid"), ("pmcid", "pmcid"), ("arxiv", "arxiv"), ("uri", "uri")):
        if label in values:
            data[attr] = values[label]
    if "year" in values:
        data["year"] = values["year"]
    if not data.get("publication_type"):
        # JATS4R makes @publication-type mandatory; what the rules found decides it, 'other' when nothing does
        found = {("url" if k == "uri" else k): v for k, v in values.items()}
        ptype = "journal" if _VOLUME_PAGES.search(ref.raw) else infer_type(ref.raw, found)
        # a preprint or data citation must carry its authors, title and source, which these rules never tag
        data["publication_type"] = "other" if ptype in ("preprint", "data") else ptype
    try:
        return Reference(**data)
    except ValueError:
        data["doi"] = None  # an unparseable DOI stays text
        data["fields"] = [f for f in data["fields"] if f.label != "doi"]
        return Reference(**data)


@hookimpl(trylast=True)
def journalkit_parse_references(references: list[Reference], doc: Document | None) -> list[Reference]:
    return [parse(r) for r in references]
