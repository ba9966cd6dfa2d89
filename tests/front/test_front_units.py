"""Front-matter units: names, bylines, affiliation labels, citation lines, type labels, profiles."""

from __future__ import annotations

import pytest

from journalkit import convert
from journalkit.readers.authors import (
    is_collab,
    looks_like_person,
    parse_name_list,
    split_aff_label,
    split_person,
)
from journalkit.readers.citation import match_issue_line, parse_citation, split_pages


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Xuan Zhang1, Jin Wang1,✉", [("Xuan Zhang", ["1"]), ("Jin Wang", ["1", "✉"])]),
        ("Smith AB*†, Jones C", [("Smith AB", ["*", "†"]), ("Jones C", [])]),
        ("Ana GomesI,II,*, João SilvaIII", [("Ana Gomes", ["I", "II", "*"]), ("João Silva", ["III"])]),
        ("Luca Giuggioli1,2,3, Thomas J. McKetterick1,2 and Marc Holderied3,*",
         [("Luca Giuggioli", ["1", "2", "3"]), ("Thomas J. McKetterick", ["1", "2"]), ("Marc Holderied", ["3", "*"])]),
        ("Shama D. Ahuja^1, Dick Menzies^5,*", [("Shama D. Ahuja", ["1"]), ("Dick Menzies", ["5", "*"])]),
        ("Tooba Ghazanfari¹", [("Tooba Ghazanfari", ["1"])]),
        ("Paula S. Nieto &amp; Francisco A. Tamarit", [("Paula S. Nieto", []), ("Francisco A. Tamarit", [])]),
        ("Ingmar H. Riedel-Kruse iD1,*", [("Ingmar H. Riedel-Kruse", ["1", "*"])]),
    ],
)
def test_parse_name_list(line: str, expected: list[tuple[str, list[str]]]) -> None:
    assert [(i.name, i.markers) for i in parse_name_list(line)] == expected


@pytest.mark.parametrize(
    "name, iberian, expected",
    [
        ("Wighart von Koenigswald", False, ("Wighart", "von Koenigswald", None)),
        ("Rob B. van der Luijt", False, ("Rob B.", "van der Luijt", None)),
        ("Smith AB", False, ("AB", "Smith", None)),
        ("Smith, John", False, ("John", "Smith", None)),
        ("Maria das Graças Braga Ceccato", True, ("Maria das Graças Braga", "Ceccato", None)),
        ("Silvana de Castro", True, ("Silvana de", "Castro", None)),
        ("Silvana de Castro", False, ("Silvana", "de Castro", None)),
        ("Keila Brito-Silva", True, ("Keila", "Brito-Silva", None)),
        ("Martin Luther King Jr", False, ("Martin Luther", "King", "Jr")),
    ],
)
def test_split_person(name: str, iberian: bool, expected: tuple[str | None, str, str | None]) -> None:
    assert split_person(name, iberian=iberian) == expected


def test_person_or_title() -> None:
    assert looks_like_person("Yun jeong Yang")
    assert not looks_like_person("Taking the Stem Cell Debate to the Public")
    assert not looks_like_person("ORIGINAL RESEARCH")
    assert not looks_like_person("Cancer: The Whole Story")
    assert is_collab("the PRISMA Group") and is_collab("on behalf of the IPTc Taskforce") and is_collab("HEBON")
    assert not is_collab("Jin Wang")


@pytest.mark.parametrize(
    "line, label, text",
    [
        ("1. Institute for Wine Biotechnology, Stellenbosch University", "1", "Institute for Wine Biotechnology, "
                                                                            "Stellenbosch University"),
        ("1Department of Zoology, University of Oxford", "1", "Department of Zoology, University of Oxford"),
        ("^2A.G. Holley Hospital, Lantana, Florida", "2", "A.G. Holley Hospital, Lantana, Florida"),
        ("II. Universidade Federal, Brasil", "II", "Universidade Federal, Brasil"),
        ("a) Department of Physics, University of Bristol", "a", "Department of Physics, University of Bristol"),
        ("Department of Geology, San José State University", None, "Department of Geology, San José State University"),
    ],
)
def test_affiliation_labels(line: str, label: str | None, text: str) -> None:
    assert split_aff_label(line) == (label, text)


