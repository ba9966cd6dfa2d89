"""Abstracts after the main one: summaries (``<abstract abstract-type>``) and translations
(``<trans-abstract xml:lang>`` with ``<trans-title-group>`` and a ``<kwd-group xml:lang>``)."""

from __future__ import annotations

from lxml import etree

from journalkit import convert
from journalkit.validation import validate_bytes

LANG = "{http://www.w3.org/XML/1998/namespace}lang"

_SUMMARY = """Journal of Tests | ISSN 1932-6203

Research Article

Birds Sleep in Flight over the Open Sea
Ana Silva1, Bruno Costa2
1 Department of Biology, University of Lisbon, Lisbon, Portugal
2 Institute of Zoology, University of Porto, Porto, Portugal
Citation: Silva A, Costa B (2014) Birds Sleep in Flight over the Open Sea. J Tests 9(5): e97541.

Abstract

Migrating songbirds cross the sea in flights that last days. We recorded the brain activity of twelve birds
in flight and found short bouts of sleep in one hemisphere at a time, mostly at night.

Author Summary

How can a bird that never lands sleep at all? We fitted small recorders to twelve songbirds and followed
them across the sea. They slept for seconds at a time, one half of the brain after the other, which lets
them keep flying and watch for danger while resting.

Introduction

Sleep is needed by all animals studied so far [1]. Birds are a special case because they fly for days.

References
1. Qiu Z, Jiang H (2014) Sleep in animals. J Tests 9(1): e86816.
"""

_TRANSLATED = """Rev Test Saude 2014;48(2):206-215

Knowledge of HIV among young adults: a survey
Ana Silva1, Bruno Costa2
1 Department of Public Health, University of Lisbon, Lisbon, Portugal
2 Institute of Medicine, University of Porto, Porto, Portugal

Abstract
OBJECTIVE: To evaluate the level of knowledge of HIV among young adults in ten cities of the country.
METHODS: Cross-sectional survey of 3,746 adults, interviewed face to face in 2008 and 2009.
RESULTS: Knowledge scores did not exceed 6.0 on a scale from 0 to 10 in any of the cities studied.
CONCLUSIONS: Knowledge of HIV remains low and should be monitored over time.
Keywords: HIV; Knowledge; Young Adult

Conhecimento de HIV entre adultos jovens:
um inquérito
RESUMO
OBJETIVO: Avaliar o nível de conhecimento de HIV entre adultos jovens em dez cidades do país.
MÉTODOS: Estudo transversal com 3.746 adultos, entrevistados face a face em 2008 e 2009.
RESULTADOS: Os escores de conhecimento não ultrapassaram 6,0 numa escala de 0 a 10 em nenhuma cidade.
CONCLUSÕES: O conhecimento de HIV continua baixo e deve ser acompanhado ao longo do tempo.
DESCRITORES: HIV; Conhecimento; Adulto Jovem

INTRODUCTION

Knowledge of how HIV spreads is the first step of prevention [1]. We measured it in young adults.

REFERENCES
1. Silva A. Prevention of HIV. Rev Test Saude. 2010;44(1):1-9.
"""


def test_author_summary_is_a_second_abstract() -> None:
    res = convert(_SUMMARY)
    am = res.tree.find(".//article-meta")
    abstracts = am.findall("abstract")
    assert [a.get("abstract-type") for a in abstracts] == [None, "summary"]
    assert abstracts[1].findtext("title") == "Author Summary"
    assert "never lands" in "".join(abstracts[1].itertext())
    # the main abstract stops at the summary's heading, and neither lands in the body or the unplaced notes
    assert "never lands" not in "".join(abstracts[0].itertext())
    assert res.tree.find(".//notes[@notes-type='unplaced']") is None
    assert "never lands" not in "".join(res.tree.find(".//body").itertext())


def test_translated_abstract_title_and_keywords() -> None:
    res = convert(_TRANSLATED)
    am = res.tree.find(".//article-meta")
    assert am.find("abstract").findtext("title") == "Abstract"
    (trans,) = am.findall("trans-abstract")
    assert trans.get(LANG) == "pt"
    assert [s.findtext("title") for s in trans.findall("sec")] == ["OBJETIVO", "MÉTODOS", "RESULTADOS", "CONCLUSÕES"]
    (tt,) = am.findall("title-group/trans-title-group")
    assert tt.get(LANG) == "pt"
    assert tt.findtext("trans-title") == "Conhecimento de HIV entre adultos jovens: um inquérito"
    groups = am.findall("kwd-group")
    assert [g.get(LANG) for g in groups] == [None, "pt"]
    assert [k.text for k in groups[1].findall("kwd")] == ["HIV", "Conhecimento", "Adulto Jovem"]
    body = "".join(res.tree.find(".//body").itertext())
    assert "Avaliar" not in body and "RESUMO" not in body


