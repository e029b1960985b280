"""The entity stage for one article: candidates, linking, actor coding, records.

Candidates are KB matches and capitalised runs; the model's spans type them. Where the model
runs (Indonesian), a group of mentions that rests on capitals alone (no KB name, no model span,
no title, head word, acronym or context cue) is dropped: sentence openers, headings and
programme names are the usual such runs.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import pairwise
from operator import attrgetter
from typing import Any

from warta.entities.code import Coder, article_home, code_group
from warta.entities.gazetteer import Gazetteer, GazetteerMatch
from warta.entities.kb import KbEntry, KnowledgeBase
from warta.entities.lexicon import Lexicon
from warta.entities.link import group_candidates, top_type
from warta.entities.recognize import (
    Candidate,
    HeadVote,
    capitalised_runs,
    trim_run,
    type_votes,
)
from warta.records import Article, Entity, Mention
from warta.text import TextLayout, Token, tokens

__all__ = ["build_entities"]


_TEXT = attrgetter("text")
_BACKED = attrgetter("backed")
_OPENERS = frozenset(".\"!?“”:;()[]‘’'•-–—|")


def _initial_flags(text: str, toks: list[Token], named: list[int]) -> list[bool]:
    """Per token: whether it opens a sentence, a quotation, a line or a bracket. Only tokens
    that may open a name (``named``: not lower-case) are looked at; the rest stay False."""
    flags = [False] * len(toks)
    for i in named:
        if i == 0:
            flags[0] = True
            continue
        prev = toks[i - 1]
        flags[i] = prev.text in _OPENERS or "\n" in text[prev.end : toks[i].start]
    return flags


class _Doc:
    """One article's text, tokens and the facts about them every step reads."""

    def __init__(
        self, text: str, lex: Lexicon, kb: KnowledgeBase, layout: TextLayout | None = None
    ) -> None:
        self.text = text
        self.layout = TextLayout.of(text, layout)
        self.lex = lex
        self.kb = kb
        toks = self.toks = tokens(text)
        self.starts = [t.start for t in toks]
        self.index = dict(zip(self.starts, range(len(toks)), strict=True))
        # the few tokens a name may start with; most per-token facts are needed for them only
        named = self.named = [i for i, t in enumerate(toks) if not t.text[0].islower()]
        self.titles = lex.find_titles(text)
        self.title_at_start = {s: (e, (a, h)) for s, e, a, h in self.titles}
        self.regional = {
            e
            for s, e, _, _ in self.titles
            if " ".join(text[s:e].lower().split()) in lex.regional_titles
        }
        self.title_at_end = {e: (s, (a, h)) for s, e, a, h in reversed(self.titles)}
        self.kb_starts: set[int] = set()
        self.kb_ends: set[int] = set()
        self.place_tails: set[str] = set()  # KB places read as part of a longer name
        self.initial = _initial_flags(text, toks, named)
        # every word form: a capitalised word's lower case is in it only if the article also
        # writes that word in lower case
        self.forms = set(map(_TEXT, toks))
        self.blocked = self._headline_tokens()
        self.cap_inside = {
            toks[i].text
            for i in named
            if not self.initial[i] and i not in self.blocked and toks[i].text[0].isupper()
        }
        self.blocked = {i for i in self.blocked if self.toks[i].text not in self.cap_inside}
        self.blocked |= self._inside_lowercase_titles()
        # memos by name: whether a run's words rule it out, and what its words vote for
        self.never_names: dict[str, bool] = {}
        self.head_votes: dict[str, HeadVote] = {}

    def _inside_lowercase_titles(self) -> set[int]:
        """Capitalised words inside a title that is not capitalised throughout
        ("Menteri Koordinator bidang Politik, Hukum, dan Keamanan") belong to the title."""
        out: set[int] = set()
        for start, end, _, _ in self.titles:
            words = self.text[start:end].split()
            if all(w[0].isupper() for w in words):
                continue
            lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
            out.update(range(lo, hi))
        return out

    def _headline_tokens(self) -> set[int]:
        """Tokens of lines written in headline case ("NATO Mendesak Korea Selatan Kirim ...")."""
        out: set[int] = set()
        for line in re.finditer(r"[^\n]+", self.text):
            body = line.group().rstrip()
            if not body or body[-1] in '.!?"”:':
                continue
            words = [w for w in body.split() if len(w) > 3 and w[0].isalpha()]
            if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words):
                lo, hi = (
                    bisect_left(self.starts, line.start()),
                    bisect_left(self.starts, line.end()),
                )
                for i in range(lo, hi):
                    self.initial[i] = True
                    out.add(i)
        return out

    def word_before(self, start: int) -> str:
        i = self.index.get(start, 0)
        return self.toks[i - 1].text if i > 0 else ""

    def word_after(self, end: int) -> str:
        i = bisect_left(self.starts, end)
        return self.toks[i].text if i < len(self.toks) else ""

    def verb_after(self, end: int) -> str:
        """The word after ``end``, past auxiliaries ("akan", "would"), lower-cased."""
        i = bisect_left(self.starts, end)
        while i < len(self.toks) and self.toks[i].text.lower() in self.lex.auxiliaries:
            i += 1
        return self.toks[i].text.lower() if i < len(self.toks) else ""

    def title_before(self, start: int) -> tuple[str | None, bool] | None:
        """The title right before ``start`` ("Presiden", "juru bicara"), if any."""
        p = start
        while p > 0 and start - p < 4 and self.text[p - 1] in " ,.":
            p -= 1
        found = self.title_at_end.get(p)
        return found[1] if found and p < start else None


