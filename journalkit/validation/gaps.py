"""Declared source gaps: facts a document says its source text did not hold.

``journalkit convert`` writes only what the raw text (or a journal profile)
supplies. Plain text never holds a figure's image or a table's cells, and
often prints no licence, ISSN or section heading; inventing them would be
worse than leaving them out. Rule sets written for publisher-made JATS
(JATS4R, the PMC Style Checker) call those absences errors, so without more
information a validator cannot tell "the converter lost this" from "the
source never had it".

So the converter says so in the document, in JATS's own place for
processing information (``<processing-meta>``, JATS 1.2 and later)::

    <processing-meta tagset-family="jats" base-tagset="archiving" table-model="none">
      <custom-meta-group content-type="journalkit-source-gaps">
        <custom-meta>
          <meta-name>journalkit-not-in-source</meta-name>
          <meta-value>graphic</meta-value>
        </custom-meta>
        ...

and ``journalkit validate`` reports a finding as a warning instead of an
error when (1) the document declares the gap, (2) the finding's rule is one
this module maps to that gap, and (3) the document really lacks the fact
(a declaration next to a present-but-broken element is not honoured, and a
token declared for any other rule does nothing). ``--strict`` ignores the
declarations. A document without them is judged exactly as before.

:data:`GAPS` is the one place the vocabulary is defined: each token, what
it means, how its absence is detected in a tree (the writer declares a
token exactly when that test holds, and the validator re-runs the same test
before honouring it), the rules it covers, and the explanation that
:mod:`journalkit.validation.hints` appends to those rules' messages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from lxml import etree

from .findings import Finding

#: ``<meta-name>`` of a declaration; its ``<meta-value>`` is one token of :data:`GAPS`.
META_NAME = "journalkit-not-in-source"
#: ``@content-type`` of the ``<custom-meta-group>`` the writer puts the declarations in.
GROUP_TYPE = "journalkit-source-gaps"


@dataclass(frozen=True)
class GapRule:
    """One check a gap can excuse: a rule id and the words that identify it in the message.

    PMC reports several different checks under one rule id
    (``pmc:journal-meta-check`` covers the ISSN, its type and the journal
    title), so the message decides which gap a finding belongs to.
    """

    rule: str
    needle: str
    why: str


@dataclass(frozen=True)
class Gap:
    """One fact the source text may not hold.

    ``lacking`` is an XPath from ``<article>`` selecting the elements that
    lack the fact; the gap is present when it selects anything (EXSLT
    ``re:`` functions and ``$formula``, the copyright boilerplate, are
    available to it). With
    ``per_element`` the rule reports on one of those very elements (a
    ``<fig>``, a ``<permissions>``), and a finding located elsewhere is not
    excused.
    """

    token: str
    meaning: str
    lacking: str
    rules: tuple[GapRule, ...]
    per_element: bool = False


_PROFILE = "a journal profile (journalkit convert --journal NAME) supplies it"
_PLUGIN = "add it in a journalkit_jats_tree plugin"

#: The vocabulary, in the order the writer declares it.
GAPS: tuple[Gap, ...] = (
    Gap("journal-meta", "the text names no journal facts at all (title, ISSN, publisher, journal-id)",
        "front[not(journal-meta)]",
        (GapRule("pmc:front-content-check", "journal-meta",
                 "the text names no journal facts (title, ISSN, publisher), so journalkit convert writes no "
                 "<journal-meta>; " + _PROFILE),)),
    Gap("journal-title", "the text does not print the journal's title",
        "front/journal-meta[not(journal-title-group/journal-title)]",
        (GapRule("pmc:journal-meta-check", "journal-title is required",
                 "the text does not print the journal's title; " + _PROFILE),)),
    Gap("issn", "the text prints no ISSN",
        "front/journal-meta[not(issn)]",
        (GapRule("pmc:journal-meta-check", "issn is required",
                 "the document has no <issn>; journalkit convert writes one only when the text prints it, so "
                 "supply the journal's ISSN with a journal profile (journalkit convert --journal NAME)"),)),
    Gap("issn-type", "the text prints the ISSN without saying whether it is the print or the electronic one",
        "front/journal-meta/issn[not(@pub-type) and not(@publication-format)]",
        (GapRule("pmc:journal-meta-check", "issn must have a pub-type",
                 "the text prints the ISSN without saying whether it is the print or the electronic one, and "
                 "journalkit convert does not guess; a journal profile gives issn_print/issn_electronic"),)),
    Gap("heading", "the text prints no article-type or section heading",
        "front/article-meta[not(article-categories)]",
        (GapRule("pmc:required-child", "article-categories",
                 "the text prints no article-type heading; journalkit convert writes <subj-group "
                 "subj-group-type=\"heading\"> only from one, so " + _PLUGIN),)),
    Gap("permissions", "the text states no licence or copyright",
        "front/article-meta[not(permissions)]",
        (GapRule("jats4r:permissions-errors-1", "",
                 "the document states no licence or copyright; journalkit convert writes <permissions> only "
                 "from a statement in the text, so add the journal's licence in a journalkit_jats_tree "
                 "plugin"),)),
    Gap("lpage", "the text prints the article's first page but no last page",
        "front/article-meta[fpage][not(lpage)]",
        (GapRule("pmc:lpage-checking", "lpage is required",
                 "the text prints only the article's first page; journalkit convert does not guess where the "
                 "article ends"),)),
    Gap("related-article", "a notice (correction, retraction) that does not name the article it is about",
        "front/article-meta[not(related-article)]"
        "[/article[@article-type='correction' or @article-type='retraction']]",
        (GapRule("pmc:correction-related-object-check", "corrected-article",
                 "the notice names the corrected article by neither DOI nor citation, so there is nothing "
                 "to link; add <related-article> from the journal's records"),
         GapRule("pmc:retraction-related-object-check", "retracted-article",
                 "the notice names the retracted article by neither DOI nor citation, so there is nothing "
                 "to link; add <related-article> from the journal's records"))),
    # A year or holder printed inside the copyright statement is in the source, untagged: that is a
    # reading problem, not a gap, so the tests look at the statement's text too.
    Gap("copyright-year", "the licence or copyright statement gives no year",
        r"front/article-meta/permissions[not(copyright-year)]"
        r"[not(copyright-statement[re:test(., '(^|\D)(1[6-9]|20)\d\d(\D|$)')])]",
        (GapRule("jats4r:permissions-errors-2", "copyright-year",
                 "the licence statement in the text gives no copyright year, and none is inferred from the "
                 "dates"),),
        per_element=True),
    Gap("copyright-holder", "the licence or copyright statement names no holder",
        "front/article-meta/permissions[not(copyright-holder)]"
        "[not(copyright-statement[re:test(re:replace(., $formula, 'gi', ''), '\\w')])]",
        (GapRule("jats4r:permissions-errors-3", "copyright-holder",
                 "the licence statement in the text names no copyright holder"),),
        per_element=True),
    Gap("graphic", "the text holds figure captions, not the images",
        "//fig[not(.//graphic)]",
        (GapRule("jats4r:display-object-errors-3", "graphic",
                 "journalkit convert keeps what the text holds, the caption but not the image; add <graphic "
                 "xlink:href> when the image files are supplied"),),
        per_element=True),
    Gap("table", "the text holds table captions, not the cells",
        "//table-wrap[not(.//table)]",
        (GapRule("jats4r:accessibility-errors-4", "<table>",
                 "journalkit convert keeps the table's caption but not its cells, which plain text does not "
                 "keep reliably; add the <table> from the source"),),
        per_element=True),
    Gap("table-head", "a table's grid is kept but the text does not show which row heads the columns",
        "//table[not(.//th)]",
        (GapRule("jats4r:accessibility-errors-5", "<th>",
                 "plain text marks no header cells; journalkit convert writes <th> only where the rows show "
                 "it (words over numbers), so mark the heads from the source"),),
        per_element=True),
)

VOCABULARY: dict[str, Gap] = {g.token: g for g in GAPS}

#: What a copyright statement says besides its holder: the words, the sign, years, punctuation.
_COPYRIGHT_FORMULA = r"copyright|©|\(c\)|(1[6-9]|20)\d\d|all rights reserved|[\W_]"
_XPATHS: dict[str, etree.XPath] = {
    g.token: etree.XPath(g.lacking, namespaces={"re": "http://exslt.org/regular-expressions"}) for g in GAPS
}


def lacking(root: etree._Element, gap: Gap) -> list[etree._Element]:
    """The elements of ``root`` that lack ``gap``'s fact (empty: the document has it)."""
    hits = _XPATHS[gap.token](root, formula=_COPYRIGHT_FORMULA)
    return hits if isinstance(hits, list) else []
