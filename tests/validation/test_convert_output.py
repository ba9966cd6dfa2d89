"""``journalkit convert`` output against every rule set: what the writer must get right."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from journalkit.pipeline import convert
from journalkit.validation import validate_bytes
from journalkit.writers.countries import country_code
from journalkit.writers.jats import _untag_abbreviated_lpage

SEEDS = Path(__file__).parents[1] / "data" / "seeds"
# Errors that stand only because the text lacks the fact (each carries a "why:").
UNFIXABLE = {"pmc:journal-meta-check", "jats4r:permissions-errors-1", "pmc:required-child"}


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.iterdir() if p.is_dir()))
def test_seed_output_has_no_errors_but_missing_facts(seed: str, jats4r_rules: object) -> None:
    result = convert((SEEDS / seed / "raw.txt").read_text(encoding="utf-8"), source=seed)
    errors = [f for f in validate_bytes(result.jats, rules="all") if f.severity == "error"]
    assert not [f for f in errors if f.rule not in UNFIXABLE], errors
    assert all("(why: " in f.message for f in errors), errors


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
