"""Body, reference-list and in-text citation reading, on small inline texts (no corpus needed)."""

from __future__ import annotations

import journalkit
from journalkit.document import Document, Line
from journalkit.model import Reference
from journalkit.readers.body import CitationIndex, body_blocks, find_citations
from journalkit.readers.reflist import ref_surname_year, reference_items
from journalkit.readers.segment import segment


def _lines(text: str) -> list[Line]:
    return Document(text).lines()


def _raws(text: str) -> list[str]:
    items, _rest = reference_items(_lines(text))
    return [i.raw for i in items]


# ------------------------------------------------------------------ reference lists

def test_numbered_list_with_continuation_and_link_lines() -> None:
    text = ("[1] Smith J, Jones K. A study of things. Nature. 2001;1:1-2.\n"
            "[DOI] [PubMed] [Google Scholar]\n"
            "[2] Brown A. Another study that runs over\n"
            "two lines. Cell. 2002;3:4-5.\n"
            "https://doi.org/10.1000/xyz\n")
    assert _raws(text) == ["Smith J, Jones K. A study of things. Nature. 2001;1:1-2.",
                           "Brown A. Another study that runs over two lines. Cell. 2002;3:4-5. "
                           "https://doi.org/10.1000/xyz"]


def test_dot_paren_and_bulleted_labels() -> None:
    assert len(_raws("1. Smith J. One. J. 2001;1:1.\n2. Brown A. Two. J. 2002;2:2.\n3. Lee B. Three. 2003.\n")) == 3
    assert len(_raws("1) Smith J. One. 2001.\n2) Brown A. Two. 2002.\n3) Lee B. Three. 2003.\n")) == 3
    assert _raws("- [1] Smith J. One. 2001.\n- [2] Brown A. Two. 2002.\n")[1] == "Brown A. Two. 2002."


def test_stray_number_inside_an_entry_does_not_split_it() -> None:
    text = ("1. Gingerich PD. Cranial morphology in Eocene Adapidae.\n"
            "1. Sexual dimorphism in Adapis. Am J Phys Anthropol. 1981;56:217-34.\n"
            "2. Smith BH. Dental development. Evolution. 1989;43:683-8.\n")
    raws = _raws(text)
    assert len(raws) == 2 and "Sexual dimorphism" in raws[0]


def test_numbered_list_across_a_page_break_with_furniture_between() -> None:
    text = ("1. Smith J. A long title that is broken\n"
            "over lines. Nature. 2001;1:1-2.\n"
            "\n"
            "Figure S1 Caption of a supporting figure. (TIF)\n"
            "\n"
            "2. Brown A. Two. Cell. 2002;3:4-5.\n")
    items, rest = reference_items(_lines(text))
    assert [i.label for i in items] == ["1", "2"]
    assert [ln.stripped for ln in rest] == ["Figure S1 Caption of a supporting figure. (TIF)"]


def test_unnumbered_hard_wrapped_author_year_list() -> None:
    text = ("Anklesaria, P., Teixido, J., & Greenberger, J. S. (1990). Cell-cell adhesion mediated by binding\n"
            "of membrane-anchored transforming growth factor alpha to epidermal growth factor receptors promotes\n"
            "cell proliferation. Proc Natl Acad Sci U S A, 87, 3289–3293.\n"
            "Arribas, J., Coodly, L., & Rose-John, S. (1996). Diverse cell surface protein ectodomains are shed\n"
            "by a system sensitive to metalloprotease inhibitors. J Biol Chem, 271, 11376–11382.\n"
            "Brenner, S. (1974). The genetics of Caenorhabditis elegans. Genetics, 77, 71–94.\n")
    raws = _raws(text)
    assert len(raws) == 3
    assert raws[0].endswith("Proc Natl Acad Sci U S A, 87, 3289–3293.")


