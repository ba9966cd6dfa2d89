"""Shared helpers of the extract stage: validated assignment, name splitting, patterns."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ValidationError

from ..document import Document, Line
from ..model import (
    Span,
)

# ------------------------------------------------------------------ helpers


def put(doc: Document, obj: BaseModel, field: str, value: Any, span: tuple[int, int] | None = None) -> bool:
    """Set ``obj.field = value`` if the model accepts it; report it if not."""
    if value is None or value == "" or value == []:
        return False
    try:
        setattr(obj, field, value)
    except ValidationError as exc:
        msg = "; ".join(e["msg"] for e in exc.errors())
        doc.report.warn("extract", "invalid-value", f"{field} {value!r} rejected: {msg}", field=field,
                        offset=doc.to_original(span[0]) if span else None, original=str(value))
        return False
    if span is not None and hasattr(obj, "provenance"):
        obj.provenance[field] = Span(start=doc.to_original(span[0]), end=doc.to_original(span[1]))
    return True


def join_lines(texts: list[str]) -> str:
    """Wrapped lines as one text: a space between lines, none after a dash that closes a line unspaced.

    Why: a line break after an en or em dash ('1989–' / '1994', 'Rosettes—' / 'highly') falls inside a
    range or a dashed phrase that is printed without spaces; a space there changes the text.
    """
    s = "\n".join(texts)
    if "–" in s or "—" in s:
        s = _DASH_BREAK.sub("", s)
    return s.replace("\n", " ")


_DASH_BREAK = re.compile(r"(?<=\S[–—])\n")


def _join(lines: Iterable[Line]) -> str:
    return join_lines([ln.stripped for ln in lines if ln.stripped])


_URL = re.compile(r"https?://[^\s<>\"\]]+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"<>\]]+")
_PHONE = re.compile(r"(?:Phone|Tel(?:ephone)?|Tel\.|Ph)\s*[:.]?\s*(\+?[\d() .\-/]{7,}\d)", re.I)
_FAX = re.compile(r"Fax\s*[:.]?\s*(\+?[\d() .\-/]{7,}\d)", re.I)
_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTHS.update({"sept": 9, "fev": 2, "abr": 4, "mai": 5, "ago": 8, "set": 9, "out": 10, "dez": 12,
                "ene": 1, "dic": 12})

_CITATION = re.compile(
    r"(?P<journal>[A-Z][^\n;]{0,120}?)[.,]?\s+(?P<year>(?:1[6-9]|20)\d\d)(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?"
    r"\s*[;,.]\s*(?P<volume>\d{1,5})\s*(?:\((?P<issue>[^)\n]{1,20})\))?\s*:\s*"
    r"(?P<pages>e?[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)"
)
_CITATION_PLOS = re.compile(
    r"(?P<journal>[A-Z][^\n;()]{0,80}?)[.,]?\s+(?P<volume>\d{1,5})\s*\((?P<issue>[^)\n]{1,20})\)\s*:\s*"
    r"(?P<pages>e?\d+(?:\s*[-–]\s*\d+)?)"
)
_PARTICLES = {"van", "von", "der", "den", "de", "da", "das", "do", "dos", "del", "della", "di", "du", "la", "le",
              "ten", "ter", "al", "el", "bin", "ben", "st", "st."}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_MARK_CHARS = "*†‡§¶✉#"
_COUNTRIES = {
    "usa", "united states", "united states of america", "uk", "united kingdom", "china", "iran", "brazil", "brasil",
    "germany", "france", "italy", "spain", "japan", "canada", "australia", "india", "switzerland", "norway",
    "sweden", "denmark", "finland", "netherlands", "the netherlands", "belgium", "austria", "portugal", "mexico",
    "méxico", "argentina", "chile", "colombia", "peru", "israel", "south africa", "kenya", "nigeria", "egypt",
    "korea", "republic of korea", "south korea", "singapore", "taiwan", "thailand", "vietnam", "new zealand",
    "ireland", "scotland", "poland", "russia", "turkey", "greece", "hungary", "czech republic", "uganda",
    "tanzania", "ghana", "ethiopia", "pakistan", "bangladesh", "indonesia", "malaysia", "philippines",
    "saudi arabia", "venezuela", "uruguay", "cuba", "cameroon", "senegal", "mali", "malawi", "zambia",
    "zimbabwe", "mozambique", "sri lanka", "nepal", "iceland", "estonia", "lebanon", "jordan", "qatar",
}


def split_name(name: str) -> tuple[str | None, str]:
    """'Wighart von Koenigswald' -> ('Wighart', 'von Koenigswald'); 'Smith JA' -> ('JA', 'Smith')."""
    words = name.split()
    if not words:
        return None, name
    suffix = None
    if len(words) > 1 and words[-1].lower().rstrip(",") in _SUFFIXES:
        suffix = words.pop()
    if "," in name and len(name.split(",")) == 2:
        sur, giv = (p.strip() for p in name.split(","))
        return giv or None, sur
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{1,3}", words[-1]) and not re.fullmatch(r"[A-Z]{1,3}", words[0]):
        return words[-1], " ".join(words[:-1])  # Vancouver "Smith JA"
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _PARTICLES:
        i -= 1
    given = " ".join(words[:i]) or None
    surname = " ".join(words[i:])
    if suffix:
        surname = surname  # suffix kept out of the surname; callers may store it
    return given, surname


#: lower-case symbols that take a subscript ('log[2]'): the words that are not words here
_MATH_BASES = frozenset({"log", "ln", "max", "min", "exp", "lim", "sup", "inf", "var", "cov", "tan", "sin", "cos"})
#: a text browser's subscript: brackets glued to the end of a short symbol ('O[2]', 'CaCl[2]', 'k[s]', 'IC[50]',
#: 'N[tot]'), holding a short run of letters or digits
_GLUED_BRACKET = re.compile(r"(?<![^\W_])([^\W_]{1,8})\[([^\W_]{1,12})\]")


def bracket_subscripts(text: str) -> list[tuple[int, int]]:
    """Spans ('[2]' in 'O[2]', brackets included) that a text browser's subscripts left in ``text``.

    Why: a web page dumped as text prints a subscript in brackets right after its base, with no space; read
    as a bracket citation, 'H[2]O[2]' linked references 2 and 2. Only a base that reads as a symbol counts:
    four characters at most, or one with a capital or digit after its first character ('CaCl', 'OsO');
    a lower-case word of three letters or more ('cell[4]', 'et al[15]') glued to a citation stays a
    citation, unless it is a function's name ('log[2]'). Call it on text from a
    web page only: a PDF's text keeps its subscripts inline and glues some citations to their word.
    """
    if "[" not in text:
        return []
    out = []
    for m in _GLUED_BRACKET.finditer(text):
        base = m.group(1)
        if base == "al" or base.isalpha() and base.islower() and len(base) >= 3 and base not in _MATH_BASES:
            continue  # a word: 'et al[15]', 'cell[4]'
        if len(base) <= 4 or any(c.isupper() or c.isdigit() for c in base[1:]):
            out.append((m.start(2) - 1, m.end(2) + 1))
    return out
