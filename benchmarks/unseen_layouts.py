"""Build layouts the corpus does not have, to see what the readers owe to the corpus templates' wording.

The corpus renders every article through a handful of site and page templates; the figures that count are
measured on others. This script copies the corpus (gold.json per article) with two new renderings made
from the existing ones, so ``score_articles.py --corpus OUT`` scores them beside each other:

* ``raw-webx.txt``: the web text with other sites' chrome: navigation bars ('Menu  Search  Sign in /
  Register', 'Journals & Books   Help   Search   My account'), a link bar under the byline ('Show more
  Share  Cite'), a metrics line, and the reference link labels of other publishers ('Search in Google
  Scholar', 'Crossref Scopus (134) PubMed Google Scholar', '[Taylor & Francis Online], [Web of Science
  ®], [Google Scholar]', 'Google Scholar Crossref PubMed WorldCat', 'Cited Here', ...);
* ``raw-pdfx.txt``: the pdf text with an MDPI-like running head on every page after the first ('J. Abbrev
  YEAR, VOL, ELOC' over 'N of M') and a 'Page N of M' foot on every page;
* ``raw-webl.txt``, ``raw-pdfl.txt``: the web and pdf texts with other journals' words for the labels
  ('To cite this article:', 'KEYWORDS', '✉', 'Submitted', 'A B S T R A C T', 'Financial support:',
  'https://doi.org/' for 'doi:');
* ``raw-webm.txt``, ``raw-pdfm.txt``: the texts with letter markers for the numbered ones in the front
  matter ('Limaa,b' / 'Lima^a,b' and 'a Department of ...').

Each article gets one chrome set, chosen by a hash of its name, so a run is repeatable. The head line
prints only the journal, year, volume and e-locator the article's own pages print. Scores on these
layouts that fall below the plain ones point at wording the readers depend on.

    python benchmarks/unseen_layouts.py OUT [--corpus DIR]
    python ../shared/eval/score_articles.py --corpus OUT --layout webx
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

NAV = ["Jump to navigation", "Menu  Search  Sign in / Register", "Browse  Publish with us  About the journal",
       "Toggle navigation", "Journals & Books   Help   Search   My account"]
LABELS = ["CAS PubMed Web of Science® Google Scholar", "View in Scopus Google Scholar",
          "Google Scholar Crossref PubMed WorldCat", "[Taylor & Francis Online], [Web of Science ®], [Google Scholar]",
          "Search in Google Scholar", "Crossref Scopus (134) PubMed Google Scholar", "Cited Here",
          "Crossref | PubMed | ISI | Google Scholar"]
#: a whole line of the corpus templates' reference link labels
LABEL_LINE = re.compile(r"^(\s*)((?:\[?(?:DOI|PubMed|Google Scholar|CrossRef Full Text|CrossRef|View Article|"
                        r"PubMed/NCBI|Article|CAS|Full Text|PMC free article)\]?[\s|]*)+)$")


def _pick(name: str, options: list[str]) -> str:
    return options[int(hashlib.md5(name.encode()).hexdigest(), 16) % len(options)]


def web_variant(name: str, text: str) -> str:
    """The web text with another site's chrome and link labels."""
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if s.startswith("Skip to main content"):
            line = _pick(name, NAV)
        elif s == "Download PDF":
            line = "PDF (1.4 MB)"
        elif (m := LABEL_LINE.match(line)) and "Scholar" in s:
            line = m.group(1) + _pick(name, LABELS)
        elif re.match(r"^\d+ Accesses", s):
            line = "2,144 Views  12 Crossref citations  Altmetric"
        elif s == "Author information Article notes Copyright and License information":
            line = "Show more  Share  Cite"
        out.append(line)
    return "\n".join(out)


def pdf_variant(gold: dict, text: str) -> str:
    """The pdf text with an MDPI-like head on later pages and a 'Page N of M' foot on every page."""
    journal = (gold.get("journal_abbrev") or gold.get("journal_title") or "").strip()
    head = f"{journal} {gold.get('year', '')}, {gold.get('volume', '')}, " \
           f"{gold.get('elocation_id') or gold.get('fpage') or ''}".strip(", ")
    pages = text.split("\f")
    n = sum(1 for p in pages if p.strip())
    out = []
    for k, page in enumerate(pages):
        if not page.strip():
            out.append(page)
            continue
        top = f"{head}\n\n{k + 1} of {n}\n\n" if k else ""
        out.append(f"{top}{page.rstrip(chr(10))}\n\nPage {k + 1} of {n}\n")
    return "\f".join(out)


