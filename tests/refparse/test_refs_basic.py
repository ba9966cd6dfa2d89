"""The rule-based fallback parser (``refs-basic``): identifiers, the year and a publication type.

JATS4R makes ``@publication-type`` mandatory on every citation, so the fallback must give one too; it
claims only what its patterns show (a volume-and-pages shape is a journal article) and never a type whose
JATS4R rules need elements it does not tag (preprint, data).
"""

from __future__ import annotations

from journalkit_plugins.refs_basic import parse

from journalkit.model import Reference


def _parse(raw: str) -> Reference:
    return parse(Reference(id="ref1", raw=raw))


def test_volume_and_pages_make_a_journal_article_whatever_the_title_says() -> None:
    ref = _parse("Smith J. Image analysis software for cells: a report. J Cell Sci. 2004;117(3):1081-1087.")
    assert ref.publication_type == "journal" and ref.year == "2004"


def test_types_needing_untagged_elements_fall_back_to_other() -> None:
    assert _parse("Lee K. A dataset of coastal sediments. Dryad Digital Repository. 2019.").publication_type == "other"
    assert _parse("Doe A. Growth of cells. bioRxiv preprint. 2020. doi:10.1101/2020.01.01.123456").publication_type \
        == "other"
    assert _parse("Ann Author. The history of the county. London: Small Press; 1990.").publication_type == "other"
    assert _parse("Felsenstein J. PHYLIP version 3.6 [computer program]. 2004.").publication_type == "software"


def test_the_year_is_four_digits_and_never_a_page_number() -> None:
    ref = _parse("Camargo F. D., “YAP1 increases organ size,” Curr. Biol., vol. 17, pp. 2054–2060, 2007.")
    assert ref.year == "2007"
    assert _parse("Smith J. Growth. Nature. 2002a;5:10-12.").year == "2002"
    assert _parse("Smith J. Growth. Nature 17:2054-2060 (1999).").year == "1999"
