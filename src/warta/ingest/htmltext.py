"""A light HTML-to-text for fragments (feed entries, HTML inside JSON): blocks become paragraphs.

Whole pages go through trafilatura, which finds the article among the page furniture; a feed
entry's HTML is already just the article, so walking the tree is enough and much faster.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

__all__ = ["html_to_text", "looks_like_html"]

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre"}
    | {"section", "article", "header", "footer", "figure", "ul", "ol", "table", "dd", "dt"}
)
_SKIP = frozenset({"script", "style", "noscript", "template", "iframe", "svg", "figcaption"})
_TAG = re.compile(r"<(?:p|div|br|span|a|b|i|em|strong|img|h[1-6]|ul|li|figure)\b[^>]*>", re.I)
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def looks_like_html(text: str) -> bool:
    """Whether a string carries HTML markup rather than plain text."""
    return _TAG.search(text, 0, 4000) is not None


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one paragraph per block, blank lines between them."""
    if not fragment.strip():
        return ""
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    parts: list[str] = []
    _walk(root, parts)
    paragraphs = (_SPACE.sub(" ", p).strip() for p in "".join(parts).split("\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _walk(node: etree._Element, out: list[str]) -> None:
    # A newline inside HTML text is only white space; blocks alone make paragraphs.
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _SKIP:
        if node.tail:
            out.append(node.tail.replace("\n", " "))
        return
    block = tag in _BLOCKS
    if block:
        out.append("\n")
    if node.text and tag:
        out.append(node.text.replace("\n", " "))
    for child in node:
        _walk(child, out)
    if block:
        out.append("\n")
    if node.tail:
        out.append(node.tail.replace("\n", " "))
