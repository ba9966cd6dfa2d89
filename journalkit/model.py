"""The one document model every stage shares.

Readers fill it, writers read it, validators check it. Values are validated
where they are made: a DOI that is not a DOI, an ORCID iD or ISSN whose check
digit is wrong, a page range that runs backwards or an impossible year raise
``pydantic.ValidationError`` at construction/assignment time. Extractors catch
that and record a report entry instead of writing garbage (see
:func:`journalkit.extract_value`).

Every model object can carry ``provenance``: the character span of the input
text (the decoded text, before repair) that a value came from, keyed by the
field name. An editor uses it to check a value against the text.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    model_validator,
)

__all__ = [
    "Affiliation",
    "Abstract",
    "Article",
    "AuthorNote",
    "Citation",
    "Contributor",
    "Date",
    "Figure",
    "Footnote",
    "Journal",
    "License",
    "Paragraph",
    "Reference",
    "RefField",
    "RelatedArticle",
    "Section",
    "Span",
    "normalize_doi",
    "orcid_checksum_ok",
    "issn_checksum_ok",
]

# --------------------------------------------------------------------------
# value validators
# --------------------------------------------------------------------------

DOI_RE = re.compile(r"^10\.\d{4,9}/[^\s]+$")
_DOI_PREFIXES = re.compile(
    r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*|DOI:\s*)", re.IGNORECASE
)


def normalize_doi(value: str) -> str:
    """Strip resolver prefixes and trailing punctuation; keep the DOI's case.

    DOIs are case-insensitive but editors expect the case the publisher
    printed, so we never fold case.
    """
    v = _DOI_PREFIXES.sub("", value.strip())
    v = v.rstrip(".,;:)]}>\"'")
    return v


def _check_doi(value: str) -> str:
    v = normalize_doi(value)
    if not DOI_RE.match(v):
        raise ValueError(f"not a DOI: {value!r}")
    return v


def orcid_checksum_ok(orcid: str) -> bool:
    """ISO 7064 MOD 11-2 check digit, as ORCID specifies."""
    digits = orcid.replace("-", "")
    if not re.fullmatch(r"\d{15}[\dX]", digits):
        return False
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    result = (12 - total % 11) % 11
    check = "X" if result == 10 else str(result)
    return digits[-1] == check


def _check_orcid(value: str) -> str:
    v = re.sub(r"^https?://orcid\.org/", "", value.strip(), flags=re.I)
    if not re.fullmatch(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]", v):
        raise ValueError(f"not an ORCID iD: {value!r}")
    if not orcid_checksum_ok(v):
        raise ValueError(f"ORCID iD check digit is wrong: {value!r}")
    return v


def issn_checksum_ok(issn: str) -> bool:
    """ISSN check digit (weights 8..2, mod 11, X for 10)."""
    d = issn.replace("-", "").upper()
    if not re.fullmatch(r"\d{7}[\dX]", d):
        return False
    total = sum(int(c) * w for c, w in zip(d[:7], range(8, 1, -1)))
    check = (11 - total % 11) % 11
    return d[7] == ("X" if check == 10 else str(check))


def _check_issn(value: str) -> str:
    v = value.strip().upper()
    if re.fullmatch(r"\d{7}[\dX]", v):
        v = v[:4] + "-" + v[4:]
    if not re.fullmatch(r"\d{4}-\d{3}[\dX]", v):
        raise ValueError(f"not an ISSN: {value!r}")
    if not issn_checksum_ok(v):
        raise ValueError(f"ISSN check digit is wrong: {value!r}")
    return v


def _check_year(value: str) -> str:
    v = value.strip()
    if not re.fullmatch(r"\d{4}", v):
        raise ValueError(f"not a year: {value!r}")
    if not 1600 <= int(v) <= _dt.date.today().year + 2:
        raise ValueError(f"implausible year: {value!r}")
    return v


def _check_email(value: str) -> str:
    v = value.strip().rstrip(".")
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", v):
        raise ValueError(f"not an e-mail address: {value!r}")
    return v


def _check_url(value: str) -> str:
    v = value.strip()
    if not re.match(r"^(?:https?|ftp)://\S+$", v):
        raise ValueError(f"not a URL: {value!r}")
    return v


def _check_language(value: str) -> str:
    v = value.strip()
    # xml:lang wants a BCP 47 tag; the readers only ever make ISO 639 codes with an optional region
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z]{2}|-\d{3})?", v):
        raise ValueError(f"not a language code: {value!r}")
    return v


DOI = Annotated[str, AfterValidator(_check_doi)]
Language = Annotated[str, AfterValidator(_check_language)]
ORCID = Annotated[str, AfterValidator(_check_orcid)]
ISSN = Annotated[str, AfterValidator(_check_issn)]
Year = Annotated[str, AfterValidator(_check_year)]
Email = Annotated[str, AfterValidator(_check_email)]
URL = Annotated[str, AfterValidator(_check_url)]


class _Model(BaseModel):
    model_config = ConfigDict(validate_assignment=True, extra="forbid")


class Span(_Model):
    """Half-open character span ``[start, end)`` of the decoded input text."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end before start")
        return self


