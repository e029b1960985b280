"""Coding one article: every event verb, in its clause, with its date.

An event's date is the nearest date expression in its sentence; else, for a statement, the
day its source spoke (the date closing one of their quotations); else a date later in its
paragraph (the closing "kata X, Senin (27/3)"); else the article's first date expression;
else the publication day, in the outlet's own zone.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import date

from warta.events.actors import (
    Candidate,
    domestic_country,
    find_candidates,
    people_country,
    without_money,
    word_hits,
)
from warta.events.coder import Clause, LanguageRules, build_event, code_event, pick_frame
from warta.events.dates import DateExpr, article_day
from warta.events.lexicon import VerbMatch
from warta.events.reported import find_reported_demands
from warta.events.table import CameoCode
from warta.records import Article, Event, Quote
from warta.text import Sentence, TextLayout

__all__ = ["code_article"]


def _lower(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    # a few characters (İ) lower-case to two; keep offsets aligned by leaving them be
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class _Dating:
    """Date expressions of an article, bucketed by sentence, with the day in force."""

    def __init__(
        self, article: Article, rules: LanguageRules, ref: date | None, paragraphs: list[Sentence]
    ):
        text = article.text
        self.exprs: list[DateExpr] = []
        if rules.dates is not None and ref is not None:
            self.exprs = rules.dates.find(text, 0, len(text), ref)
        self.starts = [e.start for e in self.exprs]
        self.para_starts = [p.start for p in paragraphs]
        self.ref = ref
        self.spoken = self._speech_dates(article.quotes)

    def _speech_dates(self, quotes: tuple[Quote, ...]) -> dict[str, list[tuple[int, date]]]:
        """When each speaker spoke: the date in the tag closing one of their quotations
        ("...," kata Zainudin di Jakarta, Jumat (4/8))."""
        spoken: dict[str, list[tuple[int, date]]] = {}
        for quote in quotes:
            if quote.speaker.entity is None:
                continue
            i = bisect.bisect_left(self.starts, quote.end)
            if i < len(self.exprs) and self.exprs[i].start - quote.end < 160:
                spoken.setdefault(quote.speaker.entity, []).append((quote.end, self.exprs[i].day))
        return spoken

    def speech_date(self, speaker: str | None, pos: int) -> str | None:
        """The day a speaker spoke nearest ``pos``, for what they said without a date."""
        dates = self.spoken.get(speaker or "")
        if not dates:
            return None
        return min(dates, key=lambda d: abs(d[0] - pos))[1].isoformat()

    def date_for(self, sentence: Sentence, verb: VerbMatch) -> tuple[str | None, int]:
        """The sentence's nearest date, else its paragraph's, else the article's first, with
        how firmly the text ties it to the event (3 = its own sentence ... 0 = none)."""
        i = bisect.bisect_left(self.starts, sentence.start)
        j = bisect.bisect_left(self.starts, sentence.end)
        if i < j:
            return _nearest(self.exprs[i:j], verb.start).day.isoformat(), 3
        p = bisect.bisect_right(self.para_starts, sentence.start) - 1
        lo = self.para_starts[p] if p >= 0 else 0
        hi = self.para_starts[p + 1] if p + 1 < len(self.para_starts) else 1 << 60
        # a paragraph's closing speech tag ("kata Wiranto, Jumat (27/10)") dates what it says;
        # an earlier date in the paragraph is more often another event's
        a, b = (
            bisect.bisect_left(self.starts, max(lo, sentence.end)),
            bisect.bisect_left(self.starts, hi),
        )
        if a < b:
            return _nearest(self.exprs[a:b], verb.start).day.isoformat(), 2
        day = self.exprs[0].day if self.exprs else self.ref
        return (day.isoformat(), 1) if day else (None, 0)


def _nearest(exprs: list[DateExpr], pos: int) -> DateExpr:
    return min(exprs, key=lambda d: min(abs(d.start - pos), abs(d.end - pos)))


def _quote_at(quotes: tuple[Quote, ...], pos: int) -> Quote | None:
    for quote in quotes:
        if quote.start <= pos < quote.end:
            return quote
    return None


# a verb of saying or thinking right before a word: "mengaku jika", "menyebut kalau"
_COMPLEMENT_VERB = re.compile(r"\b(?:me|ber)\w+\s+$|\b(?:said|says|say|told|believe[sd]?)\s+$")


def _clause(
    text: str, sent: Sentence, verb: VerbMatch, quote: Quote | None, rules: LanguageRules
) -> Clause:
    start, end = sent.start, sent.end
    if quote is not None:
        start, end = max(start, quote.start), min(end, quote.end)
    opener = ""
    for m in rules.clause_break.finditer(text, start, verb.start):
        if m.group().lower() in rules.speech_tags:
            continue  # ", kata Yusri, berunjuk rasa": a tag inside the clause is no edge
        start, opener = m.end(), m.group().lower() if m.group()[:1].isalpha() else ""
        if opener in rules.conditionals and _COMPLEMENT_VERB.search(text, sent.start, m.start()):
            opener = "that"  # "mengaku jika ...": after a verb of saying, jika means bahwa
    comma = text.rfind(",", start, verb.start)
    if opener and comma >= 0:
        # "Ketika pasukan Soviet menginvasi Afghanistan, Brzezinski mendukung ...": the comma
        # closes the subordinate clause the break word opened
        start, opener = comma + 1, ""
    stop = rules.clause_break.search(text, verb.end, end)
    if stop is not None:
        end = stop.start()
    return Clause(verb, sent, start, end, quote, opener)


def code_article(
    article: Article,
    rules: LanguageRules,
    table: dict[str, CameoCode],
    layout: TextLayout | None = None,
) -> tuple[Event, ...]:
    """Every event the article's text codes, in text order, without repeats.

    ``layout`` is the body's shared paragraph/sentence spans, when the caller has them.
    """
    text = article.text
    lower = _lower(text)
    verbs = rules.lexicon.find(lower, text)
    if not verbs and rules.reported is None:
        return ()
    is_money = rules.words.money_test(text, lower)  # one pass, for hits and mentions
    hits = word_hits(article, rules.words, lower, is_money)
    actors = without_money(article, rules.words, is_money)
    named = _coded_words(article, rules, hits)
    domestic = domestic_country(actors.entities, rules.words.home, named)
    people = people_country(actors.entities, rules.words, domestic, named, text)
    cands = find_candidates(actors, rules.words, domestic, hits, people)
    shared = TextLayout.of(text, layout)  # one set of spans for the sentences and the dates
    paragraphs, sents = shared.paragraphs, shared.sentences
    sent_starts = [s.start for s in sents]
    ref = article_day(article.published, rules.dates.zone if rules.dates else None)
    dating = _Dating(article, rules, ref, paragraphs)
    found: list[tuple[Event, int]] = []
    for verb in verbs:
        si = bisect.bisect_right(sent_starts, verb.start) - 1
        if si < 0 or verb.end > sents[si].end:
            continue
        clause = _clause(text, sents[si], verb, _quote_at(article.quotes, verb.start), rules)
        frame = pick_frame(text, lower, verb, clause.end)
        coded = code_event(article, clause, frame, cands, rules, table, domestic) if frame else None
        if coded is not None:
            found.append(_dated(coded[0], dating, sents[si], verb))
    found.extend(_reported(article, rules, table, sents, cands, dating))
    return _once(found)


def _reported(
    article: Article,
    rules: LanguageRules,
    table: dict[str, CameoCode],
    sents: list[Sentence],
    cands: list[Candidate],
    dating: _Dating,
) -> list[tuple[Event, int]]:
    """Demands one actor is reported to make of another ("X said Y must ...")."""
    info = table.get(rules.reported.code) if rules.reported else None
    if rules.reported is None or info is None:
        return []
    out = []
    for sent, pos, src, tgt in find_reported_demands(article.text, sents, cands, rules.reported):
        event = build_event(info, src, tgt, sent, article.text, None, None, None)
        out.append(_dated(event, dating, sent, VerbMatch(pos, pos, "", ())))
    return out


def _coded_words(
    article: Article, rules: LanguageRules, hits: list[tuple[int, int, str, str]]
) -> list[str]:
    """Codes of the coded words ("Egyptian") that are not part of a recognised name."""
    coded = rules.words.coded
    if not any(w in coded for _, _, _, w in hits):
        return []  # most articles: no need for the offsets inside names
    inside = {i for ent in article.entities for m in ent.mentions for i in range(m.start, m.end)}
    return [coded[w] for start, _, _, w in hits if w in coded and start not in inside]


def _dated(event: Event, dating: _Dating, sent: Sentence, verb: VerbMatch) -> tuple[Event, int]:
    """The event with its day, and how firmly the text gives that day."""
    when, strength = dating.date_for(sent, verb)
    if strength < 3 and event.quad in (1, 3):
        # a statement, accusation or appeal without its own date: when its source spoke
        spoken = dating.speech_date(event.source.entity, verb.start)
        when, strength = (spoken, 2) if spoken else (when, strength)
    return dataclasses.replace(event, date=when), strength


def _once(found: list[tuple[Event, int]]) -> tuple[Event, ...]:
    """One event told twice (a lead, then its detail) is kept once, from the sentence that
    dates it most firmly, in the place of its first telling."""
    best: dict[tuple[str | None, ...], tuple[int, int, Event]] = {}
    for event, strength in found:
        src, tgt = event.source, event.target
        key = (event.code, src.actor, src.name, tgt.actor, tgt.name)
        order = best[key][0] if key in best else len(best)
        if key not in best or strength > best[key][1]:
            best[key] = (order, strength, event)
    return tuple(e for _, _, e in sorted(best.values(), key=lambda x: x[0]))
