"""Place names, country names and nationality words standing for their state in English."""

from __future__ import annotations

import pytest

from tests.events.conftest import MakeArticle
from warta.events import EventResources, find_events
from warta.events.places import load_place_names


@pytest.mark.parametrize(
    ("lang", "name", "code"),
    [
        ("en", "Turkey", "TUR"),
        ("en", "Ivory Coast", "CIV"),
        ("en", "Burma", "MMR"),  # CLDR's qualifier "Myanmar (Burma)" read as a name
        ("id", "Turki", "TUR"),
        ("en", "Beirut", "LBN"),
        ("id", "Kairo", "EGY"),
    ],
)
def test_country_and_city_names_code_as_their_state(lang: str, name: str, code: str) -> None:
    assert load_place_names(lang)[name] == code


def test_uncoded_city_acting_codes_as_its_country(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("Beirut condemned Damascus over the border shelling.", language="en")
    (event,) = find_events(art, res)
    assert (event.source.actor, event.target.actor, event.code) == ("LBN", "SYR", "111")


def test_country_name_the_entity_stage_left_uncoded_takes_its_code(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article(
        "Turkey accused Greece of violating its airspace.", [("Turkey", "PER", None, ())], "en"
    )
    (event,) = find_events(art, res)
    assert (event.source.actor, event.target.actor) == ("TUR", "GRC")


def test_lower_case_place_word_is_no_actor(make_article: MakeArticle, res: EventResources) -> None:
    art = make_article("The turkey was criticised by Greece on Monday.", language="en")
    assert find_events(art, res) == ()


def test_place_inside_a_personal_name_is_not_the_state(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article(
        "Denzel Washington criticised Cairo on Monday.",
        [("Denzel Washington", "PER", None, ())],
        "en",
    )
    assert all(e.source.actor != "USA" for e in find_events(art, res))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Latvian police arrested two Russian citizens.", "LVA"),
        ("Panamanian troops attacked Colombian rebels near the border.", "PAN"),
    ],
)
def test_adjectival_demonym_codes_the_actor_it_qualifies(
    make_article: MakeArticle, res: EventResources, text: str, source: str
) -> None:
    (event,) = find_events(make_article(text, language="en"), res)
    assert event.source.actor == source


def test_international_body_named_generically_codes_as_igo(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("The European Community criticised Serbia over the siege.", language="en")
    (event,) = find_events(art, res)
    assert (event.source.actor, event.source.agent, event.target.actor) == ("EU", "IGO", "SRB")


@pytest.mark.parametrize("cue", ["is ready to", "is willing to", "is prepared to"])
def test_readiness_to_act_is_intent(
    make_article: MakeArticle, res: EventResources, cue: str
) -> None:
    art = make_article(f"Syria {cue} attack Israel, officials said.", language="en")
    (event,) = find_events(art, res)
    assert event.modality == "intent"


@pytest.mark.parametrize(
    ("text", "language", "target"),
    [
        ("Sudanese rebels shelled the town of Juba.", "en", "SSD"),
        ("Israeli aircraft bombed targets in Gaza on Monday.", "en", "PSE"),
        ("Israel menyerang sejumlah sasaran di Gaza, Senin (27/3).", "id", "PSE"),
    ],
)
def test_force_used_on_a_place_targets_its_state(
    make_article: MakeArticle, res: EventResources, text: str, language: str, target: str
) -> None:
    art = make_article(text, [("Israel", "LOC", "ISR", ())], language)
    (event,) = find_events(art, res)
    assert (event.root, event.target.actor) in {("19", target), ("18", target)}


def test_violence_at_home_names_no_place_target(
    make_article: MakeArticle, res: EventResources
) -> None:
    art = make_article("Egyptian police shot protesters in Cairo.", language="en")
    assert all(e.target.name != "Cairo" for e in find_events(art, res))