class _Sourced(_Model):
    provenance: dict[str, Span] = Field(default_factory=dict)


# --------------------------------------------------------------------------
# dates, pages
# --------------------------------------------------------------------------


class Date(_Model):
    """A publication or history date; month/day only where the text gives them."""

    year: Year
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    date_type: str = "pub"  # pub, epub, ppub, received, rev-recd, accepted, ...
    # the date as printed ("March 3, 2014", "26 de fevereiro de 2013", "03/04/2014"), without its label;
    # written as <string-date> beside the parts, which cannot say how the text wrote it (or which of an
    # ambiguous day and month it meant)
    printed: str | None = None

    @model_validator(mode="after")
    def _exists(self) -> Date:
        if self.month and self.day:
            try:
                _dt.date(int(self.year), self.month, self.day)
            except ValueError as exc:
                raise ValueError(f"no such date: {self.year}-{self.month}-{self.day}") from exc
        return self


def _page_le(fpage: str | None, lpage: str | None) -> None:
    """fpage <= lpage where both are numbers (roman or prefixed pages pass)."""
    if fpage and lpage and fpage.isdigit() and lpage.isdigit():
        if int(fpage) > int(lpage):
            raise ValueError(f"page range runs backwards: {fpage}-{lpage}")


# --------------------------------------------------------------------------
# front matter
# --------------------------------------------------------------------------


class Affiliation(_Sourced):
    id: str
    label: str | None = None
    text: str  # as printed, without its label
    institution: str | None = None
    address: str | None = None
    city: str | None = None
    postal_code: str | None = None
    country: str | None = None  # only where the text names it


