"""The shared corpora: IndoSum reads and structures without a failure; dev languages are right."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest

from warta.ingest import RawDocument, iter_documents
from warta.structure import StructureResources, structure_document

pytestmark = pytest.mark.shared

SUBSET = 400
# The datelines IndoSum bodies open with; none may survive structuring.
OPENING_DATELINE = re.compile(r"^(?:\S+\.com|Rimanews|[A-Za-z ]+, CNN Indonesia|.{0,40}\(ANTARA)")


def test_indosum_subset_structures_with_stable_ids(
    shared_dir: Path, res: StructureResources
) -> None:
    path = shared_dir / "corpus" / "indosum" / "articles.jsonl"
    docs = list(itertools.islice(iter_documents([str(path)]), SUBSET))
    assert all(isinstance(d, RawDocument) for d in docs)
    first = [structure_document(d, res) for d in docs if isinstance(d, RawDocument)]
    again = [structure_document(d, res) for d in docs if isinstance(d, RawDocument)]
    assert [a.id for a in first] == [a.id for a in again]
    assert len({a.id for a in first}) == len(first)
    assert all(a.text and a.language == "id" and a.published for a in first)
    assert not [a.text[:40] for a in first if OPENING_DATELINE.match(a.text)]


def test_dev_articles_get_their_gold_language(shared_dir: Path, res: StructureResources) -> None:
    wrong = []
    for path in sorted((shared_dir / "corpus" / "dev").glob("*.json")):
        gold = json.loads((shared_dir / "gold" / "dev" / path.name).read_text(encoding="utf-8"))
        (doc,) = iter_documents([str(path)])
        assert isinstance(doc, RawDocument)
        if structure_document(doc, res).language != gold["language"]:
            wrong.append(path.name)
    assert wrong == []
