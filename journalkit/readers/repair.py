"""Stage 2, repair: undo the damage of copying text out of PDFs and web pages.

Every change is an :class:`~journalkit.document.Edit` recorded in the report
with its kind, the original, the replacement and the offset in the input.
Repairs are conservative: a join or a letter is only added when the document
itself attests the result (the joined word occurs elsewhere); when unsure the
text is kept and a warning says why.

Kinds: ``newline``, ``whitespace``, ``invisible``, ``soft-hyphen``,
``ligature``, ``markup``, ``link-label``, ``icon-glyph``, ``doi-space``,
``doi-hyphen``, ``hyphenation``, ``hyphen-restored``, ``drop-cap``, ``html-entity``.
"""

from __future__ import annotations

import functools
import html
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator

from ..document import Document, Edit

__all__ = ["repair", "REPAIRS", "LINK_LABELS"]

# ---------------------------------------------------------------- patterns
_CRLF = re.compile(r"\r\n?")
_FORMFEED = re.compile(r"[\f\v]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_NBSP = re.compile("[\u00a0\u2007\u202f\u2009\u200a\u2002\u2003]")
# the members of the classes above, for the ``needs`` prefilter of :func:`_simple`
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, 0xFFFE, 0xFFFF]))
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_NBSP_CHARS = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003"
_LIGATURE_CHARS = "".join(map(chr, range(0xFB00, 0xFB07)))
_TRAILING = re.compile(r"[ \t]+(?=\n|\Z)")
_MULTISPACE = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
_TAB = re.compile(r"\t")
_ASTERISK_CHARS = "\u2217\u204e\uff0a"  # ASTERISK OPERATOR, LOW ASTERISK, FULLWIDTH ASTERISK
_ASTERISK = re.compile("[" + _ASTERISK_CHARS + "]")
_SOFT_HYPHEN_EOL = re.compile("(\\w)\u00ad[ \\t]*\\n[ \\t]*(\\w)")
_SOFT_HYPHEN = re.compile("\u00ad")
_LIGATURES = re.compile("[\ufb00-\ufb06]")
_MARKUP = re.compile(r"\*\*([^*\n]{1,200}?)\*\*|__([^_\n]{1,200}?)__")
_WORD = re.compile(r"[^\W\d_]+")
#: an HTML character reference a text browser printed as it stood in the page's source ('Smith &amp; Jones'):
#: the five XML ones, the no-break space, and numeric references of characters that print
_HTML_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|nbsp|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});")

#: link labels that web pages and PDF viewers print with no content behind them
LINK_LABELS = (
    "PMID", "PMCID", "PubMed", "PubMed Central", "Google Scholar", "CrossRef", "Crossref",
    "DOI", "Ref list", "Free article", "Free PMC article", "Full text", "Full Text", "Web of Science",
    "Scopus", "Abstract", "Article", "CAS", "ADS", "MathSciNet", "Europe PMC", "Link",
)
_BRACKET_LABEL = re.compile(
    r"[ \t]*\[(?:" + "|".join(re.escape(x) for x in sorted(LINK_LABELS, key=len, reverse=True)) + r")\]"
)
#: labels that trail a line of real text ("... doi:10.7150/jca.14866 This issue")
_TRAILING_LABELS = ("This issue", "File import instruction", "Download PDF", "Download citation",
                    "View Article", "Google Scholar", "PubMed", "CrossRef")
_TRAILING_LABEL = re.compile(
    r"(?<=\S)[ \t]+(?:" + "|".join(re.escape(x) for x in _TRAILING_LABELS) + r")[ \t]*(?=\n|\Z)"
)

# Pictographs and private-use glyphs: icon fonts (ORCID, e-mail, PDF links)
# that extraction turned into a random symbol. The envelope is kept: it marks
# the corresponding author and the extractor reads it.
_KEEP_SYMBOLS = set("✉✆☎✝†‡§¶©®™°±×÷→←↑↓•·★☆✓✔∗")
#: every character of ``_ICON``'s class is U+2600 or above
_FROM_U2600 = re.compile("[\u2600-\U0010ffff]")
_ICON = re.compile("[\U0001f300-\U0001faff\U0001f000-\U0001f2ff\ue000-\uf8ff\u2600-\u27bf\u2b00-\u2bff]"
                   "\ufe0f?")

