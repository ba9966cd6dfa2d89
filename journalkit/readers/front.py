"""Front matter: title, authors, affiliations, citation line, DOI, dates, license,
keywords, abstract, correspondence."""

from __future__ import annotations

import re

from pydantic import ValidationError

from ..document import Document, Line
from ..model import (
    Abstract,
    Affiliation,
    Article,
    AuthorNote,
    Contributor,
    Date,
    License,
    Paragraph,
    Section,
    Span,
)
from .common import (  # noqa: F401
    _CITATION,
    _CITATION_PLOS,
    _COUNTRIES,
    _DOI,
    _EMAIL,
    _FAX,
    _MARK_CHARS,
    _MONTHS,
    _PARTICLES,
    _PHONE,
    _URL,
    _join,
    put,
    split_name,
)
from .segment import (
    _ABSTRACT_SECTIONS,
    ABSTRACT_HEADING,
    ABSTRACT_INLINE,
    BACK_START,
    KEYWORDS,
    is_heading_like,
)

# ------------------------------------------------------------------ front


class _Front:
    """The front-matter lines with a 'used' flag, so leftovers can be reported."""

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.used = [False] * len(lines)

    def use(self, *idx: int) -> None:
        for i in idx:
            if 0 <= i < len(self.used):
                self.used[i] = True

    def text_span(self, i: int, j: int | None = None) -> tuple[int, int]:
        j = i if j is None else j
        return self.lines[i].start, self.lines[j].end


def _find_type_label(doc: Document, fr: _Front) -> None:
    labels = doc.type_labels
    for i, ln in enumerate(fr.lines[:25]):
        s = ln.stripped.rstrip(":").strip()
        key = s.casefold()
        if key in labels:
            doc.type_label, doc.type_label_value = s, labels[key]
            fr.use(i)
            return


def _find_citation(doc: Document, art: Article, fr: _Front, text_lines: list[Line]) -> None:
    """The article's own citation line: journal, year, volume, issue, pages."""
    best = None
    for i, ln in enumerate(text_lines):
        for m in _CITATION.finditer(ln.text):
            best = (i, m, "full")
            break
        if best:
            break
    if best is None:
        for i, ln in enumerate(text_lines):
            m = _CITATION_PLOS.search(ln.text)
            if m:
                best = (i, m, "plos")
                break
    if best is None:
        return
    i, m, _kind = best
    ln = text_lines[i]
    journal = m.group("journal").strip()
    # the journal is the last sentence before the year ("... Cancer. J Cancer 2016")
    parts = re.split(r"(?<=[a-z\])])\.\s+|\.\s+(?=[A-Z])|:\s+|\)\s+", journal)
    journal = parts[-1].strip(" .,") if parts else journal
    journal = re.sub(r"^(?:citation|how to cite(?: this article)?|como citar|cite this article as)\s*:?\s*", "",
                     journal, flags=re.I).strip()
    jspan = (ln.start + m.start("journal") + m.group("journal").rfind(journal), 0)
    jspan = (jspan[0], jspan[0] + len(journal))
    if journal and len(journal) <= 80:
        if _looks_abbreviated(journal):
            put(doc, art.journal, "abbrev_title", journal, jspan)
        else:
            put(doc, art.journal, "title", journal, jspan)
            if journal.casefold() == journal.casefold() and " " not in journal.strip():
                pass
    if "year" in m.groupdict() and m.groupdict().get("year"):
        year = m.group("year")
        if art.pub_date is None:
            try:
                art.pub_date = Date(year=year, date_type="pub")
                art.provenance["pub_date"] = Span(start=doc.to_original(ln.start + m.start("year")),
                                                  end=doc.to_original(ln.start + m.end("year")))
            except ValidationError:
                doc.report.warn("extract", "invalid-value", f"year {year!r} rejected", field="pub_date")
    put(doc, art, "volume", m.group("volume"), (ln.start + m.start("volume"), ln.start + m.end("volume")))
    if m.group("issue"):
        put(doc, art, "issue", m.group("issue").strip(), (ln.start + m.start("issue"), ln.start + m.end("issue")))
    pages = re.sub(r"\s", "", m.group("pages"))
    pspan = (ln.start + m.start("pages"), ln.start + m.end("pages"))
    if re.fullmatch(r"e\d+|[A-Za-z]\d+", pages) or (pages.isdigit() and len(pages) >= 5 and "-" not in pages):
        put(doc, art, "elocation_id", pages, pspan)
    else:
        fp, _, lp = pages.replace("–", "-").partition("-")
        if lp and fp.isdigit() and lp.isdigit() and len(lp) < len(fp):
            lp = fp[: len(fp) - len(lp)] + lp
        put(doc, art, "fpage", fp, pspan)
        if lp:
            put(doc, art, "lpage", lp, pspan)
    for k, line in enumerate(fr.lines):
        if line.start == ln.start:
            fr.use(k)


