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

    def __len__(self) -> int:
        return len(self.blocks)

    def text(self, i: int) -> str:
        return self.blocks[i].text

    def add_marks(self, marks: dict[int, Mark]) -> None:
        """Record rule marks; an earlier rule's mark on a block wins."""
        for i, mark in marks.items():
            self.marks.setdefault(i, mark)