_DOI_SPACE = re.compile(r"(\b10\.\d{4,9}/)([ \t]+)(?=[A-Za-z0-9(])")
_DOI_TOKEN = re.compile(r"\b10\.\d{4,9}/[^\s\]>\"']+")
_DOI_INNER_HYPHEN = re.compile(r"([A-Za-z]{2,})-([A-Za-z]{2,})")
# anchored on the rare "-\n" first: a leading word pattern would be tried at every position of the text
_EOL_HYPHEN = re.compile(r"(?<=[^\W\d_]{2})-\n[ \t]*(?=[^\W\d_]{2})")
_WORD_AFTER = re.compile(r"[^\W\d_]+")
_PARA_START = re.compile(r"(?:\A|\n[ \t]*\n)[ \t]*([a-z]{1,2}) ([a-z]+)")
#: the line breaks where the ``\n`` branch of _PARA_START can match (a lookahead, so none is skipped): trying
#: the pattern at these few instead of at every line break of the text
_PARA_BREAK = re.compile(r"\n(?=[ \t]*\n[ \t]*[a-z]{1,2} [a-z])")


_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")

# Candidate finders for the patterns above that open with a lookbehind, \b or
# a character class: those make finditer try the pattern at (nearly) every
# position of the text. The candidates open with a literal, which the regex
# engine finds by a fast scan; the full pattern then runs only at the few
# places where a match can start (see _finditer_at).
_BRACKET_LABEL_CORE = re.compile(
    r"\[(?:" + "|".join(re.escape(x) for x in sorted(LINK_LABELS, key=len, reverse=True)) + r")\]"
)
_TRAILING_LABEL_CORE = re.compile(r"(?:" + "|".join(re.escape(x) for x in _TRAILING_LABELS) + r")[ \t]*(?=\n|\Z)")
_SPACE_RUN = re.compile(r"[ \t]{2,}")


