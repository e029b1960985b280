"""The event coder: verbs found by the lexicon, actors placed by the clause around them.

For each event verb: the clause is the stretch of its sentence between clause breaks; the
source is the actor before the verb (the nearest when only auxiliaries separate them, else the
clause's first), or the passive agent after a di- or "was X-ed" form; the target is the first
actor close after it (the subject for a passive), or after a preposition. Event nouns take
their actor after them ("kunjungan Obama ke Bali"). Where the clause names no one, a quote's
speaker ("Kami mengecam ..."), a name the entity stage missed, or for arrests the state itself
fills in. Negated and conditional acts are dropped; intended ones take CAMEO's intent code.
Dates are resolved in ``run.py``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from warta.events.actors import ActorWords, Candidate
from warta.events.dates import DateRules
from warta.events.lexicon import Frame, Lexicon, VerbMatch
from warta.events.reported import ReportedDemand
from warta.events.table import CameoCode
from warta.records import Article, Event, EventSide, Evidence, Location, Quote
from warta.text import Sentence

__all__ = ["Clause", "LanguageRules", "code_event"]

_WORD = re.compile(r"\w+(?:[-'’]\w+)*")

# CAMEO's intent codes for the root an intended act would have (akan menyerang: 138).
INTENT_CODES = {
    "04": "036",
    "05": "032",
    "06": "031",
    "07": "033",
    "08": "035",
    "16": "1313",
    "18": "138",
    "19": "138",
    "20": "138",
}


# Roots whose agentless passive still names its source: only the state arrests and jails.
_STATE_ACTS = frozenset({"17"})
# Roots a domestic actor directs at its own country when it names no one: protest, force
# posture, coercion ("imposed a curfew in Cizre", "massa berunjuk rasa").
_INWARD = frozenset({"14", "15", "17"})
# Roots whose target, when no one is named, is the place acted on ("shelled the town of Juba",
# "imposed a curfew in Hebron", "lifted the curfew in Montenegro"): force, coercion or its
# easing applied to a place of another state is applied to that state.
_AT_PLACE = frozenset({"08", "17", "18", "19", "20"})


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Everything the coder needs for one language, compiled once."""

    lexicon: Lexicon
    words: ActorWords
    dates: DateRules | None
    negation: re.Pattern[str] | None
    negation_window: int
    intent: re.Pattern[str] | None
    intent_window: int
    clause_break: re.Pattern[str]
    speech_tags: frozenset[str]
    conditionals: frozenset[str]
    target_preps: frozenset[str]
    agent_preps: frozenset[str]
    locative_preps: frozenset[str]
    location_preps: frozenset[str]
    passive_aux: frozenset[str]
    first_person: frozenset[str]
    subject_gap: frozenset[str]
    function_words: frozenset[str]
    noun_before: frozenset[str]
    articles: frozenset[str]
    ing_needs_aux: bool
    object_pronouns: frozenset[str]
    # words skipped looking back from a name for its preposition: articles, and nouns of place
    # ("di kantor DPP Golkar" is where, "ke kantor KPK" is whom)
    role_skip: frozenset[str] = frozenset()
    reported: ReportedDemand | None = None  # "X said Y must ...": X demands of Y
    # the object of a verb that is a policy, and the relative clause naming its maker:
    # "mendukung kebijakan energi yang kini dilaksanakan Presiden Joko Widodo"
    policy_nouns: frozenset[str] = frozenset()
    policy_maker: re.Pattern[str] | None = None
    # what stands between a victim and the attack that hit them ("ISIS tewas dalam serangan")
    victim_before: re.Pattern[str] | None = None
    # break words whose clause, naming no subject, shares its sentence's ("Trump mengutarakan
    # itu saat bertelepon dengan Macron": Trump phoned)
    shared_subject: frozenset[str] = frozenset()
    # prepositions before a verb or event noun that opens its sentence, the subject following
    # after the comma ("Dalam pertemuan dengan Netanyahu, Trump ...")
    setting_preps: frozenset[str] = frozenset()
    # a word of a run of coordinated passives sharing one subject and agent ("dipukul,
    # ditendang dan dianiaya warga": each verb's agent is "warga", its subject the victim)
    passive_chain: re.Pattern[str] | None = None


