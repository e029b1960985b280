"""Patterns from the second held-out audit: who heads a speaker phrase, places and credits
that are no speakers, terms in marks, and clauses reported without `bahwa` or `that`."""

from __future__ import annotations

import pytest

from warta.quotes import QuoteResources, find_quotes
from warta.records import Quote

from .build import EntitySpec, article

BUDI = ("Budi Santoso", "PER", ["Budi"])
RATNA = ("Ratna Dewi", "PER", ["Ratna"])
LAB = ("Garuda Lab", "PER", [])  # an organisation the entity stage typed as a person
SPAIN = ("Spanyol", "LOC", [])
WIRE = ("AFP", "ORG", [])
CLUB = ("Persija", "ORG", [])
GREY = ("Tom Grey", "PER", ["Grey"])
ANNA = ("Anna Holt", "PER", ["Holt"])
FORD = ("Mark Ford", "PER", ["Ford"])
AGENCY = ("Water Agency", "ORG", ["agency"])
BMKG = ("BMKG", "ORG", [])
UNIT = ("Biro Hukum BMKG", "ORG", [])
FED = ("The Fed", "ORG", [])
REUTERS = ("Reuters", "ORG", [])


def quotes(res: QuoteResources, text: str, lang: str, ents: tuple[EntitySpec, ...]) -> list[Quote]:
    found = list(find_quotes(article(text, lang, ents), res))
    for q in found:
        assert text[q.start : q.end] == q.text
    return found


def speakers(res: QuoteResources, text: str, lang: str, ents: tuple[EntitySpec, ...]) -> list:
    return [q.speaker.name for q in quotes(res, text, lang, ents)]


@pytest.mark.parametrize(
    ("text", "lang", "ents", "who"),
    [
        # the person right before the verb heads titles and an organisation before it
        (
            "Kepada wartawan, pendiri dan CEO Garuda Lab Budi Santoso mengungkapkan kantor baru "
            "akan dibuka di Padang.",
            "id",
            (LAB, BUDI),
            "Budi Santoso",
        ),
        # titles lead from an organisation typed as a person to the name they belong to
        (
            '"Kami sudah mencapai target tahun ini," kata Garuda Lab CEO Budi Santoso.',
            "id",
            (LAB, BUDI),
            "Budi Santoso",
        ),
        # a name right after the cue is the speaker; the apposition after it describes him
        (
            '"The land has been paid for twice," said Mark Ford, vice president, Tom Grey.',
            "en",
            (FORD, GREY),
            "Mark Ford",
        ),
        # the agent of a passive inside the subject is not who speaks
        (
            "The author, Mark Ford, appointed to the task by President Grey, commented by saying, "
            '"The report will be public next month."',
            "en",
            (FORD, GREY),
            "Mark Ford",
        ),
        # `lawyer and activist` are two roles of one speaker, not the end of the phrase
        (
            '"This is only a show," said analyst and rights activist Tom Grey.',
            "en",
            (GREY,),
            "Tom Grey",
        ),
        # in English a relation noun before a name is a title (`lawyer X`), not `X's lawyer`
        (
            'Holt opened the session. "This is only a show," said lawyer Tom Grey.',
            "en",
            (ANNA, GREY),
            "Tom Grey",
        ),
    ],
)
def test_speaker_is_the_head_of_the_phrase(res, text, lang, ents, who):
    got = speakers(res, text, lang, ents)
    assert got[-1:] == [who]


@pytest.mark.parametrize(
    ("text", "ents", "who"),
    [
        # a wire credit before the comma: the subject after it speaks
        (
            "Seperti dilansir AFP pada Senin lalu, Persija menilai pemain itu tidak bersalah.",
            (WIRE, CLUB),
            "Persija",
        ),
        # a medium passing on a statement: the one it quotes from speaks
        (
            '"Suku bunga naik seperempat persen," demikian dikutip Reuters dari pernyataan '
            "resmi The Fed.",
            (REUTERS, FED),
            "The Fed",
        ),
        # a unit speaks for its organisation
        (
            'BMKG mencatat gempa itu. "Kabar gempa susulan itu tidak benar," kata Biro Hukum BMKG.',
            (UNIT, BMKG),
            "BMKG",
        ),
    ],
)
def test_credits_and_units_give_way_to_the_institution(res, text, ents, who):
    assert speakers(res, text, "id", ents) == [who]


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        (
            "Sebelumnya, pihak jaksa di Spanyol menyatakan pemain itu menghindari pajak.",
            "id",
            SPAIN,
        ),
        (
            "The blast hit the market in the Kandahar city area, with early reports saying "
            "that it was a car bomb.",
            "en",
            ("Kandahar", "LOC", []),
        ),
    ],
)
def test_a_place_inside_a_generic_subject_is_no_speaker(res, text, lang, place):
    assert all(q.speaker.name is None for q in quotes(res, text, lang, (place,)))


