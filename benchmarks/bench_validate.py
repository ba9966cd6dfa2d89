"""Documents per second for ``journalkit validate``, DTD-only and with every rule set.

    python benchmarks/bench_validate.py [FOLDER] [--rounds N]

Default folder: ../shared/corpus/articles (each */source.xml). Runs in one
process on one core; DTD loading and Schematron/XSLT compilation happen in a
warm-up pass and are reported separately, since a batch pays them once.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    files = sorted(glob.glob(os.path.join(args.folder, "*", "source.xml"))) or sorted(
        glob.glob(os.path.join(args.folder, "*.xml")))
    if not files:
        print(f"no files under {args.folder}", file=sys.stderr)
        return 2
    datas = [(f, Path(f).read_bytes()) for f in files]
    mb = sum(len(d) for _, d in datas) / 1e6

    t = time.perf_counter()
    from journalkit.validation import validate_bytes
    from journalkit.validation.pmc import _stylesheet
    from journalkit.validation.schematron import jats4r

    t_import = time.perf_counter() - t
    t = time.perf_counter()
    for f, d in datas:  # warm-up: loads each DTD once
        validate_bytes(d, file=f, rules="dtd")
    t_warm = time.perf_counter() - t
    t = time.perf_counter()
    jats4r().compile()
    t_j4r = time.perf_counter() - t
    t = time.perf_counter()
    _stylesheet()
    t_pmc = time.perf_counter() - t
    print(f"{len(files)} files, {mb:.1f} MB; import {t_import * 1000:.0f} ms, first pass with DTD loading "
          f"{t_warm:.2f} s, JATS4R compile {t_j4r:.2f} s, PMC compile {t_pmc * 1000:.0f} ms")

    # Floor for comparison: bare lxml parse + DTD.validate with the DTD already loaded.
    from lxml import etree

    from journalkit.validation.dtd import choose_dtd, load_dtd_file

    dtds = []
    for f, d in datas:
        tree = etree.ElementTree(etree.fromstring(d, etree.XMLParser(no_network=True, resolve_entities=False)))
        path, _ = choose_dtd(tree, None, f)
        dtds.append(load_dtd_file(str(path)) if path else None)
    best = 0.0
    for _ in range(args.rounds):
        c0 = time.process_time()
        for (_f, d), dtd in zip(datas, dtds):
            root = etree.fromstring(d, etree.XMLParser(no_network=True, resolve_entities=False))
            if dtd is not None:
                dtd.validate(root)
        best = max(best, len(datas) / (time.process_time() - c0))
    print(f"  baseline: bare lxml parse + cached DTD.validate  {best:7.0f} docs/s per CPU second")

    for rules in ("dtd", "dtd,metadata", "jats4r", "pmc", "all"):
        best = 0.0
        rounds = args.rounds if rules in ("dtd", "dtd,metadata") else 1
        for _ in range(rounds):
            t0, c0 = time.perf_counter(), time.process_time()
            for f, d in datas:
                validate_bytes(d, file=f, rules=rules)
            wall, cpu = time.perf_counter() - t0, time.process_time() - c0
            best = max(best, len(datas) / cpu)
        print(f"  --rules {rules:<13} {len(datas) / wall:7.0f} docs/s wall, {best:7.0f} docs/s per CPU second "
              f"({mb / wall:.1f} MB/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
