"""Tokenising reference strings so that every field is a span of the string.

A reference parser that rebuilds text loses characters; ours only labels
tokens whose offsets point into the original string, so the JATS writer can
wrap the very characters the author wrote. Identifiers that punctuation would
shred (DOIs, URLs, arXiv ids) are matched first, as single tokens, because
their extent is known exactly from their syntax and a sequence model would
only have to re-learn it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "tokenize", "DOI_TOKEN_RE", "URL_TOKEN_RE"]

# A DOI runs to the next whitespace; closing punctuation at its end is the
# sentence's, not the DOI's (trimmed below, brackets only when unbalanced).
DOI_TOKEN_RE = re.compile(r"10\.\d{4,9}/\S+")
URL_TOKEN_RE = re.compile(r"(?:https?|ftp)://\S+|(?<![\w@/.])www\.[^\s/]+\.\S+", re.IGNORECASE)
_DOI_URL_RE = re.compile(r"(?:https?://)?(?:dx\.)?doi\.org/(?=10\.)", re.IGNORECASE)
_ARXIV_RE = re.compile(
    r"(?<=arXiv:)\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z][a-z.\-]+/\d{7}(?:v\d+)?)", re.IGNORECASE
)
_PLAIN_RE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``raw[start:end] == text``; ``kind`` marks rule-matched identifiers."""

    text: str
    start: int
    end: int
    kind: str | None = None  # "doi", "url", "arxiv" or None
    space_before: bool = False


def _trim(raw: str, start: int, end: int) -> int:
    """End of an identifier without the sentence punctuation that follows it."""
    while end > start:
        ch = raw[end - 1]
        if ch in ".,;:'\"”’>":
            end -= 1
            continue
        if ch in ")]}":
            opener = {")": "(", "]": "[", "}": "{"}[ch]
            seg = raw[start:end]
            if seg.count(opener) < seg.count(ch):
                end -= 1
                continue
        break
    return end


def _special_spans(raw: str) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b, _ in spans)

    for m in URL_TOKEN_RE.finditer(raw):
        s, e = m.start(), _trim(raw, m.start(), m.end())
        d = _DOI_URL_RE.match(raw, s)
        if d and e > d.end():
            # a DOI written as a URL: the resolver prefix is a URL, the rest the DOI
            spans.append((s, d.end(), "url"))
            spans.append((d.end(), e, "doi"))
        elif e > s:
            spans.append((s, e, "url"))
    for m in DOI_TOKEN_RE.finditer(raw):
        s, e = m.start(), _trim(raw, m.start(), m.end())
        if free(s, e) and (s == 0 or not raw[s - 1].isalnum()):
            spans.append((s, e, "doi"))
    for m in _ARXIV_RE.finditer(raw):
        s, e = m.start(1), m.end(1)
        if free(s, e):
            spans.append((s, e, "arxiv"))
    spans.sort()
    return spans


def tokenize(raw: str) -> list[Token]:
    """Split ``raw`` into tokens; whitespace between them is the only text left out."""
    out: list[Token] = []
    pos = 0

    def plain(a: int, b: int) -> None:
        for m in _PLAIN_RE.finditer(raw, a, b):
            s = m.start()
            out.append(Token(m.group(), s, m.end(), None, s > 0 and raw[s - 1].isspace()))

    for s, e, kind in _special_spans(raw):
        plain(pos, s)
        out.append(Token(raw[s:e], s, e, kind, s > 0 and raw[s - 1].isspace()))
        pos = e
    plain(pos, len(raw))
    return out
