"""The one shape every check reports in.

DTD errors, Schematron assertions, PMC style messages, metadata checks,
journal plugins and the parser's own security refusals all become
:class:`Finding` objects, so the text, JSON and JUnit writers (and any
pipeline reading them) never need to know which engine produced a problem.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Source = Literal["well-formed", "security", "dtd", "xsd", "jats4r", "pmc", "metadata", "plugin", "input"]

SEVERITIES: tuple[Severity, ...] = ("info", "warning", "error")
SOURCES: tuple[Source, ...] = ("well-formed", "security", "dtd", "xsd", "jats4r", "pmc", "metadata", "plugin", "input")

_RANK: dict[str, int] = {s: i for i, s in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    """Order severities so ``--fail-on`` can compare them; unknown ones count as errors.

    A plugin that invents a severity ("fatal") must not slip under the
    threshold, so anything we do not know ranks highest.
    """
    return _RANK.get(severity, _RANK["error"])


@dataclass(frozen=True)
class Finding:
    """One problem in one file.

    ``rule`` is a stable identifier a pipeline can filter or suppress on
    (``dtd``, ``jats4r:credit-errors``, ``metadata:orcid-checksum``...);
    ``message`` is for people and may change between releases. ``line`` and
    ``column`` are 1-based where known; ``xpath`` locates the element when
    line numbers are not enough (generated files on one line). ``gap`` is
    set when the finding was an error that the document's declared source
    gap accounts for (:mod:`journalkit.validation.gaps`): it names the gap,
    and the severity is then ``warning``.
    """

    severity: Severity
    rule: str
    source: Source
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    xpath: str | None = None
    gap: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_file(self, file: str | None) -> Finding:
        """Copy with the file set; rules do not know which file they look at."""
        return self if self.file == file else replace(self, file=file)

    def location(self) -> str:
        """``file:line:col`` as compilers print it, so editors can jump there."""
        parts = [self.file or "<input>"]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = f" ({self.xpath})" if self.xpath and self.line is None else ""
        return f"{self.location()}: {self.severity} {self.rule}: {self.message}{where}"


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The highest severity present, or ``None`` for a clean file."""
    best: Severity | None = None
    for f in findings:
        if best is None or severity_rank(f.severity) > severity_rank(best):
            best = f.severity
    return best


def at_or_above(findings: Iterable[Finding], threshold: str) -> list[Finding]:
    """The findings that make a run fail under ``--fail-on threshold``."""
    limit = severity_rank(threshold)
    return [f for f in findings if severity_rank(f.severity) >= limit]


def element_xpath(el: Any) -> str | None:
    """A readable absolute path (``/article/front/article-meta[1]``) for an lxml node.

    ``getroottree().getpath`` gives the same but with ``*[n]`` for
    namespaced elements, which nobody can read; this keeps prefixes.
    """
    try:
        tree = el.getroottree()
        path = tree.getpath(el)
    except (AttributeError, ValueError, TypeError):
        return None
    if "*" not in path:
        return path
    steps = []
    node = el
    while node is not None and isinstance(node.tag, str):
        parent = node.getparent()
        name = node.prefix + ":" + _local(node.tag) if node.prefix else _local(node.tag)
        if parent is None:
            steps.append(name)
            break
        same = [c for c in parent if c.tag == node.tag]
        steps.append(f"{name}[{same.index(node) + 1}]" if len(same) > 1 else name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def at_element(
    el: Any, severity: Severity, rule: str, source: Source, message: str, file: str | None = None
) -> Finding:
    """A finding located at an lxml element: its line and its path."""
    line = getattr(el, "sourceline", None)
    return Finding(severity, rule, source, message, file, line, None, element_xpath(el))
