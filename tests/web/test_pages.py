"""Dashboard pages in process: what each shows, its JSON twin, and that text stays text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient

from warta.web.pages import _matrix, snippet_html


class _Page(HTMLParser):
    """Element ids with their text, script tags, and links, from one HTML page."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self.text_by_id: dict[str, str] = {}
        self.scripts: list[dict[str, str | None]] = []
        self.hrefs: list[str] = []
        self.handlers: list[str] = []
        self._open: list[str | None] = []
        self.feed(markup)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts.append(found)
        if found.get("href"):
            self.hrefs.append(str(found["href"]))
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag in ("meta", "link", "input", "img", "br", "rect", "line"):
            return
        self._open.append(found.get("id"))
        if found.get("id"):
            self.text_by_id.setdefault(str(found["id"]), "")

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "link", "input", "img", "br", "rect", "line") and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for ref in filter(None, self._open):
            self.text_by_id[ref] += data


def _get(client: TestClient, url: str) -> _Page:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return _Page(response.text)


def test_pages_search_finds_a_speaker_and_links_quotes_to_their_evidence(
    dash_client: TestClient,
) -> None:
    page = _get(dash_client, "/?q=Retno")
    assert "/entities/per-retno-marsudi" in page.hrefs
    assert "/articles/fx-border-talks#q1" in page.hrefs
    assert "/articles/fx-fishermen#q1" in page.hrefs


def test_pages_search_without_a_query_shows_latest_articles(dash_client: TestClient) -> None:
    page = _get(dash_client, "/")
    for article_id in ("fx-border-talks", "fx-fishermen", "fx-hostile"):
        assert f"/articles/{article_id}" in page.hrefs


@pytest.mark.parametrize(
    ("page_url", "api_url", "key"),
    [
        ("/?q=perundingan", "/api/quotes?q=perundingan&limit=20", "quotes"),
        ("/?q=perundingan", "/api/articles/search?q=perundingan&limit=10", "articles"),
        ("/articles/fx-border-talks", "/api/articles/fx-border-talks", None),
        ("/entities/per-retno-marsudi?limit=20", "/api/entities/per-retno-marsudi", None),
        ("/events?root=10", "/api/aggregates/dyads?root=10&limit=500", "dyads"),
    ],
)
def test_pages_json_twin_shows_the_api_dict(
    dash_client: TestClient, page_url: str, api_url: str, key: str | None
) -> None:
    sep = "&" if "?" in page_url else "?"
    twin = dash_client.get(f"{page_url}{sep}format=json").json()
    api = dash_client.get(api_url).json()
    # A page may add to the API's dict (the entity page adds its timeline), never change it.
    shown = twin[key] if key else {k: twin.get(k) for k in api}
    assert shown == api


def test_pages_article_highlights_each_quote_event_and_entity_in_place(
    dash_client: TestClient,
) -> None:
    record = dash_client.get("/api/articles/fx-border-talks").json()
    page = _get(dash_client, "/articles/fx-border-talks")
    for n, quote in enumerate(record["quotes"], 1):
        assert page.text_by_id[f"q{n}"] == quote["text"]
        assert f"#q{n}" in page.hrefs
    for n, event in enumerate(record["events"], 1):
        assert page.text_by_id[f"ev{n}"] == event["evidence"]["text"]
        assert f"#ev{n}" in page.hrefs
    for entity in record["entities"]:
        assert page.text_by_id[entity["id"]] == entity["mentions"][0]["text"]
    assert page.text_by_id["text"] == record["text"]


def test_pages_article_links_entities_to_their_pages(dash_client: TestClient) -> None:
    page = _get(dash_client, "/articles/fx-border-talks")
    assert "/entities/per-retno-marsudi" in page.hrefs
    assert "/entities/per-saifuddin-abdullah" in page.hrefs


def test_pages_article_shows_markup_in_the_text_as_text(dash_client: TestClient) -> None:
    response = dash_client.get("/articles/fx-hostile")
    page = _Page(response.text)
    assert page.scripts == [{"src": "/static/warta.js", "defer": None}]
    assert page.handlers == []
    assert "<script>window.__xss" not in response.text
    assert "&lt;script&gt;window.__xss = 1; alert(1)&lt;/script&gt;" in response.text
    assert '<img src=x onerror="window.__xss=2">' in page.text_by_id["q1"]
    assert "<b>peretas</b>" in page.text_by_id["ev1"]


@pytest.mark.parametrize("url", ["/", "/articles/fx-hostile", "/articles/missing", "/events"])
def test_pages_forbid_inline_scripts_by_policy(dash_client: TestClient, url: str) -> None:
    policy = dash_client.get(url).headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]


def test_pages_article_never_links_a_javascript_url(dash_client: TestClient) -> None:
    page = _get(dash_client, "/articles/fx-hostile")
    assert not [h for h in page.hrefs if h.lower().startswith("javascript:")]


@pytest.mark.parametrize("url", ["/", "/?q=peretas", "/events", "/entities/org-polda-metro-jaya"])
def test_pages_listing_the_hostile_article_run_no_markup(dash_client: TestClient, url: str) -> None:
    response = dash_client.get(url)
    page = _Page(response.text)
    assert page.scripts == [{"src": "/static/warta.js", "defer": None}]
    assert page.handlers == []
    assert "<script>alert(3)" not in response.text


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/articles/no-such-article", 404),
        ("/entities/per-nobody", 404),
        ("/entities/per-nobody?format=json", 404),
        ("/events?start=yesterday", 422),
        ("/events?format=xml", 422),
    ],
)
def test_pages_unknown_or_malformed_is_a_client_error(
    dash_client: TestClient, url: str, status: int
) -> None:
    assert dash_client.get(url).status_code == status


