"""Which text the statistical model is asked about, and how its spans cut a run of capitals."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from warta.entities import EntityResources, find_entities
from warta.records import Article, Entity, Source

from .helpers import by_name


class TagsPhrases:
    """A stand-in for the NER model: tags each listed phrase with its type, and keeps every
    sequence of words it was asked about."""

    def __init__(self, types: dict[str, str]) -> None:
        self.types = {tuple(k.split()): v for k, v in types.items()}
        self.asked: list[list[str]] = []

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[int, int, str]]]:
        self.asked += [list(s) for s in sentences]
        return [self._spans(list(words)) for words in sentences]

    def _spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        out = []
        for phrase, label in self.types.items():
            n = len(phrase)
            out += [
                (i, i + n, label) for i in range(len(words)) if tuple(words[i : i + n]) == phrase
            ]
        return sorted(out)


def _run(res: EntityResources, model: TagsPhrases, text: str) -> tuple[Entity, ...]:
    article = Article("t", Source(), "id", None, None, None, "2023-01-01", (), text)
    return find_entities(article, dataclasses.replace(res, model=model))


def test_model_is_not_asked_about_sentences_the_knowledge_base_explains(
    entity_res: EntityResources,
) -> None:
    model = TagsPhrases({"Sukamaju": "PER"})
    text = (
        "Presiden Joko Widodo tiba di Jakarta pada pagi hari. "
        "Rombongan itu kemudian bertemu Sukamaju di sebuah rumah makan."
    )
    ents = _run(entity_res, model, text)
    assert by_name(ents, "Sukamaju").type == "PER"
    words = {w for seq in model.asked for w in seq}
    assert "Sukamaju" in words
    assert "Widodo" not in words


def test_model_sees_a_window_not_the_whole_long_sentence(entity_res: EntityResources) -> None:
    model = TagsPhrases({})
    filler = " ".join(["mereka"] * 30)
    _run(entity_res, model, f"Kemarin {filler} bertemu Sukamaju dan {filler} pulang.")
    assert model.asked and all(len(seq) < 30 for seq in model.asked)


def test_run_the_model_reads_as_company_then_person_is_two_entities(
    entity_res: EntityResources,
) -> None:
    model = TagsPhrases({"PT Sinar Jaya Abadi": "ORG", "Rudi Hartanto": "PER"})
    text = "Hal itu disampaikan Direktur Pemasaran PT Sinar Jaya Abadi Rudi Hartanto di Surabaya."
    ents = _run(entity_res, model, text)
    assert by_name(ents, "PT Sinar Jaya Abadi").type == "ORG"
    assert by_name(ents, "Rudi Hartanto").type == "PER"


def test_run_the_model_reads_as_one_organisation_stays_whole(entity_res: EntityResources) -> None:
    model = TagsPhrases({"Yayasan Sinar Jaya Abadi": "ORG"})
    text = "Bantuan itu datang dari Yayasan Sinar Jaya Abadi di Surabaya, kemarin."
    ents = _run(entity_res, model, text)
    assert by_name(ents, "Yayasan Sinar Jaya Abadi").type == "ORG"
