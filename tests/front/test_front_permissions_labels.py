"""Copyright statement / year / holder, the keyword label, web-page dates after the references, consumed front
lines kept in the report, and the HTML report's editors and related articles."""

from __future__ import annotations

import pytest

from journalkit import convert
from journalkit.readers.front import copyright_parts, split_copyright
from journalkit.validation import validate_bytes
from journalkit.writers.human import report_html

_PDF = """Revista de Testes | ISSN 0034-7094

Original Research Article

Regional Anaesthesia for Hip Surgery in Older Adults
Ana Gomes1, John Smith2
1 Department of Anaesthesia, University of Lisbon, Lisbon, Portugal
2 Department of Surgery, University of Oxford, Oxford, United Kingdom

Received: March 3, 2018
Accepted: June 1, 2018
{permissions}

Abstract
Regional anaesthesia was compared with general anaesthesia in two hundred older adults having hip surgery.

{keywords}

Introduction
Hip surgery in older adults carries risks that the choice of anaesthesia may change, as many have found.
Both kinds of anaesthesia are common, and their effects on recovery have been studied for a long time.

References
1. Silva A, Costa B. Counting patients at dawn. J Field Stud. 2011;3:1-9.
"""

_LICENCE = ("This is an Open Access article distributed under the terms of the Creative Commons Attribution "
            "License, which permits unrestricted use, distribution, and reproduction in any medium, provided the "
            "original work is properly cited.")


def _pdf(permissions: str = _LICENCE, keywords: str = "Keywords: Anaesthesia; Hip surgery; Older adults"):  # type: ignore[no-untyped-def]
    return convert(_PDF.format(permissions=permissions, keywords=keywords))


def _text(el) -> str:  # type: ignore[no-untyped-def]
    return "" if el is None else " ".join("".join(el.itertext()).split())


# ------------------------------------------------------------------ copyright


@pytest.mark.parametrize(("text", "statement", "licence_start"), [
    ("Copyright: © 2018 Sociedade Brasileira de Anestesiologia. Published by Elsevier Editora Ltda. This is an "
     "Open Access article.", "Copyright: © 2018 Sociedade Brasileira de Anestesiologia. Published by Elsevier "
     "Editora Ltda.", "This is an Open Access"),
    # no full stop after the holder: the licence sentence still starts where it opens
    ("Copyright © 2020 Revista Latino-Americana de Enfermagem This is an Open Access article.",
     "Copyright © 2020 Revista Latino-Americana de Enfermagem", "This is an Open Access"),
    ("© 2014 Smith et al. This is an open-access article.", "© 2014 Smith et al.", "This is an open-access"),
    ("© The Author(s) 2018. Open Access This article is licensed under a Creative Commons licence.",
     "© The Author(s) 2018.", "Open Access This"),
    ("This is an open access article.", None, "This is an open access"),
])
def test_split_copyright(text: str, statement: str | None, licence_start: str) -> None:
    got, licence, label = split_copyright(text)
    assert got == statement
    assert licence.startswith(licence_start)
    assert label is None


def test_copyright_label_over_a_licence_alone_is_returned_apart() -> None:
    assert split_copyright("Copyright: This is an open-access article.") == (
        None, "This is an open-access article.", "Copyright:")


@pytest.mark.parametrize(("statement", "year", "holder"), [
    ("Copyright: © 2018 Sociedade Brasileira de Anestesiologia. Published by Elsevier Editora Ltda.", "2018",
     "Sociedade Brasileira de Anestesiologia"),
    ("Copyright © 2020 Revista Latino-Americana de Enfermagem", "2020", "Revista Latino-Americana de Enfermagem"),
    ("© 2014 Smith et al.", "2014", "Smith et al."),
    ("© The Author(s) 2018.", "2018", "The Author(s)"),
    ("Copyright 2012 Elsevier Ltd. All rights reserved.", "2012", "Elsevier Ltd"),
    ("© 2019", "2019", None),
])
def test_copyright_parts(statement: str, year: str | None, holder: str | None) -> None:
    assert copyright_parts(statement) == (year, holder)