def test_a_state_heading_its_subject_still_speaks(res):
    text = "Sementara Spanyol meyakini kedua tentara itu masih hidup."
    state = ("Spanyol", "LOC", [])
    assert speakers(res, text, "id", (state,)) == ["Spanyol"]


@pytest.mark.parametrize(
    ("text", "lang", "ents", "who"),
    [
        # `sang aktor` points back to the person quoted last
        (
            '"Saya datang ke rumahnya," kata Budi. Sang aktor melanjutkan, "Kami berlatih di '
            'halaman."',
            "id",
            (BUDI,),
            ["Budi Santoso", "Budi Santoso"],
        ),
        # a role ending a few words on with `itu` points back (`Pebalap asal X itu`)
        (
            "Ratna menang di Sepang. Pebalap asal Spanyol itu mengatakan bahwa trek sangat licin.",
            "id",
            (RATNA, SPAIN),
            ["Ratna Dewi"],
        ),
        # `mereka` after one person quoted is not that person
        (
            "Budi mengatakan bukti itu didapat di bawah tekanan. Mereka mengatakan bahwa hakim "
            "harus membukanya.",
            "id",
            (BUDI,),
            ["Budi Santoso", None],
        ),
        # an organisation speaking through its spokesman is `he` next
        (
            'A spokesman for the Water Agency confirmed the leak by saying that "the pipes '
            'burst." He added, "Crews are on the scene."',
            "en",
            (AGENCY,),
            ["Water Agency", "Water Agency"],
        ),
    ],
)
def test_words_that_point_back(res, text, lang, ents, who):
    assert speakers(res, text, lang, ents) == who


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('Grey said the group had planned a "dirty bomb" attack on the port.', "dirty bomb"),
        ('Grey says the board will not meet if it is only a "talking shop".', "talking shop"),
        ('Grey said the council could make its own "green electricity" soon.', "green electricity"),
    ],
)
def test_a_short_term_in_marks_after_an_article_is_no_quote(res, term, text):
    found = quotes(res, text, "en", (GREY,))
    assert [q.kind for q in found] == ["indirect"] and term not in [q.text for q in found]


def test_a_short_phrase_the_speaker_used_stays_a_quote(res):
    text = 'On Friday Grey said he remained "cautiously optimistic" a deal would be reached.'
    found = quotes(res, text, "en", (GREY,))
    assert "cautiously optimistic" in [q.text for q in found if q.kind == "direct"]


@pytest.mark.parametrize(
    ("text", "lang", "ents", "said"),
    [
        (
            "Garuda Lab menyebut kinerja layar bisa memakan 80 persen daya baterai.",
            "id",
            (("Garuda Lab", "ORG", []),),
            "kinerja layar bisa memakan 80 persen daya baterai",
        ),
        (
            "Ford denied the threat had occurred during the talks.",
            "en",
            (FORD,),
            "the threat had occurred during the talks",
        ),
        (
            "Ford claims, however, that his report is similar to the leaked draft.",
            "en",
            (FORD,),
            "his report is similar to the leaked draft",
        ),
    ],
)
def test_a_clause_is_reported_without_a_complementizer(res, text, lang, ents, said):
    assert [q.text for q in quotes(res, text, lang, ents)] == [said]


@pytest.mark.parametrize(
    "text",
    [
        "Ia memilih berdagang daripada melanjutkan sekolah ke SMP karena tak ada biaya.",
        "Perusahaan itu ingin memastikan game ini lebih istimewa dari pesaingnya.",
        "Ratna mengimbau seluruh warga harus menjaga kebersihan lingkungan.",
    ],
)
def test_plain_objects_wants_and_appeals_report_nothing(res, text):
    assert quotes(res, text, "id", (RATNA,)) == []


