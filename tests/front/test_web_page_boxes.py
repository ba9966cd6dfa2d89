"""Journal web pages and short notices: site navigation over the citation line, a citation printed with no
journal, the licence under 'Rights and permissions' after the references, an OJS facts box under the
abstract, and a notice whose only section is numbered. Synthetic texts in the shapes the text browsers and
pdftotext print; the facts each test checks are the ones an editor would take from the page."""

from __future__ import annotations

from journalkit import convert
from journalkit.readers.citation import parse_citation

_PMC_PAGE = """Skip to main content Home Journals Current issue
J Test Biol. 2018 Jan 22; 16(1): e2002399.
Published online January 22, 2018. doi:10.5555/jtb.2002399
Journal of Test Biology
Research Article
Soil Fungi Shape the Roots of Alpine Grasses
Ann Smith^1, Bob Jones^2
1 Department of Botany, University of Bern, Bern, Switzerland
2 Institute of Ecology, University of Graz, Graz, Austria
Abstract
Alpine grasses grow in poor soils. We show that soil fungi change how their roots branch and how deep they reach.
Introduction
Roots of alpine plants meet cold soils with few nutrients, and many plants there live with fungi [1].
References
1. Brown A (2001) Fungi in the Alps. Alp Bot 3: 1-10.
"""


def test_navigation_line_is_not_part_of_the_journal() -> None:
    """'Skip to main content ...' over a PMC citation line is site navigation, not the start of the journal's
    abbreviation (no sentence of its own ends in it, so the citation did not wrap from it)."""
    art = convert(_PMC_PAGE).article
    assert art.journal.abbrev_title == "J Test Biol"
    assert (art.volume, art.issue, art.elocation_id) == ("16", "1", "e2002399")


def test_citation_with_an_empty_journal_names_none() -> None:
    """'Title. . 2012; 9(8):e1001300': the page printed no journal; the title's last sentence is not one."""
    facts = parse_citation("Citation Ahuja SD, Ashkin D, et al.. Treatment Regimens and Outcomes: An Individual "
                           "Patient Data Meta-analysis of 9,153 Patients. . 2012; 9(8):e1001300. doi:10.5555/x")
    assert facts is not None and "journal" not in facts.values
    assert facts.values["year"][0] == "2012" and facts.values["volume"][0] == "9"
    # a journal abbreviation that ends in a full stop before the year's is still read ('Ciênc.. 2023')
    facts = parse_citation("An. Acad. Bras. Ciênc.. 2023 Dec 8; 95(suppl 3): e20231270.")
    assert facts is not None and facts.values["journal"][0] == "An. Acad. Bras. Ciênc"


_NATURE_STYLE_PAGE = """Skip to main content Home Journals Current issue
Research Article | Open access | Published: 9 September 2014
Soil Fungi Shape the Roots of Alpine Grasses
Ann Smith & Bob Jones
Abstract
Alpine grasses grow in poor soils. We show that soil fungi change how their roots branch and how deep they reach.
Introduction
Roots of alpine plants meet cold soils with few nutrients, and many plants there live with fungi [1].
References
Brown A (2001) Fungi in the Alps. Alp Bot 3: 1-10.
Author information
Authors and Affiliations
Rights and permissions
This is an open-access article distributed under the terms of the Creative Commons Attribution License, which \
permits unrestricted use, distribution, and reproduction in any medium, provided the original work is properly cited.
About this article
"""


def test_licence_under_rights_and_permissions_after_the_references() -> None:
    """A web page prints the licence in its 'Rights and permissions' box after the references: it is the
    article's licence, not a leftover note."""
    art = convert(_NATURE_STYLE_PAGE).article
    assert art.license is not None
    assert art.license.text.startswith("This is an open-access article distributed under the terms")
    notes = " ".join(p.text for sec in art.notes for p in sec.paragraphs)
    assert "open-access article" not in notes


_OJS_PAGE = """Skip to main content Home Journals Current issue
Home / Archives / Vol. 2 No. 6 (2005) / Research Paper
Soil Fungi Shape the Roots of Alpine Grasses
Ann Smith
Department of Botany, University of Bern, Bern, Switzerland
Bob Jones *
Institute of Ecology, University of Graz, Graz, Austria
* E-mail: bob.jones@example.org
DOI: https://doi.org/10.5555/jtb.0020171
Abstract
Background
Alpine grasses grow in poor soils, and little is known about what helps them through the short summers.
Methods and Findings
We grew 400 grasses in pots with and without soil fungi and measured how their roots branched over two years.
Conclusion
Soil fungi change how the roots of alpine grasses branch and how deep they reach into the soil.
Published
2005-06-28
Issue
Vol. 2 No. 6 (2005): Journal of Test Biology
Pages e171
Section
Research Article
License
This is an open-access article distributed under the terms of the Creative Commons Attribution License, which \
permits unrestricted use, distribution, and reproduction in any medium, provided the original work is properly cited.
How to Cite
Smith A, Jones B Soil Fungi Shape the Roots of Alpine Grasses. J Test Biol. 2005;2(6):e171.
Full Text
Plain Language Summary
Background
Grasses high in the mountains live with fungi in the soil, and this study asks what the fungi do for the roots.
Results
The roots of grasses grown with fungi branched twice as often as those of grasses grown without them, and they \
reached deeper into the soil in both years of the study, whatever the soil they were grown in.
References
1. Brown A (2001) Fungi in the Alps. Alp Bot 3: 1-10.
"""


def test_facts_box_under_the_abstract_is_front_matter() -> None:
    """The OJS box of facts ('Published' / date, 'Issue', 'Pages', 'License' / licence, 'How to Cite') under
    a structured abstract belongs to the front matter: its values are read, and its labels do not become
    the body's first sections."""
    art = convert(_OJS_PAGE).article
    assert art.license is not None and "Creative Commons Attribution License" in art.license.text
    assert art.pub_date is not None and (art.pub_date.year, art.pub_date.month, art.pub_date.day) == (
        "2005", 6, 28)
    titles = [sec.title for sec in art.body]
    assert "Published" not in titles and "How to Cite" not in titles
    body = " ".join(p.text for sec in art.body for p in sec.paragraphs)
    assert "Creative Commons" not in body
    assert "branched twice as often" in body


_ERRATUM = """Rev. Test. · doi:10.5555/rt.2014.366

Revista de Testes | ISSN 0034-8910

Errata

Errata
Citação: . Errata. Revista de Testes. 2014; 48(2):366. doi:10.5555/rt.2014.366
Publicado: abril de 2014

1. AUTORIA
Inclusão de dois autores | Addition of two authors
Maria Amélia Zanon Ponce
Tiemi Arakawa
"""


def test_numbered_first_section_of_a_notice_is_body() -> None:
    """A notice with no abstract whose text is one numbered section ('1. AUTORIA'): the section is the body,
    and the names inside it are the erratum's text, not the notice's authors; the title is the second
    'Errata' under the type label."""
    art = convert(_ERRATUM).article
    assert art.contributors == []
    assert [sec.title for sec in art.body] == ["AUTORIA"]
    assert "Tiemi Arakawa" in art.body[0].paragraphs[0].text
    assert art.title == "Errata"
