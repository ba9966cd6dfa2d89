"""Affiliation labels that pdftotext prints on lines of their own, away from their affiliation, and the
byline / affiliation boundaries around them (synthetic texts in the shape of PDF and web copies)."""

from __future__ import annotations

import pytest

from journalkit import convert
from journalkit.readers.authors import (
    address_goes_on,
    aff_line_continues,
    byline_goes_on,
    ends_with_country,
    fill_label_gaps,
    label_ordinal,
    looks_institution,
    parse_name_list,
    resolve_aff_labels,
)


def _article(front: str) -> str:
    return (f"Research Article\n\n{front}\n\nAbstract\nWe study things here. The results are clear and new.\n\n"
            "Introduction\nSome body text goes here for the test article, with a second sentence.\n")


def _links(front: str) -> dict[str, list[str]]:
    """Surname -> texts of the affiliations linked to the author."""
    art = convert(_article(front)).article
    text = {a.id: a.text for a in art.affiliations}
    return {c.surname or c.collab or "": [text[i] for i in c.aff_ids] for c in art.contributors}


# ------------------------------------------------------------------ units


def test_label_ordinal() -> None:
    assert label_ordinal("3") == ("digit", 3)
    assert label_ordinal("IV") == ("roman", 4)
    assert label_ordinal("IX") == ("roman", 9)
    assert label_ordinal("c") == ("letter", 3)
    assert label_ordinal("*") is None


def test_gaps_filled_only_from_a_consecutive_numbering() -> None:
    assert fill_label_gaps(["1", None, "3"], {"1", "2", "3"}) == ["1", "2", "3"]
    assert fill_label_gaps(["1", "2", None, None], {"1", "2", "3", "4"}) == ["1", "2", "3", "4"]
    assert fill_label_gaps(["I", None, "III"], {"I", "II", "III"}) == ["I", "II", "III"]
    # two unlabelled affiliations for one missing number: which one is it? left alone
    assert fill_label_gaps(["1", None, None, "3"], {"1", "2", "3"}) == ["1", None, None, "3"]
    # no author carries the missing number: nothing names the affiliation
    assert fill_label_gaps(["1", None, "3"], {"1", "3"}) == ["1", None, "3"]
    # out of order: the order says nothing
    assert fill_label_gaps(["3", None, "1"], {"1", "2", "3"}) == ["3", None, "1"]
    # after the last label only as far as the markers go
    assert fill_label_gaps(["1", None, None], {"1", "2"}) == ["1", None, None]


def test_label_runs() -> None:
    # '7' / '8' over two affiliations: one each, in order
    seq = [("label", "7"), ("label", "8"), ("aff", None), ("aff", None)]
    assert resolve_aff_labels(seq, {"7", "8"}) == ["7", "8"]
    # '3' / A / B / '4' / '5' / C: '4' belonged to B, printed late; '5' is C's
    seq = [("label", "3"), ("aff", None), ("aff", None), ("label", "4"), ("label", "5"), ("aff", None)]
    assert resolve_aff_labels(seq, {"3", "4", "5"}) == ["3", "4", "5"]
    # a printed label wins over a label line
    assert resolve_aff_labels([("label", "1"), ("aff", "2")], {"1", "2"}) == ["2"]


def test_institution_words_beyond_english() -> None:
    for s in ("Servicio de Epidemiología, Agencia de Salud Pública, Barcelona",
              "Centro Nacional de Epidemiología, Madrid", "Istituto Superiore di Sanità, Roma",
              "Institució Catalana de Recerca, Barcelona", "Deutsches Krebsforschungszentrum, Heidelberg",
              "École Normale Supérieure, Paris", "Forschungsinstitut Senckenberg, Frankfurt"):
        assert looks_institution(s), s
    assert not looks_institution("Maria Centrone, Paolo Agencio")
    assert ends_with_country("Synapse Energy Economics, Cambridge, Massachusetts, United States of America")
    assert ends_with_country("Hospital Federal, Rio de Janeiro, RJ, Brazil.")
    assert ends_with_country("Centro de Investigación Biomédica en Red. España")
    assert not ends_with_country("George Washington University Medical Center,")


