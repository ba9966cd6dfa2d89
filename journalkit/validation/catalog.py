"""The shipped XML catalog, read in Python, and the resolver that enforces it.

libxml2 only reads ``XML_CATALOG_FILES`` when lxml is first imported, which
a library cannot control (the converter, a notebook or a test runner has
imported lxml long before us). So the catalog is applied here, in an
:class:`lxml.etree.Resolver`, with libxml2's own lookup order (system id,
then rewriteSystem prefix, then public id). The same resolver is the
security boundary for untrusted documents: it serves only files below the
shipped schemas folder and answers every other request (a document's
``SYSTEM "file:///etc/passwd"``, a remote DTD, a parameter entity on some
host) with an empty string, recording the refusal so it can be reported.
Returning ``None`` would hand the request to libxml2's default loader, which
would read the file, so the resolver never does.
"""

from __future__ import annotations

import functools
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..resources import schemas_dir

_CAT_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"


@dataclass(frozen=True)
class Catalog:
    """Public ids, system ids and URL prefixes mapped to files under ``root``."""

    root: Path
    public: dict[str, Path]
    system: dict[str, Path]
    rewrites: tuple[tuple[str, Path], ...]  # longest prefix first, as libxml2 picks

    def resolve(self, system_id: str | None, public_id: str | None) -> Path | None:
        """The shipped file for a DOCTYPE or entity, or ``None`` if it is not ours."""
        if system_id:
            hit = self.system.get(system_id)
            if hit is not None:
                return hit
            for prefix, target in self.rewrites:
                if system_id.startswith(prefix):
                    cand = (target / system_id[len(prefix):]).resolve()
                    if self.contains(cand) and cand.is_file():
                        return cand
        if public_id:
            hit = self.public.get(public_id.strip())
            if hit is not None:
                return hit
        if system_id:
            local = local_path(system_id)
            if local is not None and self.contains(local) and local.is_file():
                return local
        return None

    def contains(self, path: Path) -> bool:
        try:
            path.resolve().relative_to(self.root)
        except ValueError:
            return False
        return True


def local_path(url: str) -> Path | None:
    """A ``file:`` URL or an absolute path as a resolved path; anything else ``None``.

    Relative references never reach here from libxml2 for files (it makes
    them absolute against the document), and for in-memory documents they
    name nothing we could safely guess.
    """
    if url.startswith("file:"):
        parsed = urllib.parse.urlsplit(url)
        if parsed.netloc not in ("", "localhost"):
            return None
        return Path(urllib.parse.unquote(parsed.path)).resolve()
    if url.startswith("/"):
        return Path(url).resolve()
    return None


@functools.cache
def jats_catalog() -> Catalog:
    """The catalog shipped in ``schemas/jats/catalog.xml`` (parsed once per process)."""
    cat_file = schemas_dir() / "jats" / "catalog.xml"
    return load_catalog(cat_file)


def load_catalog(cat_file: Path) -> Catalog:
    base = cat_file.resolve().parent
    # The catalog is ours, but parse it as strictly as anything else.
    tree = etree.parse(str(cat_file), etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False))
    public: dict[str, Path] = {}
    system: dict[str, Path] = {}
    rewrites: list[tuple[str, Path]] = []
    for el in tree.getroot().iter():
        if not isinstance(el.tag, str) or not el.tag.startswith("{" + _CAT_NS + "}"):
            continue
        kind = el.tag.split("}", 1)[1]
        if kind == "public":
            public.setdefault(el.get("publicId", "").strip(), (base / el.get("uri", "")).resolve())
        elif kind == "system":
            system.setdefault(el.get("systemId", ""), (base / el.get("uri", "")).resolve())
        elif kind == "uri":
            system.setdefault(el.get("name", ""), (base / el.get("uri", "")).resolve())
        elif kind in ("rewriteSystem", "rewriteURI"):
            start = el.get("systemIdStartString") or el.get("uriStartString") or ""
            rewrites.append((start, (base / el.get("rewritePrefix", "")).resolve()))
    rewrites.sort(key=lambda t: len(t[0]), reverse=True)
    return Catalog(base, public, system, tuple(rewrites))


@dataclass
class Refusal:
    """An external resource the document asked for and did not get."""

    url: str | None
    public_id: str | None


class SchemaOnlyResolver(etree.Resolver):
    """Serves the shipped schema files; refuses everything else, and remembers what.

    ``extra_roots`` admits the folder of a DTD the user names with
    ``--schema PATH``: their own files, never the document's choice.
    """

    def __init__(self, catalog: Catalog | None = None, extra_roots: tuple[Path, ...] = ()) -> None:
        super().__init__()
        self.catalog = catalog or jats_catalog()
        self.extra_roots = extra_roots
        self.refused: list[Refusal] = []

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        path = self.catalog.resolve(url, pubid)
        if path is None and url and self.extra_roots:
            local = local_path(url)
            if local is not None and local.is_file() and any(_under(local, r) for r in self.extra_roots):
                path = local
        if path is not None:
            return self.resolve_filename(str(path), context)
        self.refused.append(Refusal(url, pubid))
        return self.resolve_string("", context)


def _under(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True
