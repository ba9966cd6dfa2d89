"""The conversion report: every repair, warning, drop and provenance record.

Nothing the user gave may be lost silently, so each stage that changes,
discards or cannot place text says so here. ``--report FILE`` writes it as
JSON (see :meth:`Report.to_json`), which is what an editor checks and a
pipeline archives.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, Field

Severity = Literal["info", "warning", "error"]


class ReportEntry(BaseModel):
    """One thing a stage did or noticed.

    ``offset`` is a character offset into the decoded input text (before
    repair), so that every entry can be found in the file the user holds.
    """

    stage: str  # decode, repair, segment, extract, write, validate, plugin:<name>
    kind: str  # e.g. doi-space, drop-cap, noise-line, invalid-value, unplaced-text
    severity: Severity = "info"
    message: str
    original: str | None = None
    replacement: str | None = None
    offset: int | None = None
    field: str | None = None


class Report(BaseModel):
    source: str | None = None  # file name, or "-" for stdin
    encoding: str | None = None
    entries: list[ReportEntry] = Field(default_factory=list)
    provenance: dict[str, dict[str, int | str]] = Field(default_factory=dict)

    def add(
        self,
        stage: str,
        kind: str,
        message: str,
        *,
        severity: Severity = "info",
        original: str | None = None,
        replacement: str | None = None,
        offset: int | None = None,
        field: str | None = None,
    ) -> ReportEntry:
        entry = ReportEntry(
            stage=stage,
            kind=kind,
            message=message,
            severity=severity,
            original=original,
            replacement=replacement,
            offset=offset,
            field=field,
        )
        self.entries.append(entry)
        return entry

    def warn(self, stage: str, kind: str, message: str, **kw: Any) -> ReportEntry:
        return self.add(stage, kind, message, severity="warning", **kw)

    def of_kind(self, kind: str) -> list[ReportEntry]:
        return [e for e in self.entries if e.kind == kind]

    @property
    def warnings(self) -> list[ReportEntry]:
        return [e for e in self.entries if e.severity != "info"]

    def to_json(self) -> str:
        return json.dumps(self.model_dump(exclude_none=True), ensure_ascii=False, indent=2)
