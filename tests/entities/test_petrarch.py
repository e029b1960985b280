"""Reading PETRARCH / Phoenix actor and agent dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.entities import EntityResources, find_entities
from warta.entities.kb import KbError, Role
from warta.entities.petrarch import read_dictionaries
from warta.records import Article, Source

ACTORS = """# a comment
RENATA_VOSKUIJLEN_
+PRESIDENT_VOSKUIJLEN_
+R._VOSKUIJLEN_
\t[NLDGOV 150101-191231]
\t[NLDELI]
GLOBAL_FOOD_COUNCIL_ [IGOUNO] # inline code
"""
AGENTS = """!PERSON! = MAN, WOMAN
FISHER!PERSON! [~AGR]
RIOT_POLICE [COP]
"""


def test_actor_entries_with_synonyms_and_dated_codes(tmp_path: Path) -> None:
    (tmp_path / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    found = read_dictionaries([tmp_path])
    roles = found.actors["RENATA VOSKUIJLEN"]
    assert roles[0] == Role("NLD", "GOV", "2015-01-01", "2019-12-31")
    assert found.actors["R. VOSKUIJLEN"] == roles
    assert found.actors["GLOBAL FOOD COUNCIL"] == (Role("UN", "IGO"),)


def test_agent_entries_expand_substitution_sets(tmp_path: Path) -> None:
    (tmp_path / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    agents = read_dictionaries([tmp_path]).agents
    assert agents["fisherman"] == "AGR"
    assert agents["fisherwoman"] == "AGR"
    assert agents["riot police"] == "COP"


def test_dictionary_actor_codes_an_unknown_person(tmp_path: Path) -> None:
    (tmp_path / "Test.actors.txt").write_text(ACTORS, encoding="utf-8")
    res = EntityResources.load(dictionary_paths=[tmp_path], use_model=False)
    text = "Renata Voskuijlen tiba di Jakarta."
    article = Article("t", Source(), "id", None, None, None, "2016-03-01", (), text)
    person = next(e for e in find_entities(article, res) if e.name == "Renata Voskuijlen")
    assert (person.actor, person.agent) == ("NLD", "GOV")


def test_missing_dictionary_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KbError, match="no such dictionary"):
        read_dictionaries([tmp_path / "nowhere"])


def test_reads_the_phoenix_dictionaries(shared_dir: Path) -> None:
    folder = shared_dir / "data" / "events" / "petrarch2" / "dictionaries"
    found = read_dictionaries([folder])
    assert any(r.actor == "USA" and r.agent == "GOV" for r in found.actors["BARACK OBAMA"])
    assert found.actors["NATO"][0].actor == "NATO"
    assert found.agents["farmer"] == "AGR"


def test_dictionary_agent_noun_gives_the_agent(tmp_path: Path) -> None:
    (tmp_path / "Test.agents.txt").write_text(AGENTS, encoding="utf-8")
    res = EntityResources.load(dictionary_paths=[tmp_path], use_model=False)
    text = "Police said fisherman Tom Baxter was rescued near Hull."
    article = Article("t", Source(), "en", None, None, None, "2016-03-01", (), text)
    person = next(e for e in find_entities(article, res) if e.name == "Tom Baxter")
    assert person.agent == "AGR"
