"""Layout conventions of crawled pages, one behaviour each, on small invented pages."""

from __future__ import annotations

import pytest

from warta.ingest import RawDocument
from warta.records import Source
from warta.structure import StructureResources, structure_document

BODY_1 = (
    "Pemerintah kota membuka dua jalur bus baru yang menghubungkan terminal dengan kawasan "
    "industri di pinggiran kota mulai pekan depan."
)
BODY_2 = (
    "Kepala dinas perhubungan mengatakan tarif bus baru itu sama dengan tarif jalur lain dan "
    "armadanya berasal dari hibah pemerintah pusat."
)
EN_1 = (
    "The city opened two new bus routes on Monday linking the main terminal with the "
    "industrial estates on its outskirts, officials said."
)
EN_2 = (
    "Fares on the new routes are the same as on other lines, and the buses were bought with "
    "a grant from the central government."
)
TITLE = "Pemkot Buka Dua Jalur Bus Baru ke Kawasan Industri"


def page(text: str) -> RawDocument:
    return RawDocument(source=Source(path="x.txt"), body=text, is_page_text=True)


def body(text: str, **meta: str) -> RawDocument:
    return RawDocument(source=Source(path="x.json"), body=text, is_page_text=False, **meta)


def run(res: StructureResources, text: str) -> tuple[str, ...]:
    article = structure_document(page(text), res)
    return article.title or "", article.text


def test_advertisement_line_mid_article_does_not_end_the_body(res: StructureResources) -> None:
    text = f"{TITLE}\n\n{BODY_1}\n\nADVERTISEMENT\n\nSCROLL TO CONTINUE WITH CONTENT\n\n{BODY_2}"
    assert run(res, text) == (TITLE, f"{BODY_1}\n\n{BODY_2}")


@pytest.mark.parametrize(
    ("channels", "section"),
    [("Nasional\n", "Nasional"), ("Nasional\nHukum\n", "Nasional"), ("News|Elections\n", "News")],
)
def test_channel_lines_above_the_title_give_the_section(
    res: StructureResources, channels: str, section: str
) -> None:
    text = f"{channels}{TITLE}\nSenin, 12 Februari 2024 | 14:05 WIB\n{BODY_1}"
    article = structure_document(page(text), res)
    assert (article.title, article.section, article.text) == (TITLE, section, BODY_1)


def test_short_title_above_a_byline_is_still_the_title(res: StructureResources) -> None:
    text = f"Banjir Jakarta\nTim Kabarkini - KabarNews\nSenin, 30 Jan 2023 10:15 WIB\n{BODY_1}"
    assert run(res, text) == ("Banjir Jakarta", BODY_1)


def test_credit_label_on_its_own_line_takes_the_name_below(res: StructureResources) -> None:
    text = (
        f"{TITLE}\nReporter\nAhmad Santoso\nEditor\nDewi Lestari\n"
        f"Senin, 12 Februari 2024 14:05 WIB\n{BODY_1}\n\n{BODY_2}"
    )
    assert run(res, text) == (TITLE, f"{BODY_1}\n\n{BODY_2}")


@pytest.mark.parametrize(
    "caption",
    [
        "Suasana terminal bus, Senin (12/2/2024). (KABARKOTA.com/NAMA FOTOGRAFER)",
        "Suasana terminal bus. (Kabar Kota/Budi Santoso).",
        "Suasana terminal bus. KABAR/Budi Santoso",
        "Suasana terminal bus. ANTARA FOTO/Budi Santoso",
        "Suasana terminal bus. ©2024 Kabarkota.com/Budi Santoso",
        "Suasana terminal bus. Foto: Budi Santoso/kabarkota",
        "Suasana terminal bus. kabar.id/Budi Santoso",
        "Ilustrasi - Suasana terminal bus. KABAR/Budi",
    ],
)
def test_photo_caption_above_the_first_paragraph_is_removed(
    res: StructureResources, caption: str
) -> None:
    text = f"{TITLE}\nSenin, 12 Februari 2024 14:05 WIB\n{caption}\n\n{BODY_1}\n\n{BODY_2}"
    assert run(res, text) == (TITLE, f"{BODY_1}\n\n{BODY_2}")


def test_caption_under_a_photo_credit_of_its_own_is_removed(res: StructureResources) -> None:
    text = (
        f"{TITLE}\nSenin, 12 Februari 2024 14:05 WIB\nKABARKOTA/BUDI SANTOSO\n"
        f"Suasana terminal bus pada Senin pagi.\n\n{BODY_1}"
    )
    assert run(res, text) == (TITLE, BODY_1)


def test_a_date_in_brackets_does_not_make_a_paragraph_a_caption(
    res: StructureResources,
) -> None:
    first = "Pemerintah kota membuka dua jalur bus baru mulai Kamis (1/2)."
    text = f"{TITLE}\n1 Februari 2024 9:12 WIB\n\n{first}\n\n{BODY_2}"
    assert run(res, text) == (TITLE, f"{first}\n\n{BODY_2}")


