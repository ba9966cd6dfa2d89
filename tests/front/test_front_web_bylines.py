"""Bylines as journal web pages and their text copies print them: one author per line with ORCID and
group lines, wrapped affiliations, capitals, surnames only the article's citation splits, affiliation blocks
after the references, and pages without an abstract heading (synthetic texts, no real article)."""

from __future__ import annotations

from journalkit import convert
from journalkit.readers.authors import (
    cited_names,
    group_item,
    institution_only_in_groups,
    repeats_byline,
    resplit_by_citation,
)
from journalkit.readers.segment import _prose

_BODY = ("\nIntroduction\nSome body text goes here for the test article, with a second sentence that runs on.\n")


def _web(front: str, abstract: bool = True) -> str:
    head = ("Skip to main content Home Journals Current issue Archive\n"
            "Home / Archives / Vol. 6 No. 1 (2011) / Research\n\n")
    abs_ = "\nAbstract\n\nWe study things here. The results are clear and new.\n" if abstract else ""
    return head + front + abs_ + _BODY


def test_one_author_per_line_with_orcid_wrapped_country_and_group() -> None:
    front = ("A Study of Coastal Sediments and Their Microbial Communities\n\n"
             "  • Ana Lima\n"
             "    Department of Biology, University of Porto, Porto, Portugal\n"
             "    https://orcid.org/0000-0002-1825-0097\n"
             "  • Bruno Reis *\n"
             "    Clinical Radiology, Imaging Science and Biomedical Engineering, University of Manchester, United\n"
             "    Kingdom\n"
             "  • Carla Costa\n"
             "    Department of Biology, University of Porto, Porto, Portugal\n"
             "  • the COAST Study Group\n\n"
             "* E-mail: bruno.reis@example.org\n")
    art = convert(_web(front)).article
    assert [c.surname or c.collab for c in art.contributors] == ["Lima", "Reis", "Costa", "the COAST Study Group"]
    assert art.contributors[0].orcid == "0000-0002-1825-0097"
    texts = {a.id: a.text for a in art.affiliations}
    assert texts[art.contributors[1].aff_ids[0]].endswith("Manchester, United Kingdom")
    assert art.contributors[3].aff_ids == []


def test_long_group_line_is_an_author_not_an_affiliation() -> None:
    front = ("A Study of Coastal Sediments and Their Microbial Communities\n\n"
             "  • Ana Lima\n"
             "    London School of Hygiene and Tropical Medicine, London, United Kingdom\n"
             "  • on behalf of the United Nations Inter-agency Group for Coastal Estimation and the Sediment "
             "Reference Group\n\n")
    art = convert(_web(front)).article
    assert art.contributors[-1].collab is not None and art.contributors[-1].collab.endswith("Reference Group")
    assert len(art.affiliations) == 1
    assert group_item("the EMAS Study Group") is not None
    assert group_item("Ana Lima") is None


def test_byline_without_markers_ending_with_a_consortium() -> None:
    line = "Ana Lima, Bruno Reis, Carla Costa, the International Goat Genomics Consortium"
    assert institution_only_in_groups(line)
    assert not institution_only_in_groups("Harvard Medical School, Boston")
    assert not institution_only_in_groups("Ana Lima, Harvard Medical School")
    front = f"A Study of Coastal Sediments and Their Microbial Communities\n{line}\nPLoS ONE volume 8, issue 2\n"
    art = convert(_web(front)).article
    assert [c.surname or c.collab for c in art.contributors] == ["Lima", "Reis", "Costa",
                                                                  "the International Goat Genomics Consortium"]


def test_byline_in_capitals() -> None:
    front = ("A Second Volume of Polar Research\n"
             "ANA C. LIMA1,2, BRUNO REIS3, CARLA M. COSTA2\n"
             "1Universidade Federal do Rio Grande do Sul, Porto Alegre, RS, Brazil\n"
             "2University of Maine, Climate Change Institute, Orono, ME, USA\n"
             "3Universidad Nacional de San Martín, Instituto Antártico, San Martín, Argentina\n")
    art = convert(_web(front)).article
    assert [c.surname for c in art.contributors] == ["LIMA", "REIS", "COSTA"]
    assert len(art.affiliations) == 3 and art.contributors[0].aff_ids == ["aff1", "aff2"]


def test_surnames_as_the_citation_prints_them() -> None:
    assert cited_names("Citation: Oliver SP, Turner JR, D'Urban Jackson T (2013) Sharks. PLoS ONE 8: e1.") == [
        ("Oliver", "SP"), ("Turner", "JR"), ("D'Urban Jackson", "T")]
    assert cited_names("Castro Sd, Lima IL, et al. Implementing care. Rev Bras 69(3)") == [("Castro", "Sd"),
                                                                                         ("Lima", "IL")]
    people = [("Simon P.", "Oliver"), ("Tim D'Urban", "Jackson"), ("Ana Pazin", "Filho")]
    fixes = resplit_by_citation(people, ["Oliver SP, D'Urban Jackson T, Pazin A (2013) Sharks use tails."])
    assert fixes == {1: ("Tim", "D'Urban Jackson", None), 2: ("Ana", "Pazin", "Filho")}
    # a reference by the first author with other co-authors is not the article's citation
    assert resplit_by_citation(people, ["Oliver SP, Smith T, Brown A (2010) Earlier work."]) == {}
    # initials that disagree with the given names: not the same person
    assert resplit_by_citation([("Tim D'Urban", "Jackson")], ["D'Urban Jackson K (2013) Sharks."]) == {}
    front = ("Thresher Sharks Use Tail-Slaps as a Hunting Strategy\n"
             "Simon P. Oliver1, Tim D'Urban Jackson2\n"
             "1 Department of Biology, University of Porto, Porto, Portugal\n"
             "2 Faculty of Sciences, University of Lisbon, Lisbon, Portugal\n"
             "Citation: Oliver SP, D'Urban Jackson T (2013) Thresher Sharks Use Tail-Slaps. PLoS ONE 8(7): e67380.\n")
    art = convert(_web(front)).article
    assert [(c.given_names, c.surname) for c in art.contributors] == [("Simon P.", "Oliver"),
                                                                      ("Tim", "D'Urban Jackson")]


