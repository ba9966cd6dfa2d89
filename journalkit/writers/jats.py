"""The model -> JATS XML (1.3 or 1.4, Archiving or Publishing), built with lxml.

Element order follows the DTD content models, so the result validates; the
pipeline checks it against the shipped DTD before anything is written.
Archiving is the default whenever the journal's ISSN or journal-id is
unknown: the Publishing tag set requires both, and neither may be invented.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Abstract, Affiliation, Article, AuthorNote, Contributor, Date, Figure, Footnote, Paragraph, Section
from ..schemas import Flavour
from .countries import country_code
from .jats_refs import build_ref

__all__ = ["build_jats", "serialize", "choose_tag_set", "TagSetError", "XLINK", "declare_source_gaps"]

XLINK = "http://www.w3.org/1999/xlink"
ALI = "http://www.niso.org/schemas/ali/1.0/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class TagSetError(ValueError):
    """The requested tag set needs facts the text does not hold."""


def _t(text: str | None) -> str:
    """``text`` without the characters XML 1.0 forbids.

    Nearly every string is printable (no control characters at all), which
    ``str.isprintable`` answers in C far faster than the substitution scans;
    anything else (tabs, newlines, the forbidden characters) takes the regex.
    """
    if not text:
        return ""
    if text.isprintable():
        return text
    return _XML_ILLEGAL.sub("", text)


#: keyword argument names of ``_sub`` -> attribute names, filled as they are first seen
_ATTR_NAMES: dict[str, str] = {}


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    if attrs:
        names = _ATTR_NAMES
        el = etree.SubElement(parent, tag)
        for k, v in attrs.items():
            name = names.get(k)
            if name is None:
                name = names[k] = k.replace("_", "-")
            el.set(name, v)
    else:
        el = etree.SubElement(parent, tag)
    if text is not None:
        el.text = _t(text)
    return el


def choose_tag_set(article: Article, forced: str | None) -> str:
    has_ids = bool(article.journal.any_issn and article.journal.journal_id)
    if forced == "publishing":
        missing = [n for n, v in (("an ISSN", article.journal.any_issn), ("a journal-id", article.journal.journal_id))
                   if not v]
        if missing:
            raise TagSetError(
                "--tag-set publishing needs " + " and ".join(missing)
                + " in journal-meta; the text does not give it and none is invented "
                "(use a journal profile with --journal, or --tag-set archiving)")
        return "publishing"
    if forced == "archiving":
        return "archiving"
    return "publishing" if has_ids else "archiving"


def _inline(parent: etree._Element, text: str, marks: list[tuple[int, int, etree._Element]]) -> None:
    """Fill ``parent`` with ``text``, wrapping ``[start, end)`` spans in the given elements."""
    pos = 0
    last: etree._Element | None = parent[-1] if len(parent) else None
    for start, end, el in sorted(marks, key=lambda m: m[0]):
        if start < pos:
            continue
        chunk = _t(text[pos:start])
        if last is None:
            parent.text = (parent.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        if el.text is None:
            el.text = _t(text[start:end])
        parent.append(el)
        last = el
        pos = end
    chunk = _t(text[pos:])
    if last is None:
        parent.text = (parent.text or "") + chunk
    else:
        last.tail = (last.tail or "") + chunk


#: what a text browser prints after its superscript mark '^' ('10^5', 'Ca^2+', 'CD4^+', '^a' notes): a number
#: with its sign, a sign or a comma between superscripts, up to four lower-case letters before a capital, a digit
#: or a space ('18.75^th', 'CD24^hiCD38', '^aJudging'), or a capitalised symbol ('p24^Gag', 'p16^INK4a'); a longer
#: lower-case run ('^bindependent': a note mark glued to its text) is left as printed
_CARET_SUP = re.compile(r"\^([+\-−–]?\d+[+\-−–]?|[+\-−–±*★⋆†‡§,]|[a-z]{1,4}(?![a-z])"
                        r"|[A-Z][A-Za-z0-9]{0,7}(?![A-Za-z0-9]))")


def _paragraph(parent: etree._Element, para: Paragraph) -> etree._Element:
    """``<p>`` with its citations as ``<xref>``, and a text browser's superscripts ('10^5') as ``<sup>``.

    Why: a web page dumped as text marks each superscript with a caret ('patologia. ^7 Os', '1×10^6/mL').
    The reader keeps the text as printed; here the caret becomes the ``<sup>`` it stands for, around the
    citation when one follows it, so the article reads as published and no stray '^' is left.
    """
    p = etree.SubElement(parent, "p")
    text = para.text
    if not para.citations and not para.subscripts and "^" not in text:  # most paragraphs: the text as it is
        p.text = _t(text)
        return p
    marks = []
    for a, b in para.subscripts:  # a text browser's 'O[2]': what the brackets hold, as <sub>
        sub = etree.Element("sub")
        sub.text = _t(text[a + 1:b - 1])
        marks.append((a, b, sub))
    for c in para.citations:
        el = etree.Element("xref", {"ref-type": c.ref_type, "rid": " ".join(c.rids)})
        if c.start and text[c.start - 1] == "^":
            sup = etree.Element("sup")
            sup.text = ""
            el.text = _t(text[c.start:c.end].replace(" ^", "").replace("^", ""))  # '2 ^- ^4' -> '2-4'
            sup.append(el)
            marks.append((c.start - 1, c.end, sup))
        else:
            marks.append((c.start, c.end, el))
    if "^" in text:
        taken = [(a, b) for a, b, _ in marks]
        for m in _CARET_SUP.finditer(text):
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                sup = etree.Element("sup")
                sup.text = _t(m.group(1))
                marks.append((m.start(), m.end(), sup))
    _inline(p, text, marks)
    return p


def _footnote(parent: etree._Element, fn: Footnote) -> None:
    """``<fn>`` with its printed marker as ``<label>``."""
    el = _sub(parent, "fn", id=fn.id)
    if fn.label:
        _sub(el, "label", fn.label)
    _paragraph(el, Paragraph(text=fn.text, citations=fn.citations))


def _figure(parent: etree._Element, fig: Figure) -> None:
    """``<fig>`` or ``<table-wrap>`` with label and caption, and a table's content as the text holds it.

    A table gets ``<table>`` (XHTML model) only where the reader found an
    unambiguous grid (``fig.rows``); otherwise its printed lines are kept
    verbatim in ``<preformat>``, which table-wrap allows, so no cell
    boundary is guessed. Notes under the table go to ``<table-wrap-foot>``.
    """
    el = _sub(parent, "fig" if fig.kind == "fig" else "table-wrap", id=fig.id)
    if fig.label:
        _sub(el, "label", fig.label)
    if fig.caption or fig.legend:
        cap = _sub(el, "caption")
        for k, text in enumerate([fig.caption, *fig.legend] if fig.caption else fig.legend):
            cites = fig.caption_citations[k] if k < len(fig.caption_citations) else []
            _paragraph(cap, Paragraph(text=text, citations=cites))
    if fig.kind != "table":
        return
    if fig.rows:
        table = _sub(el, "table")
        head, rows = fig.rows[:fig.header_rows], fig.rows[fig.header_rows:]
        ncols = max(len(row) for row in fig.rows)
        for tag, cell, group in (("thead", "th", head), ("tbody", "td", rows)):
            if group:
                part = _sub(table, tag)
                for row in group:
                    tr = _sub(part, "tr")
                    for text in row:
                        td = _sub(tr, cell, text)
                        if len(row) == 1 and ncols > 1:  # a label over all columns
                            td.set("colspan", str(ncols))
    elif fig.lines:
        _sub(el, "preformat", "\n".join(fig.lines), preformat_type="table")
    if fig.foot:
        foot = _sub(el, "table-wrap-foot")
        for fn in fig.foot:
            if fn.label:
                _footnote(foot, fn)
            else:
                _paragraph(foot, Paragraph(text=fn.text, citations=fn.citations))


def _blocks(parent: etree._Element, paragraphs: list[Paragraph], figures: list[Figure]) -> None:
    """Paragraphs with the figures and tables put back between them where they stood."""
    figs = sorted(figures, key=lambda f: f.position)
    k = 0
    for i, p in enumerate(paragraphs):
        while k < len(figs) and figs[k].position <= i:
            _figure(parent, figs[k])
            k += 1
        _paragraph(parent, p)
    for f in figs[k:]:
        _figure(parent, f)


def _section(parent: etree._Element, sec: Section, tag: str = "sec") -> None:
    s = etree.SubElement(parent, tag)
    if sec.sec_type:
        s.set("sec-type", sec.sec_type)
    if sec.label:
        _sub(s, "label", sec.label)
    if sec.title is not None:
        _sub(s, "title", sec.title)
    elif tag == "app":
        _sub(s, "title", "Appendix")
    _blocks(s, sec.paragraphs, sec.figures)
    for child in sec.sections:
        _section(s, child)


def _date(parent: etree._Element, tag: str, d: Date, string_date: bool = False, **attrs: str) -> None:
    """A date's parts; ``string_date``: also the date as printed, after ``<year>``.

    The Archiving tag set allows ``<string-date>`` there (in ``<date>`` and ``<pub-date>``); the
    Publishing tag set's date model does not, so there the parts stand alone.
    """
    el = _sub(parent, tag, **attrs)
    if d.day:
        _sub(el, "day", f"{d.day:02d}")
    if d.month:
        _sub(el, "month", f"{d.month:02d}")
    _sub(el, "year", d.year)
    if string_date and d.printed:
        _sub(el, "string-date", d.printed)


def _journal_meta(front: etree._Element, art: Article) -> None:
    j = art.journal
    if not any([j.title, j.abbrev_title, j.any_issn, j.publisher, j.journal_id]):
        return
    jm = _sub(front, "journal-meta")
    if j.journal_id:
        _sub(jm, "journal-id", j.journal_id, journal_id_type=j.journal_id_type)
    if j.title or j.abbrev_title:
        tg = _sub(jm, "journal-title-group")
        if j.title:
            _sub(tg, "journal-title", j.title)
        if j.abbrev_title:
            _sub(tg, "abbrev-journal-title", j.abbrev_title, abbrev_type="publisher")
    if j.issn_print:
        _sub(jm, "issn", j.issn_print, pub_type="ppub")
    if j.issn_electronic:
        _sub(jm, "issn", j.issn_electronic, pub_type="epub")
    if j.issn and not (j.issn_print or j.issn_electronic):
        _sub(jm, "issn", j.issn)
    if j.publisher:
        pub = _sub(jm, "publisher")
        _sub(pub, "publisher-name", j.publisher)
        if j.publisher_loc:
            _sub(pub, "publisher-loc", j.publisher_loc)


_NOTE_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _corresp(parent: etree._Element, note: AuthorNote, cid: str) -> None:
    el = etree.SubElement(parent, "corresp", id=cid)
    text = note.text
    marks = []
    for value, tag in ((note.email, "email"), (note.phone, "phone"), (note.fax, "fax")):
        if value and value in text:
            i = text.index(value)
            marks.append((i, i + len(value), etree.Element(tag)))
    # a note often gives several addresses ('a@x.org (NCS), b@y.org (JPC)'): each is an <email>, so none is
    # left as plain text that readers of the XML cannot find
    for m in _NOTE_EMAIL.finditer(text):
        if not any(s < m.end() and m.start() < e for s, e, _el in marks):
            marks.append((m.start(), m.end(), etree.Element("email")))
    marks.sort(key=lambda m: m[0])
    _inline(el, text, marks)
    if note.email and note.email not in text:
        _sub(el, "email", note.email)


def _titled(parent: etree._Element, tag: str, title: str | None, paragraphs: list[Paragraph],
            sections: list[Section], figures: list[Figure] | None = None) -> etree._Element:
    """A titled container (abstract, ack, notes): title, then paragraphs and figures, then sections."""
    el = _sub(parent, tag)
    if title:
        _sub(el, "title", title)
    _blocks(el, paragraphs, figures or [])
    for s in sections:
        _section(el, s)
    return el


def _abstract(parent: etree._Element, ab: Abstract, tag: str = "abstract") -> None:
    a = _titled(parent, tag, ab.title, ab.paragraphs, ab.sections)
    if ab.abstract_type:
        a.set("abstract-type", ab.abstract_type)
    if ab.lang:
        a.set(XML_LANG, ab.lang)


def _kwd_group(parent: etree._Element, title: str | None, keywords: list[str]) -> etree._Element:
    kg = _sub(parent, "kwd-group", kwd_group_type="author")
    if title:
        _sub(kg, "title", title)
    for kwd in keywords:
        _sub(kg, "kwd", kwd)
    return kg


def _aff(parent: etree._Element, aff: Affiliation) -> None:
    """``<aff>``: its label, then the text as printed with a country it ends in tagged."""
    ae = _sub(parent, "aff", id=aff.id)
    if aff.label:
        _sub(ae, "label", aff.label)
    marks = []
    if aff.country and aff.text.rstrip(" .").endswith(aff.country):
        i = aff.text.rstrip(" .").rfind(aff.country)
        country = etree.Element("country")
        code = country_code(aff.country)
        if code:
            country.set("country", code)
        marks.append((i, i + len(aff.country), country))
    _inline(ae, aff.text, marks)


def _contrib_name(ce: etree._Element, c: Contributor) -> None:
    """A contributor's ``<collab>``, or ``<name>`` with its parts: the same for authors and editors."""
    if c.collab:
        _sub(ce, "collab", c.collab)
        return
    name = _sub(ce, "name")
    _sub(name, "surname", c.surname)
    if c.given_names:
        _sub(name, "given-names", c.given_names)
    if c.suffix:
        _sub(name, "suffix", c.suffix)


