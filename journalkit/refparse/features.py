"""Token features for the reference CRF.

Reference strings are short and formulaic: what decides a token's field is
less the word itself than its shape (``J.``, ``1081``, ``2016a``), where it
sits (before or after the year, inside brackets or quotes, how many
sentence breaks precede it) and what its neighbours look like. The word
features are backed by a lexicon counted on the training data (shipped with
the model) and by small hand lists of words whose role is fixed (name
particles, journal-abbreviation words, months, publisher words).

Per-token features that depend only on the token's text are cached, which is
what keeps tagging above a thousand references a second in pure Python.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from .tokens import Token

__all__ = ["PARTICLES", "token_features", "sequence_features"]

PARTICLES = frozenset(
    "van von de der den del della di da dos das du la le ten ter bin ibn al el zu vander vanden st".split()
)
_JOURNAL_WORDS = frozenset(
    """j jour journal proc rev biol med chem phys sci res am int natl nat acad soc trans lett ann bull
    clin eur mol cell gen appl opin curr exp immunol neurosci genet pharmacol ecol evol microbiol
    physiol psychol psychiatry endocrinol cancer oncol pathol surg dis infect comput math stat econ
    environ geophys astron astrophys mater eng rep commun bioinform syst dev struct methods quart
    q assoc med j res""".split()
)
_PUBLISHER_WORDS = frozenset(
    """press university publishers publisher publishing verlag springer elsevier wiley academic
    books sage routledge oxford cambridge mit blackwell kluwer pergamon macmillan prentice hall
    mcgraw hill norton penguin harper crc taylor francis ltd inc co gmbh""".split()
)
_MONTHS = frozenset(
    """jan january feb february mar march apr april may jun june jul july aug august sep sept
    september oct october nov november dec december spring summer autumn fall winter""".split()
)
_MARKERS = {
    "vol": "vol", "volume": "vol", "no": "no", "nr": "no", "issue": "no", "iss": "no", "pp": "pp",
    "p": "pp", "pages": "pp", "page": "pp", "ed": "ed", "eds": "ed", "edn": "edn", "edition": "edn",
    "editor": "ed", "editors": "ed", "edited": "ed", "hrsg": "ed", "in": "in", "et": "et", "al": "al",
    "doi": "doi", "pmid": "pmid", "pubmed": "pmid", "pmcid": "pmcid", "available": "avail",
    "accessed": "avail", "retrieved": "avail", "url": "avail", "thesis": "thesis",
    "dissertation": "thesis", "phd": "thesis", "report": "report", "proceedings": "conf",
    "conference": "conf", "symposium": "conf", "workshop": "conf", "congress": "conf", "and": "and",
    "isbn": "isbn", "arxiv": "arxiv", "preprint": "arxiv", "biorxiv": "arxiv",
}
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_YEAR_RE = re.compile(r"(1[5-9]\d\d|20\d\d)[a-z]?")
_ROMAN_RE = re.compile(r"[ivxlcdm]+", re.IGNORECASE)
_SHAPE_SUBS = (
    (re.compile(r"[A-Z]"), "X"),
    (re.compile(r"[a-z]"), "x"),
    (re.compile(r"[0-9]"), "d"),
)
_SQUEEZE = re.compile(r"(.)\1{2,}")
_QUOTE_OPEN = "“‘«„"
_QUOTE_CLOSE = "”’»"


def _shape(text: str) -> str:
    s = text
    for rx, rep in _SHAPE_SUBS:
        s = rx.sub(rep, s)
    s = "".join(ch if ch in "Xxd" or not ch.isalpha() else ("X" if ch.isupper() else "x") for ch in s)
    return _SQUEEZE.sub(r"\1\1", s)


_cache: dict[tuple[str, str | None], tuple[str, ...]] = {}
_cache_owner: list[int] = [0]


def token_features(tok: Token, lexicon: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Context-free features of one token (cached by text and kind)."""
    if _cache_owner[0] != id(lexicon):  # another lexicon: cached lex= features are stale
        _cache.clear()
        _cache_owner[0] = id(lexicon)
    key = (tok.text, tok.kind)
    hit = _cache.get(key)
    if hit is not None:
        return hit
    t = tok.text
    low = t.lower()
    f: list[str] = []
    if tok.kind:
        f.append("kind=" + tok.kind)
    else:
        # short tokens keep their case: "Y" (an initial) is not "y" (Spanish "and")
        f.append("w=" + (t if len(t) <= 3 else low))
        f.append("sh=" + _shape(t))
        f.append("len=" + str(min(len(t), 8)))
        if len(t) > 3:
            f.append("suf=" + low[-3:])
            f.append("pre=" + low[:3])
        if t.isdigit():
            f.append("digits=" + str(min(len(t), 9)))
            if _YEAR_RE.fullmatch(t):
                f.append("year")
            if len(t) >= 5:
                f.append("longnum")
        elif _YEAR_RE.fullmatch(t):
            f.append("year")
            f.append("yearsuffix")
        elif t.isalpha():
            if t.isupper():
                f.append("upper" if len(t) > 3 else "upshort")
                if len(t) == 1:
                    f.append("initial")
            elif t[0].isupper():
                f.append("title")
            elif t.islower():
                f.append("lower")
            else:
                f.append("mixed")
            if _ROMAN_RE.fullmatch(t):
                f.append("roman")
        elif not t[0].isalnum():
            f.append("punct")
        else:
            f.append("alnum")
            if t[0] in "eE" and t[1:].isdigit():
                f.append("elocator")
        if low in PARTICLES:
            f.append("particle")
        if low in _JOURNAL_WORDS:
            f.append("jword")
        if low in _PUBLISHER_WORDS:
            f.append("pubword")
        if low in _MONTHS:
            f.append("month")
        if low in _SUFFIXES:
            f.append("namesuffix")
        m = _MARKERS.get(low)
        if m:
            f.append("mark=" + m)
        for lab in lexicon.get(low, ()):
            f.append("lex=" + lab)
    out = tuple(f)
    if len(_cache) < 200_000:
        _cache[key] = out
    return out


