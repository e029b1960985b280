"""Helpers shared by the entity tests."""

from __future__ import annotations

from collections.abc import Callable

from warta.records import Entity

Run = Callable[..., tuple[Entity, ...]]


def by_name(entities: tuple[Entity, ...], name: str) -> Entity:
    """The entity called ``name`` (fails the test with the names found otherwise)."""
    found = [e for e in entities if e.name == name]
    assert found, f"no entity {name!r} among {[e.name for e in entities]}"
    return found[0]
