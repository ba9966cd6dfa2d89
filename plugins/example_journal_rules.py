"""Example journal rules for ``journalkit validate`` (copy this to write your own).

A journal adds house rules by implementing one hook,
``journalkit_validation_rules``, that returns a list of rules. A rule is
either

* a callable ``rule(tree) -> Iterable[Finding]`` taking the parsed
  :class:`lxml.etree._ElementTree` (already checked to be well-formed and
  safe; do not modify it), or
* a path to an ISO Schematron file (``queryBinding="xslt2"`` works; it is
  compiled once with SaxonC-HE, and its ``role`` attributes give the
  severity: ``error``, ``warning``, ``info``).

Findings from plugins get ``source="plugin"`` and, unless the rule id
already has a ``prefix:``, the prefix ``plugin:``. A rule that raises does
not stop the run: it becomes one error finding naming the rule.

To ship your own, put the module in your package and register it in your
``pyproject.toml``::

    [project.entry-points.journalkit]
    myjournal-rules = "myjournal_journalkit.rules"

then ``journalkit validate --rules dtd,metadata,plugins article.xml``; users
can switch a plugin off with ``journalkit -p no:myjournal-rules validate``.

The rule below is deliberately harmless for any JATS file: it only speaks
about articles declared with a Journal *Publishing* DTD (the tag set for
journals that publish, as opposed to archives), and only warns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

from journalkit.hookspecs import hookimpl
from journalkit.validation import Finding, at_element


def publishing_article_has_issn(tree: etree._ElementTree) -> Iterable[Finding]:
    """A journal that publishes has an ISSN; a Publishing-DTD article should carry it."""
    public_id = tree.docinfo.public_id or ""
    if "Journal Publishing" not in public_id:
        return []
    root = tree.getroot()
    journal_meta = root.find("front/journal-meta")
    if journal_meta is None:
        return []  # the DTD reports a missing journal-meta; no need to say it twice
    if journal_meta.find("issn") is not None or journal_meta.find("issn-l") is not None:
        return []
    return [at_element(journal_meta, "warning", "example:publishing-issn", "plugin",
                       "Journal Publishing article without <issn> in <journal-meta>")]


@hookimpl
def journalkit_validation_rules() -> list[Callable[[etree._ElementTree], Iterable[Finding]]]:
    return [publishing_article_has_issn]
