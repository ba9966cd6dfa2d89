"""Giving the rule engines the DTD's ID/IDREF attribute types, without the DTD.

XPath's ``id()`` (and XSLT's) finds an element only through an attribute the
parser was told is of type ID. The JATS4R rules (``id(@rid)/label``) and
the PMC Style Checker (``xref-check``) lean on it, but neither engine may
load the document's DTD: Saxon would fetch it over the network, and our
fast parse path deliberately skips it. Without the types every ``id()`` is
empty, so correct links were reported as dangling ("target of <xref> is not
in this document", "the <aff> it points to does not have a label").

So the tree handed to an engine is serialised behind an internal subset *we
write*: one ``<!ATTLIST el att ID #IMPLIED>`` (or ``IDREF``/``IDREFS``) per
element and attribute the DTD types so and the document uses. It holds
attribute-list declarations only, never an entity, so it cannot make
either parser open a file or a URL; the document's own DOCTYPE is not
carried over. A non-validating parse of it gives exactly the ID map a
DTD-loading parse would.
"""

from __future__ import annotations

import functools

from lxml import etree

_TYPES = {"id": "ID", "idref": "IDREF", "idrefs": "IDREFS"}
XML_NS = "http://www.w3.org/XML/1998/namespace"


@functools.lru_cache(maxsize=64)
def _typed_attributes(dtd: etree.DTD) -> dict[str, tuple[tuple[str, str], ...]]:
    """Per element name (as the DTD spells it), its ID/IDREF(S) attributes and their types."""
    out: dict[str, list[tuple[str, str]]] = {}
    for decl in dtd.iterelements():
        el_name = decl.name if not decl.prefix else f"{decl.prefix}:{decl.name}"
        for att in decl.iterattributes():
            kind = _TYPES.get(att.type or "")
            if kind is None:
                continue
            name = att.name if not att.prefix else f"{att.prefix}:{att.name}"
            out.setdefault(el_name, []).append((name, kind))
    return {k: tuple(v) for k, v in out.items()}


def _qname(el: etree._Element) -> str:
    local = etree.QName(el).localname
    return f"{el.prefix}:{local}" if el.prefix else local


def id_subset(root: etree._Element, dtd: etree.DTD | None) -> str:
    """The internal subset (``<!DOCTYPE root [...]>``) typing this document's ID/IDREF attributes.

    Without a DTD (a DOCTYPE naming nothing we ship) every ``id`` attribute
    is declared ID, as in every JATS and NLM version, so ``id()`` still
    works; IDREFs are then left untyped, which only ``idref()`` would need.
    """
    typed = _typed_attributes(dtd) if dtd is not None else {}
    decls: dict[tuple[str, str], str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or not el.attrib:
            continue
        name = _qname(el)
        if dtd is not None:
            for att, kind in typed.get(name, ()):
                if el.get(att if ":" not in att else _clark(att, el) or "") is not None:
                    decls.setdefault((name, att), kind)
        elif el.get("id") is not None:
            decls.setdefault((name, "id"), "ID")
    body = "".join(f"<!ATTLIST {el} {att} {kind} #IMPLIED>" for (el, att), kind in sorted(decls.items()))
    return f"<!DOCTYPE {_qname(root)} [{body}]>\n"


def _clark(att: str, el: etree._Element) -> str | None:
    prefix, local = att.split(":", 1)
    uri = XML_NS if prefix == "xml" else (el.nsmap or {}).get(prefix)
    return f"{{{uri}}}{local}" if uri else None


def with_id_subset(root: etree._Element, dtd: etree.DTD | None) -> str:
    """``root`` serialised behind :func:`id_subset` (text for Saxon's parser)."""
    return id_subset(root, dtd) + etree.tostring(root, encoding="unicode")


def id_typed_tree(root: etree._Element, dtd: etree.DTD | None) -> etree._ElementTree:
    """A re-parse of ``root`` in which libxml2 knows the ID attributes (for lxml's XSLT ``id()``).

    The parser stays as strict as the untrusted one: no network, no entity
    loading, libxml2's limits on. ``recover`` keeps a document whose IDs
    repeat (the DTD check reports that) from failing here, since a
    duplicate ID is a validity error libxml2 raises as soon as IDs are typed.
    """
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=False,
                             recover=True, remove_pis=False)
    text = with_id_subset(root, dtd).encode("utf-8")
    return etree.ElementTree(etree.fromstring(text, parser))
