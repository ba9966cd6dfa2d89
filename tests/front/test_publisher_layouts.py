"""Other publishers' ways of printing the same front-matter facts (Elsevier, Springer/BMC, MDPI, Frontiers,
Hindawi, Oxford, Taylor & Francis, nature.com): running heads, first-page feet and citation lines. Synthetic
lines in each house's shape (no real article); the corpus is PLOS and SciELO only, so these keep the readers
from knowing just those two houses."""

from __future__ import annotations

import pytest

from journalkit import convert
from journalkit.readers.authors import looks_like_person
from journalkit.readers.citation import match_issue_line, parse_citation


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Cancer Letters 475 (2020) 45–56",
         {"journal": "Cancer Letters", "volume": "475", "year": "2020", "pages": "45–56"}),
        ("Science of the Total Environment 700 (2020) 134567",
         {"journal": "Science of the Total Environment", "volume": "700", "year": "2020", "pages": "134567"}),
        ("Journal of Molecular Medicine (2020) 98:1121–1134",
         {"journal": "Journal of Molecular Medicine", "year": "2020", "volume": "98", "pages": "1121–1134"}),
        ("Li et al. BMC Cancer (2020) 20:418",
         {"journal": "BMC Cancer", "year": "2020", "volume": "20", "eloc": "418"}),
        ("Cells 2020, 9, 1267; doi:10.3390/cells9051267",
         {"journal": "Cells", "year": "2020", "volume": "9", "eloc": "1267"}),
        ("Cells 2020, 9, 1267 2 of 15", {"journal": "Cells", "year": "2020", "volume": "9", "eloc": "1267"}),
        ("Frontiers in Immunology | www.frontiersin.org 1 May 2020 | Volume 11 | Article 891",
         {"journal": "Frontiers in Immunology", "date": "1 May 2020", "volume": "11", "eloc": "891"}),
        ("Volume 2020, Article ID 8765432, 12 pages", {"volume": "2020", "eloc": "8765432"}),
        ("Nucleic Acids Research, 2020, Vol. 48, No. 12 6543–6556",
         {"journal": "Nucleic Acids Research", "year": "2020", "volume": "48", "issue": "12", "pages": "6543–6556"}),
        ("2021, VOL. 14, 1893210", {"year": "2021", "volume": "14", "eloc": "1893210"}),
        ("2019, VOL. 21, NO. 3, 245–260", {"year": "2019", "volume": "21", "issue": "3", "pages": "245–260"}),
        ("Scientific Reports volume 10, Article number: 7985 (2020)",
         {"journal": "Scientific Reports", "volume": "10", "eloc": "7985", "year": "2020"}),
    ],
)
def test_publisher_issue_lines(line: str, expected: dict[str, str]) -> None:
    facts = match_issue_line(line)
    assert facts is not None
    assert {k: v[0] for k, v in facts.values.items()} == expected


@pytest.mark.parametrize("line", [
    "Figure 3 (2020) 12",  # a figure's number and a year: no journal name before them
    "Table 2 2020, 9, 1267",
    "In 2020, 9, 1267",
    "Between 2010 (n = 45) and 2015",
    "The cohort grew from 2010 (45) to 2015 (60)",
])
def test_body_lines_are_no_issue_lines(line: str) -> None:
    assert match_issue_line(line) is None


def test_frontiers_citation() -> None:
    facts = parse_citation("Citation: Gonzalez M, Lindqvist P and Chen W (2020) Regulatory T Cells in Lupus. "
                           "Front. Immunol. 11:891. doi: 10.3389/fimmu.2020.00891")
    assert facts is not None
    assert {k: v[0] for k, v in facts.values.items()} == {
        "journal": "Front. Immunol", "volume": "11", "eloc": "891", "year": "2020"}


def test_taylor_and_francis_citation() -> None:
    facts = parse_citation("To cite this article: Grace Banda, John Phiri & Mary Tembo (2021) Measles "
                           "immunization, community trust and outreach, Global Health Action, 14:1, 1893210, "
                           "DOI: 10.1080/16549716.2021.1893210")
    assert facts is not None
    assert {k: v[0] for k, v in facts.values.items()} == {
        "journal": "Global Health Action", "volume": "14", "issue": "1", "eloc": "1893210", "year": "2021"}


