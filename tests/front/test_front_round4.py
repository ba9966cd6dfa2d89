"""Front matter round 4: title tails above a byline, group bylines, the journal's name as printed,
correspondence notes outside the front matter, several e-mails in a note, unplaced front-matter text
(synthetic texts shaped like the corpus failures, no real article)."""

from __future__ import annotations

from journalkit import convert
from journalkit.readers.authors import looks_like_person
from journalkit.readers.front import _title_tail, detect_language, is_iberian, word_counts

_BODY = ("\n\nAbstract\nWe study things. The results are clear.\n\n"
         "Introduction\nSome body text goes here for the test article.\n")


def test_title_tail_is_not_a_byline() -> None:
    # the title's last line joined with the byline reads as a byline: the line under it reads as names alone
    assert _title_tail("Skills", "Joel T. Dudley1,2,3,* and Atul J. Butte2,3")
    assert _title_tail("for the Next Generation Web", "Duncan Hull1,2, Steve R. Pettifer2,3")
    # a byline broken inside a name has names before the break
    assert not _title_tail("Jane Doe1, Alvaro", "Monterrosa2, Kim Lee3")


def test_wrapped_title_keeps_its_last_line() -> None:
    text = ("Research Article\n\nA Quick Guide for Developing Effective Bioinformatics Programming\nSkills\n"
            "Joel T. Dudley1,* and Atul J. Butte2\n1 Department of Biology, Stanford University, Stanford, USA\n"
            "2 Department of Pediatrics, Stanford University, Stanford, USA" + _BODY)
    art = convert(text).article
    assert art.title == "A Quick Guide for Developing Effective Bioinformatics Programming Skills"
    assert [c.surname for c in art.contributors] == ["Dudley", "Butte"]


def test_unmarked_title_line_over_marked_byline() -> None:
    text = ("Research Article\n\nExact Solutions of Reaction Processes on a Growing Domain: Criteria for\n"
            "Successful Colonization\nMatthew J Simpson*\n"
            "1. Mathematical Sciences, Queensland University of Technology, Brisbane, Australia" + _BODY)
    art = convert(text).article
    assert art.title is not None and art.title.endswith("Criteria for Successful Colonization")
    assert [c.surname for c in art.contributors] == ["Simpson"]


def test_names_with_particles_and_hyphen_cuts() -> None:
    assert looks_like_person("Mohamed El Anbari")
    assert not looks_like_person("Binds TBK- Adaptor Proteins")  # 'TBK-1' with its '1' read as a marker


def test_group_byline() -> None:
    text = ("Erratum\n\nCorrection: Pollen Evidence for Rice Cultivation at the Jiangli Site\nThe PLOS ONE Staff\n"
            "Published: 6 May 2014" + _BODY)
    art = convert(text).article
    assert art.title == "Correction: Pollen Evidence for Rice Cultivation at the Jiangli Site"
    assert [c.collab for c in art.contributors] == ["The PLOS ONE Staff"]


def test_journal_name_spelled_out_in_citation() -> None:
    text = ("PLoS Biology 2013; 11(1):e1001473\n\nPLoS Biology\n\nResearch Article\n\n"
            "A Title About Genomes\nAnna Rossi1, Bruno Bianchi2\n1 Department of Biology, University of Padua, Italy\n"
            "2 Department of Physics, University of Padua, Italy" + _BODY)
    art = convert(text).article
    assert art.journal.title == "PLoS Biology"


def test_unlabelled_citation_wrapped_inside_journal_name() -> None:
    text = ("Research Article\n\nA Title About Networks\nDeborah A Weighill1, Daniel A Jacobson1,*\n"
            "1. Institute for Wine Biotechnology, Stellenbosch University, Stellenbosch, South Africa\n"
            "Weighill DA, Jacobson DA. A Title About Networks. PLoS\n"
            "Comput Biol 2015; 11(3):e1004079. doi:10.1371/journal.pcbi.1004079.\n\nPLOS Computational Biology\n"
            + _BODY)
    art = convert(text).article
    assert art.journal.abbrev_title == "PLoS Comput Biol"
    assert art.journal.title == "PLOS Computational Biology"


def test_corresp_note_after_references_and_several_emails() -> None:
    text = ("Research Article\n\nA Title About Genomes\nAnna Rossi1,*, Bruno Bianchi1,*\n"
            "1 Department of Biology, University of Padua, Padua, Italy" + _BODY +
            "\nReferences\n1. Smith J. A paper title. Nature. 2001;1:2-3.\n"
            "* E-mail: anna.rossi@unipd.it (AR); bianchi@unipd.it (BB)\n")
    res = convert(text)
    assert res.article.author_notes and res.article.author_notes[0].email == "anna.rossi@unipd.it"
    xml = res.jats.decode()
    assert xml.count("<email>") >= 2 and "<email>bianchi@unipd.it</email>" in xml


def test_unplaced_front_text_goes_to_back_notes() -> None:
    text = ("Research Article\n\nA Title About Genomes\nAnna Rossi1, Bruno Bianchi1\n"
            "1 Department of Biology, University of Padua, Padua, Italy\n\nThis issue\n\n"
            "Abstract\nWe study things. The results are clear.\n\n"
            "Author Summary\nGenomes of ciliates hold thousands of tiny chromosomes that we describe here.\n\n"
            "Introduction\nSome body text goes here for the test article.\n")
    res = convert(text)
    notes = [n for n in res.article.notes if n.sec_type == "unplaced"]
    unplaced = " ".join(p.text for n in notes for p in n.paragraphs)
    assert "tiny chromosomes" in unplaced
    assert "This issue" not in unplaced  # page furniture stays out of the text
    assert '<notes notes-type="unplaced">' in res.jats.decode()
    assert any(e.kind == "front-line" and e.severity == "warning" for e in res.report.entries)


def test_language_and_iberian_share_one_count() -> None:
    pt = "RESUMO\nO estudo foi feito com os dados dos pacientes que " * 8 + "\nPalavras-chave: saúde\nRecebido: 2014"
    assert is_iberian(pt) and detect_language(pt) == "pt"
    assert word_counts(pt)["chave"] == 1  # counted once, cached for the second question
    en = "Abstract\nThe study was done with the data of the patients that were seen. " * 8
    assert not is_iberian(en) and detect_language(en) == "en"


def test_unlabelled_affiliations_linked_by_number_order() -> None:
    # the affiliations' lone number lines are gone (as after text extraction), the authors' markers are 1..3
    text = ("Research Article\n\nA Title About Digital Libraries\n"
            "Duncan Hull1,2, Steve R. Pettifer2,3, Douglas B. Kell1\n\n"
            "School of Chemistry, The University of Manchester, Manchester, United Kingdom\n\n"
            "The Interdisciplinary Biocentre, The University of Manchester, Manchester, United Kingdom\n\n"
            "School of Computer Science, The University of Manchester, Manchester, United Kingdom\n" + _BODY)
    res = convert(text)
    art = res.article
    assert len(art.affiliations) == 3 and all(a.label is None for a in art.affiliations)  # no label invented
    assert [c.aff_ids for c in art.contributors] == [["aff1", "aff2"], ["aff2", "aff3"], ["aff1"]]
    assert res.report.of_kind("aff-link-by-order")
