"""Running the chosen rule sets over one document, a file, or a batch."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from .dtd import choose_dtd, load_dtd_file, validate_tree_dtd
from .findings import SOURCES, Finding
from .gaps import declaration_findings, declared_gaps, downgrade
from .hints import explain
from .metadata import check_metadata
from .safe import DEFAULT_MAX_BYTES, parse_untrusted

RULE_SETS = ("dtd", "jats4r", "pmc", "metadata", "plugins")
#: What ``journalkit validate`` runs without ``--rules`` (PMC style is opt-in:
#: it is about one archive's house rules, not about JATS).
DEFAULT_RULES = ("dtd", "jats4r", "metadata", "plugins")
_ALIASES = {"plugin": "plugins", "schematron": "jats4r", "meta": "metadata", "style": "pmc"}


class UnreadableInput(OSError):
    """A path that cannot be read at all (missing, a folder, no permission): exit status 2."""


def parse_rules(spec: str | Iterable[str] | None) -> tuple[str, ...]:
    """``"dtd,jats4r"`` (or a list, or ``"all"``) as a tuple of known rule-set names."""
    if spec is None:
        return DEFAULT_RULES
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    out: list[str] = []
    for raw in items:
        name = raw.strip().lower()
        if not name:
            continue
        if name == "all":
            return RULE_SETS
        name = _ALIASES.get(name, name)
        if name not in RULE_SETS:
            raise ValueError(f"unknown rule set {raw.strip()!r} (choose from {', '.join(RULE_SETS)}, all)")
        if name not in out:
            out.append(name)
    if not out:
        raise ValueError("no rule sets selected")
    return tuple(out)


def _order(f: Finding) -> tuple[int, int]:
    return (SOURCES.index(f.source) if f.source in SOURCES else len(SOURCES), f.line or 0)


@dataclass
class Outcome:
    """What checking one document found, and the source gaps it declares."""

    findings: list[Finding]
    declared_gaps: tuple[str, ...] = ()


def validate_bytes(
    data: bytes,
    *,
    file: str | None = None,
    rules: str | Iterable[str] | None = None,
    schema: str | Path | None = None,
    plugin_manager: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pmc_style: str = "article",
    strict: bool = False,
    xsd: str | Path | None = None,
) -> list[Finding]:
    """All findings for one document given as bytes.

    ``file`` only labels the findings (and gives libxml2 a base URL). Rule
    sets not asked for are not run, and Saxon is started only when
    ``jats4r`` or a plugin's Schematron needs it. An error that the
    document's declared source gaps account for is a warning
    (:mod:`journalkit.validation.gaps`); ``strict`` ignores declarations.
    Raises :class:`~journalkit.validation.schematron.EngineUnavailable`
    when a requested rule set cannot run here, and
    :class:`~journalkit.validation.dtd.SchemaError` for a bad ``schema``
    or an ``xsd`` (a W3C XML Schema file, checked as well) that cannot be compiled offline.
    """
    return check_bytes(data, file=file, rules=rules, schema=schema, plugin_manager=plugin_manager,
                       max_bytes=max_bytes, pmc_style=pmc_style, strict=strict, xsd=xsd).findings


def check_bytes(
    data: bytes,
    *,
    file: str | None = None,
    rules: str | Iterable[str] | None = None,
    schema: str | Path | None = None,
    plugin_manager: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pmc_style: str = "article",
    strict: bool = False,
    xsd: str | Path | None = None,
) -> Outcome:
    """:func:`validate_bytes`, also returning the source gaps the document declares (for reports)."""
    chosen = parse_rules(rules)
    parsed = parse_untrusted(data, file=file, max_bytes=max_bytes,
                             validate_dtd="dtd" in chosen and schema is None)
    findings = list(parsed.findings)
    tree = parsed.tree
    if tree is None:
        return Outcome(findings)
    root = tree.getroot()
    dtd: etree.DTD | None = None
    path, choice = choose_dtd(tree, schema, file)
    if path is not None:
        dtd = load_dtd_file(str(path))
    if "dtd" in chosen:
        if parsed.dtd_findings is not None:
            findings += parsed.dtd_findings
        else:
            findings += choice
            if dtd is not None:
                findings += validate_tree_dtd(tree, dtd=dtd, file=file)
    if xsd is not None:
        from .xsd import validate_tree_xsd

        findings += validate_tree_xsd(tree, xsd, file)
    declared = declared_gaps(root)
    if "metadata" in chosen:
        findings += check_metadata(tree, file)
        findings += declaration_findings(root, declared, file, strict)
    if "jats4r" in chosen:
        from .schematron import jats4r

        findings += jats4r().check(tree, file, dtd)
    if "pmc" in chosen:
        from .pmc import check_pmc

        findings += check_pmc(tree, file, style=pmc_style, dtd=dtd)
    if "plugins" in chosen and plugin_manager is not None:
        from .plugins import plugin_rules

        for rule in plugin_rules(plugin_manager):
            findings += rule.check(tree, file, dtd)
    findings.sort(key=_order)
    findings = explain(findings, root)
    if declared and not strict:
        findings = downgrade(findings, root, declared)
    return Outcome(findings, declared)


def read_input(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes | None:
    """The file's bytes; ``None`` when it is over ``max_bytes`` (not read at all)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(max_bytes + 1 if max_bytes else -1)
        return None if max_bytes and len(data) > max_bytes else data
    p = Path(path)
    try:
        if p.is_dir():
            raise UnreadableInput(f"{path}: is a directory")
        size = p.stat().st_size
        if max_bytes and size > max_bytes:
            return None
        return p.read_bytes()
    except UnreadableInput:
        raise
    except OSError as exc:
        raise UnreadableInput(f"{path}: {exc.strerror or exc}") from exc