@dataclass(frozen=True, slots=True)
class Clause:
    """One verb in context: its sentence, clause bounds, and the quote it sits in."""

    verb: VerbMatch
    sentence: Sentence
    start: int
    end: int
    quote: Quote | None
    opener: str = ""  # the break word that opened the clause ("jika", "setelah")


# the last clause punctuation before a position: the words before a name stop there
_LAST_STOP = re.compile(r"[,;:()\"“”](?=[^,;:()\"“”]*\Z)")


def _prev_word(
    text: str,
    pos: int,
    floor: int,
    keep: frozenset[str] = frozenset(),
    skip: frozenset[str] = frozenset(),
) -> str:
    """The lower-case word before ``pos``, skipping capitalised words (titles, names) other
    than those in ``keep`` (a sentence-initial "Selain", "Di") and the words in ``skip``."""
    lo = max(floor, pos - 80)
    stop = _LAST_STOP.search(text, lo, pos)
    words: list[str] = _WORD.findall(text, stop.end() if stop else lo, pos)
    for word in reversed(words):
        if word.lower() in skip:
            continue
        if not word[:1].isupper() or word.lower() in keep:
            return word.lower()
    return ""


def _last_words(text: str, floor: int, pos: int, n: int) -> str:
    words = list(_WORD.finditer(text, max(floor, pos - 12 * n), pos))
    if not words:
        return ""
    return text[words[max(0, len(words) - n)].start() : pos].lower()


def pick_frame(text: str, lower: str, verb: VerbMatch, clause_end: int) -> Frame | None:
    """The first frame whose conditions hold after the verb, or None."""
    after = [w.lower() for w in _WORD.findall(lower, verb.end, min(len(lower), verb.end + 120))]
    before = _WORD.findall(lower, max(0, verb.start - 30), verb.start)
    for frame in verb.frames:
        if frame.not_after and before and before[-1] in frame.not_after:
            continue
        if (
            frame.not_before
            and after
            and any(" ".join(after[: len(n.split())]) == n for n in frame.not_before)
        ):
            continue
        if frame.with_words and not frame.with_words.intersection(after[: frame.window]):
            continue
        return frame
    return None


def is_nominal(text: str, verb: VerbMatch, frame: Frame, rules: LanguageRules) -> bool:
    """A verb form used as a noun ("the release") or an -ing form without "be"."""
    if not rules.noun_before:
        return False
    before = text[max(0, verb.start - 30) : verb.start].lower()
    words = _WORD.findall(before)
    if before.rstrip().endswith(("'", "’")) or (words and words[-1] in rules.noun_before):
        return True
    if frame.participle and words and words[-1] in rules.function_words:
        return True  # "charges against arrested protesters": a participle as adjective
    if rules.ing_needs_aux and verb.form.endswith("ing") and " " not in verb.form:
        after_comma = before.rstrip().endswith(",")
        return not (after_comma or (words and words[-1] in rules.passive_aux))
    return False


def is_passive(text: str, verb: VerbMatch, frame: Frame, rules: LanguageRules, floor: int) -> bool:
    """A di- form, or an English participle after a form of "be"."""
    if frame.passive:
        return True
    if not frame.participle or not rules.passive_aux:
        return False
    words = [w.lower() for w in _WORD.findall(text, max(floor, verb.start - 40), verb.start)]
    words = [w for w in words if not w.endswith("ly")][-2:]
    return bool(words) and words[-1] in rules.passive_aux


def _in_clause(cands: list[Candidate], starts: list[int], lo: int, hi: int) -> list[Candidate]:
    i, j = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return [c for c in cands[i:j] if c.end <= hi]


_TAG_END = re.compile(r"\s*[,.]")


