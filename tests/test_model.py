"""Values are validated where they are made."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from journalkit.model import Article, Contributor, Date, Journal, Reference, issn_checksum_ok, orcid_checksum_ok


def test_doi_normalised_and_checked() -> None:
    a = Article(doi="https://doi.org/10.7150/jca.14866.")
    assert a.doi == "10.7150/jca.14866"
    with pytest.raises(ValidationError):
        Article(doi="10.12/x")  # registrant code too short
    with pytest.raises(ValidationError):
        a.doi = "not a doi"


def test_orcid_checksum() -> None:
    assert orcid_checksum_ok("0000-0002-1825-0097")
    assert orcid_checksum_ok("0000-0002-1694-233X")
    assert not orcid_checksum_ok("0000-0002-1825-0098")
    c = Contributor(surname="Carberry", orcid="https://orcid.org/0000-0002-1825-0097")
    assert c.orcid == "0000-0002-1825-0097"
    with pytest.raises(ValidationError):
        Contributor(surname="X", orcid="0000-0002-1825-0098")


def test_issn_check_digit() -> None:
    assert issn_checksum_ok("1837-9664")
    assert issn_checksum_ok("0378-5955")
    assert not issn_checksum_ok("1837-9665")
    assert Journal(issn="18379664").issn == "1837-9664"
    with pytest.raises(ValidationError):
        Journal(issn="1837-9665")


def test_pages_and_dates() -> None:
    with pytest.raises(ValidationError):
        Article(fpage="20", lpage="10")
    a = Article(fpage="1081", lpage="1087")
    with pytest.raises(ValidationError):
        a.lpage = "1000"
    Article(fpage="e101", lpage="e99")  # not numbers: no ordering claim
    with pytest.raises(ValidationError):
        Date(year="2023", month=2, day=30)
    with pytest.raises(ValidationError):
        Date(year="3023")
    with pytest.raises(ValidationError):
        Date(year="1066")


def test_contributor_needs_a_name_and_reference_spans_stay_inside() -> None:
    with pytest.raises(ValidationError):
        Contributor(given_names="Jin")
    with pytest.raises(ValidationError):
        Reference(id="r1", raw="abc", fields=[{"label": "year", "start": 0, "end": 9}])
    with pytest.raises(ValidationError):
        Reference(id="r1", raw="x", pmid="PMID123")
