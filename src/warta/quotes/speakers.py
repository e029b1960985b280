"""Speakers: from the words around a cue to an entity, a name as written, or nothing.

A cue points at a speaker in one of a few ways: a named mention (`kata Mao`), a pronoun or
clitic (`kata dia`, `katanya`), a noun that refers back to an organisation (`kementerian
tersebut`, `the academy`), or nothing at all (a quotation standing alone, taken to continue
the last speaker). :class:`SpeakerIndex` turns each into a :class:`Speaker`, resolving
pronouns to the most recent salient speaker before the cue.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from warta.quotes.resources import LanguageCues
from warta.records import Entity, Speaker

__all__ = ["Ref", "SpeakerIndex", "read_speaker"]

# Speakers are people and organisations; a place speaks only as a state ("Bangladesh
# mengatakan"), which the caller allows where the place heads the phrase.
_SPEAKING_TYPES = ("PER", "ORG")
# Words keep inner apostrophes (O'Brien) but not a possessive 's (Biden's -> Biden).
_WORD = re.compile(r"[^\W\d_][\w-]*(?:['’](?!s\b)[\w-]+)*|\d[\w.,/-]*|\S")
_NAME_WORD = re.compile(r"[A-Z][\w'’-]*\.?$|[A-Z]{2,}$")
_SENTENCE_STOP = ".;!?()[]"
_NAME_AFTER = re.compile(r"\s*[A-Z]")
_DATELINE = re.compile(r"\s(?:-\s*-|--|—|–|-)\s(?!.*\s(?:-\s*-|--|—|–|-)\s)")
_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w.]*\s$")
_BRACKETED = re.compile(r"\([^()\d\n]{1,30}\)")
_PLAIN_WORD = re.compile(r"\w+")
_ROLE_WORDS = 6
_START = operator.itemgetter(0)
_END = operator.itemgetter(1)


@dataclass(frozen=True, slots=True)
class Ref:
    """How a cue points at its speaker, before resolution.

    ``how`` is one of: ``entity`` (a mention of ``entity``), ``name`` (a name the entity stage
    missed, in ``name``), ``pronoun`` (resolve to the last salient speaker), ``clitic`` (a cue
    with -nya: the last one quoted, `"...," katanya`), ``noun`` (an organisation named by a
    common noun in ``name``), ``context`` (no cue: continue the last one quoted) or ``none``.
    ``end`` is where the speaker phrase ends in the text; ``person`` asks a pronoun for a
    person, ``group`` (they, mereka) for an organisation; ``role``: an organisation named
    through a person's role (`a spokesman for the ministry`), which a later `he` may mean.
    """

    how: str
    pos: int
    end: int
    entity: Entity | None = None
    name: str | None = None
    person: bool = False
    role: bool = False
    group: bool = False


class _Mention(NamedTuple):
    """One entity mention; a tuple, as an article makes dozens of them per call."""

    start: int
    end: int
    entity: Entity


def _mentions(entities: tuple[Entity, ...]) -> list[_Mention]:
    new = tuple.__new__  # the named tuple's own constructor is a Python call per mention
    found = [new(_Mention, (m.start, m.end, e)) for e in entities for m in e.mentions]
    # by start, the longest first at a start (two stable sorts: no key tuple per mention)
    found.sort(key=_END, reverse=True)
    found.sort(key=_START)
    return found


class SpeakerIndex:
    """Entity mentions by offset, and the speakers seen so far, for one article."""

    def __init__(self, text: str, entities: tuple[Entity, ...], cues: LanguageCues) -> None:
        self.text = text
        self.cues = cues
        self.mentions = _mentions(entities)
        self.starts = [m.start for m in self.mentions]
        self.entities = entities
        self.types = {e.id: e.type for e in entities}
        # lookups for words the entity stage did not mark: `kata stoltenberg` (built when
        # first asked), `the academy`
        self.by_form: dict[str, Entity] | None = None
        self.org_words = {
            e.id: {w.casefold() for w in _PLAIN_WORD.findall(e.name) if len(w) > 3}
            for e in entities
            if e.type == "ORG"
        }
        self.all_org_words = set().union(*self.org_words.values()) if self.org_words else set()
        self.by_title: dict[str, tuple[int, Entity]] | None = None  # built when first asked
        # (offset, speaker, is a person, was quoted) for everyone in view so far, by offset
        self.salient: list[tuple[int, Speaker, bool, bool]] = []
        self.salient_at: list[int] = []  # their offsets, for bisect
        self.subject_spans: list[tuple[int, int]] = []  # sentences whose subjects are unread

    def _titled_people(self) -> dict[str, tuple[int, Entity]]:
        """Each title word seen right before a person's name, with that person and offset
        (`Kapolri Jenderal Tito Karnavian` gives kapolri and jenderal to Tito Karnavian)."""
        titled: dict[str, tuple[int, Entity]] = {}
        near = self._title_near()
        for m in self.mentions:
            if m.entity.type != "PER" or not near(max(0, m.start - 40), m.start):
                continue
            before = _WORD.findall(self.text, max(0, m.start - 40), m.start)[-4:]
            for word in before:
                key = word.rstrip(".").lower()
                if (
                    len(key) >= 4
                    and key in self.cues.titles
                    and key not in self.cues.generic_titles
                ):
                    titled[key] = (m.start, m.entity)
        return titled

    def _title_near(self) -> Callable[[int, int], bool]:
        """A cheap test before reading the words ahead of a name: whether a title word of
        four letters or more occurs inside ``[start, end)`` at all."""
        titles = self.cues.strong_titles
        found = titles.spans(self.text) if titles is not None else None
        if found is None:
            return lambda start, end: True
        starts = [a for a, _ in found]

        def near(start: int, end: int) -> bool:
            i = bisect.bisect_left(starts, start)
            while i < len(found) and found[i][0] < end:
                if found[i][1] <= end:
                    return True
                i += 1
            return False

        return near

    def titled(self, words: list[re.Match[str]], pos: int) -> Entity | None:
        """The person last introduced before ``pos`` with a title among ``words``."""
        if self.by_title is None:
            self.by_title = self._titled_people()
        best: tuple[int, Entity] | None = None
        for m in words:
            hit = self.by_title.get(m.group().rstrip(".").lower())
            if hit is not None and hit[0] < pos and (best is None or hit[0] > best[0]):
                best = hit
        return best[1] if best else None

    def inside(self, start: int, end: int) -> list[_Mention]:
        """Mentions lying wholly inside ``[start, end)``."""
        i = bisect.bisect_left(self.starts, start)
        out: list[_Mention] = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def note_subjects(self, spans: list[tuple[int, int]]) -> None:
        """Make salient each person who heads a sentence (its subject), for pronouns.

        The sentences are read when a pronoun first asks (many articles have none); their
        subjects then go before any speaker noted at the same offset, as if noted first.
        """
        self.subject_spans = spans

    def _read_subjects(self, spans: list[tuple[int, int]]) -> None:
        """Only capitalised words (titles, an office, an organisation) may come before the
        name, counted from the last comma: a person named later is more often an object."""
        people = [m for m in self.mentions if m.entity.type == "PER"]
        starts = [m.start for m in people]
        speakers: dict[str, Speaker] = {}  # one per person, however often they head
        for start, end in spans:
            i = bisect.bisect_left(starts, start)
            while i < len(people) and people[i].start < end:
                m = people[i]
                lead = max(start, self.text.rfind(",", start, m.start) + 1)
                if lead == m.start or _capitalised_only(self.text, lead, m.start):
                    speaker = speakers.get(m.entity.id)
                    if speaker is None:
                        speaker = speakers[m.entity.id] = _speaker(m.entity)
                    if speaker.name is not None:
                        at = bisect.bisect_left(self.salient_at, m.start)
                        self.salient.insert(at, (m.start, speaker, True, False))
                        self.salient_at.insert(at, m.start)
                    break
                i += 1

    def note(self, pos: int, speaker: Speaker, person: bool, quoted: bool = True) -> None:
        """Make ``speaker`` salient from ``pos`` on (``quoted``: as a speaker, not a subject)."""
        if speaker.name is not None:
            if not self.salient_at or pos >= self.salient_at[-1]:
                self.salient.append((pos, speaker, person, quoted))  # in text order: the end
                self.salient_at.append(pos)
                return
            i = bisect.bisect_right(self.salient_at, pos)
            self.salient.insert(i, (pos, speaker, person, quoted))
            self.salient_at.insert(i, pos)

    def _ensure_subjects(self) -> None:
        if self.subject_spans:
            self._read_subjects(self.subject_spans)
            self.subject_spans = []

    def last_salient(self, pos: int, person: bool = False, speakers_only: bool = False) -> Speaker:
        """The latest salient speaker before ``pos`` (a person, if ``person`` and one is).

        ``speakers_only`` skips people who were only subjects: a quotation with no cue at all
        goes on with the last one quoted.
        """
        self._ensure_subjects()
        i = bisect.bisect_left(self.salient_at, pos)
        earlier = self.salient[:i]
        if speakers_only:
            earlier = [s for s in earlier if s[3]] or earlier
        for _, speaker, is_person, _ in reversed(earlier):
            if is_person or not person:
                return speaker
        if earlier:
            return earlier[-1][1]
        # nobody salient yet: the last person named at all
        j = bisect.bisect_left(self.starts, pos)
        for m in reversed(self.mentions[:j]):
            if m.entity.type == "PER":
                return _speaker(m.entity)
        return Speaker()

    def _institution(self, entity: Entity) -> Entity:
        """The organisation a unit belongs to (`Biro Hukum dan Organisasi BMKG` is BMKG's),
        when the unit's name holds another organisation's name; else the entity itself."""
        if entity.type != "ORG" or " " not in entity.name:
            return entity
        if entity.name.split(None, 1)[0].lower() not in self.cues.subunits:
            return entity
        best: tuple[int, Entity] | None = None
        for other in self.entities:
            if other.type != "ORG" or other.id == entity.id:
                continue
            for form in {other.name, *(m.text for m in other.mentions)}:
                found = re.search(rf"(?<!\w){re.escape(form)}(?!\w)", entity.name)
                if found and found.start() > 0 and (best is None or len(form) > best[0]):
                    best = (len(form), other)
        return best[1] if best else entity

    def _last_group(self, pos: int) -> Speaker:
        """`they` / `mereka`: the organisation last in view, or no one when a single person
        was (`Mohamed says ... They say` means his lawyers, whom no entity names)."""
        self._ensure_subjects()
        i = bisect.bisect_left(self.salient_at, pos)
        if i and not self.salient[i - 1][2]:
            return self.salient[i - 1][1]
        return Speaker()

    def resolve(self, ref: Ref) -> Speaker:
        """The speaker a reference stands for."""
        if ref.how == "entity" and ref.entity is not None:
            return _speaker(self._institution(ref.entity))
        if ref.how == "name":
            return Speaker(ref.name, None)
        if ref.how == "noun" and ref.name:
            return self._noun(ref.name, ref.pos)
        if ref.how == "pronoun" and ref.group:
            return self._last_group(ref.pos)
        if ref.how in ("pronoun", "context"):
            return self.last_salient(ref.pos, ref.person)
        if ref.how == "clitic":
            return self.last_salient(ref.pos, ref.person, speakers_only=True)
        return Speaker()

    def is_person(self, speaker: Speaker) -> bool:
        """Whether a speaker is a person: a PER entity, or a name the entities lack."""
        if speaker.entity is None:
            return speaker.name is not None
        return self.types.get(speaker.entity) == "PER"

    def named(self, word: str) -> Entity | None:
        """The person or organisation mentioned as ``word`` in any case (kata stoltenberg)."""
        key = word.casefold()
        if len(key) < 3:
            return None
        if self.by_form is None:
            text = self.text
            self.by_form = {
                text[m.start : m.end].casefold(): m.entity
                for m in reversed(self.mentions)
                if m.entity.type in _SPEAKING_TYPES
            }
        return self.by_form.get(key)

    def org_named(self, word: str) -> bool:
        """Whether some organisation's name holds ``word`` (Kementerian, academy)."""
        return word.casefold() in self.all_org_words

    def _noun(self, noun: str, pos: int) -> Speaker:
        """The organisation named before ``pos`` whose name holds ``noun`` (the academy)."""
        key = noun.casefold()
        best: _Mention | None = None
        for m in self.mentions:
            named = key in self.org_words.get(m.entity.id, ())
            if named and (best is None or m.start < pos):
                best = m
        return _speaker(best.entity) if best else Speaker()


def _capitalised_only(text: str, start: int, end: int) -> bool:
    """Whether every word of ``text[start:end]`` is capitalised (or a dash); stops at the
    first that is not, which is most often the first."""
    for w in _WORD.finditer(text, start, end):
        word = w.group()
        if not (word[0].isupper() or word == "-"):
            return False
    return True


def _speaker(entity: Entity) -> Speaker:
    return Speaker(entity.name, entity.id)


_CAPITALISED = re.compile(r"\b[A-Z]")


def _window_end(text: str, start: int, cues: LanguageCues, limit: int = 120) -> int:
    """Where the speaker phrase after a cue ends: a stop word, a clause end, or the limit.

    A comma ends it too, unless a capitalised word follows (an appositive name: `kata
    Project Manager "Yes I Do", Amrullah, di Semarang`); a short bracketed abbreviation
    without digits (`(Kabag Penum)`) is read through.
    """
    stop = min(len(text), start + limit)
    newline = text.find("\n", start, stop)
    stop = stop if newline < 0 else newline
    pos = start
    while True:
        m = _WORD.search(text, pos, stop)
        if m is None:
            return stop
        word, pos = m.group(), m.end()
        if word == "(":
            inner = _BRACKETED.match(text, m.start())
            if inner:
                pos = inner.end()
                continue
        if word in _SENTENCE_STOP and not (word == "." and _is_abbreviation(text, m.start())):
            return m.start()
        if word == "," and not _NAME_AFTER.match(text, m.end()):
            return m.start()
        if word.lower() in cues.speaker_stop and m.start() > start:
            # `tutur pria berusia 54 tahun itu`: with no name in it, a determiner that points
            # back belongs to the phrase (`politisi berakronim AGM itu` is named by AGM)
            back = word.lower() in cues.anaphoric and not _CAPITALISED.search(
                text, start, m.start()
            )
            return m.end() if back else m.start()


def _is_abbreviation(text: str, dot: int) -> bool:
    """A full stop after a short capitalised word or an initial (Dr. Livermore, US. Custom)."""
    before = re.search(r"(\w+)$", text[max(0, dot - 6) : dot])
    return bool(before and len(before.group(1)) <= 3 and before.group(1)[0].isupper())


def read_speaker(
    index: SpeakerIndex,
    start: int,
    end: int | None = None,
    appositive: bool = True,
    verb: bool = True,
) -> Ref:
    """The speaker phrase starting at ``start`` (after a cue, or a subject before a verb).

    With ``end`` given the phrase is ``text[start:end]`` (a subject before its verb); a
    dateline in it (`Jakarta, CNN Indonesia - -`) is skipped, and the words after its last
    comma speak when they name someone (`Seperti dilansir AFP, Madrid menilai`: a source
    credit or a time before the comma is not the subject). ``appositive`` prefers a name
    after a comma (`tim kuasa hukum X, Y`) to the first one. ``verb``: the phrase is the
    subject of a verb right after it (not `Menurut X,` / `According to a survey by X,`).
    """
    text, cues = index.text, index.cues
    if end is not None:
        dash = _DATELINE.search(text, start, end)
        # a dateline follows a place or an outlet (`Jakarta, CNN Indonesia - -`), not a
        # word split by a spaced hyphen (`lawan - lawannya`)
        if dash is not None and _is_dateline(text, start, dash):
            start = dash.end()
        comma = _last_comma(text, start, end, cues) if verb and appositive else None
        if comma is not None and _may_name(index, comma + 1, end):
            ref = _read_phrase(index, comma + 1, end, appositive, subject=True, verb=True)
            if _heads_after_comma(index, ref, start, comma):
                return ref
        return _read_phrase(index, start, end, appositive, subject=True, verb=verb)
    stop = _window_end(text, start, cues)
    # `said lawyer and activist X`: a coordinator between roles before any name
    after = _coordinator_end(text, stop, cues)
    if (
        after is not None
        and _roles_only(text, start, stop, cues)
        and not _speaking_inside(index, start, stop)
    ):
        stop = _window_end(text, after, cues)
    return _read_phrase(index, start, stop, appositive, subject=False, verb=False)


_MAX_SUBJECT_WORDS = 10


def _is_dateline(text: str, start: int, dash: re.Match[str]) -> bool:
    """A single spaced hyphen ends a dateline only after a capitalised word."""
    if dash.group().strip() != "-":
        return True
    return _CAPITAL_BEFORE.search(text, start, dash.start() + 1) is not None


def _last_comma(text: str, start: int, end: int, cues: LanguageCues) -> int | None:
    """The last comma of ``text[start:end]`` with a short phrase after it, outside
    brackets (a longer one is a clause of its own: `..., finding that X`) and outside a
    relative clause (`Aktor yang lahir di Jakarta, 12 Februari 1983 itu`)."""
    comma = text.rfind(",", start, end)
    if comma < 0 or "(" in text[comma:end]:
        return None
    count = len(_PLAIN_WORD.findall(text, comma + 1, end))
    if not 0 < count <= _MAX_SUBJECT_WORDS:
        return None
    if any(w.lower() in cues.relatives for w in _PLAIN_WORD.findall(text, start, end)):
        return None
    return comma


def _may_name(index: SpeakerIndex, start: int, end: int) -> bool:
    """A cheap test before reading a phrase for a mention or a pronoun: it holds a mention
    or a word that could point back."""
    if index.inside(start, end):
        return True
    cues = index.cues
    words = {w.lower() for w in _PLAIN_WORD.findall(index.text, start, end)}
    return bool(words & (cues.pronouns | cues.anaphoric | cues.titles))


def _heads_after_comma(index: SpeakerIndex, ref: Ref, start: int, comma: int) -> bool:
    """Whether the words after a subject's last comma name it: a mention or a pronoun, and
    a person when a person stands before the comma (`David Benzaquen, CEO dari Ocean
    Hugger Foods berujar` is said by the person, not by the company of the apposition)."""
    if ref.how == "pronoun" or (ref.how == "entity" and ref.entity is not None):
        if ref.how == "entity" and ref.entity is not None and ref.entity.type == "PER":
            return True
        return not any(m.entity.type == "PER" for m in index.inside(start, comma))
    return False


def _speaking_inside(index: SpeakerIndex, start: int, stop: int) -> bool:
    return any(m.entity.type in _SPEAKING_TYPES for m in index.inside(start, stop))


def _roles_only(text: str, start: int, stop: int, cues: LanguageCues) -> bool:
    """Whether ``text[start:stop]`` holds only titles and capitalised words."""
    words = _PLAIN_WORD.findall(text, start, stop)
    return bool(words) and all(w[0].isupper() or w.lower() in cues.titles for w in words)


def _coordinator_end(text: str, stop: int, cues: LanguageCues) -> int | None:
    """The end of a coordinator word standing at ``stop``, if one does."""
    if stop >= len(text) or not text[stop].isalpha():
        return None  # the phrase ended at punctuation or its limit
    m = _WORD.match(text, stop)
    return m.end() if m is not None and m.group().lower() in cues.coordinators else None


def _read_phrase(
    index: SpeakerIndex, start: int, stop: int, appositive: bool, subject: bool, verb: bool
) -> Ref:
    """The speaker named by ``text[start:stop]`` (``subject``: before its cue; ``verb``: the
    subject of a verb)."""
    text, cues = index.text, index.cues
    words = list(_WORD.finditer(text, start, stop))
    if words and words[0].group().lower() in cues.pronouns:
        return _pronoun(words[0], cues)
    mentions = [m for m in index.inside(start, stop) if m.entity.type in _SPEAKING_TYPES]
    related = [m for m in mentions if not _after_relation(text, start, m.start, cues)]
    # `assigned to the task by President Fox`: the agent of a passive is not the speaker
    # when another person is there to be it
    kept = related
    if verb and related and any(w.group().lower() in cues.passive_agent for w in words):
        kept = [m for m in related if not _after_agent(text, start, m.start, cues)]
        if not any(m.entity.type == "PER" for m in kept):
            kept = related
    people = [m for m in kept if m.entity.type == "PER"]
    if not people:
        titled = index.titled(words, start)
        if titled is not None:  # `kata Kapolri` after `Kapolri Jenderal Tito Karnavian`
            return Ref("entity", start, stop, titled)
    if not people and _anaphoric_role(words, cues):
        return Ref("pronoun", start, stop, person=True)
    place = "verb" if subject and verb else "cue" if not subject else ""
    pick = _choose(text, start, stop, people, kept, appositive, place, cues)
    if pick is not None and not subject and pick.entity.type == "ORG":
        pick = _original_source(index, pick)
    if pick is not None:
        role = pick.entity.type != "PER" and _role_before(text, start, pick.start, cues)
        return Ref("entity", pick.start, pick.end, pick.entity, role=role)
    if len(related) < len(mentions):
        return Ref("pronoun", start, stop, person=True)  # `ibunda artis X tersebut`
    if not mentions:
        pointer = _pointing_back(index, words)
        if pointer is not None:
            return pointer
    return _read_words(index, start, stop, words, subject)


def _choose(
    text: str,
    start: int,
    stop: int,
    people: list[_Mention],
    kept: list[_Mention],
    appositive: bool,
    place: str,
    cues: LanguageCues,
) -> _Mention | None:
    """The mention that heads the speaker phrase.

    A person right before the verb is its subject (`CEO Visio Incubator Hendriko Firman
    mengungkapkan`); a person right after a cue is named first and described after
    (`said Patrick White, Vice President, Families of ...`); otherwise the first mention
    or the first after a comma, moved on to a person its titles lead to (`Ryanair CEO
    Michael O'Leary`). ``place``: where the phrase stands, before its ``verb`` or after its
    ``cue`` (or neither).
    """
    if place == "verb" and people and _only_adverbs(text, people[-1].end, stop, cues):
        # not through a relative clause or a role (`X yang menghadapi Y mengaku`, `X selaku
        # Presiden Direktur Y menyatakan`): there the first person is the subject
        between = {w.lower() for w in _PLAIN_WORD.findall(text, people[0].end, people[-1].start)}
        if not between & (cues.relatives | cues.role_markers | cues.speaker_stop):
            return people[-1]
    if place == "cue" and people and not text[start : people[0].start].strip():
        after = text[people[0].end : stop].lstrip()
        if not after or after[0] == ",":
            return people[0]
    pick = _pick(text, start, people, appositive) or _pick(text, start, kept, appositive)
    return _head(text, pick, people, cues) if pick is not None else None


_SOURCE_GAP = re.compile(r"\s+(\w+)((?:\s+[a-z]\w*){0,3})\s+")


def _original_source(index: SpeakerIndex, pick: _Mention) -> _Mention:
    """`dikutip Reuters dari pernyataan resmi The Fed`: the one a medium quotes from."""
    gap = _SOURCE_GAP.match(index.text, pick.end)
    if gap is None or gap.group(1).lower() not in index.cues.source_from:
        return pick
    nxt = index.inside(gap.end(), gap.end() + 80)
    if nxt and nxt[0].start == gap.end() and nxt[0].entity.type in _SPEAKING_TYPES:
        return nxt[0]
    return pick


def _only_adverbs(text: str, start: int, end: int, cues: LanguageCues) -> bool:
    """Whether nothing but adverbs (`juga`, `also`) stands in ``text[start:end]``."""
    return all(w.group().lower() in cues.adverbs for w in _WORD.finditer(text, start, end))


def _head(text: str, pick: _Mention, people: list[_Mention], cues: LanguageCues) -> _Mention:
    """The last person reached from ``pick`` through titles and capitalised words only."""
    for m in people:
        if m.start < pick.end:
            continue
        between = _WORD.findall(text, pick.end, m.start)
        if not all(w[0].isupper() or w.lower() in cues.titles for w in between):
            break
        if any(w.lower() in cues.titles for w in between):
            pick = m  # `Farhat Abbas` split in two is one name, not a title and a name
    return pick


def _after_agent(text: str, start: int, at: int, cues: LanguageCues) -> bool:
    """Whether the passive agent word (`by`, `oleh`) leads to ``at`` through titles."""
    for word in reversed(_WORD.findall(text, start, at)):
        low = word.lower()
        if low in cues.passive_agent:
            return True
        if low not in cues.titles:
            return False
    return False


def _role_before(text: str, start: int, at: int, cues: LanguageCues) -> bool:
    """`A spokesman for the ministry`: a person's role before an organisation."""
    return any(w.lower() in cues.person_roles for w in _WORD.findall(text, start, at))


def _pointing_back(index: SpeakerIndex, words: list[re.Match[str]]) -> Ref | None:
    """A short noun phrase with a determiner that points back (`Pelatih asal Brasil ini`,
    `kementerian tersebut`, `the court`): the organisation its noun names, or the last
    person when it names a role."""
    cues = index.cues
    if not 2 <= len(words) <= 6:
        return None
    first, last = words[0].group().lower(), words[-1].group().lower()
    if not (last in cues.anaphoric or (first in cues.anaphoric and len(words) <= 3)):
        return None
    for m in words:
        word = m.group()
        plain = word.lower() not in cues.titles and word.lower() not in cues.anaphoric
        if plain and word.isalpha() and index.org_named(word):
            return Ref("noun", m.start(), m.end(), None, word)
    if any(m.group().lower() in cues.titles for m in words if m.group().lower() != first):
        return Ref("pronoun", words[0].start(), words[-1].end(), person=True)
    return None  # `the company`, `perusahaan itu`: nobody we can name


def _pronoun(word: re.Match[str], cues: LanguageCues) -> Ref:
    low = word.group().lower()
    person = low in cues.person_pronouns
    return Ref("pronoun", word.start(), word.end(), person=person, group=low in cues.plural)


def _anaphoric_role(words: list[re.Match[str]], cues: LanguageCues) -> bool:
    """`Mantan Kabid Humas Polda Jawa Timur itu` / `the minister`: a role pointing back."""
    if len(words) < 2:
        return False
    first, last = words[0].group().lower(), words[-1].group().lower()
    if first in cues.anaphoric and words[1].group().lower() in cues.titles:
        return True
    if first in cues.titles and last in cues.anaphoric:
        return True
    # `Presiden berusia 39 tahun itu menentang ... dan`: the role ends a few words on (not
    # where a determiner is a title too, as English `the` is)
    return first in cues.titles and any(
        w.group().lower() in cues.anaphoric and w.group().lower() not in cues.titles
        for w in words[2:_ROLE_WORDS]
    )


def _after_relation(text: str, start: int, at: int, cues: LanguageCues) -> bool:
    """Whether a kin or relation noun precedes ``at`` in its part of the phrase (right
    before a name it is a title where the language says so: `lawyer Jiang Tianyong`)."""
    start = max(start, text.rfind(",", start, at) + 1)
    words = [w.lower() for w in _PLAIN_WORD.findall(text, start, at)]
    if not cues.relation_is_title:
        return any(w in cues.relational for w in words)
    # there a relation needs its preposition: `the mother of X`, `a lawyer for X`
    return any(
        w in cues.relational and nxt in cues.relation_links for w, nxt in itertools.pairwise(words)
    )


def _pick(
    text: str, start: int, mentions: list[_Mention], appositive: bool = True
) -> _Mention | None:
    """The first mention, or the first after a comma (an appositive: `role of X, Y`)."""
    if not mentions:
        return None
    if not appositive:
        return mentions[0]
    comma = text.rfind(",", start, mentions[-1].start)
    later = [m for m in mentions if m.start > comma] if comma >= 0 else []
    return later[0] if later else mentions[0]


def _read_words(
    index: SpeakerIndex, start: int, stop: int, words: list[re.Match[str]], subject: bool
) -> Ref:
    """A speaker phrase with no entity in it: a place, a noun, a pronoun or a bare name."""
    text, cues = index.text, index.cues
    places = [m for m in index.inside(start, stop) if m.entity.type == "LOC"]
    if places and _heads(text, start, places[0].start, cues):
        return Ref("entity", places[0].start, places[0].end, places[0].entity)
    for m in words:
        word = m.group()
        known = index.named(word)
        if known is not None:
            return Ref("entity", m.start(), m.end(), known)
        if word.isalpha() and word.lower() not in cues.titles and index.org_named(word):
            return Ref("noun", m.start(), m.end(), None, word)
    for m in words:
        if m.group().lower() in cues.pronouns:
            return _pronoun(m, cues)
    # a place named inside the phrase (`jaksa penuntut di Spanyol`) is no one's name
    placed = {
        w.start()
        for p in places
        if _is_place(text, start, p, cues)
        for w in words
        if p.start <= w.start() < p.end
    }
    name = _name_run(text, words, cues, subject, placed, stop)
    if name is not None:
        return name
    for m in words:
        if m.group().lower() in cues.statement_nouns:
            return Ref("context", start, m.end())
    return Ref("none", start, start)


def _is_place(text: str, start: int, place: _Mention, cues: LanguageCues) -> bool:
    """Whether a LOC mention surely names a place: a linked state or a place after a
    preposition (`di Spanyol`, `in the Kandahar city area`); an unlinked one may be an
    organisation the entity stage typed as a place (`Situs berita Jerman, Kicker`)."""
    if place.entity.kb or place.entity.actor:
        return True
    before = _PLAIN_WORD.findall(text, max(start, place.start - 24), place.start)[-2:]
    if before and before[-1].lower() in cues.anaphoric_articles:
        before = before[:-1]
    return bool(before) and before[-1].lower() in cues.place_preps


def _heads(text: str, start: int, at: int, cues: LanguageCues) -> bool:
    """Whether only titles or articles come between ``start`` and ``at``, after a sentence
    opener (`Sementara Israel meyakini`)."""
    words = [w.lower() for w in _PLAIN_WORD.findall(text, start, at)]
    if words and words[0] in cues.openers:
        words = words[1:]
    return all(w in cues.titles for w in words)


def _name_run(
    text: str,
    words: list[re.Match[str]],
    cues: LanguageCues,
    subject: bool = False,
    placed: frozenset[int] | set[int] = frozenset(),
    stop: int = 0,
) -> Ref | None:
    """A run of capitalised words, without the titles before it (Kompol Afiuddin).

    After a cue the last run names the speaker (`kata Project Manager "Yes I Do", Amrullah`).
    A subject is read after its last comma (`George Sibotshiwe, a spokesperson for
    Tsvangirai, called`), from the side where the language puts its heads (`The Supreme
    Court of Japan ruled` / `Menteri Kelautan dan Perikanan Susi Pudjiastuti menegaskan`).
    """
    if subject:
        commas = [i for i, m in enumerate(words) if m.group() == ","]
        tail = words[commas[-1] + 1 :] if commas else words
        words = tail if any(_NAME_WORD.match(m.group()) for m in tail) else words
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in words:
        word = m.group()
        named = _NAME_WORD.match(word) and word.lower() not in cues.not_names
        if named and m.start() not in placed:
            current.append(m)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    for run in runs if subject and cues.subject_name_first else reversed(runs):
        one = len(run) == 1
        if one and (_common_word(text, run[0]) or _opens_phrase(text, run[0], cues, stop)):
            continue
        name = _bare_name(run, cues)
        if name:
            first, last = name[0].start(), name[-1].end()
            return Ref("name", first, last, None, text[first:last])
    return None


def _opens_phrase(text: str, word: re.Match[str], cues: LanguageCues, stop: int) -> bool:
    """A capitalised word opening a sentence and a noun phrase of lower-case words
    (`Sebuah studi di ...`, `Situs berita Jerman`): a common noun, not a name."""
    before = text[max(0, word.start() - 8) : word.start()].rstrip()
    if before and before[-1] not in ".!?\"“”'\n":
        return False
    nxt = _WORD.match(text, word.end() + 1) if text[word.end() : word.end() + 1] == " " else None
    if nxt is None or nxt.end() > stop:
        return False
    low = nxt.group()
    if not low.islower() or low in cues.adverbs or low in cues.recipient:
        return False
    # a name the text also writes capitalised inside a sentence is a name after all
    inside = re.compile(rf"[\w,] {re.escape(word.group())}\b")
    return inside.search(text) is None


def _common_word(text: str, word: re.Match[str]) -> bool:
    """A capitalised word opening a sentence that the text also writes in lower case
    (`Polisi mengatakan ...` beside `kata polisi`): a common noun, not a name."""
    before = text[max(0, word.start() - 8) : word.start()].rstrip()
    if before and before[-1] not in ".!?\"“”'\n":
        return False
    lower = word.group().lower()
    return re.search(rf"(?<!\w){re.escape(lower)}(?!\w)", text) is not None


def _bare_name(run: list[re.Match[str]], cues: LanguageCues) -> list[re.Match[str]]:
    """A person's name out of a capitalised run: after the last title or acronym, at most
    two words (Kepala Biro ... Brigadir Jenderal Rikwanto, Menteri Pertahanan AS Ashton
    Carter), without a trailing acronym (Prosecutor Kama Melly QC)."""
    while len(run) > 1 and run[-1].group().isupper():
        run = run[:-1]
    marks = [
        i
        for i, m in enumerate(run)
        if m.group().rstrip(".").lower() in cues.titles or m.group().isupper()
    ]
    name = run[marks[-1] + 1 :] if marks else run
    if not name and run and run[-1].group().isupper():
        return run[-1:]  # an acronym alone names an organisation (BMKG menegaskan)
    return name[-2:]
