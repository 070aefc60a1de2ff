"""Web forms printed into the page: a contact, lead or sign-up form's field labels
("First Name *", "Email *", "This field is hidden when viewing the form") stand in a
cluster, and the article does not go on below one, unless it is a gated download's
form in mid-article, with more of the article below it than above."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.page import Page
from cleaner.results import Reason

FORM_MIN_FIELDS = 3
"""Field labels that make a form: a lone "Email *" can be a newsletter box's."""

FORM_WINDOW = 6
"""Blocks within which those labels fall (a form's fields are consecutive; a select
list's options or a hidden field's note can sit between them)."""


def form_start(page: Page) -> int | None:
    """The first field label of the page's first form, if any."""
    fields = [i for i, mark in sorted(page.marks.items()) if mark.reason is Reason.FORM_RESIDUE]
    for k in range(len(fields) - FORM_MIN_FIELDS + 1):
        if fields[k + FORM_MIN_FIELDS - 1] - fields[k] < FORM_WINDOW:
            return fields[k]
    return None


def form_end(page: Page, prose_chars: Sequence[int]) -> int | None:
    """Where a form ends the article: its first field label, unless more prose (the
    characters of each block `prose_chars` counts as prose) follows the form than
    precedes it."""
    start = form_start(page)
    if start is None or sum(prose_chars[start:]) > sum(prose_chars[:start]):
        return None
    return start
