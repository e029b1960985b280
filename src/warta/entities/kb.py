"""The knowledge base: countries, organisations, places and officeholders, with their names.

Country names come from CLDR (through babel) in every language Warta reads, at load time;
the YAML files under ``warta/kb/`` add what CLDR lacks (short forms, nicknames, capitals,
seats of government, institutions, officeholders with their terms), and ``places.tsv`` (shared
with the events stage) major cities, regions and other names of states. Users extend it with
their own files (``warta process --kb FILE``):

- YAML: a list of entries, each ``{name: ..., type: PER|ORG|LOC, aliases: [...], actor: ISO3
  or organisation key, agent: GOV|MIL|..., kb: external id, roles: ["ACTOR AGENT FROM TO"]}``
  (``names: [...]`` may replace ``name``/``aliases``; dates are ISO, ``-`` for an open end);
- CSV: a header row with the same columns, ``aliases`` and ``roles`` separated by ``|``.

An entry whose ``key`` (default ``TYPE:name``) is already known adds names and roles to it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from babel import Locale
from pycountry import countries, subdivisions

from warta.lang import load_language_data

__all__ = ["KbEntry", "KbError", "KnowledgeBase", "Role", "load_kb"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Family name first: the last word of such a name is not the surname. Indonesian names have
# no surname at all (a person is called by a given name), so aliases are listed explicitly.
_NO_SURNAME = frozenset({"CHN", "KOR", "PRK", "TWN", "HKG", "VNM", "MNG", "IDN", "MMR"})
_VALID_TYPES = frozenset({"PER", "ORG", "LOC"})


class KbError(ValueError):
    """A knowledge-base file that cannot be read, with the file and the reason."""


@dataclass(frozen=True, slots=True)
class Role:
    """An office held between two ISO dates (either may be open)."""

    actor: str
    agent: str | None
    start: str = ""
    end: str = ""

    def holds_on(self, day: str | None) -> bool:
        """Whether the role is held on ``day`` (YYYY-MM-DD); an unknown day matches any term."""
        if not day:
            return True
        return (not self.start or self.start <= day) and (not self.end or day < self.end)


@dataclass(frozen=True, slots=True)
class KbEntry:
    """One referent: its names per language, type, coded actor and offices."""

    key: str
    type: str
    names: tuple[str, ...]
    actor: str | None = None
    agent: str | None = None
    kb: str | None = None
    local_names: dict[str, str] = field(default_factory=dict)
    roles: tuple[Role, ...] = ()
    capital_of: str | None = None  # a capital or a seat of government: the country's key
    weak: tuple[str, ...] = ()  # surnames: matched only where the article backs them
    minor: bool = False  # a generated place name: yields to any longer capitalised name
    country: str | None = None  # the state a place lies in (no actor: a place is not a state)
    # names other countries' bodies share ("House of Representatives"): they name this entry
    # only where the article is about its country
    generic: tuple[str, ...] = ()

    def name_in(self, language: str | None) -> str:
        """The canonical name in ``language`` (falls back to the first name)."""
        return self.local_names.get(language or "", self.names[0])

    def coding_on(self, day: str | None) -> tuple[str | None, str | None]:
        """(actor, agent) on ``day``: the office held then, else the standing actor."""
        for role in self.roles:
            if role.holds_on(day):
                return role.actor, role.agent
        return self.actor, self.agent


@dataclass(slots=True)
class KnowledgeBase:
    """Entries and the lookups built over them."""

    entries: list[KbEntry] = field(default_factory=list)
    by_key: dict[str, int] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)  # "Chinese" -> "CHN"
    # PETRARCH-style codes for upper-cased names ("BARACK OBAMA") from user dictionaries
    dictionary_actors: dict[str, tuple[Role, ...]] = field(default_factory=dict)
    agent_words: dict[str, str] = field(default_factory=dict)

    def add(self, entry: KbEntry) -> None:
        """Add an entry; a later entry with the same key extends the earlier one's names."""
        old = self.by_key.get(entry.key)
        if old is None:
            self.by_key[entry.key] = len(self.entries)
            self.entries.append(entry)
            return
        prev = self.entries[old]
        names = prev.names + tuple(n for n in entry.names if n not in prev.names)
        self.entries[old] = KbEntry(
            prev.key,
            prev.type,
            names,
            prev.actor or entry.actor,
            prev.agent or entry.agent,
            prev.kb or entry.kb,
            {**prev.local_names, **entry.local_names},
            prev.roles + entry.roles,
            prev.capital_of or entry.capital_of,
            prev.weak + entry.weak,
            prev.minor and entry.minor,
            prev.country or entry.country,
            prev.generic + entry.generic,
        )


