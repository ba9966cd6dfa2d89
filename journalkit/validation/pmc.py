"""The PMC Style Checker (NLM's XSLT 1.0 stylesheets) run in lxml.

The checker returns a copy of the article with ``<error>`` and
``<warning>`` elements inserted where a rule fails, wrapped in an ``<ERR>``
root. To give each message a line number in the user's file, the element
that received it is located in the copy by its path (ignoring the inserted
elements) and the same path is looked up in the original tree.
"""

from __future__ import annotations

import functools
import re
import threading

from lxml import etree

from ..resources import schemas_dir
from .findings import Finding, Severity, element_xpath
from .ids import id_typed_tree

_INSERTED = frozenset({"error", "warning"})
_lock = threading.Lock()


@functools.cache
def _stylesheet() -> etree.XSLT:
    """Compiled once per process (about 40 ms); the includes are local files."""
    path = schemas_dir() / "pmc-stylechecker" / "nlm-stylechecker.xsl"
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    access = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                     read_network=False, write_network=False)
    return etree.XSLT(etree.parse(str(path), parser), access_control=access)


def _path_in_copy(el: etree._Element) -> list[tuple[str, int]] | None:
    """Steps (tag, index among same-tag siblings) from the copied article down to ``el``."""
    steps: list[tuple[str, int]] = []
    node: etree._Element | None = el
    while node is not None:
        parent = node.getparent()
        if parent is None:
            return None  # reached <ERR> without passing the article
        if parent.getparent() is None:  # node is the article copy under <ERR>
            steps.append((node.tag, 0))
            break
        same = [c for c in parent if c.tag == node.tag and c.tag not in _INSERTED]
        steps.append((node.tag, same.index(node)))
        node = parent
    return list(reversed(steps))


def _find(root: etree._Element, steps: list[tuple[str, int]]) -> etree._Element | None:
    if not steps or steps[0][0] != root.tag:
        return None
    node = root
    for tag, idx in steps[1:]:
        same = [c for c in node if c.tag == tag]
        if idx >= len(same):
            return None
        node = same[idx]
    return node


def check_pmc(
    tree: etree._ElementTree | etree._Element,
    file: str | None = None,
    style: str = "article",
    dtd: etree.DTD | None = None,
) -> list[Finding]:
    """PMC style findings; ``style`` is the checker's: article, manuscript or book.

    The stylesheets run on a re-parse that knows the ID attributes (``dtd``
    types them; see :mod:`journalkit.validation.ids`): their ``xref-check``
    looks targets up with ``id()``, which finds nothing in a tree parsed
    without the DTD. Messages are still located in ``tree`` itself.
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    xslt = _stylesheet()
    typed = id_typed_tree(root, dtd)
    with _lock:  # an XSLT object is not safe to share between threads
        result = xslt(typed, style=etree.XSLT.strparam(style))
    out: list[Finding] = []
    res_root = result.getroot()
    if res_root is None:
        return out
    for el in res_root.iter("error", "warning"):
        text = " ".join("".join(el.itertext()).split())
        m = re.match(r"(.+?):\s+(.*)", text)  # "mml:mtext repeat check: ..." splits at ": "
        rule, message = (m.group(1), m.group(2)) if m else ("style", text)
        rule_id = "pmc:" + re.sub(r"\s+", "-", rule.strip().lower())
        parent = el.getparent()
        target = None
        if parent is not None and parent is not res_root:
            steps = _path_in_copy(parent)
            if steps is not None:
                target = _find(root, steps)
        severity: Severity = "error" if el.tag == "error" else "warning"
        line = target.sourceline if target is not None else None
        xpath = element_xpath(target) if target is not None else None
        out.append(Finding(severity, rule_id, "pmc", message, file, line, None, xpath))
    return out
