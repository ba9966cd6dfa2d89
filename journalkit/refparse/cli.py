"""``journalkit refs parse``: reference strings, one per line, to JATS or CSL-JSON.

One ``<ref>`` per input line, in order, ids ``r1``, ``r2``, ... by line
number. A blank line keeps its place (an empty ``<ref>``/``<mixed-citation>``
in JATS, so positions still align; in CSL-JSON it is left out, and the ids of
the other items still give their line). Parsing goes through the plugin hook
``journalkit_parse_references``, so ``-p no:refs-crf`` falls back to the
next parser (the rules-only ``refs-basic``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..fileio import write_atomic

__all__ = ["add_commands", "cmd_parse", "read_lines"]


class InputFileError(Exception):
    """The input cannot be read as UTF-8 text; the message names the file."""


def _err(msg: str) -> None:
    print(f"journalkit: error: {msg}", file=sys.stderr)


def read_lines(name: str) -> list[str]:
    """The lines of a UTF-8 text file (``-`` = stdin), without line ends."""
    label = "<stdin>" if name == "-" else name
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{label}: no such file") from None
    except IsADirectoryError:
        raise InputFileError(f"{label}: is a directory") from None
    except OSError as exc:
        raise InputFileError(f"{label}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in data:
        raise InputFileError(f"{label}: binary file (NUL bytes), expected UTF-8 text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{label}: not UTF-8 text (byte {exc.start})") from None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


_write_atomic = write_atomic


def cmd_parse(args: argparse.Namespace) -> int:
    """Parse the file's lines and write them; 2 on unreadable input or output."""
    from ..model import Reference
    from ..pluginmanager import PluginLoadError, get_plugin_manager

    try:
        lines = read_lines(args.input)
    except InputFileError as exc:
        _err(str(exc))
        return 2
    out = Path(args.output) if args.output and args.output != "-" else None
    if out is not None and not out.parent.exists():
        _err(f"{args.output}: folder {out.parent} does not exist")
        return 2
    try:
        pm = get_plugin_manager(disabled=getattr(args, "plugins", []) or [])
    except PluginLoadError as exc:
        _err(str(exc))
        return 2
    todo = [Reference(id=f"r{i + 1}", raw=ln) for i, ln in enumerate(lines) if ln.strip()]
    parsed = pm.hook.journalkit_parse_references(references=todo, doc=None) if todo else []
    if parsed is None:
        print("journalkit: warning: no reference parser plugin is enabled; references left untagged",
              file=sys.stderr)
        parsed = todo
    by_id = {r.id: r for r in parsed}
    refs = [by_id.get(f"r{i + 1}") or Reference(id=f"r{i + 1}", raw=ln) for i, ln in enumerate(lines)]
    if args.to == "csl-json":
        from ..csl import reference_to_csl  # the shared model<->CSL-JSON mapping

        items = [reference_to_csl(r) for r in refs if r.raw.strip()]
        data = (json.dumps(items, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    else:
        from lxml import etree

        from ..writers.jats_refs import build_ref_list

        data = etree.tostring(build_ref_list(refs), encoding="utf-8", xml_declaration=True) + b"\n"
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        try:
            _write_atomic(out, data)
        except OSError as exc:
            _err(f"{args.output}: cannot write ({exc.strerror or exc})")
            return 2
    return 0


def add_commands(sub: Any, refs_sub: Any) -> None:
    """Register ``journalkit refs parse`` (the CLI's COMMAND_MODULES protocol)."""
    p = refs_sub.add_parser("parse", help="reference strings (one per line) -> JATS <ref-list> or CSL-JSON")
    p.add_argument("input", metavar="INPUT", help="UTF-8 text file, one reference per line (- = stdin)")
    p.add_argument("-o", "--output", help="output file (default: stdout); written atomically")
    p.add_argument("--to", choices=["jats", "csl-json"], default="jats", help="output format (default jats)")
    p.set_defaults(func=cmd_parse)