def _kb_candidates(doc: _Doc, matches: list[GazetteerMatch]) -> list[Candidate]:
    out: list[Candidate] = []
    doc.kb_starts = {m.start for m in matches}
    doc.kb_ends = {m.end for m in matches}
    # known places that are no country: a country's acronym before one opens a club's name
    place_starts = {m.start for m in matches if _city(doc.kb.entries[m.entry])}
    for m in matches:
        i = doc.index.get(m.start)
        if i is None:
            continue
        entry = doc.kb.entries[m.entry]
        text = doc.text[m.start : m.end]
        initial = doc.initial[i]
        if m.weak and initial and text.lower() in doc.forms:
            continue
        if initial and entry.type == "LOC" and text in doc.lex.common_words:
            continue  # "Lima orang tewas": five, not the capital of Peru
        if (entry.type == "PER" or entry.minor) and _inside_longer_name(doc, m):
            continue  # "Gatot" of "Gatot Sudjito" is not the KB's Gatot Nurmantyo
        if _modified_org(doc, entry, m, i):
            continue  # "Christian Democratic Party": a longer name, not the KB's party
        if entry.type == "ORG" and entry.actor is None and _venue_of(doc, m, i):
            continue  # "Juventus Stadium", "Graha Persib": a venue named after a club
        if entry.type == "LOC" and _place_opens_name(doc, m):
            doc.place_tails.add(text)
            continue  # "Korea Times", "Real Madrid": one name, not a place and a rest
        if _initials_of_person(doc, m.start, text) or _head_of_longer_name(doc, m, text):
            continue
        if text in doc.lex.postnominals and _after_name(doc, i, m.start):
            continue  # "Husaini Ibrahim MA": a degree, not the Supreme Court
        club = entry.kb == entry.key and text.isupper() and m.end + 1 in place_starts
        if club and (initial or doc.toks[i - 1].text[0].islower()):
            continue  # "laga AS Roma": a club, not the United States ("Dubes RI London")
        cand = Candidate(m.start, m.end, text, kb=m.entry, weak=m.weak, initial=initial)
        cand.vote(entry.type, 5.0 if not m.weak else 1.0)
        cand.title = doc.title_before(m.start)
        out.append(cand)
    return out


def _venue_of(doc: _Doc, m: GazetteerMatch, i: int) -> bool:
    """Whether a place head touches the match on either side ("Stadion Juventus")."""
    heads = doc.lex.loc_heads
    j = bisect_left(doc.starts, m.end)
    nxt = doc.toks[j] if j < len(doc.toks) else None
    if nxt is not None and doc.text[m.end : nxt.start] == " " and nxt.text in heads:
        return True
    prev = doc.toks[i - 1] if i > 0 else None
    return prev is not None and doc.text[prev.end : m.start] == " " and prev.text in heads


def _after_name(doc: _Doc, i: int, start: int) -> bool:
    """Whether token ``i`` (at ``start``) ends a person's name of two or more words ("Husaini
    Ibrahim MA"; not "Ketua MA", "PK MA")."""
    if i < 2 or doc.text[doc.toks[i - 2].end : start] != f" {doc.toks[i - 1].text} ":
        return False
    words = (doc.toks[i - 1].text, doc.toks[i - 2].text)
    return all(w[0].isupper() and not w.isupper() and not doc.lex.is_title(w) for w in words)


def _city(entry: KbEntry) -> bool:
    return entry.type == "LOC" and entry.kb != entry.key


def _initials_of_person(doc: _Doc, start: int, text: str) -> bool:
    """ "tersangka berinisial MA", "saudara KR": capitals after a person cue are initials."""
    if not (text.isupper() and len(text) <= 4):
        return False
    return doc.word_before(start).lower() in doc.lex.person_cues


def _head_of_longer_name(doc: _Doc, m: GazetteerMatch, text: str) -> bool:
    """ "Centre for Policy Research": a known name that is also a head word, followed by a
    connector and a capital, opens an organisation's name."""
    if not doc.lex.is_head(text):
        return False
    j = bisect_left(doc.starts, m.end)
    return (
        j + 1 < len(doc.toks)
        and doc.toks[j].text in doc.lex.org_connectors
        and doc.toks[j + 1].text[0].isupper()
    )


def _inside_longer_name(doc: _Doc, m: GazetteerMatch) -> bool:
    """Whether a capitalised word (not a title) touches the match on either side."""
    i = doc.index[m.start]
    j = bisect_left(doc.starts, m.end)
    nxt = doc.toks[j] if j < len(doc.toks) else None
    if nxt is not None and doc.text[m.end : nxt.start] == " " and _namelike(doc, nxt):
        return True
    prev = doc.toks[i - 1] if i > 0 else None
    if prev is None or doc.text[prev.end : m.start] != " " or not _namelike(doc, prev):
        return False
    if doc.title_before(m.start) is not None:
        return False
    # a sentence-initial word before a surname is a first name unless it reads as a plain word
    # ("Dustin Johnson won", not "Menurut Johnson")
    return not doc.initial[i - 1] or (m.weak and not _plain_word(doc, i - 1))


