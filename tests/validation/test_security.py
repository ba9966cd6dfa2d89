"""Hostile inputs: each one becomes a finding; nothing is read, fetched, or blown up."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from journalkit.validation import parse_untrusted, validate_bytes, validate_file

SECRET = "TOP-SECRET-3f9a1c"

JATS13 = ('<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Archiving and Interchange DTD v1.3 '
          '20210610//EN" "JATS-archivearticle1-3.dtd"')


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    p = tmp_path / "secret.txt"
    p.write_text(SECRET)
    return p


@pytest.fixture
def listener() -> object:
    """A local TCP server that counts connections: C code (libxml2) bypasses Python sockets."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen(5)
    srv.settimeout(0.2)
    hits: list[object] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, addr = srv.accept()
            except OSError:
                continue
            hits.append(addr)
            conn.close()

    t = threading.Thread(target=serve, daemon=True)
    t.start()

    class L:
        port = srv.getsockname()[1]
        connections = hits

    yield L
    stop.set()
    t.join(1)
    srv.close()


def _rules(findings: list) -> set[str]:
    return {f.rule for f in findings}


def _all_text(findings: list) -> str:
    return "\n".join(str(f) for f in findings)


def test_xxe_file_read_is_refused(secret_file: Path, no_network: list) -> None:
    doc = (f'<?xml version="1.0"?><!DOCTYPE article [<!ENTITY x SYSTEM "{secret_file.as_uri()}">]>'
           "<article><p>&x;</p></article>").encode()
    parsed = parse_untrusted(doc, file="x.xml")
    assert parsed.tree is not None
    from lxml import etree

    assert SECRET not in etree.tostring(parsed.tree, encoding="unicode")
    findings = validate_bytes(doc, file="x.xml", rules="dtd,metadata")
    assert "security:external-entity" in _rules(findings)
    assert SECRET not in _all_text(findings)
    assert not no_network


def test_xxe_etc_passwd_is_refused(no_network: list) -> None:
    doc = b'<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    findings = validate_bytes(doc, rules="dtd")
    assert "security:external-entity" in _rules(findings)
    assert "root:" not in _all_text(findings)


def test_xxe_via_parameter_entity(tmp_path: Path, secret_file: Path, no_network: list) -> None:
    evil = tmp_path / "evil.dtd"
    evil.write_text(f'<!ENTITY leak SYSTEM "{secret_file.as_uri()}">')
    doc = (f'<!DOCTYPE a [<!ENTITY % p SYSTEM "{evil.as_uri()}"> %p;]><a>&leak;</a>').encode()
    findings = validate_bytes(doc, rules="dtd")
    assert "security:external-entity" in _rules(findings)
    assert SECRET not in _all_text(findings)


def test_billion_laughs_is_stopped_quickly() -> None:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    doc = f"<?xml version='1.0'?><!DOCTYPE lolz [{ents}]><lolz>&lol9;</lolz>".encode()
    t = time.perf_counter()
    findings = validate_bytes(doc, rules="dtd,metadata")
    assert time.perf_counter() - t < 5
    assert "security:entity-expansion" in _rules(findings)


def test_quadratic_blowup_is_stopped() -> None:
    doc = (b'<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "' + b"x" * 50_000 + b'">]><q>'
           + b"&a;" * 50_000 + b"</q>")
    t = time.perf_counter()
    findings = validate_bytes(doc, rules="dtd")
    assert time.perf_counter() - t < 5
    assert "security:entity-expansion" in _rules(findings)


def test_remote_dtd_is_not_fetched(listener: object, no_network: list) -> None:
    port = listener.port  # type: ignore[attr-defined]
    doc = f'<!DOCTYPE article SYSTEM "http://127.0.0.1:{port}/evil.dtd"><article/>'.encode()
    findings = validate_bytes(doc, rules="dtd")
    time.sleep(0.3)
    assert listener.connections == []  # type: ignore[attr-defined]
    assert "dtd:unknown-doctype" in _rules(findings)
    assert not no_network


def test_remote_entities_with_known_dtd_are_not_fetched(listener: object, no_network: list) -> None:
    # An internal subset forces the DTD-loading path: the known DTD loads
    # from disk, the document's own remote entities must still be refused.
    port = listener.port  # type: ignore[attr-defined]
    doc = (JATS13 + f' [<!ENTITY % r SYSTEM "http://127.0.0.1:{port}/r.ent"> %r;'
           f'<!ENTITY g SYSTEM "http://127.0.0.1:{port}/g.txt">]><article><front/></article>').encode()
    findings = validate_bytes(doc, rules="dtd")
    time.sleep(0.3)
    assert listener.connections == []  # type: ignore[attr-defined]
    assert "security:external-entity" in _rules(findings)
    assert any(f.source == "dtd" for f in findings)  # validation still ran


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    big.write_bytes(b"<a>" + b"x" * 5000 + b"</a>")
    assert _rules(validate_file(big, max_bytes=1000)) == {"security:size-limit"}
    assert _rules(validate_bytes(big.read_bytes(), max_bytes=1000)) == {"security:size-limit"}


def test_deep_nesting_is_bounded() -> None:
    doc = b"<a>" * 100_000 + b"</a>" * 100_000
    findings = validate_bytes(doc, rules="dtd,metadata")
    assert findings and findings[0].severity == "error"
    assert findings[0].source in ("security", "well-formed")


@pytest.mark.parametrize("data", [b"", b"not xml at all", b"\x00\xff\xfe garbage", b"<a><b></a>"])
def test_not_well_formed_is_a_finding(data: bytes) -> None:
    findings = validate_bytes(data, rules="dtd,metadata")
    assert findings and all(f.rule == "well-formed" for f in findings)


def test_undeclared_prefix_is_reported_not_raised() -> None:
    # JATS4R's auths-affs-test1.xml uses ali: without declaring it.
    findings = validate_file(Path(__file__).parent / "data" / "auths-affs-test1.xml", rules="dtd,metadata")
    assert findings[0].rule == "well-formed"
    assert "ali" in findings[0].message
