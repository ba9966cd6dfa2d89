"""The conversion pipeline: decode -> repair -> segment -> extract -> parse refs -> link -> write -> validate.

Stages only hand data forward (text -> :class:`Document` -> :class:`Article`
-> XML); plugins see them through the hooks in :mod:`journalkit.hookspecs`.
Everything expensive (plugin manager, compiled patterns, DTDs) is built
once per process, so converting many articles costs only the per-article
work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pluggy
from lxml import etree

from .document import Document, Edit, JournalProfile
from .model import Article, Reference
from .pluginmanager import get_plugin_manager
from .readers.body import link_author_year
from .readers.extract import extract
from .readers.repair import repair
from .readers.segment import segment
from .report import Report
from .schemas import flavour, load_dtd
from .writers.jats import TagSetError, build_jats, choose_tag_set, declare_source_gaps, serialize

__all__ = ["ConversionError", "Result", "convert", "apply_profile"]


class ConversionError(Exception):
    """The input cannot be converted; the message names the input and why."""


@dataclass
class Result:
    """What :func:`convert` returns: the model, the JATS bytes, the report."""

    article: Article
    jats: bytes
    report: Report
    document: Document

    @property
    def tree(self) -> etree._Element:
        return etree.fromstring(self.jats)


def _flatten(results: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for r in results:
        if r:
            out.extend(r)
    return out


def apply_profile(doc: Document, article: Article, profile: JournalProfile) -> None:
    """Fill empty journal fields from a profile; report every fact it adds."""
    j = article.journal
    for field, value in (("title", profile.title), ("abbrev_title", profile.abbrev_title),
                         ("issn_print", profile.issn_print), ("issn_electronic", profile.issn_electronic),
                         ("publisher", profile.publisher), ("publisher_loc", profile.publisher_loc),
                         ("journal_id", profile.journal_id)):
        if not value:
            continue
        current = getattr(j, field)
        if current is None:
            setattr(j, field, value)
            if field == "journal_id":
                j.journal_id_type = profile.journal_id_type  # type: ignore[assignment]
            doc.report.add("profile", "profile-fact", f"journal {field} {value!r} from profile {profile.name!r}",
                           field=f"journal.{field}", replacement=value)
        elif current != value:
            doc.report.warn("profile", "profile-conflict",
                            f"text gives journal {field} {current!r}; profile {profile.name!r} says {value!r}; "
                            "the text is kept", field=f"journal.{field}", original=current, replacement=value)


def _manager(plugins: Any, disable: Iterable[str]) -> pluggy.PluginManager:
    if isinstance(plugins, pluggy.PluginManager):
        return plugins
    return get_plugin_manager(disabled=tuple(disable), extra=tuple(plugins or ()))


def convert(text: str, *, journal: str | None = None, plugins: Any = None, disable: Iterable[str] = (),
            source: str | None = None, tag_set: str | None = None, jats_version: str = "1.3",
            ref_style: str | None = None, encoding: str | None = None, validate: bool = True) -> Result:
    """Convert raw article text to JATS.

    ``plugins`` is a ready :class:`pluggy.PluginManager`, or an iterable of
    extra plugin objects to register on top of the installed ones;
    ``disable`` names plugins to leave out (as ``-p no:NAME``).
    """
    name = source or "<text>"
    if not text or not text.strip():
        raise ConversionError(f"{name}: input is empty")
    pm = _manager(plugins, disable)
    hook = pm.hook
    doc = Document(text, source=source, journal=journal,
                   report=Report(source=source, encoding=encoding))

    # repair
    extra: list[Edit] = _flatten(hook.journalkit_repair_text(doc=doc))
    repair(doc, extra)

    # segment
    labels: dict[str, str] = {}
    for d in hook.journalkit_article_type_labels():
        if d:
            labels.update({k.casefold(): v for k, v in d.items()})
    doc.type_labels = labels
    noise = [str(p) for p in _flatten(hook.journalkit_noise_lines(doc=doc))]
    doc.segments = segment(doc, noise)

    # extract
    article = extract(doc)
    # a profile is asked for every text: one matches by DOI prefix or title even when --journal is not given
    profile = hook.journalkit_journal_profile(doc=doc, article=article)
    if profile is not None:
        doc.profile = profile
        apply_profile(doc, article, profile)
    elif journal is not None:
        raise ConversionError(f"{name}: no journal profile named {journal!r} (see `journalkit plugins`)")

    decision = hook.journalkit_detect_article_type(doc=doc, article=article)
    if decision is not None:
        article.article_type = decision.article_type
        article.article_type_evidence = decision.evidence
        doc.report.add("extract", "article-type", f"article type {decision.article_type}: {decision.evidence}",
                       replacement=decision.article_type)
    if doc.type_label and not article.subject_heading:
        article.subject_heading = doc.type_label  # the label as printed, whatever type it maps to
    hook.journalkit_shape_article(doc=doc, article=article)

    if article.references:
        parsed = hook.journalkit_parse_references(references=list(article.references), doc=doc)
        if parsed is not None:
            _check_parsed(article.references, parsed)
            article.references = parsed
        # author-year citations are matched on the parsed first author and year, so only now
        link_author_year(doc, article)
    if ref_style == "house":
        if not (doc.profile and doc.profile.reference_style):
            raise ConversionError(f"{name}: --ref-style house needs a journal profile that names a house style")
        ref_style = doc.profile.reference_style
    if ref_style and article.references:
        _restyle(pm, article.references, ref_style, name)
        doc.report.add("write", "restyled", f"references restyled in {ref_style!r}; each original string is kept "
                       "beside the restyled one in <citation-alternatives>")
    hook.journalkit_process_article(doc=doc, article=article)

    # write
    try:
        ts = choose_tag_set(article, tag_set)
    except TagSetError as exc:
        raise ConversionError(f"{name}: {exc}") from exc
    fl = flavour(ts, jats_version)
    root = build_jats(article, fl, declare_gaps=False)  # declared below, from the final tree
    hook.journalkit_jats_tree(article=article, root=root)
    declare_source_gaps(root, fl)  # after the plugins: one may have added a missing fact
    if validate:
        dtd = load_dtd(ts, jats_version)
        if not dtd.validate(root):
            errors = "; ".join(str(e.message) for e in list(dtd.error_log)[:5])
            raise ConversionError(f"{name}: internal error: the JATS output is not valid against the "
                                  f"{ts} {jats_version} DTD ({errors}); please report this bug")
    doc.report.add("write", "jats", f"JATS {jats_version} {ts} written"
                   + (" and DTD-valid" if validate else " (not validated)"))
    return Result(article=article, jats=serialize(root, fl), report=doc.report, document=doc)


def _check_parsed(before: list[Reference], after: list[Reference]) -> None:
    if len(before) != len(after) or any(a.id != b.id or a.raw != b.raw for a, b in zip(before, after)):
        raise ConversionError("a reference parser plugin changed the reference list (ids or strings); "
                              "parsers must keep every reference verbatim and in order")


def _restyle(pm: pluggy.PluginManager, refs: list[Reference], style: str, name: str) -> None:
    from .csl import restyle_references

    try:
        restyle_references(refs, style, pm)
    except LookupError as exc:
        raise ConversionError(f"{name}: cannot restyle references: {exc}") from exc
