"""The page as the text-mode steps see it: blocks, their measures, and what is known."""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner import _core
from cleaner.features import Features
from cleaner.results import Block, Mark


@dataclass(slots=True)
class Page:
    """Blocks with their features; rules read it, the pipeline adds marks to it."""

    blocks: list[Block]
    features: list[Features]
    language: str
    """The page's main language, as a stoplist name (whether or not a list exists)."""
    measured_with: _core.Stoplist
    """The stopwords (of every language the page is judged in) and length weights the
    features were measured with (`cleaner.language.PageLanguage`)."""
    url: str | None = None
    author: str | None = None
    marks: dict[int, Mark] = field(default_factory=dict)
    language_code: str = ""
    """The main language's ISO code, as reported."""
    measured: _core.MeasuredPage | None = None
    """The blocks and their measures as the core holds them, for the steps it runs on
    the whole page (`in_core`)."""

    def __len__(self) -> int:
        return len(self.blocks)

    def text(self, i: int) -> str:
        return self.blocks[i].text

    def add_marks(self, marks: dict[int, Mark]) -> None:
        """Record rule marks; an earlier rule's mark on a block wins."""
        for i, mark in marks.items():
            self.marks.setdefault(i, mark)

    def in_core(self) -> _core.MeasuredPage:
        """The page as the core holds it, measured with its language's stoplist on first
        use where it was not given (as `features` were measured)."""
        if self.measured is None:
            texts = [b.text for b in self.blocks]
            self.measured = _core.measure_page(texts, self.measured_with)
        return self.measured