def validate_file(
    path: str | Path,
    *,
    rules: str | Iterable[str] | None = None,
    schema: str | Path | None = None,
    plugin_manager: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pmc_style: str = "article",
    strict: bool = False,
    xsd: str | Path | None = None,
) -> list[Finding]:
    """All findings for one file (``"-"`` reads standard input).

    Raises :class:`UnreadableInput` if the file cannot be read at all; a
    file that is read but is not XML is a ``well-formed`` finding instead.
    ``strict`` ignores the document's declared source gaps.
    """
    return check_file(path, rules=rules, schema=schema, plugin_manager=plugin_manager, max_bytes=max_bytes,
                      pmc_style=pmc_style, strict=strict, xsd=xsd).findings


def check_file(
    path: str | Path,
    *,
    rules: str | Iterable[str] | None = None,
    schema: str | Path | None = None,
    plugin_manager: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pmc_style: str = "article",
    strict: bool = False,
    xsd: str | Path | None = None,
) -> Outcome:
    """:func:`validate_file`, also returning the source gaps the document declares."""
    label = "<stdin>" if str(path) == "-" else str(path)
    data = read_input(path, max_bytes)
    if data is None:
        return Outcome([Finding("error", "security:size-limit", "security",
                                f"input is over the size limit of {max_bytes:,} bytes (raise it with --max-size)",
                                label)])
    absolute = str(Path(path).resolve()) if label != "<stdin>" else None
    outcome = check_bytes(data, file=absolute, rules=rules, schema=schema, plugin_manager=plugin_manager,
                          max_bytes=max_bytes, pmc_style=pmc_style, strict=strict, xsd=xsd)
    return Outcome([f.with_file(label) for f in outcome.findings], outcome.declared_gaps)


def iter_inputs(paths: Sequence[str | Path]) -> Iterator[str]:
    """Files as given, folders expanded to their ``*.xml`` files (recursively, sorted)."""
    for p in paths:
        s = str(p)
        if s != "-" and os.path.isdir(s):
            found = sorted(str(x) for x in Path(s).rglob("*") if x.suffix.lower() == ".xml" and x.is_file())
            yield from found
        else:
            yield s


@dataclass
class FileResult:
    """What one input produced: findings, or why it could not be read."""

    file: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    rules: tuple[str, ...] = ()
    #: Source gaps the document declares (whether or not they excused anything).
    declared_gaps: tuple[str, ...] = ()
    #: The run ignored declared source gaps (``--strict``).
    strict: bool = False


def validate_paths(
    paths: Sequence[str | Path],
    *,
    rules: str | Iterable[str] | None = None,
    schema: str | Path | None = None,
    plugin_manager: Any = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    pmc_style: str = "article",
    strict: bool = False,
    xsd: str | Path | None = None,
) -> Iterator[FileResult]:
    """Validate files and folders one by one (a generator, so reports can stream)."""
    chosen = parse_rules(rules)
    for name in iter_inputs(paths):
        try:
            outcome = check_file(name, rules=chosen, schema=schema, plugin_manager=plugin_manager,
                                 max_bytes=max_bytes, pmc_style=pmc_style, strict=strict, xsd=xsd)
        except UnreadableInput as exc:
            yield FileResult(name, [], str(exc), chosen, strict=strict)
            continue
        yield FileResult(name, outcome.findings, None, chosen, outcome.declared_gaps, strict)
