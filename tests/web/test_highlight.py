"""Highlighted article text: spans from offsets, escaped text, well-formed nesting."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from warta.web.highlight import Mark, highlight, marks_for_article, side_label

_TAG = re.compile(r"<[^>]*>")


def _plain(markup: str) -> str:
    return html.unescape(_TAG.sub("", markup))


def _balanced(markup: str) -> bool:
    depth = 0
    for tag in _TAG.findall(markup):
        depth += -1 if tag.startswith("</") else 1
        if depth < 0:
            return False
    return depth == 0


def test_highlight_escapes_text_between_marks() -> None:
    text = 'Dia menulis <script>alert(1)</script> dan "<img onerror=x>".'
    out = str(highlight(text, [Mark(12, 37, "q", "q1")]))
    assert "<script>" not in out
    assert "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert _plain(out) == text


def test_highlight_nests_contained_spans() -> None:
    text = "Retno bertemu Saifuddin di Jakarta."
    marks = [Mark(0, 35, "ev", "ev1"), Mark(0, 5, "ent", "e1"), Mark(14, 23, "ent", "e2")]
    out = str(highlight(text, marks))
    assert out.startswith('<span class="hl hl-ev" id="ev1"')
    assert out.count("</span>") == 3
    assert '<span class="hl hl-ent" id="e1" data-ref="e1">Retno</span>' in out


def test_highlight_splits_crossing_spans_and_anchors_only_the_first_piece() -> None:
    text = "abcdefghij"
    out = str(highlight(text, [Mark(0, 6, "ev", "ev1"), Mark(3, 9, "q", "q1")]))
    assert out.count('id="q1"') == 1
    assert out.count('data-ref="q1"') == 2
    assert "hl-cont" in out
    assert _balanced(out)
    assert _plain(out) == text


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (3, 3), (5, 2), (0, 99)],
    ids=["negative", "empty", "reversed", "past-the-end"],
)
def test_highlight_drops_marks_with_impossible_offsets(start: int, end: int) -> None:
    out = str(highlight("short text", [Mark(start, end, "q", "q1")]))
    assert out == "short text"


@given(
    text=st.text(alphabet=st.sampled_from("ab <>&\"'\n"), max_size=40),
    spans=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=8),
)
def test_highlight_keeps_the_text_and_balances_tags(
    text: str, spans: list[tuple[int, int]]
) -> None:
    kinds = ("ev", "q", "ent")
    marks = [Mark(s, e, kinds[i % 3], f"r{i}") for i, (s, e) in enumerate(spans)]
    out = str(highlight(text, marks))
    assert _plain(out) == text
    assert _balanced(out)
    assert "<script" not in out


def test_highlight_escapes_attributes_built_from_the_record() -> None:
    record = {
        "text": "Retno",
        "entities": [{"id": 'e1" onclick="x', "name": "<b>R</b>", "type": '"><script>',
                      "mentions": [{"text": "Retno", "start": 0, "end": 5}]}],
    }  # fmt: skip
    out = str(highlight(record["text"], marks_for_article(record)))  # type: ignore[arg-type]
    assert "<script>" not in out
    assert "<b>" not in out
    assert ' onclick="' not in out
    assert _balanced(out)


def test_marks_for_article_skip_items_without_offsets() -> None:
    record = {"text": "abc", "quotes": [{"text": "abc", "kind": "direct"}], "events": [{}]}
    assert marks_for_article(record) == []


def test_marks_for_article_anchor_every_quote_event_and_entity() -> None:
    record = {
        "text": "Retno: halo.",
        "entities": [{"id": "e1", "name": "Retno", "type": "PER", "mentions": [
            {"text": "Retno", "start": 0, "end": 5}]}],
        "quotes": [{"text": "halo", "start": 7, "end": 11, "kind": "direct",
                    "speaker": {"name": "Retno", "entity": "e1"}}],
        "events": [{"code": "010", "quad": 1, "source": {"actor": "IDN"}, "target": {},
                    "evidence": {"text": "Retno: halo.", "start": 0, "end": 12}}],
    }  # fmt: skip
    record["headings"] = [{"text": "Retno", "start": 0, "end": 5}]
    refs = {(m.kind, m.ref) for m in marks_for_article(record)}
    assert refs == {("h", "h1"), ("ent", "e1"), ("q", "q1"), ("ev", "ev1")}


@pytest.mark.parametrize(
    ("side", "label"),
    [
        ({"name": "Retno Marsudi", "actor": "IDN"}, "Retno Marsudi (IDN)"),
        ({"actor": "MYS"}, "MYS"),
        ({}, "—"),
        (None, "—"),
    ],
)
def test_side_label_prefers_name_with_actor(side: dict[str, str] | None, label: str) -> None:
    assert side_label(side) == label
