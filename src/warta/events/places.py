"""Place and country names that stand for a state when they act ("Beirut said", "Turkey sent").

Country names come from CLDR through babel, in the article's language, at load time; capitals
and major cities from the knowledge base's ``places.tsv``. Both are proper nouns: the coder takes
them only where the text capitalises them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
from babel import Locale, UnknownLocaleError

__all__ = ["load_place_names", "load_territories"]

_PLACES = Path(__file__).parent.parent / "kb" / "places.tsv"  # shared with the entity KB
_TERRITORIES = Path(__file__).parent / "territories.tsv"

# CLDR's display forms carry qualifiers no article writes: "Myanmar (Burma)", "Congo - Kinshasa".
_QUALIFIER = re.compile(r"\s*\(([^)]*)\)|\s+-\s+.*$")


def _variants(name: str) -> list[str]:
    """The forms an article may write a CLDR country name in."""
    inner = [m.group(1) for m in _QUALIFIER.finditer(name) if m.group(1)]
    base = _QUALIFIER.sub("", name).strip()
    out = [base, *inner]
    out += [v.replace("&", "and") for v in out if "&" in v]
    out += [v.replace("’", "'") for v in out if "’" in v]
    return [v for v in out if len(v) > 2 and "&" not in v]


def _country_names(lang: str) -> dict[str, str]:
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return {}
    names: dict[str, str] = {}
    for alpha2, name in territories.items():
        country = pycountry.countries.get(alpha_2=alpha2) if alpha2.isalpha() else None
        if country is None:
            continue  # regions (419), groupings (EU, UN) and unknown codes
        for form in _variants(name):
            names.setdefault(form, country.alpha_3)
    return names


def _listed_places(path: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, rest = line.partition("\t")
        code = rest.split("\t")[0]
        if code.strip():
            names[name.strip()] = code.strip()
    return names


def load_place_names(lang: str, path: Path = _PLACES) -> dict[str, str]:
    """Proper name -> ISO alpha-3 code: the language's country names, then listed places."""
    return {**_country_names(lang), **_listed_places(path)}


def load_territories(path: Path = _TERRITORIES) -> dict[str, str]:
    """Dependent territory code -> the code of the state it acts as part of (GUM -> USA)."""
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            territory, _, state = line.partition("\t")
            out[territory.strip()] = state.strip()
    return out
