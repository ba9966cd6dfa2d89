from __future__ import annotations

import pytest
from _refparse_util import load_jsonl

from journalkit.refparse.tokens import tokenize

LINES = [
    "Zhang X, Pei Z, et al. Exosomes. J Cancer. 2016; 7(9):1081-7. [DOI:10.7150/jca.14866]",
    "Smith J (2019a) A title. Nature 1:2. https://doi.org/10.1038/abc.123). See http://x.org/a_b.",
    "O’Brien, M.-P. “Quoted title,” arXiv:1901.01234v2, 2019.",
]


def _covered(raw: str) -> bool:
    toks = tokenize(raw)
    rebuilt = "".join(raw[a.end:b.start] for a, b in zip(toks, toks[1:]))
    gaps_are_space = all(not raw[a.end:b.start].strip() for a, b in zip(toks, toks[1:]))
    head = raw[: toks[0].start] if toks else raw
    tail = raw[toks[-1].end:] if toks else ""
    return gaps_are_space and not head.strip() and not tail.strip() and (rebuilt.strip() == "")


@pytest.mark.parametrize("raw", LINES)
def test_every_character_is_in_a_token_or_whitespace(raw: str) -> None:
    assert _covered(raw)
    for t in tokenize(raw):
        assert raw[t.start:t.end] == t.text


def test_corpus_sample_is_covered() -> None:
    for rec in load_jsonl("heldout-sample.jsonl") + load_jsonl("train-sample.jsonl"):
        assert _covered(rec["raw"]), rec["id"]


def test_identifiers_are_single_tokens() -> None:
    toks = tokenize(LINES[1])
    kinds = {(t.kind, t.text) for t in toks if t.kind}
    # the resolver prefix is a URL, the DOI itself one token, the ")" and "." are not part of it
    assert ("url", "https://doi.org/") in kinds
    assert ("doi", "10.1038/abc.123") in kinds
    assert ("url", "http://x.org/a_b") in kinds
    toks = tokenize(LINES[0])
    assert ("doi", "10.7150/jca.14866") in {(t.kind, t.text) for t in toks}
    assert ("arxiv", "1901.01234v2") in {(t.kind, t.text) for t in tokenize(LINES[2])}


def test_year_with_suffix_stays_one_token() -> None:
    assert "2019a" in [t.text for t in tokenize(LINES[1])]
