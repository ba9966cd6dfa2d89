"""Journal profiles: facts about a journal that an article's text rarely holds.

Why profiles: a copied article page often prints only the abbreviation
("J Cancer") and never the ISSN or publisher, yet the Publishing tag set
and good metadata need them. Those facts belong to the journal, so they
live here, not in the readers. The core (``pipeline.apply_profile``) only
fills empty fields and reports every fact a profile adds; where the text
says something else, the text is kept and the conflict reported.

A profile is chosen by ``--journal NAME`` (``doc.journal``: the profile's
``name``, title or abbreviation, case-insensitive), else by the article's
DOI prefix, else by the journal title or abbreviation the text gives
(:meth:`journalkit.document.JournalProfile.matches`).

Writing one for another journal takes a few lines in your own plugin
module (registered under the ``journalkit`` entry-point group)::

    from journalkit import hookimpl
    from journalkit.document import JournalProfile

    MINE = JournalProfile(name="my-journal", title="Journal of Examples", abbrev_title="J Ex",
                          issn_electronic="1234-5679", publisher="Example Press",
                          doi_prefixes=("10.5555/jex.",))

    @hookimpl
    def journalkit_journal_profile(doc, article):
        titles = [article.journal.title, article.journal.abbrev_title]
        if doc.journal in (MINE.name, MINE.title) or MINE.matches(article.doi, titles):
            return MINE
        return None

Only facts that are certain go into a profile: an ISSN is checked by the
model's check digit, and none is given where it is not known for sure.
"""

from __future__ import annotations

from journalkit import Document, hookimpl
from journalkit.document import JournalProfile
from journalkit.model import Article

PROFILES: tuple[JournalProfile, ...] = (
    JournalProfile(
        name="jcancer",
        title="Journal of Cancer",
        abbrev_title="J Cancer",
        issn_electronic="1837-9664",
        publisher="Ivyspring International Publisher",
        journal_id="J Cancer",  # the NLM title abbreviation
        journal_id_type="nlm-ta",
        reference_style="vancouver",  # numbered, "Zhang X, Pei Z, ... J Cancer. 2016;7:1081-7."
        doi_prefixes=("10.7150/jca.",),
        match_titles=("Journal of Cancer", "J Cancer", "J. Cancer"),
        noise_lines=(r"file import instruction",),
    ),
    # No ISSN: the seed text does not print one and none is invented.
    JournalProfile(
        name="immunoregulation",
        title="Immunoregulation",
        doi_prefixes=("10.32598/immunoregulation.",),
        reference_style="vancouver",  # as its printed reference lists show
        match_titles=("Immunoregulation",),
    ),
)


def find_profile(name: str) -> JournalProfile | None:
    """The profile called ``name`` (its name, title or abbreviation; case-insensitive)."""
    key = name.casefold().strip()
    for p in PROFILES:
        if key in {x.casefold() for x in (p.name, p.title or "", p.abbrev_title or "") if x}:
            return p
    return None


@hookimpl
def journalkit_journal_profile(doc: Document, article: Article) -> JournalProfile | None:
    if doc.journal:
        return find_profile(doc.journal)
    titles = [t for t in (article.journal.title, article.journal.abbrev_title) if t]
    for p in PROFILES:
        if p.matches(article.doi, titles):
            return p
    return None


@hookimpl
def journalkit_noise_lines(doc: Document) -> list[str]:
    """Lines a profiled journal's pages repeat, when the profile was asked for by name."""
    p = find_profile(doc.journal) if doc.journal else None
    return list(p.noise_lines) if p else []