_ELSEVIER = """Coastal Letters 475 (2020) 45–56

Contents lists available at ScienceDirect

Coastal Letters
journal homepage: www.example.com/locate/coast

Lactate shuttling through sediment microbes in temperate estuaries
Wei Chen a,b, Laura M. Fischer c, Daniel O'Brien a,\u2217
a
Department of Oceanography, Fudan University, Shanghai 200032, China
b
Shanghai Key Laboratory of Estuaries, Shanghai 200032, China
c
Institute of Geology, University of Heidelberg, 69120 Heidelberg, Germany

a r t i c l e  i n f o

a b s t r a c t

Estuarine sediments hold microbes that export lactate. We show how they do it and why it matters.

1. Introduction
Estuaries are among the most productive places on earth and their sediments are rich in microbes [1].
"""


def test_elsevier_first_page() -> None:
    """Letters set apart from the names ('Wei Chen a,b'), labels on lines of their own, the star printed as
    '∗', the head line's journal, volume, year and pages, a lower-case letter-spaced 'a b s t r a c t'."""
    res = convert(_ELSEVIER)
    art = res.article
    assert [(c.given_names, c.surname) for c in art.contributors] == [
        ("Wei", "Chen"), ("Laura M.", "Fischer"), ("Daniel", "O'Brien")]
    aff = {a.id: a for a in art.affiliations}
    assert len(aff) == 3
    assert [len(c.aff_ids) for c in art.contributors] == [2, 1, 1]
    assert [c.corresponding for c in art.contributors] == [False, False, True]
    assert (art.journal.title, art.volume, art.pub_date and art.pub_date.year, art.fpage, art.lpage) == (
        "Coastal Letters", "475", "2020", "45", "56")
    assert art.abstract is not None and "export lactate" in art.abstract.paragraphs[0].text
    assert any(e.kind == "asterisk" for e in res.report.entries)


def test_name_syllables_that_are_stop_words() -> None:
    """'Na' and 'An' are Chinese name syllables as well as stop words; one of them lost the whole byline."""
    assert looks_like_person("Li Na Zhou") and looks_like_person("Na Li") and looks_like_person("Jing An")
    assert not looks_like_person("In Vivo") and not looks_like_person("An Introduction")
    text = ("Mitochondrial Dynamics in Diabetic Cardiomyopathy: From Mechanisms to Targets\n"
            "Wen-Jie Huang 1, Li Na Zhou 1,2 and Feng Guo 3\n"
            "1Department of Cardiology, Zhengzhou University, Zhengzhou 450052, China\n"
            "2Henan Key Laboratory of Cardiovascular Diseases, Zhengzhou 450052, China\n"
            "3Department of Endocrinology, Tongji Hospital, Wuhan 430030, China\n\n"
            "Abstract\n\nDiabetic cardiomyopathy is a disease of the heart muscle in diabetes.\n\n"
            "1. Introduction\n\nDiabetes affects more than 460 million adults worldwide and harms the heart.\n")
    art = convert(text).article
    assert [c.surname for c in art.contributors] == ["Huang", "Zhou", "Guo"]
    assert [c.given_names for c in art.contributors][1] == "Li Na"


def test_byline_broken_by_orcid_icons() -> None:
    """An ORCID icon ends pdftotext's line: the marker stands alone and the list goes on at 'and ...'."""
    text = ("ORIGINAL ARTICLE\n\nCommunity health worker home visits and childhood immunization in rural areas\n"
            "Grace Banda a, Lars Eriksen\n\nb\n\nand Thandiwe Phiri\n\na\n\n"
            "a\n\nDepartment of Community Health, University of Health Sciences, Blantyre, Malawi\n"
            "b\n\nDepartment of Global Public Health, Karolinska Institutet, Stockholm, Sweden\n\n"
            "ABSTRACT\n\nMany children in rural areas do not complete the immunization schedule.\n\n"
            "1. Introduction\n\nImmunization saves millions of lives every year across the world.\n")
    art = convert(text).article
    assert [c.surname for c in art.contributors] == ["Banda", "Eriksen", "Phiri"]
    by_id = {a.id: a for a in art.affiliations}
    assert ["Karolinska" in by_id[c.aff_ids[0]].text for c in art.contributors] == [False, True, False]


