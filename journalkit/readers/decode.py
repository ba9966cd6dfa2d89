"""Stage 1, decode: bytes from a file or stdin -> text, or a clear error.

Staff paste text from PDFs and browsers into whatever editor they have, so
files arrive as UTF-8 (with or without BOM), UTF-16 (Windows "Unicode"), or
CP1252/Latin-1. We try the unambiguous encodings first and ask
charset-normalizer only when those fail; a file that is binary (a PDF, an
image, a Word file) is refused rather than turned into mojibake.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

__all__ = ["InputError", "decode_bytes", "read_input"]

_BINARY_MAGIC = {
    b"%PDF": "a PDF file (extract its text first, e.g. with pdftotext)",
    b"PK\x03\x04": "a ZIP/Office file (save it as plain text first)",
    b"\xd0\xcf\x11\xe0": "an old Word/Office file (save it as plain text first)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "a program",
}


class InputError(Exception):
    """Unreadable input; the message names the file and the problem."""


def _looks_binary(text: str) -> bool:
    if not text:
        return False
    bad = sum(1 for ch in text[:4096] if (ord(ch) < 32 and ch not in "\t\n\r\f\v") or ch == "\ufffd")
    return bad / min(len(text), 4096) > 0.02


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Return ``(text, encoding)``; raise :class:`InputError` when it cannot be text."""
    if not data.strip():
        raise InputError(f"{name}: file is empty")
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise InputError(f"{name}: not a text file: looks like {what}")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: broken UTF-16 text ({exc.reason} at byte {exc.start})") from exc
    # UTF-16 without BOM: every other byte is NUL in Latin text
    if len(data) >= 4 and data[1::2].count(0) > len(data) // 4 and data[0::2].count(0) == 0:
        return data.decode("utf-16-le", errors="replace"), "utf-16-le"
    if len(data) >= 4 and data[0::2].count(0) > len(data) // 4 and data[1::2].count(0) == 0:
        return data.decode("utf-16-be", errors="replace"), "utf-16-be"
    if b"\x00" in data:
        raise InputError(f"{name}: not a text file (binary data)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: unknown text encoding (not UTF-8, UTF-16 or a single-byte code page)")
    enc = best.encoding
    # charset-normalizer sometimes names a rarer sibling; staff text is CP1252 in practice
    if enc in {"latin_1", "iso8859_15", "cp1250", "cp1252"}:
        try:
            text, enc = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text, enc = data.decode("latin-1"), "latin-1"
    else:
        text = str(best)
    if _looks_binary(text):
        raise InputError(f"{name}: not a text file (binary data)")
    return text, enc


def read_input(name: str) -> tuple[str, str]:
    """Read a path or ``-`` (stdin) and decode it."""
    if name == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    path = Path(name)
    if not path.exists():
        raise InputError(f"{name}: no such file")
    if path.is_dir():
        raise InputError(f"{name}: is a directory, not a text file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read: {exc.strerror or exc}") from exc
    text, enc = decode_bytes(data, name)
    if _looks_binary(text):
        raise InputError(f"{name}: not a text file (binary data)")
    return text, enc
