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
_QUOTE_OPEN = "“‘«„"
_QUOTE_CLOSE = "”’»"


_SHAPE_TABLE = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"},
                               **{c: "x" for c in "abcdefghijklmnopqrstuvwxyz"}, **{c: "d" for c in "0123456789"}})


def _squeeze(s: str) -> str:
    """Runs of three or more equal characters cut to two ("Xxxxx" -> "Xxx"); newlines are not squeezed.

    The trained model saw the output of ``re.sub(r"(.)\\1{2,}", r"\\1\\1", s)``, whose ``.`` skips
    newlines; a loop is several times faster than the regex for these short strings.
    """
    out: list[str] = []
    prev = ""
    run = 0
    for ch in s:
        if ch == prev and ch != "\n":
            run += 1
            if run > 2:
                continue
        else:
            prev, run = ch, 1
        out.append(ch)
    return "".join(out)


def _shape(text: str) -> str:
    """ASCII letters and digits by translation table; other letters by their case (``Å`` -> ``X``)."""
    s = text.translate(_SHAPE_TABLE)
    if not s.isascii():
        s = "".join(ch if ch in "Xxd" or not ch.isalpha() else ("X" if ch.isupper() else "x") for ch in s)
    return _squeeze(s) if len(s) > 2 else s


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


_POS = tuple("pos=" + str(k) for k in range(10))
_FIRST = ("i=0", "i=1", "i=2")
_BREAKS = tuple("breaks=" + str(k) for k in range(6))
_COMMAS = tuple("commas=" + str(k) for k in range(7))
_SEGLEN = ("seglen=1", "seglen=1", "seglen=2", "seglen=3", "seglen=3", "seglen=5", "seglen=5", "seglen=5")
_BREAK_PUNCT = frozenset(".:;?!")
_EDGE_L2, _EDGE_L1, _EDGE_R1, _EDGE_R2 = "w[-2]=<edge>", "w[-1]=<edge>", "w[1]=<edge>", "w[2]=<edge>"


class _TokenContext:
    """Everything about one token text that its neighbours' features quote, built once per (text, kind).

    A token appears as ``w[-2]``, ``w[-1]``, ``w[1]`` and ``w[2]`` of four
    other tokens and in two word pairs; building those strings once per
    distinct token (instead of formatting them for every neighbour of every
    reference) is most of what makes feature extraction cheap.
    """

    __slots__ = ("base", "word", "shape", "is_year", "l2", "l1", "r1", "r2", "pair_left", "pair_right")

    def __init__(self, tok: Token, base: tuple[str, ...]) -> None:
        self.base = base
        word = tok.text.lower() if tok.kind is None else "<" + tok.kind + ">"
        shape = base[1][3:] if tok.kind is None else tok.kind
        self.word = word
        self.shape = shape
        self.is_year = "year" in base
        self.l2 = ("w[-2]=" + word, "sh[-2]=" + shape)
        self.l1 = ("w[-1]=" + word, "sh[-1]=" + shape)
        self.r1 = ("w[1]=" + word, "sh[1]=" + shape)
        self.r2 = ("w[2]=" + word, "sh[2]=" + shape)
        self.pair_left = "w[-1]|w=" + word + "|"  # this token as the left word of the next one's pair
        self.pair_right = "w|w[1]=" + word + "|"  # this token's own pair with the next word


_ctx_cache: dict[tuple[str, str | None], _TokenContext] = {}


def _contexts(tokens: Sequence[Token], lexicon: Mapping[str, Sequence[str]]) -> list[_TokenContext]:
    if _cache_owner[0] != id(lexicon):
        _ctx_cache.clear()  # token_features clears its own cache on the same test
    out = []
    get = _ctx_cache.get
    for tok in tokens:
        key = (tok.text, tok.kind)
        c = get(key)
        if c is None:
            c = _TokenContext(tok, token_features(tok, lexicon))
            if len(_ctx_cache) < 200_000:
                _ctx_cache[key] = c
        out.append(c)
    return out


