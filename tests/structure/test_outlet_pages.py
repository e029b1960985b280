"""Saved pages from many outlets' layouts: metadata found and furniture gone, page by page.

Each page under ``fixtures/pages`` is an invented article in the layout an outlet really uses
(its header, dateline, captions, credits and closing lines); ``expected.yaml`` says what the
record must carry. A key left out of an entry is not checked; ``first``/``last`` are how the
clean body starts and ends, ``absent`` the furniture that must not survive into it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from warta.ingest import RawDocument, iter_documents
from warta.records import Article
from warta.structure import StructureResources, structure_document

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED: dict[str, dict[str, Any]] = yaml.safe_load(
    (PAGES / "expected.yaml").read_text(encoding="utf-8")
)
FIELDS = ("title", "outlet", "section", "published", "language")


def structured(name: str, res: StructureResources) -> Article:
    (doc,) = iter_documents([str(PAGES / name)])
    assert isinstance(doc, RawDocument), doc
    return structure_document(doc, res)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_metadata_matches_what_the_page_states(name: str, res: StructureResources) -> None:
    expected = EXPECTED[name]
    article = structured(name, res)
    got = {key: getattr(article, key) for key in FIELDS if key in expected}
    if "wire" in expected:
        got["wire"] = list(article.wire)
    assert got == {key: expected[key] for key in got}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_page_body_is_the_article_alone(name: str, res: StructureResources) -> None:
    expected = EXPECTED[name]
    text = structured(name, res).text
    assert text.startswith(expected["first"]), text[:80]
    assert text.endswith(expected["last"]), text[-80:]
    assert [s for s in expected.get("absent", []) if s in text] == []
