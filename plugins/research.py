"""Article type: research article, the default.

Answers last (``trylast``): when its label is printed ("Research Article",
"Original Article", ...), when the abstract is structured with
Methods/Results, or when no other plugin claimed the article.
"""

from __future__ import annotations

import re

from journalkit import Document, TypeDecision, hookimpl
from journalkit.model import Article

TYPE = "research-article"
LABELS = {"research article": TYPE, "original article": TYPE, "original research": TYPE, "research": TYPE,
          "original research article": TYPE, "research paper": TYPE, "article": TYPE, "scientific articles": TYPE,
          "original articles": TYPE, "artigos originais": TYPE, "artigo original": TYPE,
          "artículo original": TYPE, "artículos originales": TYPE, "research articles": TYPE}
_STRUCTURED = re.compile(r"^(methods?|methodology|materials and methods|results?|principal findings|"
                         r"methodology/principal findings|métodos|resultados)$", re.I)


@hookimpl
def journalkit_article_type_labels() -> dict[str, str]:
    return LABELS


@hookimpl(trylast=True)
def journalkit_detect_article_type(doc: Document, article: Article) -> TypeDecision:
    if doc.type_label_value == TYPE:
        return TypeDecision(TYPE, f"front-matter label {doc.type_label!r}", "research")
    if doc.type_label_value:
        # a label no installed plugin claimed: its JATS value still beats the default
        return TypeDecision(doc.type_label_value, f"front-matter label {doc.type_label!r}", "research")
    if article.abstract and any(s.title and _STRUCTURED.match(s.title) for s in article.abstract.sections):
        return TypeDecision(TYPE, "structured abstract with Methods/Results", "research")
    return TypeDecision(TYPE, "default: no label or phrase marks another type", "research")
