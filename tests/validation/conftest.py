"""Shared fixtures: sample files, and a world without network."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Any Python-level connection attempt fails the test (and is recorded)."""
    attempts: list[object] = []

    def refuse(self: socket.socket, address: object, *a: object) -> None:
        attempts.append(address)
        raise AssertionError(f"network access attempted: {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))  # type: ignore[arg-type]
    return attempts


@pytest.fixture(scope="module")
def jats4r_rules() -> object:
    """The JATS4R Schematron compiled once per test module (Saxon start + compile)."""
    pytest.importorskip("saxonche")
    from journalkit.validation.schematron import jats4r

    rules = jats4r()
    rules.compile()
    return rules
