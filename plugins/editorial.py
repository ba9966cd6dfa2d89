"""Article type: editorial.

Detected by its printed label ("Editorial", "Guest Editorial", "Editor's
note"). Shapes the output: an editorial has no abstract and no keywords, so
a paragraph the reader took for an abstract goes back to the body (moved,
not dropped) and keywords go to the report.
"""

from __future__ import annotations

from journalkit import Document, TypeDecision, hookimpl
from journalkit.model import Article, Section

TYPE = "editorial"
LABELS = {"editorial": TYPE, "guest editorial": TYPE, "editor's note": TYPE, "editor’s note": TYPE,
          "editorial comment": TYPE, "from the editor": TYPE, "editorial note": TYPE}


@hookimpl
def journalkit_article_type_labels() -> dict[str, str]:
    return LABELS


@hookimpl
def journalkit_detect_article_type(doc: Document, article: Article) -> TypeDecision | None:
    if doc.type_label_value == TYPE:
        return TypeDecision(TYPE, f"front-matter label {doc.type_label!r}", "editorial")
    return None


@hookimpl
def journalkit_shape_article(doc: Document, article: Article) -> None:
    if article.article_type != TYPE:
        return
    if article.abstract is not None:
        moved = list(article.abstract.paragraphs) + [p for s in article.abstract.sections for p in s.paragraphs]
        if article.body and article.body[0].title is None:
            article.body[0].paragraphs[:0] = moved
        else:
            article.body.insert(0, Section(paragraphs=moved))
        article.abstract = None
        doc.report.add("plugin:editorial", "moved-text", "an editorial has no abstract: the paragraph taken for "
                       "one was moved to the start of the body")
    if article.keywords:
        doc.report.warn("plugin:editorial", "dropped-keywords", "an editorial has no keywords; left out of the "
                        "JATS: " + "; ".join(article.keywords), original="; ".join(article.keywords))
        article.keywords = []
