"""One language's entity words (``lang/<iso>/entities.yaml``), compiled once for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from warta.lang import load_language_data

__all__ = ["Lexicon", "load_lexicon"]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Titles, head words, cues and stop words of one language."""

    language: str
    home_actor: str | None
    title_re: re.Pattern[str]
    title_automaton: ahocorasick.Automaton  # lower-cased titles, for one pass over a text
    titles: dict[str, tuple[str | None, bool]]  # lower-cased title -> (agent, home)
    regional_titles: frozenset[str]  # lower-cased titles followed by their region's name
    org_heads: frozenset[str]
    loc_heads: frozenset[str]
    state_org_heads: dict[str, str]
    admin_prefixes: tuple[str, ...]
    directions: frozenset[str]
    loc_prepositions: frozenset[str]
    speech_before: frozenset[str]
    speech_after: frozenset[str]
    metonym_verbs: frozenset[str]
    name_connectors: frozenset[str]
    org_connectors: frozenset[str]
    not_names: frozenset[str]
    adjective_suffixes: tuple[str, ...]
    postnominals: frozenset[str]
    not_entity_heads: frozenset[str]
    initial_affixes: re.Pattern[str] | None
    metonym_before: frozenset[str]
    no_absorb: frozenset[str]
    abbreviations: dict[str, str]
    droppable_heads: frozenset[str]
    clitics: tuple[str, ...]
    media_cue: re.Pattern[str]  # matches right before the name of a quoted news outlet
    # currency words: "dolar Singapura", "Singapore dollars" name no country acting
    currency_words: frozenset[str] = frozenset()
    # words right before a country that tie a person to it ("warga negara Jepang", "asal AS")
    nationality_cues: frozenset[str] = frozenset()
    # heads of bodies only the home country has ("Polda", "DPRD", "Kelurahan")
    home_org_heads: frozenset[str] = frozenset()
    # auxiliaries between a capital and its verb ("Beijing akan membalas", "Tokyo would respond")
    auxiliaries: frozenset[str] = frozenset()
    # lower-cased last words of the media cues: a cheap test before the regex (None: no test)
    media_tails: tuple[str, ...] | None = None
    # words that may stand between a name and a nationality cue ("Taro, warga negara Jepang")
    nationality_links: frozenset[str] = frozenset()
    # words before initials that make them a person's ("tersangka berinisial MA", "saudara KR")
    person_cues: frozenset[str] = frozenset()
    # words before a capitalised run that make it the title of a work ("lagu Bimbang")
    work_cues: frozenset[str] = frozenset()
    # words beside a name that make it an organisation ("perusahaan X", "X, perusahaan ...")
    org_cues: frozenset[str] = frozenset()
    # words after a number that make it a quantity, not part of a name ("SD 27 tahun")
    quantity_words: frozenset[str] = frozenset()
    # first words of the unit a regional title names ("Kapolres Metro Bekasi"): no place
    unit_region_words: frozenset[str] = frozenset()
    # place heads that name a place of their own before a known place ("Laut Sulu")
    feature_heads: frozenset[str] = frozenset()
    # whether a name's head word comes first ("Bandara Internasional X" is a place)
    head_initial: bool = False
    # letters after a name that belong to it ("Jr"), unlike degrees ("SH", "QC")
    name_suffixes: frozenset[str] = frozenset()
    # nouns beside a name that make it a place ("the town of X", "the X district")
    place_nouns: frozenset[str] = frozenset()
    # titles that count only when written in lower case ("penyanyi", not "Artis" of a name)
    lower_titles: frozenset[str] = frozenset()
    # common words and given names that are also place names ("Lima" is five): no region of
    # the KB, and no KB place at a sentence start
    common_words: frozenset[str] = frozenset()
    # words skipped when spelling a name's initials: both kinds of connector, joined once
    connectors: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "connectors", self.org_connectors | self.name_connectors)

    def expand(self, name: str) -> str:
        """``name`` with an abbreviated head spelled out: "RS Sumber Waras" -> "Rumah Sakit ..."."""
        head, _, rest = name.partition(" ")
        full = self.abbreviations.get(head)
        return f"{full} {rest}" if full and rest else name

    def title(self, text: str) -> tuple[str | None, bool] | None:
        """(agent, home) of a matched title, None when ``text`` is no title."""
        return self.titles.get(" ".join(text.lower().split()))

    def find_titles(self, text: str) -> list[tuple[int, int, str | None, bool]]:
        """Every whole-word title in ``text``: (start, end, agent, home), longest per start."""
        low = text.lower()
        lower = self.lower_titles
        if len(low) != len(text):  # a rare character whose lower case is longer
            return [
                (
                    m.start(),
                    m.end(),
                    *self.titles.get(
                        " ".join(m.group().lower().rstrip(".").split()), (None, False)
                    ),
                )
                for m in self.title_re.finditer(text)
                if not (lower and not m.group().islower() and m.group().lower() in lower)
            ]
        best: dict[int, tuple[int, str | None, bool]] = {}
        size = len(text)
        # most hits are inside longer words ("pak" in "dampak"): the left edge is tested first
        for last, (length, agent, home) in self.title_automaton.iter(low):
            start = last - length + 1
            if start > 0 and ((left := low[start - 1]).isalnum() or left == "."):
                continue
            end = last + 1
            if end < size and ((right := low[end]).isalnum() or right == "-"):
                continue
            if lower and text[start] != low[start] and low[start:end] in lower:
                continue  # "Artis" inside "Persatuan Artis Film Indonesia"
            found = best.get(start)
            if found is None or found[0] < end:
                best[start] = (end, agent, home)
        return sorted((s, e, agent, home) for s, (e, agent, home) in best.items())

    def is_title(self, name: str) -> bool:
        """Whether all of ``name`` is one title (``title_re.fullmatch``, but an ASCII name is
        looked up in ``titles`` instead: 0.09 ms less per IndoSum article)."""
        if not name.isascii():  # keep the regex's own case folding for the rest
            return self.title_re.fullmatch(name) is not None
        key = " ".join(name.lower().split())
        return key in self.titles or (key[-1:] == "." and key[:-1] in self.titles)

    def media_cue_before(self, text: str, start: int) -> bool:
        """Whether a media cue ("dilansir dari") ends in the 30 characters before ``start``,
        followed only by white space. The regex runs only where the last word before ``start``
        ends like a cue (0.1 ms less per IndoSum article)."""
        lo = max(0, start - 30)
        if self.media_tails is not None:
            head = text[lo:start]
            if head.isascii() and not head.rstrip().lower().endswith(self.media_tails):
                return False
        return self.media_cue.search(text, lo, start) is not None

    def is_head(self, word: str) -> bool:
        return word in self.org_heads or word in self.loc_heads


