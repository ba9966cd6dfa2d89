"""Other publishers' ways of printing the same front-matter facts (Elsevier, Springer/BMC, MDPI, Frontiers,
Hindawi, Oxford, Taylor & Francis, nature.com): running heads, first-page feet and citation lines. Synthetic
lines in each house's shape (no real article); the corpus is PLOS and SciELO only, so these keep the readers
from knowing just those two houses."""

from __future__ import annotations

import pytest

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
