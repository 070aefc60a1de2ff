"""Per-block measurements: pure functions of one block's text and the stoplist,
computed by the Rust core for a whole page at once (`rust/src/features.rs`).

Text dumps carry no markup, so link density is replaced by URL/handle density.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner import _core


@dataclass(frozen=True, slots=True)
class Features:
    chars: int
    """The block's length in characters, a Han, kana or Hangul character counted as
    two (`WIDE_CHAR_WEIGHT` in `rust/src/features.rs`): the lengths jusText's labels
    compare with were set on European text."""
    words: int
    stopwords: int
    stopword_density: float
    ends_sentence: bool
    capitalised_share: float
    url_density: float
    digit_share: float
    sentences: int

    @property
    def headline_like(self) -> bool:
        """Short, no closing punctuation: a heading, a menu item or a label."""
        return not self.ends_sentence and self.words <= HEADLINE_MAX_WORDS


BLOCK_MEMO = 8192
"""How many blocks' per-block results (fold keys, comment line kinds) are remembered:
a page's worth (the dev pages have at most a few thousand blocks), so settling a body
(cleaner.settle) recomputes none of them, and a batch none of a site's recurring lines.
A few MB."""

HEADLINE_MAX_WORDS = 20
"""News headlines rarely pass 20 words (median ~10 on the development sets). The core
holds the same constant (`features::HEADLINE_MAX_WORDS`)."""


def measure_all(texts: Sequence[str], stoplist: _core.Stoplist) -> list[Features]:
    """Each block's measures: characters, words, stopwords and their density, a closing
    punctuation mark (not a teaser's ellipsis), the share of capitalised words, URLs and
    handles per word, the share of digits, and sentence ends."""
    return [Features(*row) for row in _core.measure_all(list(texts), stoplist)]


def measure_page(
    texts: Sequence[str], stoplist: _core.Stoplist
) -> tuple[list[Features], _core.MeasuredPage]:
    """`measure_all`, and the page as the core holds it for the steps it runs on the
    whole page (`cleaner.page.Page.in_core`)."""
    measured = _core.measure_page(list(texts), stoplist)
    return [Features(*row) for row in measured.rows()], measured


def measure(text: str, stoplist: _core.Stoplist) -> Features:
    """One block's measures (`measure_all`)."""
    return measure_all([text], stoplist)[0]
