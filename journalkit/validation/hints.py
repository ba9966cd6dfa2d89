"""Why a finding may be unfixable from the text, said where the finding is read.

Some rules ask for facts an article's text often does not print: the
journal's ISSN, a licence, the section heading it appeared under.
``journalkit convert`` never invents them, so its output fails those rules
whenever the text is silent, and the bare message ("issn is required")
reads like a converter bug. Each such finding gets a short explanation
appended, and only when the document really lacks the element (a wrong
value is a different problem). The rule id is unchanged, so pipelines that
filter or suppress by rule keep working; only the human message grows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from lxml import etree

from .findings import Finding

_Absent = Callable[[etree._Element], bool]

_HINTS: dict[str, list[tuple[str, _Absent, str]]] = {
    "pmc:journal-meta-check": [(
        "issn",
        lambda root: not root.xpath("front/journal-meta/issn"),
        "the document has no <issn>; journalkit convert writes one only when the text prints it, so supply "
        "the journal's ISSN with a journal profile (journalkit convert --journal NAME)",
    ), (
        "issn must have a pub-type",
        lambda root: bool(root.xpath("front/journal-meta/issn[not(@pub-type)]")),
        "the text prints the ISSN without saying whether it is the print or the electronic one, and "
        "journalkit convert does not guess; a journal profile gives issn_print/issn_electronic",
    ), (
        "journal-title is required",
        lambda root: not root.xpath("front/journal-meta/journal-title-group/journal-title"),
        "the text does not print the journal's title; a journal profile (--journal NAME) supplies it",
    )],
    "jats4r:display-object-errors-3": [(
        "graphic",
        lambda root: True,
        "journalkit convert keeps what the text holds, the caption but not the image; add <graphic "
        "xlink:href> when the image files are supplied",
    )],
    "jats4r:accessibility-errors-4": [(
        "<table>",
        lambda root: True,
        "journalkit convert keeps the table's caption but not its cells, which plain text does not keep "
        "reliably; add the <table> from the source",
    )],
    "jats4r:permissions-errors-2": [(
        "copyright-year",
        lambda root: not root.xpath("front/article-meta/permissions/copyright-year"),
        "the licence statement in the text gives no copyright year, and none is inferred from the dates",
    )],
    "jats4r:permissions-errors-3": [(
        "copyright-holder",
        lambda root: not root.xpath("front/article-meta/permissions/copyright-holder"),
        "the licence statement in the text names no copyright holder",
    )],
    "jats4r:permissions-errors-1": [(
        "",
        lambda root: not root.xpath("front/article-meta/permissions"),
        "the document states no licence or copyright; journalkit convert writes <permissions> only from a "
        "statement in the text, so add the journal's licence in a journalkit_jats_tree plugin",
    )],
    "pmc:required-child": [(
        "article-categories",
        lambda root: not root.xpath("front/article-meta/article-categories"),
        "the text prints no article-type heading; journalkit convert writes <subj-group "
        "subj-group-type=\"heading\"> only from one, so add the journal's section name in a "
        "journalkit_jats_tree plugin",
    )],
}


def explain(findings: list[Finding], root: etree._Element) -> list[Finding]:
    """``findings`` with the explanation appended where one applies to this document."""
    out = []
    for f in findings:
        for needle, absent, hint in _HINTS.get(f.rule, ()):
            if needle in f.message and absent(root):
                f = replace(f, message=f"{f.message} (why: {hint})")
                break
        out.append(f)
    return out