def _editors(am: etree._Element, editors: list[Contributor]) -> None:
    """The editors in a ``<contrib-group>`` of their own after the authors' (JATS4R: contrib-type "editor"),
    each with the role as printed and the affiliation printed with them inside the ``<contrib>``."""
    eg = _sub(am, "contrib-group")
    for c in editors:
        ce = _sub(eg, "contrib", contrib_type=c.contrib_type)
        _contrib_name(ce, c)
        if c.role:
            _sub(ce, "role", c.role)
        for aff in c.own_affiliations:
            _aff(ce, aff)


def build_jats(article: Article, fl: Flavour, *, declare_gaps: bool = True) -> etree._Element:
    """Build the ``<article>`` element for one flavour (tag set + version).

    ``declare_gaps=False`` leaves the source-gap declaration to the caller: the pipeline declares once,
    from the final tree, after ``journalkit_jats_tree`` plugins ran (:func:`declare_source_gaps`).
    """
    nsmap = {"xlink": XLINK, "ali": ALI}
    root = etree.Element("article", nsmap=nsmap)
    root.set("article-type", article.article_type)
    root.set("dtd-version", fl.version)
    root.set(XML_LANG, article.language)
    front = _sub(root, "front")
    _journal_meta(front, article)
    am = _sub(front, "article-meta")
    if article.doi:
        _sub(am, "article-id", article.doi, pub_id_type="doi")
    if article.subject_heading or article.subjects:
        cats = _sub(am, "article-categories")
        if article.subject_heading:
            # The heading the article prints over its title ("Editorial",
            # "Review"), as printed; PMC requires <article-categories>.
            sg = _sub(cats, "subj-group", subj_group_type="heading")
            _sub(sg, "subject", article.subject_heading)
        if article.subjects:
            # The subject areas the page lists, as printed.
            sg = _sub(cats, "subj-group", subj_group_type="discipline")
            for subject in article.subjects:
                _sub(sg, "subject", subject)
    tg = _sub(am, "title-group")
    _sub(tg, "article-title", article.title or "")
    if article.subtitle:
        _sub(tg, "subtitle", article.subtitle)
    for tt in article.trans_titles:
        ttg = _sub(tg, "trans-title-group")
        ttg.set(XML_LANG, tt.lang)
        _sub(ttg, "trans-title", tt.title)

    corresp_ids: list[str] = []
    notes = [n for n in article.author_notes if n.kind == "corresp"]
    for k, _n in enumerate(notes, start=1):
        corresp_ids.append(f"cor{k}")
    if article.contributors:
        cg = _sub(am, "contrib-group")
        for c in article.contributors:
            ce = _sub(cg, "contrib", contrib_type=c.contrib_type)
            if c.corresponding:
                ce.set("corresp", "yes")
            if c.orcid:
                _sub(ce, "contrib-id", f"https://orcid.org/{c.orcid}", contrib_id_type="orcid")
            _contrib_name(ce, c)
            if c.email:
                _sub(ce, "email", c.email)
            for rid in c.aff_ids:
                label = next((a.label for a in article.affiliations if a.id == rid), None)
                _sub(ce, "xref", label or "", ref_type="aff", rid=rid)
            if c.corresponding and corresp_ids:
                _sub(ce, "xref", "*", ref_type="corresp", rid=corresp_ids[0])
    if article.editors:
        _editors(am, article.editors)
    for aff in article.affiliations:
        _aff(am, aff)
    if notes:
        an = _sub(am, "author-notes")
        for cid, n in zip(corresp_ids, notes):
            _corresp(an, n, cid)
    if article.pub_date:
        _date(am, "pub-date", article.pub_date, fl.tag_set == "archiving", publication_format="electronic",
              date_type="pub")
    if article.volume:
        _sub(am, "volume", article.volume)
    if article.issue:
        _sub(am, "issue", article.issue)
    if article.fpage:
        _sub(am, "fpage", article.fpage)
        if article.lpage:
            _sub(am, "lpage", article.lpage)
    elif article.elocation_id:
        _sub(am, "elocation-id", article.elocation_id)
    if article.history:
        h = _sub(am, "history")
        for d in article.history:
            _date(h, "date", d, fl.tag_set == "archiving", date_type=d.date_type)
    if article.license:
        lic = article.license
        perm = _sub(am, "permissions")
        if lic.copyright_statement:
            _sub(perm, "copyright-statement", lic.copyright_statement)
        if lic.copyright_year:
            _sub(perm, "copyright-year", lic.copyright_year)
        if lic.copyright_holder:
            _sub(perm, "copyright-holder", lic.copyright_holder)
        le = _sub(perm, "license")
        if lic.url:
            le.set(f"{{{XLINK}}}href", lic.url)
            _sub(le, f"{{{ALI}}}license_ref", lic.url)
        lp = _sub(le, "license-p")
        marks = []
        if lic.url and lic.url in lic.text:
            i = lic.text.index(lic.url)
            # The printed URL is its own link text, which says nothing to
            # someone using a screen reader (JATS4R accessibility); the
            # title says what it leads to, which the sentence around it does.
            ext = etree.Element("ext-link", {"ext-link-type": "uri", f"{{{XLINK}}}href": lic.url,
                                             f"{{{XLINK}}}title": "License terms"})
            marks.append((i, i + len(lic.url), ext))
        _inline(lp, lic.text, marks)
        _drop_empty_license(perm, le, lp)
    if article.self_uri:
        su = _sub(am, "self-uri", article.self_uri)
        su.set(f"{{{XLINK}}}href", article.self_uri)
        su.set(f"{{{XLINK}}}title", "This article online")
    for k, ra in enumerate(article.related_articles, start=1):
        # the article a notice is about, between self-uri and abstract (DTD order); its DOI is the link, and a
        # citation the text prints without one is kept as the element's text with volume, issue and page
        rel = _sub(am, "related-article", id=f"ra{k}", related_article_type=ra.related_type)
        if ra.doi:
            rel.set("ext-link-type", "doi")
            rel.set(f"{{{XLINK}}}href", ra.doi)
        for attr, value in (("vol", ra.volume), ("issue", ra.issue), ("page", ra.page)):
            if value:
                rel.set(attr, value)
        if ra.citation:
            rel.text = _t(ra.citation)
    if article.abstract:
        _abstract(am, article.abstract)
    for ab in article.other_abstracts:
        _abstract(am, ab)
    for ab in article.trans_abstracts:
        _abstract(am, ab, tag="trans-abstract")
    if article.keywords:
        _kwd_group(am, article.keywords_title, article.keywords)
    for group in article.trans_keywords:
        _kwd_group(am, group.title, group.keywords).set(XML_LANG, group.lang)
    if article.funding_statement:
        _sub(_sub(am, "funding-group"), "funding-statement", article.funding_statement)

    # body
    if article.body:
        body = _sub(root, "body")
        for sec in article.body:
            if sec.title is None and not sec.sections:
                _blocks(body, sec.paragraphs, sec.figures)
            else:
                _section(body, sec)
        # paragraphs must come before sections: move any stray <p> up front
        ps = [c for c in body if c.tag in ("p", "fig", "table-wrap")]
        secs = [c for c in body if c.tag == "sec"]
        if ps and secs and body.index(ps[-1]) > body.index(secs[0]):
            late = [p for p in ps if body.index(p) > body.index(secs[0])]
            for p in late:
                body.remove(p)
                wrapper = etree.SubElement(body, "sec")
                wrapper.append(p)

    # back
    if article.references or article.notes or article.ack or article.appendices or article.footnotes:
        back = _sub(root, "back")
        if article.ack:
            _titled(back, "ack", article.ack.title, article.ack.paragraphs, article.ack.sections, article.ack.figures)
        if article.appendices:
            ag = _sub(back, "app-group")
            for k, app in enumerate(article.appendices, start=1):
                _section(ag, app, tag="app")
                ag[-1].set("id", f"app{k}")
        if article.references:
            rl = _sub(back, "ref-list")
            if article.references_title:
                _sub(rl, "title", article.references_title)
            for ref in article.references:
                rl.append(_ref_with_alternatives(ref))
        if article.footnotes:
            fg = _sub(back, "fn-group")
            for fn in article.footnotes:
                _footnote(fg, fn)
        for note in article.notes:
            ne = _titled(back, "notes", note.title, note.paragraphs, note.sections)
            if note.sec_type:
                ne.set("notes-type", note.sec_type)
    if declare_gaps:
        _declare_source_gaps(root, fl)
    return root


