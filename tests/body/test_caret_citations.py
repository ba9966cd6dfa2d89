"""Superscripts a text browser marked with a caret ('patologia. ^7 Os', '1×10^6/mL'), spaced parentheses
('( 2, 3)'), and years that are no '(n)' citations."""

from __future__ import annotations

from lxml import etree

from journalkit.model import Citation, Paragraph, Reference
from journalkit.readers.body import CitationIndex, citation_styles, find_citations
from journalkit.writers.jats import _paragraph


def _index(n: int = 30) -> CitationIndex:
    return CitationIndex([Reference(id=f"ref{k}", label=str(k), raw=f"Autor{k} A. Título. Rev. 20{k:02d};1:1.")
                          for k in range(1, n + 1)])


def _linked(text: str, styles: frozenset[str] = frozenset({"bracket"})) -> list[tuple[str, list[str]]]:
    cites, _ = find_citations(text, _index(), styles)
    return [(c.text, c.rids) for c in cites]


def test_caret_citation_after_a_sentence_and_glued_to_a_word() -> None:
    assert _linked("com alguma patologia. ^7 Os benefícios") == [("7", ["ref7"])]
    assert _linked("in tuberculosis^12,13 and in leprosy") == [("12,13", ["ref12", "ref13"])]


def test_caret_list_and_range_printed_as_separate_superscripts() -> None:
    assert _linked("para os casos de risco. ^6 ^, ^11 A participação") == [("6 ^, ^11", ["ref6", "ref11"])]
    assert _linked("condições de sua saúde. ^2 ^- ^4 A ocorrência") == [("2 ^- ^4", ["ref2", "ref3", "ref4"])]


def test_caret_powers_are_no_citations() -> None:
    assert _linked("cells at 1×10^6/mL were") == []
    assert _linked("1.73 m^2, allowing") == []
    assert _linked("the CD4^+CD25^+ T cells") == []
    assert _linked("a value of 10^5 cells") == []
    assert _linked("see Fig.^2 for") == []


def test_spaced_parentheses() -> None:
    assert _linked("had been confirmed ( 2, 3) . In that", frozenset({"bracket", "paren"})) == [
        ("( 2, 3)", ["ref2", "ref3"])]


def test_years_in_parentheses_do_not_make_the_paren_style() -> None:
    text = ("Goldenberg (2010) and Brownell (2011) and Cash (2012) studied it. 3 Later, Smith (2013) said so. 4 "
            "Others agreed. 5 In Brazil (2014) too. 6")
    assert "paren" not in citation_styles([text], _index())


def test_writer_turns_carets_into_superscripts() -> None:
    text = "com alguma patologia. ^7 Os valores de 10^5 e CD4^+ ficaram."
    start = text.index("7")
    para = Paragraph(text=text, citations=[Citation(start=start, end=start + 1, rids=["ref7"], text="7")])
    p = _paragraph(etree.Element("sec"), para)
    xml = etree.tostring(p, encoding="unicode")
    assert '<sup><xref ref-type="bibr" rid="ref7">7</xref></sup>' in xml
    assert "10<sup>5</sup>" in xml and "CD4<sup>+</sup>" in xml
    assert "^" not in "".join(p.itertext())


def test_citations_in_figure_captions_are_linked() -> None:
    import journalkit

    text = ("A Study of Small Things in Large Places\n\n"
            "Abstract\nWe looked at small things. They were found in large places, which is what we expected.\n\n"
            "Introduction\n"
            "Small things were counted before [1], and their places were mapped [2].\n\n"
            "Figure 1. Cartoon model of the places (extended from [2]). Panels show the two regions.\n\n"
            "Discussion\nThe counts agree with the maps.\n\n"
            "References\n"
            "1. Silva A. Counting small things. J Tests. 2010;1:1-9.\n"
            "2. Costa B. Mapping large places. J Tests. 2011;2:10-19.\n")
    root = journalkit.convert(text).tree
    (xref,) = root.findall(".//fig/caption//xref")
    assert (xref.get("rid"), xref.text) == ("ref2", "[2]")


def test_caret_letters_become_superscripts_up_to_where_the_mark_ends() -> None:
    def sups(text: str) -> list[str | None]:
        return [s.text for s in _paragraph(etree.Element("x"), Paragraph(text=text)).iter("sup")]

    assert sups("the 18.75^th percentile of CD24^hiCD38^hi cells") == ["th", "hi", "hi"]
    assert sups("levels of p24^Gag and p16^INK4a rose") == ["Gag", "INK4a"]
    assert sups("in Tetrahymena. ^aJudging from the") == ["a"]
    assert sups("HMMER3) ^bindependent E-value") == []  # a note mark glued to its word: left as printed


def test_bracket_subscripts_of_a_web_page_are_no_citations() -> None:
    from journalkit.readers.common import bracket_subscripts

    text = "oxidative stress with H[2]O[2] and 2.5 mM CaCl[2] at log[2] scale, k[s] and N[tot] [3]"
    subs = bracket_subscripts(text)
    assert [text[a:b] for a, b in subs] == ["[2]", "[2]", "[2]", "[2]", "[s]", "[tot]"]
    cites, _ = find_citations(text, _index(), frozenset({"bracket"}), subscripts=subs)
    assert [c.text for c in cites] == ["[3]"]
    p = _paragraph(etree.Element("x"), Paragraph(text=text, citations=cites, subscripts=subs))
    assert "".join(p.itertext()).startswith("oxidative stress with H2O2 and 2.5 mM CaCl2 at log2 scale, ks")
    # a word glued to its citation keeps the citation
    for text in ("affect borderline leprosy[4]. They", "the study of Hellman et al[15] concluded", "each cell[4] was"):
        assert bracket_subscripts(text) == []
