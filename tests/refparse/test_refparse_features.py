"""Feature extraction must stay value-for-value what the shipped CRF was trained on.

The model file holds weights keyed by feature strings; any change to a
feature's spelling, order-insensitive set or presence silently degrades
tagging without failing a single parse. Speed work on
:func:`journalkit.refparse.features.sequence_features` is therefore pinned to
fingerprints taken with the original implementation on 200 strings (the 100
sample references, plus each one rotated at its middle so tokens meet new
neighbours). The lexicon is frozen into the fixture, so retraining the model
does not invalidate the fingerprints.

Regenerate (only when features are changed on purpose and the model is
retrained): ``python tests/refparse/test_refparse_features.py --write``.
"""

from __future__ import annotations

import hashlib
import json
import sys

from _refparse_util import DATA, load_jsonl

from journalkit.refparse.features import sequence_features
from journalkit.refparse.tokens import tokenize

GOLDEN = DATA / "features-golden.json"


def golden_strings() -> list[str]:
    raws = [r["raw"] for name in ("heldout-sample.jsonl", "train-sample.jsonl") for r in load_jsonl(name)]
    rotated = []
    for raw in raws:
        words = raw.split(" ")
        half = len(words) // 2
        rotated.append(" ".join(words[half:] + words[:half]))
    return raws + rotated


def fingerprint(raw: str, lexicon: dict[str, list[str]]) -> str:
    feats = sequence_features(tokenize(raw), lexicon)
    return hashlib.sha256(json.dumps(feats, ensure_ascii=False).encode("utf-8")).hexdigest()


def _write() -> None:
    from journalkit.refparse.parser import default_model_paths

    strings = golden_strings()
    full = json.loads(default_model_paths()[1].read_text(encoding="utf-8"))
    words = {t.text.lower() for s in strings for t in tokenize(s)}
    lexicon = {w: full[w] for w in sorted(words) if w in full}
    data = {"lexicon": lexicon, "sha256": [fingerprint(s, lexicon) for s in strings]}
    GOLDEN.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")


def test_features_match_the_trained_ones() -> None:
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    strings = golden_strings()
    assert len(strings) == len(data["sha256"]) == 200
    bad = [s for s, h in zip(strings, data["sha256"]) if fingerprint(s, data["lexicon"]) != h]
    assert not bad, f"{len(bad)} strings get different features, e.g. {bad[0]!r}"


def test_features_do_not_depend_on_call_order() -> None:
    """The per-token cache must not leak one string's context into another's features."""
    data = json.loads(GOLDEN.read_text(encoding="utf-8"))
    strings = golden_strings()
    for s, h in list(zip(strings, data["sha256"]))[::-1][:50]:
        assert fingerprint(s, data["lexicon"]) == h


if __name__ == "__main__" and "--write" in sys.argv:
    _write()