def _untag_abbreviated_lpage(citation: etree._Element) -> None:
    """Leave an abbreviated last page ("1081-7") as plain text.

    The citation must stay verbatim, so ``<lpage>`` could only hold "7",
    which reads as page 7: JATS4R (general-citations-errors-3) rejects an
    lpage below the fpage, and expanding it to 1087 would put characters
    in the citation the text does not print. ``<fpage>``, which citation
    matching uses, stays tagged; the range is still there as text.
    """
    fpage, lpage = citation.find("fpage"), citation.find("lpage")
    if fpage is None or lpage is None or len(lpage):
        return
    # Compared as the JATS4R rule compares them: digits only ("H3052"-"6").
    first, last = re.sub(r"\D", "", fpage.text or ""), re.sub(r"\D", "", lpage.text or "")
    if not (first and last) or int(last) >= int(first):
        return
    parent = lpage.getparent()
    assert parent is not None
    prev = lpage.getprevious()
    text = (lpage.text or "") + (lpage.tail or "")
    if prev is None:
        parent.text = (parent.text or "") + text
    else:
        prev.tail = (prev.tail or "") + text
    parent.remove(lpage)


def _describe_uris(citation: etree._Element) -> None:
    """Give a printed URL in a reference an ``xlink:title`` (JATS4R accessibility-errors-6).

    The element's text is the URL as printed and must stay so; the title
    only says what the link is, which its place in a reference tells.
    """
    for uri in citation.iter("uri", "ext-link"):
        text = "".join(uri.itertext()).strip()
        if uri.get(f"{{{XLINK}}}title") is None and re.match(r"(?:https?|s?ftp)://", text):
            uri.set(f"{{{XLINK}}}title", "The cited work online")


