"""Issue 5: labelled front-matter notes go to their JATS places instead of being reported as furniture."""

from __future__ import annotations

from journalkit import convert

_TEXT = """PLOS ONE | ISSN 1932-6203

A Study of Sparrows in Winter Weather
Ana Gomes1,*, John Smith2
1 Department of Biology, University of Lisbon, Lisbon, Portugal
2 Department of Zoology, University of Oxford, Oxford, United Kingdom

Academic Editor: Maria Rossi, University of Milan, Italy
Funding: This work was supported by the Foundation for Science grant 123 to AG, which paid for the field work
and the sequencing. The funders had no role in study design.
Competing interests: The authors have declared that no competing interests exist.
How to cite this article: Gomes A, Smith J. A Study of Sparrows in Winter Weather. PLOS ONE. 2015;10(4):e0120924.
https://doi.org/10.1371/journal.pone.0120924

Abstract
Sparrows survive winter weather by huddling together, which we measured in three flocks over five winters.
* Correspondence:
Ana Gomes
Address: University of Lisbon, Lisbon, Portugal
Email: ana.gomes@example.org

Introduction
Sparrows are small birds that live in many places and have been studied for a long time by many people.
They are common in towns and fields, and their winter survival depends on shelter and on food.

Methods
We counted the birds in each flock every morning and weighed those caught in mist nets at dawn.

Results
Huddling birds lost less weight overnight than birds that roosted alone in the same weather.
"""


def _result():  # type: ignore[no-untyped-def]
    return convert(_TEXT)


def test_funding_statement_in_funding_group() -> None:
    tree = _result().tree
    stmt = tree.findtext(".//article-meta/funding-group/funding-statement")
    assert stmt is not None and stmt.startswith("This work was supported")
    assert stmt.endswith("The funders had no role in study design.")  # the wrapped line joined


def test_labelled_notes_in_back_matter() -> None:
    tree = _result().tree
    notes = {n.findtext("title"): "".join(n.find("p").itertext()) for n in tree.iterfind(".//back/notes")
             if n.find("title") is not None}
    assert notes["Competing interests"].startswith("The authors have declared")
    assert "Academic Editor" not in notes  # the editor is a contributor now (test_front_editor.py)
    assert notes["How to cite this article"].endswith("journal.pone.0120924")


def test_corresp_note_keeps_name_and_address() -> None:
    text = "".join(_result().tree.find(".//author-notes/corresp").itertext())
    assert "University of Lisbon" in text and "Ana Gomes" in text and "ana.gomes@example.org" in text


def test_abstract_heading_is_title_and_nothing_real_reported_as_furniture() -> None:
    res = _result()
    assert res.tree.findtext(".//abstract/title") == "Abstract"
    furniture = [e.original for e in res.report.entries if "furniture" in (e.message or "")]
    assert not any(s and ("Funding" in s or "Editor" in s or "cite" in s) for s in furniture)
