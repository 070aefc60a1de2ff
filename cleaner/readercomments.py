"""Reader comments, given apart from the body when asked for (`Config.comments`): the
texts of the comment thread the block steps found, or of the comments trafilatura
found in HTML, without the thread's furniture (names, dates, vote counts, buttons).

The comments come as plain text, one comment per paragraph: comments are separated by
a blank line, and the paragraphs of one comment by a single line break.
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner.page import Page
from cleaner.phrases import BULLET, category_of
from cleaner.rules import comments

TAIL_BLOCKS = 6
"""Blocks after a thread's last stamp that may still be the last comment's text: a
long comment runs a few paragraphs (`comments.MAX_COMMENT_GAP` allows twelve between
two stamps, but after the last one nothing bounds the thread but the page's footer)."""


def from_page(page: Page, body: Iterable[str]) -> str:
    """The comments of every thread the page shows, minus any text the body kept."""
    kept = set(body)
    found: list[str] = []
    for first, last in comments.threads(page):
        found += _thread(page, first, _tail_end(page, last))
    return _joined(c for c in found if not set(c.split("\n")) & kept)


def from_lines(text: str) -> str:
    """The comments in a text of one paragraph per line (trafilatura's), each line a
    comment, without the lines that are thread furniture or a comment box's widget."""
    found = []
    for line in text.splitlines():
        line = BULLET.sub("", line.strip())
        words = len(line.split())
        if line and comments.line_kind(line, words) is None and category_of(line, words) is None:
            found.append(line)
    return _joined(found)


def _tail_end(page: Page, last: int) -> int:
    """The last block of the thread's last comment: the text after its last stamp up to
    the first block a rule marked (the reply form's "Leave a Reply", the footer), the
    first that is not sentence-like, or TAIL_BLOCKS."""
    end = last
    for i in range(last + 1, min(len(page), last + 1 + TAIL_BLOCKS)):
        if comments.is_thread_line(page, i):
            end = i
            continue
        if i in page.marks or not page.features[i].ends_sentence:
            break
        end = i
    return end


def _thread(page: Page, first: int, last: int) -> list[str]:
    """The comments between two blocks: each run of text between furniture lines."""
    found: list[str] = []
    run: list[str] = []
    for i in range(first, last + 1):
        if comments.is_thread_line(page, i) or i in page.marks:
            if run:
                found.append("\n".join(run))
                run = []
            continue
        run.append(BULLET.sub("", page.text(i)))
    if run:
        found.append("\n".join(run))
    return found


def _joined(found: Iterable[str]) -> str:
    return "\n\n".join(found)
