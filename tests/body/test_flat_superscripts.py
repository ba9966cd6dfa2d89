"""Superscript citations that the text rendering flattened into bare numbers after punctuation (SciELO style)."""

from __future__ import annotations

from journalkit.model import Reference
from journalkit.readers.body import CitationIndex, citation_styles, find_citations

FLAT = frozenset({"bracket", "flat"})


def _index(n: int = 30) -> CitationIndex:
    return CitationIndex([Reference(id=f"ref{k}", label=str(k), raw=f"Autor{k} A. Título. Rev. 20{k:02d};1:1.")
                          for k in range(1, n + 1)])


def _linked(text: str, n: int = 30) -> list[tuple[str, list[str]]]:
    cites, _ = find_citations(text, _index(n), FLAT)
    for c in cites:
        assert text[c.start:c.end] == c.text  # the marker stays exactly as printed
    return [(c.text, c.rids) for c in cites]


def test_number_after_full_stop_before_capital() -> None:
    assert _linked("Contribui para o aumento dos custos. 13 Adicionalmente, mantém o usuário longe.") == [
        ("13", ["ref13"])]


def test_comma_spaced_list_and_range_wrapped_at_paragraph_end() -> None:
    text = "Encontrado na maioria dos hospitais (taxas de 13,5% a 62,0%). 2 , 4 , 17"
    assert _linked(text) == [("2 , 4 , 17", ["ref2", "ref4", "ref17"])]
    assert _linked("motivos distintos. 4 , 15 , 26 - 28 Isso faz") == [
        ("4 , 15 , 26 - 28", ["ref4", "ref15", "ref26", "ref27", "ref28"])]


def test_list_after_comma_followed_by_more_text() -> None:
    assert _linked("em estudos de outros países, 3 , 4 , 9 em que os motivos") == [
        ("3 , 4 , 9", ["ref3", "ref4", "ref9"])]


def test_glued_after_full_stop_and_compact_list() -> None:
    assert _linked("around 10% of the population.1 Studies show it.") == [("1", ["ref1"])]
    assert _linked("as reported before. 3,8 The results") == [("3,8", ["ref3", "ref8"])]
    assert _linked("as reported before. 5-7 The results") == [("5-7", ["ref5", "ref6", "ref7"])]


def test_years_quantities_and_percentages_are_not_linked() -> None:
    assert _linked("Estudo de 1991 16 mostrou que a taxa caiu.") == []  # no boundary: ambiguous
    assert _linked("Em 2010. 2010 Pacientes foram incluídos.") == []  # a year is no list number
    assert _linked("A taxa caiu. 13,5% Dos pacientes") == []
    assert _linked("A taxa caiu. 13.5 Dos pacientes") == []
    assert _linked("Foram incluídos. 12 mg Dose diária") == []
    assert _linked("A temperatura subiu. 10° Celsius") == []
    assert _linked("A amostra (n = 13). 2 Grupos foram") == []
    assert _linked("Os grupos foram comparados, 12 pacientes em cada um") == []  # a lone count in a clause


def test_figures_tables_pages_and_out_of_range_are_not_linked() -> None:
    assert _linked("Ver Fig. 2 Os resultados") == []
    assert _linked("Ver Tabela. 3 Os resultados") == []
    assert _linked("descrito em p. 12 Os resultados") == []
    assert _linked("como antes. 45 Os resultados", n=30) == []  # no reference 45
    assert _linked("Resultados 1,2 3,4 Idade 5,6") == []  # table-like numbers without a boundary
    assert _linked("Idade: 34, 56 Sexo: 12") == []  # values, not a comma-spaced list of references


def test_flat_style_only_where_the_article_cites_no_other_way() -> None:
    idx = _index()
    flat = ["Aumento dos custos. 13 Adicionalmente, algo.", "Outro fato. 2 , 4 Mais texto.",
            "Um terceiro achado. 7 Enfim."]
    assert "flat" in citation_styles(flat, idx)
    assert "flat" not in citation_styles([*flat, "Visto em [1], [2] e [3]."], idx)
    assert "flat" not in citation_styles([*flat, "Como (Silva, 2010), (Souza, 2011) e (Lima, 2012)."], idx)
    assert "flat" not in citation_styles(flat[:2], idx)  # too little evidence
    # without the style, nothing is read as a flattened superscript
    assert find_citations(flat[0], idx)[0] == []


def test_flat_superscripts_outnumbering_enumerations_win_over_paren() -> None:
    idx = _index()
    texts = ["Os itens: (1) idade; (2) sexo; (3) renda.", "Aumento dos custos. 13 Adicionalmente.",
             "Outro fato. 2 , 4 Mais texto.", "Um achado. 7 Enfim.", "Visto antes. 9 Depois."]
    styles = citation_styles(texts, idx)
    assert "flat" in styles and "paren" not in styles
    cites, _ = find_citations(texts[0], idx, styles)
    assert cites == []


def test_names_ending_in_digits_are_no_superscripts_in_an_author_year_article() -> None:
    # C. elegans cell and gene names ('hyp7', 'lin7') look like glued superscripts '...cells2'
    idx = _index()
    names = ["They fuse with the hypodermal syncytium hyp7.", "Cells fused to hyp7 early.",
             "The syn5 larvae were scored.", "In syn5 animals the signal rose.", "The lin7 mutants were used.",
             "A hyp7 nucleus."]
    cited = ["as shown before (Kornfeld 1997; Sternberg and Han 1998).", "(Hill and Sternberg 1992)",
             "(Sulston and White 1980)", "(Whitfield et al. 1999)", "(Kimble 1981)", "(Katz et al. 1995)",
             "(Greenwald et al. 1983)"]
    assert "super" not in citation_styles(names + cited, idx)
    # the same glued numbers in an article that cites no other way are superscripts
    glued = ["as shown in mice2.", "and in rats3 too.", "before5 and after6.", "as others found7.",
             "in two trials8 alike."]
    assert "super" in citation_styles(glued, idx)
