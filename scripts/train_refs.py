#!/usr/bin/env python3
"""Retrain the reference-parsing CRF shipped in journalkit/refparse/data/.

    python scripts/train_refs.py --data /work/shared/corpus/refs

Deterministic: records are sorted by id, the held-out split is a fixed hash
(see journalkit.refparse.training), crfsuite's L-BFGS has no random state and
its parameters are fixed in ``CRF_PARAMS``; the same data gives the same
model file. ``--held-out DIR`` also writes the held-out records (never
trained on) as JSONL for scoring with score_refs.py.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from journalkit.refparse.training import load_records, split_records, train  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1] if __doc__ else None)
    ap.add_argument("--data", required=True, help="folder with anystyle-gold/anystyle-core/plos-mixed .jsonl")
    ap.add_argument("--out", default=str(ROOT / "journalkit" / "refparse" / "data"),
                    help="where refs.crfsuite and refs-lexicon.json go (default: the package data folder)")
    ap.add_argument("--held-out", metavar="DIR", help="also write the held-out records per set here")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    recs = load_records(args.data)
    train_recs, test_recs = split_records(recs)
    out = Path(args.out)
    model, lexicon = out / "refs.crfsuite", out / "refs-lexicon.json"
    t0 = time.perf_counter()
    info = train(train_recs, model, lexicon, verbose=args.verbose)
    dt = time.perf_counter() - t0
    digest = hashlib.sha256(model.read_bytes()).hexdigest()[:16]
    print(f"trained on {len(train_recs)} records ({info['sequences']} sequences), held out {len(test_recs)}; "
          f"{dt:.0f} s; model {model} ({model.stat().st_size // 1024} KiB, sha256 {digest}), "
          f"lexicon {info['lexicon']} words")
    if args.held_out:
        d = Path(args.held_out)
        d.mkdir(parents=True, exist_ok=True)
        by_set: dict[str, list[dict]] = {}
        for r in test_recs:
            by_set.setdefault(r["source"], []).append(r)
        for name, rs in sorted(by_set.items()):
            p = d / f"heldout-{name}.jsonl"
            p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs), encoding="utf-8")
            print(f"held-out {name}: {len(rs)} records -> {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