def test_unnumbered_web_list_one_entry_a_line() -> None:
    text = ("Elowitz MB, Levine AJ. Stochastic gene expression in a single cell. Science. 2002;297: 1183–1186. "
            "doi: 10.1126/science.1070919 Article CAS PubMed\n"
            "Google Scholar\n"
            "Raser JM, O’Shea EK. Noise in gene expression. Science. 2005;309: 2010–2013. doi: 10.1126/x.1\n")
    raws = _raws(text)
    assert raws == ["Elowitz MB, Levine AJ. Stochastic gene expression in a single cell. Science. 2002;297: "
                    "1183–1186. doi: 10.1126/science.1070919",
                    "Raser JM, O’Shea EK. Noise in gene expression. Science. 2005;309: 2010–2013. doi: 10.1126/x.1"]


def test_bare_labels_alone_on_their_line_repeated_or_before_a_particle() -> None:
    """Two-column PDFs print "17" in its own column; some sources repeat the number inside the entry."""
    text = ("1 de Chastellier C. The many niches. Immunobiology. 2009;214:526-42.\n"
            "2 Deretic V, Delgado M. Autophagy in immunity. Cell. 2006;1:2.\n"
            "3\n"
            "\n"
            "Armstrong JA, Hart PD. Response of cultured macrophages. J Exp Med. 1971;134:713-40.\n"
            "4 4 Kane MT. The assessment of professional competence. Eval Health Prof. 1992;15:163-82.\n")
    items, _rest = reference_items(_lines(text))
    assert [i.label for i in items] == ["1", "2", "3", "4"]
    assert items[0].raw.startswith("de Chastellier C.")
    assert items[2].raw.startswith("Armstrong JA")
    assert items[3].raw.startswith("4 Kane MT.")


def test_lone_list_number_survives_the_page_number_filter() -> None:
    doc = Document("Introduction\nSome text of the body that is long enough. It goes on.\nReferences\n"
                   "1 Smith J. One. Nature. 2001;1:1.\n2 Brown A. Two. Cell. 2002;2:2.\n3\n\n"
                   "Lee B. Three. Cell. 2003;3:3.\n4 Park C. Four. Cell. 2004;4:4.\n")
    art = journalkit.convert(doc.original, validate=False).article
    assert [r.label for r in art.references] == ["1", "2", "3", "4"]
    assert art.references[2].raw == "Lee B. Three. Cell. 2003;3:3."


def test_one_entry_list_of_a_correction() -> None:
    text = ("Correction\nThe figure was resized during typesetting. The publisher apologizes for the error.\n"
            "References\n[1] Qiu Z, Jiang H, Ding J (2014) Pollen and Phytolith\nEvidence for Rice Cultivation. PLoS\n"
            "ONE 9(1): e86816 doi:10.1371/journal.pone.0086816\n")
    art = journalkit.convert(text, validate=False).article
    assert [(r.label, r.raw[:7]) for r in art.references] == [("1", "Qiu Z, ")]


def test_web_list_entries_by_organisations_and_particles_and_piped_links() -> None:
    long = "A title that makes the line long enough to look like a web page entry and not a wrapped line " * 2
    text = (f"Hotez PJ, Daar AS (2008) {long}. PLOS Negl Trop Dis 2: e312. Google Scholar\n"
            f"Partners in Health. Press conference. {long}. http://www.pih.org/press/x.html, accessed 2013.\n"
            f"van den Bussche H, Koller D (2011) {long}. PLoS One 6: e1. CrossRef Full Text | Google Scholar\n"
            f"MINISTÉRIO DA CIÊNCIA. 2023. {long}. Brasília.\n")
    raws = _raws(text)
    assert [r[:12] for r in raws] == ["Hotez PJ, Da", "Partners in ", "van den Buss", "MINISTÉRIO D"]
    assert raws[2].endswith("PLoS One 6: e1.")


def test_bulleted_web_list_with_organisation_authors_ends_at_the_page_blocks() -> None:
    text = ("     * Blackburn, E., & Rowley, J. (2004). Reason as our guide. PLoS Biol, 2, e116. https://doi.org/10.1/x\n"
            "       Article CAS PubMed Google Scholar\n"
            "     * President's Council on Bioethics. (2003). Beyond therapy: Biotechnology and the pursuit.\n"
            "       Google Scholar\n"
            "\n"
            "Author information\n"
            "\n"
            "  Cite this article\n"
            "\n"
            "   Zon LI, Zoloth L. Taking the Stem Cell Debate to the Public. PLoS Biol 2(6), e188 (2004).\n")
    items, rest = reference_items(_lines(text))
    assert [i.raw for i in items] == [
        "Blackburn, E., & Rowley, J. (2004). Reason as our guide. PLoS Biol, 2, e116. https://doi.org/10.1/x",
        "President's Council on Bioethics. (2003). Beyond therapy: Biotechnology and the pursuit."]
    assert rest[-1].stripped.startswith("Zon LI")


