"""'Editor: Jane Smith, University of X' is a contributor (contrib-type="editor"), not a back-matter note."""

from __future__ import annotations

from lxml import etree

from journalkit import convert

_TEXT = """PLOS ONE | ISSN 1932-6203

A Study of Sparrows in Winter Weather
Ana Gomes1,*, John Smith2
1 Department of Biology, University of Lisbon, Lisbon, Portugal
2 Department of Zoology, University of Oxford, Oxford, United Kingdom

{editor}
Received: March 3, 2014
Competing interests: The authors have declared that no competing interests exist.

Abstract
Sparrows survive winter weather by huddling together, which we measured in three flocks over five winters.

Introduction
Sparrows are small birds that live in many places and have been studied for a long time by many people.
They are common in towns and fields, and their winter survival depends on shelter and on food.
"""


def _convert(editor: str):  # type: ignore[no-untyped-def]
    return convert(_TEXT.format(editor=editor))


def test_editor_is_a_contributor_with_split_name_role_and_affiliation() -> None:
    res = _convert("Academic Editor: Maria C. Rossi, University of Milan, ITALY")
    art = res.article
    assert [c.surname for c in art.contributors] == ["Gomes", "Smith"]  # never among the authors
    (ed,) = art.editors
    assert (ed.contrib_type, ed.given_names, ed.surname, ed.role) == ("editor", "Maria C.", "Rossi", "Academic Editor")
    groups = res.tree.findall(".//article-meta/contrib-group")
    assert len(groups) == 2
    (contrib,) = groups[1].findall("contrib")
    assert contrib.get("contrib-type") == "editor"
    assert (contrib.findtext("name/surname"), contrib.findtext("name/given-names")) == ("Rossi", "Maria C.")
    assert contrib.findtext("role") == "Academic Editor"
    aff = contrib.find("aff")
    assert "".join(aff.itertext()) == "University of Milan, ITALY"
    assert aff.find("country").get("country") == "IT"
    # the editor's affiliation is not one of the authors'
    assert [a.text for a in art.affiliations if "Milan" in a.text] == []
    assert all(c.get("contrib-type") == "author" for c in groups[0].findall("contrib"))


def test_editor_text_is_kept_once() -> None:
    res = _convert("Editor: Maria Rossi, University of Milan, Italy")
    xml = etree.tostring(res.tree, encoding=str)
    assert xml.count("Rossi") == 1 and xml.count("University of Milan") == 1
    assert not [n for n in res.tree.iterfind(".//back/notes") if n.get("notes-type") == "editor"]
    assert not [e for e in res.report.entries if e.original and "Rossi" in e.original and e.kind == "front-line"]


def test_several_editors() -> None:
    res = _convert("Editors: Maria Rossi, University of Milan, Italy; Jean Dupont, Université de Lyon, France")
    eds = res.article.editors
    assert [(e.given_names, e.surname) for e in eds] == [("Maria", "Rossi"), ("Jean", "Dupont")]
    assert [e.own_affiliations[0].text for e in eds] == ["University of Milan, Italy", "Université de Lyon, France"]
    ids = [a.get("id") for a in res.tree.iterfind(".//contrib[@contrib-type='editor']/aff")]
    assert len(set(ids)) == 2


def test_editor_item_that_names_no_person_stays_a_note() -> None:
    res = _convert("Editor: This article was handled by the editorial office of the journal.")
    assert res.article.editors == []
    notes = [n for n in res.tree.iterfind(".//back/notes") if n.get("notes-type") == "editor"]
    assert len(notes) == 1 and "editorial office" in "".join(notes[0].itertext())


def test_editor_contrib_group_is_valid_in_every_flavour() -> None:
    """convert() checks the DTD before it returns: 1.3 and 1.4, Archiving and Publishing."""
    text = _TEXT.format(editor="Academic Editor: Maria Rossi, University of Milan, Italy")
    for kwargs in ({"jats_version": "1.3"}, {"jats_version": "1.4"}, {"journal": "jcancer", "tag_set": "publishing"},
                   {"journal": "jcancer", "tag_set": "publishing", "jats_version": "1.4"}):
        res = convert(text, **kwargs)  # type: ignore[arg-type]
        assert res.tree.find(".//contrib[@contrib-type='editor']/aff") is not None
