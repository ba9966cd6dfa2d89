"""Where the body starts: the first body heading after the abstract and keywords, or untitled paragraphs.

The segmenter starts the body at the first body heading ('Introduction', '1. INTRODUCTION', 'Materials
and methods') after the later of the abstract heading and the keywords line. These texts, in the shape of
real PDF (wrapped lines) and web (a paragraph a line) copies, check that a landmark printed in the body
does not push the start past whole sections, that an essay opening without a heading starts the body at
its first paragraph, and that front-matter text (an author summary, notes) stays out of the body.
"""

from __future__ import annotations

from journalkit.document import Document
from journalkit.readers.segment import segment

_SENTENCES = (
    "the cells were grown in a rich medium and counted twice a day for a week.",
    "we compared the two strains under the same conditions in three separate assays.",
    "most of the variation came from the second week, when the medium was changed.",
    "this pattern was seen in every replicate and did not depend on the batch of medium.",
    "the growth rate fell when the temperature was raised above the usual range.",
    "these results agree with earlier reports on related strains from the same site.",
)


def _prose(n_words: int, seed: int = 0) -> str:
    """Running text of about ``n_words`` words (capitalised sentences, mostly lower-case words)."""
    out: list[str] = []
    k = seed
    while sum(len(s.split()) for s in out) < n_words:
        s = _SENTENCES[k % len(_SENTENCES)]
        out.append(s[0].upper() + s[1:])
        k += 1
    return " ".join(out)


def _wrap(text: str, width: int = 60) -> list[str]:
    """A PDF column: the paragraph broken into short lines."""
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    return [*lines, cur]


def _body_opening(text: str) -> str:
    seg = segment(Document(text))
    return next(ln.stripped for ln in seg.body if ln.stripped)


_HEAD = ["Research Article", "", "A study of growth in two strains", "Ann Author1, Bob Writer2",
         "1 Department of Biology, University of Somewhere, Somewhere, Brazil", ""]


def test_a_sentence_that_opens_with_keywords_is_not_the_keywords_line() -> None:
    # a narrow column breaks a methods sentence before 'keywords': taken for the keywords line, it moved the
    # body start past the introduction and the methods, which then went to the front matter
    text = "\n".join([
        *_HEAD, "Abstract", *_wrap(_prose(120)), "",
        "1. INTRODUCTION", *_wrap(_prose(200, 1)), "",
        "2. METHODS", "We first developed search keywords in four domains and",
        "keywords and controlled vocabulary until no new relevant results were found.",
        *_wrap(_prose(200, 2)), "",
    ])
    assert _body_opening(text) == "1. INTRODUCTION"


def test_keywords_labels_still_end_the_front_matter() -> None:
    # a structured abstract's 'Background' title reads like a body heading; the keywords after it end
    # the front matter, whichever way the label is printed
    for label in (["Keywords: growth; strains; medium"], ["KEYWORDS", "growth, strains, medium"],
                  ["  Palavras-chave", "", "     * Crescimento", "     * Cepas"]):
        text = "\n".join([
            *_HEAD, "Abstract", "Background", *_wrap(_prose(80)), "Methods", *_wrap(_prose(80, 1)),
            "Results", *_wrap(_prose(80, 2)), *label, "",
            "Introduction", *_wrap(_prose(200, 3)), "",
        ])
        assert _body_opening(text) == "Introduction", label


def test_an_abstract_row_of_a_checklist_in_the_body_is_not_the_abstract() -> None:
    # an article with no abstract of its own prints a reporting checklist as a table: its 'ABSTRACT' row
    # stood after pages of body text, and the body was started at the table's 'INTRODUCTION' row
    text = "\n".join([
        *_HEAD, "This is an open-access article distributed under the terms of the Creative Commons",
        "Attribution License.", "",
        "1. Introduction", *_wrap(_prose(400)), "",
        "2. Terminology", *_wrap(_prose(400, 1)), "",
        "Table 1. Checklist of items to include when reporting a review.",
        "Section/Topic", "TITLE", "Title", "ABSTRACT", "Structured summary", "", "INTRODUCTION", "Rationale",
        "METHODS", "Protocol and registration", "",
    ])
    assert _body_opening(text) == "1. Introduction"


