"""Who did what to whom: actors from the clause, voice, negation, intent, metonyms, dates."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from warta.events import EventResources, find_events
from warta.records import Article, Event, Quote, Speaker

MakeArticle = Callable[..., Article]  # the make_article fixture of conftest.py

JOKOWI = ("Joko Widodo", "PER", "IDN", ("Jokowi",))
XI = ("Xi Jinping", "PER", "CHN", ("Xi",))
KPK = ("Komisi Pemberantasan Korupsi", "ORG", "IDN", ("KPK",))
NATO = ("NATO", "ORG", "NATO", ())
KOREA = ("Korea Selatan", "LOC", "KOR", ())
AS = ("Amerika Serikat", "LOC", "USA", ("AS",))
BEIJING = ("Beijing", "LOC", "CHN", ())
CHINA = ("Tiongkok", "LOC", "CHN", ())
TAIWAN = ("Taiwan", "LOC", "TWN", ())


def _summary(events: tuple[Event, ...]) -> list[tuple[str, str | None, str | None]]:
    return [(e.code, e.source.actor, e.target.actor) for e in events]


def test_active_clause_subject_is_source_object_is_target(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article(
        "NATO pada Senin (30/1) mendesak Korea Selatan mengirim bantuan.", [NATO, KOREA]
    )
    (event,) = find_events(art, res)
    assert (event.code, event.root, event.source.actor, event.target.actor) == (
        "020",
        "02",
        "NATO",
        "KOR",
    )
    assert (event.quad, event.goldstein) == (1, 1.0)
    assert event.date == "2023-01-30"


def test_evidence_is_the_sentence_with_exact_offsets(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Hujan turun sejak pagi. KPK menangkap Nyono di Surabaya, Sabtu (3/2)."
    (event,) = find_events(make_article(text, [KPK, ("Nyono", "PER", "IDN", ())]), res)
    ev = event.evidence
    assert text[ev.start : ev.end] == ev.text == text[24:]


def test_passive_with_oleh_makes_the_agent_the_source(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("Xi Jinping dikecam oleh Joko Widodo dalam pidatonya.", [XI, JOKOWI])
    assert _summary(find_events(art, res)) == [("111", "IDN", "CHN")]


def test_passive_agent_may_follow_the_verb_directly(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("Seorang pria ditangkap Komisi Pemberantasan Korupsi di Garut.", [KPK])
    assert _summary(find_events(art, res)) == [("173", "IDN", "IDN")]


def test_generic_police_and_suspect_code_as_the_domestic_country(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("Polisi menangkap tiga tersangka pengedar narkoba di Medan kemarin.")
    (event,) = find_events(art, res)
    assert (event.code, event.source.actor, event.target.actor) == ("173", "IDN", "IDN")
    assert event.source.agent == "COP"
    assert event.date == "2023-01-31"


def test_generic_actors_stay_uncoded_when_no_country_leads(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Amerika Serikat dan Tiongkok bersaing. Polisi menangkap tiga tersangka."
    assert find_events(make_article(text, [AS, CHINA]), res) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Tiongkok tidak akan menyerang Taiwan.",
        "Tiongkok belum menyerang Taiwan.",
        "Tiongkok membantah menyerang Taiwan.",
    ],
)
def test_negated_verb_codes_no_event(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    assert [
        e for e in find_events(make_article(text, [CHINA, TAIWAN]), res) if e.root == "19"
    ] == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Tiongkok akan menyerang Taiwan jika perlu.", "138"),
        ("Joko Widodo berencana mengunjungi Tiongkok.", "036"),
    ],
)
def test_intended_act_takes_the_intent_code(
    make_article: MakeArticle, res: EventResources, text: str, code: str
) -> None:
    (event,) = find_events(make_article(text, [CHINA, TAIWAN, JOKOWI]), res)
    assert (event.code, event.modality) == (code, "intent")


def test_capital_acting_is_its_government(make_article: MakeArticle, res: EventResources) -> None:
    art = make_article("Beijing mengecam Amerika Serikat atas penjualan senjata.", [BEIJING, AS])
    (event,) = find_events(art, res)
    assert (event.source.actor, event.source.agent, event.target.actor) == ("CHN", "GOV", "USA")


def test_statement_without_target_is_not_an_event(
    make_article: MakeArticle, res: EventResources
) -> None:
    assert find_events(make_article("Joko Widodo menolak berkomentar.", [JOKOWI]), res) == ()


def test_place_after_di_is_the_location_not_the_target(
    make_article: MakeArticle, res: EventResources
) -> None:
    jombang = ("Jombang", "LOC", None, ())
    art = make_article(
        "KPK menangkap Nyono di Jombang.", [KPK, ("Nyono", "PER", "IDN", ()), jombang]
    )
    (event,) = find_events(art, res)
    assert event.target.name == "Nyono"
    assert event.location is not None and event.location.name == "Jombang"


def test_first_person_inside_a_quote_is_its_speaker(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = '"Kami mengecam keras Amerika Serikat," kata Xi.'
    end = text.index(',"')
    quote = Quote(text[1:end], 1, end, "direct", "kata", Speaker("Xi Jinping", "e0"))
    (event,) = find_events(make_article(text, [XI, AS], quotes=(quote,)), res)
    assert (event.code, event.source.actor, event.target.actor) == ("111", "CHN", "USA")


def test_english_passive_with_by(make_article: MakeArticle, res: EventResources) -> None:
    police = ("Hong Kong Police", "ORG", "HKG", ())
    student = ("Joshua Wong", "PER", "HKG", ())
    text = "On Friday, Joshua Wong was arrested by Hong Kong Police."
    art = make_article(text, [police, student], language="en", published="2019-06-23")
    (event,) = find_events(art, res)
    assert (event.code, event.source.name, event.target.name, event.date) == (
        "173", "Hong Kong Police", "Joshua Wong", "2019-06-21",
    )  # fmt: skip


def test_english_noun_use_of_a_verb_form_is_no_event(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Protesters' demands include the release of Joshua Wong."
    art = make_article(text, [("Joshua Wong", "PER", "HKG", ())], language="en")
    assert find_events(art, res) == ()


def test_article_without_rules_for_its_language_has_no_events(
    make_article: MakeArticle, res: EventResources
) -> None:
    assert find_events(make_article("Polisi menangkap pencuri.", language="xx"), res) == ()


def test_event_noun_takes_its_actor_after_it_and_target_after_a_preposition(
    make_article: MakeArticle, res: EventResources
) -> None:
    stoltenberg = ("Jens Stoltenberg", "PER", "NATO", ("Stoltenberg",))
    art = make_article(
        "Kunjungan Stoltenberg ke Korea Selatan berlangsung dua hari.", [stoltenberg, KOREA]
    )
    assert _summary(find_events(art, res)) == [("042", "NATO", "KOR")]


def test_clause_opened_by_the_verb_takes_its_subject_after_the_comma(
    make_article: MakeArticle, res: EventResources
) -> None:
    mao = ("Mao Ning", "PER", "CHN", ())
    art = make_article("Menanggapi NATO, juru bicara Mao Ning mengatakan hal itu.", [NATO, mao])
    assert ("010", "CHN", "NATO") in _summary(find_events(art, res))


def test_speech_tag_name_is_not_the_subject(make_article: MakeArticle, res: EventResources) -> None:
    yusri = ("Yusri Yunus", "PER", "IDN", ("Yusri",))
    polda = ("Polda Jawa Barat", "ORG", "IDN", ())
    text = "Tujuh ormas itu, kata Yusri, menuntut Polda Jawa Barat menuntaskan kasus."
    (event,) = find_events(make_article(text, [yusri, polda]), res)
    assert (event.code, event.source.name, event.source.agent) == ("100", None, "CVL")


def test_agentless_passive_arrest_is_the_states_act(
    make_article: MakeArticle, res: EventResources
) -> None:
    (event,) = find_events(
        make_article("Dua tersangka ditahan di Polres Garut, Senin (30/1)."), res
    )
    assert (event.code, event.source.actor, event.target.actor) == ("173", "IDN", "IDN")


@pytest.mark.parametrize(
    "text",
    [
        "Ia mengancam massa akan datang kalau polisi berani menangkap Rizieq.",
        "Kebutuhan mendesak warga adalah air bersih.",
        "Rancangan Undang-undang itu dibahas Komisi Pemberantasan Korupsi.",
    ],
)
def test_conditions_adjectives_and_compounds_code_no_such_event(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    rizieq = ("Rizieq Shihab", "PER", "IDN", ("Rizieq",))
    codes = [e.code for e in find_events(make_article(text, [rizieq, KPK]), res)]
    assert not {"173", "020", "036"} & set(codes)


def test_name_the_entity_stage_missed_acts_for_the_domestic_country(
    make_article: MakeArticle, res: EventResources
) -> None:
    bank = ("Bank DKI", "ORG", "IDN", ())
    art = make_article("Untuk itu, Disdik telah bekerja sama dengan Bank DKI.", [bank, KPK])
    (event,) = find_events(art, res)
    assert (event.code, event.source.name, event.target.name) == ("061", "Disdik", "Bank DKI")


def test_name_after_a_preposition_is_never_an_unnamed_actor(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Pakar menyelidiki racun di Malaysia untuk membunuh Kim Jong-nam."
    art = make_article(text, [("Kim Jong-nam", "PER", "PRK", ()), KPK])
    assert [e for e in find_events(art, res) if e.root == "18"] == []


def test_pronoun_stands_for_the_last_named_actor_of_its_kind(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "NATO bersidang di Brussel. Xi Jinping hadir. Ia mengecam Amerika Serikat."
    (event,) = find_events(make_article(text, [NATO, XI, AS]), res)
    assert (event.source.name, event.target.actor) == ("Xi Jinping", "USA")