def sequence_features(tokens: Sequence[Token], lexicon: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Features of every token of one reference, with position and context."""
    n = len(tokens)
    base = [token_features(t, lexicon) for t in tokens]
    words = [t.text.lower() if t.kind is None else "<" + t.kind + ">" for t in tokens]
    shapes = [b[1][3:] if t.kind is None else t.kind for t, b in zip(tokens, base)]
    # segments: stretches between sentence breaks (". ", ": ", "; " not after an initial).
    # Vancouver/APA put one field per segment, so the segment's length, case profile and
    # what starts the next one say a lot (the journal is the segment before "2016;").
    seg_of: list[int] = []
    seg_bounds: list[list[int]] = [[0, 0]]
    for i, tok in enumerate(tokens):
        seg_of.append(len(seg_bounds) - 1)
        seg_bounds[-1][1] = i + 1
        t = tok.text
        nxt_tok = tokens[i + 1] if i + 1 < n else None
        if t in ".:;?!" and nxt_tok is not None and nxt_tok.space_before:
            prev = tokens[i - 1].text if i else ""
            after = tokens[i + 2].text if i + 2 < n else ""
            # "Smith J. The title": a break; "J. Smith," / "J. A. Smith": an initial's dot
            nt = nxt_tok.text
            initial_dot = t == "." and len(prev) == 1 and prev.isupper()
            if not initial_dot or nt[0].isdigit() or (len(nt) > 1 and nt[0].isupper()
                                                      and after not in (",", ".")):
                seg_bounds.append([i + 1, i + 1])
    seg_feats: list[list[str]] = []
    for k, (a, b) in enumerate(seg_bounds):
        length = b - a
        sf = ["seglen=" + ("1" if length <= 1 else "2" if length <= 2 else "3" if length <= 4
                           else "5" if length <= 7 else "8" if length <= 13 else "14")]
        words_ = [tokens[j].text for j in range(a, b) if tokens[j].text.isalpha() and len(tokens[j].text) > 3]
        if words_:
            caps = sum(w[0].isupper() for w in words_)
            sf.append("segcase=" + ("all" if caps == len(words_) else "none" if caps == 0 else
                                    "most" if caps * 2 > len(words_) else "few"))
        nextseg = shapes[seg_bounds[k + 1][0]] if k + 1 < len(seg_bounds) and seg_bounds[k + 1][0] < n \
            else "<end>"
        sf.append("nextseg=" + nextseg)
        sf.append(sf[0] + "|" + nextseg)  # segment length with what follows it
        if k > 0:
            sf.append("prevseg=" + shapes[a - 2] if a >= 2 else "prevseg=<start>")
        sf.append("seg=" + str(min(k, 6)))
        seg_feats.append(sf)
    out: list[list[str]] = []
    paren = brack = 0
    quote = False
    breaks = 0
    commas = 0
    seen_year = False
    seen_quote_close = False
    for i, tok in enumerate(tokens):
        t = tok.text
        f = list(base[i])
        f.append("bias")
        f.extend(seg_feats[seg_of[i]])
        f.append("pos=" + str(10 * i // n))
        if i < 3:
            f.append("i=" + str(i))
        if i == n - 1:
            f.append("last")
        f.append("sb" if tok.space_before else "nosb")
        nxt = tokens[i + 1] if i + 1 < n else None
        if nxt is not None and not nxt.space_before:
            f.append("glued")
        if paren:
            f.append("inparen")
        if brack:
            f.append("inbrack")
        if quote:
            f.append("inquote")
        f.append("breaks=" + str(min(breaks, 5)))
        f.append("commas=" + str(min(commas, 6)))
        if seen_year:
            f.append("afteryear")
        if seen_quote_close:
            f.append("afterquote")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f.append(f"w[{d}]=" + words[j])
                f.append(f"sh[{d}]=" + shapes[j])
            else:
                f.append(f"w[{d}]=<edge>")
        if i > 0:
            f.append("w[-1]|w=" + words[i - 1] + "|" + words[i])
        if nxt is not None:
            f.append("w|w[1]=" + words[i] + "|" + words[i + 1])
        out.append(f)
        # state after this token
        if t == "(":
            paren += 1
        elif t == ")" and paren:
            paren -= 1
        elif t == "[":
            brack += 1
        elif t == "]" and brack:
            brack -= 1
        elif t in _QUOTE_OPEN or (t == '"' and not quote):
            quote = True
        elif t in _QUOTE_CLOSE or (t == '"' and quote):
            if quote:
                seen_quote_close = True
            quote = False
        elif t == ",":
            commas += 1
        elif t in ".:;?!" and (nxt is None or nxt.space_before):
            # "J." after an initial is not a sentence break; "Smith J." at a name end is
            prev = tokens[i - 1].text if i else ""
            if not (len(prev) == 1 and prev.isupper() and t == "."):
                breaks += 1
        if "year" in base[i]:
            seen_year = True
    return out
