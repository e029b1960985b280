"""Linking and KB matching faults from the second held-out audit: surnames that pull in a KB
person, KB names that cut longer names, titles with a portfolio, regions named like common
words, English names of bilingual entries, generic English names of Indonesian bodies and the
home-country fallback in English news."""

from __future__ import annotations

import pytest

from warta.entities import EntityResources
from warta.entities.build import _orgish
from warta.entities.recognize import Candidate

from .helpers import Run, by_name


def _names(text: str, run: Run, language: str = "en") -> set[str]:
    return {e.name for e in run(text, language)}


@pytest.mark.parametrize(
    ("text", "full"),
    [
        ("Dustin Johnson won the Masters on Sunday. Johnson said he felt calm.", "Dustin Johnson"),
        ("Chelsea striker Diego Costa scored. Costa said the team played well.", "Diego Costa"),
        ("McLaren boss Zak Brown praised the team. Brown said the car was quick.", "Zak Brown"),
    ],
)
def test_surname_of_a_named_person_does_not_pull_in_a_kb_namesake(
    run_entities: Run, text: str, full: str
) -> None:
    person = by_name(run_entities(text, "en"), full)
    assert person.kb is None
    assert person.actor is None
    assert len(person.mentions) == 2


def test_surname_alone_still_names_the_kb_person(run_entities: Run) -> None:
    text = "Prime Minister Boris Johnson spoke in London. Johnson said talks would go on."
    person = by_name(run_entities(text, "en"), "Boris Johnson")
    assert person.actor == "GBR"
    assert len(person.mentions) == 2


def test_surname_shared_by_two_named_people_names_neither_kb_person(run_entities: Run) -> None:
    text = (
        "Michel Trudeau, a son of former prime minister Pierre Trudeau, died in 1998. "
        "Trudeau was 23."
    )
    ents = run_entities(text, "en", "2023-02-01")
    assert "Justin Trudeau" not in {e.name for e in ents}
    assert by_name(ents, "Michel Trudeau").actor is None


@pytest.mark.parametrize(
    "text",
    [
        "The Christian Democratic Party won the vote.",
        "She joined the Progressive Conservative Party of Canada in 1990.",
    ],
)
def test_known_party_does_not_cut_a_longer_english_name(run_entities: Run, text: str) -> None:
    names = _names(text, run_entities)
    assert {"Democratic Party", "Conservative Party", "Progressive"}.isdisjoint(names)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Menteri Pariwisata Arief Yahya mengatakan kunjungan naik.", "Arief Yahya"),
        ("Menteri Perhubungan Budi Karya Sumadi meninjau pelabuhan.", "Budi Karya Sumadi"),
        ("Wakil Menteri Pemuda dan Olahraga Rudi Santoso membuka lomba.", "Rudi Santoso"),
        ("Jendral Andika Saputra memimpin upacara di Bandung.", "Andika Saputra"),
    ],
)
def test_portfolio_and_spelling_variants_are_part_of_the_title(
    run_entities: Run, text: str, person: str
) -> None:
    found = by_name(run_entities(text), person)
    assert found.agent in ("GOV", "MIL")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Tourism Minister Arief Yahya said arrivals rose.", "Arief Yahya"),
        ("Secretary of Defense Robert Hale said troops would stay.", "Robert Hale"),
        ("The Minister of Information and Technology, Somchai Rattana, spoke.", "Somchai Rattana"),
    ],
)
def test_english_portfolio_titles_are_no_part_of_the_name(
    run_entities: Run, text: str, person: str
) -> None:
    assert by_name(run_entities(text, "en"), person).agent == "GOV"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("A study by the Centre for Policy Research was published.", "Centre"),
        ("The Gulf states raised output, a report said.", "Gulf"),
        ("The two leaders held a private tete-a-tete. Tete is quiet.", "Tete"),
    ],
)
def test_regions_named_like_common_words_are_not_places(
    run_entities: Run, text: str, word: str
) -> None:
    assert word not in _names(text, run_entities)


def test_number_word_at_sentence_start_is_no_place(run_entities: Run) -> None:
    assert "Lima" not in _names("Lima orang tewas dalam kecelakaan di Bandung.", run_entities, "id")


def test_capital_named_like_a_number_is_still_a_place_mid_sentence(run_entities: Run) -> None:
    assert "Lima" in _names("Delegasi itu tiba di Lima, ibu kota Peru, Senin.", run_entities, "id")


def test_english_text_gets_the_english_name_of_a_bilingual_place(run_entities: Run) -> None:
    names = _names("Israeli jets struck Gaza on Monday, officials said.", run_entities)
    assert "Gaza Strip" in names
    assert "Jalur Gaza" not in names


def test_indonesian_text_keeps_the_indonesian_name(run_entities: Run) -> None:
    assert "Jalur Gaza" in _names("Pesawat Israel menyerang Gaza, Senin.", run_entities, "id")


@pytest.mark.parametrize(
    "text",
    [
        "The House of Representatives passed the bill in Washington on Tuesday.",
        "The Ministry of Foreign Affairs in Tokyo said it regretted the vote.",
    ],
)
def test_generic_english_name_of_an_indonesian_body_needs_indonesia(
    run_entities: Run, text: str
) -> None:
    assert all(e.actor != "IDN" for e in run_entities(text, "en"))


def test_generic_english_name_of_an_indonesian_body_in_indonesian_news(run_entities: Run) -> None:
    text = (
        "Indonesia's House of Representatives passed the bill. "
        "Indonesian lawmakers said the House of Representatives would meet again."
    )
    assert by_name(run_entities(text, "en"), "House of Representatives").actor == "IDN"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Islamic Jihad fired rockets at Israel on Sunday.", "Jihad Islam Palestina"),
        ("Labour won the vote, and the Tories lost seats.", "Labour"),
    ],
)
def test_one_word_parties_are_organisations(run_entities: Run, text: str, name: str) -> None:
    assert by_name(run_entities(text, "en"), name).type == "ORG"


def test_official_is_not_coded_with_a_country_that_barely_leads(run_entities: Run) -> None:
    text = (
        "Russia said its troops advanced near Kharkiv. The United States promised more aid. "
        "General Tom Bradley said the first shipment would arrive soon. "
        "Russia denied the report and the United States called it false. Russia said nothing."
    )
    assert by_name(run_entities(text, "en"), "Tom Bradley").actor != "RUS"


def test_official_takes_the_country_the_story_is_about(run_entities: Run) -> None:
    text = (
        "Kenya said on Monday it would hold a new election. "
        "General Peter Otieno said the army would stay neutral. "
        "Kenya has held two elections since 2013."
    )
    assert by_name(run_entities(text, "en"), "Peter Otieno").actor == "KEN"


def test_body_head_after_a_place_preposition_is_still_a_body(entity_res: EntityResources) -> None:
    # "di Pengadilan Tipikor Bengkulu": the model leans to a place after "di", but a name headed
    # by "Pengadilan" is a body and so takes the city after it
    court = Candidate(0, 18, "Pengadilan Tipikor", votes={"ORG": 1.5, "LOC": 3.0})
    place = Candidate(0, 10, "Bandara Baru", votes={"ORG": 1.5, "LOC": 3.0})
    lex = entity_res.lexicon("id")
    assert _orgish(court, entity_res.kb, lex)
    assert not _orgish(place, entity_res.kb, lex)
