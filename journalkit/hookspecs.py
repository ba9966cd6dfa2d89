"""Hook specifications: the only way a plugin sees the conversion pipeline.

A plugin is a module (or object) with functions named like the specs below,
marked with ``@journalkit.hookimpl``, registered through the entry-point group
``journalkit`` in its ``pyproject.toml``::

    [project.entry-points.journalkit]
    myjournal = "myjournal_journalkit.plugin"

The pipeline calls the hooks in this order for every input::

    decode -> journalkit_repair_text -> (core repairs) -> journalkit_noise_lines
           -> segment -> extract -> journalkit_journal_profile
           -> journalkit_detect_article_type -> journalkit_shape_article
           -> journalkit_parse_references -> journalkit_process_article
           -> JATS writer -> journalkit_jats_tree -> DTD validation

Hooks receive the public objects of :mod:`journalkit.document` and
:mod:`journalkit.model`; a plugin never needs a private name. Arguments are
passed by keyword, so an implementation may accept only those it uses
(pluggy's rule).

Ordering follows pluggy: implementations registered later run first, and
``tryfirst``/``trylast`` move one to the front or back. For ``firstresult``
hooks the first implementation that returns something other than ``None``
wins; built-in defaults are ``trylast`` so any journal plugin can override
them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import pluggy

if TYPE_CHECKING:
    from lxml import etree

    from .document import Document, Edit, JournalProfile, TypeDecision
    from .model import Article, Reference

hookspec = pluggy.HookspecMarker("journalkit")
hookimpl = pluggy.HookimplMarker("journalkit")


# --------------------------------------------------------------------------
# reading
# --------------------------------------------------------------------------


@hookspec
def journalkit_repair_text(doc: Document) -> Sequence[Edit] | None:
    """Propose repairs of the decoded text, before the core repairs run.

    Return :class:`journalkit.document.Edit` objects with offsets into
    ``doc.text``; the core applies them (they must not overlap), records each
    in the report with its kind, the original and the replacement, and keeps
    the offset map so that later provenance still points into the file the
    user gave. Use it for damage that only your journal's PDFs show (a font
    that turns "fi" into a private-use glyph, a logo glyph, ...).

    Be conservative: when unsure, do not edit, add a warning to
    ``doc.report`` instead.
    """


@hookspec
def journalkit_noise_lines(doc: Document) -> Sequence[str] | None:
    """Return regular expressions of whole lines that are page furniture.

    Lines that match (``re.fullmatch`` after stripping, case-insensitive) are
    removed before segmentation and listed in the report as ``noise-line``
    entries: running heads, page numbers, link labels ("This issue",
    "Download PDF"), a journal's repeated footer. A journal profile plugin
    adds the lines its layout repeats.
    """


@hookspec
def journalkit_article_type_labels() -> dict[str, str] | None:
    """Return printed article-type labels mapped to JATS ``@article-type``.

    Keys are matched case-insensitively against short lines in the front
    matter ("Editorial", "Review Article", "Original Research"), values use the
    JATS/JATS4R vocabulary ("editorial", "review-article",
    "research-article"). The reader uses the union of all plugins' labels to
    recognise the label line (so it is not taken for the title) and exposes
    the match as ``doc.type_label``/``doc.type_label_value`` to
    :func:`journalkit_detect_article_type`.
    """


@hookspec(firstresult=True)
def journalkit_detect_article_type(doc: Document, article: Article) -> TypeDecision | None:
    """Decide the article type; the first non-``None`` answer wins.

    Return a :class:`journalkit.document.TypeDecision` with the JATS value
    and the evidence (which label, phrase or structure decided it), which
    goes into the report. Each built-in article-type plugin answers only for
    its own type; ``research-article`` answers last as the default. A
    journal plugin marked ``tryfirst=True`` overrides them all.
    """


@hookspec
def journalkit_shape_article(doc: Document, article: Article) -> None:
    """Shape the model for its (now decided) ``article.article_type``.

    Called for every plugin after type detection; a plugin acts only when the
    type is its own. An editorial, for instance, has no abstract or keywords:
    its plugin moves a paragraph the extractor took for an abstract back into
    the body (text is moved, never dropped) and reports the move.
    """


@hookspec(firstresult=True)
def journalkit_journal_profile(doc: Document, article: Article) -> JournalProfile | None:
    """Return the journal profile that fits this article, if one does.

    A profile (:class:`journalkit.document.JournalProfile`) adds facts the
    text does not hold: full journal title, ISSN, publisher, house reference
    style. Match on ``doc.journal`` (the ``--journal`` option) first, then on
    the DOI prefix or the journal title/abbreviation the text gives. The core
    fills only empty fields from it and reports each fact it adds; a profile
    never overrides what the text says without a report entry.
    """


@hookspec(firstresult=True)
def journalkit_parse_references(references: list[Reference], doc: Document | None) -> list[Reference] | None:
    """Parse reference strings into fields; the first non-``None`` answer wins.

    ``references`` carry ``id``, ``label`` and ``raw`` (verbatim, after
    repair). Return new :class:`journalkit.model.Reference` objects in the
    same order with the same ``id``/``label``/``raw`` and the fields filled,
    plus ``fields`` spans so the JATS writer can tag them inside
    ``<mixed-citation>`` without changing a character. ``doc`` is ``None``
    when strings come from ``journalkit refs parse`` rather than an article.
    Called once per article with the whole list, so a parser can batch.
    """


@hookspec
def journalkit_process_article(doc: Document, article: Article) -> None:
    """Last look at the model before it is written: amend it in place.

    Anything you set is validated on assignment; a ``ValueError`` here is a
    bug in your plugin and stops the conversion with its name.
    """


# --------------------------------------------------------------------------
# writing
# --------------------------------------------------------------------------


@hookspec
def journalkit_jats_tree(article: Article, root: etree._Element) -> None:
    """Amend the JATS tree in place before it is validated and written.

    For ``custom-meta``, a journal's ``journal-id`` types, processing
    instructions. The DTD check runs after this hook, so an invalid change
    fails the conversion loudly rather than shipping invalid JATS.
    """


# --------------------------------------------------------------------------
# reference formatting (CSL)
# --------------------------------------------------------------------------


@hookspec(firstresult=True)
def journalkit_format_references(
    references: list[Reference], style: str, locale: str, output: str
) -> list[Any] | None:
    """Format references in a citation style; the first non-``None`` wins.

    ``style`` is a style id ("vancouver", "apa") or a path to a ``.csl``
    file; ``output`` is ``"text"``, ``"html"`` or ``"jats"``. Return one item
    per reference, in order: ``str`` for text/html, an ``lxml`` element
    ``<mixed-citation>`` for jats.
    """


@hookspec
def journalkit_reference_styles() -> list[tuple[str, str]] | None:
    """Return ``(style id, title)`` pairs this plugin can format with."""


# --------------------------------------------------------------------------
# validation
# --------------------------------------------------------------------------


@hookspec
def journalkit_validation_rules() -> list[Any] | None:
    """Return extra validation rules a journal adds to ``journalkit validate``.

    Each item is either a callable ``rule(tree) -> Iterable[Finding]`` or a
    path to a Schematron file; see :mod:`journalkit.validation` for the
    ``Finding`` shape. Findings carry ``source="plugin"``.
    """