def _modified_org(doc: _Doc, entry: KbEntry, m: GazetteerMatch, i: int) -> bool:
    """Whether a KB organisation of several words is the end of a longer name: in a language
    whose names end with their head ("Christian Democratic Party"), a capitalised word of a
    name (no title, head, demonym or plain sentence opener) right before it."""
    if entry.type != "ORG" or doc.lex.head_initial or i == 0:
        return False
    prev = doc.toks[i - 1]
    if doc.text[prev.end : m.start] != " " or " " not in doc.text[m.start : m.end]:
        return False
    if not _namelike(doc, prev) or prev.text.isupper() or prev.text in doc.kb.demonyms:
        return False
    if doc.title_before(m.start) is not None:
        return False
    return not doc.initial[i - 1] or not _plain_word(doc, i - 1)


def _plain_word(doc: _Doc, i: int) -> bool:
    """Whether token ``i`` is a common word: the article also writes it in lower case, or it has
    the shape of a derived word and is never capitalised mid-sentence."""
    word = doc.toks[i].text
    if word.lower() in doc.forms:
        return True
    affixes = doc.lex.initial_affixes
    return affixes is not None and word not in doc.cap_inside and bool(affixes.match(word.lower()))


def _place_opens_name(doc: _Doc, m: GazetteerMatch) -> bool:
    """A KB place inside a longer capitalised name: a city or region followed by more name
    ("Jakarta Post"), or any place after a name that is no organisation ("Real Madrid").
    A country before a name stays a country ("pebulu tangkis Jepang Kento Momota"), as does
    a place after a title or an organisation ("Kementerian Luar Negeri Jepang")."""
    i = doc.index[m.start]
    j = bisect_left(doc.starts, m.end)
    nxt = doc.toks[j] if j < len(doc.toks) else None
    after = nxt is not None and doc.text[m.end : nxt.start] == " " and _namelike(doc, nxt)
    before = i > 0 and doc.text[doc.toks[i - 1].end : m.start] == " "
    if not (after or before) or doc.title_before(m.start) is not None:
        return False  # the common case, cheaply: nothing capitalised touches the place
    entry = doc.kb.entries[m.entry]
    if after and entry.kb != entry.key:
        if nxt is None or nxt.start not in doc.title_at_start:
            return True
        # "NSW Premier": a title after the place, not more of a name, unless the place ends a
        # longer one ("Kelurahan Dukuh Kupang Bripka Taufik")
        return before and _namelike(doc, doc.toks[i - 1])
    k = i - 1
    while k >= 0 and doc.text[doc.toks[k].end : doc.toks[k + 1].start] == " ":
        if not _namelike(doc, doc.toks[k]) or doc.initial[k]:
            break
        k -= 1
    if k == i - 1:
        return False
    return not any(doc.lex.is_head(doc.toks[x].text) for x in range(max(k, 0), i))


def _namelike(doc: _Doc, tok: Token) -> bool:
    word = tok.text
    if tok.start in doc.kb_starts or tok.end in doc.kb_ends:
        return False
    return word[0].isupper() and word not in doc.lex.not_names and not doc.lex.is_head(word)


def _title_at(doc: _Doc, run: list[int], k: int) -> tuple[int, tuple[str | None, bool]] | None:
    """A title starting at run position ``k``: (position after it, (agent, home))."""
    found = doc.title_at_start.get(doc.toks[run[k]].start)
    if not found:
        return None
    end, title = found
    for q in range(k, len(run)):
        tok_end = _possessive(doc, doc.toks[run[q]].end)
        if tok_end == end:
            return q + 1, title
        if tok_end > end:
            return None
    # "Ketua DPR": the title runs on into a KB name
    return (len(run), title) if end > doc.toks[run[-1]].end else None


def _split_titles(
    doc: _Doc, run: list[int]
) -> list[tuple[list[int], tuple[str | None, bool] | None]]:
    """Cut a run at titles: "Humas Polres X AKP Viktor Sibarani" -> the unit, then the person."""
    if all(doc.toks[i].start not in doc.title_at_start for i in run):
        return [(list(run), None)]  # most runs hold no title: no walk, one piece
    pieces: list[tuple[list[int], tuple[str | None, bool] | None]] = []
    current: list[int] = []
    title = None
    k = 0
    after = doc.toks[run[-1]].end + 1
    kb_next = after in doc.kb_starts or after + 1 in doc.kb_starts
    while k < len(run):
        found = _title_at(doc, run, k)
        if found and current and _place_head_only(doc, current):
            # "Istana Presiden Arg": a title after a bare place head is part of the name
            current += run[k : found[0]]
            k = found[0]
            continue
        if found and (found[0] < len(run) or not current or kb_next):
            if current:
                pieces.append((current, title))
            k, title = found[0], found[1]
            current = []
            continue
        current.append(run[k])
        k += 1
    if current:
        pieces.append((current, title))
    return pieces


