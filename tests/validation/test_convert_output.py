"""``journalkit convert`` output against every rule set: what the writer must get right."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from journalkit.model import License
from journalkit.pipeline import convert
from journalkit.schemas import JATS_VERSIONS, TAG_SETS, flavour, load_dtd
from journalkit.validation import META_NAME, declared_gaps, missing_facts, validate_bytes
from journalkit.writers.countries import country_code
from journalkit.writers.jats import _untag_abbreviated_lpage, build_jats, serialize

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
SEED_NAMES = sorted(p.name for p in SEEDS.iterdir() if p.is_dir())


def _seed(name: str) -> str:
    return (SEEDS / name / "raw.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("seed", SEED_NAMES)
def test_seed_output_has_no_errors_and_declares_what_the_text_lacks(seed: str, jats4r_rules: object) -> None:
    result = convert(_seed(seed), source=seed)
    root = etree.fromstring(result.jats)
    declared = declared_gaps(root)
    assert declared and declared == tuple(missing_facts(root))
    found = validate_bytes(result.jats, rules="all")
    assert not [f for f in found if f.severity == "error"], [str(f) for f in found if f.severity == "error"]
    excused = [f for f in found if f.gap]
    assert excused and all(f.severity == "warning" and f.gap in declared for f in excused)
    # --strict: exactly those come back as errors, each still saying why the text cannot fix it
    strict = [f for f in validate_bytes(result.jats, rules="all", strict=True) if f.severity == "error"]
    assert sorted((f.rule, f.line) for f in strict) == sorted((f.rule, f.line) for f in excused)
    assert all("(why: " in f.message and f.gap is None for f in strict)


@pytest.mark.parametrize("version", JATS_VERSIONS)
@pytest.mark.parametrize("tag_set", TAG_SETS)
def test_declarations_are_valid_in_every_flavour(version: str, tag_set: str) -> None:
    # convert() DTD-checks its output and raises on an invalid tree; check again here to be explicit
    result = convert(_seed("review-jcancer-2016"), jats_version=version, tag_set=tag_set,
                     journal="jcancer" if tag_set == "publishing" else None)
    root = etree.fromstring(result.jats)
    assert load_dtd(tag_set, version).validate(root)
    pm = root[0]
    assert pm.tag == "processing-meta"
    assert (pm.get("tagset-family"), pm.get("base-tagset"), pm.get("table-model")) == ("jats", tag_set, "none")
    group = pm.find("custom-meta-group")
    assert group is not None and group.get("content-type") == "journalkit-source-gaps"
    assert [c.findtext("meta-name") for c in group] == [META_NAME] * len(group)
    # the profile supplies ISSN and journal title, so they are not declared missing
    assert "issn" not in declared_gaps(root) and "heading" in declared_gaps(root)


def test_no_gaps_no_processing_meta() -> None:
    result = convert(_seed("review-jcancer-2016"), journal="jcancer")
    root = etree.fromstring(result.jats)
    for name in ("heading", "copyright-year", "copyright-holder"):
        assert name in declared_gaps(root)
    art = result.article
    art.subject_heading = "Review"
    assert art.license is not None
    art.license.copyright_year = "2016"
    art.license.copyright_holder = "Ivyspring International Publisher"
    tree = build_jats(art, flavour("publishing", "1.3"))
    assert tree.find("processing-meta") is None and missing_facts(tree) == []


@pytest.mark.parametrize("url", [None, "https://creativecommons.org/licenses/by/4.0/"])
def test_never_an_empty_license_p(url: str | None) -> None:
    """The licence sentence read into the copyright statement left an empty licence text."""
    art = convert(_seed("review-jcancer-2016")).article
    art.license = License(text="", url=url,
                          copyright_statement="© 2020 Revista X This is an Open Access article distributed under "
                                              "the terms of the Creative Commons Attribution License")
    root = build_jats(art, flavour("archiving", "1.3"))
    assert load_dtd("archiving", "1.3").validate(root)
    assert root.find(".//license-p") is None
    perm = root.find("front/article-meta/permissions")
    assert perm is not None and perm.findtext("copyright-statement", "").startswith("© 2020")
    lic = perm.find("license")
    assert (lic is not None) == bool(url)
    found = validate_bytes(serialize(root, flavour("archiving", "1.3")), rules="pmc")
    assert not [f for f in found if f.rule == "pmc:empty-element-check"]


def test_abbreviated_lpage_stays_text() -> None:
    mc = etree.fromstring("<mixed-citation>J Cancer. 2016;7:<fpage>1081</fpage>-<lpage>7</lpage>.</mixed-citation>")
    _untag_abbreviated_lpage(mc)
    assert mc.find("lpage") is None and mc.find("fpage") is not None
    assert "".join(mc.itertext()) == "J Cancer. 2016;7:1081-7."  # verbatim
    full = etree.fromstring("<mixed-citation><fpage>1081</fpage>-<lpage>1087</lpage></mixed-citation>")
    _untag_abbreviated_lpage(full)
    assert full.findtext("lpage") == "1087"
    prefixed = etree.fromstring("<mixed-citation><fpage>H3052</fpage>–<lpage>6</lpage></mixed-citation>")
    _untag_abbreviated_lpage(prefixed)
    assert prefixed.find("lpage") is None and "".join(prefixed.itertext()) == "H3052–6"


def test_country_codes_only_for_known_names() -> None:
    assert country_code("USA") == "US" and country_code("Brasil") == "BR" and country_code("P.R. China") == "CN"
    assert country_code("Korea") is None and country_code("Atlantis") is None and country_code(None) is None


def test_heading_links_and_countries_in_output() -> None:
    root = etree.fromstring(convert((SEEDS / "editorial-immunoregulation-2023" / "raw.txt")
                                    .read_text(encoding="utf-8")).jats)
    assert root.findtext("front/article-meta/article-categories/subj-group[@subj-group-type='heading']/subject")
    assert [c.get("country") for c in root.iter("country")] == ["IR"]
    review = etree.fromstring(convert((SEEDS / "review-jcancer-2016" / "raw.txt").read_text(encoding="utf-8")).jats)
    xlink = "{http://www.w3.org/1999/xlink}title"
    assert review.find("front/article-meta/self-uri").get(xlink)
    assert all(e.get(xlink) for e in review.iter("ext-link"))
    # The review prints no article-type heading: none is made up.
    assert review.find("front/article-meta/article-categories") is None
