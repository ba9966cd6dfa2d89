"""Body structure on small synthetic texts: footnotes, tables, paragraphs and headings of hard-wrapped columns.

The texts imitate how the two layouts print an article (pdftotext of a
journal page: hard-wrapped lines, cells one to a line, form feeds between
pages; a text-browser dump: a paragraph a line, table columns aligned with
spaces) without copying any one article.
"""

from __future__ import annotations

from lxml import etree

import journalkit
from journalkit.document import Document, Line
from journalkit.readers.body import body_blocks, table_grid

_FRONT = ("A Study of Small Things in Large Places\n\n"
          "Abstract\nWe looked at small things. They were found in large places, which is what we expected.\n\n")


def _lines(text: str) -> list[Line]:
    return Document(text).lines()


def _convert(body: str, refs: str = "") -> etree._Element:
    text = _FRONT + body + ("\nReferences\n" + refs if refs else "")
    return journalkit.convert(text).tree


def _body_text(root: etree._Element) -> str:
    body = root.find("body")
    return " ".join(" ".join(body.itertext()).split()) if body is not None else ""


# ------------------------------------------------------------------ footnotes

_NOTES = ("Introduction\n"
          "The survey followed national guidance for such studies. b The\n"
          "sample was drawn from the registry of the region and every\n"
          "household was visited twice by trained staff members.\n"
          "Discussion\n"
          "The results agree with earlier reports on the same region and\n"
          "extend them to the rural districts. a Larger samples will be\n"
          "needed to compare the districts with one another in detail.\n"
          "a Ministry of Health. National survey of households. Brasília;\n"
          "2010.\n"
          "b World Health Organization. Guidelines for household surveys.\n"
          "Geneva: WHO; 2008. Available from:\n"
          "http://www.who.int/surveys\n"
          "This study was funded by the National Research Council.\n")


def test_lettered_notes_after_the_text_go_to_the_back_and_markers_link() -> None:
    root = _convert(_NOTES)
    fns = root.findall("back/fn-group/fn")
    assert [fn.findtext("label") for fn in fns] == ["a", "b"]
    assert fns[1].findtext("p") == ("World Health Organization. Guidelines for household surveys. Geneva: WHO; 2008. "
                                    "Available from: http://www.who.int/surveys")
    xrefs = {x.text: x.get("rid") for x in root.iter("xref") if x.get("ref-type") == "fn"}
    assert xrefs == {"a": fns[0].get("id"), "b": fns[1].get("id")}
    body = _body_text(root)
    assert "Ministry of Health" not in body and "Guidelines for household" not in body
    # the funding line after the notes is no note: it stays where it stood
    assert "funded by the National Research Council" in body


def test_note_at_the_foot_of_a_page_leaves_the_interrupted_paragraph_whole() -> None:
    wide = "word " * 9
    body = ("Introduction\n"
            f"The first paragraph starts here and it is long enough {wide}\n"
            f"to fill a few lines of the printed page; the method* was {wide}\n"
            f"applied to every sample we collected over the years and\n"
            "* The method is described in the supplementary text.\n"
            "\f"
            f"then to the new ones, which the second page reports {wide}\n"
            "in full.\n")
    root = _convert(body)
    fns = root.findall("back/fn-group/fn")
    assert [fn.findtext("label") for fn in fns] == ["*"]
    paras = [" ".join("".join(p.itertext()).split()) for p in root.find("body").iter("p")]
    assert any("collected over the years and then to the new ones" in p for p in paras)
    xref = next(x for x in root.iter("xref") if x.get("ref-type") == "fn")
    assert xref.text == "*" and xref.get("rid") == fns[0].get("id")


def test_numbered_headings_bullets_and_wrapped_lines_are_not_notes() -> None:
    body = ("1 Introduction\n"
            "Trials were run in three towns. They were small.\n"
            "2 Methods\n"
            "Abbreviations used in the text are listed below.\n"
            "* ACE angiotensin-converting enzyme\n"
            "* BMI body mass index\n"
            "* CI confidence interval\n"
            "3 Results\n"
            "The towns differ. a partir de 2010 os dados mudaram.\n")
    root = _convert(body)
    assert root.find("back/fn-group") is None
    assert "ACE angiotensin-converting enzyme" in _body_text(root)


def test_notes_in_the_middle_of_the_text_stay_there_with_a_warning() -> None:
    body = ("Introduction\n"
            "The first paragraph says something about the study.\n"
            "a One thing that reads like a note.\n"
            "b Another thing that reads like a note.\n"
            "The text goes on for a while after those two lines.\n"
            "Discussion\n"
            "A section follows them, so they do not stand at the end of the text.\n")
    res = journalkit.convert(_FRONT + body)
    assert res.tree.find("back/fn-group") is None
    assert "One thing that reads like a note." in _body_text(res.tree)
    assert any(w.kind == "footnote-unsure" for w in res.report.warnings)


# ------------------------------------------------------------------ tables

