"""References as CSL-JSON, and restyling through the formatting plugins.

CSL-JSON is the interchange format of every citation tool (Zotero, Mendeley,
pandoc, citeproc-js), so it is the boundary between our
:class:`~journalkit.model.Reference` and any CSL processor: a plugin that
formats references maps them here and never reads the model itself, and
``journalkit refs`` reads and writes CSL-JSON files with the same code.

The mapping is lossless for the fields both sides have. What CSL-JSON has no
variable for (the list label, the string as printed, ``et al.`` in the
original, an arXiv id) travels in the item's ``custom`` object, which CSL
processors ignore, so a round trip keeps it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from pydantic import ValidationError

from .model import Reference, RefName

if TYPE_CHECKING:
    import pluggy

__all__ = [
    "CSL_TYPES",
    "ReferenceInputError",
    "csl_to_reference",
    "dotted_initials",
    "read_references",
    "reference_to_csl",
    "references_from_csl",
    "references_to_csl",
    "restyle_references",
]

# Reference.publication_type (JATS @publication-type words) -> CSL type.
CSL_TYPES: dict[str, str] = {
    "journal": "article-journal",
    "book": "book",
    "chapter": "chapter",
    "confproc": "paper-conference",
    "conference": "paper-conference",
    "thesis": "thesis",
    "report": "report",
    "web": "webpage",
    "webpage": "webpage",
    "patent": "patent",
    "data": "dataset",
    "dataset": "dataset",
    "software": "software",
    "preprint": "article",
    "newspaper": "article-newspaper",
    "magazine": "article-magazine",
    "standard": "standard",
    "other": "article",
}
_FROM_CSL: dict[str, str] = {
    "article-journal": "journal",
    "book": "book",
    "chapter": "chapter",
    "paper-conference": "confproc",
    "thesis": "thesis",
    "report": "report",
    "webpage": "web",
    "post-weblog": "web",
    "patent": "patent",
    "dataset": "data",
    "software": "software",
    "article": "preprint",
    "article-newspaper": "newspaper",
    "article-magazine": "magazine",
    "standard": "standard",
}
# Types whose own title is what JATS calls <source> (a whole book, a thesis).
_SOURCE_TITLED = {"book", "thesis", "report", "webpage", "dataset", "software", "standard", "patent"}

_COMPACT_INITIALS = re.compile(r"^[A-Z]{1,4}$")


def dotted_initials(given: str) -> str:
    """``"SD"`` -> ``"S. D."``; anything else unchanged.

    PubMed-style references print initials without periods, and parsers keep
    them that way; every CSL processor reads an undotted run of capitals as
    one given name ("Sd"), so we dot them before formatting.
    """
    g = given.strip()
    if _COMPACT_INITIALS.match(g) and len(g) > 1:
        return " ".join(c + "." for c in g)
    if len(g) == 1 and g.isupper():
        return g + "."
    return given


def _name_to_csl(n: RefName) -> dict[str, str]:
    if n.collab and not n.surname:
        return {"literal": n.collab}
    out: dict[str, str] = {}
    if n.surname:
        out["family"] = n.surname
    if n.given_names:
        out["given"] = dotted_initials(n.given_names)
    if n.suffix:
        out["suffix"] = n.suffix
    return out


def _name_from_csl(d: dict[str, Any], role: str) -> RefName | None:
    if "literal" in d and not d.get("family"):
        return RefName(collab=str(d["literal"]), role=role)  # type: ignore[arg-type]
    family = " ".join(str(d[k]) for k in ("non-dropping-particle", "family") if d.get(k)) or None
    given = " ".join(str(d[k]) for k in ("given", "dropping-particle") if d.get(k)) or None
    if not family and not given:
        return None
    return RefName(surname=family, given_names=given, suffix=d.get("suffix") or None, role=role)  # type: ignore[arg-type]


def _csl_type(ref: Reference) -> str:
    if ref.publication_type:
        return CSL_TYPES.get(ref.publication_type, "article")
    # No type from the parser: infer the commonest reading of the fields.
    if ref.chapter_title:
        return "chapter"
    if ref.source and (ref.volume or ref.issue or ref.fpage or ref.elocation_id):
        return "article-journal"
    if ref.publisher_name and not ref.title:
        return "book"
    return "article-journal" if ref.source else "article"


def reference_to_csl(ref: Reference) -> dict[str, Any]:
    """One :class:`Reference` as a CSL-JSON item (``id`` = ``ref.id``)."""
    ctype = _csl_type(ref)
    item: dict[str, Any] = {"id": ref.id, "type": ctype}
    authors = [_name_to_csl(n) for n in ref.authors if n.role == "author"]
    editors = [_name_to_csl(n) for n in ref.editors] + [_name_to_csl(n) for n in ref.authors if n.role == "editor"]
    if authors:
        item["author"] = authors
    if editors:
        item["editor"] = editors
    if ctype == "chapter":
        title = ref.chapter_title or ref.title
        container = ref.source
    elif ctype in _SOURCE_TITLED:
        title = ref.title or ref.source
        container = ref.source if ref.title else None
    else:
        title = ref.title or ref.chapter_title
        container = ref.source
    if title:
        item["title"] = title
    if container:
        item["container-title"] = container
    if ref.year:
        m = re.match(r"\d{4}", ref.year)
        if m:
            # A suffix ("2016a") belongs to the old list; the style assigns its own.
            item["issued"] = {"date-parts": [[int(m.group())]]}
    for attr, var in (
        ("volume", "volume"),
        ("issue", "issue"),
        ("doi", "DOI"),
        ("pmid", "PMID"),
        ("pmcid", "PMCID"),
        ("uri", "URL"),
        ("publisher_name", "publisher"),
        ("publisher_loc", "publisher-place"),
        ("edition", "edition"),
    ):
        value = getattr(ref, attr)
        if value:
            item[var] = value
    if ref.fpage and ref.lpage:
        item["page"] = f"{ref.fpage}-{ref.lpage}"
    elif ref.fpage:
        item["page"] = ref.fpage
    elif ref.elocation_id:
        item["page"] = ref.elocation_id
    custom: dict[str, Any] = {}
    if ref.label:
        custom["label"] = ref.label
    if ref.raw:
        custom["raw"] = ref.raw
    if ref.etal:
        custom["etal"] = True
    if ref.arxiv:
        custom["arxiv"] = ref.arxiv
    if ref.chapter_title and ref.title and ctype == "chapter":
        custom["book-title"] = ref.title
    if custom:
        item["custom"] = custom
    return item


def references_to_csl(references: Iterable[Reference]) -> list[dict[str, Any]]:
    """A reference list as CSL-JSON, in order."""
    return [reference_to_csl(r) for r in references]


def _year_of(issued: Any) -> str | None:
    if not isinstance(issued, dict):
        return None
    parts = issued.get("date-parts")
    if parts and parts[0] and parts[0][0] not in (None, ""):
        y = str(parts[0][0])
        return y if re.fullmatch(r"\d{4}", y) else None
    lit = str(issued.get("literal") or issued.get("raw") or "")
    m = re.search(r"\b(1[6-9]\d\d|20\d\d)\b", lit)
    return m.group(1) if m else None


def _synth_raw(item: dict[str, Any]) -> str:
    """A plain reading of the item, for CSL-JSON that never had a printed string."""
    names = []
    for n in item.get("author") or []:
        names.append(" ".join(str(n[k]) for k in ("family", "given", "literal") if n.get(k)))
    parts = [", ".join(names), item.get("title"), item.get("container-title")]
    tail = " ".join(
        str(x)
        for x in (
            _year_of(item.get("issued")),
            item.get("volume"),
            f"({item['issue']})" if item.get("issue") else None,
            item.get("page"),
        )
        if x
    )
    parts.append(tail)
    return ". ".join(str(p).strip() for p in parts if p).strip() or str(item.get("id", ""))


def csl_to_reference(item: dict[str, Any], *, raw: str | None = None, ref_id: str | None = None) -> Reference:
    """A CSL-JSON item as a :class:`Reference`.

    ``raw`` defaults to the string kept in ``custom.raw`` by
    :func:`reference_to_csl`, else a plain reading of the fields (CSL-JSON
    from a reference manager never had a printed string). Values the model
    rejects (a malformed DOI, an impossible year) raise
    :class:`pydantic.ValidationError`, as everywhere in the model.
    """
    custom = item.get("custom") if isinstance(item.get("custom"), dict) else {}
    assert isinstance(custom, dict)
    ctype = str(item.get("type") or "article")
    authors = [n for n in (_name_from_csl(d, "author") for d in item.get("author") or []) if n]
    editors = [n for n in (_name_from_csl(d, "editor") for d in item.get("editor") or []) if n]
    title = item.get("title") or None
    container = item.get("container-title") or None
    fields: dict[str, Any] = {}
    if ctype == "chapter":
        fields["chapter_title"] = title
        fields["title"] = custom.get("book-title")
        fields["source"] = container
    elif ctype in _SOURCE_TITLED and not container:
        fields["source"] = title
    else:
        fields["title"] = title
        fields["source"] = container
    page = str(item.get("page") or "").strip()
    if page:
        m = re.fullmatch(r"([A-Za-z]?\d+)\s*[-\u2010-\u2015]\s*([A-Za-z]?\d+)", page)
        if m:
            fields["fpage"], fields["lpage"] = m.group(1), m.group(2)
        elif page.isdigit():
            fields["fpage"] = page
        else:
            fields["elocation_id"] = page
    for var, attr in (
        ("volume", "volume"),
        ("issue", "issue"),
        ("DOI", "doi"),
        ("PMID", "pmid"),
        ("PMCID", "pmcid"),
        ("URL", "uri"),
        ("publisher", "publisher_name"),
        ("publisher-place", "publisher_loc"),
        ("edition", "edition"),
    ):
        value = item.get(var)
        if value not in (None, ""):
            fields[attr] = str(value)
    return Reference(
        id=ref_id or str(item.get("id") or ""),
        label=custom.get("label"),
        raw=raw if raw is not None else str(custom.get("raw") or _synth_raw(item)),
        publication_type=_FROM_CSL.get(ctype, "other"),
        authors=authors,
        editors=editors,
        etal=bool(custom.get("etal", False)),
        year=_year_of(item.get("issued")),
        arxiv=custom.get("arxiv"),
        **{k: v for k, v in fields.items() if v is not None},
    )


def references_from_csl(items: Iterable[dict[str, Any]]) -> list[Reference]:
    """CSL-JSON items as references; ids are made unique and non-empty."""
    out = []
    seen: set[str] = set()
    for i, item in enumerate(items, 1):
        rid = str(item.get("id") or f"ref{i}")
        if rid in seen:
            rid = f"{rid}-{i}"
        seen.add(rid)
        out.append(csl_to_reference(item, ref_id=rid))
    return out


# --------------------------------------------------------------------------
# reading reference lists (what `journalkit refs format` accepts)
# --------------------------------------------------------------------------


class ReferenceInputError(ValueError):
    """The input is not a reference list we can read; the message names why."""


_LABEL_RE = re.compile(r"^\s*(\[\d+\]|\d+\.(?=\s)|\(\d+\))\s*")


def _refs_from_jats(root: etree._Element) -> list[Reference]:
    refs: list[Reference] = []
    for i, ref in enumerate(root.iter("ref"), 1):
        cit = None
        for tag in ("mixed-citation", "element-citation", "nlm-citation"):
            cit = ref.find(f".//{tag}")
            if cit is not None:
                break
        if cit is None:
            continue
        raw = " ".join("".join(cit.itertext()).split())
        label_el = ref.find("label")
        label = label_el.text.strip() if label_el is not None and label_el.text else None
        refs.append(
            Reference(id=ref.get("id") or f"ref{i}", label=label, raw=raw, publication_type=cit.get("publication-type"))
        )
    return refs


def read_references(path: str | Path, pm: pluggy.PluginManager | None = None) -> list[Reference]:
    """Read a reference list: CSL-JSON, a JATS ``<ref-list>``/article, or one string per line.

    JATS and plain strings carry no fields we trust, so they go through the
    ``journalkit_parse_references`` hook (whichever parser plugin is
    installed) before formatting; CSL-JSON is already structured. Raises
    :class:`ReferenceInputError` with a one-line reason.
    """
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ReferenceInputError(exc.strerror or str(exc)) from exc
    text = data.decode("utf-8-sig", errors="replace")
    head = text.lstrip()[:1]
    try:
        if head in ("[", "{"):
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                raise ReferenceInputError(f"not valid JSON: {exc.msg} at line {exc.lineno}") from exc
            items = obj.get("items", [obj]) if isinstance(obj, dict) else obj
            if not isinstance(items, list) or not all(
                isinstance(x, dict) and ({"type", "title", "author"} & x.keys()) for x in items
            ):
                raise ReferenceInputError("JSON is not a CSL-JSON list of items")
            return references_from_csl(items)
        if head == "<":
            parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
            try:
                root = etree.fromstring(data, parser)
            except etree.XMLSyntaxError as exc:
                raise ReferenceInputError(f"not well-formed XML: {exc}") from exc
            for el in root.iter():  # JATS from the wild is sometimes namespaced
                if isinstance(el.tag, str) and el.tag.startswith("{"):
                    el.tag = etree.QName(el).localname
            refs = _refs_from_jats(root)
            if not refs:
                raise ReferenceInputError("no <ref> with a citation in the XML")
        else:
            refs = []
            for line in (ln.strip() for ln in text.splitlines()):
                if not line:
                    continue
                m = _LABEL_RE.match(line)
                label = m.group(1).strip("[]().") if m else None
                refs.append(Reference(id=f"ref{len(refs) + 1}", label=label, raw=line))
            if not refs:
                raise ReferenceInputError("no reference strings in the file")
    except ValidationError as exc:
        raise ReferenceInputError(f"invalid reference data: {exc.errors()[0]['msg']}") from exc
    if pm is not None:
        parsed = pm.hook.journalkit_parse_references(references=refs, doc=None)
        if parsed is not None:
            refs = list(parsed)
    return refs


# --------------------------------------------------------------------------
# restyling an article's list
# --------------------------------------------------------------------------


def restyle_references(
    references: list[Reference], style: str, pm: pluggy.PluginManager, locale: str = "en-US"
) -> None:
    """Format ``references`` in ``style`` and keep the result beside the original.

    Fills ``styled_jats`` (a serialized ``<mixed-citation>``) and
    ``styled_style`` on each reference, in place; ``raw`` is never touched,
    so the JATS writer can put the original and the restyled citation side
    by side in ``<citation-alternatives>``. Raises ``LookupError`` when no
    plugin can format (none installed, or an unknown style).
    """
    if not references:
        return
    out = pm.hook.journalkit_format_references(references=list(references), style=style, locale=locale, output="jats")
    if out is None:
        raise LookupError(f"no plugin formats references in style {style!r}")
    if len(out) != len(references):
        raise RuntimeError(f"formatter returned {len(out)} items for {len(references)} references")
    for ref, el in zip(references, out):
        ref.styled_jats = etree.tostring(el, encoding="unicode")
        ref.styled_style = style
