"""Actor candidates: where in the text an actor is named, and what it codes as.

Candidates come from the entity stage (mentions of entities with an actor code), from generic
actor words ("polisi", "warga", "protesters"), which stand for the article's own country when
the article is domestic, and from pronouns, which stand for the last named actor.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

import ahocorasick

from warta.records import Article, Entity, EventSide

__all__ = [
    "ActorWords",
    "Candidate",
    "build_actor_words",
    "domestic_country",
    "find_candidates",
    "people_country",
    "without_money",
    "word_hits",
]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A span of text naming an actor."""

    start: int
    end: int
    side: EventSide
    kind: str  # "entity", "generic" or "pronoun"
    entity_type: str | None = None
    # where the words governing this name may begin: after a name right before it
    # ("Partai Republik Donald Trump": nothing before Donald Trump but another name)
    name_floor: int = 0


@dataclass(frozen=True, slots=True)
class ActorWords:
    """One language's generic actor words and pronouns, in one Aho-Corasick automaton."""

    automaton: Any  # lower-case word -> ("generic" | "pronoun", word)
    agents: Mapping[str, str]
    coded: Mapping[str, str]
    pronouns: Mapping[str, str]  # pronoun -> the entity type it stands for (PER, ORG, ANY)
    home: str | None
    proper: frozenset[str] = frozenset()  # coded words that count only when capitalised
    # a name beside a currency word names money, not an actor ("dolar Singapura", "U.S. dollars")
    money: re.Pattern[str] | None = None
    # every currency word, lower-case, in one automaton: the cheap test before ``money``
    money_words: Any = None
    # dependent territory code -> the state it acts as part of (GUM -> USA)
    states: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # words before a country's name that make it where the story happens ("di", "in")
    place_preps: frozenset[str] = frozenset()

    def money_test(self, text: str, lower: str | None = None) -> Callable[[int, int], bool]:
        """``is_money`` for one text (``lower``: it lower-cased, offsets kept), skipping the
        pattern for names with no currency word beginning within 16 characters before them
        or right after them (past white space only)."""
        if self.money is None:
            return _never
        folded = _folded(text, lower)
        if folded is None or self.money_words is None:
            return lambda start, end: self.is_money(text, start, end)
        starts = sorted(
            last - len(word) + 1
            for last, word in self.money_words.iter(folded)
            if last < len(word) or not _word_char(text[last - len(word)])
        )
        if not starts:
            return _never

        def test(start: int, end: int) -> bool:
            i = bisect.bisect_left(starts, start - 16)
            j = bisect.bisect_left(starts, end)
            near = (i < len(starts) and starts[i] < start) or (
                j < len(starts) and text[end : starts[j]].strip() == ""
            )
            return near and self.is_money(text, start, end)

        return test

    def is_money(self, text: str, start: int, end: int) -> bool:
        """Whether the name at ``start:end`` is part of a currency ("dolar AS")."""
        if self.money is None:
            return False
        before = self.money.search(text, max(0, start - 16), start)
        if before is not None and before.end() == start:
            return True
        after = self.money.match(text, end)
        return after is not None

    def find(self, lower: str) -> Iterator[tuple[int, int, str, str]]:
        """(start, end, kind, word) of whole-word matches, longest at each place."""
        last_end = -1
        hits = []
        for last, (kind, word) in self.automaton.iter(lower):
            start = last - len(word) + 1
            if (start > 0 and lower[start - 1].isalnum()) or (
                last + 1 < len(lower) and lower[last + 1].isalnum()
            ):
                continue
            hits.append((start, last + 1, kind, word))
        hits.sort(key=lambda h: (h[0], -h[1]))
        for hit in hits:
            if hit[0] >= last_end:
                last_end = hit[1]
                yield hit


