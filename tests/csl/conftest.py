"""Session fixtures for the CSL tests."""

from __future__ import annotations

import json
from typing import Any

import pluggy
import pytest
from _csl_util import FIXTURES, csl_pm


@pytest.fixture(scope="session")
def batches() -> list[list[dict[str, Any]]]:
    return json.loads((FIXTURES / "items.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pm() -> pluggy.PluginManager:
    return csl_pm()
