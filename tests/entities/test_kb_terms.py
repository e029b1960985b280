"""Officeholders in the built-in knowledge base: each is coded by the term that covers the
article's date, and the terms themselves are well-formed."""

from __future__ import annotations

import re

import pytest
from pycountry import countries

from warta.entities.kb import KnowledgeBase, load_kb

from .helpers import Run, by_name

# organisation keys the annotation guide codes above states, plus the generic one
_ORG_KEYS = frozenset(
    {"NATO", "UN", "EU", "ASEAN", "OIC", "IMF", "WB", "WTO", "ICC", "INTERPOL", "ISIS", "IGO"}
)
_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "IGO", "REB", "PTY", "HRI"})
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.mark.parametrize(
    ("text", "day", "name", "actor", "agent"),
    [
        ("Joko Widodo meresmikan jalan tol.", "2019-03-01", "Joko Widodo", "IDN", "GOV"),
        ("Prabowo Subianto tiba di Jakarta.", "2025-03-01", "Prabowo Subianto", "IDN", "GOV"),
        ("Tito Karnavian memimpin rapat.", "2015-03-01", "Tito Karnavian", "IDN", "COP"),
        ("Tito Karnavian memimpin rapat.", "2021-03-01", "Tito Karnavian", "IDN", "GOV"),
        ("Pramono Anung hadir di istana.", "2017-05-01", "Pramono Anung", "IDN", "GOV"),
        ("Pramono Anung meninjau banjir.", "2025-06-01", "Pramono Anung", "IDN", "GOV"),
        ("Bahlil menjawab wartawan.", "2025-06-01", "Bahlil Lahadalia", "IDN", "GOV"),
        ("Jens Stoltenberg tiba di Oslo.", "2010-03-01", "Jens Stoltenberg", "NOR", "GOV"),
        ("Jens Stoltenberg tiba di Seoul.", "2020-03-01", "Jens Stoltenberg", "NATO", "IGO"),
        ("Sri Mulyani Indrawati berbicara.", "2012-03-01", "Sri Mulyani Indrawati", "WB", "IGO"),
        ("Ban Ki-moon tiba di Pyongyang.", "2006-03-01", "Ban Ki-moon", "KOR", "GOV"),
    ],
)
def test_officeholder_is_coded_by_the_term_that_covers_the_article_date(
    run_entities: Run, text: str, day: str, name: str, actor: str, agent: str
) -> None:
    person = by_name(run_entities(text, published=day), name)
    assert (person.actor, person.agent) == (actor, agent)


@pytest.mark.parametrize(
    ("text", "day", "name", "actor"),
    [
        ("Joko Widodo menghadiri acara di Solo.", "2025-03-01", "Joko Widodo", "IDN"),
        ("Andika Perkasa berkunjung ke Semarang.", "2023-03-01", "Andika Perkasa", "IDN"),
        ("Fumio Kishida berkunjung ke Jakarta.", "2019-03-01", "Fumio Kishida", "JPN"),
        ("Sri Mulyani Indrawati berbicara.", "2025-10-01", "Sri Mulyani Indrawati", "IDN"),
    ],
)
def test_name_outside_its_terms_keeps_its_country_but_no_office(
    run_entities: Run, text: str, day: str, name: str, actor: str
) -> None:
    person = by_name(run_entities(text, published=day), name)
    assert (person.actor, person.agent) == (actor, None)


@pytest.mark.parametrize(
    ("short", "name"),
    [
        ("Kemendikdasmen", "Kementerian Pendidikan Dasar dan Menengah"),
        ("Komdigi", "Kementerian Komunikasi dan Digital"),
        ("Kemenimipas", "Kementerian Imigrasi dan Pemasyarakatan"),
        ("Kemenhut", "Kementerian Kehutanan"),
    ],
)
def test_ministries_of_the_2024_split_are_state_bodies(
    run_entities: Run, short: str, name: str
) -> None:
    ents = run_entities(f"{short} menggelar rapat kerja.", published="2025-02-01")
    ministry = by_name(ents, name)
    assert (ministry.type, ministry.actor, ministry.agent) == ("ORG", "IDN", "GOV")


def _known_actor(code: str) -> bool:
    return code in _ORG_KEYS or countries.get(alpha_3=code) is not None


def test_every_role_has_a_known_actor_and_agent(kb: KnowledgeBase) -> None:
    bad = [
        (entry.key, role)
        for entry in kb.entries
        for role in entry.roles
        if not _known_actor(role.actor) or role.agent not in _AGENTS
    ]
    assert not bad


def test_every_term_is_a_pair_of_iso_days_in_order(kb: KnowledgeBase) -> None:
    bad = [
        (entry.key, role)
        for entry in kb.entries
        for role in entry.roles
        if any(day and not _DAY.fullmatch(day) for day in (role.start, role.end))
        or (role.start and role.end and role.start >= role.end)
    ]
    assert not bad


def test_no_officeholder_holds_two_overlapping_terms(kb: KnowledgeBase) -> None:
    def overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
        return (not a[1] or not b[0] or b[0] < a[1]) and (not b[1] or not a[0] or a[0] < b[1])

    bad = []
    for entry in kb.entries:
        terms = [(r.start, r.end) for r in entry.roles]
        for i, a in enumerate(terms):
            bad += [(entry.key, a, b) for b in terms[i + 1 :] if overlap(a, b)]
    assert not bad


def test_no_name_stands_for_two_people(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = {}
    for entry in kb.entries:
        if entry.type == "PER":
            for name in entry.names:
                owners.setdefault(name, set()).add(entry.key)
    assert not {name: keys for name, keys in owners.items() if len(keys) > 1}