def test_aligned_web_table_becomes_a_grid_with_head_and_notes() -> None:
    body = ("Introduction\n"
            "Characteristics of the sample are given below.\n"
            "Table 1 Characteristics of the participants.\n"
            "   Characteristic       Group A + Care   Group B     Total\n"
            "   n                    120              118         238\n"
            "   Age, mean (SD)       43·4 (13·2)      41·0 (12·9) 42·2 (13·0)\n"
            "   Women                70 (58%)         66 (56%)    136 (57%)\n"
            "SD, standard deviation.\n"
            "Discussion\n"
            "The groups were alike in every respect that we measured at the start of the trial.\n")
    root = _convert(body)
    tw = root.find(".//table-wrap")
    assert tw.findtext("label") == "Table 1"
    assert [th.text for th in tw.findall("table/thead/tr/th")] == ["Characteristic", "Group A + Care", "Group B",
                                                                    "Total"]
    rows = [[td.text or "" for td in tr.findall("td")] for tr in tw.findall("table/tbody/tr")]
    assert rows[0] == ["n", "120", "118", "238"]
    assert rows[1] == ["Age, mean (SD)", "43·4 (13·2)", "41·0 (12·9)", "42·2 (13·0)"]
    assert tw.findtext("table-wrap-foot/p") == "SD, standard deviation."
    assert "The groups were alike" in _body_text(root)
    assert root.find(".//body//sec/title[.='Women 70 (58%) 66 (56%) 136 (57%)']") is None


def test_table_without_a_grid_keeps_its_printed_lines_and_no_cells() -> None:
    wide = "word " * 12
    body = ("Introduction\n"
            f"The study compared two regimens in a group of patients {wide}\n"
            f"and the outcomes are given in the table below, which {wide}\n"
            "lists them.\n"
            "Table 2 Outcomes by regimen.\n"
            "Outcome\n\nRegimen A\n\nRegimen B\n\n"
            "Cured\n\n45 (56%)\n\n40 (51%)\n\n"
            "Relapsed\n\n5 (6%)\n\n9 (11%)\n\n"
            "Both regimens were safe. Relapse was less frequent under regimen A than under\n"
            "regimen B, although the difference was small and might be due to chance alone.\n")
    root = _convert(body)
    tw = root.find(".//table-wrap")
    assert tw.find("table") is None
    assert tw.findtext("preformat").split("\n") == ["Outcome", "Regimen A", "Regimen B", "Cured", "45 (56%)",
                                                    "40 (51%)", "Relapsed", "5 (6%)", "9 (11%)"]
    paras = [" ".join("".join(p.itertext()).split()) for p in root.find("body").iter("p")]
    assert any(p.startswith("Both regimens were safe.") for p in paras)
    assert all("Relapsed" not in p for p in paras)


def test_table_grid_needs_aligned_columns() -> None:
    aligned = ["Name    Value  Unit",
               "alpha   1.0    m",
               "beta    22.5   kg"]
    assert table_grid(aligned) == ([["Name", "Value", "Unit"], ["alpha", "1.0", "m"], ["beta", "22.5", "kg"]], 1)
    # a head centred over its column is still in that column
    centred = ["      Site            Count",
               "North fields      12",
               "South fields      7"]
    assert table_grid(centred) == ([["Site", "Count"], ["North fields", "12"], ["South fields", "7"]], 1)
    # one row runs across a column gap: where would its cells split? no grid
    assert table_grid(["Name    Value", "alpha   1.0", "a long label crossing 2.0"]) is None
    # single spaces only: nothing says where the cells are
    assert table_grid(["Name Value Unit", "alpha 1.0 m", "beta 22.5 kg"]) is None
    # a group label alone on its line spans the columns
    grid = table_grid(["Drug              n     OR", "Group 2 injectables", "Pyrazinamide      3985  1.2",
                       "Ethambutol        2819  0.9"])
    assert grid is not None and grid[0][1] == ["Group 2 injectables"]


# ------------------------------------------------------------------ hard-wrapped columns

def test_paragraph_ends_where_the_next_word_would_have_fitted() -> None:
    # a sentence ends at a full line inside a paragraph; another paragraph ends at a line with room left
    text = ("The samples were stored at low temperature for one week. They\n"
            "were then sent to the central laboratory, where they were all\n"
            "analysed within two days of arrival at the site by the staff.\n"
            "Measurements were repeated for a tenth of the samples there.\n"
            "Each value was checked twice.\n"
            "Results differed little between the two measurement rounds.\n"
            "The agreement was good for all of the markers that we used.\n")
    blocks = body_blocks(_lines(text))
    assert [b.kind for b in blocks] == ["para", "para"]
    assert blocks[0].text.endswith("checked twice.")
    assert blocks[1].text.startswith("Results differed")


def test_hyphenated_join_does_not_hide_a_short_last_line() -> None:
    # repair joins "labo-" / "ratory ..." into one long line; the printed last line was short
    body = ("Introduction\n"
            "The samples were stored at low temperature for one week and\n"
            "then they were sent on to the central labo-\n"
            "ratory for analysis.\n"
            "Results from the laboratory came back within the same week.\n"
            "They were entered into the database by two separate people.\n")
    root = _convert(body)
    paras = [" ".join("".join(p.itertext()).split()) for p in root.find("body").iter("p")]
    assert any(p.endswith("laboratory for analysis.") for p in paras)
    assert any(p.startswith("Results from the laboratory") for p in paras)


def test_headings_of_a_narrow_column_are_found() -> None:
    text = ("cells were counted under the microscope in\n"
            "three fields of each slide.\n"
            "Murine intranasal and intradermal\n"
            "models of infection\n"
            "Female mice were infected intranasally\n"
            "with the virus and monitored daily for two\n"
            "weeks after the infection was established.\n"
            "Plaque assays in cell culture\n"
            "Confluent monolayers of cells were seeded\n"
            "in plates and infected with tenfold dilutions.\n")
    blocks = body_blocks(_lines(text))
    assert [(b.kind, b.text) for b in blocks if b.kind == "heading"] == [
        ("heading", "Murine intranasal and intradermal models of infection"),
        ("heading", "Plaque assays in cell culture")]
