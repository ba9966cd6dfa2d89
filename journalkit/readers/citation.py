"""The article's own bibliographic facts: journal, volume, issue, pages, year.

Why separate from the byline code: these facts are printed in many places
at once (running head or footer, the citation / how-to-cite line, a web
page's "Issue" box, breadcrumb and "Cite this article" block), each in its
own shape. Each shape here is a labelled, anchored pattern; the first that
gives a value wins, and the article's own citation line fills what the
page furniture does not say. Reference-list lines are never passed in, so
another article's citation cannot be taken for this one's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["HEAD_SHAPES", "IssueFacts", "last_sentence", "match_issue_line", "parse_citation"]

_ISSN = r"(?P<issn>\d{4}-?\d{3}[\dXx])"
_VOLISS = r"(?P<volume>\d{1,5})\s*\((?P<issue>[^)\n]{1,20})\)"
_PAGES = r"(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)"
_YEAR = r"(?:1[6-9]|20)\d\d"

#: (name, pattern); anchored shapes of page furniture that name the journal and/or the issue
_LINE_SHAPES: list[tuple[str, re.Pattern[str]]] = [
    ("issn-bar", re.compile(r"^(?P<journal>[^|·]{3,120}?)\s*\|\s*ISSN:?\s*" + _ISSN + r"\s*$")),
    ("issn-dot", re.compile(r"^(?P<journal>[^|·]{3,120}?)\s*·\s*ISSN:?\s*" + _ISSN
                            + r"(?:\s*·\s*(?P<publisher>.+?))?\s*$")),
    ("breadcrumb", re.compile(r"^Home\s*>\s*(?P<journal>[^>]{3,120}?)\s*>\s*Articles\b")),
    ("ojs-issue", re.compile(r"^Vol\.\s*(?P<volume>\w{1,6})\s*No\.\s*(?P<issue>[\w\-–]{1,12})\s*\((?P<year>\d{4})\)"
                             r"\s*:\s*(?P<journal>.{3,120}?)\s*$")),
    ("courtesy", re.compile(r"^Articles from (?P<journal>.{3,120}?) are provided here courtesy of "
                            r"(?P<publisher>.+?)\.?$")),
    ("springer", re.compile(r"^(?P<journal>[^,|]{3,120}?) volume (?P<volume>\w{1,6}),"
                            r"(?: issue (?P<issue>[\w\-–]{1,12}),)? "
                            r"(?:Article number:?\s*(?P<eloc>\S+)|pages?\s+" + _PAGES + r")\s*\((?P<year>\d{4})\)")),
    ("footer", re.compile(r"^(?P<journal>[^,|]{3,120}?),\s*(?P<year>\d{4}),\s*Vol\.\s*" + _VOLISS + r"\s*$")),
    ("bar-head", re.compile(r"^(?P<journal>[^|]{3,120}?)\s*\|\s*(?:https?://\S+|doi:\s*\S+)\s*(?P<date>[^|]*?)\s*\|\s*"
                            r"Volume\s*(?P<volume>\w{1,6})\s*\|\s*Issue\s*(?P<issue>[\w\-–]{1,12})\s*\|\s*"
                            r"(?P<pages>\S+(?:\s*[-–]\s*\S+)?)\s*$")),
    ("pages", re.compile(r"^Pages?\s+(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\s*$")),
    # Elsevier's head: 'Cancer Letters 475 (2020) 45–56', 'Science of the Total Environment 700 (2020) 134567'
    ("volume-year-pages", re.compile(r"^(?P<journal>[A-Z][^\d|()]{2,120}?)\s+(?P<volume>\d{1,5})\s+\((?P<year>"
                                     + _YEAR + r")\)\s+" + _PAGES + r"\s*$")),
    # Springer's and BMC's head: 'Journal of Molecular Medicine (2020) 98:1121–1134', 'Li et al. BMC Cancer
    # (2020) 20:418' (the authors before the journal: 'et al.' or two surnames joined by 'and')
    ("year-volume-pages", re.compile(r"^(?:\S.{0,60}?\bet al\.?\s+|[A-Z][\w'’-]+ (?:and|&) [A-Z][\w'’-]+\s+)?"
                                     r"(?P<journal>[A-Z][^\d|()]{2,120}?)\s+\((?P<year>" + _YEAR + r")\)\s+"
                                     r"(?P<volume>\d{1,5})\s*:\s*" + _PAGES + r"\s*$")),
    # MDPI's foot and head: 'Cells 2020, 9, 1267; doi:10.3390/cells9051267', 'Cells 2021, 10, 234. https://...'
    ("year-volume-number", re.compile(r"^(?P<journal>[A-Z][^\d|()]{2,80}?)\s+(?P<year>" + _YEAR + r"),\s*"
                                      r"(?P<volume>\d{1,5}),\s*(?P<eloc>\d{1,7})(?:[;.]\s*(?:doi:\s*|https?://)\S+"
                                      r"|\s+\d{1,3} of \d{1,3})?\s*$")),
    # Frontiers' foot: 'Frontiers in Immunology | www.frontiersin.org 1 May 2020 | Volume 11 | Article 891'
    ("volume-article", re.compile(r"^(?P<journal>[^|]{3,120}?)\s*\|\s*(?:www\.|https?://)\S+\s*(?P<date>[^|]*?)\s*\|"
                                  r"\s*Volume\s+(?P<volume>\w{1,6})\s*\|\s*Article\s+(?P<eloc>\w{1,12})\s*$")),
    # Hindawi's first page: 'Volume 2020, Article ID 8765432, 12 pages'
    ("article-id", re.compile(r"^Volume\s+(?P<volume>\d{1,5}),\s*Article ID\s+(?P<eloc>\d{1,9})"
                              r"(?:,\s*\d{1,3}\s+pages?)?\s*$")),
    # Oxford Academic's head: 'Nucleic Acids Research, 2020, Vol. 48, No. 12 6543–6556'
    ("vol-no", re.compile(r"^(?P<journal>[^,|]{3,120}?),\s*(?P<year>" + _YEAR + r"),\s*Vol\.\s*(?P<volume>\d{1,5}),"
                          r"\s*No\.\s*(?P<issue>[\w\-–]{1,12})(?:,?\s+" + _PAGES + r")?\s*$")),
    # Taylor & Francis' head: '2021, VOL. 14, 1893210', '2019, VOL. 21, NO. 3, 245–260'
    ("year-vol", re.compile(r"^(?P<year>" + _YEAR + r"),\s*VOL\.\s*(?P<volume>\d{1,5}),\s*(?:NO\.\s*(?P<issue>"
                            r"[\w\-–]{1,12}),\s*)?" + _PAGES + r"\s*$")),
]

#: a line matches a shape above only if it starts with one of these or holds one of the words after them
_SHAPE_OPENINGS = ("Home", "Vol.", "Articles from ", "Page")  # breadcrumb, ojs-issue, courtesy, pages
# issn-bar, issn-dot; springer; footer, vol-no; bar-head, volume-article, article-id
_SHAPE_WORDS = ("ISSN", " volume ", "Vol.", "Volume")
# the shapes with no word of their own are known by the year as they print it: '(2020) ' (volume-year-pages,
# year-volume-pages), ' 2020, 9, ' (year-volume-number), '2021, VOL. ' (year-vol)
_SHAPE_YEARS = r"\(" + _YEAR + r"\)\s|\b" + _YEAR + r",\s*(?:\d{1,5},|VOL\.)"
#: the two tests above as one compiled search: this runs on every line outside the reference list (160k
#: lines over the corpus), where a Python-level ``any(...)`` per line cost more than all the shapes together
_SHAPE_HINT_WORDS = re.compile("^(?:" + "|".join(map(re.escape, _SHAPE_OPENINGS)) + ")|"
                               + "|".join(map(re.escape, _SHAPE_WORDS)))
_SHAPE_HINT = re.compile(_SHAPE_HINT_WORDS.pattern + "|" + _SHAPE_YEARS)

#: a DOI printed where the pages go ('PLoS ONE. 2012;7(6):10.1371/annotation/3155a3e9-...'): some notices have no
#: page or article number, and the journal uses the DOI as the e-locator
_DOI_ELOC = r"10\.\d{4,9}/[^\s;,]+"
# "J Cancer 2016; 7(9):1081-1087", "PLoS Biol. 2006 Mar 14; 4(5): e88.", "Rev. Saúde Pública. 2014;48(2):258-265"
_CITATION = re.compile(
    r"(?P<journal>[A-Z][^\n;()]{0,120}?)[.,]?\s+(?P<year>(?:1[6-9]|20)\d\d)(?:\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{1,2})?)?"
    r"\s*[;,.]\s*(?P<volume>\d{1,5})\s*(?:\((?P<issue>[^)\n]{1,20})\))?\s*[:,]\s*"
    r"(?P<pages>" + _DOI_ELOC + r"|[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)"
)
#: the author-year form's year, in parentheses after the author list ('Brito C, Portela MC (2014) Title. Rev.
#: Saúde Pública 48(2): 284-295'): the journal part then prints no year of its own
_AUTHOR_YEAR = re.compile(r"\((?P<year>(?:1[6-9]|20)\d\d)[a-z]?\)")
# "PLoS ONE 9(2): e88123", "PLoS Biol 2(6): e188", "PLoS ONE 10(1), e0115067 (2015)"
_CITATION_NOYEAR = re.compile(
    r"(?P<journal>[A-Z][^\n;()]{0,80}?)[.,]?\s+(?P<volume>\d{1,5})\s*\((?P<issue>[^)\n]{1,20})\)\s*[:,]\s*"
    r"(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)(?:\s*\((?P<year>\d{4})\))?"
)
# "Front. Immunol. 11:891" (Frontiers), "Global Health Action, 14:1, 1893210" (Taylor & Francis: volume:issue,
# pages): no year of its own (the author-year form's year comes before the title); read only where labelled
_CITATION_COLON = re.compile(
    r"(?P<journal>[A-Z][^\n;()]{0,160}?)[.,]?\s+(?P<volume>\d{1,5})\s*:\s*(?:(?P<issue>\d{1,4}),\s*)?"
    r"(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*\d+)?)\b(?![:/.]\d)"
)
#: the labels printed before the article's own citation ('Citation:', 'How to cite this article:', 'To cite
#: this article:', 'Please cite this article as:', 'Cómo citar este artículo:'); one list for every reader
CITE_LABEL = (r"(?:citation|cita[çc][ãa]o|citaci[óo]n|recommended citation|"
              r"(?:how to |to |please )?cite this (?:article|paper)(?: as)?|how to cite|to cite|cite as|"
              r"c[óo]mo citar(?: este art[ií]culo| este artigo)?|para citar(?: este art[ií]culo| este artigo)?)")
_CITE_LABEL = re.compile(r"^" + CITE_LABEL + r"\s*:?\s*", re.I)


@dataclass
class IssueFacts:
    """What one line or citation says; spans are offsets into the string given."""

    shape: str
    values: dict[str, tuple[str, int, int]]


def match_issue_line(line: str, *, heads: bool = True) -> IssueFacts | None:
    """Match one stripped line of page furniture against the known shapes.

    ``heads=False`` leaves out :data:`HEAD_SHAPES`, which only a first-page line may take: a body line
    ('Surveys were run in 2017, 2018, 2019') can have their shape, and author-year text is full of '(2019) '.
    """
    # Called once per line outside the reference list: most lines hold none of the literals or year forms
    # that every shape needs (listed above), so they are turned away before the regexes.
    # Plain substring tests first ("Vol" covers "Vol." and "Volume"): they are necessary for the hint, and
    # several times cheaper than its regex scan on the many lines that hold none of them.
    if not (line.startswith(_SHAPE_OPENINGS) or "ISSN" in line or "Vol" in line or " volume " in line
            or heads and ("(1" in line or "(2" in line or ", " in line and line[-1:].isdigit() or "VOL." in line)):
        return None
    if (_SHAPE_HINT if heads else _SHAPE_HINT_WORDS).search(line) is None:
        return None
    for name, rx in _LINE_SHAPES if heads else _WORD_SHAPES:
        m = rx.match(line)
        if m:
            vals = {k: (v.strip(), m.start(k), m.end(k)) for k, v in m.groupdict().items() if v and v.strip()}
            if name in _NEEDS_JOURNAL and not _journal_name(vals.get("journal", ("",))[0]):
                continue  # 'Figure 3 (2020) 12': the name is what makes such a line the journal's
            if "journal" in vals and not _plausible_journal(vals["journal"][0]):
                del vals["journal"]
            if name in _NUMBERED and "pages" in vals and vals["pages"][0].isdigit():
                vals["eloc"] = vals.pop("pages")  # 'BMC Cancer (2020) 20:418': one number is the article's
            return IssueFacts(name, vals)
    return None


def _plausible_journal(j: str) -> bool:
    return bool(re.search(r"[A-Za-z]{2}", j)) and not re.search(r"\b(?:doi|https?)\b|@", j, re.I) and len(j) <= 120 \
        and _NOT_JOURNAL.match(j) is None


def _journal_name(j: str) -> bool:
    """Does ``j`` read as a journal's name where nothing but the name makes a line the journal's?

    A name ends in a capitalised word or an abbreviation ('Cancer Letters', 'Journal of Molecular Medicine',
    'Int. J. Mol. Sci.'), runs to a dozen words at most and names no authors; a sentence cut before its
    numbers ('Surveys of the sites were run in 2017, 2018, 2019') does not.
    """
    words = j.split()
    return (_plausible_journal(j) and len(words) <= 12 and "et al" not in j
            and (words[-1][:1].isupper() or words[-1].endswith(".")))


#: what a line opens with when its number is a figure's, a table's or an equation's, not a volume
_NOT_JOURNAL = re.compile(r"(?:fig(?:ure)?s?|tables?|eq(?:uation)?s?|panels?|sections?|steps?|chapters?|"
                          r"supplementary|supporting|appendix|box|scheme|model|group|patients?|cases?)\b\.?", re.I)
#: shapes whose only evidence is a name before numbers: without a plausible name they say nothing
_NEEDS_JOURNAL = frozenset({"volume-year-pages", "year-volume-pages", "year-volume-number"})
#: the shapes of other houses' heads and feet that no label word marks: trusted only in the front matter and on
#: the first page, and only after the article's labelled citation (a body line may take their shape)
HEAD_SHAPES = frozenset({"volume-year-pages", "year-volume-pages", "year-volume-number", "volume-article",
                         "article-id", "vol-no", "year-vol"})
#: the shapes that a line anywhere may take
_WORD_SHAPES = [(name, rx) for name, rx in _LINE_SHAPES if name not in HEAD_SHAPES]
#: shapes where the number after the volume is an article number unless it is a page range
_NUMBERED = frozenset({"year-volume-pages", "year-vol"})


def parse_citation(text: str) -> IssueFacts | None:
    """The article's citation line -> journal, year, volume, issue, pages.

    The journal is the last sentence before the year ('... Cancer. J Cancer
    2016'); a leading 'Citation:' / 'How to cite' / 'Como citar' label is dropped.
    """
    m = _CITATION.search(text)
    shape = "citation"
    if m is None:
        m = _CITATION_NOYEAR.search(text)
        shape = "citation-noyear"
    if m is None:
        m = _CITATION_COLON.search(text)
        shape = "citation-colon"
    if m is None:
        return None
    vals = {k: (v.strip(), m.start(k), m.end(k)) for k, v in m.groupdict().items() if v and v.strip()}
    if shape == "citation-colon":
        if "issue" in vals:  # 'Title, Global Health Action, 14:1': the journal is the last part before the volume
            j, js, je = vals["journal"]
            cut = j.rfind(", ") + 2 if ", " in j else 0
            vals["journal"] = (j[cut:], js + cut, je)
        if vals["pages"][0].isdigit():
            vals["eloc"] = vals.pop("pages")  # 'Front. Immunol. 11:891': one number is the article's
    if "pages" in vals and vals["pages"][0].startswith("10."):
        doi = vals["pages"][0].rstrip(".")  # a DOI at the sentence end keeps its own characters, not the full stop
        vals["pages"] = (doi, vals["pages"][1], vals["pages"][1] + len(doi))
    if "year" not in vals:
        ay = _AUTHOR_YEAR.search(text, 0, m.start("journal"))
        if ay:
            vals["year"] = (ay.group("year"), ay.start("year"), ay.end("year"))
    j, js, _je = vals["journal"]
    last = last_sentence(j)
    last = _CITE_LABEL.sub("", last).strip(" .,")
    # a citation printed with its journal left empty ('... of 9,153 Patients. . 2012; 9(8):e1001300') names none:
    # the title's last sentence before it is not the journal
    empty = shape == "citation" and _EMPTY_SENTENCE.search(text, 0, m.start("year")) is not None
    if last and len(last) <= 80 and re.search(r"[A-Za-z]{2}", last) and not empty:
        off = js + j.rfind(last)
        vals["journal"] = (last, off, off + len(last))
    else:
        del vals["journal"]
    return IssueFacts(shape, vals)


#: a sentence left empty just before the year: 'Title. . 2012;'
_EMPTY_SENTENCE = re.compile(r"\.\s+[.,]\s*$")
#: words journals abbreviate with a full stop; a '. ' after one does not end a sentence ('Rev. Saúde Pública')
ABBREV_WORDS = frozenset({
    "j", "biol", "med", "int", "res", "rev", "sci", "proc", "natl", "acad", "clin", "am", "br", "bras", "braz",
    "eur", "chem", "phys", "mol", "cell", "immunol", "comput", "genet", "trop", "dis", "negl", "soc", "ann",
    "arch", "pathog", "pharmacol", "nucl", "gen", "physiol", "neurosci", "enferm", "lat", "latino-am", "enf",
    "esc", "cad", "saude", "epidemiol", "nutr", "psychol", "psiquiatr", "odontol", "ciênc", "cienc", "front",
    "an",  # Anais ("An. Acad. Bras. Ciênc.")
})


def last_sentence(text: str) -> str:
    """The last sentence of ``text`` (the journal after the title), not breaking after abbreviations."""
    cut = 0
    for m in re.finditer(r"\.\s+(?=[A-Z])|:\s+|\)\s+|\.\s+(?=\S)", text):
        if m.group(0).startswith("."):
            word = re.search(r"([\w\-]+)$", text[:m.start()])
            if word and word.group(1).casefold() in ABBREV_WORDS:
                continue
        cut = m.end()
    return text[cut:].strip(" .,")


def split_pages(pages: str) -> tuple[str | None, str | None, str | None]:
    """'1081-1087' -> ('1081', '1087', None); '1081-7' -> ('1081', '1087', None); 'e88123' -> (None, None, 'e88123');
    a DOI printed as the article number -> (None, None, doi)."""
    p = re.sub(r"\s", "", pages).replace("–", "-")
    if re.fullmatch(r"[A-Za-z]\d+", p) or (p.isdigit() and len(p) >= 5) or re.fullmatch(_DOI_ELOC, p):
        return None, None, p
    fp, _, lp = p.partition("-")
    if lp and fp.isdigit() and lp.isdigit() and len(lp) < len(fp):
        lp = fp[: len(fp) - len(lp)] + lp
    return fp or None, lp or None, None
