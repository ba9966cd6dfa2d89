"""What the converter removes on purpose is listed in the report, and printed headings are kept.

The mission says nothing the user gave is lost: text the converter cannot place
lands in the output, and what it removes (site navigation, link labels, page
furniture) is in the repair report. ``benchmarks/lost_text.py`` measures this
over the corpus; these tests pin the pieces down on small texts.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from journalkit.pipeline import convert

SEEDS = Path(__file__).parent / "data" / "seeds"

WEB = """Understanding Contour Integration in Early Vision
Maria Example1, John Sample2
1 Department of Psychology, University of Somewhere, Somewhere, USA
2 Institute of Vision, Another University, Elsewhere, Canada
PLoS ONE 8(6): e68090. doi:10.1371/journal.pone.0068090
Abstract
Contours are integrated across the visual field by local interactions between neurons tuned to orientation.

Introduction
Perceptual organisation of contours has been studied for decades [1], [2].

Literature Cited
1. Loffler G (2008) Perception of contours and shapes: Low and intermediate stage mechanisms. Vision Res 48: 2106-2127. doi:10.1016/j.visres.2008.03.006. CrossRef Full Text | Google Scholar
2. Field DJ, Hayes A, Hess RF (1993) Contour integration by the human visual system. Vision Res 33: 173-193. PubMed/NCBI Google Scholar
"""  # noqa: E501


def _tokens(s: str) -> set[str]:
    return {w for w in re.findall(r"\w+", unicodedata.normalize("NFKC", s).lower()) if len(w) >= 4}


def test_reference_list_heading_is_kept_as_printed() -> None:
    root = etree.fromstring(convert(WEB, source="web.txt").jats)
    assert root.findtext("back/ref-list/title") == "Literature Cited"
    assert len(root.findall("back/ref-list/ref")) == 2


def test_no_reference_heading_is_made_up() -> None:
    text = WEB.replace("Literature Cited\n", "References\n")
    root = etree.fromstring(convert(text, source="web.txt").jats)
    assert root.findtext("back/ref-list/title") == "References"
    numbered = WEB.replace("Literature Cited\n", "7. Bibliography\n")
    root = etree.fromstring(convert(numbered, source="web.txt").jats)
    assert root.findtext("back/ref-list/title") == "Bibliography"  # the section number is not title


def test_link_labels_after_references_are_reported_with_their_place() -> None:
    result = convert(WEB, source="web.txt")
    cites = " ".join(" ".join(c.itertext()) for c in result.tree.iter("mixed-citation"))
    assert "CrossRef" not in cites and "Google" not in cites and "NCBI" not in cites
    removed = [e for e in result.report.entries if e.kind == "link-label"]
    originals = " ".join(e.original or "" for e in removed)
    assert "CrossRef Full Text" in originals and "PubMed/NCBI" in originals
    # each entry points at the label in the input, so an editor can find it
    for e in removed:
        assert e.offset is not None and e.original
        assert WEB[e.offset:].lstrip().startswith(e.original.split()[0])


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.iterdir() if p.is_dir()))
def test_seed_words_reach_output_or_report(seed: str) -> None:
    text = (SEEDS / seed / "raw.txt").read_text(encoding="utf-8")
    result = convert(text, source=seed)
    out = _tokens(" ".join(result.tree.itertext()))
    rep = _tokens(" ".join(e.original or "" for e in result.report.entries))
    # A name printed with its affiliation number glued on ("Zhang1") is kept as "Zhang", and a DOI
    # whose broken hyphen was repaired keeps its halves in the report's edit, not as words.
    lost = {w for w in _tokens(text) - out - rep if not re.search(r"\d$", w)}
    assert lost <= {"immu", "noregulation", "immunoreg", "keywords"}, lost


def test_a_box_of_bullet_points_in_the_front_matter_is_kept() -> None:
    # a text browser prints a box's list items as '* item', the mark a footnote opens with
    points = ["* Contextual factors are extremely important in shaping decisions about health systems.",
              "* A division of labour between global and national guidance developers is needed."]
    text = WEB.replace("Introduction\n", "Summary Points\n\n" + "\n".join(points) + "\n\nIntroduction\n")
    res = convert(text, source="web.txt")
    notes = etree.fromstring(res.jats).find("back/notes[@notes-type='unplaced']")
    assert notes is not None
    kept = [p.text for p in notes.iter("p")]
    assert "Summary Points" in kept
    assert any(p.startswith(points[0]) and points[1] in p for p in kept)
    # an author note behind the same mark is still no text of the article
    for note in ("* These authors contributed equally to this work and share first authorship.",
                 "* Both authors contributed equally to this work as first authors of it.",
                 "* Correspondence should be addressed to Dr Maria Example at the Department of Psychology"):
        res = convert(text.replace("Abstract\n", note + "\nAbstract\n"), source="web.txt")
        assert note not in etree.tostring(etree.fromstring(res.jats), encoding=str), note


def test_the_articles_own_citation_in_pmc_form_is_reported_not_kept_as_a_note() -> None:
    # a PMC page prints 'PLoS ONE. 2013 Jun 18; 8(6): e68090.' under the title: the article's own citation,
    # whose facts the output holds; an unplaced note of it would only repeat them
    line = "PLoS ONE. 2013 Jun 18; 8(6): e68090."
    res = convert(WEB.replace("Abstract\n", line + "\nAbstract\n"), source="web.txt")
    assert line not in etree.tostring(etree.fromstring(res.jats), encoding=str)
    assert line in [e.original for e in res.report.entries]
