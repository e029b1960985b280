"""Linking: every way an article refers to one referent ends up under one entity."""

from __future__ import annotations

from .helpers import Run, by_name


def test_surname_joins_the_full_name(run_entities: Run) -> None:
    text = (
        "Kepala desa Budi Santoso meninjau lokasi. Menurut Budi, kerugian mencapai Rp 2 miliar. "
        "Santoso pulang."
    )
    ents = run_entities(text)
    budi = by_name(ents, "Budi Santoso")
    assert [m.text for m in budi.mentions] == ["Budi Santoso", "Budi", "Santoso"]
    assert sum(e.type == "PER" for e in ents) == 1


def test_acronym_after_its_expansion_is_one_entity(run_entities: Run) -> None:
    text = (
        "Sekretaris Jenderal Pakta Pertahanan Atlantik Utara (NATO) tiba. "
        "Anggota NATO menyambutnya."
    )
    nato = [e for e in run_entities(text) if e.actor == "NATO" and e.type == "ORG"]
    assert len(nato) == 1
    assert {m.text for m in nato[0].mentions} == {"Pakta Pertahanan Atlantik Utara", "NATO"}


def test_unknown_acronym_joins_the_organisation_with_those_initials(run_entities: Run) -> None:
    text = "Aliansi Petani Muda Sejahtera menggelar aksi. APMS menuntut harga gabah naik."
    ents = run_entities(text)
    org = by_name(ents, "Aliansi Petani Muda Sejahtera")
    assert {m.text for m in org.mentions} == {"Aliansi Petani Muda Sejahtera", "APMS"}


def test_nickname_is_a_mention_of_the_country(run_entities: Run) -> None:
    text = "Stoltenberg mengunjungi Korea Selatan. Di Negeri Ginseng itu ia bertemu Presiden Yoon."
    korea = by_name(run_entities(text), "Korea Selatan")
    assert korea.actor == "KOR"
    assert "Negeri Ginseng" in {m.text for m in korea.mentions}


def test_administrative_prefix_may_be_dropped_later(run_entities: Run) -> None:
    text = "Banjir melanda Kabupaten Wajo. Di Wajo, ratusan rumah terendam."
    wajo = by_name(run_entities(text), "Kabupaten Wajo")
    assert [m.text for m in wajo.mentions] == ["Kabupaten Wajo", "Wajo"]


def test_place_is_not_merged_into_its_districts(run_entities: Run) -> None:
    ents = run_entities("Ia tinggal di Jakarta Pusat, lalu pindah ke Jakarta Utara.")
    assert {"Jakarta Pusat", "Jakarta Utara"} <= {e.name for e in ents}


def test_first_name_of_another_person_is_not_a_known_officeholder(run_entities: Run) -> None:
    text = "Ketua DPD Golkar Jatim dijabat Gatot Sudjito. Gatot Sudjito mengatakan partai solid."
    ents = run_entities(text, published="2018-02-04")
    assert "Gatot Nurmantyo" not in {e.name for e in ents}
    assert by_name(ents, "Gatot Sudjito").type == "PER"
