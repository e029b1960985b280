"""Language detection by stop-word profiles."""

from __future__ import annotations

import pytest

from warta.structure import StructureResources
from warta.structure.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Pemerintah akan menaikkan anggaran pendidikan tahun depan karena jumlah sekolah yang "
            "rusak masih banyak, kata menteri itu kepada wartawan di Jakarta.",
            "id",
        ),
        (
            "The government will raise the education budget next year because many of the schools "
            "are still damaged, the minister told reporters on Monday.",
            "en",
        ),
        (
            "Kerajaan akan menaikkan peruntukan pendidikan tahun depan kerana banyak sekolah masih "
            "rosak, kata menteri itu bahawa wang sudah disediakan sahaja.",
            "ms",
        ),
        (
            "De regering zal het onderwijsbudget volgend jaar verhogen omdat veel van de scholen "
            "nog beschadigd zijn, zei de minister tegen verslaggevers.",
            "nl",
        ),
        (
            "Le gouvernement va augmenter le budget de l'éducation l'année prochaine car de "
            "nombreuses écoles sont encore endommagées, a déclaré le ministre.",
            "fr",
        ),
        (
            "Die Regierung wird den Bildungshaushalt im nächsten Jahr erhöhen, weil viele der "
            "Schulen noch beschädigt sind, sagte der Minister.",
            "de",
        ),
        (
            "El gobierno aumentará el presupuesto de educación el próximo año porque muchas de las "
            "escuelas todavía están dañadas, dijo el ministro.",
            "es",
        ),
    ],
)
def test_language_is_recognised(res: StructureResources, text: str, lang: str) -> None:
    assert detect_language(text, res.profiles) == lang


@pytest.mark.parametrize("text", ["", "12 34 56", "Joko Widodo Prabowo Subianto Ganjar Pranowo"])
def test_no_language_without_function_words(res: StructureResources, text: str) -> None:
    assert detect_language(text, res.profiles) is None


def test_one_malay_word_does_not_make_indonesian_malay(res: StructureResources) -> None:
    text = (
        "Pelatih itu mengatakan timnya akan tampil lebih baik selepas jeda internasional, "
        "karena beberapa pemain yang cedera sudah kembali berlatih bersama tim."
    )
    assert detect_language(text, res.profiles) == "id"
