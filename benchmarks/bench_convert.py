"""Articles per second for `convert`, in one process, with and without DTD validation.

    python benchmarks/bench_convert.py [--corpus ../shared/corpus/articles] [--layout pdf|web|all] [--repeat 3]

Start-up (plugin manager, compiled patterns, DTD loading) is paid once before
timing, as it is in a batch run, and what it built is then frozen out of the
garbage collector's walks (``gc.freeze``), as a batch run of the CLI does
(``--no-freeze`` to leave it out); the figure is per-article work on one core.
Not a test: speed is measured here, never asserted in the suite. CPU seconds are the figure to
compare on a shared machine; wall-clock time moves with whatever else runs.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import journalkit  # noqa: E402
from journalkit.pluginmanager import get_plugin_manager  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "articles"))
    ap.add_argument("--layout", default="all", choices=["pdf", "web", "all"])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("-p", dest="disabled", action="append", default=[], metavar="no:NAME",
                    help="disable a plugin, e.g. -p no:refs-crf for the rule-based reference fallback")
    ap.add_argument("--no-freeze", action="store_true",
                    help="leave the start-up objects to the garbage collector (gc.freeze is what a batch run does)")
    args = ap.parse_args()
    layouts = ["pdf", "web"] if args.layout == "all" else [args.layout]
    texts = [p.read_text(encoding="utf-8") for lay in layouts
             for p in sorted(Path(args.corpus).glob(f"*/raw-{lay}.txt"))]
    if not texts:
        print(f"no raw-*.txt under {args.corpus}", file=sys.stderr)
        return 2
    pm = get_plugin_manager(disabled=args.disabled)
    journalkit.convert(texts[0], plugins=pm)  # warm-up: DTD, patterns, lazily loaded models
    if not args.no_freeze:
        # as a batch run does (see cli.cmd_convert): what start-up built lives for the whole run, so the
        # collector is told to stop walking it on every full collection (about a twentieth of the time)
        gc.collect()
        gc.freeze()
    chars = sum(len(t) for t in texts)
    print(f"{len(texts)} articles ({chars / 1e6:.1f} M characters), layouts: {', '.join(layouts)}"
          + (f", disabled: {', '.join(args.disabled)}" if args.disabled else "")
          + (", start-up objects not frozen" if args.no_freeze else ""))
    for validate in (False, True):
        runs, cpu = [], []
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            for t in texts:
                journalkit.convert(t, plugins=pm, validate=validate)
            runs.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        label = "with DTD validation" if validate else "without validation "
        print(f"{label}: {len(texts) / statistics.median(runs):7.1f} articles/s wall, "
              f"{len(texts) / statistics.median(cpu):7.1f} articles per CPU second "
              f"(median of {args.repeat}; best {len(texts) / min(cpu):.1f} per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
