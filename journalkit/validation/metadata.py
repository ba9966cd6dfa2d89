"""Metadata checks a DTD cannot make: identifiers, dates, pages, links.

A DTD says an ``<issn>`` holds text; it cannot say the check digit is
wrong, that 2023-02-30 does not exist, or that an ``xref`` points at
nothing. These checks reuse the document model's validators
(:mod:`journalkit.model`) so a value the converter would refuse to write is
also what ``journalkit validate`` flags in someone else's JATS.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree
from pydantic import ValidationError

from ..model import DOI_RE, Date, issn_checksum_ok, normalize_doi, orcid_checksum_ok
from .findings import Finding, Severity, at_element

XLINK = "{http://www.w3.org/1999/xlink}"
_ORCID_FORM = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


class _Checker:
    def __init__(self, root: etree._Element, file: str | None) -> None:
        self.root = root
        self.file = file
        self.out: list[Finding] = []

    def els(self, name: str) -> list[etree._Element]:
        # JATS elements have no namespace; lxml filters by tag in C.
        return list(self.root.iter(name))

    def add(self, el: etree._Element, severity: Severity, rule: str, message: str) -> None:
        self.out.append(at_element(el, severity, f"metadata:{rule}", "metadata", message, self.file))

    # identifiers --------------------------------------------------------

    def dois(self) -> None:
        for name in ("article-id", "pub-id", "object-id"):
            for el in self.els(name):
                if (el.get("pub-id-type") or "").lower() != "doi":
                    continue
                raw = _text(el)
                in_ref = next(el.iterancestors("ref"), None) is not None
                severity: Severity = "warning" if in_ref else "error"
                value = normalize_doi(raw)
                if not DOI_RE.match(value):
                    self.add(el, severity, "doi", f"<{name} pub-id-type=\"doi\"> is not a DOI: {raw!r}")
                elif value != raw:
                    self.add(el, "warning", "doi-form",
                             f"DOI should be given bare ({value!r}), not {raw!r}")

    def orcids(self) -> None:
        for el in self.els("contrib-id"):
            if (el.get("contrib-id-type") or "").lower() != "orcid":
                continue
            raw = _text(el)
            value = re.sub(r"^https?://(?:www\.)?orcid\.org/", "", raw, flags=re.I).upper()
            if not _ORCID_FORM.match(value):
                self.add(el, "error", "orcid", f"not an ORCID iD: {raw!r}")
            elif not orcid_checksum_ok(value):
                self.add(el, "error", "orcid-checksum", f"ORCID iD check digit is wrong: {raw!r}")

    def issns(self) -> None:
        for name in ("issn", "issn-l"):
            for el in self.els(name):
                raw = _text(el)
                value = raw.upper()
                if re.fullmatch(r"\d{7}[\dX]", value):
                    value = value[:4] + "-" + value[4:]
                if not re.fullmatch(r"\d{4}-\d{3}[\dX]", value):
                    self.add(el, "error", "issn", f"not an ISSN: {raw!r}")
                elif not issn_checksum_ok(value):
                    self.add(el, "error", "issn-checksum", f"ISSN check digit is wrong: {raw!r}")

    # dates and pages ----------------------------------------------------

    def dates(self) -> None:
        for name in ("pub-date", "date"):
            for el in self.els(name):
                parts = {c.tag: _text(c) for c in el if isinstance(c.tag, str)}
                year, month, day = parts.get("year"), parts.get("month"), parts.get("day")
                if year is None:
                    if parts.get("string-date") is None and not el.get("iso-8601-date"):
                        self.add(el, "warning", "date", f"<{name}> has no <year>")
                    continue
                if month is not None and not month.isdigit():
                    self.add(el, "warning", "date", f"<month> should be a number 1-12, not {month!r}")
                    month = None
                if day is not None and not day.isdigit():
                    self.add(el, "error", "date", f"<day> is not a number: {day!r}")
                    day = None
                try:
                    Date(year=year, month=int(month) if month else None, day=int(day) if day else None)
                except ValidationError as exc:
                    msgs = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
                    self.add(el, "error", "date", f"<{name}> {year}-{month or '?'}-{day or '?'}: {msgs}")
                iso = el.get("iso-8601-date")
                if iso:
                    m = _ISO_DATE.match(iso.strip())
                    try:
                        if not m:
                            raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
                        Date(year=m.group(1), month=int(m.group(2)) if m.group(2) else None,
                             day=int(m.group(3)) if m.group(3) else None)
                    except (ValueError, ValidationError):
                        self.add(el, "error", "date", f"@iso-8601-date is not a real date: {iso!r}")

    def pages(self) -> None:
        parents = {}
        for el in self.els("fpage"):
            parent = el.getparent()
            if parent is not None:
                parents[parent] = el
        for parent, fp in parents.items():
            lp = parent.find("lpage")
            if lp is None:
                continue
            f, last = _text(fp), _text(lp)
            if not (f.isdigit() and last.isdigit()) or int(f) <= int(last):
                continue
            full = f[: len(f) - len(last)] + last if len(last) < len(f) else last
            if int(full) >= int(f):
                # "345-53" printed in a reference: a real range, tagged as printed.
                self.add(lp, "warning", "page-range-abbreviated",
                         f"<lpage> {last} is abbreviated: tag the full page number ({f}-{full})")
            else:
                self.add(lp, "error", "page-range", f"page range runs backwards: {f}-{last}")

    # links --------------------------------------------------------------

    def links(self) -> None:
        ids: Counter[str] = Counter()
        first: dict[str, etree._Element] = {}
        for value in self.root.xpath("//@id"):
            i = str(value)
            el = value.getparent()
            ids[i] += 1
            first.setdefault(i, el)
            if ids[i] == 2:
                self.add(el, "error", "duplicate-id", f"id {i!r} is used more than once")
        cited: set[str] = set()
        for value in self.root.xpath("//@rid"):
            for token in str(value).split():
                cited.add(token)
                if token not in ids:
                    self.add(value.getparent(), "error", "rid", f"@rid {token!r} points at no element (no such @id)")
        for ref in self.els("ref"):
            rid = ref.get("id")
            if rid and rid not in cited:
                self.add(ref, "warning", "uncited-ref", f"reference {rid!r} is never cited")
        self._affs(cited)
        self._corresp(first)

    def _affs(self, cited: set[str]) -> None:
        # An <aff> inside a <contrib> belongs to it; one shared <aff> covers
        # everybody. Only several shared ones need an xref from each author.
        shared = [a for a in self.els("aff")
                  if a.get("id") and next(a.iterancestors("contrib"), None) is None]
        if len(shared) < 2:
            return
        for aff in shared:
            if aff.get("id") not in cited:
                self.add(aff, "warning", "unused-aff", f"affiliation {aff.get('id')!r} is not linked to any author")

    def _corresp(self, by_id: dict[str, etree._Element]) -> None:
        for contrib in self.els("contrib"):
            xrefs = [x for x in contrib.iter("xref") if x.get("ref-type") == "corresp"]
            if contrib.get("corresp") != "yes" and not xrefs:
                continue
            if self._has_contact(contrib):
                continue
            targets = [by_id.get(t) for x in xrefs for t in (x.get("rid") or "").split()]
            if any(t is not None and self._has_contact(t) for t in targets):
                continue
            if not xrefs and any(self._has_contact(c) for c in self.els("corresp")):
                continue
            self.add(contrib, "warning", "corresp-contact",
                     "corresponding author has no e-mail (in <contrib> or the <corresp> it points to)")

    @staticmethod
    def _has_contact(el: etree._Element) -> bool:
        for d in el.iter("email", "ext-link"):
            if d.tag == "email" and _text(d):
                return True
            if d.tag == "ext-link" and (d.get(XLINK + "href") or "").startswith("mailto:"):
                return True
        return el.tag == "corresp" and "@" in _text(el)


def check_metadata(tree: etree._ElementTree | etree._Element, file: str | None = None) -> list[Finding]:
    """All metadata findings for one parsed document, in document order per check."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    c = _Checker(root, file)
    c.dois()
    c.orcids()
    c.issns()
    c.dates()
    c.pages()
    c.links()
    return c.out
