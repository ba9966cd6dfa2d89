"""Where the shipped data lives: schemas/ and templates/.

In a wheel they are package data (``journalkit/schemas``,
``journalkit/templates``); in a source checkout they sit at the repository
root. Looking in both places lets the same code run installed, editable or
from a clone, from any working directory.
"""

from __future__ import annotations

import functools
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@functools.cache
def data_dir(name: str) -> Path:
    for cand in (_PKG / name, _PKG.parent / name):
        if cand.is_dir():
            return cand
    raise FileNotFoundError(f"journalkit data folder {name!r} not found (looked in {_PKG} and {_PKG.parent})")


def schemas_dir() -> Path:
    return data_dir("schemas")


def templates_dir() -> Path:
    return data_dir("templates")


def jats_catalog() -> Path:
    """The offline OASIS catalog for every JATS/NLM DTD we ship."""
    return schemas_dir() / "jats" / "catalog.xml"
