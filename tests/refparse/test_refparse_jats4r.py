"""Tagging that JATS4R/PMC rules check (issue 6): every rule here failed on the dev corpus before.

The strings are taken verbatim from the dev corpus; each test pins both the
rule's requirement and that the mixed-citation text still equals the input.
"""

from __future__ import annotations

import pytest
from lxml import etree

from journalkit.refparse import infer_type, parse_reference
from journalkit.writers.jats_refs import build_mixed_citation


def _mc(raw: str) -> etree._Element:
    mc = build_mixed_citation(parse_reference(raw))
    assert "".join(mc.itertext()) == raw  # the string is never changed
    return mc


@pytest.mark.parametrize(
    "found, ptype",
    [
        ({}, "other"),  # JATS4R requires a type; "other" is accepted (with a warning)
        ({"publisher": "Academic Press"}, "book"),
        ({"volume": "31", "pages": "23–32"}, "journal"),
        ({"pmcid": "PMC4235515"}, "journal"),
    ],
)
def test_infer_type_never_none(found: dict, ptype: str) -> None:
    assert infer_type("x", found) == ptype


def test_preprint_needs_something_to_follow() -> None:
    raw = "World Health Organisation (2010) WHO Policy recommendation on X [Preprint]."
    assert infer_type(raw, {"title": "WHO Policy recommendation on X"}) != "preprint"
    assert infer_type(raw, {"title": "t", "url": "http://a.b"}) == "preprint"


def test_dataset_word_in_a_journal_article_title_is_not_a_data_citation() -> None:
    raw = ("Maclaren J, Bammer R. Reliability of brain volume measurements: A test-retest dataset. "
           "Scientific Data. 2014;1.")
    assert infer_type(raw, {"title": "Reliability ... dataset", "container": "Scientific Data", "volume": "1"}) \
        == "journal"
    assert infer_type("x. Dryad Digital Repository.", {"title": "x", "container": "Dryad Digital Repository."}) \
        == "data"


def test_data_citation_title_is_data_title() -> None:
    raw = ("Swart EC, Bracht J, Magrini V, Minx P, Chen X, et al. Data from: the Oxytricha trifallax macronuclear "
           "genome: a complex eukaryotic genome with 16,000 tiny chromosomes. Dryad Digital Repository. "
           "doi:10.5061/dryad.d1013")
    mc = _mc(raw)
    assert mc.get("publication-type") == "data"
    assert mc.find("article-title") is None and mc.find("data-title") is not None


def test_year_holds_only_the_four_digits() -> None:
    raw = ("Musser FR, Lorenz GM, Stewart SD, Bagwell RD, Leonard BR et al. (2009a) Tarnished plant bug (Hemiptera: "
           "Miridae) thresholds for cotton before bloom in the midsouth of the United States. J Econ Entomol 102: "
           "2109-2115. doi:10.1603/029.102.0614. PubMed: 20069839.")
    mc = _mc(raw)
    year = mc.find("year")
    assert year is not None and year.text == "2009" and (year.tail or "").startswith("a)")
    assert parse_reference(raw).pmid == "20069839"


@pytest.mark.parametrize(
    "raw",
    [
        "Klein A, Doupé D, Jones P, Simons B (2007) Kinetics of cell division in epidermal maintenance. Physical "
        "Review E 76: 021910. doi: 10.1103/ PhysRevE.76.021910",
        "Fay JC, Benavides JA (2005) Evidence for domesticated and wild populations of Saccharomyces cerevisiae. "
        "PLoS Genet 1: e5 doi:10.1371/ journal.pgen.0010005.",
        "Ley RE, Hamady M, Lozupone C, Turnbaugh PJ, Ramey RR, et al. (2008) Evolution of mammals and their gut "
        "microbes. Science 320: 1647–1651 doi:10.1126/ science.1155725",
    ],
)
def test_doi_pieces_are_not_pmids(raw: str) -> None:
    ref = parse_reference(raw)
    assert ref.pmid is None
    assert not any(p.get("pub-id-type") == "pmid" for p in _mc(raw).iter("pub-id"))


def test_two_dois_run_together_tag_the_cited_one() -> None:
    raw = ("McCullough J, Fisher RD, Whitby FG, Sundquist WI, Hill CP. ALIX-CHMP4 interactions in the human ESCRT "
           "pathway. Proceedings of the National Academy of Sciences of the United States of America. "
           "2008;105(22):7687–91. doi: https://doi.org/10.1371/journal.pbio.2002354 10.1073/pnas.0801567105 "
           "PMC2409388.")
    assert parse_reference(raw).doi == "10.1073/pnas.0801567105"
    raw2 = ("Sen S (2001) Anomalously Large Equilibrium Clusters of Colloids. J Phys Chem B 105: 11702–11709. "
            "doi: 10.1021/jp011646w doi:10.1371/journal.pone.0111971")
    assert parse_reference(raw2).doi == "10.1021/jp011646w"


def test_arxiv_preprint_has_article_title_and_server_source() -> None:
    raw = ("Bialek W, de Ruyter van Steveninck RR (2005). Features and dimensions: Motion estimation in fly vision. "
           "arXiv:q-bio.NC/0505003.")
    mc = _mc(raw)
    assert mc.get("publication-type") == "preprint"
    assert mc.findtext("article-title") == "Features and dimensions: Motion estimation in fly vision"
    assert mc.findtext("source") == "arXiv"
