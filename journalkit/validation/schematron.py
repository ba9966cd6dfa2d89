"""Schematron (XSLT 2) through SaxonC-HE: the JATS4R rules and journals' own.

The JATS4R rules use XPath 2, which libxml2/lxml cannot run, so they go
through SchXslt2 (``schemas/schxslt2/transpile.xsl``) into an XSLT 3
stylesheet that Saxon compiles. Transpiling and compiling take a few tenths
of a second, so it happens at first use and the executable is kept for the
life of the process (never at import time: ``import journalkit`` must stay
cheap for people who only convert). Running the compiled rules is a few
milliseconds per article.

Saxon never sees the user's file: it gets the tree lxml already parsed
safely, serialised without its DOCTYPE (Saxon would otherwise fetch the DTD
over the network), with the DTD's default attribute values filled in the
way the JATS4R rules expect, and behind an internal subset of our own that
types the ID/IDREF attributes (:mod:`journalkit.validation.ids`) so that
``id()`` finds what links point at. Saxon's own URI access is limited to
``file:`` so a Schematron cannot reach the network either.

Before transpiling, the ``<include>``\\ d pattern files are inlined and every
assertion without an ``id`` gets one (``<pattern id>-<n>``): SchXslt2 writes
all ``active-pattern`` elements first, so a stable rule id per assertion is
the only way to say which rule failed.
"""

from __future__ import annotations

import copy
import functools
import os
import re
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lxml import etree

from ..resources import schemas_dir
from .findings import Finding, Severity, Source, element_xpath
from .ids import with_id_subset

SCH = "http://purl.oclc.org/dsdl/schematron"
SVRL = "http://purl.oclc.org/dsdl/svrl"
XSD = "http://www.w3.org/2001/XMLSchema"

_KNOWN_NS = {
    "xlink": "http://www.w3.org/1999/xlink",
    "mml": "http://www.w3.org/1998/Math/MathML",
    "ali": "http://www.niso.org/schemas/ali/1.0/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "xml": "http://www.w3.org/XML/1998/namespace",
    "oasis": "http://www.niso.org/standards/z39-96/ns/oasis-exchange/table",
}


class EngineUnavailable(RuntimeError):
    """A rule set needs a package that is not installed (saxonche)."""


_lock = threading.RLock()


class _NativeStderr:
    """Catch what SaxonC itself writes to standard error while it runs a transform.

    Saxon reports a dynamic error inside a rule's match pattern (a JATS4R
    rule calls ``name(id(@rid))``, which fails for an ``xref`` with several
    ``rid`` values) as a warning printed straight to file descriptor 2 by the
    native library, not through Python: it would reach the user's terminal
    raw, once per element, in the middle of a report. So descriptor 2 is
    pointed at a scratch file for the length of the transform (under
    ``_lock``; one reused file per process) and the text is handed back to
    be turned into findings. Where descriptor 2 cannot be redirected,
    nothing is captured and Saxon prints as before.
    """

    def __init__(self) -> None:
        self._file: Any = None
        self._saved: int | None = None
        self.text = ""

    def __enter__(self) -> _NativeStderr:
        self.text = ""
        try:
            sys.stderr.flush()
        except (AttributeError, OSError, ValueError):
            pass
        try:
            if self._file is None:
                self._file = tempfile.TemporaryFile()
            self._file.seek(0)
            self._file.truncate()
            self._saved = os.dup(2)
            os.dup2(self._file.fileno(), 2)
        except OSError:
            self._saved = None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._saved is None:
            return
        os.dup2(self._saved, 2)
        os.close(self._saved)
        self._saved = None
        self._file.seek(0)
        self.text = self._file.read().decode("utf-8", "replace")


_native_stderr = _NativeStderr()

#: "Warning at char 5 in template/@match in jats4r.sch:" then indented lines
_SAXON_BLOCK = re.compile(r"^(Warning|Error)\b.*(?:\n[ \t]+.*)*", re.M)
_SAXON_CODE = re.compile(r"\b([A-Z]{4}\d{4})\b\s*(.*)", re.S)
_MATCHED = re.compile(r"matching pattern\s*\{element\(Q\{[^}]*\}([\w.-]+)\)")


