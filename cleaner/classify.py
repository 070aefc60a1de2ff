"""Block quality labels after jusText: a context-free label from the block's own
measures, then a revision of short and near-good blocks from their neighbours.

The Rust core labels a whole page in one call (`rust/src/labels.rs`, which holds the
thresholds: jusText 3.0's defaults, with a shorter finished sentence and a Title Case
line judged by its neighbours); this module gives the labels the type the steps use.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.blockfeatures import LABEL_CODES
from cleaner.page import Page
from cleaner.results import Label

_LABELS: tuple[Label, ...] = tuple(sorted(LABEL_CODES, key=LABEL_CODES.__getitem__))
"""Labels by the core's code."""


def label_page(page: Page) -> tuple[list[Label], list[Label]]:
    """Each block's context-free label, and its label revised by its neighbours; the
    marked blocks are no context and are revised to bad. Where the page's words do not
    fit its stoplist (`uses_stopwords`), length alone decides."""
    free, revised = page.in_core().labels(list(page.marks))
    return [_LABELS[c] for c in free], [_LABELS[c] for c in revised]


def uses_stopwords(page: Page) -> bool:
    """Whether the page's words fit its stoplist: at least 8% of them are stopwords
    (below that, a language jusText has no list for, or CJK text without spaces)."""
    return page.in_core().uses_stopwords()


def codes(labels: Sequence[Label]) -> list[int]:
    """The core's codes of `labels`."""
    return [LABEL_CODES[label] for label in labels]