def _place_head_only(doc: _Doc, piece: list[int]) -> bool:
    """Whether ``piece`` is one place head that may take a title ("Istana" of "Istana
    Presiden", "Jalan" of "Jalan Jenderal Sudirman")."""
    return len(piece) == 1 and doc.toks[piece[0]].text in doc.lex.feature_heads


def _strip_initial(doc: _Doc, run: list[int]) -> list[int]:
    """A sentence-initial word that the article also writes in lower case, or that has the
    shape of a derived word and is never capitalised mid-sentence, is no name."""
    while run and doc.initial[run[0]]:
        if doc.lex.is_head(doc.toks[run[0]].text) or not _plain_word(doc, run[0]):
            break
        run = run[1:]
    return run


_ROMAN = re.compile(r"[IVXLC]+")


def _quoted_or_tagged(doc: _Doc, start: int, end: int) -> bool:
    """A run that fills a pair of quotation marks is a title of a work; "#Tag" a hashtag."""
    before, after = doc.text[start - 1 : start], doc.text[end : end + 1]
    return before == "#" or (
        before in "\"“‘'" and before != "" and after in "\"”’'" and after != ""
    )


def _possessive(doc: _Doc, end: int) -> int:
    """End of a name without an English possessive ("Legislative Yuan's")."""
    tail = doc.text[end - 2 : end]
    return end - 2 if tail in ("'s", "’s") else end


def _run_candidates(doc: _Doc, run: list[int]) -> list[Candidate]:
    out: list[Candidate] = []
    for piece, title in _split_titles(doc, run):
        piece = trim_run(_strip_initial(doc, piece), doc.toks)
        if piece and _unit_region(doc, piece):
            continue
        region = _region_after_title(doc, piece)
        if region is not None:
            out.append(region)
            piece = piece[1:]
        cand = _piece_candidate(doc, piece, title)
        if cand is not None:
            out.append(cand)
    return out


def _unit_region(doc: _Doc, piece: list[int]) -> bool:
    """ "Kapolres Metro Bekasi Kombes ...": after a regional title, a run opening with a unit
    word names the title's unit ("Polres Metro Bekasi"), not a place of its own."""
    first = doc.toks[piece[0]]
    if first.text not in doc.lex.unit_region_words:
        return False
    p = first.start
    while p > 0 and doc.text[p - 1] == " ":
        p -= 1
    return p in doc.regional


def _region_after_title(doc: _Doc, piece: list[int]) -> Candidate | None:
    """ "Bupati Wonosobo Afif Nurhidayat": after a regional title, a run of three or more
    words opens with the region (one word; longer names are KB matches and cut already)."""
    if len(piece) < 3:
        return None
    first = doc.toks[piece[0]]
    p = first.start
    while p > 0 and doc.text[p - 1] == " ":
        p -= 1
    if p not in doc.regional:
        return None
    region = Candidate(first.start, first.end, first.text)
    region.vote("LOC", 2.0)
    return region


def _demonym(doc: _Doc, text: str) -> bool:
    """A people's name ("Sri Lankan", "Sri Lankans", "Tionghoa") is no entity of its own."""
    demonyms = doc.kb.demonyms
    return text in demonyms or (text[-1] == "s" and text[:-1] in demonyms)


def _piece_candidate(
    doc: _Doc, run: list[int], title: tuple[str | None, bool] | None
) -> Candidate | None:
    if not run:
        return None
    # "Husaini Ibrahim MA", "Kama Melly QC": the letters after a name are no part of it
    last = doc.toks[run[-1]].text
    degree = len(run) > 2 and last in doc.lex.postnominals and last not in doc.lex.name_suffixes
    if degree:
        run = run[:-1]
    start, end = doc.toks[run[0]].start, _possessive(doc, doc.toks[run[-1]].end)
    text = doc.text[start:end]
    never = doc.never_names.get(text)
    if never is None:  # names repeat within an article: judge each once
        never = doc.never_names[text] = _never_a_name(doc, text)
    if never or _quoted_or_tagged(doc, start, end) or _currency_code(doc, text, end):
        return None
    lex = doc.lex
    prev_word = doc.word_before(start)
    before = prev_word.lower()
    if before in lex.work_cues:
        return None  # "bertajuk Setan Jawa": the title of a work
    words = text.split()
    lone = len(words) == 1 and doc.initial[run[0]] and words[0] not in doc.cap_inside
    # a lone capitalised word at a sentence start needs backing: an acronym, a title, a speech
    # verb after it, or the model's span (known only later: the model runs on fewer sentences
    # when it knows which candidates need it)
    after = doc.word_after(end)
    lone = lone and not words[0].isupper() and not title
    lone = lone and after.lower() not in lex.speech_after
    cand = Candidate(start, end, text, initial=doc.initial[run[0]], needs_model=lone)
    cand.title = title or doc.title_before(start)
    type_votes(cand, doc.text, prev_word, after, lex, doc.head_votes)
    if degree:
        cand.vote("PER", 1.5)
    if before in lex.person_cues and len(text) <= 4 and text.isupper():
        cand.vote("PER", 3.0)  # "berinisial KR": a person's initials, not an acronym
    return cand