def test_translated_abstract_at_the_top_of_a_web_body_is_reclaimed() -> None:
    # a web page: the segmenter starts the body at the first heading after the abstract, here 'RESUMO'
    text = _TRANSLATED.replace("Conhecimento de HIV entre adultos jovens:\num inquérito\n", "")
    text = text.replace("RESUMO\n", "\nRESUMO\n\n").replace("DESCRITORES", "\nDESCRITORES")
    res = convert(text)
    am = res.tree.find(".//article-meta")
    assert [t.get(LANG) for t in am.findall("trans-abstract")] == ["pt"]
    titles = [t.text for t in res.tree.findall(".//body/sec/title")]
    assert titles[:1] == ["INTRODUCTION"]


def test_other_abstracts_are_valid_and_pass_jats4r() -> None:
    for text in (_SUMMARY, _TRANSLATED):
        findings = validate_bytes(convert(text).jats, rules="dtd,jats4r")
        bad = [f for f in findings if f.severity == "error"]
        assert not bad, bad
        warned = [f for f in findings if "abstract" in f.rule]
        assert not [f for f in warned if "recommended values" in f.message], warned


def test_a_label_with_a_word_under_it_is_no_abstract() -> None:
    # a web page's article-information box: 'Section / Synopsis / License' names the article's section
    text = _SUMMARY.replace("Author Summary\n\nHow can", "Section\n\n   Synopsis\n\nLicense\n\n   Free to reuse and to "
                            "share with anyone, in any form and for any purpose whatsoever, as long as the source "
                            "is credited.\n\nHow can")
    res = convert(text)
    assert res.tree.find(".//article-meta/abstract[@abstract-type]") is None


def test_english_article_printing_its_resumo_first_keeps_english_as_main() -> None:
    # swap the two blocks: the Portuguese abstract comes first, the article is English
    en_start = _TRANSLATED.index("Abstract\n")
    pt_start = _TRANSLATED.index("Conhecimento de HIV")
    intro = _TRANSLATED.index("INTRODUCTION")
    text = (_TRANSLATED[:en_start] + _TRANSLATED[pt_start:intro].replace("Conhecimento de HIV entre adultos jovens:\n"
                                                                         "um inquérito\n", "")
            + "\n" + _TRANSLATED[en_start:pt_start] + _TRANSLATED[intro:])
    res = convert(text)
    am = res.tree.find(".//article-meta")
    assert am.find("abstract").findtext("title") == "Abstract"
    assert [t.get(LANG) for t in am.findall("trans-abstract")] == ["pt"]
    assert etree.tostring(am).index(b"<abstract") < etree.tostring(am).index(b"<trans-abstract")


def test_html_report_shows_the_other_abstracts() -> None:
    from journalkit.writers.human import report_html

    res = convert(_TRANSLATED)
    html = report_html(res.article, res.report)
    assert "RESUMO (pt)" in html and "Keywords (pt)" in html and "Title (pt)" in html


def test_inline_section_titles_of_several_words_and_accents() -> None:
    text = _SUMMARY.replace(
        "Migrating songbirds cross the sea in flights that last days. We recorded the brain activity of twelve birds\n"
        "in flight and found short bouts of sleep in one hemisphere at a time, mostly at night.",
        "Background: Migrating songbirds cross the sea in flights that last days.\n"
        "Methods and Findings: We recorded the brain activity of twelve birds in flight.\n"
        "Conclusions/Significance: Birds sleep in one hemisphere at a time, mostly at night.")
    ab = convert(text).tree.find(".//article-meta/abstract")
    assert [s.findtext("title") for s in ab.findall("sec")] == ["Background", "Methods and Findings",
                                                                "Conclusions/Significance"]
    res = convert(_TRANSLATED)
    trans = res.tree.find(".//trans-abstract")
    assert trans.find("sec/p").text.startswith("Avaliar")


