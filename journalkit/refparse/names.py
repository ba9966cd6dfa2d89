"""Splitting an author/editor block into names, and names into their parts.

The CRF finds where the author block starts and ends; inside it the
structure is regular enough for rules, and rules give exact character spans.
The hard part is the comma, which separates names in ``Smith JA, Jones K``
but surname from initials in ``Smith, J. A., Jones, K.``: we cut at every
separator first and then re-join a surname-only piece with a following
initials-only piece, which is what the inverted styles (APA, Chicago,
Harvard) write.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .features import PARTICLES

__all__ = ["NameSpan", "split_names", "looks_like_collab"]

_SEP_RE = re.compile(r"\s*(?:;|,\s*(?:and|&)\s+|,|\s+(?:and|&|und|et|y)\s+|&)\s*", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\s]+")
# an initial: J  J.  JA  J.A.  J.-P.  Ch.  (but not a capitalised word)
_INITIALS_RE = re.compile(r"(?:[A-Z](?:[a-z]?\.|\.?-[A-Z]\.?)?|[A-Z]{2,3}\.?|(?:[A-Z]\.){2,4})")
# case-sensitive: "SR" and "JR" in "Duncan SR" are initials, "Ivanov IV" is initials too
_SUFFIX_RE = re.compile(r"(?:Jr|Sr|II|III|IV|2nd|3rd)\.?")
_COLLAB_WORDS = re.compile(
    r"\b(?:consortium|group|collaboration|collaborators|committee|society|association|organi[sz]ation|"
    r"institute|council|network|team|working|project|investigators|agency|department|ministry|office|"
    r"board|centre|center|foundation|federation|union|commission|programme|program|bureau|survey|"
    r"world|national|international|university|who|unesco|unicef|panel|alliance|study)\b",
    re.IGNORECASE,
)


@dataclass
class NameSpan:
    """One person (or group) in a block; all offsets index the reference string."""

    start: int
    end: int
    surname: tuple[int, int] | None = None
    given: tuple[int, int] | None = None
    suffix: tuple[int, int] | None = None
    collab: bool = False
    parts: list[tuple[str, int, int]] = field(default_factory=list)


def _is_initials(word: str) -> bool:
    return bool(_INITIALS_RE.fullmatch(word))


def looks_like_collab(text: str) -> bool:
    """A group author: organisation words and no initials."""
    words = text.split()
    if not _COLLAB_WORDS.search(text):
        return False
    return not any(_is_initials(w.rstrip(",.")) for w in words) or len(words) > 4


def _words(raw: str, s: int, e: int) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD_RE.finditer(raw, s, e)]


def _strip_word(w: tuple[str, int, int]) -> tuple[str, int, int]:
    text, s, e = w
    while text and text[-1] in ",;:":
        text, e = text[:-1], e - 1
    return text, s, e


def _piece_kind(raw: str, s: int, e: int) -> str:
    words = [_strip_word(w)[0] for w in _words(raw, s, e)]
    words = [w for w in words if w]
    if not words:
        return "empty"
    if all(_is_initials(w) for w in words):
        return "initials"
    if any(_is_initials(w) for w in words):
        return "mixed"
    return "words"


def _parse_name(raw: str, s: int, e: int) -> NameSpan:
    ns = NameSpan(s, e)
    words = [w for w in (_strip_word(w) for w in _words(raw, s, e)) if w[0]]
    if not words:
        return ns
    if looks_like_collab(raw[s:e]):
        ns.collab = True
        return ns
    # suffix at the end ("Smith JA Jr", "Smith, J. A., Jr.")
    if len(words) > 2 and _SUFFIX_RE.fullmatch(words[-1][0]):
        ns.suffix = (words[-1][1], words[-1][2])
        words = words[:-1]
    comma = raw.find(",", s, words[-1][2])
    if comma >= 0:
        sur = [w for w in words if w[2] <= comma + 1]
        giv = [w for w in words if w[1] > comma]
        if sur and giv:
            ns.surname = (sur[0][1], comma if raw[sur[-1][2] - 1] == "," else sur[-1][2])
            ns.given = (giv[0][1], giv[-1][2])
            return ns
    texts = [w[0] for w in words]
    n_lead = 0
    while n_lead < len(words) - 1 and _is_initials(texts[n_lead]) and texts[n_lead].lower() not in PARTICLES:
        n_lead += 1
    n_trail = 0
    while n_trail < len(words) - 1 and _is_initials(texts[len(words) - 1 - n_trail]):
        n_trail += 1
    if n_trail and not n_lead:
        # Vancouver / "Courtin D." : surname first, initials last
        cut = len(words) - n_trail
        ns.surname = (words[0][1], words[cut - 1][2])
        ns.given = (words[cut][1], words[-1][2])
    elif n_lead:
        # "J. A. Smith", "S. Rock"
        ns.given = (words[0][1], words[n_lead - 1][2])
        ns.surname = (words[n_lead][1], words[-1][2])
    elif len(words) == 1:
        ns.surname = (words[0][1], words[0][2])
    else:
        # full names in natural order: the surname is the last word with its particles
        k = len(words) - 1
        while k > 1 and texts[k - 1].lower() in PARTICLES:
            k -= 1
        ns.given = (words[0][1], words[k - 1][2])
        ns.surname = (words[k][1], words[-1][2])
    return ns


def split_names(raw: str, start: int, end: int) -> list[NameSpan]:
    """The names of the block ``raw[start:end]``, in order, with their part spans."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for m in _SEP_RE.finditer(raw, start, end):
        if m.start() > pos:
            pieces.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        pieces.append((pos, end))
    # trim stray punctuation/space at the ends of a piece, keeping a final "." of initials
    clean: list[tuple[int, int]] = []
    for s, e in pieces:
        while s < e and (raw[s].isspace() or raw[s] in ",;:&"):
            s += 1
        while e > s and (raw[e - 1].isspace() or raw[e - 1] in ",;:&"):
            e -= 1
        if e > s:
            clean.append((s, e))
    kinds = [_piece_kind(raw, s, e) for s, e in clean]
    whole = raw[start:end]
    if looks_like_collab(whole) and "," not in whole and ";" not in whole:
        return [NameSpan(start, end, collab=True)]
    # inverted with full given names throughout ("Keil, Sylvester, and Smith, John")
    all_pairs = (
        len(clean) >= 2 and len(clean) % 2 == 0 and all(k == "words" for k in kinds)
        and all(len(raw[s:e].split()) <= 2 for s, e in clean[0::2])
        and "," in whole and not any(raw[e:e + 1] == ";" for _, e in clean)
    )
    names: list[NameSpan] = []
    i = 0
    while i < len(clean):
        s, e = clean[i]
        join = False
        if i + 1 < len(clean) and raw[e:clean[i + 1][0]].strip() == ",":
            nk = kinds[i + 1]
            if kinds[i] == "words" and nk == "initials":
                join = True
            elif kinds[i] == "words" and nk == "words" and (all_pairs or (i == 0 and len(clean) == 2
                                                                         and len(raw[s:e].split()) == 1)):
                join = True
            elif kinds[i] == "words" and nk == "words" and i == 0 and len(raw[s:e].split()) == 1 \
                    and len(clean) > 2 and kinds[2] in ("mixed", "words"):
                # "Ford, William, J. M. Menzel ..." : only the first name is inverted
                join = True
        if join:
            e = clean[i + 1][1]
            i += 2
        else:
            i += 1
        names.append(_parse_name(raw, s, e))
    return names