def _looks_abbreviated(journal: str) -> bool:
    words = journal.replace(".", ". ").split()
    if any(w.endswith(".") for w in journal.split()):
        return True
    abbrevs = {"j", "biol", "med", "int", "res", "rev", "sci", "proc", "natl", "acad", "clin", "am", "br",
               "eur", "chem", "phys", "mol", "cell", "immunol", "comput", "genet", "trop", "dis", "neglect",
               "bras", "soc", "ann", "arch", "pathog", "pharmacol", "nucl", "gen", "physiol", "neurosci"}
    return any(w.strip(".").lower() in abbrevs for w in words)


def _find_doi(doc: Document, art: Article, lines: list[Line]) -> None:
    for ln in lines:
        for m in _DOI.finditer(ln.text):
            if put(doc, art, "doi", m.group(0), (ln.start + m.start(), ln.start + m.end())):
                return


def _is_author_line(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 600 or _EMAIL.search(t) or _URL.search(t):
        return False
    if re.search(r"\b(university|universidade|universidad|institute|department|hospital|center|centre|school)\b",
                 t, re.I):
        return False
    if t.endswith(".") and not re.search(r"[A-Z]\.$", t):
        return False
    names = [p for p in re.split(r",|\band\b|&|;", t) if p.strip()]
    good = 0
    for p in names:
        p = re.sub(r"[\d" + _MARK_CHARS + r"¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", p.strip()).strip()
        ws = p.split()
        if not ws:
            continue
        caps = sum(1 for w in ws if w[:1].isupper() or w.lower() in _PARTICLES)
        if 1 <= len(ws) <= 6 and caps >= len(ws) - 1 and caps >= 1:
            good += 1
    return good >= max(1, int(0.7 * len(names)))


_AFF_START = re.compile(r"^\s*(?P<m>\d{1,2}|[a-z]|[IVX]{1,4}|[*†‡§¶#])(?:[.)]\s*|\s+|(?=[A-Z]))(?P<text>[A-Z].*)$")
_MARKER_ONLY = re.compile(r"^\s*(\d{1,2}|[a-z]|[IVX]{1,4}|[*†‡§¶])[.)]?\s*$")


def _parse_authors(doc: Document, art: Article, text: str, start: int) -> None:
    supers = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
    text = text.translate(supers)
    # "Name1,2, Name3,*" -> (name, markers); markers may be glued to the name
    pat = re.compile(
        r"\s*(?P<name>[^\d,;&" + _MARK_CHARS + r"]+?)\s*(?:\biD\b\s*)?"
        r"(?P<marks>(?:(?:\d{1,2}|[" + _MARK_CHARS + r"]|(?<=[a-z])[IVX]{1,4}\b)(?:\s*,\s*(?=[\d" + _MARK_CHARS
        + r"]|[IVX]{1,4}\b))?)*)\s*(?:,|;|\band\b|&|$)"
    )
    pos = 0
    while pos < len(text):
        m = pat.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        raw_name = m.group("name").strip()
        raw_name = re.sub(r"\s+iD$", "", raw_name).strip()
        if not raw_name or raw_name.lower() in {"and", "&"}:
            continue
        marks = [x.strip() for x in re.split(r"\s*,\s*|(?<=\D)(?=\d)|(?<=\d)(?=\D)", m.group("marks")) if x.strip()]
        marks = [x for mk in marks for x in ([mk] if mk.isdigit() or re.fullmatch(r"[IVX]+", mk) else list(mk))]
        given, surname = split_name(raw_name)
        try:
            c = Contributor(surname=surname, given_names=given, markers=marks)
        except ValidationError:
            continue
        c.corresponding = any(x in marks for x in ("*", "✉"))
        ns = start + m.start("name")
        c.provenance["name"] = Span(start=doc.to_original(ns), end=doc.to_original(ns + len(raw_name)))
        art.contributors.append(c)


def _country(text: str) -> str | None:
    last = re.split(r",|\.\s", text.rstrip(" .;"))[-1].strip()
    return last if last.casefold() in _COUNTRIES else None


def _extract_front(doc: Document, art: Article, fr: _Front) -> None:
    lines = fr.lines
    nonblank = [i for i, ln in enumerate(lines) if ln.stripped]
    _find_type_label(doc, fr)

    # -- authors: the first author-like line after a title-like line
    author_i = None
    for k, i in enumerate(nonblank):
        if fr.used[i] or k == 0:
            continue
        s = lines[i].stripped
        prev = lines[nonblank[k - 1]].stripped
        if _is_author_line(s) and re.search(r"[\d" + _MARK_CHARS + "¹²³⁴]", s + " " * 0) or (
            _is_author_line(s) and len(prev) > 15 and not _is_author_line(prev)
        ):
            author_i = i
            break
    if author_i is not None:
        # title: the lines above the authors back to the previous used/label/citation line
        k = nonblank.index(author_i)
        tl: list[int] = []
        for j in reversed(nonblank[:k]):
            s = lines[j].stripped
            if fr.used[j] or _DOI.search(s) or _CITATION.search(s) or len(tl) >= 3:
                break
            if tl and (s.endswith(".") or s.isupper() and len(s) < 40):
                break
            tl.insert(0, j)
            if not lines[j - 1].stripped if j > 0 else True:
                break
        if tl:
            title = " ".join(lines[j].stripped for j in tl)
            put(doc, art, "title", title, fr.text_span(tl[0], tl[-1]))
            fr.use(*tl)
        # author lines may wrap
        aj = [author_i]
        k = nonblank.index(author_i)
        while k + 1 < len(nonblank):
            nxt = lines[nonblank[k + 1]].stripped
            cur = lines[aj[-1]].stripped
            if (cur.endswith(",") or re.search(r"\b(?:and|von|van|de)$", cur) or
                    (_is_author_line(nxt) and not _AFF_START.match(nxt) and not _MARKER_ONLY.match(nxt)
                     and len(nxt) < 200 and nonblank[k + 1] == aj[-1] + 1)):
                aj.append(nonblank[k + 1])
                k += 1
            else:
                break
        text = " ".join(lines[j].stripped for j in aj)
        _parse_authors(doc, art, text, lines[aj[0]].start)
        fr.use(*aj)
        _extract_affiliations(doc, art, fr, aj[-1] + 1)
    else:
        # no author line: take the first substantial unused line as the title
        for i in nonblank:
            s = lines[i].stripped
            if not fr.used[i] and len(s) > 15 and not _DOI.search(s) and not _CITATION.search(s):
                put(doc, art, "title", s, fr.text_span(i))
                fr.use(i)
                break


def _extract_affiliations(doc: Document, art: Article, fr: _Front, start: int) -> None:
    lines = fr.lines
    i = start
    n = len(lines)
    affs: list[tuple[str, str, int, int]] = []  # label, text, start, end
    while i < n:
        s = lines[i].stripped
        if not s:
            i += 1
            continue
        label = text = None
        first = i
        mo = _MARKER_ONLY.match(s)
        if mo:
            j = i + 1
            while j < n and not lines[j].stripped:
                j += 1
            if j < n and not _MARKER_ONLY.match(lines[j].stripped):
                label, text = mo.group(1), lines[j].stripped
                i = j
        else:
            ma = _AFF_START.match(s)
            if ma and (affs or re.match(r"^\s*(?:\d|[*†‡§¶]|[a-z][.)]|[IVX]{1,4}[.)])", s)):
                label, text = ma.group("m"), ma.group("text")
            elif not affs and _looks_institution(s):
                label, text = None, s
        if text is None:
            break
        # continuation lines: no marker, not another front item
        j = i + 1
        while j < n and lines[j].stripped and not _MARKER_ONLY.match(lines[j].stripped) and not _AFF_START.match(
                lines[j].stripped) and not _is_other_front_item(lines[j].stripped) and not text.endswith((";",)):
            if len(lines[j].stripped) > 200:
                break
            text += " " + lines[j].stripped
            j += 1
        affs.append((label or "", text, lines[first].start, lines[j - 1].end))
        fr.use(*range(first, j))
        i = j
    for k, (label, text, s0, s1) in enumerate(affs, start=1):
        clean = text.strip().rstrip(";,").strip()
        try:
            aff = Affiliation(id=f"aff{k}", label=label or None, text=clean, country=_country(clean))
        except ValidationError:
            continue
        aff.provenance["text"] = Span(start=doc.to_original(s0), end=doc.to_original(s1))
        art.affiliations.append(aff)
    # link authors
    by_label = {a.label: a.id for a in art.affiliations if a.label}
    for c in art.contributors:
        ids = [by_label[m] for m in c.markers if m in by_label]
        if not ids and len(art.affiliations) == 1:
            ids = [art.affiliations[0].id]
        c.aff_ids = ids


def _looks_institution(s: str) -> bool:
    return bool(re.search(r"\b(universit|institut|department|departamento|hospital|center|centre|school|"
                          r"laborator|faculty|faculdade|college|museum)", s, re.I))


def _is_other_front_item(s: str) -> bool:
    return bool(re.match(r"^(citation|how to cite|como citar|received|accepted|published|copyright|editor|"
                         r"academic editor|keywords?|abstract|doi|funding|competing|\*|✉|e-?mail)", s, re.I)
                or _CITATION.search(s) or _URL.search(s))


_DATE_LABELS = {
    "received": "received", "recebido": "received", "recibido": "received", "submitted": "received",
    "revised": "rev-recd", "accepted": "accepted", "aprovado": "accepted", "aceito": "accepted",
    "aceptado": "accepted", "published": "pub", "publicado": "pub", "published online": "epub",
}
_DATE_RE = re.compile(
    r"(?P<label>received|recebido|recibido|submitted|revised|accepted|aprovado|aceito|aceptado|"
    r"published online|published|publicado)\s*(?:on)?\s*:?\s*(?P<date>[^;\n]{4,40}?)(?=;|\.\s|\n|$|,\s*(?:[A-Z]))",
    re.I,
)


def _parse_date(text: str) -> tuple[str, int | None, int | None] | None:
    t = text.strip().rstrip(".")
    m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", t)
    if m:
        return m.group(1), int(m.group(2)), int(m.group(3)) if m.group(3) else None
    m = re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})", t)  # March 19, 2009
    if m and m.group(1)[:3].lower() in _MONTHS:
        return m.group(3), _MONTHS[m.group(1)[:3].lower()], int(m.group(2))
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", t)  # 19 March 2009
    if m and m.group(2)[:3].lower() in _MONTHS:
        return m.group(3), _MONTHS[m.group(2)[:3].lower()], int(m.group(1))
    m = re.fullmatch(r"(\d{4})\s+([A-Za-z]{3,9})\.?(?:\s+(\d{1,2}))?", t)  # 2009 May 19
    if m and m.group(2)[:3].lower() in _MONTHS:
        return m.group(1), _MONTHS[m.group(2)[:3].lower()], int(m.group(3)) if m.group(3) else None
    m = re.fullmatch(r"([A-Za-z]{3,9})\.?\s+(\d{4})", t)  # April 2014
    if m and m.group(1)[:3].lower() in _MONTHS:
        return m.group(2), _MONTHS[m.group(1)[:3].lower()], None
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return m.group(1), None, None
    return None


