"""Journal rules from plugins, and the ``journalkit validate`` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from journalkit_plugins import example_journal_rules
from lxml import etree

from journalkit.hookspecs import hookimpl
from journalkit.pluginmanager import get_plugin_manager
from journalkit.validation import Finding, validate_bytes, validate_file
from journalkit.validation.cli import main

DATA = Path(__file__).parent / "data"
PUB10 = DATA / "scielo-jats10.xml"  # Journal Publishing 1.0, has an ISSN


class HouseRules:
    """A journal plugin registered at run time (as tests and scripts do)."""

    __name__ = "house-rules"

    def __init__(self, extra: list | None = None) -> None:
        self.extra = extra or []

    @hookimpl
    def journalkit_validation_rules(self) -> list:
        def needs_keywords(tree: etree._ElementTree) -> list[Finding]:
            if tree.getroot().find(".//kwd") is None:
                return [Finding("warning", "house:keywords", "metadata", "no keywords")]
            return []

        return [needs_keywords, *self.extra]


def test_plugin_callable_rules_are_run_and_labelled() -> None:
    pm = get_plugin_manager(extra=[HouseRules()])
    found = validate_bytes(b"<article/>", file="k.xml", rules="plugins", plugin_manager=pm)
    mine = [f for f in found if f.rule == "house:keywords"]
    assert mine and mine[0].source == "plugin" and mine[0].file == "k.xml"


def test_broken_plugin_rules_become_findings() -> None:
    def crash(tree: etree._ElementTree) -> list:
        raise RuntimeError("boom")

    def wrong(tree: etree._ElementTree) -> list:
        return ["not a finding"]

    pm = get_plugin_manager(extra=[HouseRules([crash, wrong, 42])])
    rules = {f.rule for f in validate_bytes(b"<article/>", rules="plugins", plugin_manager=pm)}
    assert {"plugin:rule-crashed", "plugin:bad-result", "plugin:bad-rule"} <= rules


def test_plugin_schematron_file(tmp_path: Path, jats4r_rules: object) -> None:
    sch = tmp_path / "house.sch"
    sch.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
      <pattern id="house"><rule context="article">
        <assert test="matches(@article-type, '^[a-z-]+$')" role="warning">article-type is missing or odd</assert>
      </rule></pattern></schema>""")
    pm = get_plugin_manager(extra=[HouseRules([str(sch)])])
    found = validate_bytes(b"<article/>", rules="plugins", plugin_manager=pm)
    assert any(f.rule == "plugin:house:house-1" and f.severity == "warning" and f.line == 1 for f in found)


def test_example_plugin_is_harmless_and_useful(tmp_path: Path) -> None:
    rule = example_journal_rules.publishing_article_has_issn
    tree = etree.parse(str(PUB10))
    assert list(rule(tree)) == []  # Publishing with ISSN
    no_issn = tmp_path / "no-issn.xml"
    text = PUB10.read_text(encoding="utf-8")
    no_issn.write_text(text.replace('<issn pub-type="ppub">', '<x pub-type="ppub">', 1)
                       .replace('<issn pub-type="epub">', '<x pub-type="epub">', 1)
                       .replace("</issn>", "</x>"), encoding="utf-8")
    got = list(rule(etree.parse(str(no_issn))))
    assert len(got) == 1 and got[0].severity == "warning"
    assert list(rule(etree.parse(str(DATA / "credit-test1.xml")))) == []  # Archiving: not its business
    pm = get_plugin_manager()
    assert any(f.rule == "example:publishing-issn" for f in validate_file(no_issn, rules="plugins", plugin_manager=pm))
    assert not any(f.source == "plugin" for f in validate_file(PUB10, rules="plugins", plugin_manager=pm))


# ---------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------


def test_cli_exit_codes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(DATA / "plos-nlm30.xml"), "--rules", "dtd"]) == 0
    bad = tmp_path / "bad.xml"
    bad.write_text("<article><p></article>")
    assert main([str(bad), "--rules", "dtd"]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:1:" in out and "error well-formed:" in out
    assert main([str(tmp_path / "missing.xml")]) == 2
    assert main([str(DATA / "plos-nlm30.xml"), "--rules", "nonsense"]) == 2
    assert main([str(DATA / "plos-nlm30.xml"), "--schema", "jats-0.1-none"]) == 2
    # warnings only: pass by default, fail with --fail-on warning
    assert main([str(DATA / "scielo-nodoctype.xml"), "--rules", "dtd"]) == 0
    assert main([str(DATA / "scielo-nodoctype.xml"), "--rules", "dtd", "--fail-on", "warning"]) == 1


def test_cli_json_batch_over_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "incoming" / "sub"
    folder.mkdir(parents=True)
    for name in ("plos-nlm30.xml", "scielo-jats10.xml"):
        (folder / name).write_bytes((DATA / name).read_bytes())
    (folder / "notes.txt").write_text("ignored")
    (folder / "broken.xml").write_text("<a>")
    assert main([str(tmp_path / "incoming"), "--rules", "dtd,metadata", "--format", "json"]) == 1
    cap = capsys.readouterr()
    report = json.loads(cap.out)
    assert report["summary"]["files"] == 3 and report["summary"]["failed"] == 1
    files = {Path(f["file"]).name: f for f in report["files"]}
    assert set(files) == {"broken.xml", "plos-nlm30.xml", "scielo-jats10.xml"}
    assert files["broken.xml"]["findings"][0]["rule"] == "well-formed"
    assert set(files["broken.xml"]["findings"][0]) == {"severity", "rule", "source", "message", "file", "line",
                                                        "column", "xpath", "gap"}
    assert report["strict"] is False and report["summary"]["downgraded"] == 0
    assert all(f["declared_gaps"] == [] for f in report["files"])  # foreign files declare nothing
    assert "3 files checked" in cap.err


def test_cli_junit_to_file(tmp_path: Path) -> None:
    out = tmp_path / "results.xml"
    code = main([str(DATA / "display-object.xml"), str(DATA / "plos-nlm30.xml"), "--rules", "dtd,metadata",
                 "--format", "junit", "-o", str(out), "-q"])
    assert code == 1
    root = etree.parse(str(out)).getroot()
    assert root.tag == "testsuites"
    cases = root.findall(".//testcase")
    assert len(cases) == 2 * 3  # per file: parse, dtd, metadata
    failed = [c for c in cases if c.find("failure") is not None]
    assert [(Path(c.get("classname")).name, c.get("name")) for c in failed] == [
        ("display-object.xml", "dtd"), ("display-object.xml", "metadata")]
    assert root.get("failures") == "2"


def test_cli_is_registered_with_the_main_command(capsys: pytest.CaptureFixture[str]) -> None:
    cli = pytest.importorskip("journalkit.cli")
    if "journalkit.validation.cli" not in cli.COMMAND_MODULES:
        pytest.skip("validate not wired into journalkit.cli yet")
    assert cli.main(["validate", str(DATA / "plos-nlm30.xml"), "--rules", "dtd"]) == 0
    assert cli.main(["-p", "no:example-journal-rules", "validate", str(DATA / "plos-nlm30.xml")]) in (0, 1)