def build_actor_words(
    data: Mapping[str, Any],
    places: Mapping[str, str] | None = None,
    states: Mapping[str, str] | None = None,
) -> ActorWords:
    """Compile the generic actor words and pronouns of one ``events.yaml``, and the place
    names (``places``: proper name -> country code) that stand for their state; a dependent
    territory stands for the state that holds it (``states``: GUM -> USA)."""
    agents: dict[str, str] = {}
    for agent, words in (data.get("generic_actors") or {}).items():
        for word in words:
            agents[word.lower()] = agent
    states = states or {}
    coded = {name.lower(): states.get(code, code) for name, code in (places or {}).items()}
    proper = frozenset(coded)
    for code, words in (data.get("coded_actors") or {}).items():
        for word in words:
            coded[word.lower()] = str(code)
    automaton = ahocorasick.Automaton()
    for word in (*agents, *coded):
        automaton.add_word(word, ("generic", word))
    pronouns = {str(k).lower(): str(v) for k, v in (data.get("pronouns") or {}).items()}
    for word in pronouns:
        automaton.add_word(word, ("pronoun", word))
    # people named as foreigners are no one's: the longer phrase shadows "warga" (domestic)
    for word in data.get("foreign_actors") or ():
        automaton.add_word(str(word).lower(), ("foreign", str(word).lower()))
    if len(automaton):
        automaton.make_automaton()
    proper = frozenset(w for w in proper if w not in agents)
    home = data.get("home_country")
    currency = [str(w).lower() for w in data.get("currency_words") or ()]
    money = _money_pattern(currency)
    place_preps = frozenset(str(w).lower() for w in data.get("place_preps") or ())
    return ActorWords(
        automaton, agents, coded, pronouns, home, proper, money, _word_automaton(currency),
        dict(states), place_preps,
    )  # fmt: skip


def _money_pattern(words: Iterable[str]) -> re.Pattern[str] | None:
    """Currency words, matched as a whole word right before or right after a name."""
    alt = "|".join(re.escape(str(w)) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?i:\s*\b(?:{alt})\b\s*)") if alt else None