def test_copyright_year_and_holder_are_tagged_and_the_statement_keeps_its_label() -> None:
    res = _pdf("Copyright © 2020 Revista de Testes This is an Open Access article distributed under the terms of the "
               "Creative Commons Attribution License, which permits unrestricted use.")
    perm = res.tree.find(".//article-meta/permissions")
    assert perm is not None
    assert _text(perm.find("copyright-statement")) == "Copyright © 2020 Revista de Testes"
    assert _text(perm.find("copyright-year")) == "2020"
    assert _text(perm.find("copyright-holder")) == "Revista de Testes"
    # the licence sentence is the licence, not part of the statement
    assert _text(perm.find("license/license-p")).startswith("This is an Open Access article")
    findings = validate_bytes(res.jats, rules="all")
    ids = {f.rule for f in findings if f.severity == "error"}
    assert not ids & {"jats4r:permissions-errors-2", "jats4r:permissions-errors-3"}
    assert not [f for f in findings if f.severity == "error" and "permissions" in f.rule]


def test_copyright_line_on_its_own_over_the_licence() -> None:
    res = _pdf("© 2018 Gomes and Smith\n" + _LICENCE)
    lic = res.article.license
    assert lic is not None
    assert (lic.copyright_statement, lic.copyright_year, lic.copyright_holder) == (
        "© 2018 Gomes and Smith", "2018", "Gomes and Smith")
    assert lic.text.startswith("This is an Open Access")


def test_a_copyright_label_with_no_statement_is_reported() -> None:
    res = _pdf("Copyright: " + _LICENCE)
    lic = res.article.license
    assert lic is not None and lic.copyright_statement is None and lic.text.startswith("This is an Open Access")
    assert any(e.original == "Copyright:" for e in res.report.entries)


# ------------------------------------------------------------------ keywords


@pytest.mark.parametrize(("line", "label"), [
    ("Keywords: Anaesthesia; Hip surgery; Older adults", "Keywords"),
    ("Key words: Anaesthesia; Hip surgery; Older adults", "Key words"),
    ("Index Terms—Anaesthesia, Hip surgery, Older adults", "Index Terms"),
])
def test_keyword_label_is_the_group_title(line: str, label: str) -> None:
    res = _pdf(keywords=line)
    kg = res.tree.find(".//article-meta/kwd-group")
    assert kg is not None
    assert _text(kg.find("title")) == label
    assert [_text(k) for k in kg.findall("kwd")] == ["Anaesthesia", "Hip surgery", "Older adults"]
    assert validate_bytes(res.jats, rules="dtd") == []


def test_no_keywords_no_title() -> None:
    res = _pdf(keywords="")
    assert res.tree.find(".//article-meta/kwd-group") is None


# ------------------------------------------------------------------ web dates after the references

_WEB = """Skip to main content
Home > Journal of Tests > Articles > Article

Research Article

Sleep and Flight in Migrating Songbirds of Southern Europe
Ana Gomes1,*, John Smith2
1 Department of Biology, University of Lisbon, Lisbon, Portugal
2 Department of Zoology, University of Oxford, Oxford, United Kingdom

Abstract
Songbirds sleep in short bouts while they migrate, which we measured in three flocks over five seasons.

Introduction
Songbirds are small birds that migrate at night and have been studied for a long time by many people.
They rest in towns and fields, and their survival depends on shelter and on food during migration.

References
1. Silva A, Costa B (2011) Counting birds at dawn. J Field Stud 3: 1-9.
2. Qiu Z, Jiang H (2014) Sleep in birds. J Tests 9: e86816.

Corresponding author
Correspondence to Ana Gomes (ana.gomes@example.org).
Rights and permissions
Reprints and permissions
About this article
Cite this article
Gomes A, Smith J Sleep and Flight in Migrating Songbirds of Southern Europe. J Tests 2(6), e188 (2004).
Received
2004 Apr 27
Accepted
    August 3, 2004
Published
2004-09-28
"""


