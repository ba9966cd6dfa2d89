"""DTD validation chosen by the DOCTYPE, offline, with DTDs loaded once.

Loading a JATS DTD means parsing some sixty module files (~30 ms), while
validating a parsed article against a loaded DTD takes well under a
millisecond. So documents are parsed *without* their DTD and validated
afterwards against a cached :class:`lxml.etree.DTD`, which keeps a batch run
at hundreds of files per second. :mod:`journalkit.validation.safe` sends the
few documents where that shortcut could change the verdict (internal
subsets, entities the DTD defines, namespace prefixes only the DTD declares)
through a full DTD-loading parse instead.
"""

from __future__ import annotations

import functools
import io
import re
from pathlib import Path
from typing import Any

from lxml import etree

from ..resources import schemas_dir
from .catalog import SchemaOnlyResolver, jats_catalog
from .findings import Finding

#: What a document without a DOCTYPE is checked against (with a warning).
DEFAULT_SCHEMA = "jats-1.3-archiving"

_TAG_SETS = (
    ("Journal Archiving and Interchange", "archiving"),
    ("Journal Publishing", "publishing"),
    ("Article Authoring", "authoring"),
)


class SchemaError(ValueError):
    """``--schema`` names nothing we ship (a usage error, exit status 2)."""


def _short_name(public_id: str) -> str | None:
    """``jats-1.3-archiving-mathml3`` from a JATS/NLM public identifier."""
    m = re.search(r"\bv(\d[\w.]*)\s+\d{8}//EN$", public_id)
    if not m:
        return None
    tag_set = next((short for long, short in _TAG_SETS if long in public_id), None)
    if tag_set is None:
        return None
    suite = "jats" if "JATS" in public_id else "nlm"
    name = f"{suite}-{m.group(1)}-{tag_set}"
    if "OASIS" in public_id:
        name += "-oasis"
    if "MathML3" in public_id:
        name += "-mathml3"
    return name


@functools.cache
def schema_names() -> dict[str, Path]:
    """Every DTD ``--schema`` accepts by name, mapped to its shipped file."""
    names: dict[str, Path] = {}
    for public_id, path in jats_catalog().public.items():
        name = _short_name(public_id)
        if name is not None:
            names.setdefault(name, path)
    return dict(sorted(names.items()))


def resolve_schema(value: str | Path) -> Path:
    """A ``--schema`` value as a DTD file: short name, public id, system URL or path."""
    text = str(value).strip()
    names = schema_names()
    if text in names:
        return names[text]
    hit = jats_catalog().resolve(text, text)
    if hit is not None:
        return hit
    local = Path(text).expanduser()
    if local.suffix == ".dtd" and local.is_file():
        return local.resolve()
    sample = ", ".join(n for n in names if n.startswith(("jats-1.3", "jats-1.4")))
    raise SchemaError(f"unknown schema {text!r}: give a short name ({sample}, ...), a public id or a .dtd file")


def identify(public_id: str | None, system_id: str | None) -> Path | None:
    """The shipped DTD a DOCTYPE names, through the catalog (never the network)."""
    if not public_id and not system_id:
        return None
    return jats_catalog().resolve(system_id, public_id)


@functools.lru_cache(maxsize=64)
def load_dtd_file(path: str) -> etree.DTD:
    """A DTD with all its modules, loaded once per process per file.

    ``etree.DTD(path)`` skips the external modules on lxml >= 5; a stub
    document naming the DTD loads them when entity resolution is on. The
    resolver limits that to the schemas folder (plus the named DTD's own
    folder, for a user's ``--schema my.dtd``).
    """
    p = Path(path).resolve()
    roots: tuple[Path, ...] = () if jats_catalog().contains(p) else (p.parent,)
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True, no_network=True)
    resolver = SchemaOnlyResolver(extra_roots=roots)
    parser.resolvers.add(resolver)
    stub = f'<!DOCTYPE article SYSTEM "{p.as_uri()}"><article/>'.encode()
    dtd = etree.fromstring(stub, parser).getroottree().docinfo.externalDTD
    if dtd is None or resolver.refused:
        missing = ", ".join(r.url or r.public_id or "?" for r in resolver.refused)
        raise SchemaError(f"could not load the DTD {p}" + (f" (missing {missing})" if missing else ""))
    return dtd


def dtd_label(path: Path) -> str:
    """The short name of a shipped DTD file, else its path (for messages)."""
    for name, p in schema_names().items():
        if p == path:
            return name
    try:
        return str(path.relative_to(schemas_dir()))
    except ValueError:
        return str(path)


def _rule_id(type_name: str) -> str:
    return "dtd:" + type_name.lower().removeprefix("dtd_").replace("_", "-")


def log_to_findings(entries: Any, file: str | None, source_filter: str | None = "VALID") -> list[Finding]:
    """lxml error-log entries as findings (validity errors by default)."""
    out = []
    seen = set()
    for e in entries:
        if source_filter and e.domain_name != source_filter:
            continue
        if e.level_name not in ("ERROR", "FATAL"):
            continue
        key = (e.line, e.message)
        if key in seen:
            continue
        seen.add(key)
        out.append(
            Finding("error", _rule_id(e.type_name), "dtd", e.message.strip(), file,
                    e.line or None, e.column or None, None)
        )
    return out


