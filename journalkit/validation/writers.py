"""Report writers: text for people, JSON for scripts, JUnit XML for CI.

All three take the same :class:`~journalkit.validation.core.FileResult`
list, so a pipeline can switch format without losing anything. JUnit has no
notion of warnings; CI servers show a test case as failed or passed, so one
test case per file and rule set is written and only findings at or above
``--fail-on`` count as failures (the others are kept in ``system-out``).

Errors a document's declared source gaps account for are warnings with a
``gap`` (:mod:`journalkit.validation.gaps`); every format shows how many
there were and whether the run was ``--strict``, so a reader of the report
knows what was excused.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lxml import etree

from .core import FileResult
from .findings import Finding, at_or_above, severity_rank

_SOURCE_OF_RULESET = {
    "dtd": ("dtd",),
    "jats4r": ("jats4r",),
    "pmc": ("pmc",),
    "metadata": ("metadata",),
    "plugins": ("plugin",),
}


@dataclass(frozen=True)
class Summary:
    files: int
    unreadable: int
    failed: int
    counts: dict[str, int]
    #: warnings that were errors until a declared source gap accounted for them
    downgraded: int = 0
    strict: bool = False

    def line(self) -> str:
        """The one line a batch run ends with (and a log keeps)."""
        c = self.counts
        warnings = f"{c.get('warning', 0)} warning{'s' if c.get('warning', 0) != 1 else ''}"
        if self.downgraded:
            warnings += f" ({self.downgraded} excused by declared source gaps)"
        parts = [f"{self.files} file{'s' if self.files != 1 else ''} checked",
                 f"{self.failed} failed",
                 f"{c.get('error', 0)} error{'s' if c.get('error', 0) != 1 else ''}",
                 warnings,
                 f"{c.get('info', 0)} info"]
        if self.unreadable:
            parts.insert(1, f"{self.unreadable} unreadable")
        if self.strict:
            parts.append("strict (declared source gaps ignored)")
        return ", ".join(parts)


def summarize(results: Sequence[FileResult], fail_on: str = "error") -> Summary:
    counts: Counter[str] = Counter()
    failed = downgraded = 0
    for r in results:
        counts.update(f.severity for f in r.findings)
        downgraded += sum(1 for f in r.findings if f.gap)
        if r.error or at_or_above(r.findings, fail_on):
            failed += 1
    return Summary(len(results), sum(1 for r in results if r.error), failed, dict(counts), downgraded,
                   any(r.strict for r in results))


def write_text(results: Sequence[FileResult], fail_on: str = "error", min_severity: str = "info") -> str:
    """``file:line:col: severity rule: message`` lines, then the summary line."""
    lines = []
    floor = severity_rank(min_severity)
    for r in results:
        if r.error:
            lines.append(f"{r.file}: error input: {r.error}")
        for f in r.findings:
            if severity_rank(f.severity) >= floor:
                lines.append(str(f))
    lines.append(summarize(results, fail_on).line())
    return "\n".join(lines) + "\n"


def write_json(results: Sequence[FileResult], fail_on: str = "error") -> str:
    """One object: per-file findings (each the :class:`Finding` fields) and a summary.

    ``strict`` says whether declared source gaps were ignored; per file,
    ``declared_gaps`` lists what the document declares, and a finding's
    ``gap`` names the declaration that made it a warning.
    """
    s = summarize(results, fail_on)
    doc = {
        "version": 1,
        "fail_on": fail_on,
        "strict": s.strict,
        "summary": {"files": s.files, "unreadable": s.unreadable, "failed": s.failed,
                    "errors": s.counts.get("error", 0), "warnings": s.counts.get("warning", 0),
                    "info": s.counts.get("info", 0), "downgraded": s.downgraded},
        "files": [
            {"file": r.file, "error": r.error, "rules": list(r.rules),
             "passed": not r.error and not at_or_above(r.findings, fail_on),
             "declared_gaps": list(r.declared_gaps),
             "findings": [f.to_dict() for f in r.findings]}
            for r in results
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _groups(r: FileResult) -> list[tuple[str, list[Finding]]]:
    """Findings per test case: parsing (well-formed/security) then each rule set run."""
    groups: list[tuple[str, list[Finding]]] = [
        ("parse", [f for f in r.findings if f.source in ("well-formed", "security", "input")])
    ]
    for rs in r.rules:
        sources = _SOURCE_OF_RULESET.get(rs, (rs,))
        groups.append((rs, [f for f in r.findings if f.source in sources]))
    return groups


def write_junit(results: Sequence[FileResult], fail_on: str = "error") -> str:
    """JUnit XML: a suite per run, a test case per file and rule set."""
    suites = etree.Element("testsuites", name="journalkit validate")
    suite = etree.SubElement(suites, "testsuite", name="journalkit validate")
    tests = failures = errors = 0
    for r in results:
        if r.error:
            tests += 1
            errors += 1
            case = etree.SubElement(suite, "testcase", classname=_x(r.file), name="read")
            etree.SubElement(case, "error", message=_x(r.error), type="unreadable").text = _x(r.error)
            continue
        for name, found in _groups(r):
            tests += 1
            case = etree.SubElement(suite, "testcase", classname=_x(r.file), name=name)
            bad = at_or_above(found, fail_on)
            if bad:
                failures += 1
                first = bad[0]
                fail = etree.SubElement(case, "failure", message=_x(f"{len(bad)} finding(s): {first.message}"[:500]),
                                        type=first.rule)
                fail.text = _x("\n".join(str(f) for f in bad))
            rest = [f for f in found if f not in bad]
            if rest:
                etree.SubElement(case, "system-out").text = _x("\n".join(str(f) for f in rest))
    summary = summarize(results, fail_on)
    props = etree.Element("properties")
    etree.SubElement(props, "property", name="strict", value=str(summary.strict).lower())
    etree.SubElement(props, "property", name="downgraded", value=str(summary.downgraded))
    suite.insert(0, props)
    for el in (suites, suite):
        el.set("tests", str(tests))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _x(text: str) -> str:
    """Messages may quote the broken input; JUnit XML must still be well-formed."""
    return _NOT_XML.sub("\ufffd", text)


WRITERS: dict[str, Callable[..., str]] = {"text": write_text, "json": write_json, "junit": write_junit}
