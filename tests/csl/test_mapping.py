"""Reference <-> CSL-JSON mapping."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from journalkit.csl import (
    ReferenceInputError,
    csl_to_reference,
    dotted_initials,
    read_references,
    reference_to_csl,
    references_from_csl,
)
from journalkit.model import Reference, RefName


def _full_ref() -> Reference:
    return Reference(
        id="r1",
        label="1",
        raw="Zoller SD, Doak TG, et al. (2012) Characterization. Protist 163(4): 643-657. "
        "doi:10.1016/j.protis.2012.01.001",
        publication_type="journal",
        authors=[
            RefName(surname="Zoller", given_names="S. D."),
            RefName(surname="Doak", given_names="T. G.", suffix="Jr"),
        ],
        etal=True,
        title="Characterization",
        source="Protist",
        year="2012",
        volume="163",
        issue="4",
        fpage="643",
        lpage="657",
        doi="10.1016/j.protis.2012.01.001",
        pmid="22325880",
        uri="https://example.org/x",
        publisher_name="Elsevier",
        publisher_loc="Jena",
        edition="2",
    )


def test_reference_to_csl_fields() -> None:
    item = reference_to_csl(_full_ref())
    assert item["type"] == "article-journal"
    assert item["author"] == [
        {"family": "Zoller", "given": "S. D."},
        {"family": "Doak", "given": "T. G.", "suffix": "Jr"},
    ]
    assert item["title"] == "Characterization" and item["container-title"] == "Protist"
    assert item["issued"] == {"date-parts": [[2012]]}
    assert (item["volume"], item["issue"], item["page"]) == ("163", "4", "643-657")
    assert item["DOI"] == "10.1016/j.protis.2012.01.001" and item["PMID"] == "22325880"
    assert item["URL"] == "https://example.org/x"
    assert (item["publisher"], item["publisher-place"], item["edition"]) == ("Elsevier", "Jena", "2")
    assert item["custom"]["etal"] is True and item["custom"]["label"] == "1"


def test_round_trip_model() -> None:
    ref = _full_ref()
    back = csl_to_reference(reference_to_csl(ref))
    assert back == ref


@pytest.mark.parametrize(
    "ref",
    [
        Reference(
            id="b",
            raw="x",
            publication_type="book",
            source="The Book",
            publisher_name="P",
            year="1999",
            editors=[RefName(surname="Ed", given_names="A.", role="editor")],
        ),
        Reference(
            id="c",
            raw="x",
            publication_type="chapter",
            chapter_title="Ch",
            title="Book",
            source="Book",
            fpage="1",
            lpage="9",
            year="2001",
        ),
        Reference(
            id="e",
            raw="x",
            publication_type="journal",
            source="PLoS One",
            elocation_id="e0212345",
            year="2019",
            authors=[RefName(collab="WHO")],
        ),
    ],
)
def test_round_trip_types(ref: Reference) -> None:
    assert csl_to_reference(reference_to_csl(ref)) == ref


def _projection(item: dict) -> dict:
    """What both sides can carry: particles folded into the family name, dashes unified."""
    out = {}
    for role in ("author", "editor"):
        out[role] = [
            (" ".join(n[k] for k in ("non-dropping-particle", "family") if n.get(k)), n.get("given"))
            for n in item.get(role, [])
        ]
    for k in (
        "title",
        "container-title",
        "volume",
        "issue",
        "DOI",
        "PMID",
        "URL",
        "publisher",
        "publisher-place",
        "edition",
    ):
        out[k] = item.get(k)
    out["year"] = item.get("issued", {}).get("date-parts", [[None]])[0][0]
    out["page"] = (item.get("page") or "").replace("\u2013", "-").replace(" ", "")
    return out


def test_round_trip_csl_fixtures(batches: list[list[dict]]) -> None:
    done = 0
    for it in (it for b in batches for it in b):
        try:
            ref = csl_to_reference(it)
        except ValidationError:
            continue  # fixture values the model rightly rejects (e.g. a page range running backwards)
        assert _projection(reference_to_csl(ref)) == _projection(it), it["id"]
        done += 1
    assert done > 200


def test_dotted_initials() -> None:
    assert dotted_initials("SD") == "S. D."
    assert dotted_initials("HCJ") == "H. C. J."
    assert dotted_initials("J") == "J."
    assert dotted_initials("Li") == "Li"
    assert dotted_initials("John Paul") == "John Paul"


def test_csl_to_reference_rejects_bad_values() -> None:
    with pytest.raises(ValidationError):
        csl_to_reference({"id": "x", "type": "article-journal", "DOI": "not a doi"})


def test_references_from_csl_unique_ids() -> None:
    refs = references_from_csl([{"type": "book", "title": "A"}, {"id": "a", "title": "B"}, {"id": "a", "title": "C"}])
    assert [r.id for r in refs] == ["ref1", "a", "a-3"]
    assert refs[0].source == "A" and refs[0].raw


def test_read_references_formats(tmp_path: Path) -> None:
    j = tmp_path / "r.json"
    j.write_text(json.dumps([{"id": "a", "type": "article-journal", "title": "T", "container-title": "J"}]))
    assert read_references(j)[0].title == "T"
    x = tmp_path / "r.xml"
    x.write_text(
        '<ref-list><ref id="b1"><label>1</label><mixed-citation publication-type="journal">'
        "Smith J. <article-title>T</article-title>. J. 2001;1:2.</mixed-citation></ref></ref-list>"
    )
    refs = read_references(x)
    assert refs[0].id == "b1" and refs[0].label == "1" and refs[0].raw == "Smith J. T. J. 2001;1:2."
    t = tmp_path / "r.txt"
    t.write_text("1. Smith J. T. J. 2001;1:2.\n\n[2] Doe A. U. K. 2002;3:4.\n")
    refs = read_references(t)
    assert [r.label for r in refs] == ["1", "2"] and len(refs) == 2


@pytest.mark.parametrize("content", ["[{bad json", "<ref-list><ref>", "<article/>", '{"a": 1}', ""])
def test_read_references_errors(tmp_path: Path, content: str) -> None:
    p = tmp_path / "bad.json"
    p.write_text(content)
    with pytest.raises(ReferenceInputError):
        read_references(p)
