"""A reader for PETRARCH / Phoenix (TABARI-format) actor and agent dictionaries.

Actor files hold one entry per referent: a primary name (``BARACK_OBAMA``), synonyms on
``+`` lines, and codes in brackets, inline or on indented lines, optionally limited to a date
range (``[USAGOV >090120]``, ``[USAELI 780101-000101]``). Agent files map nouns to agent
codes (``FARMER [~AGR]``) with ``!SET! = A, B`` substitution sets. Words are joined by
underscores; a trailing underscore marks a whole word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pycountry import countries

from warta.entities.kb import KbError, Role

__all__ = ["PetrarchDictionaries", "read_dictionaries"]

_CODE = re.compile(r"\[([^\]\s]+)(?:\s+([^\]]*))?\]")
_SUBST = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
# Phoenix keys for organisations above states, mapped onto the project's actor keys.
_IGO_KEYS = {
    "IGOUNO": "UN",
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "EU",
    "IGOSEAASN": "ASEAN",
    "IGOMOS": "OIC",
    "IGOWBK": "WB",
    "IGOIMF": "IMF",
    "IGOWTO": "WTO",
}


@dataclass(frozen=True, slots=True)
class PetrarchDictionaries:
    """Names (upper case, words joined by spaces) with their dated codes; agent nouns."""

    actors: dict[str, tuple[Role, ...]]
    agents: dict[str, str]


_ISO3 = frozenset(c.alpha_3 for c in countries)


def _words(raw: str) -> str:
    raw = re.sub(r"\{[^}]*\}", " ", raw)  # plural forms in braces
    return " ".join(w for w in raw.strip().strip("+").replace("_", " ").split())


def _date(raw: str) -> str:
    """``090120`` -> ``2009-01-20``; ``20070101`` -> ``2007-01-01``; bad input -> empty."""
    raw = raw.strip()
    if len(raw) == 6 and raw.isdigit():
        year = int(raw[:2])
        raw = f"{1900 + year if year > 40 else 2000 + year}{raw[2:]}"
    if len(raw) != 8 or not raw.isdigit():
        return ""
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:]}"


def _role(code: str, dates: str | None) -> Role:
    """One bracketed code as a role: country + agent, or an organisation key."""
    start = end = ""
    dates = (dates or "").strip()
    if dates.startswith(">"):
        start = _date(dates[1:])
    elif dates.startswith("<"):
        end = _date(dates[1:])
    elif "-" in dates:
        a, b = dates.split("-", 1)
        start, end = _date(a), _date(b)
    for prefix, key in _IGO_KEYS.items():
        if code.startswith(prefix):
            return Role(key, "IGO", start, end)
    agent = code[3:6] or None
    return Role(code[:3], agent, start, end)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _actor_blocks(lines: list[str]) -> Iterator[tuple[list[str], list[Role]]]:
    """(names, roles) per entry of an actor file."""
    names: list[str] = []
    roles: list[Role] = []
    for raw in lines:
        line = _strip_comment(raw)
        if not line.strip():
            continue
        starts_entry = not line[0].isspace() and not line.startswith("+")
        if starts_entry and names and roles:
            yield names, roles
            names, roles = [], []
        head = _CODE.split(line, maxsplit=1)[0] if "[" in line else line
        if head.strip():
            names.append(_words(head))
        roles += [_role(m.group(1), m.group(2)) for m in _CODE.finditer(line)]
    if names and roles:
        yield names, roles


def _read_actors(path: Path, out: dict[str, tuple[Role, ...]]) -> None:
    for names, roles in _actor_blocks(
        path.read_text(encoding="utf-8", errors="replace").split("\n")
    ):
        usable = tuple(r for r in roles if r.actor in _ISO3 or r.agent == "IGO")
        for name in names:
            if name and usable:
                out.setdefault(name.upper(), usable)


def _read_agents(path: Path, out: dict[str, str]) -> None:
    sets: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        line = _strip_comment(raw)
        sub = _SUBST.match(line.strip())
        if sub:
            sets[sub.group(1)] = [w.strip() for w in sub.group(2).split(",") if w.strip()]
            continue
        m = _CODE.search(line)
        if not m:
            continue
        code = m.group(1).lstrip("~")
        for form in _expand(line[: m.start()].strip(), sets):
            phrase = _words(form).lower()
            if phrase:
                out.setdefault(phrase, code[:3])


def _expand(pattern: str, sets: dict[str, list[str]]) -> list[str]:
    m = re.search(r"!(\w+)!", pattern)
    if not m or m.group(1) not in sets:
        return [pattern.replace("!", "")]
    out: list[str] = []
    for word in sets[m.group(1)]:
        out += _expand(pattern[: m.start()] + word + pattern[m.end() :], sets)
    return out


def read_dictionaries(paths: list[Path]) -> PetrarchDictionaries:
    """Actor and agent dictionaries from files or folders (``*agents*`` files are agents)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix == ".txt")
        elif path.is_file():
            files.append(path)
        else:
            raise KbError(f"{path}: no such dictionary file or folder")
    actors: dict[str, tuple[Role, ...]] = {}
    agents: dict[str, str] = {}
    for file in files:
        lower = file.name.lower()
        if "agents" in lower:
            _read_agents(file, agents)
        elif "actors" in lower and "validate" not in lower:  # Validate files are test data
            _read_actors(file, actors)
    return PetrarchDictionaries(actors, agents)
