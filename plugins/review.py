"""Article type: review article.

Detected by a printed label ("Review", "Review Article", "Mini-review",
"Systematic Review") or, when the front matter shows no type label at all,
by the phrases a review uses about itself in its abstract or first
paragraphs ("in this review", "we review").
"""

from __future__ import annotations

import re

from journalkit import Document, TypeDecision, hookimpl
from journalkit.model import Article

TYPE = "review-article"
LABELS = {"review": TYPE, "review article": TYPE, "reviews": TYPE, "mini review": TYPE, "mini-review": TYPE,
          "minireview": TYPE, "systematic review": TYPE, "narrative review": TYPE, "invited review": TYPE,
          "review paper": TYPE, "artigo de revisão": TYPE, "artículo de revisión": TYPE, "revisão": TYPE}
PHRASES = re.compile(r"\b(in this (?:mini-?)?review|this (?:mini-?)?review (?:summari[sz]es|discusses|describes|"
                     r"focuses|highlights|provides)|we review\b|here,? we review|the present review)", re.I)


@hookimpl
def journalkit_article_type_labels() -> dict[str, str]:
    return LABELS


@hookimpl
def journalkit_detect_article_type(doc: Document, article: Article) -> TypeDecision | None:
    if doc.type_label_value == TYPE:
        return TypeDecision(TYPE, f"front-matter label {doc.type_label!r}", "review")
    if doc.type_label_value is not None:
        return None  # another type's label is stronger evidence than a phrase
    texts = []
    if article.abstract:
        texts.append(article.abstract.plain_text())
    for sec in article.body[:1]:
        texts.extend(p.text for p in sec.paragraphs[:2])
    for t in texts:
        m = PHRASES.search(t)
        if m:
            return TypeDecision(TYPE, f"phrase {m.group(0)!r} in the abstract/opening", "review")
    return None
