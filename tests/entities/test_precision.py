"""Precision patterns from held-out articles: currencies, units, initials, titles inside
names, pairs of players, nationality phrases, feature places and organisation cues."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import ClassVar

import pytest

from warta.entities import EntityResources, find_entities
from warta.records import Article, Entity, Source

from .helpers import Run, by_name


class _SilentModel:
    """A stand-in for the statistical model that tags nothing: a group of mentions must then
    rest on the rules' own evidence (a title, a head word, a cue) to be kept."""

    meta: ClassVar[dict[str, str]] = {"language": "id"}

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[object]]:
        return [[] for _ in sentences]


@pytest.fixture(scope="module")
def run_strict(entity_res: EntityResources) -> Run:
    res = dataclasses.replace(entity_res, model=_SilentModel())

    def run(text: str, language: str = "id") -> tuple[Entity, ...]:
        article = Article("t", Source(path="t.txt"), language, None, None, None, None, (), text)
        return find_entities(article, res)

    return run


def _names(ents: tuple[Entity, ...]) -> set[str]:
    return {e.name for e in ents}


def test_dollar_sign_after_a_country_code_is_a_currency(run_entities: Run) -> None:
    ents = run_entities("Nilai ekspor kertas itu mencapai US$ 34 juta, kata Budi Santoso.")
    assert all(e.actor != "USA" for e in ents)
    assert "Budi Santoso" in _names(ents)


@pytest.mark.parametrize(
    "text",
    [
        "Ponsel itu membawa RAM 3 GB, layar FHD dan jaringan LTE.",
        "Pelanggan bisa membayar lewat ATM atau SMS sejak Senin.",
        "Peringatan HUT RI ke-72 digelar di halaman kantor itu.",
        "Ribuan orang mengikuti Aksi Bela Rakyat di depan gedung itu.",
    ],
)
def test_units_devices_and_occasions_are_not_entities(run_entities: Run, text: str) -> None:
    assert run_entities(text) == ()


@pytest.mark.parametrize("cue", ["berinisial", "saudara", "korban"])
def test_initials_after_a_person_cue_are_a_person(run_entities: Run, cue: str) -> None:
    ents = run_entities(f"Polisi menangkap pria {cue} MA di rumahnya pada Selasa malam.")
    ma = by_name(ents, "MA")
    assert ma.type == "PER"
    assert ma.kb is None  # not the Supreme Court's acronym


def test_a_title_inside_a_place_name_stays_in_it(run_entities: Run) -> None:
    ents = run_entities("Setibanya di Kabul, rombongan disambut di Istana Presiden Arg.")
    palace = by_name(ents, "Istana Presiden Arg")
    assert palace.type == "LOC"
    assert "Arg" not in _names(ents)


def test_airport_named_international_is_a_place(run_entities: Run) -> None:
    ents = run_entities("Pesawat lepas landas dari Bandara Internasional Hazrat Shahjalal.")
    assert by_name(ents, "Bandara Internasional Hazrat Shahjalal").type == "LOC"


def test_abbreviated_airport_head_is_the_same_place(run_entities: Run) -> None:
    ents = run_entities(
        "Bandar Udara Sukamulya dibuka tahun lalu. Kini Bandara Sukamulya melayani 20 "
        "penerbangan sehari."
    )
    airport = by_name(ents, "Bandar Udara Sukamulya")
    assert {m.text for m in airport.mentions} == {"Bandar Udara Sukamulya", "Bandara Sukamulya"}


def test_feature_head_before_a_known_place_is_a_place_of_its_own(run_entities: Run) -> None:
    ents = run_entities("Kapal itu dibajak di Laut Jepang pada Minggu dini hari.")
    sea = by_name(ents, "Laut Jepang")
    assert sea.type == "LOC"
    assert sea.actor is None  # the sea, not the state


def test_country_opening_an_organisation_gives_its_actor(run_entities: Run) -> None:
    text = (
        "The United States Navy has been ordered to the Somalian coast. Somalia has asked "
        "for help, and officials in Somalia welcomed the move."
    )
    navy = by_name(run_entities(text, language="en"), "United States Navy")
    assert (navy.type, navy.actor) == ("ORG", "USA")


def test_opponents_nationality_is_not_the_players(run_entities: Run) -> None:
    text = (
        "Pasangan Budi Santoso/Andi Wijaya menang mudah.\n\nBudi/Andi melawan pasangan asal "
        "Jepang, Kenta Abe/Yuta Ono.\n\nBudi/Andi memastikan tiket ke final."
    )
    ents = run_entities(text)
    assert by_name(ents, "Budi Santoso").actor != "JPN"
    assert by_name(ents, "Kenta Abe").actor == "JPN"


def test_nationality_phrase_right_after_a_name_ties_it(run_entities: Run) -> None:
    ents = run_entities("Polisi menahan Kenji Sato, warga negara Jepang, di Denpasar.")
    assert by_name(ents, "Kenji Sato").actor == "JPN"


