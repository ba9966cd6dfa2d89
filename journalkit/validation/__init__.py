"""Validation of any JATS file: well-formedness, safety, DTD, JATS4R, PMC, metadata, journal rules.

Public API::

    from journalkit.validation import validate_file, validate_bytes, validate_tree_dtd, Finding

    findings = validate_file("article.xml", rules="dtd,jats4r,metadata")
    findings = validate_bytes(data, file="upload.xml", schema="jats-1.4-publishing")
    findings = validate_tree_dtd(root, dtd=journalkit.schemas.load_dtd("archiving", "1.3"))
    findings = validate_file("converted.xml", rules="all", strict=True)   # ignore declared source gaps

Every check reports :class:`Finding` objects of one shape; ``journalkit
validate`` (:mod:`journalkit.validation.cli`) writes them as text, JSON or
JUnit. Heavy engines (Saxon for Schematron, the PMC stylesheets) are loaded
at first use, so importing this package costs little.
"""

from __future__ import annotations

from .core import (
    DEFAULT_RULES,
    RULE_SETS,
    FileResult,
    UnreadableInput,
    iter_inputs,
    parse_rules,
    validate_bytes,
    validate_file,
    validate_paths,
)
from .dtd import DEFAULT_SCHEMA, SchemaError, load_dtd_file, schema_names, validate_tree_dtd
from .findings import SEVERITIES, SOURCES, Finding, Severity, Source, at_element, at_or_above, worst
from .gaps import GAPS, META_NAME, declared_gaps, missing_facts
from .metadata import check_metadata
from .safe import DEFAULT_MAX_BYTES, parse_untrusted
from .schematron import EngineUnavailable

__all__ = [
    "DEFAULT_MAX_BYTES", "DEFAULT_RULES", "DEFAULT_SCHEMA", "EngineUnavailable", "FileResult", "Finding", "GAPS",
    "META_NAME", "RULE_SETS", "SEVERITIES", "SOURCES", "SchemaError", "Severity", "Source", "UnreadableInput",
    "at_element", "at_or_above", "check_metadata", "declared_gaps", "iter_inputs", "load_dtd_file",
    "missing_facts", "parse_rules", "parse_untrusted", "schema_names", "validate_bytes", "validate_file",
    "validate_paths", "validate_tree_dtd", "worst",
]
