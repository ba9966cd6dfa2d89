"""Site chrome and page furniture the corpus never shows: other sites' link bars under the byline, other
reference link labels, 'Page N of M' feet (synthetic texts shaped like other publishers' pages, no real
article). The corpus renderings use a handful of templates; these tests keep the readers from depending on
their exact wording."""

from __future__ import annotations

from journalkit import convert
from journalkit.document import Document
from journalkit.readers.authors import byline_closed
from journalkit.readers.front import ui_bar
from journalkit.readers.reflist import reference_items

_ABSTRACT_AND_BODY = ("\nAbstract\n\nWe study coastal sediments. The results are clear and new.\n\n"
                      "Introduction\n\nSome body text goes here for the test article, with a second sentence.\n")


def _web(byline: str, under: str) -> str:
    return ("Menu  Search  Sign in / Register\n\n"
            "Research Article\n\n"
            "A Study of Coastal Sediments and Their Microbial Communities\n\n"
            f"{byline}\n\n{under}\n\n"
            "^1Department of Biology, University of Porto, Porto, Portugal\n"
            "^2Institute of Marine Research, University of Lisbon, Lisbon, Portugal\n\n"
            "*Corresponding author. bruno.reis@example.org\n" + _ABSTRACT_AND_BODY)


def test_ui_bar() -> None:
    assert ui_bar("Show more  Share  Cite")
    assert ui_bar("Menu  Search  Sign in / Register")
    assert ui_bar("Journals & Books   Help   Search   My account")
    assert not ui_bar("Share")  # one word alone may be a heading or a name
    assert not ui_bar("Show More Evidence for Coastal Change")
    assert not ui_bar("Ana Lima")


def test_byline_closed() -> None:
    assert byline_closed("Ana Lima1, Bruno Reis2,*", "Show more Share Cite")
    assert not byline_closed("Ana Lima1, Bruno Reis2,", "Carla Costa1")  # a list wrapped after a comma
    assert not byline_closed("Ana Lima1, Bruno Reis2", "and Carla Costa1")
    assert not byline_closed("Ana Lima1", "Bruno Reis2")  # one marked author a line
    assert not byline_closed("Ana Lima, Bruno", "Reis")  # unmarked: a name may be cut by the line end


def test_link_bar_between_byline_and_affiliations() -> None:
    art = convert(_web("Ana Lima^1, Bruno Reis^1,2,*, Carla Costa^2", "Show more  Share  Cite")).article
    assert [c.surname for c in art.contributors] == ["Lima", "Reis", "Costa"]
    assert len(art.affiliations) == 2
    assert art.contributors[1].aff_ids == [a.id for a in art.affiliations]
    assert art.title == "A Study of Coastal Sediments and Their Microbial Communities"


def test_unknown_bar_between_byline_and_affiliations() -> None:
    """A bar whose words no list holds ('Article notes  Reprints') is passed over when labelled
    affiliations follow it; the report keeps it."""
    res = convert(_web("Ana Lima^1, Bruno Reis^1,2,*, Carla Costa^2", "Article notes  Reprints"))
    assert len(res.article.affiliations) == 2
    assert res.article.contributors[1].aff_ids == [a.id for a in res.article.affiliations]
    assert any(e.original == "Article notes Reprints" for e in res.report.entries)


def test_single_unmarked_author_over_a_link_bar() -> None:
    text = ("Toggle navigation\n\nDebate\n\nWhy Most Published Coastal Findings Are False\n\n"
            "John P. A. Ioannidis\n\nShow more  Share  Cite\n" + _ABSTRACT_AND_BODY)
    art = convert(text).article
    assert [(c.given_names, c.surname) for c in art.contributors] == [("John P. A.", "Ioannidis")]


def _pdf(pages: list[str]) -> str:
    """Pages with an MDPI-like head ('J. Coast. 2021, 6, e12  2 of 4') and a 'Page N of M' foot."""
    n = len(pages)
    out = []
    for k, p in enumerate(pages):
        head = f"J. Coast. Stud. 2021, 6, e12\n\n{k + 1} of {n}\n\n" if k else ""
        out.append(f"{head}{p}\nJ Coast Stud | https://doi.org/10.1000/jcs.12 | Volume 6\n\nPage {k + 1} of {n}\n")
    return "\f".join(out)


_BODY_PAGE = ("Sediment cores were taken at low tide from each of the sampled sites along the coast and kept cold.\n"
              "Each core was cut into slices and the slices were weighed before and after drying overnight.\n")