def _role(text: str, cand: Candidate, rules: LanguageRules, floor: int) -> str:
    lo = max(floor, cand.name_floor)
    prev = _prev_word(text, cand.start, lo, rules.function_words, rules.role_skip)
    if prev in rules.speech_tags and _TAG_END.match(text, cand.end):
        return "speaker"  # ", kata Yusri," names who spoke, not who acted
    if prev in rules.locative_preps:
        return "place"
    if prev in rules.agent_preps:
        return "agent"
    if prev in rules.target_preps:
        return "prep"
    return "core"


def find_sides(
    text: str, clause: Clause, passive: bool, cands: list[Candidate], rules: LanguageRules
) -> tuple[Candidate | None, Candidate | None]:
    """Source and target candidates for a verb in its clause."""
    starts = [c.start for c in cands]
    verb = clause.verb
    left = [
        c
        for c in _in_clause(cands, starts, clause.start, verb.start)
        if _role(text, c, rules, clause.start) == "core"
    ]
    right = [
        (c, _role(text, c, rules, verb.end))
        for c in _in_clause(cands, starts, verb.end, clause.end)
        if c.start - verb.end < 160
    ]
    right = [(c, r) for c, r in right if r not in ("place", "speaker")]
    subject = _subject(text, left, verb, rules)
    if subject is None and not passive and _opens_clause(text, clause.start, verb.start, rules):
        subject = _fronted_subject(text, clause, cands, starts, rules)
    if passive:
        agent = next((c for c, r in right if r == "agent"), None)
        if (
            agent is None
            and right
            and right[0][1] == "core"
            and _adjacent(
                text, _past_chain(text, verb.end, right[0][0].start, rules), right[0][0].start
            )
        ):
            agent = right[0][0]
        return agent, _passive_subject(text, left, verb, rules)
    target = next(
        (c for c, r in right if r != "agent" and _reachable(text, verb, c, r, rules)), None
    )
    if target is None:
        target = _policy_maker(text, clause, cands, starts, rules)
    first = _WORD.search(text, verb.end, clause.end)
    if first is not None and first.group().lower() in rules.object_pronouns:
        target = None  # "help us ...": the object is a pronoun we cannot resolve
    if target is None and len(left) > 1 and _joined(text, left[-2], left[-1]):
        subject, target = left[-2], left[-1]  # "A dan B bertemu": each meets the other
    return subject, target


def _policy_maker(
    text: str, clause: Clause, cands: list[Candidate], starts: list[int], rules: LanguageRules
) -> Candidate | None:
    """Whose policy the verb acts on, named in a relative clause after it: "mengapresiasi
    program listrik desa yang akan digeber oleh pemerintah" praises the government."""
    verb = clause.verb
    if rules.policy_maker is None:
        return None
    head = [w.lower() for w in _WORD.findall(text, verb.end, min(clause.end, verb.end + 40))]
    if not rules.policy_nouns.intersection(head[:2]):
        return None
    for cand in _in_clause(cands, starts, verb.end, clause.end):
        if len(_WORD.findall(text, verb.end, cand.start)) > 16:
            break
        if rules.policy_maker.search(text, verb.end, cand.start):
            return cand
    return None


def noun_sides(
    text: str, clause: Clause, cands: list[Candidate], rules: LanguageRules
) -> tuple[Candidate | None, Candidate | None]:
    """An event noun's actor right after it, its target after a preposition further on, or
    the victim it struck before it ("petinggi ISIS tewas dalam serangan udara AS")."""
    starts = [c.start for c in cands]
    verb = clause.verb
    after = _in_clause(cands, starts, verb.end, clause.end)
    if not after or not _adjacent(text, verb.end, after[0].start):
        return None, None
    source = after[0]
    for cand in after[1:]:
        if len(_WORD.findall(text, source.end, cand.start)) > 8:
            break
        if _role(text, cand, rules, source.end) == "prep":
            return source, cand
    return source, _victim(text, clause, cands, starts, rules, source)


