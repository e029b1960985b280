"""Recognition: name candidates from the knowledge base, capitalised runs and the model.

Capitalised runs are cut at knowledge-base names, stripped of leading titles ("Presiden",
"Kapolri", "Mayor Jenderal") and of sentence-initial function words, and typed from their head
words ("Kabupaten" is a place, "Kementerian" an organisation) and their context (a run after
"di" is a place, one before "mengatakan" a person). The statistical model, where present,
adds its own types.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from operator import attrgetter

from warta.entities.gazetteer import GazetteerMatch
from warta.entities.lexicon import Lexicon
from warta.text import Token

__all__ = ["Candidate", "capitalised_runs", "trim_run", "type_votes"]


@dataclass(slots=True)
class Candidate:
    """A span that may name an entity, with what is known about it."""

    start: int
    end: int
    text: str
    kb: int = -1  # knowledge-base entry, -1 when none
    weak: bool = False
    votes: dict[str, float] = field(default_factory=dict)  # type -> weight
    title: tuple[str | None, bool] | None = None  # (agent, home) of a title right before it
    initial: bool = False  # starts a sentence
    base_kb: int = -1  # an ORG built around a KB organisation ("Kementerian ... Tiongkok")
    actor: str | None = None  # actor fixed by a country inside the name
    backed: bool = False  # evidence beyond capitals: KB, model, title, head word, acronym
    needs_model: bool = False  # a lone sentence opener: kept only if the model tags it

    def vote(self, etype: str, weight: float) -> None:
        self.votes[etype] = self.votes.get(etype, 0.0) + weight


_DIGIT = re.compile(r"\d").search
_START = attrgetter("start")


def _is_cap(tok: str, lex: Lexicon) -> bool:
    """Whether ``tok`` may open a name."""
    # isalpha first: most words are letters only, and it is cheaper than the digit regex
    if not tok[0].isupper() or (not tok.isalpha() and _DIGIT(tok)):
        return False
    if lex.adjective_suffixes and tok.endswith(lex.adjective_suffixes):
        return False
    return tok not in lex.not_names or lex.is_head(tok)


def _is_upper(tok: str) -> bool:
    """Whether ``tok`` may continue a name (any capitalised word without digits)."""
    return tok[0].isupper() and (tok.isalpha() or not _DIGIT(tok))


def _joins(toks: list[Token], j: int, run: list[int], lex: Lexicon, text: str) -> bool:
    """Whether lower-case token ``j`` continues the run (``bin``, ``dan`` in org names,
    ``of the`` in "Parliament of the United Kingdom")."""
    word = toks[j].text
    double = j + 2 < len(toks) and {word, toks[j + 1].text} <= lex.org_connectors
    if double and toks[j + 2].text[0].isupper():
        return any(toks[k].text in lex.org_heads for k in run)
    if j + 1 >= len(toks) or not toks[j + 1].text[0].isupper():
        return False
    if word in lex.name_connectors:
        return True
    if word in lex.org_connectors:
        # inside an organisation's name, or a title naming one ("Menteri Kelautan dan Perikanan")
        # or the title of a law or document, dropped later as a whole
        heads = any(toks[k].text in lex.org_heads for k in run)
        first = toks[run[0]].text
        return (
            heads
            or first in lex.not_entity_heads
            or (lex.title_re.match(text, toks[run[0]].start) is not None)
        )
    return False


def _spaced_hyphen(text: str, toks: list[Token], j: int, lex: Lexicon) -> bool:
    """ "Al - Mayadeen", "Soekarno - Hatta": a hyphen spaced out inside a name (not the dash
    of a dateline, "JAKARTA - Presiden ...")."""
    if j + 1 >= len(toks) or text[toks[j].end : toks[j + 1].start] != " ":
        return False
    nxt, prev = toks[j + 1].text, toks[j - 1].text
    titled = lex.title_re.match(text, toks[j + 1].start) is not None
    return _is_cap(nxt, lex) and not prev.isupper() and not titled


def _syllable_after(text: str, toks: list[Token], j: int) -> bool:
    """ "Kim Won - ho", "Shin Seung - chan": a spaced hyphen inside a given name, before a
    short lower-case syllable that ends the name."""
    if j < 1 or j + 1 >= len(toks) or text[toks[j - 1].end : toks[j + 1].start] != " - ":
        return False
    prev, nxt = toks[j - 1].text, toks[j + 1].text
    if not (prev.isalpha() and prev[0].isupper() and nxt.isalpha() and nxt.islower()):
        return False
    if len(nxt) > 4 or len(prev) > 6:
        return False
    after = toks[j + 2] if j + 2 < len(toks) else None
    return after is None or text[toks[j + 1].end : after.start] != " " or not after.text.islower()


def _initial_dot(text: str, toks: list[Token], j: int) -> bool:
    """The full stop of a middle initial ("David O. Russell"): after a lone capital letter
    that follows a name, before a capitalised word."""
    prev = toks[j - 1].text
    if len(prev) != 1 or not prev.isupper() or j < 2 or j + 1 >= len(toks):
        return False
    if text[toks[j].end : toks[j + 1].start] != " " or not toks[j + 1].text[0].isupper():
        return False
    return text[toks[j - 2].end : toks[j - 1].start] == " " and toks[j - 2].text[0].isupper()


def _digit_joins(toks: list[Token], j: int, run: list[int], lex: Lexicon) -> bool:
    """'Densus 88', 'Komisi III': a number after an organisation head or an acronym."""
    word = toks[j].text
    if not word.isdigit() or len(word) > 3:
        return False
    prev = toks[run[-1]].text
    if j + 1 < len(toks) and toks[j + 1].text.lower() in lex.quantity_words:
        return False  # "saudara SD 27 tahun": an age, not "Densus 88"
    return prev in lex.org_heads or prev.isupper()


def capitalised_runs(
    text: str,
    toks: list[Token],
    gaz: dict[int, GazetteerMatch],
    lex: Lexicon,
    blocked: set[int],
    named: list[int] | None = None,
) -> list[list[int]]:
    """Runs of capitalised tokens (token indices), cut at knowledge-base matches, except
    a match after "of" inside an organisation's name ("University of Geneva"). ``named``:
    the indices of the tokens that are not lower case, when the caller has them."""
    runs: list[list[int]] = []
    run: list[int] = []
    # outside a run only a capitalised token or a KB name matters: jump from one to the next
    # rather than walking the (mostly lower-case) tokens between them
    if named is None:
        named = [i for i, t in enumerate(toks) if not t.text[0].islower()]
    # punctuation and numbers open no run either: leaving them out of the stops halves the
    # walk (the test below must keep every token that can open a run or a KB match)
    stops = [i for i in named if toks[i].text[0].isupper() or toks[i].start in gaz]
    lower_kb = [bisect_left(toks, s, key=_START) for s in gaz if text[s].islower()]
    if lower_kb:
        stops = sorted(stops + lower_kb)
    j = 0
    n = len(toks)
    while j < n:
        if not run:
            k = bisect_left(stops, j)
            if k == len(stops):
                break
            j = stops[k]
        tok = toks[j]
        match = gaz.get(tok.start)  # looked up once: this loop is the stage's busiest
        if match is not None and run and toks[run[-1]].text in lex.org_connectors:
            while j < n and toks[j].start < match.end:
                run.append(j)
                j += 1
            continue
        if run and match is None and j not in blocked and _continues(text, toks, j, run, lex):
            run.append(j)
            j += 1
            continue
        if run:
            runs.append(run)
            run = []
        if match is not None:
            while j < n and toks[j].start < match.end:
                j += 1
            continue
        if j not in blocked and _is_cap(tok.text, lex):
            run = [j]
        j += 1
    if run:
        runs.append(run)
    return [trim_run(r, toks) for r in runs if r]


def _continues(text: str, toks: list[Token], j: int, run: list[int], lex: Lexicon) -> bool:
    if not run:
        return False
    prev = toks[run[-1]]
    gap = text[prev.end : toks[j].start]
    if gap not in (" ", ""):  # a comma, a newline or double space ends a name
        return False
    word = toks[j].text
    if word == "-":
        # a spaced hyphen inside a name, or a given name's after a full name ("Kim Won - ho",
        # not "K - pop")
        return _spaced_hyphen(text, toks, j, lex) or (
            len(run) >= 2 and _syllable_after(text, toks, j)
        )
    if prev.text == "-" and word.islower() and _syllable_after(text, toks, j - 1):
        return True  # the "ho" of "Kim Won - ho"
    if word == "." and _initial_dot(text, toks, j):
        return True
    if word[0].islower() and "-" in word:
        particle, _, rest = word.partition("-")  # "Mohammed al-Waili", "Abdel el-Sisi"
        return particle in lex.name_connectors and rest[:1].isupper()
    if _is_upper(word):
        if word.isupper() and text.startswith("$", toks[j].end):
            return False  # "US$": a currency, not the end of a name
        # a stop word ("Senin", "Nasional") continues only an organisation's or a place's name
        return word not in lex.not_names or any(lex.is_head(toks[k].text) for k in run)
    return _joins(toks, j, run, lex, text) or _digit_joins(toks, j, run, lex)


def trim_run(run: list[int], toks: list[Token]) -> list[int]:
    """Drop connectors (and hyphens) left dangling at either end of a run."""
    while run and not toks[run[-1]].text[0].isupper() and not toks[run[-1]].text.isdigit():
        last = toks[run[-1]].text
        if len(run) > 2 and toks[run[-2]].text == "-" and last.isalpha():
            break  # "Kim Won - ho": a syllable taken in by ``_continues``
        if "-" in last and last.partition("-")[2][:1].isupper():
            break  # "Mohammed al-Waili"
        run = run[:-1]
    while run and not toks[run[0]].text[0].isupper():
        run = run[1:]
    return run


def _place_of(text: str, start: int, lex: Lexicon) -> bool:
    """ "the town of X": a place noun and "of" right before ``start``."""
    if not text.endswith("of ", 0, start):
        return False
    words = text[max(0, start - 25) : start].split()
    return len(words) >= 2 and words[-2].lower() in lex.place_nouns


def _org_cue_after(text: str, end: int, lex: Lexicon) -> bool:
    """ "Fusion Payments, perusahaan yang ...": an organisation word after a comma."""
    after = text[end + 2 : end + 20].split()
    return bool(after) and after[0].lower() in lex.org_cues


HeadVote = tuple[str, float] | None


def head_vote(name: str, lex: Lexicon) -> HeadVote:
    """The type a name's own words vote for (head words, a postnominal, an acronym, several
    names), with its weight; None when they say nothing."""
    words = name.split()
    first = words[0]
    place_head = first in lex.loc_heads and first not in lex.org_heads
    if lex.head_initial and len(words) > 1 and place_head:
        return "LOC", 1.5  # the head comes first: "Bandara Internasional Hazrat Shahjalal"
    if not lex.org_heads.isdisjoint(words):
        return "ORG", 1.5
    if not lex.loc_heads.isdisjoint(words) or words[-1] in lex.directions:
        return "LOC", 1.5
    if len(words) > 1 and words[-1] in lex.postnominals:
        return "PER", 1.5  # "Kama Melly QC"
    if any(w.isupper() and len(w) >= 2 and w.isalpha() for w in words):
        return "ORG", 1.0  # an acronym, alone or in a name, says organisation
    if len(words) > 1:
        return "PER", 0.75  # a plain run of names is most often a person's
    return None


def type_votes(
    cand: Candidate,
    text: str,
    prev_word: str,
    next_word: str,
    lex: Lexicon,
    heads: dict[str, HeadVote] | None = None,
) -> None:
    """Vote on a run's type from its head words and its neighbours. ``heads``: the article's
    memo of ``head_vote`` by name (names repeat within an article)."""
    if heads is None:
        found = head_vote(cand.text, lex)
    elif cand.text in heads:
        found = heads[cand.text]
    else:
        found = heads[cand.text] = head_vote(cand.text, lex)
    if found is not None:
        cand.vote(*found)
    if cand.title is not None and "ORG" not in cand.votes:
        cand.vote("PER", 2.0)
    if lex.media_cue_before(text, cand.start):
        cand.vote("ORG", 1.5)  # "dilansir dari Science Alert": a news outlet
    low_prev, low_next = prev_word.lower(), next_word.lower()
    if low_prev in lex.loc_prepositions:
        cand.vote("LOC", 1.0)
    if lex.place_nouns and (low_next in lex.place_nouns or _place_of(text, cand.start, lex)):
        cand.vote("LOC", 1.0)  # "the town of Sderot", "the Khasir Abyad district"
    after_comma = text.startswith(", ", cand.end)
    if low_prev in lex.org_cues or (after_comma and _org_cue_after(text, cand.end, lex)):
        cand.vote("ORG", 2.0)  # "perusahaan X", "X, perusahaan yang ...": a company
    if low_prev in lex.speech_before or low_next in lex.speech_after:
        cand.vote("PER", 1.0)