def test_country_before_a_listed_title_is_not_the_officials(run_entities: Run) -> None:
    text = (
        "Turut dalam penerbangan menuju Afghanistan, Menteri Koordinator bidang Perekonomian "
        "Darmawan Sitompul."
    )
    assert by_name(run_entities(text), "Darmawan Sitompul").actor != "AFG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Hadir pula Staf Khusus Presiden Ari Wibisono di acara itu.", "Ari Wibisono"),
        ("Sekretaris Kabinet Pramudya Anung membacakan keputusan itu.", "Pramudya Anung"),
        ("Ibu Negara Iriani Wibowo menyapa warga di Bogor.", "Iriani Wibowo"),
        ("Kasal Bangladesh Laksamana Muda Hasan Ali Khan ikut hadir.", "Hasan Ali Khan"),
    ],
)
def test_compound_titles_are_not_part_of_the_name(run_entities: Run, text: str, name: str) -> None:
    ents = run_entities(text)
    person = by_name(ents, name)
    assert person.type == "PER"
    assert [m.text for m in person.mentions] == [name]
    assert _names(ents) - {name} <= {"Bangladesh", "Bogor"}  # no piece of the title


def test_unit_after_a_police_chiefs_title_is_no_place(run_entities: Run) -> None:
    ents = run_entities(
        "Kapolres Metro Bekasi Kombes Asep Saputra mengatakan pelaku sudah ditahan."
    )
    assert "Metro Bekasi" not in _names(ents)
    assert by_name(ents, "Asep Saputra").agent == "COP"


def test_profession_before_a_lone_name_backs_it(run_strict: Run) -> None:
    ents = run_strict("Dalam rombongan itu terlihat penyanyi Opick dan istrinya.")
    assert by_name(ents, "Opick").type == "PER"


def test_capitalised_profession_inside_an_organisation_is_no_title(run_entities: Run) -> None:
    ents = run_entities("Ketua Persatuan Artis Film Indonesia (PARFI) hadir di sana.")
    parfi = by_name(ents, "Persatuan Artis Film Indonesia")
    assert parfi.type == "ORG"
    assert "PARFI" in {m.text for m in parfi.mentions}


def test_partner_in_a_pair_of_players_is_a_person(run_strict: Run) -> None:
    ents = run_strict("Pelatih itu puas, kata Takeshi Kamura/Keigo Sonoda usai laga.")
    assert by_name(ents, "Keigo Sonoda").type == "PER"


def test_hyphenated_korean_given_name_is_one_name(run_entities: Run) -> None:
    ents = run_entities("Mereka akan bertemu Kim Won - ho/Shin Seung - chan (Korea) di final.")
    assert {"Kim Won - ho", "Shin Seung - chan"} <= _names(ents)


@pytest.mark.parametrize(
    "text",
    [
        "Ia pernah bekerja di Fusion Payments, perusahaan yang membuat aplikasi itu.",
        "Sebelumnya ia memimpin perusahaan Fusion Payments di Jakarta.",
    ],
)
def test_company_cue_makes_an_organisation(run_entities: Run, text: str) -> None:
    assert by_name(run_entities(text), "Fusion Payments").type == "ORG"


def test_brand_glued_to_a_person_is_two_names(run_strict: Run) -> None:
    text = (
        "Layanan dari perusahaan InfraDigital itu gratis. Menurut pendiri InfraDigital Ian "
        "McKenna, sekolah cukup mendaftar. Kata Ian, biayanya ditanggung mitra."
    )
    ents = run_strict(text)
    assert by_name(ents, "InfraDigital").type == "ORG"
    assert by_name(ents, "Ian McKenna").type == "PER"


def test_short_name_joins_the_long_name_of_its_own_type(run_entities: Run) -> None:
    text = (
        "Mal itu berada di Kota Guangzhou. Hotel pertama di Guangzhou dibuka di sana, dekat "
        "stasiun Guangzhou Metro."
    )
    city = by_name(run_entities(text), "Kota Guangzhou")
    assert "Guangzhou" in {m.text for m in city.mentions}


def test_club_named_with_its_city_takes_its_short_name(run_entities: Run) -> None:
    text = "Pelatih klub Persib Bandung puas. Menurut dia, lini tengah Persib bermain disiplin."
    club = by_name(run_entities(text), "Persib Bandung")
    assert club.type == "ORG"
    assert "Persib" in {m.text for m in club.mentions}


def test_mixed_case_acronym_in_brackets_is_the_same_body(run_entities: Run) -> None:
    text = "The Group of Ministers (GoM) met on Monday. The GoM has proposed new rules."
    body = by_name(run_entities(text, language="en"), "Group of Ministers")
    assert "GoM" in {m.text for m in body.mentions}


def test_english_organisation_with_on_in_an_indonesian_article(run_entities: Run) -> None:
    text = "Menurut International Agency for Research on Cancer (IARC), kasus itu naik."
    agency = by_name(run_entities(text), "International Agency for Research on Cancer")
    assert "IARC" in {m.text for m in agency.mentions}