def test_abstract_cut_by_a_page_break_goes_on_after_the_page_foot() -> None:
    text = _SUMMARY.replace(
        "We recorded the brain activity of twelve birds\nin flight and found",
        "We recorded the brain activity of twelve birds\n\nJournal of Tests\n\n"
        "J Tests 9(5): e97541. doi:10.5555/jtests.0097541\n\nThis issue\n\nin flight and found")
    ab = convert(text).tree.find(".//article-meta/abstract")
    (p,) = ab.findall("p")
    assert "twelve birds in flight and found short bouts" in p.text
    assert "This issue" not in p.text and "Journal of Tests" not in p.text


def test_abstract_ending_a_sentence_before_the_page_foot_stops_there() -> None:
    text = _SUMMARY.replace(
        "mostly at night.\n",
        "mostly at night.\n\nJournal of Tests\n\nthe rest of a page in lower case, which is not the abstract.\n")
    ab = convert(text).tree.find(".//article-meta/abstract")
    assert "rest of a page" not in "".join(ab.itertext())


def test_editors_summary_keeps_its_question_sections_and_additional_information() -> None:
    text = _SUMMARY.replace("Author Summary\n\nHow can a bird", "Editors' Summary\n\nBackground\n\nHow can a bird")
    text = text.replace(
        "while resting.\n",
        "while resting.\n\nWhy Was This Study Done?\n\nNobody had recorded sleep in flying songbirds before this "
        "study.\n\nAdditional Information\n\nPlease access these Web sites via the online version of this summary.\n")
    summary = convert(text).tree.find(".//article-meta/abstract[@abstract-type='editor-summary']")
    assert [s.findtext("title") for s in summary.findall("sec")] == ["Background", "Why Was This Study Done?",
                                                                     "Additional Information"]


def test_summary_printed_inline_under_the_abstract_heading_is_its_title() -> None:
    # 'ABSTRACT' over 'Summary: There is ...': one abstract, titled as the more specific printed heading
    text = _SUMMARY.replace("Abstract\n\nMigrating songbirds", "ABSTRACT\nSummary: Migrating songbirds")
    text = text.replace("Author Summary\n\nHow can a bird", "Editors' Summary\n\nHow can a bird")
    abstract = convert(text).article.abstract
    assert abstract is not None and abstract.title == "Summary"
    assert abstract.paragraphs[0].text.startswith("Migrating songbirds cross the sea")


def test_structured_abstract_titles_on_their_own_line_keep_their_printed_colon() -> None:
    # SciELO prints 'Objetivo:' over its text and keeps the colon in its JATS; an inline label
    # ('METHODS: ...') is a separator, not part of the title
    text = _SUMMARY.replace(
        "Abstract\n\nMigrating songbirds cross the sea in flights that last days. We recorded",
        "Abstract\n\nObjective:\nMigrating songbirds cross the sea in flights that last days.\nMethods: We recorded")
    abstract = convert(text).article.abstract
    assert abstract is not None
    assert [s.title for s in abstract.sections] == ["Objective:", "Methods"]


def test_a_line_break_after_an_unspaced_dash_adds_no_space() -> None:
    text = _SUMMARY.replace("that last days. We recorded the brain activity of twelve birds\nin flight",
                            "that last 2–\n5 days. We recorded the brain activity of twelve birds—\nin flight")
    abstract = convert(text).article.abstract
    assert abstract is not None
    assert "last 2–5 days" in abstract.paragraphs[0].text and "birds—in flight" in abstract.paragraphs[0].text


def test_a_labelled_trial_registration_line_closes_the_abstract_inside_it() -> None:
    # 'Trial registration: ClinicalTrials.gov NCT...' is short and title-like, but its label is a part of a
    # structured abstract: it stays in the abstract rather than in an unplaced note
    text = _SUMMARY.replace("mostly at night.\n",
                            "mostly at night.\nTrial registration: ClinicalTrials.gov NCT00848692\n")
    abstract = convert(text).article.abstract
    assert abstract is not None
    assert [(s.title, s.paragraphs[0].text) for s in abstract.sections][-1:] == [
        ("Trial registration", "ClinicalTrials.gov NCT00848692")]


def test_a_see_later_note_under_the_last_part_stays_in_the_abstract_as_its_own_paragraph() -> None:
    text = _SUMMARY.replace(
        "mostly at night.\n",
        "mostly at night.\nSystematic Review Registration\nInternational Register CRD42011001123\n\n"
        "   Please see later in the article for the Editors' Summary\n")
    abstract = convert(text).article.abstract
    assert abstract is not None
    last = abstract.sections[-1]
    assert last.title == "Systematic Review Registration"
    assert [p.text for p in last.paragraphs] == ["International Register CRD42011001123",
                                                 "Please see later in the article for the Editors' Summary"]