def _victim(
    text: str,
    clause: Clause,
    cands: list[Candidate],
    starts: list[int],
    rules: LanguageRules,
    source: Candidate,
) -> Candidate | None:
    """The actor killed or hurt in the attack the noun names: the last one before the words
    "tewas dalam", "killed in" that lead to it."""
    lo = max(clause.start, clause.verb.start - 40)
    hit = rules.victim_before.search(text, lo, clause.verb.start) if rules.victim_before else None
    if hit is None:
        return None
    before = [
        c
        for c in _in_clause(cands, starts, clause.start, hit.start())
        if _role(text, c, rules, clause.start) == "core"
    ]
    if before and before[-1].side.actor != source.side.actor:
        return before[-1]
    return None


def _subject(
    text: str, left: list[Candidate], verb: VerbMatch, rules: LanguageRules
) -> Candidate | None:
    """The nearest actor when only auxiliaries stand between it and the verb ("Polri juga
    menahan", "Viktor yang menuding"), else the clause's first actor: a nearer one is
    then the object of some other verb ("polisi menelusuri jejak WNI ... dengan menemui")."""
    if not left:
        return None
    nearest = left[-1]
    if len(left) > 1 and _RELATIVE_AGENT.search(text, max(0, nearest.start - 40), nearest.start):
        nearest = left[-2]  # "milisi yang didukung Iran melancarkan": Iran acts in the relative
    elif len(left) > 1 and _in_apposition(text, left[-2], nearest, verb, rules):
        nearest = left[-2]  # "Nancy Reagan, widow of President Ronald Reagan, endorsed"
    gap = [w.lower() for w in _WORD.findall(text, nearest.end, verb.start)]
    if all(w in rules.subject_gap or w.isdigit() for w in gap):
        return nearest
    return left[0]


_APPOSITION_OPEN = re.compile(r"\s*,([^,;:()\"“”]{1,80})\Z")
_APPOSITION_CLOSE = re.compile(r"\s*,\s*\Z")


def _in_apposition(
    text: str, head: Candidate, name: Candidate, verb: VerbMatch, rules: LanguageRules
) -> bool:
    """Whether ``name`` sits in an apposition describing ``head``: between commas, after a
    common noun ("widow of", "anak"), right before the verb."""
    if not _APPOSITION_CLOSE.match(text, name.end, verb.start):
        return False
    opened = _APPOSITION_OPEN.match(text, head.end, name.start)
    if opened is None:
        return False
    words = _WORD.findall(opened.group(1))
    return any(w.islower() and w not in rules.articles for w in words)


# "yang didukung", "who was backed by": a name after these belongs to a relative clause.
_RELATIVE_AGENT = re.compile(
    r"\b(?:yang\s+di\w+(?:\s+\w+)?|(?:who|which|that)\s+(?:is|are|was|were)\s+\w+\s+by)\s+$"
)


def _passive_subject(
    text: str, left: list[Candidate], verb: VerbMatch, rules: LanguageRules
) -> Candidate | None:
    """What a passive verb acts on: the name just before it, give or take a word or two
    ("pelaku bom Kampung Melayu ditangkap"); far back, it is another clause's name."""
    if not left:
        return None
    words = _WORD.findall(text, left[-1].end, verb.start)
    chain = rules.passive_chain
    run = 0  # the coordinated passives right before the verb ("dipukul, ditendang dan")
    while chain and run < len(words) and chain.fullmatch(words[-1 - run]):
        run += 1
    if run >= 2:
        words = words[:-run]
    gap = [w for w in words if w.lower() not in rules.subject_gap]
    return left[-1] if sum(1 for w in gap if not w[:1].isupper()) <= 2 else None


def _opens_clause(text: str, start: int, end: int, rules: LanguageRules) -> bool:
    """Whether the verb opens its clause, alone or after a preposition that makes it a
    setting ("Dalam pertemuan dengan Netanyahu, Trump ...")."""
    return all(w.lower() in rules.setting_preps for w in _WORD.findall(text, start, end))


_CLAUSE_COMMA = re.compile(r",(?!\d)")  # not the decimal comma of "3,5 juta"


