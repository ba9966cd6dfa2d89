"""Ordinary texts the session-8 rules for other houses' layouts misread before review (each written to break
one rule: a note running into the title, a title opening with a label's words, addresses that hold numbers,
a numbered affiliation, a dataset's licence, an e-mail under a licence, a journal wrapped after one word, a
body sentence opening with a date word, a place line in a reviewer's affiliation). Inputs are synthetic, in
tests/data/review8/."""

from __future__ import annotations

from pathlib import Path

from journalkit import convert

_DATA = Path(__file__).resolve().parent.parent / "data" / "review8"


def _art(name: str):  # type: ignore[no-untyped-def]
    return convert((_DATA / name).read_text(encoding="utf-8")).article


def _surnames(art) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [c.surname for c in art.contributors]


def test_citation_note_right_over_the_title_keeps_title_and_byline() -> None:
    art = _art("t3.txt")
    assert art.title == "Dengue and rainfall in Recife, Brazil"
    assert _surnames(art) == ["Silva", "Costa"] and len(art.affiliations) == 2


def test_title_opening_with_a_note_label_is_the_title() -> None:
    art = _art("t14.txt")
    assert art.title == "Data availability statements in ecology journals"
    assert _surnames(art) == ["Silva", "Costa"]


def test_group_author_after_markers_is_a_byline() -> None:
    art = _art("t4.txt")
    assert art.title == "Vitamin D levels and fracture risk in older women"
    assert _surnames(art)[:2] == ["Berg", "Lind"] and len(art.affiliations) == 3


def test_numbers_inside_affiliations_are_no_run_in_labels() -> None:
    """'..., 8 College Road, Singapore' (label 8 has its own line) and '3D Imaging' are addresses and words."""
    art = _art("t5.txt")
    assert [a.label for a in art.affiliations] == [str(n) for n in range(1, 9)]
    assert art.affiliations[6].text.endswith("8 College Road, Singapore 169857")
    art = _art("t6.txt")
    assert [a.text.split(",")[0] for a in art.affiliations] == [
        "Biozentrum", "Center for Microscopy and 3D Imaging", "Department of Biology"]
    assert [c.aff_ids for c in art.contributors] == [["aff1"], ["aff2"], ["aff3"]]


def test_numbered_affiliation_is_no_first_section() -> None:
    """An editorial with no abstract: '1. Laboratório de ...' over 'Universidade Federal ...' is an affiliation."""
    art = _art("t7.txt")
    assert art.title == "Zika virus and the next epidemic in Brazil"
    assert all(not (sec.title or "").startswith("Laborat") for sec in art.body)
    assert "Zika epidemic of 2015" in " ".join(p.text for sec in art.body for p in sec.paragraphs)


def test_dataset_licence_after_the_references_is_not_the_articles() -> None:
    assert _art("t9.txt").license is None


def test_email_under_the_licence_is_not_part_of_it() -> None:
    lic = _art("t8c.txt").license
    assert lic is not None and lic.text.endswith("Creative Commons Attribution License.")


def test_journal_wrapped_after_its_first_words() -> None:
    art = _art("t12.txt")
    assert art.journal.abbrev_title == "BMC Public Health"
    assert (art.volume, art.issue, art.fpage) == ("15", "3", "123")


def test_body_sentences_opening_with_date_words_stay_in_the_body() -> None:
    art = _art("t17.txt")
    body = " ".join(p.text for sec in art.body for p in sec.paragraphs)
    assert "Published 2019, the dataset was reused here." in body
    assert art.pub_date is None


def test_place_line_in_a_reviewers_affiliation_is_no_reviewer() -> None:
    art = _art("fr_city.txt")
    assert [(e.contrib_type, e.surname) for e in art.editors] == [
        ("editor", "Virtanen"), ("reviewer", "Nowak"), ("reviewer", "Costa")]
    assert art.title == "IL6 Signalling in Cheese Rind Fungi"
