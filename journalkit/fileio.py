"""Writing outputs safely: a failed or interrupted run never leaves half a file.

Pipelines pick files up by name; a partial JATS file or report that looks
complete is worse than none, so every command writes through here.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write ``data`` to a temp file in the target folder, then rename it into place."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