@pytest.mark.parametrize(
    ("dateline", "published"),
    [
        ("Updated 2:17 AM EST, February 14, 2024", "2024-02-14T02:17:00-05:00"),
        ("Updated 10:05 PM GMT+7, March 9, 2024", "2024-03-09T22:05:00+07:00"),
        ("12 Feb 2024 02:05PM (Updated: 12 Feb 2024 03:10PM)", "2024-02-12T14:05:00"),
        ("Jakarta ● Tue, October 3, 2023", "2023-10-03"),
        ("Published On 13 Feb 2024", "2024-02-13"),
    ],
)
def test_english_dateline_shapes(res: StructureResources, dateline: str, published: str) -> None:
    text = f"Council opens two new bus routes\n{dateline}\n\n{EN_1}\n\n{EN_2}"
    article = structure_document(page(text), res)
    assert (article.published, article.text) == (published, f"{EN_1}\n\n{EN_2}")


@pytest.mark.parametrize(
    "header",
    [
        "Oleh: Ahmad Santoso - 20 Maret 2024 16:15 WIB",
        "Ahmad Santoso, Jurnalis-Senin, 20 Maret 2024 |16:15 WIB",
        "20/3/2024 16:15",
    ],
)
def test_dateline_inside_a_byline_or_bare_numbers(res: StructureResources, header: str) -> None:
    article = structure_document(page(f"{TITLE}\n{header}\n{BODY_1}"), res)
    assert (article.published, article.section, article.text) == (
        "2024-03-20T16:15:00+07:00",
        None,
        BODY_1,
    )


def test_date_under_an_updated_label_is_not_the_publication(res: StructureResources) -> None:
    text = (
        "Council opens two new bus routes\nUpdated\nFeb 15, 2024, 07:30 PM\n"
        f"Published\nFeb 15, 2024, 06:45 PM\n\n{EN_1}"
    )
    article = structure_document(page(text), res)
    assert (article.published, article.text) == ("2024-02-15T18:45:00", EN_1)


def test_update_line_under_the_dateline_is_skipped(res: StructureResources) -> None:
    text = f"{TITLE}\n12 Mar 2024, 16:20 WIB\nDiperbarui 12 Mar 2024, 16:25 WIB\n{BODY_1}"
    article = structure_document(page(text), res)
    assert (article.published, article.text) == ("2024-03-12T16:20:00+07:00", BODY_1)


def test_standfirst_and_bracketed_byline_are_page_header(res: StructureResources) -> None:
    text = (
        "Council opens two new bus routes\n"
        "The routes link the main terminal with the industrial estates.\n"
        "Jane Doe (The Kabar Post)\nJakarta ● Mon, February 12, 2024\n\n"
        f"{EN_1}\n\n{EN_2}"
    )
    article = structure_document(page(text), res)
    assert (article.published, article.text) == ("2024-02-12", f"{EN_1}\n\n{EN_2}")


def test_affiliation_under_a_byline_is_not_body(res: StructureResources) -> None:
    text = (
        "Council opens two new bus routes\n14 February 2024\nBy Jane Doe\nBBC News, Jakarta\n\n"
        + EN_1
    )
    article = structure_document(page(text), res)
    assert (article.outlet, article.text) == ("bbc.com", EN_1)


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("CNN Indonesia", "cnnindonesia.com"),
        ("Ahmad Santoso - detikNews", "detik.com"),
        ("kumparanBISNIS", "kumparan.com"),
        ("Merdeka.com", "merdeka.com"),
    ],
)
def test_outlet_named_in_a_header_line(res: StructureResources, line: str, outlet: str) -> None:
    text = f"{TITLE}\n{line}\nSenin, 12 Februari 2024 14:05 WIB\n{BODY_1}"
    article = structure_document(page(text), res)
    assert (article.outlet, article.text) == (outlet, BODY_1)


@pytest.mark.parametrize(
    ("prefix", "outlet"),
    [
        ("Jakarta, CNN Indonesia -- ", "cnnindonesia.com"),
        ("TEMPO.CO, Jakarta - ", "tempo.co"),
        ("Liputan6.com, Surabaya - ", "liputan6.com"),
        ("TRIBUNJATENG.COM, SEMARANG - ", "tribunjateng.com"),
        ("KONTAN.CO.ID - JAKARTA. ", "kontan.co.id"),
    ],
)
def test_outlet_from_the_body_dateline(res: StructureResources, prefix: str, outlet: str) -> None:
    article = structure_document(page(f"{TITLE}\n\n{prefix}{BODY_1}"), res)
    assert (article.outlet, article.text) == (outlet, BODY_1)


def test_outlet_named_in_the_footer_gives_the_zone_of_a_bare_time(
    res: StructureResources,
) -> None:
    text = (
        f"Council opens two new bus routes\nFebruary 28, 2024 | 4:35 pm\n\n{EN_1}\n\n"
        "Tags:\nbuses\n\nCopyright © 2024 Jakarta Globe. All rights reserved."
    )
    article = structure_document(page(text), res)
    assert (article.outlet, article.published, article.text) == (
        "jakartaglobe.id",
        "2024-02-28T16:35:00+07:00",
        EN_1,
    )


