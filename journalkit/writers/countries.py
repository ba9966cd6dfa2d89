"""Country names as articles print them -> ISO 3166-1 alpha-2 codes, for ``<country country>``.

JATS4R asks for the code beside the printed name (``<country
country="BR">Brasil</country>``) so that affiliations can be counted by
country without parsing prose. The code is only added when the printed
name is unambiguous: the English short name, a few standard alternatives,
and the native or Spanish/Portuguese spellings our corpus's journals use.
A name not listed gets no code (JATS4R then warns; nothing is guessed),
and neither do names that could mean two countries ("Korea", "Congo") or
ones that no longer exist ("USSR").
"""

from __future__ import annotations

import re
import unicodedata

_CODES: dict[str, tuple[str, ...]] = {
    "AR": ("Argentina",),
    "AT": ("Austria", "Österreich"),
    "AU": ("Australia",),
    "BD": ("Bangladesh",),
    "BE": ("Belgium", "België", "Belgique", "Bélgica"),
    "BO": ("Bolivia",),
    "BR": ("Brazil", "Brasil"),
    "CA": ("Canada", "Canadá"),
    "CH": ("Switzerland", "Schweiz", "Suisse", "Suíça", "Suiza"),
    "CL": ("Chile",),
    "CM": ("Cameroon", "Cameroun", "Camarões", "Camerún"),
    "CN": ("China", "People's Republic of China", "P.R. China", "PR China", "P. R. China"),
    "CO": ("Colombia", "Colômbia"),
    "CR": ("Costa Rica",),
    "CU": ("Cuba",),
    "CZ": ("Czech Republic", "Czechia"),
    "DE": ("Germany", "Deutschland", "Alemanha", "Alemania"),
    "DK": ("Denmark", "Danmark"),
    "EC": ("Ecuador", "Equador"),
    "EE": ("Estonia", "Eesti", "Estônia"),
    "EG": ("Egypt",),
    "ES": ("Spain", "España", "Espanha"),
    "ET": ("Ethiopia",),
    "FI": ("Finland", "Suomi"),
    "FR": ("France", "França", "Francia"),
    "GB": ("United Kingdom", "UK", "U.K.", "Great Britain", "Reino Unido"),
    "GH": ("Ghana",),
    "GR": ("Greece",),
    "GT": ("Guatemala",),
    "HK": ("Hong Kong",),
    "HU": ("Hungary",),
    "ID": ("Indonesia",),
    "IE": ("Ireland",),
    "IL": ("Israel",),
    "IN": ("India",),
    "IR": ("Iran",),
    "IS": ("Iceland",),
    "IT": ("Italy", "Italia", "Itália"),
    "JP": ("Japan", "Japão", "Japón"),
    "KE": ("Kenya",),
    "KR": ("South Korea", "Republic of Korea", "Korea, Republic of"),
    "LB": ("Lebanon", "Líbano", "Liban"),
    "LK": ("Sri Lanka",),
    "MX": ("Mexico", "México"),
    "MY": ("Malaysia",),
    "NG": ("Nigeria",),
    "NL": ("Netherlands", "The Netherlands", "Nederland", "Holanda", "Países Baixos", "Países Bajos"),
    "NO": ("Norway", "Norge"),
    "NP": ("Nepal",),
    "NZ": ("New Zealand",),
    "PA": ("Panama", "Panamá"),
    "PE": ("Peru", "Perú"),
    "PH": ("Philippines",),
    "PK": ("Pakistan",),
    "PL": ("Poland", "Polska"),
    "PT": ("Portugal",),
    "PY": ("Paraguay", "Paraguai"),
    "QA": ("Qatar", "Catar"),
    "RO": ("Romania",),
    "RU": ("Russia", "Russian Federation"),
    "SA": ("Saudi Arabia",),
    "SE": ("Sweden", "Sverige"),
    "SG": ("Singapore",),
    "TH": ("Thailand",),
    "TR": ("Turkey", "Türkiye"),
    "TW": ("Taiwan",),
    "TZ": ("Tanzania",),
    "UG": ("Uganda",),
    "US": ("USA", "U.S.A.", "United States", "United States of America", "US", "U.S.", "Estados Unidos"),
    "UY": ("Uruguay", "Uruguai"),
    "VE": ("Venezuela",),
    "VN": ("Vietnam", "Viet Nam"),
    "ZA": ("South Africa",),
}


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).casefold().strip(" .,;")
    return re.sub(r"\s+", " ", text)


_BY_NAME: dict[str, str] = {_key(n): code for code, names in _CODES.items() for n in names}


def country_code(name: str | None) -> str | None:
    """The ISO 3166-1 alpha-2 code for a printed country name, or ``None`` if we are not sure."""
    if not name:
        return None
    return _BY_NAME.get(_key(name))