def _fronted_subject(
    text: str, clause: Clause, cands: list[Candidate], starts: list[int], rules: LanguageRules
) -> Candidate | None:
    """The subject after a clause the verb opens ("Menanggapi X, juru bicara Y ...")."""
    hit = _CLAUSE_COMMA.search(text, clause.verb.end, clause.sentence.end)
    if hit is None:
        return None
    comma = hit.start()
    after = _in_clause(cands, starts, comma + 1, min(clause.sentence.end, comma + 120))
    core = [c for c in after if _role(text, c, rules, comma + 1) == "core"]
    return core[0] if core else None


def _reachable(
    text: str, verb: VerbMatch, cand: Candidate, role: str, rules: LanguageRules
) -> bool:
    """An object sits close after its verb; a prepositional target may come later, also
    behind an apposition ("terhadap mantan Gubernur Banten, Ratu Atut")."""
    words = [w.lower() for w in _WORD.findall(text, verb.end, cand.start)]
    if len(words) <= 5:
        return True
    return len(words) <= 12 and (role == "prep" or bool(rules.target_preps.intersection(words)))


_CHAIN_GAP = re.compile(r"[\s,]*(\w+)")


def _past_chain(text: str, end: int, start: int, rules: LanguageRules) -> int:
    """Where the words after a passive verb begin once its coordinated passives are skipped
    ("dipukul[, ditendang dan dianiaya] warga"); ``end`` when it has none."""
    if rules.passive_chain is None:
        return end
    pos = end
    while (m := _CHAIN_GAP.match(text, pos, start)) and rules.passive_chain.fullmatch(m[1]):
        pos = m.end()
    return pos


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only titles and spaces between the verb and a name (ditangkap Tim Densus 88,
    diamankan petugas Polres Lembata)."""
    gap = text[end:start]
    if len(gap) > 40 or re.search(r"[,.;:\"“”()]", gap):
        return False
    return sum(1 for w in _WORD.findall(gap) if not w[:1].isupper()) <= 1


def _joined(text: str, a: Candidate, b: Candidate) -> bool:
    gap = text[a.end : b.start].strip().lower()
    return gap in ("dan", "and", "serta", "&") and a.side.actor != b.side.actor


def modality(text: str, clause: Clause, rules: LanguageRules) -> str | None:
    """The mood of the verb: "negated", "intent" or None, from the words just before it."""
    floor = clause.start
    pos = _chain_start(text, floor, clause.verb.start, rules)
    negation, intent = rules.negation, rules.intent
    if negation and negation.search(_last_words(text, floor, pos, rules.negation_window)):
        return "negated"
    if intent and intent.search(_last_words(text, floor, pos, rules.intent_window)):
        return "intent"
    return None


def _chain_start(text: str, floor: int, pos: int, rules: LanguageRules) -> int:
    """Where a run of coordinated passives ending at ``pos`` begins ("tidak [dilecehkan dan
    ditangkap atau] dideportasi": the negation covers the whole run)."""
    chain = rules.passive_chain
    if chain is None:
        return pos
    words = list(_WORD.finditer(text, max(floor, pos - 120), pos))
    run = 0
    while run < len(words) and chain.fullmatch(words[-1 - run].group()):
        run += 1
    return words[-run].start() if run >= 2 else pos


def coded(code: str, mood: str | None, table: dict[str, CameoCode]) -> CameoCode | None:
    """The table entry for a code, moved to its intent code when the act is only intended."""
    if mood == "intent":
        code = INTENT_CODES.get(code[:2], code)
    return table.get(code)


def event_side(cand: Candidate, domestic: str | None) -> EventSide:
    side = cand.side
    if cand.kind == "entity" and cand.entity_type == "LOC" and side.agent is None:
        # a capital or country acting (Beijing menolak ...) stands for its government
        return EventSide(actor=side.actor, agent="GOV", name=side.name, entity=side.entity)
    return side


def location_of(
    text: str, clause: Clause, article: Article, rules: LanguageRules
) -> tuple[Location | None, str | None]:
    """The place named in the clause after a locative preposition, and its country."""
    best: tuple[int, Location, str | None] | None = None
    for ent in article.entities:
        if ent.type != "LOC":
            continue
        for m in ent.mentions:
            if clause.start <= m.start < clause.end:
                prev = _prev_word(text, m.start, clause.start)
                if prev in rules.location_preps and (best is None or m.start < best[0]):
                    best = (m.start, Location(ent.name, ent.actor), ent.actor)
    return (best[1], best[2]) if best else (None, None)


