"""``journalkit`` command line: convert, validate, plugins, refs.

Exit codes everywhere: 0 success, 1 the input was read but the result has
problems at or above the threshold (validation findings), 2 unreadable input
or bad usage. Errors are one line naming the file and the problem; no output
file is left behind half-written (outputs go to a temp file, then rename).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .fileio import write_atomic
from .pluginmanager import PluginLoadError, describe, get_plugin_manager
from .readers.decode import InputError, read_input

# Modules that add subcommands: each defines add_commands(sub, refs_sub).
COMMAND_MODULES: list[str] = ["journalkit.refparse.cli", "journalkit.csl_cli", "journalkit.validation.cli"]





def _err(msg: str) -> None:
    print(f"journalkit: error: {msg}", file=sys.stderr)


# --------------------------------------------------------------------------
# convert
# --------------------------------------------------------------------------


def _outputs_for(inputs: list[str], out: str | None) -> list[Path | None] | str:
    """Output path per input; ``None`` = stdout. Returns an error string on bad usage."""
    if out is None:
        if len(inputs) > 1:
            return "several inputs need -o DIRECTORY"
        return [None]
    outp = Path(out)
    if len(inputs) > 1 or out.endswith(os.sep) or outp.is_dir():
        if outp.exists() and not outp.is_dir():
            return f"{out}: not a directory (several inputs need -o DIRECTORY)"
        outp.mkdir(parents=True, exist_ok=True)
        paths: list[Path | None] = []
        seen: set[str] = set()
        for name in inputs:
            stem = "stdin" if name == "-" else Path(name).stem
            if stem in seen:
                return f"two inputs would both write {stem}.xml in {out}"
            seen.add(stem)
            paths.append(outp / f"{stem}.xml")
        return paths
    if str(outp) != "-" and not outp.parent.exists():
        return f"{out}: folder {outp.parent} does not exist"
    return [None if out == "-" else outp]


def _freeze_start_up() -> bool:
    """Take what start-up built (modules, plugins, compiled patterns, model schemas) out of the garbage
    collector's walks for a batch of inputs; True when this call froze them (see :func:`cmd_convert`).

    Why: those objects live through the batch, yet every full collection walked them again, about a
    twentieth of the time of a batch. ``gc.freeze`` after one collection (so no garbage is kept) moves
    them to a generation the collector skips; nothing a conversion makes is frozen, and the batch gives
    them back with ``gc.unfreeze`` when it ends (for a caller that runs the CLI in its own process).
    Left alone where something froze objects already. Done here, in the batch command, never in library code.
    """
    if gc.get_freeze_count():
        return False
    gc.collect()
    gc.freeze()
    return True


def cmd_convert(args: argparse.Namespace) -> int:
    from .pipeline import ConversionError, convert

    outputs = _outputs_for(args.inputs, args.output)
    if isinstance(outputs, str):
        _err(outputs)
        return 2
    if args.report and len(args.inputs) > 1 and not Path(args.report).is_dir():
        Path(args.report).mkdir(parents=True, exist_ok=True)
    try:
        pm = get_plugin_manager(disabled=args.plugins)
    except PluginLoadError as exc:
        _err(str(exc))
        return 2
    frozen = len(args.inputs) > 1 and _freeze_start_up()
    status = 0
    for name, out in zip(args.inputs, outputs):
        label = "<stdin>" if name == "-" else name
        try:
            text, encoding = read_input(name)
            result = convert(text, journal=args.journal, plugins=pm, source=label, tag_set=args.tag_set,
                             jats_version=args.jats, ref_style=args.ref_style, encoding=encoding)
        except (InputError, ConversionError) as exc:
            _err(str(exc))
            status = 2
            continue
        if out is None:
            sys.stdout.buffer.write(result.jats)
            sys.stdout.flush()
        else:
            write_atomic(out, result.jats)
        if args.report:
            rp = Path(args.report)
            if len(args.inputs) > 1:
                rp = rp / f"{Path(name).stem}.report.json"
            elif rp.is_dir():
                rp = rp / f"{'stdin' if name == '-' else Path(name).stem}.report.json"
            if rp.suffix.lower() in (".html", ".htm"):
                from .writers.human import report_html

                write_atomic(rp, report_html(result.article, result.report))
            else:
                write_atomic(rp, result.report.to_json())
        if args.verbose:
            for e in result.report.warnings:
                print(f"{label}: {e.severity}: {e.kind}: {e.message}", file=sys.stderr)
    if frozen:
        gc.unfreeze()
    return status


# --------------------------------------------------------------------------
# plugins
# --------------------------------------------------------------------------


def cmd_plugins(args: argparse.Namespace) -> int:
    try:
        pm = get_plugin_manager(disabled=args.plugins)
    except PluginLoadError as exc:
        _err(str(exc))
        return 2
    infos = describe(pm)
    if args.json:
        print(json.dumps([i.__dict__ for i in infos], indent=2))
        return 0
    for info in infos:
        origin = info.dist or "not installed (registered at run time)"
        print(f"{info.name}: {info.module} [{origin}]")
        print(f"    hooks: {', '.join(info.hooks) or '(none)'}")
    blocked = sorted(n for n in (d.removeprefix('no:') for d in args.plugins) if pm.is_blocked(n))
    if blocked:
        print(f"disabled: {', '.join(blocked)}")
    return 0


# --------------------------------------------------------------------------
# parser
# --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="journalkit", description=__doc__.split("\n")[0] if __doc__ else None)
    p.add_argument("--version", action="version", version=f"journalkit {__version__}")
    p.add_argument("-p", dest="plugins", action="append", default=[], metavar="no:NAME",
                   help="disable a plugin by name (repeatable), as in pytest")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("convert", help="raw article text -> JATS XML")
    c.add_argument("inputs", nargs="+", metavar="INPUT", help="text file(s), or - for standard input")
    c.add_argument("-o", "--output", help="output file, or a directory for several inputs (default: stdout)")
    c.add_argument("--report", help="write the repair/extraction report here: JSON, or an HTML page if the "
                   "name ends in .html (a directory with several inputs)")
    c.add_argument("--journal", help="journal profile to apply (see `journalkit plugins`)")
    c.add_argument("--tag-set", choices=["publishing", "archiving"], default=None,
                   help="JATS tag set (default: publishing when journal-id and ISSN are known, else archiving)")
    c.add_argument("--jats", choices=["1.3", "1.4"], default="1.3", help="JATS version (default 1.3)")
    c.add_argument("--ref-style", default=None,
                   help="restyle references in this CSL style id or .csl file ('house' = the journal profile's style); "
                   "the original strings are kept in <citation-alternatives>")
    c.add_argument("-v", "--verbose", action="store_true", help="print report warnings to stderr")
    c.set_defaults(func=cmd_convert)

    pl = sub.add_parser("plugins", help="list active plugins, where they come from, their hooks")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_plugins)

    refs = sub.add_parser("refs", help="reference lists: parse, format, styles")
    refs_sub = refs.add_subparsers(dest="refs_command", metavar="COMMAND")

    def _refs_help(_args: argparse.Namespace) -> int:
        refs.print_help()
        return 2

    refs.set_defaults(func=_refs_help)

    for modname in COMMAND_MODULES:
        importlib.import_module(modname).add_commands(sub, refs_sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