_FOOT_PAGES = """Coastal Letters 475 (2020) 45–56

Lactate shuttling through sediment microbes in temperate estuaries
Wei Chen a, Daniel O'Brien b,\u204e
a Department of Oceanography, Fudan University, Shanghai 200032, China
b Institute of Geology, University of Heidelberg, 69120 Heidelberg, Germany

A R T I C L E I N F O

A B S T R A C T

Keywords:
Lactate
Estuarine sediment

Estuarine sediments hold microbes that export lactate. We show how they do it and why it matters.

1. Introduction
Estuaries are among the most productive places on earth and their sediments are rich in microbes [1].
Many of these microbes ferment organic matter and release lactate into the pore water of the sediment.

\u204e
Corresponding author at: Institute of Geology, University of Heidelberg, 69120 Heidelberg, Germany.
E-mail address: d.obrien@example.org (D. O'Brien).
https://doi.org/10.1016/j.coast.2019.12.014
Received 12 October 2019; Received in revised form 2 December 2019; Accepted 9 December 2019
0304-3835/ © 2019 Elsevier B.V. All rights reserved.
\fW. Chen, et al.

Coastal Letters 475 (2020) 45–56

The lactate then feeds other microbes in the sediment, which turn it into carbon dioxide and methane.

References
[1] F. Bray, J. Ferlay, Global coastal statistics, Coast. Lett. 68 (2018) 394–424.
"""


def test_first_page_foot_after_the_first_column() -> None:
    """pdftotext prints a two-column first page's foot after the body's first column: its correspondence
    note, DOI, history dates and copyright are the article's, and the body text around it stays body."""
    res = convert(_FOOT_PAGES)
    art = res.article
    assert art.doi == "10.1016/j.coast.2019.12.014"
    assert {d.date_type: (d.year, d.month, d.day) for d in art.history}["accepted"] == ("2019", 12, 9)
    assert art.contributors[1].corresponding and art.contributors[1].email == "d.obrien@example.org"
    assert "All rights reserved" in res.jats.decode()  # no licence to hold it: kept as a note, not lost
    assert art.keywords == ["Lactate", "Estuarine sediment"]
    assert art.abstract is not None and "export lactate" in art.abstract.paragraphs[0].text
    body = " ".join(p.text for sec in art.body for p in sec.paragraphs)
    assert "pore water" in body and "carbon dioxide" in body and "Corresponding author" not in body
    assert any(e.kind == "first-page-foot" for e in res.report.entries)


_SPRINGER = """Journal of Coastal Medicine (2020) 98:1121–1134
https://doi.org/10.1007/s00109-020-01934-6

ORIGINAL ARTICLE

Hepatic FGF21 deficiency aggravates diet-induced steatohepatitis in coastal mice
Kenji Tanaka 1 & Sofia Almeida 2 & Mark Peterson 1,3
Received: 4 February 2020 / Revised: 17 May 2020 / Accepted: 2 June 2020 / Published online: 20 June 2020

Abstract
Fibroblast growth factor 21 is a hepatokine that improves insulin sensitivity in mice and in people alike.

Keywords NASH . FGF21 . Autophagy . Hepatokine

Introduction
Nonalcoholic steatohepatitis affects up to 5% of adults and can progress to cirrhosis [1, 2].
It is the liver's answer to too much fat, and it is common in people with diabetes and obesity.

* Mark Peterson
mark.peterson@example.org
1

Department of Internal Medicine II, University Hospital, LMU Munich, 81377 Munich, Germany

2

Instituto de Medicina Molecular, Universidade de Lisboa, 1649-028 Lisbon, Portugal

3

German Center for Diabetes Research (DZD), Neuherberg, Germany
\fJ Coast Med (2020) 98:1121–1134

Mice were fed a high-fat diet for sixteen weeks before their livers were studied in detail.

References
1. Younossi Z, Anstee QM, Marietti M (2018) Global burden of NAFLD. Nat Rev Gastroenterol 15:11–20
"""