def saxon_messages(text: str, name: str) -> tuple[list[tuple[str, int]], str]:
    """Saxon's warnings in captured stderr as (description, times), and whatever else was there.

    Identical warnings (one per element the rule was tried on) are counted,
    not repeated. A warning about a match pattern means the rule could not
    be evaluated on some elements: Saxon treats them as not matching, so the
    rule was not applied there, which the description says.
    """
    counts: dict[str, int] = {}
    rest = text
    for m in _SAXON_BLOCK.finditer(text):
        block = " ".join(m.group(0).split())
        code = _SAXON_CODE.search(block)
        detail = code.group(2) if code else block
        what = _MATCHED.search(block)
        if what:
            detail = re.sub(r"^An error occurred matching pattern \{.*?\}:\s*", "", detail)
            desc = (f"a {name} rule for <{what.group(1)}> could not be evaluated on some elements and was not "
                    f"applied there ({code.group(1) if code else 'dynamic error'}: {detail})")
        else:
            desc = f"Saxon: {block}"
        counts[desc] = counts.get(desc, 0) + 1
        rest = rest.replace(m.group(0), "", 1)
    return list(counts.items()), rest.strip()


@functools.cache
def _saxon() -> Any:
    try:
        from saxonche import PySaxonProcessor
    except ImportError as exc:  # pragma: no cover - depends on the install
        raise EngineUnavailable(
            "Schematron rules (jats4r, plugin .sch files) need SaxonC-HE: pip install saxonche"
        ) from exc
    proc = PySaxonProcessor(license=False)
    # Schematron may call doc()/document(); keep every rule offline.
    proc.set_configuration_property("http://saxon.sf.net/feature/allowedProtocols", "file")
    return proc


@functools.cache
def _transpiler() -> Any:
    proc = _saxon()
    xsl = schemas_dir() / "schxslt2" / "transpile.xsl"
    return proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(xsl))


def prepare_schematron(sch_path: Path, extra_ns: dict[str, str] | None = None) -> tuple[str, dict[str, str]]:
    """The Schematron as one document with ids on every assertion.

    Returns the text and a map of assertion id to pattern id (for rule ids).
    """
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    tree = etree.parse(str(sch_path), parser)
    root = tree.getroot()
    for inc in list(root.iter(f"{{{SCH}}}include")):
        href = inc.get("href") or ""
        target = (sch_path.parent / href).resolve()
        inc_root = etree.parse(str(target), parser).getroot()
        parent = inc.getparent()
        if parent is not None:
            parent.replace(inc, inc_root)
    declared = {ns.get("prefix") for ns in root.findall(f"{{{SCH}}}ns")}
    for prefix, uri in (extra_ns or {}).items():
        if prefix not in declared:
            el = etree.Element(f"{{{SCH}}}ns", prefix=prefix, uri=uri)
            root.insert(0, el)
    owners: dict[str, str] = {}
    for n_pat, pattern in enumerate(root.iter(f"{{{SCH}}}pattern"), 1):
        pid = pattern.get("id") or f"pattern{n_pat}"
        n = 0
        for test in pattern.iter(f"{{{SCH}}}assert", f"{{{SCH}}}report"):
            n += 1
            if not test.get("id"):
                test.set("id", f"{pid}-{n}")
            owners[test.get("id") or ""] = pid
    return etree.tostring(root, encoding="unicode"), owners


XSL = "http://www.w3.org/1999/XSL/Transform"
_PATTERN_PARAM = "Q{http://dmaus.name/ns/2023/schxslt}pattern"


