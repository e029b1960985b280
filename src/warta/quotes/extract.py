"""Who said what: direct quotations in marks and reported speech, each with its speaker.

Three passes over one article: quoted spans are paired and attributed by the cue after them
(`"...," kata X`), before them (`X mengatakan, "..."`) or by position (a quotation opening a
sentence continues the last speaker); reported speech is read from each sentence (`Menurut
X, ...`, `..., kata X, ...`, `X mengatakan (bahwa) ...`); a quoted passage inside reported
speech becomes a direct quote of the same speaker. Speakers are then resolved in text order,
so that a pronoun finds the speaker most recently in view.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from warta.quotes.marks import MarkedSpan, marked_spans, trim_content
from warta.quotes.resources import (
    ACCORDING_TO,
    AFTER_CUE,
    SPEECH_VERB,
    Hit,
    LanguageCues,
    QuoteResources,
)
from warta.quotes.speakers import Ref, SpeakerIndex, read_speaker
from warta.records import Article, Quote, Speaker
from warta.text import Sentence, TextLayout

__all__ = ["find_quotes"]

_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_GAP = re.compile(r"[ \t]*[,]?[ \t]*")
_LEAD = re.compile(r"[\s,:;\-–—]*")
_CAPITAL_NEXT = re.compile(r"\s*[A-Z]")
_SUBJECT_GAP = re.compile(r"(?:[^\W\d_][\w'’.-]*[ \t]+){1,5}")
_SENTENCE_END = re.compile(r"\w{4,}[.!?]\s+[A-Z]")  # not after `Mr.` / `Gov.`
_CLOSERS = " .!?\"'”’"
_MIN_INDIRECT_WORDS = 3
_MAX_TERM_WORDS = 2
_MAX_SUBJECT_BEFORE_MODAL = 5
_MAX_TAIL_WORDS = 6
_MAX_NAMED_WORDS = 6
_BRACKETS = re.compile(r"\([^()]*\)")
_MAX_CUE_GAP = 50


@dataclass(slots=True)
class _Found:
    """A quotation found but not yet attributed: its span, kind, cue and speaker reference."""

    start: int
    end: int
    kind: str
    cue: str | None
    ref: Ref


def find_quotes(
    article: Article, res: QuoteResources, layout: TextLayout | None = None
) -> tuple[Quote, ...]:
    """Every direct and indirect quotation in ``article.text`` with its speaker.

    ``layout`` is the body's shared paragraph/sentence spans, when the caller has them.
    """
    cues = res.cues(article.language)
    text = article.text
    if cues is None or not text.strip():
        return ()
    shared = TextLayout.of(text, layout)
    paragraphs, sents = shared.paragraphs, shared.sentences
    index = SpeakerIndex(text, article.entities, cues)
    index.note_subjects([(sent.start, sent.end) for sent in sents])
    spans = marked_spans(text, paragraphs)
    reader = _Reader(text, cues, index, sents, spans)
    found = reader.direct() + reader.indirect()
    found += reader.embedded(found)
    return _resolve(_dedupe(found), index)


def _word_count(text: str, start: int, end: int) -> int:
    return len(_WORDS.findall(text, start, end))


class _Reader:
    """The passes over one article, sharing its text, cues, sentences and quoted spans."""

    def __init__(
        self,
        text: str,
        cues: LanguageCues,
        index: SpeakerIndex,
        sents: list[Sentence],
        spans: list[MarkedSpan],
    ) -> None:
        self.text = text
        self.cues = cues
        self.index = index
        self.sents = sents
        self.sent_starts = [s.start for s in sents]
        self.spans = spans
        self.used: set[int] = set()  # offsets of quoted spans already taken as quotes
        self.cue_at: set[int] = set()  # offsets of cue words already given to a quotation
        self.open_ats = [s.open_at for s in spans]
        # each cue pattern runs once over the whole text; sentences then take their share
        hits = cues.finder.find(text)
        self.according = _Matches([h for h in hits if h.kinds & ACCORDING_TO])
        self.after_cues = _Matches([h for h in hits if h.kinds & AFTER_CUE])
        self.verbs = _Matches([h for h in hits if h.kinds & SPEECH_VERB])

    # -- shared helpers -------------------------------------------------------------------

    def sent_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, pos) - 1)

    def sentence_at(self, pos: int) -> Sentence:
        return self.sents[self.sent_index(pos)] if self.sents else Sentence(0, len(self.text))

    def in_marks(self, pos: int) -> bool:
        """Whether ``pos`` lies between a pair of quotation marks (cues there are quoted)."""
        i = bisect.bisect_right(self.open_ats, pos) - 1
        return i >= 0 and pos < self.spans[i].end

    def title_like(self, start: int, end: int) -> bool:
        """A short span of capitalised words: a title or a name in marks, not a quotation."""
        words = _WORDS.findall(self.text, start, end)
        small = self.cues.title_function_words
        return len(words) <= 6 and all(w[0].isupper() or w.lower() in small for w in words)

    def term(self, open_at: int, start: int, end: int) -> bool:
        """A name for a thing in marks (`a "dirty bomb"`, `their own "green electricity"`):
        two words at most after an article, a possessive or a preposition."""
        if _word_count(self.text, start, end) > _MAX_TERM_WORDS:
            return False
        before = _WORDS.findall(self.text, max(0, open_at - 16), open_at)
        return bool(before) and before[-1].lower() in self.cues.term_leads

    # -- direct quotations ----------------------------------------------------------------

    def direct(self) -> list[_Found]:
        """Quoted spans with a cue after or before them, or opening their sentence."""
        found: list[_Found] = []
        by_chain: dict[int, list[_Found]] = {}
        for span in self.spans:
            start, end = trim_content(self.text, span.start, span.end)
            if end <= start:
                continue
            cut = self._unclosed_cue(span) if span.close_at is None else None
            attributed: tuple[str | None, Ref] | None
            if cut is not None:
                end, attributed = trim_content(self.text, start, cut[0])[1], (cut[1], cut[2])
            else:
                attributed = self._attribute(span, start, end)
            if attributed is None and found and self._continues(found[-1], span, start, end):
                attributed = found[-1].cue, found[-1].ref
            if attributed is None or end <= start:
                continue
            cue, ref = attributed
            item = _Found(start, end, "direct", cue, ref)
            found.append(item)
            by_chain.setdefault(span.chain, []).append(item)
            self.used.add(span.open_at)
        for items in by_chain.values():
            _share_chain_speaker(items)
        return found

    def _attribute(self, span: MarkedSpan, start: int, end: int) -> tuple[str | None, Ref] | None:
        sent = self.sentence_at(span.open_at)
        lead = self.text[sent.start : span.open_at].rstrip()
        if lead and lead[-1] not in ",:" and self.title_like(start, end):
            return None  # a name or title in marks inside a sentence (program "Yes I Do")
        if span.close_at is not None:
            after = self._cue_after(span)
            if after is not None and after[1].how == "none":
                # `"...", adding that said that ...`: a cue after it that names no one
                # gives way to one before it that does
                before = self._cue_before(span)
                if before is not None and before[1].how != "none":
                    return before
            if after is not None:
                return after
            named = self._said_next(span)
            if named is not None:
                return named
        before = self._cue_before(span)
        if before is not None:
            return before
        named = self._named_after(span) if span.close_at is not None else None
        if named is not None:
            return named
        opens_sentence = not lead
        if lead.endswith(":") and _word_count(self.text, start, end) >= 4:
            # `The court found ...: "..."`: the sentence's subject says it
            ref = read_speaker(
                self.index, sent.start, span.open_at - 1, appositive=False, verb=False
            )
            if ref.how != "none":
                return None, ref
        standalone = opens_sentence and _word_count(self.text, start, end) >= 2
        if standalone and not self.title_like(start, end):
            return None, Ref("context", span.open_at, span.open_at)
        return None

    def _continues(self, last: _Found, span: MarkedSpan, start: int, end: int) -> bool:
        """`"A," and "B."` / `"A," and that he "B"`: a quotation joined to the one before
        by a coordinator goes on with its speaker."""
        gap = self.text[last.end : span.open_at]
        words = [w.lower() for w in _WORDS.findall(gap)]
        if not words or words[0] not in self.cues.coordinators or len(words) > 3:
            return False
        if any(c in gap for c in ".;") or _word_count(self.text, start, end) < 3:
            return False
        rest = words[1:]
        if rest and self.cues.complementizer.fullmatch(rest[0]):
            rest = rest[1:]
        return all(w in self.cues.pronouns for w in rest)

    def _said_next(self, span: MarkedSpan) -> tuple[str | None, Ref] | None:
        """`"...." Hal itu disampaikan X.`: the next sentence names the speaker."""
        assert span.close_at is not None
        m = self.cues.said_next.match(self.text, span.close_at + 1)
        if m is None:
            return None
        ref = read_speaker(self.index, m.end())
        if ref.how == "none":
            return None
        words = list(_WORDS.finditer(self.text, m.start(), m.end()))
        self.cue_at.update(w.start() for w in words)
        return words[-1].group(), ref

    def _named_after(self, span: MarkedSpan) -> tuple[str | None, Ref] | None:
        """`"...." Ron Resnick (Chairman of X) remarked at the conference.`: a quotation
        ending its sentence, then a short sentence of a named subject and a cue."""
        assert span.close_at is not None
        text, close = self.text, span.close_at
        if text[close - 1 : close] not in ".!?":
            return None
        sent = self.sentence_at(close + 2)
        if sent.start <= close or text[close + 1 : sent.start].strip():
            return None
        cue = next(iter(self.after_cues.between(sent.start, sent.end)), None)
        if cue is None or not text[sent.start : sent.start + 1].isupper():
            return None
        subject = _BRACKETS.sub("", text[sent.start : cue.start()])
        rest = text[cue.end() : sent.end]
        words = _WORDS.findall(rest)
        if "," in subject or any(c in rest for c in ':"“”') or len(words) > _MAX_TAIL_WORDS:
            return None
        if words and words[0].lower() not in self.cues.speaker_stop:
            return None
        if words and self.cues.complementizer.fullmatch(words[0]):
            return None  # `Trump warned that ...` reports a clause of its own
        names = _WORDS.findall(subject)
        if len(names) > _MAX_NAMED_WORDS:
            return None
        if not all(w[0].isupper() or w.lower() in self.cues.titles for w in names):
            return None  # a subject with its own verb: `Trump hailed the report and said`
        ref = read_speaker(self.index, sent.start, cue.start())
        if ref.how not in ("entity", "name"):
            return None
        self.cue_at.add(cue.start())
        return cue.group(), ref

    def _unclosed_cue(self, span: MarkedSpan) -> tuple[int, str, Ref] | None:
        """`"Kami siap, kata Amran.` with the closing mark lost: the cue inside ends it at
        the comma before it (returned first, with the cue and its speaker)."""
        for m in self.after_cues.between(span.start, span.end):
            comma = self.text.rfind(",", span.start, m.start())
            if comma < 0 or self.text[comma + 1 : m.start()].strip():
                continue
            ref = self._after_ref(m)
            if ref.how == "none":
                continue
            self.cue_at.add(m.start())
            return comma, m.group(), ref
        return None

    def _cue_after(self, span: MarkedSpan) -> tuple[str | None, Ref] | None:
        """`"...," kata X` / `"...," katanya` / `"...," X said`."""
        assert span.close_at is not None
        text, cues = self.text, self.cues
        pos = _GAP.match(text, span.close_at + 1)
        q = pos.end() if pos else span.close_at + 1
        ended = text[span.close_at - 1 : span.close_at] == "."
        cue = cues.after_cue.match(text, q) or cues.speech_verb.match(text, q)
        if cue is not None:
            if ended and text[q].isupper():
                return None  # a new sentence, not a cue of this quotation
            self.cue_at.add(cue.start())
            return cue.group(), self._after_ref(cue)
        if ended:
            return None
        cue = cues.after_cue.search(text, q, q + _MAX_CUE_GAP) or cues.speech_verb.search(
            text, q, q + _MAX_CUE_GAP
        )
        if cue is None or self._negated(cue):
            return None  # `"...", and was admitted to hospital`: passive, no speaker
        subject = text[q : cue.start()]
        # `," Kipchoge said` / `," the minister said`, within the sentence
        if _SUBJECT_GAP.fullmatch(subject) and not _SENTENCE_END.search(subject):
            self.cue_at.add(cue.start())
            return cue.group(), read_speaker(self.index, q, cue.start())
        return None

    def _after_ref(self, cue: re.Match[str] | Hit) -> Ref:
        """The speaker of an after-cue: its clitic (katanya) or the phrase following it."""
        word = cue.group().lower()
        clitic = self.cues.clitic
        if clitic and word.endswith(clitic) and word[: -len(clitic)] in self.cues.after_cue_words:
            return Ref("clitic", cue.start(), cue.end(), person=True)
        # `demikian dikutip Reuters`: the passive verb stands between the cue and its speaker
        passive = self.cues.passive_lead.match(self.text, cue.end())
        return read_speaker(self.index, passive.end() if passive else cue.end())

    def _cue_before(self, span: MarkedSpan) -> tuple[str | None, Ref] | None:
        """`X mengatakan, "..."` / `told the public, "..."` / `saying "..."`."""
        text = self.text
        sent = self.sentence_at(span.open_at)
        lo = max(sent.start, span.open_at - 200)
        last: Hit | None = None
        for matches in (self.verbs, self.after_cues):
            for m in matches.between(lo, span.open_at):
                if not self.in_marks(m.start()) and (last is None or m.start() > last.start()):
                    last = m
        if last is None or not self._introduces(last.end(), span.open_at):
            return None
        start, end = trim_content(text, span.start, span.end)
        if self.title_like(start, end):
            return None
        if text[last.end() : span.open_at].strip(" ,:") and _word_count(text, start, end) < 2:
            return None  # `labelled it "outrageous"`: a single quoted term
        if self.term(span.open_at, start, end):
            return None
        self.cue_at.add(last.start())
        ref = read_speaker(self.index, self.subject_start(sent, last.start()), last.start())
        if ref.how == "none":
            ref = read_speaker(self.index, last.end(), span.open_at, verb=False)
        return last.group(), ref

    def _introduces(self, cue_end: int, open_at: int) -> bool:
        """Whether the words between a cue and an opening mark lead into the quotation."""
        gap = self.text[cue_end:open_at]
        if len(gap) > _MAX_CUE_GAP or any(c in gap for c in '"“”.;'):
            return False
        gap = gap.rstrip()
        tail = self.cues.complementizer.fullmatch(" " + gap[-8:])
        last = gap.rsplit(None, 1)[-1].lower() if gap else ""
        return not gap or gap[-1] in ",:" or tail is not None or last in self.cues.quote_introducers

    def subject_start(self, sent: Sentence, verb_at: int) -> int:
        """Where a verb's subject may begin: the sentence start or after a quotation."""
        start = sent.start
        for span in self.spans:
            close = span.close_at
            if close is not None and span.open_at in self.used and sent.start <= close < verb_at:
                start = close + 1
        return start

    # -- reported speech ------------------------------------------------------------------

    def indirect(self) -> list[_Found]:
        """Reported speech, one clause per sentence at most."""
        found: list[_Found] = []
        # only sentences holding a cue word can report speech
        cued = sorted(
            {
                self.sent_index(m.begin)
                for hits in (self.according, self.after_cues, self.verbs)
                for m in hits.matches
            }
        )
        for sent in (self.sents[i] for i in cued):
            for reader in (self._according_to, self._comma_cue, self._speech_verb):
                item = reader(sent)
                if item is not None:
                    found.append(item)
                    more = self._goes_on(item, sent)
                    if more is not None:
                        found.append(more)
                    break
        return found

    def _goes_on(self, item: _Found, sent: Sentence) -> _Found | None:
        """`X stated that A, saying that B`: a clause cut at a speech verb of its own reports
        more from the same speaker."""
        cut = self.cues.clause_break.match(self.text, item.end)
        if cut is None:
            return None
        verb = self.text[cut.start() : cut.end()].strip(" ,").lower()
        if verb not in self.cues.speech_verb_words:
            return None
        start = self._content_start(cut.end(), sent.end, verb)
        return self._clause(start, sent.end, verb, item.ref)

    def _clause(self, start: int, end: int, cue: str, ref: Ref) -> _Found | None:
        """The reported content ``text[start:end]`` as a quote, if it is a real clause."""
        cut = self.cues.clause_break.search(self.text, start, end)
        start, end = trim_content(self.text, start, cut.start() if cut else end)
        if _word_count(self.text, start, end) < _MIN_INDIRECT_WORDS:
            return None
        first = _WORDS.match(self.text, start)
        # `said that as ...` still reports; `states as ...` does not
        stop = first is not None and first.group().lower() in self.cues.content_stop
        if stop and not self._after_complementizer(start):
            return None
        if self.text[start] in '"“„«' and self._quoted_to(start, end):
            return None  # the whole content is a quotation: the direct quote covers it
        if self.text[start] in '"“„«' and self._only_quoted(start, end):
            return None  # `that "A," and that "B."`: the direct quotes cover it
        if first is not None and first.group().lower() in self.cues.speaker_stop:
            colon = self.text.find(":", start, end)
            if colon >= 0 and self.text[colon + 1 : colon + 3].strip()[:1] in '"“':
                return None  # `said at a press conference: "..."`: the quotation is all
        return _Found(start, end, "indirect", cue, ref)

    def _after_complementizer(self, start: int) -> bool:
        before = _WORDS.findall(self.text, max(0, start - 12), start)
        return bool(before) and self.cues.complementizer.fullmatch(before[-1]) is not None

    def _only_quoted(self, start: int, end: int) -> bool:
        """Whether outside its quotations ``text[start:end]`` holds only connectives."""
        outside, pos = [], start
        for span in self.spans:
            if span.close_at is not None and start <= span.open_at < end:
                outside.append(self.text[pos : span.open_at])
                pos = span.close_at + 1
        outside.append(self.text[pos:end])
        words = _WORDS.findall(" ".join(outside))
        glue = self.cues.coordinators
        return all(w.lower() in glue or self.cues.complementizer.fullmatch(w) for w in words)

    def _quoted_to(self, start: int, end: int) -> bool:
        return any(s.open_at == start and s.end >= end - 2 for s in self.spans)

    def _according_to(self, sent: Sentence) -> _Found | None:
        """`Menurut X, ...` / `..., according to X.` / `A menurut X B`."""
        for m in self.according.between(sent.start, sent.end):
            if self.in_marks(m.start()) or self._in_relative(m.start()):
                continue
            if m.clitic:
                ref = Ref("pronoun", m.start(), m.end(), person=True)
            else:
                # `Menurut X, ...` names X up to the comma, whatever words it holds
                ref = read_speaker(
                    self.index, m.end(), self._phrase_end(m.end(), sent.end), verb=False
                )
            if ref.how == "none":
                continue
            item = self._around(sent, m.start(), ref, m.group())
            if item is not None:
                return item
        return None

    def _in_relative(self, pos: int) -> bool:
        """`kasus yang menurutnya tidak ...` / `the plane that according to X was ...`: a
        source inside a relative clause qualifies a noun, it opens no reported clause."""
        before = _WORDS.findall(self.text, max(0, pos - 12), pos)
        return bool(before) and before[-1].lower() in self.cues.relatives

    def _phrase_end(self, start: int, end: int) -> int | None:
        """The comma that ends `Menurut X,` / `According to a member, David Franczyk,`: the
        first one not followed by a capitalised name; None when there is no such comma."""
        limit = min(end, start + 120)
        comma = self.text.find(",", start, limit)
        while comma >= 0 and _CAPITAL_NEXT.match(self.text, comma + 1):
            later = self.text.find(",", comma + 1, limit)
            if later < 0:
                return comma
            comma = later
        return comma if comma >= 0 else None

    def _around(
        self, sent: Sentence, cue_at: int, ref: Ref, cue: str, after_cue: bool = False
    ) -> _Found | None:
        """Content after the speaker phrase, or else the words before the cue."""
        after = _LEAD.match(self.text, ref.end)
        start = after.end() if after else ref.end
        # `A, demikian X ...` closes what it reports: the content is never after it
        closing = cue.lower() in self.cues.cue_needs_name
        closing = closing or (after_cue and self._phrase_goes_on(ref.end, start))
        item = None if closing else self._clause(start, sent.end, cue, ref)
        # `A, kata X` with X named is reliable; after `said the statement` the words before the
        # comma may be the subject with its apposition instead
        named = ref.how == "entity" or not self._named_subject(sent.start, cue_at)
        if item is None and cue_at > sent.start and named:
            item = self._clause(sent.start, cue_at, cue, ref)
        return item

    def _phrase_goes_on(self, end: int, start: int) -> bool:
        """`kata Sekretaris Atase Pers ... Jerman di Indonesia, X`: words after the speaker
        that open with a stop word (`di`, `dalam`) and no comma still place the speaker."""
        first = _WORDS.match(self.text, start)
        return (
            first is not None
            and "," not in self.text[end:start]
            and first.group().lower() in self.cues.speaker_stop
            and first.group().lower() not in self.cues.anaphoric
        )

    def _named_subject(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` opens with a name and its apposition (`Colin Rubenstein,
        executive director of ...,`): the subject of the cue, not what it reports."""
        lead = _LEAD.match(self.text, start)
        at = lead.end() if lead else start
        first = next(iter(self.index.inside(at, end)), None)
        return first is not None and first.start == at and self.text.startswith(",", first.end)

    def _comma_cue(self, sent: Sentence) -> _Found | None:
        """`A, kata X, B.` / `A, katanya.` / `A, said X.` outside quotation marks.

        Without the comma (`Salah satu hal ... kata Bamsoet, adalah ...`) the cue counts only
        when a named speaker follows it at once.
        """
        text = self.text
        for m in self.after_cues.between(sent.start, sent.end):
            if m.start() in self.cue_at or self.in_marks(m.start()):
                continue
            ref = self._after_ref(m)
            if ref.how == "none" or not self._names_next(m):
                continue
            # `A, argued X.` is an inverted cue; `, announced X as ...` is none
            rest = text[ref.end : sent.end].strip(" .!?\"'”’")
            if rest and m.group().lower() in self.cues.needs_complementizer:
                continue
            if ref.how == "pronoun" and self._clause_goes_on(rest):
                continue  # `A, stated they did not ...`: the pronoun is the next subject
            comma = text.rfind(",", sent.start, m.start())
            cue_at = comma
            if comma < 0 or text[comma + 1 : m.start()].strip():
                if ref.how != "entity" or text[m.end() : ref.pos].strip():
                    continue
                if not text[ref.end : sent.end].lstrip().startswith(","):
                    continue  # `klaim Rusia diragukan`: a noun, not an inverted cue
                cue_at = m.start()
            elif self._closes_quote(comma):
                continue
            item = self._around(sent, cue_at, ref, m.group(), after_cue=True)
            if item is not None:
                return item
        return None

    def _clause_goes_on(self, rest: str) -> bool:
        """Whether words after an inverted cue's speaker go on with its clause: a word that
        neither ends the speaker phrase (`kepada`, `at`) nor follows a comma."""
        first = _WORDS.match(rest)
        return first is not None and first.group().lower() not in self.cues.speaker_stop

    def _names_next(self, cue: Hit) -> bool:
        """Whether a cue that needs one has a name or another cue word right after it:
        `demikian Reuters` reports, `demikian julukan X` does not."""
        if cue.group().lower() not in self.cues.cue_needs_name:
            return True
        nxt = _WORDS.search(self.text, cue.end(), cue.end() + 40)
        if nxt is None:
            return False
        word = nxt.group()
        return word[:1].isupper() or word.lower() in self.cues.name_next_ok

    def _closes_quote(self, pos: int) -> bool:
        """Whether a quotation taken as a quote closes right before ``pos``."""
        return any(
            s.close_at is not None and pos - 2 <= s.close_at <= pos and s.open_at in self.used
            for s in self.spans
        )

    def _speech_verb(self, sent: Sentence) -> _Found | None:
        """`X mengatakan (kepada Y) (bahwa) ...` / `X said (that) ...`."""
        for m in self.verbs.between(sent.start, sent.end):
            if self.in_marks(m.start()) or m.start() in self.cue_at or self._negated(m):
                continue
            ref = read_speaker(self.index, self.subject_start(sent, m.start()), m.start())
            if ref.how in ("none", "context"):
                continue
            if not self.text[m.end() : sent.end].strip(_CLOSERS):
                # `A, he claims.`: the verb ends the sentence, its content comes before it
                item = self._content_before(sent, m)
                if item is not None:
                    return item
                continue
            start = self._content_start(m.end(), sent.end, m.group())
            verb = m.group().lower()
            if verb in self.cues.needs_complementizer and self._unmarked_object(m, start, sent.end):
                continue
            if self._another_verb_soon(start, sent.end):
                continue  # `IRNA reported the head, X, said that ...`: the later verb reports
            item = self._clause(start, sent.end, m.group(), ref)
            if item is None:
                item = self._content_before(sent, m)
            if item is not None:
                return item
        return None

    def _another_verb_soon(self, start: int, end: int) -> bool:
        """Whether the content's first words end in `, said`: a subject with its own verb."""
        words = list(_WORDS.finditer(self.text, start, min(end, start + 80)))[:8]
        stop = words[-1].end() if words else start
        return any(
            not self.in_marks(v.begin)
            and self.text[start : v.begin].rstrip().endswith(",")
            and not self._breaks_clause(v)
            for v in self.verbs.between(start, stop)
        )

    def _breaks_clause(self, verb: Hit) -> bool:
        """`..., saying that ...`: a verb that opens a clause of its own after a comma."""
        comma = self.text.rfind(",", 0, verb.begin)
        return comma >= 0 and self.cues.clause_break.match(self.text, comma) is not None

    def _negated(self, verb: Hit | re.Match[str]) -> bool:
        """`tidak mengakui` / `enggan mengatakan` / `did not say`: no speech reported."""
        before = _WORDS.findall(self.text, max(0, verb.start() - 16), verb.start())
        return bool(before) and before[-1].lower() in self.cues.negations

    def _content_before(self, sent: Sentence, verb: Hit) -> _Found | None:
        """`A, kata polisi.` / `A, the court said.`: the verb ends the sentence, the content
        comes before the comma and the speaker between the comma and the verb."""
        text = self.text
        if text[verb.end() : sent.end].strip(_CLOSERS):
            return None
        comma = text.rfind(",", sent.start, verb.start())
        if comma <= sent.start or self.in_marks(comma):
            return None
        between = _WORDS.findall(text, comma + 1, verb.start())
        if any(w.lower() in self.cues.relatives for w in between):
            return None  # `A, which he denied.`: a relative clause comments on A
        ref = read_speaker(self.index, comma + 1, verb.start())
        if ref.how in ("none", "context"):
            return None
        return self._clause(sent.start, comma, verb.group(), ref)

    def _content_start(self, pos: int, end: int, verb: str = "") -> int:
        """Skip adverbs, a recipient phrase, punctuation and `bahwa` after a speech verb."""
        text, cues = self.text, self.cues
        words = list(_WORDS.finditer(text, pos, min(end, pos + 80)))
        i = 0
        while i < len(words) and words[i].group().lower() in cues.adverbs:
            i += 1
        if verb.lower() in cues.recipient_verbs:
            i = _skip_hearer(words, i, cues)
        if i:
            pos = words[i - 1].end()
        comp = cues.complementizer.search(text, pos, min(end, pos + 60))
        before = list(_WORDS.finditer(text, pos, comp.start())) if comp else []
        if comp is not None and before and before[-1].group() in cues.speaker_stop:
            comp = None  # `of that decision`: a determiner after a preposition
        if comp is not None and self.in_marks(comp.start()):
            comp = None  # `called it "a sign that ..."`: quoted words are not the verb's
        near = comp is not None and len(before) <= 6
        if (
            comp is not None
            and near
            and ("," not in text[pos : comp.start()] or self._recipient(words, i))
        ):
            return comp.end()
        if self._recipient(words, i):
            comma = text.find(",", pos, min(end, pos + 60))
            if comma >= 0:
                return comma + 1
        lead = _LEAD.match(text, pos)
        pos = lead.end() if lead else pos
        comp = cues.complementizer.match(text, pos)
        return comp.end() if comp else pos

    def _unmarked_object(self, verb: Hit, start: int, end: int) -> bool:
        """Whether a verb that may take a plain object (one of `needs_complementizer`) has
        one: no `bahwa`/`that`, comma or colon before its content, and no clause there either
        (an appeal never counts)."""
        if self._marked(verb.end(), start):
            return False
        return verb_requests(self.cues, verb) or not self._clause_follows(start, end)

    def _clause_follows(self, start: int, end: int) -> bool:
        """Whether a clause opens at ``start``: a modal or an auxiliary after its first
        words (`menyebut kinerja layar bisa ...`, `denied the threat had occurred`), with no
        preposition or relative before it that would make them a plain object."""
        cues = self.cues
        words = [w.lower() for w in _WORDS.findall(self.text, start, min(end, start + 60))]
        blockers = cues.relatives | cues.quote_introducers | cues.clause_blockers
        for i, word in enumerate(words[: _MAX_SUBJECT_BEFORE_MODAL + 1]):
            if word in cues.clause_markers:
                return i > 0
            if word in blockers:
                return False
        return False

    def _marked(self, verb_end: int, content_at: int) -> bool:
        """Whether `bahwa`/`that`, a comma or a colon stands between a verb and its content."""
        between = self.text[verb_end:content_at]
        return "," in between or ":" in between or bool(self.cues.complementizer.search(between))

    def _recipient(self, words: list[re.Match[str]], i: int) -> bool:
        return i < len(words) and words[i].group().lower() in self.cues.recipient

    # -- quotations inside reported speech -------------------------------------------------

    def embedded(self, found: list[_Found]) -> list[_Found]:
        """Quoted passages inside reported speech, given to the same speaker."""
        clauses = [f for f in found if f.kind == "indirect"]
        out: list[_Found] = []
        for span in self.spans:
            if span.open_at in self.used:
                continue
            start, end = trim_content(self.text, span.start, span.end)
            if _word_count(self.text, start, end) < 2 or self.title_like(start, end):
                continue
            if self.term(span.open_at, start, end):
                continue
            host = next((c for c in clauses if c.start <= span.open_at < c.end), None)
            if host is not None:
                out.append(_Found(start, end, "direct", host.cue, host.ref))
                self.used.add(span.open_at)
        return out


def verb_requests(cues: LanguageCues, verb: Hit) -> bool:
    """`mengimbau warga harus ...`: an appeal, an event rather than reported speech."""
    return verb.group().lower() in cues.requests


def _skip_hearer(words: list[re.Match[str]], i: int, cues: LanguageCues) -> int:
    """Past the hearer after `told`: a name (`the Associated Press`, `media network
    EURACTIV`: up to two nouns before it), a determiner and its noun, or one noun."""
    n = len(words)
    if i < n and cues.complementizer.fullmatch(words[i].group()):
        return i  # `warned that ...`: no hearer named
    if i < n and words[i].group().lower() in cues.anaphoric:
        i += 1
    j = i
    while j < min(n, i + 2) and words[j].group().islower():
        j += 1
    if j < n and words[j].group()[0].isupper():
        while j < n and words[j].group()[0].isupper():
            j += 1
        return j
    return min(i + 1, n)


class _Matches:
    """One kind of cue's hits over a text, sliced by offset."""

    def __init__(self, hits: list[Hit]) -> None:
        self.matches = hits
        self.starts = [m.begin for m in hits]

    def between(self, start: int, end: int) -> list[Hit]:
        """Matches starting in ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end, lo)
        return self.matches[lo:hi]


def _share_chain_speaker(items: list[_Found]) -> None:
    """A quotation with no cue takes the speaker of the nearest cued one before it in its
    paragraph, else of the next one (a quotation over paragraphs is cued at its end)."""
    for i, item in enumerate(items):
        if item.ref.how != "context":
            continue
        before = [f for f in items[:i] if f.ref.how != "context"]
        after = [f for f in items[i + 1 :] if f.ref.how != "context"]
        source = before[-1] if before else after[0] if after else None
        if source is not None:
            item.ref, item.cue = source.ref, source.cue


def _dedupe(found: list[_Found]) -> list[_Found]:
    """One quote per span: a direct quote wins over reported speech with the same words."""
    direct = [(f.start, f.end) for f in found if f.kind == "direct"]
    out: list[_Found] = []
    seen: set[tuple[int, int]] = set()
    for f in sorted(found, key=lambda f: (f.start, f.kind != "direct")):
        key = (f.start, f.end)
        if key in seen:
            continue
        if f.kind == "indirect" and any(s - 1 <= f.start and f.end <= e + 1 for s, e in direct):
            continue
        seen.add(key)
        out.append(f)
    return out


def _resolve(found: list[_Found], index: SpeakerIndex) -> tuple[Quote, ...]:
    """Speakers in text order of their cues, each becoming salient for the next pronoun."""
    speakers: dict[int, Speaker] = {}
    for i in sorted(range(len(found)), key=lambda i: found[i].ref.pos):
        ref = found[i].ref
        speaker = index.resolve(ref)
        speakers[i] = speaker
        # an organisation speaking through a person's role may be `he` next
        index.note(ref.pos, speaker, index.is_person(speaker) or ref.role)
    text = index.text
    quotes = [
        Quote(text[f.start : f.end], f.start, f.end, f.kind, f.cue, speakers[i])
        for i, f in enumerate(found)
    ]
    quotes.sort(key=lambda q: (q.start, q.end))
    return tuple(quotes)