def _extract_dates(doc: Document, art: Article, fr: _Front) -> None:
    for i, ln in enumerate(fr.lines):
        for m in _DATE_RE.finditer(ln.text):
            parsed = _parse_date(m.group("date"))
            if not parsed:
                continue
            kind = _DATE_LABELS.get(m.group("label").lower(), "pub")
            y, mo, d = parsed
            try:
                date = Date(year=y, month=mo, day=d, date_type=kind)
            except ValidationError:
                doc.report.warn("extract", "invalid-value", f"date {m.group(0)!r} rejected", field="history",
                                offset=doc.to_original(ln.start + m.start()))
                continue
            fr.use(i)
            if kind in ("pub", "epub"):
                if art.pub_date is None or (art.pub_date.year == y and art.pub_date.month is None):
                    art.pub_date = date.model_copy(update={"date_type": "pub"})
            else:
                art.history.append(date)


def _extract_license(doc: Document, art: Article, fr: _Front) -> None:
    lines = fr.lines
    for i, ln in enumerate(lines):
        s = ln.stripped
        if not re.search(r"creative commons|open[- ]access article|licen[cs]e[ds]? under|this is an open", s, re.I):
            continue
        j = i + 1
        text = s
        while j < len(lines) and lines[j].stripped and not _is_other_front_item(lines[j].stripped) and (
                not text.endswith(".") or lines[j].stripped[:1].islower()):
            text += " " + lines[j].stripped
            j += 1
        copyright_stmt = None
        m = re.match(r"^(copyright\s*:?\s*)(©[^.]*\.)?\s*", text, re.I)
        if m:
            copyright_stmt = (m.group(2) or "").strip() or None
            text = text[m.end():]
        url = _URL.search(text)
        try:
            lic = License(text=text.strip(), copyright_statement=copyright_stmt)
        except ValidationError:
            return
        if url:
            put(doc, lic, "url", url.group(0).rstrip(".,;)"))
        lic.provenance["text"] = Span(start=doc.to_original(ln.start), end=doc.to_original(lines[j - 1].end))
        art.license = lic
        fr.use(*range(i, j))
        return