def test_demonym_before_a_title_is_no_name(run_entities: Run) -> None:
    ents = run_entities(
        '"The troops are ready," said Ugandan President, Yoweri Museveni.', language="en"
    )
    assert "Ugandan President" not in _names(ents)


def test_age_after_an_initial_is_not_part_of_a_name(run_entities: Run) -> None:
    ents = run_entities("Untuk saudara SD 27 tahun, perannya menyiram bensin.")
    assert "SD 27" not in _names(ents)


def test_acronym_of_a_tariff_name_is_no_entity(run_entities: Run) -> None:
    text = "Bea Masuk Anti - Dumping (BMAD) berlaku. BMAD dikenakan kepada tiga eksportir."
    assert run_entities(text) == ()


def test_names_differing_only_in_diacritics_are_one_person(run_entities: Run) -> None:
    text = (
        "Pebalap Marc Marquez menang di Sepang. Menurut Marc Márquez, motornya stabil. "
        "Márquez kini memimpin klasemen."
    )
    ents = run_entities(text)
    rider = [e for e in ents if e.type == "PER"]
    assert len(rider) == 1
    assert {m.text for m in rider[0].mentions} >= {"Marc Marquez", "Marc Márquez", "Márquez"}


def test_country_acronym_opening_a_clubs_name_is_no_country(run_entities: Run) -> None:
    ents = run_entities("Ia pernah membela AS Roma dan Inter Milan sebelum pensiun.")
    assert all(e.actor != "USA" for e in ents)


def test_country_acronym_after_a_title_before_a_city_stays_a_country(run_entities: Run) -> None:
    ents = run_entities("Hal itu disampaikan Dubes RI London dalam jumpa pers, Senin.")
    assert "IDN" in {e.actor for e in ents}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kata arkeolog Husaini Ibrahim MA di Banda Aceh, situs itu penting.", "Husaini Ibrahim"),
        ("The sentence was passed by judge Durham Hall QC on Friday.", "Durham Hall"),
    ],
)
def test_degree_after_a_name_is_no_part_of_it(run_entities: Run, text: str, name: str) -> None:
    language = "id" if "Kata" in text else "en"
    ents = run_entities(text, language=language)
    assert by_name(ents, name).type == "PER"
    assert "Mahkamah Agung" not in _names(ents)  # "MA" is a degree here


def test_arabic_particle_with_a_hyphen_stays_in_the_name(run_entities: Run) -> None:
    text = '"They are free," said the provincial governor, Mohammed al-Waili, on Monday.'
    assert "Mohammed al-Waili" in _names(run_entities(text, language="en"))


@pytest.mark.parametrize(
    "text",
    [
        "A woman was killed by a rocket in the town of Sderoth three days ago.",
        "Soldiers killed a family in the Khasir Abyad district last March.",
    ],
)
def test_english_place_nouns_make_a_place(run_entities: Run, text: str) -> None:
    ents = run_entities(text, language="en")
    assert [e.type for e in ents] == ["LOC"]


def test_senate_is_a_legislature(run_entities: Run) -> None:
    ents = run_entities("Ia putra wakil ketua pertama Senat Afghanistan yang tewas kemarin.")
    senate = by_name(ents, "Senat Afghanistan")
    assert (senate.type, senate.actor, senate.agent) == ("ORG", "AFG", "LEG")


@pytest.mark.parametrize(
    "text",
    [
        "Indonesia menargetkan 55 emas di SEA Games 2017 di Kuala Lumpur.",
        "Presiden akan menghadiri KTT di Manila pekan depan.",
    ],
)
def test_games_and_summits_are_not_entities(run_entities: Run, text: str) -> None:
    assert all(e.type == "LOC" for e in run_entities(text))


def test_team_head_may_be_dropped_from_an_organisations_name(run_entities: Run) -> None:
    text = "Tim Arema FC tiba di Malang. Pelatih menyebut Arema FC siap bertanding."
    ents = run_entities(text)
    club = by_name(ents, "Tim Arema FC")
    assert "Arema FC" in {m.text for m in club.mentions}


def test_acronym_before_a_person_after_a_title_is_two_names(run_strict: Run) -> None:
    text = (
        "Tim itu dimiliki Honda Racing Corporation (HRC). Presiden HRC Yoshishige Nomura "
        "mengatakan, kata Nomura, kontrak sudah diteken."
    )
    ents = run_strict(text)
    assert by_name(ents, "Yoshishige Nomura").type == "PER"
    assert "HRC" in {m.text for m in by_name(ents, "Honda Racing Corporation").mentions}


def test_generational_suffix_stays_in_the_name(run_entities: Run) -> None:
    ents = run_entities("The actor Robert Downey Jr said on Monday he would return.", language="en")
    assert "Robert Downey Jr" in _names(ents)