def _fix_rule_suppression(xslt_text: str) -> str:
    """Reset SchXslt2's "rule already fired in this pattern" mark for child nodes.

    The transpiler (commit 446f8b7) passes that mark as a tunnel parameter
    and its fallback template hands it on to the children, so once a rule
    of a pattern fires on an element, no rule of that pattern fires on any
    descendant: a ``<fig>`` inside a ``<fig-group>`` escaped the ``fig``
    rules. Schematron evaluates every node against every pattern, so the
    fallback must start each child with an empty mark.
    """
    root = etree.fromstring(xslt_text.encode("utf-8"), etree.XMLParser(no_network=True, resolve_entities=False))
    for tpl in root.iter(f"{{{XSL}}}template"):
        if tpl.get("match") != "*" or tpl.get("priority") != "-10":
            continue
        for apply in tpl.findall(f"{{{XSL}}}apply-templates"):
            if apply.find(f"{{{XSL}}}with-param") is None:
                etree.SubElement(apply, f"{{{XSL}}}with-param", name=_PATTERN_PARAM, tunnel="yes", select="()")
    return etree.tostring(root, encoding="unicode")


def _to_lxml_path(location: str) -> str:
    """fn:path() output (``/Q{}article[1]/Q{uri}math[1]``) as an lxml XPath."""

    def step(m: re.Match[str]) -> str:
        uri, name = m.group(1), m.group(2)
        if not uri:
            return name
        return f"*[local-name()='{name}' and namespace-uri()='{uri}']"

    return re.sub(r"Q\{([^}]*)\}([\w.\-]+)", step, location)


def _readable(location: str) -> str:
    prefixes = {v: k for k, v in _KNOWN_NS.items()}

    def step(m: re.Match[str]) -> str:
        uri, name = m.group(1), m.group(2)
        return f"{prefixes.get(uri, 'ns')}:{name}" if uri else name

    return re.sub(r"Q\{([^}]*)\}([\w.\-]+)", step, location)


def _severity(role: str | None) -> Severity:
    r = (role or "error").strip().lower()
    if r.startswith("warn"):
        return "warning"
    if r.startswith("info") or r in ("note", "hint"):
        return "info"
    return "error"


@functools.lru_cache(maxsize=16)
def _defaults_for(dtd: etree.DTD) -> dict[str, list[tuple[str, str]]]:
    """Per element name, the attributes a validating parser would add."""
    out: dict[str, list[tuple[str, str]]] = {}
    for decl in dtd.iterelements():
        name = decl.name if not decl.prefix else f"{decl.prefix}:{decl.name}"
        for att in decl.iterattributes():
            if att.default_value is None or att.default not in ("none", "fixed"):
                continue
            if att.prefix == "xmlns" or att.name == "xmlns":
                continue
            if att.prefix:
                uri = _KNOWN_NS.get(att.prefix)
                if uri is None:
                    continue
                qname = f"{{{uri}}}{att.name}"
            else:
                qname = att.name
            out.setdefault(name, []).append((qname, att.default_value))
    return out


def with_defaults(root: etree._Element, dtd: etree.DTD | None) -> etree._Element:
    """A copy of ``root`` with DTD default attributes added (as attribute_defaults=True would)."""
    doc = copy.deepcopy(root)
    if dtd is None:
        return doc
    defaults = _defaults_for(dtd)
    for el in doc.iter():
        if not isinstance(el.tag, str) or "}" in el.tag:
            continue
        for qname, value in defaults.get(el.tag, ()):
            if el.get(qname) is None:
                el.set(qname, value)
    return doc


