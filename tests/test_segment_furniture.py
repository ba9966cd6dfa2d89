"""Page furniture that pdftotext puts in the middle of a page, and lone years that are not page numbers.

On two-column pages a running head or footer ("PLoS Genet · doi:...", "PLOS ONE | www.plosone.org | ...")
may land between the columns, far from the page's edges. A line that recurs on many pages (exactly, or
differing only in its page number) is furniture wherever it stands; real repeated content (captions,
one-word headings, a subheading that a few entries repeat, table cells) stays. Every removed line is
reported. A running head that pdftotext glued to the end of a text line is cut off it.
"""

from __future__ import annotations

from journalkit.document import Document, Line
from journalkit.readers.segment import find_furniture, segment

_WORDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta", "theta", "kappa", "lambda", "sigma")


def _prose(page: int, n: int) -> list[str]:
    """``n`` distinct lines of running text for page ``page``."""
    return [f"The {_WORDS[page % 10]} cells of page {page} line {i} were counted again in a second assay"
            for i in range(n)]


def _pages(mid: list[list[str]], n_pages: int = 6) -> str:
    """Pages of running text; ``mid[p]`` are lines printed between the columns, in the middle of page p."""
    pages = []
    for p in range(n_pages):
        lines = _prose(p, 6) + [""] + mid[p] + [""] + _prose(p + 100, 6)
        pages.append("\n".join(lines) + "\n")
    head = "Introduction\n"
    return head + "\f".join(pages)


def _removed(doc: Document) -> list[str]:
    return [e.original for e in doc.report.entries if e.kind == "noise-line" and e.original]


def _body_text(doc: Document) -> list[str]:
    seg = segment(doc)
    return [ln.stripped for ln in seg.body if ln.stripped]


def test_footer_between_the_columns_is_furniture_on_every_page() -> None:
    footer = "PLoS Genet · doi:10.1371/journal.pgen.1000083"
    doc = Document(_pages([[footer]] * 6))
    seg = segment(doc)
    body = [ln.stripped for ln in seg.body if ln.stripped]
    # every copy is removed from the text and reported; the first page's is kept aside for the front-matter
    # reader, which may need it for the journal's facts
    assert footer not in body
    assert _removed(doc).count(footer) == 6
    assert [ln.stripped for ln in seg.first_page_furniture] == [footer]
    assert sum(ln.startswith("The ") for ln in body) == 6 * 12


def test_footer_that_differs_only_in_its_page_number() -> None:
    mid = [[f"PLoS Genetics | www.plosgenetics.org {p + 1} May 2008 | Volume 4 | Issue 5 | e1000083"]
           for p in range(6)]
    doc = Document(_pages(mid))
    body = _body_text(doc)
    assert not [ln for ln in body if "plosgenetics" in ln]
    assert len([r for r in _removed(doc) if "plosgenetics" in r]) == 6


def test_journal_name_line_mid_page() -> None:
    doc = Document(_pages([["PLOS Computational Biology"]] * 6))
    assert _body_text(doc).count("PLOS Computational Biology") == 0
    assert _removed(doc).count("PLOS Computational Biology") == 6


def test_find_furniture_indices_are_the_recurring_lines() -> None:
    doc = Document(_pages([["doi:10.1371/journal.pone.0002554"]] * 5, n_pages=5))
    lines = doc.lines()
    pages = [doc.original.count("\f", 0, ln.start) for ln in lines]
    found = find_furniture(doc, lines, pages)
    assert {lines[i].stripped for i in found} == {"doi:10.1371/journal.pone.0002554"}
    assert sorted(pages[i] for i in found) == [0, 1, 2, 3, 4]


# -------------------------------------------------------------- what stays


def _kept(mid: list[list[str]], n_pages: int = 6) -> tuple[list[str], list[str]]:
    doc = Document(_pages(mid, n_pages))
    return _body_text(doc), _removed(doc)


