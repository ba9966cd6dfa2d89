"""History and publication dates keep the form the text prints them in (``<string-date>`` after ``<year>``)."""

from __future__ import annotations

import pytest
from lxml import etree

from journalkit import convert
from journalkit.readers.front import _parse_date
from journalkit.schemas import load_dtd
from journalkit.validation import check_metadata


@pytest.mark.parametrize(
    "printed, expected",
    [
        ("March 3, 2014", ("2014", 3, 3)),
        ("3 March 2014", ("2014", 3, 3)),
        ("2014 Mar 3", ("2014", 3, 3)),
        ("2014-03-03", ("2014", 3, 3)),
        ("19-Mar-2009", ("2009", 3, 19)),
        ("26 de fevereiro de 2013", ("2013", 2, 26)),
        ("5 de março de 2012", ("2012", 3, 5)),
        ("17 de diciembre del 2010", ("2010", 12, 17)),
        ("abril de 2014", ("2014", 4, None)),
        ("April 2014", ("2014", 4, None)),
        ("03/03/2014", ("2014", 3, 3)),
        ("25/12/2013", ("2013", 12, 25)),
        ("12/25/2013", ("2013", 12, 25)),
        ("05/03/2014", ("2014", None, None)),  # 5 March or May 3: only the year is certain
        ("2014", ("2014", None, None)),
    ],
)
def test_parse_date(printed: str, expected: tuple[str, int | None, int | None]) -> None:
    assert _parse_date(printed) == expected


@pytest.mark.parametrize("text", ["in English only", "no specific funding", "limited attention", "11 times"])
def test_not_a_date(text: str) -> None:
    assert _parse_date(text) is None


_TEXT = """Revista de Testes | ISSN 0034-8910

Fatores associados ao sono em aves migratórias
Ana Brito1, Carlos Dias2
1 Departamento de Biologia, Universidade de Lisboa, Lisboa, Portugal
2 Departamento de Zoologia, Universidade do Porto, Porto, Portugal
Como citar: Brito A, Dias C (2014) Fatores associados ao sono em aves migratórias. Rev. Testes 48(2): 284-295.
Recebido: 26 de fevereiro de 2013; Revisado: 03/09/2013; Aprovado: 25 de outubro de 2013
Publicado: abril de 2014

RESUMO
As aves migratórias dormem pouco durante a migração, e isto foi medido em três bandos durante cinco anos.

INTRODUÇÃO
As aves são animais pequenos que vivem em muitos lugares e foram estudadas por muito tempo por muitas pessoas.
Elas são comuns nas cidades e nos campos, e a sua sobrevivência depende do abrigo e da comida disponível.
"""


def _history(tree: etree._Element) -> dict[str, etree._Element]:
    return {d.get("date-type"): d for d in tree.iterfind(".//article-meta/history/date")}


def test_printed_dates_kept_as_string_date() -> None:
    res = convert(_TEXT)
    hist = _history(res.tree)
    rec = hist["received"]
    assert [c.tag for c in rec] == ["day", "month", "year", "string-date"]  # the DTD's order
    assert rec.findtext("string-date") == "26 de fevereiro de 2013" and rec.findtext("month") == "02"
    rev = hist["rev-recd"]  # '03/09/2013': 3 September or March 9, so only the year is a part
    assert [c.tag for c in rev] == ["year", "string-date"] and rev.findtext("string-date") == "03/09/2013"
    assert hist["accepted"].findtext("string-date") == "25 de outubro de 2013"
    pub = res.tree.find(".//article-meta/pub-date")
    assert (pub.findtext("month"), pub.findtext("year"), pub.findtext("string-date")) == ("04", "2014", "abril de 2014")
    assert res.article.history[0].printed == "26 de fevereiro de 2013"


@pytest.mark.parametrize("version", ["1.3", "1.4"])
def test_string_dates_valid_and_pass_the_metadata_checks(version: str) -> None:
    res = convert(_TEXT, jats_version=version)  # convert checks the DTD itself; checked again here
    assert load_dtd("archiving", version).validate(res.tree)
    assert res.tree.find(".//history/date/string-date") is not None
    assert not [f for f in check_metadata(res.tree) if "date" in f.rule]


def test_publishing_tag_set_has_no_string_date() -> None:
    """The Publishing date model allows no <string-date>: the parts stand alone there, and the DTD holds."""
    res = convert(_TEXT, journal="jcancer", tag_set="publishing")
    assert b"Journal Publishing DTD" in res.jats[:400]
    assert load_dtd("publishing", "1.3").validate(res.tree)
    assert res.tree.find(".//string-date") is None
    assert _history(res.tree)["received"].findtext("day") == "26"


def test_date_label_on_its_own_line() -> None:
    """A journal web page prints the label and the date on lines of their own."""
    text = ("Sleep in Migrating Birds\nAna Brito, Carlos Dias\n\nReceived\n2004 Apr 27\nAccepted\n\n"
            "2004 Aug 3\nPublished\n2004 Sep 28\n\nIntroduction\nBirds sleep little while they migrate, "
            "which we measured in three flocks over five years of field work in the south of Portugal.\n")
    res = convert(text)
    hist = _history(res.tree)
    assert hist["received"].findtext("string-date") == "2004 Apr 27"
    assert hist["accepted"].findtext("day") == "03"
    assert res.article.pub_date is not None and res.article.pub_date.printed == "2004 Sep 28"


@pytest.mark.parametrize(("line", "expected"), [
    # an Elsevier-like history line: 'received in revised form' is a revision, not a second 'received'
    ("Received 12 May 2013; Received in revised form 3 June 2013; Accepted 5 December 2013; "
     "Available online 9 April 2014",
     {"received": "12 May 2013", "rev-recd": "3 June 2013", "accepted": "5 December 2013"}),
    ("Date of submission: 2014-03-02; Date of acceptance: 2014-05-20",
     {"received": "2014-03-02", "accepted": "2014-05-20"}),
    ("Submitted: March 2, 2014. Accepted for publication: May 20, 2014.",
     {"received": "March 2, 2014", "accepted": "May 20, 2014"}),
    ("Fecha de recepción: 3 de marzo de 2014; Fecha de aceptación: 20 de mayo de 2014",
     {"received": "3 de marzo de 2014", "accepted": "20 de mayo de 2014"}),
])
def test_other_journals_date_labels(line: str, expected: dict[str, str]) -> None:
    printed = ("Recebido: 26 de fevereiro de 2013; Revisado: 03/09/2013; Aprovado: 25 de outubro de 2013\n"
               "Publicado: abril de 2014\n")
    res = convert(_TEXT.replace(printed, line + "\n"))
    hist = _history(res.tree)
    assert {k: d.findtext("string-date") for k, d in hist.items()} == expected
    if "Available online" in line:
        pub = res.tree.find(".//article-meta/pub-date")
        assert pub is not None and pub.findtext("string-date") == "9 April 2014"