class Schematron:
    """One Schematron file, compiled at first use, run on lxml trees."""

    def __init__(
        self,
        path: Path,
        *,
        source: Source,
        prefix: str,
        extra_ns: dict[str, str] | None = None,
    ) -> None:
        self.path = Path(path).resolve()
        self.source: Source = source
        self.prefix = prefix
        self.extra_ns = extra_ns
        self._exe: Any = None
        self._owners: dict[str, str] = {}

    def compile(self) -> None:
        """Transpile and compile now (otherwise done on the first check)."""
        with _lock:
            if self._exe is not None:
                return
            proc = _saxon()
            text, self._owners = prepare_schematron(self.path, self.extra_ns)
            builder = proc.new_document_builder()
            builder.set_base_uri(self.path.as_uri())
            sch_node = builder.parse_xml(xml_text=text, encoding="UTF-8")
            xslt_text = _fix_rule_suppression(_transpiler().transform_to_string(xdm_node=sch_node))
            builder.set_base_uri(self.path.as_uri())
            xslt_node = builder.parse_xml(xml_text=xslt_text, encoding="UTF-8")
            self._exe = proc.new_xslt30_processor().compile_stylesheet(stylesheet_node=xslt_node)

    def svrl(self, root: etree._Element, dtd: etree.DTD | None = None) -> etree._Element:
        """The SVRL report for a tree (already defaulted as wanted).

        The text Saxon parses carries our ID/IDREF declarations
        (:func:`~journalkit.validation.ids.with_id_subset`): rules that
        follow links with ``id()`` would otherwise find nothing.
        """
        return self._run(root, dtd)[0]

    def _run(self, root: etree._Element, dtd: etree.DTD | None) -> tuple[etree._Element, str]:
        """The SVRL report and what Saxon printed on standard error meanwhile."""
        self.compile()
        text = with_id_subset(root, dtd)
        with _lock:
            node = _saxon().parse_xml(xml_text=text, encoding="UTF-8")
            with _native_stderr as captured:
                out = self._exe.transform_to_string(xdm_node=node)
            printed = captured.text
        report = etree.fromstring(out.encode("utf-8"), etree.XMLParser(no_network=True, resolve_entities=False))
        return report, printed

    def check(
        self, tree: etree._ElementTree | etree._Element, file: str | None = None, dtd: etree.DTD | None = None
    ) -> list[Finding]:
        """Findings for one document; ``dtd`` supplies default attribute values."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        try:
            report, printed = self._run(with_defaults(root, dtd), dtd)
        except EngineUnavailable:
            raise
        except Exception as exc:  # a dynamic error in a rule must not stop a batch
            msg = " ".join(str(exc).split())
            return [Finding("error", f"{self.prefix}:engine-error", self.source,
                            f"Schematron {self.path.name} failed on this document: {msg}", file)]
        out: list[Finding] = []
        for el in report.iter(f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
            rid = el.get("id") or self._owners.get(el.get("id") or "", "") or "rule"
            text_el = el.find(f"{{{SVRL}}}text")
            message = " ".join("".join(text_el.itertext()).split()) if text_el is not None else ""
            location = el.get("location") or ""
            line = None
            xpath = _readable(location) if location else None
            if location:
                try:
                    hits = root.xpath(_to_lxml_path(location))
                except etree.XPathError:
                    hits = []
                if hits and isinstance(hits, list):
                    node = hits[0]
                    target = node.getparent() if isinstance(node, (str, bytes)) and hasattr(node, "getparent") else node
                    line = getattr(target, "sourceline", None)
                    if isinstance(target, etree._Element):
                        xpath = element_xpath(target) or xpath
            out.append(Finding(_severity(el.get("role") or el.get("flag")), f"{self.prefix}:{rid}",
                               self.source, message or (el.get("test") or ""), file, line, None, xpath))
        if printed:
            messages, rest = saxon_messages(printed, self.path.name)
            for desc, times in messages:
                out.append(Finding("info", f"{self.prefix}:engine-warning", self.source,
                                   desc + (f" ({times} times)" if times > 1 else ""), file))
            if rest:  # not Saxon's: someone else's output caught in the window, given back
                print(rest, file=sys.stderr)
        return out


@functools.cache
def jats4r() -> Schematron:
    """The JATS4R rules shipped in ``schemas/jats4r`` (compiled on first check)."""
    sch = schemas_dir() / "jats4r" / "schematrons" / "jats4r.sch"
    # jats4r.sch uses xs:/xsd: without declaring them (see its README).
    return Schematron(sch, source="jats4r", prefix="jats4r", extra_ns={"xsd": XSD, "xs": XSD})


RuleCallable = Callable[[etree._ElementTree], Any]
