"""Training data, the held-out split and CRF training for the reference parser.

The corpus gives field *values* (each a substring of the string), not
offsets, so :func:`align` places them: longest values first, each at its
first occurrence that starts and ends on token boundaries and overlaps no
value placed before. Long values are unambiguous; placing them first keeps a
volume ``12`` from landing inside a title that says ``12 patients``.

The split is fixed and documented (see :func:`is_held_out`): a reference is
held out when the SHA-1 of its *group key* falls in the lowest fifth. The
group key is the record id for AnyStyle, and the article for PLOS, so that
references of one article (one house style) never sit on both sides.
anystyle-core is always training data.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .features import sequence_features
from .tokens import Token, tokenize

__all__ = [
    "FIELD_LABELS",
    "HELD_OUT_SETS",
    "align",
    "group_key",
    "is_held_out",
    "load_records",
    "split_records",
    "build_lexicon",
    "train",
]

FIELD_LABELS = (
    "author", "editor", "title", "container", "year", "volume", "issue", "pages", "doi", "pmid",
    "publisher", "location", "url", "edition",
)
HELD_OUT_SETS = ("anystyle-gold", "plos-mixed")
TRAIN_ONLY_SETS = ("anystyle-core",)
HELD_OUT_PERCENT = 20

# crfsuite parameters: fixed so that the same data always gives the same model
CRF_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
    "feature.minfreq": 1,
}


def group_key(rec: dict[str, Any]) -> str:
    """What the split hashes: the PLOS article, or the record id."""
    rid = str(rec["id"])
    if rid.startswith("plos:"):
        return rid.rsplit(":", 1)[0]
    return rid


def is_held_out(rec: dict[str, Any]) -> bool:
    """True for the fixed test fifth of anystyle-gold and plos-mixed."""
    if rec.get("source") not in HELD_OUT_SETS:
        return False
    h = int(hashlib.sha1(group_key(rec).encode("utf-8")).hexdigest()[:8], 16)
    return h % 100 < HELD_OUT_PERCENT


def load_records(data_dir: str | Path, names: Iterable[str] = HELD_OUT_SETS + TRAIN_ONLY_SETS) -> list[dict]:
    """All records of the named sets, sorted by id (file order never matters)."""
    recs: list[dict] = []
    for name in names:
        path = Path(data_dir) / f"{name}.jsonl"
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    rec.setdefault("source", name)
                    recs.append(rec)
    recs.sort(key=lambda r: str(r["id"]))
    return recs


def split_records(recs: Sequence[dict]) -> tuple[list[dict], list[dict]]:
    """(train, held_out)."""
    train: list[dict] = []
    test: list[dict] = []
    for r in recs:
        (test if is_held_out(r) else train).append(r)
    return train, test


def align(raw: str, fields: dict[str, Any], tokens: Sequence[Token] | None = None) -> list[str]:
    """One label per token ("O" outside every field) from the record's field values."""
    toks = list(tokens) if tokens is not None else tokenize(raw)
    starts = {t.start for t in toks}
    ends = {t.end for t in toks}
    values: list[tuple[str, str]] = []
    for name in FIELD_LABELS:
        v = fields.get(name)
        if isinstance(v, list):
            values.extend((name, x) for x in v if x)
        elif v:
            values.append((name, v))
    values.sort(key=lambda nv: -len(nv[1]))
    taken: list[tuple[int, int, str]] = []
    for name, v in values:
        pos = raw.find(v)
        fallback = None
        while pos >= 0:
            e = pos + len(v)
            if all(e <= a or pos >= b for a, b, _ in taken):
                if fallback is None:
                    fallback = pos
                if pos in starts and e in ends:
                    break
            pos = raw.find(v, pos + 1)
        if pos < 0:
            pos = fallback if fallback is not None else -1
        if pos >= 0:
            taken.append((pos, pos + len(v), name))
    labels = []
    for t in toks:
        lab = "O"
        for a, b, name in taken:
            if t.start < b and t.end > a:
                lab = name
                break
        labels.append(lab)
    return labels


def build_lexicon(seqs: Iterable[tuple[Sequence[Token], Sequence[str]]], min_count: int = 3,
                  min_share: float = 0.25) -> dict[str, list[str]]:
    """Word -> the field labels it mostly carries in the training data."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for toks, labels in seqs:
        for t, lab in zip(toks, labels):
            if t.kind is None and (t.text[0].isalpha()):
                counts[t.text.lower()][lab] += 1
    lex: dict[str, list[str]] = {}
    for word in sorted(counts):
        c = counts[word]
        total = sum(c.values())
        if total < min_count:
            continue
        labs = sorted((lab for lab, k in c.items() if k / total >= min_share), key=lambda x: (-c[x], x))
        if labs:
            lex[word] = labs[:2]
    return lex


def train(records: Sequence[dict], model_path: str | Path, lexicon_path: str | Path,
          params: dict[str, Any] | None = None, verbose: bool = False) -> dict[str, Any]:
    """Train the CRF on ``records``; write the model and its lexicon. Returns a summary."""
    import pycrfsuite

    seqs = []
    for r in sorted(records, key=lambda r: str(r["id"])):
        toks = tokenize(r["raw"])
        if toks:
            seqs.append((toks, align(r["raw"], r["fields"], toks)))
    lexicon = build_lexicon(seqs)
    trainer = pycrfsuite.Trainer(verbose=verbose)
    trainer.select("lbfgs", "crf1d")
    trainer.set_params(dict(CRF_PARAMS, **(params or {})))
    for toks, labels in seqs:
        trainer.append(sequence_features(toks, lexicon), labels)
    Path(model_path).parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model_path))
    Path(lexicon_path).write_text(
        json.dumps(lexicon, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    return {"sequences": len(seqs), "lexicon": len(lexicon), "iterations": trainer.logparser.last_iteration}
