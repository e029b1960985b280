"""Verb forms: Indonesian affix rules and English inflection generate what articles use."""

from __future__ import annotations

import pytest

from warta.events import EventResources
from warta.events.lexicon import ber_form, en_forms, id_forms, me_form
from warta.events.run import _lower


@pytest.mark.parametrize(
    ("root", "form"),
    [
        ("tangkap", "menangkap"),
        ("tolak", "menolak"),
        ("kecam", "mengecam"),
        ("kunjungi", "mengunjungi"),
        ("pukul", "memukul"),
        ("bantu", "membantu"),
        ("serang", "menyerang"),
        ("desak", "mendesak"),
        ("cegah", "mencegah"),
        ("ancam", "mengancam"),
        ("gugat", "menggugat"),
        ("hukum", "menghukum"),
        ("minta", "meminta"),
        ("larang", "melarang"),
        ("kritik", "mengkritik"),
        ("protes", "memprotes"),
        ("bom", "mengebom"),
        ("perketat", "memperketat"),
        ("vonis", "memvonis"),
    ],
)
def test_me_prefix_assimilates_to_the_roots_first_sound(root: str, form: str) -> None:
    assert me_form(root) == form


@pytest.mark.parametrize(
    ("root", "form"), [("temu", "bertemu"), ("runding", "berunding"), ("kerja", "bekerja")]
)
def test_ber_prefix_drops_its_r_before_r_and_er(root: str, form: str) -> None:
    assert ber_form(root) == form


def test_one_indonesian_entry_covers_active_passive_and_suffixed_forms() -> None:
    forms = dict(id_forms({"root": "tangkap", "code": "173", "suffixes": [""]}))
    assert forms["menangkap"] is False
    assert forms["ditangkap"] is True
    assert forms["ditangkapnya"] is True


def test_english_entry_inflects_regular_verbs() -> None:
    forms = dict(en_forms({"lemma": "criticize", "code": "111"}))
    assert {"criticize", "criticizes", "criticized", "criticizing"} <= set(forms)
    assert forms["criticized"] is True  # past participle: may be passive


@pytest.fixture(scope="module")
def res() -> EventResources:
    return EventResources.load()


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("Polisi meminta maaf kepada warga.", "meminta maaf"),  # phrase beats the bare verb
        ("Polisi meminta warga tenang.", "meminta"),
    ],
)
def test_longest_form_wins_at_a_place(res: EventResources, text: str, form: str) -> None:
    found = res.languages["id"].lexicon.find(_lower(text), text)
    assert [m.form for m in found] == [form]


def test_capitalised_bare_root_is_a_name_not_a_verb(res: EventResources) -> None:
    text = "Warga Serang berkumpul, lalu polisi serang markas itu."
    found = res.languages["id"].lexicon.find(_lower(text), text)
    assert [(m.form, m.start) for m in found] == [("serang", text.index("serang markas"))]