def test_springer_first_page() -> None:
    """' / ' between history dates, 'Keywords' with no colon before a ' . ' list, and affiliations whose labels
    stand on lines of their own in the first page's foot."""
    art = convert(_SPRINGER).article
    dates = {d.date_type: (d.year, d.month, d.day) for d in art.history}
    assert dates["received"] == ("2020", 2, 4) and dates["rev-recd"] == ("2020", 5, 17)
    assert dates["accepted"] == ("2020", 6, 2)
    assert art.keywords == ["NASH", "FGF21", "Autophagy", "Hepatokine"]
    assert (art.journal.title, art.volume, art.fpage, art.lpage) == (
        "Journal of Coastal Medicine", "98", "1121", "1134")
    assert len(art.affiliations) == 3
    by_id = {a.id: a.text for a in art.affiliations}
    assert ["Lisboa" in by_id[c.aff_ids[0]] for c in art.contributors] == [False, True, False]
    assert len(art.contributors[2].aff_ids) == 2


def _two_pages(page1_end: str, page2: str = "The districts lie far from the capital and have few clinics.\n",
               abstract: str = "Measles returned to several districts. We describe how they were traced.") -> str:
    return ("Contact tracing and measles outbreaks in rural districts\n\n"
            "Anna Berg 1, Tomas Lind 2\n\n"
            "1 Department of Biology, Lund University, Lund, Sweden\n"
            "2 Department of Geology, Uppsala University, Uppsala, Sweden\n\n"
            f"Abstract\n\n{abstract}\n\n"
            "Introduction\n\nMeasles is one of the most contagious diseases of people and outbreaks still occur.\n\n"
            f"{page1_end}\n\f{page2}")


@pytest.mark.parametrize("paragraph", [
    "Correspondence between the clinics and the districts was kept by letter every week of the year.",
    "Copyright law did not restrict the sharing of the outbreak data between the two agencies at all.",
    "Contact tracing began within two days of each case being reported to the district office staff.",
    "Received doses in 2019 were counted from the registers kept at each of the district clinics.",
    "* P < 0.05 compared with the control districts in the same year of the study period.",
])
def test_first_page_paragraphs_are_no_foot(paragraph: str) -> None:
    """A body paragraph ending the first page that merely opens with a foot word stays in the body (a table
    note, as a body footnote)."""
    res = convert(_two_pages(paragraph))
    art = res.article
    body = " ".join([p.text for sec in art.body for p in sec.paragraphs] + [str(f) for f in art.footnotes])
    assert paragraph[2:40] in body
    assert not any(e.kind == "first-page-foot" for e in res.report.entries)


def test_first_page_foot_never_runs_into_the_abstract() -> None:
    res = convert(_two_pages("https://doi.org/10.1016/j.coast.2019.12.014\n\n"
                             "© 2020 Elsevier Ltd. All rights reserved."))
    art = res.article
    assert art.abstract is not None and len(art.abstract.paragraphs) == 1
    assert art.doi == "10.1016/j.coast.2019.12.014"


def test_body_lines_in_a_head_shape_do_not_beat_the_labelled_citation() -> None:
    text = _two_pages("Surveys of the sites were run in 2017, 2018, 2019",
                      abstract="Measles returned to several districts.\n\n"
                               "Citation: Berg A, Lind T (2021) Contact tracing. Estuar Coast Sci 12(3): 45-56.")
    art = convert(text).article
    assert (art.volume, art.pub_date and art.pub_date.year, art.fpage) == ("12", "2021", "45")


def test_page_number_over_the_next_page_is_no_affiliation_label() -> None:
    res = convert(_two_pages("1", "Ministry of Health guidelines recommend that contacts are vaccinated.\n"))
    body = [p.text for sec in res.article.body for p in sec.paragraphs]
    assert any(t.startswith("Ministry of Health") for t in body)


def test_a_sentence_on_keywords_is_no_keyword_list() -> None:
    text = _two_pages("The end of the page.", abstract="Keywords searched were depression; anxiety; stress; and "
                      "burnout, combined with nursing students.")
    assert convert(text).article.keywords == []


