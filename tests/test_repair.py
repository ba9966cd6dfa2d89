"""Repairs: each one conservative and recorded with offsets into the input."""

from __future__ import annotations

from journalkit.document import Document, Edit
from journalkit.readers.repair import repair


def _repair(text: str) -> Document:
    doc = Document(text)
    repair(doc)
    return doc


def test_offsets_map_back_to_the_input() -> None:
    doc = Document("abcdef")
    doc.apply_edits([Edit(1, 3, "XYZW", "t"), Edit(4, 5, "", "t")])
    assert doc.text == "aXYZWdf"
    assert doc.to_original(doc.text.index("d")) == 3
    assert doc.to_original(doc.text.index("f")) == 5
    doc.apply_edits([Edit(0, 1, "", "t")])
    assert doc.to_original(doc.text.index("f")) == 5


def test_doi_space_hyphen_and_markup() -> None:
    text = ("Immunoregulation is here. See 10.32598/ Immunoregulation.6.1.8 and "
            "[DOI:10.32598/IMMU-NOREGULATION.1.1.1] and [DOI:10.32598/IMMUNOREG-**ULATION.1.3.119**]\n")
    doc = _repair(text)
    assert "10.32598/Immunoregulation.6.1.8" in doc.text
    assert "10.32598/IMMUNOREGULATION.1.1.1" in doc.text
    assert "10.32598/IMMUNOREGULATION.1.3.119" in doc.text
    kinds = [e.kind for e in doc.report.entries]
    assert kinds.count("doi-hyphen") == 2 and "doi-space" in kinds and "markup" in kinds


def test_doi_hyphen_kept_when_not_attested() -> None:
    doc = _repair("See 10.1002/ABC-DEFG.12 for details.\n")
    assert "10.1002/ABC-DEFG.12" in doc.text
    assert doc.report.of_kind("doi-hyphen-kept")


def test_line_break_hyphenation_only_when_attested() -> None:
    doc = _repair("The immuno-\nregulation of cells. Immunoregulation matters.\nA well-\nknown fact.\n")
    assert "immunoregulation of cells" in doc.text
    assert "well-\nknown" in doc.text  # 'wellknown' is not a word of this text


def test_drop_cap_restored_from_document_evidence() -> None:
    text = "Title\n\nn the beginning we studied it in the lab, and in the field.\n"
    doc = _repair(text)
    assert "In the beginning" in doc.text
    e = doc.report.of_kind("drop-cap")[0]
    assert text[e.offset:e.offset + 5] == "n the"


def test_drop_cap_left_alone_without_evidence() -> None:
    doc = _repair("Title\n\nx ray imaging is used.\n")
    assert "x ray imaging" in doc.text
    assert not doc.report.of_kind("drop-cap")


def test_ligatures_soft_hyphens_icons_labels_whitespace() -> None:
    doc = _repair("The \ufb01rst e\u00adfect\u00a0here.  Ghazanfari\u00b9 \U0001f55e\nJin Wang1,\u2709\r\n"
                  "Journal 2016 This issue\nRef. [PMID] [PMCID]\n")
    assert "The first efect here. Ghazanfari\u00b9\n" in doc.text
    assert "Jin Wang1,\u2709\n" in doc.text  # the envelope marks the corresponding author: kept
    assert "Journal 2016\n" in doc.text
    assert "Ref.\n" in doc.text
    kinds = {e.kind for e in doc.report.entries}
    assert {"ligature", "soft-hyphen", "whitespace", "icon-glyph", "link-label", "newline"} <= kinds


def test_plugin_edits_run_first_and_are_reported() -> None:
    doc = Document("A \ue000 B\n")
    repair(doc, extra=[Edit(2, 3, "fi", "journal-glyph", "private glyph is fi in this journal's font")])
    assert doc.text == "A fi B\n"
    assert doc.report.of_kind("journal-glyph")[0].original == "\ue000"


def test_hyphen_restored_where_the_compound_is_printed_hyphenated() -> None:
    # pdftotext output (a form feed between pages)
    text = ("We seek a lowdimensional space. A low-dimensional model and a second low-dimensional fit.\n\f"
            "Levels of CTLA4 rose; CTLA-4 and CTLA-4 were measured. See https://example.org/lowdimensional/x\n")
    doc = _repair(text)
    assert "We seek a low-dimensional space." in doc.text
    assert "Levels of CTLA-4 rose" in doc.text
    assert "https://example.org/lowdimensional/x" in doc.text  # a link is left as printed
    kinds = [e for e in doc.report.entries if e.kind == "hyphen-restored"]
    assert len(kinds) == 2 and all(e.offset is not None for e in kinds)
    assert (kinds[0].original, kinds[0].replacement) == ("lowdimensional", "low-dimensional")
    assert text[kinds[0].offset:].startswith("lowdimensional")  # the offset points into the input


def test_hyphen_not_restored_when_the_author_writes_both() -> None:
    # joined as often as hyphenated: the author's own spelling, not a line-break artefact
    text = "A nonspecific effect. Another nonspecific effect. One non-specific effect and one non-specific.\n\f"
    assert _repair(text).text == text.replace("\f", "\n")
    text = "An antioxidant here, an anti-oxidant there.\n\f"
    assert _repair(text).text == text.replace("\f", "\n")


def test_hyphen_not_restored_outside_pdftotext_output() -> None:
    # a web page keeps its hyphens: 'Genomewide' in a reference title is printed so
    text = "A Genomewide scan. The genome-wide study and a genome-wide map.\n"
    assert _repair(text).text == text


def test_hyphen_not_restored_in_a_capitalised_name() -> None:
    text = ("Institute of Health and Wellbeing, Glasgow.\n\fOur well-being scores, well-being ranks and well-being.\n"
            "Wellbeing was measured twice.\n")
    out = _repair(text).text
    assert "Institute of Health and Wellbeing" in out  # a name, as printed
    assert "\nWell-being was measured" in out  # a sentence start


def test_hyphen_restored_in_a_text_whose_casefolding_changes_its_length() -> None:
    # 'ß' casefolds to 'ss': the folded text no longer lines up with the text, and the repair used to give up
    text = ("Sheep from Großbritannien were highlysusceptible. The highly-susceptible breeds and other\n\f"
            "highly-susceptible alleles were common.\n")
    out = _repair(text).text
    assert "were highly-susceptible." in out and "Großbritannien" in out


def test_html_character_references_left_by_a_text_browser() -> None:
    """'Smith &amp; Jones': the page's source showed through; the character is put back, and a reference that
    names no printing character ('&#10;') or an unknown name ('&foo;') is left as printed."""
    doc = _repair("Amit Dutt &amp; Alex Hajnal &lt;5 mm&gt; &#233;t&#xE9;&nbsp;x &#10; &foo; R&D;\n")
    assert doc.text == "Amit Dutt & Alex Hajnal <5 mm> été x &#10; &foo; R&D;\n"
    entries = [e for e in doc.report.entries if e.kind == "html-entity"]
    assert len(entries) == 6 and entries[0].original == "&amp;"
    assert doc.to_original(doc.text.index("Alex")) == len("Amit Dutt &amp; ")