def _word_automaton(words: Iterable[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    if len(automaton):
        automaton.make_automaton()
        return automaton
    return None


# Letters the regex engine's IGNORECASE equates with ASCII ones where str.lower does not.
_FOLD = str.maketrans({"ı": "i", "ſ": "s", "İ": "i"})


def _folded(text: str, lower: str | None) -> str | None:
    """``lower`` (else ``text`` lower-cased) with the letters above folded; None when
    lower-casing moved offsets."""
    lower = text.lower() if lower is None else lower
    if len(lower) != len(text):
        return None
    if lower.isascii() or not ("ı" in lower or "ſ" in lower or "İ" in lower):
        return lower  # translating a non-ASCII text costs more than looking for the three
    return lower.translate(_FOLD)


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _never(start: int, end: int) -> bool:
    return False


def _is_country(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and (code or "").isalpha() and code != "IGO"


def domestic_country(
    entities: tuple[Entity, ...], home: str | None, coded: Iterable[str] = ()
) -> str | None:
    """The country an article is about, when one clearly dominates its actors.

    Generic actors ("warga", "police") code as this country; an article without it (about
    several states, none leading) leaves them uncoded rather than guess. ``coded`` are the
    codes of coded words in the text ("Egyptian"), counted like entity mentions.
    """
    counts = _country_counts(entities, coded)
    if not counts:
        return home
    top, top_n = counts.most_common(1)[0]
    total = sum(counts.values())
    if home and counts.get(home, 0) >= 0.3 * total:
        return home
    return top if top_n > 0.5 * total else None


def _country_counts(entities: tuple[Entity, ...], coded: Iterable[str]) -> Counter[str]:
    counts: Counter[str] = Counter(c for c in coded if _is_country(c))
    for ent in entities:
        if _is_country(ent.actor):
            counts[ent.actor or ""] += max(1, len(ent.mentions))
    return counts


def people_country(
    entities: tuple[Entity, ...],
    words: ActorWords,
    domestic: str | None,
    coded: Iterable[str] = (),
    text: str = "",
) -> str | None:
    """The country of the article's uncoded people and organisations: the domestic one, but
    a language's home country, named too, when the leading foreign country is mostly named
    as where things happen (after ``words.place_preps``: "tiba di Hong Kong"). A story of
    its people abroad: the preacher is Indonesian, the immigration officers Hong Kong's."""
    home = words.home
    if not home or domestic == home or not words.place_preps:
        return domestic
    counts = _country_counts(entities, coded)
    if not counts or counts.get(home, 0) < 0.1 * sum(counts.values()):
        return domestic
    top, top_n = counts.most_common(1)[0]
    settings = sum(
        _setting_mentions(ent, text, words.place_preps) for ent in entities if ent.actor == top
    )
    return home if 2 * settings >= top_n else domestic


_LAST_WORD = re.compile(r"(\w+)\W*\Z")


def _setting_mentions(ent: Entity, text: str, place_preps: frozenset[str]) -> int:
    """How many of an entity's mentions follow a preposition of place."""
    n = 0
    for m in ent.mentions:
        prev = _LAST_WORD.search(text, max(0, m.start - 12), m.start)
        n += prev is not None and prev.group(1).lower() in place_preps
    return n


def _entity_candidates(
    article: Article, words: ActorWords, people: str | None, titled: Mapping[str, str]
) -> list[Candidate]:
    """Mentions of coded entities; an uncoded one named by a coded word ("Congolese") takes
    its code, an uncoded person that of the country in their title (``titled``), and uncoded
    people and organisations of a domestic article act within its country (a citizen, a
    company, a party: IDN)."""
    found: list[Candidate] = []
    for ent in article.entities:
        fallback = titled.get(ent.id) or (people if ent.type in ("PER", "ORG") else None)
        sides: dict[str, EventSide] = {}  # one per actor code the entity's mentions take
        for m in ent.mentions:
            actor = ent.actor or words.coded.get(m.text.lower()) or fallback
            if actor:
                side = sides.get(actor)
                if side is None:
                    side = EventSide(actor=actor, agent=ent.agent, name=ent.name, entity=ent.id)
                    sides[actor] = side
                found.append(Candidate(m.start, m.end, side, "entity", ent.type))
    return found


# A title run right before a name ("U.S. Secretary of State", "Menteri Luar Negeri Australia"),
# and an apposition right after it (", U.S. Secretary of State,").
_TITLE_WORD = r"(?:[A-Z](?:\.[A-Z])+\.|[A-Z][\w'’-]*)"  # "U.S.", not a sentence's last word
_TITLE_RUN = re.compile(rf"(?:{_TITLE_WORD}\s+(?:(?:of|for|the|untuk)\s+)?)+\Z")
_APPOSITION = re.compile(
    rf",\s+(?:the\s+)?({_TITLE_WORD}(?:\s+(?:(?:of|for|the|untuk)\s+)?{_TITLE_WORD})+)\s*[,;]"
)


def titled_actors(
    article: Article, words: ActorWords, hits: list[tuple[int, int, str, str]]
) -> dict[str, str]:
    """Uncoded people whose title or apposition names a country: the country's code, by
    entity id ("Menteri Luar Negeri Australia Julie Bishop", "Rice, U.S. Secretary of State,")."""
    spans = [(s, e, words.coded[w]) for s, e, _, w in hits if _is_country(words.coded.get(w))]
    spans += [
        (m.start, m.end, ent.actor or "")
        for ent in article.entities
        if ent.type == "LOC" and _is_country(ent.actor)
        for m in ent.mentions
    ]
    if not spans:
        return {}
    spans.sort()
    starts = [s for s, _, _ in spans]
    out: dict[str, str] = {}
    for ent in article.entities:
        if ent.actor or ent.type != "PER":
            continue
        for m in ent.mentions:
            code = _title_country(article.text, m.start, m.end, spans, starts)
            if code:
                out[ent.id] = code
                break
    return out


def _title_country(
    text: str, start: int, end: int, spans: list[tuple[int, int, str]], starts: list[int]
) -> str | None:
    """The first country named in the title before a name, else in its apposition."""
    run = _TITLE_RUN.search(text, max(0, start - 60), start)
    app = _APPOSITION.match(text, end)
    for lo, hi in ((run.start(), start) if run else (0, 0), app.span(1) if app else (0, 0)):
        i = bisect.bisect_left(starts, lo)
        if i < len(spans) and spans[i][1] <= hi:
            return spans[i][2]
    return None


def _generic_candidates(
    hits: list[tuple[int, int, str, str]], words: ActorWords, domestic: str | None,
    taken: list[Candidate],
) -> list[Candidate]:  # fmt: skip
    spans = sorted((c.start, c.end) for c in taken)
    starts = [a for a, _ in spans]
    found: list[Candidate] = []
    for start, end, kind, word in hits:
        if kind not in ("generic", "foreign") or _overlaps(spans, starts, start, end):
            continue
        if kind == "foreign":  # an actor of no known country: it takes its place, uncoded
            found.append(Candidate(start, end, EventSide(actor=None), "foreign"))
            continue
        actor = words.coded.get(word, domestic)
        if actor is None:
            continue
        side = EventSide(actor=actor, agent=words.agents.get(word), name=None, entity=None)
        found.append(Candidate(start, end, side, "generic"))
    return found


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start)
    if i and spans[i - 1][1] > start:
        return True
    return i < len(spans) and spans[i][0] < end


def _absorb_generic(generic: list[Candidate], named: list[Candidate], text: str) -> list[Candidate]:
    """Drop a generic word that a name right after it specifies ("polisi Hong Kong")."""
    starts = [c.start for c in named]
    ends = sorted(c.end for c in named)
    kept: list[Candidate] = []
    for g in generic:
        i = bisect.bisect_left(starts, g.end)
        if i < len(named) and _NAMES_ONLY.fullmatch(text, g.end, named[i].start):
            continue
        # "Israeli soldiers", "Hong Kong's police": the name before says whose they are
        j = bisect.bisect_right(ends, g.start) - 1
        if j >= 0 and _OWNER_GAP.fullmatch(text, ends[j], g.start):
            continue
        kept.append(g)
    return kept


def _merge_owned(generic: list[Candidate], words: ActorWords, text: str) -> list[Candidate]:
    """A coded word right before a generic one gives it its actor ("Israeli soldiers")."""
    out: list[Candidate] = []
    for cand in generic:
        prev = out[-1] if out else None
        coded = prev is not None and (text[prev.start : prev.end].lower() in words.coded)
        if prev is not None and coded and _OWNER_GAP.fullmatch(text, prev.end, cand.start):
            side = dataclasses.replace(prev.side, agent=cand.side.agent)
            out[-1] = Candidate(prev.start, cand.end, side, "generic")
            continue
        out.append(cand)
    return out


_OWNER_GAP = re.compile(r"(?:['’]s?)?\s*")


_NAMES_ONLY = re.compile(r"(?:\s+[A-Z][\w.'’-]*)*\s*")


# A dateline or outlet credit opening the text ("Jakarta, CNN Indonesia - -", "Rimanews -").
_DATELINE = re.compile(r"^[^\n]{0,100}?\s[-–—]+(?:\s[-–—]+)?\s")


def without_money(
    article: Article, words: ActorWords, is_money: Callable[[int, int], bool] | None = None
) -> Article:
    """The article with every entity mention that names a currency's country left out
    (``is_money``: ``words.money_test`` of its text, when the caller has it), and every
    dependent territory's entity coded as its state (Guam: USA)."""
    article = _as_states(article, words.states)
    if words.money is None:
        return article
    is_money = is_money or words.money_test(article.text)
    if is_money is _never:
        return article  # no currency word in the text: every mention stays
    entities = []
    for ent in article.entities:
        kept = tuple(m for m in ent.mentions if not is_money(m.start, m.end))
        entities.append(ent if len(kept) == len(ent.mentions) else replace(ent, mentions=kept))
    return replace(article, entities=tuple(entities))


def _as_states(article: Article, states: Mapping[str, str]) -> Article:
    if not any(ent.actor in states for ent in article.entities):
        return article
    entities = tuple(
        replace(ent, actor=states.get(ent.actor or "", ent.actor)) for ent in article.entities
    )
    return replace(article, entities=entities)


def word_hits(
    article: Article,
    words: ActorWords,
    lower: str,
    is_money: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int, str, str]]:
    """Generic actor words and pronouns in the article, outside its dateline; a place name
    only where it is capitalised and not part of a longer personal or organisation name
    ("Washington" in "Denzel Washington", "Jakarta" in "Jakarta Post")."""
    dateline = _DATELINE.match(article.text)
    floor = dateline.end() if dateline else 0
    hits = [h for h in words.find(lower) if h[0] >= floor]
    if not words.proper:
        return hits
    names = sorted(
        (m.start, m.end)
        for ent in article.entities
        if ent.type in ("PER", "ORG")
        for m in ent.mentions
    )
    text = article.text
    is_money = is_money or words.money_test(text, lower)
    return [
        h
        for h in hits
        if h[3] not in words.proper
        or (
            text[h[0]].isupper()
            and not _inside_longer(names, h[0], h[1])
            and not is_money(h[0], h[1])
        )
    ]


def _inside_longer(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a sorted span that begins at or before ``start`` covers more than the hit."""
    i = bisect.bisect_right(spans, (start, end + 10**9))
    near = spans[max(0, i - 3) : i]
    return any(a <= start and end <= b and (b - a) > (end - start) for a, b in near)


def find_candidates(
    article: Article,
    words: ActorWords,
    domestic: str | None,
    hits: list[tuple[int, int, str, str]],
    people: str | None = None,
) -> list[Candidate]:
    """Every actor candidate in the article, in text order (none inside the dateline);
    ``people``: the country of uncoded people and organisations, when not ``domestic``."""
    dateline = _DATELINE.match(article.text)
    floor = dateline.end() if dateline else 0
    titled = titled_actors(article, words, hits)
    people = people or domestic
    named = [c for c in _entity_candidates(article, words, people, titled) if c.start >= floor]
    named.sort(key=lambda c: c.start)
    generic = _generic_candidates(hits, words, domestic, named)
    generic = _merge_owned(_absorb_generic(generic, named, article.text), words, article.text)
    found = sorted(named + generic, key=lambda c: (c.start, -c.end))
    found.extend(_pronoun_candidates(hits, found, words))
    found.sort(key=lambda c: (c.start, -c.end))
    return _with_name_floors(article.text, found)


def _with_name_floors(text: str, found: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for i, cand in enumerate(found):
        prev = found[i - 1] if i else None
        if (
            prev is not None
            and prev.end <= cand.start
            and _NAMES_ONLY.fullmatch(text, prev.end, cand.start)
        ):
            cand = dataclasses.replace(cand, name_floor=prev.end)
        out.append(cand)
    return out


def _pronoun_candidates(
    hits: list[tuple[int, int, str, str]], found: list[Candidate], words: ActorWords
) -> list[Candidate]:
    """Pronouns, each standing for the last entity of its kind named before it."""
    out: list[Candidate] = []
    named = [c for c in found if c.kind == "entity" and c.entity_type in ("PER", "ORG")]
    idx = 0
    last: dict[str, Candidate] = {}
    for start, end, kind, word in hits:
        if kind != "pronoun":
            continue
        while idx < len(named) and named[idx].end <= start:
            last[named[idx].entity_type or ""] = last["ANY"] = named[idx]
            idx += 1
        ref = last.get(words.pronouns.get(word, "ANY"))
        if ref is not None and start - ref.end < 600:
            out.append(Candidate(start, end, ref.side, "pronoun", ref.entity_type))
    return out
