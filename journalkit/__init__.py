"""journalkit: raw article text -> valid JATS XML with validated metadata.

Public API::

    import journalkit
    result = journalkit.convert(text)      # .article (model), .jats (bytes), .report
    journalkit.hookimpl                    # decorator for plugin hook implementations

See README.md for the command line and hookspecs.py for the plugin hooks.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any  # noqa: E402

from .document import Document, Edit, JournalProfile, Line, Segments, TypeDecision  # noqa: E402
from .hookspecs import hookimpl, hookspec  # noqa: E402
from .report import Report, ReportEntry  # noqa: E402

if TYPE_CHECKING:
    from .pipeline import ConversionError, Result, convert


def __getattr__(name: str) -> Any:
    # The pipeline pulls in every reader and writer; commands that don't
    # convert (refs parse, validate, plugins) start faster without it.
    if name in ("ConversionError", "Result", "convert"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'journalkit' has no attribute {name!r}")

__all__ = [
    "ConversionError", "Document", "Edit", "JournalProfile", "Line", "Report", "ReportEntry", "Result",
    "Segments", "TypeDecision", "__version__", "convert", "hookimpl", "hookspec",
]