def test_an_essay_without_an_introduction_heading_starts_at_its_first_paragraph() -> None:
    # PDF copy: the abstract, the correspondence note, then untitled body text for pages; the first
    # heading the segmenter knows ('Materials and methods') comes at the end
    first = _prose(150, 3)
    text = "\n".join([
        *_HEAD, "Summary", *_wrap(_prose(150)), "* E-mail: ann@example.org", "",
        *_wrap(first), "", *_wrap(_prose(300, 4)), "", *_wrap(_prose(300, 5)), "",
        "Materials and methods", *_wrap(_prose(100, 1)), "",
    ])
    assert _body_opening(text) == _wrap(first)[0]


def test_an_essay_without_an_introduction_heading_web_copy() -> None:
    # web copy: a paragraph a line, no blank lines; the abstract is the line under its heading
    first = _prose(150, 3)
    text = "\n".join([
        "Skip to main content Home Journals", "A study of growth in two strains",
        "Ann Author, Bob Writer", "PLOS Biology volume 15, issue 3, Article number: e2001413 (2017)", "Abstract",
        _prose(150), first, _prose(300, 4), _prose(300, 5), "Materials and methods", _prose(100, 1),
    ])
    assert _body_opening(text) == first


def test_an_author_summary_before_the_introduction_stays_in_the_front_matter() -> None:
    # an author summary is running text too, but under its own title: the body still starts at
    # 'Introduction', in both layouts
    summary = [_prose(250, 1), _prose(250, 2)]
    pdf = "\n".join([
        *_HEAD, "Abstract", *_wrap(_prose(150)), "", "Author Summary", *_wrap(summary[0]), "",
        *_wrap(summary[1]), "", "Introduction", *_wrap(_prose(300, 3)), "",
    ])
    web = "\n".join(["A study of growth in two strains", "Ann Author, Bob Writer", "Abstract", _prose(150),
                     "Author summary", *summary, "Introduction", _prose(300, 3)])
    assert _body_opening(pdf) == "Introduction"
    assert _body_opening(web) == "Introduction"


def test_text_before_the_notes_under_the_abstract_stays_in_the_front_matter() -> None:
    # the notes under the abstract (correspondence, competing interests) end whatever front-matter text
    # comes before them; only running text after the last note can open an untitled body
    text = "\n".join([
        *_HEAD, "Abstract", *_wrap(_prose(150)), "", "Why this study matters", *_wrap(_prose(250, 1)), "",
        *_wrap(_prose(250, 2)), "", "* Correspondence: ann@example.org",
        "Competing interests: The authors have declared that no competing interests exist.", "",
        "Introduction", *_wrap(_prose(600, 3)), "",
    ])
    assert _body_opening(text) == "Introduction"


def test_a_short_untitled_text_before_a_late_heading_is_not_taken_for_the_body() -> None:
    # a paragraph or two after the abstract (a summary without a known title) is not enough to start an
    # untitled body; the body starts at the heading
    text = "\n".join([
        *_HEAD, "Abstract", *_wrap(_prose(150)), "", "Brain development in a few words", *_wrap(_prose(200, 4)),
        "", "Introduction", *_wrap(_prose(300, 3)), "",
    ])
    assert _body_opening(text) == "Introduction"


def test_a_letter_that_opens_with_one_long_sentence() -> None:
    # no abstract, no heading: the body is the first long paragraph; a one-sentence paragraph counts
    opening = ("Pieter Reitsma and colleagues have explored, in a population of patients treated with "
               "coumarin congeners over many years in several hospitals, the connection between the presence "
               "of mutant alleles of a single gene and the risk of haemorrhage in the first months [1].")
    text = "\n".join([
        "PLoS Medicine", "Correspondence", "Mischievous Odds Ratios", "William Steinsmith1,*",
        "*Corresponding author. someone@example.org",
        "This is an open-access article distributed under the terms of the Creative Commons Attribution License.",
        opening, _prose(120), _prose(120, 1), "REFERENCES",
        "1. Reitsma PH, Rosendaal FR (2005) A dimorphism in a gene. Blood 105: 645-649.",
        "2. Ende J, Moreira J (2005) The trouble with likelihood ratios. Lancet 366: 548.",
    ])
    assert _body_opening(text) == opening


