"""Declared source gaps: errors a document says its source could not fix become warnings, and only those."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from journalkit.validation import GAPS, Finding, declared_gaps, missing_facts, validate_bytes
from journalkit.validation.cli import main
from journalkit.validation.gaps import META_NAME, downgrade

DOCTYPE = ('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 '
           '20210610//EN" "JATS-archivearticle1-3.dtd">')


def article(declared: tuple[str, ...] = (), *, journal_meta: str = "<journal-meta><journal-title-group>"
            "<journal-title>J Test</journal-title></journal-title-group></journal-meta>",
            permissions: str = "", fig: str = "<fig id='f1'><label>Figure 1</label><caption><p>Mice.</p>"
            "</caption></fig>") -> bytes:
    """A small valid JATS 1.3 article: one author, a figure without image, no licence, no ISSN."""
    pm = ""
    if declared:
        metas = "".join(f"<custom-meta><meta-name>{META_NAME}</meta-name><meta-value>{t}</meta-value></custom-meta>"
                        for t in declared)
        pm = f"<processing-meta><custom-meta-group>{metas}</custom-meta-group></processing-meta>"
    return f"""<?xml version="1.0" encoding="UTF-8"?>
{DOCTYPE}
<article xmlns:xlink="http://www.w3.org/1999/xlink" article-type="research-article" dtd-version="1.3"
 xml:lang="en">{pm}
