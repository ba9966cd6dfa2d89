from __future__ import annotations

import json

import pytest
from _refparse_util import SEEDS
from lxml import etree

import journalkit.pluginmanager as pmod
from journalkit.cli import main

LINES = [r["raw"] for r in json.loads((SEEDS / "editorial-immunoregulation-2023" / "gold.json").read_text(
    encoding="utf-8"))["references"]]


@pytest.fixture(autouse=True)
def _with_refs_crf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make sure refs-crf is registered even where the checkout is not reinstalled yet."""
    import journalkit_plugins.refs_crf as plugin

    real = pmod.get_plugin_manager

    def get(disabled=(), extra=()):
        pm = real(disabled=disabled)
        names = {d.removeprefix("no:") for d in disabled}
        if pm.get_plugin("refs-crf") is None and "refs-crf" not in names:
            pm = real(disabled=disabled, extra=[plugin])
        return pm

    monkeypatch.setattr(pmod, "get_plugin_manager", get)


def test_refs_parse_to_jats(tmp_path) -> None:
    inp = tmp_path / "refs.txt"
    inp.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    out = tmp_path / "refs.xml"
    assert main(["refs", "parse", str(inp), "-o", str(out)]) == 0
    root = etree.parse(str(out)).getroot()
    assert root.tag == "ref-list"
    refs = root.findall("ref")
    assert len(refs) == len(LINES)
    for el, line in zip(refs, LINES):
        assert "".join(el.find("mixed-citation").itertext()) == line
    assert refs[2].find(".//lpage").text == "7"
    assert refs[0].find(".//article-title") is not None  # tagged by the CRF, not only by rules
    assert not list(tmp_path.glob(".refs.xml.*"))  # no temp file left behind


def test_blank_lines_keep_their_place(tmp_path) -> None:
    inp = tmp_path / "refs.txt"
    inp.write_text(LINES[0] + "\n\n" + LINES[1] + "\r\n", encoding="utf-8")
    out = tmp_path / "o.xml"
    assert main(["refs", "parse", str(inp), "-o", str(out)]) == 0
    refs = etree.parse(str(out)).getroot().findall("ref")
    assert [r.get("id") for r in refs] == ["r1", "r2", "r3"]
    assert "".join(refs[1].itertext()) == ""
    assert "".join(refs[2].find("mixed-citation").itertext()) == LINES[1]


def test_refs_parse_to_csl_json(tmp_path, capsys) -> None:
    inp = tmp_path / "refs.txt"
    inp.write_text("\n".join(LINES[2:4]) + "\n", encoding="utf-8")
    assert main(["refs", "parse", str(inp), "--to", "csl-json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["id"] for i in items] == ["r1", "r2"]
    a = items[0]
    assert a["type"] == "article-journal"
    assert a["author"][0]["family"] == "Zhang" and a["author"][0]["given"].rstrip(".") == "X"
    assert a["container-title"] == "Journal of Cancer"
    assert a["page"] == "1081-1087" and a["issued"] == {"date-parts": [[2016]]}
    assert a["DOI"] == "10.7150/jca.14866"
    assert "757674" in (items[1].get("page"), items[1].get("number"))  # the e-locator


@pytest.mark.parametrize("content, msg", [(None, "no such file"), (b"ab\x00cd", "binary"),
                                          (b"\xff\xfe\xfa bad", "not UTF-8")])
def test_bad_input_one_line_error_exit_2(tmp_path, capsys, content: bytes | None, msg: str) -> None:
    inp = tmp_path / "in.txt"
    if content is not None:
        inp.write_bytes(content)
    out = tmp_path / "o.xml"
    assert main(["refs", "parse", str(inp), "-o", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(inp) in err and msg in err
    assert not out.exists()


def test_disabling_refs_crf_falls_back_to_rules(tmp_path) -> None:
    inp = tmp_path / "refs.txt"
    inp.write_text(LINES[2] + "\n", encoding="utf-8")
    out = tmp_path / "o.xml"
    assert main(["-p", "no:refs-crf", "refs", "parse", str(inp), "-o", str(out)]) == 0
    mc = etree.parse(str(out)).getroot().find("ref/mixed-citation")
    assert "".join(mc.itertext()) == LINES[2]
    assert mc.find(".//article-title") is None
