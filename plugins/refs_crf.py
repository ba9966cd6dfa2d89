"""``refs-crf``: reference strings parsed by the trained CRF of :mod:`journalkit.refparse`.

Not ``trylast``: it answers before the rules-only ``refs-basic`` default.
The model is loaded on the first call (once per process), so listing or
loading plugins stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from journalkit.hookspecs import hookimpl

if TYPE_CHECKING:
    from journalkit.document import Document
    from journalkit.model import Reference


@hookimpl
def journalkit_parse_references(references: list[Reference], doc: Document | None) -> list[Reference] | None:
    from journalkit.refparse import parse_references

    return parse_references(references)
