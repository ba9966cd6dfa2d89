"""The wheel works on its own: fresh venv, run from a folder outside the repository.

Slow (builds a wheel and installs it with its dependencies), so it runs once,
in CI and before a release; set JOURNALKIT_SKIP_WHEEL=1 to skip it locally.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = Path(__file__).parent / "data" / "seeds" / "editorial-immunoregulation-2023" / "raw.txt"

pytestmark = pytest.mark.skipif(os.environ.get("JOURNALKIT_SKIP_WHEEL") == "1", reason="JOURNALKIT_SKIP_WHEEL=1")


def test_wheel_in_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, capture_output=True)
    wheel = next(dist.glob("journalkit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "journalkit/schemas/jats/catalog.xml" in names
    assert "journalkit/schemas/jats/1.3/JATS-archivearticle1-3.dtd" in names
    assert "journalkit/templates/report.html.j2" in names
    assert any(n.startswith("journalkit_plugins/") for n in names)
    tops = {n.split("/")[0] for n in names if not n.startswith("journalkit-")}
    assert tops == {"journalkit", "journalkit_plugins"}, tops  # no generic top-level module such as `plugins`

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "-q", str(wheel)], check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    work.mkdir()
    exe = env_dir / "bin" / "journalkit"
    out = work / "editorial.xml"
    p = subprocess.run([str(exe), "convert", str(SEED), "-o", str(out), "--report", str(work / "r.html")],
                       cwd=work, capture_output=True, text=True, env={"PATH": os.environ.get("PATH", "")})
    assert p.returncode == 0, p.stderr
    assert b'article-type="editorial"' in out.read_bytes()
    assert (work / "r.html").exists()
    p = subprocess.run([str(exe), "plugins"], cwd=work, capture_output=True, text=True)
    assert "editorial: journalkit_plugins.editorial" in p.stdout
