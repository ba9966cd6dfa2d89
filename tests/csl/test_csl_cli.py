"""`refs format` / `refs styles` through their own argparse wiring (no dependence on cli.py)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest
from _csl_util import csl_pm
from lxml import etree

import journalkit.pluginmanager as pmod
from journalkit import csl_cli


def _run(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(pmod, "get_plugin_manager", lambda disabled=(), extra=(): csl_pm())
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers()
    refs = sub.add_parser("refs")
    csl_cli.add_commands(sub, refs.add_subparsers())
    args = ap.parse_args(argv)
    args.plugins = []
    return int(args.func(args))


ITEMS = [
    {
        "id": "a",
        "type": "article-journal",
        "title": "A study",
        "container-title": "Cell",
        "volume": "12",
        "page": "100-109",
        "issued": {"date-parts": [[2020]]},
        "author": [{"family": "Smith", "given": "J."}],
    }
]


def test_format_text_html_jats(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "refs.json"
    src.write_text(json.dumps(ITEMS))
    assert _run(["refs", "format", str(src), "--style", "apa"], monkeypatch) == 0
    assert capsys.readouterr().out == "Smith, J. (2020). A study. Cell, 12, 100–109.\n"
    out = tmp_path / "o.xml"
    assert (
        _run(
            ["refs", "format", str(src), "--style", "vancouver", "--to", "jats", "--renumber", "-o", str(out)],
            monkeypatch,
        )
        == 0
    )
    rl = etree.parse(str(out)).getroot()
    assert rl.tag == "ref-list" and rl.findtext("ref/label") == "1"
    assert rl.find("ref/mixed-citation/person-group/string-name/surname").text == "Smith"
    assert not list(tmp_path.glob(".*.tmp"))
    assert _run(["refs", "format", str(src), "--to", "html"], monkeypatch) == 0
    assert '<div class="csl-entry" id="a">' in capsys.readouterr().out


@pytest.mark.parametrize("argv_tail", [["--style", "no-such-style"], ["--locale", "xx-YY"]])
def test_format_bad_style_or_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv_tail: list[str]
) -> None:
    src = tmp_path / "refs.json"
    src.write_text(json.dumps(ITEMS))
    assert _run(["refs", "format", str(src), *argv_tail], monkeypatch) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("journalkit: error:")


def test_format_bad_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "broken.json"
    src.write_text("[{nope")
    out = tmp_path / "o.txt"
    assert _run(["refs", "format", str(src), "-o", str(out)], monkeypatch) == 2
    err = capsys.readouterr().err
    assert str(src) in err and err.count("\n") == 1
    assert not out.exists()


def test_styles(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(["refs", "styles", "vancouver", "nlm"], monkeypatch) == 0
    lines = capsys.readouterr().out.splitlines()
    assert any(line.startswith("vancouver\t") for line in lines)
    assert all("\t" in line for line in lines)
    assert _run(["refs", "styles", "zzzz-no-such-words"], monkeypatch) == 1
