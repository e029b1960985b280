"""Reported demands: a speaker saying another actor must act demands it of them."""

from __future__ import annotations

import pytest

from tests.events.conftest import MakeArticle
from warta.events import EventResources, find_events

RUSSIA = ("Russia", "LOC", "RUS", ())
SUDAN = ("Sudan", "LOC", "SDN", ())
BRITAIN = ("United Kingdom", "LOC", "GBR", ("Britain",))
JOHNSON = ("Boris Johnson", "PER", "GBR", ("Johnson",))


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Tuesday that Sudan must return the helicopter it seized.",
        "Russia told reporters Sudan has to return the helicopter.",
    ],
)
def test_speaker_saying_another_must_act_demands_it(
    make_article: MakeArticle, res: EventResources, text: str
) -> None:
    events = find_events(make_article(text, [RUSSIA, SUDAN], "en"), res)
    assert [(e.code, e.source.actor, e.target.actor) for e in events] == [("100", "RUS", "SDN")]


def test_leader_saying_own_country_must_act_is_no_demand(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Johnson has repeatedly stated that Britain must leave by that date."
    assert find_events(make_article(text, [BRITAIN, JOHNSON], "en"), res) == ()


def test_modal_without_a_speaker_is_no_demand(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = "Under the 1995 treaty, Sudan must return any aircraft that lands in Russia."
    assert all(e.code != "100" for e in find_events(make_article(text, [RUSSIA, SUDAN], "en"), res))


def test_modal_inside_a_quotation_is_the_speakers_own_words(
    make_article: MakeArticle, res: EventResources
) -> None:
    text = 'Russia said: "Sudan must return the helicopter, and we will help."'
    assert all(e.code != "100" for e in find_events(make_article(text, [RUSSIA, SUDAN], "en"), res))
