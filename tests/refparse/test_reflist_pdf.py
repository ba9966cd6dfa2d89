"""Reference lists as pdftotext gives them: page-range ends that look like labels, labels the strict pattern
misses, accents kept as combining marks, running footers inside the list, and DOIs that lost a hyphen."""

from __future__ import annotations

import pytest

from journalkit.document import Document
from journalkit.model import Article
from journalkit.readers.reflist import _split_references, reference_items
from journalkit.refparse import parse_reference
from journalkit.refparse.parser import restore_doi_hyphens
from journalkit.writers.jats_refs import build_ref


def _raws(text: str) -> list[tuple[str | None, str]]:
    items, _rest = reference_items(Document(text).lines())
    return [(i.label, i.raw) for i in items]


def test_lone_page_number_after_an_open_range_is_not_the_next_label() -> None:
    # two columns: entries 1-3 in one, then "4." is printed as the last page of 2 before the real entry 4
    text = ("1. Adams B (2001) First study of things. Cell 7: 1–9.\n"
            "2. Baker C (2002) Second study of things. Protist 155: 45–\n"
            "4.\n"
            "3. Clark D (2003) Third study of things. Gene 9: 10–19.\n"
            "4. Dunn E (2004) Fourth study of things. Nature 3: 20–29.\n")
    got = _raws(text)
    assert [lab for lab, _ in got] == ["1", "2", "3", "4"]
    assert got[1][1].endswith("Protist 155: 45– 4.")
    assert got[3][1].startswith("Dunn E")


def test_bare_label_before_a_non_name_opening() -> None:
    text = ("1 Adams B, Baker C. A study. Cell. 2001;7:1-9.\n"
            "2 Clark D. Another study. Gene. 2002;9:10-19.\n"
            "3 1 3. Centers for Disease Control. Guidance [Internet]. 2022.\n"
            "4 Dunn E. A fourth study. Nature. 2004;3:20-29.\n")
    got = _raws(text)
    assert [lab for lab, _ in got] == ["1", "2", "3", "4"]
    assert got[2][1].startswith("1 3. Centers")


def test_bare_label_before_a_name_with_combining_accents() -> None:
    text = ("1 Adams B (2001) A study. Cell 7: 1-9.\n"
            "2 Kopa\u030cek J, Klementova\u0301 S (2005) Photochemical production. Environ Sci Technol 39: 1-2.\n"
            "3 Clark D (2003) Third study. Gene 9: 10-19.\n")
    assert [lab for lab, _ in _raws(text)] == ["1", "2", "3"]


def test_running_footer_inside_the_list_is_left_out() -> None:
    footer = "PLoS ONE, 2013, Vol. 8(8)"
    body = "".join(f"Body paragraph {k} of the article.\n{footer}\n\n" for k in range(3))
    refs = ("References\n"
            "[1] Adams B (2001) A study. Cell 7: 1-9. doi:10.1016/j.cell.2001.01.001.\n"
            f"{footer}\n"
            "\n"
            "[2] Baker C (2002) Another study. Gene 9: 10-19.\n")
    doc = Document(body + refs)
    lines = doc.lines()
    start = next(i for i, ln in enumerate(lines) if ln.stripped == "References") + 1
    art = Article()
    _split_references(doc, art, lines[start:])
    assert [r.raw for r in art.references] == [
        "Adams B (2001) A study. Cell 7: 1-9. doi:10.1016/j.cell.2001.01.001.",
        "Baker C (2002) Another study. Gene 9: 10-19.",
    ]



def _split(text: str) -> tuple[Document, Article]:
    doc = Document(text)
    lines = doc.lines()
    start = next(i for i, ln in enumerate(lines) if ln.stripped == "References") + 1
    art = Article()
    _split_references(doc, art, lines[start:])
    return doc, art