def _currency_code(doc: _Doc, text: str, end: int) -> bool:
    """A currency's letters before its sign ("AUD $120 million", "CAN$200 million")."""
    if not (2 <= len(text) <= 3 and text.isupper()):
        return False
    return doc.text.startswith("$", end) or doc.text.startswith(" $", end)


def _never_a_name(doc: _Doc, text: str) -> bool:
    """Whether a run's words alone rule it out: a non-entity head ("Undang-Undang"), stop words
    or directions only, a demonym, a roman numeral or a title."""
    words = text.split()
    lex = doc.lex
    if words[0] in lex.not_entity_heads or " ".join(words[:2]) in lex.not_entity_heads:
        return True
    if all(w in lex.not_names or w in lex.directions for w in words):
        return True
    if _demonym(doc, text) or (len(words) == 1 and (text in lex.directions or len(text) < 2)):
        return True
    if len(words) > 1 and _demonym(doc, words[0]) and lex.is_title(" ".join(words[1:])):
        return True  # "Ugandan President": a title, not a name
    if "-" in text and all(p and _demonym(doc, p) for p in text.split("-")):
        return True  # "Sino-Japanese", "Afro-American"
    return _ROMAN.fullmatch(text) is not None or lex.is_title(text)


_MODEL_TYPES = frozenset({"PER", "ORG", "LOC"})


def _open(c: Candidate) -> bool:
    if c.needs_model:
        return True
    if c.kb >= 0 and not c.weak:
        return False
    # settled by rules alone: one type voted, with a cue stronger than capitals; a title
    # before a name is not enough ("Polsek Bontoala": a unit, read as a title, then a place)
    return c.title is not None or len(c.votes) != 1 or max(c.votes.values()) < 1.5


# Tokens of context kept on each side of a candidate the model is asked about. The model scores
# a token from its neighbours two either side, and a chain of labels mostly settles within a
# few tokens, so a window tags the candidate nearly as the whole sentence would (on 1,000
# IndoSum articles 6 changes the entities of 9 against 8 tokens), at a fraction of the cost:
# tagging time grows with the tokens and the longest sequence in a batch.
_MODEL_MARGIN = 6


def _model_windows(doc: _Doc, cands: list[Candidate]) -> list[tuple[int, int]]:
    """Token ranges around the candidates whose type or existence the model may decide (a
    run of capitals, a bare surname), each within its sentence, overlapping ones merged; the
    rest of an article names nothing or only what the knowledge base already knows."""
    spans = sorted((c.start, c.end) for c in cands if _open(c))
    if not spans:
        return []
    bounds = [bisect_left(doc.starts, s.end) for s in doc.layout.sentences]
    windows: list[tuple[int, int]] = []
    for start, end in spans:
        i, j = bisect_left(doc.starts, start), bisect_left(doc.starts, end)
        k = bisect_left(bounds, i + 1)  # the sentence holding token i
        lo = max(bounds[k - 1] if k > 0 else 0, i - _MODEL_MARGIN)
        hi = min(bounds[k] if k < len(bounds) else len(doc.toks), j + _MODEL_MARGIN)
        if windows and lo <= windows[-1][1] and k == bisect_left(bounds, windows[-1][0] + 1):
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        elif hi > lo:
            windows.append((lo, hi))
    return windows


def _model_spans(doc: _Doc, model: Any, cands: list[Candidate]) -> list[tuple[int, int, str]]:
    """The model's PER/ORG/LOC spans as character offsets, all windows tagged in one batch."""
    windows = _model_windows(doc, cands)
    if not windows:
        return []
    toks = doc.toks
    tagged = model.tag_sentences([[t.text for t in toks[lo:hi]] for lo, hi in windows])
    return [
        (toks[lo + a].start, toks[lo + b - 1].end, label)
        for (lo, hi), spans in zip(windows, tagged, strict=True)
        for a, b, label in spans
        if label in _MODEL_TYPES and 0 <= a < b <= hi - lo
    ]


def _split_by_model(
    doc: _Doc, cands: list[Candidate], spans: list[tuple[int, int, str]]
) -> list[Candidate]:
    """A run of capitals that the model reads as an organisation (or place) followed by a
    person is two names: "Direktur PT Sinar Jaya Rudi Hartanto", "Ketua Umum Partai X Budi"."""
    by_end = {e: (s, label) for s, e, label in spans}
    out: list[Candidate] = []
    for c in cands:
        cut = _person_tail(doc, c, spans, by_end) if c.kb < 0 else None
        if cut is None:
            out.append(c)
            continue
        head_end, tail_start = cut
        head = Candidate(c.start, head_end, doc.text[c.start : head_end], initial=c.initial)
        type_votes(head, doc.text, doc.word_before(c.start), doc.word_after(head_end), doc.lex)
        tail = Candidate(tail_start, c.end, doc.text[tail_start : c.end], title=c.title)
        tail.vote("PER", 1.0)
        out += [head, tail]
    return out


