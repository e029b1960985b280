"""The structurer's resources, loaded once for the structure tests."""

from __future__ import annotations

import pytest

from warta.structure import StructureResources


@pytest.fixture(scope="session")
def res() -> StructureResources:
    return StructureResources.load()