@pytest.mark.parametrize(
    "line, journal, year, volume, issue, pages",
    [
        ("J Cancer 2016; 7(9):1081-1087. doi:10.7150/jca.14866", "J Cancer", "2016", "7", "9", "1081-1087"),
        ("Citation Ghazanfari T. Exosomes and Immunoregulation. Immunoregulation. 2023; 6(1):1-2.",
         "Immunoregulation", "2023", "6", "1", "1-2"),
        ("PLoS Biol. 2006 Mar 14; 4(5): e88.", "PLoS Biol", "2006", "4", "5", "e88"),
        ("Como citar: Colpani V, et al. Atividade física. Rev. Saúde Pública. 2014;48(2):258-265.",
         "Rev. Saúde Pública", "2014", "48", "2", "258-265"),
        ("Citation: Zon LI, Zoloth L (2004) Taking the Debate to the Public. PLoS Biol 2(6): e188.",
         "PLoS Biol", "2004", "2", "6", "e188"),  # the author-year form's year
    ],
)
def test_citation_line(line: str, journal: str, year: str | None, volume: str, issue: str, pages: str) -> None:
    f = parse_citation(line)
    assert f is not None
    got = {k: v[0] for k, v in f.values.items()}
    assert got.get("journal") == journal and got.get("year") == year
    assert (got["volume"], got["issue"], got["pages"]) == (volume, issue, pages)


def test_page_ranges() -> None:
    assert split_pages("1081-7") == ("1081", "1087", None)
    assert split_pages("e0115067") == (None, None, "e0115067")
    assert split_pages("258–265") == ("258", "265", None)


@pytest.mark.parametrize(
    "line, key, value",
    [
        ("PLOS ONE | ISSN 1932-6203", "journal", "PLOS ONE"),
        ("Home > PLoS Pathogens > Articles > Article", "journal", "PLoS Pathogens"),
        ("Vol. 48 No. 2 (2014): Revista de Saúde Pública", "journal", "Revista de Saúde Pública"),
        ("PLOS ONE volume 10, issue 1, Article number: e0115067 (2015)", "eloc", "e0115067"),
        ("PLOS Biology, 2017, Vol. 15(3)", "issue", "3"),
        ("Articles from PLoS ONE are provided here courtesy of Public Library of Science", "publisher",
         "Public Library of Science"),
    ],
)
def test_issue_lines(line: str, key: str, value: str) -> None:
    f = match_issue_line(line)
    assert f is not None and f.values[key][0] == value


_ARTICLE = """PLoS Med 2006; 3(9):e{n}

Correspondence

Mischievous Odds Ratios
Jane K. Smith1,*, Pedro de Souza2
1. Department of Medicine, University of Somewhere, Boston, United States of America
2. Institute of Health, Universidade de São Paulo, São Paulo, Brasil
Received: 10 January 2006; Accepted: 15 July 2006
Keywords: odds ratio; bias; meta-analysis

* E-mail: jane@example.org

Introduction
Odds ratios are often misread as risk ratios, and the difference matters when outcomes are common in the studied group.
"""


def test_article_front() -> None:
    art = convert(_ARTICLE.replace("{n}", "123")).article
    assert art.article_type == "letter"  # label 'Correspondence' from the article-types plugin
    assert art.title == "Mischievous Odds Ratios"
    assert [(c.given_names, c.surname) for c in art.contributors] == [("Jane K.", "Smith"), ("Pedro", "de Souza")]
    assert [a.label for a in art.affiliations] == ["1", "2"]
    assert art.contributors[0].aff_ids == ["aff1"] and art.contributors[0].corresponding
    assert (art.volume, art.issue, art.elocation_id) == ("3", "9", "e123")
    assert art.keywords == ["odds ratio", "bias", "meta-analysis"]
    assert {d.date_type for d in art.history} == {"received", "accepted"}


def test_title_notice_type() -> None:
    text = "Correction: Glowing Seashells\nThe PLOS ONE Staff\n\nThere is an error in Figure 2 of the article.\n"
    assert convert(text).article.article_type == "correction"


def test_profile_by_doi_prefix_and_name() -> None:
    text = ("J Cancer 2016; 7(9):1081-1087. doi:10.7150/jca.14866\n\nExosomes in Cancer\n\n"
            "Xuan Zhang1, Jin Wang1,✉\n\n1. Scientific Research Center, Shanghai, China\n")
    res = convert(text)
    j = res.article.journal
    assert (j.title, j.abbrev_title, j.issn_electronic) == ("Journal of Cancer", "J Cancer", "1837-9664")
    assert res.report.of_kind("profile-fact")
    assert convert(text, journal="jcancer").article.journal.publisher == "Ivyspring International Publisher"
    assert "title" in res.report.provenance and "contributors[0].name" in res.report.provenance
