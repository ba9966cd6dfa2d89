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

from ..model import Reference, RefField

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


def build_ref(ref: Reference) -> etree._Element:
    """``<ref id>`` with its label and mixed-citation."""
    el = etree.Element("ref", id=ref.id)
    if ref.label:
        etree.SubElement(el, "label").text = ref.label
    el.append(build_mixed_citation(ref))
    return el


def build_ref_list(refs: list[Reference]) -> etree._Element:
    """``<ref-list>`` with one ``<ref>`` per reference, in order."""
    rl = etree.Element("ref-list")
    for r in refs:
        rl.append(build_ref(r))
    return rl