def _words(data: dict[str, Any], key: str) -> list[str]:
    return [str(w) for w in data.get(key) or ()]


def _titles(data: dict[str, Any]) -> dict[str, tuple[str | None, bool]]:
    out: dict[str, tuple[str | None, bool]] = {}
    for group in data.get("titles") or ():
        agent = group.get("agent") or None
        home = bool(group.get("home"))
        for word in _group_titles(group):
            # the most specific group wins: a home title beats the generic one of the same name
            key = " ".join(str(word).lower().split())
            if key not in out or home:
                out[key] = (agent, home)
    return out


def _flagged_titles(data: dict[str, Any], flag: str) -> frozenset[str]:
    """The lower-cased titles of every title group marked with ``flag``."""
    return frozenset(
        " ".join(str(w).lower().split())
        for group in data.get("titles") or ()
        if group.get(flag)
        for w in _group_titles(group)
    )


def _group_titles(group: dict[str, Any]) -> list[str]:
    """A group's titles; with ``portfolios``, each word followed by each portfolio ("Menteri"
    + "Pariwisata"), which a title regex alone would leave glued to the name."""
    words = [str(w) for w in group.get("words") or ()]
    portfolios = group.get("portfolios")
    if not portfolios:
        return words
    return [f"{w} {p}" for w in words for p in map(str, portfolios)]