def test_byline_goes_on_over_group_words() -> None:
    assert byline_goes_on("Ana Lima1, Bruno Reis2, Carla", "Costa3, Dario Melo1, on behalf of the Inter-agency Group")
    assert byline_goes_on("Ana Lima1, Bruno Reis2, the International Goat Genomics", "Consortium")
    assert not byline_goes_on("Ana Lima1, Bruno Reis2", "Department of Biology, University of Porto, Portugal")
    assert not byline_goes_on("Ana Lima1 and Bruno Reis2", "Consortium")  # nothing open to finish


def test_name_list_details() -> None:
    items = parse_name_list("Ana Lima1, Bruno Reis2, on behalf of the Child Health Group and the Reference Group")
    assert [it.name for it in items][-1] == "on behalf of the Child Health Group and the Reference Group"
    items = parse_name_list("Tania Bonetti VeigaI,III and Angela Maria TakanaguiI")
    assert [(it.name, it.markers) for it in items] == [("Tania Bonetti Veiga", ["I", "III"]),
                                                        ("Angela Maria Takanagui", ["I"])]


def test_wrapped_lines_of_an_affiliation() -> None:
    assert aff_line_continues("Sabin Institute, Department of Tropical Medicine, Capital University Medical Center,",
                              "Washington, D. C., United States of America")
    assert aff_line_continues("Department of Biology and", "Genetics, University of Porto, Porto, Portugal")
    assert not aff_line_continues("Department of Biology, University of Porto, Porto, Portugal",
                                  "Department of Physics, University of Lisbon, Lisbon, Portugal")
    assert address_goes_on("Laboratorio de Arbovirus. Centro Nacional de Microbiología. Instituto de Salud",
                           "Carlos III. Majadahoda, Madrid, España")
    assert not address_goes_on("Department of Biology, University of Porto, Porto, Portugal",
                               "Gomes RR, Lima AB. A study of things. J Things. 2014;3:1-9")


# ------------------------------------------------------------------ whole front matter, as pdftotext prints it

_PDF_BYLINE = ("A Study of Coastal Sediments and Their Microbial Communities\n"
               "Ana Lima1,*, Bruno Reis2, Carla Costa1,3, Dario Melo4\n")


def test_label_lines_over_their_affiliations() -> None:
    # the lone numbers would be dropped as page numbers; the affiliations would then read unlabelled
    front = _PDF_BYLINE + ("1\n\nDepartment of Biology, University of Porto, Porto, Portugal\n\n"
                           "2\n\nSynapse Marine Consulting, Aveiro, Portugal\n\n"
                           "3\n\nInstitute of Oceanography, University of Lisbon, Lisbon, Portugal\n"
                           "4\nNorth Sea Sediment Survey, Bergen, Norway\n")
    links = _links(front)
    assert links["Lima"] == ["Department of Biology, University of Porto, Porto, Portugal"]
    assert links["Reis"] == ["Synapse Marine Consulting, Aveiro, Portugal"]
    assert links["Costa"] == ["Department of Biology, University of Porto, Porto, Portugal",
                              "Institute of Oceanography, University of Lisbon, Lisbon, Portugal"]
    assert links["Melo"] == ["North Sea Sediment Survey, Bergen, Norway"]


def test_label_printed_away_from_its_affiliation() -> None:
    # '2' landed under the citation line; '3' / '4' stand together above the last affiliation
    front = _PDF_BYLINE + ("1\n\nDepartment of Biology, University of Porto, Porto, Portugal\n"
                           "Marine Station of the Coast, Aveiro, Portugal\n"
                           "3\n\nInstitute of Oceanography, University of Lisbon, Lisbon, Portugal\n"
                           "Faculty of Sciences, University of Bergen, Bergen, Norway\n"
                           "4\n")
    links = _links(front)
    assert links["Reis"] == ["Marine Station of the Coast, Aveiro, Portugal"]
    assert links["Melo"] == ["Faculty of Sciences, University of Bergen, Bergen, Norway"]


