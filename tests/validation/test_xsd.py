"""``journalkit validate --xsd FILE``: a user's XML Schema, imports from its folder only, never the network."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from journalkit.validation import SchemaError, validate_bytes
from journalkit.validation.xsd import load_xsd

MAIN = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:x="urn:x">
  <xs:import namespace="urn:x" schemaLocation="{loc}"/>
  <xs:element name="article"><xs:complexType><xs:sequence>
    <xs:element name="front" type="xs:string"/></xs:sequence>
    <xs:attribute ref="x:flag"/></xs:complexType></xs:element>
</xs:schema>"""
MODULE = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:x">'
          '<xs:attribute name="flag" type="xs:string"/></xs:schema>')


@pytest.fixture()
def schema_dir(tmp_path: Path) -> Path:
    (tmp_path / "xsd" / "modules").mkdir(parents=True)
    (tmp_path / "xsd" / "modules" / "x.xsd").write_text(MODULE, encoding="utf-8")
    (tmp_path / "xsd" / "main.xsd").write_text(MAIN.format(loc="modules/x.xsd"), encoding="utf-8")
    return tmp_path / "xsd"


def test_valid_and_invalid_documents(schema_dir: Path) -> None:
    xsd = schema_dir / "main.xsd"
    ok = validate_bytes(b'<article xmlns:x="urn:x" x:flag="1"><front>t</front></article>', rules="metadata",
                        xsd=xsd)
    assert not [f for f in ok if f.source == "xsd"]
    found = [f for f in validate_bytes(b"<article><body/></article>", rules="metadata", xsd=xsd)
             if f.source == "xsd"]
    assert len(found) == 1 and found[0].rule.startswith("xsd:") and found[0].severity == "error"
    assert found[0].xpath == "/article/body" and "body" in found[0].message


@pytest.mark.parametrize("loc", ["http://127.0.0.1:9/x.xsd", "../outside.xsd"])
def test_imports_outside_the_folder_are_refused(tmp_path: Path, loc: str, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "outside.xsd").write_text(MODULE, encoding="utf-8")
    (tmp_path / "in").mkdir()
    bad = tmp_path / "in" / "main.xsd"
    bad.write_text(MAIN.format(loc=loc), encoding="utf-8")

    def no_socket(*a: object, **k: object) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", no_socket)
    with pytest.raises(SchemaError, match="outside its folder or remote"):
        load_xsd(str(bad))


def test_cli_reports_xsd_findings_and_bad_xsd(schema_dir: Path, tmp_path: Path) -> None:
    doc = tmp_path / "a.xml"
    doc.write_text("<article><body/></article>", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "journalkit", "validate", str(doc), "--rules", "metadata",
                          "--xsd", str(schema_dir / "main.xsd"), "--format", "json"],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 1, run.stderr
    rules = [f["rule"] for f in json.loads(run.stdout)["files"][0]["findings"]]
    assert any(r.startswith("xsd:") for r in rules)
    missing = subprocess.run([sys.executable, "-m", "journalkit", "validate", str(doc), "--xsd",
                              str(tmp_path / "nope.xsd")], capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "nope.xsd" in missing.stderr
