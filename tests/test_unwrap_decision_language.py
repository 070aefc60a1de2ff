"""Rejoining hard-wrapped lines, the final keep/drop policy, and the language guess."""

from __future__ import annotations

from cleaner.decision import final_keep
from cleaner.language import guess_language, iso_code, vote_language
from cleaner.segment import blocks_of

WRAPPED = """Gym equipment refers to the various machines, tools, and accessories used in a
fitness facility to help individuals achieve their fitness goals. These
equipment are designed to target different muscle groups.

Cardio Machines
Treadmills are one of the most popular machines."""


def test_unwrap_joins_a_paragraph_cut_mid_sentence() -> None:
    blocks = blocks_of(WRAPPED)
    assert [b.text[:20] for b in blocks] == [
        "Gym equipment refers",
        "Cardio Machines",
        "Treadmills are one o",
    ]
    assert blocks[0].text.endswith("target different muscle groups.")
    assert [b.index for b in blocks] == [0, 1, 2]


def test_unwrap_leaves_one_paragraph_per_line_alone() -> None:
    text = (
        "The attack came as talks to end the war hit hurdles, officials said on Monday 2025\n"
        '"Ukraine will not recognize the occupation," Zelensky told reporters on Tuesday.\n'
        "Menu\nHome\nNews"
    )
    assert len(blocks_of(text)) == 5


def test_final_keep_without_scores_follows_the_heuristics_and_marks() -> None:
    keep = final_keep([True, True, False], [False, True, False], [False] * 3, None)
    assert keep == [True, False, False]


def test_final_keep_model_overrides_only_when_confident() -> None:
    heuristic = [True, True, False, False]
    scores = [0.05, 0.3, 0.4, 0.9]
    keep = final_keep(heuristic, [False] * 4, [False] * 4, scores, low=0.1, high=0.5)
    assert keep == [False, True, False, True]


def test_subheading_stays_with_its_paragraph() -> None:
    heuristic = [True, True, True]
    keep = final_keep(heuristic, [False] * 3, [False, True, False], [0.9, 0.0, 0.9], 0.1, 0.5)
    assert keep == [True, True, True]
    # ...but not when the paragraph it introduces is dropped.
    keep = final_keep(heuristic, [False] * 3, [False, True, False], [0.9, 0.0, 0.0], 0.1, 0.5)
    assert keep == [True, False, False]


def test_language_guess() -> None:
    assert guess_language("The dog is in the house and it does not want to go out.") == "English"
    assert guess_language("Der Hund ist nicht in der Stadt, und die Katze auch nicht.") == "German"
    assert guess_language("Le chien est dans la maison avec les enfants et il mange.") == "French"
    assert iso_code("German") == "de"
    # A name repeated many times must not outvote the prose around it.
    footer = "Gym in Ewing, New Jersey. " * 200
    prose = (
        "This guide is for people who are new to the gym and want to know what to do. "
        "Walking into a gym and seeing a sea of machines can be overwhelming, but it "
        "should not be: each of them has a purpose, and we will explain what it is."
    )
    assert guess_language(footer + prose) == "English"


PROSE_EN = (
    "This guide is for people who are new to the gym and want to know what to do. "
    "Walking into a gym and seeing a sea of machines can be overwhelming, but it "
    "should not be: each of them has a purpose, and we will explain what it is."
)


def test_language_guess_reads_pages_the_stoplist_vote_misread() -> None:
    # A page of results, names and numbers: Finnish's stoplist holds many English words
    # and names, and won the vote.
    results = "\n".join(
        [
            "GIRLS BASKETBALL",
            "Harbour City d. Westport 70-44",
            "Westport 14 11 6 15 — 44",
            "Harbour City (1-0): Tolivert 25 points. Davis 17 points. Burgher 10 points",
            "Westport (0-1): Blakely 15 points. Devoe 2 points. Baker 6 points.",
            "BOYS SOCCER",
            "Viera d. Lakeside 3-1",
            "Viera (4-0): K. Hupfer 1 goal. L. Patikas 1 goal. Z. Nielsen 1 goal.",
            "Lakeside (3-1): C. Martinez 1 goal. D. Robbins 1 save.",
            "Terms of Service Privacy Notice",
        ]
    )
    assert vote_language(results) == "Finnish"
    assert guess_language(results) == "English"
    # Two English paragraphs under a French menu.
    menu = "Rechercher\nMenu\nNos défis\nRecherche et innovation\nLes actualités\n"
    page = (
        menu + "À propos de nous\nInternet des objets\n"
        "The Internet of Things is the interconnection between the Internet and objects, "
        "places and physical environments.\n"
        "Connected objects and sensor networks capture and transmit data.\n"
    )
    assert vote_language(page) == "French"
    assert guess_language(page) == "English"
    # A template's lorem ipsum is not the page's language.
    lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod. " * 6
    assert guess_language(lorem + PROSE_EN * 2) == "English"


def test_language_guess_survives_control_characters() -> None:
    assert guess_language("\x00\x80" + PROSE_EN) == "English"
    assert guess_language("\x0b\x0c\x1f" * 100) == "English"  # no words: the fallback