def build_event(
    info: CameoCode,
    source: EventSide,
    target: EventSide,
    sentence: Sentence,
    text: str,
    when: str | None,
    where: Location | None,
    mood: str | None,
) -> Event:
    return Event(
        code=info.code,
        root=info.code[:2],
        quad=info.quad,
        goldstein=info.goldstein,
        source=source,
        target=target,
        evidence=Evidence(text[sentence.start : sentence.end], sentence.start, sentence.end),
        date=when,
        location=where,
        modality=mood,
    )


def code_event(
    article: Article,
    clause: Clause,
    frame: Frame,
    cands: list[Candidate],
    rules: LanguageRules,
    table: dict[str, CameoCode],
    domestic: str | None,
) -> tuple[Event, Candidate, Candidate] | None:
    """The event one verb codes, or None when it lacks an actor or is negated."""
    text = article.text
    if is_nominal(text, clause.verb, frame, rules) or clause.opener in rules.conditionals:
        return None
    mood = modality(text, clause, rules)
    info = coded(frame.code, mood, table) if mood != "negated" else None
    if info is None:
        return None
    passive = is_passive(text, clause.verb, frame, rules, clause.start)
    src, tgt = _sides(article, clause, frame, passive, cands, rules, domestic)
    if src is None and passive and tgt is not None and info.code[:2] in _STATE_ACTS and domestic:
        # "nine men were jailed", "tersangka ditahan": arrest and sentence are the state's acts
        src = Candidate(clause.verb.start, clause.verb.start, EventSide(actor=domestic), "implicit")
    if tgt is None and src is not None and info.code[:2] in _INWARD and src.side.actor == domestic:
        # a state raising its guard: for whom the sentence says ("... untuk mengamankan
        # Obama"), else at home ("Polri meningkatkan pengamanan di perbatasan")
        tgt = _later_actor(text, clause, cands, rules) or Candidate(
            clause.verb.end, clause.verb.end, EventSide(actor=domestic), "implicit"
        )
    if tgt is None and src is not None and info.code[:2] in _AT_PLACE:
        tgt = _struck_place(text, clause, cands, rules, src)
    where, country = location_of(text, clause, article, rules)
    if where is not None and country is None and domestic and domestic == rules.words.home:
        where = Location(where.name, domestic)  # an uncoded place in a home-country story
    if tgt is None and info.code.startswith("042") and where is not None and (country or domestic):
        # a visit's target is the country of the place visited (tiba di Bali)
        side = EventSide(actor=country or domestic, name=where.name)
        tgt = Candidate(clause.verb.end, clause.verb.end, side, "place")
    if src is None or tgt is None or src.side.actor is None or tgt.side.actor is None:
        return None
    if src.side.entity is not None and src.side.entity == tgt.side.entity:
        return None
    sides = event_side(src, domestic), event_side(tgt, domestic)
    event = build_event(info, *sides, clause.sentence, text, None, where, mood)
    return event, src, tgt


def _struck_place(
    text: str, clause: Clause, cands: list[Candidate], rules: LanguageRules, src: Candidate
) -> Candidate | None:
    """The first place of another country named after the verb in the clause."""
    starts = [c.start for c in cands]
    for cand in _in_clause(cands, starts, clause.verb.end, clause.end):
        other = cand.side.actor and cand.side.actor != src.side.actor
        if other and _role(text, cand, rules, clause.verb.end) == "place":
            return cand
    return None


def _later_actor(
    text: str, clause: Clause, cands: list[Candidate], rules: LanguageRules
) -> Candidate | None:
    """The first actor named later in the sentence, outside places and speech tags."""
    starts = [c.start for c in cands]
    for cand in _in_clause(cands, starts, clause.verb.end, clause.sentence.end):
        if _role(text, cand, rules, clause.verb.end) not in ("place", "speaker"):
            return cand
    return None