# A special administrative region's CLDR name ends with its status and country ("Hong Kong
# DAK Tiongkok", "Macao SAR China"); the news calls it by its own name.
_SAR = re.compile(r"(.+?) (?:DAK|SAR|S\.A\.R\.|RAS|RAE) \S.*")


def _clean_cldr(name: str) -> list[str]:
    """CLDR names may carry a qualifier: "Myanmar (Burma)" gives both forms; "Hong Kong DAK
    Tiongkok" gives "Hong Kong" first and the full form after it."""
    out = [name]
    m = re.fullmatch(r"(.+?) \((.+)\)", name)
    if m:
        out = [m.group(1), m.group(2)]
    sar = _SAR.fullmatch(name)
    if sar:
        out = [sar.group(1), name]
    return out


def _country_entries(languages: Sequence[str], extra: dict[str, Any]) -> Iterator[KbEntry]:
    """One LOC entry per ISO country, named from CLDR in each language plus the extras."""
    locales = {lang: Locale(lang) for lang in languages}
    for country in countries:
        a2, a3 = country.alpha_2, country.alpha_3
        more = extra.get(a3) or {}
        local: dict[str, str] = {}
        names: list[str] = []
        for lang, loc in locales.items():
            cldr = loc.territories.get(a2)
            forms = _clean_cldr(cldr) if cldr else []
            if forms:
                local[lang] = forms[0]
            names += forms + [str(n) for n in more.get(lang) or ()]
        names += [getattr(country, "common_name", ""), country.name]
        uniq = tuple(dict.fromkeys(n for n in names if n and "," not in n))
        yield KbEntry(a3, "LOC", uniq, actor=a3, kb=a3, local_names=local)


# Subdivision kinds big enough to be named in the news without their country.
_SUBDIVISION_TYPES = frozenset(
    {
        "State",
        "Province",
        "Region",
        "Governorate",
        "Prefecture",
        "Autonomous region",
        "Special administrative region",
        "Capital district",
        "Emirate",
        "Federal district",
        "Autonomous province",
        "Autonomous republic",
        "Capital territory",
        "Territory",
    }
)


def _common_words(languages: Sequence[str]) -> frozenset[str]:
    """Words the languages' entity data lists as common words or given names ("Centre",
    "Gulf", "Lima"): no generated region takes them as its name."""
    words: set[str] = set()
    for language in languages:
        data = load_language_data(language, "entities") or {}
        words.update(str(w) for w in data.get("common_words") or ())
    return frozenset(words)


def _subdivision_entries(common: frozenset[str] = frozenset()) -> Iterator[KbEntry]:
    """States, provinces and regions of every country (ISO 3166-2, through pycountry), less
    those whose name is a ``common`` word."""
    for sub in subdivisions:
        name = str(sub.name)
        if sub.type not in _SUBDIVISION_TYPES or len(name) < 4 or not name[0].isupper():
            continue
        if name in common:
            continue
        if any(ch.isdigit() or ch in ",()" for ch in name):
            continue
        country = countries.get(alpha_2=sub.country_code)
        a3 = country.alpha_3 if country is not None else None
        yield KbEntry(f"sub:{sub.code}", "LOC", (name,), minor=True, country=a3)


def _capital_entries(extra: dict[str, Any]) -> Iterator[KbEntry]:
    """Capitals, seats of government and constituent countries of each state."""
    for a3, more in extra.items():
        for part in more.get("parts") or ():
            names = tuple(str(n) for n in part)
            yield KbEntry(f"{a3}:{names[0]}", "LOC", names, actor=a3)
        for kind in ("capital", "seats"):
            names = tuple(str(n) for n in more.get(kind) or ())
            if names:
                actor = a3 if kind == "seats" else None
                yield KbEntry(f"{a3}:{kind}", "LOC", names, actor=actor, capital_of=a3)


