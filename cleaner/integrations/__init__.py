"""Run `cleaner.clean` as one step of a bigger pipeline: Spark or datatrove.

This package imports nothing heavy itself: `cleaner.integrations.spark` needs the
`cleaner[spark]` extra and `cleaner.integrations.datatrove` the `cleaner[datatrove]` one.
What both adapters share lives here: one page in, one flat record out, never an exception.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from cleaner.api import clean
from cleaner.config import Config
from cleaner.errors import Problem
from cleaner.records import BODY_FORMATS, body_of

EXCEPTION_REASON = "exception"
"""The reason id of a row whose cleaning raised (beside the `cleaner.Problem` ids)."""

EXCEPTION_ERROR = EXCEPTION_REASON + ": {type}: {message}"
"""The error of a row whose cleaning raised; problem ids never contain a colon, so the
two kinds of error are told apart by this prefix."""


@dataclass(frozen=True, slots=True)
class CleanedRow:
    """One page's body, metadata and removal counts, flat enough for a table or a JSON line.

    `text` is the body as plain text or as markdown (the `body_format` of `clean_row`).
    `error` is None exactly when `text` is not empty; otherwise it is `Result.problem`
    (e.g. "no_article_found"), or `EXCEPTION_ERROR` when cleaning raised. `removed`
    counts the dropped blocks per reason id (`cleaner.Reason`).
    """

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    site: str | None = None
    language: str | None = None
    error: str | None = None
    removed: dict[str, int] = field(default_factory=dict)

    @property
    def reason(self) -> str | None:
        """Why there is no body, as a stable id (a problem id or "exception"); None if there is."""
        return None if self.error is None else self.error.split(":", 1)[0]


MSG_BODY_FORMAT = "body_format must be one of {choices}, not {value!r}"


def check_body_format(value: object) -> str:
    """`value` if it names a body format ("text" or "markdown"); else a ValueError."""
    if value not in BODY_FORMATS:
        raise ValueError(MSG_BODY_FORMAT.format(choices=", ".join(BODY_FORMATS), value=value))
    return str(value)


def clean_row(
    document: object, url: object, config: Config, body_format: str = "text"
) -> CleanedRow:
    """Clean one cell of a table; a missing cell (None, NaN) counts as an empty page.

    Anything that is not `str` or `bytes` is taken as missing, so the null markers of
    pandas, Arrow and JSON all behave alike; a non-string `url` is ignored.
    `body_format` is "text" (the plain body) or "markdown" (`Result.markdown`).
    """
    page = document if isinstance(document, str | bytes) else ""
    address = url if isinstance(url, str) and url else None
    try:
        result = clean(page, address, config=config)
    except Exception as exc:  # one bad row must not fail the partition or the pipeline
        return CleanedRow(
            text="", error=EXCEPTION_ERROR.format(type=type(exc).__name__, message=exc)
        )
    meta = result.metadata
    return CleanedRow(
        text=body_of(result, body_format),
        title=meta.title,
        author=meta.author,
        date=meta.date,
        site=meta.site,
        language=meta.language,
        error=result.problem or (None if result.text else Problem.NO_ARTICLE.value),
        removed=dict(sorted(Counter(r.reason for r in result.removed).items())),
    )


__all__ = [
    "EXCEPTION_ERROR",
    "EXCEPTION_REASON",
    "CleanedRow",
    "check_body_format",
    "clean_row",
]