<front>{journal_meta}<article-meta>
<article-id pub-id-type="doi">10.1234/test.1</article-id>
<article-categories><subj-group subj-group-type="heading"><subject>Research</subject></subj-group>
</article-categories>
<title-group><article-title>A test</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Doe</surname><given-names>Jane</given-names></name>
</contrib></contrib-group>
<pub-date publication-format="electronic" date-type="pub"><year>2020</year></pub-date>
<elocation-id>e1</elocation-id>{permissions}
</article-meta></front>
<body><sec><title>Results</title><p>See Figure 1.</p>{fig}</sec></body>
</article>""".encode()


def errors(findings: list[Finding]) -> set[str]:
    return {f.rule for f in findings if f.severity == "error"}


RULES = "dtd,jats4r,pmc,metadata"


def test_vocabulary_is_one_table_of_distinct_tokens() -> None:
    tokens = [g.token for g in GAPS]
    assert len(tokens) == len(set(tokens))
    assert {"graphic", "table", "permissions", "copyright-year", "copyright-holder", "issn", "issn-type",
            "journal-title", "journal-meta", "heading", "lpage", "related-article", "table-head"} == set(tokens)
    assert all(g.rules and g.meaning for g in GAPS)


def test_undeclared_document_is_judged_as_before(jats4r_rules: object) -> None:
    found = validate_bytes(article(), rules=RULES)
    assert {"jats4r:display-object-errors-3", "jats4r:permissions-errors-1", "pmc:journal-meta-check"} <= errors(found)
    assert not any(f.gap for f in found)
    assert not any(f.rule.startswith("metadata:source-gap") for f in found)


def test_declared_gaps_turn_those_errors_into_warnings(jats4r_rules: object) -> None:
    data = article(("graphic", "permissions", "issn"))
    assert declared_gaps(etree.fromstring(data)) == ("graphic", "permissions", "issn")
    found = validate_bytes(data, rules=RULES)
    assert not errors(found), [str(f) for f in found if f.severity == "error"]
    excused = {f.rule: f for f in found if f.gap}
    assert set(excused) == {"jats4r:display-object-errors-3", "jats4r:permissions-errors-1", "pmc:journal-meta-check"}
    fig = excused["jats4r:display-object-errors-3"]
    assert fig.severity == "warning" and fig.gap == "graphic" and fig.source == "jats4r"
    assert fig.xpath == "/article/body/sec/fig" and fig.line is not None  # location kept
    assert "declared not in source: graphic" in fig.message and "downgraded from error" in fig.message
    assert "(why: " in fig.message  # the explanation of how to supply it stays
    note = [f for f in found if f.rule == "metadata:source-gaps"]
    assert len(note) == 1 and note[0].severity == "info" and "graphic, permissions, issn" in note[0].message


def test_strict_ignores_declarations(jats4r_rules: object) -> None:
    data = article(("graphic", "permissions", "issn"))
    found = validate_bytes(data, rules=RULES, strict=True)
    assert {"jats4r:display-object-errors-3", "jats4r:permissions-errors-1", "pmc:journal-meta-check"} <= errors(found)
    assert not any(f.gap for f in found)
    assert any(f.rule == "metadata:source-gaps" and "--strict" in f.message for f in found)


def test_declaration_that_reality_contradicts_is_not_honoured(jats4r_rules: object) -> None:
    # An <issn> is there but empty: PMC still wants one, and "not in source" is not what happened.
    empty_issn = ("<journal-meta><journal-title-group><journal-title>J Test</journal-title></journal-title-group>"
                  "<issn pub-type='epub'></issn></journal-meta>")
    found = validate_bytes(article(("issn", "graphic", "permissions"), journal_meta=empty_issn), rules=RULES)
    issn = [f for f in found if f.rule == "pmc:journal-meta-check" and "issn is required" in f.message]
    assert issn and all(f.severity == "error" and f.gap is None for f in issn)
    assert any(f.rule == "metadata:source-gap-present" and "issn" in f.message for f in found)
    # A figure that has its image cannot be excused either, even where the rule still complains.
    fig = "<fig id='f1'><label>Figure 1</label><caption><p>Mice <graphic xlink:href='f1.png'/></p></caption></fig>"
    found = validate_bytes(article(("graphic", "permissions"), fig=fig), rules=RULES)
    assert "jats4r:display-object-errors-3" in errors(found)


def test_per_element_gap_only_excuses_the_elements_that_lack_the_fact(jats4r_rules: object) -> None:
    perms = ("<permissions><copyright-statement>Copyright The Authors</copyright-statement>"
             "<copyright-holder>The Authors</copyright-holder></permissions>")
    fig = ("<fig id='f1'><label>Figure 1</label><caption><p>Mice.</p></caption>"
           "<permissions><copyright-statement>Reprinted by permission</copyright-statement></permissions></fig>")
    found = validate_bytes(article(("copyright-year", "graphic"), permissions=perms, fig=fig), rules=RULES)
    year = [f for f in found if f.rule == "jats4r:permissions-errors-2"]
    by_place = {f.xpath: f.severity for f in year}
    assert by_place == {"/article/front/article-meta/permissions": "warning",
                        "/article/body/sec/fig/permissions": "error"}


def test_forged_declaration_for_other_rules_does_nothing(jats4r_rules: object) -> None:
    # Tokens for facts a converter does write (or no token journalkit knows) excuse nothing.
    forged = ("graphic", "permissions", "issn", "doi", "auths-aff-errors-1", "jats4r:permissions-errors-1")
    data = article(forged).replace(b'<article-id pub-id-type="doi">10.1234/test.1</article-id>',
                                   b'<article-id pub-id-type="doi">not a doi</article-id>')
    found = validate_bytes(data, rules=RULES)
    assert "metadata:doi" in errors(found)
    unknown = [f for f in found if f.rule == "metadata:source-gap-unknown"]
    assert {m for f in unknown for m in ("doi", "auths-aff-errors-1") if repr(m) in f.message} == {
        "doi", "auths-aff-errors-1"}
    # a declared token excuses only its own rules: 'graphic' leaves the licence error alone
    only_graphic = validate_bytes(article(("graphic",)), rules=RULES)
    assert "jats4r:permissions-errors-1" in errors(only_graphic)
    assert "jats4r:display-object-errors-3" not in errors(only_graphic)


def test_downgrade_leaves_warnings_and_other_rules_alone() -> None:
    root = etree.fromstring(article(("permissions",)))
    fs = [Finding("warning", "jats4r:permissions-errors-1", "jats4r", "x"),
          Finding("error", "jats4r:auths-aff-errors-1", "jats4r", "x"),
          Finding("error", "jats4r:permissions-errors-1", "jats4r", "Missing top-level <permissions> element.")]
    out = downgrade(fs, root, ("permissions", "auths-aff-errors-1"))
    assert [f.severity for f in out] == ["warning", "error", "warning"]
    assert [f.gap for f in out] == [None, None, "permissions"]


def test_missing_facts_reads_the_tree() -> None:
    root = etree.fromstring(article())
    assert missing_facts(root) == ["issn", "permissions", "graphic"]
    signed = etree.fromstring(article(permissions="<permissions><copyright-statement>© 2020 Revista X"
                                                  "</copyright-statement></permissions>"))
    # year and holder are printed in the statement: in the source, only not tagged
    assert "copyright-year" not in missing_facts(signed) and "copyright-holder" not in missing_facts(signed)
    bare = etree.fromstring(article(permissions="<permissions><copyright-statement>All rights reserved."
                                                "</copyright-statement></permissions>"))
    assert {"copyright-year", "copyright-holder"} <= set(missing_facts(bare))


@pytest.mark.parametrize("fmt", ["json", "junit", "text"])
def test_writers_show_what_was_excused(fmt: str, tmp_path: Path, jats4r_rules: object,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "converted.xml"
    path.write_bytes(article(("graphic", "permissions", "issn")))
    out = tmp_path / f"report.{fmt}"
    assert main([str(path), "--rules", RULES, "--format", fmt, "-o", str(out), "-q"]) == 0
    assert main([str(path), "--rules", RULES, "--format", fmt, "-o", str(tmp_path / "strict"), "-q",
                 "--strict"]) == 1
    text, strict = out.read_text(encoding="utf-8"), (tmp_path / "strict").read_text(encoding="utf-8")
    if fmt == "json":
        report, sreport = json.loads(text), json.loads(strict)
        assert report["strict"] is False and report["summary"]["downgraded"] == 3 and report["summary"]["errors"] == 0
        assert report["files"][0]["declared_gaps"] == ["graphic", "permissions", "issn"]
        assert {f["gap"] for f in report["files"][0]["findings"]} == {None, "graphic", "permissions", "issn"}
        assert sreport["strict"] is True and sreport["summary"]["downgraded"] == 0
        assert sreport["summary"]["errors"] >= 3
    elif fmt == "junit":
        props = {p.get("name"): p.get("value") for p in etree.fromstring(text.encode()).iter("property")}
        assert props == {"strict": "false", "downgraded": "3"}
        assert "declared not in source: graphic" in text
        sprops = {p.get("name"): p.get("value") for p in etree.fromstring(strict.encode()).iter("property")}
        assert sprops["strict"] == "true" and "<failure" in strict
    else:
        assert "(3 excused by declared source gaps)" in text
        assert "strict (declared source gaps ignored)" in strict


def test_gaps_declared_after_plugins_changed_the_tree() -> None:
    """A journal plugin that adds the licence makes the 'permissions' declaration stale: it is dropped."""
    from pathlib import Path

    from lxml import etree

    from journalkit.pipeline import convert

    seed = Path(__file__).parents[1] / "data" / "seeds" / "editorial-immunoregulation-2023" / "raw.txt"
    text = seed.read_text(encoding="utf-8")

    def tokens(jats: bytes) -> set[str]:
        root = etree.fromstring(jats)
        return {v.text or "" for v in root.iterfind("processing-meta/custom-meta-group/custom-meta/meta-value")}

    assert "permissions" in tokens(convert(text).jats)

    class AddLicence:
        @staticmethod
        def journalkit_jats_tree(article: object, root: etree._Element) -> None:
            am = root.find("front/article-meta")
            perm = etree.SubElement(am, "permissions")
            lic = etree.SubElement(perm, "license")
            etree.SubElement(lic, "license-p").text = "CC BY 4.0"
            # the DTD orders permissions before abstract: move it there
            abstract = am.find("abstract")
            if abstract is not None:
                abstract.addprevious(perm)

    from journalkit.hookspecs import hookimpl

    AddLicence.journalkit_jats_tree = hookimpl(AddLicence.journalkit_jats_tree)  # type: ignore[method-assign]
    after = convert(text, plugins=[AddLicence()])
    assert "permissions" not in tokens(after.jats)
    assert len(etree.fromstring(after.jats).findall("processing-meta")) <= 1


def test_first_page_only_and_unnamed_notice_are_declared_and_excused() -> None:
    from journalkit.pipeline import convert
    from journalkit.validation import validate_bytes

    text = """Retraction: Notes on a Thing That Was Measured Wrongly