#: other journals' wording of the front-matter labels: (pattern of the corpus label, replacements)
RELABEL = [
    (re.compile(r"^(\s*)Citation:", re.M), ["Cite this article as:", "To cite this article:",
                                            "How to cite this article:", "Please cite this article as:"]),
    (re.compile(r"^(\s*)Keywords(?=\s*:|\s*$)", re.M | re.I), ["Key words", "KEYWORDS", "Index Terms"]),
    (re.compile(r"^(\s*)\*\s*E-?mail:", re.M), ["* Email:", "* Correspondence:", "✉ ", "*Corresponding author: "]),
    (re.compile(r"^(\s*)Received(?=[:\s])", re.M), ["Submitted", "Received", "Date of submission"]),
    (re.compile(r"^(\s*)Abstract$", re.M), ["ABSTRACT", "Abstract:", "A B S T R A C T", "Summary"]),
    (re.compile(r"^(\s*)Funding:", re.M), ["Funding information:", "Financial support:", "Funding statement:"]),
    (re.compile(r"(?<![\w/.])doi:\s?(?=10\.)"), ["https://doi.org/", "DOI: ", "doi.org/", "doi: "]),
]


def label_variant(name: str, text: str) -> str:
    """The text with other journals' words for its labels (one choice per article and label)."""
    for pattern, options in RELABEL:
        new = _pick(name + pattern.pattern, options)
        text = pattern.sub(lambda m, new=new: (m.group(1) if m.groups() else "") + new, text)
    return text


def _letters(digits: str) -> str:
    return re.sub(r"\d{1,2}", lambda d: chr(96 + int(d.group())) if 0 < int(d.group()) <= 26 else d.group(), digits)


def marker_variant(gold: dict, text: str) -> str:
    """The text with letter markers ('Lima^a,b', 'Limaa,b', 'a Department of ...') for the numbered ones.

    Only the front matter (the lines above the first 'Abstract') is changed: byline markers right after a
    gold surname, and affiliation labels at a line start, up to the number of gold affiliations.
    """
    lines = text.split("\n")
    end = next((k for k, ln in enumerate(lines) if re.match(r"^\s*(?:abstract|summary)\b", ln, re.I)), None)
    if end is None:
        return text
    n_aff = len(gold.get("affiliations") or [])
    surnames = sorted({a["surname"] for a in gold.get("authors") or [] if a.get("surname")}, key=len, reverse=True)
    if not surnames or not n_aff:
        return text
    glued = re.compile("(" + "|".join(re.escape(x) for x in surnames) + r")(\^?)(\d{1,2}(?:,\s?\d{1,2})*)(?!\d)")
    label = re.compile(r"^(\s*\^?)(\d{1,2})(?=[.)]?\s*$|[.)]?\s*[A-Z])")
    for k in range(end):
        ln = glued.sub(lambda m: m.group(1) + m.group(2) + _letters(m.group(3)), lines[k])
        m = label.match(ln)
        if m and 0 < int(m.group(2)) <= n_aff:
            ln = m.group(1) + _letters(m.group(2)) + ln[m.end():]
        lines[k] = ln
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path, help="folder to write (replaced if it exists)")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "articles")
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    if args.out.exists():
        shutil.rmtree(args.out)
    n = 0
    for art in sorted(p for p in args.corpus.iterdir() if (p / "gold.json").is_file()):
        dst = args.out / art.name
        dst.mkdir(parents=True)
        shutil.copy(art / "gold.json", dst / "gold.json")
        gold = json.loads((art / "gold.json").read_text(encoding="utf-8"))
        if (art / "raw-web.txt").is_file():
            web = (art / "raw-web.txt").read_text(encoding="utf-8")
            (dst / "raw-webx.txt").write_text(web_variant(art.name, web), encoding="utf-8")
            (dst / "raw-webl.txt").write_text(label_variant(art.name, web), encoding="utf-8")
            (dst / "raw-webm.txt").write_text(marker_variant(gold, web), encoding="utf-8")
        if (art / "raw-pdf.txt").is_file():
            pdf = (art / "raw-pdf.txt").read_text(encoding="utf-8")
            (dst / "raw-pdfx.txt").write_text(pdf_variant(gold, pdf), encoding="utf-8")
            (dst / "raw-pdfl.txt").write_text(label_variant(art.name, pdf), encoding="utf-8")
            (dst / "raw-pdfm.txt").write_text(marker_variant(gold, pdf), encoding="utf-8")
        n += 1
    print(f"{n} articles written to {args.out} (layouts webx, pdfx, webl, pdfl, webm, pdfm)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