class Contributor(_Sourced):
    contrib_type: str = "author"
    surname: str | None = None
    given_names: str | None = None
    suffix: str | None = None
    collab: str | None = None  # group/consortium author
    orcid: ORCID | None = None
    email: Email | None = None
    corresponding: bool = False
    aff_ids: list[str] = Field(default_factory=list)
    markers: list[str] = Field(default_factory=list)  # footnote symbols as printed
    role: str | None = None  # the role as printed ("Academic Editor"), written as <role>
    # affiliations printed with this contributor alone (an editor's 'Jane Smith, University of X'), written
    # inside its <contrib>, apart from the authors' affiliations
    own_affiliations: list[Affiliation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_name(self) -> Contributor:
        if not (self.surname or self.collab):
            raise ValueError("a contributor needs a surname or a collaboration name")
        return self


class AuthorNote(_Sourced):
    """Correspondence note: who, how to reach them."""

    kind: Literal["corresp", "fn"] = "corresp"
    text: str = ""
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: Email | None = None


class Journal(_Sourced):
    title: str | None = None
    abbrev_title: str | None = None
    issn_print: ISSN | None = None
    issn_electronic: ISSN | None = None
    issn: ISSN | None = None  # medium unknown
    publisher: str | None = None
    publisher_loc: str | None = None
    journal_id: str | None = None  # from a profile: a journal never prints its own journal-id
    journal_id_type: Literal["publisher-id", "nlm-ta", "iso-abbrev", "pmc", "doi"] = "publisher-id"

    @property
    def any_issn(self) -> str | None:
        return self.issn_electronic or self.issn_print or self.issn


class RelatedArticle(_Sourced):
    """The article a notice is about: the one a correction corrects, a retraction retracts, an expression of
    concern or an addendum concerns.

    Only what the text prints: the DOI it names, or its citation as printed with the volume, issue and page
    read from it. ``related_type`` is the JATS ``@related-article-type`` (corrected-article,
    retracted-article, object-of-concern, addended-article).
    """

    related_type: str
    doi: DOI | None = None
    citation: str | None = None
    volume: str | None = None
    issue: str | None = None
    page: str | None = None  # first page, or the article number (e-locator)

    @model_validator(mode="after")
    def _identified(self) -> RelatedArticle:
        if not (self.doi or self.citation):
            raise ValueError("a related article needs a DOI or a printed citation")
        return self


class License(_Sourced):
    text: str
    url: URL | None = None
    copyright_statement: str | None = None
    copyright_year: Year | None = None
    copyright_holder: str | None = None


# --------------------------------------------------------------------------
# body
# --------------------------------------------------------------------------


class Citation(_Model):
    """An in-text citation: the characters ``[start, end)`` of its paragraph
    that point at one or more references (by ``Reference.id``)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    rids: list[str]
    text: str
    # what the marker points at: a reference (bibr) or a footnote (fn, ``Footnote.id``)
    ref_type: Literal["bibr", "fn"] = "bibr"


class Footnote(_Sourced):
    """A footnote as printed: its marker (``label``: "a", "1", "*") and its text, without the marker.

    Body footnotes are written to ``<back><fn-group>``, a table's to its
    ``<table-wrap-foot>``; in-text markers that point at one are ``Citation``
    spans with ``ref_type="fn"``. An unlabelled note under a table is a
    Footnote without a label.
    """

    id: str
    label: str | None = None
    text: str
    citations: list[Citation] = Field(default_factory=list)  # in-text citations in the note


class Paragraph(_Sourced):
    text: str
    citations: list[Citation] = Field(default_factory=list)
    # the characters [start, end) of a subscript a text browser printed in brackets glued to its base ('O[2]',
    # 'k[s]'), brackets included: the writer puts out what the brackets hold as <sub>
    subscripts: list[tuple[int, int]] = Field(default_factory=list)


class Figure(_Sourced):
    """A figure or table as the text shows it: its label and caption (the image or cells are not in the text).

    ``position`` is the number of the section's paragraphs printed before
    it, so the writer can put it back where it stood.
    """

    kind: Literal["fig", "table"] = "fig"
    id: str
    label: str | None = None
    caption: str = ""
    position: int = Field(default=0, ge=0)
    # a table's legend paragraphs printed between its caption line and its cells
    legend: list[str] = Field(default_factory=list)
    # the numeric citations in the caption and in each legend paragraph, in that order ('extended from
    # [41]'); empty when none of them cites
    caption_citations: list[list[Citation]] = Field(default_factory=list)
    # A table's content as the text holds it. ``rows`` (cell strings, the first ``header_rows`` of
    # them column heads) only where the text keeps the grid unambiguously (columns aligned by runs
    # of spaces); otherwise ``lines``: the printed lines verbatim, since a guessed grid would put
    # cells where the table has none.
    rows: list[list[str]] = Field(default_factory=list)
    header_rows: int = Field(default=0, ge=0)
    lines: list[str] = Field(default_factory=list)
    foot: list[Footnote] = Field(default_factory=list)  # notes printed under a table


class Section(_Sourced):
    title: str | None = None
    label: str | None = None
    sec_type: str | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)  # figures and tables, placed by position


class Abstract(_Sourced):
    """An abstract: plain paragraphs, or titled sections (structured).

    The main abstract has neither ``abstract_type`` nor ``lang``. A further abstract for another readership
    (an author summary, an editors' summary) carries its JATS4R ``abstract_type``; one printed in another
    language than the article's carries ``lang`` and is written as ``<trans-abstract xml:lang>``.
    """

    title: str | None = None
    paragraphs: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    abstract_type: str | None = None  # None = the main abstract
    lang: Language | None = None  # ISO 639-1, only for an abstract in another language than the article's

    def plain_text(self) -> str:
        parts = [p.text for p in self.paragraphs]
        for s in self.sections:
            if s.title:
                parts.append(s.title)
            parts.extend(p.text for p in s.paragraphs)
        return " ".join(parts)


class TransTitle(_Sourced):
    """The article's title as printed in another language (SciELO prints one over each translated abstract)."""

    lang: Language
    title: str


class KeywordGroup(_Sourced):
    """A keyword group in another language than the article's ('Palavras-chave', 'Descriptores')."""

    lang: Language
    title: str | None = None
    keywords: list[str] = Field(default_factory=list)


# --------------------------------------------------------------------------
# references
# --------------------------------------------------------------------------

RefLabel = Literal[
    "author",
    "editor",
    "etal",
    "title",
    "chapter-title",
    "source",
    "year",
    "volume",
    "issue",
    "fpage",
    "lpage",
    "elocation-id",
    "doi",
    "pmid",
    "pmcid",
    "arxiv",
    "publisher-name",
    "publisher-loc",
    "edition",
    "uri",
    "comment",
    "conf-name",
    "collab",
    # parts of one person inside an author/editor span (nested spans)
    "name",
    "surname",
    "given-names",
    "suffix",
]


class RefField(_Model):
    """A tagged span of ``Reference.raw``: what a parser found, and where.

    Spans let the JATS writer tag fields inside ``<mixed-citation>`` without
    changing one character of the string the author wrote.
    """

    label: RefLabel
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class RefName(_Model):
    surname: str | None = None
    given_names: str | None = None
    suffix: str | None = None
    collab: str | None = None
    role: Literal["author", "editor"] = "author"


class Reference(_Sourced):
    """One reference: the string as printed (after repair) plus its fields."""

    id: str
    label: str | None = None  # list number as printed ("1", "[1]")
    raw: str  # verbatim, never rewritten after repair
    publication_type: str | None = None  # journal, book, chapter, confproc, ...
    authors: list[RefName] = Field(default_factory=list)
    editors: list[RefName] = Field(default_factory=list)
    etal: bool = False
    title: str | None = None
    chapter_title: str | None = None
    source: str | None = None
    year: str | None = None  # may carry a suffix: 2016a
    volume: str | None = None
    issue: str | None = None
    fpage: str | None = None
    lpage: str | None = None  # expanded (1081-7 -> 1087)
    elocation_id: str | None = None
    doi: DOI | None = None
    pmid: str | None = Field(default=None, pattern=r"^\d{1,9}$")
    pmcid: str | None = Field(default=None, pattern=r"^PMC\d+$")
    arxiv: str | None = None
    publisher_name: str | None = None
    publisher_loc: str | None = None
    edition: str | None = None
    uri: str | None = None
    fields: list[RefField] = Field(default_factory=list)
    # A restyled rendering (journalkit.csl.restyle_references) kept beside ``raw``,
    # never instead of it: serialized <mixed-citation>, and the CSL style it is in.
    styled_jats: str | None = None
    styled_style: str | None = None

    @model_validator(mode="after")
    def _pages(self) -> Reference:
        _page_le(self.fpage, self.lpage)
        for f in self.fields:
            if f.end > len(self.raw) or f.end < f.start:
                raise ValueError(f"field span {f.label} {f.start}-{f.end} outside the reference")
        return self


# --------------------------------------------------------------------------
# the article
# --------------------------------------------------------------------------


class Article(_Sourced):
    article_type: str = "research-article"
    article_type_evidence: str | None = None
    # The article-type heading as printed over the title ("Review Article");
    # written as <subj-group subj-group-type="heading">, never made up.
    subject_heading: str | None = None
    language: str = "en"
    journal: Journal = Field(default_factory=Journal)
    title: str | None = None
    subtitle: str | None = None
    contributors: list[Contributor] = Field(default_factory=list)
    # the article's editors ('Academic Editor: ...', 'Edited by:'), contrib_type "editor", and the reviewers a
    # page names ('Reviewed by:'), contrib_type "reviewer": kept apart from the authors, and written in a
    # contrib-group of their own
    editors: list[Contributor] = Field(default_factory=list)
    affiliations: list[Affiliation] = Field(default_factory=list)
    author_notes: list[AuthorNote] = Field(default_factory=list)
    doi: DOI | None = None
    pub_date: Date | None = None
    history: list[Date] = Field(default_factory=list)
    volume: str | None = None
    issue: str | None = None
    fpage: str | None = None
    lpage: str | None = None
    elocation_id: str | None = None
    self_uri: URL | None = None
    # for a notice (correction, retraction, ...): the article it is about, as the text names it
    related_articles: list[RelatedArticle] = Field(default_factory=list)
    license: License | None = None
    keywords: list[str] = Field(default_factory=list)
    # the subject areas a journal web page lists ('Subjects: Cell Biology · Science Policy'), as printed;
    # written as <subj-group subj-group-type="discipline">
    subjects: list[str] = Field(default_factory=list)
    # the keyword group's label as printed ('Key words', 'Palavras-chave'), written as <kwd-group><title>
    keywords_title: str | None = None
    abstract: Abstract | None = None
    # the other abstracts: summaries for other readers (author summary, editors' summary) in the article's
    # language, then the abstracts, titles and keyword groups printed in other languages
    other_abstracts: list[Abstract] = Field(default_factory=list)
    trans_abstracts: list[Abstract] = Field(default_factory=list)
    trans_titles: list[TransTitle] = Field(default_factory=list)
    trans_keywords: list[KeywordGroup] = Field(default_factory=list)
    # the printed funding statement ('Funding: This work was supported by ...'), written as
    # <funding-group><funding-statement>; awards and funders are not split out of it
    funding_statement: str | None = None
    body: list[Section] = Field(default_factory=list)  # untitled first section = body paragraphs
    references: list[Reference] = Field(default_factory=list)
    # the reference list's heading as printed ("Literature Cited", "Referências"); none when the
    # text prints none, so the writer does not make one up
    references_title: str | None = None
    notes: list[Section] = Field(default_factory=list)  # funding, competing interests, ...
    ack: Section | None = None
    appendices: list[Section] = Field(default_factory=list)
    # footnotes printed in the body (page foot, or a notes block after the text): <back><fn-group>
    footnotes: list[Footnote] = Field(default_factory=list)

    @model_validator(mode="after")
    def _pages(self) -> Article:
        _page_le(self.fpage, self.lpage)
        return self

    def reference_by_label(self, label: str) -> Reference | None:
        for r in self.references:
            if r.label == label:
                return r
        return None
