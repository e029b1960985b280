"""The knowledge base: CLDR country names, built-in facts, and user extension files."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.entities import EntityResources
from warta.entities.kb import KbError, Role, load_kb


@pytest.fixture(scope="module")
def kb_names() -> dict[str, set[str]]:
    kb = load_kb()
    return {e.key: set(e.names) for e in kb.entries}


@pytest.mark.parametrize(
    ("key", "name"),
    [
        ("KOR", "Korea Selatan"),
        ("KOR", "South Korea"),
        ("DEU", "Jerman"),
        ("CHN", "Tiongkok"),
        ("USA", "Amerika Serikat"),
        ("USA", "Negeri Paman Sam"),
        ("MMR", "Burma"),
    ],
)
def test_country_names_come_from_cldr_and_the_extras(
    kb_names: dict[str, set[str]], key: str, name: str
) -> None:
    assert name in kb_names[key]


@pytest.mark.parametrize(
    ("role", "day", "holds"),
    [
        (Role("USA", "GOV", "2017-01-20", "2021-01-20"), "2018-05-01", True),
        (Role("USA", "GOV", "2017-01-20", "2021-01-20"), "2021-01-20", False),
        (Role("USA", "GOV", "2025-01-20", ""), "2026-01-01", True),
        (Role("USA", "GOV", "2025-01-20", ""), None, True),
    ],
)
def test_role_term_is_checked_against_the_day(role: Role, day: str | None, holds: bool) -> None:
    assert role.holds_on(day) is holds


def test_user_yaml_file_adds_an_officeholder(tmp_path: Path) -> None:
    path = tmp_path / "extra.yaml"
    path.write_text(
        "- name: Siti Rahmawati\n  type: PER\n  actor: IDN\n  roles: ['IDN GOV 2020-01-01 -']\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    entry = kb.entries[kb.by_key["PER:Siti Rahmawati"]]
    assert entry.coding_on("2023-05-05") == ("IDN", "GOV")


def test_user_csv_file_adds_an_organisation(tmp_path: Path) -> None:
    path = tmp_path / "extra.csv"
    path.write_text(
        "name,type,actor,agent,aliases\nLembaga Pangan Dunia Fiktif,ORG,UN,IGO,LPDF|Pangan Dunia\n",
        encoding="utf-8",
    )
    kb = load_kb([path])
    entry = kb.entries[kb.by_key["ORG:Lembaga Pangan Dunia Fiktif"]]
    assert entry.actor == "UN"
    assert "LPDF" in entry.names


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("name: not a list\n", "expected a list"),
        ("- {type: PER}\n", "has no name"),
        ("- {name: X Y, type: CAR}\n", "unknown type"),
        ("- [unclosed\n", "not valid YAML"),
    ],
)
def test_bad_user_file_names_the_file_and_the_reason(
    tmp_path: Path, content: str, reason: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KbError, match=reason) as err:
        load_kb([path])
    assert str(path) in str(err.value)


def test_missing_user_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(KbError, match="cannot read"):
        EntityResources.load([tmp_path / "absent.yaml"], use_model=False)