def sequence_features(tokens: Sequence[Token], lexicon: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Features of every token of one reference, with position and context.

    The feature strings are exactly those the shipped model was trained on
    (tests/refparse/test_refparse_features.py pins them); the per-token parts
    come from :class:`_TokenContext` so the loop below only assembles them.
    """
    n = len(tokens)
    if n == 0:
        return []
    ctx = _contexts(tokens, lexicon)
    texts = [t.text for t in tokens]
    spaced = [t.space_before for t in tokens]
    # segments: stretches between sentence breaks (". ", ": ", "; " not after an initial).
    # Vancouver/APA put one field per segment, so the segment's length, case profile and
    # what starts the next one say a lot (the journal is the segment before "2016;").
    seg_of: list[int] = []
    seg_bounds: list[list[int]] = [[0, 0]]
    for i in range(n):
        seg_of.append(len(seg_bounds) - 1)
        seg_bounds[-1][1] = i + 1
        t = texts[i]
        if t in _BREAK_PUNCT and i + 1 < n and spaced[i + 1]:
            prev = texts[i - 1] if i else ""
            after = texts[i + 2] if i + 2 < n else ""
            # "Smith J. The title": a break; "J. Smith," / "J. A. Smith": an initial's dot
            nt = texts[i + 1]
            initial_dot = t == "." and len(prev) == 1 and prev.isupper()
            if not initial_dot or nt[0].isdigit() or (len(nt) > 1 and nt[0].isupper()
                                                      and after not in (",", ".")):
                seg_bounds.append([i + 1, i + 1])
    seg_feats: list[list[str]] = []
    n_segs = len(seg_bounds)
    for k, (a, b) in enumerate(seg_bounds):
        length = b - a
        sf = [_SEGLEN[length] if length < 8 else "seglen=8" if length <= 13 else "seglen=14"]
        words_ = [w for w in texts[a:b] if len(w) > 3 and w.isalpha()]
        if words_:
            caps = sum(w[0].isupper() for w in words_)
            sf.append("segcase=" + ("all" if caps == len(words_) else "none" if caps == 0 else
                                    "most" if caps * 2 > len(words_) else "few"))
        nextseg = ctx[seg_bounds[k + 1][0]].shape if k + 1 < n_segs and seg_bounds[k + 1][0] < n else "<end>"
        sf.append("nextseg=" + nextseg)
        sf.append(sf[0] + "|" + nextseg)  # segment length with what follows it
        if k > 0:
            sf.append("prevseg=" + ctx[a - 2].shape if a >= 2 else "prevseg=<start>")
        sf.append("seg=" + str(min(k, 6)))
        seg_feats.append(sf)
    out: list[list[str]] = []
    paren = brack = 0
    quote = False
    breaks = 0
    commas = 0
    seen_year = False
    seen_quote_close = False
    last = n - 1
    for i in range(n):
        t = texts[i]
        c = ctx[i]
        f = list(c.base)
        f.append("bias")
        f += seg_feats[seg_of[i]]
        f.append(_POS[10 * i // n])
        if i < 3:
            f.append(_FIRST[i])
        if i == last:
            f.append("last")
        f.append("sb" if spaced[i] else "nosb")
        if i < last and not spaced[i + 1]:
            f.append("glued")
        if paren:
            f.append("inparen")
        if brack:
            f.append("inbrack")
        if quote:
            f.append("inquote")
        f.append(_BREAKS[breaks if breaks < 5 else 5])
        f.append(_COMMAS[commas if commas < 6 else 6])
        if seen_year:
            f.append("afteryear")
        if seen_quote_close:
            f.append("afterquote")
        if i >= 2:
            f += ctx[i - 2].l2
        else:
            f.append(_EDGE_L2)
        if i >= 1:
            f += ctx[i - 1].l1
        else:
            f.append(_EDGE_L1)
        if i < last:
            f += ctx[i + 1].r1
        else:
            f.append(_EDGE_R1)
        if i + 2 < n:
            f += ctx[i + 2].r2
        else:
            f.append(_EDGE_R2)
        if i > 0:
            f.append(ctx[i - 1].pair_left + c.word)
        if i < last:
            f.append(c.pair_right + ctx[i + 1].word)
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
        elif t in _BREAK_PUNCT and (i == last or spaced[i + 1]):
            # "J." after an initial is not a sentence break; "Smith J." at a name end is
            prev = texts[i - 1] if i else ""
            if not (len(prev) == 1 and prev.isupper() and t == "."):
                breaks += 1
        if c.is_year:
            seen_year = True
    return out