_FRONTIERS = """BRIEF RESEARCH REPORT
published: 3 June 2021
doi: 10.3389/fmicb.2021.654321

Edited by:
Hanna Virtanen,
University of Turku, Finland
Reviewed by:
Tomasz Nowak,
Jagiellonian University, Poland
Aiko Tanaka,
Hokkaido University, Japan
*Correspondence:
Rafael Ortega
rafael.ortega@uv.es
Specialty section:
This article was submitted to
Food Microbiology,
a section of the journal
Frontiers in Microbiology
Received: 19 January 2021
Accepted: 30 April 2021
Published: 3 June 2021
Citation:
Ortega R, Lund K and Mwangi JW
(2021) IL6 Signalling in Cheese
Rind Fungi. Front. Microbiol.
12:654321.
doi: 10.3389/fmicb.2021.654321

IL6 Signalling in Cheese
Rind Fungi
Rafael Ortega 1*, Karin Lund 2 and Joseph W. Mwangi 1,3
1

Department of Microbiology, University of Valencia, Valencia, Spain, 2 Department of Food Science, University of
Copenhagen, Copenhagen, Denmark, 3 Department of Biochemistry, University of Nairobi, Nairobi, Kenya

Cheese rinds host fungi whose growth depends on the ripening room. We followed eleven rinds for a year.
Keywords: cheese, rind, fungi, ripening

INTRODUCTION
Cheese rinds are small ecosystems that cheese makers have tended for centuries (1).

Frontiers in Microbiology | www.frontiersin.org

1

June 2021 | Volume 12 | Article 654321
Ortega et al.

IL6 in Cheese Rind Fungi

Rind fungi differ between ripening rooms of the same dairy.

REFERENCES
1. Wolfe BE, Button JE, Santarelli M, Dutton RJ. Cheese rind communities provide tractable systems for in situ
and in vitro studies of microbial diversity. Cell. (2014) 158:422–33.
"""


def test_frontiers_sidebar_before_the_title() -> None:
    """pdftotext may print Frontiers' sidebar (editor, reviewers, correspondence, specialty section, citation)
    before the title: its names are no byline, the editor and the reviewers are contributors of their own
    types, and the affiliations printed as one paragraph are cut at their labels."""
    art = convert(_FRONTIERS).article
    assert art.title == "IL6 Signalling in Cheese Rind Fungi"
    assert [(c.given_names, c.surname) for c in art.contributors] == [
        ("Rafael", "Ortega"), ("Karin", "Lund"), ("Joseph W.", "Mwangi")]
    assert [(c.contrib_type, c.surname) for c in art.editors] == [
        ("editor", "Virtanen"), ("reviewer", "Nowak"), ("reviewer", "Tanaka")]
    assert [a.own_affiliations[0].text for a in art.editors][1] == "Jagiellonian University, Poland"
    assert [a.text for a in art.affiliations] == [
        "Department of Microbiology, University of Valencia, Valencia, Spain",
        "Department of Food Science, University of Copenhagen, Copenhagen, Denmark",
        "Department of Biochemistry, University of Nairobi, Nairobi, Kenya"]
    assert [len(c.aff_ids) for c in art.contributors] == [1, 1, 2]
    assert (art.volume, art.elocation_id) == ("12", "654321")


def test_title_line_with_a_gene_symbol_is_no_byline() -> None:
    """'CD39 Marks Exhausted' parses as a name with the marker 39 (the Frontiers probe took it for the byline
    when a date line stood free above it); a marker ends a name, so a number inside the words is a symbol."""
    from journalkit.readers.front import _person_items

    assert _person_items("CD39 Marks Exhausted") is None
    assert _person_items("IL6 Drives Fever") is None
    items = _person_items("Maria Gonzalez 1 , Peter Lindqvist 1,2* and Chinedu N. Okafor 3")
    assert items is not None and [it.name for it in items] == ["Maria Gonzalez", "Peter Lindqvist", "Chinedu N. Okafor"]
    assert _person_items("Xuan Zhang1, Jin Wang1,2") is not None


