"""Stable article ids: the same article gets the same id on every run and every machine.

The id comes from the article's identity, in this order of preference:

1. its URL, normalised (scheme, ``www.``/``m.``, default port, fragment, tracking parameters
   and a trailing slash do not count), so a page fetched again with corrected text keeps
   its id and a store replaces the old record;
2. the id its container gives it (a JSON ``id``, a feed entry's guid), scoped by outlet;
3. outlet, title and publication time, when the page states all three;
4. the normalised body text (case, spacing and punctuation do not count).

The file path never enters the id, so processing the same file from another folder, machine
or copy gives the same id. The id is ``w`` and 16 hex digits of a SHA-256.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit

__all__ = ["article_id", "normalise_url"]

_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmp|amp)$", re.I)
_NOT_WORD = re.compile(r"[\W_]+")


def normalise_url(url: str) -> str:
    """A URL reduced to what identifies the page."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix) :]
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k))
    path = re.sub(r"/+$", "", parts.path) or "/"
    path = re.sub(r"/amp$|\.amp$", "", path)
    return f"{host}{path}" + (f"?{urlencode(query)}" if query else "")


def _digest(kind: str, value: str) -> str:
    return "w" + hashlib.sha256(f"{kind}\x00{value}".encode()).hexdigest()[:16]


def _squash(text: str | None) -> str:
    return _NOT_WORD.sub(" ", (text or "").casefold()).strip()


def article_id(
    *,
    url: str | None,
    container_id: str | None,
    outlet: str | None,
    title: str | None,
    published: str | None,
    text: str,
) -> str:
    """The id of an article from whatever identifies it best (see the module docstring)."""
    if url and urlsplit(url.strip()).hostname:
        return _digest("url", normalise_url(url))
    if container_id:
        return _digest("id", f"{_squash(outlet)}\x00{container_id.strip()}")
    if outlet and title and published:
        return _digest("meta", f"{_squash(outlet)}\x00{_squash(title)}\x00{published}")
    return _digest("text", _squash(text))
