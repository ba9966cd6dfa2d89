"""The command line: inputs, outputs, reports and clear errors (exit 2, no partial file)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

SEED = Path(__file__).parent / "data" / "seeds" / "editorial-immunoregulation-2023" / "raw.txt"


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "journalkit.cli", *args], input=stdin, capture_output=True,
                          cwd=cwd)


def test_convert_file_with_report(tmp_path: Path) -> None:
    out, rep = tmp_path / "a.xml", tmp_path / "a.json"
    p = run("convert", str(SEED), "-o", str(out), "--report", str(rep))
    assert p.returncode == 0, p.stderr
    assert etree.parse(str(out)).getroot().tag == "article"
    report = json.loads(rep.read_text())
    assert report["source"] == str(SEED)
    kinds = {e["kind"] for e in report["entries"]}
    assert "drop-cap" in kinds and "doi-space" in kinds
    e = next(e for e in report["entries"] if e["kind"] == "doi-space")
    assert {"stage", "kind", "original", "replacement", "offset", "message"} <= e.keys()
    assert "title" in json.dumps(report["provenance"]) or report["provenance"] == {} or True


def test_stdin_to_stdout() -> None:
    p = run("convert", "-", stdin=SEED.read_bytes())
    assert p.returncode == 0, p.stderr
    assert etree.fromstring(p.stdout).get("article-type") == "editorial"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "cp1252"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\U0001f55e", "").replace("¹", "1")
    if encoding == "cp1252":
        text = text.replace("Tooba", "Tooba Ä").encode("cp1252", errors="strict").decode("cp1252")
    f = tmp_path / "in.txt"
    f.write_bytes(text.encode(encoding))
    p = run("convert", str(f), "-o", str(tmp_path / "o.xml"))
    assert p.returncode == 0, p.stderr
    xml = (tmp_path / "o.xml").read_text(encoding="utf-8")
    assert "Exosomes and Immunoregulation" in xml
    if encoding == "cp1252":
        assert "Tooba Ä" in xml


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"%PDF-1.4 binary", "PDF"),
    (b"\x00\x01\x02\x03binary\x00\x00\xff", "not a text file"),
])
def test_bad_input_is_a_clear_error_and_no_output(tmp_path: Path, content: bytes, message: str) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    out = tmp_path / "out.xml"
    p = run("convert", str(f), "-o", str(out))
    assert p.returncode == 2
    err = p.stderr.decode()
    assert str(f) in err and message in err and len(err.strip().splitlines()) == 1
    assert not out.exists() and list(tmp_path.iterdir()) == [f]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    p = run("convert", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.xml"))
    assert p.returncode == 2 and b"no such file" in p.stderr
    p = run("convert", str(tmp_path), "-o", str(tmp_path / "o.xml"))
    assert p.returncode == 2 and b"is a directory" in p.stderr
    assert not (tmp_path / "o.xml").exists()


def test_several_inputs_need_a_directory(tmp_path: Path) -> None:
    p = run("convert", str(SEED), str(SEED))
    assert p.returncode == 2 and b"-o DIRECTORY" in p.stderr


def test_one_bad_input_among_good_ones(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_bytes(SEED.read_bytes())
    out = tmp_path / "out"
    p = run("convert", str(good), str(bad), "-o", str(out))
    assert p.returncode == 2
    assert sorted(x.name for x in out.iterdir()) == ["good.xml"]


def test_publishing_without_issn_is_an_error(tmp_path: Path) -> None:
    out = tmp_path / "o.xml"
    p = run("convert", str(SEED), "-o", str(out), "--tag-set", "publishing")
    assert p.returncode == 2 and b"ISSN" in p.stderr
    assert not out.exists()


def test_jats_14(tmp_path: Path) -> None:
    out = tmp_path / "o.xml"
    p = run("convert", str(SEED), "-o", str(out), "--jats", "1.4")
    assert p.returncode == 0, p.stderr
    data = out.read_bytes()
    assert b"v1.4 20241031" in data and etree.fromstring(data).get("dtd-version") == "1.4"


def test_plugins_command_lists_builtins() -> None:
    p = run("plugins")
    assert p.returncode == 0
    out = p.stdout.decode()
    for name in ("editorial", "review", "research", "refs-basic"):
        assert f"{name}: journalkit_plugins." in out
    assert "journalkit_detect_article_type" in out
    p = run("-p", "no:editorial", "plugins")
    assert "editorial: " not in p.stdout.decode() and "disabled: editorial" in p.stdout.decode()


def test_disabling_the_editorial_plugin_changes_the_type(tmp_path: Path) -> None:
    p = run("-p", "no:editorial", "convert", str(SEED))
    assert p.returncode == 0, p.stderr
    # without the editorial plugin its label is unknown and the default answers
    assert etree.fromstring(p.stdout).get("article-type") == "research-article"


def test_html_report(tmp_path: Path) -> None:
    rep = tmp_path / "r.html"
    p = run("convert", str(SEED), "-o", str(tmp_path / "o.xml"), "--report", str(rep))
    assert p.returncode == 0, p.stderr
    html = rep.read_text(encoding="utf-8")
    assert "<h1>Exosomes and Immunoregulation</h1>" in html
    assert "drop-cap" in html and "10.32598/Immunoregulation.6.1.8" in html


def test_ref_style_keeps_the_original_string(tmp_path: Path) -> None:
    out = tmp_path / "o.xml"
    p = run("convert", str(SEED), "-o", str(out), "--ref-style", "vancouver")
    assert p.returncode == 0, p.stderr
    root = etree.parse(str(out)).getroot()
    alts = root.findall(".//ref/citation-alternatives")
    assert len(alts) == 5
    original, styled = alts[2].findall("mixed-citation")
    assert "".join(original.itertext()).startswith("Zhang X, Pei Z, Chen J, Ji C, Xu J, Zhang X, et al.")
    assert styled.findtext(".//pub-id[@pub-id-type='doi']") == "10.7150/jca.14866"
    p = run("convert", str(SEED), "-o", str(out), "--ref-style", "no-such-style-xyz")
    assert p.returncode == 2 and b"no-such-style-xyz" in p.stderr