@pytest.mark.parametrize("paragraph", [
    "Department of Biology, University of York, York YO10 5DD, UK and 2 Wellcome Trust Centre for Cell\n"
    "Biology, University of Edinburgh, Edinburgh EH9 3BF, UK",
    "Department of Biology, University of York, York YO10 5DD, UK; 2Wellcome Trust Centre for Cell\n"
    "Biology, University of Edinburgh, Edinburgh EH9 3BF, UK",
])
def test_run_in_affiliations_are_cut_at_their_labels(paragraph: str) -> None:
    text = ("A helicase couples R-loop resolution to termination\n"
            "Anna Berg1,2 and Tomas Lind 1,*\n\n1\n\n" + paragraph + "\n\n"
            "ABSTRACT\nR-loops threaten the genome when they persist behind the polymerase.\n\n"
            "INTRODUCTION\nR-loops form during transcription in all cells that have been studied so far.\n")
    art = convert(text).article
    assert [a.text.split(",")[0] for a in art.affiliations] == [
        "Department of Biology", "Wellcome Trust Centre for Cell Biology"]
    assert [len(c.aff_ids) for c in art.contributors] == [2, 1]


_BMC = """Okoye et al. BMC Infectious Diseases
(2021) 21:733
https://doi.org/10.1186/s12879-021-06401-2

RESEARCH ARTICLE

Open Access

Malaria in pregnancy and birth weight in
two districts of southern Nigeria
Chiamaka Okoye1*, Emeka Nwosu2 and Ifeoma Eze1

Abstract
Background: Malaria in pregnancy lowers birth weight. We measured how much in two districts.
Conclusions: Intermittent treatment should reach more women.
Keywords: Malaria, Pregnancy, Birth weight

Background
Malaria in pregnancy remains common in southern Nigeria, where most women give birth at home [1].

* Correspondence: c.okoye@unn.edu.ng
1
Department of Community Medicine, University of Nigeria, Enugu, Nigeria
Full list of author information is available at the end of the article

© The Author(s). 2021 Open Access This article is licensed under a Creative Commons Attribution 4.0
International License, which permits use, sharing, adaptation, distribution and reproduction in any medium or
format, as long as you give appropriate credit to the original author(s) and the source, and indicate if
changes were made. To view a copy of this licence, visit http://creativecommons.org/licenses/by/4.0/.
\fOkoye et al. BMC Infectious Diseases

(2021) 21:733

Page 2 of 4

Birth weight was recorded by trained midwives in both districts over the study year.
\fOkoye et al. BMC Infectious Diseases

(2021) 21:733

Page 3 of 4

Women who slept under treated nets had heavier babies in both districts.

Conclusions
Intermittent preventive treatment should reach more pregnant women in both districts.

Author details
1
Department of Community Medicine, University of Nigeria, Enugu, Nigeria. 2Department of Obstetrics,
University of Port Harcourt, Port Harcourt, Nigeria.
Received: 3 March 2021 Accepted: 19 July 2021

References
1. Dellicour S, Tatem AJ, Guerra CA, Snow RW, ter Kuile FO. Quantifying the number of pregnancies at risk of
malaria in 2007: a demographic study. PLoS Med. 2010;7(1):e1000221.
"""


def test_bmc_head_licence_and_closing_dates() -> None:
    """BMC: the head in two lines ('Okoye et al. BMC Infectious Diseases' / '(2021) 21:733'); a licence whose
    last line holds its link; 'Open Access' after the copyright opens the licence; the history dates printed
    at the article's end, before the references."""
    art = convert(_BMC).article
    assert (art.journal.title, art.volume, art.elocation_id) == ("BMC Infectious Diseases", "21", "733")
    assert art.pub_date is not None and art.pub_date.year == "2021"
    lic = art.license
    assert lic is not None and lic.url == "http://creativecommons.org/licenses/by/4.0/"
    assert lic.text.startswith("Open Access This article is licensed") and lic.text.endswith("by/4.0/.")
    assert (lic.copyright_statement, lic.copyright_year, lic.copyright_holder) == (
        "© The Author(s). 2021", "2021", "The Author(s)")
    assert [(h.date_type, h.year, h.month, h.day) for h in art.history] == [
        ("received", "2021", 3, 3), ("accepted", "2021", 7, 19)]
    body = " ".join(p.text for sec in art.body for p in sec.paragraphs)
    assert "Received:" not in body