def _ref_with_alternatives(ref) -> etree._Element:  # type: ignore[no-untyped-def]
    el = build_ref(ref)
    styled = getattr(ref, "styled_jats", None)
    if styled:
        mc = el.find("mixed-citation")
        alt = etree.Element("citation-alternatives")
        el.replace(mc, alt)
        alt.append(mc)
        alt.append(etree.fromstring(styled))
    for citation in el.iter("mixed-citation"):
        _untag_abbreviated_lpage(citation)
        _describe_uris(citation)
    for structured in el.iter("element-citation"):
        # the structured alternative holds no printed text: an abbreviated last page is left out
        # (the mixed-citation beside it keeps the range as printed)
        _untag_abbreviated_lpage(structured)
        for part in structured:
            part.tail = None
        structured.text = None
    return el


def serialize(root: etree._Element, fl: Flavour) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", doctype=fl.doctype, pretty_print=True)


def _declare_source_gaps(root: etree._Element, fl: Flavour) -> None:
    """Declare, in ``<processing-meta>``, the facts the converted text did not hold.

    This writer puts in the tree only what the text or a journal profile
    supplied, so an absence here means "not found in the source text": no
    image behind a figure caption, no licence printed, no ISSN. Rule sets
    made for publisher JATS call those absences errors; saying them in the
    document lets ``journalkit validate`` report them as warnings (and
    ``--strict`` ignore the declaration) instead of anyone inventing the
    facts. The tokens, their meaning and the absence tests are defined once,
    in :data:`journalkit.validation.gaps.GAPS`. ``processing-meta`` is the
    first child of ``<article>`` (JATS 1.2+); its attributes describe what
    this writer produces: the JATS family, this tag set, and the table model
    of the tables actually written (none, as plain text keeps no cells).
    """
    from ..validation.gaps import GROUP_TYPE, META_NAME, missing_facts

    # declared again after plugins changed the tree (a licence added by a journal plugin): start afresh
    existing = root.find("processing-meta")
    if existing is not None:
        for group in existing.findall(f"custom-meta-group[@content-type='{GROUP_TYPE}']"):
            prev = group.getprevious()
            if prev is not None and not isinstance(prev.tag, str):  # our comment
                existing.remove(prev)
            existing.remove(group)
        if not len(existing.findall("*")):
            root.remove(existing)
            existing = None
    tokens = missing_facts(root)
    if not tokens:
        return
    pm = existing  # a plugin's own processing-meta takes the declaration
    if pm is None:
        oasis = any(True for _ in root.iter("{http://www.niso.org/standards/z39-96/ns/oasis-exchange/table}table"))
        xhtml = any(True for _ in root.iter("table"))
        table_model = "both" if oasis and xhtml else "oasis" if oasis else "xhtml" if xhtml else "none"
        pm = etree.Element("processing-meta")
        pm.set("tagset-family", "jats")
        pm.set("base-tagset", fl.tag_set)
        pm.set("table-model", table_model)
        if any(True for _ in root.iter("{http://www.w3.org/1998/Math/MathML}math")):
            pm.set("mathml-version", "2.0")  # the DTDs written are the MathML 2 variants
        root.insert(0, pm)
    pm.append(etree.Comment(" facts not found in the source text (none were invented) "))
    group = _sub(pm, "custom-meta-group", content_type=GROUP_TYPE)
    for token in tokens:
        cm = _sub(group, "custom-meta")
        _sub(cm, "meta-name", META_NAME)
        _sub(cm, "meta-value", token)


