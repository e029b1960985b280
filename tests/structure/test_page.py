"""Crawled page text and container bodies: metadata found, furniture gone, sentences intact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from warta.ingest import RawDocument
from warta.records import Article, Source
from warta.structure import StructureResources, structure_document

BODY_1 = (
    "Wali Kota Bandung meresmikan taman baru di kawasan Cibeunying pada Sabtu (4/3) pagi. "
    "Taman seluas dua hektare itu dilengkapi jalur lari dan area bermain anak."
)
BODY_2 = (
    '"Kami ingin warga punya ruang terbuka yang dekat dari rumah," kata wali kota. '
    "Ia menambahkan bahwa taman serupa akan dibangun di tiga kecamatan lain tahun ini."
)
BODY_3 = (
    "Dinas Pertamanan mencatat jumlah pengunjung taman kota naik dua kali lipat dibanding "
    "tahun lalu. Pemeliharaan taman dibiayai dari anggaran kota."
)

PAGE = f"""Taman Baru Dibuka di Bandung

Taman Baru Dibuka di Bandung

Regional | kabarjabar.com | Sabtu, 4 Maret 2023 - 10:05
share
Facebook Twitter WhatsApp

Foto: Warga berjalan di taman baru Cibeunying. (Foto: Dok. Pemkot Bandung)

BANDUNG, KABARJABAR.com - {BODY_1}

{BODY_2}

Baca juga: Alun-alun Bandung Ditutup Sementara untuk Perbaikan

Anggaran Perawatan

{BODY_3}

Editor: Dewi Lestari

