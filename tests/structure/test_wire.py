"""Wire credits: agencies credited as the story's source, in canonical names."""

from __future__ import annotations

import pytest

from warta.ingest import RawDocument
from warta.records import Source
from warta.structure import StructureResources, structure_document

LEAD = "Pemerintah Jepang mengumumkan paket bantuan baru untuk korban gempa pada Selasa (3/1)."


def wires(res: StructureResources, text: str, outlet: str | None = "kabarx.com") -> tuple[str, ...]:
    doc = RawDocument(source=Source(), body=text, is_page_text=False, outlet=outlet)
    return structure_document(doc, res).wire


@pytest.mark.parametrize(
    ("sentence", "wire"),
    [
        (
            '"Kami siap," katanya, seperti dilansir dari The Associated Press.',
            "The Associated Press",
        ),
        ("Hal itu disampaikan juru bicara, seperti diberitakan AP.", "The Associated Press"),
        ("Menteri itu menolak berkomentar, dikutip dari Reuters.", "Reuters"),
        ("Sedikitnya 12 orang tewas dalam kecelakaan itu (AFP).", "Agence France-Presse"),
        ("Kantor berita Xinhua melaporkan 30 rumah rusak.", "Xinhua"),
        ("Xinhua melaporkan 30 rumah rusak.", "Xinhua"),
        (
            "Officials confirmed the figure, according to Agence France-Presse.",
            "Agence France-Presse",
        ),
        ("The minister told Reuters the talks would resume.", "Reuters"),
        ("Ia mengatakan bantuan akan tiba pekan depan. (Antara)", "Antara"),
    ],
)
def test_credited_agency_is_a_wire(res: StructureResources, sentence: str, wire: str) -> None:
    assert wires(res, f"{LEAD} {sentence}") == (wire,)


@pytest.mark.parametrize(
    "sentence",
    [
        "Seorang fotografer AP terluka saat meliput unjuk rasa itu.",
        "Anggaran APBN tahun ini naik 10 persen.",
        "Ia duduk di antara para menteri.",
        "Reuters journalists were among those detained.",
    ],
)
def test_bare_mention_is_not_a_wire(res: StructureResources, sentence: str) -> None:
    assert wires(res, f"{LEAD} {sentence}") == ()


def test_dateline_agency_is_a_wire(res: StructureResources) -> None:
    assert wires(res, f"TOKYO (Reuters) - {LEAD}") == ("Reuters",)


def test_outlet_own_agency_name_is_not_a_wire(res: StructureResources) -> None:
    assert wires(res, f"Jakarta (ANTARA News) - {LEAD}", outlet="antaranews") == ()


def test_several_agencies_in_order_of_credit(res: StructureResources) -> None:
    text = f"{LEAD} Hal itu dilansir dari Reuters. Sementara itu, menurut AFP, bantuan tiba."
    assert wires(res, text) == ("Reuters", "Agence France-Presse")
