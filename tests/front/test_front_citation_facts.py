"""The article's own year and pages: citation lines that wrap, print no year, or print a DOI as the e-locator.

Tasks 1-2 of the front-matter round: the year of an article whose citation line prints none (the author-year
form, or a running head that holds the only other printing), and e-locators read from citations that wrap
between journal and year or that pdftotext prints one word per line.
"""

from __future__ import annotations

import pytest

from journalkit import convert
from journalkit.readers.citation import parse_citation, split_pages

_BODY = """
Introduction
Small birds in cold places have been studied for a long time by many people in many countries.
Their survival in winter depends on shelter, on food and on the company of other birds of their kind.

Methods
We counted the birds in each flock every morning and weighed those caught in mist nets at dawn.

Results
Huddling birds lost less weight overnight than birds that roosted alone in the same weather.
"""


def _values(text: str) -> dict[str, str]:
    facts = parse_citation(text)
    assert facts is not None
    return {k: v[0] for k, v in facts.values.items()}


def test_author_year_citation_gives_its_year() -> None:
    v = _values("Como citar: Lima AB, Souza CD (2019) Um estudo de caso. Rev. Bras. Enferm. 72(3): 101-110.")
    assert (v["year"], v["volume"], v["issue"], v["pages"]) == ("2019", "72", "3", "101-110")


def test_parenthesised_year_after_the_journal_is_not_confused() -> None:
    # the author-year search looks only before the journal; a year printed elsewhere is not taken
    v = _values("Smith J. Cold birds. J Ornithol 12(3): 44-50.")
    assert "year" not in v


def test_doi_printed_as_the_e_locator() -> None:
    text = ("How to cite this article: Wu H, Li A. Retraction: Oil From Algae. PLoS ONE. "
            "2012;7(6):10.1371/annotation/0a1b2c3d-0000-4e5f-8a9b-1234567890ab. https://doi.org/10.1371/x")
    v = _values(text)
    assert v["pages"] == "10.1371/annotation/0a1b2c3d-0000-4e5f-8a9b-1234567890ab"  # no full stop
    assert split_pages(v["pages"]) == (None, None, v["pages"])


@pytest.mark.parametrize("pages, expected", [("e0152025", (None, None, "e0152025")),
                                              ("284-295", ("284", "295", None)),
                                              ("10.1590/abc.123", (None, None, "10.1590/abc.123"))])
def test_split_pages(pages: str, expected: tuple[str | None, str | None, str | None]) -> None:
    assert split_pages(pages) == expected


def test_year_from_another_printing_of_the_same_issue() -> None:
    """The labelled citation prints no year; the running head of the same volume and issue does."""
    text = ("Revista de Testes 2014; 48(2):284-295\n\nArtigos Originais\n\n"
            "Fatores associados ao sono em aves\nAna Brito1, Carlos Dias2\n"
            "1 Departamento de Biologia, Universidade de Lisboa, Lisboa, Portugal\n"
            "2 Departamento de Zoologia, Universidade do Porto, Porto, Portugal\n"
            "Como citar: Brito A, Dias C. Fatores associados ao sono em aves. Rev. Testes 48(2): 284-295.\n"
            + _BODY)
    art = convert(text).article
    assert art.pub_date is not None and art.pub_date.year == "2014"
    assert (art.volume, art.issue, art.fpage, art.lpage) == ("48", "2", "284", "295")


def test_year_not_taken_from_another_issue() -> None:
    """A citation of another volume (the corrected article, a previous paper) does not give the year."""
    text = ("Artigos Originais\n\nFatores associados ao sono em aves\nAna Brito1, Carlos Dias2\n"
            "1 Departamento de Biologia, Universidade de Lisboa, Lisboa, Portugal\n"
            "2 Departamento de Zoologia, Universidade do Porto, Porto, Portugal\n"
            "Como citar: Brito A, Dias C. Fatores associados ao sono em aves. Rev. Testes 48(2): 284-295.\n"
            "Rev Testes. 2013;47(6):1149\n" + _BODY)
    art = convert(text).article
    assert art.volume == "48"
    assert art.pub_date is None or art.pub_date.year != "2013"


def test_year_from_a_running_head_date() -> None:
    """Only the running head's date gives the year ('... | October 24, 2006 | Volume 3 | Issue 10 | e445')."""
    text = ("Social Medicine in the Twenty-First Century\nScott Stonington, Seth M Holmes\n" + _BODY
            + "\nJournal of Tests | https://doi.org/10.1234/jt.0030445 October 24, 2006 | Volume 3 | Issue 10 | e445\n")
    art = convert(text).article
    assert art.pub_date is not None and art.pub_date.year == "2006"
    assert art.pub_date.month is None  # a labelled 'Published:' date, if any, gives month and day
    assert (art.volume, art.issue, art.elocation_id) == ("3", "10", "e445")


def test_labelled_citation_printed_one_word_per_line() -> None:
    words = "Analysis of Data from The Cancer Genome Atlas. PLOS Medicine. 2015; 12(2):e1001786.".split()
    text = ("Genetic Heterogeneity and Mortality in Head and Neck Cancer\n"
            "Edmund A. Mroz1, James W. Rocco1,*\n"
            "1 Center for Cancer Research, Massachusetts General Hospital, Boston, Massachusetts, United States\n"
            "Citation Mroz EA, Rocco JW. Genetic Heterogeneity and Mortality in Head and Neck Cancer:\n"
            + "\n".join(words) + "\nhttp://dx.doi.org/10.1371/journal.pmed.1001786\n"
            "Received: June 23, 2014\n" + _BODY)
    art = convert(text).article
    assert (art.volume, art.issue, art.elocation_id) == ("12", "2", "e1001786")
    assert art.pub_date is not None and art.pub_date.year == "2015"


def test_unlabelled_citation_wrapped_between_journal_and_year() -> None:
    text = ("The Light-Driven Proton Pump Enhances Bacterial Survival\nEdward F. DeLong1,*, Oded Beja2\n"
            "1 Department of Civil Engineering, Massachusetts Institute of Technology, Cambridge, United States\n"
            "2 Faculty of Biology, Technion, Haifa, Israel\n"
            "DeLong EF, Beja O. The Light-Driven Proton Pump Enhances Bacterial Survival. PLoS Biol\n"
            "2010; 8(4):e1000359. https://doi.org/10.1371/journal.pbio.1000359.\n" + _BODY)
    art = convert(text).article
    assert (art.volume, art.issue, art.elocation_id) == ("8", "4", "e1000359")
    assert art.pub_date is not None and art.pub_date.year == "2010"
    assert art.journal.abbrev_title == "PLoS Biol"
    # offsets still point at the value in the input (the joined lines are mapped back one by one)
    span = art.provenance["elocation_id"]
    assert text[span.start:span.end] == "e1000359"