def _place_rows() -> Iterator[tuple[str, str, str]]:
    """(name, ISO code, kind) rows of ``places.tsv``, the place list the events stage reads too."""
    text = resources.files("warta.kb").joinpath("places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        cells = [c.strip() for c in line.split("\t")]
        if line.startswith("#") or len(cells) < 2 or not cells[0] or not cells[1]:
            continue
        yield cells[0], cells[1], cells[2] if len(cells) > 2 and cells[2] else "city"


def _place_entries(kb: KnowledgeBase) -> Iterator[KbEntry]:
    """Listed places the KB does not name yet: another name of a state joins the state's
    entry; a seat of government stands for its state; a city is coded like a capital (its
    state only where it acts); a region is a plain place."""
    known = {name for entry in kb.entries for name in entry.names}
    for name, code, kind in _place_rows():
        if name in known:
            continue
        known.add(name)
        if kind == "country":
            yield KbEntry(code, "LOC", (name,), actor=code, kb=code)
        elif kind == "seat":
            yield KbEntry(f"{code}:seats", "LOC", (name,), actor=code, capital_of=code)
        elif kind == "region":
            yield KbEntry(f"{code}:{name}", "LOC", (name,), country=code)
        else:
            yield KbEntry(f"{code}:{name}", "LOC", (name,), capital_of=code, country=code)


def _parse_role(text: str, source: str) -> Role:
    parts = text.split()
    if len(parts) != 4:
        raise KbError(f"{source}: role {text!r} is not 'ACTOR AGENT FROM TO'")
    actor, agent, start, end = parts
    return Role(
        actor,
        None if agent == "-" else agent,
        "" if start == "-" else start,
        "" if end == "-" else end,
    )


def _entry_from_mapping(item: dict[str, Any], source: str, country: str | None = None) -> KbEntry:
    """A KB entry from one YAML mapping or CSV row."""
    names = item.get("names") or [item.get("name")]
    names = [str(n).strip() for n in names if n and str(n).strip()]
    names += [str(a).strip() for a in item.get("aliases") or () if str(a).strip()]
    if not names:
        raise KbError(f"{source}: an entry has no name: {item!r}")
    etype = str(item.get("type") or "PER").upper()
    if etype not in _VALID_TYPES:
        raise KbError(f"{source}: {names[0]!r} has unknown type {etype!r}")
    roles = tuple(_parse_role(str(r), source) for r in item.get("roles") or ())
    actor = item.get("actor") or None
    weak: tuple[str, ...] = ()
    last = names[0].split()[-1]
    if etype == "PER" and len(names[0].split()) > 1 and actor not in _NO_SURNAME:
        weak = (last,) if len(last) >= 4 and last[0].isupper() else ()
    return KbEntry(
        key=str(item.get("key") or f"{etype}:{names[0]}"),
        type=etype,
        names=tuple(dict.fromkeys(names)),
        actor=actor,
        agent=item.get("agent") or None,
        kb=item.get("kb") or None,
        roles=roles,
        weak=weak,
        country=item.get("country", country if etype == "LOC" else None) or None,
        local_names={str(k): str(v) for k, v in (item.get("local") or {}).items()},
        generic=tuple(str(n) for n in item.get("generic") or ()),
    )


def _read_user_file(path: Path) -> Iterable[dict[str, Any]]:
    """Rows of a user KB file: a YAML list of mappings, or a CSV with a header."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KbError(f"{path}: cannot read knowledge-base file ({exc.strerror})") from exc
    if path.suffix.lower() == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        for row in rows:
            row["aliases"] = [a for a in (row.get("aliases") or "").split("|") if a]
            row["roles"] = [r for r in (row.get("roles") or "").split("|") if r]
        return rows
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" at line {where.line + 1}" if where is not None else ""
        raise KbError(f"{path}: not valid YAML{line}") from exc
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise KbError(f"{path}: expected a list of entries (mappings)")
    return data


def _builtin(name: str) -> Any:
    path = resources.files("warta.kb").joinpath(name)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def _regular_demonyms(kb: KnowledgeBase) -> None:
    """English demonyms formed the regular way from a country name in -a ("Sri Lankan",
    "Kenyan", "Malaysian"), beside the irregular ones that countries.yaml lists."""
    for entry in kb.entries:
        english = entry.local_names.get("en", "")
        if entry.actor and entry.kb == entry.key and english.endswith("a"):
            kb.demonyms.setdefault(english + "n", entry.actor)


def load_kb(paths: Sequence[Path] = (), languages: Sequence[str] = ("id", "en")) -> KnowledgeBase:
    """The built-in knowledge base, extended by the user files at ``paths``."""
    kb = KnowledgeBase()
    extra: dict[str, Any] = _builtin("countries.yaml")
    for entry in _country_entries(languages, extra):
        kb.add(entry)
    for a3, more in extra.items():
        for demonym in more.get("demonyms") or ():
            kb.demonyms[str(demonym)] = a3
    _regular_demonyms(kb)
    for entry in _capital_entries(extra):
        kb.add(entry)
    for entry in list(_place_entries(kb)):
        kb.add(entry)
    # every place indonesia.yaml lists lies in Indonesia
    for name, within in (
        ("organisations.yaml", None),
        ("indonesia.yaml", "IDN"),
        ("people.yaml", None),
    ):
        for item in _builtin(name):
            kb.add(_entry_from_mapping(item, f"warta/kb/{name}", within))
    for entry in _subdivision_entries(_common_words(languages)):
        kb.add(entry)
    for path in paths:
        for item in _read_user_file(Path(path)):
            kb.add(_entry_from_mapping(item, str(path)))
    return kb
