"""Reference fields by exact rules: DOI, PMID, PMCID, arXiv id, URL, year.

The fallback parser (``trylast``): it tags only what a pattern identifies
without doubt, so every reference gets at least its identifiers tagged in
``<mixed-citation>``. A trained parser plugin (``refs-crf``) overrides it.
"""

from __future__ import annotations

import re

from journalkit import Document, hookimpl
from journalkit.model import Reference, RefField

_RULES = [
    # (label, pattern, a substring every match contains: a cheap test that skips the scan)
    ("doi", re.compile(r"\b10\.\d{4,9}/[^\s\]>\"]+[^\s\]>\".,;:)]"), "10."),
    ("pmid", re.compile(r"(?<=PMID:)\s*(\d{1,9})\b|(?<=PMID )(\d{1,9})\b"), "PMID"),
    ("pmcid", re.compile(r"\bPMC\d{4,9}\b"), "PMC"),
    ("arxiv", re.compile(r"(?<=arXiv:)\d{4}\.\d{4,5}(?:v\d+)?"), "arXiv:"),
    ("uri", re.compile(r"https?://(?!(?:dx\.)?doi\.org/)[^\s\]>\"]+[^\s\]>\".,;:)]"), "http"),
    ("year", re.compile(r"(?<![\d./])(?:1[6-9]|20)\d{2}[a-z]?(?![\d/])"), ""),
]


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
    try:
        return Reference(**data)
    except ValueError:
        data["doi"] = None  # an unparseable DOI stays text
        data["fields"] = [f for f in data["fields"] if f.label != "doi"]
        return Reference(**data)


@hookimpl(trylast=True)
def journalkit_parse_references(references: list[Reference], doc: Document | None) -> list[Reference]:
    return [parse(r) for r in references]
