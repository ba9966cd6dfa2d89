from __future__ import annotations

import hashlib

import pytest
from _refparse_util import load_jsonl

from journalkit.refparse.tokens import tokenize
from journalkit.refparse.training import align, build_lexicon, group_key, is_held_out, train


def test_split_is_fixed_and_grouped_by_article() -> None:
    # the hash decides, not the order or the run: these answers never change
    a = {"id": "plos:journal.pone.1:pone.1.ref001", "source": "plos-mixed"}
    b = {"id": "plos:journal.pone.1:pone.1.ref999", "source": "plos-mixed"}
    assert group_key(a) == group_key(b) == "plos:journal.pone.1"
    assert is_held_out(a) == is_held_out(b)
    assert not is_held_out({"id": "anystyle-core:0001", "source": "anystyle-core"})
    flags = [is_held_out({"id": f"anystyle-gold:{i:04d}", "source": "anystyle-gold"}) for i in range(1000)]
    assert 150 < sum(flags) < 250


def test_samples_sit_on_the_right_side_of_the_split() -> None:
    assert all(is_held_out(r) for r in load_jsonl("heldout-sample.jsonl"))
    assert not any(is_held_out(r) for r in load_jsonl("train-sample.jsonl"))


def test_align_prefers_long_values_and_token_boundaries() -> None:
    raw = "Li X (2012) 12 patients with a rare disease. J Rare Dis 12: 1-5."
    fields = {"author": ["Li X"], "title": "12 patients with a rare disease", "container": "J Rare Dis",
              "year": "2012", "volume": "12", "pages": "1-5"}
    toks = tokenize(raw)
    labels = dict(zip(((t.start, t.text) for t in toks), align(raw, fields, toks)))
    assert labels[(12, "12")] == "title"
    assert labels[(raw.index("12:"), "12")] == "volume"
    assert labels[(raw.index("(") + 1, "2012")] == "year"


def test_lexicon_counts_training_words() -> None:
    seqs = []
    for r in load_jsonl("train-sample.jsonl"):
        toks = tokenize(r["raw"])
        seqs.append((toks, align(r["raw"], r["fields"], toks)))
    lex = build_lexicon(seqs, min_count=2)
    assert lex and all(labs for labs in lex.values())


def test_training_is_deterministic(tmp_path) -> None:
    pytest.importorskip("pycrfsuite")
    recs = load_jsonl("train-sample.jsonl")
    digests = []
    for k in range(2):
        m, lx = tmp_path / f"m{k}.crfsuite", tmp_path / f"l{k}.json"
        train(list(reversed(recs)) if k else recs, m, lx, params={"max_iterations": 15})
        digests.append(hashlib.sha256(m.read_bytes() + lx.read_bytes()).hexdigest())
    assert digests[0] == digests[1]
