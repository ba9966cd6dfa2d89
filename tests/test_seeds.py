"""End-to-end: both seed articles, every field the issue lists, through the CLI and the API."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

import journalkit
from journalkit.schemas import load_dtd

SEEDS = Path(__file__).parent / "data" / "seeds"
EDITORIAL = SEEDS / "editorial-immunoregulation-2023"
REVIEW = SEEDS / "review-jcancer-2016"


def _convert(seed: Path) -> journalkit.Result:
    return journalkit.convert((seed / "raw.txt").read_text(encoding="utf-8"), source=str(seed / "raw.txt"))


def _gold(seed: Path) -> dict:
    return json.loads((seed / "gold.json").read_text(encoding="utf-8"))


def _text(el: etree._Element | None) -> str:
    return "" if el is None else " ".join("".join(el.itertext()).split())


@pytest.fixture(scope="module")
def editorial() -> journalkit.Result:
    return _convert(EDITORIAL)


@pytest.fixture(scope="module")
def review() -> journalkit.Result:
    return _convert(REVIEW)


def _valid(jats: bytes) -> bool:
    root = etree.fromstring(jats)
    ts = "publishing" if b"Journal Publishing DTD" in jats[:400] else "archiving"
    return load_dtd(ts, root.get("dtd-version")).validate(root)


# ---------------------------------------------------------------- editorial


def test_editorial_metadata(editorial: journalkit.Result) -> None:
    g = _gold(EDITORIAL)
    a = editorial.article
    assert a.article_type == g["article_type"] == "editorial"
    assert a.title == g["title"]
    assert a.doi == g["doi"]
    assert a.journal.title == g["journal_title"]
    assert a.pub_date is not None and a.pub_date.year == g["year"]
    assert (a.volume, a.issue, a.fpage, a.lpage) == (g["volume"], g["issue"], g["fpage"], g["lpage"])
    assert a.elocation_id is None
    assert a.abstract is None and a.keywords == []
    assert a.license is None


def test_editorial_author_and_correspondence(editorial: journalkit.Result) -> None:
    g = _gold(EDITORIAL)
    a = editorial.article
    assert len(a.contributors) == 1
    c = a.contributors[0]
    ga = g["authors"][0]
    assert (c.given_names, c.surname) == (ga["given"], ga["surname"])
    assert c.corresponding and c.email == ga["email"]
    assert c.orcid is None  # the icon glyph stood for an ORCID, but the text holds none
    assert [aff.text for aff in a.affiliations] == [x["text"] for x in g["affiliations"]]
    assert c.aff_ids == [a.affiliations[0].id]
    note = a.author_notes[0]
    assert note.phone == g["corresp_phone"]
    assert note.email == ga["email"]
    assert note.address and "Shahed University" in note.address


def test_editorial_body_and_citations(editorial: journalkit.Result) -> None:
    g = _gold(EDITORIAL)
    paras = [p for s in editorial.article.body for p in s.paragraphs]
    assert paras[0].text.startswith(g["body_first_words"])
    cites = [c for p in paras for c in p.citations]
    by_id = {r.id: r.label for r in editorial.article.references}
    assert [[by_id[r] for r in c.rids] for c in cites] == g["in_text_citations"]
    root = etree.fromstring(editorial.jats)
    xrefs = root.findall(".//body//xref[@ref-type='bibr']")
    assert [x.get("rid").split() for x in xrefs] == [["ref1", "ref2"], ["ref3", "ref4", "ref5"], ["ref3"]]
    assert all(root.find(f".//ref[@id='{rid}']") is not None for x in xrefs for rid in x.get("rid").split())


def test_editorial_references_keep_strings_and_repaired_dois(editorial: journalkit.Result) -> None:
    g = _gold(EDITORIAL)
    refs = editorial.article.references
    assert len(refs) == 5
    assert [r.doi for r in refs] == [r["doi"] for r in g["references"]]
    assert all(r.pmid is None and r.pmcid is None for r in refs)  # "[PMID] [PMCID]" are empty labels
    root = etree.fromstring(editorial.jats)
    mcs = root.findall(".//ref-list/ref/mixed-citation")
    assert [_text(m) for m in mcs] == [r["raw"] for r in g["references"]]
    dois = [m.find("pub-id[@pub-id-type='doi']") for m in mcs]
    assert [d.text for d in dois if d is not None] == [r["doi"] for r in g["references"]]


def test_editorial_repairs_are_reported(editorial: journalkit.Result) -> None:
    rep = editorial.report
    kinds = {e.kind for e in rep.entries}
    assert {"drop-cap", "doi-space", "doi-hyphen", "markup", "icon-glyph", "link-label"} <= kinds
    drop = rep.of_kind("drop-cap")[0]
    original = (EDITORIAL / "raw.txt").read_text(encoding="utf-8")
    assert original[drop.offset:drop.offset + 16] == "n the Editorials"
    space = rep.of_kind("doi-space")[0]
    assert original[space.offset - 9:space.offset] == "10.32598/"
    assert {e.original.strip() for e in rep.of_kind("link-label")} >= {"[PMID]", "[PMCID]"}


def test_editorial_jats_shape(editorial: journalkit.Result) -> None:
    assert editorial.jats.startswith(b"<?xml")
    assert b'PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3' in editorial.jats
    root = etree.fromstring(editorial.jats)
    assert root.get("article-type") == "editorial"
    assert root.findtext(".//article-meta/article-id[@pub-id-type='doi']") == "10.32598/Immunoregulation.6.1.8"
    contrib = root.find(".//contrib-group/contrib")
    assert contrib.get("corresp") == "yes"
    assert contrib.findtext("name/surname") == "Ghazanfari"
    assert contrib.findtext("name/given-names") == "Tooba"
    assert contrib.find("xref[@ref-type='aff']").get("rid") == root.find(".//aff").get("id")
    corresp = root.find(".//author-notes/corresp")
    assert corresp.findtext("email") == "tghazanfari@yahoo.com"
    assert corresp.findtext("phone") == "+98 (21) 66418216"
    assert root.find(".//abstract") is None and root.find(".//kwd-group") is None
    assert _valid(editorial.jats)


# ---------------------------------------------------------------- review


def test_review_metadata(review: journalkit.Result) -> None:
    g = _gold(REVIEW)
    a = review.article
    assert a.article_type == "review-article"
    assert "review" in (a.article_type_evidence or "").lower()
    assert a.title == g["title"]
    assert a.doi == g["doi"]
    assert a.journal.abbrev_title == g["journal_abbrev"]
    assert a.pub_date is not None and a.pub_date.year == g["year"]
    assert (a.volume, a.issue, a.fpage, a.lpage) == (g["volume"], g["issue"], g["fpage"], g["lpage"])
    assert a.self_uri == g["self_uri"]
    assert a.license is not None and g["license_text_contains"] in a.license.text
    assert a.license.url == g["license_url"]
    assert a.keywords == g["keywords"]
    assert a.abstract is not None and a.abstract.plain_text() == g["abstract"]
    assert a.journal.issn is None and a.journal.issn_print is None  # never invented


def test_review_authors(review: journalkit.Result) -> None:
    g = _gold(REVIEW)
    a = review.article
    assert [(c.given_names, c.surname) for c in a.contributors] == [(x["given"], x["surname"]) for x in g["authors"]]
    assert [c.corresponding for c in a.contributors] == [x["corresp"] for x in g["authors"]]
    # affiliations come out in printed order, so ours and gold's ids correspond one to one
    assert [(aff.id, aff.text) for aff in a.affiliations] == [(x["id"], x["text"]) for x in g["affiliations"]]
    assert [aff.label for aff in a.affiliations] == ["1", "2"]
    assert [c.aff_ids for c in a.contributors] == [x["aff_ids"] for x in g["authors"]]


def test_review_noise_listed_and_valid(review: journalkit.Result) -> None:
    g = _gold(REVIEW)
    dropped = " ".join((e.original or "") for e in review.report.entries
                       if e.kind in ("noise-line", "link-label"))
    for noise in g["noise_lines"]:
        assert noise in dropped
    assert all(noise not in review.jats.decode() for noise in g["noise_lines"])
    root = etree.fromstring(review.jats)
    assert root.find("body") is None  # the copy held no body
    assert root.findtext(".//self-uri") == g["self_uri"]
    assert root.find(".//permissions/license").get("{http://www.w3.org/1999/xlink}href") == g["license_url"]
    assert [k.text for k in root.findall(".//kwd-group/kwd")] == g["keywords"]
    assert _valid(review.jats)


# ---------------------------------------------------------------- CLI


def test_cli_converts_both_seeds_to_a_directory(tmp_path: Path) -> None:
    a, b = tmp_path / "editorial.txt", tmp_path / "review.txt"
    a.write_bytes((EDITORIAL / "raw.txt").read_bytes())
    b.write_bytes((REVIEW / "raw.txt").read_bytes())
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "journalkit.cli", "convert", str(a), str(b), "-o", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["editorial.xml", "review.xml"]
    assert etree.parse(str(out / "review.xml")).getroot().get("article-type") == "review-article"


def test_review_journal_profile_supplies_facts_and_publishing(review: journalkit.Result) -> None:
    """The Journal of Cancer profile (matched by DOI prefix) adds what the text lacks, each fact reported."""
    g = _gold(REVIEW)
    a = review.article
    assert a.journal.title == g["journal_title"]
    assert a.journal.issn_electronic == "1837-9664" and a.journal.journal_id == "J Cancer"
    facts = {e.field for e in review.report.of_kind("profile-fact")}
    assert {"journal.title", "journal.issn_electronic", "journal.publisher", "journal.journal_id"} <= facts
    assert b"Journal Publishing DTD v1.3" in review.jats[:300]
    assert _valid(review.jats)


def test_review_without_profile_claims_nothing_more() -> None:
    text = (REVIEW / "raw.txt").read_text(encoding="utf-8")
    res = journalkit.convert(text, disable=["journals"])
    assert res.article.journal.title is None and res.article.journal.abbrev_title == "J Cancer"
    assert res.article.journal.any_issn is None
    assert b"Archiving and Interchange DTD v1.3" in res.jats[:300]
