"""Formatting against citeproc-js fixtures, JATS tagging, styles, restyling."""

from __future__ import annotations

import json
import re
from pathlib import Path

import journalkit_plugins.csl_format as cf
import pytest
from _csl_util import FIXTURES, STYLES
from lxml import etree

from journalkit.csl import csl_to_reference, references_from_csl, restyle_references
from journalkit.model import Reference, RefName
from journalkit.schemas import load_dtd

# citeproc-js output reproduced after whitespace normalisation, per style.
# The target is 0.98 everywhere; a style below it lists its known gaps in
# the report of issue 4 and its floor here only stops regressions.
FLOOR = {s: 0.98 for s in STYLES}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.mark.parametrize("style", STYLES)
def test_matches_citeproc_js(style: str, batches: list[list[dict]]) -> None:
    expected = json.loads((FIXTURES / f"expected-{style}.json").read_text(encoding="utf-8"))
    same = total = 0
    for batch in batches:
        for item, text in zip(batch, cf.format_csl(batch, style)):
            total += 1
            same += _norm(text) == _norm(expected[item["id"]])
    assert total == len(expected) >= 200
    assert same / total >= FLOOR[style], f"{style}: {same}/{total}"


def test_citation_number_spaced() -> None:
    # citeproc-py glued the number to the first author ("1.Zoller") in second-field-align styles.
    out = cf.format_csl(
        [{"id": "a", "type": "book", "title": "T", "author": [{"family": "Zhang", "given": "W."}]}], "vancouver"
    )
    assert out[0].startswith("1. Zhang W.")


def test_year_suffix_disambiguation(batches: list[list[dict]]) -> None:
    twins = batches[-1]
    out = cf.format_csl(twins, "apa")
    years = [re.search(r"\((\d{4}[a-z]?)\)", t).group(1) for t in out]  # type: ignore[union-attr]
    assert sorted(years) == [years[0][:4] + s for s in "abc"]
    # numeric styles never get a suffix
    assert not re.search(r"\d{4}[a-c]\b", " ".join(cf.format_csl(twins, "vancouver")))


def test_input_order_and_unique_ids() -> None:
    items = [
        {"id": i, "type": "book", "title": t, "author": [{"family": f}], "issued": {"date-parts": [[2000]]}}
        for i, t, f in (("x", "B", "Zed"), ("y", "A", "Abe"))
    ]
    out = cf.format_csl(items, "apa")
    assert out[0].startswith("Zed") and out[1].startswith("Abe")
    with pytest.raises(ValueError):
        cf.format_csl([{"id": "a", "type": "book"}, {"id": "A", "type": "book"}], "apa")


def test_html_escapes_and_formats() -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "Fish & chips <x>",
        "container-title": "Nature",
        "volume": "5",
        "issued": {"date-parts": [[2001]]},
        "author": [{"family": "Li", "given": "X."}],
    }
    (h,) = cf.format_csl([item], "nature", output="html")
    assert "Fish &amp; chips &lt;x&gt;" in h and "<i>Nature</i>" in h and "<b>5</b>" in h
    (t,) = cf.format_csl([item], "nature")
    assert re.sub(r"<[^>]+>", "", h).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") == t


def _t(el: etree._Element, path: str) -> str | None:
    found = el.find(path)
    return None if found is None else "".join(found.itertext())


def _wrap_article(els: list[etree._Element]) -> etree._Element:
    art = etree.fromstring(
        '<article article-type="research-article" dtd-version="1.3" xmlns:xlink="http://www.w3.org/1999/xlink">'
        "<front><article-meta><title-group><article-title>T</article-title></title-group></article-meta></front>"
        "<back><ref-list/></back></article>"
    )
    rl = art.find("back/ref-list")
    for i, el in enumerate(els, 1):
        ref = etree.SubElement(rl, "ref", id=f"r{i}")
        ref.append(el)
    return art


