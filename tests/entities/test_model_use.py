"""How the statistical model's spans feed recognition (a stand-in model fixes its answers)."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from warta.entities import EntityResources, find_entities
from warta.records import Article, Entity, Source

from .helpers import by_name


class TagsWords:
    """A stand-in for the NER model: tags each listed word with its type."""

    def __init__(self, types: dict[str, str]) -> None:
        self.types = types

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        return [
            [(i, i + 1, self.types[w]) for i, w in enumerate(words) if w in self.types]
            for words in sentences
        ]


def _run(res: EntityResources, model: TagsWords | None, text: str) -> tuple[Entity, ...]:
    article = Article("t", Source(), "id", None, None, None, "2023-01-01", (), text)
    return find_entities(article, dataclasses.replace(res, model=model))


def test_model_type_decides_an_unknown_name(entity_res: EntityResources) -> None:
    text = "Rombongan bertemu Sukamaju kemarin sore."
    assert by_name(_run(entity_res, None, text), "Sukamaju").type == "PER"
    assert by_name(_run(entity_res, TagsWords({"Sukamaju": "LOC"}), text), "Sukamaju").type == "LOC"


def test_model_backs_a_name_that_only_opens_sentences(entity_res: EntityResources) -> None:
    text = "Wiyono pulang ke rumah. Ia lelah sekali."
    assert _run(entity_res, None, text) == ()
    found = _run(entity_res, TagsWords({"Wiyono": "PER"}), text)
    assert [(e.name, e.type) for e in found] == [("Wiyono", "PER")]


def test_knowledge_base_type_outweighs_the_model(entity_res: EntityResources) -> None:
    found = _run(entity_res, TagsWords({"Jerman": "PER"}), "Delegasi Jerman tiba di Jakarta.")
    assert by_name(found, "Jerman").type == "LOC"


def test_with_a_model_bare_capitals_it_does_not_tag_are_dropped(
    entity_res: EntityResources,
) -> None:
    text = "Harga Cabai Rawit naik lagi di pasar Kramat pekan ini."
    without = {e.name for e in _run(entity_res, None, text)}
    assert "Harga Cabai Rawit" in without
    found = {e.name for e in _run(entity_res, TagsWords({"Kramat": "LOC"}), text)}
    assert found == {"Kramat"}