def _title_regex(titles: dict[str, tuple[str | None, bool]]) -> re.Pattern[str]:
    # longest first so "Menteri Luar Negeri" wins over "Menteri"; spaces match any white space
    alts = sorted(titles, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(p) for p in t.split()) for t in alts)
    return re.compile(rf"(?<![\w.])(?:{body})(?![\w-])\.?", re.IGNORECASE)


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    if not cues:
        return re.compile(r"(?!)")
    body = "|".join(r"\s+".join(re.escape(w) for w in c.split()) for c in cues)
    return re.compile(rf"(?:{body})\s+$", re.IGNORECASE)


def _title_automaton(titles: dict[str, tuple[str | None, bool]]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for title, (agent, home) in titles.items():
        automaton.add_word(title, (len(title), agent, home))
    automaton.make_automaton()
    return automaton


def load_lexicon(language: str) -> Lexicon | None:
    """The compiled entity words of ``language``; None when it has no ``entities.yaml``."""
    data = load_language_data(language, "entities")
    if not isinstance(data, dict):
        return None
    titles = _titles(data)
    return Lexicon(
        language=language,
        home_actor=data.get("home_actor") or None,
        title_re=_title_regex(titles),
        title_automaton=_title_automaton(titles),
        titles=titles,
        regional_titles=_flagged_titles(data, "regional"),
        org_heads=frozenset(_words(data, "org_heads")),
        loc_heads=frozenset(_words(data, "loc_heads")),
        state_org_heads={str(k): str(v) for k, v in (data.get("state_org_heads") or {}).items()},
        admin_prefixes=tuple(sorted(_words(data, "admin_prefixes"), key=len, reverse=True)),
        directions=frozenset(_words(data, "directions")),
        loc_prepositions=frozenset(w.lower() for w in _words(data, "loc_prepositions")),
        speech_before=frozenset(w.lower() for w in _words(data, "speech_before")),
        speech_after=frozenset(w.lower() for w in _words(data, "speech_after")),
        metonym_verbs=frozenset(w.lower() for w in _words(data, "metonym_verbs")),
        name_connectors=frozenset(_words(data, "name_connectors")),
        org_connectors=frozenset(_words(data, "org_connectors")),
        not_names=frozenset(_words(data, "not_names")),
        adjective_suffixes=tuple(_words(data, "adjective_suffixes")),
        postnominals=frozenset(_words(data, "postnominals")),
        not_entity_heads=frozenset(_words(data, "not_entity_heads")),
        initial_affixes=re.compile(affixes) if (affixes := data.get("initial_affixes")) else None,
        metonym_before=frozenset(w.lower() for w in _words(data, "metonym_before")),
        no_absorb=frozenset(_words(data, "no_absorb")),
        droppable_heads=frozenset(_words(data, "droppable_heads")),
        clitics=tuple(_words(data, "clitics")),
        media_cue=_cue_regex(_words(data, "media_cues")),
        media_tails=tuple(c.split()[-1].lower() for c in _words(data, "media_cues")),
        abbreviations={str(k): str(v) for k, v in (data.get("abbreviations") or {}).items()},
        currency_words=frozenset(w.lower() for w in _words(data, "currency_words")),
        nationality_cues=frozenset(w.lower() for w in _words(data, "nationality_cues")),
        home_org_heads=frozenset(_words(data, "home_org_heads")),
        auxiliaries=frozenset(w.lower() for w in _words(data, "auxiliaries")),
        nationality_links=frozenset(w.lower() for w in _words(data, "nationality_links")),
        person_cues=frozenset(w.lower() for w in _words(data, "person_cues")),
        work_cues=frozenset(w.lower() for w in _words(data, "work_cues")),
        org_cues=frozenset(w.lower() for w in _words(data, "org_cues")),
        quantity_words=frozenset(w.lower() for w in _words(data, "quantity_words")),
        unit_region_words=frozenset(_words(data, "unit_region_words")),
        feature_heads=frozenset(_words(data, "feature_heads")),
        head_initial=bool(data.get("head_initial")),
        place_nouns=frozenset(w.lower() for w in _words(data, "place_nouns")),
        name_suffixes=frozenset(_words(data, "name_suffixes")),
        lower_titles=_flagged_titles(data, "lower"),
        common_words=frozenset(_words(data, "common_words")),
    )