def _extract_keywords(doc: Document, art: Article, fr: _Front) -> None:
    lines = fr.lines
    for i, ln in enumerate(lines):
        m = KEYWORDS.match(ln.text)
        if not m or len(ln.stripped) > 600:
            continue
        text = m.group(2).strip()
        j = i + 1
        while j < len(lines) and lines[j].stripped and not is_heading_like(lines[j].stripped) and (
                not text or text.endswith((",", ";")) or len(lines[j].stripped) < 100):
            if _is_other_front_item(lines[j].stripped):
                break
            text += (" " if text else "") + lines[j].stripped
            j += 1
        sep = ";" if ";" in text else ("·" if "·" in text else ",")
        kws = [k.strip().rstrip(".").strip() for k in text.split(sep)]
        art.keywords = [k for k in kws if k]
        fr.use(*range(i, j))
        art.provenance["keywords"] = Span(start=doc.to_original(ln.start), end=doc.to_original(lines[j - 1].end))
        return


def _extract_abstract(doc: Document, art: Article, fr: _Front) -> None:
    lines = fr.lines
    start = None
    inline = None
    for i, ln in enumerate(lines):
        if ABSTRACT_HEADING.match(ln.text):
            start = i + 1
            break
        mi = ABSTRACT_INLINE.match(ln.text)
        if mi:
            start, inline = i + 1, mi.group(2)
            break
    if start is not None:
        fr.use(start - 1)
        end = start
        while end < len(lines):
            s = lines[end].stripped
            if KEYWORDS.match(s) or (s and re.match(r"^(author summary|citation|editor|received|copyright)", s, re.I)):
                break
            end += 1
        abs_lines = lines[start:end]
        ab = Abstract()
        cur: Section | None = None
        paras: list[str] = [inline] if inline else []

        def flush() -> None:
            if paras:
                p = Paragraph(text=" ".join(paras))
                (cur.paragraphs if cur else ab.paragraphs).append(p)
                paras.clear()

        for ln in abs_lines:
            s = ln.stripped
            if not s:
                flush()
                continue
            hm = re.match(r"^([A-Z][A-Za-z/ ]{2,40}?)\s*:\s+(\S.*)$", s)
            if _ABSTRACT_SECTIONS.match(s):
                flush()
                cur = Section(title=s.rstrip(":"))
                ab.sections.append(cur)
            elif hm and _ABSTRACT_SECTIONS.match(hm.group(1)):
                flush()
                cur = Section(title=hm.group(1))
                ab.sections.append(cur)
                paras.append(hm.group(2))
            else:
                paras.append(s)
        flush()
        if ab.paragraphs or ab.sections:
            if ab.sections and ab.paragraphs:  # text before the first section: an untitled lead
                pass
            last = lines[end - 1] if end > start else lines[start - 1]
            ab.provenance["text"] = Span(start=doc.to_original(lines[start - 1].start), end=doc.to_original(last.end))
            art.abstract = ab
            fr.use(*range(start, end))
        return
    # no heading: long unused paragraph right before the keywords line
    kw = next((i for i, ln in enumerate(lines) if KEYWORDS.match(ln.text)), None)
    if kw is None:
        return
    j = kw - 1
    while j >= 0 and not lines[j].stripped:
        j -= 1
    end = j + 1
    while j >= 0 and lines[j].stripped and not fr.used[j]:
        j -= 1
    block = lines[j + 1:end]
    text = _join(block)
    if len(text) >= 200 and not fr.used[end - 1]:
        ab = Abstract(paragraphs=[Paragraph(text=text)])
        ab.provenance["text"] = Span(start=doc.to_original(block[0].start), end=doc.to_original(block[-1].end))
        art.abstract = ab
        fr.use(*range(j + 1, end))