def _sides(
    article: Article,
    clause: Clause,
    frame: Frame,
    passive: bool,
    cands: list[Candidate],
    rules: LanguageRules,
    domestic: str | None,
) -> tuple[Candidate | None, Candidate | None]:
    """Source and target from the clause, then from unnamed names and the quote's speaker."""
    text = article.text
    if frame.noun:
        return noun_sides(text, clause, cands, rules)
    src, tgt = find_sides(text, clause, passive, cands, rules)
    if passive:  # a passive's source is its agent, never the quote's speaker
        return src, tgt
    if src is None and clause.opener in rules.shared_subject:
        src = _sentence_subject(text, clause, cands, rules)
    if src is None and domestic:
        src = _unnamed_actor(article, clause.start, clause.verb.start, rules, domestic, True)
    if tgt is None and domestic:
        tgt = _unnamed_actor(article, clause.verb.end, clause.end, rules, domestic, False)
    return _speaker_source(src, clause, cands, rules, text, article), tgt


def _sentence_subject(
    text: str, clause: Clause, cands: list[Candidate], rules: LanguageRules
) -> Candidate | None:
    """The first actor before the clause's break word, back to the last comma, when the
    break word opens the clause's verb ("diutarakan Trump saat bertelepon")."""
    if _WORD.search(text, clause.start, clause.verb.start):
        return None
    starts = [c.start for c in cands]
    floor = max(clause.sentence.start, text.rfind(",", clause.sentence.start, clause.start) + 1)
    for cand in _in_clause(cands, starts, floor, clause.start):
        if _role(text, cand, rules, floor) == "core":
            return cand
    return None


def _unnamed_actor(
    article: Article, lo: int, hi: int, rules: LanguageRules, domestic: str, before: bool
) -> Candidate | None:
    """A capitalised name the entity stage left out, right before (or after) the verb
    ("Disdik telah bekerja sama", "menangkap Nyono"): in a domestic article, a domestic actor.
    Not a name the entity stage did see (a place), nor one after a preposition."""
    text = article.text
    words = list(_WORD.finditer(text, lo, hi))
    if before:
        words.reverse()
    for m in words:
        word = m.group()
        if word.lower() in rules.subject_gap and not word[:1].isupper():
            continue
        # a capitalised first word is only a name when it is an acronym (KPK menahan ...)
        initial = before and not text[lo : m.start()].strip() and not word.isupper()
        if not word[:1].isupper() or word.lower() in rules.function_words or initial:
            return None
        if word.lower() in rules.subject_gap or len(word) < 2:
            return None
        if _prev_word(text, m.start(), lo, rules.function_words) in rules.function_words:
            return None
        if any(x.start <= m.start() < x.end for e in article.entities for x in e.mentions):
            return None
        return Candidate(m.start(), m.end(), EventSide(actor=domestic, name=word), "unnamed")
    return None


def _speaker_source(
    src: Candidate | None,
    clause: Clause,
    cands: list[Candidate],
    rules: LanguageRules,
    text: str,
    article: Article,
) -> Candidate | None:
    """Inside a quotation, "kami"/"we" or no subject at all means the quote's speaker."""
    quote = clause.quote
    if quote is None or quote.speaker.entity is None:
        return src
    if src is not None and src.start >= quote.start:
        return src
    lo = max(quote.start, clause.start)
    before = [w.lower() for w in _WORD.findall(text, lo, clause.verb.start)]
    if not rules.first_person.intersection(before) and (
        src is not None or any(w not in rules.subject_gap for w in before)
    ):
        return src  # "Flyover ini sangat membantu ...": some other subject, not the speaker
    ent = next((e for e in article.entities if e.id == quote.speaker.entity), None)
    if ent is None or not ent.actor:
        return src
    actor = rules.words.states.get(ent.actor, ent.actor)  # Guam's governor speaks for USA
    side = EventSide(actor=actor, agent=ent.agent, name=ent.name, entity=ent.id)
    return Candidate(quote.start, quote.start, side, "speaker", ent.type)
