"""Actor coding: the name, type, actor and agent of one group of mentions.

A knowledge-base referent takes its coding from the KB (the office held on the article's
date). Otherwise a person takes the agent of the title before a mention and the actor of the
country or organisation named between title and name ("Menteri Luar Negeri Tiongkok Wang Yi"),
or of a country word right before the title ("Chinese Foreign Minister"); a domestic title
("Bupati", "Kapolres") gives the language's home actor. An organisation takes the actor of a
country inside its name, else the home actor when its head marks a state body.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from warta.entities.kb import KbEntry, KnowledgeBase
from warta.entities.lexicon import Lexicon
from warta.entities.link import top_type
from warta.entities.recognize import Candidate

__all__ = ["Coder", "article_home", "code_group"]

# Between a title and a name only capitalised words (an organisation or a country) may stand.
_TAIL = re.compile(r"[\s,]*(?:[A-Z][\w.'’/-]*[\s,]*)*")

_OFFICIAL = frozenset({"GOV", "LEG", "JUD", "MIL", "COP"})

Coding = tuple[str, str, str | None, str | None, str | None]


@dataclass(slots=True)
class Coder:
    """What coding reads besides the group: the text, KB, lexicon, date and all candidates."""

    text: str
    kb: KnowledgeBase
    lex: Lexicon
    day: str | None
    language: str | None
    cands: list[Candidate]
    titles: list[tuple[int, int, str | None, bool]]  # (start, end, agent, home) by start
    home: str | None = None  # the country the article is about (see ``article_home``)
    title_starts: list[int] = field(default_factory=list)
    cand_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cands = sorted(self.cands, key=lambda c: c.start)
        self.cand_starts = [c.start for c in self.cands]
        self.title_starts = [t[0] for t in self.titles]

    def actor_of(self, cand: Candidate) -> str | None:
        """The actor a candidate names: a country, or an organisation with an actor."""
        if cand.actor:
            return cand.actor
        if cand.kb >= 0 and not cand.weak:
            entry = self.kb.entries[cand.kb]
            if entry.type == "ORG" or entry.kb == entry.key:
                return entry.coding_on(self.day)[0]
        return self.kb.demonyms.get(cand.text)

    def title_context(self, cand: Candidate) -> tuple[str | None, bool, str | None] | None:
        """(agent, home, actor) from the title before ``cand`` and what stands between."""
        begin = max(0, cand.start - 120)
        cut = max(
            self.text.rfind(". ", begin, cand.start), self.text.rfind("\n", begin, cand.start)
        )
        begin = max(begin, cut + 1)
        lo = bisect_left(self.title_starts, begin)
        hi = bisect_left(self.title_starts, cand.start)
        for t_start, t_end, agent, home in self.titles[lo:hi]:
            if t_end <= cand.start and _TAIL.fullmatch(self.text, t_end, cand.start):
                actor = self._actor_between(t_end, cand.start) or self._actor_before(t_start)
                return agent, home, actor
        return None

    def _actor_between(self, start: int, end: int) -> str | None:
        actor = None
        for c in self.cands[bisect_left(self.cand_starts, start) :]:
            if c.start >= end:
                break
            if c.end <= end:
                actor = self.actor_of(c) or actor
        return actor

    def _actor_before(self, start: int) -> str | None:
        """ "Chinese Foreign Ministry spokesperson", "US President": a country word among the
        capitalised words right before a title."""
        words = self.text[max(0, start - 50) : start].split()
        for word in reversed(words):
            word = word.strip(",").removesuffix("'s").removesuffix("’s")
            if not word or not word[0].isupper():
                return None
            actor = self.kb.demonyms.get(word)
            if actor:
                return actor
        return None


def article_home(cands: list[Candidate], kb: KnowledgeBase, lex: Lexicon) -> str | None:
    """The country an article is about: the language's home country (IDN for Indonesian
    news) unless another country is named more often; in English, the most named country."""
    counts: Counter[str] = Counter()
    for c in cands:
        if c.kb >= 0 and not c.weak:
            entry = kb.entries[c.kb]
            if entry.type == "LOC" and entry.actor and not entry.capital_of:
                counts[entry.actor] += 1
    if not counts:
        return lex.home_actor
    top, n = counts.most_common(1)[0]
    if lex.home_actor and counts[lex.home_actor] >= n:
        return lex.home_actor
    return top if n >= 2 else lex.home_actor


def _longest(group: list[Candidate]) -> str:
    return max((c.text for c in group), key=lambda t: (len(t.split()), len(t)))


def _kb_name(entry: KbEntry, group: list[Candidate], language: str | None) -> str:
    if entry.type == "PER":
        return entry.names[0]
    if entry.kb == entry.key:  # a country: its name in the article's language
        return entry.name_in(language)
    longest = _longest([c for c in group if c.kb >= 0] or group)
    # "DKI" alone is better named by the KB's "DKI Jakarta"
    return entry.names[0] if len(entry.names[0]) > len(longest) else longest


def _code_kb(group: list[Candidate], entry: KbEntry, coder: Coder) -> Coding:
    actor, agent = entry.coding_on(coder.day)
    if entry.type == "PER" and agent is None:
        for c in group:
            ctx = coder.title_context(c)
            if ctx:
                agent = ctx[0]
                break
    return _kb_name(entry, group, coder.language), entry.type, actor, agent, entry.kb


def _code_person(group: list[Candidate], coder: Coder) -> tuple[str | None, str | None]:
    actor = agent = None
    for c in sorted(group, key=lambda c: c.start):
        ctx = coder.title_context(c)
        if ctx is None:
            continue
        t_agent, home, t_actor = ctx
        agent = agent or t_agent
        actor = actor or t_actor or (coder.lex.home_actor if home else None)
        if actor and agent:
            break
    return actor, agent


def _home_for_person(agent: str | None, coder: Coder) -> str | None:
    """An official acts for the article's country; in a language with a home country
    (Indonesian news) so does a citizen named without a foreign tie."""
    if agent in _OFFICIAL:
        return coder.home
    domestic = coder.lex.home_actor is not None and coder.home == coder.lex.home_actor
    return coder.home if domestic else None


def _code_org(group: list[Candidate], name: str, coder: Coder) -> tuple[str | None, str | None]:
    lex = coder.lex
    words = name.split()
    agent = next((lex.state_org_heads[w] for w in words if w in lex.state_org_heads), None)
    actor = next((c.actor for c in group if c.actor), None)
    for c in group:
        if c.base_kb >= 0:
            base = coder.kb.entries[c.base_kb]
            agent = agent or base.agent
            actor = actor or base.actor
    actor = actor or next((coder.kb.demonyms[w] for w in words if w in coder.kb.demonyms), None)
    if actor is None and agent is not None:
        actor = coder.home
    return actor, agent


def _code_dictionary(name: str, coder: Coder) -> tuple[str | None, str | None]:
    for role in coder.kb.dictionary_actors.get(name.upper(), ()):
        if role.holds_on(coder.day):
            return role.actor, role.agent
    return None, None


def _dictionary_agent(group: list[Candidate], name: str, etype: str, coder: Coder) -> str | None:
    """An agent noun from the PETRARCH agents dictionary: inside an organisation's name
    ("Riot Police Unit"), or right before a person's name ("farmer John Smith")."""
    words = coder.kb.agent_words
    if etype == "ORG":
        low = name.lower().split()
        for n in (2, 1):
            for k in range(len(low) - n + 1):
                code = words.get(" ".join(low[k : k + n]))
                if code:
                    return code
        return None
    for c in group:
        before = coder.text[max(0, c.start - 40) : c.start].lower().split()
        for n in (2, 1):
            code = words.get(" ".join(before[-n:])) if len(before) >= n else None
            if code:
                return code
    return None


def code_group(group: list[Candidate], coder: Coder) -> Coding | None:
    """(name, type, actor, agent, kb id) of one group of mentions."""
    kb_ids = Counter(c.kb for c in group if c.kb >= 0 and not c.weak) or Counter(
        c.kb for c in group if c.kb >= 0
    )
    if kb_ids:
        return _code_kb(group, coder.kb.entries[kb_ids.most_common(1)[0][0]], coder)
    votes: dict[str, float] = {}
    for c in group:
        for kind, weight in c.votes.items():
            votes[kind] = votes.get(kind, 0.0) + weight
    etype = top_type(votes) or "PER"
    name = _longest(group)
    if etype == "PER":
        actor, agent = _code_person(group, coder)
    elif etype == "ORG":
        actor, agent = _code_org(group, name, coder)
    else:
        actor, agent = None, None
    if actor is None and coder.kb.dictionary_actors and etype != "LOC":
        actor, d_agent = _code_dictionary(name, coder)
        agent = agent or d_agent
    if agent is None and coder.kb.agent_words and etype != "LOC":
        agent = _dictionary_agent(group, name, etype, coder)
    if actor is None and etype == "PER":
        actor = _home_for_person(agent, coder)
    return name, etype, actor, agent, None
