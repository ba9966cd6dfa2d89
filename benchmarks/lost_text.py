"""Which input words reach neither the JATS nor the repair report?

The converter promises that nothing the user gave is lost: text it cannot
place lands in the output, and what it removes on purpose (page furniture,
site navigation, link labels) is listed in the report. ``text_coverage`` in
``score_articles.py`` only looks at the output, so on web pages it counts the
navigation we remove as missing. This script measures both shares over the
corpus, with the scorer's tokenisation (NFKC, lower case, ``\\w+`` of four or
more characters, a token counts when its word occurs anywhere):

* ``output``: share of input tokens found in the JATS text (the scorer's figure);
* ``output+report``: share found in the JATS text or in a report entry's
  original text; what is missing from both is lost, and the most frequent lost
  lines are printed so they can be fixed.

    python benchmarks/lost_text.py [--corpus DIR] [--layout pdf|web|all] [--show N]
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
import unicodedata
from pathlib import Path

from lxml import etree

from journalkit.pipeline import convert
from journalkit.pluginmanager import get_plugin_manager

ROOT = Path(__file__).resolve().parents[1]


def tokens4(s: str) -> list[str]:
    """The scorer's tokens: NFKC, lower case, word runs of four or more characters."""
    return [w for w in re.findall(r"\w+", unicodedata.normalize("NFKC", s or "").lower()) if len(w) >= 4]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "articles")
    ap.add_argument("--layout", default="all")
    ap.add_argument("--show", type=int, default=25, help="lost lines to print per layout")
    ap.add_argument("-p", dest="disable", action="append", default=[], help="no:NAME disables a plugin")
    a = ap.parse_args(argv)
    if not a.corpus.is_dir():
        print(f"lost_text: no corpus at {a.corpus}", file=sys.stderr)
        return 2
    pm = get_plugin_manager(disabled=[d.removeprefix("no:") for d in a.disable])
    layouts = ["pdf", "web"] if a.layout == "all" else [a.layout]
    for lay in layouts:
        cov_out: list[float] = []
        cov_all: list[float] = []
        lost_lines: collections.Counter[str] = collections.Counter()
        n_lost = 0
        for art in sorted(p for p in a.corpus.iterdir() if (p / f"raw-{lay}.txt").is_file()):
            text = (art / f"raw-{lay}.txt").read_text(encoding="utf-8")
            inp = tokens4(text)
            if not inp:
                continue
            res = convert(text, plugins=pm, source=art.name)
            out = set(tokens4(" ".join(etree.fromstring(res.jats).itertext())))
            rep = set(tokens4(" ".join(e.original or "" for e in res.report.entries)))
            cov_out.append(sum(w in out for w in inp) / len(inp))
            cov_all.append(sum(w in out or w in rep for w in inp) / len(inp))
            for line in text.splitlines():
                lost = [w for w in tokens4(line) if w not in out and w not in rep]
                if lost:
                    n_lost += len(lost)
                    lost_lines[line.strip()[:110]] += len(lost)
        print(f"{lay}: {len(cov_out)} articles  coverage output {sum(cov_out) / len(cov_out):.4f}  "
              f"output+report {sum(cov_all) / len(cov_all):.4f}  lost tokens {n_lost}")
        for line, n in lost_lines.most_common(a.show):
            print(f"  {n:4d}  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
