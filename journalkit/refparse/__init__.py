"""Reference-string parsing: a trained CRF that keeps the original string.

Public API (what plugins and the CLI use)::

    from journalkit.refparse import parse_reference, parse_references
    ref = parse_reference("Zou J, Peng H, Liu Y. ... 2021; 12:757674.")

The model (``data/refs.crfsuite``) and its lexicon ship with the package and
are loaded on first use, once per process, never at import time: importing
the package must stay cheap for commands that never parse a reference.
Retrain with ``python scripts/train_refs.py --data DIR``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from ..model import Reference
from .parser import ReferenceParser, expand_lpage, infer_type, repair_doi

__all__ = [
    "ReferenceParser",
    "expand_lpage",
    "get_parser",
    "infer_type",
    "parse_reference",
    "parse_references",
    "repair_doi",
]

_default: ReferenceParser | None = None
_default_lock = threading.Lock()


def get_parser() -> ReferenceParser:
    """The process-wide parser with the shipped model (loaded on first call)."""
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = ReferenceParser()
    return _default


def parse_reference(raw: str, id: str = "ref1", label: str | None = None) -> Reference:
    """Parse one reference string with the shipped model."""
    return get_parser().parse(raw, id=id, label=label)


def parse_references(refs: Sequence[Reference]) -> list[Reference]:
    """Parse references carrying ``id``/``label``/``raw``; same order, same ids."""
    return get_parser().parse_many(refs)