The Example Journal Editors
Example J. 2014; 12(3):366. doi:10.1234/example.0366
The journal retracts this article because the measurements could not be reproduced by the authors.
"""
    jats = convert(text, source="retraction.txt").jats
    root = etree.fromstring(jats)
    assert root.get("article-type") == "retraction"
    tokens = {v.text for v in root.iterfind("processing-meta/custom-meta-group/custom-meta/meta-value")}
    assert {"lpage", "related-article"} <= tokens
    found = {f.rule: f for f in validate_bytes(jats, rules="pmc")}
    for rule in ("pmc:lpage-checking", "pmc:retraction-related-object-check"):
        assert found[rule].severity == "warning" and found[rule].gap is not None
    strict = {f.rule: f for f in validate_bytes(jats, rules="pmc", strict=True)}
    assert strict["pmc:lpage-checking"].severity == "error"


def test_table_without_head_is_excused_only_when_declared() -> None:
    gaps = ("<processing-meta tagset-family=\"jats\" base-tagset=\"archiving\" table-model=\"xhtml\">"
            "<custom-meta-group content-type=\"journalkit-source-gaps\"><custom-meta>"
            f"<meta-name>{META_NAME}</meta-name><meta-value>table-head</meta-value>"
            "</custom-meta></custom-meta-group></processing-meta>")
    body = ("<front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front>"
            "<body><sec><title>R</title><table-wrap id=\"t1\"><label>Table 1</label><caption><p>C</p></caption>"
            "<table><tbody><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr></tbody></table>"
            "</table-wrap></sec></body>")
    head = "<article xmlns:xlink=\"http://www.w3.org/1999/xlink\" dtd-version=\"1.3\">"
    declared = validate_bytes(f"{head}{gaps}{body}</article>".encode(), rules="jats4r")
    plain = validate_bytes(f"{head}{body}</article>".encode(), rules="jats4r")
    pick = [f for f in declared if f.rule == "jats4r:accessibility-errors-5"]
    assert pick and all(f.severity == "warning" and f.gap == "table-head" for f in pick)
    assert all(f.severity == "error" for f in plain if f.rule == "jats4r:accessibility-errors-5")
    assert any(f.rule == "jats4r:accessibility-errors-5" for f in plain)
