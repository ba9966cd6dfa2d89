"""journalkit: raw article text -> valid JATS XML with validated metadata.

Public API::

    import journalkit
    result = journalkit.convert(text)      # .article (model), .jats (bytes), .report
    journalkit.hookimpl                    # decorator for plugin hook implementations

See README.md for the command line and hookspecs.py for the plugin hooks.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .document import Document, Edit, JournalProfile, Line, Segments, TypeDecision  # noqa: E402
from .hookspecs import hookimpl, hookspec  # noqa: E402
from .pipeline import ConversionError, Result, convert  # noqa: E402
from .report import Report, ReportEntry  # noqa: E402

__all__ = [
    "ConversionError", "Document", "Edit", "JournalProfile", "Line", "Report", "ReportEntry", "Result",
    "Segments", "TypeDecision", "__version__", "convert", "hookimpl", "hookspec",
]
