"""Abstract end, keyword groups and language detection on small inline texts."""

from __future__ import annotations

from journalkit.document import Line
from journalkit.model import Article, Contributor
from journalkit.readers.front import _assign_emails, abstract_end, detect_language, keyword_groups


def _lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(text=raw, start=pos, end=pos + len(raw)))
        pos += len(raw) + 1
    return out


def test_abstract_ends_at_next_web_heading() -> None:
    ls = _lines("We studied mice. They were fine.\n\nPublished\n\n   2012-08-08")
    assert abstract_end(ls, 0) == 2


def test_structured_abstract_keeps_its_sections_and_stops_at_introduction() -> None:
    ls = _lines("Background\nWe asked.\nMethods and Findings\nWe did.\nConclusions\nIt worked.\nIntroduction\nBody.")
    assert abstract_end(ls, 0) == 6


def test_abstract_stops_at_correspondence_note() -> None:
    ls = _lines("We studied mice and found\nnothing at all.\n* E-mail: a@b.org")
    assert abstract_end(ls, 0) == 2


def test_keywords_one_per_line_bulleted() -> None:
    ls = _lines("  Keywords\n\n     * Homosexuality, Male\n     * Risk Groups\n\nINTRODUCTION")
    [(_, _, lang, items)] = keyword_groups(ls)
    assert lang == "en" and items == ["Homosexuality, Male", "Risk Groups"]


def test_keywords_inline_wrapped_with_localised_label() -> None:
    ls = _lines("DESCRITORES: Idoso; Depressão, epidemiologia; Fatores de\n"
                "Risco; Estudos Transversais\n\n1. INTRODUÇÃO")
    [(_, _, lang, items)] = keyword_groups(ls)
    assert lang == "pt" and items == ["Idoso", "Depressão, epidemiologia", "Fatores de Risco", "Estudos Transversais"]



def test_keywords_separated_by_bullets_or_bars() -> None:
    for sep in (" • ", " | ", " · ", "; "):
        ls = _lines(f"Keywords: Learning Environment{sep}Renal Insufficiency, Chronic{sep}Nursing\n"
                    f"Education{sep}Kidney transplantation\n\nIntroduction")
        [(_, _, lang, items)] = keyword_groups(ls)
        assert items == ["Learning Environment", "Renal Insufficiency, Chronic", "Nursing Education",
                         "Kidney transplantation"], sep

def test_sentence_starting_with_keywords_is_no_group() -> None:
    assert keyword_groups(_lines("keywords, words in a title or abstract, and so on")) == []


def test_detect_language() -> None:
    pt = "Os resultados foram analisados com os dados dos pacientes que não foram tratados em uma unidade. " * 4
    assert detect_language(pt) == "pt"
    assert detect_language("The results of the study were analysed and the data are shown.") == "en"


def test_further_note_emails_go_to_the_authors_named_by_initials() -> None:
    art = Article(contributors=[Contributor(surname="Serrano", given_names="Norma C."),
                                Contributor(surname="Casas", given_names="Juan P.")])
    _assign_emails(art, "E-mail: ns@unab.edu.co (NCS), jp@lshtm.ac.uk (JPC)", "ns@unab.edu.co")
    assert [(c.email, c.corresponding) for c in art.contributors] == [(None, False), ("jp@lshtm.ac.uk", True)]


def test_short_text_under_a_section_title_is_the_sections_text() -> None:
    ls = _lines("Background\n\nWe asked.\n\nTrial registration\n\nClinicalTrials.gov NCT00848692\n\n"
                "Introduction\n\nBody.")
    assert abstract_end(ls, 0) == 8  # up to "Introduction", the registry line kept
