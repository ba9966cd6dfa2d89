from __future__ import annotations

import pytest
from _refparse_util import load_jsonl


@pytest.fixture(scope="session")
def heldout_sample() -> list[dict]:
    return load_jsonl("heldout-sample.jsonl")
