"""``<ref>`` and ``<mixed-citation>`` from a :class:`~journalkit.model.Reference`.

The reference string is written verbatim; the parser's field spans
(``Reference.fields``) become JATS elements around the characters they
cover, so the text content of ``<mixed-citation>`` always equals
``Reference.raw``.

Spans may nest: an ``author``/``editor`` span becomes a ``<person-group>``
holding ``name``/``collab``/``etal`` spans, and a ``name`` span holds
``surname``/``given-names``/``suffix``. Because the text must stay verbatim,
a name becomes ``<name>`` only when the JATS content model can hold it as
written (surname first, parts separated by nothing but spaces); anything
else (``Smith, J.``, ``J. A. Smith``) becomes ``<string-name>``, which allows
text between its parts. ``<etal>`` holds the words as printed (JATS 1.3
allows text in it). A span that does not fit inside its parent, or crosses
another span, is left as plain text rather than breaking the string.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..model import Reference, RefField, normalize_doi

XLINK = "http://www.w3.org/1999/xlink"

# label -> (element, attributes)
_FLAT: dict[str, tuple[str, dict[str, str]]] = {
    "title": ("article-title", {}),
    "chapter-title": ("chapter-title", {}),
    "source": ("source", {}),
    "year": ("year", {}),
    "volume": ("volume", {}),
    "issue": ("issue", {}),
    "fpage": ("fpage", {}),
    "lpage": ("lpage", {}),
    "elocation-id": ("elocation-id", {}),
    "doi": ("pub-id", {"pub-id-type": "doi"}),
    "pmid": ("pub-id", {"pub-id-type": "pmid"}),
    "pmcid": ("pub-id", {"pub-id-type": "pmcid"}),
    "arxiv": ("pub-id", {"pub-id-type": "arxiv"}),
    "publisher-name": ("publisher-name", {}),
    "publisher-loc": ("publisher-loc", {}),
    "edition": ("edition", {}),
    "uri": ("uri", {}),
    "comment": ("comment", {}),
    "conf-name": ("conf-name", {}),
    "collab": ("collab", {}),
    "etal": ("etal", {}),
    "author": ("person-group", {"person-group-type": "author"}),
    "editor": ("person-group", {"person-group-type": "editor"}),
    "name": ("name", {}),
    "surname": ("surname", {}),
    "given-names": ("given-names", {}),
    "suffix": ("suffix", {}),
}

# which labels may sit inside which; None = directly in <mixed-citation>
_CHILDREN: dict[str | None, frozenset[str]] = {
    None: frozenset(set(_FLAT) - {"name", "surname", "given-names", "suffix"}),
    "author": frozenset({"name", "collab", "etal"}),
    "editor": frozenset({"name", "collab", "etal"}),
    "name": frozenset({"surname", "given-names", "suffix"}),
}
# nesting depth of a label, to order spans that cover the same characters
_DEPTH = {"author": 0, "editor": 0, "name": 1, "collab": 1, "etal": 1, "surname": 2, "given-names": 2,
          "suffix": 2}
_NAME_PART_ORDER = {"surname": 0, "given-names": 1, "suffix": 3}


@dataclass
class _Node:
    label: str | None
    start: int
    end: int
    children: list[_Node] = field(default_factory=list)


def _tree(ref: Reference) -> _Node:
    root = _Node(None, 0, len(ref.raw))
    spans = sorted(
        (f for f in ref.fields if f.label in _FLAT and f.end > f.start),
        key=lambda f: (f.start, -f.end, _DEPTH.get(f.label, 1)),
    )

    def place(node: _Node, f: RefField) -> bool:
        for child in node.children:
            if child.start <= f.start and f.end <= child.end:
                # inside (or equal to) a placed span: it must be able to hold it
                return place(child, f)
            if f.start < child.end and child.start < f.end:
                return False  # crosses a sibling
        if f.label not in _CHILDREN.get(node.label, frozenset()):
            return False
        node.children.append(_Node(f.label, f.start, f.end))
        return True

    for f in spans:
        place(root, f)
    return root


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _name_tag(raw: str, node: _Node) -> str:
    """``name`` when the parts, as written, fit its content model; else ``string-name``."""
    kids = node.children
    if not kids or kids[0].label != "surname" or kids[0].start != node.start or kids[-1].end != node.end:
        return "string-name"
    order = [_NAME_PART_ORDER[k.label or ""] for k in kids]
    if order != sorted(order) or len(set(order)) != len(order):
        return "string-name"
    for a, b in zip(kids, kids[1:]):
        if raw[a.end:b.start].strip():
            return "string-name"
    return "name"


def _fill(parent: etree._Element, node: _Node, raw: str, ptype: str | None = None) -> None:
    pos = node.start
    for child in node.children:
        _append_text(parent, raw[pos:child.start])
        tag, attrs = _FLAT[child.label or ""]
        if child.label == "name":
            tag = _name_tag(raw, child)
        elif child.label == "title" and ptype == "data":
            tag = "data-title"  # JATS4R: a data citation names its data set in <data-title>, not <article-title>
        el = etree.SubElement(parent, tag, attrs)
        _fill(el, child, raw, ptype)
        pos = child.end
    _append_text(parent, raw[pos:node.end])


def build_mixed_citation(ref: Reference) -> etree._Element:
    """``<mixed-citation>`` holding ``ref.raw`` with its fields tagged."""
    mc = etree.Element("mixed-citation")
    if ref.publication_type:
        mc.set("publication-type", ref.publication_type)
    _fill(mc, _tree(ref), ref.raw, ref.publication_type)
    return mc


def _recovered_doi(ref: Reference) -> str | None:
    """The DOI when it differs from the characters its span covers (hyphens that extraction dropped, restored
    by the parser), else None: the printed span cannot hold the identifier that resolves."""
    if not ref.doi:
        return None
    span = next((f for f in ref.fields if f.label == "doi"), None)
    if span is None:
        return None
    printed = normalize_doi("".join(ref.raw[span.start:span.end].split()))
    return ref.doi if printed.lower() != ref.doi.lower() else None


def build_ref(ref: Reference) -> etree._Element:
    """``<ref id>`` with its label and mixed-citation.

    When the DOI was recovered (the printed one lost a hyphen at a line break), the mixed-citation still
    holds the string as printed, its ``<pub-id>`` pointing at the real DOI through ``xlink:href``; the
    identifier itself goes into a structured ``<element-citation>`` of the same reference beside it in
    ``<citation-alternatives>`` (PMC's practice for a printed string and its parts), where a reader of
    ``<pub-id>`` text finds the DOI that resolves. (A restyled reference, which the article writer
    wraps in alternatives of its own, keeps the link only.)
    """
    el = etree.Element("ref", id=ref.id)
    if ref.label:
        etree.SubElement(el, "label").text = ref.label
    mc = build_mixed_citation(ref)
    doi = _recovered_doi(ref)
    if doi is None:
        el.append(mc)
        return el
    for pid in mc.iter("pub-id"):
        if pid.get("pub-id-type") == "doi":
            pid.set(f"{{{XLINK}}}href", "https://doi.org/" + doi)
    if getattr(ref, "styled_jats", None):
        el.append(mc)
        return el
    alt = etree.SubElement(el, "citation-alternatives")
    alt.append(mc)
    ec = etree.SubElement(alt, "element-citation")
    if ref.publication_type:
        ec.set("publication-type", ref.publication_type)
    _structured_copy(mc, ec, doi)
    return el


def _structured_copy(mc: etree._Element, ec: etree._Element, doi: str) -> None:
    """Fill ``ec`` with the tagged parts of ``mc`` (names, title, source, year, pages, ids), without the
    printed punctuation between them, and the recovered DOI in place of the printed one: a complete
    structured alternative of the same reference, not an identifier alone."""
    import copy

    for child in mc:
        if not isinstance(child.tag, str):
            continue
        part = copy.deepcopy(child)
        part.tail = None
        for sub in part.iter():
            if sub is not part:
                sub.tail = None
        if part.tag == "pub-id" and part.get("pub-id-type") == "doi":
            part.attrib.pop(f"{{{XLINK}}}href", None)
            part.text = doi
            for sub in list(part):
                part.remove(sub)
        elif part.tag == "person-group":
            for sub in part:
                sub.tail = None
        ec.append(part)


def build_ref_list(refs: list[Reference]) -> etree._Element:
    """``<ref-list>`` with one ``<ref>`` per reference, in order."""
    rl = etree.Element("ref-list")
    for r in refs:
        rl.append(build_ref(r))
    return rl