def test_pages_not_found_names_what_was_missing(dash_client: TestClient) -> None:
    response = dash_client.get("/articles/<b>nope</b>")
    assert response.status_code == 404
    assert "No article has the id" in response.text
    assert "<b>nope</b>" not in response.text


def test_pages_entity_shows_what_it_said_and_what_was_said_of_it(
    dash_client: TestClient,
) -> None:
    data = dash_client.get("/entities/per-retno-marsudi?format=json").json()
    said = {(q["article"]["id"], q["index"]) for q in data["quotes"]["items"]}
    about = {(q["article"]["id"], q["index"]) for q in data["about"]["items"]}
    assert said == {("fx-border-talks", 0), ("fx-fishermen", 0)}
    assert about == {("fx-border-talks", 1)}
    page = _get(dash_client, "/entities/per-retno-marsudi")
    assert "/articles/fx-border-talks#q2" in page.hrefs
    assert "/articles/fx-border-talks#ev1" in page.hrefs


def test_pages_entity_timeline_has_a_bar_per_event_day(dash_client: TestClient) -> None:
    html = dash_client.get("/entities/per-retno-marsudi").text
    svg = html[html.index("<svg") : html.index("</svg>")]
    days = re.findall(r"<title>(\d{4}-\d{2}-\d{2}): (\d+) event", svg)
    assert [(d, int(n)) for d, n in days if int(n)] == [("2022-05-30", 1), ("2022-06-01", 1)]
    assert "/events?entity=per-retno-marsudi&amp;start=2022-05-30&amp;end=2022-05-30" in svg


@pytest.mark.parametrize(
    ("query", "codes"),
    [
        ("", {"043", "036", "100", "112", "173"}),
        ("root=10", {"100"}),
        ("start=2022-06-07&end=2022-06-07", {"100", "112"}),
        ("root=04&start=2022-05-01&end=2022-05-31", {"043"}),
        ("entity=per-retno-marsudi", {"043", "036"}),
    ],
)
def test_pages_events_filters_by_root_dates_and_entity(
    dash_client: TestClient, query: str, codes: set[str]
) -> None:
    data = dash_client.get(f"/events?{query}&format=json").json()
    assert {e["code"] for e in data["events"]["items"]} == codes
    assert sum(day["count"] for day in data["by_day"]["items"]) == len(codes)


def test_pages_events_who_to_whom_table_counts_actor_pairs(dash_client: TestClient) -> None:
    html = dash_client.get("/events").text
    table = html[html.index('class="grid matrix"') : html.index("</table>", html.index("matrix"))]
    rows = re.findall(r'<th scope="row">(\w+)</th>(.*?)</tr>', table, re.S)
    totals = {src: int(re.findall(r'class="num total">(\d+)<', cells)[0]) for src, cells in rows}
    assert totals == {"IDN": 3, "AUS": 1, "MYS": 1}


def test_matrix_keeps_busiest_actors_and_fills_absent_pairs_with_zero() -> None:
    dyads: list[dict[str, Any]] = [
        {"source": "IDN", "target": "MYS", "count": 3},
        {"source": "MYS", "target": "IDN", "count": 1},
        {"source": None, "target": "IDN", "count": 1},
    ]
    grid = _matrix(dyads)
    assert grid["sources"] == ["IDN", "MYS", "—"]
    assert grid["targets"] == ["MYS", "IDN"]
    assert [r["counts"] for r in grid["rows"]] == [[3, 0], [0, 1], [0, 1]]
    assert grid["peak"] == 3
    assert not grid["other"]


def test_matrix_counts_targets_beyond_the_grid_as_other() -> None:
    dyads = [{"source": "IDN", "target": f"T{n:02d}", "count": 20 - n} for n in range(14)]
    grid = _matrix(dyads)
    assert len(grid["targets"]) == 12
    assert grid["rows"][0]["other"] == 8 + 7
    assert grid["rows"][0]["total"] == sum(d["count"] for d in dyads)


def test_snippet_marks_hits_and_escapes_the_rest() -> None:
    snippet = {"text": "<b>Retno</b> berkata", "start": 10, "highlights": [[3, 8]]}
    assert str(snippet_html(snippet)) == "…&lt;b&gt;<mark>Retno</mark>&lt;/b&gt; berkata…"


def test_pages_serve_their_assets_locally(dash_client: TestClient) -> None:
    page = _get(dash_client, "/")
    assert "/static/warta.css" in page.hrefs
    external = [h for h in page.hrefs if h.startswith(("http:", "https:", "//"))]
    assert external == []
    for asset in ("/static/warta.css", "/static/warta.js"):
        assert dash_client.get(asset).status_code == 200


def test_pages_entity_lists_page_on_to_the_next_items(dash_client: TestClient) -> None:
    first = _get(dash_client, "/entities/per-retno-marsudi?limit=1")
    assert "/entities/per-retno-marsudi?limit=1&offset=1" in first.hrefs
    second = _get(dash_client, "/entities/per-retno-marsudi?limit=1&offset=1")
    assert "/entities/per-retno-marsudi?limit=1&offset=0" in second.hrefs
    assert "/entities/per-retno-marsudi?limit=1&offset=2" not in second.hrefs
