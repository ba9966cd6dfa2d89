"""DTD verdicts of ``journalkit validate`` vs a plain lxml validating parse, file by file.

The reference is what the schemas README prescribes: ``XML_CATALOG_FILES``
set *before* lxml is imported (so it runs in a child process) and
``XMLParser(load_dtd=True, dtd_validation=True, no_network=True,
resolve_entities=True)``. A file without DOCTYPE cannot be validated by the
reference at all; for those the reference is run on the file with the
DOCTYPE journalkit assumes (JATS 1.3 Archiving) inserted.

    python benchmarks/compare_dtd_verdicts.py [FOLDER ...]   (default ../shared/corpus/articles)

Exit status 0 when every verdict agrees.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "schemas" / "jats" / "catalog.xml"
DEFAULT_DOCTYPE = ('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD '
                   'v1.3 20210610//EN" "https://jats.nlm.nih.gov/archiving/1.3/JATS-archivearticle1-3.dtd">')

CHILD = r"""
import json, re, sys
from lxml import etree
out = {}
for path, doctype in json.loads(sys.stdin.read()):
    data = open(path, 'rb').read()
    if doctype:
        m = re.search(rb'<\?xml[^>]*\?>', data[:200])
        at = m.end() if m else 0
        data = data[:at] + doctype.encode() + data[at:]
    p = etree.XMLParser(load_dtd=True, dtd_validation=True, no_network=True, resolve_entities=True)
    try:
        etree.fromstring(data, p, base_url=path)
        out[path] = [True, ""]
    except etree.XMLSyntaxError as e:
        out[path] = [False, str(e)[:200]]
print(json.dumps(out))
"""


def main(argv: list[str]) -> int:
    folders = argv or [str(ROOT.parent / "shared" / "corpus" / "articles")]
    from journalkit.validation import iter_inputs, validate_file

    files = list(iter_inputs(folders))
    ours: dict[str, tuple[bool, bool, str]] = {}
    for f in files:
        findings = validate_file(f, rules="dtd")
        errors = [x for x in findings if x.severity == "error"]
        no_doctype = any(x.rule == "dtd:no-doctype" for x in findings)
        ours[f] = (not errors, no_doctype, errors[0].message[:120] if errors else "")
    jobs = [(str(Path(f).resolve()), DEFAULT_DOCTYPE if ours[f][1] else "") for f in files]
    env = dict(os.environ, XML_CATALOG_FILES=str(CATALOG))
    res = subprocess.run([sys.executable, "-c", CHILD], input=json.dumps(jobs), capture_output=True,
                         text=True, env=env, check=True)
    ref = json.loads(res.stdout)
    agree = 0
    for f in files:
        r_ok, r_msg = ref[str(Path(f).resolve())]
        o_ok, no_dt, o_msg = ours[f]
        if r_ok == o_ok:
            agree += 1
        else:
            print(f"DISAGREE {f}: journalkit {'valid' if o_ok else 'invalid'} ({o_msg}); "
                  f"lxml {'valid' if r_ok else 'invalid'} ({r_msg})")
    n_valid = sum(1 for f in files if ours[f][0])
    n_nodt = sum(1 for f in files if ours[f][1])
    print(f"{agree}/{len(files)} DTD verdicts identical to a plain lxml validating parse with the catalog "
          f"({n_valid} valid, {len(files) - n_valid} invalid; {n_nodt} without DOCTYPE compared as "
          f"JATS 1.3 Archiving)")
    return 0 if agree == len(files) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