_BY_RULE: dict[str, list[tuple[Gap, GapRule]]] = {}
for _gap in GAPS:
    for _rule in _gap.rules:
        _BY_RULE.setdefault(_rule.rule, []).append((_gap, _rule))


def missing_facts(root: etree._Element) -> list[str]:
    """The tokens whose fact this ``<article>`` lacks, in :data:`GAPS` order.

    The converter calls this on its own output: what it did not write, it
    did not find in the source text.
    """
    return [g.token for g in GAPS if lacking(root, g)]


def declared_gaps(root: etree._Element) -> tuple[str, ...]:
    """The tokens the document declares not in its source (any token, known or not), in order."""
    if root.find("processing-meta") is None:  # nearly every foreign document: one C-level lookup
        return ()
    values = root.xpath("processing-meta/custom-meta-group/custom-meta[normalize-space(meta-name)=$name]"
                        "/meta-value", name=META_NAME)
    tokens = (" ".join("".join(v.itertext()).split()) for v in values)
    return tuple(dict.fromkeys(t for t in tokens if t))


def rule_for(finding: Finding) -> tuple[Gap, GapRule] | None:
    """The gap and check a finding belongs to, if any (by rule id, then message)."""
    for gap, rule in _BY_RULE.get(finding.rule, ()):
        if rule.needle in finding.message:
            return gap, rule
    return None