def test_a_short_untitled_opening_after_a_summary_under_abstract_web_copy() -> None:
    # 'Abstract' over 'Summary' and its paragraph, then a short untitled opening paragraph that starts with
    # 'Published ...' (a date label's word) before the first, unknown heading: it is body text, not the
    # abstract's and not a 'Published:' note
    first = "Published " + _prose(90, 3)[0].lower() + _prose(90, 3)[1:]
    text = "\n".join([
        "Skip to main content Home Journals", "Debate", "A study of growth in two strains", "Ann Author",
        "Abstract", "Summary", _prose(150), first, "Go to:", "Modeling the growth of two strains",
        _prose(200, 1), "Bias in the counts", _prose(200, 2),
    ])
    assert _body_opening(text) == first


def test_a_published_date_line_after_the_abstract_stays_in_the_front_matter() -> None:
    text = "\n".join([
        "A study of growth in two strains", "Ann Author", "Abstract", _prose(150),
        "Published: June 24, 2013. Copyright: © 2013 Author. This is an open-access article distributed "
        "under the terms of the Creative Commons Attribution License, which permits unrestricted use.",
        "Modeling the growth of two strains", _prose(200, 1),
    ])
    assert _body_opening(text) == "Modeling the growth of two strains"


def test_an_abstract_line_that_opens_with_a_capital_goes_on_with_the_abstract() -> None:
    # no body heading the segmenter knows: the first heading-like line after the abstract starts the body,
    # and a wrapped abstract line that opens with an acronym ('QTLs and between QTLs ...') is none
    abstract = _wrap(_prose(120), 95) + ["to the nucleotide, for the first time QTLs of modest effect and "
                                         "complex interactions between these",
                                     "QTLs and between QTLs and the environment are being determined at",
                                     "unprecedented levels using deep sequencing of selected pools."]
    text = "\n".join(["A study of growth in two strains", "Ann Author1,*", "", "Abstract", *abstract,
                      "* Address for correspondence:", "Ann Author",
                      "Address: Department of Biology, University of Somewhere, Somewhere, Brazil",
                      "Email address: ann@example.org", "",
                      "1. YEAST GENETICS: MOVING FORWARD", *_wrap(_prose(200, 1)), "",
                      "References", "1. Winge O. On haplophase and diplophase in some Saccharomycetes. 1935;21:77-111.",
                      "2. Liti G. The fascinating history of budding yeast. Nature. 2009;458:1-9."])
    seg = segment(Document(text))
    front = [ln.stripped for ln in seg.front]
    assert "QTLs and between QTLs and the environment are being determined at" in front
    # the correspondence note's lines ('Ann Author') are no heading either
    assert "Ann Author" in front
    assert next(ln.stripped for ln in seg.body if ln.stripped) == "1. YEAST GENETICS: MOVING FORWARD"


def test_a_web_pages_fact_labels_after_the_abstract_are_no_headings() -> None:
    doc = Document("\n".join([
        "A study of growth in two strains", "Ann Author", "", "Abstract", "", _prose(150), "",
        "Published", "", "2012-08-16", "", "Issue", "", "Vol. 8 No. 8 (2012):", "", "Pages e1002912", "",
        "Section", "", "Research Article", "", "License", "", "This is an open-access article distributed under "
        "the terms of the Creative Commons Attribution License.", "", "How to Cite", "",
        "Author A. A study of growth in two strains. PLoS Genet. 2012;8(8):e1002912.", "", "Full Text", "",
        "Yeast Genetics: Moving Forward", "", _prose(200, 1)]))
    seg = segment(doc)
    assert next(ln.stripped for ln in seg.body if ln.stripped) == "Yeast Genetics: Moving Forward"


def test_article_type_and_date_labels_hide_no_real_heading() -> None:
    # 'Case report' names an article type too, but only a fact label's value ('Section' / 'Case report') is
    # no heading; a date label alone ('Received:') and its value hide no heading after them
    doc = Document("\n".join([
        "A study of growth in two strains", "Ann Author", "", "Abstract", _prose(150),
        "Received:", "12 May 2010", "Case report", _prose(120, 1), "", "Discussion", _prose(120, 2), "",
        "Final remarks", _prose(120, 3)]))
    seg = segment(doc)
    assert next(ln.stripped for ln in seg.body if ln.stripped) == "Case report"
