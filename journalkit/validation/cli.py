"""``journalkit validate``: the one command a publishing pipeline calls.

Exit status: 0 nothing at or above ``--fail-on``; 1 findings at or above it
(a file that is not well-formed is such a finding); 2 an input could not be
read at all, or bad usage (unknown rule set or schema, missing engine).

A document may declare facts its source text did not hold (journalkit
convert does, in <processing-meta>); errors that only those facts would fix
are then reported as warnings. --strict keeps them errors.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from ..fileio import write_atomic
from .core import DEFAULT_RULES, RULE_SETS, FileResult, parse_rules, validate_paths
from .dtd import DEFAULT_SCHEMA, SchemaError, resolve_schema, schema_names
from .findings import SEVERITIES, at_or_above
from .safe import DEFAULT_MAX_BYTES
from .schematron import EngineUnavailable
from .writers import WRITERS, summarize


def _err(msg: str) -> None:
    print(f"journalkit validate: error: {msg}", file=sys.stderr)


def parse_size(text: str) -> int:
    """``500000``, ``64M``, ``1G`` as bytes (0 = no limit)."""
    m = re.fullmatch(r"\s*(\d+)\s*([kKmMgG]?)[iI]?[bB]?\s*", text)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 50M)")
    return int(m.group(1)) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[m.group(2).lower()]


_write = write_atomic


def cmd_validate(args: argparse.Namespace) -> int:
    if args.list_schemas:
        for name, path in schema_names().items():
            print(f"{name}\t{path}")
        return 0
    if not args.inputs:
        _err("no input files (give files, folders, or - for standard input)")
        return 2
    try:
        rules = parse_rules(args.rules)
        if args.schema:
            resolve_schema(args.schema)
        if args.xsd:
            from .xsd import load_xsd

            load_xsd(args.xsd)
    except (ValueError, SchemaError) as exc:
        _err(str(exc))
        return 2
    if args.output and not Path(args.output).parent.exists() and Path(args.output).parent != Path(""):
        _err(f"{args.output}: folder {Path(args.output).parent} does not exist")
        return 2
    pm: Any = None
    if "plugins" in rules:
        from ..pluginmanager import PluginLoadError, get_plugin_manager

        try:
            pm = get_plugin_manager(disabled=getattr(args, "plugins", None) or ())
        except PluginLoadError as exc:
            _err(str(exc))
            return 2
    results: list[FileResult] = []
    try:
        for result in validate_paths(args.inputs, rules=rules, schema=args.schema, plugin_manager=pm,
                                     max_bytes=args.max_size, pmc_style=args.pmc_style,
                                     strict=args.strict, xsd=args.xsd):
            results.append(result)
            if result.error:
                _err(result.error)
    except (EngineUnavailable, SchemaError) as exc:
        _err(str(exc))
        return 2
    if not results:
        _err("no XML files found in " + ", ".join(args.inputs))
        return 2
    if args.format == "text":
        report = WRITERS["text"](results, args.fail_on, args.min_severity)
    else:
        report = WRITERS[args.format](results, args.fail_on)
    if args.output and args.output != "-":
        _write(args.output, report)
        if not args.quiet:
            print(summarize(results, args.fail_on).line(), file=sys.stderr)
    else:
        sys.stdout.write(report)
        sys.stdout.flush()
        if args.format != "text" and not args.quiet:
            print(summarize(results, args.fail_on).line(), file=sys.stderr)
    if any(r.error for r in results):
        return 2
    return 1 if any(at_or_above(r.findings, args.fail_on) for r in results) else 0


def add_commands(sub: Any, refs_sub: Any = None) -> None:
    """Register ``validate`` on the top-level subparsers (the lead's CLI calls this)."""
    v = sub.add_parser(
        "validate",
        help="check JATS files: well-formedness, safety, DTD, JATS4R, PMC style, metadata, journal rules",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    v.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="XML files, folders (searched for *.xml recursively), or - for standard input")
    v.add_argument("--format", choices=sorted(WRITERS), default="text", help="report format (default text)")
    v.add_argument("-o", "--output", help="write the report here (default: standard output)")
    v.add_argument("--rules", default=",".join(DEFAULT_RULES),
                   help=f"comma-separated rule sets from {', '.join(RULE_SETS)}, or all "
                        f"(default {','.join(DEFAULT_RULES)})")
    v.add_argument("--schema", help=f"validate against this DTD instead of the DOCTYPE's (short name, public "
                                    f"id or .dtd file; see --list-schemas). Without DOCTYPE: {DEFAULT_SCHEMA}")
    v.add_argument("--xsd", metavar="FILE",
                   help="also validate against this W3C XML Schema (e.g. your copy of NISO's "
                        "JATS-journalpublishing1-4.xsd); its imports are read from its own folder only, never "
                        "the network")
    v.add_argument("--fail-on", choices=list(reversed(SEVERITIES)), default="error",
                   help="lowest severity that makes the exit status 1 (default error)")
    v.add_argument("--min-severity", choices=list(SEVERITIES), default="info",
                   help="text format: hide findings below this severity")
    v.add_argument("--max-size", type=parse_size, default=DEFAULT_MAX_BYTES,
                   help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES // 1024**2}M; 0 = no limit)")
    v.add_argument("--pmc-style", choices=["article", "manuscript", "book"], default="article",
                   help="PMC Style Checker mode (with --rules pmc)")
    v.add_argument("--strict", action="store_true",
                   help="ignore the source gaps a document declares (journalkit convert output says which facts, "
                        "such as figure images or a licence, its text did not hold): the findings they excuse "
                        "stay errors")
    v.add_argument("--list-schemas", action="store_true", help="list the DTDs --schema accepts and exit")
    v.add_argument("-q", "--quiet", action="store_true", help="no summary line on standard error")
    v.set_defaults(func=cmd_validate)


def main(argv: list[str] | None = None) -> int:
    """Run ``validate`` alone (``python -m journalkit.validation.cli``)."""
    parser = argparse.ArgumentParser(prog="journalkit")
    parser.add_argument("-p", dest="plugins", action="append", default=[], metavar="no:NAME")
    sub = parser.add_subparsers(dest="command")
    add_commands(sub, None)
    args = parser.parse_args(["validate", *(sys.argv[1:] if argv is None else argv)])
    return int(args.func(args))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