def _element(root: etree._Element, finding: Finding) -> etree._Element | None:
    """The element a finding points at, when its path can be followed in this tree."""
    if not finding.xpath:
        return None
    try:
        hits = root.getroottree().xpath(finding.xpath)
    except (etree.XPathError, TypeError, ValueError):
        return None
    if isinstance(hits, list) and hits and isinstance(hits[0], etree._Element):
        return hits[0]
    return None


def lacks(root: etree._Element, gap: Gap, finding: Finding) -> bool:
    """Does the document really lack the fact this finding is about?

    For a per-element gap the finding's own element must be one of those
    lacking it; a finding that cannot be located falls back to the document
    as a whole.
    """
    nodes = lacking(root, gap)
    if not nodes:
        return False
    if not gap.per_element:
        return True
    el = _element(root, finding)
    return el is None or any(el is n for n in nodes)


def downgrade(findings: Iterable[Finding], root: etree._Element, declared: Iterable[str]) -> list[Finding]:
    """``findings`` with each error that a declared, real gap accounts for reported as a warning.

    The rule id, source and location stay as they were, so a pipeline that
    filters by rule still finds them; ``gap`` names the token and the
    message says what happened.
    """
    tokens = set(declared)
    out: list[Finding] = []
    for f in findings:
        if tokens and f.severity == "error":
            hit = rule_for(f)
            if hit is not None and hit[0].token in tokens and lacks(root, hit[0], f):
                gap = hit[0]
                f = replace(f, severity="warning", gap=gap.token,
                            message=f"{f.message} [downgraded from error: declared not in source: {gap.token}, "
                                    f"{gap.meaning}]")
        out.append(f)
    return out


def declaration_findings(
    root: etree._Element, declared: tuple[str, ...], file: str | None, strict: bool
) -> list[Finding]:
    """Info findings that make a document's declarations visible in every report format.

    Unknown tokens and tokens the document contradicts (it has the fact)
    are named, not errors: a plugin may add a licence after the converter
    declared that the text had none, and the statement stays true.
    """
    if not declared:
        return []
    el = root.find("processing-meta")
    line = el.sourceline if el is not None else None
    where = "/article/processing-meta"
    how = ("--strict: findings that need them stay errors" if strict
           else "findings that need only them are reported as warnings (--strict keeps them errors)")
    out = [Finding("info", "metadata:source-gaps", "metadata",
                   f"the document declares facts not found in its source text: {', '.join(declared)}; {how}",
                   file, line, None, where)]
    for token in declared:
        gap = VOCABULARY.get(token)
        if gap is None:
            out.append(Finding("info", "metadata:source-gap-unknown", "metadata",
                               f"declared source gap {token!r} is not one journalkit knows "
                               f"({', '.join(VOCABULARY)}); it excuses nothing", file, line, None, where))
        elif not lacking(root, gap):
            out.append(Finding("info", "metadata:source-gap-present", "metadata",
                               f"declared not in source: {token}, but the document has it; the declaration "
                               "excuses nothing", file, line, None, where))
    return out
