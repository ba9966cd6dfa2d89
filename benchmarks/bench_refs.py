#!/usr/bin/env python3
"""References per second of ``journalkit refs parse``, start-up included.

    python benchmarks/bench_refs.py [--data FILE.jsonl ...] [--runs 3] [--cmd "journalkit refs parse"]

Runs the command once per repetition on all reference strings (as the scorer
does) and reports the median refs/s; ``--in-process`` also times the parser
alone (no start-up, no XML). Without ``--data`` it uses the test samples.
Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = [ROOT / "tests" / "refparse" / "data" / "heldout-sample.jsonl",
                ROOT / "tests" / "refparse" / "data" / "train-sample.jsonl"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="refs/s of journalkit refs parse")
    ap.add_argument("--data", action="append", help="JSONL with a 'raw' field per line (repeatable)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1, help="repeat the strings N times (bigger batches)")
    ap.add_argument("--cmd", default="journalkit refs parse")
    ap.add_argument("--in-process", action="store_true", help="also time parse_reference() alone")
    args = ap.parse_args(argv)

    lines: list[str] = []
    for p in args.data or [str(p) for p in DEFAULT_DATA]:
        with open(p, encoding="utf-8") as fh:
            lines.extend(json.loads(ln)["raw"] for ln in fh if ln.strip())
    lines = lines * args.repeat
    with tempfile.TemporaryDirectory() as td:
        inp, out = Path(td) / "refs.txt", Path(td) / "refs.xml"
        inp.write_text("\n".join(lines) + "\n", encoding="utf-8")
        rates = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            subprocess.run([*shlex.split(args.cmd), str(inp), "-o", str(out)], check=True)
            rates.append(len(lines) / (time.perf_counter() - t0))
    print(f"{len(lines)} refs, {args.runs} runs of `{args.cmd}`: median {statistics.median(rates):.0f} refs/s "
          f"[{', '.join(f'{r:.0f}' for r in rates)}]")
    if args.in_process:
        sys.path.insert(0, str(ROOT))
        from journalkit.refparse import parse_reference

        parse_reference(lines[0])  # model load
        t0 = time.perf_counter()
        for i, ln in enumerate(lines):
            parse_reference(ln, id=f"r{i + 1}")
        dt = time.perf_counter() - t0
        print(f"in process (parser only): {len(lines) / dt:.0f} refs/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