def test_byline_over_a_page_break_with_a_page_number_foot() -> None:
    first = ("Research Article\n\nA Study of Coastal Sediments and Their Microbial Communities\n\n"
             "Ana Lima1, Bruno Reis1,2,*, Carla Costa2, Dario Greco1,\n")
    second = ("Elena Conti2, Fabio Marino1\n"
              "1\n\nDepartment of Biology, University of Porto, Porto, Portugal\n\n"
              "2\n\nInstitute of Marine Research, University of Lisbon, Lisbon, Portugal\n\n"
              "Abstract\nWe study coastal sediments. The results are clear and new.\n\n"
              "Introduction\n" + _BODY_PAGE)
    art = convert(_pdf([first, second, _BODY_PAGE, _BODY_PAGE])).article
    assert [c.surname for c in art.contributors] == ["Lima", "Reis", "Costa", "Greco", "Conti", "Marino"]
    assert len(art.affiliations) == 2
    assert art.contributors[-1].aff_ids == [art.affiliations[0].id]


def test_abstract_over_a_page_break_whose_foot_ends_with_a_bracket() -> None:
    """The first page's foot ('Journal of Coastal Studies, 2021, Vol. 6(2)') ends with ')', which is no
    sentence end of the abstract cut above it."""
    first = ("Research Article\n\nA Study of Coastal Sediments and Their Microbial Communities\n\n"
             "Ana Lima1, Bruno Reis2\n\n1 Department of Biology, University of Porto, Porto, Portugal\n"
             "2 Institute of Marine Research, University of Lisbon, Lisbon, Portugal\n\n"
             "Abstract\nWe study coastal sediments and the microbes that live in them over a year. This paper\n")
    second = ("aims to give coastal managers the latest knowledge about sediments.\n"
              "Keywords: sediments, microbes\n\nIntroduction\n" + _BODY_PAGE)
    pages = [first, second, _BODY_PAGE, _BODY_PAGE]
    text = "\f".join(f"{p}Journal of Coastal Studies, 2021, Vol. 6(2)\n\nPage {k + 1} of 4\n"
                      for k, p in enumerate(pages))
    art = convert(text).article
    assert art.abstract.plain_text().endswith("This paper aims to give coastal managers the latest knowledge "
                                            "about sediments.")


def test_other_sites_reference_link_labels() -> None:
    entries = ["Smith J, Jones K. A study of things. Nature. 2001;1:1-2.",
               "Brown A. Another study of other things. Cell. 2002;3:4-5.",
               "Lee B. A third study. Science. 2003;5:6-7.",
               "Kim C. A fourth study. Lancet. 2004;7:8-9.",
               "Ruiz D. A fifth study. BMJ. 2005;9:10-11."]
    labels = ["Search in Google Scholar", "Crossref Scopus (134) PubMed Google Scholar",
              "[Taylor & Francis Online], [Web of Science ®], [Google Scholar]",
              "Google Scholar Crossref PubMed WorldCat", "Cited Here"]
    text = "".join(f"{k + 1}. {e}\n   {lab}\n" for k, (e, lab) in enumerate(zip(entries, labels)))
    items, _rest = reference_items(Document(text).lines())
    assert [i.raw for i in items] == entries
    assert len(convert("Title of a Note\n\nAna Lima\n\nIntroduction\nText of the note goes here.\n\nReferences\n"
                       + text).article.references) == 5


def test_letter_spaced_headings_are_closed_up() -> None:
    from journalkit.readers.repair import repair

    doc = Document("A B S T R A C T\nText.\n  A R T I C L E  I N F O\nK E Y W O R D S\nA B C D\n")
    repair(doc)
    assert doc.text.splitlines()[::2] == ["ABSTRACT", "  ARTICLE INFO", "A B C D"]
    assert doc.text.splitlines()[3] == "KEYWORDS"
    assert any(e.kind == "letter-spacing" and e.original == "A B S T R A C T" for e in doc.report.entries)
    art = convert("Research Article\n\nA Study of Coastal Sediments and Their Microbial Communities\n\n"
                  "Ana Lima1, Bruno Reis2\n\n1 Department of Biology, University of Porto, Porto, Portugal\n"
                  "2 Institute of Marine Research, University of Lisbon, Lisbon, Portugal\n\n"
                  "A B S T R A C T\nWe study coastal sediments. The results are clear and new.\n\n"
                  "Introduction\n\nSome body text goes here for the test article, with a second sentence.\n").article
    assert art.abstract is not None and art.abstract.plain_text().startswith("We study coastal sediments.")


