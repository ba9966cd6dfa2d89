"""Metadata checks: identifiers, dates, pages, links, contacts."""

from __future__ import annotations

from lxml import etree

from journalkit.validation import check_metadata, validate_bytes

GOOD_ORCID = "0000-0002-1825-0097"  # ORCID's documented example iD
BAD_ORCID = "0000-0002-1825-0098"

ARTICLE = f"""<article xmlns:xlink="http://www.w3.org/1999/xlink">
<front><journal-meta><issn>0378-5955</issn><issn>1234-5678</issn></journal-meta>
<article-meta>
<article-id pub-id-type="doi">10.1234/good.1</article-id>
<article-id pub-id-type="doi">11.notadoi</article-id>
<contrib-group>
 <contrib contrib-type="author" corresp="yes"><contrib-id contrib-id-type="orcid">https://orcid.org/{GOOD_ORCID}</contrib-id>
  <name><surname>A</surname></name><xref ref-type="aff" rid="aff1"/></contrib>
 <contrib contrib-type="author"><contrib-id contrib-id-type="orcid">{BAD_ORCID}</contrib-id>
  <name><surname>B</surname></name><xref ref-type="aff" rid="aff9"/></contrib>
</contrib-group>
<aff id="aff1">One</aff><aff id="aff2">Two</aff>
<pub-date><year>2023</year><month>2</month><day>30</day></pub-date>
<history><date date-type="received" iso-8601-date="2023-02-28">
<year>2023</year><month>2</month><day>28</day></date></history>
<fpage>20</fpage><lpage>10</lpage>
</article-meta></front>
<body><p id="p1">Cited <xref ref-type="bibr" rid="r1">1</xref>.</p><p id="p1">dup</p></body>
<back><ref-list>
<ref id="r1"><element-citation><fpage>345</fpage><lpage>53</lpage>
<pub-id pub-id-type="doi">doi:10.5555/x</pub-id></element-citation></ref>
<ref id="r2"><element-citation><fpage>1</fpage><lpage>2</lpage></element-citation></ref>
</ref-list></back></article>"""


def findings_by_rule() -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check_metadata(etree.fromstring(ARTICLE.encode()), "a.xml"):
        out.setdefault(f.rule, []).append(f)
    return out


def test_each_check_fires_where_it_should() -> None:
    got = findings_by_rule()
    assert [f.message for f in got["metadata:doi"]] == ["<article-id pub-id-type=\"doi\"> is not a DOI: '11.notadoi'"]
    assert got["metadata:doi-form"][0].severity == "warning"  # doi: prefix in a reference
    assert len(got["metadata:orcid-checksum"]) == 1 and BAD_ORCID in got["metadata:orcid-checksum"][0].message
    assert len(got["metadata:issn-checksum"]) == 1 and "1234-5678" in got["metadata:issn-checksum"][0].message
    assert len(got["metadata:date"]) == 1 and "2023-2-30" in got["metadata:date"][0].message
    assert got["metadata:page-range"][0].message == "page range runs backwards: 20-10"
    assert got["metadata:page-range-abbreviated"][0].severity == "warning"
    assert got["metadata:rid"][0].message.startswith("@rid 'aff9'")
    assert got["metadata:duplicate-id"][0].line == 18
    assert [f.message for f in got["metadata:uncited-ref"]] == ["reference 'r2' is never cited"]
    assert [f.xpath for f in got["metadata:unused-aff"]] == ["/article/front/article-meta/aff[2]"]
    assert got["metadata:corresp-contact"][0].severity == "warning"
    assert all(f.source == "metadata" and f.file == "a.xml" for fs in got.values() for f in fs)


def test_clean_article_has_no_metadata_findings() -> None:
    clean = b"""<article><front><journal-meta><issn>0378-5955</issn></journal-meta><article-meta>
    <article-id pub-id-type="doi">10.1371/journal.pbio.0030408</article-id>
    <contrib-group><contrib corresp="yes"><name><surname>A</surname></name><email>a@b.org</email></contrib>
    </contrib-group>
    <pub-date><year>2020</year><month>2</month><day>29</day></pub-date><fpage>1</fpage><lpage>9</lpage>
    </article-meta></front><body><p><xref rid="r1"/></p></body>
    <back><ref-list><ref id="r1"/></ref-list></back></article>"""
    assert check_metadata(etree.fromstring(clean)) == []


def test_corresponding_contact_found_through_author_notes() -> None:
    data = b"""<article><front><article-meta><contrib-group><contrib><name><surname>A</surname></name>
    <xref ref-type="corresp" rid="c1"/></contrib></contrib-group>
    <author-notes><corresp id="c1">Write to <email>a@b.org</email></corresp></author-notes>
    </article-meta></front></article>"""
    assert [f.rule for f in validate_bytes(data, rules="metadata")] == []