Topik Menarik
Taman Kota
Bandung
"""


def page(text: str, **meta: str) -> RawDocument:
    return RawDocument(source=Source(path="x.txt"), body=text, is_page_text=True, **meta)


def body(text: str, **meta: str) -> RawDocument:
    return RawDocument(source=Source(path="x.json"), body=text, is_page_text=False, **meta)


@pytest.fixture
def article(res: StructureResources) -> Article:
    return structure_document(page(PAGE), res)


def test_page_metadata_comes_from_title_and_dateline(article: Article) -> None:
    assert article.title == "Taman Baru Dibuka di Bandung"
    assert (article.section, article.outlet) == ("Regional", "kabarjabar.com")
    assert article.published == "2023-03-04T10:05:00+07:00"  # WIB for an Indonesian page
    assert article.language == "id"


def test_page_body_keeps_sentences_and_drops_furniture(article: Article) -> None:
    assert article.text == "\n\n".join([BODY_1, BODY_2, "Anggaran Perawatan", BODY_3])
    for furniture in ("share", "Facebook", "Foto:", "Baca juga", "Editor", "Topik", "KABARJABAR"):
        assert furniture not in article.text


def test_subheading_is_a_heading_with_offsets(article: Article) -> None:
    (heading,) = article.headings
    assert heading.text == "Anggaran Perawatan"
    assert article.text[heading.start : heading.end] == heading.text


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("Senin, 30 Jan 2023 10:15 WIB", "2023-01-30T10:15:00+07:00"),
        ("Kompas.com - 30/01/2023, 10:15 WITA", "2023-01-30T10:15:00+08:00"),
        ("Selasa, 31 Januari 2023 | 08.00 WIT", "2023-01-31T08:00:00+09:00"),
        ("Rabu, 1 Februari 2023 - 14:37", "2023-02-01T14:37:00+07:00"),
        ("1 Februari 2023", "2023-02-01"),
    ],
)
def test_dateline_shapes_give_instant_with_zone(
    res: StructureResources, dateline: str, published: str
) -> None:
    text = f"Judul Berita\n\n{dateline}\n\n{BODY_1}\n\n{BODY_2}"
    article = structure_document(page(text), res)
    assert article.published == published
    assert dateline not in article.text


def test_english_dateline_with_offset_and_pm(res: StructureResources) -> None:
    text = (
        "Council backs new bus lanes\n\nMonday, January 30, 2023 3:05 PM GMT-5\n\n"
        "The city council on Monday approved new bus lanes on three streets after a long debate "
        "that drew hundreds of residents to the town hall."
    )
    article = structure_document(page(text), res)
    assert article.published == "2023-01-30T15:05:00-05:00"
    assert article.language == "en"


@pytest.mark.parametrize(
    "prefix",
    [
        "Merdeka.com - ",
        "Jakarta, CNN Indonesia -- ",
        "Jakarta, CNN Indonesia - - ",
        "JAKARTA, KOMPAS.com - ",
        "Jakarta (ANTARA) - ",
        "KEBAYORAN BARU (Pos Kota) – ",
        "Sukabumi, Jawa Barat (ANTARA News) - ",
        "Jakarta - ",
        "Liputan6.com, Jakarta - ",
        "KONTAN.CO.ID - JAKARTA. ",
        "JAKARTA, Feb 21 (Reuters) - ",
        "REPUBLIKA.CO.ID, JAKARTA -- ",
        "TRIBUNJATENG.COM, SEMARANG - ",
    ],
)
def test_body_dateline_prefix_is_removed(res: StructureResources, prefix: str) -> None:
    article = structure_document(body(prefix + BODY_1 + "\n\n" + BODY_2), res)
    assert article.text == BODY_1 + "\n\n" + BODY_2


def test_sentence_with_dash_is_not_a_dateline(res: StructureResources) -> None:
    text = "Presiden Joko Widodo - yang baru tiba dari Bali - langsung memimpin rapat kabinet."
    assert structure_document(body(text), res).text == text


def test_container_metadata_wins_and_keeps_its_offset(res: StructureResources) -> None:
    doc = body(BODY_1, title="Judul JSON", published="2016-09-08T00:30:07Z", outlet="merdeka")
    article = structure_document(doc, res)
    assert (article.title, article.outlet) == ("Judul JSON", "merdeka")
    assert article.published == "2016-09-08T00:30:07+00:00"


def test_date_only_container_date_stays_a_date(res: StructureResources) -> None:
    assert structure_document(body(BODY_1, published="2019-03-02"), res).published == "2019-03-02"


def test_title_repeated_in_body_is_removed(res: StructureResources) -> None:
    article = structure_document(body("Judul JSON\n\n" + BODY_1, title="Judul JSON"), res)
    assert article.text == BODY_1


def test_read_more_alone_drops_the_link_lines_under_it(res: StructureResources) -> None:
    text = f"{BODY_1}\n\nBaca juga:\n\nHarga Cabai Turun di Pasar Induk\n\nBanjir Surut\n\n{BODY_2}"
    assert structure_document(body(text), res).text == BODY_1 + "\n\n" + BODY_2


@pytest.mark.parametrize(
    "closing",
    ["(ard/ard)", "[sau]", "(Uu. H - RF/I015)", "(R030)"],
)
def test_editor_initials_after_last_sentence_are_removed(
    res: StructureResources, closing: str
) -> None:
    article = structure_document(body(f"{BODY_1}\n\n{BODY_2} {closing}"), res)
    assert article.text == BODY_1 + "\n\n" + BODY_2


def test_closing_agency_credit_is_a_wire_not_text(res: StructureResources) -> None:
    article = structure_document(body(f"{BODY_1} (ANTARA/les)", outlet="merdeka"), res)
    assert article.text == BODY_1
    assert article.wire == ("Antara",)


def test_container_body_keeps_a_closing_list(res: StructureResources) -> None:
    text = f"{BODY_1}\n\nPeringkat akhir:\n\nTim Merah 12\n\nTim Biru 9"
    assert structure_document(body(text), res).text == text


def test_consecutive_short_lines_are_not_headings(res: StructureResources) -> None:
    text = f"{BODY_1}\n\nBahan:\n\nTepung terigu\n\nGula pasir\n\n{BODY_2}"
    assert structure_document(body(text), res).headings == ()


def test_page_text_without_a_title_line_keeps_its_first_sentence(
    res: StructureResources,
) -> None:
    article = structure_document(page(BODY_1 + "\n\n" + BODY_2), res)
    assert article.title is None
    assert article.text == BODY_1 + "\n\n" + BODY_2


def test_header_lines_above_the_dateline_are_not_body(res: StructureResources) -> None:
    text = (
        "Polisi Tangkap Pembobol ATM di Bekasi\n"
        "Tim Kabarkini - KabarNews\n"
        "Senin, 30 Jan 2023 10:15 WIB\n"
        "Foto: ilustrasi (Dok. Kabarkini)\n"
        f"Bekasi - {BODY_1}\n\n{BODY_2}\n"
    )
    article = structure_document(page(text), res)
    assert article.title == "Polisi Tangkap Pembobol ATM di Bekasi"
    assert article.published == "2023-01-30T10:15:00+07:00"
    assert article.text == BODY_1 + "\n\n" + BODY_2


def test_colonless_header_credits_and_buttons_are_removed(res: StructureResources) -> None:
    text = (
        "Harga Emas Naik Lagi\n\n"
        "Kabarpasar.com - 30/01/2023, 10:15 WIB\n\n"
        "Penulis Ahmad Santoso\n|\nEditor Budi Wibowo\n\nLihat Foto\n\n"
        f"JAKARTA, KABARPASAR.com - {BODY_1}\n\n{BODY_2}"
    )
    article = structure_document(page(text), res)
    assert article.text == BODY_1 + "\n\n" + BODY_2


def test_english_byline_naming_an_agency_credits_it(res: StructureResources) -> None:
    text = (
        "Storm closes schools across the coast\n\n"
        "By Jane Doe, Reuters\n\n"
        "January 30, 2023 10:15 AM GMT+7\n\n"
        "Schools along the coast closed on Monday as a tropical storm brought heavy rain and "
        "strong winds, officials said."
    )
    article = structure_document(page(text), res)
    assert article.wire == ("Reuters",)
    assert article.text.startswith("Schools along the coast")


def test_inline_read_more_link_drops_only_its_own_line(res: StructureResources) -> None:
    text = f"{BODY_1}\n\nBaca juga Harga Cabai Turun\n\nTim Merah 12\n\n{BODY_2}"
    assert structure_document(body(text), res).text == f"{BODY_1}\n\nTim Merah 12\n\n{BODY_2}"


def test_joined_read_more_marker_before_a_sentence_keeps_the_sentence(
    res: StructureResources,
) -> None:
    text = f"{BODY_1}\n\nBaca_Juga {BODY_2}"
    assert structure_document(body(text), res).text == f"{BODY_1}\n\n{BODY_2}"


LINES = st.sampled_from(
    [
        "",
        "share",
        "Baca juga:",
        "Topik Menarik",
        "Editor: Budi",
        "Senin, 30 Jan 2023 10:15 WIB",
        "Jakarta - ",
        "Subjudul Pendek",
        "(ard/ard)",
        BODY_1,
        BODY_2,
    ]
)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=14), is_page=st.booleans())
def test_any_text_structures_with_valid_heading_offsets(
    res: StructureResources, lines: list[str], is_page: bool
) -> None:
    raw = RawDocument(source=Source(), body="\n".join(lines), is_page_text=is_page)
    article = structure_document(raw, res)
    assert article.id.startswith("w")
    for heading in article.headings:
        assert article.text[heading.start : heading.end] == heading.text


def test_breadcrumb_before_the_title_is_skipped(res: StructureResources) -> None:
    text = f"Beranda | Regional | Jawa Barat\n\n{PAGE}"
    article = structure_document(page(text), res)
    assert article.title == "Taman Baru Dibuka di Bandung"
    assert article.section == "Regional"


def test_outlet_from_the_body_dateline_when_nothing_else_names_it(
    res: StructureResources,
) -> None:
    article = structure_document(body(f"JAKARTA, KOMPAS.com - {BODY_1}"), res)
    assert article.outlet == "kompas.com"
