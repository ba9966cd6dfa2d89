"""``journalkit refs format`` and ``journalkit refs styles``.

Formatting goes through the ``journalkit_format_references`` hook, so a
journal plugin can replace the CSL processor for its house style without
these commands changing.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any

from lxml import etree

from .csl import ReferenceInputError, read_references
from .fileio import write_atomic

OUTPUTS = ("text", "html", "jats")


def _err(msg: str) -> None:
    print(f"journalkit: error: {msg}", file=sys.stderr)


_write_atomic = write_atomic


def _render(results: list[Any], refs: list[Any], output: str) -> str:
    if output == "text":
        return "".join(f"{r}\n" for r in results)
    if output == "html":
        body = "".join(
            f'  <div class="csl-entry" id="{html.escape(ref.id)}">{r}</div>\n' for ref, r in zip(refs, results)
        )
        return f'<div class="csl-bib-body">\n{body}</div>\n'
    ref_list = etree.Element("ref-list")
    for ref, el in zip(refs, results):
        r = etree.SubElement(ref_list, "ref", id=ref.id)
        if ref.label:
            etree.SubElement(r, "label").text = ref.label
        r.append(el)
    return etree.tostring(ref_list, encoding="unicode", pretty_print=True)


def cmd_format(args: argparse.Namespace) -> int:
    from .pluginmanager import PluginLoadError, get_plugin_manager

    try:
        pm = get_plugin_manager(disabled=getattr(args, "plugins", None) or ())
    except PluginLoadError as exc:
        _err(str(exc))
        return 2
    try:
        refs = read_references(args.input, pm)
    except ReferenceInputError as exc:
        _err(f"{args.input}: {exc}")
        return 2
    if args.output and args.output != "-" and not Path(args.output).parent.exists():
        _err(f"{args.output}: folder {Path(args.output).parent} does not exist")
        return 2
    if args.renumber:
        for i, ref in enumerate(refs, 1):
            ref.label = str(i)
    try:
        results = pm.hook.journalkit_format_references(
            references=refs, style=args.style, locale=args.locale or "", output=args.to
        )
    except LookupError as exc:
        _err(f"{args.style}: {exc.args[0] if exc.args else exc}")
        return 2
    if results is None:
        _err("no plugin formats references (is the csl plugin disabled?)")
        return 2
    text = _render(list(results), refs, args.to)
    if args.output and args.output != "-":
        _write_atomic(Path(args.output), text)
    else:
        sys.stdout.write(text)
    return 0


def cmd_styles(args: argparse.Namespace) -> int:
    from .pluginmanager import PluginLoadError, get_plugin_manager

    try:
        pm = get_plugin_manager(disabled=getattr(args, "plugins", None) or ())
    except PluginLoadError as exc:
        _err(str(exc))
        return 2
    seen: dict[str, str] = {}
    for pairs in pm.hook.journalkit_reference_styles():
        for sid, title in pairs or ():
            seen.setdefault(sid, title)
    words = " ".join(args.query or ()).lower().split()
    hits = [(s, t) for s, t in sorted(seen.items()) if all(w in f"{s} {t}".lower() for w in words)]
    for sid, title in hits:
        print(f"{sid}\t{title}")
    return 0 if hits else 1


def add_commands(sub: Any, refs_sub: Any) -> None:
    """Register ``refs format`` and ``refs styles`` on the ``journalkit refs`` group."""
    p = refs_sub.add_parser(
        "format",
        help="format a reference list in a CSL style (text, HTML or JATS <mixed-citation>)",
        description="Input: CSL-JSON (.json), a JATS <ref-list> or article (.xml), or one reference string "
        "per line (parsed first by the installed parser plugin).",
    )
    p.add_argument("input", help="references: CSL-JSON, JATS XML, or plain text, one per line")
    p.add_argument(
        "--style",
        "-s",
        default="vancouver",
        help="CSL style id (vancouver, apa, nature, ...) or path to a .csl file (default: vancouver)",
    )
    p.add_argument("--to", "-t", choices=OUTPUTS, default="text", help="output format (default: text)")
    p.add_argument("--locale", "-l", default=None, help="CSL locale, e.g. en-GB, de-DE (default: the style's)")
    p.add_argument("--output", "-o", default=None, help="output file (default: stdout)")
    p.add_argument(
        "--renumber",
        action="store_true",
        help="with --to jats: label the <ref>s 1..n in list order instead of keeping input labels",
    )
    p.set_defaults(func=cmd_format)
    s = refs_sub.add_parser("styles", help="list CSL style ids and titles; QUERY words filter them")
    s.add_argument("query", nargs="*", help="words that must all occur in the id or title")
    s.set_defaults(func=cmd_styles)