def test_quotes_joined_by_and_share_their_speaker(res):
    text = (
        'Ford commented by saying, "He will render his report soon," and "that will be '
        'there for history."'
    )
    found = quotes(res, text, "en", (FORD,))
    assert [(q.kind, q.speaker.name) for q in found] == [("direct", "Mark Ford")] * 2


def test_content_made_only_of_quotations_is_no_indirect_quote(res):
    text = (
        'Ford confirmed the reports by saying that "the pipes burst," and that "nobody was hurt."'
    )
    found = quotes(res, text, "en", (FORD,))
    assert [q.kind for q in found] == ["direct", "direct"]


def test_a_named_sentence_after_a_quotation_gives_its_speaker(res):
    text = (
        'Holt opened the meeting. "The network is new and needs many operators." Tom Grey '
        "(chairman of the forum) remarked at the press conference."
    )
    assert speakers(res, text, "en", (ANNA, GREY)) == ["Tom Grey"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('Budi mencuit, "Semoga lancar sampai hari H."', "mencuit"),
        ('"Semoga lancar sampai hari H," cuit Budi di Twitter.', "cuit"),
    ],
)
def test_tweets_are_cues(res, text, cue):
    found = quotes(res, text, "id", (BUDI,))
    assert [(q.cue, q.speaker.name) for q in found] == [(cue, "Budi Santoso")]


def test_a_common_noun_opening_the_sentence_is_no_name(res):
    text = "Sebuah studi di Amerika menyatakan stroke makin kerap menyerang kaum muda."
    assert quotes(res, text, "id", (("Amerika", "LOC", []),)) == []


def test_a_name_the_text_repeats_may_open_the_sentence(res):
    text = (
        "Banjir melanda ibu kota negara Bangladesh. Bangladesh mempertahankan pendapatnya dan "
        "mengatakan bahwa pulau itu layak huni."
    )
    assert speakers(res, text, "id", ()) == ["Bangladesh"]


def test_a_pronoun_opening_the_next_clause_is_no_inverted_speaker(res):
    text = "In a report last year, Tom Grey, head of the firm, stated they would stay in Poland."
    found = quotes(res, text, "en", (GREY,))
    assert [(q.text, q.speaker.name) for q in found] == [("they would stay in Poland", "Tom Grey")]


def test_a_cue_before_the_quotation_wins_over_the_next_sentence(res):
    text = (
        'Grey said at a press conference: "The officers were in danger." Holt has called for '
        "an inquiry."
    )
    assert speakers(res, text, "en", (GREY, ANNA)) == ["Tom Grey"]


def test_a_clause_cut_at_saying_goes_on_with_the_same_speaker(res):
    text = (
        "Ford stated that sales fell last year, saying that labels had called him their "
        '"saviour of the industry" and had forgotten "that players are only for the road."'
    )
    found = quotes(res, text, "en", (FORD,))
    assert [(q.kind, q.cue) for q in found] == [
        ("indirect", "stated"),
        ("indirect", "saying"),
        ("direct", "saying"),
        ("direct", "saying"),
    ]
    assert {q.speaker.name for q in found} == {"Mark Ford"}


@pytest.mark.parametrize(
    "text",
    [
        'Holt spoke first. "The plan is ready." Grey hailed the report and warned that the '
        "costs could rise.",
        "Grey hailed the report on Twitter and warned that the costs could rise.",
    ],
)
def test_warned_that_reports_its_own_clause(res, text):
    found = quotes(res, text, "en", (ANNA, GREY))
    assert ("the costs could rise", "Tom Grey") in [(q.text, q.speaker.name) for q in found]
    assert all(q.speaker.name != "Tom Grey" for q in found if q.kind == "direct")


def test_a_verb_ending_the_sentence_reports_what_comes_before(res):
    text = "An official was present during the interrogation, Grey claims."
    found = quotes(res, text, "en", (GREY,))
    assert [(q.text, q.speaker.name) for q in found] == [
        ("An official was present during the interrogation", "Tom Grey")
    ]


def test_a_relative_clause_before_the_verb_reports_nothing(res):
    text = "Grey was later accused of inciting the riot, which he denied."
    assert quotes(res, text, "en", (GREY,)) == []
