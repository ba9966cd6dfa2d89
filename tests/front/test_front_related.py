"""A notice (correction, retraction, expression of concern) names the article it is about: ``<related-article>``."""

from __future__ import annotations

from lxml import etree

from journalkit import convert
from journalkit.validation import validate_bytes

XLINK = "{http://www.w3.org/1999/xlink}href"

_CORRECTION = """Journal of Tests | ISSN 1932-6203

Correction

Correction: Sleep and Flight in Migrating Songbirds of Southern Europe
The Journal of Tests Staff
How to cite this article: The Journal of Tests Staff. Correction: Sleep and Flight in Migrating Songbirds of Southern
Europe. J Tests. 2014;9(5):e97541. doi:10.5555/jtests.0097541
Published: 6 May 2014

There is an error in the second sentence of the Methods. The correct reference for the counts is [2]:
Silva A (2011) Counting birds at dawn. J Field Stud 3: 1-9. doi:10.5555/jfs.0000111

References
1. Qiu Z, Jiang H, Ding J (2014) Sleep and Flight in Migrating Songbirds of Southern Europe. J Tests 9(1): e86816.
doi:10.5555/jtests.0086816
2. Silva A (2011) Counting birds at dawn. J Field Stud 3: 1-9. doi:10.5555/jfs.0000111
"""


def _related(text: str) -> list[etree._Element]:
    return convert(text).tree.findall(".//article-meta/related-article")


def test_correction_links_the_reference_its_title_repeats() -> None:
    res = convert(_CORRECTION)
    assert res.article.article_type == "correction"
    (rel,) = res.tree.findall(".//article-meta/related-article")
    assert rel.get("related-article-type") == "corrected-article"
    assert (rel.get("ext-link-type"), rel.get(XLINK)) == ("doi", "10.5555/jtests.0086816")
    # not the DOI of the reference the correction fixes, though the body prints it first
    assert rel.get(XLINK) != "10.5555/jfs.0000111"
    # DTD order: after permissions / self-uri, before the abstract
    am = res.tree.find(".//article-meta")
    tags = [c.tag for c in am]
    assert tags.index("related-article") > tags.index("pub-date")


def test_related_article_passes_the_pmc_checks() -> None:
    findings = validate_bytes(convert(_CORRECTION).jats, rules="dtd,pmc")
    bad = [f for f in findings if "related" in f.rule or f.rule.startswith("dtd")]
    assert not [f for f in bad if f.severity == "error"], bad


def test_retraction_opening_doi() -> None:
    text = """Journal of Tests

Retraction

Retraction: Measures of Confidence Do Not Correlate with Accuracy of Trees
Barry G Hall, Stephen J Salipante
Citation Hall BG, Salipante SJ. Retraction: Measures of Confidence Do Not Correlate with Accuracy of
Trees. Journal of Tests. 2007; 3(7):e158. doi:10.5555/jtests.0030158
Published: July 20, 2007
This is an open-access article distributed under the terms of the Creative Commons Attribution License.

In Journal of Tests, volume 3, issue 3,
doi:10.5555/jtests.0030051:
As a result of a bug in the script used to compare estimated trees with true trees, the confidence measures
were sometimes associated with the wrong clades, as a reader kindly noticed (doi:10.5555/other.1).
"""
    (rel,) = _related(text)
    assert rel.get("related-article-type") == "retracted-article"
    assert rel.get(XLINK) == "10.5555/jtests.0030051"


def test_erratum_citation_without_doi_is_kept_as_text() -> None:
    text = """Revista de Testes | ISSN 0034-8910

Errata

Errata
Citação: . Errata. Revista de Testes. 2014; 48(2):366. doi:10.5555/rt.2013047ER004650
Publicado: abril de 2014

Rev Testes. 2013;47(6):1149

1. AUTORIA
Inclusão de dois autores | Addition of two authors
"""
    res = convert(text)
    (rel,) = res.tree.findall(".//article-meta/related-article")
    assert rel.get("related-article-type") == "corrected-article"
    assert (rel.get("vol"), rel.get("issue"), rel.get("page")) == ("47", "6", "1149")
    assert rel.text == "Rev Testes. 2013;47(6):1149" and rel.get(XLINK) is None
    # the line is placed once: not also kept as unplaced front-matter text
    assert etree.tostring(res.tree, encoding=str).count("2013;47(6):1149") == 1
    assert res.article.volume == "48"  # the notice's own citation is not its subject


def test_expression_of_concern_by_label() -> None:
    text = """Expression of Concern

Expression of Concern: Sleep and Flight in Migrating Songbirds
The Journal of Tests Editors
Citation: The Journal of Tests Editors. Expression of Concern: Sleep and Flight in Migrating Songbirds. J Tests.
2015;10(2):e0117000. https://doi.org/10.5555/jtests.0117000

The Journal of Tests Editors issue this Expression of Concern to notify readers of concerns about the figures of
the article doi:10.5555/jtests.0044444, which the authors have been asked to explain.
"""
    res = convert(text)
    assert res.article.article_type == "expression-of-concern"
    (rel,) = res.tree.findall(".//article-meta/related-article")
    assert (rel.get("related-article-type"), rel.get(XLINK)) == ("object-of-concern", "10.5555/jtests.0044444")


def test_research_article_has_no_related_article() -> None:
    text = """Research Article

Sleep and Flight in Migrating Songbirds
Ana Brito1, Carlos Dias1
1 Department of Biology, University of Lisbon, Lisbon, Portugal

Introduction
Songbirds sleep little while they migrate (doi:10.5555/jfs.0000111), and we measured it in three flocks.
"""
    assert _related(text) == []


def test_notice_naming_nothing_has_no_related_article() -> None:
    """Without a DOI or a citation of its subject, nothing is made up (the PMC finding stays a real gap)."""
    text = """Retraction

Retraction: Oil From Algae
Ana Brito, Carlos Dias
How to cite this article: Brito A, Dias C. Retraction: Oil From Algae. J Tests. 2012;7(6):e37000.

The Editors retract this article because a substantial part of its text was taken from earlier publications.
"""
    assert _related(text) == []


def test_own_citation_in_the_opening_is_not_the_subject() -> None:
    """Where the layout leaves the notice's own citation among its opening lines (here the whole notice reads
    as body text and no DOI of its own is known), that citation's DOI is not taken for the retracted article."""
    text = """Retraction

Retraction: Measures of Confidence Do Not Correlate with Accuracy of Trees
Barry G Hall, Stephen J Salipante
Citation Hall BG, Salipante SJ. Retraction: Measures of Confidence Do Not Correlate with Accuracy of
Trees. Journal of Tests. 2007; 3(7):e158. doi:10.5555/jtests.0030158
Published: July 20, 2007

In Journal of Tests, volume 3, issue 3, doi:10.5555/jtests.0030051:
As a result of a bug in the script used to compare estimated trees with true trees, the confidence measures
were sometimes associated with the wrong clades.
"""
    (rel,) = _related(text)
    assert rel.get(XLINK) == "10.5555/jtests.0030051"


def test_related_article_valid_in_every_flavour() -> None:
    for kwargs in ({"jats_version": "1.4"}, {"journal": "jcancer", "tag_set": "publishing"}):
        res = convert(_CORRECTION, **kwargs)  # type: ignore[arg-type]  # convert() checks the DTD
        assert res.tree.find(".//article-meta/related-article") is not None