def _person_tail(
    doc: _Doc,
    c: Candidate,
    spans: list[tuple[int, int, str]],
    by_end: dict[int, tuple[int, str]],
) -> tuple[int, int] | None:
    """(end of the head, start of the person) when the model's spans cut ``c`` that way."""
    found = by_end.get(c.end)
    if found is None or found[1] != "PER" or found[0] <= c.start:
        return None
    tail_start = found[0]
    before = by_end.get(tail_start - 1)
    if before is None or before[1] not in ("ORG", "LOC") or before[0] < c.start:
        return None
    if doc.text[tail_start - 1] != " ":
        return None
    return tail_start - 1, tail_start


def _model_votes(spans: list[tuple[int, int, str]], cands: list[Candidate]) -> None:
    """Add the model's type to each candidate whose start its spans cover: in full when the
    spans agree, half when they overlap; a span inside a longer name ("Jakarta" in
    "Pengadilan Negeri Jakarta Pusat") says nothing about that name."""
    if not spans:
        return
    starts = [s for s, _, _ in spans]
    for cand in cands:
        k = max(0, bisect_left(starts, cand.start) - 1)
        while k < len(spans) and spans[k][0] < cand.end:
            s, e, label = spans[k]
            if (s, e) == (cand.start, cand.end):
                cand.vote(label, 2.0)
            elif s <= cand.start < e:
                cand.vote(label, 1.0)
            k += 1


_BRACKETED = re.compile(r"\(([A-Z]{2,6})\)")