def test_web_dates_after_the_references_are_history_and_pub_date() -> None:
    res = convert(_WEB)
    art = res.article
    assert [(d.date_type, d.year, d.month, d.day) for d in art.history] == [
        ("received", "2004", 4, 27), ("accepted", "2004", 8, 3)]
    assert art.pub_date is not None and (art.pub_date.year, art.pub_date.month, art.pub_date.day) == ("2004", 9, 28)
    # the correspondence note ends at the page's next block; the rest of the back matter stays a note
    (note,) = art.author_notes
    assert note.email == "ana.gomes@example.org" and "About this article" not in note.text
    notes = " ".join(p.text for s in art.notes for p in s.paragraphs)
    assert "Rights and permissions" in notes and "Cite this article" in notes
    assert "2004 Apr 27" not in notes  # read as a date, not left over
    # the labels the dates were read from are not lost: the report keeps the lines
    originals = {e.original for e in res.report.entries if e.kind == "front-line"}
    assert {"Received", "Accepted", "Published"} <= originals
    assert validate_bytes(res.jats, rules="dtd") == []


def test_back_dates_never_replace_the_front_dates() -> None:
    text = _WEB.replace("Abstract\n", "Received: 2004 Apr 20\nAbstract\n", 1)
    res = convert(text)
    assert [(d.date_type, d.day) for d in res.article.history] == [("received", 20), ("accepted", 3)]
    # the other received date is not placed: it stays in the back-matter note
    notes = " ".join(p.text for s in res.article.notes for p in s.paragraphs)
    assert "2004 Apr 27" in notes


def test_a_received_in_a_sentence_of_the_back_matter_is_no_date() -> None:
    text = _WEB.replace("Rights and permissions\n",
                        "Acknowledgments\nThe samples received 12 March 2003 were counted twice.\n", 1)
    res = convert(text)
    assert [d.day for d in res.article.history if d.date_type == "received"] == [27]


# ------------------------------------------------------------------ consumed lines are reported


def test_consumed_front_lines_are_reported_with_their_offset() -> None:
    res = convert(_WEB)
    entries = {e.original: e for e in res.report.entries if e.kind == "front-line"}
    line = "Home > Journal of Tests > Articles > Article"
    assert line in entries
    assert entries[line].offset == _WEB.index(line)
    # a line whose words are all in the output (the title) is not reported again
    assert "Sleep and Flight in Migrating Songbirds of Southern Europe" not in entries


def test_citation_line_is_reported() -> None:
    res = _pdf()
    originals = {e.original for e in res.report.entries}
    assert "Revista de Testes | ISSN 0034-7094" in originals or any(
        "Revista de Testes" in (o or "") and "ISSN" in (o or "") for o in originals)


# ------------------------------------------------------------------ HTML report


def test_html_report_shows_editors_related_articles_copyright_and_dates() -> None:
    res = _pdf("Copyright © 2018 Gomes and Smith. " + _LICENCE)
    art = res.article
    from journalkit.model import Contributor, RelatedArticle

    art.editors.append(Contributor(contrib_type="editor", given_names="Maria C.", surname="Rossi",
                                   role="Academic Editor"))
    art.related_articles.append(RelatedArticle(related_type="corrected-article", doi="10.5555/jtests.0086816"))
    html = report_html(art, res.report)
    assert "Academic Editor: Maria C. <b>Rossi</b>" in html
    assert "corrected-article" in html and "10.5555/jtests.0086816" in html
    assert "Copyright © 2018 Gomes and Smith." in html and "holder Gomes and Smith" in html
    assert "received March 3, 2018" in html
    assert "Keywords: Anaesthesia; Hip surgery; Older adults" in html


def test_html_report_without_editors_has_no_editor_row() -> None:
    res = _pdf()
    assert "<th>Editors</th>" not in report_html(res.article, res.report)