def test_wrapped_author_date_list_with_an_organisation_entry() -> None:
    text = ("Blackburn, E., & Rowley, J. (2004). Reason as our guide. PLoS Biol, 2, e116. https://doi.org/10.1/x\n"
            "President's Council on Bioethics. (2003). Beyond therapy: Biotechnology and the pursuit.\n"
            "Smith, J. (2001). A title that runs on over a line because it is long enough to wrap at the\n"
            "column edge of the page. Cell, 1, 2.\n")
    assert [r[:10] for r in _raws(text)] == ["Blackburn,", "President'", "Smith, J. "]


def test_reference_heading_variants_are_found() -> None:
    for heading in ("References", "Bibliography", "Literature Cited", "Works cited", "Referências"):
        doc = Document("Introduction\nSome text of the body that is long enough. It goes on.\n"
                       f"{heading}\n1. Smith J. One. Nature. 2001;1:1.\n2. Brown A. Two. Cell. 2002;2:2.\n")
        seg = segment(doc)
        assert seg.references_heading is not None and seg.references_heading.stripped == heading
        assert len([ln for ln in seg.references if ln.stripped]) == 2


def test_surname_and_year_of_a_reference() -> None:
    assert ref_surname_year("Smith, J. A., & Jones, K. (2016a). Title. J, 1, 2.") == ("Smith", "2016a")
    assert ref_surname_year("van der Berg A, Lee B. Title. J. 2010;1:2.") == ("van der Berg", "2010")


# ------------------------------------------------------------------ citations

def _refs(n: int) -> list[Reference]:
    return [Reference(id=f"ref{k}", label=str(k), raw=f"Author{k} A. Title. J. 20{k:02d};1:1.")
            for k in range(1, n + 1)]


def test_numeric_citations_and_ranges() -> None:
    idx = CitationIndex(_refs(6))
    cites, problems = find_citations("as shown [1, 2] and [3-5] and [2]–[4].", idx)
    assert [c.rids for c in cites] == [["ref1", "ref2"], ["ref3", "ref4", "ref5"], ["ref2", "ref3", "ref4"]]
    assert problems == []
    cites, _ = find_citations("seen before (1,3–6).", idx, frozenset({"paren"}))
    assert cites[0].rids == ["ref1", "ref3", "ref4", "ref5", "ref6"]
    cites, _ = find_citations("common in cancer1,2 and more.", idx, frozenset({"super"}))
    assert cites[0].text == "1,2" and cites[0].rids == ["ref1", "ref2"]


def test_unmatched_citation_is_reported_not_linked() -> None:
    cites, problems = find_citations("see [9].", CitationIndex(_refs(3)))
    assert cites == [] and problems == ["[9]"]


def test_author_year_citations() -> None:
    refs = [Reference(id="r1", raw="Smith, J., Lee, K., & Wu, T. (2016a). A. J, 1, 2."),
            Reference(id="r2", raw="Smith, J. (2016b). B. J, 1, 2."),
            Reference(id="r3", raw="Jones, A., & Park, B. (2010). C. J, 1, 2.")]
    idx = CitationIndex(refs)
    text = "As found (Smith et al., 2016a; Jones 2010), and Jones and Park (2010) agree, unlike (Nobody 1999)."
    cites, problems = find_citations(text, idx, frozenset({"author-year"}))
    assert [c.rids for c in cites] == [["r1"], ["r3"], ["r3"]]
    assert [c.text for c in cites] == ["Smith et al., 2016a", "Jones 2010", "Jones and Park (2010)"]
    assert problems == ["Nobody 1999"]


# ------------------------------------------------------------------ body

