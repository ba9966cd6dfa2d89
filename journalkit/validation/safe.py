"""Parsing XML nobody vouched for: offline, bounded, and never reading what it names.

The threats are the classic ones: external entities that read local files
or fetch URLs (XXE, also through parameter entities), DTDs on remote hosts,
entity-expansion bombs (billion laughs, quadratic blow-up) and plain huge
inputs. The defences, all reported as findings rather than exceptions:

* a byte limit checked before parsing;
* ``no_network=True`` *and* a resolver that serves only the shipped schema
  files (:class:`~journalkit.validation.catalog.SchemaOnlyResolver`), so an
  external entity gets an empty string, whatever libxml2 would have done;
* libxml2's own limits left on (no ``huge_tree``): entity amplification,
  nesting depth and node size are checked by the parser itself.

Most documents take the fast path: parsed without loading their DTD at all
(nothing external is opened), then DTD-validated against a cached DTD
object. A document with an internal subset, or one that needs its DTD to be
read correctly (entities such as ``&mdash;`` the DTD defines, namespace
prefixes the DTD declares as fixed attributes) is parsed again with the DTD
loaded through the resolver; its verdict then equals a plain lxml
``dtd_validation=True`` parse with the catalog.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .catalog import Refusal, SchemaOnlyResolver
from .dtd import log_to_findings
from .findings import Finding

#: Default input size limit (bytes); JATS articles are rarely over 5 MB.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024

_EXPANSION = ("amplification", "entity reference loop", "entities are not allowed", "entity loop")
_LIMITS = ("huge", "excessive depth", "xml_parse_huge", "maximum", "too long", "limit")


@dataclass
class Parsed:
    """A parse outcome: the tree (``None`` if unusable) and what went wrong."""

    tree: etree._ElementTree | None
    findings: list[Finding] = field(default_factory=list)
    #: DTD findings already produced by a validating parse (slow path only).
    dtd_findings: list[Finding] | None = None
    #: The tree was built with its DTD loaded (entities expanded, defaults set).
    dtd_loaded: bool = False
    #: Validity errors libxml2 raised while merely loading the DTD (duplicate
    #: IDs); the caller's own DTD check finds them again, so they are only
    #: for callers that skip it.
    load_errors: list[Finding] = field(default_factory=list)


def _parser(
    *, load_dtd: bool, validate: bool = False, recover: bool = False
) -> tuple[etree.XMLParser, SchemaOnlyResolver]:
    parser = etree.XMLParser(
        recover=recover,
        load_dtd=load_dtd,
        dtd_validation=validate,
        resolve_entities=load_dtd,  # external ones only ever reach the resolver
        no_network=True,
        huge_tree=False,
        remove_pis=False,
    )
    resolver = SchemaOnlyResolver()
    parser.resolvers.add(resolver)
    return parser, resolver


def _classify(entry: etree._LogEntry, file: str | None) -> Finding:
    msg = entry.message.strip()
    low = msg.lower()
    if any(k in low for k in _EXPANSION):
        return Finding("error", "security:entity-expansion", "security",
                       f"entity expansion stopped: {msg}", file, entry.line or None, entry.column or None)
    if any(k in low for k in _LIMITS):
        return Finding("error", "security:resource-limit", "security",
                       f"parser limit reached: {msg}", file, entry.line or None, entry.column or None)
    return Finding("error", "well-formed", "well-formed", msg, file, entry.line or None, entry.column or None)


def _syntax_findings(exc: etree.XMLSyntaxError, log: etree._ListErrorLog, file: str | None) -> list[Finding]:
    # The parser's own log, not exc.error_log: for some failures (an empty
    # document) lxml hands back the thread's global log, with earlier
    # documents' errors still in it.
    out: list[Finding] = []
    seen: set[tuple[int | None, str]] = set()
    entries = [e for e in log if e.level_name in ("ERROR", "FATAL") and e.domain_name != "VALID"]
    for e in entries:
        f = _classify(e, file)
        if (f.line, f.message) not in seen:
            seen.add((f.line, f.message))
            out.append(f)
    if not out:
        msg = str(exc.msg if hasattr(exc, "msg") else exc) or "not well-formed"
        line, col = (exc.position if getattr(exc, "position", None) else (None, None))
        out.append(Finding("error", "well-formed", "well-formed", msg, file, line or None, col or None))
    return out


def _refusal_findings(refused: list[Refusal], tree: etree._ElementTree | None, file: str | None) -> list[Finding]:
    out = []
    pid = sysid = None
    if tree is not None:
        pid, sysid = tree.docinfo.public_id, tree.docinfo.system_url
    for r in refused:
        what = r.url or r.public_id or "?"
        is_subset = (r.public_id and r.public_id == pid) or (
            r.url and sysid and (r.url == sysid or r.url.endswith("/" + sysid.lstrip("./")))
        )
        if is_subset:
            out.append(Finding("warning", "security:external-dtd", "security",
                               f"external DTD {what!r} not loaded: only the shipped schemas are read", file, 1))
        else:
            out.append(Finding("error", "security:external-entity", "security",
                               f"external entity {what!r} refused: a document may not read files or URLs",
                               file))
    return out


def has_internal_subset(data: bytes, tree: etree._ElementTree) -> bool:
    """Does the DOCTYPE carry declarations in ``[...]``?

    lxml's ``docinfo.internalDTD`` is not the answer: libxml2 makes an
    internal-subset node for every DOCTYPE, declarations or not. So the
    DOCTYPE is scanned (quotes respected) for its opening bracket. When the
    bytes are not ASCII-compatible (UTF-16) we cannot tell cheaply and say
    yes, which only costs the slower path.
    """
    if not tree.docinfo.doctype:
        return False
    i = data.find(b"<!DOCTYPE")
    if i < 0:
        return True
    quote = 0
    for c in data[i + 9 : i + 9 + 65536]:
        if quote:
            if c == quote:
                quote = 0
        elif c in (0x22, 0x27):
            quote = c
        elif c == 0x5B:  # [
            return True
        elif c == 0x3E:  # >
            return False
    return True


def _needs_dtd(data: bytes, tree: etree._ElementTree, parser: etree.XMLParser) -> bool:
    """Would loading the DTD change this tree or its verdict?"""
    if has_internal_subset(data, tree):
        return True
    # An entity the DTD would define shows up as an "undeclared entity"
    # warning; a prefix only the DTD declares, as an error. Either way the
    # log is not empty.
    return len(parser.error_log) > 0


def parse_untrusted(
    data: bytes,
    *,
    file: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    validate_dtd: bool = True,
) -> Parsed:
    """Parse ``data`` safely; never raises for anything the input contains.

    ``validate_dtd`` asks the slow path (only) to validate while parsing, so
    declarations in an internal subset count exactly as libxml2 counts them;
    the fast path leaves DTD validation to the caller.
    """
    if max_bytes and len(data) > max_bytes:
        return Parsed(None, [Finding("error", "security:size-limit", "security",
                                     f"input is {len(data):,} bytes, over the limit of {max_bytes:,} "
                                     "(raise it with --max-size)", file)])
    base = Path(file).resolve().as_uri() if file and Path(file).is_absolute() else None
    parser, resolver = _parser(load_dtd=False)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser, base_url=base))
        if not _needs_dtd(data, tree, parser):
            return Parsed(tree, _refusal_findings(resolver.refused, tree, file))
    except etree.XMLSyntaxError:
        pass
    except (ValueError, MemoryError) as exc:  # e.g. a str with an encoding declaration
        return Parsed(None, [Finding("error", "well-formed", "well-formed", str(exc), file)])
    return _slow_parse(data, file=file, base=base, validate_dtd=validate_dtd)


def _slow_parse(data: bytes, *, file: str | None, base: str | None, validate_dtd: bool) -> Parsed:
    parser, resolver = _parser(load_dtd=True)
    validity: list[Finding] | None = None
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser, base_url=base))
    except etree.XMLSyntaxError as exc:
        serious = [e for e in parser.error_log if e.level_name in ("ERROR", "FATAL")]
        if not serious or any(e.domain_name != "VALID" for e in serious):
            return Parsed(None, _syntax_findings(exc, parser.error_log, file)
                          + _refusal_findings(resolver.refused, None, file))
        # Only validity errors (a duplicate ID is raised while the DTD is
        # loaded, even without validation): the document is well-formed,
        # so keep its tree and report them as DTD findings.
        validity = log_to_findings(parser.error_log, file)
        parser, resolver = _parser(load_dtd=True, recover=True)
        tree = etree.ElementTree(etree.fromstring(data, parser, base_url=base))
    except (ValueError, MemoryError) as exc:
        return Parsed(None, [Finding("error", "well-formed", "well-formed", str(exc), file)])
    findings = _refusal_findings(resolver.refused, tree, file)
    info = tree.docinfo
    has_external = bool(info.public_id or info.system_url)
    subset_refused = any(f.rule == "security:external-dtd" for f in findings)
    if not validate_dtd or not has_internal_subset(data, tree) or not has_external or subset_refused:
        # Without an internal subset the cached DTD gives the same verdict;
        # without a usable external one the caller reports that instead.
        return Parsed(tree, findings, None, dtd_loaded=True, load_errors=validity or [])
    vparser, _ = _parser(load_dtd=True, validate=True)
    dtd_findings: list[Finding] = []
    try:
        etree.fromstring(data, vparser, base_url=base)
    except etree.XMLSyntaxError:
        dtd_findings = log_to_findings(vparser.error_log, file)
    return Parsed(tree, findings, dtd_findings, dtd_loaded=True)
