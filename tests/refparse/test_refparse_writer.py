from __future__ import annotations

import pytest
from _refparse_util import load_jsonl
from lxml import etree

from journalkit.model import Reference, RefField
from journalkit.refparse import parse_reference
from journalkit.schemas import load_dtd
from journalkit.writers.jats_refs import build_mixed_citation, build_ref, build_ref_list


def _article(ref_list: etree._Element) -> etree._Element:
    art = etree.Element("article", {"article-type": "research-article"})
    front = etree.SubElement(art, "front")
    jm = etree.SubElement(front, "journal-meta")
    etree.SubElement(jm, "journal-id", {"journal-id-type": "publisher-id"}).text = "j"
    etree.SubElement(jm, "issn").text = "0000-0000"
    meta = etree.SubElement(front, "article-meta")
    tg = etree.SubElement(meta, "title-group")
    etree.SubElement(tg, "article-title").text = "T"
    back = etree.SubElement(art, "back")
    back.append(ref_list)
    return art


def _assert_valid(refs: list[Reference]) -> None:
    dtd = load_dtd("archiving", "1.3")
    art = _article(build_ref_list(refs))
    ok = dtd.validate(art)
    assert ok, dtd.error_log.filter_from_errors()


def test_parsed_sample_is_dtd_valid_and_verbatim() -> None:
    recs = load_jsonl("heldout-sample.jsonl") + load_jsonl("train-sample.jsonl")
    refs = [parse_reference(r["raw"], id=f"r{i}") for i, r in enumerate(recs)]
    for ref in refs:
        assert "".join(build_mixed_citation(ref).itertext()) == ref.raw
    _assert_valid(refs)
    pub = load_dtd("publishing", "1.3")
    assert pub.validate(_article(build_ref_list(refs))), pub.error_log.filter_from_errors()


def test_names_etal_and_pages() -> None:
    raw = ("Zhang X, Pei Z, Chen J, et al. Exosomes for immunoregulation. Journal of Cancer. 2016; "
           "7(9):1081-7. [DOI:10.7150/jca.14866]")
    mc = build_mixed_citation(parse_reference(raw))
    pg = mc.find("person-group")
    assert pg is not None and pg.get("person-group-type") == "author"
    names = pg.findall("name")
    assert [(n.findtext("surname"), n.findtext("given-names")) for n in names] == [
        ("Zhang", "X"), ("Pei", "Z"), ("Chen", "J")]
    assert pg.find("etal") is not None and pg.findtext("etal") == "et al."
    assert mc.findtext("fpage") == "1081" and mc.findtext("lpage") == "7"
    assert mc.find("pub-id[@pub-id-type='doi']").text == "10.7150/jca.14866"
    assert "".join(mc.itertext()) == raw


@pytest.mark.parametrize(
    "raw, tag",
    [("Molden, D. C. (2006). A title. Am Psychol, 61, 192.", "string-name"),
     ("S. Rock, “A title,” in Proc. AUV, 2014, pp. 1–8.", "string-name")],
)
def test_names_that_name_cannot_hold_become_string_name(raw: str, tag: str) -> None:
    mc = build_mixed_citation(parse_reference(raw))
    first = mc.find("person-group")[0]
    assert first.tag == tag
    assert first.findtext("surname") in ("Molden", "Rock")
    assert "".join(mc.itertext()) == raw


def test_crossing_and_misplaced_spans_stay_text() -> None:
    raw = "Smith J. Title. Nature 2001"
    ref = Reference(id="x", raw=raw, fields=[
        RefField(label="title", start=9, end=15),
        RefField(label="source", start=12, end=22),   # crosses the title: dropped
        RefField(label="surname", start=0, end=5),    # a name part outside any name: dropped
        RefField(label="year", start=23, end=27),
    ])
    el = build_ref(ref)
    mc = el.find("mixed-citation")
    assert mc.find("source") is None and mc.find("surname") is None
    assert mc.findtext("article-title") == "Title." and mc.findtext("year") == "2001"
    assert "".join(mc.itertext()) == raw
    _assert_valid([ref])


def test_label_is_written_outside_the_citation() -> None:
    el = build_ref(Reference(id="b1", label="1", raw="Smith J. Title."))
    assert el.findtext("label") == "1" and "".join(el.find("mixed-citation").itertext()) == "Smith J. Title."