def _extract_self_uri(doc: Document, art: Article, fr: _Front) -> None:
    for ln in fr.lines:
        m = re.search(r"available (?:from|at|online at)\s*:?\s*(https?://\S+)", ln.text, re.I)
        if m:
            put(doc, art, "self_uri", m.group(1).rstrip(".,;)"), (ln.start + m.start(1), ln.start + m.end(1)))
            return


def _extract_corresp(doc: Document, art: Article, front: list[Line], back: list[Line]) -> list[int]:
    """Correspondence note(s): e-mail, phone, address; marks the corresponding author."""
    used_back: list[int] = []
    block: list[Line] = []
    for k, ln in enumerate(back):
        if re.match(r"^\s*[*✉]?\s*(corresponding author|address for correspondence|correspondence)", ln.text, re.I):
            block = []
            j = k
            while j < len(back):
                s = back[j].stripped
                if j > k and BACK_START.match(back[j].text) and not re.match(r"^\s*(address|correspondence)",
                                                                             back[j].text, re.I):
                    break
                if s:
                    block.append(back[j])
                used_back.append(j)
                j += 1
            break
    candidates = block or [ln for ln in front if _EMAIL.search(ln.text) and re.search(
        r"corresp|e-?mail|✉|^\s*\*", ln.text, re.I)]
    if not candidates:
        # an e-mail anywhere in the front matter belongs to a corresponding author
        candidates = [ln for ln in front if _EMAIL.search(ln.text)]
    if not candidates:
        return used_back
    text = "\n".join(ln.stripped for ln in candidates)
    note = AuthorNote(kind="corresp", text=" ".join(ln.stripped for ln in candidates))
    em = _EMAIL.search(text)
    if em:
        put(doc, note, "email", em.group(0))
    ph = _PHONE.search(text)
    if ph:
        note.phone = ph.group(1).strip()
    fx = _FAX.search(text)
    if fx:
        note.fax = fx.group(1).strip()
    ad = re.search(r"Address\s*:\s*(.+)", text)
    if ad:
        note.address = ad.group(1).strip()
    note.provenance["text"] = Span(start=doc.to_original(candidates[0].start),
                                   end=doc.to_original(candidates[-1].end))
    art.author_notes.append(note)
    # who is it?
    corr = [c for c in art.contributors if c.corresponding]
    if not corr and art.contributors:
        folded = text.casefold()
        named = [c for c in art.contributors if c.surname and c.surname.casefold() in folded]
        corr = named[:1] or (art.contributors if len(art.contributors) == 1 else [])
        for c in corr:
            c.corresponding = True
    if note.email and len(corr) == 1 and corr[0].email is None:
        corr[0].email = note.email
    return used_back


