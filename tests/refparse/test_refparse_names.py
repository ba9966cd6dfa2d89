from __future__ import annotations

import pytest

from journalkit.refparse.names import split_names


def names(block: str) -> list[tuple[str | None, str | None, str | None, bool]]:
    def part(sp: tuple[int, int] | None) -> str | None:
        return block[sp[0]:sp[1]] if sp else None

    out = []
    for n in split_names(block, 0, len(block)):
        out.append((part(n.surname), part(n.given), part(n.suffix), n.collab))
    return out


@pytest.mark.parametrize(
    "block, expected",
    [
        ("Smith JA, Jones K", [("Smith", "JA", None, False), ("Jones", "K", None, False)]),
        ("Smith, J.A., Jones, K.", [("Smith", "J.A.", None, False), ("Jones", "K.", None, False)]),
        ("Molden, D. C., & Dweck, C. S.", [("Molden", "D. C.", None, False), ("Dweck", "C. S.", None, False)]),
        ("J. A. Smith and K. Jones", [("Smith", "J. A.", None, False), ("Jones", "K.", None, False)]),
        ("Ford, W. M., J. M. Menzel, and J. C. Kilgo",
         [("Ford", "W. M.", None, False), ("Menzel", "J. M.", None, False), ("Kilgo", "J. C.", None, False)]),
        ("van der Berg J, von Berger L", [("van der Berg", "J", None, False), ("von Berger", "L", None, False)]),
        ("Jean Loup Pivin", [("Pivin", "Jean Loup", None, False)]),
        ("Ludwig van Beethoven", [("van Beethoven", "Ludwig", None, False)]),
        ("Auerbach, Erich", [("Auerbach", "Erich", None, False)]),
        ("King ML Jr", [("King", "ML", "Jr", False)]),
        ("Courtin D., Milet J.", [("Courtin", "D.", None, False), ("Milet", "J.", None, False)]),
        ("World Health Organization", [(None, None, None, True)]),
    ],
)
def test_split_names(block: str, expected: list) -> None:
    assert names(block) == expected


def test_spans_index_the_whole_string() -> None:
    raw = "See: Smith, J. and Jones, K. 2001."
    ns = split_names(raw, 5, 28)
    assert [raw[n.start:n.end] for n in ns] == ["Smith, J.", "Jones, K."]