def test_group_byline_stops_at_the_citation() -> None:
    assert repeats_byline("Scott Stone, Seth M Holm, The PLoS Medicine Editors",
                          "Stone S, Holm SM, The PLoS Medicine Editors. Social Medicine. PLoS Med 2006;")
    assert not repeats_byline("Ana Lima AB, Bruno Reis C,", "Costa D, Melo E")
    front = ("Social Medicine in the Twenty-First Century\n"
             "Scott Stone, Seth M Holm, The PLoS Medicine Editors\n"
             "Stone S, Holm SM, The PLoS Medicine Editors. Social Medicine in the New Century. PLoS Med 2006;\n"
             "3(10):e445. https://doi.org/10.1371/journal.pmed.0030445.\n")
    art = convert(_web(front)).article
    assert [c.surname or c.collab for c in art.contributors] == ["Stone", "Holm", "The PLoS Medicine Editors"]


def test_page_without_abstract_keeps_its_byline_in_the_front() -> None:
    block = ("Edward F. Long & Oded Beja\n"
             "PLoS Biology volume 8, issue 4, Article number: e1000359 (2010)   Cite this article\n"
             "574 Accesses   8 Citations   Metrics details\n"
             "Subjects: Biochemistry/Membrane Proteins and Energy Transduction · Genetics and Genomics/Microbial "
             "Evolution and Genomics · Marine and Aquatic Sciences/ Microbiology\n")
    assert not _prose(" ".join(block.splitlines()))
    prose = ("Some microorganisms contain proteins that can interact with light and convert it into energy for "
             "growth and survival, or into sensory information that guides cells towards or away from light. "
             "The simplest energy-harvesting photoproteins are the rhodopsins, which consist of a single protein.")
    assert _prose(prose)
    text = ("Skip to main content Home Journals\nViewpoint | Open access | Published: April 27, 2010\n\n"
            "The Light-Driven Proton Pump Enhances Bacterial Survival during Tough Times\n\n"
            f"{block}\n{prose}\n\n{prose}\n")
    art = convert(text).article
    assert [c.surname for c in art.contributors] == ["Long", "Beja"]


def test_affiliation_blocks_with_a_name_list_wrapped_inside_a_name() -> None:
    text = ("A Study of Coastal Sediments\n\nAna Lima, Bruno Reis, Miguel Angel Costa\n"
            "PLoS Biology volume 9, issue 11, Article number: e1 (2011)\n\nAbstract\n\nWe study things here. "
            "The results are clear.\n" + _BODY + "\nReferences\n\n1. Smith J (2001) A paper. J Things 1: 1-2.\n"
            "2. Jones K (2002) Another paper. J Things 2: 3-4.\n\n"
            "Author information\n\n  Authors and Affiliations\n\n"
            "   Translational Research Laboratory, Catalan Institute of Oncology, L'Hospitalet, Spain\n\n"
            "   Ana Lima, Bruno Reis &amp; Miguel\n   Angel Costa\n\n"
            "   Faculty of Sciences, University of Lisbon, Lisbon, Portugal\n\n   Bruno Reis\n\n"
            "  Corresponding author\n")
    art = convert(text).article
    texts = {a.id: a.text for a in art.affiliations}
    by = {c.surname: [texts[i] for i in c.aff_ids] for c in art.contributors}
    assert by["Costa"] == ["Translational Research Laboratory, Catalan Institute of Oncology, L'Hospitalet, Spain"]
    assert len(by["Reis"]) == 2


def test_subject_line_is_the_articles_categories_not_furniture() -> None:
    # a journal web page lists the publisher's subject areas under the byline; a long list wraps inside an
    # item. They belong in <article-categories>, as printed, and the line is used, not furniture
    from lxml import etree

    front = ("A Study of Coastal Sediments and Their Microbial Communities\n\n"
             "Ana Lima1, Bruno Reis2\n"
             "1 Department of Biology, University of Porto, Porto, Portugal\n"
             "2 Department of Physics, University of Porto, Porto, Portugal\n"
             "Subjects: Ecology · Genetics and Genomics/Microbial Evolution · Marine and Aquatic Sciences/\n"
             "Microbiology\n")
    res = convert(_web(front))
    assert res.article.subjects == ["Ecology", "Genetics and Genomics/Microbial Evolution",
                                    "Marine and Aquatic Sciences/Microbiology"]
    assert "subjects" in res.article.provenance
    root = etree.fromstring(res.jats)
    group = root.find(".//article-categories/subj-group[@subj-group-type='discipline']")
    assert group is not None and [s.text for s in group] == res.article.subjects
    # used for its values (the label word is reported with the line as printed), not page furniture
    assert not any("furniture" in e.message and "Subjects" in (e.original or "") for e in res.report.entries)
    comma = convert(_web(front.replace("Subjects: Ecology · Genetics and Genomics/Microbial Evolution · "
                                       "Marine and Aquatic Sciences/\nMicrobiology",
                                       "Subject areas: Ecology, Hematology"))).article
    assert comma.subjects == ["Ecology", "Hematology"]