def test_paragraphs_join_across_a_page_break_and_headings_nest() -> None:
    wide = "x" * 10
    text = (f"1. Introduction\n"
            f"The first paragraph begins here and it runs on {wide} {wide} {wide}\n"
            f"for a while across the printed line until the page ends in the\n"
            f"\n"
            f"middle of a sentence that goes on after the break {wide} {wide} {wide}.\n"
            f"1.1 Study design\n"
            f"A second paragraph opens under a numbered subsection {wide} {wide} {wide}\n"
            f"and finishes.\n")
    blocks = body_blocks(_lines(text))
    assert [b.kind for b in blocks] == ["heading", "para", "heading", "para"]
    assert "the page ends in the middle of a sentence" in blocks[1].text


def test_running_heads_removed_and_captions_become_figures() -> None:
    body = "\n".join(f"Sentence {k} of the body text goes on here and keeps going along the line." for k in range(4))
    pages = []
    for k in range(1, 5):
        pages.append(f"PLoS ONE | www.plosone.org {k} May 2009 | Volume 4 | Issue 5 | e5723\n\n{body}\n")
    text = ("A Title of the Article\n\nAbstract\nThe abstract of the article says a few words. "
            "It is long enough to be one.\n\nIntroduction\n" + "\f".join(pages)
            + "Figure 1. The study area. Maps of the sites.\n\nA closing paragraph of the body [1].\n\n"
            "Acknowledgments\nWe thank everyone.\n\nReferences\n1. Smith J. One. Nature. 2001;1:1-2.\n")
    res = journalkit.convert(text)
    noise = [e.original for e in res.report.entries if e.kind == "noise-line"]
    assert sum("www.plosone.org" in (n or "") for n in noise) >= 3
    root = res.tree
    body_text = " ".join(root.find("body").itertext())
    assert "www.plosone.org" not in body_text
    fig = root.find(".//body//fig")
    assert fig is not None and fig.findtext("label") == "Figure 1"
    assert root.find("back/ack") is not None
    assert root.find(".//body//xref[@ref-type='bibr']").get("rid") == "ref1"


def test_author_year_linking_uses_the_parsed_first_author_and_year() -> None:
    """After parsing, the keys come from Reference.authors/year, not from a second reading of the raw string."""
    from journalkit.document import Document
    from journalkit.model import Article, Citation, Paragraph, RefName, Section
    from journalkit.readers.body import link_author_year

    # the raw strings alone would mislead a surname/year reader: a leading
    # group label, a year-like number before the year
    refs = [Reference(id="r1", raw="[Review] Okafor C, Lee K. 1999 cases revisited. J. 2016a;1:2.",
                      authors=[RefName(surname="Okafor", given_names="C")], year="2016a"),
            Reference(id="r2", raw="WHO. Report 1776. Geneva: WHO; 2010.",
                      authors=[RefName(collab="WHO")], year="2010"),
            Reference(id="r3", raw="van der Berg A. Title. J. 2011;1:2.",
                      authors=[RefName(surname="van der Berg", given_names="A")], year="2011")]
    text = "Seen [1] and (Okafor et al., 2016a; WHO 2010), as Berg (2011) says, unlike (Nobody 1999)."
    numeric = Citation(start=5, end=8, rids=["r1"], text="[1]")
    art = Article(references=refs, body=[Section(paragraphs=[Paragraph(text=text, citations=[numeric])])])
    doc = Document(text)
    assert link_author_year(doc, art) == 3
    cites = art.body[0].paragraphs[0].citations
    assert [(c.text, c.rids) for c in cites] == [("[1]", ["r1"]), ("Okafor et al., 2016a", ["r1"]),
                                                 ("WHO 2010", ["r2"]), ("Berg (2011)", ["r3"])]
    assert [w.message for w in doc.report.warnings
            if w.kind == "unlinked-citation"] == ["in-text citation Nobody 1999 matches no reference; kept as text"]


def test_extraction_leaves_author_year_citations_for_after_parsing() -> None:
    from journalkit.readers.body import citation_styles

    refs = [Reference(id="r1", raw="Smith, J. (2016). A. J, 1, 2.")]
    assert "author-year" not in citation_styles(["As found (Smith, 2016)."], CitationIndex(refs))
