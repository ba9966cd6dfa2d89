"""DTD validation: chosen by DOCTYPE, offline, cached, same verdict as a validating parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from journalkit import schemas
from journalkit.validation import (
    SchemaError,
    load_dtd_file,
    schema_names,
    validate_bytes,
    validate_file,
    validate_tree_dtd,
)
from journalkit.validation.catalog import SchemaOnlyResolver

DATA = Path(__file__).parent / "data"

A13 = ('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 '
       '20210610//EN" "JATS-archivearticle1-3.dtd">')
P14 = ('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.4 20241031//EN" '
       '"https://jats.nlm.nih.gov/publishing/1.4/JATS-journalpublishing1-4.dtd">')
BODY = ('<article xmlns:xlink="http://www.w3.org/1999/xlink" dtd-version="{v}"><front><article-meta>'
        "<title-group><article-title>T</article-title></title-group></article-meta></front>"
        "<body>{body}</body></article>")


def doc(doctype: str, body: str = "<p>x</p>", v: str = "1.3") -> bytes:
    return (doctype + BODY.format(v=v, body=body)).encode()


def reference_valid(data: bytes) -> bool:
    """What a plain validating parse says (DTD loaded through the same catalog)."""
    parser = etree.XMLParser(load_dtd=True, dtd_validation=True, no_network=True, resolve_entities=True)
    parser.resolvers.add(SchemaOnlyResolver())
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return False
    return True


def dtd_errors(findings: list) -> list:
    return [f for f in findings if f.source == "dtd" and f.severity == "error"]


@pytest.mark.parametrize("name", ["scielo-jats10.xml", "plos-nlm30.xml", "plos-jats11d3.xml"])
def test_real_articles_valid_by_their_doctype(name: str) -> None:
    findings = validate_file(DATA / name, rules="dtd")
    assert dtd_errors(findings) == []
    assert reference_valid((DATA / name).read_bytes())


def test_no_doctype_uses_default_with_warning() -> None:
    findings = validate_file(DATA / "scielo-nodoctype.xml", rules="dtd")
    assert findings[0].rule == "dtd:no-doctype" and findings[0].severity == "warning"


def test_invalid_element_located() -> None:
    findings = validate_bytes(doc(A13, "<p>x</p>\n<yearx>1</yearx>"), rules="dtd")
    errs = dtd_errors(findings)
    assert errs and any("yearx" in f.message for f in errs)
    assert all(f.line is not None for f in errs)


@pytest.mark.parametrize(
    "data",
    [
        doc(A13),  # valid
        doc(A13, "<p>x</p><bogus/>"),  # undeclared element
        doc(A13, '<p id="a">x</p><p id="a">y</p>'),  # duplicate ID
        doc(A13, '<p id="a">x&mdash;</p><p id="a">y</p>'),  # duplicate ID on the DTD-loading path
        doc(A13, '<p>see <xref rid="nowhere">1</xref></p>'),  # dangling IDREF
        doc(A13, "<p>a&mdash;b&hellip;</p>"),  # entities only the DTD defines
        (A13 + '<article dtd-version="1.3"><front><article-meta><title-group><article-title>'
         '<ext-link xlink:href="http://x">t</ext-link></article-title></title-group></article-meta></front>'
         "</article>").encode(),  # xlink prefix declared only by the DTD
        doc(A13[:-1] + ' [<!ENTITY house "Acme &amp; Co">]>', "<p>&house;</p>"),  # internal subset
        doc(A13[:-1] + ' [<!ELEMENT extra (#PCDATA)>]>', "<p>x</p>"),  # internal subset declaration
        doc(P14, "<p>x</p>", v="1.4"),
        doc(P14, "<p>x</p>", v="1.3"),  # wrong fixed dtd-version
    ],
)
def test_verdict_matches_validating_parse(data: bytes) -> None:
    ours = not dtd_errors(validate_bytes(data, rules="dtd"))
    assert ours == reference_valid(data)


def test_internal_subset_errors_are_reported() -> None:
    findings = validate_bytes(doc(A13[:-1] + ' [<!ENTITY co "C">]>', "<p>&co;</p><bogus/>"), rules="dtd")
    assert any("bogus" in f.message for f in dtd_errors(findings))


def test_unknown_doctype_is_an_error() -> None:
    data = b'<!DOCTYPE article PUBLIC "-//X//DTD Nothing v9//EN" "nothere.dtd"><article/>'
    findings = validate_bytes(data, rules="dtd")
    assert "dtd:unknown-doctype" in {f.rule for f in findings}


def test_schema_option_forces_a_dtd() -> None:
    archiving_only = doc(A13, "<p>x</p>")
    assert not dtd_errors(validate_bytes(archiving_only, rules="dtd", schema="jats-1.3-archiving"))
    # Publishing requires <journal-meta>: the same article fails when forced.
    assert dtd_errors(validate_bytes(archiving_only, rules="dtd", schema="jats-1.3-publishing"))
    with pytest.raises(SchemaError):
        validate_bytes(archiving_only, rules="dtd", schema="jats-9.9-nothing")


def test_schema_names_cover_the_suites() -> None:
    names = schema_names()
    for n in ("jats-1.0-publishing", "jats-1.3-archiving", "jats-1.3-archiving-mathml3", "jats-1.4-publishing",
              "jats-1.4-authoring-mathml3", "nlm-3.0-publishing"):
        assert n in names, n
        assert names[n].is_file()


def test_dtd_objects_are_cached_and_shared_with_schemas() -> None:
    a = schemas.load_dtd("archiving", "1.3")
    b = load_dtd_file(str(schema_names()["jats-1.3-archiving"]))
    assert a is b
    assert schemas.load_dtd("publishing", "1.4") is schemas.load_dtd("publishing", "1.4")


def test_validate_tree_dtd_on_a_built_tree() -> None:
    root = etree.fromstring(BODY.format(v="1.3", body="<p>x</p>").encode())
    dtd = schemas.load_dtd("archiving", "1.3")
    assert validate_tree_dtd(root, dtd=dtd) == []
    etree.SubElement(root.find("body"), "nonsense")
    errs = validate_tree_dtd(root, dtd=dtd, file="built.xml")
    assert errs and errs[0].file == "built.xml" and errs[0].rule.startswith("dtd:")