def test_two_labels_then_their_affiliations() -> None:
    front = _PDF_BYLINE + ("1\n\nDepartment of Biology, University of Porto, Porto, Portugal\n\n"
                           "2\n3\n\nMarine Station of the Coast, Aveiro, Portugal\n"
                           "Institute of Oceanography, University of Lisbon, Lisbon, Portugal\n\n"
                           "4\n\nFaculty of Sciences, University of Bergen, Bergen, Norway\n")
    links = _links(front)
    assert links["Reis"] == ["Marine Station of the Coast, Aveiro, Portugal"]
    assert links["Costa"][1] == "Institute of Oceanography, University of Lisbon, Lisbon, Portugal"


def test_page_number_is_not_an_affiliation_label() -> None:
    # a lone number that no affiliation follows stays a page number, not a label or note
    front = _PDF_BYLINE + "1\nDepartment of Biology, University of Porto, Porto, Portugal\n"
    text = _article(front) + "\n7\n\nMore body.\n"
    res = convert(text)
    assert "7" not in [a.label for a in res.article.affiliations]
    assert any(e.kind == "noise-line" and e.original == "7" for e in res.report.entries)


@pytest.mark.parametrize("sep", ["", "\n"])
def test_roman_labels_and_wrapped_places(sep: str) -> None:
    front = ("Brote de faringitis en una escuela de Barcelona\n"
             "Dante R CulquiI,*, Sandra LayaII, Joan A CaylaII,III\n"
             "I Centro Nacional de Epidemiología. Instituto de Salud Carlos III. Madrid, España\n"
             "II Servicio de Epidemiología. Agencia de Salud Pública de Barcelona. Barcelona, España\n"
             "III Laboratorio de Arbovirus y Enfermedades Víricas Importadas. Centro Nacional de Microbiología. "
             f"Instituto de Salud\n{sep}Carlos III. Majadahoda, Madrid, España\n")
    links = _links(front)
    assert links["Laya"] == ["Servicio de Epidemiología. Agencia de Salud Pública de Barcelona. Barcelona, España"]
    if not sep:  # a blank line ends the affiliation: the rest is then not read as part of it
        assert links["Cayla"][1].endswith("Carlos III. Majadahoda, Madrid, España")


def test_single_author_wrapped_affiliation() -> None:
    front = ("Neglected Diseases of Poverty in the Rich World: A Review\n"
             "Peter J. Hotman1,*\n"
             "Sabin Vaccine Institute and Department of Tropical Medicine, Capital University Medical Center,\n"
             "Washington, D. C., United States of America\n")
    art = convert(_article(front)).article
    assert len(art.affiliations) == 1
    assert art.affiliations[0].text.endswith("Medical Center, Washington, D. C., United States of America")
    assert art.contributors[0].aff_ids == [art.affiliations[0].id]


def test_byline_ending_in_a_group_name() -> None:
    front = ("Genetic Testing for a Gene Associated with Disease in Goats\n"
             "Ana Lima1,*, Bruno Reis2, Carla Costa1, Dario Melo2, Elena Pinto1, the International Goat Genomics\n"
             "Consortium\n"
             "1 Department of Biology, University of Porto, Porto, Portugal\n"
             "2 Faculty of Sciences, University of Lisbon, Lisbon, Portugal\n")
    art = convert(_article(front)).article
    assert art.contributors[-1].collab == "the International Goat Genomics Consortium"
    assert [a.text for a in art.affiliations] == ["Department of Biology, University of Porto, Porto, Portugal",
                                                 "Faculty of Sciences, University of Lisbon, Lisbon, Portugal"]
