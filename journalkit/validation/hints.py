"""Why a finding may be unfixable from the text, said where the finding is read.

Some rules ask for facts an article's text often does not print: the
journal's ISSN, a licence, the section heading it appeared under.
``journalkit convert`` never invents them, so its output fails those rules
whenever the text is silent, and the bare message ("issn is required")
reads like a converter bug. Each such finding gets a short explanation
appended, and only when the document really lacks the element (a wrong
value is a different problem). The rule id is unchanged, so pipelines that
filter or suppress by rule keep working; only the human message grows.

The rules, the absence tests and the explanations are those of the source
gap vocabulary (:data:`journalkit.validation.gaps.GAPS`), so a hint and a
declared gap can never disagree about what a finding is about.
"""

from __future__ import annotations

from dataclasses import replace

from lxml import etree

from .findings import Finding
from .gaps import lacks, rule_for


def explain(findings: list[Finding], root: etree._Element) -> list[Finding]:
    """``findings`` with the explanation appended where one applies to this document."""
    out = []
    for f in findings:
        hit = rule_for(f)
        if hit is not None and lacks(root, hit[0], f):
            f = replace(f, message=f"{f.message} (why: {hit[1].why})")
        out.append(f)
    return out
