"""The JATS flavours we write, and their DTDs loaded once per process.

Loading a JATS DTD parses ~60 module files (tens of milliseconds), so the
:class:`lxml.etree.DTD` objects are cached; validating one article against a
loaded DTD is then sub-millisecond.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .resources import schemas_dir

TAG_SETS = ("archiving", "publishing")
JATS_VERSIONS = ("1.3", "1.4")

_DATES = {"1.3": "20210610", "1.4": "20241031"}
_NAMES = {"archiving": "Journal Archiving and Interchange DTD", "publishing": "Journal Publishing DTD"}
_FILES = {"archiving": "JATS-archivearticle{v}.dtd", "publishing": "JATS-journalpublishing{v}.dtd"}


@dataclass(frozen=True)
class Flavour:
    """A JATS tag set and version: DOCTYPE identifiers and the DTD file."""

    tag_set: str
    version: str

    @property
    def public_id(self) -> str:
        return f"-//NLM//DTD JATS (Z39.96) {_NAMES[self.tag_set]} v{self.version} {_DATES[self.version]}//EN"

    @property
    def dtd_file(self) -> str:
        return _FILES[self.tag_set].format(v=self.version.replace(".", "-"))

    @property
    def system_id(self) -> str:
        return f"https://jats.nlm.nih.gov/{self.tag_set}/{self.version}/{self.dtd_file}"

    @property
    def doctype(self) -> str:
        return f'<!DOCTYPE article PUBLIC "{self.public_id}" "{self.system_id}">'


def flavour(tag_set: str, version: str) -> Flavour:
    if tag_set not in TAG_SETS:
        raise ValueError(f"unknown JATS tag set {tag_set!r} (choose from {', '.join(TAG_SETS)})")
    if version not in JATS_VERSIONS:
        raise ValueError(f"unsupported JATS version {version!r} (choose from {', '.join(JATS_VERSIONS)})")
    return Flavour(tag_set, version)


def load_dtd(tag_set: str, version: str) -> etree.DTD:
    """The DTD of a flavour, from the shipped schemas (never the network).

    Shares the per-file cache of :func:`journalkit.validation.dtd.load_dtd_file`
    (which owns the catalog-restricted loading), so the converter and
    ``journalkit validate`` never load the same DTD twice in one process.
    """
    from .validation.dtd import load_dtd_file  # lazy: validation imports this module's neighbours

    fl = flavour(tag_set, version)
    path = (schemas_dir() / "jats" / version / fl.dtd_file).resolve()
    return load_dtd_file(str(path))
