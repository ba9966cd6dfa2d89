"""W3C XML Schema validation, with an XSD the user supplies (``journalkit validate --xsd FILE``).

NISO publishes the JATS tag sets as XSD too (``JATS-journalpublishing1-4.xsd`` and its modules), and
some pipelines are contracted to the XSD rather than the DTD. The XSD distribution is not among the
schemas shipped here, so the user points at their copy; it is loaded once per process, and its
``xs:import``/``xs:include`` are served only from the XSD's own folder (and the shipped schemas):
nothing is fetched from the network, whatever schemaLocation says.
"""

from __future__ import annotations

import functools
from pathlib import Path

from lxml import etree

from .catalog import SchemaOnlyResolver
from .dtd import SchemaError
from .findings import Finding

__all__ = ["load_xsd", "validate_tree_xsd"]


@functools.lru_cache(maxsize=8)
def load_xsd(path: str) -> etree.XMLSchema:
    """The compiled schema; :class:`SchemaError` when it cannot be read or compiled offline."""
    p = Path(path).expanduser().resolve()
    if not p.is_file():
        raise SchemaError(f"{path}: no such XSD file")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    resolver = SchemaOnlyResolver(extra_roots=(p.parent,))
    parser.resolvers.add(resolver)
    try:
        doc = etree.parse(str(p), parser)
        schema = etree.XMLSchema(doc)
    except (etree.XMLSyntaxError, etree.XMLSchemaParseError) as exc:
        refused = ", ".join(r.url or r.public_id or "?" for r in resolver.refused)
        extra = f" (not loaded, outside its folder or remote: {refused})" if refused else ""
        raise SchemaError(f"{path}: cannot compile the XSD: {exc}{extra}") from exc
    return schema


def validate_tree_xsd(tree: etree._ElementTree, xsd: str | Path, file: str | None) -> list[Finding]:
    """The schema's validity errors as findings (rule ``xsd:<libxml2 error type>``)."""
    schema = load_xsd(str(xsd))
    if schema.validate(tree):
        return []
    out = []
    for e in schema.error_log:
        if e.level_name not in ("ERROR", "FATAL"):
            continue
        rule = "xsd:" + e.type_name.lower().removeprefix("schemav_").replace("_", "-")
        out.append(Finding("error", rule, "xsd", e.message.strip(), file, e.line or None, e.column or None,
                           e.path or None))
    return out
