"""Where a wrapped affiliation ends: a wrapped place goes on, the article's own citation under it does not."""

from journalkit.readers.front import _CITES_AUTHORS, _VANCOUVER_NAME


def test_wrapped_place_is_not_a_name() -> None:
    # '... Universidade Federal de Minas Gerais. Belo' / 'Horizonte, MG, Brasil' is one affiliation
    assert _VANCOUVER_NAME.match("Horizonte, MG, Brasil") is None
    assert _CITES_AUTHORS.match("Horizonte, MG, Brasil") is None
    assert _CITES_AUTHORS.match("Iowa City, IA, United States of America") is None
    assert _VANCOUVER_NAME.match("Gomes RR. HIV/AIDS knowledge") is not None


def test_citation_under_affiliations() -> None:
    for line in ("Fluge Ø, Bruland O, Risa K, Storstein A. Benefit from",
                 "Del Debbio CB, Mir Q, Parameswaran S, Mathews S. Notch Signaling",
                 "Silva SAd, Valácio RA, Botelho FC, Amaral CFS. Fatores de atraso",
                 "Citação: Boclin KdLS, Faerstein E, Leon ACMPd. Características"):
        assert _CITES_AUTHORS.match(line) is not None, line