def test_two_column_list_is_put_back_in_number_order() -> None:
    # pdftotext read the right column (4-5) before the rest of the left one (1-3 continue after it)
    text = ("Body.\n\nReferences\n"
            "[4] Dunn E (2004) Fourth study. Nature 3: 20-29.\n"
            "[5] Evans F (2005) Fifth study. Cell 8: 1-2.\n"
            "[1] Adams B (2001) First study. Cell 7: 1-9.\n"
            "[2] Baker C (2002) Second study. Gene 9: 10-19.\n"
            "[3] Clark D (2003) Third study. Gene 9: 20-29.\n")
    doc, art = _split(text)
    assert [(r.id, r.label, r.raw[:5]) for r in art.references] == [
        ("ref1", "1", "Adams"), ("ref2", "2", "Baker"), ("ref3", "3", "Clark"), ("ref4", "4", "Dunn "),
        ("ref5", "5", "Evans")]
    assert [e.kind for e in doc.report.entries].count("reference-order") == 1
    # each reference keeps the span it was read from
    r1 = art.references[0]
    assert text[r1.provenance["raw"].start:r1.provenance["raw"].end] == r1.raw


def test_list_in_order_is_left_as_read() -> None:
    text = ("Body.\n\nReferences\n"
            "1. Adams B (2001) First study. Cell 7: 1-9.\n"
            "2. Baker C (2002) Second study. Gene 9: 10-19.\n"
            "3. Clark D (2003) Third study. Gene 9: 20-29.\n")
    doc, art = _split(text)
    assert [r.raw[:5] for r in art.references] == ["Adams", "Baker", "Clark"]
    assert "reference-order" not in [e.kind for e in doc.report.entries]

@pytest.mark.parametrize(("printed", "doi"), [
    ("10.1016/S01406736(22)00104-0", "10.1016/S0140-6736(22)00104-0"),  # Elsevier PII: ISSN 0140-6736
    ("10.1590/S010373312012000300019", "10.1590/S0103-73312012000300019"),  # SciELO PID
    ("10.1111/j.17528062.2010.00256.x", "10.1111/j.1752-8062.2010.00256.x"),  # Wiley
    ("10.1016/01666851(92)90211-2", "10.1016/0166-6851(92)90211-2"),  # SICI-like
    ("10.1007/s00285-0120588-8", "10.1007/s00285-012-0588-8"),  # Springer grouping
    # left alone: a wrong check digit, schemes that print the ISSN without its hyphen, ordinary DOIs
    ("10.1016/S01406737(22)00104-0", "10.1016/S01406737(22)00104-0"),
    ("10.1017/S095252380000715X", "10.1017/S095252380000715X"),
    ("10.1080/00207721.2011.564675", "10.1080/00207721.2011.564675"),
    ("10.1002/14651858.CD005066.pub2", "10.1002/14651858.CD005066.pub2"),
    ("10.1371/journal.pone.0005723", "10.1371/journal.pone.0005723"),
])
def test_restore_doi_hyphens(printed: str, doi: str) -> None:
    assert restore_doi_hyphens(printed) == doi


def test_recovered_doi_is_written_beside_the_verbatim_string() -> None:
    raw = ("Carr EJ, Wu M. Omicron neutralising antibodies. Lancet. 2022;399(10327):800-2. "
           "doi: 10.1016/S01406736(22)00104-0.")
    ref = parse_reference(raw, id="r1")
    assert ref.doi == "10.1016/S0140-6736(22)00104-0"
    el = build_ref(ref)
    mc = el.find("citation-alternatives/mixed-citation")
    assert mc is not None and "".join(mc.itertext()) == raw
    ec = el.find("citation-alternatives/element-citation/pub-id")
    assert ec is not None and ec.text == "10.1016/S0140-6736(22)00104-0"
    # the alternative is the same reference in parts, not the identifier alone
    parts = [c.tag for c in el.find("citation-alternatives/element-citation")]
    assert {"person-group", "year", "source"} <= set(parts), parts
    assert all(not (c.tail or "").strip() for c in el.find("citation-alternatives/element-citation").iter())


def test_printed_doi_needs_no_alternative() -> None:
    raw = "Adams B. A study. Cell. 2001;7:1-9. doi: 10.1016/j.cell.2001.01.001."
    el = build_ref(parse_reference(raw, id="r1"))
    assert el.find("citation-alternatives") is None
    assert el.find("mixed-citation") is not None