def test_bmc_author_details_give_the_full_affiliation_list() -> None:
    """The first page's foot holds only the corresponding author's affiliation ('Full list of author
    information is available at the end of the article'); the list under 'Author details' gives the rest,
    its first label lost and the others run in ('... Nigeria. 2Department of ...')."""
    art = convert(_BMC).article
    assert [(a.label, a.text) for a in art.affiliations] == [
        ("1", "Department of Community Medicine, University of Nigeria, Enugu, Nigeria"),
        ("2", "Department of Obstetrics, University of Port Harcourt, Port Harcourt, Nigeria")]
    assert [c.aff_ids for c in art.contributors] == [["aff1"], ["aff2"], ["aff1"]]
    assert "Author details" not in [s.title for sec in art.body for s in [sec, *sec.sections]]


_MDPI = """plants
Article

Drought Memory in Barley Roots Depends on
Histone Acetylation
Jana Novák 1,2 , Tobias Schäfer 1, * and Lucía Ortega 3
1

2
3

*

Institute of Plant Biology, Charles University, Viničná 5, 128 00 Prague, Czech Republic;
jana.novak@natur.cuni.cz
Department of Botany, University of Vienna, Rennweg 14, 1030 Vienna, Austria
Department of Plant Physiology, University of Seville, Av. Reina Mercedes 6, 41012 Seville, Spain;
lortega@us.es
Correspondence: tobias.schaefer@natur.cuni.cz; Tel.: +420-221-951-111

Received: 2 March 2021; Accepted: 30 March 2021; Published: 4 April 2021

Abstract: Plants that survived one drought cope better with the next. Here, we show that barley roots keep
this memory through histone acetylation.
Keywords: drought; barley; histone acetylation; memory

1. Introduction
Drought lowers the yield of barley in most of the regions where it is grown [1].
"""


def test_mdpi_affiliations_with_their_authors_emails() -> None:
    """MDPI prints the labels in a column of their own and closes an affiliation with an author's e-mail
    ('..., Czech Republic;' / 'jana.novak@...'): the list goes on under the e-mail, and the e-mail goes to the
    one author of that affiliation whose surname it spells ('Schäfer' as 'schaefer'), who is not made
    corresponding by it."""
    art = convert(_MDPI).article
    assert [a.text.split(",")[0] for a in art.affiliations] == [
        "Institute of Plant Biology", "Department of Botany", "Department of Plant Physiology"]
    assert [c.aff_ids for c in art.contributors] == [["aff1", "aff2"], ["aff1"], ["aff3"]]
    assert [c.email for c in art.contributors] == [
        "jana.novak@natur.cuni.cz", "tobias.schaefer@natur.cuni.cz", "lortega@us.es"]
    assert [c.corresponding for c in art.contributors] == [False, True, False]


def test_taylor_and_francis_sidebar_keywords_and_editor() -> None:
    """Taylor & Francis' sidebar: 'KEYWORDS' alone over a ';' list wrapped in a narrow column is one list,
    not a keyword a line; 'RESPONSIBLE EDITOR' alone over the editor's name and affiliation names an editor."""
    text = ("Home visits and immunization in rural Malawi\n"
            "Grace Banda and Lars Eriksen\n"
            "Department of Community Health, Kamuzu University of Health Sciences, Blantyre, Malawi\n\n"
            "ABSTRACT\nMany children in rural Malawi do not complete the immunization schedule.\n\n"
            "RESPONSIBLE EDITOR\nMaria Nilsson, Umeå\nUniversity, Sweden\n"
            "KEYWORDS\nImmunization; community\nhealth workers; Malawi;\ncluster-randomized trial\n\n"
            "Background\nVaccination prevents an estimated 2–3 million child deaths each year in the world.\n")
    art = convert(text).article
    assert art.keywords == ["Immunization", "community health workers", "Malawi", "cluster-randomized trial"]
    assert [(e.contrib_type, e.given_names, e.surname, e.role) for e in art.editors] == [
        ("editor", "Maria", "Nilsson", "RESPONSIBLE EDITOR")]
    assert art.editors[0].own_affiliations[0].text == "Umeå University, Sweden"
