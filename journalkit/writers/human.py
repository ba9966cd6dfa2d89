"""Human-readable outputs from the Jinja2 templates in ``templates/``.

An editor checks a conversion faster in a page that shows the extracted
metadata beside every repair and drop than in JSON, so ``--report X.html``
renders ``report.html.j2``. Templates are package data; a journal can copy
one, change it, and point ``JOURNALKIT_TEMPLATES`` at its folder.
"""

from __future__ import annotations

import functools
import os

import jinja2

from ..model import Article
from ..report import Report
from ..resources import templates_dir


@functools.cache
def _env(folder: str | None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    if folder:
        loaders.append(jinja2.FileSystemLoader(folder))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    return jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def render(template: str, **context: object) -> str:
    return _env(os.environ.get("JOURNALKIT_TEMPLATES")).get_template(template).render(**context)


def report_html(article: Article, report: Report) -> str:
    """The conversion report as an HTML page (metadata + every report entry)."""
    return render("report.html.j2", article=article, report=report, source=report.source, encoding=report.encoding)