def test_other_citation_and_funding_labels() -> None:
    for label in ("To cite this article:", "Please cite this article as:", "How to cite this article:",
                  "Cite this article as:", "Citation:", "Cite as:"):
        text = ("Research Article\n\nIn-Lake Processes Offset Terrestrial Inputs of Carbon to Lakes\n"
                "Ana Lima1,*, Bruno Reis2 and Carla Costa2\n"
                "1 Department of Biology, University of Porto, Porto, Portugal\n"
                "2 Institute of Marine Research, University of Lisbon, Lisbon, Portugal\n"
                f"{label} Lima A, Reis B, Costa C (2013) In-Lake Processes Offset Terrestrial Inputs of Carbon\n"
                "to Lakes. J Coast Stud 8(8): e70598. https://doi.org/10.1000/jcs.70598\n"
                "Financial support: The Science Foundation paid for the field work (grant 12).\n\n"
                "Abstract\nWe study lakes. The results are clear and new.\n\n"
                "Introduction\n\nSome body text goes here for the test article, with a second sentence.\n")
        art = convert(text).article
        assert len(art.affiliations) == 2, label
        assert (art.volume, art.issue, art.elocation_id) == ("8", "8", "e70598"), label
        assert art.funding_statement is not None and art.funding_statement.startswith("The Science Foundation")


def test_letter_markers_glued_to_names_and_labels() -> None:
    """Affiliations labelled a, b, c (Elsevier, Cell): the byline prints the letters glued to the names."""
    from journalkit.readers.authors import letter_label_set, letter_labels, parse_name_list

    assert letter_label_set(["aGraduate Program, University of Minnesota", "b Veterans Affairs Medical Center",
                             "c. Department of Psychiatry, University of Minnesota"]) == "abc"
    assert letter_label_set(["a Department of Biology, University of Porto"]) == "a"
    assert letter_label_set(["b Department of Biology, University of Porto"]) == ""  # no 'a': no alphabet
    byline = "Michael-Paul Schallmoa,*, Scott R. Sponheimb,c, Cheryl A. Olmana"
    with letter_labels("abc"):
        assert [(i.name, i.markers) for i in parse_name_list(byline)] == [
            ("Michael-Paul Schallmo", ["a", "*"]), ("Scott R. Sponheim", ["b", "c"]), ("Cheryl A. Olman", ["a"])]
        # a title line is no byline: its last word keeps its letter
        assert parse_name_list("People, Future Generations and Nature")[-1].name == "Nature"
        assert parse_name_list("Robert C. Wirka^b")[0].name == "Robert C. Wirka"  # set apart: the name is whole
    assert parse_name_list(byline)[0].name == "Michael-Paul Schallmoa"  # without letter labels: as printed
    assert [(i.name, i.markers) for i in parse_name_list("Bing Xu^a, Robin M. Shaw^a,c,*")] == [
        ("Bing Xu", ["a"]), ("Robin M. Shaw", ["a", "c", "*"])]


def test_letter_labelled_front_matter() -> None:
    for byline, affs in (("Ana Limaa,*, Bruno Reisa,b, Carla Costab",
                          "a Department of Biology, University of Porto, Porto, Portugal\n"
                          "b Institute of Marine Research, University of Lisbon, Lisbon, Portugal"),
                         ("Ana Lima^a,*, Bruno Reis^a,b, Carla Costa^b",
                          "^aDepartment of Biology, University of Porto, Porto, Portugal\n"
                          "^bInstitute of Marine Research, University of Lisbon, Lisbon, Portugal")):
        text = ("Research Article\n\nA Study of Coastal Sediments and Their Microbial Communities\n"
                f"{byline}\n{affs}\n\n" + _ABSTRACT_AND_BODY)
        art = convert(text).article
        assert [c.surname for c in art.contributors] == ["Lima", "Reis", "Costa"], byline
        assert [a.text for a in art.affiliations] == [
            "Department of Biology, University of Porto, Porto, Portugal",
            "Institute of Marine Research, University of Lisbon, Lisbon, Portugal"], byline
        assert [len(c.aff_ids) for c in art.contributors] == [1, 2, 1], byline


def test_doi_read_in_the_form_the_running_heads_print() -> None:
    # the citation line lost the DOI's hyphen at a line break; the running head prints it whole on every page
    head = "Rev Testes | https://doi.org/10.1590/S0034-8910.2014048004950 April 2014 | Volume 48 | Issue 2 | 331-346"
    text = ("Original Article\n\nSleep in migrating birds\nAna Lima1, Bruno Reis2\n"
            "1 Department of Biology, University of Porto, Porto, Portugal\n"
            "2 Institute of Marine Research, University of Lisbon, Lisbon, Portugal\n"
            "How to cite this article: Lima A, Reis B. Sleep in migrating birds. Rev Testes. 2014;48(2):331-\n"
            "46. http://dx.doi.org/10.1590/S00348910.2014048004950\n\n"
            "Abstract\nWe study birds. The results are clear and new.\n\nIntroduction\n"
            + "".join(f"Body text of page {k} goes here, with a second sentence on it.\n\n{head}\n\f"
                      for k in range(4)))
    res = convert(text)
    assert res.article.doi == "10.1590/S0034-8910.2014048004950"
    assert "doi-form" in [e.kind for e in res.report.entries]