@pytest.mark.parametrize("style", STYLES)
def test_jats_valid_and_same_text(style: str, batches: list[list[dict]]) -> None:
    dtd = load_dtd("archiving", "1.3")
    els: list[etree._Element] = []
    tagged = 0
    for batch in batches[:12] + batches[-2:]:
        plain = cf.format_csl(batch, style)
        jats = cf.format_csl(batch, style, output="jats")
        for p, el in zip(plain, jats):
            text = "".join(el.itertext())
            # the text is the plain rendering; only a leading citation number is left to <label>
            assert p.endswith(text) and re.fullmatch(r"\[?\(?\d*[.)\]]?\s*", p[: len(p) - len(text)]), (p, text)
            tagged += el.find(".//surname") is not None and el.find(".//source") is not None
        els.extend(jats)
    assert dtd.validate(_wrap_article(els)), dtd.error_log.filter_from_errors()[:3]
    assert tagged >= 0.9 * len(els)


def test_jats_field_values() -> None:
    item = {
        "id": "a",
        "type": "article-journal",
        "title": "A study",
        "container-title": "Cell",
        "volume": "12",
        "issue": "3",
        "page": "100-109",
        "DOI": "10.1000/xyz",
        "PMID": "12345",
        "issued": {"date-parts": [[2020]]},
        "author": [{"family": "Smith", "given": "John A."}, {"family": "Doe", "given": "B."}],
    }
    (el,) = cf.format_csl([item], "apa", output="jats")
    assert [s.text for s in el.iter("surname")] == ["Smith", "Doe"]
    assert [g.text for g in el.iter("given-names")] == ["J. A.", "B."]
    assert el.find("person-group").get("person-group-type") == "author"
    assert _t(el, "article-title") == "A study" and _t(el, ".//source") == "Cell"
    assert (_t(el, "year"), _t(el, ".//volume"), _t(el, "issue")) == ("2020", "12", "3")
    assert (el.findtext("fpage"), el.findtext("lpage")) == ("100", "109")
    assert el.find("pub-id") is None or el.find("pub-id").get("pub-id-type") == "doi"
    (nlm,) = cf.format_csl([item], "vancouver", output="jats")
    assert nlm.findtext("fpage") == "100" and nlm.find("lpage") is None  # "100–9": abbreviated, not tagged
    assert nlm.get("publication-type") == "journal"


def test_jats_book_and_chapter_titles() -> None:
    book = {"id": "b", "type": "book", "title": "The Book", "publisher": "Pub", "issued": {"date-parts": [[1999]]}}
    chap = {
        "id": "c",
        "type": "chapter",
        "title": "The Chapter",
        "container-title": "The Book",
        "editor": [{"family": "Ed", "given": "A."}],
        "issued": {"date-parts": [[1999]]},
    }
    b, c = cf.format_csl([book, chap], "chicago-author-date", output="jats")
    assert _t(b, ".//source") == "The Book" and b.find(".//article-title") is None
    assert _t(b, ".//publisher-name") == "Pub"
    assert _t(c, ".//chapter-title") == "The Chapter" and _t(c, ".//source") == "The Book"
    assert c.find(".//person-group[@person-group-type='editor']") is not None


def test_resolve_style(tmp_path: Path) -> None:
    assert cf.resolve_style("vancouver")[0].name == "nlm-citation-sequence.csl"  # renamed id
    assert cf.resolve_style("APA")[0].name == "apa.csl"
    assert cf.resolve_style("nature-digest")[0].name == "nature.csl"  # dependent style
    local = tmp_path / "house.csl"
    local.write_bytes(cf.resolve_style("nature")[0].read_bytes())
    assert cf.resolve_style(str(local))[0] == local
    with pytest.raises(cf.StyleNotFound):
        cf.resolve_style("no-such-style-anywhere")
    with pytest.raises(cf.StyleNotFound):
        cf.resolve_style(str(tmp_path / "missing.csl"))


def test_local_style_and_locale(tmp_path: Path) -> None:
    local = tmp_path / "house.csl"
    local.write_bytes(cf.resolve_style("apa")[0].read_bytes())
    item = {
        "id": "a",
        "type": "book",
        "title": "T",
        "author": [{"family": "A"}, {"family": "B"}],
        "issued": {"date-parts": [[2000]]},
    }
    assert cf.format_csl([item], str(local)) == cf.format_csl([item], "apa")
    de = cf.format_csl([dict(item, edition="2")], "chicago-author-date", locale="de-DE")[0]
    en = cf.format_csl([dict(item, edition="2")], "chicago-author-date", locale="en-US")[0]
    assert "und" in de and "and" in en
    with pytest.raises(LookupError):
        cf.format_csl([item], "apa", locale="xx-YY")