def test_captions_with_their_numbers_stay() -> None:
    body, removed = _kept([[f"Table {p + 1}"] for p in range(6)])
    assert [ln for ln in body if ln.startswith("Table")] == [f"Table {p + 1}" for p in range(6)]
    assert not removed
    body, removed = _kept([[f"Figure {p + 1}. Cont."] for p in range(6)])
    assert len([ln for ln in body if ln.startswith("Figure")]) == 6


def test_one_word_heading_on_every_page_stays() -> None:
    body, removed = _kept([["Results"]] * 6)
    assert body.count("Results") == 6 and "Results" not in removed


def test_short_common_words_stay() -> None:
    body, _ = _kept([["and the"]] * 6)
    assert body.count("and the") == 6


def test_subheading_repeated_on_some_pages_stays() -> None:
    # a taxonomic paper repeats "Type locality and horizon" under each species, on a minority of its pages
    mid = [["Type locality and horizon"] if p % 3 == 0 else [] for p in range(9)]
    body, removed = _kept(mid, n_pages=9)
    assert body.count("Type locality and horizon") == 3 and not removed



def test_subheading_of_every_entry_that_reaches_page_edges_stays() -> None:
    # a catalogue of species, each with its "Material examined": twice on some pages, at a page's top on
    # three of the ten, which alone would read as a running head
    head = "Material examined"
    pages = []
    for p in range(10):
        top = [head] if p in (2, 5, 8) else []
        mid = [head] if p % 2 == 0 or p in (3, 7) else []
        lines = top + _prose(p, 6) + [""] + mid + [""] + _prose(p + 100, 6)
        pages.append("\n".join(lines) + "\n")
    doc = Document("Introduction\n" + "\f".join(pages))
    assert _body_text(doc).count(head) == 10 and head not in _removed(doc)
    # the same line at the top of every page is a running head
    doc = Document("Introduction\n" + "\f".join(head + "\n" + pg for pg in pages))
    assert head not in _body_text(doc) and _removed(doc).count(head) >= 10

def test_repeated_table_header_several_times_a_page_stays() -> None:
    header = "Gene name Fold change P value"
    body, _ = _kept([[header, "", header, "", header]] * 6)
    assert body.count(header) == 18


def test_lines_that_differ_in_a_number_that_is_not_the_page_stay() -> None:
    mid = [[f"Patients in group {g} of the cohort study"] for g in (7, 3, 9, 1, 8, 2)]
    body, removed = _kept(mid)
    assert len([ln for ln in body if ln.startswith("Patients in group")]) == 6 and not removed


def test_text_without_page_breaks_is_untouched() -> None:
    text = _pages([["PLoS Genet · doi:10.1371/journal.pgen.1000083"]] * 6).replace("\f", "")
    doc = Document(text)
    assert _body_text(doc).count("PLoS Genet · doi:10.1371/journal.pgen.1000083") == 6


# -------------------------------------------------------------- lone years


def _seg_lines(text: str) -> tuple[list[Line], list[str]]:
    doc = Document(text)
    seg = segment(doc)
    return [*seg.front, *seg.body, *seg.back], _removed(doc)


def test_a_year_wrapped_onto_its_own_line_is_text() -> None:
    text = ("Introduction\nThe indicators were set out by the World Health Organization in Geneva;\n"
            "2008\n[cited 2013 Mar 17]. They were applied in every district that year.\n")
    lines, removed = _seg_lines(text)
    assert "2008" in [ln.stripped for ln in lines]
    assert "2008" not in removed


def test_a_year_between_blank_lines_and_a_page_number_are_still_removed_and_reported() -> None:
    text = ("Introduction\nThe first paragraph of the body, long enough to be read as running text here.\n\n"
            "12\n\nThe second paragraph goes on after the page number that stood between.\n\n"
            "1996\n\nA third paragraph follows the table cell.\n")
    lines, removed = _seg_lines(text)
    kept = [ln.stripped for ln in lines]
    assert "12" not in kept and "1996" not in kept
    assert "12" in removed and "1996" in removed


