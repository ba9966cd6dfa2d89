"""Paths and loaders shared by the reference-parsing tests."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def load_jsonl(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
