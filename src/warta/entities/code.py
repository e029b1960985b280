"""Actor coding: the name, type, actor and agent of one group of mentions.

A knowledge-base referent takes its coding from the KB (the office held on the article's
date). Otherwise a person takes the agent of the title before a mention and the actor of the
country or organisation named between title and name ("Menteri Luar Negeri Tiongkok Wang Yi"),
or of a country word right before the title ("Chinese Foreign Minister"), or of a nationality
phrase beside the name ("warga negara Jepang", "asal AS"); a domestic title ("Bupati",
"Kapolres") gives the language's home actor. An organisation takes the actor of a country
inside its name. Failing all that, a person or state body in a language with a home country
(Indonesian news) gets that country only when the article is about it and no foreign country
is named near the mention; otherwise the actor stays unknown (better none than a wrong one).
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

# The end of a sentence: a full stop after a word (not after an initial), or a line break.
_SENTENCE_END = re.compile(r"[a-z]\.\s|\n")

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
    countries: list[tuple[int, int, str]] = field(default_factory=list)  # country cues by start

    def __post_init__(self) -> None:
        self.cands = sorted(self.cands, key=lambda c: c.start)
        self.cand_starts = [c.start for c in self.cands]
        self.title_starts = [t[0] for t in self.titles]
        self.countries = [
            (c.start, c.end, actor)
            for c in self.cands
            if (actor := self.country_of(c)) and not _currency(self.text, c, self.lex)
        ]

    def dominant(self) -> bool:
        """Whether the article's country is named at least twice as often as any other."""
        counts = Counter(actor for _, _, actor in self.countries)
        ranked = counts.most_common(2)
        return len(ranked) < 2 or ranked[0][1] >= 2 * ranked[1][1]

    def country_of(self, cand: Candidate) -> str | None:
        """The state a country name or demonym stands for (not a city, person or body)."""
        if cand.kb >= 0 and not cand.weak:
            entry = self.kb.entries[cand.kb]
            return entry.actor if entry.type == "LOC" and entry.kb == entry.key else None
        return self.kb.demonyms.get(cand.text) if cand.kb < 0 else None

    def sentence_span(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``start:end``, at most 150 characters either side."""
        lo = max(0, start - 150)
        lo = max(lo, self.text.rfind(". ", lo, start) + 1, self.text.rfind("\n", lo, start) + 1)
        hi = min(len(self.text), end + 150)
        cuts = [p for p in (self.text.find(". ", end, hi), self.text.find("\n", end, hi)) if p >= 0]
        return lo, min(cuts, default=hi)

    def nationality(self, cand: Candidate) -> str | None:
        """ "warga negara Jepang Taro", "Taro, warga negara Jepang": a country after a
        nationality word, right before or shortly after the mention."""
        lo = bisect_left(self.countries, (cand.start - 60, 0, ""))
        for start, end, actor in self.countries[lo:]:
            if start >= cand.end + 40:
                break
            words = self.text[max(0, start - 30) : start].split()
            if not words or words[-1].lower() not in self.lex.nationality_cues:
                continue
            before = end <= cand.start and _TAIL.fullmatch(self.text, end, cand.start)
            if before and not _SENTENCE_END.search(self.text, end, cand.start):
                return actor
            if start >= cand.end and self._links(self.text[cand.end : start]):
                return actor
        return None

    def _links(self, gap: str) -> bool:
        """Whether ``gap`` ties the name before it to the country after it: a nationality cue
        with only link words before it ("Taro, warga negara Jepang"), not a phrase about
        someone else ("Budi melawan pasangan asal Jepang")."""
        words = [w for w in (w.strip(",()").lower() for w in gap.split()) if w]
        cues, links = self.lex.nationality_cues, self.lex.nationality_links
        return bool(words) and all(w in cues or w in links for w in words)

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
            if word[-1] in ",;:)":
                return None  # "menuju Afghanistan, Menteri ...": a list, not a modifier
            word = word.removesuffix("'s").removesuffix("’s")
            if not word or not word[0].isupper():
                return None
            actor = self.kb.demonyms.get(word)
            if actor:
                return actor
        return None


def _currency(text: str, cand: Candidate, lex: Lexicon) -> bool:
    """ "dolar Singapura", "Singapore dollars": a country name inside a currency's name."""
    before = text[max(0, cand.start - 20) : cand.start].split()
    after = text[cand.end : cand.end + 20].split()
    words = lex.currency_words
    return bool(before and before[-1].lower() in words) or bool(
        after and after[0].strip(",.;:").lower() in words
    )


def _home_seen(
    cands: list[Candidate],
    titles: list[tuple[int, int, str | None, bool]],
    kb: KnowledgeBase,
    lex: Lexicon,
) -> bool:
    """Whether the article shows it is about the home country: a place of it (a city, a
    province), a title only it has ("Bupati") or a body only it has ("Polres")."""
    home = lex.home_actor or ""
    if any(t[3] for t in titles):
        return True
    for c in cands:
        if c.kb >= 0:
            entry = kb.entries[c.kb]
            if home in (entry.actor, entry.capital_of, entry.country):
                return True
        elif c.actor == home or any(w in lex.home_org_heads for w in c.text.split()):
            return True
    return False


def article_home(
    cands: list[Candidate],
    kb: KnowledgeBase,
    lex: Lexicon,
    text: str = "",
    titles: list[tuple[int, int, str | None, bool]] | None = None,
) -> str | None:
    """The country an article is about: the language's home country (IDN for Indonesian
    news) when the article shows it and no other country is named more often; in English,
    the most named country. Currency names ("dolar Singapura") do not count."""
    counts: Counter[str] = Counter()
    for c in cands:
        if c.kb >= 0 and not c.weak:
            entry = kb.entries[c.kb]
            state = entry.type == "LOC" and entry.actor and not entry.capital_of
            if state and not (text and _currency(text, c, lex)):
                counts[str(entry.actor)] += 1
    home = lex.home_actor
    if home and not counts[home] and not _home_seen(cands, titles or [], kb, lex):
        home = None  # nothing Indonesian named: a story about Hollywood, not Jakarta
    if not counts:
        return home
    top, n = counts.most_common(1)[0]
    if home and counts[home] >= n:
        return home
    return top if n >= 2 else home


def _longest(group: list[Candidate]) -> str:
    if len(group) == 1:  # most groups: no key to compute
        return group[0].text
    return max((c.text for c in group), key=lambda t: (len(t.split()), len(t)))


def _kb_name(entry: KbEntry, group: list[Candidate], language: str | None) -> str:
    if entry.type == "PER":
        return entry.names[0]
    if entry.kb == entry.key:  # a country: its name in the article's language
        return entry.name_in(language)
    local = entry.local_names.get(language or "")
    if local:  # "Gaza" in English news: the "Gaza Strip", not the Indonesian "Jalur Gaza"
        return local
    longest = _longest([c for c in group if c.kb >= 0] or group)
    # "DKI" alone is better named by the KB's "DKI Jakarta"; "UN" is not renamed "PBB"
    first = entry.names[0]
    upgrade = not first.isupper() or longest in first.split()
    return first if len(first) > len(longest) and upgrade else longest


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


def _home_for(group: list[Candidate], coder: Coder, official: bool) -> str | None:
    """The country of a person or body with no clue of its own: the article's country
    (``article_home``) when no other country is named in the sentence of any of its mentions.
    In a language with a home country (Indonesian news) that is the home country or nothing;
    elsewhere only officials and state bodies take the article's country, and only when it is
    named twice as often as any other (a US general in a story about Russia is no Russian)."""
    target, home = coder.home, coder.lex.home_actor
    # in Indonesian news an official in a story about Japan may well be Indonesian
    if target is None or ((home is not None or not official) and target != home):
        return None
    if home is None and not coder.dominant():
        return None  # a story about Russia and the US: a general may be either's
    for c in group:
        lo, hi = coder.sentence_span(c.start, c.end)
        k = bisect_left(coder.countries, (lo, 0, ""))
        for start, _, actor in coder.countries[k:]:
            if start >= hi:
                break
            if actor != target:
                return None
    return target


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
    if actor is None and any(w in lex.home_org_heads for w in words):
        actor = lex.home_actor
    if actor is None and agent is not None:
        actor = _home_for(group, coder, official=True)
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


def _group_entry(group: list[Candidate], kb: KnowledgeBase) -> int:
    """The KB entry most mentions of the group match (strong matches first; ties go to the
    first mentioned), -1 when none. A plain dict, not a Counter: 12k groups per 1,000
    articles made Counter's set-up cost show."""
    strong: dict[int, int] = {}
    weak: dict[int, int] = {}
    for c in group:
        if c.kb >= 0:
            counts = weak if c.weak else strong
            counts[c.kb] = counts.get(c.kb, 0) + 1
    if not strong:  # weak matches count only when there is no strong one
        strong = {k: n for k, n in weak.items() if _weak_fits(group, kb.entries[k])}
    return max(strong, key=strong.__getitem__) if strong else -1


def _weak_fits(group: list[Candidate], entry: KbEntry) -> bool:
    """Whether a surname match may name the group: only when no mention is a longer name
    that is not the entry's ("Dustin Johnson ... Johnson" is not Boris Johnson)."""
    return all(c.kb >= 0 or " " not in c.text or _ends_with_name(c.text, entry) for c in group)


def _ends_with_name(text: str, entry: KbEntry) -> bool:
    """ "Donald Rumsfeld", or a name with a word glued before it ("Defense Donald Rumsfeld")."""
    return any(text == name or text.endswith(" " + name) for name in entry.names)


def _foreign_alias(group: list[Candidate], entry: KbEntry, coder: Coder) -> bool:
    """Whether the group names the entry only by a name other countries' bodies share
    ("House of Representatives") in an article that is not about the entry's country."""
    actor = entry.actor
    if not entry.generic or actor in (coder.home, coder.lex.home_actor):
        return False
    if any(c.text not in entry.generic for c in group):
        return False
    return all(a != actor for _, _, a in coder.countries)


def code_group(group: list[Candidate], coder: Coder) -> Coding | None:
    """(name, type, actor, agent, kb id) of one group of mentions."""
    entry = _group_entry(group, coder.kb)
    if entry >= 0 and not _foreign_alias(group, coder.kb.entries[entry], coder):
        return _code_kb(group, coder.kb.entries[entry], coder)
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
        actor = next(filter(None, map(coder.nationality, group)), None) or _home_for(
            group, coder, official=agent in _OFFICIAL
        )
    return name, etype, actor, agent, None
