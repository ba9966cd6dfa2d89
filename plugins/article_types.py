"""Article types beyond research, review and editorial (the JATS4R vocabulary).

Why a plugin: which printed label means which ``@article-type`` is a
convention of journals, not of text, and a journal with its own labels adds
them in a plugin of its own the same way. Two kinds of evidence, both
recorded in the report through the :class:`~journalkit.TypeDecision`:

* the printed label ("Correspondence", "Erratum", "Case Report",
  "Comunicação Breve", "Book Review/Science in the Media"), found by the
  reader among the front-matter lines, the web page's breadcrumb or
  'Section' box;
* for notices that often print no label, the title itself ("Correction:
  ...", "Retraction: ...", "Erratum", "Expression of Concern: ...").
"""

from __future__ import annotations

import re

from journalkit import Document, TypeDecision, hookimpl
from journalkit.model import Article

#: printed label (case-insensitive) -> JATS @article-type
LABELS: dict[str, str] = {
    # letters and replies
    "letter": "letter", "letters": "letter", "letter to the editor": "letter", "correspondence": "letter",
    "correspondence and other communications": "letter", "carta": "letter", "carta ao editor": "letter",
    "carta al editor": "letter", "reply": "reply", "author reply": "reply", "response": "reply",
    # comment and opinion
    "commentary": "article-commentary", "comment": "article-commentary", "perspective": "article-commentary",
    "perspectives": "article-commentary", "viewpoint": "article-commentary", "opinion": "article-commentary",
    "insight": "article-commentary", "synopsis": "article-commentary", "primer": "article-commentary",
    "essay": "article-commentary", "comentário": "article-commentary", "comentario": "article-commentary",
    "discussion": "discussion", "debate": "discussion", "policy forum": "discussion",
    # short reports
    "case report": "case-report", "case reports": "case-report", "relato de caso": "case-report",
    "caso clínico": "case-report", "brief report": "brief-report", "short report": "brief-report",
    "brief research report": "brief-report",
    "brief communication": "brief-report", "short communication": "brief-report",
    "rapid communication": "rapid-communication", "comunicação breve": "rapid-communication",
    "comunicación breve": "rapid-communication", "comunicações breves": "rapid-communication",
    "research letter": "brief-report", "methods": "methods-article", "method": "methods-article",
    "methods article": "methods-article", "data paper": "data-paper", "data descriptor": "data-paper",
    # notices
    "correction": "correction", "corrections": "correction", "erratum": "correction", "errata": "correction",
    "corrigendum": "correction", "errata / erratum": "correction", "retraction": "retraction",
    "retraction notice": "retraction", "notice of retraction": "retraction", "retratação": "retraction",
    "partial retraction": "partial-retraction", "expression of concern": "expression-of-concern",
    "addendum": "addendum",
    # reviews of other works, news, people
    "book review": "book-review", "book reviews": "book-review", "book review/science in the media": "book-review",
    "resenha": "book-review", "reseña": "book-review", "product review": "product-review",
    "news": "news", "news and views": "news", "in brief": "in-brief", "obituary": "obituary",
    "in memoriam": "obituary", "meeting report": "meeting-report", "conference report": "meeting-report",
    "announcement": "announcement", "introduction": "introduction", "feature": "other",
}
_TYPES = frozenset(LABELS.values())
_TITLE_NOTICE = re.compile(
    r"^(?P<w>correction|erratum|corrigendum|retraction|partial retraction|expression of concern|retratação|errata)"
    r"\b\s*(?:[:\-–—]|to\b|for\b|of\b|$)", re.I)
_TITLE_TYPES = {"correction": "correction", "erratum": "correction", "corrigendum": "correction",
                "errata": "correction", "retraction": "retraction", "retratação": "retraction",
                "partial retraction": "partial-retraction", "expression of concern": "expression-of-concern"}


@hookimpl
def journalkit_article_type_labels() -> dict[str, str]:
    return LABELS


@hookimpl
def journalkit_detect_article_type(doc: Document, article: Article) -> TypeDecision | None:
    if doc.type_label_value in _TYPES:
        return TypeDecision(doc.type_label_value, f"front-matter label {doc.type_label!r}", "article-types")
    if doc.type_label_value is None and article.title:
        m = _TITLE_NOTICE.match(article.title.strip())
        if m:
            kind = _TITLE_TYPES[m.group("w").casefold()]
            return TypeDecision(kind, f"title begins with {m.group('w')!r}", "article-types")
    return None