def _drop_common_acronyms(doc: _Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "kejadian luar biasa (KLB)": an acronym spelled out by words that name no entity is
    no entity either, wherever the article uses it."""
    drop: set[str] = set()
    for m in _BRACKETED.finditer(doc.text):
        span = _expansion(doc, m.start(), m.group(1))
        if span and not any(c.start <= span[0] and span[1] <= c.end for c in cands):
            drop.add(m.group(1))
    return [c for c in cands if c.kb >= 0 or c.text not in drop]


def _expansion(doc: _Doc, paren: int, acronym: str) -> tuple[int, int] | None:
    """The words before ``paren`` whose initials spell ``acronym``, as a span."""
    i = bisect_left(doc.starts, paren)
    skip = doc.lex.connectors
    letters: list[str] = []
    k = i
    while k > 0 and len(letters) < len(acronym) and i - k < len(acronym) + 3:
        k -= 1
        word = doc.toks[k].text
        if word == "-":
            continue  # "Bea Masuk Anti - Dumping (BMAD)"
        if not word[0].isalpha():
            return None
        if word not in skip:
            letters.insert(0, word[0].upper())
    if "".join(letters) != acronym or k == i:
        return None
    return doc.toks[k].start, doc.toks[i - 1].end


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """KB matches inside a longer name ("England" in "High Court of England and Wales"), and
    runs that only repeat a KB match's span."""
    kb_spans = {(c.start, c.end) for c in cands if c.kb >= 0}
    runs = sorted((c.start, c.end) for c in cands if c.kb < 0 and (c.start, c.end) not in kb_spans)
    starts = [s for s, _ in runs]

    def inside(c: Candidate) -> bool:
        k = bisect_left(starts, c.start + 1) - 1  # the last run starting at or before c
        return k >= 0 and runs[k][1] >= c.end

    return [
        c
        for c in cands
        if (c.kb < 0 and (c.start, c.end) not in kb_spans) or (c.kb >= 0 and not inside(c))
    ]


def _split_known_org(doc: _Doc, cands: list[Candidate]) -> list[Candidate]:
    """ "pendiri InfraDigital Ian McKenna": a run opening with a word the article names as an
    organisation on its own, followed by two or more plain names, is that body and a person."""
    orgs = {
        c.text
        for c in cands
        if c.kb < 0 and (_acronym(c.text) or _brand_like(c.text)) and top_type(c.votes) == "ORG"
    }
    if not orgs:
        return cands
    out: list[Candidate] = []
    for c in cands:
        head, _, rest = c.text.partition(" ")
        if head not in orgs or c.kb >= 0 or rest.count(" ") < 1 or doc.lex.is_head(head):
            out.append(c)
            continue
        plain = (w[0].isupper() and not doc.lex.is_head(w) for w in rest.split())
        # an acronym opens a person's name only after a title ("Presiden HRC Yoshishige
        # Nomura"), and before words that are no acronyms ("TL Bundaran HI" is a place)
        titled = not _acronym(head) or (
            c.title is not None and not any(w.isupper() for w in rest.split())
        )
        if not all(plain) or not titled or not doc.place_tails.isdisjoint(rest.split()):
            out.append(c)
            continue
        org = Candidate(c.start, c.start + len(head), head, initial=c.initial)
        org.vote("ORG", 2.0)
        person = Candidate(c.start + len(head) + 1, c.end, rest, title=c.title)
        person.vote("PER", 2.0)
        out += [org, person]
    return out


def _brand_like(word: str) -> bool:
    """A word with a capital well inside it ("InfraDigital", "DailySocial"), which no given
    name has ("McKenna", "DeShawn" have theirs early)."""
    return (
        " " not in word
        and len(word) >= 6
        and not word.isupper()
        and any(ch.isupper() for ch in word[4:])
    )


def _acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isupper() and word.isalpha()


def _slash_pairs(doc: _Doc, cands: list[Candidate]) -> None:
    """ "Takeshi Kamura/Keigo Sonoda": the partner of a person in a pair is a person too."""
    text = doc.text
    pairs = [c for c in cands if text.startswith("/", c.end)]
    if not pairs:
        return
    by_start = {c.start: c for c in cands}
    for c in pairs:
        if (d := by_start.get(c.end + 1)) is None:
            continue
        for one, other in ((c, d), (d, c)):
            # a person by more than the default vote of a plain run of capitals
            sure = one.votes.get("PER", 0.0) >= 1.5 and top_type(one.votes) == "PER"
            if sure and other.kb < 0 and top_type(other.votes) in (None, "PER"):
                other.vote("PER", 1.0)


def _mark_backed(doc: _Doc, cands: list[Candidate], spans: list[tuple[int, int, str]]) -> None:
    """Which candidates rest on more than capitals: a KB name, the model's span, a title
    before it, a head word ("Kabupaten", "Partai") or an acronym."""
    starts = [s for s, _, _ in spans]
    org_heads, loc_heads = doc.lex.org_heads, doc.lex.loc_heads
    for c in cands:
        # the cheap tests first; most candidates are settled before the model's spans are read
        cue = max(c.votes.values(), default=0.0) >= 1.0  # a preposition, a speech verb ...
        if c.kb >= 0 or c.title is not None or cue or c.text.isupper():
            c.backed = True
            continue
        words = c.text.split()
        heads = not (org_heads.isdisjoint(words) and loc_heads.isdisjoint(words))
        c.backed = heads or _overlaps_span(spans, starts, c)


def _overlaps_span(spans: list[tuple[int, int, str]], starts: list[int], c: Candidate) -> bool:
    """Whether one of the model's spans (sorted by start) overlaps the candidate."""
    k = max(0, bisect_left(starts, c.start) - 1)
    while k < len(spans) and spans[k][0] < c.end:
        if spans[k][1] > c.start:
            return True
        k += 1
    return False


def _orgish(c: Candidate, kb: KnowledgeBase, lex: Lexicon) -> bool:
    if c.kb >= 0:
        return kb.entries[c.kb].type == "ORG" and not c.weak
    words = c.text.split()
    if lex.head_initial and words[0] in lex.org_heads and words[0] not in lex.no_absorb:
        return True  # "di Pengadilan Tipikor": a place word before it, still a body
    return top_type(c.votes) == "ORG" or all(w in lex.org_heads for w in words)


def _absorb(doc: _Doc, cands: list[Candidate]) -> list[Candidate]:
    """An organisation followed by a KB place or organisation names a unit of it:
    "Kementerian Luar Negeri" + "Tiongkok", "Divisi Humas" + "Polri", "Polda" + "Sumut"."""
    cands.sort(key=lambda c: c.start)
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is None or doc.text[prev.end : c.start] != " ":
            out.append(c)
        elif _feature_of_place(doc, prev, c):
            out[-1] = Candidate(
                prev.start, c.end, doc.text[prev.start : c.end], initial=prev.initial
            )
            out[-1].vote("LOC", 3.0)
        elif _absorbs(doc, prev, c):
            out[-1] = _merged(doc, prev, c)
        else:
            out.append(c)
    return [c for c in out if c.kb >= 0 or not all(doc.lex.is_head(w) for w in c.text.split())]


def _feature_of_place(doc: _Doc, head: Candidate, place: Candidate) -> bool:
    """ "Laut Sulu", "Istana Bogor": a feature head before a known place names a place of
    its own (administrative heads, "Kabupaten Bogor", name the same place and stay apart)."""
    if head.kb >= 0 or head.text not in doc.lex.feature_heads or place.kb < 0 or place.weak:
        return False
    return doc.kb.entries[place.kb].type == "LOC"


def _merged(doc: _Doc, prev: Candidate, c: Candidate) -> Candidate:
    merged = Candidate(prev.start, c.end, doc.text[prev.start : c.end], initial=prev.initial)
    merged.vote("ORG", 3.0)
    merged.title = prev.title
    if c.kb >= 0:  # an organisation and the place or body it belongs to
        entry = doc.kb.entries[c.kb]
        merged.base_kb = prev.kb if prev.kb >= 0 else prev.base_kb
        merged.actor = (
            entry.coding_on(None)[0] if entry.kb == entry.key or entry.type == "ORG" else None
        )
        merged.actor = merged.actor or prev.actor
    else:  # a place opening an organisation's name
        merged.votes = dict(c.votes)
        merged.vote("ORG", 1.0)
        if prev.kb >= 0:  # "United States Navy": a country's body acts for it
            entry = doc.kb.entries[prev.kb]
            merged.actor = entry.actor if entry.kb == entry.key else None
    return merged


def _absorbs(doc: _Doc, org: Candidate, nxt: Candidate) -> bool:
    if not _orgish(org, doc.kb, doc.lex):
        return _place_heads_org(doc, org, nxt)
    if nxt.kb < 0 or nxt.weak:
        return False
    entry = doc.kb.entries[nxt.kb]
    if entry.type == "PER" or entry.capital_of:
        return False
    words = org.text.split()
    if org.kb >= 0:  # a KB organisation only takes a foreign country: "Kemlu" + "Tiongkok"
        own = doc.kb.entries[org.kb]
        return entry.kb == entry.key and entry.actor not in (None, own.actor)
    if words[0] in doc.lex.no_absorb:
        return False
    # a bare head ("Polda", "Tim") takes a place ("Polda Sumut") but not a named body
    return entry.type == "LOC" or len(words) > 1


def _place_heads_org(doc: _Doc, place: Candidate, nxt: Candidate) -> bool:
    """ "Beijing Gender Health Education Institute": a KB place opening an organisation's name."""
    if place.kb < 0 or doc.kb.entries[place.kb].type != "LOC" or nxt.kb >= 0:
        return False
    return any(w in doc.lex.org_heads for w in nxt.text.split())


def _metonyms(doc: _Doc, cands: list[Candidate]) -> None:
    """ "Beijing menolak ...": a capital acting stands for its country's government."""
    for c in cands:
        if c.kb < 0:
            continue
        entry = doc.kb.entries[c.kb]
        if entry.capital_of and entry.actor is None:
            after = doc.verb_after(c.end) in doc.lex.metonym_verbs
            # "officials in Tokyo said": the place is where they spoke, not who spoke
            after = after and doc.word_before(c.start).lower() not in doc.lex.loc_prepositions
            if after or doc.word_before(c.start).lower() in doc.lex.metonym_before:
                country = doc.kb.by_key.get(entry.capital_of)
                if country is not None:
                    c.kb = country


def _is_place(doc: _Doc, c: Candidate) -> bool:
    if c.kb >= 0:
        return doc.kb.entries[c.kb].type == "LOC" and not c.weak
    return top_type(c.votes) == "LOC"


def _place_lists(doc: _Doc, cands: list[Candidate]) -> None:
    """ "Desa X, Kecamatan Y, Kabupaten Z", "Bone dan Wajo": a name listed before a place, the
    smaller before the larger, is a place too."""
    joiners = {",", "dan", "and"}
    for _ in range(2):  # twice, so that a list carries the type along
        for prev, nxt in pairwise(cands):
            if doc.text[prev.end : nxt.start].strip() not in joiners:
                continue
            open_name = prev.kb < 0 and "LOC" not in prev.votes
            untitled = prev.title is None or _after_regional_title(doc, prev)
            if open_name and untitled and _is_place(doc, nxt):
                prev.vote("LOC", 1.0)


def _after_regional_title(doc: _Doc, cand: Candidate) -> bool:
    p = cand.start
    while p > 0 and doc.text[p - 1] == " ":
        p -= 1
    return p in doc.regional


def _candidates(doc: _Doc, gaz: Gazetteer, model: Any) -> list[Candidate]:
    matches = [m for m in gaz.find(doc.text, doc.lex.clitics) if m.start in doc.index]
    cands = _kb_candidates(doc, matches)
    kept = {c.start for c in cands}
    by_start = {m.start: m for m in matches if m.start in kept}
    for run in capitalised_runs(doc.text, doc.toks, by_start, doc.lex, doc.blocked, doc.named):
        cands += _run_candidates(doc, run)
    spans = _model_spans(doc, model, cands) if model is not None else []
    model_starts = {s for s, _, _ in spans}
    cands = [c for c in cands if not c.needs_model or c.start in model_starts]
    cands = _split_by_model(doc, cands, spans)
    _model_votes(spans, cands)
    cands = _split_known_org(doc, cands)
    _slash_pairs(doc, cands)
    cands = _drop_nested(_drop_common_acronyms(doc, cands))
    cands = _absorb(doc, cands)
    _metonyms(doc, cands)
    _place_lists(doc, cands)
    _mark_backed(doc, cands, spans)
    return cands


def build_entities(
    article: Article,
    kb: KnowledgeBase,
    gaz: Gazetteer,
    lex: Lexicon,
    model: Any,
    layout: TextLayout | None = None,
) -> tuple[Entity, ...]:
    """The article's entities, numbered e1, e2 ... in order of first mention.

    ``layout`` is the body's shared paragraph/sentence spans, when the caller has them.
    """
    doc = _Doc(article.text, lex, kb, layout)
    cands = _candidates(doc, gaz, model)
    groups = group_candidates(cands, doc.text, kb, lex, frozenset(doc.place_tails))
    day = (article.published or "")[:10] or None
    home = article_home(cands, kb, lex, doc.text, doc.titles)
    coder = Coder(doc.text, kb, lex, day, article.language, cands, doc.titles, home)
    out: list[Entity] = []
    for group in groups:
        if model is not None and not any(map(_BACKED, group)):
            continue  # capitals alone, and the model sees no name there
        coded = code_group(group, coder)
        if coded is None:
            continue
        name, etype, actor, agent, kb_id = coded
        spans = sorted({(c.start, c.end) for c in group})
        mentions = tuple(Mention(doc.text[s:e], s, e) for s, e in spans)
        out.append(Entity(f"e{len(out) + 1}", name, etype, actor, agent, kb_id, mentions))
    return tuple(out)
