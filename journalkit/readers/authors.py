"""Author lists and affiliations as printed in article front matter.

Why a module of its own: author lines are the least regular part of a
front page. The same list arrives as ``Xuan Zhang1, Jin Wang1,✉``,
``Smith AB*†, Jones C``, ``GomesI,II,*``, ``Shama D. Ahuja^1`` (a text
browser's superscript), one name per line with the affiliation under it (a
journal web page), or ``A, B &amp; C`` under the affiliation it belongs to.
Affiliation labels that text extraction moved or orphaned are matched back
(:func:`resolve_aff_labels`), and a byline's surnames are split as the
article's own citation prints them (:func:`resplit_by_citation`).
Everything here works on plain strings so it can be tested without a
document; :mod:`journalkit.readers.front` maps the results to the model and
records provenance.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from ..writers.countries import country_code
from .common import _COUNTRIES

__all__ = [
    "NameItem",
    "parse_name_list",
    "looks_like_person",
    "is_collab",
    "split_person",
    "AFF_LABEL",
    "split_aff_label",
    "looks_institution",
    "ends_with_country",
    "byline_goes_on",
    "aff_line_continues",
    "ORCID_LINE",
    "institution_only_in_groups",
    "marked_caps_person",
    "group_item",
    "cited_names",
    "repeats_byline",
    "resplit_by_citation",
    "address_goes_on",
    "label_ordinal",
    "fill_label_gaps",
    "resolve_aff_labels",
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
_CONSONANTS = set("BCDFGHJKLMNPQRSTVWXZ")
#: how a word may open and end before and after its vowels, for telling a surname printed in capitals from
#: four initials ('LIMA', 'BELL', 'ZHAO', 'HUNT' against 'RRFM', 'ACMP', 'LMAM')
_ONSETS = frozenset({""} | _CONSONANTS | set(
    "SH CH TH PH WH ZH ST SM SN SP SK SC SL SW BR CR DR FR GR PR TR BL CL FL GL PL KR KL TW DW QU".split()))
_CODAS = frozenset({""} | _CONSONANTS | set(
    "LL SS TT FF NN RR ZZ CK NT ND NG NK RT RD RN RK RS RM RL LT LD LK LF LM LP LS ST SK SH CH TH MP MB NS "
    "WN WS WK".split()))


def _pronounceable(word: str) -> bool:
    """Could ``word`` (capitals) be read as a word rather than spelt out as initials?"""
    vowels = [i for i, c in enumerate(word) if c in "AEIOUY"]
    if not vowels:
        return False
    inner = [c for c in word[vowels[0]:vowels[-1] + 1] if c not in "AEIOUY"]
    return word[:vowels[0]] in _ONSETS and word[vowels[-1] + 1:] in _CODAS and len(inner) <= 2
#: a name printed surname first with its initials last ('Boctor EM', 'El Anbari M', 'Gomes RRFM')
_INITIALS_LAST = re.compile(r"\S\s+[A-Z]{1,4}$")
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
    r"|(?P<mark>\^?\d{1,3}|\^[a-z](?![^\W\d_])|[*†‡§¶#✉⁎]|\^|\biD(?![a-z]))"
    r"|(?P<word>[^\s,;&\d*†‡§¶#✉⁎^]+)"
)


def _roman_glued(word: str) -> tuple[str, str] | None:
    """'GomesI' -> ('Gomes', 'I'): a roman affiliation numeral glued to a surname."""
    m = _ROMAN_GLUED.fullmatch(word)
    return (m.group(1), m.group(2)) if m else None


#: the letters that label the affiliations of the document being read ('abcd'; '' when they are not letters).
#: Set by :func:`letter_labels` while the front matter is read: a byline may then print them glued to the
#: names, 'Schallmoa,*, Scott R. Sponheimb,c,d', where nothing else tells the marker from the name's end.
_GLUED_LETTERS: ContextVar[str] = ContextVar("glued_letters", default="")
#: what follows the last word of a byline item: a separator, a marker, or the line's end
_ITEM_END = re.compile(r"\s*(?:[,;*†‡§¶#✉⁎]|and\b|&|$)")
#: an affiliation labelled with a letter: 'a Department of ...', 'aDepartment of ...', 'a. Department', '^a...'
_LETTER_LABEL = re.compile(r"^\s*\^?([a-z])(?:[.)]\s*|\s+|(?=[A-ZÀ-Ý]))(\S.*)$")


def letter_label_set(lines: list[str]) -> str:
    """The letters that label affiliations in these stripped front-matter lines ('abcd'), or '' when none do.

    The alphabet runs from 'a' to the last letter found; 'a' must be among them, and at least half of the
    letters up to the last: a single line that happens to open with a letter and an institution word is not
    an alphabet, while a label that pdftotext moved away from its affiliation ('b' under the citation line)
    leaves a gap that does not undo the rest.
    """
    found: list[str] = []
    for k, s in enumerate(lines):
        m = _LETTER_LABEL.match(s)
        if m is None and len(s) == 1 and "a" <= s <= "z":
            nxt = next((t for t in lines[k + 1:k + 4] if t), "")
            if looks_institution(nxt):
                found.append(s)  # the label on a line of its own ('a' / 'Department of ...')
            continue
        if m is not None and looks_institution(m.group(2)) and m.group(1) not in found:
            found.append(m.group(1))
    if "a" not in found:
        return ""
    n = ord(max(found)) - ord("a") + 1
    return "abcdefghijklmnopqrstuvwxyz"[:n] if 2 * len(found) >= n else ""


@contextmanager
def letter_labels(letters: str) -> Iterator[None]:
    """Read bylines with ``letters`` as the affiliation markers that may be glued to the names."""
    token = _GLUED_LETTERS.set(letters)
    try:
        yield
    finally:
        _GLUED_LETTERS.reset(token)


def parse_name_list(text: str, *, roman: bool | None = None) -> list[NameItem]:
    """Split an author line into names and their markers.

    Markers may be glued to the name (``Zhang1,2``), separated by spaces, in
    superscript digits, prefixed by ``^`` or be roman numerals
    (``GomesI,II,*``; recognised when ``roman`` is true, or, when ``None``,
    when a glued roman numeral occurs at all). Separators are commas,
    semicolons, ``and``/``&``, and the Portuguese/Spanish ``e``/``y``.
    """
    # fresh items each call (callers append markers), from a cached parse
    return [NameItem(name, list(markers), start, end)
            for name, markers, start, end in _parse_names(text, roman, _GLUED_LETTERS.get())]


@functools.lru_cache(maxsize=1024)
def _parse_names(text: str, roman: bool | None, glued: str = "") -> tuple[tuple[str, tuple[str, ...], int, int], ...]:
    """:func:`parse_name_list`'s items as tuples, cached: the byline search parses the same lines
    several times (each line, the line joined with the next, the list as it grows, the final list)."""
    text = text.translate(_SUPERSCRIPTS)
    if "^" in text:
        glued = ""  # the markers are set apart ('Wirka^b'): a name's last letter is its own
    if roman is None:
        roman = bool(_ROMAN_MARKS.search(text))
    items: list[NameItem] = []
    words: list[tuple[str, int, int]] = []
    marks: list[str] = []
    letters = False  # letter markers seen ('Xu^a'): a lone lower-case letter after a comma is one too

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
            if sep not in (",", ";") and [w.lower() for w, _, _ in words[:3]] == ["on", "behalf", "of"]:
                # 'on behalf of the X Group and the Y Network' names one group: 'and' does not end it
                words.append((sep, t.start(), t.end()))
                continue
            finish()
        elif t.group("mark") is not None:
            m = t.group("mark").lstrip("^")
            if m and m != "iD":
                add_mark(m)
                letters = letters or m.isalpha()
        else:
            w = t.group("word")
            if letters and len(w) == 1 and w.islower() and not words and items:
                add_mark(w)  # 'Shaw^a,c': the letters after the first are markers too
                continue
            if glued and len(w) == 1 and (w in glued or letters and "a" <= w <= "z") and words \
                    and _ITEM_END.match(text, t.end()) \
                    and looks_like_person(" ".join(x for x, _, _ in words)):
                add_mark(w)  # 'Wei Chen a,b, Laura Fischer c': the label set apart from the name by a space
                letters = True
                continue
            if glued and words and len(w) >= 3 and w[-1] in glued and w[0].isupper() and w[-2].islower() \
                    and _ITEM_END.match(text, t.end()) \
                    and looks_like_person(" ".join(x for x, _, _ in words) + " " + w[:-1]):
                words.append((w[:-1], t.start(), t.end() - 1))  # 'Schallmoa,*': the label glued to the name
                add_mark(w[-1])
                letters = True
                continue
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
    return tuple((it.name, tuple(it.markers), it.start, it.end) for it in items)


def _followed_by_name(text: str, pos: int) -> bool:
    """Is the roman-looking word at ``pos`` part of a name ('John Smith II Jr')? Rarely: only when a
    lower-case-initial word follows without a separator."""
    rest = text[pos:].lstrip()
    if _CONNECTOR.match(rest):
        return False  # 'VeigaI,III and Angela ...': the numeral closes the name before 'and'
    return bool(rest[:1].isalpha() and rest[:1].islower())


_CONNECTOR = re.compile(r"(?:and|und|e|y)\b")


def group_item(s: str) -> list[NameItem] | None:
    """``s`` as the one group author it names ('The PLoS Medicine Editors', 'on behalf of the United Nations
    Inter-agency Group for Child Mortality Estimation and ...'), or None.

    Why: a web page lists its authors one per line, a group among them; alone on its line, a group name
    is neither a person nor page furniture, whatever its length.
    """
    items = parse_name_list(s)
    if len(s) > 250 or len(items) != 1 or items[0].markers:
        return None
    name = items[0].name
    return items if is_collab(name) and not looks_like_person(name) else None


def marked_caps_person(item: NameItem) -> bool:
    """Is an all-capitals byline item that carries an affiliation marker a person ('VIVIANA ALDER3,4')?

    Why: :func:`looks_like_person` turns away all-capitals lines of long words, which are headings
    ('ORIGINAL RESEARCH'); some journals print the whole byline in capitals, and a heading carries no
    affiliation number.
    """
    return (any(m.isdigit() or _ROMAN.fullmatch(m) for m in item.markers) and item.name.isupper()
            and looks_like_person(item.name.title()))


# cached (a pure function of the string): the byline search asks about the same names many times
@functools.lru_cache(maxsize=4096)
def is_collab(name: str) -> bool:
    """A group author: 'the PRISMA Group', 'on behalf of ...', 'HEBON', 'kConFab'."""
    n = name.strip()
    if _ON_BEHALF.match(n):
        return True
    if _COLLAB_WORDS.search(n):
        return True
    return bool(" " not in n and len(n) >= 3 and (_ACRONYM.fullmatch(n) is not None
                                                   or _CAMEL.fullmatch(n) is not None))


#: one syllable of Hanyu Pinyin (an initial, then a final), the romanisation of most Chinese names
_PINYIN = re.compile(r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|iao|ian|uai|uan|"
                     r"ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u)")
#: stop words that are also East-Asian name syllables ('Li Na Zhou', 'Jing An', 'Yu Na Kim', 'In Sook Park')
_SYLLABLE_STOPS = frozenset({"na", "an", "in", "no", "en", "o"})


def _east_asian_syllable_name(word: str, words: list[str]) -> bool:
    """Is the stop word ``word`` a syllable of an East-Asian name ('Na' in 'Li Na Zhou')?

    Why: 'na', 'an', 'in', 'no' are stop words that keep titles and sentences out of bylines, and one such
    name otherwise threw away the whole byline. The word must be capitalised, in a name of two to four short
    capitalised words, at least one other of which is a Pinyin syllable ('In Vivo' is no name: 'Vivo' is none).
    """
    if word.lower() not in _SYLLABLE_STOPS or not word[:1].isupper() or not 2 <= len(words) <= 4:
        return False
    if word.lower() in ("in", "no") and word is words[0]:
        return False  # 'In Hong Kong', 'No Man': an English phrase opens so ('Na Li' and 'An Jing' may not)
    if any(not (w[:1].isupper() and len(w) <= 8) for w in words):
        return False
    return any(w is not word and w.lower() not in _STOP and _PINYIN.fullmatch(w.lower()) for w in words)


# cached (a pure function of the string): each byline candidate re-tests the names of the lines before it
@functools.lru_cache(maxsize=4096)
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
    # a surname particle that is also a stop word ('Mohamed El Anbari') counts as one inside the name, and at
    # its head where the name is printed surname first ('El Anbari M'); capitals after a surname are initials
    # ('Boctor EM', not the Portuguese 'em') unless the whole line is in capitals
    surname_first = _INITIALS_LAST.search(n) is not None and not n.isupper()
    if any(w.lower().strip(".,") in _STOP for k, w in enumerate(ws)
           if w.lower() not in _IBERIAN_PARTICLES and not _INITIAL.fullmatch(w)
           and not ((k > 0 or surname_first) and w.lower() in _SURNAME_PARTICLES)
           and not (surname_first and k == len(ws) - 1)
           and not _east_asian_syllable_name(w, ws)):
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
    last = words[-1]
    if len(words) >= 2 and len(last) <= 4 and last.isalpha() and last.isupper() and not name.isupper() \
            and not (len(last) == 4 and _pronounceable(last)) and not re.fullmatch(r"[A-Z]{1,3}\.?", words[0]):
        return last, " ".join(words[:-1]), suffix  # Vancouver 'Smith JA', 'Gomes RRFM', 'Fluge Ø'
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in _SURNAME_PARTICLES and not (
            iberian and words[i - 1].lower() in _IBERIAN_PARTICLES):
        i -= 1
    given = " ".join(words[:i]) or None
    return given, " ".join(words[i:]), suffix


# ------------------------------------------------------------------ affiliations

#: an affiliation's label at the start of its line: '1.', '1 ', '1Department', '^1', 'a)', '*', 'II.'
AFF_LABEL = re.compile(
    r"^\s*\^?(?P<m>\d{1,3}|[a-z](?=[.)\s])|(?<=\^)[a-z](?=[A-ZÀ-Ý])|[IVX]{1,5}(?=[.)\s])|[*†‡§¶#])"
    r"(?:[.)]\s*|\s+|(?=[A-ZÀ-Ý]))(?P<text>\S.*)$"
)
#: The lookahead holds the first letters of the words below: it turns away most word starts before the
#: alternation is tried word by word, which halves the cost of this search over every front-matter line.
_INSTITUTION = re.compile(
    r"\b(?=[abcdefghilmnoprsuéÉ])"
    r"(universit|universid|univ\.|institut|department|departamento|dept\.|hospital|center\b|centre|school|laborator|"
    r"faculty|faculdade|facultad|college|museum|clinic|cl[ií]nica|foundation|fundação|fundaci[oó]n?|academy|"
    r"council|ministry|minist[eé]rio|research|service|servi[cç]o|unit\b|unidade|division|program|"
    r"secretaria|agency|organi[sz]ation|escola|escuela|instituto|n[uú]cleo|nucleus|corporation|inc\.|ltd|gmbh|"
    r"consortium|observatory|station|company|hospit|"
    # Romance spellings of the same words ('Servicio de Epidemiología', 'Istituto Zooprofilattico', 'Institució
    # Catalana', 'Agencia de Salud', 'Centro Nacional', 'École normale'), and a few more kinds of bodies
    r"servicio|istitut|instituci|agencia|ag[eê]ncia|centro\b|[eé]cole|bureau|l\.l\.c\.|llc\b)",
    re.I,
)


#: German compounds end in the institution word ('Forschungsinstitut', 'Krebsforschungszentrum', 'Universitätsklinik')
_COMPOUND = re.compile(r"\w(?:institut|zentrum|klinik)", re.I)


# cached (a pure function of the string): front-matter lines are tested by several readers
@functools.lru_cache(maxsize=4096)
def looks_institution(s: str) -> bool:
    """Does ``s`` read like an affiliation (an institution and/or a place)?"""
    if _INSTITUTION.search(s):
        return True
    low = s.lower()
    return ("institut" in low or "zentrum" in low or "klinik" in low) and _COMPOUND.search(s) is not None


def byline_goes_on(text: str, nxt: str) -> bool:
    """Does ``nxt`` continue the author list ``text`` although it holds an institution word?

    Why: a byline wrapped by the layout may go on with a line that names a group ('..., on behalf of the
    United Nations Inter-agency Group') or ends one ('..., the International Sheep Genomics' /
    'Consortium'); read as the first affiliation, it loses authors and adds an affiliation no author
    has. The line goes on the list when it opens with a name and its marker ('Cousens3, Joy E. Lawn4,
    ...': an affiliation opens with its institution, or with its label), or when it is a short remainder
    without a comma that, joined to the list's last, unmarked item, makes a group name.
    """
    head = nxt.split(",", 1)[0]
    if not looks_institution(head):
        items = parse_name_list(head)
        if len(items) == 1 and any(m not in _SYMBOLS for m in items[0].markers):
            return True
    if "," in nxt or len(nxt.split()) > 3:
        return False
    last = parse_name_list(text)[-1:]
    return bool(last) and not last[0].markers and is_collab(f"{last[0].name} {nxt}")


_JOINS_LIST = re.compile(r"^(?:[,;&]|and\b|y\b|e\b|und\b|et\b)", re.I)


def byline_closed(text: str, nxt: str) -> bool:
    """Has the author list ``text`` ended, so that the unmarked line ``nxt`` is not more of it?

    Why: a byline whose last name carries its markers and no separator ('..., Andrew Rambaut1,*') is
    complete; a layout wraps a list after a comma or 'and', never between two names without one. A web
    page's link bar printed under it ('Show more  Share  Cite') would otherwise read as one more author.
    A next line of marked names ('John Roe2') still goes on: some layouts print one author a line.
    """
    if re.search(r"(?:[,;&]|\band)\s*$", text, re.I) or _JOINS_LIST.match(nxt):
        return False
    last = parse_name_list(text)[-1:]
    if not last or not last[0].markers:
        return False
    return not any(it.markers for it in parse_name_list(nxt))


#: words a printed affiliation does not end with: a line that ends with one was cut by the layout
_OPEN_END = re.compile(r"(?:[,&\-–(/]|\b(?:and|of|for|the|in|at|de|da|do|dos|das|del|e|y|und|für|et))$", re.I)


def aff_line_continues(prev: str, nxt: str) -> bool:
    """Is ``nxt`` the rest of the affiliation on the line ``prev``, wrapped by the layout?

    Why: where each affiliation stands on its own line (under its author, or unlabelled), a long one
    that the page wrapped would otherwise read as two ('... George Washington University Medical
    Center,' / 'Washington, D. C., United States of America'). Only the text says so: ``prev`` stops
    at a comma or a connecting word, ``nxt`` goes on in lower case, or ``nxt`` completes a country name
    ('..., United' / 'Kingdom'). A line that ends an address ('..., Germany') never continues.
    """
    p = prev.rstrip()
    if not p or not nxt or ends_with_country(p):
        return False
    # a country name broken over the lines ('..., Manchester, United' / 'Kingdom')
    return bool(_OPEN_END.search(p)) or nxt[:1].islower() or (len(nxt.split()) <= 3 and ends_with_country(f"{p} {nxt}"))


def address_goes_on(prev: str, nxt: str) -> bool:
    """Does ``nxt`` finish the address that ``prev`` left open, even though it opens like a name?

    Why: an affiliation wrapped before a place or a royal name ('... Instituto de Salud' / 'Carlos III.
    Majadahoda, Madrid, España') puts a word and capitals at the start of a line, the shape of a
    Vancouver name that otherwise ends the affiliation list (the article's own citation). The citation
    does not end with a country; the rest of an unfinished address does.
    """
    return not ends_with_country(prev) and not prev.rstrip().endswith(".") and ends_with_country(nxt)


#: an ORCID iD on a line of its own, as a web page prints it under the author's name
ORCID_LINE = re.compile(r"^(?:ORCID(?: iD)?:?\s*)?(?:https?://orcid\.org/)?(?P<id>\d{4}-\d{4}-\d{4}-\d{3}[\dX])$", re.I)


def institution_only_in_groups(s: str) -> bool:
    """Is every institution word of the author line ``s`` inside a group author's name?

    Why: a byline without markers that ends with a group ('..., Kreg A. Leymaster, the International
    Sheep Genomics Consortium') holds an institution word, and a line with one would be taken for an
    affiliation. It is still a byline when the word belongs to an item that names a group, and the
    other items are people.
    """
    items = parse_name_list(s)
    if len(items) < 2:
        return False
    groups = [it for it in items if is_collab(it.name) and not looks_like_person(it.name)]
    people = [it for it in items if looks_like_person(it.name)]
    return bool(groups) and len(groups) + len(people) == len(items) and not any(
        looks_institution(it.name) for it in people)


def ends_with_country(text: str) -> bool:
    """Does ``text`` end with a country name ('..., Barcelona, Spain', '... Madrid, España')?

    Why: an affiliation ends with its country; an institution's name need not hold any word of
    :data:`_INSTITUTION` ('Synapse Energy Economics, Cambridge, Massachusetts, USA'), but its last
    element still says it is an address.
    """
    last = _LAST_ELEMENT.split(text.rstrip(" .;"))[-1].strip()
    return last.casefold() in _COUNTRIES or country_code(last) is not None


_LAST_ELEMENT = re.compile(r",|\.\s")


def split_aff_label(s: str) -> tuple[str | None, str]:
    """'1. Dept of X' -> ('1', 'Dept of X'); '1Department of X' -> ('1', ...); no label -> (None, s)."""
    m = AFF_LABEL.match(s)
    if m and looks_institution(m.group("text")) or m and _DIGIT_LABEL.match(s):
        return m.group("m"), m.group("text").strip()
    t = s.strip()
    if len(t) > 2 and t[0] in _GLUED_LETTERS.get() and t[1].isupper() and looks_institution(t[1:]):
        return t[0], t[1:]  # a letter label glued to its affiliation ('aDepartment of ...')
    return None, t


# ------------------------------------------------------------------ affiliation labels lost in extraction

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def label_ordinal(label: str) -> tuple[str, int] | None:
    """An affiliation label's numbering system and place in it: '3' -> ('digit', 3), 'IV' -> ('roman', 4),
    'c' -> ('letter', 3); None for a symbol ('*', '†'), which numbers nothing."""
    if label.isdigit():
        return "digit", int(label)
    if _ROMAN.fullmatch(label):
        total = 0
        for k, ch in enumerate(label):
            v = _ROMAN_VALUES[ch]
            total += -v if k + 1 < len(label) and _ROMAN_VALUES[label[k + 1]] > v else v
        return "roman", total
    if len(label) == 1 and "a" <= label <= "z":
        return "letter", ord(label) - ord("a") + 1
    return None


def _label_of(system: str, k: int) -> str:
    if system == "digit":
        return str(k)
    if system == "letter":
        return chr(ord("a") + k - 1)
    out = ""
    for v, r in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while k >= v:
            out, k = out + r, k - v
    return out


def fill_label_gaps(labels: list[str | None], markers: set[str]) -> list[str | None]:
    """Give unlabelled affiliations the labels missing from a consecutive numbering around them.

    Why: pdftotext prints a superscript affiliation number on a line of its own, and not always next to
    its affiliation: a number can land under the article's citation, beside another number ('4' / '5'),
    or be taken for a page number. The affiliation then reads unlabelled and the authors whose markers
    name it stay unlinked. Affiliations are printed in the order of their labels, so a run of unlabelled
    affiliations between labels ``a`` and ``b`` of one numbering system, exactly ``b - a - 1`` long, holds
    the labels in between; after the last label, a run takes the next labels only when the authors'
    markers reach exactly that far. A gap label is given only when some author carries it as a marker
    (a marker names the affiliation) and no affiliation has it already. Anything less regular is left
    alone: the link would be a guess.
    """
    out = list(labels)
    known = [(i, label_ordinal(lb)) for i, lb in enumerate(labels) if lb]
    systems = {o[0] for _, o in known if o is not None}
    if len(systems) != 1 or any(o is None for _, o in known) or None not in labels:
        return out
    system = systems.pop()
    nums = [o[1] for _, o in known if o is not None]
    if nums != sorted(set(nums)):
        return out  # not printed in label order, or a label twice: the order tells nothing
    marked = {o[1] for m in markers if (o := label_ordinal(m)) is not None and o[0] == system}
    top = max(marked | set(nums), default=0)
    bounds = [(-1, 0), *((i, o[1]) for i, o in known if o is not None), (len(labels), top + 1)]
    for (i, a), (j, b) in zip(bounds, bounds[1:]):
        run = list(range(i + 1, j))
        wanted = list(range(a + 1, b))
        if not run or len(run) != len(wanted) or not set(wanted) <= marked:
            continue
        for k, num in zip(run, wanted):
            out[k] = _label_of(system, num)
    return out


def resolve_aff_labels(seq: list[tuple[str, str | None]], markers: set[str]) -> list[str | None]:
    """The label of each affiliation, from the affiliation area read in print order.

    ``seq`` holds ``("label", "3")`` for a label printed on a line of its own and ``("aff", label)`` for
    each affiliation, ``label`` being the one printed at its start (``None`` when none was). Why a pass
    of its own: pdftotext moves superscript labels about. A run of label lines ('7' / '8') may stand
    over a run of affiliations, each label for the next unlabelled affiliation in turn; or a label
    lands after the affiliation it belongs to, so a run holds more labels than there are affiliations
    before the next label ('4' / '5' / 'Department ...', where '4' belonged to the line above): the
    labels nearest the affiliations are theirs, and the gap left above is filled from the numbering
    (:func:`fill_label_gaps`).
    """
    out: list[str | None] = []
    pending: list[str] = []
    j = 0
    while j < len(seq):
        kind, value = seq[j]
        if kind == "label":
            if value:
                pending.append(value)
            j += 1
            continue
        start = len(out)
        while j < len(seq) and seq[j][0] == "aff":
            out.append(seq[j][1])
            j += 1
        free = [k for k in range(start, len(out)) if out[k] is None]
        if pending and free:
            given = pending[:len(free)] if len(free) >= len(pending) else pending[-len(free):]
            for k, lb in zip(free, given):
                out[k] = lb
        pending = []
    return fill_label_gaps(out, markers)


# ------------------------------------------------------------------ surnames from the article's own citation

#: words printed after a surname that are not part of it in an index ('Antonio Pazin Filho' -> 'Pazin A')
_NAME_SUFFIXES = _SUFFIXES | {"filho", "neto", "júnior", "junior", "sobrinho"}
_CITE_LABEL = re.compile(r"^[^,:]{1,40}:\s*")
_CITED_END = re.compile(r"\s*\(|\.(?:\s|$)")
_CITED_NAME = re.compile(r"(?P<sur>[^\s,;()\d][^,;()\d]*?)\s+(?P<ini>[A-ZÀ-Þ][A-Za-zÀ-ÿ]{0,5})")


def cited_names(line: str) -> list[tuple[str, str]]:
    """The (surname, initials) pairs that open a Vancouver-style citation line, in order.

    'Citation: Oliver SP, Turner JR, D'Urban Jackson T (2013) Thresher ...' -> [('Oliver', 'SP'),
    ('Turner', 'JR'), ("D'Urban Jackson", 'T')]. Initials are capitals with at most two lower-case letters
    in a row (particles: 'Castro Sd', 'Cueva-Ariza LDl'); the list stops at the first item that is not
    such a name ('et al.', the title).
    """
    text = _CITE_LABEL.sub("", line.strip(), count=1)
    out: list[tuple[str, str]] = []
    for chunk in text.split(", "):
        end = _CITED_END.search(chunk)
        piece = chunk[:end.start()] if end else chunk
        m = _CITED_NAME.fullmatch(piece.strip())
        if m is None or re.search(r"[a-zà-ÿ]{3}", m.group("ini")) or m.group("sur").lower().startswith("et al"):
            break
        out.append((m.group("sur"), m.group("ini")))
        if end:
            break  # the author list ends where the year or the title begins
    return out


def repeats_byline(text: str, nxt: str) -> bool:
    """Is ``nxt`` the article's citation repeating the byline ``text`` ('Stonington S, Holmes SM, ...')?

    Why: a byline that ends with a group name ('..., The PLoS Medicine Editors') reads on into a
    citation line printed right under it, for a group name takes any words. The citation names the
    byline's first authors again, surname first.
    """
    cited = cited_names(nxt)
    names = parse_name_list(text)
    k = min(2, len(names))
    if not names or len(cited) < k:
        return False
    return all(names[i].name.split()[-1].casefold() == cited[i][0].split()[-1].casefold() for i in range(k))


def _initials_of(words: list[str]) -> str:
    return "".join(p[0] for w in words for p in w.replace(".", " ").replace("-", " ").split() if p[:1].isupper())


def _split_as_cited(given: str | None, surname: str,
                    cited: tuple[str, str]) -> tuple[str | None, str, str | None] | None:
    """(given, surname, suffix) of a byline name as its citation entry splits it, or None if they disagree."""
    words = f"{given or ''} {surname}".split()
    sur = cited[0].split()
    suffix = None
    if len(words) > len(sur) + 1 and words[-1].casefold().rstrip(".") in _NAME_SUFFIXES:
        suffix = words.pop()
    if len(words) <= len(sur) or [w.casefold() for w in words[-len(sur):]] != [w.casefold() for w in sur]:
        return None
    giv = words[:-len(sur)]
    caps = "".join(ch for ch in cited[1] if ch.isupper())
    if not caps or not _initials_of(giv).startswith(caps):
        return None
    return " ".join(giv), " ".join(words[-len(sur):]), suffix


def resplit_by_citation(people: list[tuple[str | None, str | None]],
                        lines: list[str]) -> dict[int, tuple[str | None, str, str | None]]:
    """New (given, surname, suffix) for byline names that the article's own citation splits otherwise.

    Why: a byline does not show where a compound surname begins ('Tim D'Urban Jackson', 'C. Murali
    Krishna', 'Silvana de Castro', 'Antonio Pazin Filho'), but the article's citation, printed as
    'Surname Initials', does ("D'Urban Jackson T", 'Murali Krishna C', 'Castro Sd', 'Pazin A'). The
    citation is the first line whose first names are the byline's first authors (two, when there are
    two), in order; each name whose words end with its cited surname, and whose given names start with
    the cited initials, takes that split. ``people`` holds (given, surname) per contributor, surname
    None for a group, where the citation's order can no longer be followed.
    """
    n = next((k for k, (_g, s) in enumerate(people) if not s), len(people))
    if n == 0:
        return {}
    need = min(n, 2)
    key = (people[0][1] or "").split()[-1]
    for line in lines:
        if key not in line or ", " not in line and n > 1:
            continue
        cited = cited_names(line)
        if len(cited) < need:
            continue
        splits = [_split_as_cited(g, s or "", c) for (g, s), c in zip(people[:n], cited)]
        if any(sp is None for sp in splits[:need]):
            continue
        return {k: sp for k, sp in enumerate(splits)
                if sp is not None and (sp[1], sp[0]) != (people[k][1], people[k][0])}
    return {}
