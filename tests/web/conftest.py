"""Dashboard fixtures: a small SQLite database of hand-written articles, and clients for it.

The articles are written here in the style of Indonesian and English news; every offset is
computed from the text, so the records obey the contract (``text[start:end] == text``). One
article is hostile: its title, body, quotes and names hold ``<script>`` and ``onerror=``
payloads that must reach the browser as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from warta.records import (
    Article,
    Entity,
    Event,
    EventSide,
    Evidence,
    Mention,
    Quote,
    Source,
    Speaker,
)
from warta.store import open_store
from warta.web.app import create_app

XSS_BODY = (
    "Polisi memeriksa unggahan berisi <script>window.__xss = 1; alert(1)</script> "
    'di sebuah forum daring, Selasa (14/3).\n\n"Kode <img src=x onerror="window.__xss=2"> '
    'itu kami serahkan ke laboratorium forensik," kata Kepala Humas Polda Metro Jaya '
    "Trunoyudo Wisnu Andiko.\n\nPolda Metro Jaya menangkap dua tersangka <b>peretas</b> itu."
)


def _spans(text: str, surface: str) -> list[Mention]:
    """Every occurrence of ``surface`` in ``text`` as a mention (at least one must exist)."""
    pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
    out = [Mention(surface, m.start(), m.end()) for m in pattern.finditer(text)]
    assert out, f"{surface!r} is not in the fixture text"
    return out


def _entity(text: str, eid: str, name: str, kind: str, actor: str | None, *forms: str) -> Entity:
    """An entity mentioned by every occurrence of its forms; longer forms win overlaps."""
    kept: list[Mention] = []
    for form in sorted(forms, key=len, reverse=True):
        for m in _spans(text, form):
            if all(m.end <= k.start or k.end <= m.start for k in kept):
                kept.append(m)
    return Entity(eid, name, kind, actor=actor, mentions=tuple(sorted(kept, key=lambda m: m.start)))


def _quote(text: str, said: str, kind: str, cue: str, speaker: Entity) -> Quote:
    start = text.index(said)
    return Quote(said, start, start + len(said), kind, cue, Speaker(speaker.name, speaker.id))


def _side(entity: Entity, agent: str | None = "GOV") -> EventSide:
    return EventSide(entity.actor, agent, entity.name, entity.id)


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    quad: int
    goldstein: float


def _event(text: str, code: Code, src: Entity, tgt: Entity, sentence: str, day: str) -> Event:
    start = text.index(sentence)
    evidence = Evidence(sentence, start, start + len(sentence))
    return Event(
        code.code,
        code.code[:2],
        code.quad,
        code.goldstein,
        _side(src),
        _side(tgt),
        evidence,
        date=day,
    )


def border_talks() -> Article:
    """Indonesian: two ministers meet, one direct and one indirect quote, two events."""
    text = (
        "Menteri Luar Negeri Retno Marsudi menerima Menteri Luar Negeri Malaysia Saifuddin "
        "Abdullah di Jakarta, Senin (30/5), untuk membahas perbatasan kedua negara.\n\n"
        '"Kami sepakat mempercepat perundingan batas laut di Laut Sulawesi," kata Retno '
        "seusai pertemuan.\n\n"
        "Saifuddin mengatakan bahwa usulan Retno akan dibahas di Kuala Lumpur dan Malaysia siap "
        "mengirim tim teknis ke Jakarta bulan depan."
    )
    retno = _entity(text, "e1", "Retno Marsudi", "PER", "IDN", "Retno Marsudi", "Retno")
    saif = _entity(
        text, "e2", "Saifuddin Abdullah", "PER", "MYS", "Saifuddin Abdullah", "Saifuddin"
    )
    jakarta = _entity(text, "e3", "Jakarta", "LOC", "IDN", "Jakarta")
    malaysia = _entity(text, "e4", "Malaysia", "LOC", "MYS", "Malaysia")
    said = "Kami sepakat mempercepat perundingan batas laut di Laut Sulawesi,"
    told = (
        "usulan Retno akan dibahas di Kuala Lumpur dan Malaysia siap mengirim tim teknis ke "
        "Jakarta bulan depan"
    )
    first = text[: text.index("\n")]
    return Article(
        id="fx-border-talks",
        source=Source(url="https://example.id/berita/perbatasan"),
        language="id",
        title="Retno dan Saifuddin sepakat percepat perundingan batas laut",
        outlet="example.id",
        section="Internasional",
        published="2022-06-01T10:15:00+07:00",
        wire=(),
        text=text,
        entities=(retno, saif, jakarta, malaysia),
        quotes=(
            _quote(text, said, "direct", "kata", retno),
            _quote(text, told, "indirect", "mengatakan bahwa", saif),
        ),
        events=(
            _event(text, Code("043", 1, 3.0), retno, saif, first, "2022-05-30"),
            _event(text, Code("036", 1, 2.5), saif, retno, text.split("\n\n")[2], "2022-06-01"),
        ),
    )


def protest_report() -> Article:
    """English: a demand and an accusation between two governments, one quote."""
    text = (
        "Indonesia demanded on Tuesday that Australia explain the detention of three "
        "Indonesian fishermen off Rote Island.\n\n"
        '"We want a full account of what happened," Foreign Minister Retno Marsudi told '
        "reporters in Jakarta.\n\nAustralia accused the crew of fishing illegally in its waters."
    )
    idn = _entity(text, "e1", "Indonesia", "LOC", "IDN", "Indonesia")
    aus = _entity(text, "e2", "Australia", "LOC", "AUS", "Australia")
    retno = _entity(text, "e3", "Retno Marsudi", "PER", "IDN", "Retno Marsudi")
    demand = text[: text.index("\n")]
    accuse = "Australia accused the crew of fishing illegally in its waters."
    return Article(
        id="fx-fishermen",
        source=Source(path="corpus/fishermen.json"),
        language="en",
        title="Indonesia demands answers over detained fishermen",
        outlet="example.com",
        section="World",
        published="2022-06-07T18:00:00+07:00",
        wire=("Reuters",),
        text=text,
        entities=(idn, aus, retno),
        quotes=(_quote(text, "We want a full account of what happened,", "direct", "told", retno),),
        events=(
            _event(text, Code("100", 3, -2.2), idn, aus, demand, "2022-06-07"),
            _event(text, Code("112", 3, -4.0), aus, idn, accuse, "2022-06-07"),
        ),
    )


def hostile_article() -> Article:
    """Markup in every text field: it must be shown as text and never run."""
    text = XSS_BODY
    humas = _entity(
        text,
        "e1",
        "Trunoyudo <img src=x onerror=alert(2)>",
        "PER",
        "IDN",
        "Trunoyudo Wisnu Andiko",
    )
    polda = _entity(text, "e2", "Polda Metro Jaya", "ORG", "IDN", "Polda Metro Jaya")
    said = 'Kode <img src=x onerror="window.__xss=2"> itu kami serahkan ke laboratorium forensik,'
    sentence = "Polda Metro Jaya menangkap dua tersangka <b>peretas</b> itu."
    hackers = Entity("e3", "<script>alert(3)</script>", "ORG", actor="IDN")
    return Article(
        id="fx-hostile",
        source=Source(url="javascript:alert(4)"),
        language="id",
        title="Peretas <script>window.__xss = 5</script> ditangkap",
        outlet="example.id",
        section=None,
        published="2022-06-14T09:00:00+07:00",
        wire=(),
        text=text,
        entities=(humas, polda, hackers),
        quotes=(_quote(text, said, "direct", "kata", humas),),
        events=(_event(text, Code("173", 4, -7.5), polda, hackers, sentence, "2022-06-14"),),
    )


def fixture_articles() -> list[Article]:
    """Every fixture article, in a stable order."""
    return [border_talks(), protest_report(), hostile_article()]


@pytest.fixture(scope="session")
def dash_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database holding the fixture articles."""
    path = tmp_path_factory.mktemp("dashboard") / "fixture.db"
    store = open_store(str(path))
    try:
        store.upsert(fixture_articles())
    finally:
        store.close()
    return path


@pytest.fixture(scope="session")
def dash_client(dash_db: Path) -> Iterator[TestClient]:
    """An in-process client of the real app over the fixture database."""
    with TestClient(create_app(str(dash_db))) as client:
        yield client