def test_outlet_in_the_body_is_not_the_pages_outlet(res: StructureResources) -> None:
    text = f"{TITLE}\nSenin, 12 Februari 2024 14:05 WIB\n\n{BODY_1} kata dia kepada CNN Indonesia."
    assert structure_document(page(text), res).outlet is None


@pytest.mark.parametrize(
    "closing",
    [
        "Simak breaking news dan berita pilihan kami langsung di ponsel Anda.",
        "Artikel ini telah tayang di Kabarkota.com dengan judul Pemkot Buka Dua Jalur Bus",
        'Baca artikel detiknews, "Pemkot Buka Dua Jalur Bus" selengkapnya https://x.id/a',
        "Follow Berita Kabarkota di Google News",
        "COPYRIGHT © KABARKOTA 2024",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Copyright 2024 The Associated Press. All Rights Reserved.",
    ],
)
def test_closing_notice_ends_the_article(res: StructureResources, closing: str) -> None:
    text = f"{TITLE}\n\n{BODY_1}\n\n{closing}\n\nBerita Lain di Sini\n\n{BODY_2}"
    assert run(res, text) == (TITLE, BODY_1)


@pytest.mark.parametrize("code", ["(mea/idn)", "(abd)", "str-dhw/tym", "(Feb)"])
def test_editor_initials_on_their_own_line_end_a_page(res: StructureResources, code: str) -> None:
    text = f"{TITLE}\n\n{BODY_1}\n{code}\nbus kota\nterminal\nangkutan umum"
    assert run(res, text) == (TITLE, BODY_1)


def test_embed_placeholder_and_video_link_are_dropped(res: StructureResources) -> None:
    video = 'Simak Video "Bus Baru Mulai Beroperasi"\n[Gambas:Video 20detik]'
    text = f"{TITLE}\n\n{BODY_1}\n\n{video}\n\n{BODY_2}"
    assert run(res, text) == (TITLE, f"{BODY_1}\n\n{BODY_2}")


@pytest.mark.parametrize("closing", ["(Z-2)", "(Ant/X-8)"])
def test_letter_number_editor_codes_close_a_body(res: StructureResources, closing: str) -> None:
    assert structure_document(body(f"{BODY_1} {closing}"), res).text == BODY_1


def test_wire_credit_lines_are_credits_not_text(res: StructureResources) -> None:
    text = (
        f"Council opens two new bus routes\n\nJAKARTA, Feb 21 (Reuters) - {EN_1}\n\n{EN_2}\n\n"
        "Reporting by Jane Doe; Editing by John Roe"
    )
    article = structure_document(page(text), res)
    assert (article.wire, article.text) == (("Reuters",), f"{EN_1}\n\n{EN_2}")


def test_contributed_line_credits_the_agency(res: StructureResources) -> None:
    text = (
        f"Council opens two new bus routes\n\n{EN_1}\n\n{EN_2}\n\n"
        "Associated Press writer Jane Doe in Bangkok contributed to this report."
    )
    article = structure_document(page(text), res)
    assert (article.wire, article.text) == (("The Associated Press",), f"{EN_1}\n\n{EN_2}")


@pytest.mark.parametrize("prefix", ["Jakarta. ", "JAKARTA: "])
def test_place_and_stop_opening_a_page_is_a_dateline(res: StructureResources, prefix: str) -> None:
    article = structure_document(page(f"Council opens two new bus routes\n\n{prefix}{EN_1}"), res)
    assert article.text == EN_1


@pytest.mark.parametrize("opening", ["Prof. Budi Santoso membuka ", "PENGANTAR: Tanggal ini "])
def test_container_body_keeps_a_title_or_label_opening(
    res: StructureResources, opening: str
) -> None:
    text = opening + BODY_2
    assert structure_document(body(text), res).text == text


def test_bare_container_time_gets_the_outlets_zone(res: StructureResources) -> None:
    doc = body(BODY_1 + " " + BODY_2, published="2024/03/18 16:42:11")
    assert structure_document(doc, res).published == "2024-03-18T16:42:11+07:00"


def test_dateline_adds_the_time_to_a_containers_date_only_value(
    res: StructureResources,
) -> None:
    text = f"Kabarkota.com - 13/02/2024, 10:15 WIB\n\n{BODY_1}"
    article = structure_document(body(text, published="2024-02-13"), res)
    assert (article.published, article.text) == ("2024-02-13T10:15:00+07:00", BODY_1)


def test_containers_date_wins_over_a_dateline_of_another_day(res: StructureResources) -> None:
    text = f"Kabarkota.com - 14/02/2024, 10:15 WIB\n\n{BODY_1}"
    assert structure_document(body(text, published="2024-02-13"), res).published == "2024-02-13"
