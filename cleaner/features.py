"""Per-block measurements: pure functions of one block's text and the stoplist.

Text dumps carry no markup, so link density is replaced by URL/handle density.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+", re.UNICODE)
# A bare domain is matched only from the start of a dotted run, with possessive loops:
# "\b\S+\.com" retried from every word boundary of a long token, quadratic in its length.
_URL = re.compile(
    r"https?://\S+|www\.\S+|(?<![\w.-])(?:[a-z0-9-]++\.)++(?:com|org|net|co)\b(?:/\S*+)?",
    re.I,
)
_HANDLE = re.compile(r"(?<!\w)[@#]\w+")
_TERMINAL = '.!?…。！？:;"”’»)'
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Features:
    chars: int
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
"""How many blocks' per-block results (measures, phrase category) are remembered: a
page's worth (the dev pages have at most a few thousand blocks), so settling a body
(cleaner.settle) recomputes none of them, and a batch none of a site's recurring lines.
A few MB."""

HEADLINE_MAX_WORDS = 20
"""News headlines rarely pass 20 words (median ~10 on the development sets)."""

_SENTENCE_END = re.compile(r"[.!?…。！？](?=\s|$)")


def _ends_sentence(text: str) -> bool:
    """Closing punctuation, but not the ellipsis of a truncated teaser."""
    text = text.rstrip()
    return text.endswith(tuple(_TERMINAL)) and not text.endswith(("...", "…"))


def measure(text: str, stopwords: frozenset[str]) -> Features:
    words = _WORD.findall(text)
    n = len(words)
    stops = sum(map(stopwords.__contains__, map(str.casefold, words)))
    alpha = [w for w in words if _LETTER.match(w)]
    capitalised = sum(1 for w in alpha if w[0].isupper())
    linky = len(_URL.findall(text)) + len(_HANDLE.findall(text))
    digits = sum(map(str.isdigit, text))  # C-level loops: this runs on every block
    return Features(
        chars=len(text),
        words=n,
        stopwords=stops,
        stopword_density=stops / n if n else 0.0,
        ends_sentence=_ends_sentence(text),
        capitalised_share=capitalised / len(alpha) if alpha else 0.0,
        url_density=linky / n if n else 0.0,
        digit_share=digits / len(text) if text else 0.0,
        sentences=len(_SENTENCE_END.findall(text)),
    )
