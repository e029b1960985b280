"""A few hand-written records for tests, demos and a first look at the API.

Short invented articles in the style of Indonesian and English wire copy, with entities,
quotes and events whose offsets are computed from the text, so they are always valid.
One article's text holds markup (``<script>``), as a hostile page might, to test escaping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from warta.records import (
    Article,
    Entity,
    Event,
    EventSide,
    Evidence,
    Location,
    Mention,
    Quote,
    Source,
    Speaker,
)

__all__ = ["sample_articles"]


@dataclass(slots=True)
class _Builder:
    """Finds phrases in a text and turns them into offset-carrying parts of a record."""

    text: str
    entities: list[Entity] = field(default_factory=list)

    def span(self, phrase: str, after: int = 0) -> tuple[int, int]:
        start = self.text.index(phrase, after)
        return start, start + len(phrase)

    def entity(self, name: str, type_: str, surfaces: tuple[str, ...], **kw: str) -> str:
        eid = f"e{len(self.entities) + 1}"
        mentions: list[Mention] = []
        for surface in surfaces:
            at = 0
            while (found := self.text.find(surface, at)) >= 0:
                mentions.append(Mention(surface, found, found + len(surface)))
                at = found + len(surface)
        self.entities.append(Entity(eid, name, type_, mentions=tuple(mentions), **kw))
        return eid

    def quote(self, phrase: str, speaker: str, eid: str | None, kind: str, cue: str) -> Quote:
        start, end = self.span(phrase)
        return Quote(phrase, start, end, kind, cue, Speaker(speaker, eid))

    def event(self, sentence: str, code: str, quad: int, goldstein: float, **kw: object) -> Event:
        start, end = self.span(sentence)
        return Event(
            code=code,
            root=code[:2],
            quad=quad,
            goldstein=goldstein,
            evidence=Evidence(sentence, start, end),
            **kw,  # type: ignore[arg-type]
        )


def _jakarta() -> Article:
    text = (
        "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Malaysia di Jakarta, "
        "Senin (16/1). Kedua menteri membahas perbatasan laut di Selat Malaka.\n\n"
        "\u201cKami sepakat mempercepat perundingan batas maritim,\u201d kata Retno kepada "
        "wartawan.\n\n"
        "Menurut Retno, Indonesia dan Malaysia akan membentuk tim teknis bersama. "
        "Pemerintah Malaysia menyambut baik usulan tersebut."
    )
    b = _Builder(text)
    retno = b.entity("Retno Marsudi", "PER", ("Retno Marsudi", "Retno"), actor="IDN", agent="GOV")
    mys = b.entity("Malaysia", "LOC", ("Malaysia",), actor="MYS", kb="MYS")
    idn = b.entity("Indonesia", "LOC", ("Indonesia",), actor="IDN", kb="IDN")
    b.entity("Jakarta", "LOC", ("Jakarta",), kb="Q3630")
    quotes = (
        b.quote("Kami sepakat mempercepat perundingan batas maritim,", "Retno Marsudi", retno,
                "direct", "kata"),
        b.quote("Indonesia dan Malaysia akan membentuk tim teknis bersama", "Retno Marsudi",
                retno, "indirect", "Menurut"),
    )  # fmt: skip
    first = "Menteri Luar Negeri Retno Marsudi bertemu Menteri Luar Negeri Malaysia di Jakarta"
    events = (
        b.event(first, "040", 1, 1.0, date="2023-01-16",
                source=EventSide("IDN", "GOV", "Retno Marsudi", retno),
                target=EventSide("MYS", "GOV", "Malaysia", mys),
                location=Location("Jakarta", "IDN")),
        b.event("Pemerintah Malaysia menyambut baik usulan tersebut.", "051", 1, 3.4,
                date="2023-01-16", source=EventSide("MYS", "GOV", "Malaysia", mys),
                target=EventSide("IDN", "GOV", "Indonesia", idn)),
    )  # fmt: skip
    return Article(
        id="sample-id-retno-malaysia",
        source=Source(path="samples/retno-malaysia.json", url="https://example.id/retno"),
        language="id",
        title="Indonesia dan Malaysia Percepat Perundingan Batas Maritim",
        outlet="example.id",
        section="Nasional",
        published="2023-01-17T10:15:00+07:00",
        wire=(),
        text=text,
        entities=tuple(b.entities),
        quotes=quotes,
        events=events,
    )


def _police() -> Article:
    text = (
        "Kepolisian Daerah Metro Jaya menangkap dua tersangka penipuan daring di Bekasi, "
        "Rabu (18/1).\n\n"
        "\u201cPara tersangka dijerat pasal berlapis,\u201d ujar Kepala Bidang Humas Trunoyudo "
        "Wisnu Andiko.\n\n"
        "Trunoyudo mengatakan bahwa penyidik masih memburu satu pelaku lain."
    )
    b = _Builder(text)
    polda = b.entity("Polda Metro Jaya", "ORG", ("Kepolisian Daerah Metro Jaya",),
                     actor="IDN", agent="COP")  # fmt: skip
    truno = b.entity("Trunoyudo Wisnu Andiko", "PER", ("Trunoyudo Wisnu Andiko", "Trunoyudo"),
                     actor="IDN", agent="COP")  # fmt: skip
    quotes = (
        b.quote("Para tersangka dijerat pasal berlapis,", "Trunoyudo Wisnu Andiko", truno,
                "direct", "ujar"),
        b.quote("penyidik masih memburu satu pelaku lain", "Trunoyudo Wisnu Andiko", truno,
                "indirect", "mengatakan"),
    )  # fmt: skip
    sentence = "Kepolisian Daerah Metro Jaya menangkap dua tersangka penipuan daring di Bekasi"
    events = (
        b.event(sentence, "173", 4, -5.0, date="2023-01-18",
                source=EventSide("IDN", "COP", "Polda Metro Jaya", polda),
                target=EventSide("IDN", "CRM", None, None),
                location=Location("Bekasi", "IDN")),
    )  # fmt: skip
    return Article(
        id="sample-id-penipuan-daring",
        source=Source(path="samples/penipuan-daring.json"),
        language="id",
        title="Polisi Tangkap Dua Tersangka Penipuan Daring",
        outlet="example.id",
        section="Metro",
        published="2023-01-19T08:00:00+07:00",
        wire=(),
        text=text,
        entities=tuple(b.entities),
        quotes=quotes,
        events=events,
    )


def _english() -> Article:
    text = (
        "JAKARTA (Reuters) - Indonesian Foreign Minister Retno Marsudi said on Monday that "
        "talks with Malaysia on maritime borders were making progress.\n\n"
        '"We agreed to speed up the negotiations," Marsudi told reporters.'
    )
    b = _Builder(text)
    retno = b.entity("Retno Marsudi", "PER", ("Retno Marsudi", "Marsudi"), actor="IDN",
                     agent="GOV")  # fmt: skip
    mys = b.entity("Malaysia", "LOC", ("Malaysia",), actor="MYS", kb="MYS")
    quotes = (
        b.quote("talks with Malaysia on maritime borders were making progress", "Retno Marsudi",
                retno, "indirect", "said"),
        b.quote("We agreed to speed up the negotiations,", "Retno Marsudi", retno, "direct",
                "told"),
    )  # fmt: skip
    sentence = "We agreed to speed up the negotiations"
    events = (
        b.event(sentence, "030", 1, 4.0, date="2023-01-16",
                source=EventSide("IDN", "GOV", "Retno Marsudi", retno),
                target=EventSide("MYS", None, "Malaysia", mys)),
    )  # fmt: skip
    return Article(
        id="sample-en-maritime-talks",
        source=Source(url="https://example.com/maritime-talks"),
        language="en",
        title="Indonesia says maritime border talks with Malaysia progressing",
        outlet="example.com",
        section="World",
        published="2023-01-16T21:30:00+00:00",
        wire=("Reuters",),
        text=text,
        entities=tuple(b.entities),
        quotes=quotes,
        events=events,
    )


def _hostile() -> Article:
    text = (
        'Seorang warga menulis <script>document.title="pwned"</script> di kolom komentar. '
        "\u201cJangan jalankan <b>kode</b> ini,\u201d kata Budi Santoso."
    )
    b = _Builder(text)
    budi = b.entity("Budi Santoso", "PER", ("Budi Santoso",))
    quote = b.quote("Jangan jalankan <b>kode</b> ini,", "Budi Santoso", budi, "direct", "kata")
    return Article(
        id="sample-id-script",
        source=Source(path="samples/script.json"),
        language="id",
        title='Komentar <img src=x onerror="alert(1)"> Berbahaya',
        outlet="example.id",
        section=None,
        published=None,
        wire=(),
        text=text,
        entities=tuple(b.entities),
        quotes=(quote,),
    )


def sample_articles() -> tuple[Article, ...]:
    """Four records: two Indonesian, one English, and one whose text and title hold markup."""
    return (_jakarta(), _police(), _english(), _hostile())
