"""Plugins: an outside journal overrides the article type, through an entry point or pm.register."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import journalkit
from journalkit import Document, TypeDecision, hookimpl
from journalkit.model import Article
from journalkit.pluginmanager import _cached_manager, get_plugin_manager

SEED = Path(__file__).parent / "data" / "seeds" / "editorial-immunoregulation-2023" / "raw.txt"


class CommentaryJournal:
    """Written exactly like an outside plugin module: public API only."""

    __name__ = "commentary-journal"

    @hookimpl(tryfirst=True)
    def journalkit_detect_article_type(self, doc: Document, article: Article) -> TypeDecision | None:
        if doc.type_label_value == "editorial":
            return TypeDecision("commentary", "house rule: our editorials are commentaries")
        return None

    @hookimpl
    def journalkit_noise_lines(self, doc: Document) -> list[str]:
        return [r"Citation Ghazanfari .*"]


def test_registered_plugin_overrides_article_type() -> None:
    text = SEED.read_text(encoding="utf-8")
    res = journalkit.convert(text, plugins=[CommentaryJournal()])
    assert res.article.article_type == "commentary"
    assert "house rule" in (res.article.article_type_evidence or "")
    assert any(e.kind == "noise-line" and e.original.startswith("Citation") for e in res.report.entries)
    # the default manager is untouched
    assert journalkit.convert(text).article.article_type == "editorial"


def test_disable_by_name() -> None:
    pm = get_plugin_manager(disabled=["no:editorial"])
    assert pm.get_plugin("editorial") is None and pm.get_plugin("review") is not None


def test_entry_point_plugin(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A distribution on sys.path with a `journalkit` entry point is loaded like the built-ins."""
    pkg = tmp_path / "myjournal_plugin.py"
    pkg.write_text(textwrap.dedent('''
        from journalkit import TypeDecision, hookimpl

        @hookimpl(tryfirst=True)
        def journalkit_detect_article_type(doc, article):
            return TypeDecision("letter", "my journal prints letters only")
    '''))
    dist = tmp_path / "myjournal_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: myjournal-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[journalkit]\nmyjournal = myjournal_plugin\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    _cached_manager.cache_clear()
    try:
        pm = get_plugin_manager()
        assert pm.get_plugin("myjournal") is not None
        res = journalkit.convert(SEED.read_text(encoding="utf-8"), plugins=pm)
        assert res.article.article_type == "letter"
        pm2 = get_plugin_manager(disabled=["myjournal"])
        assert journalkit.convert(SEED.read_text(encoding="utf-8"), plugins=pm2).article.article_type == "editorial"
    finally:
        sys.modules.pop("myjournal_plugin", None)
        _cached_manager.cache_clear()