def declare_source_gaps(root: etree._Element, fl: Flavour) -> None:
    """Declare the source gaps of a finished tree (after ``journalkit_jats_tree`` plugins ran).

    A plugin that adds a fact (the journal's licence, its ISSN) would make a declaration made earlier
    stale, so the pipeline builds with ``declare_gaps=False`` and declares here, once; a declaration
    already in the tree is replaced.
    """
    _declare_source_gaps(root, fl)


def _drop_empty_license(perm: etree._Element, le: etree._Element, lp: etree._Element) -> None:
    """Never leave an empty ``<license-p>`` (nor an empty ``<license>`` or ``<permissions>``).

    A licence whose text is empty happens when the whole printed line was
    read as the copyright statement ("Copyright © 2020 Journal This is an
    Open Access article ..." without a full stop after the holder): the
    sentence is then kept in ``<copyright-statement>``, and an empty
    ``<license-p>`` would only add an element PMC rejects
    (empty-element-check) and say nothing. A licence URL alone is still a
    licence (``ali:license_ref``).
    """
    if "".join(lp.itertext()).strip() or len(lp):
        return
    le.remove(lp)
    if not len(le):
        perm.remove(le)
    parent = perm.getparent()
    if not len(perm) and parent is not None:
        parent.remove(perm)
