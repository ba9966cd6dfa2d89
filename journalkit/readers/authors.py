"""Author lists and affiliations as printed in article front matter.

Why a module of its own: author lines are the least regular part of a
front page. The same list arrives as ``Xuan Zhang1, Jin Wang1,✉``,
``Smith AB*†, Jones C``, ``GomesI,II,*``, ``Shama D. Ahuja^1`` (a text
browser's superscript), one name per line with the affiliation under it (a
journal web page), or ``A, B &amp; C`` under the affiliation it belongs to.
Everything here works on plain strings so it can be tested without a
document; :mod:`journalkit.readers.front` maps the results to the model and
records provenance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = [
    "NameItem",
    "parse_name_list",
    "looks_like_person",
    "is_collab",
    "split_person",
    "AFF_LABEL",
    "split_aff_label",
    "looks_institution",
]

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SYMBOLS = "*†‡§¶#✉⁎"
#: words that occur in titles and sentences but never inside a personal name
_STOP = {
    "the", "of", "in", "for", "with", "on", "to", "a", "an", "by", "from", "during", "via", "at", "is", "are",
    "its", "their", "into", "between", "among", "after", "before", "under", "over", "as", "or", "not", "vs",
    "versus", "without", "through", "using", "how", "what", "why", "when", "who", "which", "new", "we", "our",
    "this", "that", "these", "study", "analysis", "effect", "effects", "role", "o", "os", "em", "no", "na",
    "para", "com", "por", "uma", "um", "las", "los", "en", "el", "con", "sobre",
}
#: lower-case connectors inside Portuguese/Spanish full names ("Maria das Graças Braga Ceccato")
_IBERIAN_PARTICLES = {"de", "da", "das", "do", "dos", "del", "la", "e", "y"}
#: particles that belong to the surname everywhere ("van der Luijt", "von Koenigswald", "Di Matteo")
_SURNAME_PARTICLES = {"van", "von", "der", "den", "ten", "ter", "de", "da", "dos", "das", "do", "del", "della",
                      "di", "du", "la", "le", "el", "al", "bin", "ben", "st", "st.", "d'", "van't"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_COLLAB_WORDS = re.compile(
    r"\b(group|consortium|collaboration|collaborators|collaborative|editors|staff|taskforce|task force|network|"
    r"investigators|committee|team|society|initiative|working party|alliance|council|program|programme)\b",
    re.I,
)


# Patterns of the name tests, compiled once: parse_name_list and looks_like_person run for every line that
# might be a byline and every name in it (tens of thousands of calls per corpus run), where looking each
# inline pattern up in re's cache cost as much as matching it.
_ROMAN_GLUED = re.compile(r"(.*[a-zà-ÿ])((?:[IVX]{1,4}))")
_ROMAN_MARKS = re.compile(r"[a-zà-ÿ](?:[IVX]{1,4})(?:,(?:[IVX]{1,4}|\*)|\*|\s|$)")
_ROMAN = re.compile(r"[IVX]{1,4}")
_ON_BEHALF = re.compile(r"^(on behalf of|for the)\b", re.I)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9\-]+")
_CAMEL = re.compile(r"[a-z]+[A-Z][A-Za-z]+")
_NOT_IN_NAME = re.compile(r"[:?!()\[\]{}=+/@|\"“”]|\d")
_CUT_HYPHEN = re.compile(r"\w-(?:\s|$)")
_GEN_SUFFIX = re.compile(r",?\s+(?:Jr|Sr)\.$")
_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_INITIAL = re.compile(r"[A-Z]\.?")
_NAME_PREFIX = re.compile(r"^(d'|d’|o'|mc)", re.I)
_DIGIT_LABEL = re.compile(r"^\s*\^?\d")


@dataclass
class NameItem:
    """One name of an author list with the footnote markers printed after it."""

    name: str
    markers: list[str] = field(default_factory=list)
    start: int = 0  # offset of the name in the parsed string
    end: int = 0


_TOKEN = re.compile(
    r"(?P<sep>,|;|&amp;|&|\band\b|\bund\b|\be\b|\by\b)"
    r"|(?P<mark>\^?\d{1,3}|[*†‡§¶#✉⁎]|\^|\biD(?![a-z]))"
    r"|(?P<word>[^\s,;&\d*†‡§¶#✉⁎^]+)"
)


def _roman_glued(word: str) -> tuple[str, str] | None:
    """'GomesI' -> ('Gomes', 'I'): a roman affiliation numeral glued to a surname."""
    m = _ROMAN_GLUED.fullmatch(word)
    return (m.group(1), m.group(2)) if m else None


def parse_name_list(text: str, *, roman: bool | None = None) -> list[NameItem]:
    """Split an author line into names and their markers.

    Markers may be glued to the name (``Zhang1,2``), separated by spaces, in
    superscript digits, prefixed by ``^`` or be roman numerals
    (``GomesI,II,*``; recognised when ``roman`` is true, or, when ``None``,
    when a glued roman numeral occurs at all). Separators are commas,
    semicolons, ``and``/``&``, and the Portuguese/Spanish ``e``/``y``.
    """
    text = text.translate(_SUPERSCRIPTS)
    if roman is None:
        roman = bool(_ROMAN_MARKS.search(text))
    items: list[NameItem] = []
    words: list[tuple[str, int, int]] = []
    marks: list[str] = []

    def finish() -> None:
        nonlocal words, marks
        if words:
            items.append(NameItem(" ".join(w for w, _, _ in words), marks, words[0][1], words[-1][2]))
        words, marks = [], []

    def add_mark(m: str) -> None:
        if words:
            marks.append(m)
        elif items:
            items[-1].markers.append(m)

    for t in _TOKEN.finditer(text):
        if t.group("sep") is not None:
            sep = t.group("sep")
            if sep in ("e", "y") and not words:
                continue
            finish()
        elif t.group("mark") is not None:
            m = t.group("mark").lstrip("^")
            if m and m != "iD":
                add_mark(m)
        else:
            w = t.group("word")
            if roman and _ROMAN.fullmatch(w) and (items or words) and not _followed_by_name(text, t.end()):
                add_mark(w)
                continue
            g = _roman_glued(w) if roman else None
            if g:
                words.append((g[0], t.start(), t.start() + len(g[0])))
                add_mark(g[1])
                continue
            if not words and marks:
                marks = []
            words.append((w, t.start(), t.end()))
    finish()
    return items


def _followed_by_name(text: str, pos: int) -> bool:
    """Is the roman-looking word at ``pos`` part of a name ('John Smith II Jr')? Rarely: only when a
    lower-case-initial word follows without a separator."""
    rest = text[pos:].lstrip()
    return bool(rest[:1].isalpha() and rest[:1].islower())


def is_collab(name: str) -> bool:
    """A group author: 'the PRISMA Group', 'on behalf of ...', 'HEBON', 'kConFab'."""
    n = name.strip()
    if _ON_BEHALF.match(n):
        return True
    if _COLLAB_WORDS.search(n):
        return True
    return bool(" " not in n and len(n) >= 3 and (_ACRONYM.fullmatch(n) is not None
                                                   or _CAMEL.fullmatch(n) is not None))


def looks_like_person(name: str) -> bool:
    """Could ``name`` be one personal name as printed in a byline?"""
    n = name.strip()
    if not n or len(n) > 60 or _NOT_IN_NAME.search(n):
        return False
    if _CUT_HYPHEN.search(n):
        return False  # a word cut at a hyphen: 'TBK-1' in a title lost its '1' to the marker reader
    # a generational suffix ends a name with a period of its own ('Manuel Ares Jr.')
    n = _GEN_SUFFIX.sub("", n)
    if n.endswith(".") and not _INITIAL_END.search(n):
        return False
    ws = n.split()
    if not 1 <= len(ws) <= 7:
        return False
    if len(ws) == 1:
        return False
    # a surname particle that is also a stop word ('Mohamed El Anbari') counts as one inside the name
    if any(w.lower().strip(".,") in _STOP for k, w in enumerate(ws)
           if w.lower() not in _IBERIAN_PARTICLES and not _INITIAL.fullmatch(w)
           and not (k > 0 and w.lower() in _SURNAME_PARTICLES)):
        return False
    caps = 0
    for w in ws:
        if w[:1].isupper() or (w[:1] in "'’" and w[1:2].isupper()):
            caps += 1
        elif w.lower() in _SURNAME_PARTICLES or w.lower() in _IBERIAN_PARTICLES or _NAME_PREFIX.match(w):
            continue
        elif len(ws) <= 4 and len(w) >= 2 and w.isalpha() and w.islower() and ws.index(w) not in (0, len(ws) - 1):
            continue  # 'Yun jeong Yang'
        else:
            return False
    if caps < 1:
        return False
    # an all-caps line of long words is a heading, not a name ('ORIGINAL RESEARCH')
    if all(w.isupper() and len(w) > 3 for w in ws):
        return False
    return True


def split_person(name: str, *, iberian: bool = False) -> tuple[str | None, str, str | None]:
    """A personal name -> (given names, surname, suffix).

    'Wighart von Koenigswald' -> ('Wighart', 'von Koenigswald');
    'Smith AB' -> ('AB', 'Smith'); 'Smith, John' -> ('John', 'Smith').
    With ``iberian`` (Portuguese/Spanish article), lower-case connectors stay
    with the given names, as these journals index them: 'Maria das Graças
    Braga Ceccato' -> ('Maria das Graças Braga', 'Ceccato').
    """
    name = re.sub(r"\s+", " ", name.strip().strip(",;"))
    if "," in name and name.count(",") == 1:
        sur, giv = (p.strip() for p in name.split(","))
        if sur and giv and len(giv.split()) <= 3:
            if giv.lower().rstrip(".") in {"jr", "sr"}:
                g, s, _ = split_person(sur, iberian=iberian)
                return g, s, giv
            return giv or None, sur, None
    words = name.split()
    suffix = None
    if len(words) > 2 and words[-1].lower().rstrip(",") in _SUFFIXES:
        suffix = words.pop()
    if not words:
        return None, name, None
    if len(words) >= 2 and re.fullmatch(r"[A-Z]{1,3}", words[-1]) and not re.fullmatch(r"[A-Z]{1,3}\.?", words[0]):
        return words[-1], " ".join(words[:-1]), suffix  # Vancouver 'Smith JA'
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _SURNAME_PARTICLES and not (
            iberian and words[i - 1].lower() in _IBERIAN_PARTICLES):
        i -= 1
    given = " ".join(words[:i]) or None
    return given, " ".join(words[i:]), suffix


# ------------------------------------------------------------------ affiliations

#: an affiliation's label at the start of its line: '1.', '1 ', '1Department', '^1', 'a)', '*', 'II.'
AFF_LABEL = re.compile(
    r"^\s*\^?(?P<m>\d{1,3}|[a-z](?=[.)\s])|[IVX]{1,5}(?=[.)\s])|[*†‡§¶#])(?:[.)]\s*|\s+|(?=[A-ZÀ-Ý]))(?P<text>\S.*)$"
)
#: The lookahead holds the first letters of the words below: it turns away most word starts before the
#: alternation is tried word by word, which halves the cost of this search over every front-matter line.
_INSTITUTION = re.compile(
    r"\b(?=[acdefghilmnoprsu])"
    r"(universit|universid|univ\.|institut|department|departamento|dept\.|hospital|center\b|centre|school|laborator|"
    r"faculty|faculdade|facultad|college|museum|clinic|cl[ií]nica|foundation|fundação|fundaci[oó]n|academy|"
    r"council|ministry|minist[eé]rio|research|service|servi[cç]o|unit\b|unidade|division|program|"
    r"secretaria|agency|organi[sz]ation|escola|escuela|instituto|n[uú]cleo|nucleus|corporation|inc\.|ltd|gmbh|"
    r"consortium|observatory|station|company|hospit)",
    re.I,
)


def looks_institution(s: str) -> bool:
    """Does ``s`` read like an affiliation (an institution and/or a place)?"""
    return bool(_INSTITUTION.search(s))


def split_aff_label(s: str) -> tuple[str | None, str]:
    """'1. Dept of X' -> ('1', 'Dept of X'); '1Department of X' -> ('1', ...); no label -> (None, s)."""
    m = AFF_LABEL.match(s)
    if m and looks_institution(m.group("text")) or m and _DIGIT_LABEL.match(s):
        return m.group("m"), m.group("text").strip()
    return None, s.strip()