def choose_dtd(
    tree: etree._ElementTree, schema: str | Path | None, file: str | None
) -> tuple[Path | None, list[Finding]]:
    """Which DTD to validate against, and what to say about the choice."""
    if schema is not None:
        return resolve_schema(schema), []
    info = tree.docinfo
    public_id, system_id = info.public_id, info.system_url
    if not public_id and not system_id:
        return schema_names()[DEFAULT_SCHEMA], [Finding("warning", "dtd:no-doctype", "dtd",
                              f"no DOCTYPE: validated against {DEFAULT_SCHEMA} (use --schema to choose)",
                              file, 1, None, None)]
    path = identify(public_id, system_id)
    if path is None:
        ident = " ".join(f'"{x}"' for x in (public_id, system_id) if x)
        return None, [Finding("error", "dtd:unknown-doctype", "dtd",
                              f"DOCTYPE names a DTD that is not shipped: {ident}; not validated "
                              "(use --schema to choose one)", file, 1, None, None)]
    return path, []


def validate_tree_dtd(
    tree_or_root: etree._ElementTree | etree._Element,
    *,
    schema: str | Path | None = None,
    dtd: etree.DTD | None = None,
    file: str | None = None,
) -> list[Finding]:
    """DTD findings for an already parsed (or freshly built) tree.

    The DTD is ``dtd`` if given, else ``schema`` (short name, public id or
    path), else the one the tree's DOCTYPE names; a tree without DOCTYPE is
    checked against :data:`DEFAULT_SCHEMA` with a warning. The converter
    passes its own flavour's DTD to skip the lookup.
    """
    if isinstance(tree_or_root, etree._ElementTree):
        tree = tree_or_root
        root = tree.getroot()
    else:
        root = tree_or_root
        tree = root.getroottree()
    findings: list[Finding] = []
    if dtd is None:
        path, findings = choose_dtd(tree, schema, file)
        if path is None:
            return findings
        dtd = load_dtd_file(str(path))
    ok = dtd.validate(root)
    out = findings if ok else findings + log_to_findings(dtd.error_log, file)
    if validate_reports_duplicate_ids():
        return out
    seen = {(f.rule, f.line, f.message) for f in out}
    return out + [f for f in duplicate_ids(root, dtd, file) if (f.rule, f.line, f.message) not in seen]


@functools.cache
def validate_reports_duplicate_ids() -> bool:
    """Does this libxml2's ``DTD.validate`` report an ID used twice by itself?

    Recent libxml2 (2.14 here) registers ID attributes while validating a
    tree, so a duplicate is reported with the same rule, line and message
    :func:`duplicate_ids` would give; the second walk over every ``@id``
    (about a seventh of DTD-only validation time) is then redundant. Older
    versions register IDs only while parsing, so the answer comes from a
    probe, once per process, not from a version number.
    """
    probe = etree.DTD(io.StringIO("<!ELEMENT a (b*)><!ELEMENT b EMPTY><!ATTLIST b id ID #IMPLIED>"))
    if probe.validate(etree.fromstring('<a><b id="x"/><b id="x"/></a>')):
        return False
    return any(e.type_name == "DTD_ID_REDEFINED" and e.line == 1 for e in probe.error_log)


@functools.lru_cache(maxsize=64)
def _id_attributes(dtd: etree.DTD) -> dict[str, frozenset[str]]:
    """Per ID-typed attribute name, the elements that declare it so."""
    out: dict[str, set[str]] = {}
    for decl in dtd.iterelements():
        el_name = decl.name if not decl.prefix else f"{decl.prefix}:{decl.name}"
        for att in decl.iterattributes():
            if att.type == "id":
                name = att.name if not att.prefix else f"{att.prefix}:{att.name}"
                out.setdefault(name, set()).add(el_name)
    return {k: frozenset(v) for k, v in out.items()}


def duplicate_ids(root: etree._Element, dtd: etree.DTD, file: str | None) -> list[Finding]:
    """ID values used twice, as a validating parse reports them.

    libxml2 registers IDs while parsing with the DTD loaded; validating a
    tree afterwards (``DTD.validate``) checks IDREFs against them but never
    sees a duplicate, so the fast path needs this to give the same verdict.
    """
    out: list[Finding] = []
    for att_name, elements in _id_attributes(dtd).items():
        if ":" in att_name:
            prefix, local = att_name.split(":", 1)
            if prefix != "xml":
                continue
            values = root.xpath(f"//@*[local-name()='{local}' and namespace-uri()="
                                "'http://www.w3.org/XML/1998/namespace']")
        else:
            # Plain strings first: building a "smart" string (one that knows
            # its element) per attribute costs more than the check itself.
            values = root.xpath(f"//@{att_name}", smart_strings=False)
        if len(values) < 2 or len({str(v).strip() for v in values}) == len(values):
            continue
        values = root.xpath(f"//@{att_name}", smart_strings=True) if ":" not in att_name else values
        seen: set[str] = set()
        for v in values:
            owner = v.getparent()
            if owner is None or owner.tag not in elements:
                continue
            key = str(v).strip()
            if key in seen:
                out.append(Finding("error", "dtd:id-redefined", "dtd", f"ID {key} already defined", file,
                                   owner.sourceline, None, None))
            seen.add(key)
    return out
