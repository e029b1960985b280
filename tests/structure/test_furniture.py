"""The fast path for plain body lines never takes a line some furniture test would take."""

from __future__ import annotations

import pytest

from warta.structure import StructureResources
from warta.structure.furniture import Furniture

_LONG = "dan pemerintah daerah akan melanjutkan pembangunan jalan tol hingga akhir tahun depan"


def _taken(furniture: Furniture, line: str) -> bool:
    """What the slow path of the body reader tests, in one answer."""
    return bool(
        furniture.read_more_loose.match(line)
        or furniture.read_more_alone.match(line)
        or furniture.read_more.match(line)
        or furniture.trailer.match(line)
        or furniture.is_credit(line)
        or furniture.is_button(line)
        or furniture.is_caption(line)
    )


@pytest.mark.parametrize(
    "line",
    [
        f"Baca juga: Menteri PUPR {_LONG}",
        f"Baca juga {_LONG}",
        f"Foto: Petugas memeriksa kendaraan {_LONG}",
        f"Presiden meresmikan jembatan baru {_LONG} (ANTARA/Akbar Nugroho)",
        f"Warga menonton pawai {_LONG} (Foto: Reuters)",
        "Editor: Ahmad Santoso dan Budi Hartono dari biro Jakarta, dengan bantuan tim data kami",
        f"Tags: jalan tol, {_LONG.replace(' ', ', ')}",
        "-" * 90,
        "Suka",
    ],
)
def test_furniture_lines_are_not_body_lines(res: StructureResources, line: str) -> None:
    assert _taken(res.furniture, line)
    assert not res.furniture.is_body_line(line)


@pytest.mark.parametrize(
    "line",
    [
        f"Menteri mengatakan bahwa {_LONG}.",
        f"Foto-foto kegiatan itu beredar luas, {_LONG}.",
        f"Oleh karena itu, {_LONG}.",
    ],
)
def test_plain_paragraphs_are_body_lines(res: StructureResources, line: str) -> None:
    assert not _taken(res.furniture, line)
    assert res.furniture.is_body_line(line)
