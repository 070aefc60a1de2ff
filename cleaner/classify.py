"""Block quality labels after jusText: a context-free label from the block's own
measures, then a revision of short and near-good blocks from their neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.features import Features
from cleaner.results import Label

# jusText 3.0 defaults (Pomikálek 2011, "Removing boilerplate and duplicate content
# from web corpora", tuned on CleanEval); lengths are in characters.
LENGTH_LOW = 70
LENGTH_HIGH = 200
STOPWORDS_LOW = 0.25
STOPWORDS_HIGH = 0.32
MAX_URL_DENSITY = 0.2

LANGUAGE_FREE_DENSITY = 0.08
"""Below this page-wide stopword density the stoplist does not fit the page (a
language jusText has no list for, or CJK text without spaces); classify by length
alone then, as jusText's language-independent mode does."""


SENTENCE_MIN_CHARS = 80
"""jusText wants 200 characters for a good block, but a dump has no link density to
tell teaser links from prose, and news paragraphs are often one 100-200 character
sentence; a finished sentence of this length with enough stopwords counts as good
(measured on the development sets: see README)."""

TITLE_CASE_SHARE = 0.7
TITLE_CASE_MIN_WORDS = 5
"""A line of five or more words, most of them capitalised, with no closing
punctuation, is a heading or a menu bar, never a paragraph (prose runs 10-30%
capitalised words); it is judged by its neighbours like any short block."""


def context_free(f: Features, *, use_stopwords: bool = True) -> Label:
    if f.url_density > MAX_URL_DENSITY:
        return Label.BAD
    if f.chars < LENGTH_LOW:
        return Label.SHORT
    if (
        not f.ends_sentence
        and f.words >= TITLE_CASE_MIN_WORDS
        and f.capitalised_share >= TITLE_CASE_SHARE
    ):
        return Label.SHORT
    if not use_stopwords:
        return Label.GOOD if f.chars > LENGTH_HIGH or f.ends_sentence else Label.NEAR_GOOD
    if f.stopword_density >= STOPWORDS_HIGH:
        long_enough = f.chars > LENGTH_HIGH or (f.ends_sentence and f.chars >= SENTENCE_MIN_CHARS)
        return Label.GOOD if long_enough else Label.NEAR_GOOD
    if f.stopword_density >= STOPWORDS_LOW:
        return Label.NEAR_GOOD
    return Label.BAD


def uses_stopwords(features: Sequence[Features]) -> bool:
    words = sum(f.words for f in features)
    stops = sum(f.stopwords for f in features)
    return words > 0 and stops / words >= LANGUAGE_FREE_DENSITY


def _nearest(labels: Sequence[Label], skip: frozenset[Label], step: int) -> list[Label]:
    """For each block, the label of its nearest neighbour in one direction whose label is
    not in `skip`; BAD past the page's edge (jusText's convention). One linear pass."""
    out = [Label.BAD] * len(labels)
    seen = Label.BAD
    order = range(len(labels)) if step > 0 else range(len(labels) - 1, -1, -1)
    for i in order:
        out[i] = seen
        if labels[i] not in skip:
            seen = labels[i]
    return out


_SHORT = frozenset({Label.SHORT})
_SHORT_OR_NEAR = frozenset({Label.SHORT, Label.NEAR_GOOD})


def revise(labels: Sequence[Label]) -> list[Label]:
    """jusText's context pass: short and near-good blocks take their neighbours' side."""
    prev_firm = _nearest(labels, _SHORT_OR_NEAR, 1)
    next_firm = _nearest(labels, _SHORT_OR_NEAR, -1)
    prev_any = _nearest(labels, _SHORT, 1)
    next_any = _nearest(labels, _SHORT, -1)
    out = list(labels)
    for i, label in enumerate(labels):
        prev, nxt = prev_firm[i], next_firm[i]
        if label is Label.SHORT:
            if prev is Label.GOOD and nxt is Label.GOOD:
                out[i] = Label.GOOD
            elif prev is Label.BAD and nxt is Label.BAD:
                out[i] = Label.BAD
            elif (prev is Label.BAD and prev_any[i] is Label.NEAR_GOOD) or (
                nxt is Label.BAD and next_any[i] is Label.NEAR_GOOD
            ):
                out[i] = Label.GOOD
            else:
                out[i] = Label.BAD
        elif label is Label.NEAR_GOOD:
            out[i] = Label.BAD if (prev, nxt) == (Label.BAD, Label.BAD) else Label.GOOD
    return out
