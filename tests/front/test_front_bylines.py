"""Front matter round 3: long wrapped bylines, page breaks, bulleted web bylines, unlabelled and
alternating affiliation blocks (synthetic texts shaped like the corpus failures, no real article)."""

from __future__ import annotations

from journalkit import convert
from journalkit.readers.authors import looks_like_person, split_person
from journalkit.readers.front import _byline_so_far, _wrapped

_GIVEN = ["Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Greta", "Hugo", "Irene", "Jonas"]
_SUR = ["Rossi", "Bianchi", "Ferrari", "Greco", "Conti", "Marino", "Costa", "Fontana", "Moretti", "Lombardi"]


def _names(n: int) -> list[str]:
    return [f"{_GIVEN[k % 10]} {chr(65 + k // 10 % 26)}. {_SUR[(k * 7 + k // 10) % 10]}{k % 9 + 1}" for k in range(n)]


def _wrap(text: str, width: int = 100) -> list[str]:
    """Break like pdftotext: at spaces, inside names too."""
    out, cur = [], ""
    for w in text.split(" "):
        if cur and len(cur) + 1 + len(w) > width:
            out.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}" if cur else w
    return out + [cur]


def _article(front: str) -> str:
    return (f"Research Article\n\n{front}\n\nAbstract\nWe study things. The results are clear.\n\n"
            "Introduction\nSome body text goes here for the test article.\n")


def test_suffix_names() -> None:
    assert looks_like_person("Manuel Ares Jr.")
    assert split_person("Manuel Ares Jr.") == ("Manuel", "Ares", "Jr.")


def test_byline_cut_inside_a_name() -> None:
    assert _byline_so_far("Jordi Serra-Musach1,5, Gad")
    assert not _byline_so_far("Jordi Serra-Musach1,5, Department of Biology,")


def test_long_byline_over_a_page_break() -> None:
    names = _names(160)
    lines = _wrap(", ".join(names) + ",*")
    cut = max(k for k in range(1, len(lines) - 1) if lines[k - 1].endswith(","))  # the list goes on after a comma
    lines[cut:cut] = ["PLoS ONE | https://doi.org/10.1371/journal.pone.0000001 | Volume 6 | e1", "", ""]
    front = "Title of a Consortium Paper on Many Things\n" + "\n".join(lines)
    front += "\n1 Department of Biology, University of Padua, Padua, Italy"
    art = convert(_article(front)).article
    assert len(art.contributors) == 160
    assert art.contributors[-1].surname == _names(160)[-1].split()[-1].rstrip("0123456789")


def test_bulleted_web_byline() -> None:
    front = ("A Title of a Web Article About Genomes\n\n"
             "  * Estienne C. Swart\n    Department of Ecology, Princeton University, Princeton, USA\n"
             "  * John R. Bracht\n    Department of Ecology, Princeton University, Princeton, USA\n")
    art = convert(_article(front)).article
    assert [c.surname for c in art.contributors] == ["Swart", "Bracht"]
    assert len(art.affiliations) == 1


def test_wrapped_unlabelled_affiliations() -> None:
    assert _wrapped("McMaster Health Forum, Centre for Health Economics, Department of Clinical Epidemiology and", 100)
    assert not _wrapped("Norwegian Knowledge Centre for the Health Services, Oslo, Norway", 70)


def test_surname_first_bylines_with_initials_and_markers() -> None:
    """Vancouver-style bylines ('Smith AB*†'): initials that are also words ('EM'), a particle at the head
    of a surname ('El Anbari M'), four initials ('Gomes RRFM') and a letter outside ASCII ('Fluge Ø')."""
    front = ("Ultrasound imaging of tissue motion in the liver\n"
             "Billings SD1,*, Boctor EM2, El Anbari M1,2, Gomes RRFM2, Fluge Ø1\n"
             "1 Department of Computer Science, Johns Hopkins University, Baltimore, Maryland, USA\n"
             "2 Department of Radiology, University of Bergen, Bergen, Norway\n")
    art = convert(_article(front)).article
    assert [(c.surname, c.given_names) for c in art.contributors] == [
        ("Billings", "SD"), ("Boctor", "EM"), ("El Anbari", "M"), ("Gomes", "RRFM"), ("Fluge", "Ø")]
    assert [c.aff_ids for c in art.contributors][:3] == [["aff1"], ["aff2"], ["aff1", "aff2"]]


def test_a_surname_in_capitals_is_not_taken_for_initials() -> None:
    assert split_person("Li YANG") == ("Li", "YANG", None)
    assert split_person("Wei CHEN") == ("Wei", "CHEN", None)
    assert split_person("Leon ACMP") == ("ACMP", "Leon", None)
    # a surname in capitals that reads as a word stays the surname, whatever its vowels
    for name in ("Maria LIMA", "João DIAS", "Pierre ROUX", "John BELL", "Anne HALL", "Xu ZHAO"):
        given, surname = name.split()
        assert split_person(name) == (given, surname, None), name
