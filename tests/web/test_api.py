"""The JSON API over a real store on each backend: shapes, filters, paging, and writing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from warta.cli import app
from warta.records import record_to_dict
from warta.store import open_store
from warta.store.samples import sample_articles
from warta.web.app import create_app

SAMPLES = sample_articles()
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    """A client over the sample records in a store of its own: tests may write."""
    with open_store(store_url) as store:
        store.upsert(SAMPLES)
    with TestClient(create_app(store_url, write_token=TOKEN)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def reader(module_store_url: str) -> Iterator[TestClient]:
    """A client over the sample records, shared by tests that only read."""
    with open_store(module_store_url) as store:
        store.upsert(SAMPLES)
    with TestClient(create_app(module_store_url, write_token=TOKEN)) as test_client:
        yield test_client


def _get(client: TestClient, url: str, **params: Any) -> Any:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _is_page(body: Any, limit: int, offset: int) -> bool:
    return set(body) == {"total", "limit", "offset", "items"} and (
        body["limit"],
        body["offset"],
    ) == (limit, offset)


def test_api_articles_list_is_paginated_metadata(reader: TestClient) -> None:
    body = _get(reader, "/api/articles", limit=2, offset=1)
    assert _is_page(body, 2, 1) and body["total"] == len(SAMPLES) and len(body["items"]) == 2
    item = body["items"][0]
    assert "text" not in item and {"id", "title", "published", "wire", "counts"} <= set(item)


def test_api_article_is_the_exact_record(reader: TestClient) -> None:
    for article in SAMPLES:
        assert _get(reader, f"/api/articles/{article.id}") == record_to_dict(article)
    assert reader.get("/api/articles/does-not-exist").status_code == 404


def test_api_article_search_finds_inflected_words_with_snippets(reader: TestClient) -> None:
    body = _get(reader, "/api/articles/search", q="tangkap")
    assert [i["id"] for i in body["items"]] == ["sample-id-penipuan-daring"]
    snippet = body["items"][0]["snippet"]
    start, end = snippet["highlights"][0]
    assert snippet["text"][start:end] == "menangkap"


def test_api_search_needs_a_query(reader: TestClient) -> None:
    assert reader.get("/api/articles/search").status_code == 422
    assert reader.get("/api/quotes/search", params={"q": ""}).status_code == 422


def test_api_quote_search_and_filters(reader: TestClient) -> None:
    body = _get(reader, "/api/quotes/search", q="sepakat")
    (item,) = body["items"]
    assert item["speaker"] == {"name": "Retno Marsudi", "entity": "e1", "key": "per-retno-marsudi"}
    assert item["article"]["id"] == "sample-id-retno-malaysia" and item["index"] == 0
    assert _get(reader, "/api/quotes", speaker="Trunoyudo")["total"] == 2
    assert _get(reader, "/api/quotes", speaker="retno", since="2023-01-17")["total"] == 2
    assert _get(reader, "/api/quotes", speaker="retno", until="2023-01-16")["total"] == 2
    assert _get(reader, "/api/quotes", q="pelaku", kind="indirect")["total"] == 1


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({}, 4),
        ({"source": "IDN", "target": "MYS"}, 2),
        ({"root": "17"}, 1),
        ({"since": "2023-01-17", "until": "2023-01-31"}, 1),
        ({"source": "per-retno-marsudi"}, 2),
    ],
)
def test_api_events_filter(reader: TestClient, params: dict[str, str], total: int) -> None:
    assert _get(reader, "/api/events", **params)["total"] == total


def test_api_event_keeps_contract_fields_and_adds_keys(reader: TestClient) -> None:
    (item,) = _get(reader, "/api/events", root="04")["items"]
    assert item["evidence"]["text"].startswith("Menteri Luar Negeri Retno Marsudi")
    assert item["source"]["key"] == "per-retno-marsudi" and item["target"]["key"] == "kb-mys"
    assert {"code", "root", "quad", "goldstein", "date", "location"} <= set(item)


def test_api_entities_list_and_one_entity(reader: TestClient) -> None:
    body = _get(reader, "/api/entities", type="PER", name="retno")
    assert [i["key"] for i in body["items"]] == ["per-retno-marsudi"]
    entity = _get(reader, "/api/entities/per-retno-marsudi", limit=1)
    assert (entity["articles"], entity["quotes"]["total"], len(entity["quotes"]["items"])) == (
        2,
        4,
        1,
    )
    assert entity["events"]["total"] == 2
    assert _get(reader, "/api/entities/kb-mys")["about"]["total"] == 2
    assert reader.get("/api/entities/per-nobody").status_code == 404


def test_api_aggregates(reader: TestClient) -> None:
    days = _get(reader, "/api/aggregates/events-by-day")["items"]
    assert days == [
        {"day": "2023-01-16", "count": 3, "quads": {"1": 3}},
        {"day": "2023-01-18", "count": 1, "quads": {"4": 1}},
    ]
    roots = _get(reader, "/api/aggregates/events-by-root", source="IDN")["items"]
    assert (roots[0]["root"], roots[0]["name"]) == ("03", "Express intent to cooperate")
    speakers = _get(reader, "/api/aggregates/top-speakers", limit=1)
    assert speakers["total"] == 3 and speakers["items"][0]["quotes"] == 4
    dyads = _get(reader, "/api/aggregates/dyads")["items"]
    assert dyads[0] == {
        "source": "IDN",
        "target": "MYS",
        "count": 2,
        "cooperation": 2,
        "conflict": 0,
        "goldstein": 2.5,
    }


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles?limit=0",
        "/api/articles?limit=501",
        "/api/articles?offset=-1",
        "/api/events?since=yesterday",
        "/api/events?root=abc",
    ],
)
def test_api_rejects_bad_parameters(reader: TestClient, url: str) -> None:
    assert reader.get(url).status_code == 422


def test_api_openapi_and_local_docs(reader: TestClient) -> None:
    paths = _get(reader, "/openapi.json")["paths"]
    assert {"/api/articles/search", "/api/quotes", "/api/aggregates/top-speakers"} <= set(paths)
    docs = reader.get("/docs")
    assert docs.status_code == 200 and "/api/events" in docs.text
    assert "<script" not in docs.text and "cdn" not in docs.text.lower()


def test_api_write_needs_the_token(reader: TestClient) -> None:
    record = record_to_dict(SAMPLES[0])
    assert reader.post("/api/articles", json=record).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert reader.post("/api/articles", json=record, headers=wrong).status_code == 401
    response = reader.post("/api/articles", json=record, headers=AUTH)
    assert response.json() == {"received": 1, "written": 0}  # unchanged: nothing written


def test_api_write_upserts_new_records(client: TestClient) -> None:
    record = {**record_to_dict(SAMPLES[0]), "id": "posted-copy", "title": "Salinan"}
    response = client.post("/api/articles", json=[record], headers=AUTH)
    assert response.json() == {"received": 1, "written": 1}
    assert _get(client, "/api/articles/posted-copy")["title"] == "Salinan"
    assert client.post("/api/articles", json=[{"id": "x"}], headers=AUTH).status_code == 422


def test_api_without_a_token_is_read_only(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WARTA_WRITE_TOKEN", raising=False)
    with TestClient(create_app(store_url)) as read_only:
        record = record_to_dict(SAMPLES[0])
        assert read_only.post("/api/articles", json=record, headers=AUTH).status_code == 403


def test_api_serve_command_reports_a_bad_database(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "warta.db"
    result = CliRunner().invoke(app, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert "does not exist" in result.output