def test_a_year_at_a_page_edge_is_a_page_number() -> None:
    pages = ["\n".join(_prose(p, 8)) + "\n2001\n" for p in range(3)]
    lines, removed = _seg_lines("Introduction\n" + "\f".join(pages))
    assert "2001" not in [ln.stripped for ln in lines]
    assert removed.count("2001") == 3


def test_a_bare_doi_footer_is_furniture() -> None:
    # its only letters are "doi": too few for a running head in general, enough with a DOI's signature
    footer = "doi:10.1590/1518-8345.2927.3231"
    doc = Document(_pages([[footer]] * 6))
    assert _body_text(doc).count(footer) == 0
    assert _removed(doc).count(footer) == 6


def test_running_head_glued_to_the_end_of_a_text_line_is_cut_off() -> None:
    head = "PLOS ONE, 2015, Vol. 10(1)"
    doc = Document(_pages([[head]] * 6))
    text = doc.text.replace("The beta cells of page 1 line 5 were counted again in a second assay",
                            "The beta cells of page 1 line 5 were counted by light" + head)
    doc = Document(text)
    body = _body_text(doc)
    assert "The beta cells of page 1 line 5 were counted by light" in body
    assert not any(head in ln for ln in body)
    assert _removed(doc).count(head) == 7  # six copies and the glued one
    # a line that only names the journal, with a space, is text
    doc = Document(text.replace("counted by light" + head, "published in " + head))
    assert any(ln.endswith("published in " + head) for ln in _body_text(doc))


_BYLINE = ["A study of growth in two strains", "Ann Author1, Bob Writer2",
           "1 Department of Biology, University of Somewhere, Somewhere, Brazil",
           "2 Department of Physics, University of Somewhere, Somewhere, Brazil", ""]


def _later_pages(head: str, pages: range) -> str:
    """Pages of running text with the running head ``head`` between their columns."""
    return "\f".join("\n".join([*_prose(p, 6), "", head, "", *_prose(p + 100, 6), ""]) for p in pages)


def test_first_page_running_head_stays_out_of_the_abstract_and_gives_its_facts() -> None:
    # the first page's copy of the running head falls inside the abstract; it is furniture there too, but the
    # front-matter reader still reads the journal's facts off it
    from journalkit import convert

    head = "Journal of Tests, 2011, Vol. 6(11)"
    first = "\n".join([
        *_BYLINE, "Abstract",
        "The cells were grown in a rich medium and counted twice a day for a week, and",
        head, "", "we compared the two strains under the same conditions in three separate assays.", "",
        "Introduction", *_prose(0, 6), ""])
    text = first + "\f" + _later_pages(head, range(1, 6))
    res = convert(text)
    abstract = res.article.abstract
    assert abstract is not None and "Vol. 6" not in abstract.plain_text()
    assert abstract.plain_text().endswith("in three separate assays.")
    assert res.article.volume == "6" and res.article.issue == "11"
    assert not any("Vol. 6" in p.text for s in res.article.notes for p in s.paragraphs)


def test_structured_abstract_goes_on_over_a_page_break_at_a_parts_end() -> None:
    # the first page ends with a part's last sentence; the next page opens with the next part
    # ('Conclusions: ...') after the page foot: the abstract goes on, up to the next abstract's heading
    from journalkit import convert

    head = "Journal of Tests, 2015, Vol. 12(2)"
    first = "\n".join([
        *_BYLINE, "Abstract",
        "Background: The cells were grown in a rich medium and counted twice a day for a week.",
        "Methods and Findings: We compared the two strains under the same conditions in three assays.",
        head, ""])
    second = "\n".join([
        "Conclusions: Most of the variation came from the second week, when the medium was changed.",
        "Editors' Summary", "Background", "Cells grow at different rates in different media, and we asked why.",
        "", "Introduction", *_prose(0, 6), ""])
    text = first + "\f" + second + "\f" + _later_pages(head, range(1, 5))
    art = convert(text).article
    assert art.abstract is not None
    assert [s.title for s in art.abstract.sections] == ["Background", "Methods and Findings", "Conclusions"]
    assert "we asked why" not in art.abstract.plain_text()
