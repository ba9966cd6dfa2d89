"""Paths and helpers shared by the CSL tests (a uniquely named module: test dirs have no __init__)."""

from __future__ import annotations

from pathlib import Path

import journalkit_plugins.csl_format as csl_format
import pluggy

from journalkit.pluginmanager import get_plugin_manager

FIXTURES = Path(__file__).parent / "fixtures"
STYLES = [
    "nlm-citation-sequence",
    "apa",
    "american-medical-association",
    "harvard-cite-them-right",
    "nature",
    "chicago-author-date",
]


def csl_pm() -> pluggy.PluginManager:
    """The installed plugins, plus the csl plugin where the install predates it."""
    pm = get_plugin_manager()
    if pm.is_registered(csl_format):
        return pm
    return get_plugin_manager(extra=[csl_format])