def test_list_styles() -> None:
    styles = dict(cf.list_styles())
    assert len(styles) > 5000
    assert "APA" in styles["apa"]
    assert "nlm-citation-sequence" in styles["vancouver"]


def test_hooks_and_restyle(pm) -> None:  # type: ignore[no-untyped-def]
    refs = [
        Reference(
            id="r1",
            raw="Smith J, Doe B. A study. Cell. 2020;12:100-9.",
            publication_type="journal",
            authors=[RefName(surname="Smith", given_names="J"), RefName(surname="Doe", given_names="B")],
            title="A study",
            source="Cell",
            year="2020",
            volume="12",
            fpage="100",
            lpage="109",
        ),
        csl_to_reference({"id": "r2", "type": "book", "title": "The Book", "issued": {"date-parts": [[1999]]}}),
    ]
    out = pm.hook.journalkit_format_references(references=refs, style="apa", locale="", output="text")
    assert out[0] == "Smith, J., & Doe, B. (2020). A study. Cell, 12, 100–109."
    restyle_references(refs, "american-medical-association", pm)
    assert refs[0].raw.startswith("Smith J, Doe B.")  # untouched
    assert refs[0].styled_style == "american-medical-association"
    el = etree.fromstring(refs[0].styled_jats or "")
    assert el.tag == "mixed-citation" and "".join(el.itertext()).startswith("Smith J, Doe B. A study. Cell.")
    pairs = [p for ps in pm.hook.journalkit_reference_styles() for p in ps]
    assert ("apa", dict(pairs)["apa"]) in pairs
    with pytest.raises(LookupError):
        restyle_references(refs, "no-such-style", pm)


def test_format_references_from_fixture_refs(batches: list[list[dict]], pm) -> None:  # type: ignore[no-untyped-def]
    refs = references_from_csl(batches[0])
    via_model = pm.hook.journalkit_format_references(references=refs, style="nature", locale="en-US", output="text")
    direct = cf.format_csl(batches[0], "nature")
    assert via_model == direct


def test_jats_single_pass_equals_text_everywhere(batches: list[list[dict]]) -> None:
    # JATS is rendered once, with markers; its text must still be the text rendering, for every fixture item.
    for style in STYLES:
        for batch in batches:
            for p, el in zip(cf.format_csl(batch, style), cf.format_csl(batch, style, output="jats")):
                text = "".join(el.itertext())
                assert p.endswith(text) and re.fullmatch(r"\[?\(?\d*[.)\]]?\s*", p[: len(p) - len(text)]), (p, text)


def test_jats_recheck_when_markers_change_text(tmp_path: Path) -> None:
    # A length-changing case map ("ß" -> "SS") cannot be applied around markers: the item is
    # rendered again unmarked and, its text differing, emitted untagged with the plain text.
    style = tmp_path / "upper.csl"
    style.write_text(
        '<?xml version="1.0" encoding="utf-8"?>'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">'
        "<info><title>Upper</title><id>upper</id><updated>2024-01-01T00:00:00+00:00</updated></info>"
        '<citation><layout><text variable="title"/></layout></citation>'
        '<bibliography><layout><names variable="author" suffix=". "/>'
        '<text variable="title" text-case="uppercase"/></layout></bibliography></style>',
        encoding="utf-8",
    )
    item = {"id": "a", "type": "book", "title": "Die Straße", "author": [{"family": "Li", "given": "X."}]}
    (plain,) = cf.format_csl([item], str(style))
    (el,) = cf.format_csl([item], str(style), output="jats")
    assert plain.endswith("DIE STRASSE") and "".join(el.itertext()) == plain
    assert el.find(".//surname") is None  # untagged, never wrongly tagged


def test_jats_recheck_changes_nothing_when_forced(monkeypatch: pytest.MonkeyPatch, batches: list[list[dict]]) -> None:
    # Every item re-rendered unmarked and compared gives what the single pass gives.
    single = [etree.tostring(e) for b in batches[:6] for e in cf.format_csl(b, "apa", output="jats")]
    monkeypatch.setattr(cf, "_SPACE_AT_MARK", re.compile(""))
    forced = [etree.tostring(e) for b in batches[:6] for e in cf.format_csl(b, "apa", output="jats")]
    assert single == forced