def _finditer_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` when every match begins at one of ``starts`` (ascending).

    finditer resumes after each match, so a start inside the previous match is
    skipped, as finditer would skip it.
    """
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            yield m
            end = m.end()


def _occurrences(text: str, literal: str) -> Iterator[int]:
    pos = text.find(literal)
    while pos != -1:
        yield pos
        pos = text.find(literal, pos + 1)


def _run_starts(text: str, found: Iterable[re.Match[str]]) -> Iterator[int]:
    """Where the run of spaces and tabs just before each match begins (the match itself if none)."""
    for m in found:
        pos = m.start()
        while pos > 0 and text[pos - 1] in " \t":
            pos -= 1
        yield pos


class _Vocabulary:
    """Word counts, hyphenated compounds and word pairs of a text, each built on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None
        self._counts: Counter[str] | None = None
        self._compounds: Counter[str] | None = None
        self._bigrams: Counter[tuple[str, str]] | None = None
        self._common: dict[str, int] = {}

    @property
    def folded(self) -> str:
        """The text case-folded, on first use: a text with no DOI or line-end hyphen to join asks nothing."""
        if self._folded is None:
            self._folded = self.text.casefold()
        return self._folded

    @property
    def counts(self) -> Counter[str]:
        if self._counts is None:
            self._counts = Counter(_WORD.findall(self.folded))
        return self._counts

    def count(self, word: str) -> int:
        """``counts[word]``, counted in place while the word occurs only a few times.

        Counting every word of the text is what costs; most questions are about
        one rare word. An occurrence is a count when no letter touches it on
        either side, which is what makes it a whole token of ``_WORD``.
        """
        if self._counts is not None:
            return self._counts[word]
        if not _WORD.fullmatch(word):  # every counted token is a run of letters
            return 0
        folded, size, n, seen = self.folded, len(word), 0, 0
        pos = folded.find(word)
        while pos != -1:
            seen += 1
            if seen > 64:  # a common word
                return self._count_common(word)
            if (pos == 0 or _LETTER.match(folded, pos - 1) is None) and _LETTER.match(folded, pos + size) is None:
                n += 1
            pos = folded.find(word, pos + 1)
        return n

    def _count_common(self, word: str) -> int:
        """``counts[word]`` for a word (or part of words) found many times: one regex scan for it.

        The drop-cap pass asks about fragments such as "n" or "he", which occur in most words: a scan
        for the one word costs a tenth of counting every word of the text, so the full count is only
        made when many such words are asked about.
        """
        if len(self._common) >= 8:
            return self.counts[word]
        n = self._common.get(word)
        if n is None:
            n = self._common[word] = len(_whole_word(word).findall(self.folded))
        return n

    def compound_count(self, key: str) -> int:
        """``compounds[key]``; the compounds are only collected when ``key`` occurs in the text at all."""
        return self.compounds[key] if key in self.folded else 0

    @property
    def compounds(self) -> Counter[str]:
        if self._compounds is None:
            self._compounds = Counter(_HYPHENATED.findall(self.folded))
        return self._compounds

    @property
    def bigrams(self) -> Counter[tuple[str, str]]:
        """Adjacent word pairs (built on first use: only drop-cap evidence needs them)."""
        if self._bigrams is None:
            pairs: Counter[tuple[str, str]] = Counter()
            prev: re.Match[str] | None = None
            for m in _WORD.finditer(self.folded):
                if prev is not None and m.start() == prev.end() + 1 and self.folded[prev.end()] == " ":
                    pairs[(prev.group(0), m.group(0))] += 1
                prev = m
            self._bigrams = pairs
        return self._bigrams


@functools.lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    """``word`` where no letter touches it: a token of ``_WORD`` equal to it.

    The literal comes first, so the engine jumps from one occurrence to the next; the look-behind after
    it checks the character before the word.
    """
    w = re.escape(word)
    return re.compile(rf"{w}(?<![^\W\d_]{w})(?![^\W\d_])")


def _vocab(doc: Document) -> _Vocabulary:
    """The document's vocabulary, built once per repair run.

    The evidence passes only ever join or re-case a few words, which does not
    change what the document attests, so later passes reuse the first count.
    """
    vocab = doc.options.get("_vocab")
    if vocab is None:
        vocab = doc.options["_vocab"] = _Vocabulary(doc.text)
    return vocab


def _simple(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], kind: str,
            message: str, starts: Callable[[str], Iterable[int]] | None = None,
            needs: str = "") -> Callable[[Document], list[Edit]]:
    """A rule that replaces every match of ``pattern``.

    ``starts`` (optional) lists, ascending, every place where a match can begin;
    the pattern is then tried there only (see :func:`_finditer_at`).
    ``needs`` (optional) holds characters of which every match contains at
    least one: a text holding none of them is passed over without a scan.
    A regex scan for a character class steps through the text a character
    at a time; ``ch in text`` is a memchr-speed search, so for the few
    characters of a class the test costs a tenth of the scan, and most texts
    hold none of the characters these rules remove.
    """
    def rule(doc: Document) -> list[Edit]:
        if needs and not _has_any_char(doc.text, needs):
            return []
        out = []
        found = pattern.finditer(doc.text) if starts is None else _finditer_at(pattern, doc.text, starts(doc.text))
        for m in found:
            rep = replacement(m) if callable(replacement) else replacement
            if rep != m.group(0):
                out.append(Edit(m.start(), m.end(), rep, kind, message))
        return out

    return rule


def _has_any_char(text: str, chars: str) -> bool:
    return any(ch in text for ch in chars)


def _trailing_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``_TRAILING`` matches: each line's closing run of spaces and tabs.

    The pattern opens with ``[ \t]+``, so finditer starts a match attempt at
    every space of the text and fails at almost all of them; walking the
    lines and looking only at their ends finds the same maximal runs.
    """
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line[-1:] in (" ", "\t"):
            yield end - (len(line) - len(line.rstrip(" \t"))), end
        pos = end + 1


def _trailing(doc: Document) -> list[Edit]:
    return [Edit(a, b, "", "whitespace", "trailing spaces removed") for a, b in _trailing_runs(doc.text)]


def _space_runs(text: str) -> Iterator[int]:
    """Where each run of two or more spaces/tabs begins (the starts of ``_SPACE_RUN``), ascending.

    Without tabs (the tab pass has turned them into spaces) a run is found
    with str.find, which is far cheaper than a regex scan stopping at every space.
    """
    if "\t" in text:
        yield from (m.start() for m in _SPACE_RUN.finditer(text))
        return
    pos = text.find("  ")
    n = len(text)
    while pos != -1:
        yield pos
        end = pos + 2
        while end < n and text[end] == " ":
            end += 1
        pos = text.find("  ", end)


def _ligatures(doc: Document) -> list[Edit]:
    if not _has_any_char(doc.text, _LIGATURE_CHARS):  # the usual case; see _simple's ``needs``
        return []
    return [Edit(m.start(), m.end(), unicodedata.normalize("NFKC", m.group(0)), "ligature",
                 "ligature expanded (NFKC)") for m in _LIGATURES.finditer(doc.text)]


def _markup(doc: Document) -> list[Edit]:
    if "**" not in doc.text and "__" not in doc.text:  # every match opens with one of them
        return []
    edits = []
    # every match opens with "**" or "__": the pattern is tried at those places only (see _finditer_at)
    starts = sorted([*_occurrences(doc.text, "**"), *_occurrences(doc.text, "__")])
    for m in _finditer_at(_MARKUP, doc.text, starts):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        edits.append(Edit(m.start(), m.end(), inner, "markup", "leftover bold markup removed"))
    return edits


def _link_labels(doc: Document) -> list[Edit]:
    text = doc.text
    edits = [Edit(m.start(), m.end(), "", "link-label", "link label without content removed")
             for m in _finditer_at(_BRACKET_LABEL, text, _run_starts(text, _BRACKET_LABEL_CORE.finditer(text)))]
    # the core pattern opens with an alternation of words, which finditer tries at each of their initials;
    # it is tried only where one of the words stands (str.find per word, memchr speed)
    label_starts = sorted({pos for label in _TRAILING_LABELS for pos in _occurrences(text, label)})
    trailing = _finditer_at(_TRAILING_LABEL_CORE, text, label_starts)
    edits += [Edit(m.start(), m.end(), "", "link-label", "web-page link label removed")
              for m in _finditer_at(_TRAILING_LABEL, text, _run_starts(text, trailing))]
    return edits


def _html_entities(doc: Document) -> list[Edit]:
    if "&" not in doc.text:
        return []
    edits = []
    for m in _HTML_ENTITY.finditer(doc.text):
        ch = html.unescape(m.group(0)).replace("\u00a0", " ")
        if len(ch) == 1 and (ch.isprintable() or ch == " "):
            edits.append(Edit(m.start(), m.end(), ch, "html-entity", "HTML character reference -> character"))
    return edits


def _icons(doc: Document) -> list[Edit]:
    if not _FROM_U2600.search(_non_ascii(doc.text)):  # most texts: no character that high, glyph classes unasked
        return []
    edits = []
    for m in _ICON.finditer(doc.text):
        ch = m.group(0)[0]
        if ch in _KEEP_SYMBOLS:
            continue
        start = m.start()
        # take one space before the glyph with it ("Ghazanfari¹ 🕞")
        if start > 0 and doc.text[start - 1] == " ":
            start -= 1
        edits.append(Edit(start, m.end(), "", "icon-glyph",
                          f"icon glyph U+{ord(ch):04X} removed: it stood for an icon (ORCID, e-mail, link); "
                          "the text holds no identifier behind it"))
    return edits


_ASCII_BYTES = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The characters of ``text`` outside ASCII, in order.

    Why: a test for a rare character class (icon glyphs) steps a regex through the text a character at a
    time; in UTF-8 every byte of a non-ASCII character is 0x80 or above, so deleting the ASCII bytes (one
    C pass) leaves those characters whole, a few hundred where the text held tens of thousands.
    """
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def _doi_spaces(doc: Document) -> list[Edit]:
    return [Edit(m.start(2), m.end(2), "", "doi-space", "space inside a DOI removed")
            for m in _finditer_at(_DOI_SPACE, doc.text, _occurrences(doc.text, "10."))]


def _doi_hyphens(doc: Document) -> list[Edit]:
    """'10.32598/IMMU-NOREGULATION.1.1.1': a hyphen from a lost line break.

    Joined only when the joined word occurs elsewhere in the document and the
    hyphenated form does not, so DOIs with real hyphens stay intact.
    """
    vocab = _vocab(doc)
    edits = []
    for dm in _finditer_at(_DOI_TOKEN, doc.text, _occurrences(doc.text, "10.")):
        token = dm.group(0)
        for hm in _DOI_INNER_HYPHEN.finditer(token):
            a, b = hm.group(1), hm.group(2)
            joined = (a + b).casefold()
            # a word that is no substring of the text has no count: skip building the counts for it
            count = vocab.count(joined)
            if count and vocab.compound_count(f"{a}-{b}".casefold()) <= 1:  # no other hyphenated use
                pos = dm.start() + hm.start(2) - 1
                edits.append(Edit(pos, pos + 1, "", "doi-hyphen",
                                  f"line-break hyphen inside a DOI removed ({a}-{b} -> {a}{b})"))
            elif not count:
                doc.report.warn("repair", "doi-hyphen-kept",
                                f"DOI {token} has a hyphen ({a}-{b}) that may come from a line break; kept",
                                offset=doc.to_original(dm.start()))
    return edits


def _eol_hyphens(doc: Document) -> list[Edit]:
    """Join 'immuno-\\nregulation' when 'immunoregulation' is attested elsewhere."""
    vocab = _vocab(doc)
    edits = []
    text = doc.text
    # Jump from one "-\n" to the next with str.find: the pattern opens with a
    # lookbehind, which finditer would evaluate at every position of the text.
    # Matches cannot overlap (each one starts at its own "-\n"), so matching at
    # each occurrence finds exactly what finditer finds.
    pos = text.find("-\n")
    while pos != -1:
        m = _EOL_HYPHEN.match(text, pos)
        pos = text.find("-\n", pos + 2)
        if m is None:
            continue
        # the letters right before the hyphen (within 80 characters): the run that opens the reversed window,
        # where a search for ``[^\W\d_]+$`` tried (and backtracked from) every position of the window
        window = text[max(0, m.start() - 80):m.start()]
        before = _WORD_AFTER.match(window[::-1])
        after = _WORD_AFTER.match(text, m.end())
        if before is None or after is None:
            continue
        a, b = window[len(window) - before.end():], after.group(0)
        joined = (a + b).casefold()
        if vocab.count(joined) and not vocab.compound_count(f"{a}-{b}".casefold()):
            edits.append(Edit(m.start(), m.end(), "", "hyphenation",
                              f"line-break hyphenation joined ({a}-/{b} -> {a}{b})"))
    return edits


#: the letters and digits on either side of a hyphen: a compound ('low-dimensional', 'ROM-1', 'EQ-5D',
#: 'T-cell-dependent')
_ALNUM_HEAD = re.compile(r"[^\W_]+")


def _fold_in_place(text: str) -> str:
    """``text`` case-folded with every character kept at its offset: a character whose folding is longer
    ('ß' -> 'ss', 'ﬁ' -> 'fi') stays as it is."""
    return text.translate({ord(c): f if len(f := c.casefold()) == 1 else c for c in set(text)})


def _restore_hyphens(doc: Document) -> list[Edit]:
    """'a lowdimensional space' -> 'a low-dimensional space' where the text prints the compound hyphenated.

    Why: pdftotext removes the hyphen of a word split at a line end, and a compound that was broken at its
    own hyphen ('low-' / 'dimensional') comes out joined: 'informationtheoretic', 'ROM1', 'EQ5D'.
    The text itself is the evidence: a joined word is given its hyphen back only when the same compound is
    printed hyphenated elsewhere, more often than joined (an author who writes 'nonspecific' as well as
    'non-specific' keeps both). Words inside addresses, DOIs and links are left alone. Only pdftotext
    output is touched, known by the form feed it prints between pages: a web page or a copy from a PDF
    viewer keeps its hyphens, so a joined word there is the author's own spelling.
    """
    text = doc.text
    if "-" not in text or not doc.paged:
        return []
    # the vocabulary's folded text where no pass has changed the text since it was made (no hyphen joined)
    vocab = doc.options.get("_vocab")
    folded = vocab.folded if vocab is not None and vocab.text is text else text.casefold()
    if len(folded) != len(text):  # casefolding moved the offsets ('ß' -> 'ss'): fold character by character
        folded = _fold_in_place(text)
    # the compounds, read off the pieces between hyphens (the text has a few hundred hyphens; a pattern run
    # over the whole text, or a split into words, cost several times more)
    pieces = folded.split("-")
    printed: Counter[str] = Counter()  # each hyphenated form, as often as it is printed
    chain: list[str] = []  # the parts of the compound read so far
    head = _ALNUM_HEAD.match
    for k in range(len(pieces) - 1):
        if not chain:
            # the alphanumeric run that ends the piece (within its last 40 characters), read as the run that
            # opens the reversed piece: a search for ``[^\W_]+\Z`` tried (and backtracked from) every position
            tail = pieces[k][-40:]
            left = head(tail[::-1])
            if left is None:
                continue
            chain.append(tail[len(tail) - left.end():])
        nxt = pieces[k + 1]
        right = head(nxt)
        if right is not None:
            chain.append(right.group(0))
            if right.end() == len(nxt):
                continue  # the compound goes on past the next hyphen
        # the compound ends inside the next piece (or at this hyphen)
        _count_compound(chain, printed)
        chain.clear()
    _count_compound(chain, printed)
    # joined fewer times than hyphenated, at least once: only a compound printed twice or more can qualify,
    # which spares most of the substring searches. Per joined word, its commonest hyphenated form (the first
    # printed among equals); a joined word stands alone at its places, so no two words give an edit at one place.
    best: dict[str, tuple[str, int]] = {}
    for form, n in printed.items():
        if n >= 2:
            key = form.replace("-", "")
            if len(key) >= 4 and (key not in best or n > best[key][1]):
                best[key] = (form, n)
    edits: list[Edit] = []
    for key, (hyphenated, n_hyph) in best.items():
        if key not in folded:
            continue
        joined = [start for start in _whole_word_at(folded, key) if not _in_link(text, start, start + len(key))]
        if not joined or len(joined) >= n_hyph:
            continue
        cuts = [i - k for k, i in enumerate(j for j, ch in enumerate(hyphenated) if ch == "-")]
        for start in joined:
            end = start + len(key)
            word = text[start:end]
            if word[:1].isupper() and word[1:].islower() and not _sentence_start(text, start):
                continue  # a capital inside a sentence: a name ('Institute of Health and Wellbeing'), as printed
            restored = "".join(word[a:b] + ("-" if b < len(word) else "")
                               for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True))
            # the whole word is the edit, so the report shows it as printed and as restored
            edits.append(Edit(start, end, restored, "hyphen-restored",
                              f"hyphen a line break took out of a compound put back ({word} -> {restored}; "
                              f"printed hyphenated {n_hyph} time(s) elsewhere)"))
    return sorted(edits, key=lambda e: e.start)


def _in_link(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of an address, DOI or link (its whitespace-separated chunk)?"""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i != -1), default=len(text))
    chunk = text[left:right]
    return "/" in chunk or "@" in chunk or "www." in chunk


def _count_compound(parts: list[str], printed: Counter[str]) -> None:
    """Count the compound ``parts`` make, when they make one of a sensible length with a letter in it."""
    if len(parts) > 1:
        form = "-".join(parts)
        if len(form) <= 40 and _LETTER.search(form):
            printed[form] += 1


def _sentence_start(text: str, pos: int) -> bool:
    """Does a sentence or line start at ``pos`` (only spaces back to a full stop or a line break)?"""
    k = pos - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k < 0 or text[k] in ".!?:\n\f"


def _whole_word_at(folded: str, word: str) -> list[int]:
    """Where ``word`` stands alone in ``folded``: no letter, digit, '_' or hyphen touching it."""
    out = []
    pos = folded.find(word)
    while pos != -1:
        end = pos + len(word)
        before = folded[pos - 1] if pos else " "
        after = folded[end] if end < len(folded) else " "
        if not (before.isalnum() or before in "_-") and not (after.isalnum() or after in "_-"):
            out.append(pos)
        pos = folded.find(word, end)
    return out


_COMMON_INITIAL = ("In", "On", "An", "As", "At", "It", "Is", "If", "Of", "To", "By", "We", "The", "A", "I",
                   "This", "These", "There", "Over", "Our", "One", "Since", "Despite", "During", "Recent",
                   "Recently", "Many", "Most", "Several", "Although")


def _drop_cap(doc: Document) -> list[Edit]:
    """'n the Editorials' at a paragraph start -> 'In the Editorials'.

    A drop cap is typeset apart from its word, and extraction loses it. The
    missing capital is chosen by how often the candidate word is followed by
    the same next word elsewhere in the document; a tie or no evidence leaves
    the text alone with a warning.
    """
    edits: list[Edit] = []
    vocab = _vocab(doc)
    # a paragraph starts at the text start or at a line break: try the pattern there only (its
    # leading alternation gives finditer nothing to skip ahead with)
    starts = itertools.chain((0,), (b.start() for b in _PARA_BREAK.finditer(doc.text)))
    for m in _finditer_at(_PARA_START, doc.text, starts):
        frag, nxt = m.group(1), m.group(2)
        if vocab.count(frag) > 1:  # the fragment is a word of this text ("a", "an"): not a lost capital
            continue
        scores = []
        for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
            cand = (letter + frag).casefold()
            bigram = vocab.bigrams[(cand, nxt.casefold())]
            if bigram or (vocab.count(cand) and any(w.casefold() == cand for w in _COMMON_INITIAL)):
                scores.append((bigram, vocab.count(cand), letter))
        scores.sort(reverse=True)
        if not scores:
            continue
        if len(scores) > 1 and scores[0][:2] == scores[1][:2]:
            doc.report.warn("repair", "drop-cap-unsure",
                            f"paragraph starts with '{frag} {nxt}': a lost drop cap? candidates "
                            + ", ".join(s[2] + frag for s in scores[:3]) + "; kept as is",
                            offset=doc.to_original(m.start(1)))
            continue
        letter = scores[0][2]
        edits.append(Edit(m.start(1), m.start(1), letter, "drop-cap",
                          f"lost drop cap restored ('{frag} {nxt}' -> '{letter}{frag} {nxt}')"))
    return edits


#: a line of capitals printed letter by letter ('A B S T R A C T', 'A R T I C L E  I N F O')
_SPACED_LINE = re.compile(r"^([ \t]*)([A-ZÀ-Þ](?: {1,3}[A-ZÀ-Þ]){3,}|[a-zß-ÿ](?: {1,3}[a-zß-ÿ]){3,})[ \t]*$", re.M)
#: the heading words such layouts letter-space; a spaced line is closed up only into these words, so a table
#: row of single-letter columns ('A B C D') stays as printed
_SPACED_WORDS = frozenset(
    "ABSTRACT SUMMARY RESUMO RESUMEN RÉSUMÉ INTRODUCTION INTRODUÇÃO INTRODUCCIÓN KEYWORDS KEY WORDS ARTICLE INFO "
    "INFORMATION HISTORY REFERENCES BIBLIOGRAPHY ACKNOWLEDGEMENTS ACKNOWLEDGMENTS METHODS MATERIALS AND RESULTS "
    "DISCUSSION CONCLUSION CONCLUSIONS BACKGROUND HIGHLIGHTS CONTENTS OPEN ACCESS RESEARCH REVIEW EDITORIAL "
    "LETTER CASE REPORT ORIGINAL COMMENTARY CORRESPONDENCE".split())


def _spaced_words(letters: str) -> list[str] | None:
    """``letters`` cut into heading words ('ARTICLEINFO' -> ['ARTICLE', 'INFO']), or None if it cannot be."""
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - 16), end):
            prev = best[start]
            if prev is not None and letters[start:end] in _SPACED_WORDS:
                best[end] = prev + [letters[start:end]]
                break
    return best[-1]


def _unspace(m: re.Match[str]) -> str:
    """The letter-spaced heading closed up, or the line unchanged when its letters make no heading words.

    Why: Elsevier-like layouts print 'A B S T R A C T'; no heading test reads it, and the abstract under it
    was lost to the body. Words are cut where the layout left a wider gap, else by the heading words.
    """
    words: list[str] = []
    for group in re.split(r" {2,}", m.group(2)):
        letters = group.replace(" ", "")
        found = _spaced_words(letters.upper())  # 'a b s t r a c t' (an older Elsevier style) too, kept in its case
        if not found or len(letters.upper()) != len(letters):
            return m.group(0)
        k = 0
        for w in found:
            words.append(letters[k:k + len(w)])
            k += len(w)
    return m.group(1) + " ".join(words)


#: the core repairs, in order; each pass sees the text the previous one left
REPAIRS: list[tuple[str, Callable[[Document], list[Edit]]]] = [
    ("newline", _simple(_CRLF, "\n", "newline", "CR/CRLF line end -> LF")),
    ("page-break", _simple(_FORMFEED, "\n", "page-break", "page break (form feed) -> line break", needs="\f\v",
                           starts=lambda text: sorted([*_occurrences(text, "\f"), *_occurrences(text, "\v")]))),
    ("control", _simple(_CONTROL, "", "control-char", "control character removed", needs=_CONTROL_CHARS)),
    ("invisible", _simple(_INVISIBLE, "", "invisible", "zero-width character removed", needs=_INVISIBLE_CHARS)),
    ("whitespace", _simple(_NBSP, " ", "whitespace", "no-break/odd space -> space", needs=_NBSP_CHARS)),
    # a text browser's leftover '&amp;' ('Smith &amp; Jones'); '&nbsp;' becomes a plain space, as a no-break space does
    ("html-entity", _html_entities),
    ("soft-hyphen-eol", _simple(_SOFT_HYPHEN_EOL, lambda m: m.group(1) + m.group(2), "soft-hyphen",
                                "soft hyphen at a line break: word joined",
                                starts=lambda text: (i - 1 for i in _occurrences(text, "\u00ad") if i > 0))),
    ("soft-hyphen", _simple(_SOFT_HYPHEN, "", "soft-hyphen", "soft hyphen removed")),
    ("tab", _simple(_TAB, " ", "whitespace", "tab -> space")),
    # LaTeX and some typesetters print the corresponding author's star as another glyph; every reader that
    # looks for a '*' marker (bylines, correspondence notes, footnotes) then sees it
    ("asterisk", _simple(_ASTERISK, "*", "asterisk", "asterisk glyph -> '*'", needs=_ASTERISK_CHARS)),
    ("ligature", _ligatures),
    ("markup", _markup),
    ("link-label", _link_labels),
    ("icon-glyph", _icons),
    ("trailing", _trailing),
    ("letter-spacing", _simple(_SPACED_LINE, _unspace, "letter-spacing",
                               "letter-spaced heading closed up ('A B S T R A C T' -> 'ABSTRACT')")),
    ("multispace", _simple(_MULTISPACE, " ", "whitespace", "run of spaces -> one space", starts=_space_runs)),
    ("doi-space", _doi_spaces),
    ("doi-hyphen", _doi_hyphens),
    ("hyphenation", _eol_hyphens),
    ("hyphen-restore", _restore_hyphens),
    ("drop-cap", _drop_cap),
]


def repair(doc: Document, extra: list[Edit] | None = None) -> None:
    """Run plugin edits (``extra``), then the core repairs, on ``doc.text``."""
    if extra:
        doc.apply_edits(list(extra), stage="repair")
    doc.options.pop("_vocab", None)
    try:
        for _name, rule in REPAIRS:
            edits = rule(doc)
            if edits:
                doc.apply_edits(edits, stage="repair")
    finally:
        doc.options.pop("_vocab", None)
