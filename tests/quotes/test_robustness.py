"""Any text, however broken, gives quotes whose offsets match the text; nothing raises."""

from __future__ import annotations

import pickle

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.quotes import QuoteResources, find_quotes
from warta.records import Article, Source

from .build import article

PIECES = [
    '"',
    "“",
    "”",
    "„",
    "«",
    "»",
    "‘",
    "’",
    "'",
    ",",
    ".",
    ":",
    "?",
    " ",
    "\n",
    "\n\n",
    "kata",
    "katanya",
    "ujar",
    "Menurut",
    "menurut",
    "mengatakan",
    "bahwa",
    "dia",
    "Ia",
    "said",
    "told",
    "that",
    "according to",
    "he",
    "Amran",
    "Susi",
    "the",
    "Kemlu",
    "(",
    ")",
    "Kami",
    "siap",
    "harga",
    "turun",
    "we",
    "are",
    "ready",
]

RES = QuoteResources.load()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join) | st.text(max_size=300),
    st.sampled_from(["id", "en", None, "xx"]),
)
def test_any_text_gives_offsets_that_match(text, lang):
    ents = [("Amran Sulaiman", "PER", ["Amran"]), ("Kemlu", "ORG", []), ("Susi", "PER", [])]
    found = find_quotes(article(text, lang or "id", ents), RES)
    assert list(found) == sorted(found, key=lambda q: (q.start, q.end))
    for q in found:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.kind in {"direct", "indirect"}


def test_empty_and_unsupported_articles_have_no_quotes():
    empty = Article("x", Source(), "id", None, None, None, None, (), "")
    klingon = Article("x", Source(), "tlh", None, None, None, None, (), '"Qapla\'," he said.')
    assert find_quotes(empty, RES) == () == find_quotes(klingon, RES)


def test_resources_survive_pickling():
    again = pickle.loads(pickle.dumps(RES))
    text = '"Kami siap," kata Amran.'
    one = article(text, "id", [("Amran Sulaiman", "PER", ["Amran"])])
    assert find_quotes(one, again) == find_quotes(one, RES)
